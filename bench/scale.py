"""Scale-out numbers in one run over the same texts: bare spaCy, presslens in one process,
``-j 2``, and Dask with 1 and 2 local workers writing Parquet parts.

Every figure comes from this one run, so the ratios hold on a noisy machine even when the
absolute numbers do not. Usage:

    python bench/scale.py [PATH ...] [--articles N] [--batch-size B] [--json]

PATH defaults to the PolNeAR dev texts (``../shared/eval/attribution/dev.jsonl``, read as
articles), cycled to ``--articles`` articles with distinct ids.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from dataclasses import replace
from itertools import cycle, islice
from pathlib import Path

from presslens.core.nlp import load_nlp, load_stock_nlp
from presslens.core.readers import read_articles
from presslens.corpus import IngestResult, load, store_analyses
from presslens.pipeline import analyze_articles
from presslens.scale.dask import analyze_to_parts, dask_client
from presslens.store.sqlite import Store

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "attribution" / "dev.jsonl"


def corpus(paths: list[str], n: int) -> list:
    """``n`` ok articles cycled from ``paths``, each with its own id."""
    base = [a for a in read_articles(paths) if a.status == "ok"]
    return [replace(a, id=f"{a.id}-{i}") for i, a in enumerate(islice(cycle(base), n))]


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bare_parse(texts: list[str]) -> None:
    """The model as its package ships it, as the issue's baseline reads 'a bare spaCy parse'."""
    for _ in load_stock_nlp().pipe(texts, batch_size=16):
        pass


def plain(articles: list, n_process: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.sqlite") as store:
        store_analyses(store, analyze_articles(articles, n_process=n_process), IngestResult())


def worker_peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_up() -> None:
    """Load the model in a worker, returning nothing (client.run sends results back to the client)."""
    load_nlp()


def on_dask(articles: list, workers: int, batch_size: int) -> dict:
    with tempfile.TemporaryDirectory() as parts, dask_client("local", workers) as client:
        client.run(warm_up)  # start-up (model load) is not part of the throughput
        started = time.perf_counter()
        batches = sum(1 for _ in analyze_to_parts(articles, parts, client, batch_size=batch_size))
        elapsed = time.perf_counter() - started
        rss = client.run(worker_peak_rss_mb)
        noop_started = time.perf_counter()
        client.gather(client.map(lambda i: i, range(200), pure=False))
        overhead_ms = (time.perf_counter() - noop_started) / 200 * 1000
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "load.sqlite") as store:

            load_s = timed(lambda: load(store, parts))
    return {"seconds": elapsed, "batches": batches, "peak_rss_mb": max(rss.values()),
            "overhead_ms_per_task": overhead_ms, "load_seconds": load_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_INPUT)])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    articles = corpus(args.paths, args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    load_nlp()
    bare_parse(texts[:8])  # warm up
    results = {"articles": len(articles), "words_per_article": round(words / len(articles))}
    results["bare_spacy_s"] = timed(lambda: bare_parse(texts))
    results["presslens_1_s"] = timed(lambda: plain(articles, 1))
    results["presslens_j2_s"] = timed(lambda: plain(articles, 2))
    for workers in (1, 2):
        results[f"dask_{workers}"] = on_dask(articles, workers, args.batch_size)
    n = len(articles)
    summary = {
        "presslens / bare spaCy": results["presslens_1_s"] / results["bare_spacy_s"],
        "articles/s, 1 process": n / results["presslens_1_s"],
        "articles/s, -j 2": n / results["presslens_j2_s"],
        "articles/s, Dask 1 worker": n / results["dask_1"]["seconds"],
        "articles/s, Dask 2 workers": n / results["dask_2"]["seconds"],
        "Dask 1→2 speed-up": results["dask_1"]["seconds"] / results["dask_2"]["seconds"],
        "Dask 1 worker / plain": results["dask_1"]["seconds"] / results["presslens_1_s"],
        "peak RSS per worker, MB": results["dask_2"]["peak_rss_mb"],
        "scheduler overhead per task, ms": results["dask_2"]["overhead_ms_per_task"],
        "loading parts into SQLite, articles/s": n / results["dask_2"]["load_seconds"],
    }
    if args.json:
        print(json.dumps({"raw": results, "summary": summary}, indent=1))
        return
    print(f"{n} articles, about {results['words_per_article']} words each")
    for name, value in summary.items():
        print(f"{name:>40}: {value:,.2f}")


if __name__ == "__main__":
    main()
