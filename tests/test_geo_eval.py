"""The geoparsing scorer: distances, matching, metrics on a small written gold file, and dev floors."""

from __future__ import annotations

import json

import pytest

from presslens.core.schema import Place
from presslens.core.scoring import haversine_km, match_by_overlap
from presslens.evaluation import run
from presslens.places.scorer import DEFAULT_GOLD, within

from .conftest import shared_path


@pytest.mark.parametrize("a, b, expected, tolerance", [
    ((0.0, 0.0), (0.0, 0.0), 0.0, 1e-9),
    ((0.0, 0.0), (1.0, 0.0), 111.19, 0.05),
    ((51.5074, -0.1278), (48.8566, 2.3522), 343.5, 1.0),
    ((0.0, 179.5), (0.0, -179.5), 111.19, 0.05),
])
def test_haversine(a, b, expected, tolerance):
    assert abs(haversine_km(*a, *b) - expected) <= tolerance


@pytest.mark.parametrize("lat, lon, hit", [(33.9, 35.5, True), (35.0, 35.5, True), (36.0, 35.5, False), (None, None, False)])
def test_within_161_km(lat, lon, hit):
    place = Place(start=0, end=7, text="Lebanon", lat=lat, lon=lon)
    assert within(place, {"lat": 33.83, "lon": 35.83}) is hit


@pytest.mark.parametrize("predicted, gold, pairs", [
    ([(0, 5)], [(0, 5)], [(0, 0)]),
    ([(0, 12)], [(4, 12)], [(0, 0)]),
    ([(0, 3)], [(3, 6)], []),
    ([(0, 10)], [(0, 4), (5, 10)], [(0, 1)]),
    ([(0, 4), (5, 10)], [(0, 10)], [(1, 0)]),
])
def test_match_overlap_is_one_to_one(predicted, gold, pairs):
    assert sorted(match_by_overlap(predicted, gold)) == pairs


TEXT = "Rebels crossed from Syria into Lebanon and then reached Qwzxburg."


def toponym(name: str, lat: float | None, lon: float | None) -> dict:
    start = TEXT.index(name)
    return {"start": start, "end": start + len(name), "name": name, "geonameid": None, "lat": lat, "lon": lon}


@pytest.fixture
def gold_file(tmp_path):
    record = {"id": "1", "text": TEXT, "toponyms": [
        toponym("Syria", 35.0, 38.0),          # resolvable, right
        toponym("Lebanon", 10.0, 10.0),        # resolvable, but gold says elsewhere: a miss
        toponym("Qwzxburg", None, None),       # not located: left out of accuracy
    ]}
    path = tmp_path / "geo.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_metrics_on_a_written_gold_file(gold_file):
    report = run("geo", gold_file)
    metrics = report.metrics
    assert report.n == 1
    assert metrics["detection_precision"] == 1.0
    assert metrics["detection_recall"] == pytest.approx(2 / 3)
    assert metrics["detection_f1"] == pytest.approx(0.8)
    assert metrics["acc_161km"] == pytest.approx(0.5)
    assert metrics["acc_161km_gold_spans"] == pytest.approx(0.5)


def test_gold_spans_option_scores_resolution_only(gold_file):
    metrics = run("geo", gold_file, gold_spans=True).metrics
    assert set(metrics) == {"acc_161km_gold_spans"} and metrics["acc_161km_gold_spans"] == pytest.approx(0.5)


def test_folds_split_documents_and_score_each_on_its_own(tmp_path):
    """Two documents, one right and one wrong: two folds give 1.0 and 0.0 (mean 0.5); one fold 0.5."""
    right = {"id": "a", "text": TEXT, "toponyms": [toponym("Syria", 35.0, 38.0)]}
    wrong = {"id": "b", "text": TEXT, "toponyms": [toponym("Lebanon", 10.0, 10.0)]}
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (right, wrong)), encoding="utf-8")
    two = run("geo", path, gold_spans=True, cv=2).metrics
    assert (two["cv_acc_161km_gold_spans_min"], two["cv_acc_161km_gold_spans_max"]) == (0.0, 1.0)
    assert two["cv_acc_161km_gold_spans"] == pytest.approx(0.5) == two["acc_161km_gold_spans"]
    one = run("geo", path, gold_spans=True, cv=1).metrics
    assert one["cv_acc_161km_gold_spans_min"] == pytest.approx(0.5)


@pytest.mark.slow
def test_lgl_dev_floor():
    """LGL dev (first 100 articles): detection and resolution stay above their targets' neighbourhood."""
    metrics = run("geo", shared_path(DEFAULT_GOLD), limit=100).metrics
    assert metrics["detection_f1"] >= 0.74
    assert metrics["acc_161km_gold_spans"] >= 0.78
    assert metrics["acc_161km"] >= 0.62


@pytest.mark.slow
def test_gwn_dev_floor():
    report = run("geo", shared_path("eval/geo/gwn.dev.jsonl"), limit=30)
    assert report.metrics["detection_f1_overlap"] >= 0.7
    assert report.metrics["acc_161km_gold_spans"] >= 0.7
    assert {row["type"] for row in report.rows} >= {"Literal", "Demonym"}


@pytest.mark.slow
def test_everyday_check_set_floor():
    """The everyday check set (written for presslens, shipped with it): floors a little below today's
    scores (0.972, 2, 0.960, 0.986 on 281 sentences); the issue's target of 0 false places is not
    reached yet."""
    report = run("everyday")
    assert report.n >= 280
    assert report.metrics["place_accuracy"] >= 0.95
    assert report.metrics["non_place_false_positives"] <= 4
    assert report.metrics["actor_country_accuracy"] >= 0.94
    assert report.metrics["figure_event_place_accuracy"] >= 0.95
    assert {row["check"] for row in report.rows} <= {"place", "not a place", "actor", "figure place", "event place"}
