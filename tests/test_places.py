"""Place extraction: detection and disambiguation on sentences written for these tests, and the seed."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from presslens.core.nlp import parse
from presslens.core.schema import Analysis, Article, Place
from presslens.places.extract import extract_places, resolve_spans
from presslens.places.geojson import analysis_geojson, place_feature


def km(lat1, lon1, lat2, lon2) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def places_of(text: str) -> list[Place]:
    return extract_places(parse(text))


def place_named(text: str, mention: str) -> Place:
    found = [p for p in places_of(text) if mention in p.text]
    assert found, f"{mention!r} not found in {[p.text for p in places_of(text)]}"
    return found[0]


@pytest.mark.parametrize("text, mention, country, feature", [
    ("Protesters gathered in Lebanon on Sunday.", "Lebanon", "LB", "country"),
    ("Jordan closed its border with Syria after the clashes.", "Jordan", "JO", "country"),
    ("Officials in Tbilisi said Georgia would not join the talks with Russia.", "Georgia", "GE", "country"),
    ("Heavy rain fell across Georgia, where Atlanta and Savannah flooded.", "Georgia", "US", "admin1"),
    ("The fair is held in Paris, Texas, every spring.", "Paris", "US", "city"),
    ("She moved to Paris last year to study in France.", "Paris", "FR", "city"),
    ("The county fair opened in Springfield, Ill., on Saturday.", "Ill.", "US", "admin1"),
    ("Soldiers entered the Northern West Bank overnight.", "West Bank", "PS", "region"),
    ("Settlers call the area Judea and Samaria.", "Judea and Samaria", "PS", "region"),
    ("Heavy fighting was reported in Donbas and near Crimea.", "Donbas", "UA", "region"),
    ("Washington and Moscow traded accusations again.", "Moscow", "RU", "city"),
    ("The Lebanese army deployed near the border.", "Lebanese", "LB", "country"),
    ("Flooding closed the road in Walker County on Monday.", "Walker County", "US", "admin2"),
])
def test_places_resolved_in_context(text, mention, country, feature):
    place = place_named(text, mention)
    assert (place.country, place.feature) == (country, feature)
    assert text[place.start:place.end] == place.text


@pytest.mark.parametrize("text, mention, lat, lon, tolerance", [
    ("The fair is held in Paris, Texas, every spring.", "Paris", 33.66, -95.56, 30),
    ("Worshippers gathered at the Al-Aqsa Mosque.", "Al-Aqsa Mosque", 31.776, 35.236, 5),
    ("Worshippers gathered at the Temple Mount.", "Temple Mount", 31.778, 35.235, 5),
    ("Worshippers gathered at the Haram al-Sharif.", "Haram al-Sharif", 31.778, 35.235, 5),
    ("Settlers call the area Judea and Samaria.", "Judea and Samaria", 31.9, 35.2, 60),
])
def test_places_have_coordinates(text, mention, lat, lon, tolerance):
    place = place_named(text, mention)
    assert km(place.lat, place.lon, lat, lon) <= tolerance


@pytest.mark.parametrize("frame", ["Officials visited {} on Monday.", "Talks about {} resumed in the spring."])
@pytest.mark.parametrize("first, second", [
    ("the West Bank", "Judea and Samaria"),
    ("the Temple Mount", "Haram al-Sharif"),
    ("the Persian Gulf", "the Arabian Gulf"),
    ("Nagorno-Karabakh", "Artsakh"),
])
def test_each_side_names_the_same_place(frame, first, second):
    a, b = places_of(frame.format(first)), places_of(frame.format(second))
    assert len(a) == len(b) == 1
    assert (a[0].name, a[0].lat, a[0].lon, a[0].country) == (b[0].name, b[0].lat, b[0].lon, b[0].country)


@pytest.mark.parametrize("text", [
    "Michael Jordan scored twenty points for the Bulls.",
    "The Police said the suspect fled on foot.",
    "March was a cold month for everyone.",
    "Ever since, he has stayed at home.",
    "Paris Hilton arrived late to the party.",
])
def test_no_place_in_sentences_without_one(text):
    assert places_of(text) == []


@pytest.mark.parametrize("text, mention, country", [
    ("Shelling killed three people in Gao on Monday.", "Gao", "ML"),
    ("Clashes erupted in Jos after the vote.", "Jos", "NG"),
    ("Fighting near Wau continued for a third day.", "Wau", "SS"),
    ("Shelling killed three people in Yei on Monday.", "Yei", "SS"),
])
def test_a_short_town_name_after_a_place_preposition_is_the_town(text, mention, country):
    """Names of three letters or fewer are read elsewhere only in capitals ('US'); after 'in' or 'near', one
    written exactly as a town of some size writes its own is that town."""
    assert place_named(text, mention).country == country


@pytest.mark.parametrize("text", ["In God we trust, the banner said.", "The meeting in May was cancelled.",
                                  "She was born in Ohio and grew up in Ed's house."])
def test_a_short_word_after_in_is_no_town_unless_written_as_the_town_is(text):
    assert all(len(p.text) > 3 for p in places_of(text)), [p.text for p in places_of(text)]


@pytest.mark.parametrize("text, absent", [
    ("The Kremlin said talks in Istanbul would resume.", "Kremlin"),
    ("Senator Georgia Clark spoke in Denver on Friday.", "Georgia"),
])
def test_names_that_are_not_places_here(text, absent):
    texts = [p.text for p in places_of(text)]
    assert texts and absent not in " ".join(texts)


def test_one_name_one_place_per_article():
    text = "Paris, Texas, held a vote. Turnout in Paris was high, officials in Paris said."
    resolved = {(p.lat, p.lon) for p in places_of(text) if p.text == "Paris"}
    assert len(resolved) == 1 and km(*resolved.pop(), 33.66, -95.56) < 30


def test_resolve_spans_resolves_given_mentions_in_order():
    text = "Trucks drove from Amman to Beirut, then on to Springfield, Ill."
    spans = [(text.index("Springfield"), text.index("Springfield") + len("Springfield")),
             (text.index("Amman"), text.index("Amman") + 5), (text.index("Beirut"), text.index("Beirut") + 6)]
    places = resolve_spans(parse(text), spans)
    assert [p.text for p in places] == ["Springfield", "Amman", "Beirut"]
    assert [p.country for p in places] == ["US", "JO", "LB"]


def test_resolve_spans_leaves_unknown_names_unresolved():
    text = "They met in Qwzxburg last week."
    start = text.index("Qwzxburg")
    (place,) = resolve_spans(parse(text), [(start, start + 8)])
    assert place.text == "Qwzxburg" and place.lat is None and place.name is None


@pytest.mark.parametrize("text, name, town", [
    ("The reading was held at Terra Kulture in Lagos.", "Terra Kulture", "Lagos"),
    ("He won his home race at Thruxton, near Andover.", "Thruxton", "Andover"),
    ("She visited the complaints office of the Qwzx People's Court in Beijing.", "Qwzx People's Court", "Beijing"),
])
def test_a_given_name_the_gazetteer_lacks_lies_in_the_place_the_text_puts_it(text, name, town):
    spans = [(text.index(name), text.index(name) + len(name)), (text.index(town), text.index(town) + len(town))]
    inner, outer = resolve_spans(parse(text), spans)
    assert (inner.lat, inner.lon) == (outer.lat, outer.lon) and inner.basis == f"within {town}", inner


def test_a_name_the_gazetteer_lacks_in_a_list_of_places_is_not_placed_in_the_next_one():
    text = "Rockets hit Qwzxburg, Sderot and Ashkelon."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Qwzxburg", "Sderot")]
    unknown, _ = resolve_spans(parse(text), spans)
    assert unknown.lat is None, unknown


def test_geojson_features_are_points_in_lon_lat_order():
    text = "Protesters gathered in Lebanon and in Qwzxburg Square."
    places = tuple(places_of(text))
    analysis = Analysis(article=Article(id="a1", text=text, date="2024-05-01"), places=places)
    collection = analysis_geojson(analysis)
    assert collection["type"] == "FeatureCollection"
    located = [p for p in places if p.lat is not None]
    assert len(collection["features"]) == len(located) >= 1
    feature = collection["features"][0]
    assert feature["geometry"]["coordinates"] == [located[0].lon, located[0].lat]
    assert feature["properties"]["article_id"] == "a1" and feature["properties"]["country"] == "LB"
    assert place_feature(Place(start=0, end=3, text="Nowhere")) is None


def test_seed_places(seed_analysis, seed_expected):
    places = seed_analysis.places
    for item in seed_expected["places"]:
        covering = [p for p in places if item["contains"] in p.text or p.text in item["contains"]]
        assert covering, item["contains"]
        ok = [p for p in covering if item.get("country") in (None, p.country) and (
            "lat" not in item or (p.lat is not None and km(p.lat, p.lon, item["lat"], item["lon"]) <= item["tolerance_km"]))]
        assert ok, (item, covering)


def test_places_command_exports_geojson(tmp_path):
    from typer.testing import CliRunner

    from presslens.cli import app
    from presslens.store.sqlite import Store

    text = "Protesters gathered in Lebanon while Qwzxburg stayed calm."
    db = tmp_path / "news.sqlite"
    with Store(db) as store:
        store.add(Analysis(article=Article(id="a1", text=text, date="2024-05-01"), places=tuple(places_of(text))))
    out = tmp_path / "places.geojson"
    result = CliRunner().invoke(app, ["places", "--db", str(db), "--geojson", str(out)])
    assert result.exit_code == 0, result.output
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["text"] for f in features] == ["Lebanon"]
    assert features[0]["properties"]["article_id"] == "a1"
    listed = CliRunner().invoke(app, ["places", "--db", str(db), "--json"])
    assert [row["text"] for row in json.loads(listed.output)] == ["Lebanon"]
    missing = CliRunner().invoke(app, ["places", "--db", str(tmp_path / "absent.sqlite")])
    assert missing.exit_code != 0


# --- everyday news: prominence, people and institutions, metonyms, basis (issue 12) ------------
@pytest.mark.parametrize("text, mention, country", [
    ("The White House said Florida would get federal aid after the hurricane.", "Florida", "US"),
    ("Floods in Punjab destroyed crops, Pakistani officials said.", "Punjab", "PK"),
    ("Farmers from Punjab marched towards New Delhi.", "Punjab", "IN"),
    ("42 people were killed in strikes on Rafah, the health ministry said.", "Rafah", "PS"),
    ("M23 rebels seized Goma, the largest city in eastern Congo.", "Goma", "CD"),
    ("Airstrikes hit the port of Hodeidah on Monday.", "Hodeidah", "YE"),
    ("Rebel fighters entered Aleppo on Friday.", "Aleppo", "SY"),
    ("Congolese forces attacked Kigali overnight.", "Kigali", "RW"),
    ("Rwandan forces attacked Kinshasa overnight.", "Kinshasa", "CD"),
    ("Kosovar forces shelled Novi Sad.", "Novi Sad", "RS"),
    ("Serbian forces shelled Prizren.", "Prizren", "XK"),
    # press names the packaged tables hold only as another town's alternate name, or not at all
    ("Islamic State fighters were driven out of Palmyra in March.", "Palmyra", "SY"),
    ("The convoy was ambushed on the road 30 kilometres from Palmyra.", "Palmyra", "SY"),
    ("Clashes broke out in Qamishli between Kurdish and government forces.", "Qamishli", "SY"),
    ("Shelling hit Eastern Ghouta for a third day.", "Eastern Ghouta", "SY"),
])
def test_prominent_places_whatever_the_tagger_calls_them(text, mention, country):
    place = place_named(text, mention)
    assert place.country == country
    assert place.basis in {"containment", "only entry", "context country", "context", "prominence"}


@pytest.mark.parametrize("text, mention, country", [
    ("Farmers in Western Pennsylvania fear another dry summer.", "Pennsylvania", "US"),
    ("Shelling hit villages in Southern Lebanon on Monday.", "Lebanon", "LB"),
    ("Rockets landed in Northern Israel on Monday.", "Israel", "IL"),
    ("Power cuts spread across Eastern Ukraine overnight.", "Ukraine", "UA"),
    ("Power cuts spread across Western Russia overnight.", "Russia", "RU"),
    ("Police said the shooting happened in South Philadelphia.", "Philadelphia", "US"),
    ("Tornadoes touched down in Northeast Texas late Friday.", "Texas", "US"),
    ("Rents keep rising in Metro Vancouver, the survey found.", "Vancouver", "CA"),
])
def test_a_compass_qualifier_is_read_with_the_place_but_not_part_of_its_name(text, mention, country):
    """'Western Pennsylvania' is a mention of Pennsylvania: the record spans the name, resolved as it."""
    found = places_of(text)
    assert [(p.text, p.country) for p in found] == [(mention, country)]


@pytest.mark.parametrize("text, mention, country", [
    ("A Florida Highway Patrol trooper stopped the car near Ocala.", "Florida", "US"),
    ("The case went to U.S. District Court in Miami.", "U.S.", "US"),
    ("The Walker County Sheriff said two men were arrested.", "Walker County", "US"),
    ("Dublin City Council voted to close the road.", "Dublin", "IE"),
    ("Belfast City Council voted to close the road.", "Belfast", "GB"),
    ("Kansas City Council voted to close the road.", "Kansas City", "US"),
    ("Tourists crowded Quebec City in July.", "Quebec City", "CA"),
])
def test_a_place_inside_an_office_name_spans_the_place_alone(text, mention, country):
    """'Highway' and 'District' belong to the office ('Florida Highway Patrol'); 'City' after a
    city's own name is generic ('Dublin City Council') unless it tells the city from a division
    ('Quebec City', 'Kansas City'); a county's name carries its word ('Walker County Sheriff')."""
    assert [(p.text, p.country) for p in places_of(text)][:1] == [(mention, country)]


@pytest.mark.parametrize("text, name, country", [
    ("Coal mines in West Virginia are closing.", "West Virginia", "US"),
    ("Talks on South Sudan resumed in Addis Ababa.", "South Sudan", "SS"),
    ("North Korea fired a missile on Monday.", "North Korea", "KP"),
    ("Refugees crossed from the Central African Republic into Chad.", "Central African Republic", "CF"),
    ("Voters in East Timor went to the polls.", "East Timor", "TL"),
    ("The river flooded parts of South Bend, Indiana.", "South Bend", "US"),
])
def test_a_place_whose_name_begins_with_a_compass_word_keeps_it(text, name, country):
    assert place_named(text, name).text == name and place_named(text, name).country == country


@pytest.mark.parametrize("text, mention, country", [
    ("Kherson residents queued for water on Monday.", "Kherson", "UA"),
    ("Belgorod residents queued for water on Monday.", "Belgorod", "RU"),
    ("Tulkarm residents queued for water on Monday.", "Tulkarm", "PS"),
    ("Sderot residents queued for water on Monday.", "Sderot", "IL"),
    ("Roselle police ticketed hundreds of drivers last month.", "Roselle", "US"),
    ("A vulnerable Hounslow resident was harassed by two men.", "Hounslow", "GB"),
    ("The mother is Sligo-based.", "Sligo", "IE"),
])
def test_a_name_modifying_a_place_s_people_or_officers_is_the_place(text, mention, country):
    assert place_named(text, mention).country == country


@pytest.mark.parametrize("text", ["Clinton voters waited for hours.", "Trump supporters gathered outside."])
def test_a_person_s_supporters_name_no_place(text):
    assert places_of(text) == []


def test_a_division_that_would_hold_another_name_of_the_article_is_meant():
    """'Albany' can lie in Georgia, so 'Georgia' beside it is the US state and Albany the Georgian town."""
    text = "An Albany police SWAT team and Georgia Bureau of Investigation agents raided the home."
    georgia, albany = place_named(text, "Georgia"), place_named(text, "Albany")
    assert (georgia.country, georgia.feature) == ("US", "admin1")
    assert albany.country == "US" and abs(albany.lat - 31.58) < 0.5


@pytest.mark.parametrize("text, pairs", [
    ("The DPRK and the ROK agreed to resume talks.", [("DPRK", "KP"), ("ROK", "KR")]),
    ("The PRC and the ROC traded accusations.", [("PRC", "CN"), ("ROC", "TW")]),
])
def test_official_abbreviations_of_states_name_them_on_each_side(text, pairs):
    assert [(p.text, p.country) for p in places_of(text)] == pairs


@pytest.mark.parametrize("text, river", [
    ("Ukrainian troops crossed the Dnipro River near Kherson.", "Dnipro River"),
    ("Russian troops crossed the Dnieper near Kherson.", "Dnieper"),
    ("Farmers protested over sharing the Cauvery waters.", "Cauvery"),
    ("Barges moved along the Danube.", "Danube"),
    ("Flooding along the Yangtze displaced thousands.", "Yangtze"),
    ("Fishermen on the Mekong River reported low water.", "Mekong River"),
    ("Militants retreated across the Euphrates River.", "Euphrates River"),
])
def test_major_rivers_are_places(text, river):
    place = place_named(text, river)
    assert (place.text, place.feature, place.lat is not None) == (river, "water", True)


@pytest.mark.parametrize("text, name, feature", [
    ("Shelling hit Dnipro overnight.", "Dnipro", "city"),
    ("Voters in Mississippi went to the polls.", "Mississippi", "admin1"),
])
def test_a_town_or_state_named_like_a_river_stays_itself(text, name, feature):
    assert place_named(text, name).feature == feature


@pytest.mark.parametrize("text, street", [
    ("Police found the car on Marystown Road late Friday.", "Marystown Road"),
    ("Crowds gathered on Khreshchatyk Street in Kyiv.", "Khreshchatyk Street"),
    ("Crowds gathered on Tverskaya Street in Moscow.", "Tverskaya Street"),
    ("The shop at 208 Routon St. was closed.", "Routon St."),
])
def test_a_street_after_a_place_preposition_or_a_house_number_is_a_place(text, street):
    assert place_named(text, street).text == street


@pytest.mark.parametrize("text, street, town, country", [
    ("Crowds gathered on Tverskaya Street in Moscow.", "Tverskaya Street", "Moscow", "RU"),
    ("Crowds gathered on Khreshchatyk Street in Kyiv.", "Khreshchatyk Street", "Kyiv", "UA"),
    ("A service will be held at 508 Cumberland St., Lebanon, Pa.", "Cumberland St.", "Lebanon", "US"),
])
def test_a_street_lies_in_the_town_the_text_puts_it(text, street, town, country):
    place, where = place_named(text, street), place_named(text, town)
    assert (place.country, place.lat, place.lon) == (country, where.lat, where.lon)
    assert place.basis == f"within {where.name}"


def test_an_abbreviated_street_keeps_its_point_and_its_town():
    """The tokenizer splits 'Ave.' into 'Ave' and '.': the point belongs to the name, and 'in' still follows it."""
    place = place_named("He lives on Lafayette Ave. in Brooklyn.", "Lafayette")
    assert place.text == "Lafayette Ave." and place.basis == "within Brooklyn"


def test_a_street_the_text_puts_nowhere_has_no_coordinates():
    """'Oxford Road' is named after Oxford but may lie in any town: no point is better than a wrong one."""
    place = place_named("Protesters marched down Oxford Road on Sunday.", "Oxford Road")
    assert (place.lat, place.lon) == (None, None)


@pytest.mark.parametrize("text, name", [
    ("Marvin F. Lane of Virginia spoke at the meeting.", "Lane"),
    ("The band played Penny Lane twice.", "Penny Lane"),
])
def test_a_person_or_a_song_named_like_a_street_is_no_place(text, name):
    assert not [p for p in places_of(text) if name in p.text]


@pytest.mark.parametrize("text, word", [
    ("The visitors could not get through Police Union's tight defence. Riot police watched the fans.", "Police"),
    ("A service will be held Monday at the Brenner Funeral Home, 12 Mill St., Alton. "
     "Friends may call at the home on Sunday.", "Home"),
    ("The vote was cast by Vice Mayor Ray Tolland, who said the vice of the plan was its cost.", "Vice"),
    ("Two houses on Monument Avenue are for sale. Monument For Sale.", "Sale"),
])
def test_a_town_named_like_a_word_the_article_uses_as_a_word_is_that_word(text, word):
    assert not [p for p in places_of(text) if p.text == word]


@pytest.mark.parametrize("text, town", [
    ("Noise complaint ends in arrest. CROMWELL — Police said the issue had been resolved.", "CROMWELL"),
    ("Suspect struck by car. ROSWELL - A man police say took a bracelet was hit.", "ROSWELL"),
])
def test_a_dateline_after_a_headline_on_the_same_line_names_its_town(text, town):
    assert place_named(text, town).feature == "city"


def test_a_word_in_capitals_before_a_dash_inside_a_paragraph_is_no_dateline_without_a_place():
    assert places_of("He said it plainly. NO — we will not go.") == []


@pytest.mark.parametrize("text, town, country", [
    ("Oksana Marchenko, 34, of Irpin, was among the wounded.", "Irpin", "UA"),
    ("Dmitry Volkov, 51, of Shebekino, was among the wounded.", "Shebekino", "RU"),
    ("Amal Haddad, 29, of Deir al-Balah, was among the wounded.", "Deir al-Balah", "PS"),
    ("Noa Levi, 29, of Sderot, was among the wounded.", "Sderot", "IL"),
    ("Authorities said Rebecca Sears, 41, of Grovetown, planned the theft.", "Grovetown", "US"),
    ("Terry McAuliffe of McLean spoke first.", "McLean", "US"),
])
def test_of_and_a_town_after_a_person_is_where_they_live(text, town, country):
    assert place_named(text, town).country == country


def test_of_and_a_firm_after_a_person_is_no_place():
    assert places_of("Analyst Tom Hale of Morgan Stanley said so.") == []


@pytest.mark.parametrize("text, name, country, feature", [
    ("Officials are engaging with the United States and with Mexico.", "Mexico", "MX", "country"),
    ("Lamar County sales tax is booming. Paris showed a 22 percent increase in January.", "Paris", "US", "city"),
    ("Mary Ann from a cake studio in Tacoma, Washington shares tips for decorating.", "Washington", "US", "admin1"),
    ("Ottawa said it would respond to the tariffs.", "Ottawa", "CA", "city"),
])
def test_a_name_read_as_its_government_keeps_the_place_the_text_means(text, name, country, feature):
    """A country stays the country, a town the article places in its county stays that town, a state
    holding a town stays the state; only a capital's name standing alone is the seat of government."""
    place = place_named(text, name)
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize("text, word", [
    ("Under pressure from the union's allies in Congress, the government backed out.", "Congress"),
    ("Members of the Knesset and of the Rada met in Vilnius.", "Rada"),
    ("Michael Haltzel, a former adviser to Vice President Joseph Biden, spoke.", "Vice"),
    ("The rulings ran from Plessy v. Ferguson to Brown v. Board of Education.", "Brown"),
    ("The case is U.S. v. Chen, heard in Boston.", "Chen"),
    ("Many African-Americans take the controversy personally.", "Americans"),
    ("Many African-Americans take the controversy personally.", "African"),
    ("Rep. Bobby Scott spoke first. A scholar in Scott's district said so.", "Scott"),
    ("Alicia Machado spoke on Friday. Trump attacked Machado in early-morning tweets.", "Machado"),
    ("Clinton kept the details under wraps, The Post has learned.", "The Post"),
    ("He dislikes the term 'African American outreach'.", "American"),
    ("With the Ukrainian and Lithuanian American communities it approaches 9 percent.", "Ukrainian"),
    ("Hillary Clinton spoke. Mike Schmidt, an adviser at the Clinton campaign, said so.", "Clinton"),
])
def test_bodies_titles_court_parties_peoples_and_people_are_no_towns(text, word):
    assert not [p for p in places_of(text) if p.text == word]


@pytest.mark.parametrize("text, names", [
    ("The case is U.S. v. Chen, heard in Boston.", ["U.S.", "Boston"]),
    ("It was the anniversary of Israeli-Egyptian peace.", ["Israeli", "Egyptian"]),
    ("Ukrainian and Russian troops clashed near the river.", ["Ukrainian", "Russian"]),
    ("Rethinking Egypt-US relations. The aid has helped rebuild Egypt's infrastructure.", ["US", "Egypt"]),
    ("Protesters gathered in Jordan. Michael Jordan spoke later.", ["Jordan"]),
])
def test_a_state_as_party_a_relation_between_peoples_and_a_well_known_country_stay_places(text, names):
    assert [p.text for p in places_of(text)] == names


@pytest.mark.parametrize("text, name, feature", [
    ("A bomb went off in New York on Saturday.", "New York City", "city"),
    ("Voters in New York state backed the measure.", "New York", "admin1"),
    ("New York Gov. Andrew Cuomo spoke first.", "New York", "admin1"),
    ("Albany, New York, is the state capital.", "New York", "admin1"),
    ("Punjab Governor Salman Taseer spoke first.", "Punjab", "admin1"),
])
def test_bare_new_york_is_the_city_and_a_state_office_or_a_comma_makes_it_the_state(text, name, feature):
    place = place_named(text, "New York" if "New York" in text else name)
    assert (place.name, place.feature) == (name, feature)


def test_names_before_a_lower_case_counties_are_counties():
    text = "Families from Camden and Charlton counties in Georgia and Nassau and Baker counties in Florida took part."
    found = {p.text: (p.name, p.feature, p.country) for p in places_of(text)}
    assert found["Baker"] == ("Baker County", "admin2", "US") and found["Charlton"][0] == "Charlton County"
    assert found["Georgia"][2] == "US"
    assert abs(place_named(text, "Camden").lat - 30.85) < 0.5  # Camden County, Georgia, not New Jersey


def test_a_short_word_in_capitals_amid_ordinary_text_is_an_acronym_not_a_village():
    """'NATO' is no Nato, Philippines; a dateline in capitals still names its town."""
    assert [p.text for p in places_of("Relations between NATO and Tunisia seemed solid.")] == ["Tunisia"]
    assert place_named("AMES, Iowa — The council met on Monday.", "AMES").name == "Ames"


@pytest.mark.parametrize("text, word", [
    ("During the vigil on Holy Saturday, March 31, at the Manila Cathedral, the cardinal spoke.", "March"),
    ("The talks ended on 12 May at the Corinthia Hotel in Tripoli.", "May"),
    ("Sheikh Hamdan, Vice-President of the council, attended.", "Vice"),
    ("Safety was stressed on St. Patrick's Day.", "St. Patrick"),
    ("Crowds marched on Independence Day in Kyiv.", "Independence"),
])
def test_a_month_beside_a_day_a_feast_or_a_word_hyphened_to_a_title_is_no_town(text, word):
    assert not [p for p in places_of(text) if p.text == word]


def test_a_town_named_like_a_word_stays_a_town_where_the_article_does_not_use_the_word():
    assert place_named("The plant in Commerce, Texas, will close next year.", "Commerce").country == "US"


@pytest.mark.parametrize("text, name", [
    ("Paris Hilton testified before a committee on Tuesday.", "Paris"),
    ("The US withdrew from the Obama-era nuclear deal with Iran.", "Obama"),  # tagged a date with '-era'
    ("Chelsea Clinton spoke at the convention. Clinton said the party was united.", "Clinton"),
    ("Lorraine Kelly interviewed Tom Jordan about his book. Jordan said it took years.", "Jordan"),
    ("“They left to find work,” Petrova said.", "Petrova"),  # a village's name, tagged a place by spaCy
    # a name described as a person by its appositive ('X, the ... coordinator') is that person
    ("Kenzo Oshima, the United Nations relief coordinator, demanded that aid reach the camps.", "Oshima"),
    ("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded that aid reach the camps.", "Oshima"),
    ("Ama Kumasi, the party's spokeswoman, denied the report.", "Kumasi"),
    ("The report was written by Sergei Odessky, a Russian economist.", "Odessky"),
    ("The report was written by Taras Kherson, a Ukrainian economist.", "Kherson"),
    ("Mariam Homs, the head of the aid group, said the road was closed.", "Homs"),
    pytest.param("Lord pushes Levi around in a crate. Levi is his service dog.", "Levi", marks=pytest.mark.xfail(
        strict=True, reason="'Levi', an alternate name of Lévis, tagged a person and an object, is kept like "
        "'struck Khan Younis' (an alternate spelling): telling a dog from a town needs more than the parse")),
])
def test_people_named_like_places_are_not_places(text, name):
    assert not [p for p in places_of(text) if name in p.text]


@pytest.mark.parametrize("text, name", [
    ("Goma, the capital of North Kivu, fell to the rebels.", "Goma"),
    ("Kherson, the only regional capital taken, was retaken in November.", "Kherson"),
    ("The talks were held in Doha, the Qatari capital.", "Doha"),
    ("AMRITSAR, India \u2014 Farmers in Punjab blocked railway lines for a second day.", "AMRITSAR"),
    ("Rep. Charles Rangel, D-N.Y., chairman of the Ways and Means Committee, said he expected a vote.", "N.Y."),
    ("Rep. Nick Rahall, D-W. Va., chairman of the House Natural Resources Committee, backed the bill.", "W. Va."),
    ("BY KENT MALLETT Advocate Reporter March 30, 2009 NEWARK -- Home sales have not yet recovered.", "NEWARK"),
    ("KHERSON, Ukraine \u2014 Farmers in the region lost their harvest to the shelling.", "KHERSON"),
    ("\u201cIn Tulsa, an unarmed man with his hands in the air,\u201d she said.", "Tulsa"),
    ("\u201cIn Kherson, an unarmed man with his hands in the air,\u201d he said.", "Kherson"),
])
def test_a_place_described_by_its_appositive_stays_a_place(text, name):
    assert [p for p in places_of(text) if name in p.text]


def test_places_inside_an_institution_name_are_marked_not_literal():
    places = places_of("Students at George Washington University held a vigil on Tuesday night.")
    assert places and all(p.sense == "name" for p in places)
    analysis = Analysis(article=Article(id="a", text="x"), places=tuple(places))
    assert analysis_geojson(analysis)["features"] == []


@pytest.mark.parametrize("text, capitals", [
    ("Kyiv accused Moscow of shelling civilian areas overnight.", {"Kyiv", "Moscow"}),
    ("Washington and Beijing agreed to resume military talks.", {"Washington", "Beijing"}),
    ("Brussels warned Budapest that funds would be frozen.", {"Brussels", "Budapest"}),
    ("Norway imposed sanctions, accusing Moscow of allowing its trawlers to fish illegally.", {"Moscow"}),
    ("Russia imposed sanctions, accusing Oslo of allowing its trawlers to fish illegally.", {"Oslo"}),
    ("The Ukrainian president thanked Warsaw for its help.", {"Warsaw"}),
    ("The Polish president thanked Kyiv for its help.", {"Kyiv"}),
])
def test_capitals_named_for_their_governments_are_metonyms_alike(text, capitals):
    senses = {p.text: p.sense for p in places_of(text)}
    assert {c: senses.get(c) for c in capitals} == {c: "metonym" for c in capitals}


def test_a_capital_where_something_happens_stays_literal():
    place = place_named("Thousands marched in Moscow and in Kyiv on Sunday.", "Moscow")
    assert place.sense == "literal"


def test_containment_is_the_basis_after_a_comma():
    place = place_named("Residents of Melbourne, Florida, were told to boil their water.", "Melbourne")
    assert place.country == "US" and place.basis == "containment"


def test_a_capital_named_for_its_government_is_that_capital():
    place = place_named("Ottawa said it would impose tariffs on American steel.", "Ottawa")
    assert (place.country, place.sense, place.basis) == ("CA", "metonym", "seat of government")


@pytest.mark.parametrize("text, capitals", [
    ("Seoul lodged a protest with Tokyo over the fishing dispute.", {"Seoul", "Tokyo"}),
    ("Ankara and Cairo restored ties under a deal brokered by Doha.", {"Ankara", "Cairo", "Doha"}),
    ("Warsaw said it would buy tanks from Seoul and Washington.", {"Warsaw", "Seoul", "Washington"}),
])
def test_capitals_as_partners_agents_and_givers_are_metonyms_alike(text, capitals):
    senses = {p.text: p.sense for p in places_of(text)}
    assert {c: senses.get(c) for c in capitals} == {c: "metonym" for c in capitals}


def test_flights_from_a_capital_leave_it_literal():
    assert place_named("Tokyo said flights from London were cancelled.", "London").sense == "literal"


@pytest.mark.parametrize("text, name", [
    ("The Washington Post reported that the deal had collapsed.", "Washington"),
    ("The European Commission fined the company 1.8 billion euros.", "European"),
])
def test_place_words_in_an_institution_with_the_are_names(text, name):
    assert all(p.sense != "literal" for p in places_of(text) if name in p.text)


def test_a_building_speaking_for_its_occupants_is_no_literal_place():
    assert all(p.sense != "literal" for p in places_of("The White House said the talks would go on.")
               if "White House" in p.text)


def test_a_village_the_gazetteer_lacks_is_placed_within_its_named_division():
    place = place_named("Gunmen abducted 40 pupils from a school in Kuriga, Kaduna state, police said.", "Kuriga")
    assert place.country == "NG" and place.basis.startswith("within ")
    assert km(place.lat, place.lon, 10.5, 7.4) < 161


@pytest.mark.parametrize("text, mention, country", [
    ("Nablus and Tulkarm were placed under curfew, residents said.", "Tulkarm", "PS"),
    ("Ukrainian troops withdrew from Avdiivka, the army chief said.", "Avdiivka", "UA"),
    ("Rescuers pulled 41 migrants from the sea off the coast of Lampedusa.", "Lampedusa", "IT"),
    # a town the small tagger reads as a date ('Manbij on Sunday' tagged DATE)
    ("Fighting broke out in Manbij on Sunday.", "Manbij", "SY"),
])
def test_coordinated_and_prepositional_towns_are_places_whatever_the_tagger_says(text, mention, country):
    assert place_named(text, mention).country == country


@pytest.mark.parametrize("text, word", [
    ("Fighting broke out in March on the northern front.", "March"),
    ("The talks resumed in May after a pause.", "May"),
    ("Prices rose in August, the ministry said.", "August"),
    ("The ceasefire held in Ramadan.", "Ramadan"),
    ("The ceasefire held in Passover.", "Passover"),
    ("Shops stayed closed in Diwali.", "Diwali"),
])
def test_a_month_or_a_feast_after_in_stays_a_date(text, word):
    assert not [p for p in places_of(text) if p.text == word]



def test_a_speaking_bodys_country_is_no_context_but_a_containing_one_is():
    assert place_named("Russia's defence ministry said its forces took a village near Pokrovsk.",
                       "Pokrovsk").country == "UA"
    assert place_named("Floods in Libya's eastern city of Derna killed thousands.", "Derna").country == "LY"


def test_a_small_capital_does_not_beat_a_division_of_the_same_name():
    assert place_named("Bushfires in Victoria forced 5,000 people to evacuate.", "Victoria").country == "AU"


@pytest.mark.parametrize("text, name", [
    ("The Centre told the court it would frame a scheme.", "Centre"),
    ("Wang told reporters the talks had been useful.", "Wang"),
    ("The car was found in a ditch, according to Taylor.", "Taylor"),
])
def test_bodies_with_an_article_and_speaking_town_names_are_not_places(text, name):
    assert not [p for p in places_of(text) if name in p.text]


def test_a_town_known_by_another_towns_name_as_an_alternate_loses_to_the_towns_own():
    assert place_named("Smoke from fires in Quebec drifted south over Vermont.", "Quebec").country == "CA"


def test_a_capital_described_by_a_copula_is_literal_and_both_congos_share_the_short_name():
    assert place_named("Brazzaville is the capital of its country.", "Brazzaville").sense == "literal"
    assert place_named("M23 fighters advanced from Goma across eastern Congo.", "Congo").country == "CD"


@pytest.mark.parametrize("text, name, country", [
    ("Tulsa Mayor G.T. Bynum said the curfew would end.", "Tulsa", "US"),
    ("Mombasa Governor Abdulswamad Nassir ordered the market closed.", "Mombasa", "KE"),
])
def test_a_town_before_its_own_office_is_a_place_inside_a_persons_title(text, name, country):
    assert place_named(text, name).country == country


def test_a_town_named_with_its_country_is_the_town_not_its_namesake_division():
    place = place_named("Floods reached Saint-Louis, Senegal, on Sunday.", "Saint-Louis")
    assert (place.country, place.feature, place.basis) == ("SN", "city", "containment")
    assert place_named("Heavy rain hit Punjab, Pakistan, on Monday.", "Punjab").feature == "admin1"


@pytest.mark.parametrize("text, name, kept", [
    ("Kenya Moore returned to the show after a trip to Atlanta.", "Kenya", False),
    ("Israel Adesanya won his fight in Perth on Sunday.", "Israel", False),
    ("Ukraine President Volodymyr Zelensky spoke in Kyiv.", "Ukraine", True),
])
def test_a_place_name_as_a_first_name_is_part_of_a_name_but_before_a_title_a_place(text, name, kept):
    assert bool([p for p in places_of(text) if p.text == name and p.sense == "literal"]) is kept


# --- towns tagged as people where places stand; an actor's country is no context (issue 12) ------
@pytest.mark.parametrize("text, name, country", [
    ("Russian forces shelled Avdiivka overnight.", "Avdiivka", "UA"),
    ("Russian troops captured Avdiivka in February.", "Avdiivka", "UA"),
    ("Russian troops entered Avdiivka in February.", "Avdiivka", "UA"),
    ("There was heavy fighting near Avdiivka on Monday.", "Avdiivka", "UA"),
    ("Ukrainian forces shelled Shebekino overnight.", "Shebekino", "RU"),
    ("Hamas gunmen entered Sderot at dawn.", "Sderot", "IL"),
    ("Jihadists besieged Djibo for months.", "Djibo", "BF"),
    ("Russian forces captured Bakhmut in May.", "Bakhmut", "UA"),  # parsed as an adverb of 'captured'
    ("Government forces shelled Afrin overnight.", "Afrin", "SY"),  # tagged a language
    ("Kurdish forces shelled Azaz overnight.", "Azaz", "SY"),
    ("Taliban fighters captured Lashkar Gah in August.", "Lashkar Gah", "AF"),  # two words tagged a person
    ("Government forces recaptured Lashkar Gah in August.", "Lashkar Gah", "AF"),
    ("Hezbollah fighters shelled Kiryat Shmona overnight.", "Kiryat Shmona", "IL"),
    ("Israeli forces shelled Nabatieh overnight.", "Nabatieh", "LB"),
    ("Arakan Army fighters captured Cox's Bazar.", "Cox's Bazar", "BD"),
    ("Rebels captured Jos after a week of clashes.", "Jos", "NG"),  # three letters: read as the object of taking
    ("Jihadists besieged Gao for weeks.", "Gao", "ML"),
    ("Soldiers recaptured Gao from the jihadists.", "Gao", "ML"),
    ("Rebels captured Tumaco after a week of clashes.", "Tumaco", "CO"),  # tagged an event
    ("Insurgents captured Turbat after a week of clashes.", "Turbat", "PK"),  # tagged a date
    ("Government forces shelled Tessalit overnight.", "Tessalit", "ML"),  # a town of the news the tables lack
    ("Arakan Army fighters captured Maungdaw.", "Maungdaw", "MM"),
    ("Turkish-backed forces shelled Tal Abyad overnight.", "Tal Abyad", "SY"),
    ("Kurdish forces shelled Ras al-Ain overnight.", "Ras al-Ain", "SY"),
    ("Israeli tanks entered Khiam.", "Khiam", "LB"),
    ("Hezbollah fighters shelled Metula.", "Metula", "IL"),
])
def test_a_town_the_gazetteer_knows_well_is_a_place_where_places_stand(text, name, country):
    """Object of a locative preposition, or of a verb of taking, entering or firing on a place,
    whatever spaCy calls the name."""
    place = place_named(text, name)
    assert (place.country, place.sense) == (country, "literal")


@pytest.mark.parametrize("text, name", [
    ("Rebels captured Wilson and two aides.", "Wilson"),  # many towns are called Wilson: a weak match
    ("The company took Wilson to court.", "Wilson"),
    ("Police arrested Wilson after the match.", "Wilson"),
    ("Critics attacked Obama over the deal.", "Obama"),  # 'attack' takes people as often as places
    ("Barack Obama spoke in Chicago on Monday.", "Obama"),
    ("Jordan Peterson said he disagreed.", "Jordan"),
    ("Florence Mwangi said the market had flooded.", "Florence"),
    ("Mr. Kisumu said the road was closed.", "Kisumu"),
    ("Paris Hilton said she loved the show.", "Paris"),
    ("The army captured Gao Feng, a rebel commander.", "Gao"),  # a short name that runs on is a person's
    ("Rebels captured Jos Buttler's driver.", "Jos"),
    ("The team beat Jos in the final.", "Jos"),  # no verb of taking a place
    ("Israeli forces raided Hamas overnight.", "Hamas"),  # an old name of Hamm, tagged an organisation
])
def test_people_where_a_town_could_stand_stay_people(text, name):
    assert not [p for p in places_of(text) if name in p.text and p.sense == "literal"]


SPEAKING_STATE = pytest.mark.xfail(strict=True, reason="a state speaking counts as context, as 'Greek officials "
                                   "said' must for Rhodes; the smaller namesake in the speaker's country wins on it")


@pytest.mark.parametrize("text, name, country", [
    ("Russian forces advanced on Pokrovsk.", "Pokrovsk", "UA"),
    pytest.param("Russia said it had taken Pokrovsk.", "Pokrovsk", "UA", marks=SPEAKING_STATE),
    pytest.param("Moscow claimed Pokrovsk had fallen.", "Pokrovsk", "UA", marks=SPEAKING_STATE),
    ("Ukrainian drones hit a refinery in Zelenodolsk overnight.", "Zelenodolsk", "RU"),
    pytest.param("Kyiv said its drones hit a plant in Zelenodolsk.", "Zelenodolsk", "RU", marks=SPEAKING_STATE),
    # a country named as where the town is still counts
    ("The Russian town of Pokrovsk flooded.", "Pokrovsk", "RU"),
    ("In Russia, floods reached Pokrovsk.", "Pokrovsk", "RU"),
    ("Floods hit Pokrovsk, Russia, on Monday.", "Pokrovsk", "RU"),
    ("The Ukrainian town of Zelenodolsk flooded.", "Zelenodolsk", "UA"),
])
def test_an_actors_country_is_no_context_but_a_containing_one_is(text, name, country):
    """'Russian forces', 'Ukrainian drones' name who fights, not where the town is."""
    assert place_named(text, name).country == country


@pytest.mark.parametrize("text, name, country", [
    ("Israeli strikes hit Khan Younis, Rafah and Jabalia.", "Rafah", "PS"),
    ("Fighting spread to Omdurman and Wad Madani.", "Wad Madani", "SD"),
    ("Jihadists attacked Djibo and Menaka.", "Djibo", "BF"),
    ("Shelling hit Kharkiv, Avdiivka and Pokrovsk.", "Avdiivka", "UA"),
])
def test_a_town_tagged_as_a_person_coordinated_with_towns_is_a_place(text, name, country):
    assert place_named(text, name).country == country


@pytest.mark.parametrize("text, name", [
    ("Jordan and Obama discussed the plan.", "Obama"),  # joined to a country
    ("Washington and Obama agreed on the plan.", "Obama"),  # joined to a capital, which may be its government
    ("Nairobi and Mombasa and Florence Mwangi.", "Florence"),
])
def test_a_person_coordinated_with_a_state_or_capital_stays_a_person(text, name):
    assert not [p for p in places_of(text) if name in p.text]


@pytest.mark.parametrize("text, abbreviation, state", [
    ("A storm hit Salina, Kan., overnight.", "Kan.", "Kansas"),
    ("The driver, of Sulphur, La., was not hurt.", "La.", "Louisiana"),
    ("The group met in Harrisburg, Pa., on Friday.", "Pa.", "Pennsylvania"),
    ("The plant in Pensacola, Fla., reopened.", "Fla.", "Florida"),
    ("Police in Charleston, W. Va., closed the road.", "W. Va.", "West Virginia"),
])
def test_a_given_state_abbreviation_after_a_comma_is_the_state(text, abbreviation, state):
    start = text.index(abbreviation)
    (place,) = resolve_spans(parse(text), [(start, start + len(abbreviation))])
    assert (place.name, place.country, place.feature) == (state, "US", "admin1")


def test_a_given_abbreviation_without_a_comma_is_looked_up_as_a_name():
    text = "Officials in La Paz and Pa said nothing."
    start = text.index("Pa said")
    (place,) = resolve_spans(parse(text), [(start, start + 2)])
    assert place.feature != "admin1"


@pytest.mark.parametrize("text, mention, country", [
    ("NEW YORK (AP) — Police said two men were arrested on Tuesday.", "NEW YORK", "US"),
    ("SAO PAULO — Prices rose again in March, the statistics office said.", "SAO PAULO", "BR"),
    ("ST. PAUL -- Lawmakers debated the budget into the night.", "ST. PAUL", "US"),
    ("LAGOS, Nigeria — Fuel queues returned to the city on Monday.", "LAGOS", "NG"),
])
def test_a_dateline_names_a_town(text, mention, country):
    place = place_named(text, mention)
    assert (place.country, place.feature) == (country, "city")


@pytest.mark.parametrize("text, mention, feature", [
    ("Voters in New York backed the measure, officials in Albany said.", "New York", "admin1"),
    ("Heavy rain fell across Sao Paulo state and Parana.", "Sao Paulo", "admin1"),
    ("The plant is in the Charlotte region of North Carolina.", "Charlotte", "city"),
])
def test_outside_a_dateline_a_division_keeps_its_name(text, mention, feature):
    assert place_named(text, mention).feature == feature


@pytest.mark.parametrize("text, mention, feature", [
    ("Forecasters in Miami said storms in the Atlantic would reach Florida.", "Atlantic", "water"),
    ("The typhoon crossed the Pacific before it reached California and Oregon.", "Pacific", "water"),
    pytest.param("A soldier from Baltimore, Maryland, was killed in the Middle East.", "Middle East", "region",
                 marks=pytest.mark.xfail(strict=True, reason="a town of the name inside a named state still wins "
                                                             "(Middle East, Maryland): context beats the region")),
    ("Farmers in Normandy and Brittany protested against the EU in Paris.", "EU", "region"),
    ("A cargo ship sank in the Red Sea, officials in Cairo said.", "Red Sea", "water"),
    ("Trawlers from Norway and Denmark fish the North Sea.", "North Sea", "water"),
])
def test_a_sea_or_region_no_country_holds_beats_a_town_named_after_it(text, mention, feature):
    place = place_named(text, mention)
    assert (place.feature, place.country) == (feature, None)


@pytest.mark.parametrize("text, mention, country", [
    ("The county fair opened in Atlantic, Iowa, on Friday.", "Atlantic", "US"),
    ("Floodwater closed roads in Pacific, Missouri.", "Pacific", "US"),
])
def test_a_town_named_after_a_sea_is_the_town_when_its_state_is_named(text, mention, country):
    place = place_named(text, mention)
    assert (place.feature, place.country) == ("city", country)


@pytest.mark.parametrize("text, mention, country, feature", [
    ("Lawmakers in St. Paul debated the budget into the night.", "St. Paul", "US", "city"),
    ("Traffic was heavy in Charlotte after the game on Friday.", "Charlotte", "US", "city"),
    pytest.param("Gunmen attacked two villages in Kaduna, police said.", "Kaduna", "NG", "admin1",
                 marks=pytest.mark.xfail(strict=True, reason="the state holds more people, so the rule leaves it "
                                                             "its division prior, but the city (1.85 million) "
                                                             "still outscores it on size")),
    ("Heavy rain fell across Florida on Monday.", "Florida", "US", "admin1"),
    ("The army fought rebels across Sagaing for weeks.", "Sagaing", "MM", "admin1"),
])
def test_a_division_beats_a_town_of_its_name_only_when_it_holds_more_people(text, mention, country, feature):
    place = place_named(text, mention)
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize("text, mention", [
    ("Police in Columbus arrested two men on Sunday.", "Columbus"),
    ("The Greene County sheriff resigned.", "Greene County"),
])
def test_a_name_of_several_towns_in_one_country_is_no_only_entry(text, mention):
    assert place_named(text, mention).basis != "only entry"


def test_a_name_of_one_place_is_its_only_entry():
    assert place_named("Protesters marched in Reykjavik.", "Reykjavik").basis == "only entry"


@pytest.mark.parametrize("text, name, country", [
    # a country among other countries, in a story full of the state where a namesake town lies
    ("AUSTIN, Texas — Texas farmers said soybean sales to China fell, while exports to Italy and Mexico rose.",
     "China", "CN"),
    ("AUSTIN, Texas — Texas farmers said soybean sales to China fell, while exports to Italy and Mexico rose.",
     "Italy", "IT"),
    ("An Ohio congressman visited Lebanon and Jordan to meet refugees, his office in Columbus said.",
     "Lebanon", "LB"),
    ("At a fair in Portland, Maine, the governor said potato exports to Poland and Norway had doubled.",
     "Norway", "NO"),
    # a major city beside only its own country or a namesake's state in a story about another country
    ("Sales in Calgary and Edmonton hit a record, while Toronto lagged, the American retailer said.",
     "Toronto", "CA"),
    ("Officials in Los Angeles and San Fernando asked residents to save water.", "Los Angeles", "US"),
    ("The Idaho senator flew to Moscow for talks with Russian officials.", "Moscow", "RU"),
    ("Greek officials in Athens said the ferry strike would end.", "Athens", "GR"),
])
def test_context_alone_does_not_turn_a_country_or_major_city_into_a_small_namesake(text, name, country):
    assert place_named(text, name).country == country


@pytest.mark.parametrize("text, name, lat, lon", [
    # near misses: the namesake named with its state, its county, or a nearby town of its state
    ("Police in Lebanon, Pennsylvania, arrested two men.", "Lebanon", 40.34, -76.41),
    ("A plant in Mexico, Missouri, will close in March.", "Mexico", 39.17, -91.88),
    ("Students in Moscow, Idaho, returned to campus.", "Moscow", 46.73, -117.0),
    ("Lebanon police said the man was held at the Boone County jail.", "Lebanon", 40.05, -86.47),
    ("Voters in Dublin and Columbus, Ohio, approved the school levy.", "Dublin", 40.10, -83.11),
    ("The Paris Public Library will host a workshop on the Illinois job service for Illinois residents.",
     "Paris", 39.61, -87.70),
])
def test_a_namesake_with_local_evidence_is_still_the_namesake(text, name, lat, lon):
    place = place_named(text, name)
    assert place.country == "US" and km(place.lat, place.lon, lat, lon) < 50


def test_a_town_tagged_as_a_person_after_in_with_a_capital_is_a_place():
    """'in Dublin and Cork': the preposition governs both conjuncts."""
    assert place_named("Voters in Dublin and Cork went to the polls on Friday.", "Cork").country == "IE"


@pytest.mark.parametrize("text, name", [
    ("Fishermen on the Kishwaukee River and Big Creek reported high water.", "Big Creek"),
    ("Traffic backed up on Third Street for an hour.", "Third Street"),
])
def test_a_generic_word_after_a_name_continues_it_and_names_no_town(text, name):
    """'Creek' (Kentucky) and 'Street' (Somerset) are towns, but not inside 'Big Creek' or 'Third Street'."""
    place = place_named(text, name)
    assert place.text == name and place.geonameid is None


def test_no_town_named_after_a_generic_word_inside_an_institution():
    text = "Fans gathered outside the Barclays Center before the game."
    assert not [p for p in places_of(text) if p.text == "Center"]


@pytest.mark.parametrize("text, span, named_after", [
    ("Boats crowded Lake Manassas on Saturday.", "Lake Manassas", "Manassas"),
    ("The Council of Europe criticised the law.", "Council of Europe", "Europe"),
    ("The US Federal Reserve held rates.", "US Federal Reserve", "United States"),
])
def test_a_given_span_is_named_after_its_proper_name_not_a_generic_word(text, span, named_after):
    start = text.index(span)
    (place,) = resolve_spans(parse(text), [(start, start + len(span))])
    assert place.basis == f"named after {named_after}"


@pytest.mark.parametrize("text, abbreviation, name, country", [
    ("Police in Charleston, W. Va., closed the road.", "W. Va.", "West Virginia", "US"),
    ("A fire near Kamloops, B.C., forced evacuations.", "B.C.", "British Columbia", "CA"),
    ("Police in Guelph, Ont., said the road was closed.", "Ont.", "Ontario", "CA"),
    ("A storm hit Brandon, Man., overnight.", "Man.", "Manitoba", "CA"),
])
def test_state_and_province_abbreviations_after_a_comma_are_found(text, abbreviation, name, country):
    place = place_named(text, abbreviation)
    assert (place.text, place.name, place.country, place.feature) == (abbreviation, name, country, "admin1")


@pytest.mark.parametrize("text, abbreviation, name", [
    ("The bill was written by Sen. Byron Dorgan, D-N.D., last year.", "N.D.", "North Dakota"),
    ("It was proposed by Rep. Jim Clyburn, D-S.C., on Monday.", "S.C.", "South Carolina"),
    ("Rep. Nancy Pelosi (D-Calif.) opposed the plan.", "Calif.", "California"),
    ("Sen. Ted Cruz, R-Texas, opposed the plan.", "Texas", "Texas"),
])
def test_a_lawmakers_state_after_a_party_initial_is_the_state(text, abbreviation, name):
    place = place_named(text, abbreviation)
    assert (place.text, place.name, place.feature) == (abbreviation, name, "admin1")


@pytest.mark.parametrize("text, abbreviation, name", [
    ("The S.C. Highway Patrol is looking for leads.", "S.C.", "South Carolina"),
    ("The road runs from S.C. 5 west to the county line.", "S.C.", "South Carolina"),
    ("The N.J. Division of Gaming will decide.", "N.J.", "New Jersey"),
    ("He moved to N.Y. last year.", "N.Y.", "New York"),
])
def test_a_dotted_two_capital_state_abbreviation_is_the_state_anywhere(text, abbreviation, name):
    place = place_named(text, abbreviation)
    assert (place.text, place.name, place.feature) == (abbreviation, name, "admin1")


@pytest.mark.parametrize("text, mention, name", [
    ("US-based aluminium producer Corvant signed the deal.", "US", "United States"),
    ("UK-based aluminium producer Corvant signed the deal.", "UK", "United Kingdom"),
])
def test_a_name_joined_by_a_hyphen_at_a_paragraph_start_is_no_dateline(text, mention, name):
    """'US-based' opens the text in capitals but is no dateline ('BEIRUT —'): no town is forced."""
    assert place_named(text, mention).name == name


def test_a_based_outfit_names_its_place():
    assert place_named("The Kent-based team has three drivers.", "Kent").text == "Kent"


def test_initials_after_a_comma_are_no_state():
    assert places_of("Lawyers at Dimond Kaplan & Rothstein, P.A. are reviewing the case.") == []
    assert places_of("Jane Roe, M.D., signed the letter.") == []


@pytest.mark.parametrize("text", [
    "Bring a photo I.D. to the polls.",
    "She earned an M.A. in history and works as a P.A. at the clinic.",
    "The show starts at 8 P.M. sharp, O.K.?",
])
def test_other_dotted_capitals_are_no_state(text):
    assert places_of(text) == []


@pytest.mark.parametrize("text, word", [
    ("Clinton Hid Past Health Problems From Public, Former White House Doctor Says.", "From"),
    ("He answered the same way: THEY LOSE, WE WIN.", "WE"),
    ("Part of the network was formed a few years ago.", "Part"),
])
def test_a_capitalised_function_word_is_no_town(text, word):
    """'From' is an old name of Frome, 'WE' of Wé, 'Part' of Perth: a function word names none of them."""
    assert not [p for p in places_of(text) if p.text == word]


def test_a_state_abbreviation_in_parentheses_after_a_lawmaker_is_the_state():
    place = place_named("Sen. Marco Rubio (Fla.) spoke first.", "Fla.")
    assert (place.name, place.country, place.feature) == ("Florida", "US", "admin1")


@pytest.mark.parametrize("text", [
    "Modi visited the Gulf on Monday.",
    "Tankers were attacked in the Gulf overnight.",
    "Two ships collided in the Gulf near Bahrain.",
])
def test_the_gulf_with_its_article_is_the_persian_gulf(text):
    """'the Gulf' is the places file's name of the Persian Gulf, not Papua New Guinea's Gulf Province."""
    assert place_named(text, "Gulf").name == "Persian Gulf"


@pytest.mark.parametrize(("text", "name"), [
    ("Storms hit the Gulf of Mexico coast.", "Gulf of Mexico"),
    ("Heavy rain hit Gulf province in Papua New Guinea.", "Gulf"),
])
def test_another_gulf_keeps_its_name(text, name):
    assert place_named(text, "Gulf").name == name


def test_a_name_that_goes_on_is_not_the_gulf():
    assert not [p for p in places_of("Floods hit the Gulf Coast of Texas.") if p.name == "Persian Gulf"]


def test_a_small_town_s_name_the_article_uses_for_a_person_is_no_place():
    """'Obama' is a town in Japan; an article that calls Obama a person puts no place in Japan."""
    text = ("The Hammond Pardons Bring Justice to Obama's Victims. While Obama pardoned drug dealers, Trump "
            "pardons ranchers. Obama said nothing, because it would have been damaging to Obama.")
    assert not [p for p in places_of(text) if p.country == "JP"]


@pytest.mark.parametrize(("text", "name", "country"), [
    ("M23 took Goma on Sunday. Goma fell after a week. Fighting near Goma continued.", "Goma", "CD"),
    # a small town the tagger calls a person, that the article also gives as a place, stays one
    ("ROSWELL - A man Roswell police say stole a bracelet was struck by a car. Daniel Hufstetler of Roswell was "
     "charged. Roswell police said he fled.", "Roswell", "US"),
    ("The A417 from Air Balloon roundabout to Cirencester will be closed. Cirencester traders object. The closure "
     "will affect people travelling to Cirencester from Gloucester.", "Cirencester", "GB"),
    ("Villagers fled to Rafah. Rafah was shelled. Rafah is crowded.", "Rafah", "PS"),
])
def test_a_prominent_town_the_tagger_calls_a_person_stays_a_place(text, name, country):
    assert place_named(text, name).country == country


@pytest.mark.parametrize("text", [
    # a national capital is not given up for a small namesake in the country the article is about
    "India and Pakistan agreed to a ceasefire in Doha on Monday.",
    "Pakistan and India agreed to a ceasefire in Doha on Monday.",
    "Indian and Pakistani officials met in Doha.",
])
def test_a_national_capital_beats_a_small_namesake_of_the_context_country(text):
    doha = next(p for p in places_of(text) if p.text == "Doha")
    assert doha.country == "QA"


def test_a_capital_s_namesake_the_text_places_stays_there():
    moscow = next(p for p in places_of("The mayor of Moscow, Idaho, met students.") if p.text == "Moscow")
    assert moscow.country == "US" and moscow.basis == "containment"


CONFLICT_TOWNS = [line.split("\t") for line in
                  (Path(__file__).parent / "data" / "conflict_towns.tsv").read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#")]
CONFLICT_FRAMES = ("Fighting was reported in {} on Sunday.", "Rebels captured {} after a week of clashes.",
                   "Government forces shelled {} overnight.")
CONFLICT_FLOOR = 0.94
"""Share of the frames over the written list of conflict towns that must find the town in its country (775 of 816,
0.950, at stop 46; 0.862 before its rules)."""


def test_conflict_towns_are_found_where_the_news_puts_them():
    """Towns where wars are fought, under the press's spelling, after 'in' and as what is captured or shelled,
    whatever the tagger calls them (issue 12: recall where the news is)."""
    misses = []
    for name, country in CONFLICT_TOWNS:
        for frame in CONFLICT_FRAMES:
            found = [p for p in places_of(frame.format(name)) if name.split()[0] in p.text]
            if not found or found[0].country != country:
                misses.append(f"{frame.format(name)} -> {found[0].country if found else None}")
    share = 1 - len(misses) / (len(CONFLICT_TOWNS) * len(CONFLICT_FRAMES))
    assert share >= CONFLICT_FLOOR, "\n".join(misses)
