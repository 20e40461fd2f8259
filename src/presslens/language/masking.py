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

from presslens.core.nlp import doc_text
from presslens.core.schema import ActorMention

from .rules import is_name

_RUNS_KEY = "presslens.name_runs"
"""``doc.user_data`` key of the name runs last found (dropped with the other per-Doc caches)."""
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
    """Token ranges ``[start, end)`` of the names in a document, each with the 'the' before it (found once
    per doc and set of mention spans: the flags and the tones both mask them)."""
    mentions = list(mentions)
    key = tuple((m.start, m.end) for m in mentions)
    cached = doc.user_data.get(_RUNS_KEY)
    if cached is None or cached[0] != key:
        cached = doc.user_data[_RUNS_KEY] = (key, _find_runs(doc, mentions))
    return list(cached[1])


def _find_runs(doc: Doc, mentions: list[ActorMention]) -> list[tuple[int, int]]:
    inside = mention_tokens(doc, mentions)
    tokens = list(doc)  # doc[i] makes a new Token each time: read each once
    starts = [t.is_sent_start for t in tokens]
    capitalised = [t.text[:1].isupper() and t.is_alpha and not t.is_stop for t in tokens]
    names = [is_name(t) or (capitalised[i] and (not starts[i] or i in inside)) for i, t in enumerate(tokens)]
    for i in range(len(tokens) - 1):
        if starts[i] and capitalised[i] and names[i + 1]:
            names[i] = True
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not names[i]:
            i += 1
            continue
        start, end = i, i + 1
        while end < len(tokens) and not starts[end] and (
                names[end] or (tokens[end].tag_ == "POS" and end + 1 < len(tokens) and names[end + 1])):
            end += 1
        if start > 0 and tokens[start - 1].lower_ == "the" and not starts[start]:
            start -= 1
        runs.append((start, end))
        i = end
    return runs


def masked_text(doc: Doc, runs: list[tuple[int, int]]) -> str:
    """The document's text with each name run replaced by one placeholder word of the same length
    (character offsets are unchanged)."""
    text = doc_text(doc)
    pieces, position = [], 0
    for start, end in runs:
        a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        pieces += [text[position:a], PLACEHOLDER_LETTER * (b - a)]
        position = b
    pieces.append(text[position:])
    return "".join(pieces)


__all__ = ["name_runs", "masked_text", "mention_tokens", "PLACEHOLDER_LETTER"]
