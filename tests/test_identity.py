"""One identity per actor: merged mentions in an article, salient surnames, stable entity ids
whatever the batch, order or process count, and the store's ``actor_entities`` view."""

from __future__ import annotations

import json

from presslens.actors.identity import entity_id
from presslens.core.readers import make_article
from presslens.core.schema import Analysis
from presslens.pipeline import analyze, analyze_articles
from presslens.store.sqlite import Store

CLINTONS = ("Hillary Clinton said on Monday she would campaign in Ohio. Clinton spoke to supporters in "
            "Columbus. Her daughter, Chelsea Clinton, joined her on stage later. Clinton told reporters "
            "that the race was close.")
CHELSEA_FIRST = ("Chelsea Clinton opened a clinic in Harlem on Tuesday. Clinton said the clinic would serve "
                 "4,000 families. Chelsea Clinton thanked the city.")
OTHERS = ["Rescuers searched for survivors in Derna on Sunday, officials said.",
          "Donald Trump said tariffs would rise. Trump spoke in Ohio. President Trump later left for Florida."]


def _person(analysis: Analysis, surface: str) -> str:
    """The canonical name of the actor whose mention is the first ``surface`` after the first sentence."""
    text = analysis.article.text
    position = text.index(surface, text.index(".") + 1)
    actors = {a.id: a for a in analysis.actors}
    for m in analysis.mentions:
        if m.start == position and m.text == surface:
            return actors[m.actor_id].name
    raise AssertionError(f"no mention {surface!r} at {position}: {[(m.text, m.start) for m in analysis.mentions]}")


def _articles(texts: list[str]):
    return [make_article(t, source=f"<t{i}>", date="2025-03-01", outlet="Test") for i, t in enumerate(texts)]


def _records(analysis: Analysis) -> list:
    return sorted((a.name, a.kind, a.country, a.names, a.entity_id) for a in analysis.actors)


def test_bare_surname_goes_to_the_salient_person_never_the_last_seen():
    analysis = analyze(CLINTONS, date="2025-03-01", outlet="Test")
    assert _person(analysis, "Clinton") == "Hillary Clinton"
    names = {a.name for a in analysis.actors if a.kind == "person"}
    assert {"Hillary Clinton", "Chelsea Clinton"} <= names  # two people sharing a surname stay apart
    chelsea = analyze(CHELSEA_FIRST, date="2025-03-01", outlet="Test")
    assert _person(chelsea, "Clinton") == "Chelsea Clinton"


def test_one_actor_with_every_name_within_an_article():
    analysis = analyze(OTHERS[1], date="2025-03-01", outlet="Test")
    trumps = [a for a in analysis.actors if "Trump" in a.name]
    assert len(trumps) == 1
    assert {"Donald Trump", "Trump", "President Trump"} <= set(trumps[0].names)


def test_records_do_not_depend_on_batch_order_or_process_count():
    alone = _records(analyze(make_article(CLINTONS, source="<t0>", date="2025-03-01", outlet="Test")))
    texts = [CHELSEA_FIRST, *OTHERS, CLINTONS]
    in_batch = {a.article.text: a for a in analyze_articles(_articles(texts), batch_size=4)}
    reversed_batch = {a.article.text: a for a in analyze_articles(_articles(texts[::-1]), batch_size=2)}
    two_processes = {a.article.text: a for a in analyze_articles(_articles(texts), n_process=2, batch_size=1)}
    for results in (in_batch, reversed_batch, two_processes):
        assert _records(results[CLINTONS]) == alone
        assert _person(results[CLINTONS], "Clinton") == "Hillary Clinton"


def test_entity_ids_are_shared_across_articles_and_distinct_between_people():
    first = analyze(CLINTONS, date="2025-03-01", outlet="Test")
    second = analyze(CHELSEA_FIRST, date="2025-03-02", outlet="Test")
    ids = {a.name: a.entity_id for a in (*first.actors, *second.actors) if a.kind == "person"}
    assert ids["Chelsea Clinton"] == entity_id("Chelsea Clinton", "person")
    assert ids["Hillary Clinton"] != ids["Chelsea Clinton"]
    chelsea_ids = {a.entity_id for a in (*first.actors, *second.actors) if a.name == "Chelsea Clinton"}
    assert len(chelsea_ids) == 1
    assert entity_id("Hamas", "organization", "PSE") != entity_id("Hamas", "organization", None)


def test_store_counts_an_identity_once(tmp_path):
    store = Store(tmp_path / "news.sqlite")
    for analysis in analyze_articles(_articles([CLINTONS, CHELSEA_FIRST])):
        store.add(analysis)
    rows = [dict(r) for r in store.conn.execute(
        "SELECT * FROM actor_entities WHERE name = 'Chelsea Clinton'").fetchall()]
    assert len(rows) == 1
    assert rows[0]["n_articles"] == 2 and rows[0]["kind"] == "person"
    assert "Clinton" in json.loads(rows[0]["aliases"])
    assert rows[0]["first_seen"] == rows[0]["last_seen"] == "2025-03-01"


VARGAS = ("Former President Anton Varga campaigned in Tarnholm on Monday for Senator Maria Varga, who leads the "
          "race. Maria Varga thanked the crowd. President Varga said the campaign was strong. Senator Varga "
          "promised new roads. Varga left for Halvessa on Tuesday.")


def _person_at(analysis: Analysis, needle: str) -> str:
    """The canonical name of the actor with a mention covering the start of ``needle``."""
    position = analysis.article.text.index(needle)
    actors = {a.id: a for a in analysis.actors}
    found = [actors[m.actor_id].name for m in analysis.mentions if m.start <= position < m.end]
    assert found, f"no mention at {needle!r}: {[(m.text, m.start) for m in analysis.mentions]}"
    return found[0]


def test_a_titled_surname_goes_to_the_namesake_who_bears_that_title():
    analysis = analyze(make_article(VARGAS, source="<vargas>", date="2025-03-01", outlet="Test"))
    assert _person_at(analysis, "Varga said") == "Anton Varga"
    assert _person_at(analysis, "Varga promised") == "Maria Varga"
    assert _person_at(analysis, "Varga left") == "Maria Varga"  # no title: the most often named, as before
