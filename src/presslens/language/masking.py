"""Names masked before the span model and the tone scorer look at a sentence.

A name is a proper name or demonym (``rules.is_name``), any capitalised content word
inside a sentence ('Rapid Support Forces', whose 'Rapid' and 'Support' are not tagged
as names), a capitalised word opening a sentence before such a word, and a capitalised
word inside an actor mention when the mentions are known. Consecutive name tokens
(and a possessive between two: 'the People's Defence Force'), with a 'the' right
before them, form one run, and every run becomes one neutral
placeholder: 'the Rapid Support Forces', 'Sudan' and 'Hamas' all read as the same
single word, so a sentence scores the same whichever side it names, and no score
comes from the words inside a name.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from presslens.core.schema import ActorMention

from .rules import is_name

PLACEHOLDER_LETTER = "x"
"""Letter the tone scorer's placeholder is written with (a word VADER does not score)."""


def mention_tokens(doc: Doc, mentions: Iterable[ActorMention]) -> set[int]:
    """Indices of the tokens inside any actor mention."""
    inside: set[int] = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def name_runs(doc: Doc, mentions: Iterable[ActorMention] = ()) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the names in a document, each with the 'the' before it."""
    inside = mention_tokens(doc, mentions)
    capitalised = [t.text[:1].isupper() and t.is_alpha and not t.is_stop for t in doc]
    names = [is_name(t) or (capitalised[t.i] and (not t.is_sent_start or t.i in inside)) for t in doc]
    for t in doc:
        if t.is_sent_start and capitalised[t.i] and t.i + 1 < len(doc) and names[t.i + 1]:
            names[t.i] = True
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not names[i]:
            i += 1
            continue
        start, end = i, i + 1
        while end < len(doc) and not doc[end].is_sent_start and (
                names[end] or (doc[end].tag_ == "POS" and end + 1 < len(doc) and names[end + 1])):
            end += 1
        if start > 0 and doc[start - 1].lower_ == "the" and not doc[start].is_sent_start:
            start -= 1
        runs.append((start, end))
        i = end
    return runs


def masked_text(doc: Doc, runs: list[tuple[int, int]]) -> str:
    """The document's text with each name run replaced by one placeholder word of the same length
    (character offsets are unchanged)."""
    text = doc.text
    pieces, position = [], 0
    for start, end in runs:
        a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        pieces += [text[position:a], PLACEHOLDER_LETTER * (b - a)]
        position = b
    pieces.append(text[position:])
    return "".join(pieces)


__all__ = ["name_runs", "masked_text", "mention_tokens", "PLACEHOLDER_LETTER"]
