"""The seed report card: an analysis of ``seed/article.txt`` against ``seed/expected.json``.

Each expected item is located by an exact substring (``contains``); a record
matches when its span covers that substring and its fields agree with the
item. Names are compared loosely (case, the article 'the', apostrophes,
hyphens; the last name of a person). Every section reports found/expected.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from presslens.core.errors import NotFoundError
from presslens.core.readers import read_file
from presslens.core.schema import Analysis
from presslens.core.scoring import EvalReport, haversine_km, ratio
from presslens.pipeline import analyze

DEFAULT_GOLD = "seed/expected.json"
SECTIONS = ("metadata", "quotes", "attributed_claims", "outlet_voice", "figures", "events", "actors",
            "places", "times", "language_flags")


def normalize_name(name: str | None) -> str:
    """Lower case, no leading 'the', plain apostrophes and spaces for hyphens."""
    text = (name or "").casefold().replace("’", "'").replace("-", " ")
    text = re.sub(r"\([^)]*\)", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return " ".join(text.split())


def names_match(expected: str | None, predicted: str | None) -> bool:
    """Same name, or every word of the shorter one starts a word of the longer one."""
    e, p = normalize_name(expected), normalize_name(predicted)
    if not e or not p:
        return not e and not p
    if e == p:
        return True
    short, long_ = sorted((e.split(), p.split()), key=len)
    return all(any(w.startswith(s[:6]) for w in long_) for s in short)


class SeedCard:
    """Matches the expected items of each section against one analysis."""

    def __init__(self, analysis: Analysis, expected: dict[str, Any]):
        self.analysis = analysis
        self.text = analysis.article.text
        self.expected = expected
        self.actor_country = {normalize_name(a["name"]): a.get("country") for a in expected.get("actors", [])}
        self.rows: list[dict[str, Any]] = []

    def locate(self, needle: str) -> tuple[int, int]:
        start = self.text.find(needle)
        if start < 0:
            raise NotFoundError(f"expected substring not in the article: {needle!r}")
        return start, start + len(needle)

    def covering(self, records: Iterable[Any], needle: str) -> list[Any]:
        """Records lying inside the substring or overlapping at least half of its characters."""
        start, end = self.locate(needle)
        return [r for r in records if (start <= r.start and r.end <= end and r.end > r.start)
                or min(r.end, end) - max(r.start, start) >= (end - start) / 2]

    def _row(self, section: str, item: str, found: bool, got: str) -> bool:
        self.rows.append({"section": section, "expected": item[:60], "found": "yes" if found else "no",
                          "got": got[:70]})
        return found

    def section(self, name: str) -> float:
        items = self.expected.get(name) or []
        if name == "metadata":
            return self._metadata(items)
        check: Callable[[Any], bool] = getattr(self, f"_{name}")
        return ratio(sum(1 for item in items if check(item)), len(items))

    def _metadata(self, meta: dict[str, str]) -> float:
        article = self.analysis.article
        hits = sum(self._row("metadata", k, getattr(article, k, None) == v, str(getattr(article, k, None)))
                   for k, v in meta.items())
        return ratio(hits, len(meta))

    def _quotes(self, item: dict) -> bool:
        quotes = [q for q in self.covering(self.analysis.quotes, item["contains"]) if q.kind != "claim"]
        ok = any(names_match(item["speaker"], q.speaker) for q in quotes)
        got = "; ".join(f"{q.kind} by {q.speaker} ({q.cue})" for q in quotes) or "nothing"
        return self._row("quotes", item["contains"], ok, got)

    def _attributed_claims(self, item: dict) -> bool:
        quotes = self.covering(self.analysis.quotes, item["contains"])
        ok = any(names_match(item["source"], q.speaker) for q in quotes)
        got = "; ".join(f"{q.kind} by {q.speaker} ({q.cue})" for q in quotes) or "nothing"
        return self._row("attributed_claims", item["contains"], ok, got)

    def _outlet_voice(self, needle: str) -> bool:
        voices = self.covering(self.analysis.voices, needle)
        speakers = [q.speaker for q in self.covering(self.analysis.quotes, needle) if q.speaker]
        ok = bool(voices) and all(v.voice == "outlet" for v in voices) and not speakers
        got = ", ".join(v.voice + (f" ({v.speaker})" if v.speaker else "") for v in voices) or "no voice"
        return self._row("outlet_voice", needle, ok, got + (f"; quoted: {speakers}" if speakers else ""))

    def _figures(self, item: dict) -> bool:
        ok, got = False, []
        for f in self.covering(self.analysis.figures, item["contains"]):
            counts_ok = (f.no_counted_noun if item.get("counts") is None
                         else bool(f.counts) and names_match(item["counts"].split()[0], f.counts.split()[0]))
            fields_ok = (counts_ok
                         and ("year" not in item or f.year == item["year"])
                         and ("place" not in item or names_match(item["place"], f.place))
                         and ("source" not in item or names_match(item["source"], f.source))
                         and (not item.get("approximate") or f.approximate))
            ok = ok or fields_ok
            got.append(f"{f.text}: {f.counts} {f.year} {f.place} src={f.source}")
        return self._row("figures", item["contains"], ok, "; ".join(got) or "nothing")

    def _side_ok(self, expected: str | None, names: tuple[str, ...], countries: tuple[str, ...]) -> bool:
        if expected is None:
            return not names
        country = self.actor_country.get(normalize_name(expected))
        return any(names_match(expected, n) for n in names) or (country is not None and country in countries)

    def _events(self, item: dict) -> bool:
        ok, got = False, []
        for e in self.covering(self.analysis.events, item["contains"]):
            fields_ok = (e.type == item["type"]
                         and ("source" not in item or self._side_ok(item["source"], e.sources, e.source_countries))
                         and ("target" not in item or self._side_ok(item["target"], e.targets, e.target_countries))
                         and ("mode" not in item or e.mode == item["mode"])
                         and e.hypothetical == item.get("hypothetical", False)
                         and ("reported_by" not in item or names_match(item["reported_by"], e.reported_by)))
            ok = ok or fields_ok
            got.append(f"{e.type} {list(e.sources)}→{list(e.targets)} hyp={e.hypothetical} by={e.reported_by}")
        return self._row("events", item["contains"], ok, "; ".join(got) or "nothing")

    def _actors(self, item: dict) -> bool:
        wanted = [item["name"], *item.get("aliases", [])]
        actors = [a for a in self.analysis.actors if any(names_match(w, a.name) for w in wanted)]
        ok = False
        for a in actors:
            used = {normalize_name(n) for n in a.names}
            missing = [n for n in item.get("names_used", []) if normalize_name(n) not in used]
            ok = ok or (("country" not in item or a.country == item["country"]) and not missing)
        got = "; ".join(f"{a.name} {a.kind} {a.country} ({len(a.names)} names)" for a in actors) or "nothing"
        return self._row("actors", item["name"], ok, got)

    def _places(self, item: dict) -> bool:
        ok, got = False, []
        for p in self.covering(self.analysis.places, item["contains"]):
            fields_ok = "country" not in item or p.country == item["country"]
            if "lat" in item:
                fields_ok = fields_ok and p.lat is not None and haversine_km(
                    item["lat"], item["lon"], p.lat, p.lon) <= item.get("tolerance_km", 161)
            ok = ok or fields_ok
            got.append(f"{p.name} {p.country} {p.lat},{p.lon}")
        return self._row("places", item["contains"], ok, "; ".join(got) or "nothing")

    def _times(self, item: dict) -> bool:
        ok, got = False, []
        for t in self.covering(self.analysis.times, item["contains"]):
            if "value" in item:
                fields_ok = t.value == item["value"]
            else:
                low, high = item["value_range"]
                fields_ok = (t.range_start or "").startswith(low) and (t.range_end or "").startswith(high)
            ok = ok or fields_ok
            got.append(f"{t.text}={t.value or (t.range_start, t.range_end)}")
        return self._row("times", item["contains"], ok, "; ".join(got) or "nothing")

    def _language_flags(self, item: dict) -> bool:
        flags = self.covering(self.analysis.flags, item["contains"])
        ok = any(names_match(item["voice"], f.voice) for f in flags)
        got = "; ".join(f"{f.technique} voice={f.voice}" for f in flags) or "nothing"
        return self._row("language_flags", item["contains"], ok, got)


def evaluate(gold: Path, limit: int | None = None, article: Path | None = None, **_: object) -> EvalReport:
    """Score the seed article (``article.txt`` beside the gold file unless given)."""
    if not gold.exists():
        raise NotFoundError(f"gold file not found: {gold}")
    expected = json.loads(gold.read_text(encoding="utf-8"))
    source = article or gold.with_name("article.txt")
    if not source.exists():
        raise NotFoundError(f"seed article not found: {source}")
    card = SeedCard(analyze(next(read_file(source))), expected)
    metrics = {name: card.section(name) for name in SECTIONS}
    n = sum(len(expected.get(name) or ()) for name in SECTIONS)
    found = sum(1 for row in card.rows if row["found"] == "yes")
    return EvalReport(task="seed", gold=str(gold), n=n, metrics=metrics, rows=card.rows,
                      notes=[f"{found}/{len(card.rows)} expected items found"])
