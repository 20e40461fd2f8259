"""Property tests: any Unicode text goes through readers and extractors without an exception,
and every record's offsets lie inside the text. Example counts are bounded and derandomized."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presslens.core.nlp import parse
from presslens.core.readers import decode_text, make_article, read_file
from presslens.core.schema import Article
from presslens.pipeline import analyze_doc

FRAGMENTS = ['"', "\u201c", "\u201d", "'", "\u2019", "\u00ab", "\u00bb", ".", ",", ":", " ", "\n", "\n\n", "-", "\u2014",
             "said", "told reporters", "according to", "The mayor of Norvik", "Valdoria's", "police", "on Monday",
             "5,000", "12%", "three", "1 March 2024", "last week", "in Estmark", "killed", "attacked", "met",
             "(", ")", "[", "]", "he", "They", "not", "would", "O'Brien", "e.g.", "U.S.", "?", "!", "\u00e9", "\u05e9",
             "\u0634", "\u4e2d", "\U0001f600", "\u200b", "\t"]
NEWSY = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSY)
FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _offset_pairs(record: object) -> list[tuple[str, int | None, int | None]]:
    """Every (start, end) pair a record carries: ``start``/``end`` and ``X_start``/``X_end``."""
    fields = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    pairs = [("", fields.get("start"), fields.get("end"))]
    for name in fields:
        if name.endswith("_start") and name[:-6] + "_end" in fields:
            pairs.append((name[:-6], fields[name], fields[name[:-6] + "_end"]))
    return pairs


@FUZZ
@given(ANY_TEXT)
def test_extractors_accept_any_text_and_keep_offsets_inside_it(text):
    analysis = analyze_doc(Article(id="fuzz", text=text), parse(text))
    for records in analysis.records().values():
        for record in records:
            for name, start, end in _offset_pairs(record):
                if start is None and end is None:
                    continue
                if isinstance(start, int) and isinstance(end, int):
                    assert 0 <= start <= end <= len(text), (type(record).__name__, name, start, end, text)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_text_or_are_refused(data):
    text = decode_text(data)
    assert text is None or isinstance(text, str)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=12)))
def test_any_text_becomes_an_article_or_an_error_row(text, date):
    article = make_article(text, source="<fuzz>", date=date)
    assert article.status in ("ok", "error") and (article.status == "ok") == (article.error is None)
    assert article.status == "error" or article.text == text


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600), st.sampled_from([".txt", ".jsonl", ".csv", ".html"]))
def test_any_file_reads_without_an_exception(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    articles = list(read_file(path))
    assert articles and all(a.status == "error" and a.error or a.status == "ok" for a in articles)
