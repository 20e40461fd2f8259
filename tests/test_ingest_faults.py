"""Ingest under faults: kill -9 at random points, two ingests at once, and a corpus of bad inputs.

Each test runs the real ``presslens ingest`` command in subprocesses and compares stores row by row.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from presslens.core.schema import RECORD_TYPES
from presslens.corpus import Corpus

BAD_INPUTS = Path(__file__).parent / "bad_inputs"
CLI = [sys.executable, "-c", "from presslens.cli import main; main()"]
PLACES = ["Norvik", "Estmark", "Tarnholm", "Valdoria", "Brenmoor", "Lindmark", "Orsenna", "Ferrovale", "Halvessa",
          "Veyrin"]


def _write_corpus(folder: Path) -> Path:
    """Ten short articles about fictional towns, one file each."""
    folder.mkdir()
    for i, place in enumerate(PLACES):
        other = PLACES[(i + 3) % len(PLACES)]
        (folder / f"{i:02d}-{place.lower()}.txt").write_text(
            f"date 2025-0{1 + i % 9}-1{i % 10} {other} Courier - The council of {place} voted on Monday to "
            f"rebuild {i + 2} bridges damaged by floods. \u201cWe cannot wait for {other},\u201d the mayor of "
            f"{place} told reporters. About {100 * (i + 1)} residents protested outside the town hall, police said.",
            encoding="utf-8")
    return folder


def _ingest_command(folder: Path, db: Path) -> list[str]:
    return CLI + ["ingest", str(folder), "--db", str(db), "--batch-size", "1"]


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _dump(db: Path) -> dict[str, list[tuple]]:
    """Every article (without its ingest time) and every record, in a stable order."""
    conn = sqlite3.connect(db)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] != "ingested_at"]
    dump = {"articles": conn.execute(f"SELECT {', '.join(columns)} FROM articles ORDER BY id").fetchall()}
    for record_type in RECORD_TYPES:
        dump[record_type.table] = conn.execute(
            f"SELECT * FROM [{record_type.table}] ORDER BY article_id, ordinal").fetchall()
    conn.close()
    return dump


def _reference(folder: Path, db: Path) -> dict[str, list[tuple]]:
    with Corpus(db) as corpus:
        corpus.ingest([folder], batch_size=1)
    return _dump(db)


def test_kill_9_at_five_random_points_loses_and_duplicates_nothing(tmp_path):
    folder = _write_corpus(tmp_path / "in")
    expected = _reference(folder, tmp_path / "reference.sqlite")
    db = tmp_path / "killed.sqlite"
    rng = random.Random(16)
    kills = 0
    for target in sorted(rng.sample(range(1, len(PLACES)), 5)):
        process = subprocess.Popen(_ingest_command(folder, db), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)  # an unread pipe could fill and stall it
        deadline = time.monotonic() + 300
        while process.poll() is None and time.monotonic() < deadline:
            if _stored(db) >= target:
                time.sleep(rng.uniform(0, 0.3))  # land anywhere: between articles or inside one
                process.kill()  # SIGKILL: no cleanup runs
                kills += 1
                break
            time.sleep(0.02)
        process.wait()
    assert kills >= 3, "the ingest finished before most kill points were reached"
    finished = subprocess.run(_ingest_command(folder, db), capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    got = _dump(db)
    assert [row[0] for row in got["articles"]] == [row[0] for row in expected["articles"]]  # none lost or doubled
    for table, rows in expected.items():
        assert got[table] == rows, f"{table} differs from the uninterrupted run"


def test_two_ingests_into_one_store_both_finish(tmp_path):
    folder = _write_corpus(tmp_path / "in")
    expected = _reference(folder, tmp_path / "reference.sqlite")
    db = tmp_path / "shared.sqlite"
    processes = [subprocess.Popen(_ingest_command(folder, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [err for _, err in outputs]
    assert _dump(db) == expected


def _generated_bad_inputs(folder: Path) -> None:
    """The large bad inputs, made at run time rather than committed."""
    sentence = "The council met on Monday and the mayor said the budget would grow. "
    (folder / "ten-megabytes.txt").write_text((sentence + "\n") * (10_000_000 // (len(sentence) + 1)),
                                              encoding="utf-8")
    (folder / "one-line.txt").write_text("word " * 200_000, encoding="utf-8")
    one_line = json.dumps({"id": "long", "text": "word " * 200_000})
    good = json.dumps({"id": "fine", "text": "Rescuers in Halvessa reached the flooded villages on Sunday."})
    (folder / "one-line.jsonl").write_text(one_line + "\n" + good + "\n", encoding="utf-8")
    (folder / "long-field.csv").write_text('id,text\n1,"Fishers in Orsenna sold their catch."\n2,"' + "x" * 200_000
                                           + '"\n3,Ferry crews in Lindmark went back to work.\n4,"' + "y" * 500_000
                                           + '"\n5,Never read.\n', encoding="utf-8")
    (folder / "quotes-in-text.txt").write_text('She said "yes." He said "no." ' * 1250, encoding="utf-8")
    (folder / "no-sentence-end.txt").write_text('He said "yes" and then "' * 1250, encoding="utf-8")


EXPECTED_ERRORS = {
    "empty.txt": "empty file", "whitespace.txt": "empty file", "random-bytes.txt": "binary file",
    "random-no-nul.txt": "binary file", "quotes.txt": "no letters or digits", "curly-quotes.txt": "no letters",
    "junk.html": "no article text", "broken-tags.html": "", "mixed.jsonl:2": "malformed JSON",
    "mixed.jsonl:3": "malformed JSON", "mixed.jsonl:4": "empty text", "mixed.jsonl:5": "not a string",
    "mixed.jsonl:6": "not an object", "no-text-column.csv": "no 'text' column",
    "ten-megabytes.txt": "the limit is", "one-line.txt": "the limit is", "one-line.jsonl:1": "the limit is",
    "no-sentence-end.txt": "without a sentence end", "quotes-in-text.txt": "quotation marks; the limit", "long-field.csv:3": "the limit is", "long-field.csv:5": "CSV unreadable",
}
EXPECTED_OK = {"good.txt", "latin1.txt", "cp1252.txt", "utf16.txt", "utf16-no-bom.txt", "mixed.jsonl:1",
               "mixed.jsonl:7", "one-line.jsonl:2", "long-field.csv:2", "long-field.csv:4"}


_MEASURED = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)")
"""Runs a command and prints its own peak RSS (KiB) last on stderr: the test's other children don't count."""


def test_bad_inputs_are_error_rows_with_reasons_in_bounded_memory(tmp_path):
    folder = tmp_path / "bad"
    shutil.copytree(BAD_INPUTS, folder)
    _generated_bad_inputs(folder)
    db = tmp_path / "bad.sqlite"
    run = subprocess.run([sys.executable, "-c", _MEASURED, *_ingest_command(folder, db)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    peak_mb = int(run.stderr.strip().splitlines()[-1]) / 1024
    assert peak_mb < 1024, f"ingest peaked at {peak_mb:.0f} MB"
    listed = subprocess.run(CLI + ["errors", "--db", str(db), "--json"], capture_output=True, text=True, timeout=120)
    errors = {Path(row["source"]).name: row["error"] for row in json.loads(listed.stdout)}
    assert set(errors) == set(EXPECTED_ERRORS)
    for name, reason in EXPECTED_ERRORS.items():
        assert errors[name] and reason in errors[name], (name, errors[name])
    conn = sqlite3.connect(db)
    ok = {Path(source).name: text for source, text in conn.execute("SELECT source, text FROM articles "
                                                                   "WHERE status = 'ok'")}
    assert set(ok) == EXPECTED_OK
    assert "déclaré" in ok["latin1.txt"] and "\u201cwe are ready" in ok["cp1252.txt"]
    assert ok["utf16.txt"].startswith("Dock workers") and ok["utf16-no-bom.txt"].startswith("Farmers")
