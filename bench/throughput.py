"""Throughput of ``presslens ingest`` against a bare spaCy ``nlp.pipe`` over the same texts.

The bare parse is the model as its package ships it (``load_stock_nlp``); presslens parses with
``load_nlp``, whose attribute ruler and lemmatizer are cached lookups giving the same
annotations, plus its own paragraph and repair components. Both parses are timed, so the gain
of the parse and the cost of the analysis show apart.

Both run in this process, one after the other, so the ratio is meaningful on a
noisy machine even when the absolute numbers are not. Usage:

    python bench/throughput.py [PATH ...] [--repeat N] [--stages] [--cpu]

``--stages`` also times each extractor separately (share of the bare parse). ``--cpu`` counts
this process's CPU time instead of wall time: on a machine shared with other jobs the load
changes between the two sides and a wall-time ratio moves with it; CPU time does not.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from presslens import pipeline
from presslens.components import factories
from presslens.core.nlp import load_nlp, load_stock_nlp
from presslens.core.readers import read_articles
from presslens.corpus import ingest
from presslens.store.sqlite import Store

clock = time.perf_counter
"""The clock every timing reads (``time.process_time`` with ``--cpu``)."""

STAGES = ["extract_paragraphs", "extract_sentences", "extract_quotes", "sentence_voices", "extract_actors",
          "extract_places", "extract_times", "extract_figures", "extract_events", "extract_flags",
          "sentence_tones", "extract_entities"]


def time_parse(texts: list[str], nlp) -> float:
    started = clock()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return clock() - started


def time_ingest(paths: list[str]) -> float:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite") as store:
        started = clock()
        ingest(store, paths)
        return clock() - started


def time_stages(texts: list[str]) -> dict[str, float]:
    """Wrap each pipeline stage with a timer and run the analysis once over all texts."""
    totals = {name: 0.0 for name in STAGES}
    originals = {name: getattr(factories, name) for name in STAGES}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            started = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[name] += clock() - started
        return wrapper

    for name, fn in originals.items():
        setattr(factories, name, timed(name, fn))
    try:
        nlp = load_nlp()
        from presslens.core.readers import make_article
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=16)):
            pipeline.analyze_doc(make_article(text, source="bench"), doc)
    finally:
        for name, fn in originals.items():
            setattr(factories, name, fn)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["examples"])
    parser.add_argument("--repeat", type=int, default=3, help="Best of N runs for each side.")
    parser.add_argument("--stages", action="store_true", help="Time each extractor too.")
    parser.add_argument("--cpu", action="store_true", help="Count CPU time of this process, not wall time.")
    args = parser.parse_args()
    global clock
    clock = time.process_time if args.cpu else time.perf_counter

    texts = [a.text for a in read_articles(args.paths) if a.status == "ok"]
    words = sum(len(t.split()) for t in texts)
    stock, ours = load_stock_nlp(), load_nlp()
    time_parse(texts[:2], stock), time_parse(texts[:2], ours)  # warm-up
    bare = min(time_parse(texts, stock) for _ in range(args.repeat))
    parse = min(time_parse(texts, ours) for _ in range(args.repeat))
    full = min(time_ingest(args.paths) for _ in range(args.repeat))
    print(f"{len(texts)} articles, {words:,} words (best of {args.repeat}, {'CPU' if args.cpu else 'wall'} time)")
    print(f"bare spaCy nlp.pipe : {len(texts) / bare:8.1f} articles/s {words / bare:10,.0f} words/s")
    print(f"presslens parse     : {len(texts) / parse:8.1f} articles/s {words / parse:10,.0f} words/s"
          f"   ({parse / bare:.2f}x the bare parse)")
    print(f"presslens ingest    : {len(texts) / full:8.1f} articles/s {words / full:10,.0f} words/s")
    print(f"ratio ingest/bare   : {full / bare:8.2f}x the time of a bare parse")
    if args.stages:
        totals = time_stages(texts)
        for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<20} {seconds:7.3f}s  {100 * seconds / bare:6.1f}% of the bare parse")


if __name__ == "__main__":
    main()
