"""Country codes: the ISO 3166-1 alpha-2 codes places carry, as the alpha-3 codes actors and events carry."""

from __future__ import annotations

import functools

OUTSIDE_ISO = {"XK": "KOS"}
"""Codes outside ISO 3166-1: GeoNames writes Kosovo XK, PLOVER and the actor book KOS."""


@functools.lru_cache(maxsize=512)
def alpha_3(alpha_2: str | None) -> str | None:
    """The alpha-3 code of an alpha-2 code ('UA' -> 'UKR', 'XK' -> 'KOS'), or None when there is none."""
    if not alpha_2:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha_2)
    return country.alpha_3 if country else OUTSIDE_ISO.get(alpha_2.upper())
