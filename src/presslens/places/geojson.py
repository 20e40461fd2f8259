"""Places as GeoJSON: one Point feature per located mention (RFC 7946, lon/lat order)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from presslens.core.schema import Analysis, Place, to_dict


def place_feature(place: Place | dict[str, Any], **properties: Any) -> dict[str, Any] | None:
    """A Point feature for a literal place with coordinates (``None`` for a metonym or no point)."""
    data = to_dict(place) if isinstance(place, Place) else dict(place)
    if data.get("lat") is None or data.get("lon") is None or (data.get("sense") or "literal") != "literal":
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


__all__ = ["place_feature", "feature_collection", "analysis_geojson"]
