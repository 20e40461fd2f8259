"""The time scorer: relaxed one-to-one matching, metric arithmetic, and a floor on the TempEval dev file."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from presslens.core.scoring import match_by_overlap, overlap
from presslens.evaluation import run
from presslens.times.scorer import metrics_from
from tests.conftest import shared_path


@pytest.mark.parametrize(("a", "b", "shared"), [((0, 5), (3, 9), 2), ((0, 5), (5, 9), 0), ((2, 4), (0, 9), 2)])
def test_overlap(a, b, shared):
    assert overlap(a, b) == shared


def test_matching_is_one_to_one_and_prefers_larger_overlap():
    predicted = [(0, 10), (12, 14)]
    gold = [(0, 3), (2, 10), (20, 25)]
    assert sorted(match_by_overlap(predicted, gold)) == [(0, 1)]


def test_touching_spans_do_not_match():
    assert match_by_overlap([(0, 4)], [(4, 8)]) == []


def test_value_f1_counts_correct_values_over_predicted_and_gold():
    counts = Counter(predicted=10, gold=8, matched=8, value_ok=6, type_ok=8, strict=4)
    metrics = metrics_from(counts)
    assert metrics["detection_precision"] == pytest.approx(0.8)
    assert metrics["detection_recall"] == pytest.approx(1.0)
    assert metrics["value_accuracy"] == pytest.approx(0.75)
    assert metrics["value_f1"] == pytest.approx(2 * 0.6 * 0.75 / (0.6 + 0.75))


def test_scorer_on_written_gold(tmp_path):
    text = "The board met on Tuesday and will meet again next year. We may see."
    record = {"id": "written-1", "dct": "2024-05-01", "text": text, "timexes": [
        {"start": text.index("Tuesday"), "end": text.index("Tuesday") + 7, "type": "DATE", "value": "2024-04-30"},
        {"start": text.index("next year"), "end": text.index("next year") + 9, "type": "DATE", "value": "2026"},
    ]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = run("time", gold)
    assert report.n == 1
    assert report.metrics["detection_f1"] == pytest.approx(1.0)
    assert report.metrics["value_accuracy"] == pytest.approx(0.5)  # the gold's '2026' is deliberately wrong
    assert {row["type"] for row in report.rows} == {"DATE"}


@pytest.mark.slow
def test_tempeval_dev_floor():
    """First 100 TempEval-3 dev documents (TimeBank + AQUAINT): detection and value F1 stay above a floor."""
    report = run("time", shared_path("eval/time/dev.jsonl"), limit=100)
    assert report.metrics["detection_f1"] >= 0.90
    assert report.metrics["value_f1"] >= 0.74
    assert report.metrics["value_accuracy"] >= 0.80
