"""The SQLite store: one file, tables derived from the schema, idempotent upserts.

* ``articles`` holds metadata, text, status and error reason, keyed by content hash.
* One table per record kind (``quotes``, ``events``, …) with ``article_id`` and offsets.
* ``articles_fts`` is an FTS5 index over title and text (Datasette shows a search box).
* ``presslens_meta`` records the schema version; ``presslens_migrations`` what was applied.

Tables and columns follow ``schema.py``: a field added there becomes a column through
an additive migration the next time a store is opened for writing.

Writers use WAL and a busy timeout, and take the write lock (``BEGIN IMMEDIATE``) for each
migration and each article, so two ingests into one file both finish. A reader
(``Store(path, read_only=True)``, as the server opens it) opens the file with ``mode=ro``,
never migrates and never creates views; each thread gets its own connection.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from presslens.core.errors import InputError, NotFoundError, StoreError, UnknownNameError
from presslens.core.schema import (ANALYSIS_FIELD, RECORD_TYPES, SCHEMA_VERSION, Analysis, Article, field_types,
                                   from_dict)

from presslens.core.schema import CORPUS_RECORD_TYPES  # stories: tables keyed by their own columns

from .dashboard import add_to_aggregates, create_aggregates
from .entities import create_entities_view
from .views import ARTICLE_VIEWS, create_article_views, create_naming_view

_SQL_TYPES = {str: "TEXT", int: "INTEGER", float: "REAL", bool: "INTEGER", tuple: "TEXT"}

BUSY_TIMEOUT_S = 60.0
"""How long a connection waits for another process's write lock before giving up."""

MAX_PAGE = 1000
"""The largest page a listing or search returns."""

ARTICLE_FILTERS = ("status", "outlet", "since", "until")
"""Names an article listing can be filtered by (``since``/``until`` bound the article date)."""

ARTICLE_LISTING_COLUMNS = tuple(n for n in field_types(Article) if n != "text") + ("ingested_at",)
"""Columns of an article listing (everything but the text)."""

_ARTICLE_SCOPE = {"article_id": "r.article_id = ?", "outlet": "a.outlet = ?", "since": "a.date >= ?",
                  "until": "a.date <= ?"}
"""Article-level filters every record listing accepts beside the record's own fields."""

_ARTICLE_COLUMNS_SCOPE = {"outlet", "since", "until"}
"""The filters of a record listing that read the article row (the others need no join to count)."""

_ARTICLE_LISTING_SCOPE = {"status": "status = ?", "outlet": "outlet = ?", "since": "ifnull(date, '') >= ?",
                          "until": "ifnull(date, '') <= ? AND date IS NOT NULL"}
"""Article listing filters, on the listing's sort key (``ifnull(date, '')``) so that its indexes serve ranges."""

_AFTER_DATE_ID = "ifnull({a}date, '') >= ? AND (ifnull({a}date, '') > ? OR {a}id > ?)"
"""Rows after a (date, id) cursor, as a range on the date that an index on ``ifnull(date, '')`` serves
(SQLite does not seek an index on a row value holding an expression); ``_after`` gives its values."""

_COUNTS_KEPT = 512
"""How many listing totals a Store remembers (``Store.count``)."""

_SEARCH_SCOPE = {"outlet": "a.outlet = ?", "since": "a.date >= ?", "until": "a.date <= ?",
                 "actor": "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND x.name = ? COLLATE NOCASE)",
                 "type": "EXISTS (SELECT 1 FROM events x WHERE x.article_id = a.id AND x.type = ?)"}
"""Filters a search takes beside its words."""

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TRUE, _FALSE = {"true", "1", "yes"}, {"false", "0", "no"}
_INT64 = (-2**63, 2**63 - 1)

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: dict[int, Migration] = {}
"""Explicit migrations to schema version N (run in order from the stored version).

Additive changes (new record kinds, new fields) need no entry: tables and columns
are created from the schema by ``_ensure_tables``.
"""


def _columns(record_type: type) -> dict[str, str]:
    return {name: _SQL_TYPES[base] for name, base in field_types(record_type).items()}


def _to_sql(value: object) -> object:
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def row_values(record_type: type, row: Mapping) -> dict:
    """A stored row (SQLite or Parquet) as field values; columns an older store lacks keep their defaults."""
    values = dict(zip(row.keys(), row)) if isinstance(row, sqlite3.Row) else row  # a Row looks names up one by one
    data = {}
    for name, base in field_types(record_type).items():
        if name not in values:
            continue
        value = values[name]
        if base is tuple:
            value = tuple(json.loads(value)) if value and value != "[]" else ()  # most lists are empty
        elif base is bool:
            value = bool(value)
        data[name] = value
    return data


class Page(list):
    """One page of rows (a plain list, so it serializes as one) with the ``total`` number of rows
    matching in all and the ``next`` cursor to pass back for the following page (None on the last)."""

    def __init__(self, rows: Iterable[dict], total: int, next_cursor: str | None):
        super().__init__(rows)
        self.total = total
        self.next = next_cursor


def encode_cursor(key: list) -> str:
    """An opaque paging token for the last row's sort key."""
    return base64.urlsafe_b64encode(json.dumps(key).encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(token: str, size: int) -> list:
    """The sort key inside a token from ``encode_cursor`` (``size`` items); InputError if it is not one."""
    try:
        key = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        key = None
    if not isinstance(key, list) or len(key) != size or not all(
            isinstance(k, str) or isinstance(k, int) and _INT64[0] <= k <= _INT64[1] for k in key):
        raise InputError(f"cursor {token[:40]!r} is not a cursor this listing returned; start without one")
    return key


def _after(key: list) -> list:
    """The values of ``_AFTER_DATE_ID`` for a cursor's (date, id)."""
    date, row_id = key
    return [date, date, row_id]


def _check_page(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"limit must be between 1 and {MAX_PAGE}, not {limit}")


def _check_names(given: Iterable[str], allowed: Iterable[str], what: str) -> None:
    allowed = list(allowed)
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        raise UnknownNameError(f"unknown {what} {', '.join(map(repr, unknown))}; allowed: {', '.join(allowed)}",
                               allowed)


def _coerce(name: str, value: object, base: type) -> object:
    """A filter value as the column's type (request values arrive as strings); InputError if it is not one."""
    if name in ("since", "until") and not (isinstance(value, str) and _DATE.fullmatch(value)):
        raise InputError(f"{name} must be a date YYYY-MM-DD, not {value!r}")
    if base in (str, tuple) or not isinstance(value, str):
        return _to_sql(value)
    text = value.strip().lower()
    if base is bool and text in _TRUE | _FALSE:
        return int(text in _TRUE)
    try:
        if base is int and _INT64[0] <= int(text) <= _INT64[1]:
            return int(text)
        if base is float:
            return float(text)
    except ValueError:
        pass
    raise InputError(f"{name} must be {'true or false' if base is bool else 'a number'}, not {value!r}")


def record_filter_names(record_type: type) -> list[str]:
    """The whitelist of filters for one record kind: its schema fields plus the article-level ones."""
    return [n for n in field_types(record_type) if n not in _ARTICLE_SCOPE] + list(_ARTICLE_SCOPE)


def record_filter(record_type: type, filters: Mapping[str, object]) -> tuple[str, list]:
    """A WHERE clause (over ``r`` the record table and ``a`` its article) and its bound values.

    Names are checked against ``record_filter_names`` (UnknownNameError lists the allowed ones);
    a field holding a list (``sources``, ``names``, …) matches when any item equals the value.
    Only names from the schema reach the SQL text; every value is a bound parameter.
    """
    _check_names(filters, record_filter_names(record_type), f"filter for {record_type.table}")
    types_ = field_types(record_type)
    clauses, args = [], []
    for name, value in filters.items():
        if name in _ARTICLE_SCOPE:
            clauses.append(_ARTICLE_SCOPE[name])
            args.append(_coerce(name, value, str))
            continue
        base = types_[name]
        if base is tuple:
            clauses.append(f"EXISTS (SELECT 1 FROM json_each(r.[{name}]) WHERE value = ?)")
        else:
            clauses.append(f"r.[{name}] = ?")
        args.append(_coerce(name, value, base))
    return " AND ".join(clauses), args


def fts_words(words: str) -> str | None:
    """Plain words as an FTS5 query: each word quoted, so quotes, apostrophes and operators are text."""
    tokens = re.findall(r"\w+", words)
    return " ".join(f'"{t}"' for t in tokens) or None


class Store:
    """A presslens SQLite file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if (read_only or not create) and not self.path.exists():
            raise NotFoundError(f"no store at {self.path}; create one with 'presslens ingest PATH --db {self.path}'")
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._counts: dict[tuple, tuple[tuple, int]] = {}
        try:
            if read_only:
                self._check_version()
            else:
                self._migrate()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(f"{self.path} is not a presslens store: {exc}") from exc

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use, kept until ``close()``)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True,
                                   timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        else:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction holding the write lock from its start (waits up to BUSY_TIMEOUT_S for it)."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    # -- schema -------------------------------------------------------------

    def _check_version(self) -> int:
        """The stored schema version; StoreError if this presslens cannot read the file."""
        try:
            row = self.conn.execute("SELECT value FROM presslens_meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError as exc:
            if self.read_only:
                raise StoreError(f"{self.path} is not a presslens store (open it once with "
                                 f"'presslens ingest' to create one): {exc}") from exc
            return 0
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}, newer than this presslens "
                             f"({SCHEMA_VERSION}); upgrade presslens")
        return version

    def _migrate(self) -> None:
        with self._write() as c:
            version = self._check_version()
            c.execute("CREATE TABLE IF NOT EXISTS presslens_meta (key TEXT PRIMARY KEY, value TEXT)")
            c.execute("CREATE TABLE IF NOT EXISTS presslens_migrations "
                      "(id INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                if target in MIGRATIONS:
                    MIGRATIONS[target](c)
                    self._record_migration(f"migration to schema version {target}")
            self._ensure_tables()
            c.execute("INSERT OR REPLACE INTO presslens_meta VALUES ('schema_version', ?)",
                      (str(SCHEMA_VERSION),))

    def _record_migration(self, description: str) -> None:
        self.conn.execute("INSERT INTO presslens_migrations (description, applied_at) VALUES (?, ?)",
                          (description, datetime.now(timezone.utc).isoformat(timespec="seconds")))

    def _existing_columns(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute(f"PRAGMA table_info([{table}])")}

    def _ensure_table(self, table: str, columns: dict[str, str], head: str, tail: str = "") -> None:
        existing = self._existing_columns(table)
        if not existing:
            body = ", ".join([head] + [f"[{n}] {t}" for n, t in columns.items()] + ([tail] if tail else []))
            self.conn.execute(f"CREATE TABLE [{table}] ({body})")
            self._record_migration(f"create table {table}")
            return
        for name, sql_type in columns.items():
            if name not in existing:
                self.conn.execute(f"ALTER TABLE [{table}] ADD COLUMN [{name}] {sql_type}")
                self._record_migration(f"add column {table}.{name}")

    def _ensure_tables(self) -> None:
        article_cols = {n: t for n, t in _columns(Article).items() if n != "id"}
        article_cols["ingested_at"] = "TEXT"
        self._ensure_table("articles", article_cols, "[id] TEXT PRIMARY KEY")
        for record_type in RECORD_TYPES:
            table = record_type.table
            self._ensure_table(table, _columns(record_type),
                               "[article_id] TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
                               "[ordinal] INTEGER NOT NULL",
                               "PRIMARY KEY (article_id, ordinal)")
            self.conn.execute(f"CREATE INDEX IF NOT EXISTS [idx_{table}_article] ON [{table}](article_id)")
        self.conn.execute("CREATE INDEX IF NOT EXISTS idx_actors_article_id ON actors(article_id, id)")  # naming view
        for record_type in CORPUS_RECORD_TYPES:
            first, *rest = _columns(record_type).items()
            self._ensure_table(record_type.table, dict(rest), f"[{first[0]}] {first[1]}",
                               f"PRIMARY KEY ({', '.join(record_type.key)})")
        if not self._existing_columns("articles_fts"):
            for statement in (  # one by one: executescript would commit the migration half-way
                    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content=[articles], "
                    "content_rowid=[rowid])",
                    "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN "
                    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
                    "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN "
                    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                    "VALUES('delete', old.rowid, old.title, old.text); END"):
                self.conn.execute(statement)
            self._record_migration("create FTS5 index articles_fts")
        for column in ("outlet", "date", "status"):
            self.conn.execute(f"CREATE INDEX IF NOT EXISTS idx_articles_{column} ON articles({column})")
        self.conn.execute("CREATE INDEX IF NOT EXISTS idx_articles_listing ON articles(ifnull(date, ''), id)")
        for column in ("outlet", "status"):  # a listing filtered by one of them reads its page in date order
            self.conn.execute(f"CREATE INDEX IF NOT EXISTS idx_articles_{column}_listing "
                              f"ON articles({column}, ifnull(date, ''), id)")
        self.conn.execute("CREATE INDEX IF NOT EXISTS idx_events_type ON events(type, article_id, ordinal)")
        create_naming_view(self.conn)
        for table in create_aggregates(self.conn):  # dashboard aggregates, filled from the stored records
            self._record_migration(f"create and fill {table}")
        create_article_views(self.conn)
        create_entities_view(self.conn)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("SELECT value FROM presslens_meta WHERE key='schema_version'").fetchone()[0])

    # -- writing ------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def known_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT id FROM articles")}

    def add(self, analysis: Analysis, then: Callable[[sqlite3.Connection], object] | None = None) -> bool:
        """Store one analysis with all its records in one transaction; returns False (changing
        nothing) if its article is already stored, also when another process stored it meanwhile.
        ``then`` runs last inside that transaction (ingest links the article's story there)."""
        article = analysis.article
        if self.has(article.id):
            return False
        with self._write():
            if self.has(article.id):
                return False
            if article.status == "ok" and article.source:
                # a source that failed before and now reads fine replaces its error row
                self.conn.execute("DELETE FROM articles WHERE status='error' AND source=?", (article.source,))
            fields = {n: _to_sql(getattr(article, n)) for n in field_types(Article)}
            fields["ingested_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
            self.conn.execute(
                f"INSERT INTO articles ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})",
                list(fields.values()))
            for record_type, records in analysis.records().items():
                if not records:
                    continue
                names = list(field_types(record_type))
                sql = (f"INSERT INTO [{record_type.table}] (article_id, ordinal, {', '.join(f'[{n}]' for n in names)}) "
                       f"VALUES ({', '.join('?' * (len(names) + 2))})")
                self.conn.executemany(sql, [[article.id, i] + [_to_sql(getattr(r, n)) for n in names]
                                            for i, r in enumerate(records)])
            add_to_aggregates(self.conn, article.id)
            if then is not None:
                then(self.conn)
        return True

    # -- reading ------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        rows = self.conn.execute("SELECT * FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                                 (article_id, article_id + "\U0010ffff")).fetchall()
        if not rows or not article_id:
            raise NotFoundError(f"no article with id {article_id!r} in {self.path}")
        if len(rows) > 1 and rows[0]["id"] != article_id:
            raise NotFoundError(f"id prefix {article_id!r} is ambiguous in {self.path}")
        return Article(**row_values(Article, rows[0]))

    def analysis(self, article_id: str) -> Analysis:
        """The stored analysis of one article (an id prefix is enough when unique)."""
        article = self.article(article_id)
        values: dict = {"article": article}
        for record_type, name in ANALYSIS_FIELD.items():
            rows = self.conn.execute(f"SELECT * FROM [{record_type.table}] WHERE article_id=? ORDER BY ordinal",
                                     (article.id,))
            values[name] = tuple(from_dict(record_type, row_values(record_type, r)) for r in rows)
        return Analysis(**values)

    def articles(self, status: str | None = None, outlet: str | None = None) -> Iterator[Article]:
        sql, args = "SELECT * FROM articles WHERE 1=1", []
        if status:
            sql, args = sql + " AND status=?", args + [status]
        if outlet:
            sql, args = sql + " AND outlet=?", args + [outlet]
        for row in self.conn.execute(sql + " ORDER BY date, id", args):
            yield Article(**row_values(Article, row))

    def records(self, record_type: type, where: str = "", args: Iterable = ()) -> list[dict]:
        """Rows of one record table joined with article date and outlet, as dicts."""
        sql = (f"SELECT r.*, a.date AS article_date, a.outlet AS article_outlet FROM [{record_type.table}] r "
               f"JOIN articles a ON a.id = r.article_id {('WHERE ' + where) if where else ''} "
               f"ORDER BY a.date, r.article_id, r.ordinal")
        result = []
        for row in self.conn.execute(sql, list(args)):
            data = row_values(record_type, row)
            data.update(article_id=row["article_id"], article_date=row["article_date"],
                        article_outlet=row["article_outlet"])
            result.append(data)
        return result

    def count(self, sql: str, args: Iterable = ()) -> int:
        """The number ``sql`` (a ``SELECT count(*)``) returns, remembered while no article is added.

        Every write adds an article row, so the newest row (rowid and id) marks the store's state; a
        count is reused only under the same mark. Paging through a listing counts its rows once.
        """
        newest = self.conn.execute("SELECT rowid, id FROM articles ORDER BY rowid DESC LIMIT 1").fetchone()
        mark, key = tuple(newest or ()), (sql, tuple(args))
        with self._lock:
            known = self._counts.get(key)
        if known and known[0] == mark:
            return known[1]
        total = self.conn.execute(sql, key[1]).fetchone()[0]
        with self._lock:
            if len(self._counts) >= _COUNTS_KEPT:
                self._counts.pop(next(iter(self._counts)))
            self._counts[key] = (mark, total)
        return total

    def counts(self) -> dict[str, int]:
        """Articles by status."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT status, count(*) FROM articles GROUP BY status")}

    def article_page(self, filters: Mapping[str, object] | None = None, *, limit: int = 200,
                     cursor: str | None = None) -> Page:
        """One page of articles (every column but the text) by date then id.

        ``filters`` may name ``status``, ``outlet``, ``since`` and ``until`` (YYYY-MM-DD, inclusive);
        other names are an UnknownNameError listing these. Pass ``page.next`` as ``cursor`` for the next page.
        """
        filters = dict(filters or {})
        _check_page(limit)
        _check_names(filters, ARTICLE_FILTERS, "article filter")
        clauses = [_ARTICLE_LISTING_SCOPE[name] for name in filters]
        args = [_coerce(name, value, str) for name, value in filters.items()]
        where = " AND ".join(clauses) or "1=1"
        total = self.count(f"SELECT count(*) FROM articles WHERE {where}", args)
        if cursor:
            where += f" AND {_AFTER_DATE_ID.format(a='')}"
            args += _after(decode_cursor(cursor, 2))
        columns = ", ".join(f"[{c}]" for c in ARTICLE_LISTING_COLUMNS)
        rows = [dict(r) for r in self.conn.execute(
            f"SELECT {columns} FROM articles WHERE {where} "
            f"ORDER BY ifnull(date, ''), id LIMIT ?", args + [limit + 1])]
        return self._page(rows, total, limit, lambda row: [row["date"] or "", row["id"]])

    def record_page(self, record_type: type, filters: Mapping[str, object] | None = None, *, limit: int = 500,
                    cursor: str | None = None) -> Page:
        """One page of one record kind, in article id then record order, with article date and outlet.

        ``filters`` are checked by ``record_filter`` (names from the schema, values bound).
        """
        _check_page(limit)
        filters = filters or {}
        where, args = record_filter(record_type, filters)
        table = f"[{record_type.table}] r JOIN articles a ON a.id = r.article_id"
        counted = table if set(filters) & _ARTICLE_COLUMNS_SCOPE else f"[{record_type.table}] r"
        total = self.count(f"SELECT count(*) FROM {counted} WHERE {where or '1=1'}", args)
        if cursor:
            where = " AND ".join(filter(None, [where, "(r.article_id, r.ordinal) > (?, ?)"]))
            args = args + decode_cursor(cursor, 2)
        rows = []
        for row in self.conn.execute(
                f"SELECT r.*, a.date AS article_date, a.outlet AS article_outlet FROM {table} "
                f"WHERE {where or '1=1'} ORDER BY r.article_id, r.ordinal LIMIT ?", args + [limit + 1]):
            data = row_values(record_type, row)
            data.update(article_id=row["article_id"], ordinal=row["ordinal"], article_date=row["article_date"],
                        article_outlet=row["article_outlet"])
            rows.append(data)
        return self._page(rows, total, limit, lambda row: [row["article_id"], row["ordinal"]])

    @staticmethod
    def _page(rows: list[dict], total: int, limit: int, key: Callable[[dict], list]) -> Page:
        """Rows fetched with ``limit + 1`` as a Page whose cursor follows the last row shown."""
        more = len(rows) > limit
        rows = rows[:limit]
        return Page(rows, total, encode_cursor(key(rows[-1])) if more else None)

    def search(self, words: str = "", limit: int = 20, *, fts: bool = False, outlet: str | None = None,
               since: str | None = None, until: str | None = None, actor: str | None = None,
               type: str | None = None, cursor: str | None = None) -> Page:
        """Full-text search over article titles and texts, best matches first, with snippets.

        ``Store.search(words="", limit=20, *, fts=False, outlet=None, since=None, until=None, actor=None,
        type=None, cursor=None) -> Page`` (a list of ``{id, date, outlet, title, snippet}`` with
        ``.total`` and ``.next``).

        * ``words`` are plain words by default: quotes, apostrophes and operators in them are text
          (``Israel's`` finds "Israel's"); with ``fts=True`` they are raw FTS5 syntax (phrases,
          ``OR``, ``NEAR``, prefixes), and bad syntax is an InputError. No words lists every
          analyzed article (filters still apply), by date.
        * ``outlet``; ``since``/``until`` (YYYY-MM-DD, inclusive) on the article date; ``actor``: an
          actor of that name (case-insensitive) is in the article; ``type``: a PLOVER event of that type is.
        * ``limit`` 1..MAX_PAGE; pass the page's ``next`` as ``cursor`` for the next page.
        """
        _check_page(limit)
        match = words if fts and words.strip() else fts_words(words)
        filters = {"outlet": outlet, "since": since, "until": until, "actor": actor, "type": type}
        clauses = [_SEARCH_SCOPE[name] for name, value in filters.items() if value is not None]
        args = [_coerce(name, value, str) for name, value in filters.items() if value is not None]
        columns = "a.id, a.date, a.outlet, a.title"
        if not match:  # every analyzed article by date, paged on that key
            where = " AND ".join(["a.status = 'ok'"] + clauses)
            total = self.count(f"SELECT count(*) FROM articles a WHERE {where}", args)
            if cursor:
                where += f" AND {_AFTER_DATE_ID.format(a='a.')}"
                args += _after(decode_cursor(cursor, 2))
            rows = [dict(r) for r in self.conn.execute(
                f"SELECT {columns}, NULL AS snippet FROM articles a WHERE {where} ORDER BY ifnull(a.date, ''), a.id "
                "LIMIT ?", args + [limit + 1])]
            return self._page(rows, total, limit, lambda row: [row["date"] or "", row["id"]])
        offset = decode_cursor(cursor, 1)[0] if cursor else 0  # every page ranks every match: an offset costs little
        if not isinstance(offset, int) or offset < 0:
            raise InputError("cursor is not one this search returned; start without one")
        # the FTS index drives (CROSS JOIN fixes the order): matches in rank order, filters checked on each
        source = "articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid" if clauses else "articles_fts"
        where = " AND ".join(["articles_fts MATCH ?"] + clauses)
        args.insert(0, match)
        try:
            total = self.count(f"SELECT count(*) FROM {source} WHERE {where}", args)
            rows = self.conn.execute(
                f"SELECT {columns}, snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
                f"FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid WHERE {where} "
                "ORDER BY rank LIMIT ? OFFSET ?", args + [limit, offset]).fetchall()
        except sqlite3.OperationalError as exc:
            raise InputError(f"bad search query {words!r}: {exc}") from exc
        more = offset + len(rows) < total
        return Page([dict(r) for r in rows], total, encode_cursor([offset + limit]) if more else None)

    def tables(self) -> list[str]:
        return ["articles"] + [t.table for t in (*RECORD_TYPES, *CORPUS_RECORD_TYPES)]


def _plain(doc: str | None) -> str:
    """A docstring as one line of plain text (no reStructuredText ``code`` marks)."""
    return " ".join(re.sub(r"``?([^`]+)``?", r"\1", doc or "").split())


DATASETTE_FACETS = {"quotes": ["article_outlet", "kind", "speaker"], "events": ["article_outlet", "type", "mode"],
                    "flags": ["article_outlet", "technique", "voice"]}
"""Default facets of the ``*_by_article`` views (their tables have no outlet or date of their own)."""


def datasette_metadata(database: str, title: str = "presslens") -> dict:
    """Datasette metadata for the store named ``database`` (its file stem): a readable title and a
    plain-text description per table from the schema's docstrings, article titles as link labels,
    and views of quotes, events and flags with their article's outlet and date to facet on."""
    tables = {"articles": {"title": "Articles", "description": _plain(Article.__doc__), "label_column": "title",
                           "sortable_columns": ["date", "outlet", "status"], "facets": ["outlet", "status"]}}
    for record_type in (*RECORD_TYPES, *CORPUS_RECORD_TYPES):
        tables[record_type.table] = {"title": record_type.table.replace("_", " ").capitalize(),
                                     "description": _plain(record_type.__doc__)}
    for name in ARTICLE_VIEWS:
        table = name.removesuffix("_by_article")
        tables[name] = {"title": f"{table.capitalize()} with article date and outlet",
                        "description": f"{tables[table]['description']} Each row with its article's date, "
                                       "outlet and title.",
                        "facets": DATASETTE_FACETS[table], "sortable_columns": ["article_date", "article_outlet"]}
    for internal in ("presslens_meta", "presslens_migrations", "story_signatures", "story_lsh", "story_names",
                     "story_measures", "story_pending"):
        tables[internal] = {"hidden": True}
    return {"title": title, "description": "Records extracted by presslens; every row has start/end "
            "character offsets into its article's text.", "databases": {database: {"tables": tables}}}
