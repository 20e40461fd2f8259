"""Symmetry: swapping the actors of a sentence, wording kept, mirrors its flags, voices and events.

Each template is filled with two sides of a real conflict, then with the sides
swapped. Every string naming a side is replaced by its role (``<1>`` for the side
in the first slot, ``<2>`` for the other) in the records of both sentences; the two
normalised results must be identical. Each pair covers both directions of the swap.
Organisations without an adjective (Hamas) only fill the name slots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pytest

from presslens.pipeline import analyze


@dataclass(frozen=True)
class Side:
    name: str
    demonym: str | None           # None: the side has no adjective ('Hamas')
    forms: tuple[str, ...]        # every other surface or canonical string naming the side
    codes: tuple[str, ...] = ()   # country codes events may carry for it


SIDES = {
    "israel": Side("Israel", "Israeli", ("Israelis",), ("ISR",)),
    "palestine": Side("Palestine", "Palestinian", ("Palestinians",), ("PSE",)),
    "hamas": Side("Hamas", None, (), ("PSE",)),
    "russia": Side("Russia", "Russian", ("Russians",), ("RUS",)),
    "ukraine": Side("Ukraine", "Ukrainian", ("Ukrainians",), ("UKR",)),
    "india": Side("India", "Indian", ("Indians",), ("IND",)),
    "pakistan": Side("Pakistan", "Pakistani", ("Pakistanis",), ("PAK",)),
    "china": Side("China", "Chinese", (), ("CHN",)),
    "taiwan": Side("Taiwan", "Taiwanese", (), ("TWN",)),
    "azerbaijan": Side("Azerbaijan", "Azerbaijani", ("Azerbaijanis",), ("AZE",)),
    "armenia": Side("Armenia", "Armenian", ("Armenians",), ("ARM",)),
    "government": Side("the government", "government", ()),
    "rebels": Side("the rebels", "rebel", ("rebels",)),
    "serbia": Side("Serbia", "Serbian", ("Serbs",), ("SRB",)),
    "kosovo": Side("Kosovo", "Kosovar", ("Kosovars",), ("XKX", "XK", "KOS")),
    "ethiopia": Side("Ethiopia", "Ethiopian", ("Ethiopians",), ("ETH",)),
    "eritrea": Side("Eritrea", "Eritrean", ("Eritreans",), ("ERI",)),
}

PAIRS = [("israel", "hamas"), ("israel", "palestine"), ("russia", "ukraine"), ("india", "pakistan"),
         ("china", "taiwan"), ("azerbaijan", "armenia"), ("government", "rebels"), ("serbia", "kosovo"),
         ("ethiopia", "eritrea")]

# {A}/{B}: the sides' names; {a}/{b}: their adjectives. The wording is the same for every pair.
TEMPLATES = [
    "{A} accused the {b} regime of brutal attacks on civilians.",
    "The {a} oppression of {b} villagers has grown, the report said.",
    "{A} said {b} terrorists would face a crushing defeat.",
    "“The usurping regime in {B} will fall,” a spokesman for {A} said.",
    "{a} troops shelled {b} villages overnight, officials said.",
    "The so-called peace plan of {A} was rejected by {B}.",
    "Supporters of {A} chanted “Death to {B}!” outside the embassy.",
    "{A} and {B} signed a ceasefire agreement in Geneva on Monday.",
    "{A} called the {b} leadership a gang of thugs and criminals.",
    "One {a} official called the {b} strike the worst massacre in history.",
    "{A} demanded that {B} release the prisoners immediately.",
    "Our great nation will never bow to {B}, the {a} commander said.",
    "{A} condemned the barbaric shelling of its towns by {B}.",
    "The extremist {b} leadership has intensified attacks against {a} towns.",
    "{A} accused {B} of abuses in the occupied territories.",
    "Critics of {A} say its policies toward {B} are driven by racism and fascism.",
    "“This is a nightmare for {B},” the {a} minister warned.",
    "{A} has threatened to crush the {b} forces within days.",
]


def fill(template: str, first: Side, second: Side) -> str:
    text = template.format(A=first.name, a=first.demonym, B=second.name, b=second.demonym)
    return text[0].upper() + text[1:]


def normaliser(first: Side, second: Side):
    """Replace every string naming a side by its role, longest strings first."""
    roles = {}
    for role, side in (("<1>", first), ("<2>", second)):
        for form in (side.name.removeprefix("the "), side.demonym or side.name, *side.forms, *side.codes):
            roles[form.lower()] = role
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(roles, key=len, reverse=True)) + r")\b",
                         re.IGNORECASE)

    def normalise(value):
        if isinstance(value, str):
            return pattern.sub(lambda m: roles[m.group(0).lower()], value)
        if isinstance(value, tuple):
            return tuple(normalise(v) for v in value)
        return value

    return normalise


@lru_cache(maxsize=None)
def analysis_of(text: str):
    analysis = analyze(text, date="2024-05-01")
    assert analysis.article.status == "ok", analysis.article.error
    return analysis


def mirrored_view(text: str, first: Side, second: Side) -> dict[str, list]:
    """Flags (technique, text, voice), quotations (kind, text, speaker) and events, sides replaced by roles."""
    analysis = analysis_of(text)
    n = normaliser(first, second)
    return {
        "flags": sorted((f.technique, n(f.text), n(f.voice)) for f in analysis.flags),
        "voices": sorted((q.kind, n(q.text), n(q.speaker)) for q in analysis.quotes),
        "events": sorted((e.type, n(e.sources), n(e.targets), n(e.source_countries), n(e.target_countries),
                          e.negated, e.hypothetical) for e in analysis.events),
    }


def uses_adjectives(template: str) -> bool:
    return "{a}" in template or "{b}" in template


CASES = [(i, t, a, b) for i, t in enumerate(TEMPLATES) for a, b in PAIRS
         if not uses_adjectives(t) or (SIDES[a].demonym and SIDES[b].demonym)]
CASE_PARAMS = [pytest.param(t, a, b, id=f"{a}-{b}-{i}") for i, t, a, b in CASES]


def test_enough_pairs():
    assert len(CASES) >= 100


@pytest.mark.parametrize(("template", "first", "second"), CASE_PARAMS)
def test_flags_and_voices_mirror(template, first, second):
    x, y = SIDES[first], SIDES[second]
    original = mirrored_view(fill(template, x, y), x, y)
    swapped = mirrored_view(fill(template, y, x), y, x)
    assert original["flags"] == swapped["flags"]
    assert original["voices"] == swapped["voices"]


@pytest.mark.parametrize(("template", "first", "second"), CASE_PARAMS)
def test_events_mirror(template, first, second):
    x, y = SIDES[first], SIDES[second]
    assert mirrored_view(fill(template, x, y), x, y)["events"] == mirrored_view(fill(template, y, x), y, x)["events"]


def test_normaliser_is_not_vacuous():
    """The comparison sees who does what: a one-sided sentence does not mirror its swap."""
    x, y = SIDES["russia"], SIDES["ukraine"]
    one_sided = "{A} accused {B} of brutal attacks, and the {a} army shelled {b} towns."
    altered = one_sided.replace("{a} army shelled {b}", "{b} army shelled {a}")
    assert mirrored_view(fill(one_sided, x, y), x, y) != mirrored_view(fill(altered, y, x), y, x)
