"""``presslens naming`` and ``presslens tone``: how actors are named, and the tone of each voice."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from presslens.store.naming import naming_profile
from presslens.store.sqlite import Store
from presslens.store.tone import article_tones

from . import app
from .output import CsvOption, JsonOption, emit, field, output_format


@app.command()
def naming(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
           actor: Annotated[Optional[str], typer.Option("--actor", help="Only this actor (its name or any name it is given).")] = None,
           outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet.")] = None,
           by_speaker: Annotated[bool, typer.Option("--by-speaker", help="Split quoted names by speaker.")] = False,
           as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """The names each actor is given, counted by outlet and by voice (outlet's own words or quoted)."""
    with Store(db, create=False) as store:
        rows = naming_profile(store, actor=actor, outlet=outlet, by_speaker=by_speaker)
    columns = ["actor", "name", "outlet", "voice"] + (["speaker"] if by_speaker else []) + ["mentions", "articles"]
    emit(rows, output_format(as_json, as_csv), f"{len(rows)} actor names", [(c, field(c)) for c in columns],
         wide=("name",))


@app.command()
def tone(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
         outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet.")] = None,
         as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """Each article's VADER tone (compound, -1..1) in the outlet's own text and in quoted text."""
    with Store(db, create=False) as store:
        rows = article_tones(store, outlet=outlet)
    def score(key: str):
        return lambda row: "—" if row[key] is None else f"{row[key]:+.3f}"

    emit(rows, output_format(as_json, as_csv), f"{len(rows)} articles",
         [("article", lambda row: row["article_id"][:10]), ("date", field("date")), ("outlet", field("outlet")),
          ("outlet tone", score("outlet_tone")), ("quoted tone", score("quoted_tone")), ("title", field("title", ""))],
         wide=("title",))
