"""Article tone from a store: VADER compound of the outlet's own text and of quoted text."""

from __future__ import annotations

from typing import Any

from .sqlite import Store


def article_tones(store: Store, outlet: str | None = None) -> list[dict[str, Any]]:
    """One row per article: ``outlet_tone`` and ``quoted_tone`` (None when it has no such text)."""
    sql = ("SELECT ar.id AS article_id, ar.date AS date, ar.outlet AS outlet, ar.title AS title, "
           "max(CASE WHEN t.voice = 'outlet' THEN t.compound END) AS outlet_tone, "
           "max(CASE WHEN t.voice = 'quoted' THEN t.compound END) AS quoted_tone, "
           "max(CASE WHEN t.voice = 'outlet' THEN t.chars END) AS outlet_chars, "
           "max(CASE WHEN t.voice = 'quoted' THEN t.chars END) AS quoted_chars "
           "FROM tones t JOIN articles ar ON ar.id = t.article_id WHERE t.sentence = -1")
    args: list[Any] = []
    if outlet is not None:
        sql += " AND lower(ar.outlet) = lower(?)"
        args.append(outlet)
    sql += " GROUP BY ar.id ORDER BY ar.date, ar.id"
    return [dict(row) for row in store.conn.execute(sql, args)]


__all__ = ["article_tones"]
