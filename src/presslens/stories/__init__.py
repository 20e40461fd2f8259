"""Stories: near-duplicate articles, story clusters and events counted across reports.

``link.link_article`` runs after an article is stored: it signs the text with MinHash,
finds earlier near-duplicates through an LSH index kept in the store, links the article
to the stored articles of the same story (shared names and words within a few days) and
rebuilds that story's canonical events; ``link.link_unlinked`` catches up articles an
interrupted ingest stored but did not link. ``scorer`` is ``presslens eval stories``.
"""

from .link import link_article, link_unlinked

__all__ = ["link_article", "link_unlinked"]
