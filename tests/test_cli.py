"""The CLI end to end, as a user runs it (subprocesses): reports, JSON, stores, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import EXAMPLES, shared_path


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "presslens", *args], capture_output=True, text=True,
                            timeout=300)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = run("ingest", str(EXAMPLES), "--db", str(db))
    assert "10 ok, 0 error" in result.stdout.replace("\n", " ")
    return db


def test_analyze_seed_report():
    out = run("analyze", str(shared_path("seed/article.txt")), "--sentences").stdout
    assert "2023-08-28" in out and "Islam Times" in out
    assert "Saleh Al-Arouri" in out and "Benjamin Netanyahu" in out


def test_analyze_json_offsets_slice_to_text():
    data = json.loads(run("analyze", str(shared_path("seed/article.txt")), "--json").stdout)
    article = data[0]["article"]
    assert article["date"] == "2023-08-28"
    for entity in data[0]["entities"]:
        assert article["text"][entity["start"]:entity["end"]] == entity["text"]


def test_reingest_skips_everything(demo_db):
    out = run("ingest", str(EXAMPLES), "--db", str(demo_db)).stdout.replace("\n", " ")
    assert "0 ok, 0 error, 10 already stored" in out


def test_search_show_export(demo_db, tmp_path):
    hits = json.loads(run("search", "harvest", "--db", str(demo_db), "--json").stdout)
    assert hits and all("harvest" in h["snippet"].lower() for h in hits)
    shown = json.loads(run("show", hits[0]["id"], "--db", str(demo_db), "--json").stdout)
    assert shown["article"]["id"] == hits[0]["id"] and shown["sentences"]
    run("export", "--db", str(demo_db), "--parquet", str(tmp_path / "pq"))
    assert (tmp_path / "pq" / "articles.parquet").exists()


@pytest.mark.parametrize("args, message", [
    (["analyze", "/no/such/file.txt"], "no such file"),
    (["show", "deadbeef", "--db", "/no/such/store.sqlite"], "no store at"),
    (["eval", "nosuchtask"], "unknown evaluation task"),
    (["eval", "seed", "--gold", "/no/such/gold.json"], "not found"),
])
def test_user_errors_are_one_line_without_traceback(args, message):
    result = run(*args, check=False)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) <= 2


def test_errors_in_json_have_one_shape():
    result = run("eval", "nosuchtask", "--json", check=False)
    error = json.loads(result.stdout)
    assert set(error) == {"error", "message"} and error["error"] == "not_found"
    assert "nosuchtask" in error["message"]


def test_eval_seed_json_reports_every_section():
    shared_path("seed/expected.json")
    data = json.loads(run("eval", "seed", "--json").stdout)
    assert data["task"] == "seed" and data["n"] > 40
    assert set(data["metrics"]) == {"metadata", "quotes", "attributed_claims", "outlet_voice", "figures",
                                    "events", "actors", "places", "times", "language_flags"}
    assert data["metrics"]["metadata"] == 1.0
