"""The everyday check set: short news sentences written for presslens (``presslens eval everyday``).

Gold: ``places/data/everyday.jsonl``, one sentence a line with what a reader expects:

* ``places``: surface → ``"CC"``, ``"CC lat lon"``, ``"lat lon"`` or ``""`` (any place). A place is
  right when a predicted place overlaps the surface, has that country and lies within 161 km;
* ``not_places``: surfaces that name people, institutions or occupants of buildings; a predicted
  literal place overlapping one is a false positive (a capital marked ``sense="metonym"`` is not);
* ``actors``: surface → ``"ISO3 [SECTOR]"`` or ``""``; right when an actor mention overlaps it and
  its actor has that country and sector (``""``: an actor whose name covers the whole surface);
* ``figure_place`` / ``event_place``: where the counted thing or the event happened.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from presslens.core.schema import Actor, Analysis, Figure
from presslens.core.scoring import EvalReport, haversine_km, ratio, read_jsonl
from presslens.pipeline import analyze

DEFAULT_GOLD = str(Path(__file__).resolve().parents[1] / "places" / "data" / "everyday.jsonl")
TOLERANCE_KM = 161.0
CHECK_DATE = "2025-03-01"
"""The sentences are read as one day's news (times need an article date)."""


def _key(name: str | None) -> str:
    """Case-, accent- and article-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().replace("’", "'")
    return " ".join(re.sub(r"^the\s+", "", text.strip()).split())


def _span(text: str, surface: str) -> tuple[int, int]:
    start = text.find(surface)
    return start, start + len(surface)


def _overlapping(records, start: int, end: int) -> list:
    return [r for r in records if r.start < end and start < r.end]


def _parse_place(spec: str) -> tuple[str | None, tuple[float, float] | None]:
    parts = spec.split()
    country = parts.pop(0) if parts and parts[0].isalpha() else None
    point = (float(parts[0]), float(parts[1])) if len(parts) == 2 else None
    return country, point


class _Case:
    """One check-set sentence and its analysis."""

    def __init__(self, record: dict[str, Any], analysis: Analysis):
        self.record, self.analysis, self.text = record, analysis, analysis.article.text
        self.actors = {a.id: a for a in analysis.actors}

    def place(self, surface: str, spec: str) -> tuple[bool, str]:
        country, point = _parse_place(spec)
        found = _overlapping(self.analysis.places, *_span(self.text, surface))
        for p in found:
            near = point is None or (p.lat is not None and p.lon is not None
                                     and haversine_km(p.lat, p.lon, *point) <= TOLERANCE_KM)
            if near and (country is None or p.country == country):
                return True, f"{p.name} {p.country}"
        return False, "; ".join(f"{p.text}->{p.name} {p.country} ({p.lat},{p.lon})" for p in found) or "not found"

    def not_place(self, surface: str) -> tuple[bool, str]:
        """A capital read as a metonym (``sense`` metonym) is not a literal place and does not count."""
        found = [p for p in _overlapping(self.analysis.places, *_span(self.text, surface)) if p.sense == "literal"]
        return not found, "; ".join(f"{p.text}->{p.name} {p.country}" for p in found)

    def actor(self, surface: str, spec: str) -> tuple[bool, str]:
        """The sector may be the actor's or the mention's own ('Sudan's army': Sudan, mention MIL)."""
        start, end = _span(self.text, surface)
        found: list[tuple[Actor, str | None]] = [(self.actors[m.actor_id], m.sector)
                                                 for m in _overlapping(self.analysis.mentions, start, end)
                                                 if m.actor_id in self.actors]
        parts = spec.split()
        country, sector = (parts + [None, None])[:2]
        for a, mention_sector in found:
            if not parts and any(_key(surface) in _key(n) for n in (a.name, *a.names)):
                return True, a.name
            if parts and a.country == country and sector in (None, a.sector, mention_sector):
                return True, f"{a.name} {a.country} {a.sector or mention_sector}"
        return False, "; ".join(f"{a.name} {a.country} {a.sector or s}" for a, s in found) or "no actor"

    def figure_place(self, expected: str) -> tuple[bool, str]:
        figures: list[Figure] = [f for f in self.analysis.figures if f.value is not None or f.low is not None]
        counted = [f for f in figures if f.counts] or figures
        if not counted:
            return False, "no figure"
        got = counted[0].place
        return _key(got) == _key(expected), f"{counted[0].text}: {got}"

    def event_place(self, expected: str) -> tuple[bool, str]:
        locations = [e.location for e in self.analysis.events if e.location]
        return any(_key(loc) == _key(expected) for loc in locations), ", ".join(locations) or "no location"


def evaluate(gold: Path, limit: int | None = None, **options: Any) -> EvalReport:
    """Score places, non-places, actor countries and figure/event places on the check set."""
    counts: Counter = Counter()
    rows: list[dict[str, Any]] = []

    def tally(case_id: str, check: str, item: str, result: tuple[bool, str], metric: str) -> None:
        ok, got = result
        counts[metric] += 1
        counts[metric + "_ok"] += ok
        if not ok:
            rows.append({"id": case_id, "check": check, "expected": item[:50], "got": got[:80]})

    records = list(read_jsonl(gold, limit))
    for record in records:
        analysis = analyze(record["text"], date=CHECK_DATE, outlet="check set")
        counts["failed"] += analysis.article.status != "ok"
        case = _Case(record, analysis)
        for surface, spec in record.get("places", {}).items():
            tally(record["id"], "place", f"{surface} = {spec}", case.place(surface, spec), "place")
        for surface in record.get("not_places", []):
            tally(record["id"], "not a place", surface, case.not_place(surface), "not_place")
        for surface, spec in record.get("actors", {}).items():
            tally(record["id"], "actor", f"{surface} = {spec}", case.actor(surface, spec), "actor")
        if record.get("figure_place"):
            tally(record["id"], "figure place", record["figure_place"],
                  case.figure_place(record["figure_place"]), "where")
        if record.get("event_place"):
            tally(record["id"], "event place", record["event_place"],
                  case.event_place(record["event_place"]), "where")
    metrics = {
        "place_accuracy": ratio(counts["place_ok"], counts["place"]),
        "non_place_false_positives": float(counts["not_place"] - counts["not_place_ok"]),
        "actor_country_accuracy": ratio(counts["actor_ok"], counts["actor"]),
        "figure_event_place_accuracy": ratio(counts["where_ok"], counts["where"]),
    }
    notes = [f"{counts['place']} places, {counts['not_place']} non-places, {counts['actor']} actors, "
             f"{counts['where']} figure/event places; rows list the misses"]
    if counts["failed"]:
        notes.append(f"{counts['failed']} sentences failed to analyse (their records are empty)")
    return EvalReport(task="everyday", gold=str(gold), n=len(records), metrics=metrics, rows=rows, notes=notes)


__all__ = ["DEFAULT_GOLD", "evaluate"]
