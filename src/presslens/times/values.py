"""TimeML values of time expressions, resolved against the article date and the text's focus.

``Resolver(context).normalize(text, family)`` (``timex_resolver``) reads one
expression (found by ``timex_patterns``) and returns its TIMEX3 type and value: DATE ('2022', '2023-08', '1998-01-06',
'1989-Q3', '1998-W02', 'PAST_REF'), TIME ('1998-02-12T19:15', '2000-01-28TMO'),
DURATION ('P2Y', 'PT5H', 'PXM') or SET ('P1D', 'XXXX-WXX-2'). Deictic words
('last year', 'a year ago') count from the anchor; anaphoric ones ('the previous
year', 'that day', 'a year earlier') from the context's focus. This module holds
the value and context records, the shared word patterns and the resolver's base.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from presslens.core.numbers import parse_number

from .dates import fmt, safe_date
from .lexicon import MONTHS, UNITS, WEEKDAYS


@dataclass(frozen=True)
class TimexValue:
    """What an expression means: TIMEX3 type and value, plus an interval where one is implied."""

    type: str
    value: str | None
    granularity: str | None = None
    range_start: str | None = None
    range_end: str | None = None
    approximate: bool = False
    mod: str | None = None


@dataclass
class TimexContext:
    """What the resolver knows around an expression.

    ``tense`` is the tense of the clause ('past', 'present', 'future'); ``focus_year``
    the latest explicit year nearby; ``focus`` the last resolved date and its
    granularity; ``quarter_focus`` the last quarter the text talked about; ``after`` the
    text right after the expression ('the year' *ended June 30* is a duration).
    """

    anchor: dt.date | None
    tense: str = "past"
    focus_year: int | None = None
    focus: tuple[dt.date, str] | None = None
    quarter_focus: dt.date | None = None
    after: str = ""


VAGUE_SPAN = {"S": 30, "MIN": 30, "H": 6, "D": 7, "W": 4, "WE": 4, "FN": 2, "M": 6, "Q": 2, "HALF": 2,
              "Y": 5, "DE": 3, "CE": 2, "ML": 1}
"""How far back a vague plural reaches ('over the past months' ≈ 6 months); such ranges are approximate."""

MODS: list[tuple[str, str | None]] = [
    (r"about|around|approximately|roughly|some|at about", "APPROX"),
    (r"only|just|barely|merely", None),
    (r"nearly|almost|less than|fewer than|under|up to|at most|just under", "LESS_THAN"),
    (r"more than|over|at least|well over|just over", "MORE_THAN"),
    (r"(?:the )?(?:end|close) of(?: the)?|late|later", "END"),
    (r"(?:the )?(?:beginning|start) of(?: the)?|early|earlier", "START"),
    (r"(?:the )?middle of(?: the)?|mid", "MID"),
]
MOD_RE = re.compile(r"^(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(MODS)) + r")[\s-]+")

MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_WORDS = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
UNIT_GROUP = (r"(?P<unit>second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade"
              r"|centur(?:y|ie)|millenni(?:um|a))s?")
NUM_GROUP = r"(?P<num>[\w.,/ -]+?)"
SHIFT_WORDS = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1, "latest": 0, "this": 0,
                "current": 0, "same": 0, "that": 0, "the": 0, "next": 1, "coming": 1, "following": 1,
                "this past": -1}
ANAPHORIC = {"previous", "preceding", "prior", "same", "that", "following"}
DIRECTION_WORDS = {"ago": -1, "earlier": -1, "before": -1, "later": 1, "after": 1, "from now": 1, "hence": 1}


def unit_code(word: str) -> str:
    word = word.lower().rstrip("s")
    if word.startswith("centur"):
        return "CE"
    if word.startswith("millenni"):
        return "ML"
    return UNITS.get(word, UNITS.get(word + "s", "X"))


def amount_of(text: str) -> float | None:
    """The number in a duration ('two', '18', 'a couple of'); None when vague ('several')."""
    text = text.strip().removesuffix(" more").removesuffix(" additional").removeprefix("a ").strip()
    if text in ("few", "several", "many", "number of", "couple of", "some", "recent"):
        return None if text != "couple of" else 2
    return parse_number(text or "a")


def clean(text: str) -> str:
    """Lower-case, one space between words, no possessive or final punctuation."""
    text = text.replace("’", "'").lower()
    text = re.sub(r"\s+", " ", text).strip().rstrip(".,;:")
    return re.sub(r"'s$", "", text)


class ResolverBase:
    """State and helpers shared by the resolver's handlers (anchor, tense, focus)."""

    def __init__(self, context: TimexContext) -> None:
        self.ctx = context
        self.anchor = context.anchor

    def _date(self, day: dt.date | None, granularity: str, kind: str = "DATE") -> TimexValue | None:
        if day is None:
            return TimexValue(kind, None, granularity)
        return TimexValue(kind, fmt(day, granularity), granularity)

    def _direction(self) -> int:
        return {"past": -1, "future": 1}.get(self.ctx.tense, 0)

    def _month_date(self, month: int, day: int | None, year: int | None) -> dt.date | None:
        """A month (and day) in the year the tense points to when no year is written."""
        if year is not None:
            return safe_date(year, month, day or 1)
        if self.anchor is None:
            return None
        candidates = [d for y in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1)
                      if (d := safe_date(y, month, day or 1)) is not None]
        reference = self.anchor if day else self.anchor.replace(day=1)
        direction = self._direction()
        if direction < 0:
            before = [d for d in candidates if d <= reference]
            return before[-1] if before else candidates[0]
        if direction > 0:
            after = [d for d in candidates if d >= reference]
            return after[0] if after else candidates[-1]
        return min(candidates, key=lambda d: abs((d - reference).days))

    def _focus_date(self) -> dt.date | None:
        return self.ctx.focus[0] if self.ctx.focus else self.anchor

    def _focus_day(self) -> dt.date | None:
        """The last day the text named, else the anchor (a bare '10 p.m.' is on that day)."""
        if self.ctx.focus and self.ctx.focus[1] == "day":
            return self.ctx.focus[0]
        return self.anchor

    def _focus_year_date(self) -> dt.date | None:
        if self.ctx.focus_year is not None:
            return dt.date(self.ctx.focus_year, 1, 1)
        return self.anchor

