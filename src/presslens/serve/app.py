"""The HTTP API and web page: routes parse input and call the library, nothing more.

    presslens serve --db news.sqlite       # then open http://127.0.0.1:8000/

JSON routes live under ``/api``; the page at ``/`` renders the same JSON. The schema is at
``/openapi.json`` (no docs page: it would load scripts from elsewhere).

* The store is opened once, read-only (``mode=ro``); the server never writes to it.
* Every query parameter a route does not declare is a 400 listing the ones it does; record
  filters come from the schema (``presslens.store.sqlite.record_filter``), values are bound.
* Every 4xx/5xx is ``application/problem+json`` (RFC 9457: type, title, status, detail, plus
  ``code`` and ``request_id``); an unexpected exception is logged with its request id and the
  client sees no trace.
* Listings page with ``limit`` (1..1000) and ``cursor`` (the ``next`` of the previous page).
* Responses carry a Content-Security-Policy without inline scripts (so a page's scripts are
  files), ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy``; request bodies are capped.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
import orjson
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from presslens.core.errors import InputError, NotFoundError, PresslensError, StoreError, UnknownNameError
from presslens.core.schema import field_types
from presslens.corpus import RECORD_KINDS
from presslens.pipeline import analyze
from presslens.store.sqlite import MAX_PAGE, Page, Store, record_filter_names
from presslens.store.stories import story_of

from .dashboard import mount_dashboard

log = logging.getLogger("presslens.serve")

PROBLEM_JSON = "application/problem+json"
DEFAULT_MAX_BODY_BYTES = 2_000_000
"""Request bodies above this many bytes are refused with 413 (``create_app(max_body_bytes=...)``)."""

SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

_STATUS = {NotFoundError: 404, InputError: 400, UnknownNameError: 400, StoreError: 503}
_PAGING = ("limit", "cursor")
_OPENAPI_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean", tuple: "string"}

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page, 1..{MAX_PAGE}.")]
Cursor = Annotated[str | None, Query(description="The `next` token of the previous page.")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A date, YYYY-MM-DD (inclusive).")]


class Problem(BaseModel):
    """An error (RFC 9457 problem details)."""

    type: str
    title: str
    status: int
    detail: str
    code: str | None = None
    request_id: str | None = None
    allowed: list[str] | None = None
    errors: list[dict[str, Any]] | None = None


class ListPage(BaseModel):
    """One page of a listing: ``next`` is the cursor for the following page (null on the last)."""

    items: list[dict[str, Any]]
    total: int
    next: str | None


class AnalyzeRequest(BaseModel):
    text: str
    date: str | None = None
    outlet: str | None = None


def problem(request_id: str | None, status: int, detail: str, code: str | None = None,
            **extra: Any) -> JSONResponse:
    """The one error response: ``application/problem+json``."""
    body = {"type": f"urn:presslens:problem:{code}" if code else "about:blank",
            "title": HTTPStatus(status).phrase, "status": status, "detail": detail, "code": code,
            "request_id": request_id}
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def _request_id(request: Request) -> str | None:
    return request.scope.get("state", {}).get("request_id")


class FastJSONResponse(JSONResponse):
    """JSON encoded by orjson: several times quicker than ``json`` on a page of a few hundred records."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


def _page(page: Page) -> JSONResponse:
    """A page as JSON, sent as it is (the rows are plain JSON values; no second validation)."""
    return FastJSONResponse({"items": list(page), "total": page.total, "next": page.next})


def _problem_responses(*statuses: int) -> dict:
    return {s: {"model": Problem, "description": HTTPStatus(s).phrase} for s in statuses}


def reject_unknown_params(request: Request) -> None:
    """A dependency: a query parameter the matched route does not declare is a 400 listing those it does."""
    route = request.scope.get("route")
    declared = [p.alias for p in route.dependant.query_params]
    declared += [p["name"] for p in (route.openapi_extra or {}).get("parameters", [])]
    given = [name for name, _ in request.query_params.multi_items()]
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise UnknownNameError(f"unknown parameter {', '.join(map(repr, unknown))}; "
                               f"allowed: {', '.join(declared) or 'none'}", declared)
    repeated = sorted({name for name in given if given.count(name) > 1})
    if repeated:
        raise InputError(f"parameter {', '.join(map(repr, repeated))} given more than once")


class Guard:
    """ASGI middleware: request ids, security headers, body cap, and a problem for any uncaught exception."""

    def __init__(self, app: Callable, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_headers(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1").lower()
                           not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        received, too_large = 0, False

        async def capped_receive() -> dict:
            nonlocal received, too_large
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body_bytes:
                too_large = True  # the app sees the client go away; the client gets a 413
                return {"type": "http.disconnect"}
            return message

        async def app_send(message: dict) -> None:
            if not too_large:
                await send_with_headers(message)

        declared = dict(scope.get("headers", [])).get(b"content-length", b"0")
        too_large = declared.isdigit() and int(declared) > self.max_body_bytes
        try:
            if not too_large:
                await self.app(scope, capped_receive, app_send)
        except Exception:
            if not too_large:
                log.exception("unexpected error in request %s %s %s", request_id, scope.get("method"),
                              scope.get("path"))
                if started:
                    raise
                await problem(request_id, 500, "unexpected error; the server log has it under request id "
                              f"{request_id}", "internal")(scope, receive, send_with_headers)
        if too_large and not started:
            await problem(request_id, 413, f"request body over {self.max_body_bytes:,} bytes",
                          "too_large")(scope, receive, send_with_headers)


def create_app(db: str | Path, *, read_only: bool = False,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> FastAPI:
    """An app serving one store, opened once and read-only (an ingest may add to it meanwhile).

    ``read_only`` also turns off ``POST /api/analyze`` (403); bodies over ``max_body_bytes`` get 413.
    """
    store = Store(db, read_only=True)
    app = FastAPI(title="presslens", description="Grounded records extracted from news articles.",
                  docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url=None)
    app.state.store = store
    app.router.on_shutdown.append(store.close)
    app.add_middleware(Guard, max_body_bytes=max_body_bytes)
    _add_error_handlers(app)

    @app.get("/", include_in_schema=False)
    def landing() -> RedirectResponse:
        """The corpus overview is the landing page."""
        return RedirectResponse("/dashboard")

    @app.get("/browse", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return _web_file("index.html")

    @app.get("/app.js", include_in_schema=False)
    def page_script() -> Response:
        return Response(_web_file("app.js"), media_type="text/javascript")

    api = APIRouter(prefix="/api", dependencies=[Depends(reject_unknown_params)],
                    responses=_problem_responses(400, 404))

    @api.get("/articles", response_model=ListPage)
    def articles(status: str | None = None, outlet: str | None = None, since: Day = None, until: Day = None,
                 limit: Limit = 200, cursor: Cursor = None) -> JSONResponse:
        """Articles (all but their text) by date, filtered by status, outlet and date."""
        filters = {"status": status, "outlet": outlet, "since": since, "until": until}
        return _page(store.article_page({k: v for k, v in filters.items() if v is not None},
                                        limit=limit, cursor=cursor))

    @api.get("/articles/{article_id}", response_model=dict[str, Any])
    def article(article_id: str) -> JSONResponse:
        """The stored analysis of one article (a unique id prefix is enough)."""
        return FastJSONResponse(store.analysis(article_id).to_dict())

    @api.get("/articles/{article_id}/story")
    def article_story(article_id: str) -> dict[str, Any] | None:
        """The story of one article (id, size, independent reports) and its near-duplicates; null if none."""
        return story_of(store, store.article(article_id).id)

    @api.get("/search", response_model=ListPage)
    def search(q: Annotated[str, Query(description="Plain words (quotes and operators are text).")] = "",
               fts: Annotated[str | None, Query(description="Raw FTS5 syntax instead of q.")] = None,
               outlet: str | None = None, since: Day = None, until: Day = None,
               actor: Annotated[str | None, Query(description="An actor named in the article.")] = None,
               type: Annotated[str | None, Query(description="A PLOVER event type in the article.")] = None,
               limit: Limit = 20, cursor: Cursor = None) -> JSONResponse:
        """Full-text search, best matches first, with `[highlighted]` snippets."""
        if fts is not None and q:
            raise InputError("give q (plain words) or fts (FTS5 syntax), not both")
        return _page(store.search(q if fts is None else fts, limit, fts=fts is not None, outlet=outlet,
                                  since=since, until=until, actor=actor, type=type, cursor=cursor))

    for kind, record_type in RECORD_KINDS.items():
        api.add_api_route(f"/records/{kind}", _records_route(store, record_type), methods=["GET"],
                          response_model=ListPage, name=f"records_{kind}", summary=f"Records: {kind}",
                          openapi_extra={"parameters": _filter_parameters(record_type)})

    @api.get("/records/{kind}", include_in_schema=False)
    def unknown_records(kind: str) -> None:
        raise NotFoundError(f"unknown record kind {kind!r}; choose from {', '.join(RECORD_KINDS)}")

    @api.post("/analyze", responses=_problem_responses(403, 413))
    def analyze_text(body: AnalyzeRequest) -> dict[str, Any]:
        """Analyze a posted text (nothing is stored)."""
        if read_only:
            raise HTTPException(403, "analysis is off: the server runs with --read-only")
        return analyze(body.text, date=body.date, outlet=body.outlet).to_dict()

    app.include_router(api)
    mount_dashboard(app, store)
    app.openapi = lambda: _openapi(app)
    return app


SERVE_ENV = ("PRESSLENS_SERVE_DB", "PRESSLENS_SERVE_READ_ONLY", "PRESSLENS_SERVE_MAX_BODY_BYTES")
"""The settings ``presslens serve --workers N`` hands each worker process (``app_from_environment``)."""


def app_from_environment() -> FastAPI:
    """The app of one worker process, set up from the ``SERVE_ENV`` variables (uvicorn's factory)."""
    db, read_only, max_body_bytes = (os.environ.get(name) for name in SERVE_ENV)
    if not db:
        raise StoreError(f"{SERVE_ENV[0]} names no store")
    return create_app(db, read_only=read_only == "1",
                      max_body_bytes=int(max_body_bytes or DEFAULT_MAX_BODY_BYTES))


def _web_file(name: str) -> str:
    return resources.files("presslens.serve.web").joinpath(name).read_text(encoding="utf-8")


def _records_route(store: Store, record_type: type) -> Callable[..., JSONResponse]:
    def records(request: Request, limit: Limit = 500, cursor: Cursor = None) -> JSONResponse:
        filters = {k: v for k, v in request.query_params.items() if k not in _PAGING}
        return _page(store.record_page(record_type, filters, limit=limit, cursor=cursor))

    records.__doc__ = (f"{' '.join((record_type.__doc__ or '').split())} Filter by any field "
                       "(list fields match any item) and by article_id, outlet, since, until.")
    return records


def _filter_parameters(record_type: type) -> list[dict]:
    """OpenAPI query parameters for a record listing's filters (from the schema)."""
    types_ = field_types(record_type)
    parameters = []
    for name in record_filter_names(record_type):
        schema: dict[str, Any] = {"type": _OPENAPI_TYPES[types_.get(name, str)]}
        if name in ("since", "until"):
            schema["pattern"] = r"^\d{4}-\d{2}-\d{2}$"
        parameters.append({"name": name, "in": "query", "required": False, "schema": schema})
    return parameters


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(PresslensError)
    async def presslens_error(request: Request, exc: PresslensError) -> JSONResponse:
        return problem(_request_id(request), _STATUS.get(type(exc), 400), str(exc), exc.code,
                       allowed=getattr(exc, "allowed", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"where": ".".join(map(str, e.get("loc", ()))), "message": e.get("msg", "")} for e in exc.errors()]
        detail = "; ".join(f"{e['where']}: {e['message']}" for e in errors)
        return problem(_request_id(request), 400, detail or "invalid request", "bad_request", errors=errors)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 403: "forbidden"}.get(exc.status_code, "http")
        response = problem(_request_id(request), exc.status_code, str(exc.detail), code)
        response.headers.update(exc.headers or {})  # e.g. Allow on a 405
        return response


def _openapi(app: FastAPI) -> dict:
    """The OpenAPI schema with errors declared as problem+json (and no 422: validation answers 400)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    for path in schema["paths"].values():
        for operation in path.values():
            responses = operation.get("responses", {})
            responses.pop("422", None)
            for status, response in responses.items():
                if int(status) >= 400 and "application/json" in response.get("content", {}):
                    response["content"] = {PROBLEM_JSON: response["content"]["application/json"]}
    for name in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(name, None)
    app.openapi_schema = schema
    return schema


__all__ = ["create_app", "app_from_environment", "SERVE_ENV", "problem", "Problem", "DEFAULT_MAX_BODY_BYTES", "SECURITY_HEADERS"]
