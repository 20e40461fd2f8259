"""Places as GeoJSON: one Point feature per located mention (RFC 7946, lon/lat order)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .schema import Analysis, Place, to_dict
from .store import Store


def place_feature(place: Place | dict[str, Any], **properties: Any) -> dict[str, Any] | None:
    """A Point feature for a place with coordinates (``None`` when it has none)."""
    data = to_dict(place) if isinstance(place, Place) else dict(place)
    if data.get("lat") is None or data.get("lon") is None:
        return None
    props = {k: v for k, v in data.items() if k not in {"lat", "lon"}}
    props.update(properties)
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [data["lon"], data["lat"]]},
            "properties": props}


def feature_collection(features: Iterable[dict[str, Any] | None]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [f for f in features if f is not None]}


def analysis_geojson(analysis: Analysis) -> dict[str, Any]:
    """The located places of one analysis."""
    article = analysis.article
    return feature_collection(place_feature(p, article_id=article.id, article_date=article.date,
                                            article_outlet=article.outlet) for p in analysis.places)


def store_places(store: Store, article_id: str | None = None) -> list[dict[str, Any]]:
    """Place rows of a store (one article's when ``article_id`` is given), with article fields."""
    if article_id is None:
        return store.records(Place)
    return store.records(Place, "r.article_id = ?", (store.article(article_id).id,))


def store_geojson(store: Store, article_id: str | None = None) -> dict[str, Any]:
    """The located places of a store (or of one of its articles)."""
    return feature_collection(place_feature(row) for row in store_places(store, article_id))


__all__ = ["place_feature", "feature_collection", "analysis_geojson", "store_places", "store_geojson"]
