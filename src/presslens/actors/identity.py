"""One identity per actor across a corpus: a stable id from the canonical name, kind and country.

The id depends on nothing but the actor itself, so an article gets the same ids whether it
is analysed alone, in a batch or by another process, and a store can count a person once
(the ``actor_entities`` view groups actors by it). A person's id leaves the country out:
one article may say where a person is from and another not. Quote speakers and events can
link to an actor through :func:`entity_id`.
"""

from __future__ import annotations

import hashlib

from .book import normalize_words

PERSON_KINDS = frozenset({"person"})


def entity_id(name: str, kind: str, country: str | None = None) -> str:
    """'e' + 16 hex digits of a hash of the normalised name, the kind and (except for people) the country."""
    words = " ".join(normalize_words(name))
    place = "" if kind in PERSON_KINDS else (country or "")
    digest = hashlib.sha1(f"{kind}|{place}|{words}".encode("utf-8")).hexdigest()
    return "e" + digest[:16]


__all__ = ["entity_id"]
