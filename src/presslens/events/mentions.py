"""One event, several mentions: an article that reports the same act twice gives one event record.

Two event records of one article are mentions of the same event when they have the same type,
the same source and target identities (``Actor.entity_id``, in any order), the same
hypothetical/negated flags, and a compatible place and date: the same resolved place or
none on one side, the same sentence date or a date only one of them states. The merged
record is the first mention's, with what a later mention adds (mode, place, a sentence date,
the reporter) and the trigger span of every mention in ``mention_starts``/``mention_ends``.
Records without any actor are never merged: 'clashes erupted' twice may be two clashes.
"""

from __future__ import annotations

from dataclasses import replace

from presslens.core.schema import Event


def same_event(a: Event, b: Event) -> bool:
    """Do two records of one article report the same act (see the module docstring)?"""
    return (a.type == b.type and bool(a.source_entity_ids or a.target_entity_ids)
            and set(a.source_entity_ids) == set(b.source_entity_ids)
            and set(a.target_entity_ids) == set(b.target_entity_ids)
            and (a.hypothetical, a.negated) == (b.hypothetical, b.negated)
            and _compatible(_place(a), _place(b)) and _compatible(_sentence_date(a), _sentence_date(b)))


def _compatible(x: object, y: object) -> bool:
    return x is None or y is None or x == y


def _place(event: Event) -> str | None:
    return event.place_name or (event.location.lower() if event.location else None)


def _sentence_date(event: Event) -> str | None:
    return event.date if event.date_from == "sentence" else None


def _absorb(kept: Event, other: Event) -> Event:
    """``kept`` with ``other`` as one more mention, filling what ``kept`` lacks."""
    starts, ends = _spans(other)
    changes: dict[str, object] = {"mention_starts": kept.mention_starts + starts,
                                  "mention_ends": kept.mention_ends + ends}
    if kept.mode is None and other.mode is not None:
        changes["mode"] = other.mode
    if _place(kept) is None and _place(other) is not None:
        changes.update(location=other.location, location_start=other.location_start, location_end=other.location_end,
                       lat=other.lat, lon=other.lon, place_name=other.place_name, place_country=other.place_country)
    if _sentence_date(kept) is None and _sentence_date(other) is not None:
        changes.update(date=other.date, date_from=other.date_from, time=other.time, time_start=other.time_start,
                       time_end=other.time_end)
    if kept.reported_by is None and other.reported_by is not None:
        changes.update(reported_by=other.reported_by, reported_by_entity_id=other.reported_by_entity_id)
    return replace(kept, **changes)


def _spans(event: Event) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The mention trigger spans of a record (its own trigger when it lists none)."""
    if event.mention_starts:
        return event.mention_starts, event.mention_ends
    return (event.trigger_start,), (event.trigger_end,)


def merge_mentions(events: list[Event]) -> list[Event]:
    """The article's events with the mentions of one event folded into its first record (order kept)."""
    merged: list[Event] = []
    for event in events:
        index = next((i for i, kept in enumerate(merged) if same_event(kept, event)), None)
        if index is None:
            starts, ends = _spans(event)
            merged.append(replace(event, mention_starts=starts, mention_ends=ends))
        else:
            merged[index] = _absorb(merged[index], event)
    return merged


__all__ = ["merge_mentions", "same_event"]
