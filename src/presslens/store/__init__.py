"""Storage: the SQLite store (also readable by Datasette) and the queries over it.

``sqlite.Store`` derives tables from the record schema, applies migrations and keeps
FTS5 search; ``naming``, ``speakers``, ``events``, ``tone`` and ``places`` are the corpus
views and queries; ``parquet`` exports every table.
"""

from .sqlite import Store, datasette_metadata

__all__ = ["Store", "datasette_metadata"]
