"""PLOVER events from sentences written for these tests: types, modes, roles, flags, and no-event sentences."""

from __future__ import annotations

import functools

import pytest

from presslens.actors.extract import extract_actors
from presslens.core.nlp import parse
from presslens.core.schema import Event
from presslens.events.checks import written
from presslens.events.extract import extract_events
from presslens.pipeline import analyze
from presslens.quotes.extract import extract_quotes


@functools.lru_cache(maxsize=None)
def events_in(text: str) -> tuple[Event, ...]:
    doc = parse(text)
    quotes = extract_quotes(doc)
    actors, mentions = extract_actors(doc, quotes)
    return tuple(extract_events(doc, actors, mentions, quotes, [], []))


def one(text: str, type_: str) -> Event:
    found = [e for e in events_in(text) if e.type == type_]
    assert found, f"no {type_} in {text!r}: {[(e.type, e.trigger) for e in events_in(text)]}"
    return found[0]


def one_analysed(text: str, *types: str) -> Event:
    """The first event of one of ``types`` in the whole analysis (with the places step: 'near Gao', 'in Bamako')."""
    found = [e for e in analyze(text).events if e.type in types]
    assert found, f"no {types} in {text!r}"
    return found[0]


# sentence, type, mode (None: not checked), source countries, target countries (None: not checked)
TYPED = [
    ("Canada and Mexico agreed on Tuesday to cut tariffs on steel.", "AGREE", None, {"CAN", "MEX"}, None),
    ("The foreign ministers of Chile and Peru held talks in Lima.", "CONSULT", None, {"CHL", "PER"}, None),
    ("Norway praised the electoral reforms announced by Ghana.", "SUPPORT", None, {"NOR"}, {"GHA"}),
    ("The government of Kenya lifted the overnight curfew in Mombasa.", "CONCEDE", None, {"KEN"}, None),
    ("Japan and South Korea began joint naval drills.", "COOPERATE", None, {"JPN", "KOR"}, None),
    ("Sweden sent food and medicine to flood-hit villages in Bangladesh.", "AID", None, {"SWE"}, {"BGD"}),
    ("Armenian troops withdrew from the border village on Sunday.", "RETREAT", "withdraw", {"ARM"}, None),
    ("The rebels released twelve soldiers captured last month.", "RETREAT", "release", None, None),
    ("Brazil urged Venezuela to reopen the border crossing.", "REQUEST", None, {"BRA"}, {"VEN"}),
    ("Egypt accused Ethiopia of endangering its water supply.", "ACCUSE", "allege", {"EGY"}, {"ETH"}),
    ("Pakistan rejected India's proposal for talks.", "REJECT", None, {"PAK"}, {"IND"}),
    ("Iran threatened to close the Strait of Hormuz to American tankers.", "THREATEN", None, {"IRN"}, {"USA"}),
    ("Police in Lagos arrested forty protesters.", "COERCE", "arrest", {"NGA"}, {"NGA"}),
    ("Germany suspended military aid to Niger.", "SANCTION", "discontinue", {"DEU"}, {"NER"}),
    ("Turkey deployed tanks along its border with Syria.", "MOBILIZE", None, {"TUR"}, None),
    ("Russian aircraft bombed a market in Idlib.", "ASSAULT", "aerial", {"RUS"}, {"SYR"}),
    ("Gunmen shot dead a judge in Karachi.", "ASSAULT", "firearms", {"PAK"}, None),
    ("Ukrainian drones struck an oil depot in Belgorod.", "ASSAULT", "drone", {"UKR"}, {"RUS"}),
    ("The Indian government condemned the attack on its consulate in Kabul.", "ACCUSE", "disapprove", {"IND"},
     {"AFG"}),
    ("The Nigerian government imposed a curfew on the city of Jos.", "COERCE", "curfew", {"NGA"}, {"NGA"}),
    ("The Colombian army suspended operations against the rebels in Cauca.", "CONCEDE", None, {"COL"}, None),
    ("The rebels in Cauca halted operations against the Colombian army.", "CONCEDE", None, None, {"COL"}),
    ("Kenya and Ethiopia signed a security pact in Nairobi.", "SUPPORT", None, {"KEN", "ETH"}, None),
    ("Ethiopia and Kenya signed a security pact in Nairobi.", "SUPPORT", None, {"KEN", "ETH"}, None),
]


@pytest.mark.parametrize("text,type_,mode,sources,targets", TYPED)
def test_event_type_mode_and_countries(text, type_, mode, sources, targets):
    event = one(text, type_)
    if mode is not None:
        assert event.mode == mode
    if sources is not None:
        assert set(event.source_countries) == sources
    if targets is not None:
        assert set(event.target_countries) == targets
    assert event.start <= event.trigger_start < event.trigger_end <= event.end
    assert text[event.trigger_start - event.start:event.trigger_end - event.start] == event.trigger


@pytest.mark.parametrize("text,sources,count", [
    ("Israel and Jordan signed a water-sharing agreement.", ("Israel", "Jordan"), 1),
    ("Vietnam and the Philippines exchanged fire in the disputed waters.", ("Vietnam", "Philippines"), 1),
    ("Canada and Mexico agreed on Tuesday to cut tariffs on steel.", ("Canada", "Mexico"), 1),
])
def test_compound_actors_are_one_event_with_a_list(text, sources, count):
    events = events_in(text)
    assert len(events) == count
    assert events[0].sources == sources


@pytest.mark.parametrize("text,type_,source,target", [
    ("Two journalists were detained by Belarusian police in Minsk.", "COERCE", "Belarus", "journalists"),
    ("The village was shelled by Moroccan artillery.", "ASSAULT", "Morocco", None),
])
def test_passive_voice_agent_is_the_source(text, type_, source, target):
    event = one(text, type_)
    assert event.sources == (source,)
    if target:
        assert target in event.targets


@pytest.mark.parametrize("text,type_,negated", [
    ("Serbian forces did not attack the convoy.", "ASSAULT", True),
    ("Serbian forces attacked the convoy.", "ASSAULT", False),
    ("The police never arrested the suspects.", "COERCE", True),
])
def test_negation(text, type_, negated):
    assert one(text, type_).negated is negated


@pytest.mark.parametrize("text,type_", [
    ("Colombia said it would not meet the rebels' demands.", "REJECT"),
    ("“We will not release the hostages,” a rebel spokesman said.", "REJECT"),
])
def test_refused_cooperation_is_a_rejection(text, type_):
    assert one(text, type_).negated is False


@pytest.mark.parametrize("text,type_,hypothetical", [
    ("Armenia will close its airspace if Azerbaijan attacks again.", "THREATEN", True),
    ("The Moroccan army could shell the border town.", "ASSAULT", True),
    ("The Moroccan army shelled the border town.", "ASSAULT", False),
    ("Tunisia warned that it would expel the diplomats should the talks fail.", "THREATEN", True),
    # a gerund under a modal is what could be done
    ("Options could include indicting the hackers and freezing their assets.", "ACCUSE", True),
    ("The response might involve arresting the organizers of the march.", "COERCE", True),
    # a wish or readiness under 'would'/'could' is what would be done; 'let us' proposes an act
    ("The senator would be happy to meet the rebel commanders.", "CONSULT", True),
    ("The Serbian president would be glad to meet the Kosovo premier.", "CONSULT", True),
    ("The Kosovo premier would be glad to meet the Serbian president.", "CONSULT", True),
    ("The senator was happy to meet the rebel commanders.", "CONSULT", False),
    ("Putin said he would be happy to meet Zelensky.", "CONSULT", False),  # an offer, reported
    ("Zelensky said he would be happy to meet Putin.", "CONSULT", False),
    ("\u201cLet's investigate the minister,\u201d the senator said.", "ACCUSE", True),
    ("\u201cLet us negotiate with the Taliban,\u201d the Afghan envoy said.", "CONSULT", True),
    ("The army let the Red Cross visit the prisoners in Juba.", "CONSULT", False),
])
def test_hypothetical(text, type_, hypothetical):
    assert one(text, type_).hypothetical is hypothetical


@pytest.mark.parametrize("text,type_,collapsed", [
    ("Estonia will send medical supplies to Moldova.", "AID", "AGREE"),
    ("The army will withdraw its troops from the valley next month.", "RETREAT", "CONCEDE"),
    ("The rebels will attack the garrison.", "ASSAULT", "THREATEN"),
])
def test_announced_acts_follow_the_plover_future_rule(text, type_, collapsed):
    types = {e.type for e in events_in(text)}
    assert collapsed in types and type_ not in types


def test_reported_by_is_the_speaker_of_a_reported_clause():
    event = one("The Palestinian Authority said that Israeli troops raided the Jenin camp.", "COERCE")
    assert event.sources == ("Israel",) and event.source_sectors == ("MIL",)
    assert event.reported_by == "Palestinian Authority"
    outlet = one("Israeli troops raided the Jenin camp.", "COERCE")
    assert outlet.reported_by is None


def test_location_and_time_come_from_the_clause():
    event = one("Police in Lagos arrested forty protesters on Friday.", "COERCE")
    assert event.location == "Lagos"
    assert event.time == "Friday"


@pytest.mark.parametrize("text", [
    "The weather in Oslo was mild on Tuesday.",
    "The report runs to forty pages.",
    "Prices of wheat rose by three percent last month.",
    "She is a teacher in Vienna.",
    "The new bridge connects the two districts.",
    "Fans celebrated the team's victory in the final.",
    "The company published its annual accounts.",
    "It was the deadliest year since records began.",
    "The minister's speech lasted an hour.",
    "Analysts expect the central bank to hold interest rates steady.",
    "The army was founded in 1948.",
    "Dozens of people lost their lives in the floods.",
    "The figures show 150 people killed in road accidents last year.",
    "The news struck panic into the markets.",
    "The occupied territories have a young population.",
    "The parties that support the reform hold a majority.",
    "The ministry opened a hotline to help families.",
    "He signed the letter with his initials.",
    "A hat signed by the president sold for 500 dollars.",
    "The governor signed the budget bill on Friday.",
    # a gerund that names a kind of act, or one thought of
    "The emergency measures include arresting the organizers of unlicensed marches.",
    "The cabinet considered deporting the activists.",
    "Ministers discussed expelling the ambassador.",
    # an ability or a likelihood is no act
    "Russia is able to strike Kyiv with its new missiles.",
    "Ukraine is able to strike Moscow with its new drones.",
    "The rebels are poised to take the provincial capital.",
    "Israel is likely to strike Iran's nuclear sites.",
    "Iran is unlikely to retaliate against Israel.",
    # a recurring time with the simple present tells a habit
    "Tourists crowd the small island every August.",
    "Gunmen rob travellers on this road every week.",
])
def test_sentences_without_an_event(text):
    assert events_in(text) == ()


def test_seed_events(seed_expected):
    """The seven events of the seed, with source, target, mode and flags as expected.json gives them.

    An event whose source is a person carries the person (Saleh Al-Arouri); the seed's 'Hamas'
    is matched through his country/affiliation, as the seed scorer does.
    """
    from pathlib import Path

    from presslens.core.readers import read_file
    from presslens.core.schema import Analysis
    from presslens.evaluation.seed import SeedCard

    from .conftest import shared_path

    article = next(read_file(Path(shared_path("seed/article.txt"))))
    doc = parse(article.text)
    quotes = extract_quotes(doc)
    actors, mentions = extract_actors(doc, quotes)
    events = extract_events(doc, actors, mentions, quotes, [], [])
    card = SeedCard(Analysis(article=article, quotes=tuple(quotes), actors=tuple(actors), events=tuple(events)),
                    seed_expected)
    assert card.section("events") == 1.0, [r for r in card.rows if r["found"] == "no"]
    mobilize = next(e for e in events if e.type == "MOBILIZE")
    assert mobilize.source_sectors == ("MIL",) and "West Bank" in (mobilize.location or "")
    arouri = next(a for a in actors if a.name == "Saleh Al-Arouri")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert accuse.sources == (arouri.name,) and arouri.affiliation == "Hamas"
    assert not any(e.type in ("SUPPORT", "REJECT") for e in events)


@pytest.fixture()
def event_store(tmp_path):
    from presslens.core.readers import make_article
    from presslens.core.schema import Analysis
    from presslens.store.sqlite import Store

    store = Store(tmp_path / "events.sqlite")
    texts = [("Police in Lagos arrested forty protesters.", "2024-03-02", "https://example.org/lagos"),
             ("Brazil urged Venezuela to reopen the border crossing.", "2024-05-10", None)]
    for text, day, url in texts:
        article = make_article(text, source="<test>", date=day, outlet="Test Wire", url=url)
        doc = parse(text)
        actors, mentions = extract_actors(doc, [])
        events = extract_events(doc, actors, mentions, [], [], [])
        store.add(Analysis(article=article, actors=tuple(actors), mentions=tuple(mentions), events=tuple(events)))
    yield store
    store.close()


@pytest.mark.parametrize("filters,types", [
    ({}, ["COERCE", "REQUEST"]),
    ({"type_": "request"}, ["REQUEST"]),
    ({"country": "nga"}, ["COERCE"]),
    ({"actor": "venez"}, ["REQUEST"]),
    ({"since": "2024-04-01"}, ["REQUEST"]),
    ({"until": "2024-04-01"}, ["COERCE"]),
    ({"type_": "ASSAULT"}, []),
])
def test_query_filters(event_store, filters, types):
    from presslens.store.events import query_events

    assert [r["type"] for r in query_events(event_store, **filters)] == types


@pytest.mark.parametrize("filters", [{"type_": "FIGHT"}, {"since": "2024-13-01"}])
def test_query_rejects_bad_filters(event_store, filters):
    from presslens.core.errors import InputError
    from presslens.store.events import query_events

    with pytest.raises(InputError):
        query_events(event_store, **filters)


def test_plover_and_gdelt_exports(event_store):
    import csv
    import io

    from presslens.store.events import GDELT_COLUMNS, gdelt_csv, plover_records, query_events

    rows = query_events(event_store)
    records = plover_records(event_store, rows)
    coerce = records[0]
    assert (coerce["event"], coerce["mode"], coerce["quad_code"]) == ("COERCE", "arrest", 4)
    assert coerce["actor"] == [{"entity_text": "Nigeria", "code": "NGA", "sector": "COP"}]
    assert coerce["cite_info"]["url"] == "https://example.org/lagos" and coerce["date"] == "2024-03-02"
    table = list(csv.DictReader(io.StringIO(gdelt_csv(event_store, rows))))
    assert tuple(table[0])[:len(GDELT_COLUMNS)] == GDELT_COLUMNS
    assert [(r["SQLDATE"], r["EventCode"], r["PLOVER_Type"], r["Actor2CountryCode"]) for r in table] == [
        ("20240302", "173", "COERCE", "NGA"), ("20240510", "105", "REQUEST", "VEN")]
    assert table[1]["SOURCEURL"] == ""  # no URL known: empty, never the article id


def test_events_command(event_store, capsys, monkeypatch):
    import sys

    from presslens.cli import main

    monkeypatch.setattr(sys, "argv", ["presslens", "events", "--db", str(event_store.path), "--format", "gdelt",
                                      "--type", "COERCE"])
    main()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and ",COERCE," in lines[1] and ",173," in lines[1]
    monkeypatch.setattr(sys, "argv", ["presslens", "events", "--db", str(event_store.path), "--since", "soon"])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2


@pytest.mark.parametrize("sentence", [
    "One Valdorian official called the Orsennan strike the worst massacre in history.",
    "The minister called the rebel offensive a crime against the nation.",
])
def test_naming_an_act_is_not_doing_it(analyze_text, sentence):
    """'called X Y' (an object predicate) names X; it does not call a strike or launch an offensive."""
    assert not [e for e in analyze_text(sentence).events if e.type in ("PROTEST", "ASSAULT")]


# ASSAULT is physical force; an attack made in words (in a speech, a tweet, an interview, an ad) is
# criticism: PLOVER's ACCUSE. Written before the rule; the physical sentences must stay ASSAULT.
THROUGH_SPEECH = [
    "The senator attacked the governor in a speech in Lagos on Monday.",
    "In a tweet, the minister attacked the opposition leader over the budget.",
    "The mayor of Cebu hit the provincial governor in an interview with a local radio station.",
    "The party leader targeted the prime minister in a televised debate in Warsaw.",
    "Her tweets attacked the chief justice of Kenya after the ruling.",
    "The senator attacked the governor and mocked his record on jobs.",
    "The opposition leader attacked the president and blamed him for the strikes.",
    "The minister attacked the union and criticized its leaders.",
    "The senator attacked the opposition, blaming it for the chaos in parliament.",
    "The governor attacked the mayor, saying he had failed the city.",
]
PHYSICAL = [
    "Militants attacked a police station in Borno on Monday.",
    "Gunmen attacked the convoy on the highway near Kandahar.",
    "A drone hit a fuel depot in Belgorod on Tuesday.",
    "Rebels attacked the town during the night, residents said.",
    "The army targeted rebel positions in Kivu with artillery.",
    "Gunmen attacked the mayor of Tarnholm with knives on Sunday.",
    "Valdorian troops attacked Orsennan positions overnight.",
    "Orsennan troops attacked Valdorian positions overnight.",
    "Rebels attacked the governor's convoy near the border.",
    "Protesters attacked the police and denounced the government.",
    "Troops attacked the village and blamed the rebels for the fire.",
    "Gunmen attacked the mayor with knives and mocked his guards.",
    "Militants attacked the checkpoint, killing two soldiers.",
    "Rebels attacked the convoy, saying it carried troops.",
]


@pytest.mark.parametrize("text", THROUGH_SPEECH)
def test_an_attack_made_in_words_is_an_accusation(text):
    types = [e.type for e in events_in(text)]
    assert "ASSAULT" not in types and "ACCUSE" in types, types


@pytest.mark.parametrize("text", PHYSICAL)
def test_a_physical_attack_stays_an_assault(text):
    assert "ASSAULT" in [e.type for e in events_in(text)]


@pytest.mark.parametrize(("text", "agreement"), [
    ("The minister made a big deal of the new bridge in Accra.", False),
    ("Critics said the mayor of Quito was making a big deal out of nothing.", False),
    ("Kenya and Uganda made a deal on border trade on Friday.", True),
    ("Chile and Bolivia reached a good deal on water rights.", True),
])
def test_a_deal_is_an_agreement_but_a_big_deal_of_something_is_a_fuss(text, agreement):
    """AGREE is an agreement between actors; 'a big deal of/about/out of' is importance, 'a good deal of' an amount."""
    assert ("AGREE" in [e.type for e in events_in(text)]) is agreement


@pytest.mark.parametrize(("text", "type_", "targets"), [
    # a town in a place phrase is where words or rules were made, not whom they were aimed at (force used
    # there is aimed at the town's country: test_event_type_mode_and_countries)
    ("Ms. Ada Okafor criticised the new law in Flint.", "ACCUSE", ()),
    ("Protesters in Kharkiv condemned the new law in Lviv.", "ACCUSE", ()),
    # a state or territory there may be the recipient, whichever side is named
    ("Russia launched strikes in Ukraine.", "ASSAULT", ("Ukraine",)),
    ("Ukraine launched strikes in Russia.", "ASSAULT", ("Russia",)),
])
def test_a_town_named_where_an_event_happened_is_not_its_target(text, type_, targets):
    assert one(text, type_).targets == targets


@pytest.mark.parametrize(("text", "targets"), [
    ("In June, the Ohio senator called on fellow Republicans to drop the bill.", ("Republicans",)),
    ("Hamas called on Arab states to cut ties with Israel.", ("Arab states",)),
    ("Israel called on the UN to condemn Hamas.", ("United Nations",)),
    ("The UN appealed to both sides to stop fighting.", ("sides",)),
    # the one asked, even when whom the act would reach is better known
    ("Senator Ada Mwangi called on Peter Otieno to apologize to Uganda.", ("Peter Otieno",)),
    ("Senator Ada Mwangi called on Peter Otieno to apologize to Kenya.", ("Peter Otieno",)),
    ("Mr. Li Wei urged Tomas Varga to make peace with Russia.", ("Tomas Varga",)),
    ("Mr. Li Wei urged Tomas Varga to make peace with Ukraine.", ("Tomas Varga",)),
])
def test_whoever_is_called_on_to_act_is_the_request_s_recipient(text, targets):
    """'called on X to V', 'appealed to X to V': X is asked, not V's object."""
    assert one(text, "REQUEST").targets == targets


AS_OR_BETWEEN = pytest.mark.xfail(strict=True, reason=(
    "left as it was: PLOVER dev codes actors in 'as', 'for' and 'between' phrases as targets ('denounced as an ugly "
    "crime Serbia's suppression', 'a mediation mission between Syria and Arafat'); skipping them cost 9 of its "
    "target countries"))
FOR_ON_THE_VERB = pytest.mark.xfail(strict=True, reason=(
    "the parse hangs 'for refugees' on 'called', where a 'for' phrase names a recipient ('voted for X')"))


@pytest.mark.parametrize(("text", "type_", "targets"), [
    # an actor named in an 'as', 'for', 'about', 'during' or 'between' phrase deeper in the clause is what the
    # act is described as, who benefits, what it is about, when, or who else was there: not the recipient
    pytest.param("The senator criticized the trade deal as a favour to China.", "ACCUSE", (), marks=AS_OR_BETWEEN),
    pytest.param("The senator criticized the trade deal as a favour to India.", "ACCUSE", (), marks=AS_OR_BETWEEN),
    pytest.param("The mayor of Nairobi called for more money for refugees from Somalia.", "REQUEST", (),
                 marks=FOR_ON_THE_VERB),
    pytest.param("The governor of Borno called for more money for soldiers from Chad.", "REQUEST", (),
                 marks=FOR_ON_THE_VERB),
    ("Peru's foreign minister complained about the treatment of Bolivian migrants.", "ACCUSE", ()),
    ("Bolivia's foreign minister complained about the treatment of Peruvian migrants.", "ACCUSE", ()),
    # the subject of another clause does its own act
    ("Ghanaian opposition supporters protested outside the newspaper after the electoral commission endorsed "
     "the result.", "PROTEST", ()),
    ("The casino owner pledged $5 million to the fund, and the banker Joe Ricketts gave $1 million.", "AGREE", ()),
    # near misses: an object's maker, an object of the act's purpose, remain the recipient
    ("The Thai prime minister criticized the report by Cambodian officials.", "ACCUSE", ("Cambodia",)),
    ("The Cambodian prime minister criticized the report by Thai officials.", "ACCUSE", ("Thailand",)),
    ("Indian jets scrambled to intercept Pakistani drones.", "MOBILIZE", ("Pakistan",)),
    ("Pakistani jets scrambled to intercept Indian drones.", "MOBILIZE", ("India",)),
])
def test_an_actor_deeper_in_the_clause_is_the_recipient_only_where_the_act_reaches_them(text, type_, targets):
    """The last-resort target (the first actor after the trigger in its clause) skips actors that the grammar
    places elsewhere: in a phrase of description, benefit, topic, time or company, or doing an act of their own."""
    assert one(text, type_).targets == targets


@pytest.mark.parametrize(("text", "sources", "excluded"), [
    pytest.param("Moldova and Romania agreed on a plan for talks between their defence ministers.",
                 ("Moldova", "Romania"), "defence ministers", marks=AS_OR_BETWEEN),
    ("Police arrested a man during clashes between protesters and the army in Dhaka.", ("police",), "protesters"),
])
def test_parties_of_another_meeting_or_clash_named_in_the_clause_are_no_side(text, sources, excluded):
    event = events_in(text)[0]
    assert event.sources == sources and excluded not in event.sources + event.targets


@pytest.mark.parametrize(("text", "targets"), [
    ("Japan donated Thai rice to Myanmar.", ("Myanmar",)),
    ("Japan donated Burmese rice to Thailand.", ("Thailand",)),
    ("Norway donated Kenyan tea to Sudan.", ("Sudan",)),
    ("Norway donated Sudanese sorghum to Kenya.", ("Kenya",)),
])
def test_aid_goes_to_whom_it_is_given_not_to_whoever_made_the_gift(text, targets):
    """AID's recipient is the 'to' phrase; a name in the gift's own phrase ('Thai rice') says whose it was."""
    assert one(text, "AID").targets == targets


@pytest.mark.parametrize(("text", "type_"), [
    # offering words (advice, suggestions, predictions) is speech, not an offer to act
    ("Senator Ada Mwangi offered some pointed advice to President Ruto on Friday.", None),
    ("The Chilean minister offered suggestions to Argentina on the pipeline.", None),
    ("Kenya offered troops to Haiti.", "AGREE"),
    ("Kenya offered condolences to Ethiopia after the crash.", "SUPPORT"),
    # backing off or away from one's own plan is no support
    ("The prime minister backed off some of his initial proposals.", None),
    ("India backed away from its plan to build a port.", None),
    ("Pakistan backed the ceasefire in Yemen.", "SUPPORT"),
    ("The government backed down from its demand for new elections.", "CONCEDE"),
])
def test_offering_words_and_backing_off_are_not_acts_of_cooperation(text, type_):
    types = [e.type for e in events_in(text) if e.trigger.split()[0] in ("offered", "backed")]
    assert types == ([type_] if type_ else []), types


@pytest.mark.parametrize(("text", "type_", "sources", "targets"), [
    ("The family of a man killed by Indian troops urged Pakistan to raise the case.", "REQUEST", ("family",),
     ("Pakistan",)),
    ("The family of a man killed by Pakistani troops urged India to raise the case.", "REQUEST", ("family",),
     ("India",)),
    ("The widow of a soldier killed by Azerbaijani forces asked Armenia to act.", "REQUEST", ("widow",), ("Armenia",)),
    ("Scott's family called on police to release the videos.", "REQUEST", ("Scott relatives",), ("police",)),
    ("Keith Lamont Scott was shot on Tuesday. Scott's family called on police to release the videos.", "REQUEST",
     ("Scott relatives",), ("police",)),
])
def test_kin_named_through_someone_act_themselves(text, type_, sources, targets):
    """'Scott's family called on …': the family asks, not Scott."""
    event = one(text, type_)
    assert (event.sources, event.targets) == (sources, targets)



# Acts that PLOVER's mode definitions name (ASSAULT destroy/sexual/unconventional, COERCE seize, MOBILIZE bases),
# written before the lexicon covered them; each with a near-miss that is no event.
MODE_ACTS = [
    ("Rioters looted dozens of shops in the market on Tuesday.", "ASSAULT"),
    ("Several shops were looted and set alight overnight in Soweto.", "ASSAULT"),
    ("A mob set fire to the district office in Kisumu.", "ASSAULT"),
    ("Two women were raped by soldiers near the camp.", "ASSAULT"),
    ("Militiamen raped at least ten women in the village, the commission said.", "ASSAULT"),
    ("Gunmen sexually assaulted three girls near the border post.", "ASSAULT"),
    ("Government forces used chlorine gas against the rebel-held town.", "ASSAULT"),
    ("The rebels used poison gas in an attack on the garrison.", "ASSAULT"),
    ("A chemical attack on the suburb killed forty people.", "ASSAULT"),
    ("A helicopter dropped barrel bombs on a town in Idlib.", "ASSAULT"),
    ("Chlorine munitions were dropped on the village in March.", "ASSAULT"),
    ("Government aircraft dropped containers of toxic gas on the district.", "ASSAULT"),
    ("The militia used poison gas shells against the town.", "ASSAULT"),
    ("Artillery pounded rebel positions outside Goma.", "ASSAULT"),
    ("Warplanes pounded the outskirts of Marib overnight.", "ASSAULT"),
    ("Several foreign-owned shops were burned overnight in Durban.", "ASSAULT"),
    ("Attackers burned houses and a church in the village of Kafanchan.", "ASSAULT"),
    ("Youths went on a looting spree in the market in Kisumu.", "ASSAULT"),
    ("Thousands of students took part in peaceful marches in Accra.", "PROTEST"),
    ("Delegates from both parties took part in talks in Doha.", "CONSULT"),
    ("The army set up a new military post near the village of Ain Sabil.", "MOBILIZE"),
    ("Kenyan troops established two observation posts near the border.", "MOBILIZE"),
    ("The militia has set up a base on the outskirts of Beni.", "MOBILIZE"),
    ("Police discovered an arms cache in a house in Mombasa.", "COERCE"),
    ("Soldiers defused a roadside bomb near the airport in Herat.", "COERCE"),
    ("Rifles and ammunition were seized by border guards at Lomé.", "COERCE"),
    ("Police said several shops were looted and set alight in the township.", "ASSAULT"),
    ("Residents said two villages were torched by gunmen on Sunday.", "ASSAULT"),
    ("The governor said forty people had been abducted from the market.", "ASSAULT"),
    ("Rebel fighters retook the town of Marsa from government forces on Thursday.", "ASSAULT"),
    ("The militia recaptured the village from the army this week.", "ASSAULT"),
    ("Insurgents have taken control of three villages near the river.", "ASSAULT"),
    ("The rebels took over four localities in the district.", "ASSAULT"),
    ("Government troops regained control of the border crossing.", "ASSAULT"),
    ("Explosive devices were found near the school on Monday.", "COERCE"),
    ("Customs officers intercepted a shipment of pistols at the port.", "COERCE"),
    ("Police captured 40 pistols and 2,000 bullets in the capital.", "COERCE"),
    ("Soldiers destroyed a cache of weapons during the operation.", "COERCE"),
    ("The soldiers committed widespread rape in the occupied villages.", "ASSAULT"),
    ("Militants set off a roadside bomb near the convoy in the valley.", "ASSAULT"),
    ("A remote-controlled bomb detonated near the market, killing two people.", "ASSAULT"),
    ("A man hurled a grenade at a police patrol in the old city.", "ASSAULT"),
    ("Two grenades were thrown at the rally on Sunday.", "ASSAULT"),
    ("Fierce clashes broke out between police and students outside the university.", "ASSAULT"),
    ("Riot police fired tear gas to disperse the crowd outside parliament.", "ASSAULT"),
    ("Police deployed tear gas and water cannon against the marchers.", "ASSAULT"),
    ("Government forces wrested control of the airbase from the rebels.", "ASSAULT"),
    ("The army established control over the northern district after heavy fighting.", "ASSAULT"),
    ("Soldiers recovered three villages that the militia had seized in May.", "ASSAULT"),
    ("Thousands of students took part in a march against the tuition increase.", "PROTEST"),
    ("Hundreds of demonstrators gathered outside the ministry to demand higher wages.", "PROTEST"),
    ("Kenyan troops set up a new observation point near the highway.", "MOBILIZE"),
    ("Gunmen stormed a hotel in the capital and took dozens of guests hostage.", "ASSAULT"),
    ("Gunmen stormed a police training centre in the provincial capital.", "ASSAULT"),
    ("Suicide bombers kill dozens at the airport.", "ASSAULT"),
    ("Suicide bombers killed dozens at the airport.", "ASSAULT"),
    ("Government forces engaged in heavy clashes with the insurgents near the dam.", "ASSAULT"),
    ("Six people died when government forces used chlorine gas south of the city, a monitoring group said.",
     "ASSAULT"),
    ("Police took two journalists into custody in Minsk.", "COERCE"),
    ("Soldiers took dozens of villagers into custody near Kidal.", "COERCE"),
    ("A mob vandalized a mosque in Delhi on Sunday.", "PROTEST"),
    ("An angry crowd vandalised two churches in Minya.", "PROTEST"),
    ("Teachers staged a peaceful march in Bogota to demand higher pay.", "PROTEST"),
    ("Farmers staged protests outside parliament in Delhi.", "PROTEST"),
    ("Police broke up a rally by opposition supporters in Harare.", "COERCE"),
    ("Police used batons to break up a sit-in by students in Khartoum.", "ASSAULT"),
    ("Russia and Ukraine swapped 90 prisoners of war.", "RETREAT"),
    ("Ukraine and Russia exchanged 90 prisoners of war.", "RETREAT"),
    ("Armenian forces handed over the town of Lachin to Azerbaijan.", "RETREAT"),
    ("Rebels handed over control of the border post to the army under the peace deal.", "RETREAT"),
    ("After the floods, Kenya urged Somalia to reopen the border.", "REQUEST"),
    ("Police ordered the protesters to disperse.", "REQUEST"),
    ("Morocco sent rescue teams and tents to earthquake-hit areas of Turkey.", "AID"),
    ("Turkey sent rescue teams and tents to earthquake-hit areas of Morocco.", "AID"),
    ("Timor-Leste is ready to provide rice to Indonesia, its trade minister said.", "AGREE"),
    ("Armenia moved artillery units toward the Azerbaijani border.", "MOBILIZE"),
    ("Azerbaijan moved artillery units toward the Armenian border.", "MOBILIZE"),
    ("The junta banned opposition rallies amid the cholera outbreak.", "COERCE"),
    ("Authorities banned opposition rallies in the capital.", "COERCE"),
    ("Police banned the march planned by teachers in Nairobi.", "COERCE"),
    ("The government imposed a curfew on Jos after clashes between rival militias.", "COERCE"),
    ("Russia summoned the French envoy over the remarks.", "ACCUSE"),
    ("France summoned the Russian ambassador over the remarks.", "ACCUSE"),
    ("Egypt invited Hamas and Fatah to talks in Cairo.", "AGREE"),
    ("Hamas said it would release the hostages.", "AGREE"),
    ("The president conceded defeat on Sunday.", "CONCEDE"),
    ("The government conceded to the strikers' demands.", "CONCEDE"),
    ("Qatar hosted talks between Israel and Hamas.", "CONSULT"),
    ("Kenya hosted the Somali president in Nairobi.", "CONSULT"),
    ("You attacked our villages last year.", "ASSAULT"),
    ("Armenians took to the streets of Yerevan against Azerbaijan.", "PROTEST"),
    ("Azerbaijanis took to the streets of Baku against Armenia.", "PROTEST"),
    ("Riot police fire tear gas to disperse protesters outside parliament.", "ASSAULT"),
]

NOT_MODE_ACTS = [
    "The plane dropped leaflets over the city.",
    "The company dropped its prices for the second time.",
    "Rain pounded the coast overnight.",
    "The firm used gas turbines at the new plant.",
    "The runner dropped out of the race in Nairobi.",
    "She burned the old letters in the garden.",
    "The team went on a winning streak in the spring.",
    "Hundreds of runners took part in the marathon in Nairobi.",
    "Engineers found a solution to the water shortage.",
    "The company established a new office in Nairobi.",
    "The council set up a working group on pensions.",
    "The rapper released a new album in Lagos.",
    "Fire destroyed forty homes in the village after the storm.",
    "Doctors used gas to sedate the patient.",
    "Investors discovered a new market for solar panels in Kenya.",
    "The minister said taxes were raised last year.",
    "She said the plan would destroy the economy.",
    "The developers systematically looted millions of dollars from the investors.",
    "Republicans took control of the House in 2010.",
    "The investment fund took over the company last year.",
    "The opposition regained control of the city council.",
    "The goalkeeper intercepted the pass.",
    "The committee took over the investigation.",
    "The fans threw their support behind the coach.",
    "The firm recovered its losses in the third quarter.",
    "Hundreds of fans gathered outside the stadium to greet the team.",
    "The chef set off for the market at dawn.",
    "Officials recovered the bodies of twelve miners.",
    "The committee established control over the budget.",
    "The singer stormed out of the interview.",
    "The band stormed the charts with its new single.",
    "The students engaged in a lively debate about poetry.",
    "The mining company handed over millions of dollars of obligations to a small firm.",
    "The lenders contributed $12.5 million to backstop the clean-up work.",
    "The nurse took the child into the ward.",
    "The museum took the paintings into storage for the winter.",
    "Fans took to social media to mock the referee.",
    "The couple broke up last year.",
    "The two clubs swapped players before the season.",
    "Cholera has killed twelve people in Borno this month.",
    "Ebola killed five people in Beni.",
    "Measles has killed 40 children in Kinshasa.",
    "You walk down the street, you get shot.",
    "The governor conceded that the tax code is unfair.",
    "She has conceded the tax code is unfair.",
    "The band will host a concert in Lagos next month.",
    "A chemical spill prompted city officials to order residents to shelter in place.",
    "Officials ordered residents to evacuate as the flood waters rose.",
    "The mayor urged people to stay indoors because of the storm.",
    "The president summoned his senior adviser to the Oval Office.",
    "The senator invited her colleague to sit in the front row.",
    "He said that would permit the financing of more ships and troops.",
    "The public option would allow retirees to buy into the plan.",
    "The committee moved the meeting to Friday.",
    "Authorities banned the sale of alcohol in several states amid the pandemic.",
    "The city banned large gatherings because of the cholera outbreak.",
    "The government imposed a curfew on the coast after the floods.",
    "The 1,500 troops stationed near the lake were quiet on Sunday.",
]


@pytest.mark.parametrize(("text", "type_"), MODE_ACTS)
def test_acts_named_by_plover_modes_are_coded(text, type_):
    assert type_ in {e.type for e in events_in(text) if not e.hypothetical and not e.negated}, (
        [(e.type, e.trigger) for e in events_in(text)])


@pytest.mark.parametrize("text", NOT_MODE_ACTS)
def test_near_misses_of_plover_modes_are_no_event(text):
    assert not events_in(text), [(e.type, e.trigger) for e in events_in(text)]


# ASSAULT is a deliberate act: harm whose stated cause is an accident is no event; a weapon as the cause is one.
ACCIDENTS = [
    "Six workers were killed when a chemical plant exploded near the port.",
    "A gas cylinder exploded in a restaurant in Karachi, injuring twelve people.",
    "Nineteen people were killed when their bus plunged off a bridge in the Andes.",
    "Two miners were killed when a tunnel collapsed in the north of the country.",
    "Four people were injured when a tank at the refinery exploded.",
    "Thirty passengers died after the ferry capsized on Lake Victoria.",
    "A boiler exploded at the textile mill in Dhaka, killing five workers.",
    "A gas cylinder exploded in a restaurant in Lahore, killing three people.",
    "A fuel tanker overturned on the motorway near Kano, killing seven people.",
    "Another 22 people were injured in the accident on Friday.",
    "Eleven people were killed in a collision between two trains near Lucknow.",
    "Forty people were killed in the earthquake that struck the province.",
    "At least 30 people were killed after a powerful earthquake struck the coast of Sulawesi.",
    "Dozens were injured after heavy downpours lashed the capital.",
    "Scores were injured and dozens left missing after monsoon downpours sent floods through the valley.",
    "Three districts of Assam have been hit by torrential rains and landslides.",
    "Eight people were killed by a landslide in the hills above Kathmandu.",
    "Two fishermen were killed by lightning off the coast of Kerala.",
    "Two farmers were killed by lightning off the coast of Kerala.",  # 'lightning' parsed as a clause of 'by'
    "The storm killed 14 people in Luzon.",
    "Nine hikers were injured in an avalanche near Zermatt.",
    "Four people died in a blaze at a hostel in Kyiv.",
    "The Northern Star, a tanker that can carry two million barrels of crude, was struck by a bulk carrier.",
    "Two cyclists were hit by a truck on the highway near Nairobi.",
    "Seven people were killed and a dozen injured in Peru on Monday when a fuel depot exploded near Callao.",
    "Ten people were killed and four others badly injured when a gas pipeline exploded near Enugu.",
    "Eleven people were killed and 30 injured after a cyclone hit the coast of Mozambique.",
]

ATTACKS_NOT_ACCIDENTS = [
    "Twelve people were killed when a car bomb exploded near the market.",
    "A roadside bomb exploded under an army truck, killing four soldiers.",
    "A grenade exploded in a restaurant in Lahore, killing three people.",
    "Five soldiers were killed when their convoy was ambushed.",
    "Five soldiers were killed when their convoy was hit by a car bomb.",
    "Three people were wounded when a grenade exploded outside the police station.",
    "Nine civilians were killed when a shell hit their house in Donetsk.",
    "Forty people were killed in the attack on the market.",
    "Three soldiers were killed in a clash with rebels near the border.",
    "Twenty people were killed when gunmen opened fire on a bus in Balochistan.",
    "Four soldiers were killed after militants stormed a checkpoint in the Sinai.",
    "Three civilians were injured after shells struck a residential block in Kharkiv.",
    "Villagers were killed by fire from army helicopters.",
    "Two protesters were killed by sniper fire in Khartoum.",
    "Rebels set fire to a village in Ituri, killing six people.",
    "Six people were wounded after a drone hit a fuel depot in Belgorod.",
    "Five people were killed when a bomb exploded in a crowded market in Quetta during the storm.",
    "A bomb blast killed nine people in Mogadishu.",
    "A missile strike killed three people in Odesa on Sunday.",
    "Two children were killed by a landmine near Battambang.",
]


# The harm told in the sentence after an accident, with no doer, weapon or cause of its own, is that accident's.
ACCIDENT_THEN_HARM = [
    "A fuel tanker overturned and exploded on the highway outside Accra on Monday. Four people were injured and "
    "taken to hospital.",
    "Floods swept through three villages in Sindh overnight. At least nine people were killed, officials said.",
]
ATTACK_THEN_HARM = [
    "Gunmen attacked a checkpoint outside Maiduguri on Monday. Four soldiers were injured.",
    "A fuel tanker overturned on the highway outside Accra on Monday. Hours later, police arrested the driver.",
]


@pytest.mark.parametrize("text", ACCIDENTS + ACCIDENT_THEN_HARM)
def test_harm_from_an_accident_is_no_event(text):
    assert not [e for e in events_in(text) if e.type == "ASSAULT"], [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize("text", ATTACKS_NOT_ACCIDENTS)
def test_harm_from_a_weapon_stays_an_assault(text):
    assert "ASSAULT" in {e.type for e in events_in(text)}, [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize("text", ATTACK_THEN_HARM)
def test_an_act_told_after_an_attack_or_an_accident_stays(text):
    assert {e.type for e in events_in(text)} & {"ASSAULT", "COERCE"}, [(e.type, e.trigger) for e in events_in(text)]


def test_an_accident_told_after_two_harms_covers_both():
    text = "Six people were killed and two others injured when a chemical plant exploded in the town."
    assert not [e for e in events_in(text) if e.type == "ASSAULT"], [(e.type, e.trigger) for e in events_in(text)]


# PLOVER codes acts that happened: a habit ('often', 'routinely') is no event, an act avoided or failed is negated.
HABITS = [
    "The minister has often been criticized for being slow to act.",
    "Rebels routinely attack convoys on the northern road.",
    "Police regularly raid the camp at night.",
    "The two parties usually agree on budget matters.",
    # a standing position, held 'long': no one act, whichever side holds it
    "The prime minister has long supported closer ties with Beijing.",
    "Turkey has long accused Sweden of harbouring militants.",
    "Sweden has long accused Turkey of jailing journalists.",
]
NOT_DONE = [
    ("The senator avoids condemning the invasion of the island.", "ACCUSE"),
    ("The senator refrained from condemning the invasion of the island.", "ACCUSE"),
    ("The two sides failed to agree on a ceasefire.", "AGREE"),
    ("The party expects its candidate to keep attacking the governor.", "ACCUSE"),
    ("Police are expected to start arresting protesters in Dhaka.", "COERCE"),
    ("Rebels are expected to continue shelling the town.", "ASSAULT"),
    # an act named as the one not taken: 'instead of', 'rather than', 'without'
    ("Instead of protesting the fuel tax, the farmers in Punjab went home.", "PROTEST"),
    ("The police in Lagos shielded the crowd instead of attacking it.", "ASSAULT"),
    ("The army shelled the village rather than negotiating with the rebels.", "CONSULT"),
    ("The rebels shelled the village rather than negotiating with the army.", "CONSULT"),
    ("The president of Peru signed the decree without consulting parliament.", "CONSULT"),
    ("Hamas fighters crossed the border without attacking the Israeli post.", "ASSAULT"),
    ("Israeli troops crossed the border without attacking the Hamas post.", "ASSAULT"),
    ("Instead of talks, Armenia and Azerbaijan fought for a week.", "CONSULT"),
]


@pytest.mark.parametrize("text", [
    "The former minister pleaded guilty to fraud charges in a Lagos court.",
    "The governor pleaded not guilty to corruption charges.",
    "The rebel commander pleaded innocent to war crimes charges in The Hague.",
    "The army officer pleaded guilty in 2016 to taking bribes.",
])
def test_a_plea_in_court_is_no_request(text):
    assert not [e for e in events_in(text) if e.type == "REQUEST"], events_in(text)


@pytest.mark.parametrize("text", [
    "Hundreds of migrants arrived in Tijuana early Tuesday on nine buses.",
    "Thousands of refugees arrived in Poland from Ukraine.",
    "Thousands of refugees arrived in Chad from Sudan.",
    "Rohingya refugees arrived in Bangladesh by boat.",
])
def test_people_arriving_somewhere_visit_no_one(text):
    assert not [e for e in events_in(text) if e.type == "CONSULT"], events_in(text)


@pytest.mark.parametrize(("text", "target"), [
    ("The French president arrived in Kyiv on Friday.", "UKR"),
    ("The Ukrainian president arrived in Paris on Friday.", "FRA"),
    ("A UN delegation arrived in Khartoum for talks.", "SDN"),
])
def test_an_official_arriving_in_a_capital_visits_it(text, target):
    assert one(text, "CONSULT").target_countries == (target,)


@pytest.mark.parametrize("text", [
    "The former president walked out of prison on Monday after his sentence was cut.",
    "The opposition leader walked out of the courthouse in Harare after the hearing.",
    "The rebel commander walked out of the hospital in Bogota on Friday.",
])
def test_walking_out_of_a_building_is_no_walkout(text):
    assert not [e for e in events_in(text) if e.type in ("REJECT", "PROTEST")], events_in(text)


@pytest.mark.parametrize(("text", "source", "agent_name"), [
    ("The journalist was interrogated, tortured and killed by Saudi intelligence officers.", "SAU", "Saudi Arabia"),
    ("The prisoners were stripped, beaten and shot by Russian soldiers near Bucha.", "RUS", "Russia"),
    ("The prisoners were stripped, beaten and shot by Ukrainian soldiers near Kherson.", "UKR", "Ukraine"),
])
def test_each_item_of_a_list_of_passive_participles_is_done_by_the_agent(text, source, agent_name):
    """'was interrogated, tortured and killed by X': X did each, to the subject (never X as the recipient)."""
    events = [e for e in events_in(text) if e.type == "ASSAULT"]
    assert events and all(e.source_countries == (source,) for e in events), events
    assert all(agent_name not in e.targets for e in events), events


@pytest.mark.parametrize("text", [
    "Officials said it was unclear who had fired the rockets.",
    "Police in Kano said it was not known who had attacked the convoy.",
    "The Israeli army said it did not know who had fired the mortar shells.",
    "Hamas said it did not know who had fired the rockets.",
])
def test_an_act_whose_doer_is_asked_about_has_no_source(text):
    """'it was unclear who fired': neither the one who reports it nor anyone else named is the doer."""
    assert [e.sources for e in events_in(text) if e.type == "ASSAULT"] == [()], events_in(text)


@pytest.mark.parametrize(("text", "source"), [
    ("The rebels, many of whom had attacked the town, surrendered on Monday.", "rebels"),
    ("The soldiers, many of whom had attacked the village, surrendered on Monday.", "soldiers"),
    ("It is the rebels who attacked the village, the governor said.", "rebels"),
    ("It is the army who attacked the village, the rebels said.", "army"),
])
def test_a_relative_pronoun_stands_for_its_noun(text, source):
    """'many of whom had attacked': 'whom' is the rebels, not a question about who attacked."""
    assert [e.sources for e in events_in(text) if e.type == "ASSAULT"] == [(source,)], events_in(text)


@pytest.mark.parametrize(("text", "type_"), [
    ("So the blame lies with Rome, because it is Rome who approves the nominations for bishops.", "SUPPORT"),
    ("They criticised the Kestrel officials, who they believe went too far in refusing to cooperate with the "
     "federal agents.", "REJECT"),
])
def test_a_relative_who_after_its_noun_keeps_the_act(text, type_):
    """'it is Rome who approves', 'officials, who they believe went too far in refusing': relatives, not questions."""
    assert [e for e in events_in(text) if e.type == type_ and e.sources], events_in(text)


@pytest.mark.parametrize(("text", "type_"), [
    ("Farmers struck a deal with the government over prices.", "AGREE"),
    ("The dockers' union struck a deal with the port authority in Mombasa.", "AGREE"),
    ("Miners went on strike at the copper mine in Kitwe.", "PROTEST"),
])
def test_a_deal_struck_by_workers_is_an_agreement_not_a_strike(text, type_):
    assert [e.type for e in events_in(text)] == [type_], events_in(text)


@pytest.mark.parametrize(("text", "mode", "source"), [
    ("Teachers in Nairobi went on strike on Monday.", "strike", "Kenyan teachers"),
    ("Teachers in Kampala went on strike on Monday.", "strike", "Ugandan teachers"),
    ("The jailed activist went on hunger strike in Cairo.", "hunger", "jailed activist"),
])
def test_going_on_strike_is_a_strike_by_those_named(text, mode, source):
    event = one(text, "PROTEST")
    assert (event.mode, event.sources) == (mode, (source,))


@pytest.mark.parametrize(("text", "type_"), [
    ("The opposition delegation walked out of the talks in Geneva.", "REJECT"),
    ("The government delegation walked out of the talks in Geneva.", "REJECT"),
    ("Workers walked out of the car plant in Pretoria over pay.", "PROTEST"),
])
def test_walking_out_of_talks_or_work_stays_a_walkout(text, type_):
    assert [e for e in events_in(text) if e.type == type_], events_in(text)


@pytest.mark.parametrize("text", [
    "The mother pleaded with the rebels to free her son.",
    "The mayor of Goma pleaded for help from the government.",
])
def test_pleading_with_someone_for_something_stays_a_request(text):
    assert [e for e in events_in(text) if e.type == "REQUEST"], events_in(text)


@pytest.mark.parametrize("text", HABITS)
def test_a_habit_is_no_event(text):
    assert not events_in(text), [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize(("text", "type_"), NOT_DONE)
def test_an_act_avoided_or_failed_is_not_asserted(text, type_):
    assert not [e for e in events_in(text) if e.type == type_ and not e.negated], (
        [(e.type, e.trigger, e.negated) for e in events_in(text)])


# an act someone has not said they will do, or has not confirmed, is neither done nor announced
NOT_SAID = [
    ("Kenya's opposition leader has not yet said he will back the deal.", "AGREE"),
    ("The Israeli army did not confirm that its troops had raided the camp.", "COERCE"),
    ("The Palestinian ministry did not confirm that its police had raided the camp.", "COERCE"),
    ("Moscow has not announced that it will withdraw its troops from the border.", "CONCEDE"),
    ("Kyiv has not announced that it will withdraw its troops from the border.", "CONCEDE"),
]


@pytest.mark.parametrize(("text", "type_"), NOT_SAID)
def test_an_act_not_said_is_not_asserted(text, type_):
    events = [e for e in events_in(text) if e.type == type_]
    assert not [e for e in events if not e.hypothetical and not e.negated], (
        [(e.type, e.trigger, e.hypothetical, e.negated) for e in events_in(text)])


@pytest.mark.parametrize(("text", "type_"), [
    ("Kenya's opposition leader has said he will back the deal.", "AGREE"),
    ("The Israeli army confirmed that its troops had raided the camp.", "COERCE"),
    ("Moscow announced that it will withdraw its troops from the border.", "CONCEDE"),
])
def test_an_act_said_stays_asserted(text, type_):
    assert [e for e in events_in(text) if e.type == type_ and not e.hypothetical and not e.negated], (
        [(e.type, e.trigger, e.hypothetical, e.negated) for e in events_in(text)])


@pytest.mark.parametrize(("text", "type_"), [
    ("Rebels repeatedly attacked the convoy on Tuesday.", "ASSAULT"),
    ("Rebels continued shelling the town on Tuesday.", "ASSAULT"),
    ("The senator condemned the invasion of the island.", "ACCUSE"),
    ("The two sides agreed on a ceasefire.", "AGREE"),
    ("Instead of waiting, the rebels attacked the town of Goma.", "ASSAULT"),
    ("The police in Lagos attacked the crowd instead of protecting it.", "ASSAULT"),
    ("Without warning, Russian troops shelled the market in Kharkiv.", "ASSAULT"),
    ("Without warning, Ukrainian troops shelled the market in Donetsk.", "ASSAULT"),
    ("The ministry protested the arrest of its consul rather than expel the envoy.", "ACCUSE"),
])
def test_a_single_or_repeated_act_stays_asserted(text, type_):
    assert [e.negated for e in events_in(text) if e.type == type_] == [False], (
        [(e.type, e.trigger, e.negated) for e in events_in(text)])


def test_a_weapon_in_a_later_clause_is_not_the_acts_means():
    text = "Soldiers fired into the crowd without warning after some protesters threw stones."
    modes = {e.trigger: e.mode for e in events_in(text) if e.type == "ASSAULT"}
    assert modes.get("fired") == "firearms" and modes.get("threw") == "primitive", modes


# 'were killed and two others wounded': a participle coordinated with a passive, without an auxiliary of its own,
# shares the passive, so its subject is a victim; a finite verb after it ('and protesters fled') is active.
SHARED_PASSIVES = [
    ("Six soldiers were killed and two others wounded when rebels attacked the base near Beni.", "wounded",
     "soldiers"),
    ("Four guards were killed and nine others injured by militants near Kidal.", "injured", "guards"),
]


@pytest.mark.parametrize(("text", "trigger", "victims"), SHARED_PASSIVES)
def test_a_participle_sharing_a_passive_takes_its_subject_as_target(text, trigger, victims):
    found = events_in(text)
    assert not [e for e in found if e.trigger == trigger and any(victims in s for s in e.sources)], found


def test_a_finite_verb_after_a_passive_keeps_its_subject():
    found = events_in("Two men were arrested and police seized weapons near the port of Mombasa.")
    assert any("police" in source.lower() for e in found for source in e.sources), found


@pytest.mark.parametrize(("text", "mode"), [
    ("Israeli troops fired tear gas at Palestinian protesters near Nablus.", "crowd-control"),
    ("Palestinian police fired tear gas at stone-throwing youths in Hebron.", "crowd-control"),
    ("Riot police fired tear gas at students in Harare.", "crowd-control"),
    ("Police fired rubber bullets at the marchers in Nairobi.", "crowd-control"),
    ("Hamas fired rockets at Ashkelon.", "heavy-weapons"),
    ("Hezbollah fired rockets at Haifa.", "heavy-weapons"),
    ("Soldiers fired at the crowd in Conakry.", "firearms"),
])
def test_what_is_fired_at_someone_names_the_mode(text, mode):
    """'fired tear gas at X' is crowd control, 'fired rockets at X' heavy weapons, 'fired at X' small arms."""
    assert one(text, "ASSAULT").mode == mode


@pytest.mark.parametrize(("text", "sources"), [
    ("Army raids killed twelve fighters near Tillaberi.", ("army",)),
    ("Army helicopter raids killed twelve fighters.", ("army",)),
    ("The army helicopter raids killed twelve fighters.", ("army",)),
    ("Police raids in the township wounded four men.", ("police",)),
])
def test_an_armed_body_named_before_its_raids_is_their_source(text, sources):
    assert one(text, "ASSAULT").sources == sources


@pytest.mark.parametrize(("text", "side", "country"), [
    ("Kurdish-led forces attacked Turkish-backed fighters.", "source", "TUR"),
    ("Kurdish-led forces attacked Turkish-backed Syrian fighters.", "source", "TUR"),
    ("Kurdish-led forces attacked Iranian-backed Iraqi fighters.", "source", "IRN"),
    ("Turkish-led forces attacked Kurdish-backed fighters.", "source", "IRQ"),
    ("Turkish-backed fighters attacked Kurdish-led forces.", "target", "TUR"),
    ("Iran-backed militias attacked Saudi-led forces.", "source", "SAU"),
    ("Saudi-backed militias attacked Iran-led forces.", "source", "IRN"),
])
def test_a_backer_named_inside_the_other_side_s_phrase_gives_no_country(text, side, country):
    """'Kurdish-led forces attacked Turkish-backed fighters': who backs the fighters says nothing of where the
    Kurdish-led forces are from."""
    event = events_in(text)[0]
    assert country not in getattr(event, f"{side}_countries"), event


@pytest.mark.parametrize(("text", "country"), [
    ("Forces loyal to President Bashar al-Assad shelled the town.", "SYR"),
    ("Fighters loyal to Khalifa Haftar attacked the camp.", "LBY"),
    ("Militias loyal to the Libyan government attacked the camp.", "LBY"),
    ("Troops loyal to the Sudanese army chief attacked the base.", "SDN"),
    ("Militias allied with the Ethiopian government attacked the village.", "ETH"),
    ("Militias allied with the Eritrean government attacked the village.", "ERI"),
    pytest.param("Gunmen allied to the Ethiopian government attacked the village.", "ETH", marks=pytest.mark.xfail(
        strict=True, reason="the small parser reads 'Gunmen allied to …' as a clause of its own, with 'attacked' "
        "under it: no subject reaches the attack")),
    ("Fighters loyal to Volodymyr Zelensky attacked the bridge.", "UKR"),
    ("Fighters loyal to Vladimir Putin attacked the bridge.", "RUS"),
])
def test_forces_loyal_to_an_actor_are_that_actor_s_side(text, country):
    """'forces loyal to X', 'gunmen allied to X': whose the force is, as 'forces of X' says it."""
    assert events_in(text)[0].source_countries == (country,)


@pytest.mark.parametrize(("text", "sources"), [
    ("Iraqi troops and Kurdistan's Peshmerga forces attacked the town.",
     ("Iraq", "Kurdistan's Peshmerga forces")),
    ("Kurdistan's Peshmerga forces and Iraqi troops attacked the town.",
     ("Kurdistan's Peshmerga forces", "Iraq")),
    ("Kenyan troops and Somalia's national army attacked the camp.", ("Kenya", "Somalia")),
    ("Israeli helicopters and tanks attacked the camp.", ("Israel",)),  # the adjective holds for both
    pytest.param("Russian soldiers and police detained the protesters.", ("Russia",), marks=pytest.mark.xfail(
        strict=True, reason="a national adjective is shared only by nouns of one kind or sector: the police "
        "stay a side of their own, whose country the sentence leaves open to this reading")),
])
def test_each_coordinated_force_with_its_own_name_is_a_side(text, sources):
    """A force named with its own qualifier ('Kurdistan's Peshmerga forces') is a side of its own after another
    state's forces, in either order; a bare noun after a national adjective ('helicopters and tanks') shares it."""
    event = events_in(text)[0]
    assert event.sources == sources


@pytest.mark.parametrize(("text", "sources", "targets"), [
    ("Army units launched artillery fire against rebel camps near the border.", ("army units",), ("rebel",)),
    ("Rebel units launched artillery fire against army camps near the border.", ("rebel units",), ("army",)),
    ("Vietnamese forces launched artillery, mortar and rocket fire against Khmer Rouge camps.",
     ("Vietnam",), ("Khmer Rouge",)),
    ("Khmer Rouge guerrillas launched artillery, mortar and rocket fire against Vietnamese camps.",
     ("Khmer Rouge",), ("Vietnam",)),
])
def test_fire_launched_from_weapons_is_an_assault_on_whom_it_is_aimed_at(text, sources, targets):
    event = one(text, "ASSAULT")
    assert (event.sources, event.targets) == (sources, targets)


@pytest.mark.parametrize(("text", "country"), [
    ("Israeli airstrikes killed ten people in Gaza.", "PSE"),
    ("Hamas rockets killed two people in Sderot.", "ISR"),
    ("Russian missile strikes killed ten people in Kharkiv.", "UKR"),
    ("Ukrainian drones killed two people in Belgorod.", "RUS"),
    ("Sudanese army shelling killed nine people in Omdurman.", "SDN"),
    ("RSF shelling killed nine people in El Fasher.", "SDN"),
])
def test_people_killed_in_a_place_are_that_place_s_whichever_side_struck(text, country):
    """'killed ten people in X': the parser hangs 'in X' on the noun or on the verb depending on the names;
    the victims are X's civilians either way."""
    assert one(text, "ASSAULT").target_countries == (country,)


@pytest.mark.parametrize(("text", "parties"), [
    ("Government troops and Tigrayan fighters clashed near Alamata on Tuesday.", 2),
    ("Houthi fighters and Saudi-backed forces exchanged fire near Marib.", 2),
    ("Israeli troops clashed with Palestinian gunmen in Jenin.", 2),
    ("Palestinian gunmen clashed with Israeli troops in Jenin.", 2),
])
def test_the_town_where_two_sides_fought_is_not_a_party(analyze_text, text, parties):
    """Through the whole pipeline, where the places step tells the town ('Alamata') from an organisation."""
    event = next(e for e in analyze_text(text).events if e.type == "ASSAULT")
    assert len(event.sources) == parties and not event.targets, (event.sources, event.targets)


@pytest.mark.parametrize(("text", "attackers", "struck"), [
    ("Drones struck Kyiv overnight.", ("",), ("UKR",)),
    ("Drones struck Moscow overnight.", ("",), ("RUS",)),
    ("Fighters shelled Kharkiv on Monday.", ("",), ("UKR",)),
    ("Fighters shelled Belgorod on Monday.", ("",), ("RUS",)),
    ("Militants shelled Sderot.", ("",), ("ISR",)),
    ("Militants shelled Khan Younis.", ("",), ("PSE",)),
    ("Serbian forces shelled Prizren.", ("SRB",), ("KOS",)),
    ("Kosovar forces shelled Novi Sad.", ("KOS",), ("SRB",)),
    ("Congolese forces attacked Kigali overnight.", ("COD",), ("RWA",)),
    ("Rwandan forces attacked Kinshasa overnight.", ("RWA",), ("COD",)),
    ("Gunmen attacked a checkpoint in Borno.", ("NGA",), None),
])
def test_a_place_struck_gives_its_country_to_the_struck_not_to_unnamed_attackers(analyze_text, text, attackers,
                                                                                 struck):
    """An unnamed group takes the country of where it acts (CAMEO practice), but a town it strikes is what it
    acts on: 'drones struck Kyiv' says nothing of whose drones they were."""
    event = next(e for e in analyze_text(text).events if e.type == "ASSAULT")
    assert event.source_countries == attackers, (event.sources, event.source_countries)
    if struck is not None:
        assert event.target_countries == struck, (event.targets, event.target_countries)


@pytest.mark.parametrize(("text", "type_"), [
    ("Rebels seized Goma on Sunday.", "ASSAULT"),
    ("Rebels seized Kharkiv on Sunday.", "ASSAULT"),
    ("Militants fired on a police post on Tuesday.", "ASSAULT"),
    ("The UN called on Israel to halt the strikes.", "REQUEST"),
    ("The UN called on Hamas to release the hostages.", "REQUEST"),
])
def test_a_date_after_a_verb_is_no_particle_of_a_phrasal_verb(text, type_):
    """'seize on' (make use of) and 'call on' (ask) are phrasal; 'on Sunday' is when, not a particle."""
    assert one(text, type_)


@pytest.mark.parametrize("text", [
    "The police department fired the officer on Monday.",
    "The senator called the governor on Friday to thank her.",
    "Critics seized on the letter.",
])
def test_a_date_after_a_verb_does_not_make_a_phrasal_act(text):
    assert not events_in(text), [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize(("text", "asks"), [
    ("The minister said Israel must withdraw its troops from the border.", True),
    ("The minister said Hamas must release the hostages.", True),
    ("The UN said both sides should stop the fighting.", True),
    ("A newspaper reported that the cardinal must have known about the abuse.", False),
    ("Critics said the minister must have approved the raid.", False),
    ("Critics said the general must have ordered the strike.", False),
    ("Critics said the government should have stopped the convoy.", False),
])
def test_a_reported_must_is_a_request_but_a_must_have_is_an_inference(text, asks):
    """'X said Y must Z' asks Y to act; 'must have known' infers and 'should have stopped' reproaches."""
    assert ("REQUEST" in [e.type for e in events_in(text)]) == asks, [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize(("text", "trigger", "source"), [
    ("Mr. Hale criticized Ms. Varga after she denounced the police union.", "denounced", "Varga"),
    ("Ms. Varga criticized Mr. Hale after he denounced the police union.", "denounced", "Hale"),
    ("Mr. Hale criticized Mr. Okoye after he denounced the police union.", "denounced", "Hale"),
])
def test_a_pronoun_below_a_clause_is_its_subject_only_if_the_gender_fits(text, trigger, source):
    """'she' in a clause below 'Mr. Hale criticized …' is not Mr. Hale; where both fit, the subject above it
    is taken, as before."""
    assert [e.sources for e in events_in(text) if e.trigger == trigger] == [(source,)]


@pytest.mark.parametrize(("text", "type_", "excluded"), [
    ("Troops attacked the village and blamed the rebels for the fire.", "ASSAULT", "rebels"),
    ("Rebels attacked the village and blamed the army for the fire.", "ASSAULT", "army"),
    ("Police raided the office and accused the union of fraud.", "COERCE", "union"),
])
def test_a_coordinated_verb_with_its_own_object_lends_no_recipient(text, type_, excluded):
    """'attacked the village and blamed the rebels': the rebels are the blame's, not the attack's."""
    assert excluded not in one(text, type_).targets


@pytest.mark.parametrize(("text", "source", "country"), [
    ("Shelling by the RSF killed three civilians in Omdurman.", "Rapid Support Forces", "SDN"),
    ("Shelling by the army killed three civilians in Khartoum.", "army", None),
    ("Shelling by Ukrainian forces damaged a school in Donetsk.", None, "UKR"),
    ("Shelling by Russian forces damaged a school in Kharkiv.", None, "RUS"),
])
def test_a_gerund_s_by_phrase_is_its_doer_and_one_act_is_one_event(text, source, country):
    """'Shelling by X killed Y': X did it, whichever way the parser hangs 'by X' or the gerund; one event."""
    found = [e for e in events_in(text) if e.type == "ASSAULT"]
    assert len(found) == 1, [(e.trigger, e.sources) for e in found]
    if source is not None:
        assert found[0].sources == (source,)
    if country is not None:
        assert found[0].source_countries == (country,)


@pytest.mark.parametrize(("text", "type_", "targets"), [
    ("Russia withdrew its troops from Kherson.", "RETREAT", None),
    ("Ukraine withdrew its troops from Avdiivka.", "RETREAT", None),
    ("France recalled its ambassador from Niger.", "SANCTION", ("Niger",)),
    ("Niger recalled its ambassador from France.", "SANCTION", ("France",)),
    ("Turkey stationed 3,000 troops along the border.", "MOBILIZE", ()),
])
def test_the_forces_an_actor_moves_or_withdraws_are_its_own_not_the_recipient(text, type_, targets):
    """'withdrew its troops', 'stationed 3,000 troops': the troops are the doer's; the recipient, if any, is
    the party the 'from' phrase names (None: not checked beyond the troops)."""
    event = one(text, type_)
    assert not {"troops", "ambassador"} & set(event.targets)
    if targets is not None:
        assert event.targets == targets


def test_every_written_type_sentence_naming_two_states_is_coded_alike_with_the_states_swapped(analyze_text):
    """Neutrality of the check set and of what the model learns from it: 'Turkey sent rescue teams to Morocco'
    and 'Morocco sent rescue teams to Turkey' get the same types (the model once knew only the written side)."""
    def types(text):
        return sorted({e.type for e in analyze_text(text).events if not e.hypothetical and not e.negated})

    differing, mirrored = [], 0
    for text, _, _ in written()["types"]:
        analysis = analyze_text(text)
        states = [a for a in analysis.actors if a.kind == "state"]
        surfaces = [{text[m.start:m.end] for m in analysis.mentions if m.actor_id == a.id} for a in states]
        if len(states) != 2 or any(len(s) != 1 or next(iter(s)) != a.name for s, a in zip(surfaces, states)):
            continue
        first, second = states[0].name, states[1].name
        swapped = text.replace(first, "\0").replace(second, first).replace("\0", second)
        mirrored += 1
        if types(text) != types(swapped):
            differing.append((text, types(text), swapped, types(swapped)))
    assert mirrored >= 20 and not differing, differing


@pytest.mark.parametrize("text", [
    "M23 rebels captured Goma in January.",
    "The Congolese army recaptured Goma from M23.",
    "Jihadists seized Menaka from the army.",
    "The army seized Menaka from the jihadists.",
])
def test_a_town_named_as_what_was_taken_is_territory_taken_by_force(text):
    """'captured Goma': a town, not a captive (ASSAULT abduct) or a confiscation (COERCE seize)."""
    event = one(text, "ASSAULT")
    assert event.mode != "abduct" and "COERCE" not in {e.type for e in events_in(text)}


@pytest.mark.parametrize(("text", "origin"), [
    ("Hezbollah fired rockets from Lebanon at Haifa.", "Lebanon"),
    ("The Israeli army fired shells from Metula at villages in south Lebanon.", "Metula"),
    ("Russia fired missiles from Belarus at Kyiv.", "Belarus"),
    ("Ukraine fired drones from Kharkiv at Belgorod.", "Kharkiv"),
    ("Hamas fired rockets from Gaza at Ashkelon.", "Gaza"),
    ("The Houthis launched drones from Yemen at ships in the Red Sea.", "Yemen"),
    ("Two rockets were fired from Syria at the Golan Heights.", "Syria"),
])
def test_where_force_comes_from_is_never_its_target(text, origin):
    """'fired rockets from Gaza': under force, a 'from' phrase is the launch site, whichever side it is."""
    for event in events_in(text):
        assert not any(origin in name for name in event.targets), (event.type, event.targets)


@pytest.mark.parametrize("text", [
    "The students continue violating the dress code.",
    "His remarks violated the party's code of conduct.",
    "The mining company in Katanga violated environmental rules for years.",
    "The ruling violated a criminal statute, the lawyer argued.",
])
def test_breaking_a_rule_is_no_accusation(text):
    """No one accuses anyone: breaking a law or a code is no act on an actor (PLOVER ACCUSE needs an accuser)."""
    assert not [e for e in events_in(text) if e.type == "ACCUSE"], [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize("text", ["Azerbaijan violated the ceasefire near Lachin.",
                                  "Armenia violated the ceasefire near Lachin."])
def test_breaking_a_ceasefire_stays_force(text):
    assert "ASSAULT" in {e.type for e in events_in(text)}, [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize("text", [
    "The army committed atrocities in the villages near Kidal.",
    "The rebels committed atrocities in the villages near Kidal.",
    "Most of the abuses were committed against young adults.",
    "Unable to find work, he eventually committed suicide.",
    "The former minister committed fraud while in office in Nairobi.",
])
def test_committing_a_crime_is_no_agreement(text):
    assert "AGREE" not in {e.type for e in events_in(text)}, [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize("text", [
    "Kenya committed 1,000 troops to the mission in Haiti.",
    "Britain committed 20 million pounds in aid to Sudan.",
])
def test_committing_forces_or_money_stays_a_pledge(text):
    assert "AGREE" in {e.type for e in events_in(text)}, [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize(("text", "sources", "targets"), [
    ("Washington slapped sanctions on three Iranian commanders.", {"USA"}, {"IRN"}),
    ("Tehran slapped sanctions on three American officials.", {"IRN"}, {"USA"}),
    ("Japan decided new sanctions against North Korea over the nuclear test.", {"JPN"}, {"PRK"}),
    ("China decided new sanctions against Lithuania over the Taiwan office.", {"CHN"}, {"LTU"}),
    ("The European Union adopted new sanctions on Belarus.", None, {"BLR"}),
    ("Russia adopted sanctions on British lawmakers.", {"RUS"}, {"GBR"}),
    ("Canada unveiled sanctions on Chinese officials.", {"CAN"}, {"CHN"}),
    ("China unveiled sanctions on Canadian lawmakers.", {"CHN"}, {"CAN"}),
])
def test_sanctions_slapped_decided_adopted_or_unveiled_are_a_sanction(text, sources, targets):
    """Light verbs with 'sanctions' as object: the act is the sanction, whichever side imposes it
    (not a consultation, which a snippet class once taught the model)."""
    event = one(text, "SANCTION")
    if sources is not None:
        assert set(event.source_countries) == sources
    assert set(event.target_countries) == targets


@pytest.mark.parametrize(("text", "type_", "target"), [
    ("The EU imposed sanctions on Belarus over the forced landing of a Ryanair jet.", "SANCTION", "BLR"),
    ("The United States imposed sanctions on Russia over the poisoning of Alexei Navalny.", "SANCTION", "RUS"),
    ("Russia imposed sanctions on Britain over the detention of a Russian journalist.", "SANCTION", "GBR"),
    ("China imposed sanctions on Lithuania over the opening of a Taiwanese office.", "SANCTION", "LTU"),
    ("Israel imposed restrictions on Palestinian banks over the killing of an Israeli settler.", "COERCE", "PSE"),
    ("The Palestinian Authority imposed restrictions on Israeli firms over the killing of a Palestinian farmer.",
     "COERCE", "ISR"),
])
def test_a_measure_on_someone_over_a_cause_is_aimed_at_them_not_at_the_cause(text, type_, target):
    """'imposed sanctions on X over the poisoning of Y': the object's 'on' phrase names whom the measure is aimed
    at; the 'over' phrase names why."""
    event = one(text, type_)
    assert event.target_countries == (target,), event



@pytest.mark.parametrize(("text", "type_", "sources", "targets"), [
    # the doer of a gerund after a preposition is the subject of the verb it hangs on
    ("Obama spoke to reporters after meeting with Russian President Vladimir Putin.", "CONSULT",
     {"Barack Obama", "Vladimir Putin"}, set()),
    ("Putin spoke to reporters after meeting with US President Barack Obama.", "CONSULT",
     {"Vladimir Putin", "Barack Obama"}, set()),
    ("The rebel was arrested after attacking a police station in Goma.", "ASSAULT", {"rebel"}, {"police"}),
    # a single officer or protester is an actor, as the plural is
    ("The officer who shot the protester was placed on leave.", "ASSAULT", {"officer"}, {"protester"}),
    ("The protester who attacked the officer was placed under arrest.", "ASSAULT", {"protester"}, {"officer"}),
])
def test_doers_of_gerunds_and_single_officers_and_protesters_are_sides(text, type_, sources, targets):
    event = one(text, type_)
    assert {name.split()[-1] for name in event.sources} == {name.split()[-1] for name in sources}
    assert {name.split()[-1] for name in event.targets} == {name.split()[-1] for name in targets}


# An amount given 'in' something ('2 million dollars in emergency aid') is coded by what it is given in.
@pytest.mark.parametrize(("text", "type_", "targets"), [
    ("Japan sent 2 million dollars in emergency aid to Nepal on Wednesday.", "AID", ("Nepal",)),
    ("Nepal sent 2 million dollars in emergency aid to Japan on Wednesday.", "AID", ("Japan",)),
    ("Brazil provided $40 million in humanitarian assistance to Haiti.", "AID", ("Haiti",)),
    ("Haiti provided $40 million in humanitarian assistance to Brazil.", "AID", ("Brazil",)),
    ("Kenya sent 300 million shillings in food aid to Somalia after the floods.", "AID", ("Somalia",)),
])
def test_an_amount_given_in_aid_is_aid(text, type_, targets):
    assert one(text, type_).targets == targets


@pytest.mark.parametrize("text", [
    "Japan sent 2 million dollars in fees to a law firm in Osaka.",
    "The company sent 3 million dollars in dividends to its shareholders.",
])
def test_an_amount_in_something_else_is_not_aid(text):
    assert "AID" not in {e.type for e in events_in(text)}


# Markets: a price, a currency, an index or a trade figure that moves is no actor's act (issue 14).
@pytest.mark.parametrize("text", [
    "Wholesale wheat prices in Lindmark eased by about 3 percent over the past two weeks.",
    "The Dow retreated 200 points on Friday as investors sold bank shares.",
    "The rupee weakened sharply against the dollar in Mumbai on Tuesday.",
    "Shares in the Kenyan telecom group plunged 10 percent after the ruling.",
    "Brazilian coffee exports collapsed in March.",
    "The peso surrendered its early gains by the afternoon.",
])
def test_a_market_moving_is_no_event(text):
    assert not events_in(text), [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize(("text", "type_"), [
    ("Egypt eased restrictions on wheat imports.", "CONCEDE"),
    ("Traders protested outside the stock exchange in Lagos.", "PROTEST"),
    pytest.param("Rioters attacked the central bank in Colombo.", "ASSAULT", marks=pytest.mark.xfail(
        strict=True, reason="a bank named by its kind is no actor, and 'attack' needs one (fails before the "
                            "market rule too)")),
    ("India banned rice exports to Bangladesh.", "SANCTION"),
])
def test_an_act_about_a_market_stays_an_event(text, type_):
    assert type_ in {e.type for e in events_in(text)}, [(e.type, e.trigger) for e in events_in(text)]


# A verb the parse joins to a reported clause about things is done by the reporter ('X said field clinics
# were overwhelmed and called on both sides …'); one joined to a clause about people is theirs.
@pytest.mark.parametrize(("text", "sources"), [
    ("Relief coordinator Anouk Terrin said field clinics were overwhelmed and called on both sides to let "
     "ambulances through.", ("Anouk Terrin",)),
    ("Relief coordinator Joost Verhallen said the clinics were full and called on both armies to let ambulances "
     "through.", ("Joost Verhallen",)),
])
def test_a_verb_joined_to_a_reported_clause_about_things_is_the_reporter_s(text, sources):
    assert one(text, "REQUEST").sources == sources


def test_a_verb_joined_to_a_reported_clause_about_people_is_theirs():
    text = "Anouk Terrin said the ministers met on Monday and called on both sides to let ambulances through."
    assert one(text, "REQUEST").sources != ("Anouk Terrin",)


@pytest.mark.parametrize("text", [
    "Chile signed the accord because Peru had waited too long.",
    "Peru signed the accord because Chile had waited too long.",
])
def test_the_subject_of_a_reason_clause_is_not_the_recipient(text):
    """'signed because X had waited': X does an act of its own, it does not receive the signing."""
    assert all(not e.targets for e in events_in(text) if e.trigger == "signed")


@pytest.mark.parametrize("text", [
    "Israeli aircraft struck Rafah on Tuesday.",
    "Hamas militants struck Sderot on Tuesday.",
    "Russian aircraft bombed Avdiivka on Tuesday.",
    "Ukrainian aircraft bombed Belgorod on Tuesday.",
])
def test_force_aimed_at_a_town_the_tagger_leaves_untagged_is_an_event(text):
    assert [e for e in events_in(text) if e.type == "ASSAULT"], events_in(text)


@pytest.mark.parametrize("text", [
    "Officials in Valdoria discussed the idea of deporting the migrants to Orsenna.",
    "Officials in Orsenna discussed the idea of deporting the migrants to Valdoria.",
    "The prospect of sanctioning the bank worried investors.",
    "\"Kill them wherever you find them,\" the commander told his men.",
    "Arrest the ringleaders, the minister told the police.",
    "\"Free the hostages now,\" the envoy told the rebels.",
])
def test_an_act_only_thought_of_or_ordered_is_not_asserted(text):
    """PLOVER codes what happened: an act named as an idea or a prospect, or given as a command, is not done."""
    assert not [e for e in events_in(text) if not e.hypothetical and not e.negated and e.type not in (
        "REQUEST", "THREATEN")], events_in(text)


@pytest.mark.parametrize("text,type_", [
    ("The army was able to recapture the town on Sunday.", "ASSAULT"),
    ("Police arrested the ringleaders, the minister said.", "COERCE"),
    ("The rebels freed the hostages on Sunday.", "RETREAT"),
])
def test_acts_told_as_done_stay_asserted(text, type_):
    assert [e for e in events_in(text) if e.type == type_ and not e.hypothetical], events_in(text)


@pytest.mark.parametrize("text", [
    "The senator called out the governor for his remarks.",
    "The governor called out the senator for his remarks.",
])
def test_calling_someone_out_is_criticism(text):
    assert [e.type for e in events_in(text)] == ["ACCUSE"], events_in(text)


def test_a_goal_reached_is_an_act_done():
    text = "Last month, the Norwegian government said it had reached its goal of accepting 10,000 refugees."
    assert [e for e in events_in(text) if e.type == "AID" and not e.hypothetical], events_in(text)


@pytest.mark.parametrize("text", [
    "Congress must investigate the ministry.",
    "The ministry must apologize to the families.",
    "The Valdorian army can strike targets deep inside Orsenna.",
    "The Orsennan army can strike targets deep inside Valdoria.",
    "The church can hold up to 2,000 people.",
])
def test_an_act_owed_or_possible_is_not_done(text):
    """In the outlet's own voice, what someone must or can do is an opinion or a capacity, not an event."""
    assert not [e for e in events_in(text) if not e.hypothetical and not e.negated], events_in(text)


@pytest.mark.parametrize("text", [
    "Neither Peru nor any other state had ever attacked Chile.",
    "Neither Chile nor any other state had ever attacked Peru.",
    "No country has recognised the breakaway region.",
])
def test_a_subject_that_denies_the_act_negates_it(text):
    assert events_in(text) and all(e.negated for e in events_in(text)), events_in(text)


@pytest.mark.parametrize("text", [
    "Donald Trump attacked Hillary Clinton over her emails.",
    "Hillary Clinton attacked Donald Trump over his taxes.",
    "He began his speech by attacking President Orvane for supporting the bill.",
    "The former officials attack Senator Marlow ferociously to hide their own failure.",
])
def test_one_politician_attacking_another_is_criticism(text):
    """PLOVER's ASSAULT is physical force; a person or party attacking a named person with no weapon and no
    harm is criticism (ACCUSE)."""
    assert [e.type for e in events_in(text)] == ["ACCUSE"], events_in(text)


@pytest.mark.parametrize("text", [
    "Dan Fishback had written an article arguing for boycotting Israeli plays.",
    "Aya Haddad had written an article arguing for boycotting Palestinian plays.",
    "Blaming Jews for the attacks is incredibly offensive.",
    "Blaming Muslims for the attacks is incredibly offensive.",
    "ERO New York received a lead from the ICE attache in Guatemala.",
])
def test_acts_argued_for_named_in_general_or_information_received_are_no_events(text):
    assert not [e for e in events_in(text) if not e.hypothetical and not e.negated], events_in(text)


@pytest.mark.parametrize("text,types", [
    ("In a famous speech given in the 1930s, Niemoller said the Nazis came for socialists.", []),
    ("The government of Chad gave in to the strikers' demands.", ["CONCEDE"]),
    ("The pope recognizes the egregious failures of the Church.", []),
    ("Brazil recognized the new government of Bolivia.", ["SUPPORT"]),
    ("Bolivia recognized the new government of Brazil.", ["SUPPORT"]),
    ("Kenya recognized the independence of Somaliland.", ["SUPPORT"]),
    ("The two officials exchanged thousands of text messages.", ["CONSULT"]),
])
def test_what_the_object_or_the_particle_says(text, types):
    assert [e.type for e in events_in(text) if not e.hypothetical] == types, events_in(text)


@pytest.mark.parametrize("text,type_", [
    ("Al-Shabab killed a teenage boy on Thursday.", "ASSAULT"),
    ("Government soldiers killed a teenage boy on Thursday.", "ASSAULT"),
    ("Police in Lagos arrested a woman outside the court.", "COERCE"),
    ("The Syrian air force destroyed a number of vehicles near the village.", "ASSAULT"),
    ("The Turkish air force destroyed a number of vehicles near the village.", "ASSAULT"),
])
def test_one_person_or_a_number_of_things_is_acted_on(text, type_):
    assert [e for e in events_in(text) if e.type == type_], events_in(text)


@pytest.mark.parametrize("text", [
    "A man attacked a teenager who was wearing a MAGA hat.",
    "A man attacked a teenager who was wearing a Palestinian scarf.",
])
def test_an_attacker_named_by_no_actor_is_taken_at_their_word(text):
    assert "ACCUSE" not in [e.type for e in events_in(text)], events_in(text)


@pytest.mark.parametrize("text,types", [
    ("Officers were searching for another man, a suspect with an outstanding warrant.", []),
    ("Soldiers searched homes in the village of Beit Ummar.", ["COERCE"]),
])
def test_searching_for_someone_is_no_search_of_them(text, types):
    assert [e.type for e in events_in(text) if not e.hypothetical] == types, events_in(text)


@pytest.mark.parametrize("text,target", [
    ("Russian missiles struck Kyiv on Tuesday, killing 12 people.", None),
    ("Ukrainian drones struck Belgorod on Tuesday, killing 12 people.", None),
    ("Israeli aircraft bombed the camp on Tuesday, killing 12 people.", None),
    ("Hamas fighters opened fire on Tuesday, killing 12 people.", "people"),
])
def test_a_participle_of_result_is_the_same_act(text, target):
    """'struck Kyiv, killing 12 people' is one attack: its dead are its result, not a second event."""
    assaults = [e for e in events_in(text) if e.type == "ASSAULT"]
    assert len(assaults) == 1, assaults
    assert target is None or assaults[0].targets == (target,), assaults


@pytest.mark.parametrize("text,protest", [
    ("Hillary Clinton has held rallies before largely black crowds in Cleveland.", False),
    ("Donald Trump held a rally in Michigan on Friday.", False),
    ("Donald Trump held a campaign rally in Michigan on Friday.", False),
    ("Thousands of farmers held a rally in the capital to protest the new tax.", True),
    ("Supporters of the opposition rallied outside the courthouse on Monday.", True),
])
def test_a_candidates_rally_is_no_protest(text, protest):
    assert bool([e for e in events_in(text) if e.type == "PROTEST"]) == protest, events_in(text)


@pytest.mark.parametrize("text", [
    "In July 2014, Sofian Zakkout organized a pro-Hamas rally outside the Israeli Consulate in Miami.",
    "In July 2014, David Levy organized a pro-Israel rally outside the Palestinian mission in Miami.",
    "Senator Marlow held a rally against the new tax in Tarnholm.",
])
def test_a_rally_for_or_against_a_cause_is_a_protest_whoever_holds_it(text):
    assert [e for e in events_in(text) if e.type == "PROTEST"], events_in(text)


@pytest.mark.parametrize("text,targets", [
    pytest.param("President Obama called for relief for middle class families.", (), marks=pytest.mark.xfail(
        strict=True, reason="the beneficiary inside the thing called for ('relief for families') is still taken")),
    ("President Obama called for a tax cut in a compromise rebuffed by Republicans.", ()),
    ("President Putin called for a tax cut in a compromise rebuffed by the Duma.", ()),
    ("Egypt called for the withdrawal of Ethiopian troops from Somalia.", ("Ethiopia",)),
    ("The UN called on Israel and Hamas to agree a ceasefire.", ("Israel", "Hamas")),
])
def test_a_call_for_a_thing_asks_only_whom_the_thing_names(text, targets):
    request = next(e for e in events_in(text) if e.type == "REQUEST")
    assert request.targets == targets, request


WORDS_AT_SOMEONE_S_THING = [
    ("Senator Okafor criticized Governor Adeyemi's budget bill at a rally in Lagos.", "ACCUSE", "Adeyemi"),
    ("Rights groups denounced the abuses committed by the militia in Darfur.", "ACCUSE", "militia"),
    ("Rights groups denounced the abuses committed by the army in Darfur.", "ACCUSE", "army"),
    ("Israel condemned the attacks carried out by Hamas.", "ACCUSE", "Hamas"),
    ("Hamas condemned the attacks carried out by Israel.", "ACCUSE", "Israel"),
    ("The abuses committed by the militia were condemned by rights groups.", "ACCUSE", "militia"),
    ("The abuses committed by the army were condemned by rights groups.", "ACCUSE", "army"),
]


@pytest.mark.parametrize(("text", "type_", "target"), WORDS_AT_SOMEONE_S_THING)
def test_words_aimed_at_a_thing_someone_owns_or_did_are_aimed_at_them(text, type_, target):
    """'denounced the abuses committed by the militia': the doer a participle names is whom the words reach."""
    assert one(text, type_).targets == (target,)


@pytest.mark.parametrize("text", [
    "Rights groups denounced the abuses committed by the militia in Darfur.",
    "The crimes committed by the soldiers were documented by the UN.",
    "The crimes committed by the rebels were documented by the UN.",
    "The abuses committed by the army were condemned by rights groups.",
])
def test_crimes_committed_are_no_pledge(text):
    """'commit' is a pledge with troops, money or 'to' an act; 'the abuses committed by X' is the perpetration sense."""
    assert "AGREE" not in {e.type for e in events_in(text)}


def test_troops_committed_stay_a_pledge():
    assert one("NATO has committed troops to the mission in Kosovo.", "AGREE").sources == ("NATO",)


@pytest.mark.parametrize(("text", "source"), [
    ("The Kenyan president praised the peace plan during a visit to Nairobi by the Ugandan foreign minister.", "KEN"),
    ("The Ugandan president praised the peace plan during a visit to Kampala by the Kenyan foreign minister.", "UGA"),
])
def test_an_act_of_another_type_in_the_setting_does_not_lend_its_doer(text, source):
    """'X praised the plan during a visit by Y': Y made the visit, X the praise."""
    assert one(text, "SUPPORT").source_countries == (source,)


@pytest.mark.parametrize(("text", "target"), [
    ("The ordination was disrupted by hundreds of protesters accusing Bishop Okafor of covering up abuse.", "Okafor"),
    ("The ordination was disrupted by hundreds of protesters accusing Bishop Adeyemi of covering up abuse.",
     "Adeyemi"),
])
def test_a_participle_on_a_passive_s_agent_is_the_agent_s_own_act(text, target):
    """'disrupted by protesters accusing X': the protesters accuse X; the clause's passive is not the accusation's."""
    accusation = one(text, "ACCUSE")
    assert (accusation.sources, accusation.targets) == (("protesters",), (target,))


@pytest.mark.parametrize("text", [
    "Joost Verhallen released his returns this year, even though they disclosed the specter of his wife making "
    "millions from a university.",
    "Amara Reyes released her returns this year, even though they disclosed the specter of her husband making "
    "millions from a university.",
])
def test_releasing_what_someone_owns_is_no_release(text):
    """PLOVER's RETREAT/release frees people; tax returns are released by their owner, who frees no one."""
    assert not [e for e in events_in(text) if e.type == "RETREAT"]


@pytest.mark.parametrize(("text", "target"), [
    ("The rebels released two Kenyan nationals.", "KEN"),
    ("The militia released two French tourists.", "FRA"),
])
def test_releasing_people_stays_a_release(text, target):
    assert one(text, "RETREAT").target_countries == (target,)


@pytest.mark.parametrize("text", [
    "The campaign expects Holt to insert himself into the debate by calling out Trump for his lies.",
    "The campaign expects Adeyemi to win the debate by calling out Okafor for his lies.",
])
def test_the_means_of_an_expected_act_is_not_done(text):
    """'by calling out X' is how the expected act would be done: neither has happened."""
    assert not [e for e in events_in(text) if not (e.hypothetical or e.negated)]


def test_the_means_of_a_done_act_is_done():
    assert one("Adeyemi won the debate by calling out Okafor for his lies.", "ACCUSE").targets == ("Okafor",)


@pytest.mark.parametrize(("text", "blamed"), [
    ("Israel condemned the attack on Monday, and Iran blamed the United States.", "USA"),
    ("Iran condemned the attack on Monday, and Israel blamed Russia.", "RUS"),
])
def test_the_actors_of_a_coordinated_clause_with_its_own_subject_are_not_this_clause_s(text, blamed):
    """The condemnation names no one condemned; whom the second clause's subject blames is that clause's."""
    assert one(text, "ACCUSE").targets == () and one(text, "ACCUSE").trigger == "condemned"
    blame = next(e for e in events_in(text) if e.trigger == "blamed")
    assert blame.target_countries == (blamed,)


@pytest.mark.parametrize(("text", "blamer"), [
    ("Kofi Mensah, speaking after Joost Verhallen at the forum, cited problems in the north that he blamed on the "
     "policies of President Okafor.", "Kofi Mensah"),
    ("Joost Verhallen, speaking after Kofi Mensah at the forum, cited problems in the north that he blamed on the "
     "policies of President Okafor.", "Joost Verhallen"),
])
def test_a_subject_pronoun_below_a_clause_is_that_clause_s_subject(text, blamer):
    """'X, speaking after Y, cited problems that he blamed on Z': he is X, not the last man named."""
    assert one(text, "ACCUSE").sources == (blamer,)


@pytest.mark.parametrize(("text", "source", "source_country", "target_country"), [
    # a group the text gives no country takes the country where it acts (CAMEO practice), also where the place is
    # told with its division noun ('in Zamfara state')
    ("Bandits killed 20 villagers in Zamfara state.", "bandits", "NGA", "NGA"),
    ("Gangs attacked a police station in Port-au-Prince.", "gangs", "HTI", "HTI"),
    ("Paramilitaries killed three farmers in Cauca.", "paramilitaries", "COL", "COL"),
    # a weapon that strikes from afar is not the struck place's
    ("Drones struck a refinery in Belgorod.", "drones", "", "RUS"),
    ("Drones struck a refinery in Kharkiv.", "drones", "", "UKR"),
    ("Warplanes bombed a market in Idlib.", "warplanes", "", "SYR"),
])
def test_an_unnamed_doer_s_country(analyze_text, text, source, source_country, target_country):
    event = next(e for e in analyze_text(text).events if e.type == "ASSAULT")
    assert event.sources == (source,) and event.source_countries == (source_country,)
    assert event.target_countries == (target_country,)


@pytest.mark.parametrize("text", [
    "Drones struck a refinery in Kharkiv.",
    "Drones struck a refinery in Belgorod.",
    "Missiles hit a factory in Dnipro.",
    "Rebels attacked a warehouse in Goma.",
])
def test_a_strike_on_a_place_of_industry_is_an_event(analyze_text, text):
    assert [e.type for e in analyze_text(text).events] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Muslim protesters continued their hunger strike to demand the resignation of the Algerian president.",
    "Hindu nationalists continued their hunger strike to demand the resignation of the Indian president.",
    "Christian activists continued their hunger strike to demand the resignation of the Nigerian president.",
])
def test_their_refers_to_the_whole_group_not_to_the_name_inside_it(analyze_text, text):
    """'their' after 'Muslim protesters' is the protesters: the creed named inside the phrase is no second party."""
    event = next(e for e in analyze_text(text).events if e.type == "PROTEST")
    assert len(event.sources) == 1 and " " in event.sources[0]
    assert not set(event.targets) & {"Muslim", "Hindu", "Christian"}


@pytest.mark.parametrize(("text", "type_"), [
    ("The army was able to retake the town.", "ASSAULT"),
    ("Protesters were able to storm the parliament building.", "ASSAULT"),
])
def test_what_someone_was_able_to_do_was_done(text, type_):
    assert one(text, type_).hypothetical is False


@pytest.mark.parametrize("text", [
    "Russian warships fired missiles at Odesa from the Black Sea.",
    "Ukrainian drones attacked Russian warships in the Black Sea.",
    "Houthi forces fired a missile at a commercial ship in the Red Sea.",
    "Ukraine fired Storm Shadow missiles at a Russian base in Crimea.",
    "Israeli naval vessels shelled the coast of Gaza from the Mediterranean Sea.",
])
def test_a_hazard_word_inside_a_name_is_no_hazard(text):
    """'the Black Sea' is where, 'Storm Shadow' a missile: neither makes an attack an accident."""
    assert one(text, "ASSAULT").type == "ASSAULT"


@pytest.mark.parametrize("text", [
    "The Yamuna River burst its banks, killing 12 people.",
    "The Camp Fire killed 85 people in northern California.",
    "Cholera killed 40 people in Yemen last month.",
])
def test_a_named_river_wildfire_or_disease_is_still_a_hazard(text):
    assert not [e for e in events_in(text) if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "place"), [
    ("Russian forces shelled Donetsk, killing three civilians.", "Donetsk"),
    ("Ukrainian forces shelled Donetsk, killing three civilians.", "Donetsk"),
    ("Russian forces shelled Kherson, killing three civilians.", "Kherson"),
    ("Ukrainian forces shelled Belgorod, killing three civilians.", "Belgorod"),
])
def test_a_place_shelled_is_where_the_event_happens_however_its_name_is_parsed(analyze_text, text, place):
    event = next(e for e in analyze_text(text).events if e.type == "ASSAULT")
    assert event.location == place and event.lat is not None


@pytest.mark.parametrize("text", [
    "Taliban fighters beat women protesters in Kabul.",
    "Police officers hit protesters with batons in Dhaka.",
    "Soldiers beat detainees with batons in the camp.",
])
def test_a_verb_whose_past_is_its_present_form_tells_what_was_done(text):
    """'beat', 'hit' tagged as present are the news's past, not a habit."""
    assert one(text, "ASSAULT").type == "ASSAULT"


@pytest.mark.parametrize(("text", "targets"), [
    ("Palestinian and Israeli civilians were killed.", ("Palestinian civilians", "Israeli civilians")),
    ("Israeli and Palestinian civilians were killed.", ("Israeli civilians", "Palestinian civilians")),
    ("Azerbaijani and Armenian villages were shelled.", ("Azerbaijani civilians", "Armenian civilians")),
])
def test_coordinated_peoples_of_one_noun_are_both_that_group(text, targets):
    """'Palestinian and Israeli civilians': civilians of each side, not the two states."""
    event = next(e for e in events_in(text) if e.type == "ASSAULT")
    assert event.targets == targets


@pytest.mark.parametrize(("text", "type_"), [
    ("Rebels took the city of Goma on Sunday.", "ASSAULT"),
    ("The army took the town after a week of fighting.", "ASSAULT"),
    ("Papuan rebels took a New Zealand pilot hostage.", "ASSAULT"),
    ("Gunmen took five soldiers hostage near the border.", "ASSAULT"),
    ("A swathe of territory was handed over by the rebels to the army.", "RETREAT"),
])
def test_taking_a_town_or_a_hostage_is_an_event(text, type_):
    assert one(text, type_).type == type_


@pytest.mark.parametrize("text", [
    "The mayor took a tour of the city on Monday.",
    "Tourists took photos of the village.",
])
def test_a_place_after_of_in_an_object_is_not_the_object(text):
    assert not [e for e in events_in(text) if e.type == "ASSAULT"]


def test_a_participle_describing_the_people_aimed_at_is_not_their_attacker_s_act():
    """'fired rubber bullets at protesting students': the students protest; the police do not 'protest' them."""
    events = events_in("Bangladeshi police fired rubber bullets at protesting students in Dhaka.")
    assert [e.type for e in events] == ["ASSAULT"]


@pytest.mark.parametrize(("text", "type_", "source", "target"), [
    # a headline or a caption tells a past act in the simple present, with no finite verb the tagger sees when the
    # verb is also a noun ('police fire' read as a compound): the same for any two sides
    ("Police fire tear gas at protesters in Nairobi.", "ASSAULT", "police", "Kenyan protesters"),
    ("Kenyan police fire tear gas to disperse protesters.", "ASSAULT", "Kenya", "protesters"),
    ("Riot police fire tear gas at students in Jakarta.", "ASSAULT", "riot police", "Indonesian students"),
    ("Rebels attack army base in the north.", "ASSAULT", "rebels", None),
    ("Soldiers attack rebel base in the north.", "ASSAULT", "soldiers", None),
    ("Israeli troops raid refugee camp in Jenin.", "COERCE", "Israel", None),
    ("Palestinian gunmen raid army post near Hebron.", "COERCE", None, None),
    ("Militants shell government positions near Donetsk.", "ASSAULT", "militants", None),
    ("Ukrainian troops shell separatist positions near Donetsk.", "ASSAULT", "Ukraine", None),
    ("Al-Shabab gunmen storm university complex at dawn.", "ASSAULT", "al-Shabaab", None),
    ("Kenyan troops storm militant camp at dawn.", "ASSAULT", "Kenya", None),
])
def test_a_headline_verb_the_tagger_reads_as_a_noun_is_the_verb(analyze_text, text, type_, source, target):
    event = next(e for e in analyze_text(text).events if e.type == type_)
    assert source is None or source in event.sources
    assert target is None or target in event.targets


@pytest.mark.parametrize("text", [
    pytest.param("Police fire investigators at the scene in Lagos.", marks=pytest.mark.xfail(strict=True, reason=(
        "a caption's noun compound that reads word for word as the headline 'Police fire investigators'"))),
    "The army base attack in the north.",
    "Riot police photos from the Santiago protests.",
])
def test_a_noun_compound_with_no_plural_doer_first_stays_a_noun(analyze_text, text):
    assert not analyze_text(text).events


@pytest.mark.parametrize(("text", "type_", "source", "target"), [
    # a participle after a noun, with its 'by' agent, is done to that noun: it is the act's object
    ("Villagers attacked by militiamen in Ituri fled to Bunia.", "ASSAULT", "militiamen", "villagers"),
    ("Settlers attacked by Palestinian youths near Nablus were treated in hospital.", "ASSAULT", None, "settlers"),
    ("Palestinians attacked by settlers near Nablus were treated in hospital.", "ASSAULT", "settlers", None),
    ("Soldiers abducted by gunmen in Zamfara were freed on Sunday.", "ASSAULT", "gunmen", "soldiers"),
    ("Journalists detained by police in Minsk were released.", "COERCE", "Belarus", "journalists"),
])
def test_a_participle_with_its_agent_is_done_to_the_noun_it_follows(text, type_, source, target):
    event = one(text, type_)
    assert source is None or source in event.sources
    assert target is None or any(target in t.lower() for t in event.targets)


@pytest.mark.parametrize(("text", "mode"), [
    # a weapon named anywhere in a coordinated object makes the act one of force, whatever comes first in the list
    ("Police fired rubber bullets and tear gas in the city centre.", "crowd-control"),
    ("Police fired tear gas and rubber bullets in the city centre.", "crowd-control"),
    ("Police in Hong Kong fired tear gas and pepper spray in a shopping district of Kowloon.", "crowd-control"),
    ("Security forces fired tear gas and live ammunition in Khartoum.", "crowd-control"),
    ("Militants fired rockets and mortars at the base.", "heavy-weapons"),
    ("The army fired mortars and rockets at rebel positions.", "heavy-weapons"),
])
def test_a_weapon_in_a_coordinated_object_is_fired(text, mode):
    assert one(text, "ASSAULT").mode == mode


@pytest.mark.parametrize("text", [
    "The manager fired two clerks and a driver on Monday.",
    "The coach fired questions and complaints at the referee.",
])
def test_a_list_with_no_weapon_fires_nothing(text):
    assert not [e for e in events_in(text) if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    # PLOVER's visit: the actor travels and a recipient hosts; a place of worship, a museum or a site hosts no one
    "Hundreds of Jewish worshipers visited a pilgrimage site in Nablus.",
    "Hundreds of Muslim worshipers visited a shrine in Hebron.",
    "The president visited a museum in Paris.",
    "The prime minister toured a car factory in Pune.",
])
def test_a_visit_to_a_site_hosted_by_no_one_is_no_meeting(text):
    assert not [e for e in events_in(text) if e.type == "CONSULT"]


@pytest.mark.parametrize(("text", "target"), [
    # a capital visited is its state's government, the host, whatever label the tagger gives its name
    ("Biden visited Kyiv on Monday.", "Ukraine"),
    ("Zelensky visited Washington on Monday.", "United States"),
    ("Macron visited Kyiv.", "Ukraine"),
    ("Xi visited Moscow on Monday.", "Russia"),
    ("The Chinese foreign minister visited Pakistan last week.", "Pakistan"),
    ("The Indian foreign minister visited China last week.", "China"),
    ("The envoy visited the Kremlin on Friday.", None),
    ("The minister visited flood victims in Sindh.", None),
    ("The envoy visited his home in Chicago.", None),
])
def test_a_visit_to_a_place_or_to_people_is_a_meeting(text, target):
    event = one(text, "CONSULT")
    assert target is None or target in event.targets


@pytest.mark.parametrize("text", [
    "The commission, hit by resignations and criticism, gets a reboot.",
    "The bystanders struck by radical terrorism were innocent.",
    "They were innocent bystanders struck by radical Islamic terrorism.",
    "Militants backed by Ankara took control of two villages.",
    "Militias backed by Tehran took control of two villages.",
])
def test_a_participle_whose_agent_names_no_one_is_no_act_on_its_noun(text):
    assert not [e for e in events_in(text) if e.type != "ASSAULT" or e.trigger != "took"]


@pytest.mark.parametrize(("text", "target"), [
    # a promise of force is a threat (PLOVER THREATEN), whichever side makes it
    ("Iran vowed to retaliate against Israel.", "Israel"),
    ("Israel vowed to retaliate against Iran.", "Iran"),
    ("Turkey vowed to retaliate against the PKK.", "Kurdistan Workers' Party"),
    ("The army vowed to crush the rebels.", "rebels"),
    ("The rebels vowed to crush the army.", "army"),
])
def test_a_vow_of_retaliation_is_a_threat(text, target):
    event = one(text, "THREATEN")
    assert target in event.targets


@pytest.mark.parametrize(("text", "type_"), [
    ("Hezbollah retaliated against Israel with rockets.", "ASSAULT"),
    ("Israel retaliated against Hezbollah with air strikes.", "ASSAULT"),
    ("China retaliated against the United States with tariffs.", "SANCTION"),
    ("The United States retaliated against China with tariffs.", "SANCTION"),
])
def test_retaliation_is_the_act_it_is_done_with(text, type_):
    assert one(text, type_).type == type_


@pytest.mark.parametrize("text", [
    "The team crushed its rivals in the final.",
    "The news crushed their hopes.",
])
def test_crushing_a_rival_or_hopes_is_no_force(text):
    assert not [e for e in events_in(text) if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "target"), [
    # PLOVER's SANCTION expel: removing someone from a country, whoever orders it
    ("Mali's junta ordered French troops to leave the country.", "France"),
    ("Niger's junta ordered the French ambassador to leave the country.", "France"),
    ("Russia ordered two Estonian diplomats to leave the country.", "Estonia"),
    ("Estonia ordered two Russian diplomats to leave the country.", "Russia"),
    ("The government ordered UN peacekeepers to leave.", "United Nations"),
])
def test_an_order_to_leave_the_country_is_an_expulsion(text, target):
    event = one(text, "SANCTION")
    assert event.mode == "expel" and target in event.targets


@pytest.mark.parametrize("text", [
    "The commander ordered his troops to leave the town before dawn.",
])
def test_an_order_to_one_s_own_troops_to_leave_is_no_expulsion(text):
    assert not [e for e in events_in(text) if e.type == "SANCTION"]


@pytest.mark.parametrize(("text", "type_"), [
    ("India and China agreed to pull back troops from a disputed border area.", "CONCEDE"),
    ("China and India agreed to pull back troops from a disputed border area.", "CONCEDE"),
    ("Russia agreed to pull out troops from the region.", "CONCEDE"),
    ("Israel withdrew its troops from the town.", "RETREAT"),
    ("Hezbollah withdrew its fighters from the town.", "RETREAT"),
])
def test_one_s_own_forces_pulled_back_are_no_recipient(text, type_):
    """'pull back troops' is a withdrawal (the particle the parse hung on 'troops' is the verb's), and the troops
    are the actor's own: not 'back troops', and no recipient."""
    event = one(text, type_)
    assert event.targets == () and not any("back" in s for s in event.sources)


@pytest.mark.parametrize("text", [
    "Serbia put its troops on high alert near the Kosovo border.",
    "Kosovo put its police on high alert near the Serbian border.",
    "Pakistan placed its air force on high alert.",
    "India placed its air force on high alert.",
])
def test_putting_forces_on_alert_is_a_mobilization(text):
    assert one(text, "MOBILIZE").type == "MOBILIZE"


@pytest.mark.parametrize("text", [
    "The band put on a show in Belgrade.",
    "She put on her coat and left.",
])
def test_putting_on_a_show_is_no_mobilization(text):
    assert not events_in(text)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The nation put all hospitals on high alert.", "put"),
    ("Ten African nations have already been put on alert that the plague could spread.", "put"),
    ("When the Russians retaliated, the administration closed the consulate.", "retaliated"),
    ("He publicly told the migrants to leave Hungary and never come back.", "told"),
    ("The family just received his cremated remains on Thursday.", "received"),
])
def test_an_alert_a_retaliation_or_a_telling_with_no_force_named_is_no_such_event(text, trigger):
    assert not [e for e in events_in(text) if e.trigger.startswith(trigger)]


@pytest.mark.parametrize(("text", "target"), [
    ("While Obama pardoned drug dealers, Trump pardons ranchers.", "drug dealers"),
    ("Turkish crime scene investigators were allowed to search the consulate.", "Turkey"),
])
def test_a_pardon_or_a_permission_keeps_its_recipient(text, target):
    events = [e for e in events_in(text) if e.type == "CONCEDE"]
    assert events and any(target in t for t in events[0].targets)


@pytest.mark.parametrize(("text", "parties"), [
    # the parties to a truce or talks, not the state whose capital hosted them
    ("Ethiopian federal forces and Tigrayan fighters agreed to a truce in Pretoria.", 2),
    ("Israel and Hamas agreed to a truce in Cairo.", 2),
    ("Hamas and Israel agreed to a truce in Cairo.", 2),
    ("The Colombian government and the ELN resumed peace talks in Caracas.", 2),
    ("Israel and Egypt held talks in Washington.", 2),
    # a host the sentence names as a party too stays one
    ("The foreign ministers of Chile and Peru held talks in Lima.", 2),
    ("The foreign ministers of Peru and Chile held talks in Santiago.", 2),
])
def test_the_host_capital_of_talks_is_no_party(text, parties):
    event = next(e for e in events_in(text) if e.type in ("AGREE", "CONSULT"))
    assert len(event.sources) == parties and not event.targets


@pytest.mark.parametrize("text", [
    "The Kenyan government sent troops to help flood victims in Garissa.",
    "The Pentagon announced the deployment of 2,000 troops to the Middle East.",
    "Russia deployed troops near the Ukrainian border.",
    "Ukraine deployed troops near the Russian border.",
])
def test_one_s_own_troops_deployed_are_no_recipient(text):
    event = one(text, "MOBILIZE")
    assert not any("troops" in t for t in event.targets)


@pytest.mark.parametrize(("text", "target"), [
    ("Israel has strengthened its forces in Lebanon.", "Lebanon"),
    ("Hezbollah has strengthened its forces in Syria.", "Syria"),
])
def test_forces_strengthened_in_another_state_are_mobilized_there(text, target):
    """One's own forces are no recipient; the other state they are deployed in is."""
    assert one(text, "MOBILIZE").targets == (target,)


@pytest.mark.parametrize(("text", "source"), [
    ("The rebels suffered heavy losses in Syrian air strikes.", "Syria"),
    ("The army suffered heavy losses in rebel attacks.", "rebel"),
    ("Hamas suffered heavy losses in Israeli air strikes.", "Israel"),
    ("Israel suffered heavy losses in Hamas rocket attacks.", "Hamas"),
])
def test_losses_suffered_in_attacks_tell_the_attacks(text, source):
    """The parse may hang 'in air strikes' on 'losses': the strikes are still the setting of the clause."""
    assert source in one(text, "ASSAULT").sources


@pytest.mark.parametrize("text", [
    "Police identify a suspect in the shootings of two officers.",
    "He denied playing a role in the massacre.",
])
def test_an_object_s_part_in_an_act_does_not_set_the_clause_in_it(text):
    assert not [e for e in events_in(text) if e.type == "ASSAULT" and e.trigger in ("shootings", "massacre")]


@pytest.mark.parametrize(("text", "target"), [
    # ground taken by force from someone: the 'from' phrase names the side it was taken from
    ("Somali troops recaptured the town of Harardhere from al-Shabaab fighters.", "al-Shabaab"),
    ("Al-Shabaab fighters recaptured the town of Harardhere from Somali troops.", "Somalia"),
    ("Rebels seized the town from government forces.", "government forces"),
    ("Russian forces captured the village from Ukrainian troops.", "Ukraine"),
    ("Ukrainian forces captured the village from Russian troops.", "Russia"),
])
def test_ground_taken_from_a_side_has_that_side_as_recipient(text, target):
    event = one(text, "ASSAULT")
    assert any(target in t for t in event.targets)


@pytest.mark.parametrize(("text", "origin"), [
    # under force that takes no ground, a 'from' phrase still says where the force came from
    ("Hezbollah fired rockets from southern Lebanon at northern Israel.", "Lebanon"),
    ("Israeli jets fired missiles from Syrian airspace at targets in Lebanon.", "Syria"),
])
def test_force_from_a_place_names_no_recipient_there(text, origin):
    assert origin not in one(text, "ASSAULT").targets


@pytest.mark.parametrize(("text", "parties"), [
    # PLOVER CONSULT third-party: an outsider hosts, the parties meeting are the actors, no recipient
    ("Qatar hosted talks between the United States and the Taliban in Doha.", {"United States", "Taliban"}),
    ("Norway hosted talks between the Colombian government and the FARC.", {"Colombia", "FARC"}),
    ("Turkey hosted peace talks between Russia and Ukraine in Istanbul.", {"Russia", "Ukraine"}),
    ("The Turkish government hosted talks between Ukraine and Russia in Istanbul.", {"Russia", "Ukraine"}),
])
def test_talks_hosted_by_an_outsider_have_the_parties_as_actors(text, parties):
    event = one(text, "CONSULT")
    assert {p for p in parties if any(p in s for s in event.sources)} == parties and not event.targets


def test_a_host_of_talks_with_a_guest_is_the_recipient():
    event = one("Egypt hosted talks with Hamas leaders in Cairo.", "CONSULT")
    assert "Egypt" in event.targets and any("Hamas" in s for s in event.sources)


@pytest.mark.parametrize("text", [
    # the parties are named; the town where they signed is none of them
    "The Colombian government and the ELN signed a six-month ceasefire in Havana.",
    "Armenia and Azerbaijan signed a peace agreement in Washington.",
    "Azerbaijan and Armenia signed a peace agreement in Washington.",
])
def test_the_venue_of_a_signing_between_named_parties_is_no_recipient(text):
    event = next(e for e in events_in(text) if e.type in ("SUPPORT", "AGREE"))
    assert len(event.sources) == 2 and not any(c in ("CUB", "USA") for c in event.target_countries)


@pytest.mark.parametrize(("text", "target"), [
    # COERCE restrict: keeping people from doing something, for any side
    ("The Taliban barred women from attending universities in Afghanistan.", "women"),
    ("Israel barred Palestinian worshippers from entering the mosque.", "Palestin"),
    ("Hamas barred Israeli journalists from entering Gaza.", "Israel"),
    ("The junta barred the opposition leader from running in the election.", "opposition leader"),
    # a cordon
    ("Russian forces encircled the Ukrainian garrison in the city.", "Ukraine"),
    ("Ukrainian forces encircled Russian troops near Kharkiv.", "Russia"),
    ("Rebel fighters surrounded the army base outside Goma.", "army"),
])
def test_bars_and_cordons_are_restrictions(text, target):
    event = one(text, "COERCE")
    assert any(target in t for t in event.targets)


@pytest.mark.parametrize("text", [
    "Fans surrounded the singer's car outside the stadium.",
    "Hills surround the town on three sides.",
    "The bar was closed after the fight.",
])
def test_a_crowd_or_a_landscape_around_something_is_no_restriction(text):
    assert not [e for e in events_in(text) if e.type == "COERCE"]


@pytest.mark.parametrize("text", [
    # a test launch raises a weapon's readiness and is aimed at no one: never an assault
    "North Korea test-fired two ballistic missiles into the sea.",
    "Pakistan conducted a missile test.",
    "North Korea carried out its sixth nuclear test.",
    "India test-fired a long-range missile off its east coast.",
    # a launch into the sea hits no one: force posture, whoever launches it
    "North Korea fired a ballistic missile into the sea off its east coast.",
    "South Korea fired two ballistic missiles into the sea in response.",
    "Iran launched three cruise missiles into the waters of the Gulf during the drill.",
    "China fired missiles into the sea near Taiwan.",
    "Taiwan fired missiles into the sea near the Chinese coast.",
])
def test_a_weapons_test_is_no_assault(text):
    assert not [e for e in events_in(text) if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "The Houthis fired missiles at ships in the Red Sea.",
    "Russia fired missiles from the Black Sea at Odesa.",
    "Ukraine fired missiles from the sea at Sevastopol.",
])
def test_missiles_fired_at_someone_from_or_in_a_sea_are_an_assault(text):
    assert [e for e in events_in(text) if e.type == "ASSAULT"], events_in(text)


@pytest.mark.xfail(strict=True, reason="the tagger reads 'Turkey hosted talks' as a noun phrase ('hosted' an "
                                       "adjective of 'talks'), so the sentence has no verb")
def test_talks_hosted_by_a_state_named_alone_before_the_verb():
    event = one("Turkey hosted talks between Russia and Ukraine in Istanbul.", "CONSULT")
    assert set(event.sources) == {"Russia", "Ukraine"}


@pytest.mark.parametrize(("text", "other"), [
    # a state the act is aimed at is a party, not where the doer comes from
    ("The senator criticized Russia.", "RUS"),
    ("The senator supported tougher sanctions on Russia.", "RUS"),  # "has long supported" is a standing position
    ("The senator praised Israel for its restraint.", "ISR"),
    ("The senator praised Iran for its restraint.", "IRN"),
    ("The senator criticized the war against Ukraine.", "UKR"),
])
def test_an_unplaced_doer_takes_no_country_from_the_state_it_acts_on(text, other):
    event = next(e for e in events_in(text) if e.sources)
    assert other not in event.source_countries


@pytest.mark.parametrize("text", [
    "Republicans attacked the president's budget proposal on Tuesday.",
    "Democrats attacked the governor's plan to cut school funding.",
])
def test_an_attack_on_a_policy_or_a_proposal_is_made_in_words(text):
    assert [e.type for e in events_in(text) if e.trigger == "attacked"] == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "Rebels attacked the army base.",
    "Gunmen attacked the minister's convoy.",
])
def test_an_attack_on_people_or_property_stays_an_assault(text):
    assert one(text, "ASSAULT")


@pytest.mark.parametrize(("text", "not_target"), [
    # one person named by a common noun is the one acted on, not someone in their relative clause
    ("Police arrested a man who allegedly threw a brick at the prime minister's car.", "prime minister"),
    ("Soldiers killed a farmer who had refused to leave his land near the Israeli settlement.", "Israel"),
    ("Soldiers killed a farmer who had refused to leave his land near the Palestinian village.", "Palestin"),
])
def test_a_person_object_keeps_actors_of_its_relative_clause_out(text, not_target):
    event = next(e for e in events_in(text) if e.type in ("COERCE", "ASSAULT"))
    assert not any(not_target in t for t in event.targets)


@pytest.mark.parametrize("text", [
    "The authorities shut down the internet across the region ahead of the protests.",
    "Iran cut the internet in Tehran during the protests.",
    "The Ethiopian government shut down the internet in Tigray.",
])
def test_cutting_the_internet_is_coercion(text):
    assert one(text, "COERCE").mode == "withhold"


@pytest.mark.parametrize("text", [
    # PLOVER: a mobilisation or a cordon that is part of a reported assault is coded only as the assault
    "Saudi security forces surrounded a house in the city and exchanged fire with the gunmen.",
    "Kenyan police surrounded a house in Mombasa and exchanged fire with the gunmen.",
])
def test_a_cordon_that_is_part_of_an_assault_is_coded_as_the_assault(text):
    assert [e.type for e in events_in(text)] == ["ASSAULT"]


def test_a_posture_of_another_side_beside_an_assault_stays():
    types = [e.type for e in events_in("The army deployed troops to the border, and rebels attacked a police station.")]
    assert "MOBILIZE" in types and "ASSAULT" in types


def test_an_area_surrounding_a_place_is_no_cordon():
    text = "The Syrian Air Force destroyed a number of vehicles in the area surrounding Zardana village."
    assert "COERCE" not in [e.type for e in events_in(text)]


@pytest.mark.parametrize(("text", "type_"), [
    # arms given to another party are AID (PLOVER: arms assistance); announced, AGREE
    ("Germany provided air defence systems to Ukraine.", "AID"),
    ("The United States delivered ammunition to Israel.", "AID"),
    ("Iran delivered ammunition to Hezbollah.", "AID"),
    ("Germany will send air defence systems to Ukraine, the defence minister said.", "AGREE"),
])
def test_arms_handed_to_another_party_are_aid(text, type_):
    assert one(text, type_).targets


@pytest.mark.parametrize(("text", "parties"), [
    # a titled name the parse leaves hanging after the verb is still the one met (both orders)
    ("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed.", {"KEN", "ETH"}),
    ("Ethiopian Prime Minister Abiy Ahmed met Kenyan President William Ruto.", {"KEN", "ETH"}),
])
def test_a_misparsed_titled_object_is_still_met(text, parties):
    assert set(one(text, "CONSULT").source_countries) == parties


@pytest.mark.parametrize(("text", "person", "country"), [
    # leaders and opposition figures of several regions, rival sides alike, have their country
    ("President Obama met Russian President Putin.", "Barack Obama", "USA"),
    ("Viktor Orban vetoed new EU sanctions.", "Viktor Orban", "HUN"),
    ("Riek Machar accused Salva Kiir of breaking the peace deal.", "Riek Machar", "SSD"),
    ("Salva Kiir accused Riek Machar of breaking the peace deal.", "Salva Kiir", "SSD"),
    ("Sviatlana Tsikhanouskaya called for new sanctions on Belarus.", "Sviatlana Tsikhanouskaya", "BLR"),
])
def test_people_often_in_the_news_have_their_country(text, person, country):
    event = next(e for e in events_in(text) if person in e.sources)
    assert event.source_countries[event.sources.index(person)] == country


@pytest.mark.parametrize(("text", "sources"), [
    # a demonym coordinated before a force noun is that state's forces, not its people, in either order
    ("US and British warplanes struck Houthi targets in Yemen.", ("United States", "United Kingdom")),
    ("British and US warplanes struck Houthi targets in Yemen.", ("United Kingdom", "United States")),
])
def test_coordinated_demonyms_before_a_force_noun_are_the_states(text, sources):
    assert one(text, "ASSAULT").sources == sources


@pytest.mark.parametrize("text", [
    "Hungary blocked an EU statement condemning the attack.",
    "Hungary blocked new EU sanctions on Russia.",
    "Slovakia blocked the EU declaration on migration.",
])
def test_blocking_a_statement_or_a_measure_is_a_rejection(text):
    assert one(text, "REJECT").sources


@pytest.mark.parametrize("text", [
    # a warning that another party could act foretells that party's act: no threat against it
    "The minister warned that Iran could attack shipping in the Strait of Hormuz.",
    "The US warned that Russia could invade Ukraine within days.",
    "Ukraine warned that Russia could launch a new offensive.",
    "Russia warned that Ukraine could launch a new offensive.",
])
def test_a_warning_of_another_party_s_attack_is_no_threat_against_it(text):
    assert not [e for e in events_in(text) if e.type == "THREATEN"]


@pytest.mark.parametrize(("text", "target"), [
    # a warning of one's own act, or to the one addressed, stays a threat
    ("Iran warned that it would retaliate against Israel.", "Israel"),
    ("Israel warned that it would strike Hezbollah.", "Hezbollah"),
    ("Russia warned Ukraine that it would respond.", "Ukraine"),
    ("Ukraine warned Russia that it would respond.", "Russia"),
])
def test_a_warning_of_one_s_own_act_is_a_threat(text, target):
    assert target in one(text, "THREATEN").targets


@pytest.mark.parametrize(("text", "target"), [
    # the word for an armed group read as an adjective before a military site is that group, as a state's
    # adjective is that state's forces ('Ukrainian positions'), both ways round
    ("Ukrainian forces shelled separatist positions near Donetsk.", "separatist"),
    ("Russian-backed separatists shelled Ukrainian positions near Donetsk.", "Ukraine"),
    ("The army shelled rebel positions.", "rebel"),
    ("Rebels shelled army positions.", "army"),
    ("Jets struck militant hideouts in the mountains.", "militant"),
])
def test_a_side_s_military_sites_make_it_the_recipient(text, target):
    assert any(target in t for t in one(text, "ASSAULT").targets)


def test_an_armed_group_s_adjective_elsewhere_is_no_actor():
    assert not analyze("The party used militant rhetoric to rally its base.").actors


def test_military_sites_of_no_one_named_keep_the_state_they_are_in():
    assert one("Israel struck military targets in Syria.", "ASSAULT").targets == ("Syria",)


@pytest.mark.parametrize(("text", "type_", "excluded"), [
    # a participle right after its noun says what that noun's people do, whoever acts on them
    ("Kenyan police fired tear gas at protesters demonstrating against a new finance bill in Nairobi.",
     "PROTEST", "Kenya"),
    ("Police dispersed students protesting against the fee increase in Johannesburg.", "PROTEST", "police"),
    ("Soldiers shot dead two men demonstrating outside the governor's office.", "PROTEST", "soldiers"),
    ("Riot police arrested dozens of workers striking outside the port in Chittagong.", "PROTEST", "police"),
    ("Security forces detained activists marching towards the presidential palace in Caracas.", "PROTEST",
     "security forces"),
])
def test_a_participle_after_its_noun_is_done_by_that_noun_not_by_the_clause_s_subject(text, type_, excluded):
    found = [e for e in events_in(text) if e.type == type_]
    assert found and all(excluded not in e.sources for e in found), [(e.trigger, e.sources) for e in found]


@pytest.mark.parametrize(("text", "source"), [
    # a participle after a comma is the clause's own act
    ("Police fired tear gas at the crowd, injuring dozens.", "police"),
    ("Rebels shelled the town, killing four civilians.", "rebels"),
])
def test_a_participle_after_a_comma_stays_the_subject_s_act(text, source):
    assert source in one(text, "ASSAULT").sources


@pytest.mark.parametrize(("text", "source"), [
    # whoever claims an act as its own is its doer, as the text reports the claim ('X claimed the attack')
    ("Militants claimed responsibility for the attack on the convoy.", "militants"),
    ("The Islamic State group claimed responsibility for a bombing that killed 20 worshippers at a mosque in Kabul.",
     "Islamic State"),
    ("The Pakistani Taliban claimed responsibility for a suicide bombing that killed 12 police officers in Bannu.",
     "Tehrik-i-Taliban Pakistan"),
    ("Al-Shabaab claimed responsibility for the attack on the hotel in Mogadishu.", "al-Shabaab"),
    ("The PKK claimed responsibility for the attack on the police station in Diyarbakir.",
     "Kurdistan Workers' Party"),
    ("Rebels claimed responsibility for shooting down a government helicopter.", "rebels"),
])
def test_whoever_claims_an_attack_is_its_doer(text, source):
    found = [e for e in events_in(text) if e.type == "ASSAULT"]
    assert len(found) == 1 and found[0].sources == (source,), [(e.trigger, e.sources) for e in found]


@pytest.mark.parametrize("text", [
    "No group has claimed responsibility for the attack on the convoy.",
    "The rebels denied responsibility for the attack on the convoy.",
])
def test_an_attack_no_one_claims_has_no_doer(text):
    assert all(not e.sources for e in events_in(text) if e.type == "ASSAULT")


@pytest.mark.parametrize(("text", "target"), [
    # PLOVER: an arrest warrant is a threat of arrest (THREATEN arrest), whoever it names
    ("The International Criminal Court issued an arrest warrant for Vladimir Putin.", "Vladimir Putin"),
    ("The International Criminal Court issued an arrest warrant for Benjamin Netanyahu.", "Benjamin Netanyahu"),
    ("A court in Caracas issued an arrest warrant for opposition leader Edmundo Gonzalez.", "Edmundo Gonzalez"),
    ("A Turkish court issued arrest warrants for 40 army officers.", None),
])
def test_an_arrest_warrant_is_a_threat_of_arrest(text, target):
    event = one(text, "THREATEN")
    assert event.mode == "arrest" and not any(e.type == "COERCE" for e in events_in(text))
    if target is not None:
        assert target in event.targets


@pytest.mark.parametrize(("text", "source"), [
    # PLOVER: hacking and breaches are COERCE cyber, from any side
    ("Hackers linked to Russian military intelligence breached the email servers of the German Social Democratic "
     "Party.", None),
    ("Israeli hackers breached the computer networks of an Iranian steel company.", "ISR"),
    ("Iranian hackers breached the computer networks of an Israeli water utility.", "IRN"),
    ("Chinese state hackers launched a cyberattack on Taiwan's election commission.", "CHN"),
    ("A cyberattack by North Korean hackers shut down the bank's systems.", "PRK"),
])
def test_a_breach_of_computer_systems_is_coercion_by_cyber_means(text, source):
    event = one(text, "COERCE")
    assert event.mode == "cyber"
    if source is not None:
        assert source in event.source_countries


@pytest.mark.parametrize("text", [
    "The river breached its banks after days of rain.",
    "The company breached its contract with the supplier.",
    "Police issued a search warrant for the house.",
])
def test_breaches_and_warrants_of_other_kinds_are_no_cyber_act_or_threat(text):
    assert not any(e.type in ("COERCE", "THREATEN") for e in events_in(text)), [
        (e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize(("text", "type_", "side", "name"), [
    # a party named by its standing ('the ruling party', 'the main opposition party') is an actor, either side
    ("The government banned the opposition party ahead of the election.", "COERCE", "targets", "opposition party"),
    ("The ruling party expelled three lawmakers who had voted against the budget.", "SANCTION", "sources",
     "ruling party"),
    ("The main opposition party boycotted the vote.", "REJECT", "sources", "opposition party"),
    ("The opposition party accused the ruling party of rigging the vote.", "ACCUSE", "targets", "ruling party"),
    ("The ruling party accused the opposition party of inciting violence.", "ACCUSE", "targets",
     "opposition party"),
])
def test_a_party_named_by_its_standing_is_an_actor(text, type_, side, name):
    assert any(name in s for s in getattr(one(text, type_), side))


@pytest.mark.parametrize("text", [
    "The party lasted until midnight in the old town.",
    "She threw a birthday party for her son.",
])
def test_a_party_of_guests_is_no_actor(text):
    assert not [a for a in analyze(text).actors if "party" in a.name]


@pytest.mark.parametrize(("text", "country"), [
    # a people's group takes the country the phrase places it in, whichever people and state
    ("Druze inhabitants of the Syrian Golan Heights threatened to hold a general strike unless Israel rescinded "
     "the annexation.", "SYR"),
    ("Kurdish inhabitants of the Syrian town of Kobani protested against the Turkish offensive.", "SYR"),
    ("Uyghur activists in Turkey protested against China's policies.", "TUR"),
    ("Tamil refugees in India protested against their deportation.", "IND"),
])
def test_a_people_s_group_placed_in_a_state_is_of_that_state(text, country):
    found = [e for e in events_in(text) if e.type in ("THREATEN", "PROTEST")]
    assert found and found[0].source_countries == (country,), [(e.type, e.sources, e.source_countries)
                                                               for e in events_in(text)]


@pytest.mark.parametrize("text", [
    # a future passive with no doer, in the outlet's own voice, is a prediction: no one is committed to it
    "He will then be extradited to the United States on espionage charges.",
    "The prisoners will be released next week.",
    "The detainees will be deported to Afghanistan in the coming days.",
    "The rebel commanders will be tried in absentia.",
])
def test_a_future_act_with_no_doer_in_the_outlet_s_voice_is_a_prediction(text):
    assert all(e.hypothetical for e in events_in(text)), [(e.type, e.trigger, e.hypothetical)
                                                          for e in events_in(text)]


@pytest.mark.parametrize(("text", "type_"), [
    # announced by someone, or with its doer named, it stays an announcement (PLOVER's future rule)
    ("Israel will release 50 prisoners under the deal, the government said.", "AGREE"),
    ("The hostages will be freed under the deal, Qatari mediators said.", "CONCEDE"),
    ("The minister will visit Beijing next week.", "AGREE"),
])
def test_an_announced_future_act_stays_asserted(text, type_):
    assert not one(text, type_).hypothetical


@pytest.mark.parametrize(("text", "group"), [
    # a state named as whom others support is no setting: a people or a faith is no state's citizens
    ("Jewish students and supporters of Israel rallied on campus.", "Jewish students"),
    ("Muslim students and supporters of Palestine rallied on campus.", "Muslim students"),
    ("Hindu activists and supporters of India marched in London.", "Hindu activists"),
])
def test_a_state_others_support_gives_no_country_to_a_people(text, group):
    event = one(text, "PROTEST")
    countries = {name: country for name, country in zip(event.sources, event.source_countries)
                 if name.split()[0] == group.split()[0]}
    assert countries and set(countries.values()) <= {"", "GBR"}, countries


def test_people_of_a_place_still_take_its_country():
    assert one("Residents of Gaza protested against the blockade.", "PROTEST").source_countries == ("PSE",)


@pytest.mark.parametrize(("text", "type_", "mode", "target"), [
    # PLOVER: captured combatants are ASSAULT abduct; a suspect or a criminal caught is an arrest (COERCE)
    ("Mexican marines captured a cartel leader in Sinaloa.", "COERCE", "arrest", "cartel leader"),
    ("Colombian police captured a drug lord in Medellin.", "COERCE", "arrest", "drug lord"),
    ("Soldiers captured two suspected kidnappers in Kaduna.", "COERCE", "arrest", None),
    ("Brazilian police arrested a gang leader in Rio de Janeiro.", "COERCE", "arrest", "gang leader"),
    ("Ukrainian forces captured 20 Russian soldiers near Kursk.", "ASSAULT", "abduct", "Russia"),
    ("Russian forces captured 20 Ukrainian soldiers near Pokrovsk.", "ASSAULT", "abduct", "Ukraine"),
    ("Rebels captured three government soldiers.", "ASSAULT", "abduct", None),
])
def test_captured_combatants_are_abducted_and_captured_criminals_arrested(text, type_, mode, target):
    event = one(text, type_)
    assert event.mode == mode
    if target is not None:
        assert event.targets == (target,)


@pytest.mark.parametrize(("text", "source"), [
    # the WHO's initials after a title are the organisation, not a relative 'who'
    ("The director general of the WHO urged Israel to allow medical evacuations from Gaza.",
     "World Health Organization"),
    ("The director general of the WHO urged Russia to stop attacks on hospitals in Ukraine.",
     "World Health Organization"),
])
def test_the_who_after_a_title_is_the_organisation(text, source):
    assert one(text, "REQUEST").sources == (source,)


@pytest.mark.parametrize(("text", "type_"), [
    # opening a crossing or a border eases a restriction (CONCEDE), the mirror of closing one; other objects of
    # 'open' are the light verb's
    ("Egypt opened the Rafah crossing to allow aid trucks into Gaza.", "CONCEDE"),
    ("Israel opened the Erez crossing for aid deliveries.", "CONCEDE"),
    ("Jordan opened its border with Syria.", "CONCEDE"),
    ("Syria opened its border with Jordan.", "CONCEDE"),
    ("Russia opened a humanitarian corridor from Mariupol.", "CONCEDE"),
    ("Soldiers opened fire on protesters.", "ASSAULT"),
    ("Israel closed the Kerem Shalom crossing.", "COERCE"),
    # reopening an embassy opens ties (PLOVER SUPPORT), either way round
    ("Saudi Arabia reopened its embassy in Damascus.", "SUPPORT"),
    ("Syria reopened its embassy in Riyadh.", "SUPPORT"),
    ("The British embassy in Tehran reopened in 2015.", "SUPPORT"),
    ("Staff returned to the Saudi embassy in Tehran, which reopened in 2023.", "SUPPORT"),
    ("Jordan reopened the border crossing with Syria.", "CONCEDE"),
])
def test_opening_a_crossing_is_a_concession_and_an_embassy_a_tie(text, type_):
    assert one(text, type_)


@pytest.mark.parametrize("text", [
    "The company opened a new office in Nairobi.",
    "The mayor opened the new bridge on Sunday.",
])
def test_opening_a_building_is_no_event(text):
    assert not events_in(text), [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize(("text", "type_"), [
    # PLOVER: refusing a group entry to a country is REJECT (expelling it is COERCE); a cordon stays COERCE
    ("The UK banned two US bloggers from entering the country.", "REJECT"),
    ("Israel barred two US congresswomen from entering the country.", "REJECT"),
    ("Russia banned 500 Americans from entering Russia.", "REJECT"),
    ("The United States banned 20 Russian officials from entering the United States.", "REJECT"),
    ("Police barred protesters from entering the square.", "COERCE"),
    ("The government banned the opposition party.", "COERCE"),
])
def test_entry_refused_to_a_country_is_a_rejection(text, type_):
    assert one(text, type_)


@pytest.mark.parametrize(("text", "type_", "source"), [
    # an order to one's own forces is how a state acts: the act ordered is the orderer's (PLOVER MOBILIZE covers
    # deployments, RETREAT withdrawals); the lexicon already codes 'ordered strikes' as the orderer's ASSAULT
    ("President Trump ordered 5,200 soldiers to deploy to the southern border.", "MOBILIZE", "Donald Trump"),
    ("President Trump ordered 5,200 soldiers to be deployed to the southern border.", "MOBILIZE", "Donald Trump"),
    ("The Indian government ordered troops to deploy along the Line of Control.", "MOBILIZE", "India"),
    ("The Pakistani government ordered troops to deploy along the Line of Control.", "MOBILIZE", "Pakistan"),
    ("The Kenyan president ordered troops to withdraw from the disputed area.", "RETREAT", "Kenya"),
    ("Putin ordered troops to pull back from the Ukrainian border.", "RETREAT", "Vladimir Putin"),
    ("Zelensky ordered troops to pull back from the Russian border.", "RETREAT", "Volodymyr Zelensky"),
    ("The defence minister ordered the deployment of 2,000 troops to the border.", "MOBILIZE", "defence minister"),
])
def test_an_order_to_one_s_own_forces_is_the_orderer_s_act(text, type_, source):
    event = one(text, type_)
    assert event.sources == (source,)
    assert [e.type for e in events_in(text)] == [type_]  # not also a request to the troops, nor a deployment


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Ethiopian prime minister ordered the army to attack rebel positions in Tigray.", "ETH", None),
    ("The Armenian defence minister ordered troops to shell Azerbaijani positions.", "ARM", "AZE"),
    ("The Azerbaijani defence minister ordered troops to shell Armenian positions.", "AZE", "ARM"),
])
def test_an_order_to_attack_is_the_orderer_s_assault(text, source, target):
    event = one(text, "ASSAULT")
    assert event.source_countries == (source,)
    if target is not None:
        assert event.target_countries == (target,)


@pytest.mark.parametrize(("text", "type_"), [
    # orders to others stay requests, an arrest ordered is the orderer's arrest; an evacuation ordered is a
    # restriction of movement (as 'ordered residents to evacuate' in the written checks)
    ("The court ordered the government to release the detained journalists.", "REQUEST"),
    ("Indian authorities ordered police to arrest the protest leaders.", "COERCE"),
    ("Mali's junta ordered French troops to leave the country.", "SANCTION"),
    ("The government ordered the evacuation of the town.", "COERCE"),
    ("Police in Nairobi ordered the evacuation of the market.", "COERCE"),
])
def test_orders_to_others_stay_theirs(text, type_):
    assert [e.type for e in events_in(text)] == [type_]


@pytest.mark.parametrize("text", [
    "The judge ordered the police to release the journalists.",
    "The president ordered the army to free the hostages.",
    "The court ordered the release of the detained activists.",
])
def test_an_order_to_release_someone_stays_a_request(text):
    assert [e.type for e in events_in(text)] == ["REQUEST"]


@pytest.mark.parametrize(("text", "source", "target"), [
    # the parser reads 'A … group called on X to …' as a noun with a modifier ('a group called …'); a 'called on X
    # to' names who is asked, so the verb is the sentence's own and the group asks
    ("A Turkish rights group called on the authorities to release the detained journalists.",
     "Turkish rights group", "TUR"),
    ("An Israeli rights group called on the government to release the detained Palestinians.",
     "Israeli rights group", "ISR"),
    ("A Palestinian rights group called on the Palestinian Authority to release the detained activists.",
     "Palestinian rights group", "PSE"),
    ("A Kenyan press freedom group called on the authorities to release three journalists.",
     "Kenyan press freedom group", "KEN"),
])
def test_a_group_calling_on_someone_is_the_one_who_asks(text, source, target):
    event = one(text, "REQUEST")
    assert event.sources == (source,)
    assert event.target_countries == (target,)


@pytest.mark.parametrize("text", [
    "Three soldiers killed in ambush near Gao",
    "Two journalists arrested in Istanbul",
])
def test_a_headline_passive_still_acts_on_its_noun(text):
    assert not [e.sources for e in events_in(text) if e.sources]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("A coalition of Iraqi militias called on US forces to leave the country.", "IRQ", "USA"),
    pytest.param("A coalition of Syrian rebel groups called on Turkey to stop the shelling.", "SYR", "TUR",
                 marks=pytest.mark.xfail(strict=True, reason="the parse hangs 'to stop' on 'coalition' as a relative "
                                                              "clause, so 'called on Turkey' asks for nothing")),
    ("The Colombian rebel group called on the government to resume peace talks.", "COL", "COL"),
])
def test_a_body_of_several_calling_on_someone_asks_as_one(text, source, target):
    event = one(text, "REQUEST")
    assert event.source_countries == (source,) and event.target_countries == (target,)
    assert event.source_sectors != ("GOV",)


@pytest.mark.parametrize(("text", "source", "target"), [
    # forces moving into another state's land: PLOVER's MOBILIZE (military moves short of using force)
    ("Ethiopian troops crossed into Eritrea, according to residents.", "ETH", "ERI"),
    ("Eritrean troops crossed into Ethiopia, according to residents.", "ERI", "ETH"),
    ("Ukrainian troops crossed into Russia's Kursk region.", "UKR", "RUS"),
    ("Russian troops crossed into Ukraine's Kharkiv region.", "RUS", "UKR"),
    ("Rwandan soldiers entered eastern Congo.", "RWA", "COD"),
])
def test_forces_crossing_into_a_state_are_mobilized_against_it(text, source, target):
    event = one(text, "MOBILIZE")
    assert event.source_countries == (source,) and event.target_countries == (target,)


@pytest.mark.parametrize("text", [
    "Thousands of migrants crossed into Mexico.",
    "Hundreds of Afghan families crossed into Pakistan.",
    "Fans entered the stadium two hours before kick-off.",
])
def test_people_crossing_a_border_are_no_event(text):
    assert not events_in(text), [(e.type, e.trigger) for e in events_in(text)]


@pytest.mark.parametrize(("text", "mediator", "parties"), [
    # brokering a truce or an exchange between two parties is mediation, as 'mediated talks between' is
    ("Egypt and Qatar brokered a truce between Israel and Hamas.", ("Egypt", "Qatar"), ("Israel", "Hamas")),
    ("Turkey brokered a prisoner exchange between Russia and Ukraine.", ("Turkey",), ("Russia", "Ukraine")),
    ("The United States brokered a ceasefire between Armenia and Azerbaijan.", ("United States",),
     ("Armenia", "Azerbaijan")),
])
def test_a_truce_brokered_between_two_parties_is_mediation(text, mediator, parties):
    event = one(text, "CONSULT")
    assert event.mode == "third-party"
    assert set(event.sources) | set(event.targets) == set(mediator) | set(parties)


def test_a_sale_brokered_is_no_event():
    assert not events_in("A property firm brokered the sale of the building.")


@pytest.mark.parametrize("text", [
    "Russian troops crossed the Dnipro river near Kherson.",
    "Ukrainian troops crossed the Dnipro river near Kherson.",
    "Syrian government forces crossed the Euphrates into territory held by Kurdish fighters.",
])
def test_what_forces_cross_is_their_way_not_a_party(text):
    assert one(text, "MOBILIZE").targets == ()


@pytest.mark.parametrize(("text", "target"), [
    # a body speaks of itself as 'it'; 'they' in what it says are others, here the journalists just named
    ("A Turkish press freedom group called on the authorities to release three journalists, saying they had been "
     "arrested for doing their jobs.", "journalists"),
    ("An Egyptian press freedom group called on the authorities to release three journalists, saying they had been "
     "arrested for doing their jobs.", "journalists"),
])
def test_they_in_a_body_s_words_are_not_the_body(text, target):
    assert one(text, "COERCE").targets == (target,)


@pytest.mark.parametrize(("text", "source"), [
    ("The rebels said they had captured the town.", "rebels"),
    ("Hamas said they had fired rockets at Tel Aviv.", "Hamas"),
])
def test_they_in_the_words_of_a_plural_or_a_name_are_the_speakers(text, source):
    assert events_in(text)[0].sources == (source,)


@pytest.mark.parametrize(("text", "source", "target"), [
    # ground taken by force: the recipient is the side it was taken from, not the place taken
    ("Mozambican troops recaptured the town of Mocimboa da Praia from insurgents.", "Mozambique", "insurgents"),
    ("Insurgents recaptured the town of Mocimboa da Praia from Mozambican troops.", "insurgents", "Mozambique"),
    ("The Sudanese army regained control of the presidential palace from the RSF.", "Sudan", "Rapid Support Forces"),
    ("The RSF regained control of the presidential palace from the Sudanese army.", "Rapid Support Forces", "Sudan"),
])
def test_ground_taken_from_a_side_is_taken_from_that_side(text, source, target):
    event = one(text, "ASSAULT")
    assert event.sources == (source,) and event.targets == (target,)


@pytest.mark.parametrize(("text", "source", "target"), [
    # a town under the spelling the press uses ('Kupiansk', the gazetteer's 'Kupyansk'), taken from a side
    ("Ukrainian forces recaptured Kupiansk from Russian troops.", "UKR", "RUS"),
    ("Russian forces recaptured Kupiansk from Ukrainian troops.", "RUS", "UKR"),
    ("Russian forces captured Avdiivka.", "RUS", None),
])
def test_a_town_under_the_press_s_spelling_is_ground_taken(text, source, target):
    event = one(text, "ASSAULT")
    assert event.source_countries == (source,)
    if target is not None:
        assert event.target_countries == (target,)


@pytest.mark.parametrize(("text", "parties"), [
    # 'X and Y's N' with one N and two kinds of party: two parties, the second one's N (either order, both named)
    ("The RSF and Sudan's army agreed to a 72-hour ceasefire.", {"Rapid Support Forces", "Sudan"}),
    ("Sudan's army and the RSF agreed to a 72-hour ceasefire.", {"Rapid Support Forces", "Sudan"}),
    ("The Houthis and Yemen's government agreed to a ceasefire.", {"Houthis", "Yemen"}),
    ("Yemen's government and the Houthis agreed to a ceasefire.", {"Houthis", "Yemen"}),
    ("The Taliban and Pakistan's army agreed to a ceasefire.", {"Taliban", "Pakistan"}),
    ("Pakistan's army and the Taliban agreed to a ceasefire.", {"Taliban", "Pakistan"}),
    ("The PKK and Turkey's army agreed to a ceasefire.", {"Kurdistan Workers' Party", "Turkey"}),
])
def test_a_party_listed_before_another_s_force_is_a_party_of_its_own(text, parties):
    assert set(one(text, "AGREE").sources) == parties


@pytest.mark.parametrize(("text", "parties"), [
    ("The Taliban and Pakistan's army clashed at the border.", {"AFG", "PAK"}),
    ("Pakistan's army and the Taliban clashed at the border.", {"AFG", "PAK"}),
    ("JNIM and Mali's army clashed near Gao.", {"IMG", "MLI"}),
])
def test_both_sides_of_a_clash_listed_with_a_possessive_are_parties(text, parties):
    event = one_analysed(text, "ASSAULT")
    assert set(event.source_countries) == parties


@pytest.mark.parametrize(("text", "doer", "country"), [
    # the possessor of an act noun is its doer, not where the act happened: the town shelled says where
    ("Russia's shelling of Kharkiv killed five civilians.", "RUS", "UKR"),
    ("Ukraine's shelling of Donetsk killed five civilians.", "UKR", "UKR"),
    ("Israel's bombardment of Rafah killed twelve civilians.", "ISR", "PSE"),
    ("Sudan's shelling of El Fasher killed ten civilians.", "SDN", "SDN"),
])
def test_the_doer_of_an_act_noun_is_no_setting(text, doer, country):
    event = one_analysed(text, "ASSAULT")  # the town's country comes from the places step
    assert event.source_countries == (doer,) and event.target_countries == (country,)


@pytest.mark.parametrize(("text", "source", "target"), [
    # an act named by a noun, with its doer in a 'by' phrase, that the clause says had consequences
    ("The killing of two aid workers by Israeli forces drew condemnation.", "ISR", None),
    ("The killing of two aid workers by Hamas fighters drew condemnation.", "PSE", None),
    ("The killings of three activists by soldiers in Bamako sparked outrage.", "MLI", "MLI"),
    # the parser hangs 'by' on the noun of the 'of' phrase: a person takes no 'by' phrase, the act does
    ("The arrest of the opposition leader by Tanzanian police sparked protests.", "TZA", None),
    ("The arrest of the opposition leader by Ugandan police sparked protests.", "UGA", None),
])
def test_an_act_noun_with_its_doer_is_an_event_with_that_doer(text, source, target):
    event = one_analysed(text, "ASSAULT", "COERCE")
    assert event.source_countries == (source,)
    if target is not None:
        assert event.target_countries == (target,)


@pytest.mark.parametrize("text", [
    "Investors made a killing on the stock market.",  # a profit
])
def test_a_killing_made_on_a_market_is_no_event(text):
    assert not events_in(text)


@pytest.mark.parametrize("text", [
    # a contest's result is no use of force between the teams' countries (a score, penalties, wickets, a final)
    "Nigeria beat Ghana 2-1 in the final.",
    "Ghana beat Nigeria 2-1 in the final.",
    "India crushed Pakistan by eight wickets.",
    "Pakistan crushed India by eight wickets.",
    "Morocco defeated Portugal on penalties.",
    "Argentina thrashed Brazil 4-0 on Tuesday.",
    "Serbia beat Croatia in the semi-final.",
    "The striker shot the ball into the net.",
])
def test_a_sporting_result_is_no_event(text):
    assert not [e for e in events_in(text) if e.type in ("ASSAULT", "COERCE")]


@pytest.mark.parametrize(("text", "type_"), [
    # the result stays out, force told beside a match stays in
    ("Supporters attacked a police station after the final.", "ASSAULT"),
    ("2020-09-01: Police have arrested a student on charges of blasphemy.", "COERCE"),  # a date, no score
    ("Gunmen killed 2-3 people in the attack.", "ASSAULT"),  # a range that counts the dead
    ("Police beat protesters outside the stadium after the final.", "ASSAULT"),
])
def test_force_beside_a_match_is_still_force(text, type_):
    one(text, type_)


@pytest.mark.parametrize(("text", "source"), [
    # blocking a decision, a nominee or a membership is refusing it (PLOVER REJECT, a veto); blocking a road is not
    ("Hungary blocked the EU aid package for Ukraine.", "HUN"),
    ("Slovakia blocked the EU aid package for Ukraine.", "SVK"),
    ("Turkey blocked Sweden's membership bid.", "TUR"),
    ("Russia blocked the appointment of a new UN envoy.", "RUS"),
    ("The United States blocked the nomination of the new envoy.", "USA"),
])
def test_blocking_a_decision_is_a_rejection(text, source):
    event = one(text, "REJECT")
    assert event.source_countries == (source,)
    assert not [e for e in events_in(text) if e.type == "COERCE"]


@pytest.mark.parametrize(("text", "type_"), [
    ("Police blocked the road to the parliament.", "COERCE"),
    ("Protesters blocked the main highway into Nairobi.", "PROTEST"),
])
def test_blocking_a_way_stays_an_obstruction(text, type_):
    one(text, type_)


@pytest.mark.parametrize(("text", "source"), [
    # impeachment is a legislature's formal charge (ACCUSE allege: 'indict, put on trial')
    ("Peru's congress impeached the president on Friday.", "PER"),
    ("South Korea's parliament impeached the president.", "KOR"),
])
def test_an_impeachment_is_a_formal_charge(text, source):
    event = one(text, "ACCUSE")
    assert event.mode == "allege" and event.source_countries == (source,)


@pytest.mark.parametrize(("text", "source"), [
    # beating back an attack is fighting: both sides use force (PLOVER's two-sided ASSAULT)
    ("The Ivorian army repelled an attack on a border post.", "CIV"),
    ("Malian troops repulsed a jihadist assault on the town.", "MLI"),
    ("Rebels repelled an army offensive near Goma.", None),
])
def test_repelling_an_attack_is_fighting(text, source):
    event = one(text, "ASSAULT")
    if source is not None:
        assert source in event.source_countries


@pytest.mark.parametrize(("text", "source", "target"), [
    # a state's coast guard or navy vessels are its forces (either side of a sea dispute)
    ("Chinese coast guard vessels used water cannon against a Philippine supply boat.", "CHN", "PHL"),
    ("Philippine coast guard vessels used water cannon against a Chinese fishing boat.", "PHL", "CHN"),
    ("Russian naval vessels fired on a Ukrainian patrol boat.", "RUS", "UKR"),
    ("Ukrainian naval vessels fired on a Russian patrol boat.", "UKR", "RUS"),
])
def test_a_state_s_vessels_are_its_forces(text, source, target):
    event = one(text, "ASSAULT")
    assert event.source_countries == (source,) and event.target_countries == (target,)


@pytest.mark.parametrize(("text", "country", "mode"), [
    # dispersing a crowd with tear gas or water cannon is force (PLOVER ASSAULT crowd-control); without, COERCE
    ("Georgian riot police dispersed protesters with water cannon in Tbilisi.", "GEO", "crowd-control"),
    ("Serbian riot police dispersed protesters with tear gas in Belgrade.", "SRB", "crowd-control"),
    ("Kenyan police dispersed protesters with tear gas in Nairobi.", "KEN", "crowd-control"),
    ("Israeli police dispersed protesters with water cannon in Jerusalem.", "ISR", "crowd-control"),
])
def test_dispersing_a_crowd_with_a_weapon_is_force(text, country, mode):
    event = one_analysed(text, "ASSAULT")
    assert event.mode == mode and event.source_countries == (country,)


def test_dispersing_a_crowd_without_a_weapon_is_coercion():
    assert one("Police dispersed the protesters outside parliament.", "COERCE").mode == "restrict"


@pytest.mark.parametrize(("text", "backer"), [
    # 'X-backed': X backs the group, it is not the one struck (either side's backers)
    ("US forces struck Iranian-backed militia sites in Iraq.", "IRN"),
    ("Iranian forces struck US-backed militia sites in Syria.", "USA"),
    ("Russian jets bombed Turkish-backed rebel positions in Idlib.", "TUR"),
    ("Turkish drones struck Russian-backed militia positions near Tripoli.", "RUS"),
])
def test_the_backer_of_a_group_is_not_the_group_struck(text, backer):
    event = one_analysed(text, "ASSAULT")
    assert backer not in event.target_countries


@pytest.mark.parametrize("text", [
    # control of a town the tagger does not tag as a place (Aleppo read as a people's word) is still ground taken
    "The Syrian government regained control of Aleppo.",
    "Rebels seized control of Aleppo.",
    "Rebels retook control of Aleppo.",
    "Ukrainian forces regained control of Kupiansk.",
    "Russian forces seized control of Pokrovsk.",
])
def test_control_of_a_town_is_ground_taken(text):
    one(text, "ASSAULT")


def test_control_of_an_institution_is_no_ground():
    assert not [e for e in events_in("Democrats took control of the House.") if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "source"), [
    ("India's army said it had killed three infiltrators along the Line of Control.", "IND"),
    ("Pakistan's army said it had killed three infiltrators along the Line of Control.", "PAK"),
])
def test_infiltrators_killed_are_acted_on(text, source):
    assert one(text, "ASSAULT").source_countries == (source,)


@pytest.mark.parametrize("text", [
    "Farmers staged a sit-in outside the ministry.",
    "Students staged a sit-in at the university in Dhaka.",
])
def test_a_sit_in_is_a_protest(text):
    event = one(text, "PROTEST")
    assert event.mode == "demo" and event.trigger == "sit-in"


@pytest.mark.parametrize(("text", "mode"), [
    # a strike threatened by workers or their union is a walkout (THREATEN restrict), by armed men an attack
    ("The union threatened to strike if wages were not paid.", "restrict"),
    ("Doctors threatened to strike over unpaid salaries.", "restrict"),
    ("Teachers in Nairobi threatened to strike next week.", "restrict"),
    ("Rebels threatened to strike government posts.", "violence"),
])
def test_a_threatened_strike_is_a_walkout_when_workers_threaten_it(text, mode):
    assert one(text, "THREATEN").mode == mode


def test_a_strike_threatened_on_someone_stays_an_attack():
    assert one("Protesters threatened to strike the police.", "THREATEN").mode == "violence"


@pytest.mark.parametrize(("text", "target"), [
    # the one killed is the recipient, not the place the strike hit (either side)
    ("Israel killed a senior Hezbollah commander in an airstrike on Beirut.", "Hezbollah"),
    ("Hezbollah killed an Israeli soldier in a rocket attack on Metula.", "Israel"),
    ("Russia killed a Ukrainian general in a missile strike on Kyiv.", "Ukraine"),
    ("Ukraine killed a Russian general in a drone strike on Moscow.", "Russia"),
])
def test_the_one_killed_in_a_strike_on_a_place_is_the_recipient(text, target):
    assert one_analysed(text, "ASSAULT").targets == (target,)


@pytest.mark.parametrize(("text", "mode", "sources", "targets"), [
    # PLOVER's RETREAT: giving up weapons (disarm) or ground (withdraw), carried out; both sides of a front
    ("Forty army conscripts surrendered to Kurdish fighters near Hasakah.", "disarm", None, None),
    ("Russian soldiers surrendered to Ukrainian troops near Kharkiv.", "disarm", {"RUS"}, {"UKR"}),
    ("Ukrainian soldiers surrendered to Russian troops near Mariupol.", "disarm", {"UKR"}, {"RUS"}),
    ("Hundreds of militants surrendered to the Nigerian army in Borno.", "disarm", None, {"NGA"}),
    ("Rebels surrendered their weapons to the Congolese army.", "disarm", None, {"COD"}),
    ("Taliban fighters surrendered the town to Afghan forces.", "withdraw", None, {"AFG"}),
    ("Hundreds of Boko Haram members surrendered to Nigerian troops in Borno.", "disarm", None, {"NGA"}),
])
def test_forces_surrendering_retreat(text, mode, sources, targets):
    event = one_analysed(text, "RETREAT")
    assert event.mode == mode
    if sources is not None:
        assert set(event.source_countries) == sources
    if targets is not None:
        assert set(event.target_countries) == targets


@pytest.mark.parametrize("text", [
    "The team surrendered a two-goal lead in the second half.",
    "He surrendered his passport to the court.",
    "The singer surrendered to the music.",
])
def test_surrendering_a_lead_a_passport_or_to_a_mood_is_no_retreat(text):
    assert not [e for e in analyze(text).events if e.type == "RETREAT"]


@pytest.mark.parametrize(("text", "type_", "role", "country"), [
    # people defined by being away from home take no country from where the act happened; named, they keep theirs
    ("Settlers attacked Palestinian farmers near Nablus.", "ASSAULT", "source", ""),
    ("Israeli settlers attacked Palestinian farmers near Nablus.", "ASSAULT", "source", "ISR"),
    ("Police attacked migrants near Calais.", "ASSAULT", "target", ""),
    ("Border guards beat asylum seekers near Bihac.", "ASSAULT", "target", ""),
    ("Soldiers shot refugees near the border town of Maicao.", "ASSAULT", "target", ""),
    ("Police attacked Syrian refugees in Istanbul.", "ASSAULT", "target", "SYR"),
    ("Police attacked Venezuelan migrants in Cucuta.", "ASSAULT", "target", "VEN"),
    ("The government agreed to take in 10,000 refugees from Syria.", "AGREE", "target", "SYR"),  # an origin
    ("Settlers in the West Bank attacked Palestinian farmers.", "ASSAULT", "source", ""),
    ("Israeli troops mistakenly shot three hostages in Gaza.", "ASSAULT", "target", ""),
    ("Hamas released three hostages in Gaza.", "RETREAT", "target", ""),
    ("Refugees in Lebanon protested against the cuts.", "PROTEST", "source", ""),
    ("Syrian refugees in Lebanon protested against the cuts.", "PROTEST", "source", "SYR"),
    ("Israel released 30 Palestinian prisoners.", "RETREAT", "target", "PSE"),
    # people of the place keep taking its country
    ("Soldiers shot residents near the border town of Maicao.", "ASSAULT", "target", "COL"),
    ("Settlers attacked villagers near Nablus.", "ASSAULT", "target", "PSE"),
])
def test_people_away_from_home_take_no_country_from_the_place(text, type_, role, country):
    event = one_analysed(text, type_)
    countries = event.source_countries if role == "source" else event.target_countries
    assert countries[0] == country, (event.sources, event.targets, countries)


@pytest.mark.parametrize("text", [
    # where an accord is signed is no party to it, with one signer named or both
    "The two sides signed a peace agreement in Juba.",
    "The rebels signed a peace deal in Doha.",
    "Government and rebel negotiators signed a ceasefire in Addis Ababa.",
    "Israel and Jordan signed a water deal in Amman.",
    "The two governments signed a security pact in Abuja.",
])
def test_the_town_where_an_accord_is_signed_is_no_party(text):
    event = one_analysed(text, "SUPPORT", "AGREE")
    assert not {"SSD", "QAT", "ETH", "NGA"} & set(event.target_countries), (event.sources, event.targets)
    assert "Jordan" not in event.targets or "Jordan" in event.sources


def test_the_place_of_what_is_welcomed_is_its_recipient():
    assert one_analysed("The EU welcomed the elections in Kenya.", "SUPPORT").target_countries == ("KEN",)


@pytest.mark.parametrize("text", [
    # stones thrown at people, by either side: PLOVER ASSAULT with primitive weapons
    "Protesters pelted police with stones in Srinagar.",
    "Youths pelted soldiers with stones in Hebron.",
    "Settlers pelted Palestinian cars with stones near Ramallah.",
    "Supporters of the opposition pelted the police with rocks in Kinshasa.",
    "Two rival groups pelted stones at each other in Jos.",
])
def test_pelting_people_with_stones_is_an_assault(text):
    assert one_analysed(text, "ASSAULT").mode == "primitive"


def test_pelting_a_stage_with_flowers_is_no_assault():
    assert not [e for e in analyze("Fans pelted the stage with flowers.").events if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "sources", "targets"), [
    # one power warning another against an act, or to do something: a coercive warning (both sides of each pair)
    ("China warned the Philippines against further provocations in the South China Sea.", {"CHN"}, {"PHL"}),
    ("The Philippines warned China against further provocations in the South China Sea.", {"PHL"}, {"CHN"}),
    ("The United States warned Iran against attacking commercial shipping.", {"USA"}, {"IRN"}),
    ("Iran warned the United States against attacking its nuclear sites.", {"IRN"}, {"USA"}),
    ("Serbia warned Kosovo to stop its provocations in the north.", {"SRB"}, {"KOS"}),
    ("Kosovo warned Serbia to stop its provocations in the north.", {"KOS"}, {"SRB"}),
    ("Hezbollah warned Israel against expanding the war into Lebanon.", {"LBN"}, {"ISR"}),
    ("Israel warned Hezbollah against expanding the war into Israel.", {"ISR"}, {"LBN"}),
])
def test_a_power_warning_another_against_an_act_threatens_it(text, sources, targets):
    event = one_analysed(text, "THREATEN")
    assert (set(event.source_countries), set(event.target_countries)) == (sources, targets)


@pytest.mark.parametrize("text", [
    "The health ministry warned residents against drinking tap water.",
    "The State Department warned Americans against travel to Haiti.",
    "Doctors warned parents against giving children aspirin.",
    "The Kenyan interior ministry warned county officials to tighten security at polling stations.",  # its own
])
def test_advice_to_the_public_against_an_act_threatens_no_one(text):
    assert not [e for e in analyze(text).events if e.type == "THREATEN"]


@pytest.mark.parametrize("text", [
    # vowing revenge or retaliation threatens force (PLOVER THREATEN), whichever side vows it
    "Iran vowed revenge for the killing of its general.",
    "Israel vowed retaliation after the rocket attack.",
    "Hamas vowed to avenge the killing of its commander.",
    "The Ukrainian president pledged retaliation against Russia.",
    "The Russian president pledged retaliation against Ukraine.",
])
def test_vowing_revenge_is_a_threat(text):
    assert one_analysed(text, "THREATEN").mode == "violence"
    assert not [e for e in analyze(text).events if e.type == "AGREE"]


@pytest.mark.parametrize("text", [
    "The minister vowed to fight corruption.",
    "The governor vowed to fight crime in the capital.",
    "Fans vowed revenge after the defeat.",
])
def test_vowing_to_fight_a_vice_threatens_no_one(text):
    assert not [e for e in analyze(text).events if e.type == "THREATEN"]


@pytest.mark.parametrize("text", [
    # PLOVER CONSULT `phone`: calls by phone or another remote channel
    "Modi spoke with Zelensky by phone on Tuesday.",
    "Erdogan and Putin held a phone call on Friday.",
    "Blinken spoke by telephone with his Chinese counterpart.",
    "Macron talked to Netanyahu over the phone.",
    "Abbas talked to Netanyahu over the phone.",
])
def test_talks_by_phone_are_consultations_by_phone(text):
    assert one_analysed(text, "CONSULT").mode == "phone"


def test_a_meeting_in_a_capital_is_no_phone_call():
    assert one_analysed("Modi met Zelensky in Kyiv.", "CONSULT").mode != "phone"


@pytest.mark.parametrize("text", [
    # PLOVER's ASSAULT is deliberate: a harm told as unmeant is none ('mistakenly shot' is a shot aimed)
    "A pupil died in an accidental shooting at a school in Ohio.",
    "A soldier accidentally shot a comrade in Kandahar.",
    "A police officer inadvertently shot a bystander in Lagos.",
])
def test_an_unmeant_harm_is_no_assault(text):
    assert not [e for e in analyze(text).events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    # an investigation ordered is the orderer's (PLOVER: all investigations are ACCUSE investigate)
    "Attorney General Maria Lopez ordered an investigation of abuse in the diocese.",
    "The president ordered an inquiry into the killings.",
])
def test_an_ordered_investigation_is_the_orderer_s(text):
    event = one_analysed(text, "ACCUSE")
    assert event.mode == "investigate" and event.sources and not [e for e in analyze(text).events
                                                                   if e.type == "REQUEST"]


@pytest.mark.parametrize("text", [
    # awaited or hoped for, not done
    "The witness will not testify until the police investigate the threats against her.",
    "Activists hope that the UN investigates the massacre.",
    "The talks will resume once Israel withdraws its troops.",
])
def test_an_act_awaited_or_hoped_for_is_hypothetical(text):
    assert all(e.hypothetical for e in analyze(text).events if e.type in ("ACCUSE", "RETREAT"))
    assert [e for e in analyze(text).events if e.type in ("ACCUSE", "RETREAT")]


def test_an_act_before_another_in_the_past_is_done():
    event = one_analysed("Police arrested him before he fled the country.", "COERCE")
    assert not event.hypothetical


@pytest.mark.parametrize(("text", "type_", "negated"), [
    # ruling out an act refuses it (REJECT) or says it will not happen; ruling out a cause or a diagnosis is none
    ("Israel ruled out a ceasefire in Gaza.", "REJECT", False),
    ("Hamas ruled out talks with Israel.", "REJECT", False),
    ("The agency has ruled out investigating the allegation.", "ACCUSE", True),
    ("The president ruled out resigning.", "RETREAT", True),
])
def test_an_act_ruled_out_is_refused(text, type_, negated):
    assert one_analysed(text, type_).negated is negated


@pytest.mark.parametrize("text", ["Police ruled out foul play.", "The doctors ruled out cancer."])
def test_ruling_out_a_cause_is_no_event(text):
    assert not analyze(text).events


@pytest.mark.parametrize("text", [
    "Trump's lawyers said the president was not ordering the inquiry closed.",
    "The governor's lawyers, Anna Berg and Tomas Lind, said in a telephone interview that the governor was not "
    "ordering the inquiry closed but simply expressing her opinion on social media.",
])
def test_an_order_about_what_becomes_of_an_inquiry_is_no_investigation(text):
    assert not [e for e in analyze(text).events if e.type == "ACCUSE"]


@pytest.mark.parametrize(("text", "type_"), [
    # votes, seats or a title captured are won, no one is taken; people or a town captured are
    ("The ruling party captured 60 percent of the vote.", None),
    ("The opposition captured 120 seats in parliament.", None),
    ("Rebels captured 30 soldiers near Goma.", "ASSAULT"),
])
def test_capturing_votes_is_no_capture(text, type_):
    assert {e.type for e in analyze(text).events} == ({type_} if type_ else set())
