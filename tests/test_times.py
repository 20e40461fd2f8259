"""Time expressions: detection extents, TimeML values against the anchor, and the seed's times."""

from __future__ import annotations

import re

import pytest

from presslens.times.dates import duration_value, fmt, parse_anchor
from presslens.times.extract import extract_times
from presslens.times.resolver import Resolver
from presslens.times.patterns import PATTERNS
from presslens.times.scan import Scanner, first_chars
from presslens.times.values import TimexContext
from tests.conftest import SHARED

ANCHOR = "2024-05-01"  # a Wednesday, ISO week 18, second quarter

# (sentence, expression text, type, value) — every sentence written for this table
POSITIVE = [
    ("The talks ended on Tuesday.", "Tuesday", "DATE", "2024-04-30"),
    ("The minister will visit on Friday.", "Friday", "DATE", "2024-05-03"),
    ("They met last Tuesday.", "last Tuesday", "DATE", "2024-04-30"),
    ("Prices rose sharply last year.", "last year", "DATE", "2023"),
    ("Earlier this month, the council met.", "Earlier this month", "DATE", "2024-05"),
    ("The project will run until next week.", "next week", "DATE", "2024-W19"),
    ("The report was published on March 5, 2021.", "March 5, 2021", "DATE", "2021-03-05"),
    ("The firm was founded in July 1997.", "July 1997", "DATE", "1997-07"),
    ("The 1990s were turbulent.", "The 1990s", "DATE", "199"),
    ("Sales fell in the third quarter.", "the third quarter", "DATE", "2023-Q3"),
    ("The plant closed in the spring of 2019.", "the spring of 2019", "DATE", "2019-SP"),
    ("The rebels retreated a year ago.", "a year ago", "DATE", "2023"),
    ("It returned three days later.", "three days later", "DATE", "2024-05-04"),
    ("In 2019 the plant closed; the previous year it had cut jobs.", "the previous year", "DATE", "2018"),
    ("The case is currently under review.", "currently", "DATE", "PRESENT_REF"),
    ("The mayor recently resigned.", "recently", "DATE", "PAST_REF"),
    ("Talks will resume in the near future.", "the near future", "DATE", "FUTURE_REF"),
    ("He arrived at 2 p.m. yesterday.", "2 p.m. yesterday", "TIME", "2024-04-30T14:00"),
    ("The vote was held on Friday morning.", "Friday morning", "TIME", "2024-04-26TMO"),
    ("The strike lasted two years.", "two years", "DURATION", "P2Y"),
    ("The ceasefire held for 48 hours.", "48 hours", "DURATION", "PT48H"),
    ("Output grew over the past two months.", "the past two months", "DURATION", "P2M"),
    ("He signed a two-year contract.", "two-year", "DURATION", "P2Y"),
    ("The siege lasted 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("The market opens each month.", "each month", "SET", "P1M"),
    ("The fund pays out daily.", "daily", "SET", "P1D"),
    ("The club meets every Tuesday.", "every Tuesday", "SET", "XXXX-WXX-2"),
    ("The square was full at Easter.", "Easter", "DATE", "2024-03-31"),
    ("Help arrived an hour later.", "an hour later", "DURATION", "PT1H"),
    ("The firm reported losses in the 2023 second quarter.", "the 2023 second quarter", "DATE", "2023-Q2"),
    ("The talks missed the March 23 deadline.", "March 23", "DATE", "2024-03-23"),  # a name needs a capital
    ("Courts tried suspects in the March 9 Parliament attack.", "March 9", "DATE", "2024-03-09"),  # names no group
    ("Rebels attacked the town on March 23 and left.", "March 23", "DATE", "2024-03-23"),
    ("The 1990s Balkan wars displaced millions.", "The 1990s", "DATE", "199"),  # no month: no name
]

NEGATIVE = [
    "We may see changes, or we may not.",  # 'may' the modal, 'we' the pronoun
    "Protesters gathered for the annual March for Life.",
    "The 6-year-old boy and his 52-year-old father left.",
    "She sold 2000 shares for $1990.",
    "He scored 1,995 points in his career.",
    "The fall in prices worried investors.",
    "Less than a quarter of the donors gave again.",  # a fraction, not a quarter of the year
    "Average daily volume rose to 3 million shares.",  # an adjective, not a set
    "The March 23 Movement said its fighters had left the town.",  # a date that begins a proper name
    "Leaders of the March 14 Alliance met the envoy.",
    "The April 6 Youth Movement called a protest.",
    "Members of the 26th of July Movement marched.",
]


@pytest.fixture(scope="module")
def times_of(nlp):
    """The time expressions of a sentence written on ANCHOR (this extractor alone, not the pipeline)."""
    return lambda text: extract_times(nlp(text), ANCHOR)


@pytest.mark.parametrize(("sentence", "expression", "kind", "value"), POSITIVE)
def test_expression_found_with_value(times_of, sentence, expression, kind, value):
    found = {t.text: t for t in times_of(sentence)}
    assert expression in found, f"{expression!r} not found in {list(found)}"
    assert (found[expression].type, found[expression].value) == (kind, value)


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_no_time_expression(times_of, sentence):
    assert [t.text for t in times_of(sentence)] == []


def test_vague_past_range_is_approximate(times_of):
    (ref,) = times_of("Over the past months, attacks increased.")
    assert (ref.type, ref.value, ref.range_start, ref.range_end, ref.approximate) == \
        ("DURATION", "PXM", "2023-11", "2024-05-01", True)


def test_exact_past_range_is_not_approximate(times_of):
    (ref,) = times_of("Output grew over the past two months.")
    assert (ref.range_start, ref.range_end, ref.approximate) == ("2024-03", "2024-05-01", False)


def test_records_are_grounded(times_of):
    text = "On Friday, 2 p.m. yesterday and last year."
    for ref in times_of(text):
        assert text[ref.start:ref.end] == ref.text


@pytest.mark.parametrize(("tense", "expected"), [("past", "2023-12"), ("future", "2024-12"), ("present", "2024-12")])
def test_month_without_year_follows_tense(tense, expected):
    context = TimexContext(anchor=parse_anchor("2024-10-20"), tense=tense)
    assert Resolver(context).normalize("December", "date").value == expected


def test_no_anchor_leaves_relative_values_empty():
    resolver = Resolver(TimexContext(anchor=None))
    assert resolver.normalize("last year", "date").value is None
    assert resolver.normalize("2022", "date").value == "2022"


@pytest.mark.parametrize(("anchor", "granularity", "value"), [
    ("1998-01-06", "week", "1998-W02"), ("2023-08-28", "quarter", "2023-Q3"), ("2023-08-28", "month", "2023-08"),
    ("2023-12-30", "season", "2023-WI"), ("1989-10-26", "decade", "198"), ("2021-01-01", "week", "2020-W53"),
])
def test_calendar_formatting(anchor, granularity, value):
    assert fmt(parse_anchor(anchor), granularity) == value


@pytest.mark.parametrize(("amount", "unit", "value"), [
    (2, "Y", "P2Y"), (None, "M", "PXM"), (5.5, "H", "PT5H30M"), (2, "DE", "P20Y"), (3, "Q", "P3Q"),
])
def test_duration_values(amount, unit, value):
    assert duration_value(amount, unit) == value


def test_seed_times(seed_analysis, seed_expected):
    """Every time of the seed's expected.json, located by its substring."""
    text = seed_analysis.article.text
    for item in seed_expected["times"]:
        start = text.index(item["contains"])
        end = start + len(item["contains"])
        refs = [t for t in seed_analysis.times if t.start < end and start < t.end]
        assert refs, f"no time expression in {item['contains']!r}"
        if "value" in item:
            assert item["value"] in {t.value for t in refs}
        else:
            low, high = item["value_range"]
            assert any((t.range_start or "").startswith(low) and (t.range_end or "").startswith(high)
                       and t.approximate == item["approximate"] for t in refs)


def test_seed_previous_year_is_not_a_figure_year_confusion(seed_analysis):
    """'The previous year' counts back from the latest explicit year before it (2023), not from 2005."""
    previous = [t for t in seed_analysis.times if t.text.lower() == "the previous year"]
    assert [t.value for t in previous] == ["2022"]


def _texts() -> list[str]:
    """Every sentence of the tables above, the examples, and the time gold's texts when ../shared has them."""
    import json
    from pathlib import Path

    from presslens.core.readers import read_articles

    texts = [row[0] for row in POSITIVE] + list(NEGATIVE)
    texts += [a.text for a in read_articles([Path(__file__).parent.parent / "examples"]) if a.status == "ok"]
    gold = SHARED / "eval/time/dev.jsonl"
    if gold.exists():
        texts += [json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines()[:120]]
    return texts


def test_gated_scan_gives_the_finditer_matches():
    """Trying each pattern only where it can start finds exactly what ``finditer`` finds."""
    patterns = [pattern for _, pattern in PATTERNS]
    scanner = Scanner(patterns)
    assert len(scanner.gated) > len(scanner.free)  # the fast path is the one taken
    tricky = "mid-2020, x-Monday, ‘90s, “Last week”, ſpring 2021, 3-year-old, 12:30 p.m. EST, ’80s the 1990s"
    for text in _texts() + [tricky]:
        fast = scanner.matches(text)
        for pattern, matches in zip(patterns, fast):
            assert [m.span() for m in matches] == [m.span() for m in pattern.finditer(text)], pattern.pattern[:60]


def test_first_chars_of_a_pattern():
    assert first_chars(re.compile(r"(?<![\w-])(?:(?:last|next)\s+)?week", re.I)) == frozenset("lnw")
    assert first_chars(re.compile(r"(?<![\w-])(?:\d+|Q[1-4])", re.I)) == frozenset("0123456789q")
    assert first_chars(re.compile(r"(?<![\w-])\w+\s+times", re.I)) is None  # any word character
    assert first_chars(re.compile(r"(?<![\w-])(?:now)?", re.I)) is None  # may match empty
