"""Which toponym candidates are place mentions.

The decision combines what spaCy thinks the span is (its entity label), what
the gazetteer knows the name as (country, division, city…), and local evidence
of place-hood: a locative preposition before it ('in Woodstock'), a division
after it ('Paris, Texas'), a dateline, or another mention of the same name that
is a place for certain (one sense per discourse).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .gazetteer import Gazetteer
from .toponyms import COMPASS, PLACE_LABELS, Candidate

NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "EVENT", "WORK_OF_ART", "CARDINAL", "ORDINAL",
                              "MONEY", "PERCENT", "QUANTITY", "LAW", "LANGUAGE"})
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "outside", "inside", "across", "throughout",
                      "around", "toward", "towards", "into", "via", "between", "within", "through"})
WIDE_FEATURES = frozenset({"country", "continent", "region", "admin1", "water"})
DATELINE_MARKS = frozenset({"—", "–", "-", "--", ",", "(", ":"})


def _features(gaz: Gazetteer, cand: Candidate) -> set[str]:
    return {gaz.rows[i][5] for i in cand.entries}


def _preceded_by_locative(doc: Doc, cand: Candidate) -> bool:
    start = cand.tokens[0]
    previous = doc[start - 1] if start > 0 else None
    if previous is not None and previous.lower_ in {"the", "of"} and start > 1:
        previous = doc[start - 2] if previous.lower_ == "the" else previous
    return previous is not None and previous.lower_ in LOCATIVE


def _followed_by_division(gaz: Gazetteer, doc: Doc, cand: Candidate, kept: dict[int, Candidate]) -> bool:
    """'Paris, Texas': a comma then a kept country or first-level division."""
    end = cand.tokens[1]
    if end >= len(doc) or doc[end].text != ",":
        return False
    following = kept.get(end + 1)
    return following is not None and bool(_features(gaz, following) & {"country", "admin1", "admin2"})


def _dateline(doc: Doc, cand: Candidate) -> bool:
    """A place in capitals opening a paragraph ('BEIRUT —', 'HAMILTON,')."""
    start, end = cand.tokens
    opens = start == 0 or "\n" in doc[start - 1].text_with_ws
    upper = all(t.is_upper or not t.is_alpha for t in doc[start:end])
    return opens and upper and end < len(doc) and doc[end].text in DATELINE_MARKS


def _certain(gaz: Gazetteer, cand: Candidate) -> bool:
    """Kept on its own: spaCy and the gazetteer agree, or the name is unambiguous in kind."""
    features = _features(gaz, cand)
    label = cand.label
    if label in NOT_PLACE_LABELS:
        return False
    if cand.demonym:
        return label != "PERSON"
    if "admin2" in features and cand.key.endswith(("county", "parish")):
        return True
    if len(cand.key.split()) == 1 and cand.key in COMPASS:
        return False
    if features & {"landmark", "water", "region"} and " " in cand.key:
        return True  # curated multi-word names ('Haram al-Sharif') whatever spaCy calls them
    if features & {"country", "continent", "region"}:
        return label != "PERSON" or cand.exact
    if "admin1" in features and label not in {"PERSON", "FAC", "NORP"}:
        return label in {"GPE", "ORG", ""} or cand.exact
    if label in PLACE_LABELS and cand.exact:
        return bool(cand.entries) or bool(cand.local)
    return bool(cand.local) and bool(cand.entries) and label in {"ORG", ""} and cand.exact


def _supported(gaz: Gazetteer, doc: Doc, cand: Candidate, kept: dict[int, Candidate],
               certain_keys: set[str]) -> bool:
    """Kept with evidence from the context."""
    if cand.label in NOT_PLACE_LABELS or cand.label == "NORP" or not cand.entries:
        return False
    if cand.key in certain_keys:
        return cand.label != "PERSON" or cand.exact
    if cand.label == "PERSON":
        return False
    return (_preceded_by_locative(doc, cand) or _followed_by_division(gaz, doc, cand, kept)
            or _dateline(doc, cand) or cand.after_comma)


def select_places(doc: Doc, gaz: Gazetteer, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that are place mentions, in text order."""
    kept = {c.tokens[0]: c for c in candidates if _certain(gaz, c)}
    certain_keys = {c.key for c in kept.values() if c.entries}
    for cand in candidates:
        if cand.tokens[0] not in kept and _supported(gaz, doc, cand, kept, certain_keys):
            kept[cand.tokens[0]] = cand
    return sorted(kept.values(), key=lambda c: c.start)


__all__ = ["select_places"]
