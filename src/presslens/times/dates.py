"""Calendar arithmetic and TimeML value formatting at a granularity."""

from __future__ import annotations

import calendar
import datetime as dt
import re

GRANULARITY_ORDER = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "weekend", "day")

DURATION_LETTER = {"S": "S", "MIN": "M", "H": "H", "D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y",
                   "WE": "WE", "FN": "W", "DE": "Y", "CE": "Y", "ML": "Y", "HALF": "M"}
DURATION_FACTOR = {"FN": 2, "DE": 10, "CE": 100, "ML": 1000, "HALF": 6}
"""Units written with another letter: a fortnight is 2 weeks, a decade 10 years (as TimeBank writes them)."""

_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
"""A fractional amount is written with the next smaller unit: 2.5 years → P2Y6M."""

UNIT_GRANULARITY = {"D": "day", "W": "week", "WE": "weekend", "FN": "week", "M": "month", "Q": "quarter",
                    "Y": "year", "DE": "decade", "CE": "century", "ML": "century", "HALF": "half",
                    "H": "time", "MIN": "time", "S": "time"}


def parse_anchor(value: str | None) -> dt.date | None:
    """The date part of an ISO date or date-time string (``None`` when unreadable)."""
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of the target month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, amount: float, unit: str) -> dt.date:
    """``day`` moved by ``amount`` units (D, W, WE, FN, M, Q, Y, DE, CE, HALF)."""
    amount = int(round(amount))
    if unit in ("D",):
        return day + dt.timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + dt.timedelta(weeks=amount)
    if unit == "FN":
        return day + dt.timedelta(weeks=2 * amount)
    months = {"M": 1, "Q": 3, "HALF": 6, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}.get(unit)
    if months is None:
        return day
    return add_months(day, amount * months)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, TimeML season code) of a day; winter belongs to the year of its December."""
    month = day.month
    if month in (3, 4, 5):
        return day.year, "SP"
    if month in (6, 7, 8):
        return day.year, "SU"
    if month in (9, 10, 11):
        return day.year, "FA"
    return (day.year if month == 12 else day.year - 1), "WI"


def fmt(day: dt.date, granularity: str) -> str:
    """The TimeML value of ``day`` at a granularity ('2022', '2023-08', '1998-W02', '1989-Q3' …)."""
    if granularity == "century":
        return f"{day.year // 100:02d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if granularity == "season":
        year, code = season_of(day)
        return f"{year:04d}-{code}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if granularity == "weekend" else "")
    return day.isoformat()


def duration_value(amount: float | None, unit: str) -> str:
    """A TimeML duration: ``P2Y``, ``PT5H``, ``P10Y`` (a decade), ``PXM`` (vague)."""
    letter = DURATION_LETTER.get(unit, "X")
    if amount is not None and not float(amount).is_integer() and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        whole, part = int(amount), round((amount - int(amount)) * factor)
        prefix = "PT" if unit in ("H", "MIN", "S") else "P"
        tail = duration_value(part, smaller)
        tail = tail[2:] if tail.startswith("PT") else tail[1:]
        separator = "T" if smaller in ("H", "MIN", "S") and prefix == "P" else ""
        return f"{prefix}{whole}{letter}{separator}{tail}" if whole else duration_value(part, smaller)
    if amount is None:
        number = "X"
    else:
        scaled = amount * DURATION_FACTOR.get(unit, 1)
        number = str(int(scaled)) if float(scaled).is_integer() else f"{scaled:g}"
    prefix = "PT" if unit in ("H", "MIN", "S") else "P"
    return f"{prefix}{number}{letter}"


def nearest_weekday(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The ``weekday`` on or before (direction < 0) or on or after (> 0) ``anchor``."""
    delta = (weekday - anchor.weekday()) % 7
    if direction > 0:
        return anchor + dt.timedelta(days=delta)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ``weekday`` of a month (``nth`` = -1: the last one)."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).weekday() == weekday]
    return dt.date(year, month, days[nth - 1 if nth > 0 else nth])


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def easter(year: int) -> dt.date:
    """Easter Sunday of a year (Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    return dt.date(year, month, (h + weekday_shift - 7 * m + 33 * month + 19) % 32)
