"""The hand-judged sample of place records from real articles (``tests/data/judged_places.jsonl``).

The file keeps article ids, offsets, the place shown when it was judged and the verdicts; the
articles are read from ``../shared`` (PolNeAR dev texts, read as plain articles). Re-running
presslens on them checks that places judged right are still given and that records judged to be
no place do not come back.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from .conftest import ROOT, shared_path

JUDGED = Path(__file__).parent / "data" / "judged_places.jsonl"
VERDICTS = {"right", "wrong-place", "not-place", "name", "gone"}


def judged() -> list[dict]:
    return [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]


def judge_script():
    spec = importlib.util.spec_from_file_location("judge_places", ROOT / "scripts" / "judge_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_judged_file_keeps_offsets_and_verdicts_not_article_text():
    rows = judged()
    assert len(rows) >= 60
    for row in rows:
        assert "text" not in row
        assert row["verdict"] in VERDICTS - {"gone"} and row["verdict_after"] in VERDICTS
        assert 0 <= row["start"] < row["end"]


def test_the_latest_round_is_precise_as_judged():
    """Precision of the records shown as places in the latest round (the first round was 0.719)."""
    assert judge_script().summary(JUDGED, "verdict_after")["precision"] >= 0.89


@pytest.mark.slow
def test_today_matches_the_latest_round_on_every_judged_span():
    shared_path("eval/attribution/dev.jsonl")
    script = judge_script()
    rows = judged()
    changed = [(row["article"], row["start"], script.shown(row), now and [now.name, now.country, now.sense])
               for row, now in zip(rows, script.today(rows))
               if script.shown(row) != (None if now is None else [now.name, now.country, now.sense])]
    assert not changed, f"re-judge these with scripts/judge_places.py rejudge: {changed}"
