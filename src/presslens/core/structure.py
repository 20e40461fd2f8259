"""Paragraphs, sentences and named entities, with their character offsets."""

from __future__ import annotations

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
