"""Load on the HTTP API: N concurrent clients on loopback against a synthetic store.

    python bench/http_load.py [--articles 100000] [--clients 1,50] [--requests 3000] [--seconds 60] [--workers 2]
                              [--exclude 'all match'] [--service-requests 40]

Builds (or reuses, under ``--db``; by default a file in the system's temporary folder) a store of
synthetic articles (about 120 words each, drawn from a Zipf-distributed vocabulary of 5,000 words
as news text roughly is, with sentences, paragraphs, actors, mentions, a quotation and an event per
article: no spaCy, so building 100,000 takes about two minutes), starts ``presslens serve
--read-only --workers W`` on 127.0.0.1 at a free port, and for each client count sends
``--requests`` requests (or stops after ``--seconds``) spread evenly over the endpoints, from a
minimal HTTP/1.1 keep-alive client so that the load generator takes as little CPU from the server
as it can. Each client sends its next request when the previous one is answered (a closed loop).

Prints, per run, requests/s, the CPU seconds the server and the load generator used, and per
endpoint the count, errors (non-2xx or failed requests), p50 and p95 in ms. Only 127.0.0.1 is
ever contacted. On an already-built store a run takes under three minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from presslens.core.readers import article_id
from presslens.core.schema import Actor, ActorMention, Analysis, Article, Event, Paragraph, Quote, Sentence
from presslens.store.sqlite import Store, encode_cursor

CORPUS_VERSION = 2
"""Bumped whenever the synthetic articles change, so that an older store is never reused."""

WORDS = ("council harbour bridge grain flood rescue talks budget strike ferry school clinic border market river "
         "ceasefire election court festival drought railway union factory mayor minister farmers workers").split()
"""The most frequent words (ranks 1-25 of the vocabulary): each is in nearly every article."""
PLACES = ["Norvik", "Estmark", "Tarnholm", "Valdoria", "Brenmoor", "Lindmark", "Orsenna", "Ferrovale", "Halvessa"]
OUTLETS = ["Northern Ledger", "Estmark Herald", "Norvik Post", "Coastal Wire"]
EVENT_TYPES = ["CONSULT", "PROTEST", "ASSAULT", "AID", "ACCUSE"]
VOCABULARY_SIZE = 5000
TOPICAL = range(50, 2000)
"""Vocabulary ranks a typical query word has: in about 25% (rank 50) down to 0.6% (rank 2000) of articles."""


def vocabulary() -> tuple[list[str], list[float]]:
    """WORDS then made-up words, with cumulative Zipf weights (s = 1) by rank."""
    rng = random.Random(2)
    onsets, vowels, codas = "b d f g k l m n p r s t v z br dr gr kr st tr".split(), "a e i o u".split(), "n r s l".split()
    words, seen = list(WORDS), set(WORDS)
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 3))) + rng.choice(codas)
        if word not in seen and "met" not in word:
            words.append(word)
            seen.add(word)
    cumulative, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1 / rank
        cumulative.append(total)
    return words, cumulative


VOCABULARY, CUMULATIVE = vocabulary()


def synthetic_analysis(i: int, rng: random.Random) -> Analysis:
    """One article about fictional towns, with records whose offsets point into its text."""
    place, other = rng.sample(PLACES, 2)
    sentences = [f"The {rng.choice(WORDS)} of {place} met the {rng.choice(WORDS)} of {other} on day {i}."]
    sentences += [" ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=18)).capitalize() + "."
                  for _ in range(4)]
    quote = f"\u201cWe will rebuild the {rng.choice(WORDS)},\u201d the mayor of {place} said."
    text = " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:]) + " " + quote
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
    """Store ``count`` synthetic articles in ``path``, adding only those it lacks (reruns are quick)."""
    started = time.perf_counter()
    with Store(path) as store:  # opening it for writing also adds any index a newer presslens has
        store.conn.execute("PRAGMA synchronous = OFF")  # a bench store: speed over durability
        have = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        if have < count:
            rng = random.Random(16)
            for i in range(count):
                analysis = synthetic_analysis(i, rng)  # generated in order so article i is always the same
                if i >= have:
                    store.add(analysis)
    print(f"store: {count:,} articles in {path} ({path.stat().st_size / 1e6:.0f} MB; "
          f"ready in {time.perf_counter() - started:.0f}s)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    """``presslens serve`` in a subprocess, once it answers."""
    server = subprocess.Popen([sys.executable, "-m", "presslens", "serve", "--db", str(db), "--port", str(port),
                               "--read-only", "--workers", str(workers)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if asyncio.run(Connection("127.0.0.1", port).get("/api/articles?limit=1")) == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` and its live children (Linux /proc; 0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


class Connection:
    """One keep-alive HTTP/1.1 connection that sends GETs and reads whole responses."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str) -> int:
        """The status of ``GET path`` (the body is read and dropped); OSError if the connection fails."""
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        try:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode("ascii"))
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:] if line)}
            if "content-length" in headers:
                await reader.readexactly(int(headers["content-length"]))
            else:  # chunked
                while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                    await reader.readexactly(size + 2)
                await reader.readuntil(b"\r\n")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
            self.close()
            raise OSError(f"bad response to {path}: {exc}") from exc
        if headers.get("connection") == "close":
            self.close()
        return int(head[0].split()[1])

    def close(self) -> None:
        if self.streams:
            self.streams[1].close()
        self.streams = None


def _query(path: str, **params: object) -> str:
    return f"{path}?{urlencode(params)}"


def request_mix(ids: list[str], cursors: list[str]) -> list[tuple[str, Callable[[random.Random], str]]]:
    """(endpoint label, a function drawing one request path) for every endpoint measured, equally often."""
    def topical(rng: random.Random) -> str:
        return VOCABULARY[rng.choice(TOPICAL)]

    return [
        ("/api/articles/{id}", lambda rng: f"/api/articles/{rng.choice(ids)}"),
        ("/api/search?q=topical+place", lambda rng: _query("/api/search", q=f"{topical(rng)} {rng.choice(PLACES)}")),
        ("/api/search?q=topical&outlet=", lambda rng: _query("/api/search", q=topical(rng),
                                                             outlet=rng.choice(OUTLETS))),
        ("/api/search?q=common (all match)", lambda rng: _query("/api/search", q=rng.choice(WORDS))),
        ("/api/articles?outlet=&limit=200", lambda rng: _query("/api/articles", outlet=rng.choice(OUTLETS),
                                                               limit=200)),
        ("/api/articles?cursor=&limit=200", lambda rng: _query("/api/articles", cursor=rng.choice(cursors),
                                                               limit=200)),
        ("/api/records/quotes?limit=200", lambda rng: "/api/records/quotes?limit=200"),
        ("/api/records/events?type=&limit=200", lambda rng: _query("/api/records/events", type=rng.choice(EVENT_TYPES),
                                                                   limit=200)),
    ]


async def run_load(port: int, clients: int, requests: int, seconds: float,
                   mix: list[tuple[str, Callable[[random.Random], str]]]) -> dict:
    timings: dict[str, list[float]] = {label: [] for label, _ in mix}
    errors = dict.fromkeys(timings, 0)
    issued = 0
    deadline = time.perf_counter() + seconds

    async def client(seed: int) -> None:
        nonlocal issued
        rng, connection = random.Random(seed), Connection("127.0.0.1", port)
        while issued < requests and time.perf_counter() < deadline:
            label, draw = mix[issued % len(mix)]
            issued += 1
            path = draw(rng)
            started = time.perf_counter()
            try:
                ok = await asyncio.wait_for(connection.get(path), 30) < 300
            except (OSError, asyncio.TimeoutError):
                connection.close()
                ok = False
            timings[label].append((time.perf_counter() - started) * 1000)
            errors[label] += not ok
        connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(seed) for seed in range(clients)))
    return {"elapsed": time.perf_counter() - started, "timings": timings, "errors": errors}


def service_times(port: int, server_pid: int, mix: list[tuple[str, Callable[[random.Random], str]]],
                  repeats: int) -> None:
    """Server CPU per request of each endpoint alone (one client, ``repeats`` requests): what a request costs
    the server whatever else runs on the machine, unlike wall-clock latency."""
    print(f"\nserver CPU per request, each endpoint alone ({repeats} requests, one client):")
    for label, draw in mix:
        rng, before = random.Random(7), cpu_seconds(server_pid)
        started = time.perf_counter()
        asyncio.run(_sequential(port, [draw(rng) for _ in range(repeats)]))
        wall = (time.perf_counter() - started) * 1000 / repeats
        print(f"  {label:38} {1000 * (cpu_seconds(server_pid) - before) / repeats:6.1f} ms CPU "
              f"({wall:.1f} ms wall)")


async def _sequential(port: int, paths: list[str]) -> None:
    connection = Connection("127.0.0.1", port)
    for path in paths:
        await connection.get(path)
    connection.close()


def report(clients: int, workers: int, result: dict, server_cpu: float, client_cpu: float) -> None:
    total = sum(len(t) for t in result["timings"].values())
    elapsed = result["elapsed"]
    print(f"\n{clients} client(s), {workers} worker(s): {total} requests in {elapsed:.1f}s ({total / elapsed:.0f}/s), "
          f"errors {sum(result['errors'].values())}; CPU: server {server_cpu:.1f}s "
          f"({1000 * server_cpu / max(total, 1):.1f} ms/request), load generator {client_cpu:.1f}s")
    print(f"{'endpoint':38} {'n':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for label, times in result["timings"].items():
        if times:
            p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
            print(f"{label:38} {len(times):>6} {result['errors'][label]:>6} {statistics.median(times):>8.1f} "
                  f"{p95:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--clients", default="1,50", help="comma-separated client counts, one run each")
    parser.add_argument("--requests", type=int, default=3000, help="requests per run (at most; 1 client: 400)")
    parser.add_argument("--seconds", type=float, default=60, help="time limit per run")
    parser.add_argument("--workers", type=int, default=2, help="server processes (presslens serve --workers)")
    parser.add_argument("--exclude", action="append", default=[], metavar="TEXT",
                        help="leave out the endpoints whose label holds TEXT (e.g. 'all match'); repeatable")
    parser.add_argument("--service-requests", type=int, default=40,
                        help="requests per endpoint when measuring server CPU per request (0: skip)")
    parser.add_argument("--db", type=Path, default=None, help="store to build or reuse "
                        "(default: presslens-http-load-vV-N.sqlite in the temporary folder)")
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"presslens-http-load-v{CORPUS_VERSION}-{args.articles}.sqlite"
    build_store(db, args.articles)
    with Store(db, read_only=True) as store:
        sample = store.conn.execute("SELECT ifnull(date, ''), id FROM articles ORDER BY random() LIMIT 2000").fetchall()
    ids, cursors = [row[1] for row in sample], [encode_cursor(list(row)) for row in sample[:200]]
    mix = [(label, draw) for label, draw in request_mix(ids, cursors) if not any(t in label for t in args.exclude)]
    port = free_port()
    server = start_server(db, port, args.workers)
    try:
        asyncio.run(run_load(port, 8, 10 * len(mix), args.seconds, mix))  # warm-up: threads, connections, pages
        if args.service_requests:
            service_times(port, server.pid, mix, args.service_requests)
        for clients in (int(c) for c in args.clients.split(",")):
            requests = min(args.requests, 400) if clients == 1 else args.requests
            server_cpu, client_cpu = cpu_seconds(server.pid), resource.getrusage(resource.RUSAGE_SELF)
            result = asyncio.run(run_load(port, clients, requests, args.seconds, mix))
            used = resource.getrusage(resource.RUSAGE_SELF)
            report(clients, args.workers, result, cpu_seconds(server.pid) - server_cpu,
                   used.ru_utime + used.ru_stime - client_cpu.ru_utime - client_cpu.ru_stime)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
