"""Propaganda span scorer (SemEval-2020 Task 11 SI, partial-overlap credit).

For predicted spans S and gold spans T of a document, C(s, t, h) = |s ∩ t| / h;
precision is Σ_s Σ_t C(s, t, |s|) / |S| and recall Σ_s Σ_t C(s, t, |t|) / |T|,
both summed over all documents. Predicted spans of one document are merged first
(they must not overlap). Gold for SI is ``si_spans``; the per-technique F1 for
``Loaded_Language`` and ``Name_Calling,Labeling`` uses that technique's ``spans``.

Flags come from ``extract_flags`` on the parse alone: span detection uses no
quotation or actor records (those only decide a flag's voice and actor), so the
spans scored here are the spans the pipeline stores.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from presslens.core.nlp import parse_many
from presslens.core.schema import LanguageFlag
from presslens.core.scoring import EvalReport, f1, ratio, read_jsonl

from .extract import extract_flags

DEFAULT_GOLD = "eval/propaganda/dev.jsonl"
TECHNIQUE_METRICS = {"Loaded_Language": "loaded_language", "Name_Calling,Labeling": "name_calling"}

Span = tuple[int, int]


def merge_spans(spans: list[Span]) -> list[Span]:
    """Overlapping (or touching) spans joined into one."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def overlap_credit(predicted: list[Span], gold: list[Span], counts: Counter, key: str) -> None:
    """Add one document's partial-overlap sums to ``counts`` under ``key``."""
    counts[f"{key}:predicted"] += len(predicted)
    counts[f"{key}:gold"] += len(gold)
    for s_start, s_end in predicted:
        for t_start, t_end in gold:
            common = min(s_end, t_end) - max(s_start, t_start)
            if common > 0:
                counts[f"{key}:precision_sum"] += common / (s_end - s_start)
                counts[f"{key}:recall_sum"] += common / (t_end - t_start)


def prf(counts: Counter, key: str) -> tuple[float, float, float]:
    precision = ratio(counts[f"{key}:precision_sum"], counts[f"{key}:predicted"])
    recall = ratio(counts[f"{key}:recall_sum"], counts[f"{key}:gold"])
    return precision, recall, f1(precision, recall)


def score_document(record: dict[str, Any], flags: list[LanguageFlag], counts: Counter) -> None:
    """SI credit over all flags, and per-technique credit for every technique seen."""
    gold_si = [(s, e) for s, e in record.get("si_spans", [])]
    overlap_credit(merge_spans([(f.start, f.end) for f in flags]), gold_si, counts, "si")
    techniques = {s["technique"] for s in record.get("spans", [])} | {f.technique for f in flags}
    for technique in techniques:
        gold = [(s["start"], s["end"]) for s in record["spans"] if s["technique"] == technique]
        predicted = merge_spans([(f.start, f.end) for f in flags if f.technique == technique])
        overlap_credit(predicted, gold, counts, technique)


def evaluate(gold: Path, limit: int | None = None, **options: Any) -> EvalReport:
    """Score ``extract_flags`` on a PTC JSONL file.

    Option ``method``: ``rule`` or ``model`` keeps only flags found that way (for ablations).
    """
    method = options.get("method")
    records = list(read_jsonl(gold, limit))
    counts: Counter = Counter()
    for record, doc in zip(records, parse_many(r["text"] for r in records)):
        flags = [f for f in extract_flags(doc, [], [], []) if method in (None, f.method)]
        score_document(record, flags, counts)
    precision, recall, si_f1 = prf(counts, "si")
    metrics = {"si_precision": precision, "si_recall": recall, "si_f1": si_f1}
    for technique, name in TECHNIQUE_METRICS.items():
        metrics[f"{name}_precision"], metrics[f"{name}_recall"], metrics[f"{name}_f1"] = prf(counts, technique)
    techniques = sorted({k.split(":")[0] for k in counts if k.split(":")[0] != "si"},
                        key=lambda t: -counts[f"{t}:gold"])
    rows = []
    for technique in techniques:
        p, r, f = prf(counts, technique)
        rows.append({"technique": technique, "gold": counts[f"{technique}:gold"],
                     "predicted": counts[f"{technique}:predicted"], "precision": round(p, 3),
                     "recall": round(r, 3), "f1": round(f, 3)})
    notes = [f"{counts['si:gold']} gold SI spans, {counts['si:predicted']} predicted (merged); "
             "partial-overlap credit as in SemEval-2020 Task 11 SI"]
    if method:
        notes.append(f"only flags found by method={method!r}")
    return EvalReport(task="propaganda", gold=str(gold), n=len(records), metrics=metrics, rows=rows, notes=notes)


__all__ = ["evaluate", "merge_spans", "overlap_credit", "prf", "DEFAULT_GOLD"]
