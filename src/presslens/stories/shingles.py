"""Near-duplicate detection: word shingles, MinHash signatures and LSH band keys.

Two texts are near-duplicates when the Jaccard similarity of their sets of word
``SHINGLE_WORDS``-grams is at least ``DUPLICATE_JACCARD``, or when at least
``DUPLICATE_CONTAINMENT`` of the shorter text's shingles are in the longer one (a copy with
its last paragraphs trimmed). MinHash (datasketch, fixed seed) estimates Jaccard; the
signature is cut into ``BANDS`` bands of ``ROWS`` values, and two texts become candidates
when any band is equal (probability 1-(1-J^2)^64: 0.9997 at J=0.2, 0.47 at J=0.1), so a
lookup reads a few index rows rather than every stored signature. Candidates are then
checked on their exact shingle sets.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS, ROWS = 64, 2
SEED = 18
SCHEME = "affine32"
"""datasketch's permutation scheme: stored signatures and band keys are only comparable within one."""
DUPLICATE_JACCARD = 0.5
DUPLICATE_CONTAINMENT = 0.8
MIN_SHINGLES = 8
"""A text with fewer shingles than this (a headline-only brief) is never called a copy by containment."""
CANDIDATE_ESTIMATE = 0.1
"""Candidates whose estimated Jaccard is below this are dropped before the exact check."""

_WORD = re.compile(r"\w+")
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def shingles(text: str) -> set[bytes]:
    """The set of lower-cased word ``SHINGLE_WORDS``-grams of a text (the whole text if shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(shingle_set: set[bytes]) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` unsigned 64-bit values) of a shingle set."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS, scheme=SCHEME)
    minhash.update_batch(sorted(shingle_set))
    return minhash.hashvalues.astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number mixed in), as SQLite stores integers."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "big") * 8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def similarity(a: set[bytes], b: set[bytes]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    return shared / len(a | b), shared / min(len(a), len(b))


def is_duplicate(jaccard: float, containment: float, smaller: int) -> bool:
    return jaccard >= DUPLICATE_JACCARD or (containment >= DUPLICATE_CONTAINMENT and smaller >= MIN_SHINGLES)
