"""Geoparsing scorer (LGL, GeoWebNews): toponym detection and accuracy within 161 km.

Metrics (``shared/eval/README.md``, "Geoparsing"):

* ``detection_precision`` / ``detection_recall`` / ``detection_f1``: exact ``[start, end)`` match;
* ``detection_f1_overlap``: one-to-one matching where any character overlap counts;
* ``acc_161km``: share of gold toponyms with coordinates that are detected (overlap
  match) and resolved within 161 km, end to end;
* ``acc_161km_gold_spans``: the same share when the gold mentions are given
  (resolution alone, :func:`presslens.places.extract.resolve_spans`).

``gold_spans=True`` computes only the resolution metric. Rows break results down by
the GeoWebNews toponym ``type`` when the gold file has one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from presslens.core.nlp import parse_many
from presslens.core.schema import Place
from presslens.core.scoring import EvalReport, f1, haversine_km, match_by_overlap, ratio, read_jsonl

from .extract import extract_places, resolve_spans

DEFAULT_GOLD = "eval/geo/lgl.dev.jsonl"
TOLERANCE_KM = 161.0


def within(place: Place | None, gold: dict[str, Any]) -> bool:
    """Whether a resolved place lies within 161 km of a gold toponym's coordinates."""
    if place is None or place.lat is None or place.lon is None:
        return False
    return haversine_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= TOLERANCE_KM


def _detection(record: dict[str, Any], doc, counts: Counter, by_type: dict[str, Counter]) -> None:
    gold = record["toponyms"]
    predicted = extract_places(doc)
    spans = [(p.start, p.end) for p in predicted]
    gold_spans = [(g["start"], g["end"]) for g in gold]
    counts["predicted"] += len(predicted)
    counts["gold"] += len(gold)
    counts["exact"] += len(set(spans) & set(gold_spans))
    pairs = match_by_overlap(spans, gold_spans)
    counts["overlap"] += len(pairs)
    found = {j: predicted[i] for i, j in pairs}
    for j, g in enumerate(gold):
        kind = by_type[g.get("type") or "all"]
        kind["gold"] += 1
        kind["detected"] += j in found
        if g.get("lat") is not None:
            counts["located"] += 1
            hit = within(found.get(j), g)
            counts["end_to_end"] += hit
            kind["end_to_end"] += hit


def _resolution(record: dict[str, Any], doc, counts: Counter, by_type: dict[str, Counter]) -> None:
    places = resolve_spans(doc, [(g["start"], g["end"]) for g in record["toponyms"]])
    for g, place in zip(record["toponyms"], places):
        if g.get("lat") is None:
            continue
        hit = within(place, g)
        counts["gold_spans_located"] += 1
        counts["gold_spans_hit"] += hit
        by_type[g.get("type") or "all"]["located"] += 1
        by_type[g.get("type") or "all"]["gold_spans_hit"] += hit


def _share(hits: int, total: int) -> float | str:
    return round(ratio(hits, total), 4) if total else "-"


def _metrics(counts: Counter, only_resolution: bool) -> dict[str, float]:
    metrics = {"acc_161km_gold_spans": ratio(counts["gold_spans_hit"], counts["gold_spans_located"])}
    if only_resolution:
        return metrics
    precision = ratio(counts["exact"], counts["predicted"])
    recall = ratio(counts["exact"], counts["gold"])
    overlap_f1 = f1(ratio(counts["overlap"], counts["predicted"]), ratio(counts["overlap"], counts["gold"]))
    return {"detection_precision": precision, "detection_recall": recall,
            "detection_f1": f1(precision, recall), "detection_f1_overlap": overlap_f1,
            "acc_161km": ratio(counts["end_to_end"], counts["located"]), **metrics}


def _per_fold(ids: list[str], per_document: list[Counter], k: int, only_resolution: bool) -> dict[str, float]:
    """Mean, lowest and highest of each metric over k folds of documents (sorted ids dealt
    round-robin, so a document never straddles two folds)."""
    order = {doc_id: index for index, doc_id in enumerate(sorted(ids))}
    folds = [Counter() for _ in range(k)]
    for doc_id, counts in zip(ids, per_document):
        folds[order[doc_id] % k].update(counts)
    scored = [_metrics(fold, only_resolution) for fold in folds if fold]
    result: dict[str, float] = {}
    for name in scored[0] if scored else ():
        values = [m[name] for m in scored]
        result.update({f"cv_{name}": sum(values) / len(values), f"cv_{name}_min": min(values),
                       f"cv_{name}_max": max(values)})
    return result


def evaluate(gold: Path, limit: int | None = None, cv: int | None = None, **options: Any) -> EvalReport:
    """Score place detection and resolution on an LGL/GWN-format JSONL file.

    With ``cv`` = k the documents are also split into k folds and each fold is scored on its own
    (cv_* metrics): the rules' thresholds are fixed, so this shows how much held-out groups of
    documents vary beside the full-file numbers.
    """
    only_resolution = bool(options.get("gold_spans"))
    records = list(read_jsonl(gold, limit))
    per_document: list[Counter] = []
    by_type: dict[str, Counter] = defaultdict(Counter)
    for record, doc in zip(records, parse_many(r["text"] for r in records)):
        counts: Counter = Counter()
        if not only_resolution:
            _detection(record, doc, counts, by_type)
        _resolution(record, doc, counts, by_type)
        per_document.append(counts)
    counts = sum(per_document, Counter())
    metrics = _metrics(counts, only_resolution)
    if cv:
        metrics.update(_per_fold([r["id"] for r in records], per_document, cv, only_resolution))
    rows = [{"type": kind, "gold": c["gold"], "detected": c["detected"], "located": c["located"],
             "acc_161km": _share(c["end_to_end"], c["located"]),
             "acc_161km_gold_spans": _share(c["gold_spans_hit"], c["located"])}
            for kind, c in sorted(by_type.items(), key=lambda kv: -kv[1]["gold"])]
    notes = [f"{counts['gold_spans_located']} gold toponyms with coordinates; "
             f"accuracy counts a resolution within {TOLERANCE_KM:.0f} km (haversine, R = 6371 km)"]
    if not only_resolution:
        notes.append(f"{counts['gold']} gold and {counts['predicted']} predicted toponyms")
    if cv:
        notes.append(f"{cv}-fold by document: cv_* are the fold mean, lowest and highest")
    return EvalReport(task="geo", gold=str(gold), n=len(records), metrics=metrics,
                      rows=rows if len(rows) > 1 else [], notes=notes)


__all__ = ["DEFAULT_GOLD", "evaluate", "within"]
