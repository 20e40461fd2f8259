"""Scale-out with Dask: the same ``analyze_articles`` run over partitions on a scheduler.

``scheduler`` is a Dask scheduler name (``processes``, ``threads``, ``synchronous``)
or the address of a running cluster (``tcp://host:8786``). Articles go out in
chunks so results stream back into the store and memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from presslens.core.schema import Analysis, Article
from presslens.pipeline import analyze_articles

LOCAL_SCHEDULERS = {"processes", "threads", "synchronous", "sync", "single-threaded"}


def analyze_partition(articles: list[Article], actor_files: tuple[str, ...] = ()) -> list[Analysis]:
    """What each Dask worker runs: the ordinary pipeline over its partition."""
    return list(analyze_articles(articles, actor_files=actor_files))


def analyze_with_dask(articles: Iterable[Article], scheduler: str, *, partition_size: int = 16,
                      chunk_size: int = 512, actor_files: tuple[str, ...] = ()) -> Iterator[Analysis]:
    """Analyses of ``articles`` computed on a Dask scheduler or cluster, chunk by chunk."""
    import dask.bag as db

    client = None
    if scheduler not in LOCAL_SCHEDULERS:
        from distributed import Client

        client = Client(scheduler)
    try:
        iterator = iter(articles)
        while chunk := list(islice(iterator, chunk_size)):
            bag = db.from_sequence(chunk, partition_size=partition_size)
            results = bag.map_partitions(analyze_partition, actor_files)
            yield from (results.compute() if client else results.compute(scheduler=scheduler))
    finally:
        if client is not None:
            client.close()
