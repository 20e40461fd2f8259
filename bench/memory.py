"""Memory of presslens: where one process's memory goes, a curve over a long stream, and the
peak resident memory of each Dask worker.

Usage:

    python bench/memory.py stages [PATH ...]            RSS after each loading step, 1 and 200 articles
    python bench/memory.py curve [PATH ...] --articles 5000 --every 250   plain ingest, one process
    python bench/memory.py dask [PATH ...] --articles 2000 --every 200 --workers 2
    python bench/memory.py places [PATH ...] --articles 200   place look-ups: file vs in-memory tables

PATH defaults to ``examples/`` and the PolNeAR dev texts (``../shared/eval/attribution/dev.jsonl``);
the stream cycles them, each repetition with new ids (``<id>-<n>``), so a long stream is made
of real news text without keeping more than one batch of it in memory. RSS is read from
``/proc/<pid>/status`` (VmRSS now, VmHWM the peak); Linux only.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from itertools import cycle, islice
from pathlib import Path

from presslens.core.readers import read_articles
from presslens.places.gazetteer import Entry, Gazetteer, _unpack, load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = [str(ROOT / "examples"), str(ROOT.parent / "shared" / "eval" / "attribution" / "dev.jsonl")]


def rss_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak, in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in {"VmRSS", "VmHWM"}:
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def base_articles(paths: list[str]) -> list:
    found = [a for a in read_articles([p for p in paths if Path(p).exists()]) if a.status == "ok"]
    if not found:
        raise SystemExit(f"no articles in {paths}")
    return found


def stream(base: list, n: int) -> Iterator:
    """``n`` articles cycled from ``base``, each with its own id (read lazily)."""
    for i, article in enumerate(islice(cycle(base), n)):
        yield replace(article, id=f"{article.id}-{i}")


def stages(paths: list[str]) -> None:
    """RSS after imports, the gazetteer, spaCy, the first article and 200 articles."""
    from presslens.core.nlp import load_nlp
    from presslens.pipeline import analyze_articles

    base = base_articles(paths)
    rows = [("imports", *rss_mb())]
    started = time.perf_counter()
    load_gazetteer()
    rows.append((f"gazetteer loaded ({time.perf_counter() - started:.1f} s)", *rss_mb()))
    load_nlp()
    rows.append(("spaCy loaded", *rss_mb()))
    analyses = analyze_articles(stream(base, 200))
    next(analyses)
    rows.append(("after the first article", *rss_mb()))
    done = 1 + sum(1 for _ in analyses)
    rows.append((f"after {done} articles", *rss_mb()))
    print(f"{'step':<32} {'RSS MB':>8} {'peak MB':>8}")
    for name, now, peak in rows:
        print(f"{name:<32} {now:8.0f} {peak:8.0f}")


def curve(paths: list[str], n: int, every: int) -> None:
    """RSS every ``every`` articles while one process ingests ``n`` articles into a store."""
    from presslens.corpus import IngestResult, store_analyses
    from presslens.pipeline import analyze_articles
    from presslens.store.sqlite import Store

    base = base_articles(paths)
    print(f"{n} articles cycled from {len(base)}; plain ingest in one process (pid {os.getpid()})")
    print(f"{'articles':>8} {'RSS MB':>8} {'peak MB':>8} {'art/s':>6}")
    started = time.perf_counter()

    def sample(analysis, result: IngestResult) -> None:
        if result.ok % every == 0:
            now, peak = rss_mb()
            rate = result.ok / (time.perf_counter() - started)
            print(f"{result.ok:8d} {now:8.0f} {peak:8.0f} {rate:6.1f}", flush=True)

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "memory.sqlite") as store:
        store_analyses(store, analyze_articles(stream(base, n)), IngestResult(), on_article=sample)


def dask(paths: list[str], n: int, every: int, workers: int, batch_size: int) -> None:
    """RSS of each Dask worker every ``every`` articles over ``n`` articles, and their peaks."""
    from presslens.scale.dask import analyze_to_parts, dask_client

    base = base_articles(paths)
    with tempfile.TemporaryDirectory() as parts, dask_client("local", workers) as client:
        names = sorted(client.scheduler_info()["workers"])
        print(f"{n} articles cycled from {len(base)}; {workers} Dask workers, batches of {batch_size}")
        print(f"{'articles':>8} " + " ".join(f"{'w' + str(i) + ' RSS':>8} {'peak':>6}" for i in range(len(names))))
        done = next_sample = 0
        for manifest in analyze_to_parts(stream(base, n), parts, client, batch_size=batch_size):
            done += len(manifest["articles"])
            if done >= next_sample:
                next_sample += every
                memory = client.run(rss_mb)
                print(f"{done:8d} " + " ".join(f"{memory[w][0]:8.0f} {memory[w][1]:6.0f}" for w in names),
                      flush=True)
        peaks = {w: peak for w, (_, peak) in client.run(rss_mb).items()}
    print(f"peak RSS per worker, MB: {max(peaks.values()):.0f} (each: "
          + ", ".join(f"{peaks[w]:.0f}" for w in names) + ")")


class InMemoryGazetteer(Gazetteer):
    """The same gazetteer read whole into plain dicts and a list, as the former pickle held it."""

    def __init__(self, path: Path):
        super().__init__(path)
        connection = sqlite3.connect(path)
        self.rows = [tuple(r) for r in connection.execute(
            "SELECT geonameid, name, lat, lon, country, feature, population, admin1, admin2 FROM rows ORDER BY id")]
        self.names, self.demonyms, self.after_comma, self.first_words = {}, {}, {}, {}
        for key, names, demonyms, after_comma, width in connection.execute("SELECT * FROM keys"):
            for table, blob in ((self.names, names), (self.demonyms, demonyms), (self.after_comma, after_comma)):
                if blob:
                    table[key] = _unpack(blob)
            if width:
                self.first_words[key] = width
        connection.close()

    def entry(self, index: int) -> Entry:
        return Entry(*self.rows[index])


def places(paths: list[str], n: int, repeat: int) -> None:
    """Place extraction time per article with the file-backed gazetteer and with in-memory tables,
    over the same parsed articles in this run; and what each holds in memory."""
    from presslens.core.nlp import load_nlp
    from presslens.places import extract

    base = base_articles(paths)
    docs = list(load_nlp().pipe((a.text for a in islice(cycle(base), n)), batch_size=16))
    path = load_gazetteer().path
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    file_backed = Gazetteer(path)
    file_mb = (tracemalloc.get_traced_memory()[0] - before) / 2**20
    before = tracemalloc.get_traced_memory()[0]
    in_memory = InMemoryGazetteer(path)
    memory_mb = (tracemalloc.get_traced_memory()[0] - before) / 2**20
    tracemalloc.stop()

    def run(gaz: Gazetteer) -> tuple[float, list]:
        extract.load_gazetteer = lambda: gaz
        started = time.perf_counter()
        found = [extract.extract_places(doc) for doc in docs]
        return (time.perf_counter() - started) / len(docs) * 1000, found

    cold, first = run(file_backed)
    file_ms, memory_ms = [], []
    for _ in range(repeat):
        memory_ms.append(run(in_memory)[0])
        elapsed, again = run(file_backed)
        file_ms.append(elapsed)
    _, reference = run(in_memory)
    extract.load_gazetteer = load_gazetteer
    print(f"{len(docs)} articles; place extraction per article, best of {repeat}")
    print(f"  in-memory tables : {min(memory_ms):7.2f} ms   ({memory_mb:6.1f} MB of Python objects)")
    print(f"  file, cold caches: {cold:7.2f} ms")
    print(f"  file, warm caches: {min(file_ms):7.2f} ms   ({file_mb:6.1f} MB right after opening)")
    print(f"  ratio file/in-memory: {min(file_ms) / min(memory_ms):.2f} warm, {cold / min(memory_ms):.2f} cold")
    print(f"  same places found: {first == reference == again}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["stages", "curve", "dask", "places"])
    parser.add_argument("paths", nargs="*", default=DEFAULT_INPUTS)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--every", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.mode == "stages":
        stages(args.paths)
    elif args.mode == "curve":
        curve(args.paths, args.articles, args.every)
    elif args.mode == "places":
        places(args.paths, args.articles, args.repeat)
    else:
        dask(args.paths, args.articles, args.every, args.workers, args.batch_size)


if __name__ == "__main__":
    main()
