"""Quantities in text: where a figure is written and what value and bounds it states.

'150' is exact; 'over 30' has a lower bound, 'nearly 200' an upper one, 'about
40' and 'dozens' are approximate, 'between 20 and 30' a range; '2.3 million',
'30%' and '$5 billion' carry a scale, a percent unit or a currency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.core.numbers import parse_number

NUMBER_WORDS = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)")
WORD_NUMBER = rf"{NUMBER_WORDS}(?:[\s-]+{NUMBER_WORDS})*(?:\s+(?:and\s+)?{NUMBER_WORDS})*"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?:hundred|thousand|million|billion|trillion|mn|bn|m|k)(?![\w])"
AMOUNT = (rf"(?:(?:{DIGITS})(?:\s*{SCALE})?(?:\s+{SCALE})?|(?:a|one|a\s+few|several)\s+(?:hundred|thousand|million|billion)"
          rf"(?:\s+{SCALE})?|(?:a|two|three|four|half\s+a)\s+dozen|{WORD_NUMBER}(?:\s+{SCALE})?(?:\s+{SCALE})?)")
VAGUE = (r"(?:dozens|scores|hundreds|thousands|millions|billions|tens\s+of\s+(?:thousands|millions|billions)"
         r"|a\s+handful)(?:\s+(?:of\s+)?(?:thousands|millions|billions))?")
CURRENCY_PREFIX = r"(?:US\$|USD\s?|\$|€|EUR\s?|£|GBP\s?|¥|₪|NIS\s?|ILS\s?|Rs\.?\s?|₹)"
CURRENCY_WORDS = (r"(?:dollars|euros|pounds\s+sterling|shekels|rupees|yuan|rubles|roubles|dinars|riyals|lira"
                  r"|yen|francs|pesos)")
PERCENT = r"(?:\s?%|\s+percent(?:age\s+points)?|\s+per\s+cent|\s+percentage\s+points)"
LOWER_BOUND = (r"(?:more\s+than|over|above|at\s+least|in\s+excess\s+of|upwards\s+of|no\s+(?:fewer|less)\s+than"
               r"|just\s+over|well\s+over|a\s+minimum\s+of|exceeding|beyond)")
UPPER_BOUND = (r"(?:nearly|almost|close\s+to|just\s+under|under|less\s+than|fewer\s+than|up\s+to|at\s+most"
               r"|no\s+more\s+than|a\s+maximum\s+of|below|as\s+many\s+as|as\s+much\s+as)")
ROUGHLY = r"(?:about|around|approximately|roughly|some|an\s+estimated|estimated|circa|an\s+approximate)"

_QUANTITY = (rf"(?:(?P<mod>{LOWER_BOUND}|{UPPER_BOUND}|{ROUGHLY})\s+)?(?P<between>between\s+)?(?P<cur>{CURRENCY_PREFIX})?"
             rf"(?P<amount>{AMOUNT}|{VAGUE})(?:\s*(?P<joint>-|–|to|and)\s*(?:{CURRENCY_PREFIX})?(?P<upper>{AMOUNT}))?"
             rf"(?P<pct>{PERCENT})?(?:\s+(?P<curword>{CURRENCY_WORDS}))?")
QUANTITY_RE = re.compile(rf"(?<![\w.,$€£¥₪-]){_QUANTITY}(?![\w])", re.IGNORECASE)

VAGUE_BOUNDS: dict[str, tuple[float, float | None]] = {
    "a handful": (2, 9), "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2000, 9999), "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9),
    "tens of thousands": (2e4, 99999), "tens of millions": (2e7, 9.99e7), "tens of billions": (2e10, 9.99e10),
    "hundreds of thousands": (2e5, 999999), "hundreds of millions": (2e8, 9.99e8),
    "thousands of millions": (2e9, 9.99e9), "millions of billions": (2e15, None),
}
"""Vague plurals read as intervals: 'dozens' is at least two dozen and fewer than a hundred."""

CURRENCY_CODES = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
                  "¥": "JPY", "₪": "ILS", "nis": "ILS", "ils": "ILS", "rs": "INR", "rs.": "INR", "₹": "INR",
                  "dollars": "USD", "euros": "EUR", "pounds sterling": "GBP", "shekels": "ILS", "rupees": "INR",
                  "yuan": "CNY", "rubles": "RUB", "roubles": "RUB", "yen": "JPY", "dinars": "dinar",
                  "riyals": "riyal", "lira": "lira", "francs": "franc", "pesos": "peso"}


@dataclass(frozen=True)
class Quantity:
    """One written quantity: its span (with any 'over'/'about'), where the number starts, value, bounds, unit."""

    start: int
    end: int
    amount_start: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None
    vague: bool


def _amount_value(text: str) -> float | None:
    text = re.sub(r"\s+", " ", text.lower()).strip()
    text = re.sub(r"(\d)\s*(mn|bn|m|k)$", r"\1 \2", text)
    return parse_number(text.replace("half a dozen", "6"))


def _is_range(match: re.Match[str], text: str) -> bool:
    """'between 20 and 30', '20-30', '20 to 30' (but not 'from 20 to 30', a change)."""
    joint = (match.group("joint") or "").lower()
    if not joint:
        return False
    if joint == "and":
        return bool(match.group("between"))
    if joint == "to":
        return not re.search(r"\bfrom\s+\S*$", text[max(0, match.start() - 12):match.start()], re.IGNORECASE)
    return True


def read_quantity(match: re.Match[str], text: str) -> Quantity | None:
    """Value, bounds and unit of a ``QUANTITY_RE`` match (None when the amount is unreadable)."""
    amount = re.sub(r"\s+", " ", match.group("amount").lower())
    mod = re.sub(r"\s+", " ", (match.group("mod") or "").lower())
    vague = amount in VAGUE_BOUNDS
    if vague:
        value, (low, high) = None, VAGUE_BOUNDS[amount]
    else:
        value = _amount_value(amount)
        if value is None:
            return None
        low = high = None
    approximate = vague
    end = match.end()
    if match.group("upper") and not _is_range(match, text):
        end = match.end("amount")
        if match.group("between"):
            return None
    elif match.group("upper"):
        upper = _amount_value(match.group("upper"))
        if upper is not None and value is not None and upper > value:
            value, low, high = None, value, upper
            approximate = True
    if mod and value is not None:
        approximate = True
        if re.fullmatch(LOWER_BOUND, mod):
            low = value
        elif re.fullmatch(UPPER_BOUND, mod):
            high = value
    elif mod:
        approximate = True
    unit = None
    if match.group("pct") and end == match.end():
        unit = "percent"
    currency = (match.group("cur") or (match.group("curword") if end == match.end() else "") or "").strip().lower()
    if currency:
        unit = CURRENCY_CODES.get(currency, currency)
    amount_start = match.start("between") if match.group("between") else match.start("cur") if match.group("cur") \
        else match.start("amount")
    return Quantity(match.start(), end, amount_start, value, low, high, approximate, unit, vague)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity written in ``text``, in order (not yet checked against dates or names)."""
    found = []
    position = 0
    while match := QUANTITY_RE.search(text, position):
        quantity = read_quantity(match, text)
        if quantity is not None:
            found.append(quantity)
        position = quantity.end if quantity is not None else match.end()
    return found
