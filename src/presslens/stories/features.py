"""What makes two articles the same story: shared names, shared words, nearby dates.

Two articles (not copies) are linked as one story when their dates are at most
``WINDOW_DAYS`` apart, they share names (people, organisations, places, named actors; a
person also by surname) and the cosine of their content-word counts is at least
``MIN_COSINE_ONE_NAME`` when they share one name, ``MIN_COSINE`` when they share two or more
(one shared name is often just the city: two strikes in one town on one day). An undated
article is compared with articles of any date. Names and words are read from the text
and the analysis only, with no corpus-wide statistics, so a link never depends on what
else is stored or in which order articles arrive.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.lang.en.stop_words import STOP_WORDS

from presslens.core.schema import Analysis

WINDOW_DAYS = 3
MIN_COSINE = 0.3
MIN_COSINE_ONE_NAME = 0.5

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"}
"""spaCy entity labels whose text names a participant or a place."""

_WORD = re.compile(r"[^\W\d_]{3,}")
_LEADING_THE = re.compile(r"^the\s+")


@dataclass(frozen=True)
class StoryFeatures:
    """An article's story features: its date, the names it uses and its content-word counts."""

    date: str | None
    names: frozenset[str]
    words: dict[str, int]

    def to_json(self) -> dict:
        return {"names": sorted(self.names), "words": self.words}

    @classmethod
    def from_json(cls, day: str | None, data: dict) -> "StoryFeatures":
        return cls(day, frozenset(data["names"]), data["words"])


def normalize_name(text: str) -> str:
    """'The Tarnholm Dockworkers' Union' → 'tarnholm dockworkers union'."""
    text = text.lower().replace("’", "'").replace("'s ", " ").replace("'", "")
    return _LEADING_THE.sub("", " ".join(text.split()))


def names_of(analysis: Analysis) -> frozenset[str]:
    """Names of people, organisations, places and named actors, plus each person's surname."""
    names: set[str] = set()
    for entity in analysis.entities:
        if entity.label in NAME_LABELS:
            name = normalize_name(entity.text)
            names.add(name)
            if entity.label == "PERSON" and " " in name:
                names.add(name.rsplit(" ", 1)[1])
    for actor in analysis.actors:
        if actor.name[:1].isupper():  # a proper name, not a description such as 'residents'
            names.add(normalize_name(actor.name))
    for place in analysis.places:
        names.add(normalize_name(place.text))
    return frozenset(n for n in names if n)


def words_of(text: str) -> dict[str, int]:
    """Counts of the lower-cased content words (no stop words, no numbers, three letters or more)."""
    return dict(Counter(w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS))


def features(analysis: Analysis) -> StoryFeatures:
    article = analysis.article
    return StoryFeatures(article.date, names_of(analysis), words_of(f"{article.title or ''}\n{article.text}"))


def cosine(a: dict[str, int], b: dict[str, int]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(count * b.get(word, 0) for word, count in a.items())
    norm = math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values()))
    return dot / norm if norm else 0.0


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO dates (None when either is missing or not a date)."""
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def window(day: str) -> tuple[str, str] | tuple[None, None]:
    """The dates within ``WINDOW_DAYS`` of an ISO date, as (since, until); (None, None) if it is not a date."""
    try:
        center = date.fromisoformat(day[:10])
    except ValueError:
        return None, None
    return (str(center - timedelta(days=WINDOW_DAYS)), str(center + timedelta(days=WINDOW_DAYS)))


def same_story(a: StoryFeatures, b: StoryFeatures, min_cosine: float = MIN_COSINE,
               min_cosine_one_name: float = MIN_COSINE_ONE_NAME) -> bool:
    """The story link rule (symmetric, so the result does not depend on which came first)."""
    gap = days_apart(a.date, b.date)
    if gap is not None and gap > WINDOW_DAYS:
        return False
    shared = len(a.names & b.names)
    return shared > 0 and cosine(a.words, b.words) >= (min_cosine if shared > 1 else min_cosine_one_name)
