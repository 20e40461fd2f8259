"""Load on the HTTP API: N concurrent clients on loopback against a synthetic store.

    python bench/http_load.py [--articles 20000] [--clients 1,50] [--requests 2000] [--seconds 120]

Builds (or reuses, under ``--db``) a store of synthetic articles written from a small word list
(about 120 words each, with sentences, paragraphs, actors, mentions, a quotation and an event per
article: no spaCy, so building is quick), starts ``presslens serve`` on 127.0.0.1 at a free port in
a subprocess, and for each client count sends ``--requests`` requests (or stops after
``--seconds``) spread over the endpoints. Prints requests/s, and per endpoint the count, errors
(non-2xx or failed requests), p50 and p95 in ms. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from presslens.core.readers import article_id
from presslens.core.schema import Actor, ActorMention, Analysis, Article, Event, Paragraph, Quote, Sentence
from presslens.store.sqlite import Store

WORDS = ("council harbour bridge grain flood rescue talks budget strike ferry school clinic border market river "
         "ceasefire election court festival drought railway union factory mayor minister farmers workers").split()
PLACES = ["Norvik", "Estmark", "Tarnholm", "Valdoria", "Brenmoor", "Lindmark", "Orsenna", "Ferrovale", "Halvessa"]
OUTLETS = ["Northern Ledger", "Estmark Herald", "Norvik Post", "Coastal Wire"]
EVENT_TYPES = ["CONSULT", "PROTEST", "ASSAULT", "AID", "ACCUSE"]


def synthetic_analysis(i: int, rng: random.Random) -> Analysis:
    """One article about fictional towns, with records whose offsets point into its text."""
    place, other = rng.sample(PLACES, 2)
    sentences = [f"The {rng.choice(WORDS)} of {place} met the {rng.choice(WORDS)} of {other} on day {i}."]
    sentences += [" ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + "." for _ in range(4)]
    quote = f"\u201cWe will rebuild the {rng.choice(WORDS)},\u201d the mayor of {place} said."
    body = " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:]) + " " + quote
    text = body
    spans, at = [], 0
    for sentence in sentences + [quote]:
        start = text.index(sentence, at)
        spans.append((start, start + len(sentence)))
        at = start + len(sentence)
    article = Article(id=article_id(text), text=text, date=f"20{20 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                      outlet=OUTLETS[i % len(OUTLETS)], title=f"{place} and {other}: day {i}", source=f"synthetic:{i}")
    split = text.index("\n\n")
    q_start = spans[-1][0]
    place_at = text.index(place)
    return Analysis(
        article=article,
        paragraphs=(Paragraph(0, 0, split), Paragraph(1, split + 2, len(text))),
        sentences=tuple(Sentence(n, 0 if s < split else 1, s, e, text[s:e]) for n, (s, e) in enumerate(spans)),
        actors=(Actor(place.lower(), place, "state", place_at, place_at + len(place), names=(place,)),),
        mentions=(ActorMention(place_at, place_at + len(place), place, place.lower()),),
        quotes=(Quote(q_start, q_start + quote.index("\u201d") + 1, quote[:quote.index("\u201d") + 1], "direct",
                      speaker=f"mayor of {place}"),),
        events=(Event(spans[0][0], spans[0][1], EVENT_TYPES[i % len(EVENT_TYPES)], "met", text.index("met"),
                      text.index("met") + 3, sources=(place,), targets=(other,)),))


def build_store(path: Path, count: int) -> None:
    rng = random.Random(16)
    with Store(path) as store:
        store.conn.execute("PRAGMA synchronous = OFF")  # a bench store: speed over durability
        have = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        started = time.perf_counter()
        for i in range(count):
            analysis = synthetic_analysis(i, rng)
            if i >= have:
                store.add(analysis)
        print(f"store: {count:,} articles in {path} ({path.stat().st_size / 1e6:.0f} MB; "
              f"ready in {time.perf_counter() - started:.0f}s)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    code = ("import uvicorn; from presslens.serve.app import create_app; "
            f"uvicorn.run(create_app({str(db)!r}, read_only=True), host='127.0.0.1', port={port}, log_level='error')")
    server = subprocess.Popen([sys.executable, "-c", code])
    for _ in range(600):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/articles?limit=1", timeout=1)
            return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def request_mix(ids: list[str], rng: random.Random) -> tuple[str, str]:
    """(endpoint label, path) of one request."""
    choice = rng.randrange(6)
    if choice == 0:
        return "/api/articles/{id}", f"/api/articles/{rng.choice(ids)}"
    if choice == 1:
        return "/api/search?q=", f"/api/search?q={rng.choice(WORDS)}+{rng.choice(PLACES)}"
    if choice == 2:
        return "/api/articles?limit=200", f"/api/articles?limit=200&outlet={rng.choice(OUTLETS).replace(' ', '+')}"
    if choice == 3:
        return "/api/records/quotes?limit=200", "/api/records/quotes?limit=200"
    if choice == 4:
        return "/api/records/events?type=", f"/api/records/events?type={rng.choice(EVENT_TYPES)}&limit=200"
    return "/api/search?q=&outlet=", f"/api/search?q={rng.choice(WORDS)}&outlet={rng.choice(OUTLETS).replace(' ', '+')}"


async def run_load(base: str, clients: int, requests: int, seconds: float, ids: list[str]) -> dict:
    timings: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    issued = 0
    deadline = time.perf_counter() + seconds

    async def client(seed: int) -> None:
        nonlocal issued
        rng = random.Random(seed)
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            while issued < requests and time.perf_counter() < deadline:
                issued += 1
                label, path = request_mix(ids, rng)
                started = time.perf_counter()
                try:
                    ok = (await http.get(path)).status_code < 300
                except httpx.HTTPError:
                    ok = False
                timings.setdefault(label, []).append((time.perf_counter() - started) * 1000)
                errors[label] = errors.get(label, 0) + (not ok)

    started = time.perf_counter()
    await asyncio.gather(*(client(seed) for seed in range(clients)))
    return {"elapsed": time.perf_counter() - started, "timings": timings, "errors": errors}


def report(clients: int, result: dict) -> None:
    total = sum(len(t) for t in result["timings"].values())
    print(f"\n{clients} client(s): {total} requests in {result['elapsed']:.1f}s "
          f"({total / result['elapsed']:.0f}/s), errors {sum(result['errors'].values())}")
    print(f"{'endpoint':34} {'n':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for label, times in sorted(result["timings"].items()):
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        print(f"{label:34} {len(times):>6} {result['errors'][label]:>6} {statistics.median(times):>8.1f} {p95:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--clients", default="1,50", help="comma-separated client counts, one run each")
    parser.add_argument("--requests", type=int, default=2000, help="requests per run (at most)")
    parser.add_argument("--seconds", type=float, default=120, help="time limit per run")
    parser.add_argument("--db", type=Path, default=None, help="store to build or reuse (default: bench/.load-N.sqlite)")
    args = parser.parse_args()
    db = args.db or Path(__file__).parent / f".load-{args.articles}.sqlite"
    build_store(db, args.articles)
    with Store(db, read_only=True) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 2000")]
    port = free_port()
    server = start_server(db, port)
    try:
        for clients in (int(c) for c in args.clients.split(",")):
            requests = min(args.requests, 200) if clients == 1 else args.requests
            report(clients, asyncio.run(run_load(f"http://127.0.0.1:{port}", clients, requests, args.seconds, ids)))
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
