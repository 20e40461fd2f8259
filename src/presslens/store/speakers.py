"""Who is quoted how often, by outlet: the library side of ``presslens speakers``."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from presslens.core.schema import Quote

from .sqlite import Store

KINDS = ("direct", "indirect", "mixed", "claim")


def speaker_counts(store: Store, outlet: str | None = None, include_unresolved: bool = False) -> list[dict[str, Any]]:
    """One row per (speaker, outlet): attributions, articles, and attributions by kind.

    A quotation split into pieces counts once (later pieces have ``continues``). A named speaker
    counts once across the names articles give it ('Clinton', 'Hillary Clinton'): rows are keyed
    by ``speaker_entity_id`` and show the fullest name used. Attributions whose speaker could not
    be resolved are left out unless ``include_unresolved`` (they are then counted under ``None``).
    """
    where, args = "r.continues = 0", []
    if outlet:
        where, args = where + " AND a.outlet = ?", [outlet]
    rows: dict[tuple[str | None, str | None], dict[str, Any]] = {}
    articles: dict[tuple[str | None, str | None], set[str]] = defaultdict(set)
    for quote in store.records(Quote, where, args):
        if quote["speaker"] is None and not include_unresolved:
            continue
        key = (quote["speaker_entity_id"] or quote["speaker"], quote["article_outlet"])
        row = rows.setdefault(key, {"speaker": quote["speaker"], "speaker_kind": quote["speaker_kind"],
                                    "entity_id": quote["speaker_entity_id"], "outlet": key[1],
                                    "quotes": 0, "articles": 0, **{kind: 0 for kind in KINDS}})
        if len(quote["speaker"] or "") > len(row["speaker"] or ""):
            row["speaker"] = quote["speaker"]
        row["quotes"] += 1
        row[quote["kind"]] = row.get(quote["kind"], 0) + 1
        articles[key].add(quote["article_id"])
    for key, row in rows.items():
        row["articles"] = len(articles[key])
    return sorted(rows.values(), key=lambda r: (-r["quotes"], str(r["speaker"]), str(r["outlet"])))


__all__ = ["speaker_counts", "KINDS"]
