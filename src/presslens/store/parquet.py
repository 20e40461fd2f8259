"""Parquet for a store's tables: one file per table, columns as in SQLite, types from the schema.

Column types come from the record schema (``core.schema``), so a nullable integer stays an
integer and a tuple stays its JSON text, as in SQLite. Tables are written in chunks, so
exporting a large store does not hold a table in memory. ``directory`` may be a local
folder or any fsspec URL. pyarrow is imported on first use: a process that never writes
Parquet (plain ingest) does not carry its ~60 MB.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from presslens.core.schema import CORPUS_RECORD_TYPES, RECORD_TYPES, Article, field_types

from .sqlite import Store

if TYPE_CHECKING:
    import pyarrow as pa

CHUNK_ROWS = 20_000
"""Rows fetched from SQLite and written per Parquet row group."""


def column_types(table: str) -> dict[str, pa.DataType]:
    """Arrow type of each column the schema knows for ``table`` (empty for tables it does not)."""
    import pyarrow as pa

    arrow = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.int64(), tuple: pa.string()}
    if table == "articles":
        types = {n: arrow[t] for n, t in field_types(Article).items()}
        types["ingested_at"] = pa.string()
        return types
    for record_type in RECORD_TYPES:
        if record_type.table == table:
            types = {"article_id": pa.string(), "ordinal": pa.int64()}
            types.update({n: arrow[t] for n, t in field_types(record_type).items()})
            return types
    for record_type in CORPUS_RECORD_TYPES:  # stories: keyed by their own columns
        if record_type.table == table:
            return {n: arrow[t] for n, t in field_types(record_type).items()}
    return {}


def write_table(store: Store, table: str, sink) -> int:
    """Write one store table as Parquet to ``sink`` (a path or a binary file); returns its rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cursor = store.conn.execute(f"SELECT * FROM [{table}]")  # table names come from store.tables()
    names = [d[0] for d in cursor.description]
    known = column_types(table)
    writer, written = None, 0
    try:
        while True:
            rows = cursor.fetchmany(CHUNK_ROWS)
            if not rows and writer is not None:
                break
            arrays = [pa.array([r[i] for r in rows], type=known.get(n)) for i, n in enumerate(names)]
            chunk = pa.Table.from_arrays(arrays, names=names)
            if writer is None:
                writer = pq.ParquetWriter(sink, chunk.schema)
            writer.write_table(chunk)
            written += len(rows)
            if not rows:
                break
    finally:
        if writer is not None:
            writer.close()
    return written


def export_parquet(store: Store, directory: str | Path) -> dict[str, int]:
    """Write ``<table>.parquet`` for every table under ``directory``; returns rows written per table."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(str(directory))
    fs.makedirs(root, exist_ok=True)
    written = {}
    for table in store.tables():
        with fs.open(f"{root}/{table}.parquet", "wb") as sink:
            written[table] = write_table(store, table, sink)
    return written


def read_rows(source) -> list[dict]:
    """The rows of one Parquet table (a path or a binary file) as dicts, nulls as ``None``."""
    import pyarrow.parquet as pq

    return pq.read_table(source).to_pylist()


__all__ = ["export_parquet", "write_table", "read_rows", "column_types", "CHUNK_ROWS"]
