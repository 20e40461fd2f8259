"""The Python API over a store: ingest paths, query records, get DataFrames."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from presslens.core.errors import NotFoundError
from presslens.core.readers import read_articles
from presslens.core.schema import ANALYSIS_FIELD, Analysis, Article, from_dict
from presslens.pipeline import analyze_articles
from presslens.scale.parts import read_batch, read_parts
from presslens.store.sqlite import Store, record_filter
from presslens.stories import REBUILD_EVERY, link_unlinked, linker, rebuild_pending

RECORD_KINDS = {name: record_type for record_type, name in ANALYSIS_FIELD.items()}
"""Record kind name (``quotes``, ``events``, …) → record class."""


@dataclass
class IngestResult:
    """Counts of one ingest run: ``skipped`` articles were already stored."""

    ok: int = 0
    error: int = 0
    skipped: int = 0
    words: int = 0

    @property
    def total(self) -> int:
        return self.ok + self.error + self.skipped


def _unseen(articles: Iterable[Article], known: set[str], result: IngestResult) -> Iterator[Article]:
    seen: set[str] = set()
    for article in articles:
        if article.id in known or article.id in seen:
            result.skipped += 1
            continue
        seen.add(article.id)
        yield article


def ingest(store: Store, paths: Iterable[str | Path], *, n_process: int = 1, batch_size: int = 16,
           actor_files: tuple[str, ...] = (), scheduler: str | None = None, workers: int = 2,
           parts: str | Path | None = None,
           on_article: Callable[[Analysis, IngestResult], None] | None = None) -> IngestResult:
    """Analyze and store every article under ``paths`` not stored yet.

    Each article is committed on its own, so an interrupted ingest resumes where it stopped.
    With ``scheduler`` (a cluster address, or ``local`` for ``workers`` local processes) the
    analysis runs on Dask: workers write Parquet parts under ``parts`` (default: beside the
    store, ``<db>.parts``) and each finished batch is loaded into the store as it arrives.
    """
    result = IngestResult()
    link_unlinked(store)  # an earlier ingest killed between storing and linking
    if scheduler:
        analyses = _dask_analyses(paths, scheduler, workers, str(parts or f"{store.path}.parts"),
                                  batch_size, actor_files)
    else:
        articles = _unseen(read_articles(paths), store.known_ids(), result)
        analyses = analyze_articles(articles, n_process=n_process, batch_size=batch_size,
                                    actor_files=actor_files)
    store_analyses(store, analyses, result, on_article)
    return result


def load(store: Store, parts: str | Path,
         on_article: Callable[[Analysis, IngestResult], None] | None = None) -> IngestResult:
    """Store every article of the finished batches under ``parts`` that is not stored yet."""
    result = IngestResult()
    store_analyses(store, read_parts(parts), result, on_article)
    return result


def _dask_analyses(paths: Iterable[str | Path], scheduler: str, workers: int, parts: str, batch_size: int,
                   actor_files: tuple[str, ...]) -> Iterator[Analysis]:
    from presslens.scale.dask import analyze_to_parts, dask_client  # Dask only for those who use it (~15 MB)

    with dask_client(scheduler, workers) as client:
        for manifest in analyze_to_parts(read_articles(paths), parts, client, batch_size=batch_size,
                                         actor_files=actor_files):
            yield from read_batch(parts, manifest["batch"])


def store_analyses(store: Store, analyses: Iterable[Analysis], result: IngestResult,
                   on_article: Callable[[Analysis, IngestResult], None] | None = None) -> None:
    """Store each analysis not stored yet, counting it into ``result`` (what ingest and load share)."""
    stored = 0
    for analysis in analyses:
        if store.add(analysis, then=linker(analysis, defer=True)):  # stories: linked in the article's transaction
            stored += 1
            if stored % REBUILD_EVERY == 0:
                rebuild_pending(store)  # stories: rebuild those the last links touched
            if analysis.article.status == "ok":
                result.ok += 1
                result.words += len(analysis.article.text.split())
            else:
                result.error += 1
        else:
            result.skipped += 1
        if on_article:
            on_article(analysis, result)
    rebuild_pending(store)


class Corpus:
    """A corpus stored in one SQLite file.

    >>> corpus = Corpus("news.sqlite")            # doctest: +SKIP
    >>> corpus.ingest(["articles/"])              # doctest: +SKIP
    >>> corpus.frame("quotes").groupby("speaker").size()   # doctest: +SKIP
    """

    def __init__(self, path: str | Path, *, create: bool = True):
        self.store = Store(path, create=create)

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(self, paths: Iterable[str | Path] | str | Path, **options) -> IngestResult:
        """Analyze and store articles from files, directories and globs."""
        if isinstance(paths, (str, Path)):
            paths = [paths]
        return ingest(self.store, paths, **options)

    def articles(self, status: str | None = None, outlet: str | None = None) -> list[Article]:
        return list(self.store.articles(status=status, outlet=outlet))

    def analysis(self, article_id: str) -> Analysis:
        return self.store.analysis(article_id)

    def search(self, words: str, limit: int = 20, **options) -> list[dict]:
        """Full-text search: plain words, or FTS5 syntax with ``fts=True`` (see ``Store.search``)."""
        return self.store.search(words, limit=limit, **options)

    def records(self, kind: str, **equals: object) -> list:
        """Records of one kind (``quotes``, ``events``, …), optionally filtered by field equality."""
        record_type = self._kind(kind)
        rows = self._rows(record_type, equals)
        return [from_dict(record_type, row) for row in rows]

    def frame(self, kind: str, **equals: object):
        """A pandas DataFrame of one record kind (or ``articles``) with article id, date and outlet."""
        import pandas as pd

        if kind == "articles":
            return pd.DataFrame([vars(a) for a in self.store.articles()])
        return pd.DataFrame(self._rows(self._kind(kind), equals))

    def quotes(self, **equals: object) -> list:
        return self.records("quotes", **equals)

    def events(self, **equals: object) -> list:
        return self.records("events", **equals)

    @staticmethod
    def _kind(kind: str) -> type:
        if kind not in RECORD_KINDS:
            raise NotFoundError(f"unknown record kind {kind!r}; choose from {', '.join(RECORD_KINDS)}")
        return RECORD_KINDS[kind]

    def _rows(self, record_type: type, equals: dict[str, object]) -> list[dict]:
        return self.store.records(record_type, *record_filter(record_type, equals))
