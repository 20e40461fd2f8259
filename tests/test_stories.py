"""Near-duplicates, stories and canonical events (presslens.stories) on the project's check set."""

from __future__ import annotations

import json

import pytest

from presslens.core.readers import read_articles
from presslens.core.schema import Event, Figure
from presslens.pipeline import analyze_articles
from presslens.store import stories as tables
from presslens.store.parquet import export_parquet
from presslens.store.sqlite import Store
from presslens.stories import link_article, link_unlinked, linker, shingles
from presslens.stories.claims import Interval, comparable, measure_of, responsibility_differs, responsible
from presslens.stories.events import Report, canonical_events
from presslens.stories.scorer import DEFAULT_GOLD

GOLD = {row["id"]: row for row in map(json.loads, open(DEFAULT_GOLD, encoding="utf-8"))}


@pytest.fixture(scope="module")
def analyses():
    return list(analyze_articles(read_articles([DEFAULT_GOLD])))


def _linked(analyses, path) -> Store:
    store = Store(path)
    for analysis in analyses:
        store.add(analysis, then=linker(analysis))  # as ingest does: linked in the article's transaction
    return store


def _stories(store: Store, analyses) -> dict[str, str]:
    """External (check-set) id → story id."""
    story = {r[0]: r[1] for r in store.conn.execute("SELECT article_id, story_id FROM story_articles")}
    return {a.article.external_id: story[a.article.id] for a in analyses}


def test_copies_with_typical_edits_are_duplicates_and_rewrites_are_not():
    text = {i: row["text"] for i, row in GOLD.items()}
    for copy in ("s1-copy-trim", "s1-copy-local", "s2-copy-reorder", "s3-copy-edit", "s8-copy-b"):
        jaccard, containment = shingles.similarity(shingles.shingles(text[copy]),
                                                   shingles.shingles(text[GOLD[copy]["copy_of"]]))
        assert shingles.is_duplicate(jaccard, containment, 100), copy
    jaccard, containment = shingles.similarity(shingles.shingles(text["s1-indep-a"]), shingles.shingles(text["s1-wire"]))
    assert not shingles.is_duplicate(jaccard, containment, 100)


def test_signatures_are_seeded_and_copies_share_a_band():
    wire = shingles.signature(shingles.shingles(GOLD["s3-wire"]["text"]))
    again = shingles.signature(shingles.shingles(GOLD["s3-wire"]["text"]))
    trimmed = shingles.signature(shingles.shingles(GOLD["s3-copy-trim"]["text"]))
    other = shingles.signature(shingles.shingles(GOLD["s4-wire"]["text"]))
    assert shingles.band_keys(wire) == shingles.band_keys(again)
    assert set(shingles.band_keys(wire)) & set(shingles.band_keys(trimmed))
    assert not set(shingles.band_keys(wire)) & set(shingles.band_keys(other))


def test_stories_match_the_gold_and_do_not_depend_on_order(analyses, tmp_path):
    forward = _stories(_linked(analyses, tmp_path / "a.sqlite"), analyses)
    backward = _stories(_linked(analyses[::-1], tmp_path / "b.sqlite"), analyses)
    assert forward == backward
    gold_groups = {frozenset(i for i in GOLD if GOLD[i]["story"] == s) for s in {g["story"] for g in GOLD.values()}}
    found = {frozenset(i for i in forward if forward[i] == s) for s in set(forward.values())}
    assert found == gold_groups


def test_same_topic_stories_on_the_same_day_stay_apart(analyses, tmp_path):
    story = _stories(_linked(analyses, tmp_path / "s.sqlite"), analyses)
    assert story["s1-wire"] != story["s2-wire"]  # dock strike and bus strike, Tarnholm, same Monday
    assert story["s3-wire"] != story["s4-wire"]  # two floods on one day
    assert story["s1-wire"] != story["s10-wire"]  # the same dock actors eleven days later


def test_independent_reports_count_copies_once(analyses, tmp_path):
    store = _linked(analyses, tmp_path / "s.sqlite")
    story = _stories(store, analyses)["s1-wire"]
    detail = tables.story_detail(store, story)
    # six check-set articles: the headline-only change has the same text (same id), two more copies, two rewrites
    assert detail["story"].n_articles == 5 and detail["story"].n_independent == 3
    copies = {a["article_id"] for a in detail["articles"] if a["copy_of"]}
    assert len(copies) == 2
    pairs = store.conn.execute("SELECT count(*) FROM duplicates").fetchone()[0]
    assert pairs == 14  # every copy with its original and with the original's other copies (s14: one pair)


def test_linking_twice_changes_nothing(analyses, tmp_path):
    store = _linked(analyses[:6], tmp_path / "s.sqlite")
    before = store.conn.execute("SELECT * FROM story_articles ORDER BY article_id").fetchall()
    for analysis in analyses[:6]:
        link_article(store, analysis)
    assert store.conn.execute("SELECT * FROM story_articles ORDER BY article_id").fetchall() == before


def test_articles_stored_but_not_linked_are_caught_up(analyses, tmp_path):
    """An ingest killed between storing and linking: the next ingest links what was missed."""
    linked = _linked(analyses[:6], tmp_path / "linked.sqlite")
    store = Store(tmp_path / "killed.sqlite")
    for analysis in analyses[:6]:
        store.add(analysis)
    link_article(store, analyses[0])
    assert link_unlinked(store) == len(store.known_ids()) - 1 > 0
    assert link_unlinked(store) == 0
    query = "SELECT article_id, story_id FROM story_articles ORDER BY article_id"
    assert store.conn.execute(query).fetchall() == linked.conn.execute(query).fetchall()


def test_deferred_rebuilds_give_the_same_stories(analyses, tmp_path, monkeypatch):
    """Ingest rebuilds touched stories every few articles: the tables are those of a rebuild per article."""
    from presslens import corpus

    monkeypatch.setattr(corpus, "REBUILD_EVERY", 5)  # batches that cut stories apart
    deferred = Store(tmp_path / "deferred.sqlite")
    corpus.store_analyses(deferred, analyses, corpus.IngestResult())
    assert deferred.conn.execute("SELECT count(*) FROM story_pending").fetchone()[0] == 0
    immediate = _linked(analyses, tmp_path / "immediate.sqlite")
    for query in ("SELECT * FROM stories ORDER BY id", "SELECT * FROM story_events ORDER BY story_id, ordinal",
                  "SELECT * FROM story_claims ORDER BY story_id, event, article_id, start, kind"):
        rows = [tuple(r) for r in deferred.conn.execute(query)]
        assert rows and rows == [tuple(r) for r in immediate.conn.execute(query)], query


def test_lookups_read_the_index_not_the_table(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        tables.ensure_index(store.conn)
        for sql, args in (("SELECT article_id FROM story_lsh WHERE band_key IN (?, ?)", (1, 2)),
                          ("SELECT article_id FROM story_names WHERE name IN (?) AND date BETWEEN ? AND ?",
                           ("x", "2025-01-01", "2025-01-07"))):
            plan = " ".join(r[-1] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, args))
            assert any(way in plan for way in ("USING INDEX", "USING COVERING INDEX", "USING PRIMARY KEY")), plan


def test_story_tables_are_exported_to_parquet(analyses, tmp_path):
    store = _linked(analyses[:8], tmp_path / "s.sqlite")
    written = export_parquet(store, tmp_path / "pq")
    assert written["duplicates"] > 0 and written["stories"] > 0 and written["story_events"] > 0
    assert written["story_articles"] == 7  # eight check-set articles, two with the same text
    import pyarrow.parquet as pq

    assert str(pq.read_schema(tmp_path / "pq" / "stories.parquet").field("n_independent").type) == "int64"
    assert str(pq.read_schema(tmp_path / "pq" / "duplicates.parquet").field("jaccard").type) == "double"


def _kill(start: int, sources: tuple[str, ...]) -> Event:
    return Event(start, start + 60, "ASSAULT", "killed", start + 10, start + 16, sources=sources,
                 targets=("villagers",))


def test_figures_from_different_sources_stay_separate_claims():
    reports = [Report("a", "2025-01-02", "Wire", "a"), Report("b", "2025-01-02", "Reprint", "a"),
               Report("c", "2025-01-03", "Daily", "c")]
    events = {"a": [_kill(0, ("Kestrel Front", "villagers"))], "b": [_kill(0, ("Kestrel Front", "villagers"))],
              "c": [_kill(100, ("Varga Militia", "villagers"))]}
    figures = {"a": [Figure(20, 22, "12", value=12, counts="villagers killed", source="health ministry")],
               "b": [Figure(20, 22, "12", value=12, counts="villagers killed", source="health ministry")],
               "c": [Figure(120, 122, "19", value=19, counts="villagers killed", source="Red Cross")]}
    story_events, claims, _ = canonical_events("s", reports, events, figures)
    assert len(story_events) == 1
    event = story_events[0]
    assert (event.n_articles, event.n_outlets, event.n_independent, event.first_article_id) == (3, 3, 2, "a")
    values = sorted((c.value, c.source) for c in claims if c.kind == "figure")
    assert values == [(12, "health ministry"), (12, "health ministry"), (19, "Red Cross")]
    assert any(d.startswith("killed: 12 (health ministry)") and "19 (Red Cross)" in d for d in event.disagreements)
    assert any(d.startswith("who:") and "Varga Militia" in d for d in event.disagreements)


def test_copies_alone_never_disagree():
    reports = [Report("a", "2025-01-02", "Wire", "a"), Report("b", "2025-01-02", "Reprint", "a")]
    figures = {"a": [Figure(20, 22, "12", value=12, counts="killed"), Figure(40, 42, "4", value=4, counts="killed")],
               "b": [Figure(20, 22, "12", value=12, counts="killed")]}
    events = {"a": [_kill(0, ("Kestrel Front",))], "b": [_kill(0, ("Varga Militia", "villagers"))]}
    story_events, _, story_disagreements = canonical_events("s", reports, events, figures)
    assert story_events[0].disagreements == () and story_disagreements == []


def test_http_gives_the_story_of_an_article(analyses, tmp_path):
    from fastapi.testclient import TestClient

    from presslens.serve.app import create_app

    _linked(analyses[:8], tmp_path / "s.sqlite").close()
    wire = next(a.article.id for a in analyses if a.article.external_id == "s1-wire")
    with TestClient(create_app(tmp_path / "s.sqlite")) as client:
        body = client.get(f"/api/articles/{wire[:10]}/story").json()
    assert body["n_articles"] == 5 and body["n_independent"] == 3
    assert {d["article_id"] for d in body["duplicates"]} | {d["original_id"] for d in body["duplicates"]} >= {wire}


# -- disagreements compared by meaning ------------------------------------------------


def _figure(text: str, phrase: str, **fields) -> Figure:
    start = text.index(phrase)
    return Figure(start, start + len(phrase), phrase, **fields)


def test_what_a_figure_counts_is_read_by_meaning():
    toll = "The Sarvenan army put the death toll from the blast at 12 and blamed the Front."
    assert measure_of(_figure(toll, "12", value=12), toll) == "killed"
    dead = "Dozens dead in Dravik market shelling."
    assert measure_of(_figure(dead, "Dozens", low=24, high=99), dead) == "killed"
    homes = "The floods forced thousands from their homes, the governor said."
    assert measure_of(_figure(homes, "thousands", low=2000, high=9999), homes) == "displaced"
    shot = "Soldiers shot dead five demonstrators in Corvain."
    assert measure_of(_figure(shot, "five", value=5, counts="demonstrators shot", counts_start=24, counts_end=37),
                      shot) == "killed"
    said = "Forty people died when their bus left the road."
    assert measure_of(_figure(said, "Forty", value=40, counts="people died", counts_start=6, counts_end=12)) == "killed"
    assert measure_of(Figure(0, 2, "40", value=40, counts="wounded police officers", counts_start=0,
                             counts_end=23)) == "injured: officers"
    assert measure_of(Figure(0, 5, "3,400", value=3400, counts="members", counts_start=0, counts_end=7)) == "members"
    assert measure_of(Figure(0, 3, "$40", value=40, unit="USD", counts="killed")) is None


def test_comparable_measures_and_intervals():
    assert comparable("killed", "killed: soldiers") and comparable("injured: police", "injured: police")
    assert not comparable("killed", "injured") and not comparable("killed: soldiers", "killed: attackers")
    at_least_40, twelve, dozens = Interval.of(40, 40, None), Interval.of(12, None, None), Interval.of(None, 24, 99)
    assert not at_least_40.overlaps(twelve) and not dozens.overlaps(twelve)
    assert at_least_40.overlaps(dozens) and dozens.overlaps(Interval.of(37, None, None))
    assert Interval.of(40, None, None, approximate=True).overlaps(Interval.of(43, None, None))
    assert not Interval.of(40, None, None).overlaps(Interval.of(43, None, None))


def _harm(sources: tuple[str, ...], sectors: tuple[str, ...], kind: str = "ASSAULT") -> Event:
    roles = {"sources": sources, "source_sectors": sectors} if kind != "ACCUSE" else \
        {"targets": sources, "target_sectors": sectors}
    return Event(0, 40, kind, "shelled", 10, 17, location="Dravik", **roles)


def test_who_is_responsible_is_compared_by_identity_not_wording():
    army, soldiers = responsible(_harm(("the army",), ("MIL",))), responsible(_harm(("soldiers",), ("MIL",)))
    rebels = responsible(_harm(("rebels",), ("REB",)))
    front, the_front = (responsible(_harm(("Ostrel Liberation Front",), ("MIL",))),
                        responsible(_harm(("Front",), ("REB",))))
    assert not responsibility_differs(army, soldiers) and responsibility_differs(army, rebels)
    assert not responsibility_differs(front, the_front)  # one name ends with the other: one actor
    assert responsibility_differs(responsible(_harm(("Kestrel Front",), ("REB",))),
                                  responsible(_harm(("Varga Militia",), ("REB",))))
    blamed = responsible(_harm(("Ostrel Liberation Front",), ("REB",), kind="ACCUSE"))
    assert blamed[0].name == "ostrel liberation front"
    assert responsible(Event(0, 9, "REQUEST", "asked", 0, 5, sources=("doctors",))) == ()


def _story_of(store: Store, analyses, external_id: str) -> dict:
    return tables.story_detail(store, _stories(store, analyses)[external_id])


def test_differently_worded_reports_that_disagree(analyses, tmp_path):
    store = _linked(analyses, tmp_path / "s.sqlite")
    market = _story_of(store, analyses, "s14-wire")  # 'at least 40 killed' / 'death toll at 12' / 'dozens died'
    killed = [d for d in market["story"].disagreements if d.startswith("killed: ")]
    assert len(killed) == 1 and all(s in killed[0] for s in ("At least 40", "12 (", "Dozens"))
    shelling = [e for e in market["events"] if e.type == "ASSAULT" and e.location == "Dravik"]
    assert len(shelling) == 1 and shelling[0].n_independent == 2
    who = [d for d in shelling[0].disagreements if d.startswith("who: ")]
    assert len(who) == 1 and "army artillery" in who[0] and "Ostrel Liberation Front" in who[0]
    floods = _story_of(store, analyses, "s3-wire")  # governor: at least 12 / 14; Red Cross: 19 dead / toll rose to 21
    assert any(d.startswith("killed: ") and "19" in d and "21" in d for d in floods["story"].disagreements)
    march = _story_of(store, analyses, "s17-wire")  # '20,000 people took part. Police put the number at 6,000.'
    assert [d.split(":")[0] for d in march["story"].disagreements] == ["took part"]
    assert "6,000" in march["story"].disagreements[0] and "20,000" in march["story"].disagreements[0]


def test_disagreements_do_not_depend_on_order(analyses, tmp_path):
    query = ("SELECT s.id, s.disagreements, e.ordinal, e.disagreements, e.n_independent FROM stories s "
             "LEFT JOIN story_events e ON e.story_id = s.id ORDER BY s.id, e.ordinal")
    forward = _linked(analyses, tmp_path / "a.sqlite").conn.execute(query).fetchall()
    backward = _linked(analyses[::-1], tmp_path / "b.sqlite").conn.execute(query).fetchall()
    assert [tuple(r) for r in forward] == [tuple(r) for r in backward]
    assert any("killed: " in r[1] for r in forward) and any("who: " in (r[3] or "") for r in forward)


def test_differently_worded_reports_that_agree(analyses, tmp_path):
    store = _linked(analyses, tmp_path / "s.sqlite")
    crash = _story_of(store, analyses, "s15-wire")  # '40 killed' / 'forty people died' / '40 injured'
    assert crash["story"].disagreements == () and all(e.disagreements == () for e in crash["events"])
    killed = sorted((c.value, c.measure) for c in crash["claims"] if c.kind == "figure")
    assert killed == [(40, "killed"), (40, "killed")]  # the 40 injured counts something else: no claim to compare
    protest = _story_of(store, analyses, "s16-rights")  # troops / soldiers; five killed / shot dead five
    assert protest["story"].disagreements == () and all(e.disagreements == () for e in protest["events"])
    shooting = [e for e in protest["events"] if e.type == "ASSAULT" and e.n_independent == 2]
    assert shooting and {c.measure for c in protest["claims"] if c.kind == "attribution" and c.event ==
                         shooting[0].ordinal} == {"MIL"}
    fled = {c.measure for c in protest["claims"] if c.kind == "figure" and c.value == 3000}
    assert fled == {"displaced"}  # 'about 3,000 fled' and 'some 3,000 displaced'
    fire = _story_of(store, analyses, "s18-wire")  # 'employed 60' restates nothing: it opens no count of the dead
    assert fire["story"].disagreements == ()
    assert sorted(c.value for c in fire["claims"] if c.measure == "killed") == [9, 9]
