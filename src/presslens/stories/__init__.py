"""Stories: near-duplicate articles, story clusters and events counted across reports.

``link.linker`` gives the step ingest runs inside the transaction that stores an article:
it signs the text with MinHash, finds earlier near-duplicates through an LSH index kept in
the store, links the article to the stored articles of the same story (shared names and
words within a few days) and rebuilds that story's canonical events, whose reports are
compared by meaning (``claims``). ``link.link_article`` does the same for an article already
stored; ``link.link_unlinked`` catches up stored articles that were never linked.
``scorer`` is ``presslens eval stories``.
"""

from .link import REBUILD_EVERY, link_article, link_unlinked, linker, rebuild_pending

__all__ = ["REBUILD_EVERY", "link_article", "link_unlinked", "linker", "rebuild_pending"]
