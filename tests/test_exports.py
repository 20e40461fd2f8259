"""Event exports people can load: GDELT 2.0 event-table columns with CAMEO codes, PLOVER records."""

from __future__ import annotations

import io
import re

import pytest
import yaml

GDELT_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code",
    "Actor2Type2Code", "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type",
    "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat",
    "Actor1Geo_Long", "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"]
"""The GDELT 2.0 event table as its codebook lists it (written out here, independent of the code)."""

TEXTS = [
    ("Nigerian police arrested forty protesters in Kano on Monday.", "2024-03-04", "https://example.org/kano"),
    ("Brazil and Argentina urged Venezuela to reopen the border crossing.", "2024-05-10", None),
    ("Chile and Peru signed a fisheries agreement in Lima on Friday.", "2024-06-07", "https://example.org/lima"),
    ("Officials said no clashes were reported in the valley.", "2024-06-08", None),
]


@pytest.fixture(scope="module")
def export_store(tmp_path_factory):
    from presslens.core.readers import make_article
    from presslens.pipeline import analyze
    from presslens.store.sqlite import Store

    store = Store(tmp_path_factory.mktemp("exports") / "events.sqlite")
    for text, day, url in TEXTS:
        store.add(analyze(make_article(text, source="<test>", date=day, outlet="Test Wire", url=url)))
    yield store
    store.close()


@pytest.fixture(scope="module")
def gdelt_frame(export_store):
    pd = pytest.importorskip("pandas")
    from presslens.store.events import gdelt_csv, query_events

    text = gdelt_csv(export_store, query_events(export_store))
    assert text.splitlines()[0].split(",")[:61] == GDELT_EVENT_COLUMNS
    return pd.read_csv(io.StringIO(text), usecols=GDELT_EVENT_COLUMNS, dtype={
        "EventCode": str, "EventBaseCode": str, "EventRootCode": str, "SOURCEURL": str})


def test_gdelt_export_loads_with_gdelts_columns_and_cameo_roots(gdelt_frame):
    frame = gdelt_frame
    assert len(frame) >= 3 and frame["GLOBALEVENTID"].is_unique
    assert str(frame["GLOBALEVENTID"].dtype).startswith("int") and str(frame["SQLDATE"].dtype).startswith("int")
    roots = set(frame["EventRootCode"])
    assert roots and all(re.fullmatch(r"\d\d", r) and 1 <= int(r) <= 20 for r in roots), roots
    assert all(c.startswith(b) and b.startswith(r) for c, b, r in
               zip(frame["EventCode"], frame["EventBaseCode"], frame["EventRootCode"]))
    quad = {r: 1 if int(r) <= 5 else 2 if int(r) <= 8 else 3 if int(r) <= 13 else 4 for r in roots}
    assert list(frame["QuadClass"]) == [quad[r] for r in frame["EventRootCode"]]


def test_gdelt_rows_carry_codes_dyads_urls_and_places(gdelt_frame):
    frame = gdelt_frame.astype(object).fillna("")
    arrest = frame[frame["EventCode"] == "173"].iloc[0]  # CAMEO 173 arrest, detain
    assert arrest["Actor1CountryCode"] == "NGA" and arrest["Actor1Type1Code"] == "COP"
    assert arrest["Actor1Code"] == "NGACOP" and arrest["SOURCEURL"] == "https://example.org/kano"
    assert arrest["ActionGeo_FullName"] == "Kano" and arrest["ActionGeo_CountryCode"] == "NI"  # FIPS, not ISO NG
    assert arrest["ActionGeo_Type"] == 4 and abs(arrest["ActionGeo_Lat"] - 12.0) < 0.5
    demand = frame[frame["EventRootCode"] == "10"]  # two sources, one target: one row per dyad
    assert sorted(demand["Actor1CountryCode"]) == ["ARG", "BRA"] and set(demand["Actor2CountryCode"]) == {"VEN"}
    assert set(demand["SOURCEURL"]) == {""}  # no URL known: empty, not an article id
    assert set(frame["GoldsteinScale"]) == {""}  # not derivable honestly: left empty


def test_every_plover_type_and_mode_presslens_emits_has_a_cameo_code():
    from presslens.events.plover import EVENT_TYPES, PLOVER_YAML
    from presslens.store.events import PLOVER_CAMEO_YAML, cameo_code

    emitted = set(re.findall(r"\b([A-Z]{4,9})/([a-z][a-z-]*)", PLOVER_YAML.read_text(encoding="utf-8")))
    table = yaml.safe_load(PLOVER_CAMEO_YAML.read_text(encoding="utf-8"))
    assert emitted and set(EVENT_TYPES) <= set(table)
    for event_type, mode in emitted:
        if event_type in EVENT_TYPES:
            assert mode in table[event_type], (event_type, mode)
    for event_type in EVENT_TYPES:
        for mode in table[event_type]:
            code = cameo_code(event_type, mode or None)
            assert re.fullmatch(r"\d{3,4}", code) and 1 <= int(code[:2]) <= 20, (event_type, mode, code)


def test_plover_records_follow_the_manual(export_store):
    from presslens.store.events import plover_records, query_events

    records = plover_records(export_store, query_events(export_store))
    for record in records:
        assert {"id", "date", "actor", "event"} <= set(record)
        for entity in record["actor"] + record["recipient"]:
            assert set(entity) == {"entity_text", "code", "sector"}
    arrest = next(r for r in records if r["event"] == "COERCE")
    assert arrest["event_loc"]["extracted_place"] == "Kano" and arrest["event_loc"]["country_code"] == "NG"
    assert arrest["cite_info"]["url"] == "https://example.org/kano"
