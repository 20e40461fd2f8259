"""Reading English numbers: '150', '2.3 million', 'twenty-five', 'a dozen', '5 1/2'."""

from __future__ import annotations

import re

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}
EXTRA_WORDS: dict[str, float] = {"a": 1, "an": 1, "single": 1, "couple": 2, "pair": 2, "dozen": 12,
                                 "half": 0.5, "quarter": 0.25}

_DIGITS = re.compile(r"^(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:\s+(\d+)/(\d+))?$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_SUFFIXED = re.compile(r"^([\d.,]*\d)(k|m|mn|bn|b|tn)$")
_MULTIPLIERS = frozenset({"dozen", "half", "quarter", "couple", "pair"})


def parse_digits(text: str) -> float | None:
    """'1,500' → 1500.0; '5 1/2' → 5.5; '3/4' → 0.75; else None."""
    text = text.strip()
    match = _DIGITS.match(text)
    if match:
        value = float(match.group(1).replace(",", ""))
        if match.group(2):
            value += int(match.group(2)) / max(int(match.group(3)), 1)
        return value
    match = _FRACTION.match(text)
    if match and int(match.group(2)):
        return int(match.group(1)) / int(match.group(2))
    return None


def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words or both; None if it is not one."""
    words: list[str] = []
    for word in re.split(r"[\s-]+", text.lower().replace(" and ", " ").strip()):
        suffixed = _SUFFIXED.match(word)
        words.extend(suffixed.groups() if suffixed else [word] if word else [])
    if not words:
        return None
    total = 0.0
    current: float | None = None
    seen = False
    for word in words:
        digits = parse_digits(word)
        if digits is not None:
            current = (current or 0) + digits
        elif word in UNITS_WORDS:
            current = (current or 0) + UNITS_WORDS[word]
        elif word in EXTRA_WORDS:
            current = (current or 1) * EXTRA_WORDS[word] if word in _MULTIPLIERS \
                else (current or 0) + EXTRA_WORDS[word]
        elif word in SCALES:
            scale = SCALES[word]
            current = (current if current is not None else 1) * scale
            if scale >= 1000:
                total += current
                current = None
        elif word == "of":
            continue
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + (current or 0)
