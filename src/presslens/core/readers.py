"""Read articles from files: plain text, JSON Lines, CSV and HTML.

Nothing here raises for a bad article: an unreadable file or record becomes an
``Article`` with ``status="error"`` and a reason, and reading goes on. Only a
path that does not exist at all is a user error (``InputError``).
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .schema import Article

MAX_TEXT_CHARS = 100_000
"""Texts longer than this become error rows. Parse time and memory grow with length: a
100,000-character text takes about 15 s and 600 MB at peak on a laptop core, where the former
1,000,000-character cap allowed minutes and gigabytes; long-form features stay under 60,000."""

MAX_FILE_BYTES = {"text": 4 * MAX_TEXT_CHARS, "html": 5_000_000}
"""Text and HTML files above these sizes become error rows unread (a text file can hold at most
MAX_TEXT_CHARS characters of 4 bytes; pages keep room for markup). JSONL and CSV files hold many
articles and are not capped as a whole."""

MAX_RUN_CHARS = 5_000
"""Texts with a longer run between sentence ends (``.``, ``!``, ``?`` or a line break) become error
rows: prose has no such sentence (the development corpora peak near 800 characters), and the
extractors' work grows with the square of a sentence's length."""

MAX_QUOTE_MARKS = 1_000
"""Texts with more double quotation marks than this become error rows: several extractors compare
every quotation with every sentence, so thousands of marks take minutes; a long report with a
hundred quotations has about 200."""
_QUOTE_MARKS = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb]')

CONTROL_SHARE = 0.02
"""Decoded text with more than this share of control characters is binary data, not text."""

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES

_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.+?)\s+-\s+", re.DOTALL)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SENTENCE_END = re.compile(r"[.!?\n]")


def normalize_text(text: str) -> str:
    """NFC with whitespace runs folded: the form the article id is computed on."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(text: str, url: str | None = None) -> str:
    """Stable content hash: same normalized text (and URL) → same id."""
    key = normalize_text(text) + ("\x00" + url.strip() if url else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def error_article(source: str, reason: str, **meta: str | None) -> Article:
    """An error row; its id hashes the source locator so re-reading it is idempotent."""
    ident = "err-" + hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    return Article(id=ident, text="", source=source, status="error", error=reason, **meta)


TITLE_CHARS = 150
"""A title taken from the first line of a text is cut (at a word) to this many characters."""


def first_line_title(text: str) -> str | None:
    """The first non-blank line of a text, as the title of an article that gives none."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(line) > TITLE_CHARS:
        line = line[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return " ".join(line.split()) or None


def make_article(text: str, *, source: str, date: str | None = None, outlet: str | None = None,
                 title: str | None = None, url: str | None = None,
                 external_id: str | None = None) -> Article:
    """Validate one article's fields; invalid input gives an error row, not an exception."""
    meta = {"date": date or None, "outlet": outlet or None, "title": title or None,
            "url": url or None, "external_id": external_id or None}
    if not isinstance(text, str):
        return error_article(source, "text is missing or not a string", **meta)
    if not text.strip():
        return error_article(source, "empty text", **meta)
    if len(text) > MAX_TEXT_CHARS:
        return error_article(source, f"text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}",
                             **meta)
    if not any(ch.isalnum() for ch in text):
        return error_article(source, "no letters or digits in the text", **meta)
    longest_run = max(map(len, _SENTENCE_END.split(text)))
    if longest_run > MAX_RUN_CHARS:
        return error_article(source, f"{longest_run:,} characters without a sentence end; the limit is "
                                     f"{MAX_RUN_CHARS:,} (not prose)", **meta)
    marks = len(_QUOTE_MARKS.findall(text))
    if marks > MAX_QUOTE_MARKS:
        return error_article(source, f"{marks:,} quotation marks; the limit is {MAX_QUOTE_MARKS:,}", **meta)
    if meta["date"] and not _DATE.fullmatch(str(meta["date"])[:10]):
        return error_article(source, f"date {meta['date']!r} is not YYYY-MM-DD", **meta)
    if meta["date"]:
        meta["date"] = str(meta["date"])[:10]
    meta["title"] = " ".join(str(meta["title"]).split()) if meta["title"] else first_line_title(text)
    return Article(id=article_id(text, meta["url"]), text=text, source=source, **meta)


def parse_plain_text(raw: str, source: str) -> Article:
    """The seed layout ``date YYYY-MM-DD Outlet - body``, or any plain text."""
    match = _HEADER.match(raw)
    if match:
        body = raw[match.end():].rstrip()
        return make_article(body, source=source, date=match.group(1), outlet=match.group(2).strip())
    return make_article(raw.strip(), source=source)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of mostly-ASCII text is NUL, else None."""
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if len(head) >= 4 and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str | None:
    """Bytes as text: UTF-8 (BOM or not), UTF-16 (BOM, or NUL-padded ASCII), else Windows-1252 /
    Latin-1. None when the bytes are binary (NUL bytes or control characters in the decoded text)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        utf16 = _utf16_without_bom(data[:8192])
        encodings = [utf16] if utf16 else ["utf-8-sig", "cp1252", "latin-1"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    controls = sum(1 for ch in text[:65536] if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if "\x00" in text[:65536] or controls > CONTROL_SHARE * min(len(text), 65536):
        return None
    return text


def _decode(data: bytes, source: str) -> str | Article:
    if not data.strip():
        return error_article(source, "empty file")
    text = decode_text(data)
    if text is None:
        return error_article(source, "binary file (NUL bytes or control characters; not text in UTF-8, "
                                      "UTF-16 or Latin-1)")
    if not text.strip():
        return error_article(source, "empty file")
    return text


def _records_to_articles(records: Iterable[dict], source: str) -> Iterator[Article]:
    for locator, record in records:
        if isinstance(record, Article):
            yield record
            continue
        yield make_article(record.get("text"), source=locator,
                           date=_str(record.get("date")), outlet=_str(record.get("outlet")),
                           title=_str(record.get("title")), url=_str(record.get("url")),
                           external_id=_str(record.get("id")))


def _str(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def read_jsonl(text: str | Iterable[str], source: str) -> Iterator[Article]:
    """One article per JSON line (a text, or its lines one by one); a malformed line becomes an error row."""
    lines = text.splitlines() if isinstance(text, str) else text

    def records():
        for number, line in enumerate(lines, 1):
            locator = f"{source}:{number}"
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield locator, error_article(locator, f"malformed JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield locator, error_article(locator, "JSON line is not an object")
                continue
            yield locator, record
    return _records_to_articles(records(), source)


def read_csv(text: str, source: str) -> Iterator[Article]:
    """CSV with a header row naming ``id, date, outlet, title, url, text``.

    Fields up to 4 × MAX_TEXT_CHARS are read (an over-long text is then one error row); a longer
    field stops the file with an error row, keeping the rows before it."""
    csv.field_size_limit(max(csv.field_size_limit(), 4 * MAX_TEXT_CHARS))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield error_article(source, "CSV has no 'text' column")
        return
    rows = ((f"{source}:{reader.line_num}", row) for row in reader)
    try:
        yield from _records_to_articles(rows, source)
    except csv.Error as exc:  # e.g. a field over csv.field_size_limit(); earlier rows are kept
        line = reader.line_num + 1  # the record that failed starts after the lines read so far
        yield error_article(f"{source}:{line}", f"CSV unreadable from line {line} on ({exc}); "
                            "the rows from there on were not read")


def read_html(text: str, source: str) -> Article:
    """Main text, title and date of an HTML page via trafilatura."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    except Exception as exc:  # a page the HTML parser chokes on is one bad article, not a stopped batch
        return error_article(source, f"HTML page could not be parsed: {type(exc).__name__}: {exc}"[:300])
    if extracted is None:
        return error_article(source, "no article text found in the HTML page")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = re.sub(r"\n+", "\n\n", (data.get("text") or "").strip())  # one paragraph per line
    return make_article(body, source=source, date=data.get("date"),
                        outlet=data.get("sitename"), title=data.get("title"), url=data.get("url"))


STREAM_BYTES = 16_000_000
"""JSON Lines files larger than this are read line by line, so a corpus file of any size
never sits in memory (UTF-8, as JSON Lines is; a line that is not UTF-8 is decoded alone)."""


def _head(path: Path, size: int = 65_536) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


def _utf8_lines(path: Path) -> Iterator[str]:
    with path.open("rb") as handle:
        for raw in handle:
            try:
                yield raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                yield (decode_text(raw) or raw.decode("utf-8", "replace")).rstrip("\r\n")


def read_file(path: Path) -> Iterator[Article]:
    """All articles in one file, by its suffix (unknown suffixes are read as plain text)."""
    source = str(path)
    suffix = path.suffix.lower()
    kind = "html" if suffix in HTML_SUFFIXES else None if suffix in JSONL_SUFFIXES | CSV_SUFFIXES else "text"
    try:
        size = path.stat().st_size
        if kind and size > MAX_FILE_BYTES[kind]:
            yield error_article(source, f"file is {size:,} bytes, more than one article can be; the limit is "
                                        f"{MAX_TEXT_CHARS:,} characters ({MAX_FILE_BYTES[kind]:,} bytes of {kind})")
            return
        if suffix in JSONL_SUFFIXES and size > STREAM_BYTES and b"\0" not in _head(path):
            yield from read_jsonl(_utf8_lines(path), source)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield error_article(source, f"cannot read file: {exc.strerror}")
        return
    decoded = _decode(data, source)
    if isinstance(decoded, Article):
        yield decoded
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(decoded, source)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv(decoded, source)
    elif suffix in HTML_SUFFIXES:
        yield read_html(decoded, source)
    else:
        yield parse_plain_text(decoded, source)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named by paths, directories (recursively, supported suffixes) and globs."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            matches = sorted(Path(p) for p in glob.glob(str(given), recursive=True))
            if not matches:
                raise InputError(f"no such file, directory or glob match: {given}")
            files.extend(expand_paths(matches))
    return files


def count_articles(paths: Iterable[str | Path]) -> int:
    """How many rows ``read_articles`` yields for these paths, without parsing text or HTML pages
    (a text or HTML file is one row; JSON Lines and CSV files are read through)."""
    total = 0
    for path in expand_paths(paths):
        suffix = path.suffix.lower()
        total += sum(1 for _ in read_file(path)) if suffix in JSONL_SUFFIXES | CSV_SUFFIXES else 1
    return total


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article]:
    """Every article in the given files, directories and globs, in a stable order."""
    for path in expand_paths(paths):
        yield from read_file(path)
