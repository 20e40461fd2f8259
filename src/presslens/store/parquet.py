"""Export a store's tables as Parquet files (one file per table, same columns)."""

from __future__ import annotations

from pathlib import Path

from .sqlite import Store


def export_parquet(store: Store, directory: str | Path) -> dict[str, int]:
    """Write ``<table>.parquet`` for every table; returns rows written per table."""
    import pandas as pd

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in store.tables():
        frame = pd.read_sql_query(f"SELECT * FROM [{table}]", store.conn)
        frame.to_parquet(out / f"{table}.parquet", index=False)
        written[table] = len(frame)
    return written
