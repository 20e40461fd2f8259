"""Parquet part files: what a worker writes for one batch of articles, and how they are read back.

Layout under ``parts`` (a local folder or an fsspec URL such as ``s3://bucket/run``)::

    batches/<batch>/<table>.parquet    one file per store table, columns as ``presslens export``
    manifest/<batch>.json              written last: a batch is finished when its manifest exists

A batch's id is a hash of its article ids, so the same input cut into the same batches gives
the same ids: a rerun skips finished batches, and a batch redone after a worker died
overwrites its own files with the same content before its manifest is written. Readers see
only batches with a manifest, so nothing is read twice or half.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from itertools import groupby
from pathlib import Path

from presslens.core.schema import ANALYSIS_FIELD, Analysis, Article, from_dict
from presslens.store.parquet import export_parquet, read_rows
from presslens.store.sqlite import Store, row_values


def batch_id(articles: Iterable[Article]) -> str:
    """A batch's stable name: a hash of its article ids in order."""
    digest = hashlib.sha1("\n".join(a.id for a in articles).encode("utf-8"))
    return digest.hexdigest()[:20]


def _fs(parts: str | Path):
    import fsspec

    return fsspec.core.url_to_fs(str(parts))


def write_batch(analyses: Iterable[Analysis], parts: str | Path, batch: str) -> dict:
    """Write one batch's analyses as Parquet tables, then its manifest; returns the manifest."""
    fs, root = _fs(parts)
    with tempfile.TemporaryDirectory(prefix="presslens-batch-") as tmp:
        with Store(Path(tmp) / "batch.sqlite") as store:
            ids = [a.article.id for a in analyses if store.add(a)]
            rows = export_parquet(store, f"{parts}/batches/{batch}")
    manifest = {"batch": batch, "articles": ids, "rows": rows,
                "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    fs.makedirs(f"{root}/manifest", exist_ok=True)
    staging = f"{root}/manifest/.{batch}.json.tmp"
    fs.pipe_file(staging, json.dumps(manifest).encode("utf-8"))
    fs.mv(staging, f"{root}/manifest/{batch}.json")
    return manifest


def finished_batches(parts: str | Path) -> list[str]:
    """Ids of the batches whose manifest exists, sorted."""
    fs, root = _fs(parts)
    if not fs.exists(f"{root}/manifest"):
        return []
    names = (Path(p).name for p in fs.ls(f"{root}/manifest", detail=False))
    return sorted(n[:-len(".json")] for n in names if n.endswith(".json") and not n.startswith("."))


def read_batch(parts: str | Path, batch: str) -> Iterator[Analysis]:
    """The analyses of one finished batch, rebuilt from its Parquet tables."""
    fs, root = _fs(parts)
    folder = f"{root}/batches/{batch}"

    def table(name: str) -> list[dict]:
        with fs.open(f"{folder}/{name}.parquet", "rb") as source:
            return read_rows(source)

    records: dict[type, dict[str, list]] = {}
    for record_type in ANALYSIS_FIELD:
        rows = sorted(table(record_type.table), key=lambda r: (r["article_id"], r["ordinal"]))
        records[record_type] = {key: [from_dict(record_type, row_values(record_type, r)) for r in group]
                                for key, group in groupby(rows, key=lambda r: r["article_id"])}
    for row in table("articles"):
        article = from_dict(Article, row_values(Article, row))
        values = {name: tuple(records[t].get(article.id, ())) for t, name in ANALYSIS_FIELD.items()}
        yield Analysis(article=article, **values)


def read_parts(parts: str | Path) -> Iterator[Analysis]:
    """Every analysis in every finished batch, batch by batch."""
    for batch in finished_batches(parts):
        yield from read_batch(parts, batch)


__all__ = ["batch_id", "write_batch", "finished_batches", "read_batch", "read_parts"]
