"""Dashboard speed on a large store: builds a synthetic store and times every view.

    python bench/dashboard.py [--articles 10000] [--db STORE] [--repeat 3]

The store replicates the analyses of examples/ with new ids, dates spread over five years and
twelve outlets (the records are the examples' own, so counts scale but vocabulary does not).
An existing --db of the right size is reused. Each view is requested --repeat times through
the real app (in process, no network); the median wall time and the median CPU time of the
process are reported (the CPU time is what the view costs; wall time also counts waiting for a
busy machine).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from presslens.corpus import Corpus
from presslens.serve.app import create_app
from presslens.store import Store

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = [f"Synthetic Outlet {chr(65 + i)}" for i in range(12)]


def build(db: Path, articles: int, seed: int = 7) -> None:
    """Fill ``db`` with ``articles`` copies of the example analyses under new ids, dates and outlets."""
    with Corpus(db.with_suffix(".examples.sqlite")) as corpus:
        corpus.ingest([ROOT / "examples"])
        analyses = [corpus.analysis(a.id) for a in corpus.articles(status="ok")]
    rng = random.Random(seed)
    start = date(2021, 1, 1)
    with Store(db) as store:
        for i in range(len(store.known_ids()), articles):
            analysis = analyses[i % len(analyses)]
            day = start + timedelta(days=rng.randrange(5 * 365))
            article = replace(analysis.article, id=f"synthetic-{i:06d}", date=day.isoformat(),
                              outlet=rng.choice(OUTLETS), source=None, external_id=None,
                              title=f"{analysis.article.title or 'Untitled'} (copy {i})")
            store.add(replace(analysis, article=article))


def page(client: TestClient, url: str, where: float, per_page: int = 50) -> str:
    """``url`` (a list) at the page ``where`` of the way through it (1: the last page)."""
    total = int(re.search(r'id="total">([\d,]+) rows', client.get(url).text)[1].replace(",", ""))
    return f"{url}{'&' if '?' in url else '?'}page={max(1, round(where * -(-total // per_page)))}"


def views(client: TestClient) -> dict[str, str]:
    article = client.get("/dashboard/lists/articles", params={"per_page": 1}).text
    article_id = article.split('href="/dashboard/article/')[1].split('"')[0]
    return {
        "overview": "/dashboard",
        "overview, outlet + words": "/dashboard?outlet=Synthetic+Outlet+C&q=ceasefire",
        "overview, dates": "/dashboard?since=2022-03-15&until=2024-08-20",
        "timeline (auto)": "/dashboard/timeline",
        "timeline per day": "/dashboard/timeline?every=day",
        "map": "/dashboard/map",
        "network": "/dashboard/network",
        "network GEXF": "/dashboard/network.gexf",
        "outlets": "/dashboard/outlets",
        "outlets, since 2023": "/dashboard/outlets?since=2023-01-01",
        "outlets, event type": "/dashboard/outlets?type=ASSAULT",
        "outlets, actor": "/dashboard/outlets?actor=Orsenna",
        "article": f"/dashboard/article/{article_id}",
        "articles list": "/dashboard/lists/articles",
        "articles list, last page": page(client, "/dashboard/lists/articles", 1),
        "quotes list, by speaker": "/dashboard/lists/quotes?sort=speaker",
        "quotes list, last page": page(client, "/dashboard/lists/quotes", 1),
        "events list, ASSAULT, page 20": "/dashboard/lists/events?type=ASSAULT&page=20",
        "places list": "/dashboard/lists/places",
        "speakers list": "/dashboard/lists/speakers",
        "naming list": "/dashboard/lists/naming",
        "naming list, last page": page(client, "/dashboard/lists/naming", 1),
        "naming list, middle page": page(client, "/dashboard/lists/naming", 0.5),
        "flags list, actor": "/dashboard/lists/flags?actor=Orsenna",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "presslens-bench-dashboard.sqlite")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    build(args.db, args.articles)
    print(f"store: {args.db} ({args.articles:,} articles, {args.db.stat().st_size / 2**20:,.0f} MiB), "
          f"ready in {time.perf_counter() - started:.0f}s")
    client = TestClient(create_app(args.db))
    print(f"{'view':32s} {'wall':>10s} {'cpu':>10s}  {'size':>10s}  url   (median of {args.repeat})")
    slowest = 0.0
    for name, url in views(client).items():
        times, cpu = [], []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            if response.status_code != 200:
                sys.exit(f"{url}: HTTP {response.status_code}")
        median = statistics.median(times)
        slowest = max(slowest, median)
        print(f"{name:32s} {median * 1000:7.0f} ms  {statistics.median(cpu) * 1000:7.0f} ms  "
              f"{len(response.content) / 1024:6.0f} KiB  {url}")
    t0 = time.perf_counter()
    rows = client.get("/dashboard/lists/quotes/download", params={"format": "csv"}).text.count("\n") - 1
    print(f"{'quotes CSV download (all rows)':32s} {(time.perf_counter() - t0) * 1000:7.0f} ms  {rows:,} rows")
    print(f"slowest view: {slowest * 1000:.0f} ms")


if __name__ == "__main__":
    main()
