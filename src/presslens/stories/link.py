"""Link one stored article to its near-duplicates and its story, and rebuild that story.

Runs once per newly stored article. ``prepare`` does the work that needs no store (shingles,
MinHash, story features, figure measures); ``link_prepared`` runs inside the transaction that
stores the article (``Store.add(analysis, then=...)``, as ingest does), so an article is never
stored unlinked and its link costs no commit of its own. Ingest defers the story rebuild
(reading every article of the touched story) to ``rebuild_pending`` every ``REBUILD_EVERY``
articles and at its end, so a story that gains many articles in one batch is rebuilt once;
the marks are in the store, so a killed ingest's stories are rebuilt by the next one. A
rebuild is a function of the story's members alone, so when it runs changes nothing. Candidates come from the index
tables (LSH band keys for copies, shared names within the date window for stories), never
from a scan of the store. Links are symmetric tests on the two articles alone, and a story
is the connected group of linked articles, so the stories of a corpus do not depend on the
order its articles arrive in. What does depend on that order: the id of a story and the
``copy_of`` of a copy group are those of its earliest article by (date, id) among the
articles stored so far, so an earlier report arriving later renames them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice

import numpy as np

from presslens.core.schema import Analysis, Duplicate, Event, Figure, Story, StoryArticle
from presslens.store import stories as tables
from presslens.store.sqlite import Store

from . import features as story_features
from . import shingles as dedup
from .claims import measures_of
from .events import Report, canonical_events

TOP_NAMES = 5
"""Actors and places listed on a story."""
REBUILD_EVERY = 64
"""Ingest rebuilds the stories its links touched after this many stored articles (and at its end)."""
EVENT_FIELDS = ("start", "end", "type", "mode", "trigger", "trigger_start", "trigger_end", "sources", "targets",
                "source_sectors", "target_sectors", "location", "reported_by")
FIGURE_FIELDS = ("start", "end", "text", "value", "low", "high", "approximate", "unit", "counts", "counts_start",
                 "counts_end", "source", "no_counted_noun")
"""The fields of stored events and figures that a story rebuild reads (negated and hypothetical events are skipped)."""


def _key(article_id: str, date: str | None) -> tuple[str, str]:
    """Sort key of 'earlier': by date (undated last), then by id."""
    return (date or "~", article_id)


@dataclass(frozen=True)
class Prepared:
    """What linking an article needs, computed before its write transaction."""

    analysis: Analysis
    shingles: set[bytes]
    signature: np.ndarray
    band_keys: list[int]
    features: story_features.StoryFeatures
    measures: dict[int, str]


def prepare(analysis: Analysis) -> Prepared | None:
    """Shingles, signature, story features and figure measures of an article (None: nothing to link)."""
    article = analysis.article
    if article.status != "ok" or not article.text.strip():
        return None
    shingle_set = dedup.shingles(article.text)
    signature = dedup.signature(shingle_set)
    measures = measures_of(analysis.figures, article.text)
    return Prepared(analysis, shingle_set, signature, dedup.band_keys(signature),
                    story_features.features(analysis), measures)


def linker(analysis: Analysis, defer: bool = False) -> Callable[[sqlite3.Connection], object] | None:
    """The link step to run inside the transaction that stores ``analysis`` (None: nothing to link);
    with ``defer`` the touched story is only marked for ``rebuild_pending``."""
    prepared = prepare(analysis)
    return None if prepared is None else (lambda conn: link_prepared(conn, prepared, defer))


def rebuild_pending(store: Store) -> int:
    """Rebuild, in one transaction, every story marked by a deferred link; returns how many."""
    with store._write() as conn:
        tables.ensure_index(conn)
        pending = tables.take_pending(conn)
        for story_id in pending:
            if conn.execute("SELECT 1 FROM story_articles WHERE story_id = ? LIMIT 1", (story_id,)).fetchone():
                _rebuild(conn, story_id)
    return len(pending)


def link_unlinked(store: Store) -> int:
    """Link the stored ok articles that have no story signature yet (stored by a presslens that
    linked after committing, and killed in between); returns how many were linked."""
    with store._write() as conn:
        tables.ensure_index(conn)
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM articles WHERE status = 'ok' AND id NOT IN (SELECT article_id FROM story_signatures) "
        "ORDER BY date, id")]
    for article_id in ids:
        link_article(store, store.analysis(article_id))
    rebuild_pending(store)  # stories a killed ingest linked but did not rebuild yet
    return len(ids)


def link_article(store: Store, analysis: Analysis) -> str | None:
    """Link an already stored article in a transaction of its own; returns the story id (None: not an ok article)."""
    prepared = prepare(analysis)
    if prepared is None:
        return None
    with store._write() as conn:
        return link_prepared(conn, prepared)


def link_prepared(conn: sqlite3.Connection, prepared: Prepared, defer: bool = False) -> str:
    """Link a stored article to its copies and story inside the caller's transaction; returns the
    story id. The story is rebuilt now, or with ``defer`` marked for ``rebuild_pending``."""
    article = prepared.analysis.article
    tables.ensure_index(conn)
    if conn.execute("SELECT 1 FROM story_signatures WHERE article_id = ?", (article.id,)).fetchone():
        return tables.memberships(conn, [article.id])[article.id].story_id
    duplicates = _duplicates(conn, article.id, article.date, prepared.shingles, prepared.signature,
                             prepared.band_keys)
    related = _related(conn, prepared.features)
    tables.add_signature(conn, article.id, article.date, article.outlet, len(prepared.shingles),
                         prepared.signature.tobytes(), prepared.band_keys, prepared.features.to_json(),
                         prepared.features.names)
    tables.add_measures(conn, article.id, prepared.measures)
    tables.add_duplicates(conn, duplicates)
    copies = {d.original_id if d.article_id == article.id else d.article_id for d in duplicates}
    story_id, dropped = _join(conn, article.id, article.date, copies, related | copies)
    for old in dropped:
        tables.replace_story(conn, old, None, [], [])
    if defer:
        tables.mark_pending(conn, story_id)
    else:
        _rebuild(conn, story_id)
    return story_id


def _duplicates(conn, article_id: str, date: str | None, shingle_set: set[bytes], signature: np.ndarray,
                band_keys: list[int]) -> list[Duplicate]:
    found = []
    for row in tables.lsh_candidates(conn, band_keys):
        if dedup.estimated_jaccard(signature, np.frombuffer(row["minhash"], dtype=np.uint64)) < dedup.CANDIDATE_ESTIMATE:
            continue
        other = dedup.shingles(row["text"])
        jaccard, containment = dedup.similarity(shingle_set, other)
        if dedup.is_duplicate(jaccard, containment, min(len(shingle_set), len(other))):
            later, earlier = sorted([(article_id, date), (row["article_id"], row["date"])],
                                    key=lambda p: _key(*p), reverse=True)
            found.append(Duplicate(later[0], earlier[0], round(jaccard, 4), round(containment, 4)))
    return found


def _related(conn, features: story_features.StoryFeatures) -> set[str]:
    since = until = None
    if features.date:
        since, until = story_features.window(features.date)
    return {row["article_id"] for row in tables.name_candidates(conn, features.names, since, until)
            if story_features.same_story(features, story_features.StoryFeatures.from_json(row["date"],
                                                                                        json.loads(row["features"])))}


def _join(conn, article_id: str, date: str | None, copies: set[str], linked: set[str]) -> tuple[str, list[str]]:
    """Put the article, its copy group and every linked article's story into one story."""
    known = tables.memberships(conn, linked)
    old_stories = sorted({m.story_id for m in known.values()})
    rows = [r for s in old_stories for r in tables.members(conn, s)]
    dated = {r["article_id"]: r["date"] for r in rows} | {article_id: date}
    story_id = min(dated, key=lambda a: _key(a, dated[a]))
    roots = {known[c].copy_of or c for c in copies if c in known}
    group = {m for root in roots for m in tables.copy_group(conn, root)} | ({article_id} if copies else set())
    root = min(group, key=lambda a: _key(a, dated.get(a))) if group else None
    copy_of = {r["article_id"]: r["copy_of"] for r in rows}
    copy_of.update({a: (root if a != root else None) for a in group})
    copy_of.setdefault(article_id, None)
    tables.save_memberships(conn, [StoryArticle(a, story_id, copy_of[a]) for a in sorted(dated)])
    return story_id, [s for s in old_stories if s != story_id]


def _rebuild(conn, story_id: str) -> None:
    """Recompute a story's row, canonical events and claims from its members' stored records."""
    rows = tables.members(conn, story_id)
    ids = [r["article_id"] for r in rows]
    reports = [Report(r["article_id"], r["date"], r["outlet"], r["copy_of"] or r["article_id"]) for r in rows]
    events, claims, disagreements = canonical_events(
        story_id, reports,
        tables.records_by_article(conn, Event, ids, EVENT_FIELDS, "NOT negated AND NOT hypothetical"),
        tables.records_by_article(conn, Figure, ids, FIGURE_FIELDS), tables.measures(conn, ids))
    roots = [r for r in reports if r.root == r.article_id]
    first = rows[0]
    story = Story(
        story_id, first["title"], first["article_id"], first["outlet"], first["date"], rows[-1]["date"],
        n_articles=len(rows), n_independent=len(roots),
        outlets=tuple(dict.fromkeys(r["outlet"] for r in rows if r["outlet"])),
        independent_outlets=tuple(dict.fromkeys(r.outlet for r in roots if r.outlet)),
        actors=_top(n for n, _ in tables.name_counts(conn, "actors", ids) if n[:1].isupper()),
        places=_top(n for n, _ in tables.name_counts(conn, "places", ids)),
        disagreements=tuple(disagreements))
    tables.replace_story(conn, story_id, story, events, claims)


def _top(names: Iterable[str]) -> tuple[str, ...]:
    """The first ``TOP_NAMES`` of names already ranked by the number of articles naming them."""
    return tuple(islice(names, TOP_NAMES))
