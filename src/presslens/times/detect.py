"""Finding time-expression spans: pattern matches checked against the parse.

Patterns propose spans (``timex_patterns``); the parse vetoes readings that are
not times: the modal 'may' and the verb 'march', numbers spaCy reads as
amounts ('2000 people', '$1990'), ages ('a 6-year-old'). Overlapping proposals
keep the longest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .patterns import PATTERNS
from .scan import Scanner

_BARE_YEAR = re.compile(r"(?:1[0-9]|20)\d\d")
_NOT_YEAR_ENTITIES = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "PRODUCT", "ORG", "FAC", "LAW"}
_VERB_MONTHS = {"may", "march"}
_TRAILING = " \t\n,.;:'\"’"
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_CAPITALISED_NEXT = re.compile(r"[ \t]+([A-Z][a-z]+)")
_SCANNER = Scanner([pattern for _, pattern in PATTERNS])


@dataclass(frozen=True)
class Candidate:
    """A proposed time expression: ``[start, end)`` and the pattern family that found it."""

    start: int
    end: int
    family: str


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_verb_month(doc: Doc, start: int, text: str) -> bool:
    """'May' the modal or 'March' the verb (only when the month stands alone)."""
    if text.lower() not in _VERB_MONTHS:
        return False
    token = _token_at(doc, start)
    return token is not None and (token.tag_ == "MD" or token.pos_ in ("VERB", "AUX"))


def _is_amount(doc: Doc, text: str, start: int, end: int) -> bool:
    """A four-digit number that the parse reads as an amount rather than a year."""
    if not _BARE_YEAR.fullmatch(text[start:end]):
        return False
    if start > 0 and text[start - 1] in "$#£€":
        return True
    if text[end:end + 1] == "%" or text[end:end + 2] == " %":
        return True
    token = _token_at(doc, start)
    if token is None:
        return False
    if token.ent_type_ in _NOT_YEAR_ENTITIES:
        return True
    following = token.nbor(1) if token.i + 1 < len(doc) else None
    return following is not None and following.lower_ in ("percent", "per", "people", "shares", "points")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _TRAILING and not text[start:end].lower().endswith(("a.m.", "p.m.")):
        end -= 1
    if text[start:end].lower().endswith(("'s", "’s")):
        end -= 2
    return start, end


def _begins_a_name(doc: Doc, text: str, start: int, end: int) -> bool:
    """'the March 23 Movement', 'the 26th of July Movement': a date after 'the' and before capitalised words
    (no month or weekday) that close the noun phrase is the first part of a proper name, not a time; before
    a common noun ('the Aug. 7 Embassy bombings') the date says when."""
    expression = text[start:end]
    if not _MONTH.search(expression):
        return False
    article = expression.lower().startswith("the ") or _THE_BEFORE.search(text[max(0, start - 8):start])
    following = _CAPITALISED_NEXT.match(text, end)
    if not (article and following and not _MONTH.fullmatch(following.group(1))
            and not following.group(1).endswith("day")):
        return False
    token = _token_at(doc, following.start(1))
    while token is not None and token.i + 1 < len(doc) and (token.text[:1].isupper() or token.lower_ == "of"):
        token = token.nbor(1)
    return token is None or not (token.pos_ == "NOUN" and token.is_lower)


def _acceptable(doc: Doc, text: str, candidate: Candidate) -> bool:
    expression = text[candidate.start:candidate.end]
    if not expression.strip() or _is_verb_month(doc, candidate.start, expression):
        return False
    if candidate.family == "set" and expression.lower().endswith("ly"):
        token = _token_at(doc, candidate.start)
        return token is None or token.pos_ == "ADV"
    return not _is_amount(doc, text, candidate.start, candidate.end)


def find_candidates(doc: Doc, text: str) -> list[Candidate]:
    """Every pattern match in ``text`` (= ``doc.text``) that the parse does not veto; overlaps keep the longest."""
    found: list[Candidate] = []
    names: list[tuple[int, int]] = []
    for (family, _), matches in zip(PATTERNS, _SCANNER.matches(text)):
        for match in matches:
            start, end = _trim(text, match.start(), match.end())
            if end > start and _begins_a_name(doc, text, start, end):
                names.append((start, end))
            elif end > start and _acceptable(doc, text, Candidate(start, end, family)):
                found.append(Candidate(start, end, family))
    found = [c for c in found if not any(s <= c.start and c.end <= e for s, e in names)]
    chosen: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)
