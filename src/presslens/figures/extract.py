"""Figures: numbers and vague quantities with what they count, their year, place and source.

A quantity (``figure_spans``) is a figure unless it is part of a time
expression ('in 2005', 'two years'), an ordinal, or a label in a name
('Resolution 242', 'Boeing 747'). What it counts comes from the parse
(``figure_context``). A figure that points back ('of whom 33 were minors',
'33 of them') is ``part_of`` the figure before it and inherits what that one
left unsaid (participle, year, place). The year is that of a dated time
expression in the sentence; the place is the most specific place in the sentence
that is not its reporter's, nearest first, else the last one earlier in the paragraph
(literal places as passed in, less demonyms; spaCy's GPE/LOC entities when none were
passed); the source is the
speaker of the quotation or claim whose content holds the figure, else None (the
outlet's own voice).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc, Token

from presslens.core.nlp import PARAGRAPH_BREAK
from presslens.core.schema import Figure, Place, Quote, TimeRef

from .context import Counted, counted_of, quantity_root, sentence_of
from .spans import Quantity, find_quantities

_NOT_FIGURE_ENTITIES = {"ORDINAL", "ORG", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "PERSON", "GPE", "LOC"}
"""A number inside a name ('Boeing 747', 'Apollo 11') or an ordinal is not a figure."""
_PRONOUN_ONE = re.compile(r"(?i)\b(?:no|any|every|some|each|the|this|that|which|another)\s*$")
_POINTS_BACK_BEFORE = re.compile(r"(?i)\b(?:(?:of|among)\s+(?:whom|which|them|those|these)|including|among\s+them)"
                                 r"\s*,?\s*$")
_POINTS_BACK_AFTER = re.compile(r"(?i)^\s+(?:of|among)\s+(?:them|whom|those|these|which)\b")
_AGE_AFTER = re.compile(r"(?i)^[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old\b")
_LABEL_BEFORE = re.compile(r"(?i)(?:\bno\.|#|\bnumber)\s*$")
_DIRECTION = re.compile(r"(?:Northern|Southern|Eastern|Western|Central|North|South|East|West|Upper|Lower)\s+$")
_BOUNDARY_BEFORE = re.compile(r"(?i)\b(?:since|until|till|before|after|from|by)\s+$")
"""'since 2019' bounds a period; it is not the year a figure refers to."""
_YEAR_VALUE = re.compile(r"^(\d{4})(?!\d)")
_YEAR_LIKE = re.compile(r"^(1[89]|20)\d\d$")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _is_label(root: Token) -> bool:
    """A number naming something ('Resolution 242', 'Route 60'): it follows the noun it belongs to."""
    head = root.head
    return (head.i == root.i - 1 and head.pos_ in ("NOUN", "PROPN")
            and root.dep_ in ("nummod", "appos", "npadvmod", "compound"))


def _is_figure(doc: Doc, text: str, quantity: Quantity, root: Token | None) -> bool:
    number_span = doc.char_span(quantity.amount_start, quantity.end, alignment_mode="expand")
    if root is None or number_span is None:
        return False
    if any(t.ent_type_ in _NOT_FIGURE_ENTITIES for t in number_span if t.like_num or t.pos_ == "NUM"):
        return False
    before = text[max(0, quantity.start - 12):quantity.start]
    if _LABEL_BEFORE.search(before) or _AGE_AFTER.match(text[quantity.end:quantity.end + 20]):
        return False
    if quantity.unit is None and _is_label(root):
        return False
    number_text = text[quantity.amount_start:quantity.end]
    if number_text.lower() == "one" and (root.dep_ != "nummod" or _PRONOUN_ONE.search(before)):
        return False
    return not (_YEAR_LIKE.match(number_text) and root.dep_ != "nummod" and quantity.unit is None)


SPECIFICITY = {"landmark": 0, "city": 0, "water": 1, "admin2": 1, "admin1": 2, "region": 2, "country": 3,
               "continent": 4}
"""How wide a kind of place is: the figure's place is the most specific one its sentence names."""
REPORTING_LEMMAS = frozenset({"say", "report", "tell", "announce", "confirm", "add", "state", "claim", "warn"})


class PlaceMention(NamedTuple):
    """A place named in the text: offsets, surface (without 'the') and how wide it is."""

    start: int
    end: int
    name: str
    width: int


def _width(place: Place) -> int:
    """How wide a place is; a name the gazetteer lacks, placed within a named division
    ('Kuriga, Kaduna state'), is narrower than that division."""
    if place.feature is None and (place.basis or "").startswith("within "):
        return SPECIFICITY["city"]
    return SPECIFICITY.get(place.feature or "", 1)


def _place_mentions(doc: Doc, text: str, places: list[Place]) -> list[PlaceMention]:
    """Toponym mentions, widened to a direction word ('Northern West Bank').

    Demonyms ('Palestinians'), capitals named for their government and names inside an
    institution's name are not places of a figure. Adjacent mentions merge. When no places
    were passed in, spaCy's GPE/LOC entities stand in for them.
    """
    spans = [(p.start, p.end, _width(p)) for p in places if not p.demonym and p.sense == "literal"] or \
        [(e.start_char, e.end_char, 2) for e in doc.ents if e.label_ in ("GPE", "LOC")]
    merged: list[tuple[int, int, int]] = []
    for start, end, width in sorted(spans):
        if merged and not text[merged[-1][1]:start].strip() and start - merged[-1][1] <= 1:
            merged[-1] = (merged[-1][0], end, min(width, merged[-1][2]))
        else:
            merged.append((start, end, width))
    mentions = []
    for start, end, width in merged:
        direction = _DIRECTION.search(text[max(0, start - 10):start])
        if direction:
            start -= len(direction.group())
        name = re.sub(r"^(?i:the)\s+", "", text[start:end])
        mentions.append(PlaceMention(end - len(name), end, name, width))
    return mentions


def _in_source(doc: Doc, mention: PlaceMention) -> bool:
    """Whether the place belongs to who reports the figure ('the Gaza health ministry said',
    'officials in Khartoum said'): it lies in the subject of a reporting verb."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    while token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in REPORTING_LEMMAS:
            return True
        token = token.head
    return False


def _place_for(doc: Doc, text: str, start: int, end: int, mentions: list[PlaceMention]) -> str | None:
    """Where the counted thing happened: in the figure's sentence, the most specific place that is
    not its reporter's ('42 killed in strikes on Rafah, the Gaza health ministry said' → Rafah),
    nearest first; else the last place earlier in its paragraph."""
    sentence = sentence_of(doc, start)
    if sentence is None:
        return None
    inside = [m for m in mentions if sentence.start_char <= m.start < sentence.end_char]
    if inside:
        return min(inside, key=lambda m: (_in_source(doc, m), m.width,
                                          min(abs(m.start - end), abs(start - m.end)))).name
    breaks = [b.end() for b in PARAGRAPH_BREAK.finditer(text, 0, sentence.start_char)]
    paragraph_start = breaks[-1] if breaks else 0
    earlier = [m for m in mentions if paragraph_start <= m[0] < sentence.start_char]
    return earlier[-1].name if earlier else None


def _year_for(doc: Doc, text: str, start: int, times: list[TimeRef]) -> int | None:
    """The year of the dated time expression nearest to the figure in its sentence ('in 2022', not 'since 2019')."""
    sentence = sentence_of(doc, start)
    if sentence is None:
        return None
    dated = [(abs(t.start - start), int(m.group(1))) for t in times
             if sentence.start_char <= t.start < sentence.end_char and t.type in ("DATE", "TIME") and t.value
             and (m := _YEAR_VALUE.match(t.value))
             and not _BOUNDARY_BEFORE.search(text[max(0, t.start - 8):t.start])]
    return min(dated)[1] if dated else None


def _source_for(start: int, end: int, quotes: list[Quote]) -> str | None:
    """The speaker of the innermost quotation or claim whose content holds the figure."""
    holding = [q for q in quotes if q.start <= start and end <= q.end and (q.speaker or q.speaker_mention)]
    if not holding:
        return None
    innermost = min(holding, key=lambda q: q.end - q.start)
    return innermost.speaker or innermost.speaker_mention


def _points_back(doc: Doc, text: str, quantity: Quantity, counted: Counted) -> bool:
    sentence = sentence_of(doc, quantity.start)
    window_start = max(sentence.start_char if sentence is not None else 0, quantity.start - 30)
    return counted.partitive_pronoun or bool(_POINTS_BACK_BEFORE.search(text[window_start:quantity.start])
                                             or _POINTS_BACK_AFTER.match(text[quantity.end:quantity.end + 20]))


def _parent(doc: Doc, quantity: Quantity, figures: list[Figure]) -> Figure | None:
    """The figure a pointing-back figure is part of: the last one in its sentence or the one before."""
    sentence = sentence_of(doc, quantity.start)
    if not figures or sentence is None:
        return None
    previous_start = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else 0
    return figures[-1] if figures[-1].start >= previous_start else None


def _parent_parts(parent: Figure) -> tuple[str | None, str | None]:
    """The counted noun and participle of a figure, read back from its ``counts``."""
    if not parent.counts:
        return None, None
    if parent.no_counted_noun:
        return None, parent.counts
    if parent.counts_start is not None and parent.counts_end is not None:
        noun_length = parent.counts_end - parent.counts_start
        noun, participle = parent.counts[:noun_length], parent.counts[noun_length:].strip()
        return noun, participle or None
    return parent.counts, None


def _build(doc: Doc, text: str, quantity: Quantity, counted: Counted, parent: Figure | None,
           quotes: list[Quote], mentions: list[PlaceMention], times: list[TimeRef]) -> Figure:
    participle = counted.participle
    noun = counted.noun
    if parent is not None:
        parent_noun, parent_participle = _parent_parts(parent)
        participle = participle or parent_participle
        noun = noun or parent_noun
    counts = " ".join(w for w in (noun, participle) if w) or None
    year = _year_for(doc, text, quantity.start, times) or (parent.year if parent else None)
    place = _place_for(doc, text, quantity.start, quantity.end, mentions) or (parent.place if parent else None)
    return Figure(start=quantity.start, end=quantity.end, text=text[quantity.start:quantity.end],
                  value=quantity.value, low=quantity.low, high=quantity.high, approximate=quantity.approximate,
                  unit=quantity.unit, counts=counts, counts_start=counted.start if noun == counted.noun else None,
                  counts_end=counted.end if noun == counted.noun else None,
                  part_of=parent.text if parent else None, year=year, place=place,
                  source=_source_for(quantity.start, quantity.end, quotes),
                  no_counted_noun=noun is None and quantity.unit is None)


def extract_figures(doc: Doc, quotes: list[Quote], places: list[Place], times: list[TimeRef]) -> list[Figure]:
    """Every figure with its counted noun, year, place and source."""
    text = doc.text  # Doc.text joins every token: read it once
    time_spans = [(t.start, t.end) for t in times]
    mentions = _place_mentions(doc, text, places)
    figures: list[Figure] = []
    for quantity in find_quantities(text):
        if _overlaps(quantity.amount_start, quantity.end, time_spans):
            continue
        root = quantity_root(doc, quantity.amount_start, quantity.end)
        if not _is_figure(doc, text, quantity, root):
            continue
        counted = counted_of(root, quantity.end)
        parent = _parent(doc, quantity, figures) if _points_back(doc, text, quantity, counted) else None
        figures.append(_build(doc, text, quantity, counted, parent, quotes, mentions, times))
    return figures
