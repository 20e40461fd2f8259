"""Regular expressions that find time expressions with TimeML extents.

Extents follow the TIMEX3 guidelines: determiners and modifiers ('the', 'last',
'early', 'about', 'more than') belong to the expression, prepositions ('in',
'over', 'since') do not. Month and weekday names must be capitalised, so that
'may' (the modal) and 'march' (the verb) are not dates.
"""

from __future__ import annotations

import re

from .lexicon import NUMBER_WORDS, ORDINALS

_END = r"(?![\w-])"
"""End of a word (a hyphenated compound continues the word)."""

MONTH = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s+\d)))(?!\w)")
WEEKDAY_NAME = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY = rf"(?:{WEEKDAY_NAME}|(?-i:Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.))(?!\w)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[0-9]|20)\d\d(?![\d,.]\d)"
NUMBER_WORD = "|".join(sorted((w for w in NUMBER_WORDS if w not in {"a", "an", "half"}), key=len, reverse=True))
NUMBER = (rf"(?:(?!(?:1[89]|20)\d\d(?!\d))\d+(?:\.\d+)?(?:\s+\d/\d)?|(?:{NUMBER_WORD})(?:[\s-](?:{NUMBER_WORD}))*"
          rf"(?:\s+and\s+a\s+half)?)(?!\w)")
ARTICLE_NUMBER = rf"(?:{NUMBER}|an?(?!\w))"
UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?"
        r"|years?|decades?|centur(?:y|ies)|millenni(?:um|a))" + _END + r"(?!\s+old\b)(?!(?<=quarter)\s+of\b)"
        r"(?!(?<=quarters)\s+of\b)")
"""A time unit; not an age ('52 years old') nor a fraction ('a quarter of the voters')."""
UNIT_SINGULAR = r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century)" + _END
UNIT_PLURAL = r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)" + _END
SEASON = r"(?:spring|summer|fall|autumn|winter)" + _END
DAY_PART = r"(?:morning|afternoon|mid-afternoon|evening|night)" + _END
ORDINAL = "|".join(sorted(ORDINALS, key=len, reverse=True))
APPROX = (r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than"
          r"|at\s+least|at\s+most|up\s+to|over(?!\s+the)|under|just|only|barely|well\s+over)")
SHIFT = r"(?:last|this|next|past|coming|previous|preceding|following|current|same|prior|latest|that)"
EDGE = (r"(?:(?:early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle|rest)\s+of)[\s-]+"
        r"|(?:the\s+)?(?:early|late|mid)[\s-]+)")
CLOCK = (r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?!\w)|\d{1,2}:\d\d(?!\d)|noon|midnight)"
         r"(?:\s+(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET)(?!\w))?")
YEAR_TAIL = rf"(?:,?\s+{YEAR})"
_AFTER_PREPOSITION = r"(?<=\bin\s)|(?<=during\s)|(?<=\bby\s)|(?<=until\s)|(?<=since\s)|(?<=through\s)|(?<=\bover\s)"

_DATE_PATTERNS = [
    # Monday, Oct. 26, 1998 / Aug. 7 / 7 August 2023 / July 1997 / the week of March 6
    rf"(?:the\s+week\s+of\s+)?(?:{WEEKDAY},?\s+)?(?:{EDGE})?{MONTH}\s+{DAY}{YEAR_TAIL}?",
    rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}{YEAR_TAIL}?",
    rf"(?:{EDGE})?(?:(?:last|this|next|past)\s+)?{MONTH}(?:,?\s+(?:of\s+)?{YEAR}|\s+(?:this|last|next)\s+year"
    r"|(?!\s+(?:for|of)\s+(?!\d)))",  # not 'March for Life'
    r"\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)(?!\d)",
    r"(?:1[0-9]|20)\d\d-[01]\d-[0-3]\d(?!\d)",
    # years, fiscal years, decades, centuries
    rf"(?:(?:the\s+)?(?:fiscal|calendar|model)(?:\s+year)?\s+)?(?:{EDGE})?{YEAR}(?:\s+(?:period|fiscal\s+year))?",
    rf"(?:the\s+)?year\s+{YEAR}",
    r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?:1[0-9]|20)?\d0s|'\d0s)(?!\w)",
    rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL}|twentieth|nineteenth)"
    r"[\s-]+century" + _END,
    rf"(?:the\s+)?(?:{EDGE})?(?:{SHIFT}|this\s+past)\s+(?:century|decade)" + _END,
    # seasons: a bare 'fall' or 'spring' needs a determiner, a preposition or a year
    rf"(?:{SHIFT}|this\s+past)\s+(?:early\s+|late\s+)?{SEASON}(?:\s+(?:of\s+)?{YEAR})?",
    rf"(?:{_AFTER_PREPOSITION})(?:the\s+)?(?:early\s+|late\s+)?{SEASON}(?!\s+of\s+(?!\d))(?:\s+(?:of\s+)?{YEAR})?",
    rf"{SEASON}\s+(?:of\s+)?{YEAR}",
    # quarters and halves
    rf"(?:the\s+)?(?:(?:fiscal|calendar|year-earlier|year-ago|latest|current|same|comparable|previous|final|flat)\s+)*"
    rf"(?:{YEAR}\s+)?"
    rf"(?:{ORDINAL}|final|last)[\s-]+(?:fiscal\s+)?(?:-\s*)?quarters?(?:\s+(?:of\s+)?(?:{YEAR}|fiscal\s+{YEAR}))?" + _END,
    rf"(?:the\s+)?(?:{SHIFT}|year-earlier|year-ago|{YEAR})\s+(?:quarter|period)" + _END,
    r"(?-i:Q[1-4])(?:\s+" + YEAR + r")?(?!\w)",
    rf"(?:the\s+)?(?:first|second|last|latter)\s+half"
    rf"(?:\s+of\s+(?:{YEAR}|the\s+year|this\s+year|last\s+year|next\s+year|the\s+'\d0s))?" + _END,
    # relative to the anchor: last year, this week, next Tuesday, earlier this month
    rf"(?:{EDGE})?(?:the\s+)?(?:{SHIFT}|this\s+past)\s+(?:fiscal\s+)?{UNIT_SINGULAR}",
    rf"(?:{EDGE})?the\s+(?:(?:fiscal|full|calendar)\s+)?year(?![\s-](?:earlier|ago|before|after|\d))" + _END,
    r"the\s+(?:weekend|quarter)" + _END + r"(?!\s+of\b)",
    r"(?:(?:the|this|last|next)\s+)?year(?:'s)?[\s-]end" + _END,
    r"(?:the\s+year\s+)?(?:nineteen|eighteen|twenty)(?:\s+hundred(?:\s+and)?)?\s+(?:ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|o\s*(?:one|two|three|four|five|six|seven|eight|nine))" + _END,
    r"(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?" + _END,
    rf"(?:{EDGE})?(?:(?:last|this|next|past|coming)\s+)?{WEEKDAY}(?:\s+{DAY_PART})?",
    rf"(?:{EDGE})?(?:today|yesterday|tomorrow|tonight|overnight)(?:\s+{DAY_PART})?" + _END,
    rf"(?:{EDGE})?(?:this|that|last|tomorrow|yesterday)\s+{DAY_PART}",
    rf"(?:(?:{APPROX})\s+)?(?:{ARTICLE_NUMBER}|a\s+few|several|a\s+couple\s+of)\s+{UNIT}\s+"
    r"(?:ago|earlier|later|from\s+now|hence)(?!\w)(?!\s+(?:than|that|when|in\s+the))",
    r"(?:the\s+)?(?:year|month|week|quarter)[\s-](?:earlier|ago)(?:\s+(?:period|quarter|month|year|"
    rf"(?:{ORDINAL})\s+quarter|(?:{NUMBER})\s+months))?" + _END,
    r"(?:the\s+)?(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)",
    rf"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this|last|next)\s+{UNIT_SINGULAR}",
    r"earlier\s+in\s+the\s+(?:year|month|week|day)" + _END,
    rf"(?:the\s+)?(?:weekend|week|month)\s+(?:of|before|after)\s+{MONTH}\s+{DAY}",
    # holidays
    r"(?:(?:last|this|next)\s+)?(?-i:Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?"
    r"|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Easter(?:\s+Sunday)?|Halloween)(?!\w)",
]

_TIME_PATTERNS = [
    rf"(?:(?:about|around|approximately|at\s+about|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    rf"{CLOCK}(?:,?\s+(?:(?:last|this|next)\s+)?(?:{WEEKDAY}|today|yesterday|tomorrow|tonight)(?:,?\s+{MONTH}\s+{DAY})?"
    rf"|,?\s+{MONTH}\s+{DAY})?",
    rf"{CLOCK}\s+(?:on\s+)?{WEEKDAY}",
]

_DURATION_PATTERNS = [
    # the past two months / two years / the first nine months / 18 months / several weeks
    rf"(?:(?:{APPROX})\s+)?(?:(?:the|each\s+of\s+the)\s+)?(?:(?:past|last|next|coming|first|final|previous|remaining|"
    rf"following|latest|recent|same|other)\s+)?(?:{NUMBER}|a\s+few|few|several|a\s+couple\s+of|many|a\s+number\s+of)"
    rf"\s+(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+)?{UNIT}",
    # over a week / for a year / nearly an hour / about a decade
    rf"(?:(?:{APPROX})\s+)an?\s+(?:full\s+)?{UNIT_SINGULAR}(?!(?<=quarter)\s+of\b)",
    # two-year / 16-hour / decades-long (not ages: six-year-old)
    rf"(?:{NUMBER}|\d+)-{UNIT_SINGULAR}(?:-long)?(?!-old)",
    r"(?:decades|years|months|weeks)-long(?!\w)",
    # for weeks / within a year / in years
    r"(?:(?<=for\s)|(?<=within\s)|(?<=in\s))(?:hours|days|weeks|months|years|decades)(?:\s+or\s+(?:weeks|months|years))?"
    + _END,
    rf"(?:(?<=for\s)|(?<=within\s))an?\s+{UNIT_SINGULAR}",
    # the past months / recent years / the coming weeks / the last few days
    rf"(?:the\s+)?(?:past|last|recent|coming|next|following|previous|preceding|ensuing)\s+(?:few\s+|several\s+)?"
    rf"{UNIT_PLURAL}",
    r"(?:the\s+)?(?:past|last|coming|next)\s+(?:few\s+|several\s+)?"
    r"(?:weeks\s+and\s+months|days\s+and\s+weeks|months\s+and\s+years)" + _END,
]

_SET_PATTERNS = [
    rf"(?:every|each)\s+(?:other\s+)?(?:{UNIT_SINGULAR}|{WEEKDAY}|{MONTH}|{SEASON})",
    rf"(?:once|twice|\w+\s+times)\s+(?:a|an|per|each|every)\s+{UNIT_SINGULAR}",
    r"(?:daily|nightly|weekly|monthly|quarterly|annually|yearly|hourly)(?!\w)",
    rf"{WEEKDAY_NAME}s(?:\s+and\s+{WEEKDAY_NAME}s)?(?!\w)",
]

_REFERENCE_PATTERNS = [
    r"(?:right\s+)?now(?!\w)", r"currently(?!\w)", r"(?:then\s+)?current(?!\w)", r"recent(?!\w)",
    r"nowadays(?!\w)", r"presently(?!\w)",
    r"(?:more\s+|until\s+|most\s+|only\s+)?recently(?!\w)", r"lately(?!\w)",
    r"(?:the\s+)?current\s+(?:fiscal\s+)?(?:year|quarter|month|week|period|term|season)(?!\w)",
    r"the\s+past(?!\s+(?:\d|\w+\s+(?:years?|months?|weeks?|days?)))(?!\w)",
    r"the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future(?!\w)",
    r"soon(?!\s+(?:as|after|afterward|thereafter))(?!\w)",
    r"(?:the\s+)?(?:near|short|long|medium)[\s-]term(?!\w)(?![\s-](?:\w+))",
    r"these\s+days(?!\w)", r"at\s+present(?!\w)", r"at\s+the\s+moment(?!\w)",
]

FAMILIES: tuple[tuple[str, list[str]], ...] = (
    ("date", _DATE_PATTERNS), ("time", _TIME_PATTERNS), ("duration", _DURATION_PATTERNS),
    ("set", _SET_PATTERNS), ("reference", _REFERENCE_PATTERNS),
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (family, re.compile(r"(?<![\w-])(?:" + pattern + ")", re.IGNORECASE))
    for family, patterns in FAMILIES for pattern in patterns
]
"""Every pattern with its family; all matches are collected, then the longest wins."""
