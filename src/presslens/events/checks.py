"""The written check sentences (``data/written.yaml``): roles, types and modes, and negatives.

``presslens eval events-checks`` scores them: on ``roles``, type accuracy and the share of
sentences whose sources and targets are exactly the expected actors; on ``types``, type
and mode accuracy; on ``negatives``, the share of sentences with any asserted event (a
false event). A side item is an ISO alpha-3 code (compared with the actor's country) or a
canonical actor name. The event compared is the one of the expected type, else the
top-ranked one (``scorer.ranked``).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc

from presslens.actors.book import normalize_words
from presslens.core.nlp import parse_many
from presslens.core.schema import Event
from presslens.core.scoring import EvalReport, ratio

from .model import EventModel
from .scorer import asserted, events_of, ranked

WRITTEN = Path(__file__).parent / "data" / "written.yaml"
DEFAULT_GOLD = str(WRITTEN)


@functools.lru_cache(maxsize=1)
def written(path: Path = WRITTEN) -> dict[str, list[Any]]:
    """The three sections of the written sentences."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _names(actor: str, item: str) -> bool:
    """The actor is the item, or the item's people ('Hamas prisoners' for Hamas, as 'Saudi prisoners' has
    Saudi Arabia's code): a group's population is matched by its name as a state's is by its code; a person named
    by surname is the person the full name gives ('Lavrov' for 'Sergei Lavrov')."""
    words, wanted = normalize_words(actor), normalize_words(item)
    return words == wanted or (len(words) == len(wanted) + 1 and (words[:len(wanted)] == wanted
                                                                  or words[-len(wanted):] == wanted))


def side_matches(expected: list[str], names: tuple[str, ...], codes: tuple[str, ...]) -> bool:
    """Exactly the expected actors: one side entry per expected item, matched by code or name."""
    if len(names) != len(expected):
        return False
    left = list(zip(names, codes))
    for item in expected:
        found = next((p for p in left if p[1] == item or _names(p[0], item)), None)
        if found is None:
            return False
        left.remove(found)
    return True


def chosen(doc, events: list[Event], type_: str) -> Event | None:
    events = ranked(doc, asserted(events))
    return next((e for e in events if e.type == type_), events[0] if events else None)


def predict(texts: list[str], model: EventModel | None = None) -> list[tuple[Doc, list[Event]]]:
    return [(doc, events_of(doc, model)) for doc in parse_many(texts)]


def score_roles(rows: list[list[Any]], found: list[tuple[Doc, list[Event]]]) -> tuple[dict[str, float], list[dict]]:
    typed = sources = targets = both = 0
    misses = []
    for (text, type_, want_sources, want_targets), (doc, events) in zip(rows, found):
        event = chosen(doc, events, type_)
        ok_type = event is not None and event.type == type_
        ok_src = event is not None and side_matches(want_sources, event.sources, event.source_countries)
        ok_tgt = event is not None and side_matches(want_targets, event.targets, event.target_countries)
        typed, sources, targets, both = typed + ok_type, sources + ok_src, targets + ok_tgt, both + (ok_src and ok_tgt)
        if not (ok_type and ok_src and ok_tgt):
            misses.append({"text": text, "want": f"{type_} {want_sources}->{want_targets}",
                           "got": f"{event.type} {list(event.sources)}->{list(event.targets)}" if event else "none"})
    n = len(rows)
    return {"roles_type_accuracy": ratio(typed, n), "roles_source_accuracy": ratio(sources, n),
            "roles_target_accuracy": ratio(targets, n), "roles_both_accuracy": ratio(both, n)}, misses


def score_types(rows: list[list[Any]], found: list[tuple[Doc, list[Event]]]) -> tuple[dict[str, float], list[dict]]:
    typed = moded = mode_n = 0
    misses = []
    for (text, type_, mode), (doc, events) in zip(rows, found):
        event = chosen(doc, events, type_)
        ok = event is not None and event.type == type_
        typed += ok
        if mode is not None:
            mode_n += 1
            moded += ok and event.mode == mode
        if not ok or (mode is not None and event.mode != mode):
            misses.append({"text": text, "want": f"{type_}/{mode}", "got": f"{event.type}/{event.mode}" if event else "none"})
    return {"types_type_accuracy": ratio(typed, len(rows)), "types_mode_accuracy": ratio(moded, mode_n)}, misses


def score_negatives(texts: list[str], found: list[tuple[Doc, list[Event]]]) -> tuple[dict[str, float], list[dict]]:
    misses = []
    for text, (_, events) in zip(texts, found):
        events = asserted(events)
        if events:
            misses.append({"text": text, "want": "no event", "got": ", ".join(f"{e.type} '{e.trigger}'" for e in events)})
    return {"negatives_false_event_rate": ratio(len(misses), len(texts))}, misses


def evaluate(gold: Path, limit: int | None = None, cv: int | None = None, **_: Any) -> EvalReport:
    """Scores on the three sections; rows list every miss. The type and negative sentences train
    the shipped model: with ``cv`` folds they are predicted by models trained without their fold."""
    data = written(Path(gold))
    roles, types, negatives = (data[k][:limit] if limit else data[k] for k in ("roles", "types", "negatives"))
    trained = [r[0] for r in types] + list(negatives)
    if cv:
        from .training import cross_validated

        found = cross_validated(trained, cv, lambda part, model: predict(part, model))
    else:
        found = predict(trained)
    metrics: dict[str, float] = {}
    rows: list[dict] = []
    for part, misses in (score_roles(roles, predict([r[0] for r in roles])), score_types(types, found[:len(types)]),
                         score_negatives(negatives, found[len(types):])):
        metrics.update(part)
        rows += misses
    notes = [f"{len(roles)} role, {len(types)} type and {len(negatives)} negative sentences; rows are the misses"]
    if cv:
        notes.append(f"type and negative sentences: {cv}-fold cross-validated; roles never train the model")
    return EvalReport(task="events-checks", gold=str(gold), n=len(roles) + len(types) + len(negatives),
                      metrics=metrics, rows=rows, notes=notes)
