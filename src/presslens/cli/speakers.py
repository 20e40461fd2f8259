"""``presslens speakers``: who is quoted how often, by outlet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from presslens.store.speakers import KINDS, speaker_counts
from presslens.store.sqlite import Store

from . import app, console, print_json


@app.command()
def speakers(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
             outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet.")] = None,
             limit: Annotated[int, typer.Option("--limit", help="Show at most this many rows (0: all).")] = 50,
             unresolved: Annotated[bool, typer.Option("--unresolved", help="Also count sources left unresolved.")] = False,
             as_json: Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")] = False) -> None:
    """Who is quoted how often, by outlet (direct, indirect, mixed quotes and attributed claims)."""
    with Store(db, create=False) as store:
        rows = speaker_counts(store, outlet=outlet, include_unresolved=unresolved)
    shown = rows[:limit] if limit else rows
    if as_json:
        print_json(shown)
        return
    table = Table(title_justify="left",
                  title=f"{len(rows)} speakers" + (f" (showing {len(shown)})" if len(shown) < len(rows) else ""))
    table.add_column("speaker", no_wrap=True)
    for header in ("outlet", "quotes", "articles", "by kind"):
        table.add_column(header)
    for row in shown:
        kinds = ", ".join(f"{row[k]} {k}" for k in KINDS if row[k])
        table.add_row(row["speaker"] or "(unresolved)", row["outlet"] or "—", str(row["quotes"]),
                      str(row["articles"]), kinds)
    console.print(table)
