"""Uncapped lists for the dashboard: filtered, sortable, paged, and streamed whole for download.

Each list is a ``ListSpec`` of constant SQL: its columns, the table it reads and the extra
narrowing parameters it accepts (a speaker, a voice, a name). Sorting takes a column name
from the spec; values are bound parameters.

Deep pages stay cheap: a page past the middle is read in the reverse order from the end (the sort
keys include every column, so the reverse order is exactly the order backwards), and a list sorted
by an article's date or outlet reads the articles in that index's order, sorting only each article's
rows, so the first and the last pages stop early.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from presslens.core.errors import InputError, NotFoundError

from .dashboard import Filters, article_where, has_table, narrows_records, record_where
from .views import PRONOUNS

SENTENCE = "substr(a.text, r.start + 1, r.end - r.start)"
CONTEXT = ("SELECT s.text FROM sentences s WHERE s.article_id = ? AND s.start <= ? AND s.end >= ? "
           "ORDER BY s.start LIMIT 1")
"""The sentence holding a span; looked up for the rows shown, after sorting and paging."""
SPAN = {"article_id": "r.article_id", "start": "r.start", "end": "r.end"}
ARTICLE_ORDER = ("a.date", "a.outlet")
"""Article columns with an index the articles can be read in (a list sorted by one reads them first)."""


@dataclass(frozen=True)
class Expansion:
    """A view's rows (alias ``r``) spelled out as tables joined to the articles ``a``: the planner reorders
    the joins inside a view, but keeps tables written after ``CROSS JOIN`` in their place."""

    joins: str
    columns: dict[str, str]
    where: str

    def rewrite(self, sql: str) -> str:
        """``sql`` with each ``r.column`` of the view replaced by its expression."""
        return re.sub(r"\br\.(\w+)\b", lambda found: self.columns[found[1]], sql)


NAMED_MENTIONS = Expansion(
    "CROSS JOIN mentions m ON m.article_id = a.id CROSS JOIN actors ac ON ac.article_id = m.article_id "
    "AND ac.id = m.actor_id",
    {"actor": "ac.name", "name": "m.text", "voice": "CASE WHEN m.voice = 'outlet' THEN 'outlet' ELSE 'quoted' END",
     "speaker": "CASE WHEN m.voice = 'outlet' THEN NULL ELSE m.voice END", "article_id": "m.article_id",
     "start": "m.start", "end": "m.end"},
    f"lower(m.text) NOT IN ({', '.join(repr(p) for p in PRONOUNS)})")
"""The ``naming`` view (store/views.py) as tables; tests check that both give the same rows."""


@dataclass(frozen=True)
class ListSpec:
    """A list: output column → SQL expression, the rows it reads, its narrowing parameters."""

    name: str
    columns: dict[str, str]
    sort: str
    table: str | None = None
    where: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)
    group_by: str | None = None
    descending: bool = False
    context: bool = False
    """Rows get a ``sentence`` column: the sentence holding their span."""
    stats_total: str | None = None
    """The ``article_stats`` column counting this list's rows per article (its total without narrowing)."""
    articles_first: bool = True
    """The rows may be read article by article (a view's through its ``expansion``)."""
    expansion: Expansion | None = None

    @property
    def linked(self) -> bool:
        """Rows point at characters of an article (article_id, start, end)."""
        return "start" in self.columns


def _row(**columns: str) -> dict[str, str]:
    return {"date": "a.date", "outlet": "a.outlet", **columns, **SPAN}


LISTS: dict[str, ListSpec] = {spec.name: spec for spec in (
    ListSpec("articles", {"date": "a.date", "outlet": "a.outlet", "title": "coalesce(a.title, substr(a.text, 1, 90))", "url": "a.url",
                          "id": "a.id"}, "date"),
    ListSpec("quotes", _row(speaker="r.speaker", kind="r.kind", cue="r.cue", text="r.text"), "date", "quotes",
             ("r.continues = 0",), {"speaker": "r.speaker = ?", "kind": "r.kind = ?"}, stats_total="quotes"),
    ListSpec("events", _row(type="r.type", mode="r.mode", trigger="r.trigger", sources="r.sources",
                            targets="r.targets", location="r.location", sentence=SENTENCE), "date", "events",
             params={"source": "EXISTS (SELECT 1 FROM json_each(r.sources) WHERE value = ?)",
                     "target": "EXISTS (SELECT 1 FROM json_each(r.targets) WHERE value = ?)"}),
    ListSpec("places", {"place": "r.name", "country": "r.country", "feature": "min(r.feature)",
                        "lat": "round(avg(r.lat), 4)", "lon": "round(avg(r.lon), 4)", "mentions": "count(*)",
                        "articles": "count(DISTINCT r.article_id)"}, "mentions", "places", ("r.name IS NOT NULL",),
             group_by="r.name", descending=True),
    ListSpec("speakers", {"speaker": "r.speaker", "kind": "min(r.speaker_kind)", "quotes": "count(*)",
                          "claims": "sum(r.kind = 'claim')", "outlets": "count(DISTINCT a.outlet)",
                          "articles": "count(DISTINCT r.article_id)"}, "quotes", "quotes",
             ("r.continues = 0", "r.speaker IS NOT NULL"), group_by="r.speaker", descending=True),
    ListSpec("flags", _row(technique="r.technique", voice="r.voice", text="r.text", reason="r.reason"), "date",
             "flags", params={"voice": "r.voice = ?", "technique": "r.technique = ?",
                              "quoted": "(r.voice <> 'outlet') = (? = 'yes')"}, context=True),
    ListSpec("voices", _row(voice="r.voice", speaker="r.speaker", sentence=SENTENCE), "date", "voices",
             params={"voice": "r.voice = ?", "speaker": "r.speaker = ?"}),
    ListSpec("naming", _row(actor="r.actor", name="r.name", voice="r.voice", speaker="r.speaker"), "date",
             "naming", params={"name": "lower(r.name) = lower(?)", "voice": "r.voice = ?"}, context=True,
             stats_total="naming", expansion=NAMED_MENTIONS),
)}
"""The dashboard's lists by name."""


@dataclass(frozen=True)
class Query:
    """One list request: which list, its filters and narrowing, the sort and the page."""

    spec: ListSpec
    filters: Filters
    narrow: tuple[tuple[str, str], ...] = ()
    sort: str | None = None
    descending: bool | None = None

    @classmethod
    def build(cls, name: str, filters: Filters, params: Mapping[str, str]) -> "Query":
        """A query for list ``name`` from request parameters (``sort``, ``desc`` and the list's own)."""
        spec = LISTS.get(name)
        if spec is None:
            raise NotFoundError(f"no list {name!r}; lists: {', '.join(LISTS)}")
        sort = params.get("sort") or spec.sort
        if sort not in spec.columns:
            raise InputError(f"cannot sort {name} by {sort!r}; columns: {', '.join(spec.columns)}")
        desc = params.get("desc")
        narrow = tuple((key, params[key]) for key in spec.params if params.get(key))
        return cls(spec, filters, narrow, sort, None if desc is None else desc not in ("0", "", "false"))

    @property
    def _articles_first(self) -> bool:
        """Read the articles in the order of the sort column's index, then each one's rows."""
        spec = self.spec
        return spec.articles_first and spec.group_by is None and spec.columns[self.sort] in ARTICLE_ORDER

    def _from_where(self) -> tuple[str, list[Any]]:
        spec = self.spec
        first = self._articles_first
        if spec.table is None:
            where, args = article_where(self.filters, by_status=not first)
            source = "FROM articles a"
        else:
            where, args = record_where(spec.table, self.filters, by_status=not first)
            source = (f"FROM articles a CROSS JOIN [{spec.table}] r ON r.article_id = a.id" if first
                      else f"FROM [{spec.table}] r JOIN articles a ON a.id = r.article_id")
        where = where + list(spec.where)
        for key, value in self.narrow:
            where.append(spec.params[key])
            args.append(value)
        if first and spec.expansion:
            source = f"FROM articles a {spec.expansion.joins}"
            where = [spec.expansion.rewrite(clause) for clause in where] + [spec.expansion.where]
        group = f" GROUP BY {spec.group_by}" if spec.group_by else ""
        return f"{source} WHERE {' AND '.join(where)}{group}", args

    def _select(self, backwards: bool = False) -> tuple[str, list[Any]]:
        body, args = self._from_where()
        expand = self.spec.expansion.rewrite if self.spec.expansion and self._articles_first else str
        columns = ", ".join(f"{expand(sql)} AS [{name}]" for name, sql in self.spec.columns.items())
        descending = {c: backwards for c in self.spec.columns} | {self.sort: self.is_descending != backwards}
        keys = [self.sort] + [c for c in self.spec.columns if c != self.sort]
        order = ", ".join(f"[{c}] {'DESC' if descending[c] else 'ASC'}" for c in keys)
        return f"SELECT {columns} {body} ORDER BY {order}", args

    def total(self, conn: sqlite3.Connection) -> int:
        spec = self.spec
        if (spec.stats_total and not self.narrow and not narrows_records(spec.table, self.filters)
                and has_table(conn, "article_stats")):
            where, args = article_where(self.filters)
            return conn.execute(f"SELECT ifnull(sum(s.{spec.stats_total}), 0) FROM articles a "
                                f"JOIN article_stats s ON s.article_id = a.id WHERE {' AND '.join(where)}",
                                args).fetchone()[0]
        body, args = self._from_where()
        return conn.execute(f"SELECT count(*) FROM (SELECT 1 {body})", args).fetchone()[0]

    def page(self, conn: sqlite3.Connection, page: int, per_page: int,
             total: int | None = None) -> list[dict[str, Any]]:
        """Rows of page ``page``; given the ``total``, a page past the middle is read from the end."""
        if page < 1 or not 1 <= per_page <= 1000:
            raise InputError("page starts at 1 and per_page is between 1 and 1000")
        offset = (page - 1) * per_page
        if total is not None and offset > total - offset - per_page:
            shown = min(per_page, total - offset)
            if shown <= 0:
                return []
            sql, args = self._select(backwards=True)
            rows = conn.execute(f"{sql} LIMIT ? OFFSET ?", args + [shown, total - offset - shown]).fetchall()
            return [self._finish(conn, row) for row in reversed(rows)]
        sql, args = self._select()
        rows = conn.execute(f"{sql} LIMIT ? OFFSET ?", args + [per_page, offset]).fetchall()
        return [self._finish(conn, row) for row in rows]

    def rows(self, conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
        """Every row, in order, fetched lazily (for streamed downloads)."""
        sql, args = self._select()
        for row in conn.execute(sql, args):
            yield self._finish(conn, row)

    def _finish(self, conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
        result = dict(row)
        if self.spec.context:
            found = conn.execute(CONTEXT, (row["article_id"], row["start"], row["end"])).fetchone()
            result["sentence"] = found[0] if found else None
        return result

    @property
    def is_descending(self) -> bool:
        return self.spec.descending if self.descending is None else self.descending

    @property
    def columns(self) -> list[str]:
        return list(self.spec.columns) + (["sentence"] if self.spec.context else [])


__all__ = ["LISTS", "ListSpec", "Query"]
