"""The PLOVER events scorer (``shared/eval/README.md``, "Events").

Each gold record is one coded sentence. The extractor runs on the sentence alone and
its events are ranked main clause first (fewest dependency steps from the trigger to
the root, then position). A sentence with k gold records is compared with the k
top-ranked events; a record's type is correct when it is among their types, and its
source and target country sets are compared (exact set match, only where the gold
side is non-empty) with the event of that type (else the top event).

The gold was coded with PLOVER 0.5, where the UN and the EU are ``IGO``; presslens
uses PLOVER 2.0's ``UNO`` and ``EUR``, which are compared as ``IGO`` here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from presslens.actors.extract import extract_actors
from presslens.core.nlp import parse_many
from presslens.core.schema import Event
from presslens.core.scoring import EvalReport, ratio, read_jsonl
from presslens.quotes.extract import extract_quotes

from .extract import extract_events
from .model import EventModel

DEFAULT_GOLD = "eval/events/dev.jsonl"
VERSION_CODES = {"UNO": "IGO", "EUR": "IGO"}


def events_of(doc: Doc, model: EventModel | None = None) -> list[Event]:
    """The events presslens finds in one parsed sentence (places and times are not scored);
    ``model`` replaces the shipped event-type model (cross-validation)."""
    quotes = extract_quotes(doc)
    actors, mentions = extract_actors(doc, quotes)
    return extract_events(doc, actors, mentions, quotes, [], [], model=model)


def asserted(events: list[Event]) -> list[Event]:
    """Events the text states as fact (neither hypothetical nor negated)."""
    return [e for e in events if not e.hypothetical and not e.negated]


def ranked(doc: Doc, events: list[Event]) -> list[Event]:
    """Main events first: fewest steps from the trigger to its sentence root, where a step into a
    condition ('if ...') or a participle of result (', killing ...') counts extra; then position."""
    return sorted(events, key=lambda e: (trigger_depth(doc, e.trigger_start, e.trigger_end), e.trigger_start))


def trigger_depth(doc: Doc, start: int, end: int) -> int:
    """Steps from a trigger to its sentence root (a condition counts 3 more, a result participle 1 more)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    token, steps = (span.root, 0) if span is not None else (None, 99)
    while token is not None and token.head != token:
        steps += 1
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
            steps += 3
        if token.dep_ in ("advcl", "acl") and token.tag_ == "VBG":
            steps += 1
        token = token.head
    return steps


def countries(codes: tuple[str, ...] | list[str]) -> frozenset[str]:
    return frozenset(VERSION_CODES.get(c, c) for c in codes if c)


def evaluate(gold: Path, limit: int | None = None, cv: int | None = None, **_: Any) -> EvalReport:
    """Type accuracy, source- and target-country accuracy, and the per-type confusion; with ``cv``
    folds, the cross-validated scores (a model retrained without each fold) beside the full-dev ones."""
    records = list(read_jsonl(gold, limit))
    by_text: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_text[record["text"]].append(record)
    texts = list(by_text)
    full = [ranked(doc, events_of(doc)) for doc in parse_many(texts)]
    metrics, confusion, (sources_n, targets_n) = score(by_text, full)
    if cv:
        from .training import cross_validated

        predicted = cross_validated(texts, cv, lambda part, model: [ranked(doc, events_of(doc, model))
                                                                    for doc in parse_many(part)])
        cv_metrics, confusion, _ = score(by_text, predicted)
        metrics = {**cv_metrics, **{f"full_dev_{k}": v for k, v in metrics.items()}}
    rows = [{"type": t, "gold": sum(c.values()), "correct": c[t], "accuracy": round(ratio(c[t], sum(c.values())), 3),
             "predicted instead": ", ".join(f"{k} {v}" for k, v in c.most_common() if k != t)}
            for t, c in sorted(confusion.items())]
    notes = [f"{len(texts)} sentences; source countries scored on {sources_n} records, target countries on {targets_n}"]
    if cv:
        notes.append(f"{cv}-fold cross-validation grouped by sentence text: the first three metrics and the "
                     "confusion rows; full_dev_* use the shipped model, which has seen every dev sentence")
    return EvalReport(task="events", gold=str(gold), n=len(records), metrics=metrics, rows=rows, notes=notes)


def score(by_text: dict[str, list[dict[str, Any]]], predicted: list[list[Event]]
          ) -> tuple[dict[str, float], dict[str, Counter], tuple[int, int]]:
    """Metrics and confusion of ranked events per sentence (in the order of ``by_text``)."""
    typed = sources_ok = sources_n = targets_ok = targets_n = 0
    confusion: dict[str, Counter] = defaultdict(Counter)
    for group, events in zip(by_text.values(), predicted):
        chosen = events[:len(group)]
        types = {e.type for e in chosen}
        for record in group:
            gold_type = record["event"]
            hit = gold_type in types
            typed += hit
            event = next((e for e in chosen if e.type == gold_type), chosen[0] if chosen else None)
            confusion[gold_type][gold_type if hit else (event.type if event else "none")] += 1
            if record["source"]:
                sources_n += 1
                sources_ok += event is not None and countries(event.source_countries) == countries(
                    [a["country"] for a in record["source"]])
            if record["target"]:
                targets_n += 1
                targets_ok += event is not None and countries(event.target_countries) == countries(
                    [a["country"] for a in record["target"]])
    n = sum(len(g) for g in by_text.values())
    metrics = {"type_accuracy": ratio(typed, n), "source_country_accuracy": ratio(sources_ok, sources_n),
               "target_country_accuracy": ratio(targets_ok, targets_n)}
    return metrics, confusion, (sources_n, targets_n)
