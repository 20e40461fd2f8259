"""``presslens events``: stored PLOVER events, filtered, as a table, JSON, CSV, PLOVER records or GDELT 2.0 rows."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from presslens.store.events import gdelt_csv, plover_records, query_events
from presslens.store.sqlite import Store

from . import app
from .output import Column, CsvOption, Format, JsonOption, emit, field, output_format


class EventFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    plover = "plover"
    gdelt = "gdelt"


def _side(names: tuple[str, ...], countries: tuple[str, ...]) -> str:
    return ", ".join(f"{n} ({c})" if c else n for n, c in zip(names, countries)) or "—"


def _flags(row: dict) -> str:
    flags = [f for f, on in (("hypothetical", row["hypothetical"]), ("negated", row["negated"])) if on]
    return ", ".join(flags + ([f"per {row['reported_by']}"] if row["reported_by"] else []))


COLUMNS: list[Column] = [
    ("date", field("article_date")), ("type", field("type")), ("mode", field("mode", "")),
    ("source", lambda r: _side(r["sources"], r["source_countries"])),
    ("target", lambda r: _side(r["targets"], r["target_countries"])), ("trigger", field("trigger")),
    ("flags", _flags), ("where", field("location", ""))]


@app.command()
def events(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
           type_: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
           actor: Annotated[Optional[str], typer.Option("--actor", help="Part of a source or target name.")] = None,
           country: Annotated[Optional[str], typer.Option("--country", help="Source or target country code.")] = None,
           since: Annotated[Optional[str], typer.Option("--since", help="First article date, YYYY-MM-DD.")] = None,
           until: Annotated[Optional[str], typer.Option("--until", help="Last article date, YYYY-MM-DD.")] = None,
           fmt: Annotated[EventFormat, typer.Option("--format", help="table, json, csv, plover (PLOVER JSON Lines) or "
                                                    "gdelt (GDELT 2.0 event table columns, CSV).")
                          ] = EventFormat.table,
           as_json: JsonOption = False, as_csv: CsvOption = False,
           limit: Annotated[int, typer.Option("--limit", help="Table rows to show (0: all).")] = 50) -> None:
    """Who did what to whom: stored events, filtered by type, actor, country and date."""
    if as_json or as_csv:
        fmt = EventFormat(output_format(as_json, as_csv).value)
    with Store(db, create=False) as store:
        rows = query_events(store, type_=type_, actor=actor, country=country, since=since, until=until)
        if fmt is EventFormat.plover:  # PLOVER's layout: one JSON record per line
            sys.stdout.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in plover_records(store, rows))
            return
        if fmt is EventFormat.gdelt:
            sys.stdout.write(gdelt_csv(store, rows))
            return
    if fmt is not EventFormat.table:
        emit(rows, Format(fmt.value), "", COLUMNS)
        return
    shown = rows[:limit] if limit else rows
    emit(shown, Format.table, f"{len(rows)} events" + (f" (showing {len(shown)})" if len(shown) < len(rows) else ""),
         COLUMNS, wide=("source", "target", "trigger", "where"))
