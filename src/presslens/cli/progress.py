"""Ingest progress on stderr: a bar with done/total, rate and ETA while it runs, one summary line at the end."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

from presslens.core.schema import Analysis
from presslens.corpus import IngestResult

from .output import VERBOSITY, err_console, note

OnArticle = Callable[[Analysis, IngestResult], None]


@contextmanager
def ingest_progress(total: int) -> Iterator[OnArticle]:
    """A callback for ``ingest(on_article=...)`` that moves a progress bar over ``total`` articles.

    The bar is drawn only on a terminal and not under ``--quiet``; ``--verbose`` adds a line per article.
    """
    started = time.perf_counter()
    with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                  TextColumn("{task.fields[rate]}"), TextColumn("ETA"), TimeRemainingColumn(),
                  TimeElapsedColumn(), console=err_console, transient=True,
                  disable=VERBOSITY.quiet or not err_console.is_terminal) as progress:
        task = progress.add_task("ingest", total=total, rate="")

        def on_article(analysis: Analysis, result: IngestResult) -> None:
            analyzed = result.ok + result.error
            rate = analyzed / max(time.perf_counter() - started, 1e-9)
            progress.update(task, completed=result.total, rate=f"{rate:.1f} articles/s")
            if VERBOSITY.verbose:
                article = analysis.article
                reason = f"  {article.error}" if article.error else ""
                progress.console.print(f"{article.status:5} {article.id}  {article.source or ''}{reason}",
                                       markup=False, highlight=False, soft_wrap=True)

        yield on_article
        progress.update(task, completed=total)


def ingest_summary(result: IngestResult, elapsed: float, db: Path) -> None:
    """The end-of-run line: stored, failed, skipped, time and speed (stderr; silent under ``--quiet``)."""
    analyzed = result.ok + result.error
    note(f"stored {result.ok}, failed {result.error}, skipped {result.skipped} (already stored) "
         f"in {elapsed:.1f}s: {analyzed / max(elapsed, 1e-9):.1f} articles/s, "
         f"{result.words / max(elapsed, 1e-9):,.0f} words/s → {db}")
    if result.error:
        note(f"see why with: presslens errors --db {db}")
