"""The ``eval`` command: score an extractor against gold data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from presslens import evaluation

from . import app, print_json
from .output import field, note, table


@app.command("eval")
def eval_command(task: Annotated[str, typer.Argument(help=f"One of: {', '.join(evaluation.TASKS)}.")],
                 gold: Annotated[Optional[Path], typer.Option(help="Gold file (default: the task's dev file).")] = None,
                 limit: Annotated[Optional[int], typer.Option(help="Score only the first N gold records.")] = None,
                 gold_spans: Annotated[bool, typer.Option("--gold-spans",
                                                          help="geo: resolve the gold mentions only.")] = False,
                 cv: Annotated[Optional[int], typer.Option("--cv", help="events, events-snippets: k-fold "
                                                           "cross-validation, the event model retrained per fold; "
                                                           "attribution, geo: per-fold scores, folds by article."
                                                           )] = None,
                 as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False) -> None:
    """Score a task on gold data and print the metrics (and per-item rows)."""
    options = {"gold_spans": True} if gold_spans else {}
    if cv:
        options["cv"] = cv
    report = evaluation.run(task, gold, limit, **options)
    if as_json:
        print_json(report.to_json())
        return
    table(f"{report.task}: {report.n} items from {report.gold}",
          [("metric", lambda item: item[0]), ("value", lambda item: f"{item[1]:.3f}")], list(report.metrics.items()),
          section=True)
    if report.rows:
        table(f"{len(report.rows)} items", [(key, field(key, "")) for key in report.rows[0]], report.rows,
              section=True)
    for line in report.notes:
        note(line)
