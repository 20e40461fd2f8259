"""Story tables: the near-duplicate index, story membership, stories and their events.

The record tables (``duplicates``, ``story_articles``, ``stories``, ``story_events``,
``story_claims``) are created from the schema with the others. The index tables here are
internal (hidden in Datasette, not exported): ``story_signatures`` holds each article's
MinHash signature and story features, ``story_lsh`` its LSH band keys (a table clustered by
key), ``story_names`` its names by date and ``story_measures`` what its figures count, each
with a B-tree index, so finding an article's candidates reads index rows instead of scanning
the store. Every function runs inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from presslens.core.errors import NotFoundError
from presslens.core.schema import Story, StoryArticle, StoryClaim, StoryEvent, field_types, from_dict

from .sqlite import Store, _to_sql, row_values

INDEX_TABLES = ("story_signatures", "story_lsh", "story_names", "story_measures", "story_pending")

_INDEX_DDL = (
    "CREATE TABLE IF NOT EXISTS story_signatures (article_id TEXT PRIMARY KEY, date TEXT, outlet TEXT, "
    "shingles INTEGER, minhash BLOB, features TEXT)",
    "CREATE TABLE IF NOT EXISTS story_lsh (band_key INTEGER NOT NULL, article_id TEXT NOT NULL, "
    "PRIMARY KEY (band_key, article_id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS story_names (name TEXT NOT NULL, date TEXT, article_id TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS idx_story_names ON story_names(name, date)",
    "CREATE TABLE IF NOT EXISTS story_measures (article_id TEXT NOT NULL, start INTEGER NOT NULL, measure TEXT, "
    "PRIMARY KEY (article_id, start))",
    "CREATE TABLE IF NOT EXISTS story_pending (story_id TEXT PRIMARY KEY)",
    "CREATE INDEX IF NOT EXISTS idx_story_articles_story ON story_articles(story_id)",
    "CREATE INDEX IF NOT EXISTS idx_story_articles_copy ON story_articles(copy_of)",
    "CREATE INDEX IF NOT EXISTS idx_duplicates_original ON duplicates(original_id)",
)

MAX_NAME_CANDIDATES = 500
"""At most this many stored articles sharing a name are compared with a new one (most names shared first)."""


def ensure_index(conn: sqlite3.Connection) -> None:
    for statement in _INDEX_DDL:
        conn.execute(statement)


def _insert(conn: sqlite3.Connection, records: Sequence) -> None:
    if not records:
        return
    record_type = type(records[0])
    names = list(field_types(record_type))
    conn.executemany(f"INSERT OR REPLACE INTO [{record_type.table}] ({', '.join(f'[{n}]' for n in names)}) "
                     f"VALUES ({', '.join('?' * len(names))})",
                     [[_to_sql(getattr(r, n)) for n in names] for r in records])


# -- the index -----------------------------------------------------------------


def add_signature(conn: sqlite3.Connection, article_id: str, date: str | None, outlet: str | None,
                  shingles: int, minhash: bytes, band_keys: Iterable[int], features: dict,
                  names: Iterable[str]) -> None:
    conn.execute("INSERT OR REPLACE INTO story_signatures VALUES (?, ?, ?, ?, ?, ?)",
                 (article_id, date, outlet, shingles, minhash, json.dumps(features, ensure_ascii=False)))
    conn.executemany("INSERT INTO story_lsh VALUES (?, ?)", [(k, article_id) for k in band_keys])
    conn.executemany("INSERT INTO story_names VALUES (?, ?, ?)", [(n, date, article_id) for n in names])


def add_measures(conn: sqlite3.Connection, article_id: str, measures: dict[int, str]) -> None:
    """What each figure of an article counts, read with its text (``stories.claims.measure_of``)."""
    conn.executemany("INSERT OR REPLACE INTO story_measures VALUES (?, ?, ?)",
                     [(article_id, start, measure) for start, measure in sorted(measures.items())])


def measures(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[tuple[str, int], str]:
    """(article id, figure start) → measure, for some articles (articles linked before measures: none)."""
    if not article_ids:
        return {}
    rows = conn.execute(f"SELECT article_id, start, measure FROM story_measures "
                        f"WHERE article_id IN ({', '.join('?' * len(article_ids))})", list(article_ids))
    return {(r[0], r[1]): r[2] for r in rows}


def lsh_candidates(conn: sqlite3.Connection, band_keys: list[int]) -> list[sqlite3.Row]:
    """Stored articles sharing at least one band key: id, date, minhash, and text."""
    marks = ", ".join("?" * len(band_keys))
    return conn.execute(
        f"SELECT s.article_id, s.date, s.minhash, a.text FROM story_signatures s JOIN articles a ON a.id = s.article_id "
        f"WHERE s.article_id IN (SELECT article_id FROM story_lsh WHERE band_key IN ({marks})) "
        f"ORDER BY s.article_id", band_keys).fetchall()


def name_candidates(conn: sqlite3.Connection, names: Iterable[str], since: str | None,
                    until: str | None) -> list[sqlite3.Row]:
    """Stored articles sharing a name, dated within [since, until] (any date when those are None)."""
    names = sorted(names)
    if not names:
        return []
    marks = ", ".join("?" * len(names))
    window, args = "", list(names)
    if since and until:
        window, args = " AND (n.date IS NULL OR n.date BETWEEN ? AND ?)", args + [since, until]
    return conn.execute(
        f"SELECT s.article_id, s.date, s.features FROM story_signatures s JOIN ("
        f"SELECT n.article_id, count(*) AS shared FROM story_names n WHERE n.name IN ({marks}){window} "
        f"GROUP BY n.article_id ORDER BY shared DESC, n.article_id LIMIT {MAX_NAME_CANDIDATES}) c "
        f"ON c.article_id = s.article_id ORDER BY s.article_id", args).fetchall()


# -- membership ----------------------------------------------------------------


def memberships(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, StoryArticle]:
    ids = list(article_ids)
    if not ids:
        return {}
    rows = conn.execute(f"SELECT * FROM story_articles WHERE article_id IN ({', '.join('?' * len(ids))})", ids)
    return {r["article_id"]: from_dict(StoryArticle, row_values(StoryArticle, r)) for r in rows}


def members(conn: sqlite3.Connection, story_id: str) -> list[sqlite3.Row]:
    """A story's articles with their metadata and copy group, in date order."""
    return conn.execute(
        "SELECT m.article_id, m.copy_of, a.date, a.outlet, a.title FROM story_articles m "
        "JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY a.date, m.article_id",
        (story_id,)).fetchall()


def copy_group(conn: sqlite3.Connection, root: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT article_id FROM story_articles WHERE copy_of = ? OR article_id = ?",
                                       (root, root))]


def save_memberships(conn: sqlite3.Connection, rows: Sequence[StoryArticle]) -> None:
    _insert(conn, rows)


def add_duplicates(conn: sqlite3.Connection, rows: Sequence) -> None:
    _insert(conn, rows)


def replace_story(conn: sqlite3.Connection, story_id: str, story: Story | None,
                  events: Sequence[StoryEvent], claims: Sequence[StoryClaim]) -> None:
    """Replace a story's row, events and claims (``story`` None: the story was merged away)."""
    for table, column in (("stories", "id"), ("story_events", "story_id"), ("story_claims", "story_id")):
        conn.execute(f"DELETE FROM [{table}] WHERE [{column}] = ?", (story_id,))
    if story is not None:
        _insert(conn, [story])
    _insert(conn, list(events))
    _insert(conn, list(claims))


def mark_pending(conn: sqlite3.Connection, story_id: str) -> None:
    """Note that a story's row, events and claims are to be rebuilt (its members changed)."""
    conn.execute("INSERT OR IGNORE INTO story_pending VALUES (?)", (story_id,))


def take_pending(conn: sqlite3.Connection) -> list[str]:
    """The stories waiting for a rebuild, removed from the list (the caller rebuilds them in the same transaction)."""
    ids = [r[0] for r in conn.execute("SELECT story_id FROM story_pending ORDER BY story_id")]
    conn.execute("DELETE FROM story_pending")
    return ids


# -- reading -------------------------------------------------------------------


def list_stories(store: Store, min_articles: int = 1, limit: int = 100) -> list[Story]:
    rows = store.conn.execute("SELECT * FROM stories WHERE n_articles >= ? "
                              "ORDER BY n_independent DESC, n_articles DESC, first_date, id LIMIT ?",
                              (min_articles, limit))
    return [from_dict(Story, row_values(Story, r)) for r in rows]


def story_detail(store: Store, story_id: str) -> dict:
    """A story (an id prefix is enough) with its articles, events and claims, as JSON-ready dicts."""
    conn = store.conn
    rows = conn.execute("SELECT * FROM stories WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 2",
                        (story_id, story_id + "%")).fetchall()
    if not rows or (len(rows) > 1 and rows[0]["id"] != story_id):
        raise NotFoundError(f"no story with id {story_id!r} in {store.path}" if not rows
                            else f"story id prefix {story_id!r} is ambiguous in {store.path}")
    story = from_dict(Story, row_values(Story, rows[0]))
    events = [from_dict(StoryEvent, row_values(StoryEvent, r)) for r in conn.execute(
        "SELECT * FROM story_events WHERE story_id = ? ORDER BY ordinal", (story.id,))]
    claims = [from_dict(StoryClaim, row_values(StoryClaim, r)) for r in conn.execute(
        "SELECT * FROM story_claims WHERE story_id = ? ORDER BY event, article_id, start", (story.id,))]
    return {"story": story, "articles": [dict(r) for r in members(conn, story.id)], "events": events,
            "claims": claims}


def story_of(store: Store, article_id: str) -> dict | None:
    """The story an article belongs to and the near-duplicates it is linked with (None: not linked)."""
    conn = store.conn
    try:
        row = conn.execute("SELECT m.*, s.n_articles, s.n_independent, s.title FROM story_articles m "
                           "JOIN stories s ON s.id = m.story_id WHERE m.article_id = ?", (article_id,)).fetchone()
    except sqlite3.OperationalError:  # a store written before stories, opened read-only: no story tables
        return None
    if row is None:
        return None
    duplicates = [dict(r) for r in conn.execute(
        "SELECT article_id, original_id, jaccard, containment FROM duplicates "
        "WHERE article_id = ? OR original_id = ? ORDER BY jaccard DESC", (article_id, article_id))]
    return {"story_id": row["story_id"], "title": row["title"], "n_articles": row["n_articles"],
            "n_independent": row["n_independent"], "copy_of": row["copy_of"], "duplicates": duplicates}


def records_by_article(conn: sqlite3.Connection, record_type: type, article_ids: Sequence[str],
                       columns: Sequence[str] | None = None, where: str = "") -> dict[str, list]:
    """Stored records of one kind for some articles, in article order; with ``columns`` only those
    fields are read (the others keep their defaults), with ``where`` a fixed SQL condition applies."""
    found: dict[str, list] = {a: [] for a in article_ids}
    if not article_ids:
        return found
    selected = "*" if columns is None else ", ".join(["article_id", *(f"[{c}]" for c in columns)])
    rows = conn.execute(f"SELECT {selected} FROM [{record_type.table}] WHERE article_id IN "
                        f"({', '.join('?' * len(article_ids))}){f' AND {where}' if where else ''} "
                        f"ORDER BY article_id, ordinal", list(article_ids))
    for row in rows:
        found[row["article_id"]].append(record_type(**row_values(record_type, row)))
    return found


_NAME_COLUMNS = {"actors": "name", "places": "coalesce(name, text)"}


def name_counts(conn: sqlite3.Connection, table: str, article_ids: Sequence[str]) -> list[tuple[str, int]]:
    """Names in ``actors`` or ``places`` of some articles with the number of articles naming each, most first."""
    column = _NAME_COLUMNS[table]
    rows = conn.execute(f"SELECT {column} AS name, count(DISTINCT article_id) AS n FROM [{table}] "
                        f"WHERE article_id IN ({', '.join('?' * len(article_ids))}) AND {column} IS NOT NULL "
                        f"GROUP BY {column} ORDER BY n DESC, name", list(article_ids))
    return [(r["name"], r["n"]) for r in rows]
