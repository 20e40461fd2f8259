"""Words of English time expressions and their TimeML meanings (written from TIMEX3 guidelines)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "evening": "EV", "night": "NI",
    "tonight": "NI", "overnight": "NI", "midday": "MI", "dawn": "MO", "dusk": "EV",
}

CLOCK_WORDS: dict[str, str] = {"noon": "T12:00", "midnight": "T24:00"}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "single": 1, "couple": 2, "dozen": 12, "half": 0,
}

VAGUE_COUNTS: frozenset[str] = frozenset({"few", "several", "many", "some", "couple", "number", "recent"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}

UNITS: dict[str, str] = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "centurie": "CE", "millennium": "ML", "half": "HALF",
}
"""Singular time units → TimeML duration letter (MIN/S/H take a ``T`` prefix)."""

ADVERB_SETS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
}

PRESENT_WORDS: frozenset[str] = frozenset({"now", "currently", "nowadays", "presently", "right now",
                                           "these days", "at present", "at the moment"})
PAST_WORDS: frozenset[str] = frozenset({"recently", "lately", "the past", "more recently", "in the past",
                                        "until recently"})
FUTURE_WORDS: frozenset[str] = frozenset({"the future", "the near future", "soon",
                                          "the foreseeable future", "the long term", "the near term",
                                          "the short term"})

HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "independence day": (7, 4),
    "valentine's day": (2, 14), "halloween": (10, 31), "new year": (1, 1),
}
"""Fixed-date holidays (month, day)."""

NTH_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
}
"""Holidays on the n-th weekday of a month: (month, weekday, n); n = -1 means the last one."""
