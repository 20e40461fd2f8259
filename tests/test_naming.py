"""The naming profile: names given to each actor, counted by outlet and voice (``naming`` view and command)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from presslens.core.readers import make_article
from presslens.core.schema import Actor, ActorMention, Analysis
from presslens.store.naming import names_by_actor, naming_profile
from presslens.store.sqlite import Store

# outlet, text, mentions as (surface name, actor id, voice); fictional actors
ARTICLES = [
    ("Tarnholm Daily", "Valdoria said the Valdorian government would talk. The regime in Calder refused. It left.",
     [("Valdoria", "valdoria", "outlet"), ("the Valdorian government", "valdoria", "outlet"),
      ("The regime in Calder", "calder", "outlet"), ("It", "calder", "outlet")]),
    ("Tarnholm Daily", "Calder said the occupation must end, the minister said of Valdoria.",
     [("Calder", "calder", "outlet"), ("the occupation", "valdoria", "Mira Stoll"),
      ("Valdoria", "valdoria", "outlet")]),
    ("Calder Post", "The occupation and Valdoria met. the occupation left.",
     [("The occupation", "valdoria", "outlet"), ("Valdoria", "valdoria", "outlet"),
      ("the occupation", "valdoria", "outlet")]),
]
ACTOR_NAMES = {"valdoria": "Valdoria", "calder": "Calder"}


def _analysis(outlet: str, text: str, mentions: list[tuple[str, str, str]]) -> Analysis:
    records, position = [], 0
    for name, actor_id, voice in mentions:
        start = text.index(name, position)
        position = start + len(name)
        records.append(ActorMention(start=start, end=position, text=name, actor_id=actor_id, voice=voice))
    actors = [Actor(id=a, name=ACTOR_NAMES[a], kind="state", start=0, end=1)
              for a in dict.fromkeys(m.actor_id for m in records)]
    return Analysis(article=make_article(text, source="<test>", outlet=outlet, date="2024-05-01"),
                    actors=tuple(actors), mentions=tuple(records))


@pytest.fixture(scope="module")
def naming_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("naming") / "naming.sqlite"
    with Store(path) as store:
        for outlet, text, mentions in ARTICLES:
            store.add(_analysis(outlet, text, mentions))
    return path


def test_profile_counts_names_by_outlet_and_voice(naming_store):
    with Store(naming_store, create=False) as store:
        rows = naming_profile(store)
    table = {(r["actor"], r["name"].lower(), r["outlet"], r["voice"]): (r["mentions"], r["articles"]) for r in rows}
    assert table == {
        ("Valdoria", "valdoria", "Tarnholm Daily", "outlet"): (2, 2),
        ("Valdoria", "the valdorian government", "Tarnholm Daily", "outlet"): (1, 1),
        ("Valdoria", "the occupation", "Tarnholm Daily", "quoted"): (1, 1),
        ("Valdoria", "the occupation", "Calder Post", "outlet"): (2, 1),
        ("Valdoria", "valdoria", "Calder Post", "outlet"): (1, 1),
        ("Calder", "the regime in calder", "Tarnholm Daily", "outlet"): (1, 1),
        ("Calder", "calder", "Tarnholm Daily", "outlet"): (1, 1),
    }


def test_pronouns_are_not_names(naming_store):
    with Store(naming_store, create=False) as store:
        names = {r["name"].lower() for r in naming_profile(store)}
    assert "it" not in names


@pytest.mark.parametrize(("actor", "outlet", "expected"), [
    ("Valdoria", None, {"Valdoria"}),
    ("the occupation", None, {"Valdoria"}),       # any name an actor is given selects it
    ("VALDORIA", "calder post", {"Valdoria"}),
    ("Calder", "Calder Post", set()),              # Calder is not named in the Post
    ("Nowhere", None, set()),
])
def test_profile_filters(naming_store, actor, outlet, expected):
    with Store(naming_store, create=False) as store:
        rows = naming_profile(store, actor=actor, outlet=outlet)
    assert {r["actor"] for r in rows} == expected
    if outlet:
        assert all(r["outlet"].lower() == outlet.lower() for r in rows)


def test_split_by_speaker_and_totals(naming_store):
    with Store(naming_store, create=False) as store:
        rows = naming_profile(store, actor="Valdoria", by_speaker=True)
    quoted = [r for r in rows if r["voice"] == "quoted"]
    assert [(r["name"], r["speaker"]) for r in quoted] == [("the occupation", "Mira Stoll")]
    assert names_by_actor(rows)["Valdoria"] == {"Valdoria": 3, "the Valdorian government": 1,
                                               "The occupation": 2, "the occupation": 1}


def test_naming_view_has_one_row_per_named_mention(naming_store):
    with Store(naming_store, create=False) as store:
        count = store.conn.execute("SELECT count(*) FROM naming").fetchone()[0]
    assert count == sum(len(m) for _, _, m in ARTICLES) - 1  # minus the pronoun 'It'


def test_naming_command(naming_store):
    result = subprocess.run([sys.executable, "-m", "presslens", "naming", "--db", str(naming_store),
                             "--actor", "Calder", "--json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert {r["name"] for r in json.loads(result.stdout)} == {"The regime in Calder", "Calder"}
    table = subprocess.run([sys.executable, "-m", "presslens", "naming", "--db", str(naming_store)],
                           capture_output=True, text=True, timeout=120)
    assert "Calder Post" in table.stdout and "quoted" in table.stdout
