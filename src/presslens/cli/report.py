"""Readable terminal reports of an ``Analysis`` (rich tables), built from the records alone.

``SECTIONS`` lists what the report shows for each record kind: a title, the
``Analysis`` attribute and the columns (header, function of a record). The
JSON output and the web page show the same records.
"""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from presslens.core.schema import Analysis

from .output import Column, table

WIDE = ("quote", "names used", "reason", "sentence", "counts", "trigger")
"""Columns that wrap on words in a terminal; the others stay whole."""


def _span(record: Any) -> str:
    return f"{record.start}-{record.end}"


def _names(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def _one_line(text: str | None) -> str:
    """Whole text on one line (a terminal table wraps it on words; piped output keeps it whole)."""
    return " ".join((text or "").split())


SECTIONS: list[tuple[str, str, list[Column]]] = [
    ("Quotes and attributed claims", "quotes", [
        ("speaker", lambda q: q.speaker or "—"), ("cue", lambda q: q.cue or "—"),
        ("kind", lambda q: q.kind), ("quote", lambda q: _one_line(q.text)), ("chars", _span)]),
    ("Actors", "actors", [
        ("actor", lambda a: a.name), ("kind", lambda a: a.kind), ("country", lambda a: a.country or "—"),
        ("sector", lambda a: a.sector or "—"), ("names used", lambda a: " | ".join(a.names))]),
    ("Events (PLOVER)", "events", [
        ("type", lambda e: e.type + (f"/{e.mode}" if e.mode else "")),
        ("source", lambda e: _names(e.sources) or "—"), ("target", lambda e: _names(e.targets) or "—"),
        ("trigger", lambda e: e.trigger), ("where", lambda e: e.location or "—"),
        ("when", lambda e: e.time or "—"),
        ("flags", lambda e: " ".join(f for f, on in (("hypothetical", e.hypothetical), ("negated", e.negated))
                                     if on) + (f" reported by {e.reported_by}" if e.reported_by else ""))]),
    ("Figures", "figures", [
        ("figure", lambda f: f.text), ("value", lambda f: _range(f.value, f.low, f.high)),
        ("counts", lambda f: f.counts or ("(not stated)" if f.no_counted_noun else "—")),
        ("year", lambda f: f.year or "—"), ("place", lambda f: f.place or "—"),
        ("source", lambda f: f.source or "outlet")]),
    ("Places", "places", [
        ("mention", lambda p: p.text), ("resolved", lambda p: p.name or "—"),
        ("country", lambda p: p.country or "—"), ("kind", lambda p: p.feature or "—"),
        ("lat, lon", lambda p: f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None else "—")]),
    ("Times", "times", [
        ("expression", lambda t: t.text), ("type", lambda t: t.type),
        ("value", lambda t: t.value or (f"{t.range_start} … {t.range_end}" if t.range_start else "—")),
        ("granularity", lambda t: t.granularity or "—")]),
    ("Language flags", "flags", [
        ("wording", lambda f: f.text), ("technique", lambda f: f.technique), ("voice", lambda f: f.voice),
        ("reason", lambda f: _one_line(f.reason))]),
    ("Entities", "entities", [
        ("entity", lambda e: e.text), ("label", lambda e: e.label), ("chars", _span)]),
]


def _range(value: float | None, low: float | None, high: float | None) -> str:
    def fmt(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"
    if value is not None:
        return fmt(value)
    if low is not None or high is not None:
        return f"{fmt(low) if low is not None else '…'}–{fmt(high) if high is not None else '…'}"
    return "—"


def render(analysis: Analysis, console: Console, *, show_sentences: bool = False) -> None:
    """Print a readable report of one analysis: a head, then a table per record kind
    (plain tab-separated sections when stdout is not a terminal)."""
    a = analysis.article
    head = Text()
    head.append(f"{a.title or '(untitled)'}\n", style="bold")
    head.append(f"id {a.id}   date {a.date or '—'}   outlet {a.outlet or '—'}   status {a.status}\n")
    if a.url:
        head.append(f"{a.url}\n")
    if a.error:
        head.append(f"error: {a.error}\n", style="red")
    if a.status == "ok":
        head.append(f"{len(a.text.split()):,} words, {len(analysis.paragraphs)} paragraphs, "
                    f"{len(analysis.sentences)} sentences", style="dim")
    if console.is_terminal:
        console.print(Panel(head, title="presslens", expand=False))
    else:
        sys.stdout.write(head.plain.rstrip("\n") + "\n")
    if a.status != "ok":
        return
    if show_sentences:
        voice_of = {v.sentence: v for v in analysis.voices}

        def voice(s: Any) -> str:
            v = voice_of.get(s.index)
            return (v.speaker or v.voice) if v else "—"

        table("Sentences", [("#", lambda s: s.index), ("¶", lambda s: s.paragraph), ("chars", _span),
                            ("sentence", lambda s: s.text), ("voice", voice)],
              analysis.sentences, wide=("sentence",), section=True)
    for title, attribute, columns in SECTIONS:
        records = getattr(analysis, attribute)
        if records:
            table(f"{title} ({len(records)})", columns, records, wide=WIDE, section=True)
    if analysis.voices:
        outlet = sum(1 for v in analysis.voices if v.voice == "outlet")
        line = (f"Voice: {outlet} sentences in the outlet's own voice, "
                f"{len(analysis.voices) - outlet} attributed")
        if console.is_terminal:
            console.print(line, markup=False, highlight=False)
        else:
            sys.stdout.write(line + "\n")
