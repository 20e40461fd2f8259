"""``presslens naming`` and ``presslens tone``: how actors are named, and the tone of each voice."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from presslens.store.naming import naming_profile
from presslens.store.sqlite import Store
from presslens.store.tone import article_tones

from . import app, console, print_json


@app.command()
def naming(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
           actor: Annotated[Optional[str], typer.Option("--actor", help="Only this actor (its name or any name it is given).")] = None,
           outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet.")] = None,
           by_speaker: Annotated[bool, typer.Option("--by-speaker", help="Split quoted names by speaker.")] = False,
           as_json: Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")] = False) -> None:
    """The names each actor is given, counted by outlet and by voice (outlet's own words or quoted)."""
    with Store(db, create=False) as store:
        rows = naming_profile(store, actor=actor, outlet=outlet, by_speaker=by_speaker)
    if as_json:
        print_json(rows)
        return
    columns = ["actor", "name", "outlet", "voice"] + (["speaker"] if by_speaker else []) + ["mentions", "articles"]
    table = Table(*columns, title=f"{len(rows)} actor names", title_justify="left")
    for row in rows:
        table.add_row(*("—" if row[c] is None else str(row[c]) for c in columns))
    console.print(table)


@app.command()
def tone(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
         outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet.")] = None,
         as_json: Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")] = False) -> None:
    """Each article's VADER tone (compound, -1..1) in the outlet's own text and in quoted text."""
    with Store(db, create=False) as store:
        rows = article_tones(store, outlet=outlet)
    if as_json:
        print_json(rows)
        return
    table = Table("article", "date", "outlet", "outlet tone", "quoted tone", "title", title_justify="left",
                  title=f"{len(rows)} articles")
    for row in rows:
        cells = ["—" if row[k] is None else f"{row[k]:+.3f}" for k in ("outlet_tone", "quoted_tone")]
        table.add_row(row["article_id"][:10], row["date"] or "—", row["outlet"] or "—", *cells,
                      (row["title"] or "")[:50])
    console.print(table)
