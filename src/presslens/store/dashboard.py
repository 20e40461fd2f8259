"""Corpus aggregates behind the dashboard: one set of filters that every view and list obeys.

Filters select articles (outlet, date range, actor, place, event type, search words). A filter
that names a field of the records being counted also narrows those records: the event type and
the actor narrow events, the place narrows places. SQL is assembled only from the constant
fragments in this module; every value that comes from a request is a bound parameter.

Aggregate tables keep the overview and the outlet profiles fast on a large store: ``article_stats``
(per article: words, own and attributed sentences, flags in each voice, quotes, named mentions) and,
per outlet and month, ``naming_totals`` (mentions per actor, name and voice), ``actor_totals``
(articles per actor), ``speaker_totals`` (quotes and claims per speaker), ``type_totals`` (events
per type) and ``target_totals`` (events per target). A writer creates and fills them
(``create_aggregates``), counts each stored article in (``add_to_aggregates``), and a trigger takes
an article's counts out when it is deleted.
A store without them (opened read-only before any writer migrated it) is read through the same SQL
computed on the fly; the totals serve pages filtered by outlet and dates at most, other filters count
the records of the articles they select.
"""

from __future__ import annotations

import calendar
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Any, Mapping

from presslens.core.errors import InputError
from presslens.events.plover import EVENT_TYPES

ARTICLE_CLAUSES = {
    "outlet": "a.outlet = ?",
    "since": "substr(a.date, 1, 10) >= ?",
    "until": "substr(a.date, 1, 10) <= ?",
    "actor": "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND x.name = ?)",
    "place": "EXISTS (SELECT 1 FROM places x WHERE x.article_id = a.id AND x.name = ?)",
    "type": "EXISTS (SELECT 1 FROM events x WHERE x.article_id = a.id AND x.type = ?)",
    "q": "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
}
"""Filter → clause over the selected articles (alias ``a``)."""
READABLE = "a.status = 'ok'"
"""Readable articles. Nearly every stored article is, so a query that reads them in an index's order
writes ``+a.status`` (``by_status=False``): the planner then leaves the status index aside."""

EVENT_ACTOR = ("(EXISTS (SELECT 1 FROM json_each(r.sources) WHERE value = ?) "
               "OR EXISTS (SELECT 1 FROM json_each(r.targets) WHERE value = ?))")
RECORD_CLAUSES: dict[str, dict[str, str]] = {
    "events": {"type": "r.type = ?", "actor": EVENT_ACTOR},
    "places": {"place": "r.name = ?"},
    "naming": {"actor": "r.actor = ?"},
}
"""Record table → filter → clause narrowing its rows (alias ``r``)."""

BUCKETS = {
    "day": "substr(a.date, 1, 10)",
    "week": "date(substr(a.date, 1, 10), '-6 days', 'weekday 1')",
    "month": "substr(a.date, 1, 7) || '-01'",
}
"""Timeline granularity → SQL giving the first day of an article's bucket."""


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters; ``None`` means not filtered. Dates are ``YYYY-MM-DD``, inclusive."""

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    place: str | None = None
    type: str | None = None
    q: str | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError as exc:
                    raise InputError(f"{name} takes a date as YYYY-MM-DD, not {value!r}") from exc
        if self.type is not None and self.type not in EVENT_TYPES:
            raise InputError(f"unknown event type {self.type!r}; choose from {', '.join(EVENT_TYPES)}")

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> "Filters":
        """Filters from query parameters (blank values are no filter; other keys are ignored)."""
        values = {f.name: (params.get(f.name) or "").strip() or None for f in fields(cls)}
        if values["type"]:
            values["type"] = values["type"].upper()
        return cls(**values)

    def items(self) -> dict[str, str]:
        """The filters that are set, in a stable order (for URLs)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}

    def with_(self, **changes: str | None) -> "Filters":
        return replace(self, **changes)


def fts_query(words: str) -> str:
    """Search words as an FTS5 query matching all of them, each quoted (no query syntax)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words.split())


def _value(name: str, value: str) -> str:
    return fts_query(value) if name == "q" else value


def article_where(filters: Filters, by_status: bool = True) -> tuple[list[str], list[Any]]:
    """Clauses and arguments selecting the filtered articles (alias ``a``; readable ones only)."""
    where, args = [READABLE if by_status else f"+{READABLE}"], []
    for name, value in filters.items().items():
        where.append(ARTICLE_CLAUSES[name])
        args.append(_value(name, value))
    return where, args


def record_where(table: str, filters: Filters, by_status: bool = True) -> tuple[list[str], list[Any]]:
    """Clauses and arguments for rows of ``table`` (alias ``r``, joined to articles ``a``)."""
    where, args = article_where(filters, by_status)
    for name, clause in RECORD_CLAUSES.get(table, {}).items():
        value = getattr(filters, name)
        if value is not None:
            where.append(clause)
            args += [value] * clause.count("?")
    return where, args


def _records(table: str) -> str:
    return f"FROM [{table}] r JOIN articles a ON a.id = r.article_id"


def _count(conn: sqlite3.Connection, table: str, filters: Filters) -> int:
    where, args = record_where(table, filters)
    return conn.execute(f"SELECT count(*) {_records(table)} WHERE {' AND '.join(where)}", args).fetchone()[0]


def _grouped(conn: sqlite3.Connection, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    return [dict(row) for row in conn.execute(sql, args)]


WORDS = "length(a.text) - length(replace(a.text, ' ', '')) + 1"
"""Words of an article's text (spaces + 1)."""
ARTICLE_STATS = {
    "words": WORDS,
    "outlet_sentences": "(SELECT count(*) FROM voices r WHERE r.article_id = a.id AND r.voice = 'outlet')",
    "attributed_sentences": "(SELECT count(*) FROM voices r WHERE r.article_id = a.id AND r.voice IS NOT 'outlet')",
    "outlet_flags": "(SELECT count(*) FROM flags r WHERE r.article_id = a.id AND r.voice = 'outlet')",
    "quoted_flags": "(SELECT count(*) FROM flags r WHERE r.article_id = a.id AND r.voice IS NOT 'outlet')",
    "naming": "(SELECT count(*) FROM naming r WHERE r.article_id = a.id)",
    "quotes": "(SELECT count(*) FROM quotes r WHERE r.article_id = a.id AND r.continues = 0)",
}
"""Column of ``article_stats`` → how it is counted for the article ``a``."""
PROFILE_STATS = ("words", "outlet_sentences", "attributed_sentences", "outlet_flags", "quoted_flags")
"""The columns an outlet profile sums."""
ARTICLE_STATS_SELECT = f"SELECT a.id AS article_id, {', '.join(f'{sql} AS {name}' for name, sql in ARTICLE_STATS.items())} FROM articles a"
MONTH = "substr(a.date, 1, 7)"
"""An article's month (its date's first seven characters, which sort like the date)."""


@dataclass(frozen=True)
class Totals:
    """A table of counts over the whole store per ``keys`` (outlet and month among them), summed over
    readable articles.

    ``select`` counts the articles picked by ``{scope}`` (alias ``a``); its columns are the keys then the
    ``sums`` (the first never below the others). Each adds up over articles, so storing an article adds
    its counts and deleting it takes them out.
    """

    table: str
    keys: tuple[str, ...]
    sums: tuple[str, ...]
    records: str
    """The records counted (for ``record_where``)."""
    select: str
    index: str
    """The index's columns: the order the counts are summed up in (covering), then the rest of the keys."""

    def counts(self, conn: sqlite3.Connection, filters: Filters, stored: bool = True) -> tuple[str, list[Any]]:
        """SQL giving the counts for ``filters`` (keys, then the sums; a key may come in several rows).

        Filtered by outlet and dates at most, the table gives the months inside the date range and the
        records of the first and last month's articles are counted now; other filters (or ``stored=False``)
        count the selected articles' records.
        """
        where, args = record_where(self.records, filters)
        if not (stored and set(filters.items()) <= {"outlet", "since", "until"} and has_table(conn, self.table)):
            return self.sql(" AND ".join(where), "NULL"), args
        bounds = {"outlet = ?": filters.outlet, "month > ?": filters.since and filters.since[:7],
                  "month < ?": filters.until and filters.until[:7]}
        kept = {clause: value for clause, value in bounds.items() if value}
        sql = f"SELECT * FROM {self.table}" + (f" WHERE {' AND '.join(kept)}" if kept else "")
        edges = [value for clause, value in kept.items() if clause != "outlet = ?"]
        if not edges:
            return sql, list(kept.values())
        edge = self.sql(" AND ".join(where + [f"{MONTH} IN ({', '.join('?' * len(edges))})"]))
        return f"{sql} UNION ALL {edge}", list(kept.values()) + args + edges

    def sql(self, scope: str, month: str = MONTH) -> str:
        """``select`` over the articles in ``scope``; ``month`` 'NULL' sums every month into one row."""
        return self.select.format(scope=scope, month=month)

    @property
    def create(self) -> str:
        columns = [f"{k} TEXT" for k in self.keys] + [f"{c} INTEGER NOT NULL" for c in self.sums]
        return f"CREATE TABLE {self.table} ({', '.join(columns)})"

    @property
    def create_index(self) -> str:
        return f"CREATE INDEX idx_{self.table} ON {self.table}({self.index})"

    def merge(self, scope: str, sign: str) -> list[str]:
        """Statements adding (``sign`` '+') or taking out ('-') the counts of the articles in ``scope``."""
        same = " AND ".join(f"{self.table}.{k} IS d.{k}" for k in self.keys)
        counts = f"({self.sql(scope)}) AS d"
        sums = ", ".join(f"{c} = {self.table}.{c} {sign} d.{c}" for c in self.sums)
        update = f"UPDATE {self.table} SET {sums} FROM {counts} WHERE {same}"
        if sign == "-":
            return [update, f"DELETE FROM {self.table} WHERE {self.sums[0]} <= 0"]
        return [update, f"INSERT INTO {self.table} SELECT * FROM {counts} WHERE NOT EXISTS "
                        f"(SELECT 1 FROM {self.table} WHERE {same})"]


NAMING_TOTALS = Totals("naming_totals", ("actor", "outlet", "month", "name", "voice"), ("mentions",), "naming",
                       f"SELECT r.actor AS actor, a.outlet AS outlet, {{month}} AS month, r.name AS name, r.voice AS voice, "
                       "count(*) AS mentions FROM naming r JOIN articles a ON a.id = r.article_id "
                       "WHERE a.status = 'ok' AND {scope} GROUP BY 1, 2, 3, 4, 5",
                       "actor, outlet, lower(name), voice, name, mentions, month")
"""Named mentions per actor, outlet, month, exact name and voice."""
ACTOR_TOTALS = Totals("actor_totals", ("actor", "outlet", "month"), ("articles",), "actors",
                      f"SELECT r.name AS actor, a.outlet AS outlet, {{month}} AS month, count(DISTINCT r.article_id) AS articles "
                      "FROM actors r JOIN articles a ON a.id = r.article_id WHERE a.status = 'ok' AND {scope} "
                      "GROUP BY 1, 2, 3", "actor, outlet, month, articles")
"""Articles per actor name, outlet and month."""
SPEAKER_TOTALS = Totals("speaker_totals", ("outlet", "month", "speaker"), ("quotes", "claims"), "quotes",
                        f"SELECT a.outlet AS outlet, {{month}} AS month, r.speaker AS speaker, count(*) AS quotes, "
                        "sum(r.kind IS 'claim') AS claims FROM quotes r JOIN articles a ON a.id = r.article_id "
                        "WHERE a.status = 'ok' AND r.continues = 0 AND r.speaker IS NOT NULL AND {scope} GROUP BY 1, 2, 3",
                        "outlet, speaker, month, quotes, claims")
"""Quotations (not continuations) and claims per outlet, month and speaker."""
TYPE_TOTALS = Totals("type_totals", ("outlet", "month", "type"), ("events",), "events",
                     f"SELECT a.outlet AS outlet, {{month}} AS month, r.type AS type, count(*) AS events FROM events r "
                     "JOIN articles a ON a.id = r.article_id WHERE a.status = 'ok' AND {scope} GROUP BY 1, 2, 3",
                     "outlet, type, month, events")
"""Events per outlet, month and PLOVER type."""
TARGET_TOTALS = Totals("target_totals", ("outlet", "month", "target"), ("events",), "events",
                       f"SELECT a.outlet AS outlet, {{month}} AS month, t.value AS target, count(DISTINCT r.rowid) AS events "
                       "FROM events r JOIN articles a ON a.id = r.article_id, json_each(r.targets) t "
                       "WHERE a.status = 'ok' AND {scope} GROUP BY 1, 2, 3", "outlet, target, month, events")
"""Events per outlet, month and target actor."""
TOTALS = (NAMING_TOTALS, ACTOR_TOTALS, SPEAKER_TOTALS, TYPE_TOTALS, TARGET_TOTALS)
AGGREGATE_TABLES = {
    "article_stats": ("CREATE TABLE article_stats (article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, "
                      + ", ".join(f"{name} INTEGER" for name in ARTICLE_STATS) + ")",
                      f"INSERT OR REPLACE INTO article_stats {ARTICLE_STATS_SELECT}"),
    **{t.table: (t.create, f"INSERT INTO {t.table} {t.sql('1 = 1')}") for t in TOTALS},
}
"""Aggregate table → how it is created and how it is filled from every stored article."""
AGGREGATE_SCHEMA = {
    **{f"idx_{t.table}": t.create_index for t in TOTALS},
    "aggregates_ad": "CREATE TRIGGER aggregates_ad BEFORE DELETE ON articles WHEN old.status = 'ok' BEGIN "
                     + "".join(f"{sql}; " for t in TOTALS for sql in t.merge("a.id = old.id", "-")) + "END",
}
"""Their indexes, and the trigger that takes a deleted article's counts out of the totals (``article_stats``
rows go with their article)."""


def create_aggregates(conn: sqlite3.Connection) -> list[str]:
    """Create and fill the aggregate tables a store lacks (or has in an older shape), and (re)create their
    indexes and trigger unless up to date (on a writer's connection); returns the tables (re)filled."""
    created = []
    conn.execute("DROP TRIGGER IF EXISTS naming_totals_ad")  # the first version of aggregates_ad
    for table, (create, fill) in AGGREGATE_TABLES.items():
        row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
        if row is None or row[0] != create:
            conn.execute(f"DROP TABLE IF EXISTS [{table}]")
            conn.execute(create)
            conn.execute(fill)
            created.append(table)
    for name, sql in AGGREGATE_SCHEMA.items():
        row = conn.execute("SELECT type, sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        if row is None or row[1] != sql:
            if row is not None:
                conn.execute(f"DROP {row[0].upper()} [{name}]")
            conn.execute(sql)
    return created


def add_to_aggregates(conn: sqlite3.Connection, article_id: str) -> None:
    """Count one just-stored article into the aggregate tables (inside the transaction that stored it)."""
    conn.execute(f"INSERT OR REPLACE INTO article_stats {ARTICLE_STATS_SELECT} WHERE a.id = ?", (article_id,))
    for totals in TOTALS:
        for sql in totals.merge("a.id = ?", "+"):
            conn.execute(sql, (article_id,))


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def article_stats(conn: sqlite3.Connection, stored: bool = True) -> str:
    """The ``article_stats`` rows to read from: the table, or (without it, or ``stored=False``) the same
    counts computed now."""
    return "article_stats" if stored and has_table(conn, "article_stats") else f"({ARTICLE_STATS_SELECT})"


def narrows_records(table: str, filters: Filters) -> bool:
    """Whether a filter narrows the rows of ``table`` beyond selecting their articles."""
    return any(getattr(filters, name) is not None for name in RECORD_CLAUSES.get(table, {}))


def overview(conn: sqlite3.Connection, filters: Filters, top: int = 10, stored: bool = True) -> dict[str, Any]:
    """Counts (articles, outlets, date span, quotes, events, places) and the most frequent values.

    ``stored=False`` counts quotes and actors from the records instead of the aggregate tables."""
    where, args = article_where(filters)
    clause = " AND ".join(where)
    head = conn.execute(f"SELECT count(*) AS articles, count(DISTINCT a.outlet) AS outlets, "
                        f"min(substr(a.date, 1, 10)) AS first, max(substr(a.date, 1, 10)) AS last "
                        f"FROM articles a WHERE {clause}", args).fetchone()
    result: dict[str, Any] = dict(head)
    result["quotes"] = conn.execute(f"SELECT ifnull(sum(s.quotes), 0) FROM articles a JOIN {article_stats(conn, stored)} s "
                                    f"ON s.article_id = a.id WHERE {clause}", args).fetchone()[0]
    result["events"] = _count(conn, "events", filters)
    result["places"] = _count(conn, "places", filters)
    result["outlet_counts"] = _grouped(conn, f"SELECT a.outlet AS outlet, count(*) AS articles FROM articles a "
                                             f"WHERE {clause} GROUP BY a.outlet ORDER BY articles DESC, outlet", args)
    ev_where, ev_args = record_where("events", filters)
    result["type_counts"] = _grouped(conn, f"SELECT r.type AS type, count(*) AS events {_records('events')} "
                                           f"WHERE {' AND '.join(ev_where)} GROUP BY r.type "
                                           f"ORDER BY events DESC, type", ev_args)
    actors, actor_args = ACTOR_TOTALS.counts(conn, filters, stored)
    result["actor_counts"] = _grouped(conn, f"SELECT actor, sum(articles) AS articles FROM ({actors}) GROUP BY actor "
                                            f"ORDER BY articles DESC, actor LIMIT ?", actor_args + [top])
    pl_where, pl_args = record_where("places", filters)
    result["place_counts"] = _grouped(conn, f"SELECT r.name AS place, count(*) AS mentions {_records('places')} "
                                            f"WHERE {' AND '.join(pl_where)} AND r.name IS NOT NULL GROUP BY r.name "
                                            f"ORDER BY mentions DESC, place LIMIT ?", pl_args + [top])
    return result


def choose_every(first: str | None, last: str | None) -> str:
    """A timeline granularity giving a readable number of bars for the span."""
    if not first or not last:
        return "day"
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return "day" if days <= 62 else "week" if days <= 400 else "month"


def bucket_end(start: str, every: str) -> str:
    """The last day of the bucket starting on ``start``."""
    day = date.fromisoformat(start)
    if every == "week":
        return (day + timedelta(days=6)).isoformat()
    if every == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1]).isoformat()
    return start


def consecutive_buckets(starts: list[str], every: str, most: int = 1000) -> list[str]:
    """Every bucket from the first to the last of ``starts``, empty ones included (gaps show as gaps).

    Beyond ``most`` buckets only the non-empty ones are kept (choose a coarser granularity).
    """
    if not starts:
        return []
    result = [starts[0]]
    while result[-1] < starts[-1] and len(result) <= most:
        result.append((date.fromisoformat(bucket_end(result[-1], every)) + timedelta(days=1)).isoformat())
    return result if len(result) <= most else starts


def timeline(conn: sqlite3.Connection, filters: Filters, every: str) -> dict[str, Any]:
    """Events per bucket and PLOVER type, articles per bucket and outlet, and each bucket's totals."""
    if every not in BUCKETS:
        raise InputError(f"every takes one of {', '.join(BUCKETS)}, not {every!r}")
    bucket = BUCKETS[every]
    ev_where, ev_args = record_where("events", filters)
    events = _grouped(conn, f"SELECT {bucket} AS bucket, r.type AS type, count(*) AS count {_records('events')} "
                            f"WHERE {' AND '.join(ev_where)} AND a.date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
                      ev_args)
    where, args = article_where(filters)
    articles = _grouped(conn, f"SELECT {bucket} AS bucket, a.outlet AS outlet, count(*) AS count FROM articles a "
                              f"WHERE {' AND '.join(where)} AND a.date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", args)
    starts = consecutive_buckets(sorted({row["bucket"] for row in events + articles if row["bucket"]}), every)
    totals: dict[str, Counter] = {"events": Counter(), "articles": Counter()}
    for series, rows in (("events", events), ("articles", articles)):
        for row in rows:
            totals[series][row["bucket"]] += row["count"]
    buckets = [{"start": s, "end": bucket_end(s, every), "events": totals["events"][s],
                "articles": totals["articles"][s]} for s in starts]
    return {"every": every, "buckets": buckets,
            "events": [r for r in events if r["bucket"]], "articles": [r for r in articles if r["bucket"]]}


def place_points(conn: sqlite3.Connection, filters: Filters) -> list[dict[str, Any]]:
    """Located places with mentions, articles and the event types set there (most frequent first)."""
    where, args = record_where("places", filters)
    clause = " AND ".join(where + ["r.lat IS NOT NULL", "r.lon IS NOT NULL", "r.name IS NOT NULL"])
    points = _grouped(conn, f"SELECT r.name AS name, r.country AS country, min(r.feature) AS feature, "
                            f"round(avg(r.lat), 4) AS lat, round(avg(r.lon), 4) AS lon, count(*) AS mentions, "
                            f"count(DISTINCT r.article_id) AS articles {_records('places')} WHERE {clause} "
                            f"GROUP BY r.name ORDER BY mentions DESC, name", args)
    ev_where, ev_args = record_where("events", filters)
    located = (f"SELECT r.type AS type, p.name AS place, count(*) AS count {_records('events')} "
               f"JOIN places p ON p.article_id = r.article_id AND r.location_start <= p.start "
               f"AND r.location_end >= p.end WHERE {' AND '.join(ev_where)} GROUP BY 1, 2")
    types: dict[str, Counter] = defaultdict(Counter)
    for row in conn.execute(located, ev_args):
        types[row["place"]][row["type"]] += row["count"]
    for point in points:
        ranked = sorted(types[point["name"]].items(), key=lambda kv: (-kv[1], kv[0]))
        point["types"] = dict(ranked)
        point["type"] = ranked[0][0] if ranked else None
    return points


def outlet_profiles(conn: sqlite3.Connection, filters: Filters, top: int = 5,
                    stored: bool = True) -> list[dict[str, Any]]:
    """Per outlet: articles, words, own vs attributed sentences, flags per 1,000 words, event types, and its
    top speakers with their quotes, claims and the events they are a target of (``targeted``).

    ``stored=False`` counts from the records instead of the aggregate tables (the same numbers, slower)."""
    where, args = article_where(filters)
    clause = " AND ".join(where)
    sums = ", ".join(f"sum(s.{name}) AS {name}" for name in PROFILE_STATS)
    profiles = {row["outlet"]: dict(row, speakers=[], types={}) for row in conn.execute(
        f"SELECT a.outlet AS outlet, count(*) AS articles, {sums} FROM articles a "
        f"JOIN {article_stats(conn, stored)} s ON s.article_id = a.id WHERE {clause} "
        f"GROUP BY a.outlet ORDER BY articles DESC, outlet", args)}
    by_speaker, speaker_args = SPEAKER_TOTALS.counts(conn, filters, stored)
    for row in conn.execute(f"SELECT outlet, speaker, sum(quotes) AS quotes, sum(claims) AS claims FROM ({by_speaker}) "
                            f"GROUP BY outlet, speaker ORDER BY quotes DESC, speaker", speaker_args):
        speakers = profiles[row["outlet"]]["speakers"]
        if len(speakers) < top:
            speakers.append({"speaker": row["speaker"], "quotes": row["quotes"], "claims": row["claims"]})
    types, type_args = TYPE_TOTALS.counts(conn, filters, stored)
    for row in conn.execute(f"SELECT outlet, type, sum(events) AS n FROM ({types}) GROUP BY outlet, type "
                            f"ORDER BY n DESC, type", type_args):
        profiles[row["outlet"]]["types"][row["type"]] = row["n"]
    targets, target_args = TARGET_TOTALS.counts(conn, filters, stored)
    targeted = {(row["outlet"], row["target"]): row["n"] for row in conn.execute(
        f"SELECT outlet, target, sum(events) AS n FROM ({targets}) GROUP BY outlet, target", target_args)}
    for profile in profiles.values():
        for speaker in profile["speakers"]:
            speaker["targeted"] = targeted.get((profile["outlet"], speaker["speaker"]), 0)
    for profile in profiles.values():
        sentences = profile["outlet_sentences"] + profile["attributed_sentences"]
        profile["own_share"] = profile["outlet_sentences"] / sentences if sentences else None
        words = profile["words"] or 0
        profile["outlet_flags_per_1000"] = 1000 * profile["outlet_flags"] / words if words else None
        profile["quoted_flags_per_1000"] = 1000 * profile["quoted_flags"] / words if words else None
    return list(profiles.values())


def naming_choices(conn: sqlite3.Connection, filters: Filters, actors: int = 8, names: int = 4,
                   stored: bool = True) -> list[dict[str, Any]]:
    """For the actors named by the most outlets: each outlet's most used names (outlet voice and quoted).

    Rows are ``{actor, outlets: {outlet: [{name, voice, mentions}]}}``; the counts come from
    ``NAMING_TOTALS.counts`` (``stored=False``: from the ``naming`` rows of the selected articles).
    """
    counts, args = NAMING_TOTALS.counts(conn, filters, stored)
    rows = conn.execute(
        f"SELECT actor, outlet, min(name) AS name, voice, sum(mentions) AS mentions FROM ({counts}) "
        f"GROUP BY actor, outlet, lower(name), voice ORDER BY mentions DESC, name, actor, outlet, voice", args).fetchall()
    outlets: dict[str, set] = defaultdict(set)
    mentions: Counter = Counter()
    for row in rows:
        outlets[row["actor"]].add(row["outlet"])
        mentions[row["actor"]] += row["mentions"]
    ranked = sorted((a for a in outlets if len(outlets[a]) > 1), key=lambda a: (-len(outlets[a]), -mentions[a], a))
    table: dict[str, dict[str, list]] = {actor: {} for actor in ranked[:actors]}
    for row in rows:
        if row["actor"] in table:
            chosen = table[row["actor"]].setdefault(row["outlet"], [])
            if len(chosen) < names:
                chosen.append({"name": row["name"], "voice": row["voice"], "mentions": row["mentions"]})
    return [{"actor": actor, "outlets": by_outlet} for actor, by_outlet in table.items()]


def distinct_values(conn: sqlite3.Connection, column: str) -> list[str]:
    """Values for the filter menus: ``outlet`` (articles) or ``type`` (events)."""
    sql = {"outlet": "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet",
           "type": "SELECT DISTINCT type FROM events ORDER BY type"}[column]
    return [row[0] for row in conn.execute(sql)]


__all__ = ["Filters", "article_where", "record_where", "overview", "timeline", "choose_every", "bucket_end",
           "consecutive_buckets", "place_points", "outlet_profiles", "naming_choices", "distinct_values", "fts_query", "BUCKETS",
           "create_aggregates", "add_to_aggregates", "article_stats", "has_table", "narrows_records", "AGGREGATE_TABLES"]
