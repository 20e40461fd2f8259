"""Handlers for named calendar units: dates, months, weekdays, years, decades, quarters, seasons, holidays."""

from __future__ import annotations

import datetime as dt
import re

from presslens.core.numbers import parse_number

from .dates import easter, nearest_weekday, nth_weekday, quarter_of, safe_date, season_of, shift
from .lexicon import HOLIDAYS, MONTHS, NTH_WEEKDAY_HOLIDAYS, ORDINALS, SEASONS, WEEKDAYS
from .values import MONTH_WORDS, SHIFT_WORDS, WEEKDAY_WORDS, ResolverBase, TimexValue


class NamedDates(ResolverBase):
    """Each handler returns None when the text is not its kind."""

    def _calendar_date(self, t: str) -> TimexValue | None:
        """'aug. 7, 1998', 'monday, oct. 26', '7 august', 'july 1997', 'march', '1998-01-06', '1/6/98'."""
        week = bool(re.match(r"(?:the )?week of ", t))
        t = re.sub(r"^(?:the )?week of ", "", t)
        named = re.match(rf"(?:{WEEKDAY_WORDS})(?=\.?,? (?:(?:{MONTH_WORDS})|\d))", t)
        weekday = WEEKDAYS[named.group()] if named else None
        t = re.sub(rf"^(?:{WEEKDAY_WORDS})\.?,? (?=(?:{MONTH_WORDS})|\d)", "", t)
        match = re.fullmatch(rf"(?:(?P<shift>last|this|next|past) )?(?P<month>{MONTH_WORDS})\.?"
                             rf"(?: (?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,? (?:of )?(?P<year>\d{{4}}))?"
                             rf"(?P<rel> (?:this|last|next) year)?", t) or \
            re.fullmatch(rf"(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{MONTH_WORDS})\.?"
                         rf"(?:,? (?P<year>\d{{4}}))?", t)
        if match:
            groups = match.groupdict()
            month = MONTHS[groups["month"]]
            day = int(groups["day"]) if groups.get("day") else None
            year = int(groups["year"]) if groups.get("year") else None
            if groups.get("rel") and self.anchor:
                year = self.anchor.year + {"this": 0, "last": -1, "next": 1}[groups["rel"].split()[0]]
            if groups.get("shift") in ("last", "past", "next") and self.anchor and year is None:
                step = -1 if groups["shift"] in ("last", "past") else 1
                year = self.anchor.year if (month - self.anchor.month) * step > 0 else self.anchor.year + step
            elif groups.get("shift") == "this" and self.anchor and year is None:
                year = self.anchor.year
            date = self._month_date(month, day, year)
            if weekday is not None and day and year is None and self.anchor is not None:
                matching = [d for y in (self.anchor.year, self.anchor.year - 1, self.anchor.year + 1)
                            if (d := safe_date(y, month, day)) and d.weekday() == weekday]
                date = matching[0] if matching else date
            return self._date(date, "week" if week else "day" if day else "month")
        match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", t) or re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", t)
        if match:
            a, b, c = (int(g) for g in match.groups())
            year, month, day = (a, b, c) if a > 31 else (c + (1900 if c >= 50 else 2000) if c < 100 else c, a, b)
            return self._date(safe_date(year, month, day), "day")
        return None

    def _decade(self, t: str) -> TimexValue | None:
        match = re.fullmatch(r"(?:the )?(?:(?:early|late|mid)[ -])?(\d\d)?(\d)0s|(?:the )?'(\d)0s", t)
        if match:
            if match.group(3):
                if self.anchor is None:
                    century = "19"
                else:
                    later = int(match.group(3)) * 10 > self.anchor.year % 100
                    century = str(self.anchor.year // 100 - (1 if later else 0))
                return TimexValue("DATE", f"{century}{match.group(3)}", "decade")
            century = match.group(1) or ("19" if not self.anchor else str(self.anchor.year // 100))
            return TimexValue("DATE", f"{century}{match.group(2)}", "decade")
        match = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century|(?:the )?(\w+) century", t)
        if match:
            number = int(match.group(1)) if match.group(1) else {**ORDINALS, "nineteenth": 19, "twentieth": 20,
                                                                    "twenty-first": 21}.get(match.group(2) or "")
            if number:
                return TimexValue("DATE", f"{number - 1:02d}", "century")
            shift_word = match.group(2)
            if shift_word in SHIFT_WORDS and self.anchor:
                return self._date(shift(self.anchor, SHIFT_WORDS[shift_word], "CE"), "century")
        return None

    def _quarter(self, t: str) -> TimexValue | None:
        match = re.fullmatch(r"(?:(?:fiscal|calendar|year-earlier|year-ago|latest|current|same|comparable|previous|final"
                             r"|flat) )*(?:(?P<year0>\d{4}) )?(?P<ord>\w+)[ -](?:fiscal )?(?:- ?)?quarters?"
                             r"(?: (?:of )?(?:fiscal )?(?P<year>\d{4}))?", t)
        if match and (match.group("ord") in ORDINALS or match.group("ord") in ("final", "last")):
            number = 4 if match.group("ord") in ("final", "last") else ORDINALS[match.group("ord")]
            if number > 4:
                return None
            if match.group("year") or match.group("year0"):
                year = int(match.group("year") or match.group("year0"))
            elif "year-earlier" in t or "year-ago" in t:
                base = self.ctx.quarter_focus or self.anchor
                year = base.year - 1 if base else None
            else:
                year = self._quarter_year(number)
            if year is None:
                return TimexValue("DATE", f"XXXX-Q{number}", "quarter")
            return TimexValue("DATE", f"{year:04d}-Q{number}", "quarter")
        match = re.fullmatch(r"(\d{4}) (?:quarter|period)", t)
        if match:
            year = int(match.group(1))
            if self.ctx.quarter_focus is not None:
                return TimexValue("DATE", f"{year:04d}-Q{quarter_of(self.ctx.quarter_focus)}", "quarter")
            return TimexValue("DATE", f"{year:04d}", "year")
        match = re.fullmatch(r"q([1-4])(?: (\d{4}))?", t)
        if match:
            year = int(match.group(2)) if match.group(2) else self._quarter_year(int(match.group(1)))
            return TimexValue("DATE", f"{year:04d}-Q{match.group(1)}" if year else None, "quarter")
        match = re.fullmatch(r"(first|second|last|latter) half(?: of (?:(\d{4})|(?:the|this) year|(last|next) year))?", t)
        if match:
            half = 1 if match.group(1) == "first" else 2
            year = int(match.group(2)) if match.group(2) else (self.anchor.year if self.anchor else None)
            if year and match.group(3):
                year += -1 if match.group(3) == "last" else 1
            return TimexValue("DATE", f"{year:04d}-H{half}" if year else None, "half")
        return None

    def _quarter_year(self, number: int) -> int | None:
        """The year of a quarter named without one: that of the latest such quarter begun by the anchor."""
        if self.anchor is None:
            return None
        if number > quarter_of(self.anchor) and self.ctx.tense != "future":
            return self.anchor.year - 1
        return self.anchor.year

    def _season(self, t: str) -> TimexValue | None:
        match = re.fullmatch(r"(?:(?P<shift>last|this past|this|next|past|coming|that|the) )?(?:early |late )?"
                             r"(?P<season>spring|summer|fall|autumn|winter)(?: (?:of )?(?P<year>\d{4}))?", t)
        if not match:
            return None
        code = SEASONS[match.group("season")]
        if match.group("year"):
            return TimexValue("DATE", f"{match.group('year')}-{code}", "season")
        if self.anchor is None:
            return TimexValue("DATE", None, "season")
        order = ("SP", "SU", "FA", "WI")
        year, current_code = season_of(self.anchor)
        current = year * 4 + order.index(current_code)
        same_year = year * 4 + order.index(code)
        earlier = [i for i in (same_year - 4, same_year, same_year + 4) if i < current]
        later = [i for i in (same_year - 4, same_year, same_year + 4) if i > current]
        word = match.group("shift") or ""
        if word in ("last", "this past", "past"):
            target = earlier[-1]
        elif word in ("next", "coming"):
            target = later[0]
        elif same_year == current or self.ctx.tense == "present":
            target = same_year
        else:
            target = later[0] if self.ctx.tense == "future" else earlier[-1]
        return TimexValue("DATE", f"{target // 4:04d}-{order[target % 4]}", "season")

    def _day_word(self, t: str) -> TimexValue | None:
        offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                   "the day after tomorrow": 2, "earlier in the day": 0, "that day": None, "the same day": None,
                   "that same day": None, "this day": 0, "in the day": 0}
        if t not in offsets:
            return None
        offset = offsets[t]
        base = self.anchor if offset is not None else self._focus_date()
        return self._date(shift(base, offset or 0, "D") if base else None, "day")

    def _weekday(self, t: str) -> TimexValue | None:
        match = re.fullmatch(rf"(?:(?P<shift>last|this|next|past|coming) )?(?P<day>{WEEKDAY_WORDS})\.?", t)
        if not match:
            return None
        if self.anchor is None:
            return TimexValue("DATE", None, "day")
        weekday = WEEKDAYS[match.group("day")]
        word = match.group("shift")
        if word in ("last", "past"):
            day = nearest_weekday(self.anchor - dt.timedelta(days=1), weekday, -1)
        elif word in ("next", "coming"):
            day = nearest_weekday(self.anchor + dt.timedelta(days=1), weekday, 1)
        elif word == "this":
            day = self.anchor + dt.timedelta(days=weekday - self.anchor.weekday())
        else:
            day = nearest_weekday(self.anchor, weekday, 1 if self.ctx.tense == "future" else -1)
        return self._date(day, "day")

    def _holiday(self, t: str) -> TimexValue | None:
        match = re.fullmatch(r"(?:(last|this|next) )?(.+)", t)
        name = match.group(2) if match else t
        if name not in HOLIDAYS and name not in NTH_WEEKDAY_HOLIDAYS and name not in ("easter", "easter sunday"):
            return None
        if self.anchor is None:
            return TimexValue("DATE", None, "day")

        def on(year: int) -> dt.date:
            if name.startswith("easter"):
                return easter(year)
            if name in HOLIDAYS:
                return dt.date(year, *HOLIDAYS[name])
            month, weekday, nth = NTH_WEEKDAY_HOLIDAYS[name]
            return nth_weekday(year, month, weekday, nth)

        word = match.group(1) if match else None
        direction = {"last": -1, "next": 1}.get(word or "", self._direction() or -1)
        candidates = [on(y) for y in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1)]
        if word == "this":
            return self._date(on(self.anchor.year), "day")
        if direction < 0:
            return self._date(max(d for d in candidates if d <= self.anchor), "day")
        return self._date(min(d for d in candidates if d >= self.anchor), "day")

    def _spoken_year(self, t: str) -> TimexValue | None:
        """'nineteen ninety-six', 'the year two thousand'."""
        match = re.fullmatch(r"(?:year )?(nineteen|eighteen|twenty)(?: hundred(?: and)?)? (.+)"
                             r"|(?:year )?(two thousand(?: .+)?)", t)
        if not match:
            return None
        if match.group(3):
            value = parse_number(match.group(3))
        else:
            rest = parse_number(match.group(2).replace("o ", "").replace("oh ", ""))
            century = parse_number(match.group(1))
            value = century * 100 + rest if rest is not None and century and rest < 100 else None
        return TimexValue("DATE", f"{int(value):04d}", "year") if value and 1000 <= value < 2100 else None

    def _year(self, t: str) -> TimexValue | None:
        match = re.fullmatch(r"(?:(?:fiscal|calendar|model)(?: year)? |year )?(\d{4})(?: (?:period|fiscal year))?", t)
        if match:
            return TimexValue("DATE", match.group(1), "year")
        return None
