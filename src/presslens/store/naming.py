"""Naming profile: which names each actor is given, counted by outlet and by voice.

The profile is descriptive: it reports the names that appear ('Israel', 'the
occupation', 'the usurping regime'), where and in whose words, with no verdict on
them. The store has a ``naming`` view (one row per named mention); this module
aggregates it.
"""

from __future__ import annotations

from typing import Any

from .sqlite import Store


def _matching_actors(store: Store, actor: str) -> list[str]:
    """Canonical actor names equal to ``actor`` or having it among their names (case-insensitive)."""
    rows = store.conn.execute(
        "SELECT DISTINCT actor FROM naming WHERE lower(actor) = lower(?) OR lower(name) = lower(?)",
        (actor, actor)).fetchall()
    return [r[0] for r in rows]


def naming_profile(store: Store, actor: str | None = None, outlet: str | None = None,
                   by_speaker: bool = False) -> list[dict[str, Any]]:
    """Rows ``actor, name, outlet, voice[, speaker], mentions, articles``, most used first.

    ``actor`` selects actors by canonical name or by any name they are given; names
    differing only in case are counted together.
    """
    where, args = [], []
    if actor is not None:
        actors = _matching_actors(store, actor)
        if not actors:
            return []
        where.append(f"actor IN ({', '.join('?' * len(actors))})")
        args += actors
    if outlet is not None:
        where.append("lower(outlet) = lower(?)")
        args.append(outlet)
    keys = "actor, lower(name), outlet, voice" + (", speaker" if by_speaker else "")
    sql = (f"SELECT actor, min(name) AS name, outlet, voice{', speaker' if by_speaker else ''}, "
           f"count(*) AS mentions, count(DISTINCT article_id) AS articles FROM naming "
           f"{'WHERE ' + ' AND '.join(where) if where else ''} GROUP BY {keys} "
           f"ORDER BY actor, mentions DESC, name, outlet, voice")
    return [dict(row) for row in store.conn.execute(sql, args)]


def names_by_actor(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Actor → name → total mentions, from profile rows (any outlet, any voice)."""
    totals: dict[str, dict[str, int]] = {}
    for row in rows:
        names = totals.setdefault(row["actor"], {})
        names[row["name"]] = names.get(row["name"], 0) + row["mentions"]
    return totals


__all__ = ["naming_profile", "names_by_actor"]
