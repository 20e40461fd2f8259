"""An article's records laid over its text: spans cut into segments so overlaps are drawn, not dropped.

Every record kind the article view highlights becomes ``Span``s (quote content, speaker
mention, event trigger, place, time, figure, flag). The text is cut at every span boundary;
each segment knows all spans covering it, so nested and crossing spans both show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from presslens.core.schema import Analysis

KINDS = ("quote", "speaker", "event", "place", "time", "figure", "flag", "mark")
"""Highlighted kinds, outermost first."""


@dataclass(frozen=True)
class Span:
    """One highlighted record: ``id`` is unique in the article, ``label`` is the hover text."""

    id: str
    kind: str
    start: int
    end: int
    label: str
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same spans (outermost kind first)."""

    text: str
    spans: tuple[Span, ...]

    @property
    def kinds(self) -> list[str]:
        return sorted({s.kind for s in self.spans}, key=KINDS.index)

    @property
    def ids(self) -> str:
        return " ".join(s.id for s in self.spans)

    @property
    def title(self) -> str:
        return "\n".join(s.label for s in self.spans)


def _details(**values: Any) -> tuple[tuple[str, str], ...]:
    return tuple((k.replace("_", " "), ", ".join(v) if isinstance(v, tuple) else str(v))
                 for k, v in values.items() if v not in (None, "", ()))


def spans_of(analysis: Analysis, mark: tuple[int, int] | None = None) -> list[Span]:
    """The spans the article view highlights, in text order (``mark`` is a range to point at)."""
    spans: list[Span] = []
    for i, q in enumerate(analysis.quotes):
        who = q.speaker or q.speaker_mention or "unresolved speaker"
        spans.append(Span(f"q{i}", "quote", q.start, q.end, f"{q.kind} quote · {who}",
                          _details(speaker=q.speaker, kind=q.kind, cue=q.cue, role=q.speaker_role)))
        if q.speaker_start is not None and q.speaker_end is not None:
            spans.append(Span(f"s{i}", "speaker", q.speaker_start, q.speaker_end, f"speaker · {who}",
                              _details(resolved_as=q.speaker, kind=q.speaker_kind)))
    for i, e in enumerate(analysis.events):
        spans.append(Span(f"e{i}", "event", e.trigger_start, e.trigger_end, f"{e.type} event · {e.trigger}",
                          _details(type=e.type, mode=e.mode, sources=e.sources, targets=e.targets,
                                   location=e.location, time=e.time, reported_by=e.reported_by,
                                   hypothetical="yes" if e.hypothetical else None,
                                   negated="yes" if e.negated else None)))
    for i, p in enumerate(analysis.places):
        spans.append(Span(f"p{i}", "place", p.start, p.end, f"place · {p.name or p.text}",
                          _details(name=p.name, country=p.country, feature=p.feature,
                                   coordinates=f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None
                                   else None)))
    for i, t in enumerate(analysis.times):
        spans.append(Span(f"t{i}", "time", t.start, t.end, f"time · {t.value or t.text}",
                          _details(type=t.type, value=t.value, modifier=t.mod)))
    for i, f in enumerate(analysis.figures):
        spans.append(Span(f"f{i}", "figure", f.start, f.end, f"figure · {f.text}",
                          _details(value=f.value, low=f.low, high=f.high, counts=f.counts, source=f.source)))
    for i, fl in enumerate(analysis.flags):
        spans.append(Span(f"l{i}", "flag", fl.start, fl.end, f"{fl.technique} · voice: {fl.voice}",
                          _details(technique=fl.technique, voice=fl.voice, reason=fl.reason, method=fl.method)))
    if mark is not None:
        spans.append(Span("m0", "mark", mark[0], mark[1], "the record you followed"))
    size = len(analysis.article.text)
    kept = [s for s in spans if 0 <= s.start < s.end <= size]
    return sorted(kept, key=lambda s: (s.start, -s.end, KINDS.index(s.kind), s.id))


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """The text cut at every span boundary; each piece carries the spans covering it."""
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    result = []
    for start, end in zip(cuts, cuts[1:]):
        covering = tuple(s for s in spans if s.start <= start and s.end >= end)
        result.append(Segment(text[start:end], covering))
    return result


__all__ = ["KINDS", "Span", "Segment", "spans_of", "segments"]
