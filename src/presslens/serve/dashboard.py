"""The corpus dashboard: overview, timeline, map, actor network, outlet profiles, article view, lists.

Pages are rendered on the server (Jinja2, autoescaped); the charts are drawn by
``static/dashboard.js`` with the vendored d3, topojson-client and Cytoscape.js from JSON that
the page carries in a non-executable ``application/json`` block. No inline script or style, and
nothing is loaded from another host. Filters live in the URL and every view obeys them.

    mount_dashboard(app, store)      # store: a read-only presslens Store
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from importlib import resources
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles

from presslens.core.errors import InputError
from presslens.store import Store
from presslens.store.dashboard import (BUCKETS, Filters, article_where, choose_every, distinct_values, naming_choices,
                                       outlet_profiles, overview, place_points, timeline)
from presslens.store.listing import LISTS, Query
from presslens.store.network import actor_network, to_gexf, to_graphml
from presslens.store.stories import members, memberships

from .article_view import KINDS, segments, spans_of

PREFIX = "/dashboard"
STATIC_PATH = f"{PREFIX}/static"
NETWORK_SHOWN = 150
"""The network view draws this many of the heaviest edges; the downloads hold them all."""
PER_PAGE = 50
STREAM_ROWS = 500
"""Downloads are sent in chunks of this many rows (each chunk is one hop to a worker thread)."""
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
VIEWS = (("overview", "Overview", PREFIX), ("timeline", "Timeline", f"{PREFIX}/timeline"),
         ("map", "Map", f"{PREFIX}/map"), ("network", "Network", f"{PREFIX}/network"),
         ("outlets", "Outlets", f"{PREFIX}/outlets"))
LIST_NAV = ("articles", "quotes", "events", "places", "speakers")

def reveal_controls(value: object) -> str:
    """Text with bidirectional control characters shown as ``[U+202E]`` (names and titles cannot reorder a page)."""
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", "" if value is None else str(value))


def safe_url(value: str | None) -> str | None:
    """The URL if it is http(s), else None (a ``javascript:`` URL is shown as text, never linked)."""
    return value if value and re.match(r"https?://", value, re.IGNORECASE) else None


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("presslens.serve", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["reveal"] = reveal_controls
    env.filters["safe_url"] = safe_url
    env.filters["percent"] = lambda v: "–" if v is None else f"{100 * v:.0f}%"
    env.filters["rate"] = lambda v: "–" if v is None else f"{v:.1f}"
    env.filters["number"] = lambda v: f"{v:,}"
    return env


def dashboard_static() -> StaticFiles:
    """The vendored front-end, the dashboard's script and style sheet, and the world geometry."""
    return StaticFiles(directory=str(resources.files("presslens.serve") / "static"))


class Page:
    """What every dashboard page shares: the filters, links that keep them, the filter menus."""

    def __init__(self, request: Request, store: Store, view: str):
        self.filters = Filters.from_params(request.query_params)
        self.params = request.query_params
        self.path = request.url.path
        self.view = view
        self.store = store
        where, args = article_where(self.filters)
        self.matching = store.conn.execute(f"SELECT count(*) FROM articles a WHERE {' AND '.join(where)}",
                                           args).fetchone()[0]

    def href(self, path: str, **changes: Any) -> str:
        """``path`` with the current filters updated by ``changes`` (None drops one)."""
        values: dict[str, Any] = dict(self.filters.items())
        values.update(changes)
        query = urlencode({k: v for k, v in values.items() if v is not None and v != ""})
        return f"{path}?{query}" if query else path

    def here(self, **changes: Any) -> str:
        """This page with its own parameters (paging, sorting, filters) updated."""
        return self.elsewhere(self.path, **changes)

    def elsewhere(self, path: str, **changes: Any) -> str:
        """``path`` with all of this page's parameters, updated by ``changes`` (None drops one)."""
        values = dict(self.params)
        values.update(changes)
        query = urlencode({k: v for k, v in values.items() if v is not None and v != ""})
        return f"{path}?{query}" if query else path

    def sort_href(self, query: Query, column: str) -> str:
        """Sort by ``column``; a second click reverses the order."""
        descending = not query.is_descending if query.sort == column else None
        return self.here(sort=column, desc=None if descending is None else int(descending), page=None)

    def context(self, **extra: Any) -> dict[str, Any]:
        return {"page": self, "filters": self.filters, "views": VIEWS, "lists": LIST_NAV, "prefix": PREFIX,
                "static": STATIC_PATH, "outlets": distinct_values(self.store.conn, "outlet"),
                "types": distinct_values(self.store.conn, "type"), **extra}

    def script_data(self, **data: Any) -> dict[str, Any]:
        """The JSON a chart script reads: its data, the filters and where links point."""
        return {"filters": self.filters.items(), "prefix": PREFIX, "static": STATIC_PATH, **data}


def mount_dashboard(app: FastAPI, store: Store) -> None:
    """Serve the dashboard of ``store`` (read-only is enough) under ``/dashboard``."""
    app.include_router(dashboard_router(store))
    app.mount(STATIC_PATH, dashboard_static(), name="dashboard-static")


def dashboard_router(store: Store) -> APIRouter:
    """The dashboard's routes over ``store``."""
    router = APIRouter(prefix=PREFIX, include_in_schema=False)
    env = _environment()

    def render(template: str, page: Page, **extra: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(page.context(**extra)))

    @router.get("", response_class=HTMLResponse)
    def overview_page(request: Request) -> HTMLResponse:
        page = Page(request, store, "overview")
        return render("overview.html", page, counts=overview(store.conn, page.filters))

    @router.get("/timeline", response_class=HTMLResponse)
    def timeline_page(request: Request, every: str | None = None, share: bool = False) -> HTMLResponse:
        page = Page(request, store, "timeline")
        if every is None:
            span = store.conn.execute("SELECT min(substr(date, 1, 10)), max(substr(date, 1, 10)) FROM articles "
                                      "WHERE status = 'ok'").fetchone()
            every = choose_every(page.filters.since or span[0], page.filters.until or span[1])
        data = timeline(store.conn, page.filters, every)
        return render("timeline.html", page, every=every, share=share, buckets=BUCKETS,
                      data=page.script_data(share=share, **data))

    @router.get("/map", response_class=HTMLResponse)
    def map_page(request: Request) -> HTMLResponse:
        page = Page(request, store, "map")
        points = place_points(store.conn, page.filters)
        return render("map.html", page, points=points, data=page.script_data(points=points))

    @router.get("/network", response_class=HTMLResponse)
    def network_page(request: Request) -> HTMLResponse:
        page = Page(request, store, "network")
        network = actor_network(store.conn, page.filters)
        shown = network["edges"][:NETWORK_SHOWN]
        return render("network.html", page, network=network, shown=len(shown),
                      data=page.script_data(edges=shown))

    @router.get("/network.{fmt}")
    def network_download(request: Request, fmt: str) -> Response:
        writers = {"gexf": (to_gexf, "application/gexf+xml"), "graphml": (to_graphml, "application/graphml+xml")}
        if fmt not in writers:
            raise InputError(f"the network downloads as gexf or graphml, not {fmt!r}")
        write, media = writers[fmt]
        network = actor_network(store.conn, Filters.from_params(request.query_params))
        return Response(write(network), media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="presslens-actors.{fmt}"'})

    @router.get("/outlets", response_class=HTMLResponse)
    def outlets_page(request: Request) -> HTMLResponse:
        page = Page(request, store, "outlets")
        profiles = outlet_profiles(store.conn, page.filters)
        return render("outlets.html", page, profiles=profiles, naming=naming_choices(store.conn, page.filters))

    @router.get("/article/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str, mark: str | None = None) -> HTMLResponse:
        marked = None
        if mark:
            found = re.fullmatch(r"(\d+)-(\d+)", mark)
            if not found:
                raise InputError(f"mark takes START-END character offsets, not {mark!r}")
            marked = (int(found[1]), int(found[2]))
        page = Page(request, store, "article")
        analysis = store.analysis(article_id)
        spans = spans_of(analysis, marked)
        return render("article.html", page, article=analysis.article, spans=spans, kinds=KINDS,
                      segments=segments(analysis.article.text, spans), story=story_of(store, analysis.article.id),
                      data=page.script_data())

    @router.get("/lists/{name}", response_class=HTMLResponse)
    def list_page(request: Request, name: str, page: int = 1, per_page: int = PER_PAGE) -> HTMLResponse:
        view = Page(request, store, name)
        query = Query.build(name, view.filters, request.query_params)
        total = query.total(store.conn)
        rows = query.page(store.conn, page, per_page, total)
        return render("list.html", view, name=name, query=query, rows=rows, total=total, number=page,
                      per_page=per_page, pages=max(1, -(-total // per_page)), narrow=dict(query.narrow))

    @router.get("/lists/{name}/download")
    def list_download(request: Request, name: str, format: str = "csv") -> StreamingResponse:
        if format not in ("csv", "json"):
            raise InputError(f"lists download as csv or json, not {format!r}")
        query = Query.build(name, Filters.from_params(request.query_params), request.query_params)
        stream = _csv_lines(store, query) if format == "csv" else _json_lines(store, query)
        media = "text/csv; charset=utf-8" if format == "csv" else "application/json"
        return StreamingResponse(stream, media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="presslens-{name}.{format}"'})

    return router


def story_of(store: Store, article_id: str) -> list[dict[str, Any]]:
    """The other articles of the article's story (empty in a store without stories)."""
    if not store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_articles'").fetchone():
        return []
    membership = memberships(store.conn, [article_id]).get(article_id)
    if membership is None:
        return []
    return [dict(row) for row in members(store.conn, membership.story_id) if row["article_id"] != article_id]


def _rows(store: Store, query: Query) -> Iterator[dict[str, Any]]:
    """Every row of the query from a read-only connection of its own.

    A streamed response is pulled from worker threads one chunk at a time, never two at once,
    so the connection may move between threads.
    """
    uri = f"{store.path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        yield from query.rows(conn)
    finally:
        conn.close()


def _csv_lines(store: Store, query: Query) -> Iterator[str]:
    """The whole filtered list as CSV, in chunks of ``STREAM_ROWS`` lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(query.columns)
    for i, row in enumerate(_rows(store, query), 1):
        writer.writerow([row[c] for c in query.columns])
        if i % STREAM_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _json_lines(store: Store, query: Query) -> Iterator[str]:
    """The whole filtered list as one JSON array, in chunks of ``STREAM_ROWS`` rows."""
    chunk = ["["]
    for i, row in enumerate(_rows(store, query)):
        chunk.append(("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False))
        if len(chunk) >= STREAM_ROWS:
            yield "".join(chunk)
            chunk = []
    chunk.append("\n]\n")
    yield "".join(chunk)


__all__ = ["mount_dashboard", "dashboard_router", "dashboard_static", "STATIC_PATH", "PREFIX", "reveal_controls", "safe_url"]
