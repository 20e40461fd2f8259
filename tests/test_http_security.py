"""HTTP API under hostile input: no SQL from requests, one error shape, bounded pages, hardened serving."""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from presslens.core.schema import field_types
from presslens.corpus import RECORD_KINDS, Corpus
from presslens.serve.app import PROBLEM_JSON, create_app
from presslens.store.sqlite import record_filter_names

from .conftest import EXAMPLES

NAME_PAYLOADS = [  # the injection strings reported in the issue, as filter NAMES
    "speaker] IS NOT NULL AND (SELECT count(*) FROM articles) > 0 AND r.[speaker",
    "speaker] = '' OR 1=1 OR r.[speaker",
    "text] = '' OR 1=1 --",
    "1=1",
]
VALUE_PAYLOADS = [  # classic payloads, as VALUES
    "' OR '1'='1", "' OR 1=1 --", '" OR ""="', "1; DROP TABLE articles; --", "1' UNION SELECT id, text FROM articles --",
    "%' OR 1=1 --", "') OR ('a'='a", "%", "_", "*", "\\", "x' AND sqlite_version() > '0", "NEAR(a b)",
    "1) OR 1=1 --", "admin'--", "'; ATTACH DATABASE '/tmp/x.sqlite' AS x; --",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("httpsec") / "s.sqlite"
    with Corpus(path) as corpus:
        corpus.ingest([EXAMPLES / "03-valdoria-grain-harvest.txt", EXAMPLES / "01-ferrovale-clashes.txt",
                       EXAMPLES / "wire.jsonl"])
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_problem(response: httpx.Response, status: int | None = None) -> dict:
    assert response.status_code >= 400 and (status is None or response.status_code == status), response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    body = response.json()
    assert {"type", "title", "status", "detail"} <= set(body) and body["status"] == response.status_code
    assert "Traceback" not in response.text
    return body


def _every_listing():
    yield "/api/articles", ["status", "outlet", "since", "until"]
    yield "/api/search", ["q", "fts", "outlet", "since", "until", "actor", "type"]
    for kind, record_type in RECORD_KINDS.items():
        yield f"/api/records/{kind}", record_filter_names(record_type)


LISTINGS = list(_every_listing())


@pytest.mark.parametrize("path, names", LISTINGS, ids=[p for p, _ in LISTINGS])
def test_injected_names_are_400_listing_the_allowed_ones(client, path, names):
    for payload in NAME_PAYLOADS:
        body = _assert_problem(client.get(path, params={payload: "x"}), 400)
        assert body["code"] == "unknown_name" and set(names) <= set(body["allowed"])


@pytest.mark.parametrize("path, names", LISTINGS, ids=[p for p, _ in LISTINGS])
def test_injected_values_are_bound_never_run(client, db, path, names):
    before = _digest(db)
    articles = {a["id"]: a for a in client.get("/api/articles", params={"limit": 1000}).json()["items"]}
    for name in names + ["cursor"]:
        for payload in VALUE_PAYLOADS:
            response = client.get(path, params={name: payload})
            if response.status_code >= 400:
                assert response.status_code < 500
                _assert_problem(response)
                continue
            page = response.json()
            if name == "q":  # plain words may match: every hit must contain every word
                words = re.findall(r"\w+", payload.lower())
                for hit in page["items"]:
                    assert set(words) <= set(re.findall(r"\w+", _article_text(client, hit["id"]).lower()))
            if name in ("q", "fts"):
                assert {h["id"] for h in page["items"]} <= set(articles)
            else:
                assert page["items"] == [] and page["total"] == 0, (name, payload, page["total"])
    assert _digest(db) == before


def _article_text(client, article_id: str) -> str:
    article = client.get(f"/api/articles/{article_id}").json()["article"]
    return f"{article['title'] or ''} {article['text']}"


@pytest.mark.parametrize("payload", VALUE_PAYLOADS + NAME_PAYLOADS)
def test_injected_path_segments_are_404(client, payload):
    for path in (f"/api/articles/{payload}", f"/api/records/{payload}"):
        response = client.get(path.replace("%", "%25").replace("#", "%23").replace("?", "%3F"))
        assert response.status_code in (400, 404)
        _assert_problem(response)


def test_article_ids_match_as_prefixes_not_patterns(client):
    first = client.get("/api/articles").json()["items"][0]["id"]
    assert client.get(f"/api/articles/{first[:6]}").json()["article"]["id"] == first
    for pattern in ("%25", "_", first[:3] + "%25", "_" * len(first)):
        assert client.get(f"/api/articles/{pattern}").status_code == 404


def test_store_api_rejects_unknown_filter_names_too(db):
    with Corpus(db) as corpus:
        assert corpus.records("sentences", paragraph=0)
        for payload in NAME_PAYLOADS:
            with pytest.raises(Exception, match="allowed"):
                corpus.records("quotes", **{payload: "x"})


@pytest.mark.parametrize("request_args, status", [
    (("GET", "/nope"), 404),
    (("DELETE", "/api/articles"), 405),
    (("GET", "/api/articles?limit=0"), 400),
    (("GET", "/api/articles?limit=-1"), 400),
    (("GET", "/api/articles?limit=1001"), 400),
    (("GET", "/api/articles?limit=abc"), 400),
    (("GET", "/api/search?q=a&fts=b"), 400),
    (("GET", "/api/search?since=yesterday"), 400),
    (("GET", "/api/records/sentences?paragraph=first"), 400),
    (("GET", "/api/records/quotes?continues=maybe"), 400),
    (("GET", "/api/records/sentences?limit=5&limit=6"), 400),
    (("GET", "/api/articles?cursor=bm90IGEgY3Vyc29y"), 400),
    (("POST", "/api/analyze"), 400),
])
def test_every_error_is_problem_json(client, request_args, status):
    body = _assert_problem(client.request(*request_args), status)
    assert body["request_id"]


def test_invalid_body_is_a_400_problem(client):
    body = _assert_problem(client.post("/api/analyze", json={"text": 5}), 400)
    assert body["errors"] and "text" in body["detail"]


def test_unexpected_exception_is_logged_with_request_id_and_hidden(db, caplog):
    app = create_app(db)

    def broken(_article_id):
        raise RuntimeError("secret internals")

    app.state.store.analysis = broken
    with caplog.at_level(logging.ERROR, logger="presslens.serve"):
        response = TestClient(app).get("/api/articles/abc")
    body = _assert_problem(response, 500)
    assert "secret internals" not in response.text
    assert body["request_id"] == response.headers["x-request-id"]
    assert any(body["request_id"] in r.getMessage() and r.exc_info for r in caplog.records)


def test_limits_and_cursor_paging_cover_every_row_once(client):
    everything = client.get("/api/records/sentences", params={"limit": 1000}).json()
    assert everything["next"] is None and everything["total"] == len(everything["items"]) > 5
    seen, cursor = [], None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/records/sentences", params=params).json()
        assert len(page["items"]) <= 3 and page["total"] == everything["total"]
        seen += [(r["article_id"], r["ordinal"]) for r in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == [(r["article_id"], r["ordinal"]) for r in everything["items"]]
    articles = client.get("/api/articles", params={"limit": 2}).json()
    assert len(articles["items"]) == 2 and articles["total"] > 2 and articles["next"]
    rest = client.get("/api/articles", params={"limit": 1000, "cursor": articles["next"]}).json()
    assert len(rest["items"]) == articles["total"] - 2


def test_search_takes_plain_words_raw_fts_and_filters(client):
    apostrophe = client.get("/api/search", params={"q": "Valdoria's harvest"})
    assert apostrophe.status_code == 200
    for text in ('"', "'", "AND", "harvest OR", "NEAR(", "*", "-", ":"):
        assert client.get("/api/search", params={"q": text}).status_code == 200
    harvest = client.get("/api/search", params={"q": "harvest"}).json()
    assert harvest["total"] >= 1 and all("[" in h["snippet"] for h in harvest["items"])
    either = client.get("/api/search", params={"fts": "harvest OR garrison"}).json()
    assert either["total"] > harvest["total"]
    outlet = harvest["items"][0]["outlet"]
    assert client.get("/api/search", params={"q": "harvest", "outlet": outlet}).json()["total"] >= 1
    assert client.get("/api/search", params={"q": "harvest", "outlet": "No Such Outlet"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "harvest", "until": "1900-01-01"}).json()["total"] == 0
    events = client.get("/api/records/events", params={"limit": 1000}).json()["items"]
    event_type = events[0]["type"]
    typed = client.get("/api/search", params={"type": event_type, "limit": 1000}).json()
    assert {h["id"] for h in typed["items"]} == {e["article_id"] for e in events if e["type"] == event_type}
    actors = client.get("/api/records/actors", params={"limit": 1000}).json()["items"]
    named = client.get("/api/search", params={"actor": actors[0]["name"].upper()}).json()
    assert actors[0]["article_id"] in {h["id"] for h in named["items"]}
    everything = client.get("/api/search", params={"q": ""}).json()
    assert everything["total"] == client.get("/api/articles", params={"status": "ok"}).json()["total"]


def test_list_fields_filter_by_membership(client):
    actors = client.get("/api/records/actors", params={"limit": 1000}).json()["items"]
    with_names = next(a for a in actors if a["names"])
    found = client.get("/api/records/actors", params={"names": with_names["names"][0]}).json()["items"]
    assert found and all(with_names["names"][0] in a["names"] for a in found)


def test_security_headers_on_every_response(db):
    client = TestClient(create_app(db, max_body_bytes=100))
    responses = [client.get("/"), client.get("/app.js"), client.get("/api/articles"), client.get("/nope"),
                 client.post("/api/analyze", json={"text": "x" * 200})]
    for response in responses:
        policy = response.headers["content-security-policy"]
        script_src = re.search(r"script-src ([^;]*)", policy).group(1)
        assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    assert "<script>" not in responses[0].text  # the page's script is a file
    assert client.get("/docs").status_code == 404 and client.get("/openapi.json").status_code == 200


def test_analyze_body_is_capped_and_read_only_turns_it_off(db):
    client = TestClient(create_app(db, max_body_bytes=1000))
    assert client.post("/api/analyze", json={"text": "Farmers met."}).status_code == 200
    _assert_problem(client.post("/api/analyze", json={"text": "word " * 400}), 413)

    def chunks():  # no Content-Length: the cap holds while the body streams in
        for _ in range(10):
            yield b'{"text": "' + b"w" * 200 + b'"}'

    _assert_problem(client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"}),
                    413)
    read_only = TestClient(create_app(db, read_only=True))
    assert _assert_problem(read_only.post("/api/analyze", json={"text": "Farmers met."}), 403)["detail"]


def test_server_opens_the_store_read_only_and_never_writes(db):
    before = _digest(db)
    app = create_app(db)
    assert app.state.store.read_only
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        app.state.store.conn.execute("DELETE FROM articles")
    client = TestClient(app)
    for path in ("/api/articles", "/api/search?q=harvest", "/api/records/quotes"):
        assert client.get(path).status_code == 200
    assert _digest(db) == before


def test_openapi_declares_problems_and_record_filters(client):
    schema = client.get("/openapi.json").json()
    quotes = schema["paths"]["/api/records/quotes"]["get"]
    declared = {p["name"] for p in quotes["parameters"]}
    assert set(field_types(RECORD_KINDS["quotes"])) <= declared and {"limit", "cursor", "outlet"} <= declared
    for path in schema["paths"].values():
        for operation in path.values():
            assert "422" not in operation["responses"]
            for status in ("400", "404"):
                assert PROBLEM_JSON in operation["responses"][status]["content"]


def test_concurrent_clients_while_an_ingest_writes(db, tmp_path):
    """Fifty clients on a real server (loopback, free port) while a writer adds articles: no errors."""
    import shutil

    import uvicorn

    db = shutil.copy(db, tmp_path / "busy.sqlite")

    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    first = httpx.get(f"{base}/api/articles").json()["items"][0]["id"]
    paths = ["/api/articles?limit=50", f"/api/articles/{first}", "/api/search?q=harvest", "/api/records/sentences"]
    stop = threading.Event()

    def write() -> int:
        added = 0
        with Corpus(db) as corpus:
            while not stop.is_set():
                added += corpus.ingest([EXAMPLES / "02-tarnholm-dock-protest.txt"]).ok
                time.sleep(0.05)
        return added

    # Each client thread has its own connection pool, as fifty separate users would: one httpx.Client shared
    # by fifty threads can close a socket in one thread while another reads it (EBADF), a client-side race.
    local = threading.local()
    clients: list[httpx.Client] = []

    def get(i: int) -> int:
        if not hasattr(local, "http"):
            local.http = httpx.Client(base_url=base, timeout=60)
            clients.append(local.http)
        return local.http.get(paths[i % len(paths)]).status_code

    try:
        with ThreadPoolExecutor(1) as writer, ThreadPoolExecutor(50) as pool:
            writing = writer.submit(write)
            try:
                statuses = list(pool.map(get, range(400)))
            finally:
                stop.set()  # a failed request fails the test instead of leaving the writer running
            writing.result()
    finally:
        for http in clients:
            http.close()
        server.should_exit = True
        thread.join(10)
    assert statuses.count(200) == len(statuses)
