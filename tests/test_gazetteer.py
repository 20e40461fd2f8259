"""The offline gazetteer: names, neutral alternatives, demonyms, the project file and GeoNames dumps."""

from __future__ import annotations

import math
import os

import pycountry
import pytest
import yaml

from presslens.places import gazetteer as gazetteer_module
from presslens.places.gazetteer import Gazetteer, Tables, build_from_geonames, load_gazetteer, write
from presslens.places.gazetteer_build import PLACES_YAML, read_geonames_dump
from presslens.places.names import is_latin, normalize, plural_demonym


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("name, key", [
    ("St. Mary’s", "st marys"),
    ("Saint-Étienne", "st etienne"),
    ("U.S.", "us"),
    ("Washington D.C.", "washington dc"),
    ("Al-Aqsa Mosque", "al aqsa mosque"),
    ("Mount Pleasant", "mt pleasant"),
    ("Fort Worth", "ft worth"),
])
def test_normalize(name, key):
    assert normalize(name) == key


@pytest.mark.parametrize("name, latin", [("Kyiv", True), ("Zürich", True), ("Київ", False), ("القدس", False)])
def test_is_latin(name, latin):
    assert is_latin(name) is latin


@pytest.mark.parametrize("demonym, plural", [("Israeli", "Israelis"), ("Palestinian", "Palestinians"),
                                             ("Sudanese", None), ("British", None), ("French", None)])
def test_plural_demonym(demonym, plural):
    assert plural_demonym(demonym) == plural


@pytest.mark.parametrize("name, feature, country", [
    ("Lebanon", "country", "LB"),
    ("Ukraine", "country", "UA"),
    ("Georgia", "country", "GE"),
    ("Georgia", "admin1", "US"),
    ("Texas", "admin1", "US"),
    ("Walker County", "admin2", "US"),
    ("Ontario", "admin1", "CA"),
    ("Paris", "city", "FR"),
    ("Paris", "city", "US"),
    ("West Bank", "region", "PS"),
    ("Gaza Strip", "region", "PS"),
    ("Crimea", "region", "UA"),
    ("Western Sahara", "region", "EH"),
    ("Al-Aqsa Mosque", "landmark", None),
    ("U.S.", "country", "US"),
    ("Britain", "country", "GB"),
])
def test_lookup_finds_entry(gaz, name, feature, country):
    assert any(e.feature == feature and e.country == country for e in gaz.lookup(name))


@pytest.mark.parametrize("name", ["Qwzxland", "Nowhere Xyzville", ""])
def test_lookup_unknown_name(gaz, name):
    assert gaz.lookup(name) == []


@pytest.mark.parametrize("first, second", [
    ("West Bank", "Judea and Samaria"),
    ("Temple Mount", "Haram al-Sharif"),
    ("Western Wall", "Al-Buraq Wall"),
    ("Cave of the Patriarchs", "Ibrahimi Mosque"),
    ("Persian Gulf", "Arabian Gulf"),
    ("Nagorno-Karabakh", "Artsakh"),
    ("Falkland Islands", "Malvinas"),
    ("Transnistria", "Pridnestrovie"),
    ("Golan Heights", "Syrian Golan"),
    ("Negev", "Naqab"),
])
def test_names_used_by_each_side_are_the_same_place(gaz, first, second):
    curated = {"region", "landmark", "water"}
    a = [e for e in gaz.lookup(first) if e.feature in curated]
    b = [e for e in gaz.lookup(second) if e.feature in curated]
    assert a and a[0] in b


@pytest.mark.parametrize("demonym, country", [("Lebanese", "LB"), ("Palestinian", "PS"), ("Palestinians", "PS"),
                                              ("Israeli", "IL"), ("Israelis", "IL"), ("Ukrainian", "UA"),
                                              ("Russian", "RU"), ("Iowan", "US")])
def test_demonyms(gaz, demonym, country):
    assert country in {e.country for e in gaz.lookup_demonym(demonym)}


@pytest.mark.parametrize("word", ["Lebanon", "Police", "Monday"])
def test_non_demonyms(gaz, word):
    assert gaz.lookup_demonym(word) == []


def test_seed_places_have_their_coordinates(gaz):
    west_bank = next(e for e in gaz.lookup("West Bank") if e.feature == "region")
    assert km((west_bank.lat, west_bank.lon), (31.9, 35.2)) <= 60
    aqsa = gaz.lookup("Al-Aqsa Mosque")[0]
    assert km((aqsa.lat, aqsa.lon), (31.776, 35.236)) <= 5


@pytest.mark.parametrize("name, point, tolerance", [
    ("Texas", (31.0, -99.0), 250), ("Florida", (28.0, -82.0), 300), ("Walker County", (33.8, -87.3), 60),
])
def test_division_centres_lie_inside_the_division(gaz, name, point, tolerance):
    assert any(km((e.lat, e.lon), point) <= tolerance for e in gaz.lookup(name) if e.feature != "city")


def test_project_file_is_well_formed():
    data = yaml.safe_load(PLACES_YAML.read_text(encoding="utf-8"))
    features = {"region", "landmark", "water", "city", "continent"}
    for item in data["places"]:
        assert item["names"] and item["feature"] in features, item
        assert -90 <= item["lat"] <= 90 and -180 <= item["lon"] <= 180, item
        if item.get("country"):
            assert pycountry.countries.get(alpha_2=item["country"]) is not None, item


def test_aliases_and_demonyms_point_to_known_entries(gaz):
    data = yaml.safe_load(PLACES_YAML.read_text(encoding="utf-8"))
    for alias in data["aliases"]:
        assert gaz.lookup(alias), alias
    for demonym in data["demonyms"]:
        assert gaz.lookup_demonym(demonym), demonym


def test_state_abbreviations_only_after_a_comma(gaz):
    assert [gaz.entry(i).name for i in gaz.after_comma[normalize("W.Va.")]] == ["West Virginia"]
    assert all(e.feature != "admin1" for e in gaz.lookup("Pa."))


@pytest.mark.parametrize("name, country, capital", [("Beirut", "LB", True), ("Kyiv", "UA", True),
                                                    ("Paris", "FR", True), ("Paris", "US", False),
                                                    ("Lyon", "FR", False)])
def test_capitals(gaz, name, country, capital):
    cities = [e for e in gaz.lookup(name) if e.feature == "city" and e.country == country]
    assert cities and any(gaz.is_capital(e) for e in cities) is capital


GEONAMES_LINES = [
    # geonameid name asciiname alternates lat lon class code cc cc2 adm1 adm2 adm3 adm4 pop elev dem tz date
    "9000001\tZyxtown\tZyxtown\tZyx Town,Zyxville\t40.5\t-3.5\tP\tPPL\tES\t\t29\t\t\t\t2500\t\t600\tEurope/Madrid\t2024-01-01",
    "9000002\tLake Qwerm\tLake Qwerm\t\t41.0\t-3.0\tH\tLK\tES\t\t29\t\t\t\t0\t\t700\tEurope/Madrid\t2024-01-01",
    "9000003\tTinyhamlet\tTinyhamlet\t\t41.2\t-3.1\tP\tPPL\tES\t\t29\t\t\t\t20\t\t700\tEurope/Madrid\t2024-01-01",
    "9000004\tQwerm Province\tQwerm Province\t\t41.1\t-3.2\tA\tADM1\tES\t\t99\t\t\t\t0\t\t700\tEurope/Madrid\t2024-01-01",
    "not a geonames line",
]


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "allCountries.txt"
    path.write_text("\n".join(GEONAMES_LINES) + "\n", encoding="utf-8")
    return path


def test_read_geonames_dump(dump):
    sources = {s.entry.name: s for s in read_geonames_dump(dump, min_population=100)}
    assert set(sources) == {"Zyxtown", "Lake Qwerm", "Qwerm Province"}
    assert sources["Zyxtown"].entry.feature == "city" and sources["Zyxtown"].entry.population == 2500
    assert "Zyxville" in sources["Zyxtown"].names
    assert sources["Lake Qwerm"].entry.feature == "water"
    assert sources["Qwerm Province"].entry.feature == "admin1"
    assert sources["Zyxtown"].entry.admin1 == "ES.29"


def test_gazetteer_built_from_a_dump_is_used(dump, tmp_path, monkeypatch):
    monkeypatch.setattr(gazetteer_module, "default_sources", lambda *a, **k: iter(()))
    out = build_from_geonames(dump, min_population=0, out=tmp_path / "gaz.sqlite")
    monkeypatch.setenv("PRESSLENS_GAZETTEER", str(out))
    load_gazetteer.cache_clear()
    try:
        built = load_gazetteer()
        assert [e.geonameid for e in built.lookup("Zyx Town")] == [9000001]
        assert [e.name for e in built.lookup("Tinyhamlet")] == ["Tinyhamlet"]
        assert built.lookup("Lebanon") == []
    finally:
        load_gazetteer.cache_clear()


def test_a_file_from_another_build_version_is_ignored(dump, tmp_path, monkeypatch):
    stale = write(Tables.from_sources(read_geonames_dump(dump)), tmp_path / "old.sqlite", build_version=-1)
    monkeypatch.setenv("PRESSLENS_GAZETTEER", str(stale))
    load_gazetteer.cache_clear()
    try:
        assert load_gazetteer().lookup("Zyxtown") == []
        assert load_gazetteer().lookup("Lebanon")
    finally:
        load_gazetteer.cache_clear()


def test_a_file_that_is_no_gazetteer_is_ignored(tmp_path, monkeypatch):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv("PRESSLENS_GAZETTEER", str(junk))
    load_gazetteer.cache_clear()
    try:
        assert load_gazetteer().lookup("Lebanon")
    finally:
        load_gazetteer.cache_clear()


def test_the_file_reads_back_what_was_built(dump, tmp_path):
    tables = Tables.from_sources(read_geonames_dump(dump))
    gaz = Gazetteer(write(tables, tmp_path / "gaz.sqlite"))
    assert [tuple(gaz.rows[i]) for i in range(len(tables.rows))] == tables.rows
    for key, entries in tables.names.items():
        assert key in gaz.names and gaz.names[key] == tuple(entries)
    assert all(gaz.first_words.get(k) == w for k, w in tables.first_words().items())
    assert "zyx" in gaz.first_words and gaz.first_words.get("zyx") == 2
    assert "qwzxland" not in gaz.names and gaz.names.get("qwzxland") is None
    with pytest.raises(KeyError):
        gaz.demonyms["zyxtown"]


def test_the_same_sources_give_the_same_file(dump, tmp_path):
    first = write(Tables.from_sources(read_geonames_dump(dump)), tmp_path / "a.sqlite")
    second = write(Tables.from_sources(read_geonames_dump(dump)), tmp_path / "b.sqlite")
    assert first.read_bytes() == second.read_bytes()


def test_a_gazetteer_is_read_again_after_a_fork_and_a_pickle(gaz):
    import pickle

    copy = pickle.loads(pickle.dumps(gaz))
    assert copy.path == gaz.path and copy.lookup("Beirut") == gaz.lookup("Beirut")
    read, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child looks up a name the parent never did, on a connection of its own
        os.close(read)
        os.write(write_end, b"1" if gaz.lookup("Zaporizhzhia") else b"0")
        os._exit(0)
    os.close(write_end)
    assert os.read(read, 1) == b"1"
    os.waitpid(pid, 0)
    os.close(read)


def test_a_failed_write_leaves_no_part_built_file(tmp_path):
    broken = Tables.from_sources(())
    broken.rows.append(("too", "few", "columns"))
    with pytest.raises(Exception):
        write(broken, tmp_path / "gaz.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_stale_files_go_but_a_live_builder_and_geonames_builds_stay(tmp_path):
    keep = tmp_path / "gazetteer-new.sqlite"
    names = ["gazetteer-new.sqlite", "gazetteer-old.sqlite", "gazetteer-old.pickle", "gazetteer-geonames.sqlite",
             f"gazetteer-new.{os.getpid()}.tmp", "gazetteer-new.999999999.tmp", "gazetteer-notes.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    removed = gazetteer_module.remove_stale(tmp_path, keep=keep)
    assert sorted(p.name for p in removed) == ["gazetteer-new.999999999.tmp", "gazetteer-old.pickle",
                                               "gazetteer-old.sqlite"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["gazetteer-new.sqlite", "gazetteer-geonames.sqlite", f"gazetteer-new.{os.getpid()}.tmp", "gazetteer-notes.txt"])


@pytest.mark.parametrize("demonym, plural", [("Czech", "Czechs"), ("Dutch", None), ("Scottish", None),
                                             ("Welsh", None)])
def test_a_demonym_in_ch_has_a_plural_unless_it_is_an_adjective(demonym, plural):
    assert plural_demonym(demonym) == plural


@pytest.mark.parametrize("demonym, name", [("Texans", "Texas"), ("Kansan", "Kansas"), ("Ohioans", "Ohio"),
                                           ("Coloradans", "Colorado"), ("Ontarians", "Ontario"),
                                           ("Albertans", "Alberta"), ("Nebraskan", "Nebraska")])
def test_us_and_canadian_divisions_have_their_english_demonyms(gaz, demonym, name):
    assert name in {e.name for e in gaz.lookup_demonym(demonym) if e.feature == "admin1"}


@pytest.mark.parametrize("word", ["Victorian", "Texas", "Ontario"])
def test_no_demonym_made_where_the_word_is_no_people(gaz, word):
    assert not [e for e in gaz.lookup_demonym(word) if e.feature == "admin1"]
