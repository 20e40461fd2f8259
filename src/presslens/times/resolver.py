"""The resolver: TimeML type and value of one expression (see ``timex_values`` for the conventions)."""

from __future__ import annotations

import datetime as dt
import re

from .dates import UNIT_GRANULARITY, duration_value, fmt, nearest_weekday, shift
from .lexicon import (ADVERB_SETS, CLOCK_WORDS, DAY_PARTS, FUTURE_WORDS, MONTHS, PAST_WORDS, PRESENT_WORDS, SEASONS,
                      WEEKDAYS)
from .named import NamedDates
from .values import (ANAPHORIC, DIRECTION_WORDS, MOD_RE, MODS, NUM_GROUP, SHIFT_WORDS, UNIT_GROUP, VAGUE_SPAN,
                     WEEKDAY_WORDS, TimexValue, amount_of, clean, unit_code)

_BACKWARD = frozenset({"past", "last", "recent", "previous", "preceding"})
_FORWARD = frozenset({"next", "coming", "following", "ensuing"})
_DIRECTIONS = "|".join(sorted(_BACKWARD | _FORWARD))
_VAGUE_AMOUNTS = frozenset({"few", "several", "a few", "many", "a number of", "couple of", "a couple of"})
_COUNTED_DURATION = re.compile(
    rf"(?:each of the |the )?(?:(?P<dir>{_DIRECTIONS}|first|final|remaining|latest|same|other) )?"
    rf"{NUM_GROUP}[ -](?:more |additional |full |straight |consecutive )?{UNIT_GROUP}(?:-long)?")
_VAGUE_DURATION = re.compile(rf"(?:the )?(?:(?P<dir>{_DIRECTIONS}) )?(?:few |several )?"
                             rf"{UNIT_GROUP}(?:-long)?")
_PAIRED_DURATION = re.compile(r"(?:the )?(?:(?P<dir>past|last|coming|next) )?(?:few |several )?"
                              r"(?:hours|weeks|days|months|years) (?:and|or) (?P<unit>weeks|months|years)")


def _duration_parts(t: str) -> tuple[float | None, str, str | None] | None:
    """(amount or None when vague, unit code, direction word) of a duration phrase, else None."""
    match = _COUNTED_DURATION.fullmatch(t)
    if match:
        amount = amount_of(match.group("num"))
        if amount is not None or match.group("num").strip() in _VAGUE_AMOUNTS:
            unit = unit_code(match.group("unit"))
            return (amount, unit, match.group("dir")) if unit != "X" else None
    match = _VAGUE_DURATION.fullmatch(t) if t.endswith(("s", "s-long")) else None
    match = match or _PAIRED_DURATION.fullmatch(t)
    if match is None or unit_code(match.group("unit")) == "X":
        return None
    return None, unit_code(match.group("unit")), match.group("dir")


class Resolver(NamedDates):
    """Resolves one expression in its context: ``Resolver(context).normalize(text, family)``."""

    def normalize(self, text: str, family: str) -> TimexValue:
        t = re.sub(r"^the (?=(?:early|late|mid|end|beginning|start|middle)\b)", "", clean(text))
        mod, approximate = None, False
        while match := MOD_RE.match(t):
            name = next(k for k, v in match.groupdict().items() if v)
            mod = MODS[int(name[1:])][1] or mod
            approximate = approximate or mod in ("APPROX", "LESS_THAN", "MORE_THAN")
            t = t[match.end():]
        t = re.sub(r"^the ", "", t) if family != "reference" else t
        for handler in (self._reference, self._set, self._clock, self._relative_shift, self._year_ago,
                        self._duration, self._calendar_date, self._decade, self._quarter, self._season,
                        self._relative_unit, self._day_word, self._weekday, self._holiday, self._spoken_year, self._year):
            result = handler(t)
            if result is not None:
                if mod and result.mod is None and result.type != "SET":
                    result = TimexValue(result.type, result.value, result.granularity, result.range_start,
                                        result.range_end, result.approximate or approximate, mod)
                return result
        return TimexValue("DATE", None)

    def _reference(self, t: str) -> TimexValue | None:
        bare = re.sub(r"^(?:more|most|only|until|right|at) ", "", t)
        for words, value in ((PRESENT_WORDS, "PRESENT_REF"), (PAST_WORDS, "PAST_REF"), (FUTURE_WORDS, "FUTURE_REF")):
            if t in words or bare in words or ("the " + t) in words:
                return TimexValue("DATE", value)
        if t in ("current", "recent", "then current"):
            return TimexValue("DATE", {"current": "PRESENT_REF"}.get(t, "PAST_REF"))
        if re.fullmatch(r"(?:the )?(?:near|short|long|medium)[ -]term", t):
            return TimexValue("DATE", "FUTURE_REF")
        return None

    def _set(self, t: str) -> TimexValue | None:
        if t in ADVERB_SETS:
            return TimexValue("SET", ADVERB_SETS[t])
        match = re.fullmatch(r"(?:every|each) (other )?(.+)", t) or \
            re.fullmatch(r"(?:once|twice|\w+ times) (?:a|an|per|each|every) ()(.+)", t)
        if match:
            step = 2 if match.group(1) else 1
            inner = match.group(2)
            if inner.rstrip(".") in WEEKDAYS:
                return TimexValue("SET", f"XXXX-WXX-{WEEKDAYS[inner.rstrip('.')] + 1}")
            if inner.rstrip(".") in MONTHS:
                return TimexValue("SET", f"XXXX-{MONTHS[inner.rstrip('.')]:02d}")
            if inner in SEASONS:
                return TimexValue("SET", f"XXXX-{SEASONS[inner]}")
            unit = unit_code(inner)
            return TimexValue("SET", duration_value(step, unit)) if unit != "X" else None
        match = re.fullmatch(rf"({WEEKDAY_WORDS})s(?: and ({WEEKDAY_WORDS})s)?", t)
        if match:
            return TimexValue("SET", f"XXXX-WXX-{WEEKDAYS[match.group(1)] + 1}")
        return None

    def _clock(self, t: str) -> TimexValue | None:
        match = re.search(r"(?:\b(\d{1,2})(?::(\d\d))?\s*([ap])\.?m\b\.?|\b(\d{1,2}):(\d\d)|\b(noon|midnight)\b)"
                          r"(?: (?:est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet))?", t)
        if match:
            if match.group(6):
                clock = CLOCK_WORDS[match.group(6)]
            else:
                hour = int(match.group(1) or match.group(4))
                minute = int(match.group(2) or match.group(5) or 0)
                if match.group(3) == "p" and hour < 12:
                    hour += 12
                if match.group(3) == "a" and hour == 12:
                    hour = 0
                if hour > 24 or minute > 59:
                    return None
                clock = f"T{hour:02d}:{minute:02d}"
            rest = (t[:match.start()] + " " + t[match.end():]).strip(" ,")
            rest = re.sub(r"^(?:on|at|about|around|approximately|(?:shortly|just) (?:before|after)) ", "", rest)
            day = self._day_of(rest) if rest else self._focus_day()
            if rest and day is None and self.anchor is not None:
                return None
            return TimexValue("TIME", (day.isoformat() if day else "XXXX-XX-XX") + clock, "time")
        match = re.fullmatch(rf"(.*?)\s*\b(mid-?afternoon|mid afternoon|{'|'.join(DAY_PARTS)})\b\s*(.*)", t)
        if match and (match.group(1) or match.group(3) or match.group(2) in ("tonight", "overnight")):
            part = DAY_PARTS.get(match.group(2).replace(" ", "-"), "AF")
            rest = (match.group(1) + " " + match.group(3)).strip()
            if rest in ("", "the", "this"):
                day = self.anchor
            elif rest in ("last", "yesterday"):
                day = shift(self.anchor, -1, "D") if self.anchor and (rest == "yesterday" or part == "NI") else self.anchor
            else:
                day = self._day_of(rest)
                if day is None:
                    return None
            return TimexValue("TIME", (day.isoformat() if day else "XXXX-XX-XX") + "T" + part, "time")
        return None

    def _day_of(self, t: str) -> dt.date | None:
        """The day a phrase names ('friday', 'yesterday', 'nov. 6'), or None."""
        for handler in (self._day_word, self._weekday, self._calendar_date, self._holiday):
            result = handler(t)
            if result is not None and result.value and result.granularity == "day":
                return dt.date.fromisoformat(result.value[:10])
        return None

    def _relative_shift(self, t: str) -> TimexValue | None:
        """'two years ago', 'a week earlier', 'three days later'."""
        match = re.fullmatch(rf"{NUM_GROUP} {UNIT_GROUP} (?P<dir>ago|earlier|later|before|after|from now|hence)", t)
        if not match:
            return None
        unit = unit_code(match.group("unit"))
        amount = amount_of(match.group("num"))
        direction = DIRECTION_WORDS[match.group("dir")]
        anaphoric = match.group("dir") not in ("ago", "from now", "hence")
        base = self._focus_date() if anaphoric else self.anchor
        if unit == "Y" and amount == 1 and self.ctx.quarter_focus is not None:
            return self._date(shift(self.ctx.quarter_focus, -12 if direction < 0 else 12, "M"), "quarter")
        if base is None:
            return TimexValue("DATE", None)
        if amount is None:
            return TimexValue("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", approximate=True)
        granularity = UNIT_GRANULARITY.get(unit, "day")
        if granularity in ("decade", "century"):
            granularity = "year"
        if granularity == "time":
            return TimexValue("DURATION", duration_value(amount, unit), "time")
        return self._date(shift(base, direction * amount, unit), granularity)

    def _year_ago(self, t: str) -> TimexValue | None:
        """'the year-earlier quarter', 'year-ago period', 'the same period last year'."""
        match = re.fullmatch(r"(?:the )?(year|month|week|quarter)[ -](?:earlier|ago)(?: (.*))?", t) or \
            re.fullmatch(r"(?:the )?(?:same|corresponding|comparable) (period|quarter)"
                         r" (?:a year (?:ago|earlier)|last year)", t)
        if not match:
            return None
        inner = match.group(2) if match.lastindex and match.lastindex >= 2 else None
        if inner and re.fullmatch(r"[\w-]+ months", inner):
            return TimexValue("DURATION", duration_value(amount_of(inner.split()[0]), "M"), "month")
        if self.ctx.quarter_focus is not None:
            return self._date(shift(self.ctx.quarter_focus, -12, "M"), "quarter")
        unit = {"year": "Y", "month": "M", "week": "W", "quarter": "Q", "period": "Y"}[match.group(1)]
        base = self._focus_date()
        return self._date(shift(base, -1, unit) if base else None, UNIT_GRANULARITY[unit])

    def _duration(self, t: str) -> TimexValue | None:
        """'two years', 'the past two months', '18 months', 'two-year', 'the past months', 'recent weeks'.

        A duration counted back or forward from the anchor also gets its interval
        ('the past two months' from a 2024-05-01 anchor: 2024-03 .. 2024-05-01).
        """
        parts = _duration_parts(t)
        if parts is None:
            return None
        amount, unit, direction = parts
        value = TimexValue("DURATION", duration_value(amount, unit), UNIT_GRANULARITY.get(unit),
                           approximate=amount is None)
        if direction not in _BACKWARD | _FORWARD or self.anchor is None or unit in ("H", "MIN", "S"):
            return value
        forward = direction in _FORWARD
        span = amount if amount is not None else VAGUE_SPAN.get(unit, 1)
        granularity = {"week": "day", "weekend": "day", "decade": "month", "century": "month", "half": "month",
                       "quarter": "month"}.get(UNIT_GRANULARITY.get(unit, "day"), UNIT_GRANULARITY.get(unit, "day"))
        other = fmt(shift(self.anchor, span if forward else -span, unit), granularity)
        start, end = (self.anchor.isoformat(), other) if forward else (other, self.anchor.isoformat())
        return TimexValue("DURATION", value.value, value.granularity, start, end, amount is None)

    def _relative_unit(self, t: str) -> TimexValue | None:
        """'last year', 'this week', 'the previous year', 'earlier this month', 'the weekend'."""
        match = re.fullmatch(rf"(?:(?:earlier|later|early|late) )?(?:in )?(?P<shift>this past|{'|'.join(SHIFT_WORDS)})?"
                             r" ?(?:fiscal |full |calendar )?"
                             r"(?P<unit>year|month|week|weekend|quarter|decade|day|period|term)"
                             r"(?P<end>'s end| end|-end)?", t)
        if not match:
            return None
        word = match.group("shift") or "the"
        unit_word = match.group("unit")
        if unit_word == "year" and word == "the" and not match.group("end"):
            if re.match(r"\s*(?:ended|ending|to)\b", self.ctx.after):
                return TimexValue("DURATION", "P1Y", "year")
            return self._date(self._focus_year_date(), "year")
        if unit_word in ("period", "term") or (unit_word == "quarter" and word in ("the", "latest", "that", "same")):
            if unit_word == "term":
                return None
            if self.ctx.quarter_focus is not None:
                return self._date(self.ctx.quarter_focus, "quarter")
            if unit_word == "period" or self.anchor is None:
                return None
            if word in ("the", "latest"):
                return self._date(shift(self.anchor, -1, "Q"), "quarter")
        unit = {"year": "Y", "month": "M", "week": "W", "weekend": "WE", "quarter": "Q", "decade": "DE",
                "day": "D"}[unit_word]
        granularity = UNIT_GRANULARITY[unit]
        if unit == "WE":
            return self._weekend(SHIFT_WORDS.get(word, 0) if word not in ("the", "this") else None)
        if word in ANAPHORIC:
            base = self._focus_year_date() if unit == "Y" else self._focus_date()
        else:
            base = self.anchor
        if base is None:
            return TimexValue("DATE", None, granularity)
        if word == "the" and unit in ("M", "W", "D") and self.ctx.focus is None:
            return None
        return self._date(shift(base, SHIFT_WORDS.get(word, 0), unit), granularity)

    def _weekend(self, direction: int | None) -> TimexValue:
        if self.anchor is None:
            return TimexValue("DATE", None, "weekend")
        if direction is None:
            direction = 1 if self.ctx.tense == "future" else -1
        saturday = nearest_weekday(self.anchor, 5, direction)
        if direction < 0 and self.anchor.weekday() == 5:
            saturday = self.anchor
        return self._date(saturday, "weekend")
