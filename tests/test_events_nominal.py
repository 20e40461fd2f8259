"""Events named by a noun: 'died in a rebel attack on the market', 'the army's shelling of X left dozens dead'.

Written from PLOVER's definitions (ASSAULT, PROTEST, COERCE) before the rule, with mirrors for both sides of a
conflict, near misses (a noun of illness, of a market, of a plan) and sentences where the act is only feared.
"""

from __future__ import annotations

import pytest

from presslens.pipeline import analyze
from tests.test_events import events_in

# sentence, type, mode (None: not checked), source countries, target countries (None: not checked; towns the
# tagger misreads are checked with the article's places below)
NAMED_BY_A_NOUN = [
    ("Twelve people were wounded in an Israeli air strike on Rafah.", "ASSAULT", "aerial", {"ISR"}, None),
    ("Twelve people were wounded in a Hamas rocket attack on Sderot.", "ASSAULT", None, {"PSE"}, None),
    ("Residents fled after a Russian drone strike on Kharkiv.", "ASSAULT", "drone", {"RUS"}, None),
    ("Residents fled after a Ukrainian drone strike on Belgorod.", "ASSAULT", "drone", {"UKR"}, None),
    ("The Sudanese army's shelling of Omdurman left dozens dead.", "ASSAULT", None, {"SDN"}, None),
    ("Dozens of people died in a chlorine gas attack by Syrian government forces on Idlib.", "ASSAULT",
     "unconventional", {"SYR"}, None),
    ("Hundreds of women were injured in sexual assaults by Congolese soldiers.", "ASSAULT", "sexual", {"COD"}, None),
    ("Traffic stopped during a protest by Kenyan farmers in Nairobi.", "PROTEST", None, {"KEN"}, None),
    ("The journalist was freed two days after her arrest by Iranian police.", "COERCE", "arrest", {"IRN"}, None),
    ("The journalist was freed two days after her arrest by Azerbaijani police.", "COERCE", "arrest", {"AZE"},
     None),
]


@pytest.mark.parametrize("text,type_,mode,sources,targets", NAMED_BY_A_NOUN)
def test_an_event_named_by_a_noun(text, type_, mode, sources, targets):
    found = [e for e in events_in(text) if e.type == type_ and not e.hypothetical and not e.negated]
    assert found, f"no {type_} in {text!r}: {[(e.type, e.trigger) for e in events_in(text)]}"
    event = found[0]
    assert mode is None or event.mode == mode, event
    assert set(event.source_countries) == sources, event
    assert targets is None or set(event.target_countries) == targets, event


@pytest.mark.parametrize("text", [
    "Five people were killed in an attack by Houthi rebels on the market.",
    "Israeli strikes on Gaza City killed twelve people.",
    "Ukrainian forces launched an attack on the bridge.",
])
def test_a_noun_that_carries_a_verbs_roles_is_no_second_event(text):
    assert len([e for e in events_in(text) if e.type == "ASSAULT"]) == 1, events_in(text)


@pytest.mark.parametrize("text", [
    "The senator died of a heart attack on Tuesday.",
    "She was taken to hospital after a panic attack.",
    "Officials in Kyiv fear an attack on the capital.",
    "Officials in Moscow fear an attack on the capital.",
    "Residents fled after warnings of an attack by rebels.",
    "Three workers died in a gas explosion at the factory.",
    "Shares rose after a rally on Wall Street.",
    "No one was hurt in the attack, police said.",
    "Any attack on Orsenna would be met with force.",
    "The attack ad aired on Tuesday.",
    "Security was tight after threats of attacks by militants.",
    "Prices fell after a strike on the oil market was ruled out.",
])
def test_no_asserted_act_named_by_a_noun(text):
    asserted = [e for e in events_in(text) if e.type in ("ASSAULT", "PROTEST", "COERCE")
                and not e.hypothetical and not e.negated]
    assert not asserted, [(e.type, e.trigger, e.sources) for e in asserted]


@pytest.mark.parametrize("text,country", [
    ("Russian drones struck Kharkiv on Tuesday.", "UKR"),
    ("Ukrainian drones struck Belgorod on Tuesday.", "RUS"),
    ("Residents fled after an Israeli air strike on Rafah.", "PSE"),
    ("Residents fled after a Russian drone strike on Kharkiv.", "UKR"),
    ("Residents fled after a Ukrainian drone strike on Belgorod.", "RUS"),
    ("Dozens of people died in a chlorine gas attack by Syrian government forces on Idlib.", "SYR"),
])
def test_a_struck_town_the_tagger_misreads_is_of_its_country(text, country):
    event = next(e for e in analyze(text).events if e.type == "ASSAULT")  # with the article's places
    assert event.target_countries == (country,), event


@pytest.mark.parametrize("text", [
    "The attacks on Senator Marlow illustrate how coarse the campaign has become.",
    "The party's relentless assault on Judge Orvane continued on Thursday.",
])
def test_an_attack_in_words_named_by_a_noun_is_no_assault(text):
    assert not [e for e in events_in(text) if e.type == "ASSAULT"], events_in(text)


@pytest.mark.parametrize("text,target", [
    ("Riots broke out after the Kennedy assassination.", "Kennedy"),
    ("Riots broke out after the Lumumba assassination.", "Lumumba"),
])
def test_the_name_before_an_assassination_is_its_target(text, target):
    assault = next(e for e in events_in(text) if e.type == "ASSAULT")
    assert assault.sources == () and assault.targets == (target,), assault


@pytest.mark.parametrize("text", [
    "Three students died in the Parkland shooting.",
    "The Tulsa protest remained peaceful.",
])
def test_a_place_before_an_event_noun_is_no_doer(text):
    assert not [e for e in events_in(text) if e.sources], events_in(text)



@pytest.mark.parametrize("text", [
    "Three killed in Kabul blast.",
    "Three killed in Tel Aviv blast.",
    "Five killed in Gaza strikes.",
])
def test_a_headline_passive_is_an_event_and_the_town_before_its_noun_is_no_doer(text):
    """'Three killed in Kabul blast': the headline's participle is the act; Kabul is where it happened."""
    assaults = [e for e in analyze(text).events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].sources == (), assaults


@pytest.mark.parametrize("text", [
    "Hundreds wounded as police fire on protesters in Nairobi.",
    "Hundreds wounded as soldiers fire on protesters in Harare.",
])
def test_the_wounded_are_no_one_else(text):
    """A passive's subject is who it was done to: another actor of the clause is not taken in its place."""
    assert all(e.targets == () for e in events_in(text) if e.trigger == "wounded"), events_in(text)


@pytest.mark.parametrize("text", ["The plague has killed 97 people in Madagascar.",
                                  "The outbreak of the black plague in Madagascar has so far killed 97 people."])
def test_an_epidemic_kills_in_no_event(text):
    assert not [e for e in analyze(text).events if e.type == "ASSAULT"], analyze(text).events


@pytest.mark.parametrize("text", [
    "Senator Marlow told the bank's chief: 'You should be criminally investigated.'",
    "The question is whether the officer is prosecuted as a police officer or a civilian.",
])
def test_a_clause_of_its_own_or_a_question_is_no_headline_passive(text):
    assert not [e for e in events_in(text) if not e.hypothetical and e.type in ("ACCUSE", "SANCTION")], events_in(text)
