"""Commands that analyze articles and work with a store: analyze, ingest, search, show, export."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from datetime import date as calendar_date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from presslens.core.errors import InputError
from presslens.core.readers import count_articles, make_article, read_articles
from presslens.core.schema import Article, json_schema
from presslens.corpus import ingest
from presslens.pipeline import analyze_articles
from presslens.store.parquet import export_parquet
from presslens.store.sqlite import Store, datasette_metadata

from . import app, console, print_json
from .output import CsvOption, JsonOption, emit, field, note, output_format
from .progress import ingest_progress, ingest_summary
from .report import render
from .stories import print_story_of, show_story

DbOption = Annotated[Path, typer.Option("--db", help="SQLite store file.")]
ActorsOption = Annotated[list[Path], typer.Option("--actors", help="Extra actor file(s) (YAML).")]


def _iso_date(value: Optional[str]) -> Optional[str]:
    """A --date/--since/--until value checked as YYYY-MM-DD (a usage error otherwise)."""
    if value is None:
        return None
    try:
        return calendar_date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


DateOption = Annotated[Optional[str], typer.Option("--date", callback=_iso_date, metavar="YYYY-MM-DD",
                                                   help="Publication date for articles that do not give one.")]
OutletOption = Annotated[Optional[str], typer.Option("--outlet", help="Outlet for articles that do not name one.")]
UrlOption = Annotated[Optional[str], typer.Option("--url", help="URL of the article (one file).")]


def with_metadata(articles: Iterable[Article], date: str | None, outlet: str | None,
                  url: str | None) -> Iterator[Article]:
    """Articles with the given date, outlet and URL filled in where the input left them empty."""
    for article in articles:
        if article.status != "ok" or not (date or outlet or url):
            yield article
            continue
        yield make_article(article.text, source=article.source or "<text>", date=article.date or date,
                           outlet=article.outlet or outlet, title=article.title, url=article.url or url,
                           external_id=article.external_id)


@app.command()
def analyze(paths: Annotated[list[str], typer.Argument(help="Files, directories or globs.")],
            as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a report.")] = False,
            sentences: bool = typer.Option(True, "--sentences/--no-sentences", help="List sentences too."),
            date: DateOption = None, outlet: OutletOption = None, url: UrlOption = None,
            actors: ActorsOption = []) -> None:
    """Analyze articles and print a report (or JSON) without storing anything."""
    articles = with_metadata(read_articles(paths), date, outlet, url)
    analyses = analyze_articles(articles, actor_files=tuple(map(str, actors)))
    if as_json:
        print_json([a.to_dict() for a in analyses])
        return
    for analysis in analyses:
        render(analysis, console, show_sentences=sentences)


@app.command("ingest")
def ingest_command(paths: Annotated[list[str], typer.Argument(help="Files, directories or globs.")],
                   db: DbOption = Path("presslens.sqlite"),
                   processes: int = typer.Option(1, "--processes", "-j", help="spaCy worker processes."),
                   batch_size: int = typer.Option(16, help="Articles per batch (spaCy parses 4 at a time)."),
                   dask: str = typer.Option("", "--dask", help="Run on Dask: a cluster address tcp://host:8786, "
                                                              "or 'local' for --workers local processes."),
                   workers: int = typer.Option(2, "--workers", help="Worker processes with --dask local."),
                   parts: str = typer.Option("", "--parts", help="With --dask: where workers write Parquet parts "
                                                                 "(folder or fsspec URL; default <db>.parts)."),
                   actors: ActorsOption = []) -> None:
    """Analyze articles into a store. Stored articles are skipped, so a re-run resumes."""
    started = time.perf_counter()
    with Store(db) as store, ingest_progress(count_articles(paths)) as on_article:
        result = ingest(store, paths, n_process=processes, batch_size=batch_size,
                        actor_files=tuple(map(str, actors)), scheduler=dask or None, workers=workers,
                        parts=parts or None, on_article=on_article)
    ingest_summary(result, time.perf_counter() - started, db)


@app.command()
def errors(db: DbOption = Path("presslens.sqlite"), as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """List articles that could not be analyzed, with the reason."""
    with Store(db, create=False) as store:
        rows = [{"id": a.id, "source": a.source, "error": a.error} for a in store.articles(status="error")]
    emit(rows, output_format(as_json, as_csv), f"{len(rows)} articles with errors",
         [("id", field("id")), ("source", field("source")), ("reason", field("error"))], wide=("reason",))


_MARKED = re.compile(r"\[([^\[\]]*)\]")


def marked_snippet(snippet: str | None) -> Text:
    """A search snippet with its matched words (between [ and ]) kept and shown in bold on a terminal."""
    text = Text()
    position = 0
    for match in _MARKED.finditer(snippet or ""):
        text.append(snippet[position:match.start()])
        text.append(match.group(0), style="bold")
        position = match.end()
    text.append((snippet or "")[position:])
    return text


@app.command()
def search(words: Annotated[str, typer.Argument(help="Plain words (quotes, apostrophes, hyphens are text).")] = "",
           db: DbOption = Path("presslens.sqlite"),
           fts: Annotated[bool, typer.Option("--fts", help="Read WORDS as raw FTS5 syntax (OR, NEAR, \"phrases\", pre*).")]
           = False,
           outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet.")] = None,
           since: Annotated[Optional[str], typer.Option("--since", callback=_iso_date, metavar="YYYY-MM-DD",
                                                        help="First article date.")] = None,
           until: Annotated[Optional[str], typer.Option("--until", callback=_iso_date, metavar="YYYY-MM-DD",
                                                        help="Last article date.")] = None,
           limit: Annotated[int, typer.Option("--limit", help="Hits to show (1-1000).")] = 20,
           as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """Full-text search over article titles and texts, best matches first, with snippets."""
    with Store(db, create=False) as store:
        hits = store.search(words, limit, fts=fts, outlet=outlet, since=since, until=until)
    shown = f" (showing {len(hits)})" if len(hits) < hits.total else ""
    emit(hits, output_format(as_json, as_csv), f"{hits.total} articles match {words!r}{shown}",
         [("id", lambda h: h["id"][:12]), ("date", field("date")), ("outlet", field("outlet")),
          ("title", field("title")), ("snippet", lambda h: marked_snippet(h["snippet"]))],
         wide=("title", "snippet"))


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")] = "",
         db: DbOption = Path("presslens.sqlite"), first: bool = typer.Option(False, help="Show the first ok article."),
         as_json: JsonOption = False, sentences: bool = typer.Option(False, help="List sentences too."),
         story: str = typer.Option("", "--story", help="Show this story instead (an id prefix is enough).")) -> None:
    """Show the stored analysis of one article (and its story), or one story with --story."""
    with Store(db, create=False) as store:
        if story:
            return show_story(store, story, as_json)
        if first:
            article = next(store.articles(status="ok"), None)
            if article is None:
                raise InputError(f"{db} holds no analyzed article")
            article_id = article.id
        elif not article_id:
            raise InputError("give an article id or --first")
        analysis = store.analysis(article_id)
    if as_json:
        print_json(analysis.to_dict())
    else:
        render(analysis, console, show_sentences=sentences)
        with Store(db, create=False) as store:
            print_story_of(store, analysis.article.id)


@app.command()
def export(db: DbOption = Path("presslens.sqlite"),
           parquet: Annotated[Path, typer.Option("--parquet", help="Directory for one .parquet file per table.")]
           = Path("presslens-parquet")) -> None:
    """Export every table of a store as Parquet."""
    with Store(db, create=False) as store:
        written = export_parquet(store, parquet)
    for name, rows in written.items():
        note(f"{rows:>7} rows  {parquet / (name + '.parquet')}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis JSON output."""
    print_json(json_schema())


@app.command("datasette-metadata")
def datasette_metadata_command(db: DbOption = Path("presslens.sqlite")) -> None:
    """Print Datasette metadata for a store: datasette news.sqlite -m metadata.json."""
    print_json(datasette_metadata(db.stem))
