"""``presslens stories``: stories with their size, outlets, date span and top actors; one story in full."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from presslens.core.schema import to_dict
from presslens.store.sqlite import Store
from presslens.store.stories import list_stories, story_detail, story_of

from . import app, print_json
from .output import CsvOption, JsonOption, emit, field, note, output_format, table


def _span(row: dict) -> str:
    first, last = row.get("first_date") or "?", row.get("last_date") or "?"
    return first if first == last else f"{first} – {last}"


def _joined(name: str, most: int = 4):
    return lambda row: ", ".join(row[name][:most]) or "—"


@app.command()
def stories(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
            min_articles: Annotated[int, typer.Option("--min-articles", help="Only stories with this many "
                                                      "articles or more.")] = 1,
            limit: Annotated[int, typer.Option("--limit", help="Show at most this many stories.")] = 50,
            as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """Stories (copies and independent reports of the same events), most independent reports first."""
    fmt = output_format(as_json, as_csv)
    with Store(db, create=False) as store:
        rows = [to_dict(s) for s in list_stories(store, min_articles=min_articles, limit=limit)]
    emit(rows, fmt, f"{len(rows)} stories",
         [("id", lambda r: r["id"][:12]), ("articles", field("n_articles")), ("independent", field("n_independent")),
          ("dates", _span), ("outlets", _joined("outlets")), ("top actors", _joined("actors")),
          ("title", field("title"))], wide=("title", "top actors"))


def show_story(store: Store, story_id: str, as_json: bool) -> None:
    """Print one story: its articles (with copy groups), canonical events and the claims behind them."""
    detail = story_detail(store, story_id)
    if as_json:
        print_json({k: to_dict(v) for k, v in detail.items()})
        return
    story = to_dict(detail["story"])
    table(f"story {story['id']}: {story['title']} ({story['n_articles']} articles, "
          f"{story['n_independent']} independent, {_span(story)})",
          [("article", lambda r: r["article_id"][:12]), ("date", field("date")), ("outlet", field("outlet")),
           ("copy of", lambda r: (r["copy_of"] or "")[:12] or "—"), ("title", field("title"))],
          detail["articles"], wide=("title",), section=True)
    table("events", [("#", field("ordinal")), ("type", field("type")), ("sources", _joined("sources")),
                     ("targets", _joined("targets")), ("articles", field("n_articles")),
                     ("outlets", field("n_outlets")), ("independent", field("n_independent")),
                     ("first report", lambda r: f"{r['first_outlet'] or '—'} {r['first_date'] or ''}"),
                     ("disagreements", lambda r: "; ".join(r["disagreements"]) or "—")],
          [to_dict(e) for e in detail["events"]], wide=("disagreements",), section=True)
    for line in story["disagreements"]:
        note(f"reports differ: {line}")


def print_story_of(store: Store, article_id: str) -> None:
    """One line naming an article's story and its near-duplicates (nothing if it is in none)."""
    linked = story_of(store, article_id)
    if linked is None:
        return
    copies = [d["original_id"] if d["article_id"] == article_id else d["article_id"] for d in linked["duplicates"]]
    note(f"story {linked['story_id'][:12]} ({linked['n_articles']} articles, {linked['n_independent']} independent): "
         f"{linked['title'] or '—'}" + (f"; near-duplicates: {', '.join(c[:12] for c in copies)}" if copies else "")
         + f"  (presslens show --story {linked['story_id'][:12]})")
