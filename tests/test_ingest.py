"""Ingest: every supported layout, and every bad input becomes an error row with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.core.errors import InputError
from presslens.core.readers import MAX_TEXT_CHARS, article_id, expand_paths, parse_plain_text, read_articles

from .conftest import EXAMPLES, shared_path


@pytest.mark.parametrize("raw, date, outlet, body_start", [
    (" date 2024-02-03 Meridian Wire - Rain fell.", "2024-02-03", "Meridian Wire", "Rain fell."),
    ("date 2024-02-03 The Ledger - Talks - and more talks - began.", "2024-02-03", "The Ledger", "Talks - and"),
    ("\n\n  date 2025-12-31 A - B - Body.", "2025-12-31", "A", "B - Body."),
    ("Plain text with no header at all.", None, None, "Plain text"),
    ("dated 2024-02-03 Not a header - body", None, None, "dated 2024"),
])
def test_plain_text_layout(raw, date, outlet, body_start):
    article = parse_plain_text(raw, "x.txt")
    assert (article.date, article.outlet, article.status) == (date, outlet, "ok")
    assert article.text.startswith(body_start)


def test_seed_header_is_parsed():
    article = next(read_articles([shared_path("seed/article.txt")]))
    assert (article.date, article.outlet) == ("2023-08-28", "Islam Times")
    assert article.text.startswith("The Palestinian resistance movement Hamas")


def test_article_id_is_a_content_hash():
    assert article_id("Some  text\n here") == article_id("Some text here")
    assert article_id("Some text") != article_id("Other text")
    assert article_id("Some text", "https://example.org/a") != article_id("Some text")


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
    ("random.txt", bytes(range(1, 32)) * 20, "binary file"),
    ("huge.txt", b"word " * (MAX_TEXT_CHARS // 5 + 10), "the limit is"),
    ("nocol.csv", b"id,body\n1,hello\n", "no 'text' column"),
    ("header-only.txt", b"date 2024-01-01 Outlet - ", "empty text"),
])
def test_bad_file_becomes_error_row(tmp_path, name, data, reason):
    articles = list(read_articles([_write(tmp_path, name, data)]))
    assert len(articles) == 1
    assert articles[0].status == "error"
    assert reason in articles[0].error
    assert articles[0].source.endswith(name)


def test_malformed_json_line_does_not_stop_the_batch(tmp_path):
    lines = [json.dumps({"id": "a", "date": "2024-01-01", "outlet": "W", "title": "T", "url": None,
                         "text": "First article text."}),
             '{"id": "b", "text": "unterminated',
             json.dumps(["not", "an", "object"]),
             json.dumps({"id": "c", "date": "01/02/2024", "text": "Bad date."}),
             json.dumps({"id": "d", "text": "Last article text."})]
    articles = list(read_articles([_write(tmp_path, "w.jsonl", "\n".join(lines))]))
    assert [a.status for a in articles] == ["ok", "error", "error", "error", "ok"]
    assert "malformed JSON" in articles[1].error and articles[1].source.endswith(":2")
    assert "not an object" in articles[2].error
    assert "YYYY-MM-DD" in articles[3].error
    assert articles[0].external_id == "a" and articles[0].outlet == "W"


def test_csv_rows(tmp_path):
    path = _write(tmp_path, "b.csv", 'id,date,outlet,title,url,text\n7,2024-03-04,Wire,Hi,,"Line one, with comma.\n\nLine two."\n8,,,,,\n')
    first, second = read_articles([path])
    assert (first.status, first.date, first.external_id) == ("ok", "2024-03-04", "7")
    assert "Line two." in first.text
    assert second.status == "error" and "empty text" in second.error


def test_html_page_via_trafilatura():
    article = next(read_articles([EXAMPLES / "11-page.html"]))
    assert article.status == "ok"
    assert article.date and article.title
    assert "<p>" not in article.text and "\n\n" in article.text


def test_directories_and_globs_expand_to_supported_files():
    files = expand_paths([EXAMPLES])
    assert files and all(f.suffix in {".txt", ".jsonl", ".csv", ".html"} for f in files)
    assert expand_paths([str(EXAMPLES / "*.txt")]) == sorted(f for f in files if f.suffix == ".txt")


def test_missing_path_is_a_user_error():
    with pytest.raises(InputError, match="no such file"):
        list(read_articles(["/nonexistent/file.txt"]))


def test_example_corpus_reads_without_errors():
    articles = list(read_articles([EXAMPLES]))
    assert 8 <= len(articles) <= 12
    assert all(a.status == "ok" and a.date for a in articles), [a.error for a in articles]
    assert len({a.id for a in articles}) == len(articles)


def test_large_json_lines_files_stream_with_the_same_records(tmp_path, monkeypatch):
    """Above STREAM_BYTES a JSON Lines file is read line by line: same rows, bad lines still rows."""
    from presslens.core import readers

    path = tmp_path / "big.jsonl"
    lines = ['{"id": "a", "text": "The council of Norvik met on Monday."}', "{broken", "",
             '{"id": "c", "text": "Dock workers in Tarnholm walked out \u2014 again."}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = list(readers.read_file(path))
    monkeypatch.setattr(readers, "STREAM_BYTES", 10)
    assert list(readers.read_file(path)) == whole
    assert [a.status for a in whole] == ["ok", "error", "ok"]


def test_streamed_json_lines_decode_each_line_alone(tmp_path, monkeypatch):
    """A Latin-1 line in a UTF-8 file: streamed, each line keeps its own letters."""
    from presslens.core import readers

    monkeypatch.setattr(readers, "STREAM_BYTES", 10)
    path = tmp_path / "mixed.jsonl"
    path.write_bytes('{"text": "Caf\u00e9 owners in Estmark protested."}'.encode("latin-1") + b"\n"
                     + '{"text": "Dock workers walked out \u2014 again."}'.encode("utf-8") + b"\n")
    assert [a.text for a in readers.read_file(path)] == ["Café owners in Estmark protested.",
                                                        "Dock workers walked out — again."]
