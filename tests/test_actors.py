"""Actors: the actor book, composition from parts, naming kept as data, user actor files, the seed."""

from __future__ import annotations

import functools
from pathlib import Path
import re

import pytest

from presslens.actors.book import load_actorbook, normalize_words
from presslens.actors.extract import extract_actors
from presslens.core.nlp import parse
from presslens.pipeline import analyze
from presslens.core.schema import Actor, ActorMention
from presslens.quotes.extract import extract_quotes

from .conftest import shared_path


@functools.lru_cache(maxsize=None)
def actors_in(text: str, actor_files: tuple[str, ...] = ()) -> tuple[tuple[Actor, ...], tuple[ActorMention, ...]]:
    doc = parse(text)
    actors, mentions = extract_actors(doc, extract_quotes(doc), actor_files)
    return tuple(actors), tuple(mentions)


def mention_of(text: str, surface: str, part: bool = False) -> tuple[ActorMention, Actor]:
    """The mention written ``surface`` (with ``part``, the first one holding it: 'ADF rebels' for 'ADF')."""
    actors, mentions = actors_in(text)
    by_id = {a.id: a for a in actors}
    for m in mentions:
        if m.text == surface or (part and surface in m.text):
            return m, by_id[m.actor_id]
    raise AssertionError(f"no mention {surface!r} in {[m.text for m in mentions]}")


def test_every_state_comes_from_pycountry():
    book = load_actorbook(())
    import pycountry

    assert {c.alpha_3 for c in pycountry.countries} <= set(book.states)
    assert book.state("MNG").name == "Mongolia"


# text, surface, canonical name, kind, country, mention sector
COMPOSED = [
    ("The Israeli army entered the town.", "The Israeli army", "Israel", "state", "ISR", "MIL"),
    ("Ukrainian police detained two men.", "Ukrainian police", "Ukraine", "state", "UKR", "COP"),
    ("The statement came from the Kremlin.", "the Kremlin", "Russia", "state", "RUS", "GOV"),
    ("Moscow blamed the Kyiv regime for the blast.", "the Kyiv regime", "Ukraine", "state", "UKR", "GOV"),
    ("The outlet called it a crime of the Zionist regime.", "the Zionist regime", "Israel", "state", "ISR", "GOV"),
    ("Exiles denounced the mullah regime in a letter.", "the mullah regime", "Iran", "state", "IRN", "GOV"),
    ("Beijing calls Taiwan the renegade province.", "the renegade province", "Taiwan", "state", "TWN", None),
    ("A spokesman for the Islamic Resistance Movement spoke.", "the Islamic Resistance Movement", "Hamas",
     "armed political movement", "PSE", "REB"),
    ("Ansar Allah fired a missile at a tanker.", "Ansar Allah", "Houthis", "armed political movement", "YEM", "REB"),
    ("Daesh claimed the attack.", "Daesh", "Islamic State", "armed group", "IMG", "REB"),
    ("Doctors Without Borders reopened the clinic.", "Doctors Without Borders", "Médecins Sans Frontières", "NGO",
     "NGO", "MED"),
    ("The U.N. sent observers.", "The U.N.", "United Nations", "international organization", "UNO", None),
    ("Lebanon’s Al-Manar television reported the strike.", "Lebanon’s Al-Manar television", "Al-Manar", "media",
     "LBN", "JRN"),
    ("The Palestinian towns were without power.", "The Palestinian towns", "Palestinian civilians", "population",
     "PSE", "CVL"),
    ("Thousands of Iraqi Kurds voted.", "Iraqi Kurds", "Iraqi Kurds", "population", "IRQ", "CVL"),
]


@pytest.mark.parametrize("text,surface,name,kind,country,sector", COMPOSED)
def test_composition_and_aliases(text, surface, name, kind, country, sector):
    mention, actor = mention_of(text, surface)
    assert (actor.name, actor.kind, actor.country) == (name, kind, country)
    assert mention.sector == sector
    assert text[text.index(surface):text.index(surface) + len(surface)] == mention.text


@pytest.mark.parametrize("left,right,sector", [
    ("the Zionist regime", "the Kyiv regime", "GOV"),
    ("the Israeli occupation army", "Russian occupation forces", "MIL"),   # a bare "the occupation army" names no side
    ("the mullah regime", "the Assad regime", "GOV"),
    ("the renegade province", "the mainland", None),
])
def test_each_side_s_names_are_resolved_alike(left, right, sector):
    """The same construction about two adversaries gets the same treatment: a state, with the same sector."""
    results = []
    for surface in (left, right):
        text = f"Officials spoke about {surface} on Monday."
        mention, actor = mention_of(text, surface)
        results.append((actor.kind, mention.sector))
    assert results[0] == results[1] == ("state", sector)


@pytest.mark.parametrize("surface,complement,side", [
    ("the criminal regime of the Syrian opposition", "the Syrian opposition", "Syrian opposition"),
    ("the criminal regime of the Venezuelan opposition", "the Venezuelan opposition", "Venezuelan opposition"),
    ("the leadership of the Sudanese rebels", "the Sudanese rebels", "Sudanese rebels"),
])
def test_a_phrase_about_a_non_state_side_is_never_its_state(surface, complement, side):
    """'the criminal regime of the Syrian opposition' is the opposition's (issue #15), not the Syrian state's:
    the adjective inside the complement says whose opposition it is, not who the regime is."""
    text = f"Officials condemned {surface} on Monday."
    mention, actor = mention_of(text, surface)
    _, inner = mention_of(text, complement)
    assert actor.kind != "state"
    assert actor.name == inner.name == side
    assert mention.text == surface


@pytest.mark.parametrize("surface,state", [
    ("the criminal regime of the Syrian government", "Syria"),
    ("the criminal regime of Syria", "Syria"),
])
def test_a_phrase_about_a_state_stays_the_state(surface, state):
    mention, actor = mention_of(f"Officials condemned {surface} on Monday.", surface)
    assert (actor.name, actor.kind) == (state, "state")


@pytest.mark.parametrize("surface,name", [
    ("supporters of Israel", "Israel supporters"),
    ("supporters of Hamas", "Hamas supporters"),
    ("Hamas supporters", "Hamas supporters"),
    ("Israeli supporters", "Israeli supporters"),
])
def test_supporters_of_a_state_or_a_group_are_alike(surface, name):
    """A state's supporters and an armed group's are both a population named after their party."""
    _, actor = mention_of(f"“Death to the enemy!” {surface} chanted.", surface)
    assert (actor.name, actor.kind) == (name, "population")


def test_people_with_titles_appositions_and_surnames():
    text = ("Prime Minister Lena Varga of Hungary met Tomas Brell, deputy head of the Hamas political bureau. "
            "Later, Brell said the talks were useful.")
    actors, mentions = actors_in(text)
    by_name = {a.name: a for a in actors}
    varga, brell = by_name["Lena Varga"], by_name["Tomas Brell"]
    assert (varga.kind, varga.role, varga.sector) == ("person", "Prime Minister", "GOV")
    assert brell.affiliation == "Hamas" and brell.country == "PSE"
    assert "deputy head of the Hamas political bureau" in brell.role
    assert sum(m.actor_id == brell.id for m in mentions) == 2


def test_every_name_used_is_kept_on_the_actor():
    text = ("Israel rejected the plan. The Israeli government met on Sunday. Critics said the occupation would "
            "continue and called the usurping regime a threat. This regime, they said, ignores the courts.")
    actors, _ = actors_in(text)
    israel = next(a for a in actors if a.name == "Israel")
    for name in ("Israel", "The Israeli government", "the occupation", "the usurping regime", "This regime"):
        assert name in israel.names


@pytest.mark.parametrize("text,absent", [
    ("Chad Morris scored twice in the final.", "Chad"),
    ("The president granted an amnesty to prisoners.", "Amnesty International"),
    ("Give us the keys, she said.", "United States"),
    ("The occupation of the building lasted a week.", "Israel"),
    ("Critics stormed out of the parliament meeting.", "Israel"),
])
def test_words_that_are_not_the_actor(text, absent):
    actors, _ = actors_in(text)
    assert absent not in {a.name for a in actors}


def test_unknown_named_entities_still_become_actors():
    actors, _ = actors_in("The Tarnholm Dockers Association called for calm in Ferrovale.")
    found = [a for a in actors if a.name == "Tarnholm Dockers Association"]
    assert found and found[0].kind == "organization"


def test_mentions_in_a_quotation_are_in_the_speaker_s_voice():
    text = "“The Kremlin is lying,” said Anna Petrenko. The Kremlin did not reply."
    _, mentions = actors_in(text)
    voices = [m.voice for m in mentions if m.text == "The Kremlin"]
    assert voices == ["Anna Petrenko", "outlet"]


def test_user_actor_file_extends_the_book(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("organizations:\n  - name: Valdorian Liberation Front\n    kind: armed group\n"
                     "    country: SWE\n    sector: REB\n    aliases: [VLF, the Front of Valdoria]\n"
                     "states:\n  ISR:\n    sectors:\n      GOV: [the Valdorian nickname]\n", encoding="utf-8")
    text = "The VLF attacked a depot, and the Valdorian nickname answered."
    actors, mentions = actors_in(text, (str(extra),))
    names = {m.text: m.actor_id for m in mentions}
    by_id = {a.id: a for a in actors}
    assert by_id[names["The VLF"]].name == "Valdorian Liberation Front"
    assert by_id[names["the Valdorian nickname"]].name == "Israel"
    assert "Valdorian Liberation Front" not in {a.name for a in actors_in(text)[0]}
    assert normalize_words("Kurdistan Workers' Party") == ("kurdistan", "workers", "party")


def test_seed_actors_are_resolved_with_every_name(seed_expected):
    from pathlib import Path

    from presslens.core.readers import read_file
    from presslens.core.schema import Analysis
    from presslens.evaluation.seed import SeedCard, names_match

    article = next(read_file(Path(shared_path("seed/article.txt"))))
    actors, mentions = actors_in(article.text)
    card = SeedCard(Analysis(article=article, actors=actors, mentions=mentions), seed_expected)
    assert card.section("actors") == 1.0, [r for r in card.rows if r["found"] == "no"]
    kinds = {"Israel": "state", "Saleh al-Arouri": "person", "Benjamin Netanyahu": "person",
             "United Nations": "international organization", "Al-Mayadeen": "media", "Hamas": "armed political movement"}
    for item in seed_expected["actors"]:
        actor = next(a for a in actors if names_match(item["name"], a.name))
        assert actor.kind == kinds[item["name"]]
        if "role" in item:
            assert names_match(item["role"].split()[0], (actor.role or "").split()[0])


@pytest.mark.parametrize(("text", "surface", "name", "country"), [
    ("The People's Defence Force attacked a base.", "The People's Defence Force", "People's Defence Force", "MMR"),
    ("Fighters of the Donetsk People's Republic advanced.", "the Donetsk People's Republic",
     "Donetsk People's Republic", None),
    ("The Kurdistan Workers' Party attacked a base.", "The Kurdistan Workers' Party", "Kurdistan Workers' Party",
     "TUR"),
    # spaCy tags the whole name, 'The' included, as a person: a group's full name is still the group
    ("The Tigray People's Liberation Front said it would disarm.", "The Tigray People's Liberation Front",
     "Tigray People's Liberation Front", "ETH"),
    ("The Donetsk People's Republic said it would disarm.", "The Donetsk People's Republic",
     "Donetsk People's Republic", None),
])
def test_a_name_with_a_possessive_is_found_as_the_tokenizer_splits_it(text, surface, name, country):
    """'People's' is two tokens ('People', ''s'): names holding it resolve as names without it do."""
    _, actor = mention_of(text, surface)
    assert (actor.name, actor.country) == (name, country)


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("The army said it had killed 15 fighters from the RSF in clashes.", "15 fighters from the RSF",
     "Rapid Support Forces"),
    ("The RSF said it had killed 15 fighters from the SAF in clashes.", "15 fighters from the SAF", "Sudan"),
    ("Police arrested three fighters from Hamas on Monday.", "three fighters from Hamas", "Hamas"),
])
def test_fighters_from_a_side_are_that_side_s_wherever_from_is_hung(text, surface, name):
    """'killed N fighters from X': X's fighters, whether the parser hangs 'from X' on the noun or on the verb."""
    _, actor = mention_of(text, surface)
    assert actor.name == name


def test_a_verb_s_source_is_not_its_object_s_side():
    """'withdrew troops from Gaza': 'from' is where the troops leave, not whose they are."""
    _, actor = mention_of("Israel withdrew troops from Gaza.", "troops")
    assert actor.name == "troops"


def _actor_file_names(data: dict) -> set[str]:
    """Every name the actor file gives an actor (states' names, adjectives, people and institutions;
    organisations' and regions' names and aliases)."""
    names: set[str] = set()
    for state in (data.get("states") or {}).values():
        names.update(n for key in ("names", "adjectives", "people", "capitals") for n in state.get(key) or [])
        names.update(n for ns in (state.get("sectors") or {}).values() for n in ns)
        names.update([state["name"]] if state.get("name") else [])
    for section in ("organizations", "regions"):
        for item in data.get(section) or []:
            names.update([item["name"], *(item.get("aliases") or [])])
    return names


def test_every_loaded_name_in_the_actor_file_says_who_uses_it():
    """A name for an actor that is itself loaded language ('the Kyiv regime', 'Hamastan', 'the Sit-Tat':
    a naming noun such as 'regime', a side-specific label of the language lists) sits on a line whose comment says
    which side uses it, so that a reviewer can audit the balance of the file."""
    from importlib import resources

    import yaml

    text = (resources.files("presslens.actors") / "data" / "actors.yaml").read_text()
    terms = yaml.safe_load((resources.files("presslens.language") / "data" / "loaded_terms.yaml").read_text())
    words = {*terms["naming_nouns"], *terms["stand_in_nouns"]}
    labels = [normalize_words(t) for sides in terms["conflict_labels"].values() for ts in sides.values() for t in ts]

    def loaded(name: str) -> bool:
        key = normalize_words(name)
        return bool(words & set(key)) or any(key[i:i + len(label)] == label for label in labels
                                             for i in range(len(key)))

    found = sorted(n for n in _actor_file_names(yaml.safe_load(text)) if loaded(n))
    assert len(found) >= 30, found
    lines = text.splitlines()
    uncommented = [n for n in found if not any(
        "#" in line and re.search(r"(?<![\w'])" + re.escape(n) + r"(?![\w'])", line.split("#", 1)[0])
        for line in lines)]
    assert uncommented == []


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Officials blamed the Janjaweed for the attack.", "the Janjaweed", "Rapid Support Forces"),
    ("Residents said the Sit-Tat burned the village.", "the Sit-Tat", "Myanmar"),
    ("Officials blamed the Woyane for the attack.", "the Woyane", "Tigray People's Liberation Front"),
    ("The Polisario Front accused the Makhzen of lying.", "the Makhzen", "Morocco"),
    ("RSF commanders said the Kizan army had shelled the market.", "the Kizan army", "Sudan"),
    ("Officials spoke of Hamastan.", "Hamastan", "Hamas"),
    ("The statement condemned the Zionist entity.", "the Zionist entity", "Israel"),
])
def test_each_side_s_name_for_its_adversary_resolves_to_that_adversary(text, surface, name):
    """The names one side uses for the other are resolved for every side of a conflict, not for one."""
    _, actor = mention_of(text, surface)
    assert actor.name == name


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("Soldiers in Gaza opened fire on a crowd.", "Soldiers", None),
    ("Soldiers in Donetsk opened fire on a crowd.", "Soldiers", None),
    ("Troops in Mali withdrew from the base.", "Troops", None),
    ("A gunman in Dallas shot two officers.", "A gunman", None),
    ("Peacekeepers in the Central African Republic were accused of abuse.", "Peacekeepers", None),
    # a local institution is the place's: the 'in' phrase says whose it is
    ("A court in Moscow jailed the activist.", "A court in Moscow", "RUS"),
    ("A court in Kyiv jailed the activist.", "A court in Kyiv", "UKR"),
])
def test_an_in_phrase_says_where_armed_men_are_not_whose_they_are(text, surface, country):
    """'soldiers in Gaza' are not Palestine's, 'a gunman in Dallas' is not the United States."""
    _, actor = mention_of(text, surface)
    assert actor.country == country
    assert actor.kind != "state" or country is not None


@pytest.mark.parametrize(("text", "surface", "name", "country"), [
    ("Two New Jersey police officers were wounded.", "New Jersey", "New Jersey", "USA"),
    ("The governor of New Mexico said the border was calm.", "New Mexico", "New Mexico", "USA"),
    ("Police in Northern Ireland arrested two men.", "Northern Ireland", "Northern Ireland", "GBR"),
    # the state's own name, alone or whole, is still the state
    ("Mexico said the border was calm.", "Mexico", "Mexico", "MEX"),
    ("Fighting in Papua New Guinea killed five.", "Papua New Guinea", "Papua New Guinea", "PNG"),
])
def test_a_state_s_name_ending_a_longer_place_name_is_not_that_state(text, surface, name, country):
    """'New Jersey' is not Jersey, 'New Mexico' is not Mexico."""
    _, actor = mention_of(text, surface)
    assert (actor.name, actor.country) == (name, country)


@pytest.mark.parametrize(("text", "surface", "country", "sector"), [
    ("The senator said the bill would pass.", "The senator", None, "LEG"),
    ("In June, the Ohio senator called on Republicans to drop the bill.", "the Ohio senator", "USA", "LEG"),
    ("The Kenyan lawmaker said the bill would pass.", "The Kenyan lawmaker", "KEN", "LEG"),
])
def test_a_single_legislator_is_a_legislature_actor(text, surface, country, sector):
    """'the senator', 'the lawmaker' are of the legislature as 'the senators', 'lawmakers' are."""
    mention, actor = mention_of(text, surface)
    assert (actor.country, mention.sector or actor.sector) == (country, sector)


@pytest.mark.parametrize(("text", "foreign"), [
    # a compass word alone ('the North', 'the South', 'Western') names a side of a country the article is about,
    # never the first-level division of that name in some other state (Cameroon's North, Ghana's Western region)
    ("South Korea accused the North's leader, Kim Jong Un, of recklessness.", {"CMR"}),
    ("North Korea accused the South's president of lying.", {"CMR"}),
    ("Ukrainian officials said the East had seen the heaviest shelling.", {"CMR"}),
    ("Sudanese officials said the West had been cut off for weeks.", {"CMR"}),
    ("Officials in the Northern and Eastern provinces of Sri Lanka said roads were closed.", {"GHA"}),
    ("Western leaders criticized the vote in Belarus.", {"GHA"}),
    ("The Central command of the Mexican army said two soldiers died.", {"USA"}),
    ("Leaders of the Southern states met in Gaborone.", set()),  # Botswana named: its capital, not 'Southern'
])
def test_a_compass_word_alone_is_no_foreign_division(text, foreign):
    actors, _ = actors_in(text)
    assert not {a.country for a in actors} & foreign, [(a.name, a.country) for a in actors]
    assert all(normalize_words(a.name) not in {("north",), ("south",), ("east",), ("west",), ("northern",),
                                                ("eastern",), ("western",), ("southern",), ("central",)}
               or a.country is None for a in actors)


@pytest.mark.parametrize(("text", "surface", "not_country"), [
    ("South Korea accused the North's leader, Kim Jong Un, of recklessness.", "the North's leader", "KOR"),
    ("North Korea accused the South's president of lying.", "the South's president", "PRK"),
])
def test_a_phrase_with_a_name_of_its_own_as_possessor_does_not_look_back_for_a_state(text, surface, not_country):
    """'the North's leader' is whoever 'the North' is, not the last state named, as 'this regime' would be."""
    _, actor = mention_of(text, surface)
    assert actor.country != not_country


@pytest.mark.parametrize(("text", "country"), [
    ("Israeli troops raided Jenin on Monday. Hamas said the army had killed three men.", "ISR"),
    ("Ethiopian troops attacked Tigray positions on Monday. The TPLF said the army had lost hundreds.", "ETH"),
    ("Colombian soldiers clashed with the ELN in Arauca. The ELN said the army had fired first.", "COL"),
    ("Malian soldiers and JNIM fighters clashed near Mopti. JNIM said the army had fled.", "MLI"),
])
def test_the_army_looks_back_for_a_state_not_for_the_armed_group_named_last(text, country):
    """A state's institution named by its noun alone ('the army', 'the government') is the last state's, even
    where an armed group was named after it."""
    _, actor = mention_of(text, "the army")
    assert (actor.kind, actor.country) == ("state", country)


@pytest.mark.parametrize(("text", "surface", "country"), [
    # the press's 'Congo' alone is the Democratic Republic (as the places gazetteer resolves it); the other
    # Congo is named in full or by its capital
    ("Congo's army said it had retaken two villages.", "Congo", "COD"),
    ("Congo said the rebels had killed 12 civilians near Beni.", "Congo", "COD"),
    ("The Republic of Congo said its border was calm.", "Republic of Congo", "COG"),
    ("The Republic of the Congo held talks with Gabon.", "Republic of the Congo", "COG"),
    ("Congo-Brazzaville said its border was calm.", "Congo-Brazzaville", "COG"),
])
def test_congo_alone_is_the_democratic_republic(text, surface, country):
    _, actor = mention_of(text, surface)
    assert actor.country == country


@pytest.mark.parametrize(("text", "surface", "name", "sector"), [
    ("The air force bombed the bridge.", "The air force", "air force", "MIL"),
    ("The border police closed the crossing.", "The border police", "border police", "COP"),
])
def test_a_state_body_with_no_state_in_reach_keeps_its_whole_name(text, surface, name, sector):
    """'The air force' with no state named before it is a generic air force, not a 'force' of a government."""
    mention, actor = mention_of(text, surface)
    assert (actor.name, mention.sector) == (name, sector)


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("The air force destroyed several rebel vehicles near Kidal.", "Kidal", "MLI"),
])
def test_a_town_the_model_reads_as_a_people_is_the_town(text, surface, country):
    _, actor = mention_of(text, surface)
    assert actor.country == country


@pytest.mark.parametrize(("text", "surface"), [
    ("Kikuyu elders met the governor.", "Kikuyu"),      # a people named like a town, not in a place phrase
    ("Gunmen attacked Berber villages.", "Berber villages"),
])
def test_a_people_named_like_a_town_stays_a_people(text, surface):
    _, actor = mention_of(text, surface)
    assert actor.kind != "place" and actor.country is None


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Army raids killed twelve fighters near Tillaberi.", "Army", "army"),
    ("Police raids in the township wounded four men.", "Police", "police"),
])
def test_an_armed_body_named_before_a_noun_is_an_actor(text, surface, name):
    """'Army raids': the army's raids; the army is an actor though its noun modifies another."""
    _, actor = mention_of(text, surface)
    assert actor.name == name


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Militias allied with the Ethiopian government attacked the village.",
     "militias allied with the Ethiopian government", "ETH"),
    ("Militias allied with the Eritrean government attacked the village.",
     "militias allied with the Eritrean government", "ERI"),
    ("Troops loyal to the Sudanese army chief attacked the base.", "troops loyal to the Sudanese army chief", "SDN"),
])
def test_a_force_loyal_to_a_state_is_named_as_such_with_its_country(text, name, country):
    """'militias allied with the Ethiopian government' are the state's side, not the state itself."""
    actors, _ = actors_in(text)
    assert (name, country) in [(a.name, a.country) for a in actors]


@pytest.mark.parametrize(("text", "surface", "word"), [
    ("Troops not loyal to the Sudanese army chief attacked the base.", "Troops", "sudan"),
    ("Militias not allied with the Ethiopian government attacked the village.", "Militias", "ethiopia"),
    ("Communities affiliated with the Ethiopian church asked for help.", "Communities", "ethiopia"),
    ("Communities not affiliated to the Federation of Kestrel Parishes asked for help.", "Communities", "federation"),
])
def test_no_allegiance_for_a_negated_tie_or_a_community(text, surface, word):
    """'not loyal to X' says whose the force is not; a community's affiliation makes it no one's force."""
    _, mentions = actors_in(text)
    assert not [m for m in mentions if m.text.startswith(surface) and word in m.actor_id.lower()], mentions


@pytest.mark.parametrize(("text", "word"), [
    ("Army units launched artillery fire against rebel camps near the border.", "artillery"),
    ("Rebel units launched artillery fire against army camps near the border.", "artillery"),
    ("Drone strikes killed four fighters near Marib.", "Drone"),
    ("Tank fire destroyed two houses in Bakhmut.", "Tank"),
    ("Helicopter gunfire wounded six people in Tillaberi.", "Helicopter"),
])
def test_a_machine_named_before_what_it_does_is_the_means_not_an_actor(text, word):
    """'artillery fire', 'drone strikes': the weapon the act is done with, not a body that does it (who fires it
    is another phrase's, or unsaid)."""
    _, mentions = actors_in(text)
    assert not [m for m in mentions if m.text == word], mentions


@pytest.mark.parametrize(("text", "surfaces"), [
    ("Army officers met the president.", {"Army officers"}),                    # part of an actor noun
    ("Sudanese army positions were shelled.", set()),                           # the state's, not a second actor
    ("The RSF attacked Sudanese army supply lines.", set()),
])
def test_an_armed_noun_inside_another_actor_s_phrase_is_no_actor_of_its_own(text, surfaces):
    _, mentions = actors_in(text)
    assert not any(m.text.lower() == "army" for m in mentions)
    assert surfaces <= {m.text for m in mentions}


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("Israeli airstrikes killed ten people in Gaza.", "ten people", "PSE"),
    ("Hamas rockets killed two people in Sderot.", "two people", "ISR"),
    ("Russian missile strikes killed ten people in Kharkiv.", "ten people", "UKR"),
    ("Ukrainian drones killed two people in Belgorod.", "two people", "RUS"),
])
def test_people_killed_in_a_place_are_that_place_s_wherever_in_is_hung(text, surface, country):
    actors, mentions = actors_in(text)
    by_id = {a.id: a for a in actors}
    found = [by_id[m.actor_id] for m in mentions if m.text.startswith(surface)]
    assert found and found[0].country == country, [(m.text, by_id[m.actor_id].name) for m in mentions]


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Fighting continued in Sudan as Egypt backed the government.", "the government", "Sudan"),
    ("Tensions rose in Mali as Russia supported the junta.", "the junta", "Mali"),
    ("Protests spread in Israel as the United States criticised the government.", "the government", "Israel"),
    ("Protests spread in Iran as Israel criticised the government.", "the government", "Iran"),
    # the state named last is the one meant when it is not the clause's own subject
    ("Russia said the army had shelled the town.", "the army", "Russia"),
])
def test_a_state_body_is_not_the_state_that_acts_on_it_in_the_same_clause(text, surface, name):
    """'as Egypt backed the government': not Egypt's government (that would be 'its government')."""
    _, actor = mention_of(text, surface)
    assert actor.name == name


@pytest.mark.parametrize(("text", "surface"), [
    ("The 2011 raid that killed Osama bin Laden was approved in Washington.", "Osama bin Laden"),
    ("Mohammed bin Salman met the envoy in Riyadh.", "Mohammed bin Salman"),
    ("Luiz Inacio Lula da Silva won the election.", "Luiz Inacio Lula da Silva"),
    ("Ursula von der Leyen met the envoy in Brussels.", "Ursula von der Leyen"),
    ("Frederik de Klerk freed the prisoners.", "Frederik de Klerk"),
])
def test_a_name_with_a_lower_case_particle_is_one_person(text, surface):
    """'bin', 'da', 'von der', 'de' inside a name belong to it, for every naming tradition."""
    mention, actor = mention_of(text, surface)
    assert actor.kind == "person"


@pytest.mark.parametrize(("text", "name", "variant"), [
    ("Hillary Clinton spoke in Ohio. Trump said he beat “Crooked Hillary Clinton” in the debate.",
     "Hillary Clinton", "Crooked Hillary Clinton"),
    ("Joe Biden spoke in Ohio. Trump said he beat “Sleepy Joe Biden” in the debate.", "Joe Biden",
     "Sleepy Joe Biden"),
    ("Donald Trump spoke in Ohio. Clinton said she beat “Dangerous Donald Trump” in the debate.",
     "Donald Trump", "Dangerous Donald Trump"),
])
def test_a_nickname_before_a_full_name_is_kept_as_a_name_never_as_the_actor_s_name(text, name, variant):
    """The epithet a rival puts before a name is one of the names used for the actor, in that rival's voice;
    the actor is named by the plain name, whichever side's epithet it is."""
    actors, _ = actors_in(text)
    found = [a for a in actors if variant in a.names]
    assert len(found) == 1 and found[0].name == name


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Minister Lena Varga spoke in Kyiv. Varga said the talks would resume.", "Varga", "Lena Varga"),
    ("Minister Joseph Otieno spoke in Nairobi. Otieno said the talks would resume.", "Otieno", "Joseph Otieno"),
])
def test_a_lone_surname_of_a_person_named_in_full_is_that_person_however_it_is_tagged(text, surface, name):
    """The model tags a lone surname as an organisation in one sentence and not at all in another."""
    _, actor = mention_of(text, surface)
    assert actor.name == name


@pytest.mark.parametrize(("text", "surface", "person"), [
    ("Donald Trump spoke in Ohio. Trump supporters rallied outside the hall.", "Trump supporters", "Donald Trump"),
    ("Hillary Clinton spoke in Ohio. Clinton supporters rallied outside the hall.", "Clinton supporters",
     "Hillary Clinton"),
    ("Raila Odinga spoke in Kisumu. Odinga's supporters marched to the stadium.", "Odinga's supporters",
     "Raila Odinga"),
])
def test_a_person_s_supporters_are_a_group_not_that_person(text, surface, person):
    _, actor = mention_of(text, surface)
    assert actor.name != person and actor.kind == "population"


@pytest.mark.parametrize(("text", "surface", "country"), [
    # a titled person's country is not another person's, nor that of the state the person acts on
    ("President Peter Okafor met Chadian President Idriss Bako and declined to threaten Niger.",
     "President Peter Okafor", None),
    ("President Idriss Bako met Nigerian President Peter Okafor and declined to threaten Chad.",
     "President Idriss Bako", None),
    ("Senator Ana Ruiz called on the government to confront Peru.", "Senator Ana Ruiz", None),
    ("Senator Ana Ruiz called on the government to confront Chile.", "Senator Ana Ruiz", None),
    ("Archbishop John Mensah called for sanctions against Ghana.", "Archbishop John Mensah", None),
    # a people or a body of a country the act is aimed at still tells the titled person's own country
    ("President Idriss Bako banned Chadian opposition candidates from the election.", "President Idriss Bako", "TCD"),
    ("President Peter Okafor banned Nigerian opposition candidates from the election.", "President Peter Okafor",
     "NGA"),
    ("In Lagos, President Peter Okafor said Nigeria would not negotiate.", "President Peter Okafor", "NGA"),
])
def test_a_titled_persons_country_from_the_sentence_is_their_own_side(text, surface, country):
    _, actor = mention_of(text, surface)
    assert actor.country == country


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("US President Barack Obama spoke on Monday. The Obama administration said it had accepted 10,000 refugees "
     "from Syria. Officials said the administration had exceeded the goal.", "the administration", "USA"),
    ("Russian President Vladimir Putin spoke on Monday. The Putin administration said it had sent 10,000 troops "
     "to Syria. Officials said the administration had exceeded the goal.", "the administration", "RUS"),
    ("The Syrian army said it had shelled positions near Idlib, where Turkey has troops. The army said the "
     "operation would go on.", "The army", "SYR"),
])
def test_an_institution_noun_refers_back_to_the_state_named_with_the_same_noun(text, surface, country):
    """'the administration' after 'the Obama administration' is that one, not the state named last."""
    _, actor = mention_of(text, surface)
    assert actor.country == country


@pytest.mark.parametrize(("text", "surface", "kind", "sector", "country"), [
    ("The Senate Armed Services Committee approved the bill.", "The Senate Armed Services Committee", "legislature",
     "LEG", None),
    ("The Parliament Budget Committee met on Monday.", "The Parliament Budget Committee", "legislature", "LEG", None),
    ("The Tax Foundation said the plan would cost billions.", "The Tax Foundation", "organization", "SOC", "NGO"),
])
def test_a_committee_of_a_legislature_is_part_of_it_not_an_ngo(text, surface, kind, sector, country):
    _, actor = mention_of(text, surface)
    assert (actor.kind, actor.sector, actor.country) == (kind, sector, country)


def actor_named(text: str, name: str) -> Actor:
    actors, _ = actors_in(text)
    found = [a for a in actors if a.name == name]
    assert found, [a.name for a in actors]
    return found[0]


@pytest.mark.parametrize(("text", "name"), [
    ("“The next days are critical,” said relief coordinator Anouk Terrin.", "Anouk Terrin"),
    ("“The next days are critical,” said relief coordinator Joost Verhallen.", "Joost Verhallen"),
    ("Tarnholm's chief Odile Farquar thanked the volunteers.", "Odile Farquar"),
])
def test_a_name_after_a_person_s_role_word_is_a_person(text, name):
    """The tagger reads some unfamiliar names as organisations; a role word before them says otherwise."""
    assert actor_named(text, name).kind == "person"


def test_an_institution_after_a_role_word_stays_an_organisation():
    actor = actor_named("Some 9,000 people marched, said the event coordinator Tarnholm Alliance for Schools.",
                        "Tarnholm Alliance")
    assert actor.kind != "person"


@pytest.mark.parametrize(("text", "name", "sector"), [
    ("According to the national civil protection agency, 11 people died.", "protection agency", "GOV"),
    ("The agency said the vaccine was safe.", "agency", "GOV"),
    ("The state news agency KCNA said the test succeeded.", "KCNA", "JRN"),
    ("Aid agencies said food was running out.", "aid agencies", "NGO"),
])
def test_an_agency_is_a_government_s_unless_it_is_news_or_aid(text, name, sector):
    assert actor_named(text, name).sector == sector


def test_the_examples_actor_file_names_the_fictional_states():
    """`make demo` reads the example articles with examples/actors.yaml: their states act in events."""
    from pathlib import Path


    root = Path(__file__).resolve().parents[1] / "examples"
    text = (root / "05-halvessa-flood-aid.txt").read_text(encoding="utf-8")
    analysis = analyze(text, actor_files=(str(root / "actors.yaml"),))
    coded = {(e.type, e.sources, e.targets) for e in analysis.events}
    assert ("AID", ("Valdoria",), ("Orsenna",)) in coded
    assert {a.name: a.country for a in analysis.actors}["Valdoria"] == "XVA"


EXAMPLE_ACTORS = (str(Path(__file__).resolve().parents[1] / "examples" / "actors.yaml"),)


def actors_named_by(text: str, *surfaces: str) -> list[Actor]:
    """The actors of the mentions written exactly as one of ``surfaces``, with the examples' actor file."""
    actors, mentions = actors_in(text, EXAMPLE_ACTORS)
    by_id = {a.id: a for a in actors}
    return [by_id[m.actor_id] for m in mentions if m.text in surfaces]


@pytest.mark.parametrize(("text", "capital", "state"), [
    ('The fishing dispute deepened. Lindmark has called the sanctions "economic aggression."', "Lindmark",
     "Valdoria"),
    ('The fishing dispute deepened. Castrell has called the sanctions "a long-overdue response."', "Castrell",
     "Orsenna"),
    ("The Federated Duchy of Orsenna imposed sanctions, accusing Lindmark of allowing its trawlers to fish "
     "illegally.", "Lindmark", "Valdoria"),
    ("The Republic of Valdoria imposed sanctions, accusing Castrell of allowing its trawlers to fish illegally.",
     "Castrell", "Orsenna"),
])
def test_a_capital_the_tagger_calls_a_person_is_its_state_when_no_one_bears_the_name(text, capital, state):
    assert [a.name for a in actors_named_by(text, capital)] == [state]


@pytest.mark.parametrize(("text", "capital", "state"), [
    ("Moscow accused Kyiv of shelling the plant.", "Kyiv", "Ukraine"),
    ("Kyiv accused Moscow of shelling the plant.", "Moscow", "Russia"),
    ("Azerbaijan accused Yerevan of shelling Ganja.", "Yerevan", "Armenia"),
    ("Armenia accused Baku of shelling Stepanakert.", "Baku", "Azerbaijan"),
    ("The minister thanked Kigali for its help.", "Kigali", "Rwanda"),
    ("The minister thanked Kinshasa for its help.", "Kinshasa", "Democratic Republic of the Congo"),
    ("Pakistan accused New Delhi of violating the ceasefire.", "New Delhi", "India"),
    ("India accused Islamabad of violating the ceasefire.", "Islamabad", "Pakistan"),
    ("Riyadh accused Tehran of arming the rebels.", "Tehran", "Iran"),
    ("Tehran accused Riyadh of arming the rebels.", "Riyadh", "Saudi Arabia"),
    ("Addis Ababa accused Asmara of backing the militia.", "Asmara", "Eritrea"),
    ("Asmara accused Addis Ababa of backing the militia.", "Addis Ababa", "Ethiopia"),
    ("Russia imposed sanctions on Kyiv.", "Kyiv", "Ukraine"),
    ("Ukraine imposed sanctions on Moscow.", "Moscow", "Russia"),
    ("China imposed a ban on Taipei.", "Taipei", "Taiwan"),
    ("Azerbaijan imposed sanctions on Yerevan.", "Yerevan", "Armenia"),
    ("Baku and Yerevan agreed to reopen the border.", "Yerevan", "Armenia"),
    ("Yerevan and Baku agreed to reopen the border.", "Baku", "Azerbaijan"),
    ("Juba and Khartoum agreed to reopen the border.", "Khartoum", "Sudan"),
    ("Khartoum and Juba agreed to reopen the border.", "Juba", "South Sudan"),
    ("Belgrade accused Pristina of violating the ceasefire.", "Pristina", "Kosovo"),
    ("Pristina accused Belgrade of violating the ceasefire.", "Belgrade", "Serbia"),
])
def test_a_capital_read_as_its_government_is_its_state_however_the_tagger_labels_it(analyze_text, text, capital,
                                                                                    state):
    """Through the whole pipeline: a capital accused, thanked, sanctioned or joined to another acting capital
    is its government, and the actor is that state whether the tagger called the name a place, a person or
    nothing ('Kyiv', 'Yerevan', 'Kigali', 'Khartoum' and 'Pristina' were left out, a town or a person while
    the other side's capital was the state)."""
    analysis = analyze_text(text)
    by_id = {a.id: a for a in analysis.actors}
    assert [by_id[m.actor_id].name for m in analysis.mentions if m.text == capital] == [state], [
        (a.name, a.kind) for a in analysis.actors]


def test_a_capital_s_name_borne_by_a_person_named_in_full_stays_the_person():
    actors, mentions = actors_in("Victoria Nuland met the envoys on Monday. Victoria said the talks went well.")
    assert all(a.country != "SYC" for a in actors), [(a.name, a.country) for a in actors]


@pytest.mark.parametrize(("text", "full", "short"), [
    ("The Kestrel Liberation Front stormed a garrison on Monday. The Front later rejected the label.",
     "Kestrel Liberation Front", "The Front"),
    ("The Tarnholm Workers' Party won the vote in May. The Party later rejected the coalition offer.",
     "Tarnholm Workers' Party", "The Party"),
])
def test_an_organisation_s_last_word_refers_back_to_it(text, full, short):
    """'the Front' after 'the Kestrel Liberation Front' is that front, whichever side it is."""
    actors, mentions = actors_in(text)
    by_id = {a.id: a for a in actors}
    named = {m.text: by_id[m.actor_id].name for m in mentions}
    assert named[short] == named[next(k for k in named if full in k)], named


def test_a_last_word_shared_by_two_organisations_stays_apart():
    text = ("The Kestrel Liberation Front and the Popular Front of Orsenna met in May. The Front rejected the "
            "label.")
    actors, mentions = actors_in(text)
    by_id = {a.id: a for a in actors}
    named = {m.text: by_id[m.actor_id].name for m in mentions}
    assert "Kestrel" not in named.get("The Front", ""), named


@pytest.mark.parametrize("text", [
    "Kenya and Ethiopia met in Nairobi. The two governments agreed to reopen the border.",
    "Ethiopia and Kenya met in Nairobi. Both governments agreed to reopen the border.",
    "Peru and Chile met in Lima. The two sides agreed to reopen the border.",
])
def test_two_or_both_governments_are_not_the_state_named_last(text):
    """'The two governments' are both states, so neither one alone."""
    actors, mentions = actors_in(text)
    by_id = {a.id: a for a in actors}
    phrase = next(m for m in mentions if m.text.lower().startswith(("the two", "both")))
    assert by_id[phrase.actor_id].kind != "state", (phrase.text, by_id[phrase.actor_id].name)


@pytest.mark.parametrize(("text", "name"), [
    ("Water levels in the riverside city of Castrell rose by four metres.", "Castrell"),
    ("Talks were held in the lakeside town of Veyrin over two weeks.", "Veyrin"),
    ("Police in the port city of Tarnholm arrested 63 people.", "Tarnholm"),
    ("The floods began after the Halvessa river burst its banks.", "Halvessa"),
    ("Flooding hit the city of Jackson on Monday.", "Jackson"),
])
def test_a_name_given_as_a_town_or_river_is_no_person_or_body(text, name):
    actors, _ = actors_in(text)
    assert all(not (a.name == name and a.kind in ("person", "organization")) for a in actors), [
        (a.name, a.kind) for a in actors]


def test_a_person_of_a_town_stays_a_person():
    actors, _ = actors_in("Mayor Anna Petrov of the town of Veyrin met the envoy.")
    assert any(a.name == "Anna Petrov" and a.kind == "person" for a in actors), [(a.name, a.kind) for a in actors]


@pytest.mark.parametrize(("text", "person", "country", "target"), [
    ("Orsenna's Chancellor Odalys Pemberhart thanked Lindmark for the assistance.", "Odalys Pemberhart", "XOR",
     "Valdoria"),
    ("Valdoria's Chancellor Odile Farquar thanked the Federated Duchy of Orsenna for the assistance.",
     "Odile Farquar", "XVA", "Orsenna"),
])
def test_a_name_the_tagger_misses_after_a_title_is_a_person(text, person, country, target):
    """'Chancellor Odalys Pemberhart': a person of the government, the one who acts, whichever side."""
    from presslens.pipeline import analyze

    analysis = analyze(text, actor_files=EXAMPLE_ACTORS)
    actor = next(a for a in analysis.actors if a.name == person)
    assert (actor.kind, actor.country, actor.sector) == ("person", country, "GOV")
    assert [(e.sources, e.targets) for e in analysis.events] == [((person,), (target,))]


@pytest.mark.parametrize(("text", "person"), [
    ("Orsenna's Chancellor Odalys Pemberhart thanked Lindmark for the assistance. The chancellor said the fund "
     "would open in May.", "Odalys Pemberhart"),
    ("Valdoria's Foreign Minister Tomas Brell visited the Federated Duchy of Orsenna. The minister said the talks "
     "went well.", "Tomas Brell"),
])
def test_a_title_used_alone_refers_to_the_person_last_named_with_it(text, person):
    """'The chancellor' after 'Chancellor Odalys Pemberhart' is that person, not the state."""
    assert [a.name for a in actors_named_by(text, "The chancellor", "The minister")] == [person]


def test_a_title_used_alone_with_no_one_named_with_it_stays_generic():
    actors, mentions = actors_in("The minister said the talks went well.", EXAMPLE_ACTORS)
    assert [a.kind for a in actors] != ["person"]


@pytest.mark.parametrize(("text", "phrase", "state"), [
    ("Orsenna's Chancellor Odalys Pemberhart said her government would announce a reconstruction fund in May.",
     "her government", "Orsenna"),
    ('"Our army is ready to defend the border," Valdorian Defence Minister Tomas Brell said.', "Our army",
     "Valdoria"),
    ("Valdorian Defence Minister Tomas Brell said his government would reopen the crossing.", "his government",
     "Valdoria"),
])
def test_an_institution_a_speaker_calls_their_own_is_their_state_s(text, phrase, state):
    assert [a.name for a in actors_named_by(text, phrase)] == [state]


def test_an_institution_of_someone_named_inside_the_report_is_not_the_speaker_s_state():
    text = "Valdorian Defence Minister Tomas Brell said the rebel commander Ivo Darrant had lost control of his army."
    assert [a.kind for a in actors_named_by(text, "his army")] != ["state"]


@pytest.mark.parametrize("text", [
    "Not everyone was satisfied. Farmers' groups in the north said the accord left too little water.",
    "Not everyone was satisfied. Workers' unions in the north said the accord left too little pay.",
])
def test_a_kind_of_people_capitalised_at_a_sentence_start_is_no_organisation(text):
    actors, _ = actors_in(text, EXAMPLE_ACTORS)
    assert all(a.name not in ("Farmers", "Workers") for a in actors), [a.name for a in actors]


@pytest.mark.parametrize(("text", "names"), [
    ("Valdoria and Orsenna sign Halvessa water accord after summit in Veyrin\n\nThe accord, reached in the "
     "lakeside town of Veyrin, shares the waters of the Halvessa river.", {"Halvessa", "Veyrin"}),
    ("Orsenna and Valdoria sign Duskwater border pact after summit in Quillmoor\n\nThe pact, reached in the "
     "hill town of Quillmoor, opens the Duskwater river crossing.", {"Duskwater", "Quillmoor"}),
])
def test_a_name_the_article_gives_as_a_place_is_no_person_or_organisation_anywhere_in_it(text, names):
    actors, _ = actors_in(text, EXAMPLE_ACTORS)
    assert not [a for a in actors if a.name in names and a.kind in ("person", "organization")], [
        (a.name, a.kind) for a in actors]


def test_a_title_used_alone_finds_the_person_named_with_it_long_before():
    text = ("Chancellor Odalys Pemberhart of Orsenna signed the accord on Wednesday. "
            + "The talks went on for two days and covered dams, levees and the shared river. " * 20
            + "Pemberhart was upbeat. The chancellor said the sanctions would be reviewed.")
    assert [a.name for a in actors_named_by(text, "The chancellor")] == ["Odalys Pemberhart"]


@pytest.mark.parametrize(("text", "name", "kind"), [
    ('The journalists were detained, according to their editor, Yusra Daventry. "This is an outrage," she said.',
     "Yusra Daventry", "person"),
    ('The journalists were detained, according to their editor, Joost Verhallen. "This is an outrage," he said.',
     "Joost Verhallen", "person"),
    ('The journalists were detained, according to the Kestrel Voice newspaper. "This is an outrage," it said.',
     "Kestrel Voice", "organization"),
])
def test_a_name_called_he_or_she_is_a_person(text, name, kind):
    """The tagger reads 'Yusra Daventry' as an organisation; the article calls her 'she', which only a person is."""
    actors, _ = actors_in(text)
    assert next(a.kind for a in actors if a.name == name) == kind


# Groups outside the state, named by their noun in everyday conflict news from many regions: criminal groups
# (PLOVER's CRM), armed groups on the government's side or on no one's (PRM), and groups named by a creed or a
# cause. Each is its own actor with the noun the text uses; a creed or a cause is never a country.
GROUPS = [
    ("Gangs attacked a police station in Port-au-Prince.", "Gangs", "gangs", "CRM"),
    ("Bandits killed 20 villagers in Zamfara state.", "Bandits", "bandits", "CRM"),
    ("Armed bandits abducted 30 students in Kaduna.", "Armed bandits", "armed bandits", "CRM"),
    ("Pirates seized a cargo ship off Somalia.", "Pirates", "pirates", "CRM"),
    ("Drug traffickers killed two soldiers in Sinaloa.", "Drug traffickers", "drug traffickers", "CRM"),
    ("The cartel ambushed a police convoy in Michoacan.", "The cartel", "cartel", "CRM"),
    ("Smugglers abandoned 40 migrants near the border.", "Smugglers", "smugglers", "CRM"),
    ("Looters ransacked shops in Durban.", "Looters", "looters", "CRM"),
    ("Paramilitaries killed three farmers in Cauca.", "Paramilitaries", "paramilitaries", "PRM"),
    ("Vigilantes beat a suspected thief in Kano.", "Vigilantes", "vigilantes", "PRM"),
]


@pytest.mark.parametrize(("text", "surface", "name", "sector"), GROUPS)
def test_criminal_and_irregular_armed_groups_are_actors(text, surface, name, sector):
    mention, actor = mention_of(text, surface)
    assert (actor.name.lower(), mention.sector or actor.sector) == (name, sector)
    assert actor.kind != "state"


@pytest.mark.parametrize(("left", "right"), [
    ("Hindu nationalists", "Muslim nationalists"),
    ("Islamic fundamentalists", "Christian fundamentalists"),
    ("Jewish hardliners", "Muslim hardliners"),
    ("Sikh radicals", "Hindu radicals"),
    ("Russian hackers", "Ukrainian hackers"),
    ("Chinese hackers", "American hackers"),
])
def test_a_group_named_by_its_creed_or_its_country_keeps_its_noun(left, right):
    """'Hindu nationalists' is that group, not 'Hindu'; the same noun after any two creeds or states is named alike."""
    found = []
    for surface in (left, right):
        text = f"{surface} attacked the websites of two newspapers."
        _, actor = mention_of(text, surface)
        found.append(actor)
        assert actor.name == surface and actor.kind != "state"
    assert found[0].sector == found[1].sector
    assert (found[0].country is None) == (found[1].country is None)


@pytest.mark.parametrize("text", [
    "Drug prices rose sharply in Delhi last year.",
    "Drug traffickers were sentenced in Raipur.",
])
def test_a_capitalised_common_noun_opening_a_sentence_is_no_town(text):
    """'Drug' is also a town's name in India: a sentence's first word that is a common noun is not it."""
    actors, _ = actors_in(text)
    assert all(a.name != "Drug" for a in actors), [(a.name, a.country) for a in actors]


@pytest.mark.parametrize(("text", "country"), [
    ("Moscow police arrested a journalist.", "RUS"),
    ("Kyiv police arrested a journalist.", "UKR"),
    ("Kharkiv police arrested a journalist.", "UKR"),
    ("Belgorod police arrested a journalist.", "RUS"),
    ("Lagos police arrested a journalist.", "NGA"),
    ("West Midlands police arrested a journalist.", "GBR"),  # a region with a country, as a town is
])
def test_a_town_s_police_is_its_state_s_whatever_the_tagger_calls_the_town(analyze_text, text, country):
    """'Kyiv police' is read as 'Moscow police' is: the places step's reading of the town decides, not its label."""
    actors = analyze_text(text).actors
    police = [a for a in actors if a.country == country and a.kind == "state"]
    assert police and not [a for a in actors if "police" in a.name.lower() and a.country is None]


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("Venezuela's opposition leader called for mass protests.", "Venezuela's opposition leader", "VEN"),
    ("Russia's opposition leader called for mass protests.", "Russia's opposition leader", "RUS"),
    ("Ukraine's opposition leader called for mass protests.", "Ukraine's opposition leader", "UKR"),
    ("The Belarusian opposition leader met the chancellor.", "The Belarusian opposition leader", "BLR"),
])
def test_an_opposition_leader_is_the_opposition_not_the_government(text, surface, country):
    """'leader' alone is a government's; 'opposition leader' is the opposition's, of any state alike."""
    mention, actor = mention_of(text, surface)
    assert (actor.kind, actor.country, mention.sector or actor.sector) == ("opposition", country, "OPP")


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Hamas released four Israeli hostages in Gaza.", "four Israeli hostages", "Israeli hostages"),
    ("Israel released 90 Palestinian prisoners.", "90 Palestinian prisoners", "Palestinian prisoners"),
    ("Israel released 90 Palestinian detainees.", "90 Palestinian detainees", "Palestinian detainees"),
    ("Ukraine freed 40 Russian captives.", "40 Russian captives", "Russian captives"),
    ("Russia freed 40 Ukrainian prisoners.", "40 Ukrainian prisoners", "Ukrainian prisoners"),
])
def test_people_held_by_the_other_side_keep_the_text_s_noun(text, surface, name):
    """Hostages, prisoners, detainees, captives: the word is the text's framing, never relabelled."""
    _, actor = mention_of(text, surface)
    assert actor.name == name


@pytest.mark.parametrize(("text", "country"), [
    ("Nicaraguan police arrested opposition activists in Managua.", "NIC"),
    ("Venezuelan security forces arrested opposition activists in Caracas.", "VEN"),
    ("Georgian police arrested opposition activists in Tbilisi.", "GEO"),
])
def test_a_state_s_opposition_is_not_the_state(text, country):
    _, actor = mention_of(text, "opposition activists")
    assert (actor.kind, actor.country) == ("opposition", country)


@pytest.mark.parametrize(("text", "surface", "name", "country"), [
    ("Serbian police detained Kosovo Albanian protesters.", "Kosovo Albanian protesters", "Kosovo Albanian protesters",
     "KOS"),
    ("Kosovo police detained Kosovo Serb protesters.", "Kosovo Serb protesters", "Kosovo Serb protesters", "KOS"),
    ("Bosnian Serb civilians fled the town.", "Bosnian Serb civilians", "Bosnian Serb civilians", "BIH"),
    ("Iraqi Kurdish civilians fled the town.", "Iraqi Kurdish civilians", "Iraqi Kurdish civilians", "IRQ"),
])
def test_a_people_of_a_place_is_one_group_of_that_place(text, surface, name, country):
    """'Kosovo Albanian protesters' are one group in Kosovo, not Kosovo and Albania."""
    _, actor = mention_of(text, surface)
    assert (actor.name, actor.country) == (name, country)


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Donbas separatists shelled the town.", "Donbas separatists", "Donbas separatists"),
    ("Druze militias took the hill.", "Druze militias", "Druze militias"),
])
def test_a_group_of_a_contested_land_or_a_people_keeps_its_noun(text, surface, name):
    """'Donbas separatists' was the region 'Donbas': the group is the actor, of no state, as the land is."""
    _, actor = mention_of(text, surface)
    assert actor.name.lower() == name.lower() and actor.kind == "armed group"


@pytest.mark.parametrize(("text", "surface", "name", "country"), [
    ("Police fired tear gas at protesters in Nairobi.", "protesters in Nairobi", "Kenyan protesters", "KEN"),
    ("Police fired tear gas at protesters in Kenya.", "protesters in Kenya", "Kenyan protesters", "KEN"),
    ("Soldiers shot protesters in Gaza.", "protesters", "Palestinian protesters", "PSE"),
    ("Soldiers shot protesters in Tel Aviv.", "protesters", "Israeli protesters", "ISR"),
    ("Police arrested students in the Philippines.", "students in the Philippines", "Filipino students", "PHL"),
    ("Gunmen killed villagers in Zamfara state.", "villagers in Zamfara state", "Nigerian civilians", "NGA"),
])
def test_a_group_where_it_is_is_named_with_its_country_s_adjective(text, surface, name, country):
    """'protesters in Nairobi' are Kenyan protesters, not 'Kenya protesters' (a party's supporters keep its name:
    'supporters of Israel' are 'Israel supporters')."""
    _, actor = mention_of(text, surface)
    assert (actor.name, actor.country) == (name, country)


@pytest.mark.parametrize(("text", "surface", "name", "country"), [
    # people away from home or held are not of the place where they are; named, or brought from it, they are
    ("Settlers in the West Bank attacked Palestinian farmers.", "Settlers", "settlers", None),
    ("Refugees in Lebanon protested against the cuts.", "Refugees", "refugees", None),
    ("Israeli troops mistakenly shot three hostages in Gaza.", "three hostages", "hostages", None),
    ("Displaced people in Maiduguri protested over food shortages.", "Displaced people in Maiduguri",
     "Nigerian displaced people", "NGA"),  # displaced inside their own country
    ("Refugees in Nigeria protested over food shortages.", "Refugees", "refugees", None),
    ("Syrian refugees in Lebanon protested against the cuts.", "Syrian refugees", "Syrian refugees", "SYR"),
    ("Kurdish refugees from Syria protested in Berlin.", "Kurdish refugees", "Kurdish refugees", "SYR"),
])
def test_people_away_from_home_are_not_named_for_where_they_are(text, surface, name, country):
    _, actor = mention_of(text, surface)
    assert (actor.name.lower(), actor.country) == (name.lower(), country)


@pytest.mark.parametrize(("text", "surface", "name"), [
    # a leader the press names by surname alone is that leader whatever label the tagger gives the word
    ("Erdogan visited Baghdad.", "Erdogan", "Recep Tayyip Erdogan"),
    ("Modi visited Dhaka.", "Modi", "Narendra Modi"),
    ("Aliyev met Pashinyan in Brussels.", "Aliyev", "Ilham Aliyev"),
    ("Aliyev met Pashinyan in Brussels.", "Pashinyan", "Nikol Pashinyan"),
    ("Pashinyan met Aliyev in Brussels.", "Pashinyan", "Nikol Pashinyan"),
    ("Pashinyan met Aliyev in Brussels.", "Aliyev", "Ilham Aliyev"),
    ("Burhan accused Dagalo of treason.", "Burhan", "Abdel Fattah al-Burhan"),
    ("Burhan accused Dagalo of treason.", "Dagalo", "Mohamed Hamdan Dagalo"),
    ("Dagalo accused Burhan of treason.", "Dagalo", "Mohamed Hamdan Dagalo"),
    ("Dagalo accused Burhan of treason.", "Burhan", "Abdel Fattah al-Burhan"),
    ("Scholz met Macron in Berlin.", "Scholz", "Olaf Scholz"),
    ("Sisi received Erdogan in Cairo.", "Sisi", "Abdel Fattah al-Sisi"),
    ("While Obama pardoned drug dealers, Trump pardons ranchers.", "Trump", "Donald Trump"),
])
def test_a_known_leader_s_surname_alone_is_that_leader(text, surface, name):
    _, actor = mention_of(text, surface)
    assert actor.name == name


@pytest.mark.parametrize("text", [
    "The Houthi attack on shipping continued.",  # 'Houthi' names the movement, not 'Abdul-Malik al-Houthi'
    "A gallant effort by the team fell short.",  # a word, not 'Yoav Gallant'
])
def test_a_word_that_names_something_else_is_not_a_leader_s_surname(text):
    actors, _ = actors_in(text)
    assert not [a for a in actors if a.kind == "person"]


@pytest.mark.parametrize(("surface", "name"), [
    ("Thai protesters", "Thai protesters"),
    ("Togolese protesters", "Togolese protesters"),
    ("Montenegrin protesters", "Montenegrin protesters"),
    ("Cambodian protesters", "Cambodian protesters"),
])
def test_a_people_s_adjective_that_a_country_list_also_spells_as_its_name_names_the_people(surface, name):
    """countryinfo lists 'Thai' among Thailand's spellings: it is still the adjective ('Thai protesters')."""
    _, actor = mention_of(f"{surface} marched through the capital.", surface)
    assert actor.name == name


@pytest.mark.parametrize(("text", "absent", "present"), [
    ("Ecuador declared a state of emergency.", "a state", "Ecuador"),
    ("Sri Lanka declared a state of emergency after the protests.", "a state", "Sri Lanka"),
    ("The state of the economy worried the government.", "The state", "the government"),
])
def test_a_state_of_something_is_a_condition_not_a_government(text, absent, present):
    actors, mentions = actors_in(text)
    assert absent not in [m.text for m in mentions] and present in [m.text for m in mentions]


def test_the_state_of_a_name_is_still_that_state():
    _, actor = mention_of("The State of Israel rejected the proposal.", "The State of Israel")
    assert actor.country == "ISR"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("The military government of President Prosper Avril declared a state of siege in Haiti on Saturday, a "
     "spokeswoman for the U.S. embassy said.", "Prosper Avril", "HTI"),
    ("The government of President Odalys Pemberhart imposed a curfew in Nicaragua on Saturday, a spokesman for the "
     "Russian embassy said.", "Odalys Pemberhart", "NIC"),
    ("The government of President Odalys Pemberhart imposed a curfew in Russia on Saturday, a spokesman for the "
     "Nicaraguan embassy said.", "Odalys Pemberhart", "RUS"),
])
@pytest.mark.xfail(strict=True, reason=(
    "the sentence's nearest government mention gives an unplaced person's country, the reporter's embassy included; "
    "ranking the reporter's mentions last fixed these and broke 'An Argentine judge has ordered former president "
    "Carlos Menem to appear ... arms sales to Croatia' and '..., the White House said' on PLOVER dev"))
def test_a_reporter_s_country_is_not_the_reported_person_s(text, name, country):
    """A person the text gives no country takes it from the sentence, not from the source who reports it."""
    actors, _ = actors_in(text)
    assert next(a for a in actors if a.name == name).country == country


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Trump's new national security advisor John Bolton recalled the doom of Libya.",
     "Trump's new national security advisor John Bolton", "John Bolton"),
    ("Biden's new national security adviser Jake Sullivan met Chinese officials.",
     "Biden's new national security adviser Jake Sullivan", "Jake Sullivan"),
])
def test_a_person_named_after_a_possessor_who_is_a_person_is_still_themselves(text, surface, name):
    """Two people's mentions that start at the same word keep their own names."""
    _, actor = mention_of(text, surface)
    assert actor.name == name


@pytest.mark.parametrize("text", [
    "The rule was mentioned by Heather Nauert Ivanka Trump in an interview.",
    "Kim Yo Jong Kim criticised the drills.",
])
def test_a_surname_after_another_given_name_is_not_the_leader(text):
    actors, _ = actors_in(text)
    assert "Donald Trump" not in [a.name for a in actors] and "Kim Jong Un" not in [a.name for a in actors]


def test_a_town_s_name_the_article_uses_for_a_person_gives_the_person_no_country():
    text = ("The Pardons Bring Justice to Hammond's Victims. While Hammond pardoned drug dealers, Trump "
            "pardons ranchers. Hammond said nothing.")
    actors, _ = actors_in(text)
    assert [a.country for a in actors if a.name == "Hammond"] == [None]


def test_a_town_s_name_that_is_a_listed_person_s_surname_is_that_person():
    """'Obama' is a town in Japan too; the article uses it for the US president the actor file lists (before
    he was listed, the case above held it: no country, never Japan's)."""
    text = ("The Hammond Pardons Bring Justice to Obama's Victims. While Obama pardoned drug dealers, Trump "
            "pardons ranchers. Obama said nothing.")
    actors, _ = actors_in(text)
    assert [(a.name, a.country) for a in actors if "Obama" in a.name] == [("Barack Obama", "USA")]


@pytest.mark.parametrize("text, name, town_country", [
    ("Kenzo Oshima, the United Nations relief coordinator, demanded that aid reach the camps.", "Oshima", "JPN"),
    ("Mariam Homs, the head of the aid group, said the road was closed.", "Homs", "SYR"),
    ("The relief coordinator, Daniel Kherson, said the road was closed.", "Kherson", "UKR"),
])
def test_a_name_described_as_a_person_is_no_town_s_actor(text, name, town_country):
    """A name whose appositive names a person's role is that person, not the town that shares the name."""
    actors, _ = actors_in(text)
    assert not [a for a in actors if name in a.name and (a.kind == "place" or a.country == town_country)], actors


def test_a_country_a_noun_is_about_gives_a_titled_person_no_country():
    """'an investigation into Russian interference' names what the investigation is about, not the side of
    the attorney general the sentence names."""
    for country, adjective in (("RUS", "Russian"), ("UKR", "Ukrainian")):
        text = (f"The president called on his Attorney General Tomas Vell to shut down the investigation into "
                f"{adjective} interference in the election.")
        _, actor = mention_of(text, "his Attorney General Tomas Vell")
        assert actor.country != country


@pytest.mark.parametrize(("text", "surface", "name"), [
    # a surname alone is the article's own person of that name, not a listed leader who shares it
    ("The judge fined the singer Ilsa Ruto for the concert. Ruto said she would appeal.", "Ruto", "Ilsa Ruto"),
    ("Coach Tomas Orban resigned on Monday. Orban said the club had let him down.", "Orban", "Tomas Orban"),
    # with no namesake in the article it is the listed person
    ("Orban vetoed the sanctions on Monday.", "Orban", "Viktor Orban"),
])
def test_a_surname_is_the_article_s_namesake_before_a_listed_leader(text, surface, name):
    _, actor = mention_of(text, surface)
    assert actor.name == name


def test_a_generation_suffix_is_no_surname():
    actors, _ = actors_in("John Okoro Jr. spoke first. Jr. left early.")
    assert "Ferdinand Marcos Jr." not in [a.name for a in actors]


@pytest.mark.parametrize(("text", "surface", "name"), [
    # a leader introduced with an office keeps the surname beside a relative named in full
    pytest.param("President Ruto spoke first. His daughter Charlene Ruto spoke next. Ruto then left.", "Ruto then",
                 "William Ruto", marks=pytest.mark.xfail(strict=True, reason="the people step merges 'President "
                                                                          "Ruto' into the relative's full name")),
    ("President Orban spoke first. His wife Aniko Orban spoke next. Orban then left.", "Orban then", "Viktor Orban"),
])
def test_a_leader_introduced_with_an_office_keeps_the_surname_beside_a_relative(text, surface, name):
    _, actor = mention_of(text, surface.split()[0])
    assert actor.name == name


@pytest.mark.parametrize(("text", "surface", "name"), [
    # one citizen, national or resident of a country is one of its people, not its state (every side alike)
    ("A 38-year-old Mexican citizen was arrested in Kansas.", "Mexican citizen", "Mexican civilians"),
    ("Israeli forces arrested a Palestinian resident of Hebron.", "Palestinian resident", "Palestinian civilians"),
    ("Palestinian gunmen killed an Israeli resident of Ariel.", "Israeli resident", "Israeli civilians"),
    ("Police detained a British national at the airport.", "British national", "British civilians"),
])
def test_one_citizen_is_one_of_a_country_s_people(text, surface, name):
    actors, mentions = actors_in(text)
    by_id = {a.id: a for a in actors}
    assert any(surface in m.text and by_id[m.actor_id].name == name for m in mentions)


@pytest.mark.parametrize(("text", "surface", "country"), [
    # two letters that name a body of one country name it only where the article names that country otherwise
    ("The PA condemned the Israeli raid on Jenin.", "The PA", "PSE"),
    ("The PA condemned the raid, officials in Ramallah said.", "The PA", "PSE"),
])
def test_two_letters_name_a_country_s_body_where_the_country_is_named(text, surface, country):
    _, actor = mention_of(text, surface)
    assert actor.country == country


@pytest.mark.parametrize("text", [
    "Protesters gathered in Pittsburgh, PA, on Sunday.",
    "The state senate in Harrisburg, PA, passed the budget.",
])
def test_a_us_state_s_code_is_no_palestinian_authority(text):
    actors, _ = actors_in(text)
    assert "PSE" not in [a.country for a in actors]


@pytest.mark.parametrize(("text", "absent"), [
    ("THIS IS WAR: WHO WILL STOP THEM?\n\nThe article starts here.", {"Islamic State", "World Health Organization"}),
    ("WHO IS TO BLAME FOR THE BLACKOUT?\n\nThe article starts here.", {"Islamic State", "World Health Organization"}),
])
def test_function_words_in_a_line_of_capitals_are_no_acronyms(text, absent):
    actors, _ = actors_in(text)
    assert not absent & {a.name for a in actors}


@pytest.mark.parametrize(("text", "present"), [
    ("US TROOPS LEAVE SYRIA", {"United States", "Syria"}),
    ("The WHO said IS fighters attacked the clinic.", {"World Health Organization", "Islamic State"}),
])
def test_acronyms_in_ordinary_case_and_us_in_capitals_stay(text, present):
    actors, _ = actors_in(text)
    assert present <= {a.name for a in actors}


def test_two_letter_names_of_states_are_no_organs():
    actors, _ = actors_in("UK and US officials met in Geneva.")
    assert {"United Kingdom", "United States"} <= {a.name for a in actors}


@pytest.mark.parametrize("text", [
    "Boko Haram fighters abducted dozens of schoolgirls in Borno state.",
    "Gunmen abducted dozens of schoolboys in Katsina state.",
])
def test_schoolchildren_are_students(text):
    _, mentions = actors_in(text)
    assert any(m.text.startswith(("schoolgirls", "schoolboys")) and m.sector == "EDU" for m in mentions)


@pytest.mark.parametrize(("text", "surface", "country"), [
    # a capital's name the places step resolves to a town of another country is that town, not the state
    ("Paris Hilton visited Paris, Texas.", "Paris", "USA"),
    ("The delegation visited Moscow, Idaho, on Friday.", "Moscow", "USA"),
])
def test_a_capital_s_name_resolved_elsewhere_is_that_town(text, surface, country):
    analysis = analyze(text)
    by_id = {a.id: a for a in analysis.actors}
    found = [by_id[m.actor_id] for m in analysis.mentions if m.text == surface]
    assert found and all(a.kind == "place" and a.country == country for a in found)


@pytest.mark.parametrize(("text", "name"), [
    # peoples the tagger reads as organisations, persons or places are groups of people, on every side
    ("Thai authorities deported 40 Uyghur men to China.", "Uyghur"),
    ("Rohingya refugees protested in Cox's Bazar.", "Rohingya"),
    ("Tamil protesters rallied outside the parliament in Colombo.", "Tamil"),
    ("Sinhalese monks marched in Kandy.", "Sinhalese"),
    ("Tuareg rebels seized the town of Kidal.", "Tuareg"),
    ("Fulani herders clashed with Hausa farmers in Zamfara.", "Fulani"),
    ("Fulani herders clashed with Hausa farmers in Zamfara.", "Hausa"),
    ("Tutsi refugees fled to Rwanda.", "Tutsi"),
    ("Hutu refugees fled to Congo.", "Hutu"),
    ("Masalit civilians were killed in El Geneina.", "Masalit"),
    ("Mapuche activists occupied a farm in Araucania.", "Mapuche"),
])
def test_a_people_the_tagger_misreads_is_a_group_of_people(text, name):
    actors = {a.name: a for a in analyze(text).actors}
    assert name in actors and actors[name].kind == "population", {a.name: a.kind for a in actors.values()}


@pytest.mark.parametrize(("text", "person"), [
    ("Karen Bass said the city would recover.", "Karen Bass"),
    ("Maya Angelou wrote the poem in 1993.", "Maya Angelou"),
])
def test_a_people_s_name_that_is_also_a_given_name_stays_a_person(text, person):
    assert person in {a.name for a in analyze(text).actors if a.kind == "person"}


@pytest.mark.parametrize("text", [
    "Jihadists attacked a village near Mopti.",
    "The jihadists attacked a village near Mopti.",
])
def test_a_kind_of_fighter_opening_a_sentence_is_the_same_armed_group(text):
    kinds = {a.name.lower(): a.kind for a in analyze(text).actors}
    assert kinds.get("jihadists") == "armed group", kinds


@pytest.mark.parametrize(("text", "country"), [
    ("Rwanda and the Democratic Republic of Congo signed a peace deal in Washington.", "COD"),
    ("The Republic of Congo held elections on Sunday.", "COG"),
])
def test_both_congos_by_their_full_names(text, country):
    result = analyze(text)
    assert country in {a.country for a in result.actors}
    assert all(p.name != "Republic" for p in result.places)


@pytest.mark.parametrize(("text", "country"), [
    # a state's police and border agencies by their own names are that state's
    ("Border Patrol agents arrested 40 migrants.", "USA"),
    ("The man was arrested by ICE agents.", "USA"),
    ("Scotland Yard arrested three men.", "GBR"),
    ("The Home Office banned two bloggers from entering the country.", "GBR"),
])
def test_a_state_s_agencies_by_their_names_are_that_state_s(text, country):
    assert country in {a.country for a in analyze(text).actors}


def test_ice_in_lower_case_is_no_agency():
    assert not analyze("The ice on the lake was thin.").actors


@pytest.mark.parametrize("text", [
    "He was arrested and transported to Yuma Station.",
    "The convoy reached Kabul Airport at dawn.",
])
def test_a_site_the_tagger_takes_for_a_person_is_no_person(text):
    assert not [a for a in analyze(text).actors if a.kind == "person"]


def test_a_surname_that_is_also_a_site_word_stays_a_person():
    assert "Stuart Hall" in {a.name for a in analyze("Stuart Hall said the deal was fair.").actors}


def test_the_justice_department_is_the_us_government():
    event = [e for e in analyze("The Justice Department inspector general castigated James Comey for his actions."
                                ).events if e.type == "ACCUSE"][0]
    assert event.source_countries == ("USA",)


@pytest.mark.xfail(strict=True, reason="the tagger reads 'Park Chung-hee' as no entity; a Korean name order is not "
                                       "recognised yet")
def test_a_korean_name_with_a_hyphenated_given_name_is_a_person():
    assert "Park Chung-hee" in {a.name for a in analyze("Park Chung-hee ruled South Korea.").actors}


def test_a_city_s_metropolitan_police_is_not_london_s():
    actors = analyze("The Las Vegas Metropolitan Police Department said the gunman acted alone.").actors
    assert "GBR" not in {a.country for a in actors}


@pytest.mark.parametrize(("text", "name"), [
    # a group keeps the text's own noun: herders and farmers are the two sides of many land conflicts, and
    # 'rioters' or 'activists' is the text's word, not 'protesters'
    ("Fulani herders attacked farmers in Plateau state.", "Fulani herders"),
    ("Nigerian herders attacked farmers in Plateau state.", "Nigerian herders"),
    ("Nigerian farmers attacked herders in Plateau state.", "Nigerian farmers"),
    ("Sri Lanka's navy arrested 12 Indian fishermen.", "Indian fishermen"),
    ("India's coast guard arrested 10 Sri Lankan fishermen.", "Sri Lankan fishermen"),
    ("Kenyan activists protested outside the Ugandan embassy.", "Kenyan activists"),
    ("French rioters clashed with police.", "French rioters"),
    ("Kenyan protesters marched in Nairobi.", "Kenyan protesters"),
    ("Kenyan demonstrators marched in Nairobi.", "Kenyan protesters"),
])
def test_a_group_is_named_by_the_text_s_own_kind_of_people(text, name):
    assert name in {actor.name for actor in analyze(text).actors}


@pytest.mark.parametrize("text", [
    "Thousands of Georgians rallied outside parliament against the foreign agents bill.",
    "Protesters gathered outside parliament in Tbilisi.",
    "Hundreds of Serbians protested outside parliament in Belgrade.",
])
def test_a_preposition_read_as_a_modifier_is_no_part_of_a_name(text):
    names = {actor.name for actor in analyze(text).actors}
    assert "parliament" in names and not any(name.startswith("outside") for name in names)


@pytest.mark.parametrize(("text", "group", "opposed"), [
    # 'anti-X', 'pro-X' name whom a group opposes or supports, never whose it is (anti-Russian protesters had been
    # Russian, as 'X-backed' fighters already are no state's)
    ("Anti-Russian protesters rallied in Kyiv.", "anti-Russian protesters", "RUS"),
    ("Anti-Ukrainian protesters rallied in Moscow.", "anti-Ukrainian protesters", "UKR"),
    ("Anti-Israel activists disrupted the lecture.", "anti-Israel activists", "ISR"),
    ("Anti-Palestinian activists disrupted the lecture.", "anti-Palestinian activists", "PSE"),
    ("Anti-American protesters burned flags in Tehran.", "anti-American protesters", "USA"),
    ("Anti-Iranian protesters burned flags in Washington.", "anti-Iranian protesters", "IRN"),
    ("Pro-Russian separatists shelled the town of Avdiivka.", "pro-Russian separatists", "RUS"),
    ("Pro-Ukrainian partisans blew up a railway bridge near Melitopol.", "pro-Ukrainian partisans", "UKR"),
])
def test_a_group_against_a_state_is_not_that_state_s(text, group, opposed):
    actors = {actor.name: actor for actor in analyze(text).actors}
    assert group in actors and actors[group].country != opposed


def test_a_spatial_adjective_before_a_plural_stays_in_the_name():
    text = "Clarke refused to fire him until outside investigators got involved."
    assert "outside investigators" in {actor.name for actor in analyze(text).actors}


@pytest.mark.parametrize(("text", "name"), [
    # a proper-named army of no state is an armed group, named as written
    ("The Kachin Independence Army attacked a junta base.", "Kachin Independence Army"),
    ("The Baloch Liberation Army said it had killed 12 Pakistani soldiers.", "Baloch Liberation Army"),
])
def test_a_named_army_of_no_state_is_an_armed_group(text, name):
    actor = next(a for a in analyze(text).actors if a.name == name)
    assert actor.sector == "REB" and actor.country is None


@pytest.mark.parametrize(("text", "wrong"), [
    # a body of one state named right after another state's name is not the first state's body
    ("The Sudan People's Liberation Army clashed with rebels.", "CHN"),
])
def test_a_name_after_another_state_s_name_is_not_the_first_state_s_body(text, wrong):
    assert wrong not in {a.country for a in analyze(text).actors}


def test_a_state_s_own_body_after_its_adjective_stays_its_own():
    assert "CHN" in {a.country for a in analyze("The Chinese People's Liberation Army held drills.").actors}


def test_a_group_after_a_state_s_adjective_keeps_its_name():
    text = "The pro-Iranian Hizbollah group declared a unilateral ceasefire."
    assert "LBN" in {a.country for a in analyze(text).actors}


@pytest.mark.parametrize(("text", "name"), [
    # a descriptor right before a name ('the militant group X') is the name's, no actor of its own
    ("The militant group Islamic Jihad fired rockets at Israel.", "Palestinian Islamic Jihad"),
    ("The rebel group M23 seized the town of Goma.", "M23"),
    ("The separatist group Ambazonia Defence Forces attacked a checkpoint.", None),
])
def test_a_descriptor_before_a_name_is_no_actor_of_its_own(text, name):
    names = {actor.name for actor in analyze(text).actors}
    assert not names & {"militant group", "rebel group", "separatist group"}
    if name is not None:
        assert name in names


@pytest.mark.parametrize("text", [
    "The Air Force struck targets in Syria.",
    "The Coast Guard rescued 40 migrants.",
])
def test_a_service_s_own_name_stays_a_military(text):
    assert {a.sector for a in analyze(text).actors if a.kind != "state"} & {"MIL"}


@pytest.mark.parametrize(("text", "surface"), [
    # the pope is the Holy See's head, wherever the sentence's place is
    ("Pope Francis called for a ceasefire in Gaza.", "Pope Francis"),
    ("Pope Leo XIV urged Russia and Ukraine to hold talks.", "Pope Leo XIV"),
    ("Pope Francis met survivors of abuse in Santiago.", "Pope Francis"),
])
def test_the_pope_is_of_the_holy_see(text, surface):
    _, actor = mention_of(text, surface)
    assert actor.country == "VAT"


def test_another_church_s_pope_takes_no_fixed_state():
    _, actor = mention_of("Coptic Pope Tawadros II visited the cathedral in Cairo.", "Coptic Pope Tawadros II")
    assert actor.country != "VAT"


@pytest.mark.parametrize(("text", "surface", "country"), [
    # armed groups and missions the news names by their acronyms, each with the country it fights in
    ("ADF rebels attacked a village near Beni.", "ADF", "COD"),
    ("The FARC signed a peace deal with the government in 2016.", "FARC", "COL"),
    ("The LRA abducted hundreds of children.", "LRA", "UGA"),
    ("The OLA attacked a bus in Oromia.", "OLA", "ETH"),
    ("The Oromo Liberation Army attacked a bus in Oromia.", "Oromo Liberation Army", "ETH"),
    ("ATMIS troops withdrew from the base.", "ATMIS", "IGO"),
    ("AMISOM troops withdrew from the base.", "AMISOM", "IGO"),
])
def test_acronyms_of_armed_groups_and_missions_name_them(text, surface, country):
    _, actor = mention_of(text, surface, part=True)
    assert actor.country == country


@pytest.mark.parametrize(("text", "surface", "sector"), [
    # leaders, officials or commanders of a kind of body are of that body's sector, not a government's
    ("Rebel leaders met the UN envoy in Nairobi.", "Rebel leaders", "REB"),
    ("Militant commanders were killed in the strike.", "Militant commanders", "REB"),
    ("Union leaders called a general strike.", "Union leaders", "LAB"),
    ("Military leaders met in Cairo.", "Military leaders", "MIL"),
    ("Police officials said the road was closed.", "Police officials", "COP"),
    ("Government leaders met in Cairo.", "Government leaders", "GOV"),
    ("Opposition leaders met in Cairo.", "Opposition leaders", "OPP"),
])
def test_the_leaders_of_a_kind_of_body_are_of_its_sector(text, surface, sector):
    mention, actor = mention_of(text, surface)
    assert (mention.sector or actor.sector) == sector


def test_rebel_leaders_in_a_capital_are_not_its_government():
    _, actor = mention_of("The UN envoy met rebel leaders in Addis Ababa.", "rebel leaders", part=True)
    assert actor.kind != "state" and actor.sector == "REB"


@pytest.mark.parametrize(("text", "surface", "name"), [
    # a force 'led by' a group is that group's (as 'fighters loyal to X' are X's), either side
    ("Rebels led by Hayat Tahrir al-Sham seized Aleppo.", "Rebels", "Hayat Tahrir al-Sham"),
    ("Militias led by the RSF attacked the camp.", "Militias", "Rapid Support Forces"),
    ("Fighters led by the M23 captured the town.", "Fighters", "M23"),
])
def test_a_force_led_by_a_group_is_the_group_s(text, surface, name):
    _, actor = mention_of(text, surface, part=True)
    assert actor.name == name


def test_a_force_led_by_a_commander_is_not_his_state():
    _, actor = mention_of("Forces led by General Haftar attacked Tripoli.", "Forces", part=True)
    assert actor.kind != "state"
