"""One canonical event per real-world event of a story, with every report's claims kept apart.

Two event records of a story's articles are the same event when they have the same PLOVER
type, share at least one actor (source or target), their places do not conflict (equal, or
one unknown) and their articles are at most ``EVENT_DAYS`` days apart. Negated and
hypothetical events are left out. Each canonical event counts its articles, its outlets and
its independent reports (a group of near-duplicates counts once) and names its first report.
A figure inside an event's sentence is a claim of that event; who a report holds responsible
is an attribution claim. Claims are never merged or averaged: when independent reports give
different figures for the same counted thing (counted nouns compared as written: 'people
killed' and 'people died' are not compared), or name different perpetrators, the event (or,
for figures outside any event, the story) lists the disagreement.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from presslens.core.schema import Event, Figure, StoryClaim, StoryEvent

from .features import days_apart

EVENT_DAYS = 2


@dataclass(frozen=True)
class Report:
    """A story member as the event builder sees it: its date, outlet and copy group root."""

    article_id: str
    date: str | None
    outlet: str | None
    root: str


@dataclass(frozen=True)
class _Mention:
    report: Report
    event: Event

    @property
    def actors(self) -> set[str]:
        return set(self.event.sources) | set(self.event.targets)


def _same_event(a: _Mention, b: _Mention) -> bool:
    if a.event.type != b.event.type or not (a.actors & b.actors):
        return False
    if a.event.location and b.event.location and a.event.location.lower() != b.event.location.lower():
        return False
    gap = days_apart(a.report.date, b.report.date)
    return gap is None or gap <= EVENT_DAYS


def _groups(mentions: list[_Mention]) -> list[list[_Mention]]:
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(mentions)):
        for j in range(i):
            if _same_event(mentions[i], mentions[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[_Mention]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        groups[find(i)].append(mention)
    return sorted(groups.values(), key=lambda g: _order(g[0]))


def _order(mention: _Mention) -> tuple:
    return (mention.report.date or "~", mention.report.article_id, mention.event.start)


def _ranked(values: list[str]) -> tuple[str, ...]:
    return tuple(v for v, _ in sorted(Counter(v for v in values if v).items(), key=lambda kv: (-kv[1], kv[0])))


def _figure_claim(story_id: str, event: int, report: Report, figure: Figure) -> StoryClaim:
    return StoryClaim(story_id, event, report.article_id, figure.start, figure.end, "figure", figure.text,
                      outlet=report.outlet, source=figure.source, counts=(figure.counts or "").lower() or None,
                      value=figure.value, low=figure.low, high=figure.high)


def _figure_disagreements(claims: list[StoryClaim], roots: dict[str, str]) -> list[str]:
    """Counted things that independent reports (different copy groups) give different figures for."""
    by_counts: dict[str, dict[tuple, list[StoryClaim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        if claim.kind == "figure" and claim.counts:
            by_counts[claim.counts][(claim.value, claim.low, claim.high)].append(claim)
    notes = []
    for counts, by_value in sorted(by_counts.items()):
        reports = [{roots[c.article_id] for c in same} for same in by_value.values()]
        if len(by_value) > 1 and any(a != b for a in reports for b in reports):
            said = [f"{c[0].text} ({c[0].source or c[0].outlet or 'outlet'})" for c in by_value.values()]
            notes.append(f"{counts}: " + " / ".join(sorted(said)))
    return notes


def _attribution_disagreement(mentions: list[_Mention]) -> list[str]:
    """Independent reports naming different perpetrators: disjoint sets of proper-named sources
    ('the army' and 'soldiers' are two wordings, not a disagreement)."""
    named: dict[frozenset[str], _Mention] = {}
    for mention in mentions:
        names = frozenset(s for s in mention.event.sources if s[:1].isupper())
        if names:
            named.setdefault(names, mention)
    if not any(not a & b and named[a].report.root != named[b].report.root for a in named for b in named):
        return []
    said = [f"{', '.join(sorted(k))} ({m.event.reported_by or m.report.outlet or 'outlet'})" for k, m in named.items()]
    return ["who: " + " / ".join(sorted(said))]


def canonical_events(story_id: str, reports: list[Report], events: dict[str, list[Event]],
                     figures: dict[str, list[Figure]]) -> tuple[list[StoryEvent], list[StoryClaim], list[str]]:
    """The story's canonical events, the claims of each report, and the story's figure disagreements."""
    mentions = [_Mention(r, e) for r in reports for e in events.get(r.article_id, ())
                if not e.negated and not e.hypothetical]
    roots = {r.article_id: r.root for r in reports}
    story_events, claims = [], []
    in_event: set[tuple[str, int]] = set()
    for ordinal, group in enumerate(_groups(mentions)):
        first = group[0]
        group_claims = []
        for mention in group:
            report, event = mention.report, mention.event
            if event.sources:
                group_claims.append(StoryClaim(story_id, ordinal, report.article_id, event.start, event.end,
                                               "attribution", ", ".join(event.sources), outlet=report.outlet,
                                               source=event.reported_by))
            for figure in figures.get(report.article_id, ()):
                if event.start <= figure.start and figure.end <= event.end:
                    group_claims.append(_figure_claim(story_id, ordinal, report, figure))
                    in_event.add((report.article_id, figure.start))
        reports_of = {m.report.article_id: m.report for m in group}
        story_events.append(StoryEvent(
            story_id, ordinal, first.event.type, first.report.article_id, first.event.start, first.event.end,
            first.event.trigger, first_outlet=first.report.outlet, first_date=first.report.date,
            location=(_ranked([m.event.location or "" for m in group]) or (None,))[0], date=first.report.date,
            sources=_ranked([s for m in group for s in m.event.sources]),
            targets=_ranked([t for m in group for t in m.event.targets]),
            n_articles=len(reports_of), n_outlets=len({r.outlet for r in reports_of.values()}),
            n_independent=len({r.root for r in reports_of.values()}), article_ids=tuple(reports_of),
            disagreements=tuple(_figure_disagreements(group_claims, roots) + _attribution_disagreement(group))))
        claims.extend(group_claims)
    loose = [_figure_claim(story_id, -1, r, f) for r in reports for f in figures.get(r.article_id, ())
             if f.counts and (r.article_id, f.start) not in in_event]
    shared = {c.counts for c in loose if len({x.article_id for x in loose if x.counts == c.counts}) > 1}
    loose = [c for c in loose if c.counts in shared]
    claims.extend(loose)
    return story_events, claims, _figure_disagreements(loose, roots)
