"""Generic designators ('the occupation', 'the enemy', 'the aggressor') resolve from the article, never from a list;
contested territories are actors of their own."""

from __future__ import annotations

import functools

import pytest
import yaml

from presslens.actors.book import ACTORS_YAML, load_actorbook, normalize_words
from presslens.actors.designators import DESIGNATOR, load_designators
from presslens.actors.extract import extract_actors
from presslens.core.nlp import parse
from presslens.places.gazetteer_build import PLACES_YAML
from presslens.quotes.extract import extract_quotes

FRAME_WORDS = frozenset({"the", "state", "country", "power", "forces", "force", "army", "authorities", "authority",
                         "regime", "government", "entity", "territories", "territory", "occupied", "administration"})
"""Words that, with the designator words, make a phrase name no one in particular."""


def _generic(name: str) -> bool:
    words = normalize_words(name)
    return bool(words) and all(w in FRAME_WORDS or w in load_designators().words for w in words)


def test_no_actor_name_is_a_generic_phrase():
    book = load_actorbook(())
    mapped = sorted({" ".join(key) + " -> " + hit.entry.name for key, hits in book.index.items()
                     for hit in hits if _generic(" ".join(key))})
    assert mapped == []


def test_no_place_name_is_a_generic_phrase():
    data = yaml.safe_load(PLACES_YAML.read_text(encoding="utf-8"))
    names = [n for entry in data["places"] for n in entry["names"]]
    assert [n for n in names if _generic(n)] == []


def test_the_check_sees_a_generic_name():
    assert _generic("the occupation forces") and _generic("The Aggressor State") and _generic("the enemy")
    assert not _generic("Israeli occupation forces") and not _generic("the Kyiv regime")


def test_designators_are_not_in_the_name_sections():
    """The designator vocabulary lives in its own section, not under any actor."""
    data = yaml.safe_load(ACTORS_YAML.read_text(encoding="utf-8"))
    assert data["designators"]["phrases"] and "occupation" in data["designators"]["words"]


@functools.lru_cache(maxsize=None)
def _resolved(text: str) -> dict[str, tuple[str, str]]:
    doc = parse(text)
    actors, mentions = extract_actors(doc, extract_quotes(doc))
    by_id = {a.id: a for a in actors}
    return {m.text.lower(): (by_id[m.actor_id].name, by_id[m.actor_id].kind) for m in mentions}


@pytest.mark.parametrize("text, surface, actor", [
    # the speaker's adversary, whichever conflict the article is about
    ("A Ukrainian military spokesman said the occupation forces in Kherson shelled Ukrainian towns after Russia "
     "moved troops south.", "the occupation forces", "Russia"),  # 'in Kherson' says where, not whose (7e5856a)
    ("Russia rejected the charge. Ukraine said the occupation would end soon.", "the occupation", "Russia"),
    ("Israel rejected the charge. Hamas said the occupation would end soon.", "the occupation", "Israel"),
    ("Hamas rejected the charge. Israel said the enemy would be defeated.", "the enemy", "Hamas"),
    ("Israel rejected the charge. Hamas said the enemy would be defeated.", "the enemy", "Israel"),
    ("Morocco rejected the charge. The Polisario Front said the occupation would end.", "the occupation",
     "Morocco"),
    ("Armenia and Azerbaijan traded blame. Azerbaijan said the aggressor would pay.", "the aggressor", "Armenia"),
    ("Armenia and Azerbaijan traded blame. Armenia said the aggressor would pay.", "the aggressor", "Azerbaijan"),
    ("The RSF attacked again. The Sudanese army said the enemy had withdrawn.", "the enemy", "Rapid Support Forces"),
    ("The Sudanese army attacked again. The RSF said the enemy had withdrawn.", "the enemy", "Sudan"),
])
def test_designators_resolve_to_the_speaker_s_adversary(text, surface, actor):
    assert _resolved(text)[surface][0] == actor


@pytest.mark.parametrize("text, surface", [
    ("Ukraine said the occupation forces would be driven out.", "the occupation forces"),
    ("The enemy retreated overnight, the commander said.", "the enemy"),
    ("The Israeli government said the occupation must end.", "the occupation"),
])
def test_a_designator_with_no_other_party_stays_unresolved(text, surface):
    name, kind = _resolved(text)[surface]
    assert kind == DESIGNATOR and name == surface


@pytest.mark.parametrize("text, surface, actor, country", [
    ("Talks on Western Sahara resumed in Geneva.", "Western Sahara", "Western Sahara", "ESH"),
    ("The Polisario Front rejected the plan.", "The Polisario Front", "Polisario Front", "ESH"),
    ("Officials from Nagorno-Karabakh left for Yerevan.", "Nagorno-Karabakh", "Nagorno-Karabakh", None),
    ("Voters in Northern Cyprus went to the polls.", "Northern Cyprus", "Northern Cyprus", None),
    ("Exercises near Crimea were announced.", "Crimea", "Crimea", None),
    ("Curfews in Kashmir were extended.", "Kashmir", "Kashmir", None),
    ("Shelling in the Donbas went on.", "the Donbas", "Donbas", None),
    ("Officials of the Donetsk People's Republic met in Moscow.", "the Donetsk People's Republic",
     "Donetsk People's Republic", None),
    ("Voters in Abkhazia went to the polls.", "Abkhazia", "Abkhazia", None),
    ("Troops in Transnistria held drills.", "Transnistria", "Transnistria", None),
    ("Officials from Somaliland met in Addis Ababa.", "Somaliland", "Somaliland", None),
])
def test_contested_territories_are_their_own_actors(text, surface, actor, country):
    doc = parse(text)
    actors, mentions = extract_actors(doc, extract_quotes(doc))
    by_id = {a.id: a for a in actors}
    found = next(by_id[m.actor_id] for m in mentions if m.text == surface)
    assert (found.name, found.country) == (actor, country)
