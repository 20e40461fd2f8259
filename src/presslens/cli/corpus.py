"""Commands that analyze articles and work with a store: analyze, ingest, search, show, export."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from presslens.core.errors import InputError
from presslens.core.readers import read_articles
from presslens.core.schema import json_schema
from presslens.corpus import IngestResult, ingest
from presslens.pipeline import analyze_articles
from presslens.store.parquet import export_parquet
from presslens.store.sqlite import Store, datasette_metadata

from . import app, console, print_json
from .report import render
from .stories import print_story_of, show_story

DbOption = Annotated[Path, typer.Option("--db", help="SQLite store file.")]
ActorsOption = Annotated[list[Path], typer.Option("--actors", help="Extra actor file(s) (YAML).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a report.")]


@app.command()
def analyze(paths: Annotated[list[str], typer.Argument(help="Files, directories or globs.")],
            as_json: JsonOption = False,
            sentences: bool = typer.Option(True, "--sentences/--no-sentences", help="List sentences too."),
            actors: ActorsOption = []) -> None:
    """Analyze articles and print a report (or JSON) without storing anything."""
    analyses = analyze_articles(read_articles(paths), actor_files=tuple(map(str, actors)))
    if as_json:
        print_json([a.to_dict() for a in analyses])
        return
    for analysis in analyses:
        render(analysis, console, show_sentences=sentences)


@app.command("ingest")
def ingest_command(paths: Annotated[list[str], typer.Argument(help="Files, directories or globs.")],
                   db: DbOption = Path("presslens.sqlite"),
                   processes: int = typer.Option(1, "--processes", "-j", help="spaCy worker processes."),
                   batch_size: int = typer.Option(16, help="Articles per spaCy batch."),
                   dask: str = typer.Option("", "--dask", help="Run on Dask: processes, threads, "
                                                              "or a cluster address tcp://host:8786."),
                   actors: ActorsOption = []) -> None:
    """Analyze articles into a store. Stored articles are skipped, so a re-run resumes."""
    started = time.perf_counter()
    with Store(db) as store, Progress(TextColumn("{task.description}"), BarColumn(),
                                      TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                                      TextColumn("{task.fields[rate]}"), console=console,
                                      transient=False) as progress:
        task = progress.add_task("ingesting", total=None, rate="")

        def on_article(_analysis, result: IngestResult) -> None:
            elapsed = time.perf_counter() - started
            progress.update(task, completed=result.total,
                            rate=f"{(result.ok + result.error) / elapsed:.1f} articles/s")

        result = ingest(store, paths, n_process=processes, batch_size=batch_size,
                        actor_files=tuple(map(str, actors)), scheduler=dask or None, on_article=on_article)
    elapsed = time.perf_counter() - started
    console.print(f"{result.ok} ok, {result.error} error, {result.skipped} already stored "
                  f"in {elapsed:.1f}s ({result.words / elapsed:,.0f} words/s) → {db}")
    if result.error:
        console.print(f"see the reasons with: presslens errors --db {db}")


@app.command()
def errors(db: DbOption = Path("presslens.sqlite"), as_json: JsonOption = False) -> None:
    """List articles that could not be analyzed, with the reason."""
    with Store(db, create=False) as store:
        rows = [{"id": a.id, "source": a.source, "error": a.error} for a in store.articles(status="error")]
    if as_json:
        print_json(rows)
        return
    table = Table("id", "source", "reason", title=f"{len(rows)} articles with errors", title_justify="left")
    for row in rows:
        table.add_row(row["id"], row["source"] or "—", row["error"] or "—")
    console.print(table)


@app.command()
def search(query: str, db: DbOption = Path("presslens.sqlite"), limit: int = 20,
           as_json: JsonOption = False) -> None:
    """Full-text search over article texts (FTS5 syntax), with snippets."""
    with Store(db, create=False) as store:
        hits = store.search(query, limit)
    if as_json:
        print_json(hits)
        return
    table = Table("id", "date", "outlet", "snippet", title=f"{len(hits)} hits for {query!r}", title_justify="left")
    for hit in hits:
        table.add_row(hit["id"], hit["date"] or "—", hit["outlet"] or "—", hit["snippet"])
    console.print(table)


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
    for table, rows in written.items():
        console.print(f"{rows:>7} rows  {parquet / (table + '.parquet')}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis JSON output."""
    print_json(json_schema())


@app.command("datasette-metadata")
def datasette_metadata_command(db: DbOption = Path("presslens.sqlite")) -> None:
    """Print Datasette metadata for a store: datasette news.sqlite -m metadata.json."""
    print_json(datasette_metadata(db.stem))
