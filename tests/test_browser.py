"""The dashboard in a real browser (Debian's chromium through Playwright; never `playwright install`).

Every page here runs with a route handler that fails the test on any request leaving
127.0.0.1, a dialog handler that fails it on any alert/confirm/prompt, and a record of
page errors and console errors (a Content-Security-Policy violation is one).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip(f"browser tests skipped: no chromium at {CHROMIUM} (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests skipped: playwright is not installed")


@pytest.fixture(scope="module")
def base_url(dashboard_store):
    from presslens.serve.app import create_app
    from presslens.serve.local import serving

    with serving(create_app(dashboard_store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class Watch:
    """What a page did that it must not: requests elsewhere, dialogs, script errors."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    def check(self) -> None:
        assert not self.outside, f"requests left 127.0.0.1: {self.outside}"
        assert not self.dialogs, f"a script ran and opened dialogs: {self.dialogs}"
        assert not self.errors, f"page errors: {self.errors}"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = Watch()

    def route(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            watch.outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and watch.errors.append(message.text))
    page.watch = watch
    yield page
    context.close()
    watch.check()


@pytest.fixture(scope="module")
def sql(dashboard_store):
    conn = sqlite3.connect(dashboard_store)
    yield lambda query, *args: conn.execute(query, args).fetchone()[0]
    conn.close()


def list_total(page) -> int:
    page.wait_for_selector("#total")
    return int(page.inner_text("#total").split()[0].replace(",", ""))


def query_of(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def test_overview_shows_the_counts(page, base_url, sql):
    page.goto(f"{base_url}/dashboard")
    counts = {box.get_attribute("data-count"): box.inner_text().split("\n")[0]
              for box in page.query_selector_all(".count")}
    assert counts["articles"] == str(sql("SELECT count(*) FROM articles WHERE status = 'ok'"))
    assert counts["events"] == str(sql("SELECT count(*) FROM events"))
    assert counts["quotes"] == str(sql("SELECT count(*) FROM quotes WHERE continues = 0"))
    assert counts["places"] == str(sql("SELECT count(*) FROM places"))
    assert counts["outlets"] == str(sql("SELECT count(DISTINCT outlet) FROM articles"))


def test_clicking_a_timeline_bar_filters_the_article_list(page, base_url, sql):
    page.goto(f"{base_url}/dashboard/timeline?every=month")
    bars = page.locator("#events-chart rect.bar")
    assert bars.count() == sql("SELECT count(*) FROM (SELECT DISTINCT substr(a.date, 1, 7), e.type FROM events e "
                               "JOIN articles a ON a.id = e.article_id)")
    bar = bars.first
    bucket, type_ = bar.get_attribute("data-bucket"), bar.get_attribute("data-key")
    bar.click()
    page.wait_for_url(re.compile(r"/dashboard/lists/articles\?"))
    query = query_of(page)
    assert query["type"] == type_ and query["since"] == bucket and query["until"].startswith(bucket[:7])
    assert list_total(page) == sql("SELECT count(DISTINCT a.id) FROM articles a JOIN events e ON e.article_id = a.id "
                                   "WHERE e.type = ? AND substr(a.date, 1, 7) = ?", type_, bucket[:7])


def test_brushing_the_timeline_filters_every_view(page, base_url, sql):
    page.goto(f"{base_url}/dashboard/timeline?every=month")
    strip = page.locator("#events-chart .brush .overlay").bounding_box()
    y = strip["y"] + strip["height"] / 2
    page.mouse.move(strip["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(strip["x"] + strip["width"] * 0.45, y, steps=8)
    page.mouse.up()
    page.wait_for_url(re.compile(r"/dashboard/timeline\?.*since="))
    query = query_of(page)
    expected = sql("SELECT count(*) FROM articles WHERE status = 'ok' AND date BETWEEN ? AND ?",
                   query["since"], query["until"])
    assert 0 < expected < sql("SELECT count(*) FROM articles WHERE status = 'ok'")
    assert page.inner_text("#matching b") == str(expected)
    page.click("nav.views >> text=Map")
    assert query_of(page)["since"] == query["since"]


def test_clicking_a_map_point_filters_the_article_list(page, base_url, sql):
    page.goto(f"{base_url}/dashboard/map")
    page.wait_for_selector("#map[data-ready=true]")
    assert page.locator("#map path.country").count() > 150
    points = page.locator("#map circle.point")
    assert points.count() == sql("SELECT count(DISTINCT name) FROM places WHERE lat IS NOT NULL AND name IS NOT NULL")
    place = points.first.get_attribute("data-place")
    points.first.click()
    page.wait_for_url(re.compile(r"/dashboard/lists/articles\?"))
    assert query_of(page)["place"] == place
    assert list_total(page) == sql("SELECT count(DISTINCT article_id) FROM places WHERE name = ?", place)


def test_clicking_a_network_node_filters_the_article_list(page, base_url, sql):
    page.goto(f"{base_url}/dashboard/network")
    page.wait_for_selector("#network[data-ready=true]")
    label, x, y = page.evaluate("""() => {
        const node = window.presslensNetwork.nodes().max(n => n.data('weight')).ele;
        const p = node.renderedPosition();
        return [node.data('label'), p.x, p.y];
    }""")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url(re.compile(r"/dashboard/lists/articles\?"))
    assert query_of(page)["actor"] == label
    assert list_total(page) == sql("SELECT count(DISTINCT article_id) FROM actors WHERE name = ?", label) > 0


def test_clicking_an_outlet_number_filters_the_article_list(page, base_url, sql):
    page.goto(f"{base_url}/dashboard/outlets")
    profile = page.locator("section.profile", has_text="Meridian Wire")
    number = profile.locator("a.outlet-articles")
    shown = int(number.inner_text())
    number.click()
    page.wait_for_url(re.compile(r"/dashboard/lists/articles\?"))
    assert query_of(page)["outlet"] == "Meridian Wire"
    assert list_total(page) == shown == sql("SELECT count(*) FROM articles WHERE outlet = 'Meridian Wire'")


def test_article_view_highlights_and_explains_spans(page, base_url, sql):
    article_id = sql("SELECT article_id FROM flags f WHERE EXISTS (SELECT 1 FROM quotes q WHERE "
                     "q.article_id = f.article_id AND q.start <= f.start AND q.end >= f.end) ORDER BY article_id LIMIT 1")
    page.goto(f"{base_url}/dashboard/article/{article_id}")
    text = sql("SELECT text FROM articles WHERE id = ?", article_id)
    assert page.inner_text("#article-text").split() == text.split()
    inner = page.locator("#article-text .hl-quote .hl-flag .seg").first
    inner.click()
    active = page.locator(".span-item.active")
    kinds = {item.get_attribute("class").split("k-")[1].split()[0] for item in active.all()}
    assert {"quote", "flag"} <= kinds


def test_hostile_article_shows_as_text_and_runs_nothing(page, base_url, sql):
    article_id = sql("SELECT id FROM articles WHERE external_id = 'hostile-1'")
    for path in (f"/dashboard/article/{article_id}", "/dashboard/lists/quotes?q=Lorvane", "/dashboard/outlets",
                 "/dashboard/lists/articles", "/dashboard", "/dashboard/network?q=Lorvane"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        for element in page.query_selector_all("a"):
            assert not (element.get_attribute("href") or "").lower().startswith("javascript")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{path} overflows"
        assert page.locator("script:not([src]):not([type='application/json'])").count() == 0
    page.goto(f"{base_url}/dashboard/article/{article_id}")
    assert page.inner_text("#article-title").startswith("<script>alert('title')</script><img src=x")
    assert "<script>alert('body')</script>" in page.inner_text("#article-text")
    assert page.locator("#article-text a, #article-text div, #article-text img").count() == 0
    assert page.inner_text(".source-url") == "javascript:alert('url')"
    page.goto(f"{base_url}/dashboard/lists/quotes?q=Lorvane")
    row = page.locator("#rows tbody tr").first
    assert row.locator("td.c-speaker").inner_text() == "Edda [U+202E]Lorvane"
    cells = [c.bounding_box() for c in row.locator("td").all()]
    assert all(a["x"] + a["width"] <= b["x"] + 1 for a, b in zip(cells, cells[1:])), "cells keep their order"
