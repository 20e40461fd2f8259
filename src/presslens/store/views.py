"""Views a writer (re)creates when it opens the store: ``naming`` (one row per named mention) and
quotes, events and flags beside their article's date and outlet."""

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


ARTICLE_VIEWS = {f"{table}_by_article": f"""
CREATE VIEW {table}_by_article AS
SELECT a.date AS article_date, a.outlet AS article_outlet, a.title AS article_title, r.*
FROM [{table}] r JOIN articles a ON a.id = r.article_id
""" for table in ("quotes", "events", "flags")}
"""Quotes, events and language flags with their article's date, outlet and title beside each row
(for faceting in Datasette by outlet and date)."""


def _create_view(conn: sqlite3.Connection, name: str, sql: str) -> None:
    """(Re)create a view on a writer's connection unless it is already up to date."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type='view' AND name=?", (name,)).fetchone()
    if row and row[0].strip() == sql.strip():
        return
    conn.execute(f"DROP VIEW IF EXISTS [{name}]")
    conn.execute(sql)


def create_naming_view(conn: sqlite3.Connection) -> None:
    """(Re)create the ``naming`` view on a writer's connection unless it is already up to date."""
    _create_view(conn, "naming", NAMING_VIEW_SQL)


def create_article_views(conn: sqlite3.Connection) -> None:
    """(Re)create the ``ARTICLE_VIEWS``."""
    for name, sql in ARTICLE_VIEWS.items():
        _create_view(conn, name, sql)


__all__ = ["NAMING_VIEW_SQL", "ARTICLE_VIEWS", "create_naming_view", "create_article_views", "PRONOUNS"]
