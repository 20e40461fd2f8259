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

MAX_TEXT_CHARS = 1_000_000
"""Texts longer than this become error rows (a parse would take minutes)."""

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES

_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.+?)\s+-\s+", re.DOTALL)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def _decode(data: bytes, source: str) -> str | Article:
    if not data.strip():
        return error_article(source, "empty file")
    if b"\x00" in data[:8192]:
        return error_article(source, "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return error_article(source, f"not valid UTF-8: undecodable byte at position {exc.start}")


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


def read_jsonl(text: str, source: str) -> Iterator[Article]:
    """One article per JSON line; a malformed line becomes an error row."""
    def records():
        for number, line in enumerate(text.splitlines(), 1):
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
    """CSV with a header row naming ``id, date, outlet, title, url, text``."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield error_article(source, "CSV has no 'text' column")
        return
    rows = ((f"{source}:{reader.line_num}", row) for row in reader)
    yield from _records_to_articles(rows, source)


def read_html(text: str, source: str) -> Article:
    """Main text, title and date of an HTML page via trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if extracted is None:
        return error_article(source, "no article text found in the HTML page")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = re.sub(r"\n+", "\n\n", (data.get("text") or "").strip())  # one paragraph per line
    return make_article(body, source=source, date=data.get("date"),
                        outlet=data.get("sitename"), title=data.get("title"), url=data.get("url"))


def read_file(path: Path) -> Iterator[Article]:
    """All articles in one file, by its suffix (unknown suffixes are read as plain text)."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield error_article(source, f"cannot read file: {exc.strerror}")
        return
    decoded = _decode(data, source)
    if isinstance(decoded, Article):
        yield decoded
        return
    suffix = path.suffix.lower()
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
