"""The ``load`` command: build or update a store from Parquet parts written by Dask workers."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from presslens.corpus import load
from presslens.store.sqlite import Store

from . import app, console


@app.command("load")
def load_command(parts: Annotated[str, typer.Argument(help="Folder or fsspec URL of the parts "
                                                           "(as given to ingest --dask --parts).")],
                 db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite")) -> None:
    """Load every finished batch of Parquet parts into a store; stored articles are skipped."""
    started = time.perf_counter()
    with Store(db) as store:
        result = load(store, parts)
    console.print(f"{result.ok} ok, {result.error} error, {result.skipped} already stored "
                  f"in {time.perf_counter() - started:.1f}s → {db}")
