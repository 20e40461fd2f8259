"""Figures: values and bounds, what is counted, part-of links, year, place, source — and what is not a figure."""

from __future__ import annotations

import pytest

from presslens.core.schema import Place, Quote
from presslens.figures.extract import extract_figures
from presslens.figures.spans import find_quantities
from presslens.times.extract import extract_times

ANCHOR = "2024-05-01"


@pytest.fixture(scope="module")
def figures_of(nlp):
    """Figures of a written sentence, with its own times, no quotes and the given places."""
    def run(text: str, quotes: list[Quote] | None = None, places: list[Place] | None = None):
        doc = nlp(text)
        return extract_figures(doc, quotes or [], places or [], extract_times(doc, ANCHOR))
    return run


# (text, figure text, value, low, high, approximate, unit)
QUANTITIES = [
    ("Officials counted 150 ballots.", "150", 150, None, None, False, None),
    ("The army deployed over 30 tanks.", "over 30", 30, 30, None, True, None),
    ("Nearly 200 families fled.", "Nearly 200", 200, None, 200, True, None),
    ("At least 12 soldiers were wounded.", "At least 12", 12, 12, None, True, None),
    ("Some 40 rockets were fired.", "Some 40", 40, None, None, True, None),
    ("Dozens of shops closed.", "Dozens", None, 24, 99, True, None),
    ("Hundreds of thousands marched.", "Hundreds of thousands", None, 200_000, 999_999, True, None),
    ("The fund holds 2.3 million records.", "2.3 million", 2_300_000, None, None, False, None),
    ("Turnout fell 12% in the region.", "12%", 12, None, None, False, "percent"),
    ("Turnout fell 12 percent.", "12 percent", 12, None, None, False, "percent"),
    ("The plan costs $3.4 billion.", "$3.4 billion", 3_400_000_000, None, None, False, "USD"),
    ("Between 20 and 30 villagers were detained.", "Between 20 and 30", None, 20, 30, True, None),
    ("Twenty-five schools reopened.", "Twenty-five", 25, None, None, False, None),
]


@pytest.mark.parametrize(("text", "figure", "value", "low", "high", "approximate", "unit"), QUANTITIES)
def test_value_and_bounds(figures_of, text, figure, value, low, high, approximate, unit):
    found = {f.text: f for f in figures_of(text)}
    assert figure in found, f"{figure!r} not in {list(found)}"
    f = found[figure]
    assert (f.value, f.low, f.high, f.approximate, f.unit) == (value, low, high, approximate, unit)


# (text, figure text, counts)
COUNTED = [
    ("With 150 civilians killed, the toll rose.", "150", "civilians killed"),
    ("Dozens of civilians have lost their lives.", "Dozens", "civilians killed"),
    ("Police arrested 17 protesters on Monday.", "17", "protesters arrested"),
    ("About 45 people died in the floods.", "About 45", "people died"),
    ("The army deployed dozens of tanks.", "dozens", "tanks"),
    ("Some 300 soldiers were wounded.", "Some 300", "soldiers wounded"),
    ("The group released 2.3 million documents.", "2.3 million", "documents released"),
]


@pytest.mark.parametrize(("text", "figure", "counts"), COUNTED)
def test_what_is_counted(figures_of, text, figure, counts):
    found = {f.text: f for f in figures_of(text)}
    assert found[figure].counts == counts
    assert found[figure].no_counted_noun is False
    f = found[figure]
    noun = counts.split()[0]
    assert text[f.counts_start:f.counts_end] == noun


def test_count_without_noun_is_kept_and_flagged(figures_of):
    (figure,) = figures_of("The ministry said the army has mobilized over 30 near the border.")
    assert (figure.text, figure.counts, figure.no_counted_noun) == ("over 30", None, True)


@pytest.mark.parametrize(("text", "parent", "child", "child_counts"), [
    ("In 2021, 150 civilians were killed, of whom 33 were minors.", "150", "33", "minors killed"),
    ("Some 40 rockets were fired, of which 35 were intercepted.", "Some 40", "35", "rockets intercepted"),
    ("Police arrested 17 protesters, including four journalists.", "17", "four", "journalists arrested"),
])
def test_part_of(figures_of, text, parent, child, child_counts):
    found = {f.text: f for f in figures_of(text)}
    assert found[child].part_of == parent
    assert found[child].counts == child_counts
    assert found[parent].part_of is None


def test_part_inherits_year(figures_of):
    found = {f.text: f for f in figures_of("In 2021, 150 civilians were killed, of whom 33 were minors.")}
    assert found["150"].year == found["33"].year == 2021


@pytest.mark.parametrize(("text", "year"), [
    ("In 2019, 40 workers were laid off.", 2019),
    ("Last year 40 workers were laid off.", 2023),
    ("Five journalists have been killed since 2019.", None),  # 'since' bounds a period
    ("Forty workers were laid off.", None),
])
def test_year_of_the_sentence(figures_of, text, year):
    (figure,) = figures_of(text)
    assert figure.year == year


NOT_FIGURES = [
    "The plant closed in 2005.",
    "The meeting is on May 5.",
    "The talks lasted two years.",
    "He won the second round.",
    "The 52-year-old mayor resigned.",
    "He was 52 years old.",
    "The council passed Resolution 242.",
    "No one was hurt and one of them left.",
    "The vote is at 3 p.m. on Friday.",
    "We may see more of that in the 1990s.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(figures_of, text):
    assert [f.text for f in figures_of(text)] == []


def test_source_is_the_enclosing_speaker(figures_of):
    text = "The agency said 70 houses were destroyed. Another 12 were damaged."
    content_start = text.index("70")
    quote = Quote(start=content_start, end=text.index("."), text=text[content_start:text.index(".")],
                  kind="indirect", speaker="The Agency")
    found = {f.text: f for f in figures_of(text, quotes=[quote])}
    assert found["70"].source == "The Agency"
    assert found["12"].source is None  # the outlet's own voice


def test_place_from_places_passed_in_widened_by_direction(figures_of):
    text = "Troops moved 30 tanks into the Northern Province."
    start = text.index("Province")
    places = [Place(start=start, end=start + len("Province"), text="Province")]
    (figure,) = figures_of(text, places=places)
    assert figure.place == "Northern Province"


def test_place_ignores_demonyms(figures_of):
    text = "Officials said 12 Freedonians were detained."
    start = text.index("Freedonians")
    places = [Place(start=start, end=start + 11, text="Freedonians", demonym=True)]
    (figure,) = figures_of(text, places=places)
    assert figure.place is None


def test_a_village_within_a_division_is_narrower_than_the_division(figures_of):
    text = "Gunmen seized 40 farmers in Bevoria, Northland state, officials said."
    village, state = text.index("Bevoria"), text.index("Northland")
    places = [Place(start=village, end=village + 7, text="Bevoria", basis="within Northland"),
              Place(start=state, end=state + 9, text="Northland", feature="city")]
    (figure,) = figures_of(text, places=places)
    assert figure.place == "Bevoria"


def test_quantities_are_grounded():
    text = "Roughly 1,500 people and $20 million, 5-10 trucks and nearly two dozen buses."
    quantities = find_quantities(text)
    assert [text[q.start:q.end] for q in quantities] == ["Roughly 1,500", "$20 million", "5-10", "nearly two dozen"]


def test_a_change_is_not_a_range():
    text = "Prices rose from 30 to 40 dollars."
    assert [(text[q.start:q.end], q.low, q.high) for q in find_quantities(text)] == \
        [("30", None, None), ("40 dollars", None, None)]


def test_seed_figures(seed_analysis, seed_expected):
    """Every figure of the seed's expected.json: what it counts, its year, place and source."""
    text = seed_analysis.article.text
    quotes = seed_analysis.quotes
    for item in seed_expected["figures"]:
        start = text.index(item["contains"])
        end = start + len(item["contains"])
        matches = [f for f in seed_analysis.figures if f.start < end and start < f.end]
        assert len(matches) == 1, f"{item['contains']!r}: {matches}"
        figure = matches[0]
        if item["counts"] is None:
            assert figure.counts is None and figure.no_counted_noun
        else:
            assert figure.counts is not None and figure.counts.split()[0] in item["counts"]
            assert "killed" in figure.counts
        if "year" in item:
            assert figure.year == item["year"]
        if "place" in item:
            assert figure.place == item["place"]
        if item.get("approximate"):
            assert figure.approximate
        enclosing = [q for q in quotes if q.start <= figure.start and figure.end <= q.end]
        if item["source"] is None:
            assert figure.source is None
        elif enclosing:  # the source comes from the quotations extractor once it finds the claim
            assert figure.source == min(enclosing, key=lambda q: q.end - q.start).speaker


def test_seed_part_of(seed_analysis):
    by_text = {f.text: f for f in seed_analysis.figures}
    assert by_text["33"].part_of == "150"
    assert "minors" in by_text["33"].counts


def test_seed_years_are_not_figures(seed_analysis):
    assert not {"2023", "2022", "2005"} & {f.text for f in seed_analysis.figures}


@pytest.mark.parametrize(("text", "place"), [
    ("Troops entered Eastvale. Later, 30 houses were destroyed.", "Eastvale"),
    ("Troops entered Eastvale.\n\nLater, 30 houses were destroyed.", None),  # a new paragraph
])
def test_place_carries_over_within_a_paragraph_only(figures_of, text, place):
    start = text.index("Eastvale")
    (figure,) = figures_of(text, places=[Place(start=start, end=start + 8, text="Eastvale")])
    assert figure.place == place
