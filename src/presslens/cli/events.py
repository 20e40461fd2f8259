"""``presslens events``: stored PLOVER events, filtered, as a table, JSON, PLOVER JSON or GDELT-style CSV."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from presslens.store.events import gdelt_csv, plover_records, query_events
from presslens.store.sqlite import Store

from . import app, console, print_json


class EventFormat(str, Enum):
    table = "table"
    json = "json"
    plover = "plover"
    gdelt = "gdelt"


def _side(names: tuple[str, ...], countries: tuple[str, ...]) -> str:
    return ", ".join(f"{n} ({c})" if c else n for n, c in zip(names, countries)) or "—"


@app.command()
def events(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
           type_: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
           actor: Annotated[Optional[str], typer.Option("--actor", help="Part of a source or target name.")] = None,
           country: Annotated[Optional[str], typer.Option("--country", help="Source or target country code.")] = None,
           since: Annotated[Optional[str], typer.Option("--since", help="First article date, YYYY-MM-DD.")] = None,
           until: Annotated[Optional[str], typer.Option("--until", help="Last article date, YYYY-MM-DD.")] = None,
           fmt: Annotated[EventFormat, typer.Option("--format", help="table, json, plover or gdelt (CSV).")
                          ] = EventFormat.table,
           limit: Annotated[int, typer.Option("--limit", help="Table rows to show (0: all).")] = 50) -> None:
    """Who did what to whom: stored events, filtered by type, actor, country and date."""
    with Store(db, create=False) as store:
        rows = query_events(store, type_=type_, actor=actor, country=country, since=since, until=until)
        if fmt is EventFormat.plover:
            print_json(plover_records(store, rows))
            return
        if fmt is EventFormat.gdelt:
            sys.stdout.write(gdelt_csv(store, rows))
            return
    if fmt is EventFormat.json:
        print_json(rows)
        return
    shown = rows[:limit] if limit else rows
    table = Table(title_justify="left",
                  title=f"{len(rows)} events" + (f" (showing {len(shown)})" if len(shown) < len(rows) else ""))
    for header in ("date", "type", "mode", "source", "target", "trigger", "flags", "where"):
        table.add_column(header)
    for r in shown:
        flags = ", ".join(f for f, on in (("hypothetical", r["hypothetical"]), ("negated", r["negated"])) if on)
        if r["reported_by"]:
            flags = ", ".join(filter(None, [flags, f"per {r['reported_by']}"]))
        table.add_row(r["article_date"] or "—", r["type"], r["mode"] or "", _side(r["sources"], r["source_countries"]),
                      _side(r["targets"], r["target_countries"]), r["trigger"], flags, r["location"] or "")
    console.print(table)
