"""The propaganda scorer (SemEval-2020 Task 11 SI, partial-overlap credit) and its dev floor."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from presslens.evaluation import run
from presslens.language.scorer import merge_spans, overlap_credit, prf
from tests.conftest import shared_path


@pytest.mark.parametrize(("spans", "merged"), [
    ([], []),
    ([(0, 5)], [(0, 5)]),
    ([(0, 5), (3, 8)], [(0, 8)]),
    ([(10, 12), (0, 5)], [(0, 5), (10, 12)]),
    ([(0, 5), (5, 9)], [(0, 9)]),
    ([(0, 10), (2, 4), (12, 15)], [(0, 10), (12, 15)]),
])
def test_merge_spans(spans, merged):
    assert merge_spans(spans) == merged


@pytest.mark.parametrize(("predicted", "gold", "expected"), [
    ([(0, 10)], [(5, 15)], (0.5, 0.5)),            # half of each
    ([(0, 10)], [(0, 10)], (1.0, 1.0)),
    ([(0, 10)], [(0, 5), (5, 10)], (1.0, 1.0)),    # one prediction covering two gold spans
    ([(0, 4), (20, 30)], [(0, 8)], (0.5, 0.5)),    # one miss halves precision; gold half covered
    ([], [(0, 8)], (0.0, 0.0)),
    ([(0, 8)], [], (0.0, 0.0)),
])
def test_partial_overlap_credit(predicted, gold, expected):
    counts: Counter = Counter()
    overlap_credit(predicted, gold, counts, "si")
    precision, recall, _ = prf(counts, "si")
    assert (precision, recall) == pytest.approx(expected)


def test_evaluate_on_a_small_gold_file(tmp_path):
    text = "The thugs attacked the convoy. The committee will meet again on Thursday."
    start = text.index("The thugs")
    record = {"id": "1", "text": text,
              "spans": [{"start": start, "end": start + 9, "technique": "Name_Calling,Labeling"}],
              "si_spans": [[start, start + 9]]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = run("propaganda", gold)
    assert report.n == 1
    assert report.metrics["si_recall"] == pytest.approx(1.0)
    assert report.metrics["name_calling_f1"] > 0.5
    assert report.metrics["loaded_language_f1"] == 0.0
    assert {"si_precision", "si_recall", "si_f1", "loaded_language_f1", "name_calling_f1"} <= set(report.metrics)
    assert any(row["technique"] == "Name_Calling,Labeling" for row in report.rows)


@pytest.mark.slow
def test_ptc_dev_floor():
    """First 60 PTC dev articles. The span model was trained on the dev file, so this is a regression
    floor, not a quality estimate (cross-validated numbers: scripts/train_span_model.py --folds 5)."""
    report = run("propaganda", shared_path("eval/propaganda/dev.jsonl"), limit=60)
    assert report.metrics["si_f1"] >= 0.35
    assert report.metrics["si_precision"] >= 0.25
    assert report.metrics["loaded_language_f1"] >= 0.12
    assert report.metrics["name_calling_f1"] >= 0.10
