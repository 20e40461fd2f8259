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
    assert "stored 10, failed 0, skipped 0" in result.stderr.replace("\n", " ")
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
    result = run("ingest", str(EXAMPLES), "--db", str(demo_db))
    assert "stored 0, failed 0, skipped 10 (already stored)" in result.stderr.replace("\n", " ")
    assert run("--quiet", "ingest", str(EXAMPLES), "--db", str(demo_db)).stderr == ""


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
    (["analyze", str(EXAMPLES / "01-ferrovale-clashes.txt"), "--no-such-option"], "No such option"),
    (["analyze", str(EXAMPLES / "01-ferrovale-clashes.txt"), "--date", "10/10/2024"], "not a date YYYY-MM-DD"),
    (["gazetteer", "lookup", "Paris", "--json", "--csv"], "not both"),
    (["eval"], "Missing argument"),
    (["--quiet", "--verbose", "errors"], "not both"),
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


def test_version():
    result = run("--version")
    assert result.stdout.startswith("presslens ") and result.stdout.split()[1][0].isdigit()


def test_analyze_takes_metadata_for_a_bare_text_file(tmp_path):
    bare = tmp_path / "bare.txt"
    bare.write_text("Port Aldren reopens\n\nThe harbour authority of Port Aldren reopened the north quay on Monday.\n",
                    encoding="utf-8")
    data = json.loads(run("analyze", str(bare), "--date", "2024-10-10", "--outlet", "Aldren Gazette",
                          "--url", "https://example.org/quay", "--json").stdout)
    article = data[0]["article"]
    assert (article["date"], article["outlet"], article["url"]) == ("2024-10-10", "Aldren Gazette",
                                                                    "https://example.org/quay")
    assert article["title"] == "Port Aldren reopens"


def test_piped_report_is_plain_and_unwrapped():
    """Through a pipe the report is plain lines: no box drawing, a long quote whole on one line."""
    out = run("analyze", str(EXAMPLES / "01-ferrovale-clashes.txt"), "--no-sentences").stdout
    assert not set("│┃━─╭") & set(out)
    quote = "At least 40 people were killed on Thursday when fighters of the Kestrel Liberation Front stormed"
    assert any(quote in line and line.count("\t") == 4 for line in out.splitlines())
    assert "# Quotes and attributed claims" in out


def test_search_forgives_plain_words_and_reports_the_real_total(demo_db):
    apostrophe = run("search", "Valdoria's", "--db", str(demo_db), "--json")
    hits = json.loads(apostrophe.stdout)
    assert hits and all("valdoria" in (h["snippet"] or "").lower() for h in hits)
    for text in ('"unbalanced', "ceasefire-collapsed", "NOT AND OR", "(x"):
        assert run("search", text, "--db", str(demo_db)).returncode == 0
    everything = json.loads(run("search", "the", "--db", str(demo_db), "--json").stdout)
    one = run("search", "the", "--db", str(demo_db), "--limit", "1")
    assert len(one.stdout.strip().splitlines()) == 2  # header + one hit
    assert f"{len(everything)} articles match 'the' (showing 1)" in one.stderr
    assert "[the]" in one.stdout.lower()  # the snippet keeps its matched word, marked
    bad = run("search", '"unbalanced', "--fts", "--db", str(demo_db), check=False)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_search_filters(demo_db):
    everything = json.loads(run("search", "the", "--db", str(demo_db), "--json").stdout)
    outlet = everything[0]["outlet"]
    only = json.loads(run("search", "the", "--db", str(demo_db), "--outlet", outlet, "--json").stdout)
    assert only and {h["outlet"] for h in only} == {outlet}
    dates = sorted(h["date"] for h in everything if h["date"])
    since = json.loads(run("search", "the", "--db", str(demo_db), "--since", dates[-1], "--json").stdout)
    assert since and all(h["date"] >= dates[-1] for h in since) and len(since) < len(everything)


@pytest.mark.parametrize("command", [["events"], ["naming"], ["tone"], ["places"], ["errors"], ["search", "the"],
                                     ["speakers"], ["stories"]])
def test_every_listing_prints_csv_with_the_json_rows(demo_db, command):
    import csv
    import io

    as_json = json.loads(run(*command, "--db", str(demo_db), "--json").stdout)
    as_csv = list(csv.DictReader(io.StringIO(run(*command, "--db", str(demo_db), "--csv").stdout)))
    assert len(as_csv) == len(as_json)
    if as_json:
        assert set(as_csv[0]) == set(as_json[0])
