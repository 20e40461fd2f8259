"""How commands print: a rich table on a terminal, plain tab-separated lines when piped, CSV or JSON on request.

Every listing goes through ``emit``: ``--json`` prints the rows as JSON, ``--csv`` as CSV (all fields,
lists joined with ';'), otherwise the chosen columns as a table that fits the terminal, or, when
stdout is not a terminal, one unwrapped line per row with tab-separated cells under a header line.
Titles and notes are chatter: they go to stderr and ``--quiet`` silences them.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

console = Console()
err_console = Console(stderr=True, highlight=False)

Column = tuple[str, Callable[[Any], object]]
"""A table column: its header and the function giving a row's cell."""


@dataclass
class Verbosity:
    """``--quiet`` (no progress, titles or summaries) and ``--verbose`` (a line per article, tracebacks)."""

    quiet: bool = False
    verbose: bool = False


VERBOSITY = Verbosity()


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


JsonOption = Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print the rows as CSV (lists joined with ';').")]


def output_format(as_json: bool, as_csv: bool) -> Format:
    """The format the ``--json``/``--csv`` flags ask for (a usage error when both are given)."""
    if as_json and as_csv:
        raise typer.BadParameter("give --json or --csv, not both")
    return Format.json if as_json else Format.csv if as_csv else Format.table


def print_json(data: object) -> None:
    """JSON on stdout, UTF-8, no rich markup."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _csv_cell(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return ";".join("" if v is None else str(v) for v in value)
    return "" if value is None else value


def csv_text(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as CSV with a header naming every key that occurs (in first-seen order)."""
    header: dict[str, None] = {}
    for row in rows:
        header.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(header), lineterminator="\n", restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return out.getvalue()


def note(message: str) -> None:
    """A line of chatter on stderr (titles, summaries, hints); silent under ``--quiet``."""
    if not VERBOSITY.quiet:
        err_console.print(message, soft_wrap=True, markup=False)


def _plain(value: object) -> str:
    return " ".join(str(value).split())


def _rich(value: object) -> Text:
    """A cell as rich text, never read as markup (a snippet's '[word]' stays text)."""
    return value if isinstance(value, Text) else Text(str(value))


def table(title: str, columns: Sequence[Column], rows: Sequence[Any], *, wide: Sequence[str] = (),
          section: bool = False) -> None:
    """Rows as a table: rich on a terminal (``wide`` columns wrap on words, others stay whole),
    tab-separated plain lines when stdout is piped. The title goes to stderr, or for a ``section``
    of a report to stdout as a ``# title`` line."""
    if not console.is_terminal:
        if section:
            sys.stdout.write(f"\n# {title}\n")
        else:
            note(title)
        lines = ["\t".join(header for header, _ in columns)]
        lines += ["\t".join(_plain(cell(row)) for _, cell in columns) for row in rows]
        sys.stdout.write("\n".join(lines) + "\n")
        return
    shown = Table(title=None if VERBOSITY.quiet and not section else title, title_justify="left")
    for header, _ in columns:
        shown.add_column(header, overflow="fold" if header in wide else "ellipsis", no_wrap=header not in wide)
    for row in rows:
        shown.add_row(*(_rich(cell(row)) for _, cell in columns))
    console.print(shown)


def emit(rows: Sequence[dict[str, Any]], fmt: Format, title: str, columns: Sequence[Column],
         *, wide: Sequence[str] = ()) -> None:
    """A listing in the asked format: JSON or CSV of the whole rows, or a table of ``columns``."""
    if fmt is Format.json:
        print_json(list(rows))
    elif fmt is Format.csv:
        sys.stdout.write(csv_text(rows))
    else:
        table(title, columns, rows, wide=wide)


def field(name: str, empty: str = "—") -> Callable[[dict[str, Any]], object]:
    """A column cell reading one key of a row dict (``empty`` for None)."""
    return lambda row: empty if row.get(name) is None else row[name]
