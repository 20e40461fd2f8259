"""The event-snippet scorer (``shared/eval/README.md``, 2b): ACLED-style news snippets.

Each snippet has the PLOVER types a correct coder may assign (``allowed``; ``[]`` for
disasters and accidents, which are no political event). Over asserted events (neither
hypothetical nor negated): *hit rate* (snippets with ``allowed`` where some event has an
allowed type), *wrong-type rate* (snippets with ``allowed`` where some event has a type
outside it) and *false-event rate* (``allowed == []`` snippets with any event).

The reference row ``keyword baseline`` is a deliberately tiny matcher (``keyword_types``):
the first type whose keyword stem occurs in the lower-cased snippet. It shows what
presslens must clearly beat; it is not used anywhere else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from presslens.core.nlp import parse_many
from presslens.core.scoring import EvalReport, ratio, read_jsonl

from .model import EventModel
from .scorer import asserted, events_of

DEFAULT_GOLD = "eval/events/case2021.dev.jsonl"
BASELINE_KEYWORDS = (("ASSAULT", ("kill", "attack", "bomb", "shell", "shot", "clash", "explo")),
                     ("PROTEST", ("protest", "demonstrat", "rally", "march")),
                     ("COERCE", ("arrest", "detain", "seiz")), ("CONSULT", ("meet", "talks", "visit")),
                     ("AGREE", ("agree", "deal", "accord")), ("MOBILIZE", ("deploy", "base")),
                     ("RETREAT", ("withdr", "hand over")))
"""The baseline's keyword stems, written for this reference row only."""


def keyword_types(text: str) -> set[str]:
    """The keyword baseline: at most one type, the first whose stem occurs in the text."""
    lowered = text.lower()
    return next(({type_} for type_, stems in BASELINE_KEYWORDS if any(s in lowered for s in stems)), set())


def rates(records: list[dict[str, Any]], types_of: list[set[str]]) -> dict[str, float]:
    """Hit, wrong-type and false-event rates of predicted type sets, one set per record."""
    political = [(set(r["allowed"]), t) for r, t in zip(records, types_of) if r["allowed"]]
    disasters = [t for r, t in zip(records, types_of) if not r["allowed"]]
    return {"hit_rate": ratio(sum(bool(t & a) for a, t in political), len(political)),
            "wrong_type_rate": ratio(sum(bool(t - a) for a, t in political), len(political)),
            "false_event_rate": ratio(sum(bool(t) for t in disasters), len(disasters))}


def presslens_types(texts: list[str], model: EventModel | None = None) -> list[set[str]]:
    return [{e.type for e in asserted(events_of(doc, model))} for doc in parse_many(texts)]


def evaluate(gold: Path, limit: int | None = None, cv: int | None = None,
             predict: Callable[[list[str]], list[set[str]]] | None = None, **_: Any) -> EvalReport:
    """The three rates for presslens (cross-validated with ``cv`` folds) and the keyword baseline."""
    records = list(read_jsonl(gold, limit))
    texts = [r["text"] for r in records]
    if cv:
        from .training import cross_validated

        found = cross_validated(texts, cv, presslens_types)
    else:
        found = (predict or presslens_types)(texts)
    ours, baseline = rates(records, found), rates(records, [keyword_types(t) for t in texts])
    by_class: dict[str, list[int]] = {}
    for record, types in zip(records, found):
        row = by_class.setdefault(record["acled"], [0, 0])
        row[0] += 1
        row[1] += bool(types & set(record["allowed"])) if record["allowed"] else not types
    rows = [{"system": "presslens" + (f" ({cv}-fold CV)" if cv else ""), **{k: round(v, 3) for k, v in ours.items()}},
            {"system": "keyword baseline", **{k: round(v, 3) for k, v in baseline.items()}}]
    rows += [{"system": f"  {acled}", "hit_rate": round(ok / n, 3), "wrong_type_rate": "", "false_event_rate": f"n={n}"}
             for acled, (n, ok) in sorted(by_class.items())]
    return EvalReport(task="events-snippets", gold=str(gold), n=len(records),
                      metrics={**ours, **{f"baseline_{k}": v for k, v in baseline.items()}}, rows=rows,
                      notes=["per-class rows: share coded acceptably (no event at all for disasters)"])
