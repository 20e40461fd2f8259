"""HTTP listings at scale: cursor pages equal one whole page, totals are exact and follow an ingest,
the queries use their indexes (no sort of the whole table per page), and ``serve --workers``."""

from __future__ import annotations

import re
import shutil
import sqlite3

import pytest
from fastapi.testclient import TestClient

from presslens.core.schema import Analysis, Article, Event, Sentence
from presslens.corpus import Corpus
from presslens.serve.app import SERVE_ENV, app_from_environment, create_app
from presslens.store.sqlite import Store

from .conftest import EXAMPLES

OUTLETS = ("Ledger", "Herald", None)


def _article(i: int) -> Analysis:
    """A small article; every fifth has no date, outlets and event types rotate."""
    text = f"Day {i}: the harbour council met{' in Norvik' if i % 3 == 0 else ''}."
    article = Article(id=f"{i:04d}" + "a" * 12, text=text, date=None if i % 5 == 0 else f"2024-{1 + i % 12:02d}-{1 + i % 9:02d}",
                      outlet=OUTLETS[i % 3], title=f"Report {i}")
    met = text.index("met")
    return Analysis(article=article, sentences=(Sentence(0, 0, 0, len(text), text),),
                    events=tuple(Event(0, len(text), ("CONSULT", "AID")[(i + k) % 2], "met", met, met + 3)
                                 for k in range(1 + i % 2)))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("paging") / "s.sqlite"
    with Store(path) as store:
        for i in range(37):
            store.add(_article(i))
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


def _all_pages(client: TestClient, path: str, params: dict, limit: int) -> tuple[list[dict], set[int]]:
    """Every item of a listing, following ``next`` with pages of ``limit``; and the totals the pages gave."""
    items, totals, cursor = [], set(), None
    while True:
        page = client.get(path, params=params | {"limit": limit} | ({"cursor": cursor} if cursor else {})).json()
        assert len(page["items"]) <= limit
        items += page["items"]
        totals.add(page["total"])
        cursor = page["next"]
        if cursor is None:
            return items, totals


LISTINGS = [
    ("/api/articles", {}),
    ("/api/articles", {"outlet": "Ledger"}),
    ("/api/articles", {"since": "2024-03-01", "until": "2024-08-31"}),
    ("/api/articles", {"until": "2024-05-31"}),
    ("/api/articles", {"status": "ok", "outlet": "Herald", "since": "2024-02-01"}),
    ("/api/records/events", {}),
    ("/api/records/events", {"type": "AID"}),
    ("/api/records/events", {"type": "CONSULT", "outlet": "Ledger"}),
    ("/api/records/sentences", {"since": "2024-06-01"}),
    ("/api/search", {}),
    ("/api/search", {"outlet": "Herald"}),
    ("/api/search", {"q": "harbour council"}),
    ("/api/search", {"q": "Norvik", "until": "2024-06-30"}),
]


@pytest.mark.parametrize("path, params", LISTINGS, ids=[f"{p}?{q}" for p, q in LISTINGS])
def test_cursor_pages_are_the_whole_listing_in_order_and_total_is_exact(client, path, params):
    whole = client.get(path, params=params | {"limit": 1000}).json()
    assert whole["next"] is None and whole["total"] == len(whole["items"]) > 0
    for limit in (1, 4):
        items, totals = _all_pages(client, path, params, limit)
        assert items == whole["items"] and totals == {whole["total"]}


def test_filters_and_totals_match_the_articles(client, db):
    rows = [_article(i).article for i in range(37)]
    cases = {("outlet", "Ledger"): lambda a: a.outlet == "Ledger",
             ("since", "2024-03-01"): lambda a: a.date is not None and a.date >= "2024-03-01",
             ("until", "2024-05-31"): lambda a: a.date is not None and a.date <= "2024-05-31"}
    for (name, value), keep in cases.items():
        page = client.get("/api/articles", params={name: value, "limit": 1000}).json()
        assert sorted(a["id"] for a in page["items"]) == sorted(a.id for a in rows if keep(a)), name
    undated = client.get("/api/articles", params={"limit": 1000}).json()["items"][:8]
    assert [a["date"] for a in undated] == [None] * 8  # articles without a date come first, then by date
    with sqlite3.connect(db) as conn:
        aid = conn.execute("SELECT count(*) FROM events WHERE type = 'AID'").fetchone()[0]
        ledger_consult = conn.execute("SELECT count(*) FROM events r JOIN articles a ON a.id = r.article_id "
                                      "WHERE r.type = 'CONSULT' AND a.outlet = 'Ledger'").fetchone()[0]
    assert client.get("/api/records/events", params={"type": "AID"}).json()["total"] == aid > 0
    assert client.get("/api/records/events", params={"type": "CONSULT", "outlet": "Ledger"}).json()["total"] \
        == ledger_consult > 0


def test_totals_follow_an_ingest_into_the_served_store(db, tmp_path):
    busy = shutil.copy(db, tmp_path / "busy.sqlite")
    client = TestClient(create_app(busy))
    paths = {"/api/articles": {}, "/api/search": {"q": "harbour"}, "/api/records/events": {"type": "AID"}}
    before = {path: client.get(path, params=params).json()["total"] for path, params in paths.items()}
    assert before == {path: client.get(path, params=params).json()["total"] for path, params in paths.items()}
    with Store(busy) as store:
        store.add(_article(41))  # dated, one AID event, mentions the harbour
    after = {path: client.get(path, params=params).json()["total"] for path, params in paths.items()}
    assert after == {path: total + 1 for path, total in before.items()}


def test_listing_queries_use_indexes_and_search_is_driven_by_the_fts_index(db):
    with Store(db) as store:  # writable, so that the indexes exist as a migration leaves them
        store.article_page()
    store = Store(db, read_only=True)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    store.article_page({"outlet": "Ledger", "since": "2024-02-01"}, limit=2)
    store.article_page({"status": "ok"}, limit=2, cursor=store.article_page({"status": "ok"}, limit=2).next)
    store.article_page(limit=2, cursor=store.article_page(limit=2).next)
    store.record_page(Event, {"type": "AID"}, limit=2)
    store.search("harbour", 2, outlet="Ledger")
    store.search("", 2, cursor=store.search("", 2, since="2024-02-01").next)
    store.conn.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "rowid DESC LIMIT 1" not in s]
    assert len(selects) >= 12
    for sql in selects:
        plan = " | ".join(row[-1] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "TEMP B-TREE" not in plan, (sql, plan)
        assert not re.search(r"SCAN (a|articles)$", plan.replace(" | ", "\n"), re.M), (sql, plan)  # no full scan
        if re.search(r"'\d{4}a{12}'", sql):  # a cursor's page (an id in it) seeks its first row, reading none before
            assert plan.startswith("SEARCH"), (sql, plan)
        if "MATCH" in sql:
            assert plan.startswith("SCAN articles_fts"), (sql, plan)
    store.close()


def test_workers_start_from_the_environment(db, monkeypatch):
    for name, value in zip(SERVE_ENV, (str(db), "1", "1000")):
        monkeypatch.setenv(name, value)
    client = TestClient(app_from_environment())
    assert client.get("/api/articles", params={"limit": 1}).json()["total"] == 37
    assert client.post("/api/analyze", json={"text": "x"}).status_code == 403  # read-only came through
    assert client.post("/api/analyze", json={"text": "x" * 2000}).status_code == 413


def test_serve_cli_hands_workers_their_settings_and_a_tcp_socket(db, monkeypatch):
    import socket

    import uvicorn.supervisors
    from typer.testing import CliRunner

    from presslens.cli import app

    started = []

    class Supervisor:  # stands in for uvicorn's: records what the workers would get
        def __init__(self, config, sockets):
            started.append((config, sockets))

        def run(self):
            pass

    monkeypatch.setattr(uvicorn.supervisors, "Multiprocess", Supervisor)
    for name in SERVE_ENV:  # set, so that the values the command writes are undone after the test
        monkeypatch.setenv(name, "")
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--workers", "2", "--read-only", "--port", "0"])
    assert result.exit_code == 0, result.output
    config, [listening] = started[0]
    assert config.app == "presslens.serve.app:app_from_environment" and config.factory and config.workers == 2
    # asyncio sets TCP_NODELAY only on connections of a socket whose protocol is TCP (else each response
    # waits for a delayed ACK)
    assert listening.proto == socket.IPPROTO_TCP and listening.getsockname()[0] == "127.0.0.1"
    listening.close()
    assert TestClient(app_from_environment()).post("/api/analyze", json={"text": "x"}).status_code == 403


def test_a_real_ingest_pages_like_the_synthetic_one(tmp_path):
    path = tmp_path / "real.sqlite"
    with Corpus(path) as corpus:
        corpus.ingest([EXAMPLES / "03-valdoria-grain-harvest.txt", EXAMPLES / "wire.jsonl"])
    client = TestClient(create_app(path))
    for kind in ("sentences", "mentions", "quotes"):
        whole = client.get(f"/api/records/{kind}", params={"limit": 1000}).json()
        items, totals = _all_pages(client, f"/api/records/{kind}", {}, 3)
        assert items == whole["items"] and totals == {whole["total"]} == {len(items)}
