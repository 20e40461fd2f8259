"""``presslens speakers``: who is quoted how often, by outlet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from presslens.store.speakers import KINDS, speaker_counts
from presslens.store.sqlite import Store

from . import app
from .output import CsvOption, JsonOption, emit, field, output_format


@app.command()
def speakers(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
             outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet.")] = None,
             limit: Annotated[int, typer.Option("--limit", help="Show at most this many rows (0: all).")] = 50,
             unresolved: Annotated[bool, typer.Option("--unresolved", help="Also count sources left unresolved.")] = False,
             as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """Who is quoted how often, by outlet (direct, indirect, mixed quotes and attributed claims)."""
    fmt = output_format(as_json, as_csv)
    with Store(db, create=False) as store:
        rows = speaker_counts(store, outlet=outlet, include_unresolved=unresolved)
    shown = rows[:limit] if limit else rows
    title = f"{len(rows)} speakers" + (f" (showing {len(shown)})" if len(shown) < len(rows) else "")
    emit(shown, fmt, title, [("speaker", field("speaker", "(unresolved)")), ("outlet", field("outlet")),
                             ("quotes", field("quotes")), ("articles", field("articles")),
                             ("by kind", lambda row: ", ".join(f"{row[k]} {k}" for k in KINDS if row[k]))])
