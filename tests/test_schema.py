"""Schema: records are immutable, grounded, and JSON/JSON Schema derive from them."""

from __future__ import annotations

import dataclasses

import pytest

from presslens.core.schema import ANALYSIS_FIELD, RECORD_TYPES, Analysis, Quote, json_schema


def test_records_are_frozen():
    quote = Quote(start=0, end=4, text="test", kind="direct")
    with pytest.raises(dataclasses.FrozenInstanceError):
        quote.start = 2  # type: ignore[misc]


def test_every_record_kind_is_grounded_and_stored():
    for record_type in RECORD_TYPES:
        names = {f.name for f in dataclasses.fields(record_type)}
        assert {"start", "end"} <= names, record_type.__name__
        assert record_type in ANALYSIS_FIELD


def test_seed_offsets_slice_exactly(seed_analysis):
    text = seed_analysis.article.text
    for record_type, records in seed_analysis.records().items():
        for record in records:
            assert 0 <= record.start <= record.end <= len(text)
            if hasattr(record, "text") and record_type.__name__ != "Sentence":
                assert text[record.start:record.end] == record.text, record
    for sentence in seed_analysis.sentences:
        assert text[sentence.start:sentence.end] == sentence.text


def test_seed_entities(seed_analysis):
    names = {e.text for e in seed_analysis.entities}
    for expected in ["Hamas", "Israel", "Saleh Al-Arouri", "Benjamin Netanyahu", "West Bank",
                     "the United Nations", "Lebanon", "Ukraine"]:
        assert expected in names


def test_sentences_never_cross_paragraphs(seed_analysis):
    for sentence in seed_analysis.sentences:
        paragraph = seed_analysis.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end


def test_json_round_trip_and_schema(seed_analysis):
    data = seed_analysis.to_dict()
    assert Analysis.from_dict(data) == seed_analysis
    schema = json_schema()
    assert set(schema["properties"]) == {"article", *ANALYSIS_FIELD.values()}
    quote_props = schema["$defs"]["Quote"]["properties"]
    assert quote_props["start"]["type"] == "integer"
    assert quote_props["speaker"]["type"] == ["string", "null"]
