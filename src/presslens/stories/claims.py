"""What reports claim, compared by meaning rather than wording: what a figure counts, who is responsible.

A figure's **measure** is what happened to what it counts, as one word (``killed``, ``injured``,
``displaced``, ``detained``, ...), read from the figure's counted noun and participle (the figures
package), else from the nearest outcome word of its clause: after the figure first ('dozens
*dead*', 'thousands *from their homes*'; up to a comma, 'and' or another number), then before it
('put the *death toll* at 12'; back to a semicolon or another number). The
outcome words are written here from the figures package's participles and the nouns news uses
for the same outcomes. A bare number (no counted noun, no outcome word in its clause) restates
the count of the figure just before it in its paragraph ('20,000 people took part. Police put
the number at 6,000'). A figure with no outcome word keeps its counted noun as its measure
(''members'', ''vessels''), compared as written. A measure carries the counted noun after a colon
when the noun names a group ('killed: soldiers'); general words for people ('people',
'civilians', 'residents', ...) are left out, so '40 people killed' and 'forty died' compare,
and '4 soldiers killed' is not compared with '3 attackers killed'.

Two figure claims **disagree** when they have the same outcome, their counted groups are
compatible (equal, or either unnamed) and their values cannot both be true: each claim is read
as an interval ('at least 40' → [40, ∞), 'dozens' → [24, 99], 'about 40' → [36, 44], '12' →
[12, 12]) and the intervals do not overlap. So 'dozens dead' and '37 killed' agree; '40
killed' and '40 injured' are different counts, never a disagreement.

Who a report holds **responsible** is the source of a harm (ASSAULT, COERCE: who attacked) or
the target of an accusation (ACCUSE: who is blamed). Each actor is compared
by identity, not spelling: two proper names are the same actor when equal or when one ends
with the other ('Ostrel Liberation Front' / 'the Front'); otherwise two actors are the same
when their PLOVER sectors agree ('the army', 'soldiers', 'Sarvenan troops' are all MIL), and
an actor without a known sector matches any. When a report names actors by proper name, those
are the ones compared (a description beside them is often the victim). Reports disagree when no actor one names matches
any actor the other names ('the army' / 'rebels', 'Kestrel Front' / 'Varga Militia').
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from presslens.core.nlp import PARAGRAPH_BREAK
from presslens.core.schema import Event, Figure

from .features import normalize_name

OUTCOME_WORDS: dict[str, str] = {
    **dict.fromkeys(("killed", "died", "dead", "death", "deaths", "toll", "fatalities", "bodies", "lives",
                     "executed", "drowned", "perished", "slain"), "killed"),
    **dict.fromkeys(("injured", "wounded", "hurt", "injuries", "hospitalized", "hospitalised"), "injured"),
    **dict.fromkeys(("displaced", "fled", "evacuated", "homeless", "uprooted", "sheltering", "homes", "stranded"),
                    "displaced"),
    **dict.fromkeys(("arrested", "detained", "arrests", "jailed", "imprisoned", "custody", "detentions"), "detained"),
    **dict.fromkeys(("abducted", "kidnapped", "hostages", "captured"), "abducted"),
    **dict.fromkeys(("missing",), "missing"),
    **dict.fromkeys(("released", "freed", "exchanged", "swapped"), "released"),
    **dict.fromkeys(("turnout", "marched", "rallied", "attended"), "took part"),
}
"""Words (lower case) that say what happened to what a figure counts, and the measure each means."""

OUTCOME_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bshot\s+dead\b|\blost\s+their\s+lives\b"), "killed"),
    (re.compile(r"\btook\s+part\b"), "took part"),
    (re.compile(r"\b(?:left|fled|from)\s+their\s+homes\b"), "displaced"),
)
"""Phrases read before single words ('shot dead' is killed, 'shot' alone is not)."""

PEOPLE_IN_GENERAL = frozenset({
    "people", "persons", "person", "individuals", "civilians", "residents", "inhabitants", "villagers",
    "passengers", "victims", "others", "men", "women", "children", "adults", "demonstrators", "protesters",
    "protestors", "workers", "migrants", "refugees", "casualties", "bodies", "dead", "lives"})
"""Counted nouns that name no particular group: a figure counting them compares with any group."""

AFTER_WORDS = 6
"""How many words after a figure the outcome word may come ('dozens *dead*', '12 *were killed*')."""
ROUGH_SHARE = 0.1
"""An approximate figure with no stated bound ('about 40') is read as ±10%."""

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_BEFORE_STOP = re.compile(r"[;:]|\d")
_AFTER_STOP = re.compile(r"[,;:]|\band\b|\bbut\b|\d")
_WORD = re.compile(r"[a-z]+")
_HARM_WORDS = frozenset(OUTCOME_WORDS)


def _outcome_in(words: list[str]) -> str | None:
    text = " ".join(words)
    for pattern, measure in OUTCOME_PHRASES:
        if pattern.search(text):
            return measure
    return next((OUTCOME_WORDS[w] for w in words if w in _HARM_WORDS), None)


def _nearest_before(before: str) -> str | None:
    """The outcome said nearest before a figure in its sentence ('put the death *toll* at')."""
    words = _WORD.findall(before.lower())
    for i in range(len(words) - 1, -1, -1):
        if outcome := _outcome_in(words[i:i + 3]):
            return outcome
    return None


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the figure's clause before it (back to a semicolon or another number) and after it
    (up to a comma, semicolon, 'and', 'but' or another number), within its sentence."""
    before_end = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    before = _BEFORE_STOP.split(text[before_end[-1] if before_end else 0:start])[-1]
    return before, _AFTER_STOP.split(text[end:after.start() if after else len(text)])[0]


def _counted_noun(figure: Figure) -> str | None:
    """The last word of the counted noun ('soldiers'), None when it names people in general or nothing."""
    if not figure.counts or figure.no_counted_noun:
        return None
    noun = figure.counts
    if figure.counts_start is not None and figure.counts_end is not None:
        noun = figure.counts[:figure.counts_end - figure.counts_start]
    words = _WORD.findall(noun.lower())
    if not words or words[-1] in PEOPLE_IN_GENERAL or words[-1] in _HARM_WORDS:
        return None
    return words[-1]


def measure_of(figure: Figure, text: str | None = None) -> str | None:
    """What a figure counts, by meaning: 'killed', 'injured: police', 'members'. ``text`` (the
    article) lets a figure without an outcome word of its own take one from its sentence."""
    if figure.unit:  # money and percentages are not counts of people or things
        return None
    noun = _counted_noun(figure)
    outcome = _outcome_in(_WORD.findall((figure.counts or "").lower()))
    if outcome is None and text is not None and noun is None:
        before, after = _sentence_around(text, figure.start, figure.end)
        outcome = _outcome_in(_WORD.findall(after.lower())[:AFTER_WORDS]) or _nearest_before(before)
    if outcome is None:
        return " ".join(_WORD.findall((figure.counts or "").lower())) or None
    return f"{outcome}: {noun}" if noun else outcome


def measures_of(figures: tuple[Figure, ...], text: str) -> dict[int, str]:
    """Figure start → measure for an article's figures. A bare number (no counted noun, no outcome
    in its clause) restates the count of the figure just before it in its paragraph ('15,000
    people took part. The police put the figure at 4,000'; 'a turnout of 15,000; police said 4,000')."""
    found: dict[int, str] = {}
    previous: Figure | None = None
    for figure in figures:
        measure = measure_of(figure, text)
        if (measure is None and not figure.counts and not figure.unit and previous is not None
                and previous.start in found and not PARAGRAPH_BREAK.search(text, previous.end, figure.start)):
            measure = found[previous.start]
        if measure:
            found[figure.start] = measure
        previous = figure
    return found


def outcome_and_group(measure: str) -> tuple[str, str | None]:
    outcome, _, group = measure.partition(": ")
    return outcome, group or None


def comparable(a: str, b: str) -> bool:
    """Whether two measures count the same thing: same outcome, groups equal or either unnamed."""
    (outcome_a, group_a), (outcome_b, group_b) = outcome_and_group(a), outcome_and_group(b)
    return outcome_a == outcome_b and (group_a is None or group_b is None or group_a == group_b)


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    @classmethod
    def of(cls, value: float | None, low: float | None, high: float | None, approximate: bool = False) -> "Interval":
        if low is not None or high is not None:
            return cls(low if low is not None else 0.0, high if high is not None else math.inf)
        if value is None:
            return cls(0.0, math.inf)
        if approximate:
            return cls(value * (1 - ROUGH_SHARE), value * (1 + ROUGH_SHARE))
        return cls(value, value)

    def overlaps(self, other: "Interval") -> bool:
        return self.low <= other.high and other.low <= self.high


# -- who is responsible ----------------------------------------------------------


@dataclass(frozen=True)
class Responsible:
    """One actor a report holds responsible: its name when it is a proper name, and its sector."""

    name: str | None
    sector: str | None

    def same_as(self, other: "Responsible", known: bool = False) -> bool:
        """One actor by name, else by sector (an unknown sector matches any, unless ``known``)."""
        if self.name and other.name:
            a, b = sorted((self.name, other.name), key=len)
            return b == a or b.endswith(" " + a)
        if not self.sector or not other.sector:
            return not known
        return self.sector == other.sector

    def label(self) -> str:
        return self.name or self.sector or "?"


HARM_TYPES = frozenset({"ASSAULT", "COERCE"})
"""PLOVER types whose source is who did the harm; in an ACCUSE event the target is who is blamed."""


def responsible_names(event: Event) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names of the actors an event holds responsible and their sectors (empty: it holds no one)."""
    if event.type in HARM_TYPES:
        return event.sources, event.source_sectors
    if event.type == "ACCUSE":
        return event.targets, event.target_sectors
    return (), ()


def responsible(event: Event) -> tuple[Responsible, ...]:
    """Who an event's report holds responsible (the perpetrators of a harm, the blamed of an
    accusation), by name and sector."""
    held = _actors(*responsible_names(event))
    named = tuple(r for r in held if r.name)
    return named or held


def _actors(names: tuple[str, ...], sectors: tuple[str, ...]) -> tuple[Responsible, ...]:
    sectors = sectors + ("",) * (len(names) - len(sectors))
    return tuple(Responsible(normalize_name(name) if name[:1].isupper() else None, sector or None)
                 for name, sector in zip(names, sectors))


def responsibility_differs(a: tuple[Responsible, ...], b: tuple[Responsible, ...]) -> bool:
    """Two reports name responsible actors and none of one's matches any of the other's."""
    return bool(a and b) and not any(x.same_as(y) for x in a for y in b)


def _harmed(event: Event) -> tuple[Responsible, ...]:
    return _actors(event.targets, event.target_sectors) if event.type in HARM_TYPES else ()


def attributions_disagree(a: Event, b: Event) -> bool:
    """Two reports of one event hold different actors responsible, and neither is a report of the
    harmed side hitting back ('gunmen killed four soldiers' / 'soldiers killed three attackers')."""
    held_a, held_b = responsible(a), responsible(b)
    if not responsibility_differs(held_a, held_b):
        return False
    hits_back = any(actor.same_as(hit, known=True) for held, harmed in ((held_a, _harmed(b)), (held_b, _harmed(a)))
                    for actor in held for hit in harmed)
    return not hits_back
