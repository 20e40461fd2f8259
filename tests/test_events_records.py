"""Event records people can use as event data: identity ids, resolved date and place with their basis,
the reporter, and one event per act with all its mentions, in the store and in both exports."""

from __future__ import annotations

import csv
import io

import pytest

from presslens.core.readers import make_article
from presslens.core.schema import Event
from presslens.events.mentions import merge_mentions, same_event
from presslens.pipeline import analyze

TWICE = ("Chad accused Sudan of arming rebels on Monday. The foreign minister spoke in N'Djamena. "
         "Chad accused Sudan of arming the rebels in a letter to the United Nations, the minister said. "
         "Chad also accused Libya of closing the border.")
"""One accusation reported twice (same actors, one date), and another one against a third state."""

TWO_DAYS = ("Chad accused Sudan of arming rebels on Monday. "
            "On Friday Chad accused Sudan of shelling a border village.")
"""The same actors and type on two different days: two events."""

PLACED = "Kenyan police arrested forty protesters in Nairobi on Monday, opposition leader Amina Wekesa said."


def events_of(text: str, day: str = "2024-03-06") -> tuple[Event, ...]:
    return analyze(make_article(text, source="<test>", date=day, outlet="Test Wire")).events


def test_mentions_of_one_event_become_one_record_with_every_trigger_span():
    events = events_of(TWICE)
    accusations = [e for e in events if e.type == "ACCUSE"]
    against_sudan = [e for e in accusations if e.targets == ("Sudan",)]
    assert len(against_sudan) == 1, [(e.trigger_start, e.targets) for e in accusations]
    event = against_sudan[0]
    spans = list(zip(event.mention_starts, event.mention_ends))
    assert [TWICE[s:e] for s, e in spans] == ["accused", "accused"]
    assert spans[0] == (event.trigger_start, event.trigger_end) and spans[1][0] > TWICE.index("N'Djamena")
    assert event.date == "2024-03-04" and event.date_from == "sentence"  # the first mention's 'on Monday'
    assert [e.targets for e in accusations if e is not event] == [("Libya",)]


def test_different_days_are_different_events():
    accusations = [e for e in events_of(TWO_DAYS) if e.type == "ACCUSE"]
    assert len(accusations) == 2 and all(len(e.mention_starts) == 1 for e in accusations)
    assert sorted(e.date for e in accusations) == ["2024-03-01", "2024-03-04"]  # the Friday before the article


def _event(**fields) -> Event:
    base = {"start": 0, "end": 10, "type": "ASSAULT", "trigger": "shelled", "trigger_start": 3, "trigger_end": 10,
            "source_entity_ids": ("ea",), "target_entity_ids": ("eb",)}
    return Event(**{**base, **fields})


@pytest.mark.parametrize("other,same", [
    ({"trigger_start": 40, "trigger_end": 47}, True),
    ({"trigger_start": 40, "target_entity_ids": ("eb", "ec")}, False),             # another recipient too
    ({"trigger_start": 40, "source_entity_ids": ("eb",), "target_entity_ids": ("ea",)}, False),  # roles swapped
    ({"trigger_start": 40, "type": "COERCE"}, False),
    ({"trigger_start": 40, "negated": True}, False),
    ({"trigger_start": 40, "place_name": "Abeche"}, True),                         # a place only one states
    ({"trigger_start": 40, "source_entity_ids": (), "target_entity_ids": ()}, False),
])
def test_same_event_needs_same_type_identities_and_flags(other, same):
    first = _event(place_name=None)
    assert same_event(first, _event(**other)) is same


def test_merge_keeps_the_first_record_and_fills_what_it_lacks():
    first = _event(date="2024-03-06", date_from="article")
    later = _event(start=30, end=60, trigger_start=40, trigger_end=47, mode="heavy-weapons", location="Abeche",
                   location_start=50, location_end=56, place_name="Abeche", place_country="TD", lat=13.8, lon=20.8,
                   date="2024-03-04", date_from="sentence")
    merged = merge_mentions([first, later])
    assert len(merged) == 1
    event = merged[0]
    assert (event.start, event.trigger_start, event.mode, event.place_name, event.lat) == (0, 3, "heavy-weapons",
                                                                                         "Abeche", 13.8)
    assert (event.date, event.date_from) == ("2024-03-04", "sentence")
    assert list(zip(event.mention_starts, event.mention_ends)) == [(3, 10), (40, 47)]
    assert merge_mentions([later, first])[0].start == 30  # order of the article decides which record is kept


def test_records_carry_identity_ids_place_date_basis_and_reporter():
    analysis = analyze(make_article(PLACED, source="<test>", date="2024-03-06", outlet="Test Wire"))
    arrest = next(e for e in analysis.events if e.type == "COERCE")
    identities = {a.name: a.entity_id for a in analysis.actors}
    assert arrest.source_entity_ids == tuple(identities[n] for n in arrest.sources) and arrest.source_entity_ids
    assert arrest.target_entity_ids == tuple(identities[n] for n in arrest.targets) and arrest.target_entity_ids
    assert (arrest.place_name, arrest.place_country) == ("Nairobi", "KE") and abs(arrest.lat + 1.28) < 0.2
    assert (arrest.date, arrest.date_from) == ("2024-03-04", "sentence")
    assert arrest.reported_by == "Amina Wekesa" and arrest.reported_by_entity_id == identities["Amina Wekesa"]
    undated = next(e for e in events_of("Uganda sent troops to the border with South Sudan.") if e.type == "MOBILIZE")
    assert (undated.date, undated.date_from) == ("2024-03-06", "article")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from presslens.store.sqlite import Store

    store = Store(tmp_path_factory.mktemp("records") / "events.sqlite")
    for text in (TWICE, PLACED):
        store.add(analyze(make_article(text, source="<test>", date="2024-03-06", outlet="Test Wire")))
    yield store
    store.close()


def test_store_and_exports_carry_the_records(store):
    from presslens.store.events import gdelt_csv, plover_records, query_events

    rows = query_events(store, actor="Sudan")
    twice = next(r for r in rows if len(r["mention_starts"]) == 2)
    assert twice["article_id"] and all(isinstance(s, int) for s in twice["mention_starts"])
    identities = {r[0] for r in store.conn.execute("SELECT id FROM actor_entities")}
    assert set(twice["source_entity_ids"]) | set(twice["target_entity_ids"]) <= identities
    assert [r["type"] for r in query_events(store, actor=twice["target_entity_ids"][0])] == ["ACCUSE"]
    record = next(r for r in plover_records(store, rows) if r["id"].endswith(f":{twice['trigger_start']}"))
    extra = record["presslens"]
    assert extra["article_id"] == twice["article_id"] and len(extra["mentions"]) == 2
    assert extra["recipient_entity_ids"] == list(twice["target_entity_ids"]) and extra["date_basis"] == "sentence"
    table = list(csv.DictReader(io.StringIO(gdelt_csv(store, query_events(store)))))
    merged = next(r for r in table if r["TriggerStart"] == str(twice["trigger_start"]))
    assert merged["NumMentions"] == "2" and merged["Mentions"].count(";") == 1
    assert merged["Actor2EntityID"] == twice["target_entity_ids"][0] and merged["DateBasis"] == "sentence"
    arrest = next(r for r in table if r["PLOVER_Type"] == "COERCE")
    assert arrest["ActionGeo_FullName"] == "Nairobi" and arrest["ReportedByEntityID"].startswith("e")
