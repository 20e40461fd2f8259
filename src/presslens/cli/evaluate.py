"""The ``eval`` command: score an extractor against gold data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from presslens import evaluation

from . import app, console, print_json


@app.command("eval")
def eval_command(task: Annotated[str, typer.Argument(help=f"One of: {', '.join(evaluation.TASKS)}.")],
                 gold: Annotated[Optional[Path], typer.Option(help="Gold file (default: the task's dev file).")] = None,
                 limit: Annotated[Optional[int], typer.Option(help="Score only the first N gold records.")] = None,
                 gold_spans: Annotated[bool, typer.Option("--gold-spans",
                                                          help="geo: resolve the gold mentions only.")] = False,
                 as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False) -> None:
    """Score a task on gold data and print the metrics (and per-item rows)."""
    options = {"gold_spans": True} if gold_spans else {}
    report = evaluation.run(task, gold, limit, **options)
    if as_json:
        print_json(report.to_json())
        return
    table = Table("metric", "value", title=f"{report.task}: {report.n} items from {report.gold}",
                  title_justify="left")
    for name, value in report.metrics.items():
        table.add_row(name, f"{value:.3f}")
    console.print(table)
    if report.rows:
        rows = Table(*report.rows[0].keys(), title_justify="left")
        for row in report.rows:
            rows.add_row(*(str(v) for v in row.values()))
        console.print(rows)
    for note in report.notes:
        console.print(f"[dim]{note}[/dim]")
