"""Views a writer (re)creates when it opens the store: ``naming`` (one row per named mention)."""

from __future__ import annotations

import sqlite3

PRONOUNS = ("he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their")
"""Pronoun mentions carry no name and are left out of the profile."""

NAMING_VIEW_SQL = f"""
CREATE VIEW naming AS
SELECT a.name AS actor, a.kind AS actor_kind, a.country AS actor_country, m.text AS name,
       ar.outlet AS outlet,
       CASE WHEN m.voice = 'outlet' THEN 'outlet' ELSE 'quoted' END AS voice,
       CASE WHEN m.voice = 'outlet' THEN NULL ELSE m.voice END AS speaker,
       m.article_id AS article_id, ar.date AS date, m.start AS start, m.end AS end
FROM mentions m
JOIN actors a ON a.article_id = m.article_id AND a.id = m.actor_id
JOIN articles ar ON ar.id = m.article_id
WHERE lower(m.text) NOT IN ({", ".join(f"'{p}'" for p in PRONOUNS)})
"""
"""One row per named mention: actor, the name used, outlet, voice (``outlet``/``quoted``) and speaker."""


def create_naming_view(conn: sqlite3.Connection) -> None:
    """(Re)create the ``naming`` view on a writer's connection unless it is already up to date."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type='view' AND name='naming'").fetchone()
    if row and row[0].strip() == NAMING_VIEW_SQL.strip():
        return
    conn.execute("DROP VIEW IF EXISTS naming")
    conn.execute(NAMING_VIEW_SQL)


__all__ = ["NAMING_VIEW_SQL", "create_naming_view", "PRONOUNS"]
