"""Time-expression scorer (TempEval-3 style): relaxed one-to-one overlap matching.

Metrics: detection precision/recall/F1 (any character overlap, one-to-one),
``value_accuracy`` (exact TIMEX3 value on matched expressions), ``value_f1``
(correct values over predicted and over gold, as HeidelTime reports it),
``type_accuracy`` on matched expressions and ``strict_f1`` (exact extents).
Rows: one per gold TIMEX3 type (recall and value accuracy by type).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from presslens.core.nlp import parse_many
from presslens.core.scoring import EvalReport, f1, match_by_overlap, ratio, read_jsonl

from .extract import extract_times

DEFAULT_GOLD = "eval/time/dev.jsonl"

def score_document(record: dict[str, Any], doc: Doc, counts: Counter) -> None:
    """Add one document's counts to the running totals (keys ``type:<T>:...`` count by gold type)."""
    predicted = extract_times(doc, record.get("dct"))
    gold = record["timexes"]
    pairs = match_by_overlap([(t.start, t.end) for t in predicted], [(g["start"], g["end"]) for g in gold])
    counts["predicted"] += len(predicted)
    counts["gold"] += len(gold)
    counts["matched"] += len(pairs)
    gold_spans = {(g["start"], g["end"]) for g in gold}
    counts["strict"] += sum((t.start, t.end) in gold_spans for t in predicted)
    for g in gold:
        counts[f"type:{g['type']}:gold"] += 1
    for i, j in pairs:
        p, g = predicted[i], gold[j]
        counts["type_ok"] += p.type == g["type"]
        counts[f"type:{g['type']}:matched"] += 1
        if p.value == g["value"]:
            counts["value_ok"] += 1
            counts[f"type:{g['type']}:value_ok"] += 1


def metrics_from(counts: Counter) -> dict[str, float]:
    """The scorer's metrics from summed counts."""
    precision = ratio(counts["matched"], counts["predicted"])
    recall = ratio(counts["matched"], counts["gold"])
    strict_p, strict_r = ratio(counts["strict"], counts["predicted"]), ratio(counts["strict"], counts["gold"])
    return {
        "detection_precision": precision,
        "detection_recall": recall,
        "detection_f1": f1(precision, recall),
        "value_accuracy": ratio(counts["value_ok"], counts["matched"]),
        "value_f1": f1(ratio(counts["value_ok"], counts["predicted"]), ratio(counts["value_ok"], counts["gold"])),
        "type_accuracy": ratio(counts["type_ok"], counts["matched"]),
        "strict_f1": f1(strict_p, strict_r),
    }


def evaluate(gold: Path, limit: int | None = None, **options: Any) -> EvalReport:
    """Score ``extract_times`` on a TempEval JSONL file (``dct`` is the anchor)."""
    records = list(read_jsonl(gold, limit))
    counts: Counter = Counter()
    for record, doc in zip(records, parse_many(r["text"] for r in records)):
        score_document(record, doc, counts)
    kinds = sorted({key.split(":")[1] for key in counts if key.startswith("type:")})
    rows = [{"type": kind, "gold": counts[f"type:{kind}:gold"],
             "recall": round(ratio(counts[f"type:{kind}:matched"], counts[f"type:{kind}:gold"]), 3),
             "value_accuracy": round(ratio(counts[f"type:{kind}:value_ok"], counts[f"type:{kind}:matched"]), 3)}
            for kind in kinds]
    notes = [f"{counts['gold']} gold and {counts['predicted']} predicted expressions, {counts['matched']} matched "
             "(relaxed: any overlap, one-to-one)"]
    return EvalReport(task="time", gold=str(gold), n=len(records), metrics=metrics_from(counts), rows=rows,
                      notes=notes)
