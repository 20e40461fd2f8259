"""Paragraphs, lines, headline lines, sentences and named entities, with their character offsets."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .nlp import doc_text, paragraph_spans
from .schema import Entity, Paragraph, Sentence


def extract_paragraphs(doc: Doc) -> list[Paragraph]:
    """Blank-line separated blocks of the text."""
    return [Paragraph(index=i, start=s, end=e) for i, (s, e) in enumerate(paragraph_spans(doc_text(doc)))]


def extract_sentences(doc: Doc, paragraphs: list[Paragraph]) -> list[Sentence]:
    """spaCy sentences trimmed of whitespace, each tagged with its paragraph index."""
    sentences: list[Sentence] = []
    para = 0
    full = doc_text(doc)
    for span in doc.sents:
        raw = full[span.start_char:span.end_char]  # = span.text, without joining its tokens again
        text = raw.strip()
        if not text:
            continue
        start = span.start_char + (len(raw) - len(raw.lstrip()))
        while para + 1 < len(paragraphs) and start >= paragraphs[para + 1].start:
            para += 1
        sentences.append(Sentence(index=len(sentences), paragraph=para, start=start,
                                  end=start + len(text), text=text))
    return sentences


def extract_entities(doc: Doc) -> list[Entity]:
    """spaCy named entities as grounded records."""
    return [Entity(start=e.start_char, end=e.end_char, text=e.text, label=e.label_) for e in doc.ents]


_LINE = re.compile(r"\S[^\n]*")
_WORD = re.compile(r"[^\W\d_]+")


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, trimmed: a quotation never crosses a line break."""
    spans = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


_TITLE_CASE_LOWER = frozenset("a an the and but or nor for so yet of in on at to by up as via vs per off out".split())
"""Words title case writes in lower case."""


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in headline case ('Senator Thanks Voters After Vote'): their names are not sources' names.
    Title case leaves only articles, conjunctions and short prepositions in lower case, so a line with another
    short word in lower case is a sentence ('Kris Kobach is the Secretary of State of Kansas.')."""
    lines = []
    for start, end in line_spans(text):
        found = _WORD.findall(text[start:end])
        words = [w for w in found if len(w) > 3]
        sentence = any(w.islower() and len(w) <= 3 and w not in _TITLE_CASE_LOWER for w in found)
        if len(words) >= 3 and all(w[0].isupper() for w in words) and not text[start:end].isupper() and not sentence:
            lines.append((start, end))
    return lines
