"""Places of a store as rows and as GeoJSON."""

from __future__ import annotations

from typing import Any

from presslens.core.schema import Place
from presslens.places.geojson import feature_collection, place_feature

from .sqlite import Store


def store_places(store: Store, article_id: str | None = None) -> list[dict[str, Any]]:
    """Place rows of a store (one article's when ``article_id`` is given), with article fields."""
    if article_id is None:
        return store.records(Place)
    return store.records(Place, "r.article_id = ?", (store.article(article_id).id,))


def store_geojson(store: Store, article_id: str | None = None) -> dict[str, Any]:
    """The located places of a store (or of one of its articles)."""
    return feature_collection(place_feature(row) for row in store_places(store, article_id))


__all__ = ["store_places", "store_geojson"]
