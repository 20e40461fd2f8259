"""The HTTP API and web page: routes parse input and call the library, nothing more.

    presslens serve --db news.sqlite       # then open http://127.0.0.1:8000/

JSON routes live under ``/api``; the page at ``/`` renders the same JSON.
Errors have the one shape ``{"error": code, "message": text}``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel

from presslens.core.errors import InputError, NotFoundError, PresslensError
from presslens.corpus import Corpus
from presslens.pipeline import analyze

_STATUS = {NotFoundError: 404, InputError: 400}


class AnalyzeRequest(BaseModel):
    text: str
    date: str | None = None
    outlet: str | None = None


def create_app(db: str | Path) -> FastAPI:
    """An app serving one store (opened per request, so the file may grow meanwhile)."""
    app = FastAPI(title="presslens", description="Grounded records extracted from news articles.")

    def corpus() -> Corpus:
        return Corpus(db, create=False)

    @app.exception_handler(PresslensError)
    async def presslens_error(_request: Request, exc: PresslensError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=_STATUS.get(type(exc), 400))

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return resources.files("presslens.serve.web").joinpath("index.html").read_text(encoding="utf-8")

    @app.get("/api/articles")
    def articles(status: str | None = None, outlet: str | None = None, limit: int = 200) -> list[dict]:
        with corpus() as c:
            return [{k: v for k, v in vars(a).items() if k != "text"} for a in c.articles(status, outlet)[:limit]]

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict:
        with corpus() as c:
            return c.analysis(article_id).to_dict()

    @app.get("/api/search")
    def search(q: str, limit: int = 20) -> list[dict]:
        with corpus() as c:
            return c.search(q, limit)

    @app.get("/api/records/{kind}")
    def records(kind: str, request: Request, limit: int = 500) -> list[dict]:
        filters = {k: v for k, v in request.query_params.items() if k != "limit"}
        with corpus() as c:
            return c.frame(kind, **filters).head(limit).to_dict(orient="records")

    @app.post("/api/analyze")
    def analyze_text(body: AnalyzeRequest) -> dict:
        return analyze(body.text, date=body.date, outlet=body.outlet).to_dict()

    return app
