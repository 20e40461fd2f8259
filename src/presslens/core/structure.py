"""Paragraphs, sentences and named entities, with their character offsets."""

from __future__ import annotations

from spacy.tokens import Doc

from .nlp import paragraph_spans
from .schema import Entity, Paragraph, Sentence


def extract_paragraphs(doc: Doc) -> list[Paragraph]:
    """Blank-line separated blocks of the text."""
    return [Paragraph(index=i, start=s, end=e) for i, (s, e) in enumerate(paragraph_spans(doc.text))]


def extract_sentences(doc: Doc, paragraphs: list[Paragraph]) -> list[Sentence]:
    """spaCy sentences trimmed of whitespace, each tagged with its paragraph index."""
    sentences: list[Sentence] = []
    para = 0
    for span in doc.sents:
        text = span.text.strip()
        if not text:
            continue
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        while para + 1 < len(paragraphs) and start >= paragraphs[para + 1].start:
            para += 1
        sentences.append(Sentence(index=len(sentences), paragraph=para, start=start,
                                  end=start + len(text), text=text))
    return sentences


def extract_entities(doc: Doc) -> list[Entity]:
    """spaCy named entities as grounded records."""
    return [Entity(start=e.start_char, end=e.end_char, text=e.text, label=e.label_) for e in doc.ents]
