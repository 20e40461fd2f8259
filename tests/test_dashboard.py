"""The dashboard over HTTP: counts against direct SQL, filters obeyed, every linked number, lists, exports, safety."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from dataclasses import replace
from html import unescape
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from presslens.serve.app import create_app
from presslens.store import Store
from presslens.store.dashboard import (AGGREGATE_TABLES, NAMING_TOTALS, Filters, naming_choices, outlet_profiles,
                                       overview)
from presslens.store.listing import Query

MERIDIAN = "Meridian Wire"


@pytest.fixture(scope="module")
def client(dashboard_store):
    return TestClient(create_app(dashboard_store))


@pytest.fixture(scope="module")
def sql(dashboard_store):
    conn = sqlite3.connect(dashboard_store)
    yield lambda query, *args: conn.execute(query, args).fetchone()[0]
    conn.close()


def numbers(html: str, selector: str) -> dict[str, str]:
    """``data-count`` → the bold number of each count box on the overview."""
    return {m[0]: m[1] for m in re.findall(rf'{selector}="(\w+)"[^>]*><b>([^<]+)</b>', html)}


def total_of(client: TestClient, url: str) -> int:
    page = client.get(url)
    assert page.status_code == 200, url
    return int(re.search(r'id="total">([\d,]+) rows', page.text)[1].replace(",", ""))


def test_overview_counts_match_the_store(client, sql):
    html = client.get("/dashboard").text
    counts = numbers(html, "data-count")
    assert counts["articles"] == str(sql("SELECT count(*) FROM articles WHERE status = 'ok'"))
    assert counts["outlets"] == str(sql("SELECT count(DISTINCT outlet) FROM articles"))
    assert counts["quotes"] == str(sql("SELECT count(*) FROM quotes WHERE continues = 0"))
    assert counts["events"] == str(sql("SELECT count(*) FROM events"))
    assert counts["places"] == str(sql("SELECT count(*) FROM places"))
    assert counts["span"] == f"{sql('SELECT min(date) FROM articles')} – {sql('SELECT max(date) FROM articles')}"


def test_every_view_obeys_the_url_filters(client, sql):
    expected = sql("SELECT count(*) FROM articles WHERE outlet = ?", MERIDIAN)
    for path in ("", "/timeline", "/map", "/network", "/outlets", "/lists/quotes"):
        html = client.get(f"/dashboard{path}", params={"outlet": MERIDIAN}).text
        assert re.search(r"<b>(\d+)</b> articles match", html)[1] == str(expected), path
    counts = numbers(client.get("/dashboard", params={"outlet": MERIDIAN}).text, "data-count")
    assert counts["events"] == str(sql("SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
                                       "WHERE a.outlet = ?", MERIDIAN))
    assert counts["quotes"] == str(sql("SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
                                       "WHERE a.outlet = ? AND q.continues = 0", MERIDIAN))


def test_event_type_and_actor_narrow_events_but_select_articles(client, sql):
    assault = sql("SELECT count(*) FROM events WHERE type = 'ASSAULT'")
    assert total_of(client, "/dashboard/lists/events?type=ASSAULT") == assault
    articles = sql("SELECT count(DISTINCT article_id) FROM events WHERE type = 'ASSAULT'")
    assert total_of(client, "/dashboard/lists/articles?type=ASSAULT") == articles
    involving = sql("SELECT count(*) FROM events WHERE sources LIKE '%\"Orsenna\"%' OR targets LIKE '%\"Orsenna\"%'")
    assert total_of(client, "/dashboard/lists/events?actor=Orsenna") == involving > 0


def test_search_words_are_words_not_query_syntax(client):
    assert total_of(client, "/dashboard/lists/articles?q=harvest") >= 1
    assert total_of(client, '/dashboard/lists/articles?q=%22unbalanced+OR') == 0


def test_timeline_buckets_add_up(client, sql):
    html = client.get("/dashboard/timeline", params={"every": "month"}).text
    data = json.loads(unescape(re.search(r'id="view-data">(.*?)</script>', html, re.S)[1]))
    assert sum(r["count"] for r in data["events"]) == sql("SELECT count(*) FROM events")
    assert sum(r["count"] for r in data["articles"]) == sql("SELECT count(*) FROM articles WHERE date IS NOT NULL")
    assert all(b["start"].endswith("-01") for b in data["buckets"])
    assert client.get("/dashboard/timeline", params={"every": "fortnight"}).status_code == 400


def test_every_outlet_number_links_to_its_rows(client):
    """Each count on the outlet profiles equals the total of the list it links to."""
    html = client.get("/dashboard/outlets").text
    links = re.findall(r'<a (?:class="[^"]*" )?href="(/dashboard/lists/[^"]+)">(\d+)</a>', html)
    assert len(links) > 40
    for href, number in links:
        assert total_of(client, unescape(href)) == int(number), unescape(href)


def test_lists_page_sort_and_download_exactly_the_filtered_rows(client):
    url = "/dashboard/lists/quotes"
    total = total_of(client, url)
    assert total > 100
    body = client.get(f"{url}/download", params={"format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == total
    pages = []
    for number in range(1, total // 40 + 2):
        html = client.get(url, params={"page": number, "per_page": 40, "sort": "speaker"}).text
        pages += re.findall(r'/article/([^?"]+)\?(?:[^"]*&amp;)?mark=(\d+)-\d+', html)
    assert len(pages) == len(set(pages)) == total
    assert set(pages) == {(r["article_id"], r["start"]) for r in rows}
    as_json = client.get(f"{url}/download", params={"format": "json", "outlet": MERIDIAN, "sort": "speaker"}).json()
    assert len(as_json) == total_of(client, f"{url}?outlet={MERIDIAN.replace(' ', '+')}")
    speakers = [r["speaker"] or "" for r in as_json]
    assert speakers == sorted(speakers)


@pytest.mark.parametrize("name", ["articles", "events", "places", "speakers", "flags", "voices", "naming"])
def test_each_list_downloads_what_it_shows(client, name):
    total = total_of(client, f"/dashboard/lists/{name}")
    assert len(client.get(f"/dashboard/lists/{name}/download", params={"format": "json"}).json()) == total


def test_network_downloads_for_gephi(client, sql):
    pairs = sql("SELECT count(*) FROM events e, json_each(e.sources) s, json_each(e.targets) t "
                "WHERE s.value <> '' AND t.value <> '' AND s.value <> t.value")
    gexf = ET.fromstring(client.get("/dashboard/network.gexf").content)
    ns = {"g": "http://gexf.net/1.3"}
    assert sum(int(e.get("weight")) for e in gexf.iterfind(".//g:edge", ns)) == pairs
    graphml = ET.fromstring(client.get("/dashboard/network.graphml").content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    weights = [float(d.text) for d in graphml.iterfind(".//g:edge/g:data[@key='weight']", ns)]
    assert sum(weights) == pairs
    labels = [d.text for d in graphml.iterfind(".//g:node/g:data[@key='label']", ns)]
    assert "Kestrel Liberation Front" in labels


def test_article_view_draws_every_span_and_overlaps(client, sql):
    article_id = sql("SELECT article_id FROM flags f WHERE EXISTS (SELECT 1 FROM quotes q WHERE "
                     "q.article_id = f.article_id AND q.start <= f.start AND q.end >= f.end) LIMIT 1")
    html = client.get(f"/dashboard/article/{article_id}").text
    text = sql("SELECT text FROM articles WHERE id = ?", article_id)
    shown = re.search(r'id="article-text">(.*?)</div>', html, re.S)[1]
    assert unescape(re.sub(r"<[^>]+>", "", shown)) == text
    nested = re.findall(r'<span class="hl hl-quote d\d+">(?:<span class="hl hl-\w+ d\d+">)*'
                        r'<span class="hl hl-flag d\d+"><span class="seg"', shown)
    assert nested, "a flag inside a quotation is drawn inside it, not dropped"
    items = len(re.findall(r'<li id="span-', html))
    expected = sum(sql(f"SELECT count(*) FROM {t} WHERE article_id = ?", article_id)
                   for t in ("quotes", "events", "places", "times", "figures", "flags"))
    expected += sql("SELECT count(*) FROM quotes WHERE article_id = ? AND speaker_start IS NOT NULL", article_id)
    assert items == expected


def test_hostile_article_is_text(client):
    html = client.get("/dashboard/lists/articles", params={"q": "Lorvane"}).text
    article_href = unescape(re.search(r'href="(/dashboard/article/[^"]+)"', html)[1])
    pages = [client.get(article_href).text, client.get("/dashboard/outlets").text, html,
             client.get("/dashboard/lists/quotes", params={"q": "Lorvane"}).text, client.get("/dashboard").text]
    for page in pages:
        for raw in ("<script>alert", "<img src=x", "<i onmouseover", "<div onclick", "<a href=\"javascript"):
            assert raw not in page
        assert not re.search(r'href="\s*javascript:', page, re.I)
        assert "\u202e" not in re.sub(r'id="article-text">.*?</div>', "", page, flags=re.S)
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in pages[0]
    assert "Edda [U+202E]Lorvane" in pages[3]
    assert 'class="source-url unlinked"' in pages[0]
    csp = client.get(article_href).headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


@pytest.mark.parametrize("url, status", [
    ("/dashboard?since=yesterday", 400),
    ("/dashboard/lists/articles?type=BRUNCH", 400),
    ("/dashboard/lists/nothing", 404),
    ("/dashboard/lists/quotes?sort=password", 400),
    ("/dashboard/lists/quotes?page=0", 400),
    ("/dashboard/article/zzzz", 404),
    ("/dashboard/article/" + "0" * 4 + "?mark=a-b", 400),
    ("/dashboard/network.svg", 400),
])
def test_bad_input_is_a_problem_not_a_crash(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")


def test_pages_load_nothing_from_elsewhere(client):
    for path in ("", "/timeline", "/map", "/network", "/outlets", "/lists/articles"):
        html = client.get(f"/dashboard{path}").text
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            parts = urlsplit(unescape(url))
            assert not parts.scheme and not parts.netloc, url
        assert "<script>" not in html.replace('<script type="application/json" id="view-data">', "")
        assert " style=" not in html and " onclick=" not in html


def test_article_view_links_the_other_articles_of_its_story(dashboard_store, tmp_path):
    copy = tmp_path / "stories.sqlite"
    with sqlite3.connect(dashboard_store) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with sqlite3.connect(copy) as conn:
        first, second = [r[0] for r in conn.execute("SELECT id FROM articles WHERE outlet = ? ORDER BY date LIMIT 2",
                                                    (MERIDIAN,))]
        conn.execute("DELETE FROM story_articles")
        conn.executemany("INSERT INTO story_articles (article_id, story_id, copy_of) VALUES (?, 's1', NULL)",
                         [(first,), (second,)])
    client = TestClient(create_app(copy))
    html = client.get(f"/dashboard/article/{first}").text
    assert re.findall(r'class="story">Same story: <a href="/dashboard/article/(\w+)', html) == [second]
    alone = sqlite3.connect(copy).execute("SELECT id FROM articles WHERE id NOT IN (?, ?) LIMIT 1",
                                          (first, second)).fetchone()[0]
    assert 'class="story"' not in client.get(f"/dashboard/article/{alone}").text


# -- the fast paths return what the straightforward ones do ------------------------------------------------

FILTER_CASES = [{}, {"outlet": MERIDIAN}, {"since": "2024-01-01"}, {"since": "2025-02-15"}, {"until": "2025-06-10"},
                {"since": "2024-12-12", "until": "2025-07-03"}, {"since": "2025-07-01", "until": "2025-07-31"},
                {"since": "2025-07-03", "until": "2025-07-03", "outlet": MERIDIAN}, {"actor": "Orsenna"},
                {"type": "ASSAULT"}, {"q": "ceasefire"}]


@pytest.fixture(scope="module")
def conn(dashboard_store):
    connection = sqlite3.connect(dashboard_store)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


@pytest.mark.parametrize("given", FILTER_CASES)
def test_aggregate_tables_give_the_counts_of_the_records(conn, given):
    filters = Filters(**given)
    assert outlet_profiles(conn, filters) == outlet_profiles(conn, filters, stored=False)
    assert naming_choices(conn, filters) == naming_choices(conn, filters, stored=False)
    assert overview(conn, filters) == overview(conn, filters, stored=False)
    for name in ("naming", "quotes"):
        query = Query.build(name, filters, {})
        body, args = query._from_where()
        assert query.total(conn) == conn.execute(f"SELECT count(*) FROM (SELECT 1 {body})", args).fetchone()[0]


def test_outlet_profiles_count_something(conn):
    profiles = {p["outlet"]: p for p in outlet_profiles(conn, Filters())}
    assert profiles[MERIDIAN]["outlet_sentences"] > 0 and profiles[MERIDIAN]["words"] > 100
    assert naming_choices(conn, Filters()) and naming_choices(conn, Filters(outlet=MERIDIAN)) == []
    ranges = Filters(since="2024-12-12", until="2025-07-03")
    sql, args = NAMING_TOTALS.counts(conn, ranges)
    stored, edges = sql.split(" UNION ALL ")
    assert conn.execute(stored, args[:2]).fetchall() and conn.execute(edges, args[2:]).fetchall()


LIST_CASES = [("naming", {}, {}), ("naming", {"actor": "Orsenna"}, {"voice": "quoted", "sort": "outlet"}),
              ("naming", {"outlet": MERIDIAN}, {"name": "Orsenna", "desc": "1"}), ("quotes", {}, {"sort": "speaker"}), ("quotes", {"outlet": MERIDIAN}, {"desc": "1"}),
              ("events", {"type": "ASSAULT"}, {}), ("articles", {}, {"sort": "outlet"}), ("speakers", {}, {}),
              ("flags", {}, {"sort": "outlet", "desc": "1"}), ("voices", {}, {})]


@pytest.mark.parametrize("name, given, params", LIST_CASES)
def test_deep_pages_read_backwards_equal_the_pages_in_order(conn, name, given, params):
    query = Query.build(name, Filters(**given), params)
    every = list(query.rows(conn))
    total = query.total(conn)
    per_page = 3
    assert total == len(every) >= 2 * per_page
    for number in range(1, -(-total // per_page) + 2):
        expected = every[(number - 1) * per_page:number * per_page]
        assert query.page(conn, number, per_page, total) == expected, number
        assert query.page(conn, number, per_page) == expected, number


@pytest.mark.parametrize("name, given, params", LIST_CASES)
def test_reading_articles_first_keeps_the_order(conn, name, given, params):
    query = Query.build(name, Filters(**given), params)
    plain = replace(query, spec=replace(query.spec, articles_first=False))
    assert list(query.rows(conn)) == list(plain.rows(conn))


def _aggregates(conn: sqlite3.Connection) -> tuple[list, list]:
    """The aggregate tables' rows, and the same rows computed from the records now."""
    stored = [sorted(map(tuple, conn.execute(f"SELECT * FROM {table}"))) for table in AGGREGATE_TABLES]
    computed = []
    for table, (_, fill) in AGGREGATE_TABLES.items():
        select = fill[fill.index("SELECT"):]
        computed.append(sorted(map(tuple, conn.execute(select))))
    return stored, computed


def test_aggregate_tables_follow_deletes_adds_and_re_ingest(dashboard_store, tmp_path):
    copy = tmp_path / "aggregates.sqlite"
    with sqlite3.connect(dashboard_store) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with Store(copy) as store:
        stored, computed = _aggregates(store.conn)
        assert stored == computed and all(stored)
        article_id = store.conn.execute("SELECT article_id FROM naming WHERE outlet = ? LIMIT 1", (MERIDIAN,)).fetchone()[0]
        analysis = store.analysis(article_id)
        before = stored
        with store.conn:
            store.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        stored, computed = _aggregates(store.conn)
        assert stored == computed and stored != before
        assert store.add(analysis) and not store.add(analysis)
        assert _aggregates(store.conn) == (before, before)
        with store.conn:
            for table in AGGREGATE_TABLES:
                store.conn.execute(f"DROP TABLE {table}")
    with Store(copy) as store:  # a writer fills the tables a store lacks
        assert _aggregates(store.conn) == (before, before)
