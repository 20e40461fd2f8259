"""The ``Doc._``/``Span._`` extensions presslens components write and read.

Records live in ``doc._.presslens_records`` as plain dicts by kind (``quotes``, ``events``, …), so a
Doc serialises (``doc.to_bytes``, ``nlp.pipe(n_process=2)``) without custom types. ``doc._.quotes``
and the other kinds are read-only views: fresh ``Span``s over each record's ``start``/``end``
(widened to whole tokens), labelled with the record class, whose ``span._.presslens`` is the record.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from presslens.core.schema import ANALYSIS_FIELD, from_dict, to_dict

KIND_TYPES: dict[str, type] = {name: record_type for record_type, name in ANALYSIS_FIELD.items()}
"""Record kind (``quotes``, ``events``, …) → record class."""

DOC_KINDS = ("quotes", "voices", "actors", "mentions", "places", "times", "figures", "events", "flags", "tones")
"""Kinds shown as ``doc._.KIND`` span lists (paragraphs, sentences and entities are spaCy's own)."""

_KIND_OF_LABEL = {KIND_TYPES[kind].__name__: kind for kind in DOC_KINDS}


def stored(doc: Doc, kind: str) -> list[dict[str, Any]] | None:
    """The records of one kind as dicts, or None when no component has produced that kind yet."""
    records = doc._.presslens_records
    return None if records is None else records.get(kind)


def records_of(doc: Doc, kind: str) -> list:
    """The records of one kind as schema records (empty when not produced)."""
    return [from_dict(KIND_TYPES[kind], data) for data in stored(doc, kind) or ()]


def store_records(doc: Doc, kind: str, records: list) -> None:
    """Keep one kind's records on the doc (as dicts: a Doc must stay serialisable)."""
    if doc._.presslens_records is None:
        doc._.presslens_records = {}
    doc._.presslens_records[kind] = [to_dict(r) for r in records]


def spans_of(doc: Doc, kind: str) -> list[Span]:
    """One Span per record of a kind, labelled with its record class; ``span.id`` is its index."""
    label = KIND_TYPES[kind].__name__
    return [doc.char_span(r["start"], r["end"], label=label, alignment_mode="expand", span_id=i)
            for i, r in enumerate(stored(doc, kind) or ())]


def record_of_span(span: Span) -> Any:
    """The presslens record behind a span from ``doc._.KIND`` (None for any other span)."""
    kind = _KIND_OF_LABEL.get(span.label_)
    records = stored(span.doc, kind) if kind else None
    if not records or not 0 <= span.id < len(records):
        return None
    return from_dict(KIND_TYPES[kind], records[span.id])


def register_extensions() -> None:
    """Register the extensions once per process (a no-op when they exist)."""
    if not Doc.has_extension("presslens_records"):
        Doc.set_extension("presslens_records", default=None)
    if not Doc.has_extension("article_date"):
        Doc.set_extension("article_date", default=None)
    for kind in DOC_KINDS:
        if not Doc.has_extension(kind):
            Doc.set_extension(kind, getter=lambda doc, kind=kind: spans_of(doc, kind))
    if not Span.has_extension("presslens"):
        Span.set_extension("presslens", getter=record_of_span)
