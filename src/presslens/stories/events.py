"""One canonical event per real-world event of a story, with every report's claims kept apart.

Two event records of a story's articles are the same event when they have the same PLOVER
type and no two different modes (shots fired and stones thrown are two acts), share an actor
(source or target) or name the same place, their places do not conflict (equal, or one
unknown) and their articles are at most ``EVENT_DAYS`` days apart.
Negated and hypothetical events are left out. Each canonical event counts its articles, its
outlets and its independent reports (a group of near-duplicates counts once) and names its
first report. A figure inside an event's sentence is a claim of that event; who a report
holds responsible (who did a harm, who is blamed) is an attribution claim. Claims are never
merged or averaged. Reports are compared by meaning (``claims``): independent reports
(different copy groups) disagree when they give figures for the same measure ('killed',
'injured: police') that cannot both be true ('at least 40 people were killed' / 'the death
toll at 12'), or hold actors responsible that are not the same actor by name or sector ('the
army' / 'rebels'). An event lists the disagreements among its own claims; the story lists
those among all its figure claims.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from presslens.core.schema import Event, Figure, StoryClaim, StoryEvent

from .claims import (Interval, attributions_disagree, comparable, measure_of, outcome_and_group, responsible,
                     responsible_names)
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

    @cached_property
    def actors(self) -> set[str]:
        return set(self.event.sources) | set(self.event.targets)

    @cached_property
    def responsible(self) -> bool:
        """Whether the report holds anyone responsible in this event."""
        return bool(responsible(self.event))


def _same_event(a: _Mention, b: _Mention) -> bool:
    if a.event.type != b.event.type:
        return False
    if a.event.mode and b.event.mode and a.event.mode != b.event.mode:
        return False  # 'troops fired on protesters' and 'protesters threw stones': two acts, two means
    place_a, place_b = (a.event.location or "").lower(), (b.event.location or "").lower()
    if place_a and place_b and place_a != place_b:
        return False
    if not (a.actors & b.actors) and not (place_a and place_a == place_b):
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

    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)  # two mentions of one event share one
    for i, mention in enumerate(mentions):
        keys = {(mention.event.type, "actor " + actor) for actor in mention.actors}
        if mention.event.location:
            keys.add((mention.event.type, "place " + mention.event.location.lower()))
        for key in keys:
            buckets[key].append(i)
    for members in buckets.values():
        parts: dict[int, list[int]] = {}  # component root → this bucket's earlier mentions in it
        for i in members:
            own = find(i)
            for root in [r for r, js in parts.items()
                         if r != own and any(_same_event(mentions[i], mentions[j]) for j in js)]:
                parent[root] = find(i)
            joined, merged = find(i), [i]
            for root in list(parts):
                if find(root) == joined:
                    merged += parts.pop(root)
            parts[joined] = merged
    groups: dict[int, list[_Mention]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        groups[find(i)].append(mention)
    return sorted(groups.values(), key=lambda g: _order(g[0]))


def _order(mention: _Mention) -> tuple:
    return (mention.report.date or "~", mention.report.article_id, mention.event.start)


def _ranked(values: list[str]) -> tuple[str, ...]:
    return tuple(v for v, _ in sorted(Counter(v for v in values if v).items(), key=lambda kv: (-kv[1], kv[0])))


Measures = dict[tuple[str, int], str]
"""(article id, figure start) → the figure's measure (``claims.measure_of`` read with the article text)."""


@dataclass(frozen=True)
class _Figure:
    claim: StoryClaim
    interval: Interval
    root: str


def _figure_claim(story_id: str, event: int, report: Report, figure: Figure, measures: Measures) -> _Figure:
    measure = measures.get((report.article_id, figure.start)) or measure_of(figure)
    claim = StoryClaim(story_id, event, report.article_id, figure.start, figure.end, "figure", figure.text,
                       outlet=report.outlet, source=figure.source, counts=(figure.counts or "").lower() or None,
                       value=figure.value, low=figure.low, high=figure.high, measure=measure)
    return _Figure(claim, Interval.of(figure.value, figure.low, figure.high, figure.approximate), report.root)


def _independent(roots_a: list[str], roots_b: list[str]) -> bool:
    """Whether some report of one side is independent of (not a copy of) some report of the other."""
    return any(a != b for a in set(roots_a) for b in set(roots_b))


def _figure_disagreements(figures: list[_Figure]) -> list[str]:
    """Per outcome, the figures of independent reports that cannot all be true, with their sources."""
    alike: dict[tuple, list[_Figure]] = defaultdict(list)  # each measure and value compared once
    for figure in figures:
        if figure.claim.measure:
            alike[(figure.claim.measure, figure.interval)].append(figure)
    keys = list(alike)
    clashing: dict[str, set[StoryClaim]] = defaultdict(set)
    for i, (measure_a, interval_a) in enumerate(keys):
        for measure_b, interval_b in keys[:i]:
            a, b = alike[(measure_a, interval_a)], alike[(measure_b, interval_b)]
            if (comparable(measure_a, measure_b) and not interval_a.overlaps(interval_b)
                    and _independent([f.root for f in a], [f.root for f in b])):
                clashing[outcome_and_group(measure_a)[0]].update(f.claim for f in a + b)
    notes = []
    for outcome, claims in sorted(clashing.items()):
        said = sorted({f"{c.text} ({c.source or c.outlet or 'outlet'})" for c in claims})
        notes.append(f"{outcome}: " + " / ".join(said))
    return notes


def _attribution_disagreement(mentions: list[_Mention]) -> list[str]:
    """Independent reports holding actors responsible that are not the same actor by name or sector
    ('the army' and 'soldiers' are two wordings of one; 'the army' and 'rebels' disagree)."""
    alike: dict[tuple, list[_Mention]] = defaultdict(list)  # each wording of who did what compared once
    for mention in mentions:
        if mention.responsible:
            event = mention.event
            alike[(event.type, event.sources, event.source_sectors, event.targets, event.target_sectors)].append(
                mention)
    groups = list(alike.values())
    clashing: set[_Mention] = set()
    for i, a in enumerate(groups):
        for b in groups[:i]:
            if (_independent([m.report.root for m in a], [m.report.root for m in b])
                    and attributions_disagree(a[0].event, b[0].event)):
                clashing.update(a + b)
    if not clashing:
        return []
    said = {f"{', '.join(responsible_names(m.event)[0])} ({m.event.reported_by or m.report.outlet or 'outlet'})"
            for m in clashing}
    return ["who: " + " / ".join(sorted(said))]


def canonical_events(story_id: str, reports: list[Report], events: dict[str, list[Event]],
                     figures: dict[str, list[Figure]], measures: Measures | None = None,
                     ) -> tuple[list[StoryEvent], list[StoryClaim], list[str]]:
    """The story's canonical events, the claims of each report, and the story's figure disagreements."""
    measures = measures or {}
    mentions = [_Mention(r, e) for r in reports for e in events.get(r.article_id, ())
                if not e.negated and not e.hypothetical]
    story_events, claims = [], []
    all_figures: list[_Figure] = []
    in_event: set[tuple[str, int]] = set()
    for ordinal, group in enumerate(_groups(mentions)):
        first = group[0]
        group_claims, group_figures = [], []
        for mention in group:
            report, event = mention.report, mention.event
            held = responsible(event)
            if held:
                group_claims.append(StoryClaim(story_id, ordinal, report.article_id, event.start, event.end,
                                               "attribution", ", ".join(responsible_names(event)[0]),
                                               outlet=report.outlet, source=event.reported_by,
                                               measure="; ".join(r.label() for r in held)))
            for figure in figures.get(report.article_id, ()):
                if event.start <= figure.start and figure.end <= event.end:
                    group_figures.append(_figure_claim(story_id, ordinal, report, figure, measures))
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
            disagreements=tuple(_figure_disagreements(group_figures) + _attribution_disagreement(group))))
        claims.extend(group_claims + [f.claim for f in group_figures])
        all_figures.extend(group_figures)
    loose = [_figure_claim(story_id, -1, r, f, measures) for r in reports for f in figures.get(r.article_id, ())
             if (r.article_id, f.start) not in in_event]
    articles_of: dict[str, set[str]] = defaultdict(set)  # measure → the articles giving a figure for it
    for figure in loose + all_figures:
        if figure.claim.measure:
            articles_of[figure.claim.measure].add(figure.claim.article_id)
    loose = [f for f in loose if f.claim.measure and any(
        comparable(f.claim.measure, measure) and articles - {f.claim.article_id}
        for measure, articles in articles_of.items())]
    claims.extend(f.claim for f in loose)
    return story_events, claims, _figure_disagreements(all_figures + loose)
