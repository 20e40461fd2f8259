"""Scale-out: Parquet parts round-trip, resume by manifest, and a real Dask cluster losing a worker."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from presslens.core.readers import read_articles
from presslens.core.schema import RECORD_TYPES
from presslens.corpus import ingest, load
from presslens.pipeline import analyze_articles
from presslens.scale.dask import analyze_to_parts, batches
from presslens.scale.parts import batch_id, finished_batches, read_batch, read_parts, write_batch
from presslens.store.sqlite import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DASK = Path(sys.executable).with_name("dask")


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, order-free, without the ingest time."""
    conn = sqlite3.connect(db)
    snapshot = {}
    for table in ["articles"] + [t.table for t in RECORD_TYPES]:
        cursor = conn.execute(f"SELECT * FROM [{table}]")
        names = [d[0] for d in cursor.description]
        keep = [i for i, n in enumerate(names) if n != "ingested_at"]
        snapshot[table] = sorted(tuple(str(row[i]) for i in keep) for row in cursor)
    conn.close()
    return snapshot


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    """The examples ingested by one plain process."""
    db = tmp_path_factory.mktemp("ref") / "plain.sqlite"
    with Store(db) as store:
        ingest(store, [EXAMPLES])
    return db


def test_parts_round_trip_to_identical_analyses(tmp_path):
    articles = list(read_articles([EXAMPLES / "wire.jsonl"]))[:3]
    analyses = list(analyze_articles(articles))
    name = batch_id(articles)
    manifest = write_batch(analyses, tmp_path / "parts", name)
    assert manifest["articles"] == [a.id for a in articles]
    assert finished_batches(tmp_path / "parts") == [name]
    back = list(read_batch(tmp_path / "parts", name))
    assert [b.to_dict() for b in back] == [a.to_dict() for a in analyses]


def test_batch_ids_depend_only_on_the_articles():
    articles = list(read_articles([EXAMPLES]))
    first = [batch_id(b) for b in batches(articles, 4)]
    again = [batch_id(b) for b in batches(iter(articles), 4)]
    assert first == again and len(set(first)) == len(first)
    assert batch_id(articles[:4]) != batch_id(list(reversed(articles[:4])))


def test_a_batch_without_manifest_is_not_read(tmp_path):
    articles = list(read_articles([EXAMPLES / "wire.jsonl"]))[:2]
    write_batch(analyze_articles(articles), tmp_path, batch_id(articles))
    (tmp_path / "manifest" / f"{batch_id(articles)}.json").unlink()
    assert finished_batches(tmp_path) == [] and list(read_parts(tmp_path)) == []


def _start(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(args, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)


def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


@pytest.mark.skipif(not DASK.exists(), reason="the dask command is not installed beside this Python")
def test_cluster_losing_a_worker_stores_every_article_once(tmp_path, reference):
    """dask scheduler + two dask workers on loopback; one worker is killed mid-run."""
    scheduler_file = tmp_path / "scheduler.json"
    scheduler = _start([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                        "--scheduler-file", str(scheduler_file)], tmp_path / "scheduler.log")
    workers = []
    try:
        _wait_for(scheduler_file.exists, 60, "the scheduler")
        for n in range(2):
            workers.append(_start([str(DASK), "worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1",
                                   "--no-nanny", "--no-dashboard", "--name", f"w{n}"], tmp_path / f"w{n}.log"))
        from distributed import Client

        parts = tmp_path / "parts"
        with Client(scheduler_file=str(scheduler_file), timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
            manifests = []
            for manifest in analyze_to_parts(read_articles([EXAMPLES]), str(parts), client, batch_size=1,
                                             in_flight=4):
                manifests.append(manifest)
                if len(manifests) == 1:
                    os.killpg(workers[0].pid, signal.SIGKILL)  # a worker dies with batches in flight
        articles = [a.id for a in read_articles([EXAMPLES])]
        stored = [a.article.id for a in read_parts(parts)]
        assert sorted(stored) == sorted(set(articles))  # every article, once
        assert len(finished_batches(parts)) == len(manifests)

        db = tmp_path / "from-parts.sqlite"
        with Store(db) as store:
            result = load(store, parts)
        assert result.ok + result.error == len(set(articles))
        assert _snapshot(db) == _snapshot(reference)

        with Client(scheduler_file=str(scheduler_file), timeout=60) as client:  # a rerun redoes nothing
            rerun = list(analyze_to_parts(read_articles([EXAMPLES]), str(parts), client, batch_size=1))
        assert all(m.get("skipped") for m in rerun)
    finally:
        for process in [*workers, scheduler]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_ingest_on_a_local_cluster_equals_a_plain_ingest(tmp_path, reference):
    db = tmp_path / "dask.sqlite"
    with Store(db) as store:
        result = ingest(store, [EXAMPLES], scheduler="local", workers=1, batch_size=4)
    assert result.ok > 0
    assert _snapshot(db) == _snapshot(reference)
    with Store(db) as store:  # resumes from the parts beside the store: nothing new
        again = ingest(store, [EXAMPLES], scheduler="local", workers=1, batch_size=4)
    assert (again.ok, again.error) == (0, 0)


def test_load_command_builds_a_store_from_parts(tmp_path):
    from typer.testing import CliRunner

    from presslens.cli import app

    articles = list(read_articles([EXAMPLES / "wire.jsonl"]))[:2]
    write_batch(analyze_articles(articles), tmp_path / "parts", batch_id(articles))
    db = tmp_path / "loaded.sqlite"
    first = CliRunner().invoke(app, ["load", str(tmp_path / "parts"), "--db", str(db)])
    assert first.exit_code == 0, first.output
    with Store(db) as store:
        assert store.known_ids() == {a.id for a in articles}
    again = CliRunner().invoke(app, ["load", str(tmp_path / "parts"), "--db", str(db)])
    assert again.exit_code == 0 and "0 ok" in again.output
