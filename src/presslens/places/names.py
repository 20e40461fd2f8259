"""Name normalization shared by the gazetteer's builder and its look-ups."""

from __future__ import annotations

import functools
import re
import unicodedata

_ABBREVIATIONS = (("saint ", "st "), ("mount ", "mt "), ("fort ", "ft "), ("sainte ", "ste "))
_INITIAL = re.compile(r"(?<![a-z])([a-z])\.")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")


@functools.lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: 'St. Mary’s' → 'st marys', 'U.S.' → 'us'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _INITIAL.sub(r"\1", text)
    text = text.replace("’", "").replace("'", "").replace("`", "").replace(".", " ").replace(",", " ")
    text = " " + _SEPARATORS.sub(" ", text).strip() + " "
    for long, short in _ABBREVIATIONS:
        text = text.replace(" " + long, " " + short)
    return text.strip()


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is in the Latin script."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


def plural_demonym(demonym: str) -> str | None:
    """'Israeli' → 'Israelis', 'Czech' → 'Czechs'; adjectives like 'Sudanese', 'British', 'French',
    'Dutch' have no plural."""
    if not demonym or demonym.endswith(("ese", "sh", "nch", "tch", "s", "x", "z")):
        return None
    return demonym + "s"


__all__ = ["normalize", "is_latin", "plural_demonym"]
