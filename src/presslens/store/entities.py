"""The ``actor_entities`` view: one row per actor identity across the store.

Actors of different articles share an ``entity_id`` when they are the same identity
(:func:`presslens.actors.identity.entity_id`), so this view counts a person or an
organisation once: its most used canonical name, kind, country, every name the store's
articles use for it, how many articles and names, and the first and last article dates.
"""

from __future__ import annotations

import sqlite3

ENTITIES_VIEW_SQL = """
CREATE VIEW actor_entities AS
SELECT a.entity_id AS id,
       (SELECT b.name FROM actors b WHERE b.entity_id = a.entity_id
        GROUP BY b.name ORDER BY COUNT(*) DESC, b.name LIMIT 1) AS name,
       MIN(a.kind) AS kind,
       (SELECT b.country FROM actors b WHERE b.entity_id = a.entity_id AND b.country IS NOT NULL
        GROUP BY b.country ORDER BY COUNT(*) DESC, b.country LIMIT 1) AS country,
       (SELECT json_group_array(DISTINCT j.value) FROM actors b, json_each(b.names) j
        WHERE b.entity_id = a.entity_id) AS aliases,
       COUNT(DISTINCT a.article_id) AS n_articles,
       COUNT(*) AS n_actors,
       MIN(ar.date) AS first_seen,
       MAX(ar.date) AS last_seen
FROM actors a
JOIN articles ar ON ar.id = a.article_id
WHERE a.entity_id IS NOT NULL
GROUP BY a.entity_id
"""
"""Identity id, name, kind, country, aliases (JSON list), article count, first/last article date."""


def create_entities_view(conn: sqlite3.Connection) -> None:
    """(Re)create the ``actor_entities`` view on a writer's connection unless it is up to date."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type='view' AND name='actor_entities'").fetchone()
    if row and row[0].strip() == ENTITIES_VIEW_SQL.strip():
        return
    conn.execute("DROP VIEW IF EXISTS actor_entities")
    conn.execute(ENTITIES_VIEW_SQL)


__all__ = ["ENTITIES_VIEW_SQL", "create_entities_view"]
