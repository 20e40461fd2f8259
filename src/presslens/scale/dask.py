"""Scale-out with Dask: the same pipeline on a cluster, workers writing Parquet parts.

The client streams articles from the input, cuts them into batches and keeps a bounded
number of batches in flight (``as_completed``); each worker loads the model once (a
``WorkerPlugin``), analyses a batch with the ordinary pipeline and writes it as Parquet
part files with a manifest (``scale.parts``). The client never holds the corpus, and
loading the parts into SQLite is a separate, cheap step (``presslens load``, or done
batch by batch by ``ingest``).

``scheduler`` is the address of a running cluster (``tcp://host:8786``) or ``local`` for a
``LocalCluster`` of ``workers`` single-threaded worker processes on this machine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from presslens.core.schema import Article
from presslens.pipeline import analyze_articles

from .parts import batch_id, finished_batches, write_batch

LOCAL = "local"
"""The scheduler name that starts a LocalCluster instead of connecting to an address."""


class PresslensModel(WorkerPlugin):
    """Loads the spaCy pipeline and the actor book once per worker, before its first batch."""

    name = "presslens-model"

    def __init__(self, actor_files: tuple[str, ...] = ()):
        self.actor_files = actor_files

    def setup(self, worker) -> None:
        from presslens.actors.book import load_actorbook
        from presslens.core.nlp import load_nlp

        load_nlp()
        load_actorbook(self.actor_files)


def analyze_batch(articles: list[Article], parts: str, batch: str, actor_files: tuple[str, ...] = ()) -> dict:
    """What a worker runs: analyse one batch and write its parts; returns the batch manifest."""
    return write_batch(analyze_articles(articles, actor_files=actor_files), parts, batch)


@contextmanager
def dask_client(scheduler: str, workers: int = 2) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a LocalCluster when it is ``local``."""
    if scheduler == LOCAL:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(scheduler) as client:
            yield client


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive batches of ``size`` articles, read lazily from the input."""
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def analyze_to_parts(articles: Iterable[Article], parts: str, client: Client, *, batch_size: int = 32,
                     in_flight: int | None = None, actor_files: tuple[str, ...] = ()) -> Iterator[dict]:
    """Analyse ``articles`` on the cluster into Parquet parts; yields each batch's manifest.

    Batches finished by an earlier run are skipped (yielded as ``{"batch": id, "skipped": True}``).
    At most ``in_flight`` batches (default: twice the workers) are submitted and not yet done.
    A batch lost with a dying worker is recomputed by Dask and rewrites the same files.
    """
    client.register_plugin(PresslensModel(actor_files))
    limit = in_flight or 2 * max(1, len(client.scheduler_info()["workers"]))
    done = set(finished_batches(parts))
    pending = as_completed()
    for batch in batches(articles, batch_size):
        name = batch_id(batch)
        if name in done:
            yield {"batch": name, "articles": [a.id for a in batch], "skipped": True}
            continue
        pending.add(client.submit(analyze_batch, batch, parts, name, actor_files, key=f"presslens-batch-{name}"))
        while pending.count() >= limit:
            yield next(pending).result()
    for future in pending:
        yield future.result()


__all__ = ["LOCAL", "PresslensModel", "analyze_batch", "analyze_to_parts", "batches", "dask_client"]
