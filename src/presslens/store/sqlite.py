"""The SQLite store: one file, tables derived from the schema, idempotent upserts.

* ``articles`` holds metadata, text, status and error reason, keyed by content hash.
* One table per record kind (``quotes``, ``events``, …) with ``article_id`` and offsets.
* ``articles_fts`` is an FTS5 index over title and text (Datasette shows a search box).
* ``presslens_meta`` records the schema version; ``presslens_migrations`` what was applied.

Tables and columns follow ``schema.py``: a field added there becomes a column through
an additive migration the next time a store is opened.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from presslens.core.errors import NotFoundError, StoreError
from presslens.core.schema import (ANALYSIS_FIELD, RECORD_TYPES, SCHEMA_VERSION, Analysis, Article, field_types,
                                   from_dict)

from presslens.core.schema import CORPUS_RECORD_TYPES  # stories: tables keyed by their own columns

from .views import create_naming_view

_SQL_TYPES = {str: "TEXT", int: "INTEGER", float: "REAL", bool: "INTEGER", tuple: "TEXT"}

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


def _from_sql(record_type: type, row: sqlite3.Row) -> dict:
    types_ = field_types(record_type)
    data = {}
    for name, base in types_.items():
        value = row[name]
        if base is tuple:
            value = tuple(json.loads(value)) if value else ()
        elif base is bool:
            value = bool(value)
        data[name] = value
    return data


class Store:
    """A presslens SQLite file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise NotFoundError(f"no store at {self.path}; create one with 'presslens ingest PATH --db {self.path}'")
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a presslens store: {exc}") from exc

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- schema -------------------------------------------------------------

    def _migrate(self) -> None:
        c = self.conn
        c.execute("CREATE TABLE IF NOT EXISTS presslens_meta (key TEXT PRIMARY KEY, value TEXT)")
        c.execute("CREATE TABLE IF NOT EXISTS presslens_migrations "
                  "(id INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)")
        row = c.execute("SELECT value FROM presslens_meta WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}, newer than this presslens "
                             f"({SCHEMA_VERSION}); upgrade presslens")
        with c:
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
        for record_type in CORPUS_RECORD_TYPES:
            first, *rest = _columns(record_type).items()
            self._ensure_table(record_type.table, dict(rest), f"[{first[0]}] {first[1]}",
                               f"PRIMARY KEY ({', '.join(record_type.key)})")
        if not self._existing_columns("articles_fts"):
            self.conn.executescript("""
                CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content=[articles], content_rowid=[rowid]);
                CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
                  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
                END;
                CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
                  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES('delete', old.rowid, old.title, old.text);
                END;
            """)
            self._record_migration("create FTS5 index articles_fts")
        for column in ("outlet", "date", "status"):
            self.conn.execute(f"CREATE INDEX IF NOT EXISTS idx_articles_{column} ON articles({column})")
        create_naming_view(self.conn)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("SELECT value FROM presslens_meta WHERE key='schema_version'").fetchone()[0])

    # -- writing ------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def known_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT id FROM articles")}

    def add(self, analysis: Analysis) -> bool:
        """Store one analysis; returns False (changing nothing) if its article is already stored."""
        article = analysis.article
        if self.has(article.id):
            return False
        with self.conn:
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
        return True

    # -- reading ------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        rows = self.conn.execute("SELECT * FROM articles WHERE id=? OR id LIKE ? ORDER BY id LIMIT 2",
                                 (article_id, article_id + "%")).fetchall()
        if not rows:
            raise NotFoundError(f"no article with id {article_id!r} in {self.path}")
        if len(rows) > 1 and rows[0]["id"] != article_id:
            raise NotFoundError(f"id prefix {article_id!r} is ambiguous in {self.path}")
        return Article(**_from_sql(Article, rows[0]))

    def analysis(self, article_id: str) -> Analysis:
        """The stored analysis of one article (an id prefix is enough when unique)."""
        article = self.article(article_id)
        values: dict = {"article": article}
        for record_type, name in ANALYSIS_FIELD.items():
            rows = self.conn.execute(f"SELECT * FROM [{record_type.table}] WHERE article_id=? ORDER BY ordinal",
                                     (article.id,))
            values[name] = tuple(from_dict(record_type, _from_sql(record_type, r)) for r in rows)
        return Analysis(**values)

    def articles(self, status: str | None = None, outlet: str | None = None) -> Iterator[Article]:
        sql, args = "SELECT * FROM articles WHERE 1=1", []
        if status:
            sql, args = sql + " AND status=?", args + [status]
        if outlet:
            sql, args = sql + " AND outlet=?", args + [outlet]
        for row in self.conn.execute(sql + " ORDER BY date, id", args):
            yield Article(**_from_sql(Article, row))

    def records(self, record_type: type, where: str = "", args: Iterable = ()) -> list[dict]:
        """Rows of one record table joined with article date and outlet, as dicts."""
        sql = (f"SELECT r.*, a.date AS article_date, a.outlet AS article_outlet FROM [{record_type.table}] r "
               f"JOIN articles a ON a.id = r.article_id {('WHERE ' + where) if where else ''} "
               f"ORDER BY a.date, r.article_id, r.ordinal")
        result = []
        for row in self.conn.execute(sql, list(args)):
            data = _from_sql(record_type, row)
            data.update(article_id=row["article_id"], article_date=row["article_date"],
                        article_outlet=row["article_outlet"])
            result.append(data)
        return result

    def counts(self) -> dict[str, int]:
        """Articles by status."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT status, count(*) FROM articles GROUP BY status")}

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text search with highlighted snippets (FTS5 query syntax)."""
        try:
            rows = self.conn.execute(
                "SELECT a.id, a.date, a.outlet, a.title, "
                "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc
        return [dict(r) for r in rows]

    def tables(self) -> list[str]:
        return ["articles"] + [t.table for t in (*RECORD_TYPES, *CORPUS_RECORD_TYPES)]


def datasette_metadata(database: str, title: str = "presslens") -> dict:
    """Datasette metadata for the store named ``database`` (its file stem), from the schema's docstrings."""
    tables = {"articles": {"description": (Article.__doc__ or "").strip(), "label_column": "title",
                           "sortable_columns": ["date", "outlet", "status"]}}
    for record_type in RECORD_TYPES:
        tables[record_type.table] = {"description": " ".join((record_type.__doc__ or "").split())}
    for internal in ("presslens_meta", "presslens_migrations"):
        tables[internal] = {"hidden": True}
    return {"title": title, "description": "Records extracted by presslens; every row has start/end "
            "character offsets into its article's text.", "databases": {database: {"tables": tables}}}
