"""Announced, promised, conditional and ruled-out acts, and event words in other senses, read by PLOVER's
definitions (``../shared/docs/plover.md``).

* An announced retreat ('will pull troops out', 'would release prisoners') is CONCEDE, not AGREE and not RETREAT;
  a promise of future cooperation is AGREE (the model still types a reported 'would release' AGREE: xfail).
* AGREE is a commitment to cooperate: a promise of an act that is no event and names no other party
  ('promised to cut taxes', 'vowed to build a metro line') is a campaign promise, not an event.
* An act inside a condition ('if you have people displaced') is hypothetical; one a sentence rules out
  ('there is no chance she will resign') is negated.
* ASSAULT is physical force: 'fired' with a person as its object is a dismissal, a population that
  'exploded' grew. THREATEN warns of a coercive act: 'warnings about the heat' threaten nothing.
* CONSULT 'visit' needs a visitor: 'the share she received in 2008' names a year, not people.

Each rule has near-misses that must stay events. The same construction is checked with the sides swapped.
"""

from __future__ import annotations

import pytest


def asserted_types(analyze_text, text: str) -> list[str]:
    return [e.type for e in analyze_text(text).events if not (e.hypothetical or e.negated)]


def all_types(analyze_text, text: str) -> list[str]:
    return [e.type for e in analyze_text(text).events]


MODEL_SAYS_AGREE = pytest.mark.xfail(strict=True, reason=(
    "the model types a reported 'would release/withdraw' AGREE, as the PLOVER dev gold does for two such "
    "sentences; forcing CONCEDE after the model cost dev CV type 0.807 -> 0.795 and was withdrawn"))
ANNOUNCED_RETREATS = [
    "Kenya's defence minister said the army would withdraw its troops from Somalia by December.",
    pytest.param("Myanmar's junta said it would release 300 political prisoners next week.", marks=MODEL_SAYS_AGREE),
    "The Colombian rebels promised to free the kidnapped engineers.",
    "Ethiopia will pull its forces out of the border towns next month, the prime minister said.",
    "Azerbaijan pledged to hand over the captured soldiers to Armenia.",
    "Armenia pledged to hand over the captured soldiers to Azerbaijan.",
    pytest.param("The Pakistani army said it would free the Indian pilot on Friday.", marks=MODEL_SAYS_AGREE),
    pytest.param("The Indian army said it would free the Pakistani pilot on Friday.", marks=MODEL_SAYS_AGREE),
]


@pytest.mark.parametrize("text", ANNOUNCED_RETREATS)
def test_an_announced_retreat_is_a_concession(analyze_text, text):
    assert all_types(analyze_text, text) == ["CONCEDE"], text


@pytest.mark.parametrize("text,type_", [
    ("Russian troops withdrew from the village near Kherson on Monday.", "RETREAT"),
    ("The junta in Naypyidaw released 300 political prisoners on Tuesday.", "RETREAT"),
    ("Japan pledged to send aid to flood victims in Malawi.", "AGREE"),
    ("Vietnam and the Philippines will hold talks in Hanoi next month.", "AGREE"),
    ("Germany promised to help Ukraine rebuild its power grid.", "AGREE"),
])
def test_done_retreats_and_promised_cooperation_keep_their_type(analyze_text, text, type_):
    assert asserted_types(analyze_text, text) == [type_], text


@pytest.mark.parametrize("text", [
    "The governor promised to cut property taxes.",
    "The candidate vowed to build a new metro line in Lagos.",
    "The opposition leader pledged to create a million jobs.",
    pytest.param("Modi promised to double farmers' incomes by 2022.", marks=pytest.mark.xfail(
        strict=True, reason="the parser reads 'to double' as a preposition and an adjective: no promised clause")),
    "The mayor of Bogota committed to planting a million trees.",
    "He also vowed to form a federal task force on cyber crime.",
    "The Labour leader promised to lower energy bills.",
    "The Conservative leader promised to lower energy bills.",
])
def test_a_promise_of_no_event_is_no_event(analyze_text, text):
    assert all_types(analyze_text, text) == [], text


@pytest.mark.parametrize("text,type_", [
    ("Brazil pledged $50 million to Haiti.", "AGREE"),
    ("Nigeria agreed to reopen the border with Benin.", "AGREE"),
    ("Indonesia pledged to work with Australia on people smuggling.", "AGREE"),
    ("The president of Chad promised to lift the curfew on Friday.", "CONCEDE"),
    ("Sudan's two rival generals promised to sign the ceasefire accord next week.", "AGREE"),
    ("The Tunisian premier promised to meet the union leaders on Monday.", "AGREE"),
])
def test_promises_of_events_stay_events(analyze_text, text, type_):
    assert asserted_types(analyze_text, text) == [type_], text


@pytest.mark.parametrize("text", [
    pytest.param('"If you have even a portion of those people displaced," he said, "you have a refugee crisis."',
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "since the model learns from the hand-judged records it finds no event at all in this "
                     "rhetorical condition ('displaced' no event 0.8), so there is no record to flag"))),
    "If voters see soldiers deployed in the streets, turnout will fall.",
])
def test_an_act_inside_a_condition_is_hypothetical(analyze_text, text):
    events = analyze_text(text).events
    assert events and all(e.hypothetical for e in events), [(e.type, e.hypothetical) for e in events]


@pytest.mark.parametrize("text", [
    "If officials in Accra want to arrest the journalists, they will need a warrant.",
    "If officials in Lome want to arrest the journalists, they will need a warrant.",
])
def test_a_wanted_act_inside_a_condition_is_not_asserted(analyze_text, text):
    """(Today no record at all: 'want to' is an intention, coded only in someone's words.)"""
    assert asserted_types(analyze_text, text) == [], text


@pytest.mark.parametrize("text,type_", [
    ("Troops who shelled Kharkiv on Monday will withdraw if the talks succeed.", "ASSAULT"),
    ("Police in Nairobi arrested twelve protesters after they refused to leave.", "COERCE"),
])
def test_a_fact_beside_a_condition_stays_asserted(analyze_text, text, type_):
    assert type_ in asserted_types(analyze_text, text), text


@pytest.mark.parametrize("text", [
    '"There is no chance the president will resign," his spokesman said.',
    "There is no sign that Serbia will withdraw its troops from the border.",
    "There is no sign that Kosovo will withdraw its police from the border.",
    "There was no evidence that the police beat the detainees in Lima.",
])
def test_an_act_the_sentence_rules_out_is_negated(analyze_text, text):
    events = analyze_text(text).events
    assert events and all(e.negated for e in events), [(e.type, e.negated) for e in events]


def test_no_doubt_asserts_the_act(analyze_text):
    assert "ASSAULT" in asserted_types(analyze_text, "There is no doubt that the militia attacked the village of Bama.")


@pytest.mark.parametrize("text", [
    "The bank said it had fired 5,000 employees.",
    "The mining firm in Zambia fired hundreds of workers after the strike.",
    "The club fired its Ghanaian coach after the defeat.",
    "The police department fired the officer on Monday.",
    "The ministry in Kyiv fired two senior officials over the scandal.",
    "The ministry in Moscow fired two senior officials over the scandal.",
    "The president fired the FBI director in May.",
    "The state broadcaster in Nairobi fired its director after the election.",
    "Ruto was fired from the cabinet last month.",
    "Okafor was fired by the governor of Lagos State in March.",
    "The deputy police chief in Lahore was fired after the riots.",
])
def test_firing_a_person_is_a_dismissal(analyze_text, text):
    """No shooting (whether the lexicon codes dismissing an official as a resignation is its own matter)."""
    assert "ASSAULT" not in all_types(analyze_text, text), text


@pytest.mark.parametrize("text", [
    "Soldiers fired on protesters in Khartoum.",
    "Militants fired rockets at the town of Sderot.",
    "Police fired tear gas at students in Dhaka.",
    "Gunmen fired at a bus carrying pilgrims in Kashmir.",
    "Soldiers fired on the director of the clinic in Goma.",
    "Troops fired into the crowd in Khartoum.",
    "The director of the clinic was fired upon by gunmen in Juba.",
])
def test_firing_a_weapon_stays_an_assault(analyze_text, text):
    assert asserted_types(analyze_text, text) == ["ASSAULT"], text


@pytest.mark.parametrize("text", [
    "Doctors in Karachi issued warnings about the heat.",
    "The governor has stepped up his dire warnings about the economy.",
    "Forecasters in Manila issued warnings as the typhoon approached.",
])
def test_a_warning_of_nothing_coercive_is_no_threat(analyze_text, text):
    """THREATEN warns of the warner's own coercive act; as with the verb ('warned that the drought would ...'),
    a warning noun naming none is no threat."""
    assert all_types(analyze_text, text) == [], text


@pytest.mark.parametrize("text", [
    "North Korea issued a warning of military retaliation against Seoul.",
    "South Korea issued a warning of military retaliation against Pyongyang.",
])
def test_a_warning_of_retaliation_stays_a_threat(analyze_text, text):
    assert asserted_types(analyze_text, text) == ["THREATEN"], text


@pytest.mark.parametrize("text", [
    "The 95 percent the senator received in 2008 was a record for the state.",
    "The 60 percent the governor received in 2019 was a record for Kerala.",
])
def test_a_year_is_no_number_of_people(analyze_text, text):
    """'receive' hosts a visitor only when it has one: 'in 2008' names a year, not a number of people."""
    assert all_types(analyze_text, text) == [], text


@pytest.mark.parametrize("text,type_", [
    ("The Kenyan president received his Ugandan counterpart in 2019.", "CONSULT"),
    ("Gunmen killed 12 in Maiduguri on Sunday.", "ASSAULT"),
])
def test_visitors_and_victims_still_count(analyze_text, text, type_):
    assert asserted_types(analyze_text, text) == [type_], text


@pytest.mark.parametrize("text", [
    "The prison population in Brazil exploded in the 1990s.",
    "India's urban population exploded after 1991.",
    "The city's population stood at 90,000 in 1950 and has since exploded to two million.",
])
def test_a_population_that_explodes_grows(analyze_text, text):
    """ASSAULT 'explosives' is a device going off; a group of people that 'explodes' grows."""
    assert all_types(analyze_text, text) == [], text


@pytest.mark.parametrize("text", [
    "A car bomb exploded outside a hotel in Mogadishu.",
    "A roadside bomb exploded near an army convoy in Helmand.",
])
def test_a_bomb_that_explodes_is_an_assault(analyze_text, text):
    assert asserted_types(analyze_text, text) == ["ASSAULT"], text


@pytest.mark.parametrize("text", [
    "Wilson, who fought in Vietnam, later became the army's chief of logistics.",
    "Senator Duckworth fought in Iraq before entering politics.",
    "Ramos, who fought in Angola in the 1980s, now runs a school.",
    "Sergei Ivanov fought in Chechnya before he joined the police.",
    "Amina Yusuf said she had fought in Somalia as a young officer.",
])
def test_a_person_who_fought_in_a_war_is_a_biography(analyze_text, text):
    """ASSAULT is an act of one actor on another: one person who 'fought in' a country, no opponent named, served
    in a war (a biography), and the country is no target."""
    assert all_types(analyze_text, text) == [], text


@pytest.mark.parametrize("text", [
    "Kurdish fighters fought in Kobani on Sunday.",
    "Wagner mercenaries fought in Mali last year.",
    "Oleksandr Petrenko fought Russian troops near Kyiv in March.",
    "Dmitri Sokolov fought Ukrainian troops near Bakhmut in March.",
])
def test_groups_fighting_and_fights_with_an_opponent_stay_assaults(analyze_text, text):
    assert asserted_types(analyze_text, text) == ["ASSAULT"], text


@pytest.mark.parametrize("text", [
    "Under the draft accord, Serbia would withdraw its police from the northern villages.",
    "The new law would allow the army to detain protesters for 30 days.",
    "Such a deal would send Ghanaian troops to the border with Burkina Faso.",
])
def test_an_act_the_writer_says_would_happen_is_not_reported_as_done(analyze_text, text):
    events = analyze_text(text).events
    assert all(e.hypothetical for e in events), [(e.type, e.hypothetical) for e in events]


@pytest.mark.parametrize("text", [
    "Serbia said it would withdraw its police from the northern villages.",
    "Serbia would withdraw its police from the northern villages, the minister said.",
])
def test_would_under_a_reporting_verb_stays_an_announced_act(analyze_text, text):
    assert [e for e in analyze_text(text).events if not e.hypothetical], text


def test_would_not_is_a_refusal_not_a_hypothesis(analyze_text):
    assert "REJECT" in [e.type for e in analyze_text("Malawi would not meet the strikers' demands.").events
                        if not e.hypothetical]


@pytest.mark.parametrize(("text", "town", "country"), [
    # a national capital is its state, as the actor book reads 'Moscow' and 'Kyiv' alike whatever the tagger says
    ("Russian missiles struck Kyiv overnight.", "Ukraine", "UKR"),
    ("Ukrainian drones struck Moscow overnight.", "Russia", "RUS"),
    ("Ukrainian drones struck Belgorod overnight.", "Belgorod", "RUS"),
    ("Hamas fired rockets at Ashkelon.", "Ashkelon", "ISR"),
    ("Israeli jets struck Khan Younis.", "Khan Younis", "PSE"),
    ("Russia fired missiles at Kyiv.", "Ukraine", "UKR"),
    ("Ukraine fired missiles at Moscow.", "Russia", "RUS"),
])
def test_a_town_the_parse_does_not_name_is_still_the_recipient(analyze_text, text, town, country):
    """spaCy tags some towns a person, a product or nothing; the places step resolves them, so force used on
    them has a recipient whichever side's town it is."""
    events = [e for e in analyze_text(text).events if e.type == "ASSAULT"]
    assert events and events[0].targets == (town,) and events[0].target_countries == (country,), [
        (e.type, e.targets, e.target_countries) for e in events]
