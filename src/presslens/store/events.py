"""Stored events: filters (type, actor, country, dates) and exports as PLOVER JSON and GDELT-style CSV."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import Any

from presslens.core.errors import InputError
from presslens.core.schema import Event
from presslens.events.plover import EVENT_TYPES, QUAD

from .sqlite import Store

PLOVER_SCALE = {"AID": 10.0, "COOPERATE": 9.5, "RETREAT": 6.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "AGREE": 2.5,
                "CONSULT": 2.5, "REQUEST": 0.0, "REJECT": -2.0, "ACCUSE": -3.0, "THREATEN": -3.5, "PROTEST": -5.0,
                "MOBILIZE": -5.5, "SANCTION": -6.0, "COERCE": -7.0, "ASSAULT": -9.0}
"""PLOVER category scores (-10 conflict … +10 cooperation). The manual prints ACCUSE as +3 while all its
modes are negative; presslens reads that sign as a typo and uses -3."""

GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor2Name",
                 "Actor2CountryCode", "Actor2Type1Code", "EventCode", "EventMode", "QuadClass", "GoldsteinScale",
                 "IsHypothetical", "IsNegated", "ReportedBy", "ActionGeo_FullName", "EventText", "SOURCEURL")


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise InputError(f"{option} takes a date as YYYY-MM-DD, not {value!r}") from exc


def query_events(store: Store, type_: str | None = None, actor: str | None = None, country: str | None = None,
                 since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Stored events matching every filter given, in date order.

    ``actor`` matches part of a source or target name (any case); ``country`` a source or
    target country code; ``since``/``until`` the article date (inclusive).
    """
    where: list[str] = []
    args: list[Any] = []
    if type_:
        if type_.upper() not in EVENT_TYPES:
            raise InputError(f"unknown event type {type_!r}; choose from {', '.join(EVENT_TYPES)}")
        where.append("r.type = ?")
        args.append(type_.upper())
    if actor:
        where.append("(r.sources LIKE ? OR r.targets LIKE ?)")
        args += [f"%{actor}%"] * 2
    if country:
        where.append("(r.source_countries LIKE ? OR r.target_countries LIKE ?)")
        args += [f'%"{country.upper()}"%'] * 2
    for value, clause, option in ((since, "a.date >= ?", "--since"), (until, "a.date <= ?", "--until")):
        checked = _check_date(value, option)
        if checked:
            where.append(clause)
            args.append(checked)
    return store.records(Event, " AND ".join(where), args)


def event_id(row: dict[str, Any]) -> str:
    """A stable id: the article id and the trigger's offset."""
    return f"{row['article_id']}:{row['trigger_start']}"


def _entities(names: list[str], countries: list[str], sectors: list[str]) -> list[dict[str, Any]]:
    return [{"entity_text": name, "code": countries[i] if i < len(countries) else "",
             "sector_code": sectors[i] if i < len(sectors) else ""} for i, name in enumerate(names)]


def to_plover(row: dict[str, Any], url: str | None = None) -> dict[str, Any]:
    """One event as a PLOVER record (field names of the PLOVER manual's data-fields chapter)."""
    event_type = row["type"]
    return {
        "id": event_id(row), "date": row.get("article_date"), "event": event_type, "mode": row.get("mode"),
        "actor": _entities(list(row["sources"]), list(row["source_countries"]), list(row.get("source_sectors", ()))),
        "recipient": _entities(list(row["targets"]), list(row["target_countries"]),
                               list(row.get("target_sectors", ()))),
        "quad_code": QUAD[event_type], "event_scale": PLOVER_SCALE[event_type],
        "event_loc": {"extracted_place": row["location"]} if row.get("location") else None,
        "time": row.get("time"), "event_text": row["trigger"],
        "text_info": {"start": row["start"], "end": row["end"], "trigger_start": row["trigger_start"],
                      "trigger_end": row["trigger_end"]},
        "hypothetical": bool(row.get("hypothetical")), "negation": bool(row.get("negated")),
        "reported_by": row.get("reported_by"),
        "cite_info": {"url": url, "publication": row.get("article_outlet"), "article_id": row["article_id"],
                      "coder": "presslens"},
    }


def _urls(store: Store, rows: list[dict[str, Any]]) -> dict[str, str | None]:
    return {aid: store.article(aid).url for aid in {r["article_id"] for r in rows}}


def plover_records(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    urls = _urls(store, rows)
    return [to_plover(r, urls[r["article_id"]]) for r in rows]


def gdelt_csv(store: Store, rows: list[dict[str, Any]]) -> str:
    """GDELT-style CSV, one row per event; several actors on a side are joined with ';'."""
    urls = _urls(store, rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    for r in rows:
        writer.writerow([
            event_id(r), re.sub(r"-", "", r.get("article_date") or ""), ";".join(r["sources"]),
            ";".join(r["source_countries"]), ";".join(r.get("source_sectors") or ()), ";".join(r["targets"]),
            ";".join(r["target_countries"]), ";".join(r.get("target_sectors") or ()), r["type"], r.get("mode") or "",
            QUAD[r["type"]], PLOVER_SCALE[r["type"]], int(bool(r.get("hypothetical"))), int(bool(r.get("negated"))),
            r.get("reported_by") or "", r.get("location") or "", r["trigger"], urls[r["article_id"]] or r["article_id"],
        ])
    return out.getvalue()


__all__ = ["query_events", "plover_records", "gdelt_csv", "to_plover", "event_id", "PLOVER_SCALE", "GDELT_COLUMNS"]
