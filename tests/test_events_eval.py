"""The events scorer: its rules on a small gold file written here, and the floor on the PLOVER dev file."""

from __future__ import annotations

import json

import pytest

from presslens.evaluation import run
from presslens.events.checks import side_matches
from presslens.events.scorer import countries

from .conftest import shared_path


def _record(id_: str, text: str, event: str, source: list[str], target: list[str]) -> str:
    side = lambda codes: [{"text": c, "country": c, "sector": None} for c in codes]  # noqa: E731
    return json.dumps({"id": id_, "text": text, "event": event, "event_original": event, "mode": None,
                       "source": side(source), "target": side(target), "location": None})


@pytest.fixture(scope="module")
def small_report(tmp_path_factory):
    lagos = "Police in Lagos arrested forty protesters and fired tear gas at the crowd."
    lines = [
        _record("a", "Norway praised the electoral reforms announced by Ghana.", "SUPPORT", ["NOR"], ["GHA"]),
        _record("b", lagos, "COERCE", ["NGA"], []),
        _record("b2", lagos, "ASSAULT", ["NGA"], []),
        _record("c", "The United Nations praised Haiti.", "SUPPORT", ["IGO"], ["HTI"]),
        _record("d", "The weather in Oslo was mild on Tuesday.", "PROTEST", [], []),
        _record("e", "Egypt accused Ethiopia of endangering its water supply.", "ACCUSE", ["EGY"], ["SDN"]),
    ]
    gold = tmp_path_factory.mktemp("gold") / "events.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run("events", gold)


def test_scorer_metrics_follow_the_readme_rules(small_report):
    metrics = small_report.metrics
    assert small_report.n == 6
    assert metrics["type_accuracy"] == pytest.approx(5 / 6)      # one sentence has no event at all
    assert metrics["source_country_accuracy"] == pytest.approx(1.0)   # UNO is compared as the gold's IGO
    assert metrics["target_country_accuracy"] == pytest.approx(2 / 3)  # 'e' names the wrong target on purpose


def test_scorer_rows_are_a_per_type_confusion(small_report):
    rows = {row["type"]: row for row in small_report.rows}
    assert rows["PROTEST"]["correct"] == 0 and "none 1" in rows["PROTEST"]["predicted instead"]
    assert rows["SUPPORT"]["gold"] == 2 and rows["SUPPORT"]["correct"] == 2


@pytest.mark.parametrize("codes,expected", [(("UNO", "ISR"), {"IGO", "ISR"}), (("EUR", ""), {"IGO"}), ((), set())])
def test_plover_2_codes_are_compared_as_the_gold_s(codes, expected):
    assert countries(codes) == expected


@pytest.mark.slow
def test_dev_floor():
    gold = shared_path("eval/events/dev.jsonl")
    metrics = run("events", gold).metrics
    assert metrics["type_accuracy"] >= 0.75
    assert metrics["source_country_accuracy"] >= 0.75
    assert metrics["target_country_accuracy"] >= 0.75


def test_a_written_side_named_by_surname_matches_the_person_s_full_name():
    assert side_matches(["Lavrov", "USA"], ("Sergei Lavrov", "United States"), ("RUS", "USA"))
    assert not side_matches(["Lavrov"], ("Sergei Shoigu",), ("RUS",))
