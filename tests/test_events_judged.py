"""The hand-judged sample of event records from ordinary articles (``tests/data/judged_events.jsonl``).

The file keeps article ids, offsets, what presslens output when it was judged and the verdicts; the
articles are read from ``../shared`` (PolNeAR dev texts) and ``examples/``. Re-running presslens on
them says how many judged records still come out the same, and that rightly typed events are kept.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from .conftest import ROOT, shared_path

JUDGED = Path(__file__).parent / "data" / "judged_events.jsonl"
FRESH = [Path(__file__).parent / "data" / name for name in ("judged_events_2.jsonl", "judged_events_3.jsonl",
                                                                "judged_events_4.jsonl", "judged_events_5.jsonl",
                                                                "judged_events_6.jsonl", "heldout_events_7.jsonl",
                                                                "heldout_events_8.jsonl", "heldout_events_9.jsonl",
                                                                "heldout_events_10.jsonl")]
TYPE_VERDICTS = {"right", "wrong", "no-event"}
SIDE_VERDICTS = {"right", "wrong", "missing", "none-ok", "extra", "partial", "n/a"}
FIELDS = {"article", "start", "end", "trigger_start", "trigger_end", "type", "mode", "sources", "targets",
          "hypothetical", "negated", "type_verdict", "source_verdict", "target_verdict", "reason"}
ROUND_FIELD = re.compile(r"(type_verdict|source_verdict|target_verdict|reason)_after\d*")
"""A re-judging round's fields ('_after', '_after2', …) beside the first verdicts."""


def judged() -> list[dict]:
    return [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]


def judge_script():
    spec = importlib.util.spec_from_file_location("judge_events", ROOT / "scripts" / "judge_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_judged_file_holds_verdicts_and_no_article_text():
    rows = judged()
    assert len(rows) >= 200
    for row in rows:
        assert all(f in FIELDS or ROUND_FIELD.fullmatch(f) for f in row), row
        assert row["type_verdict"] in TYPE_VERDICTS
        rounds = [f for f in row if ROUND_FIELD.fullmatch(f) and not f.startswith("reason")]
        assert all(row[f] in (TYPE_VERDICTS | {"gone"} if f.startswith("type") else SIDE_VERDICTS) for f in rounds), row
        assert row["source_verdict"] in SIDE_VERDICTS and row["target_verdict"] in SIDE_VERDICTS
        assert (row["source_verdict"] == "n/a") == (row["type_verdict"] != "right")
        assert len(row["reason"]) < 80 and row["start"] <= row["trigger_start"] < row["trigger_end"] <= row["end"]
        assert row.get("type_verdict_after", "right") in TYPE_VERDICTS | {"gone"}
        assert row.get("source_verdict_after", "n/a") in SIDE_VERDICTS


@pytest.mark.parametrize("fresh", FRESH, ids=lambda path: path.stem)
def test_fresh_sample_holds_verdicts_and_no_article_text(fresh):
    """The later samples (each drawn with another seed after the model changed, judged once) have the same form."""
    rows = [json.loads(line) for line in fresh.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 80
    for row in rows:
        assert all(f in FIELDS or ROUND_FIELD.fullmatch(f) for f in row), row
        assert row["type_verdict"] in TYPE_VERDICTS
        rounds = [f for f in row if ROUND_FIELD.fullmatch(f) and not f.startswith("reason")]
        assert all(row[f] in (TYPE_VERDICTS | {"gone"} if f.startswith("type") else SIDE_VERDICTS) for f in rounds), row
        assert row["source_verdict"] in SIDE_VERDICTS and row["target_verdict"] in SIDE_VERDICTS
        assert (row["source_verdict"] == "n/a") == (row["type_verdict"] != "right")
        assert len(row["reason"]) < 80 and row["start"] <= row["trigger_start"] < row["trigger_end"] <= row["end"]
    summary = judge_script().summary(fresh)
    assert summary["type_precision"] == round(sum(r["type_verdict"] == "right" for r in rows) / len(rows), 3)


def test_summary_counts_the_verdicts():
    summary = judge_script().summary(JUDGED)
    rows = judged()
    typed = sum(r["type_verdict"] == "right" for r in rows)
    assert summary["records"] == len(rows) and summary["type_precision"] == round(typed / len(rows), 3)
    assert summary["type_and_both_actors_precision"] <= summary["type_precision"]


def test_judged_offsets_fit_the_articles():
    shared_path("eval/attribution/dev.jsonl")
    texts = {i: a.text for i, a in judge_script().articles().items()}
    for row in judged():
        assert row["article"] in texts, row["article"]
        assert 0 <= row["start"] < row["end"] <= len(texts[row["article"]])


@pytest.mark.slow
def test_rerun_keeps_the_rightly_typed_events(capsys):
    """Today's output on the judged triggers: how many records are unchanged, and no right type is lost."""
    shared_path("eval/attribution/dev.jsonl")
    script = judge_script()
    rows = judged()
    now = script.today(rows)
    unchanged = sum(e is not None and script.same_output(r, e) for r, e in zip(rows, now))
    right = [(r, e) for r, e in zip(rows, now) if r["type_verdict"] == "right"]
    kept = sum(e is not None and e.type == r["type"] for r, e in right)
    not_events = [(r, e) for r, e in zip(rows, now) if r["type_verdict"] != "right"]
    dropped = sum(e is None or e.type != r["type"] for r, e in not_events)
    with capsys.disabled():
        print(f"\njudged events: {unchanged}/{len(rows)} unchanged; rightly typed kept {kept}/{len(right)}; "
              f"wrongly typed or non-events now gone or retyped {dropped}/{len(not_events)}")
    assert kept >= 0.9 * len(right)


def test_the_held_out_sample_never_trains_the_model():
    """Sample 7 measures precision as users meet it on records the model never learned from."""
    from presslens.events.training import JUDGED as TRAINING_FILES

    assert FRESH[-1].exists() and FRESH[-1] not in TRAINING_FILES
