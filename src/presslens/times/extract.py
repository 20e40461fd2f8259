"""Time expressions normalised against the article date (TimeML TIMEX3 values).

Detection is ``timex_detect`` (patterns checked against the parse), values are
``timex_values``. This module walks the expressions in text order and keeps the
context that anaphoric expressions need: the clause's tense ('Friday' in a
future clause is the coming Friday), the latest explicit year nearby ('the
previous year' after '2023 ... since 2005' is 2022), the last resolved date
('that day') and the last quarter talked about ('the year-earlier period').
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from presslens.core.nlp import doc_text
from presslens.core.schema import TimeRef

from .dates import parse_anchor
from .detect import find_candidates
from .resolver import Resolver
from .values import TimexContext, TimexValue

_EXPLICIT_YEAR = re.compile(r"(?<!\d)(1[0-9]|20)\d\d(?!\d)")
_NAMED_QUARTER = re.compile(r"(?i)(?<!year-)(?<!year )(?:first|second|third|fourth|final|\bq[1-4])\b[\s-]*"
                            r"(?:fiscal\s+)?quarter|\bq[1-4]\b")
_SHIFTED_QUARTER = re.compile(r"(?i)year[\s-](?:earlier|ago)")
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "going"}
_DATE_GRANULARITIES = {"day", "month", "year", "week", "weekend", "season", "half", "quarter"}


def clause_tense(doc: Doc, start: int, end: int) -> str:
    """'past', 'present' or 'future': the tense of the verb the expression depends on.

    'present' also stands for "no evidence" (a verbless phrase, a participle).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "present"
    token: Token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return "present"
    auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE_AUX or token.lower_ in _FUTURE_AUX:
        return "future"
    if any(a.tag_ == "VBD" or a.lower_ in ("have", "has", "had") for a in auxiliaries) or token.tag_ == "VBD":
        return "past"
    return "present"


class _Focus:
    """The temporal focus of the text so far (explicit years, last date, last quarter)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.explicit_years: list[tuple[int, int]] = []
        self.last: tuple[dt.date, str] | None = None
        self.quarter: dt.date | None = None

    def focus_year(self, start: int, anchor: dt.date | None) -> int | None:
        """The latest explicit year in this sentence or the one before (never after the anchor)."""
        window_start = self._previous_sentence_start(start)
        years = [year for position, year in self.explicit_years if window_start <= position < start
                 and (anchor is None or year <= anchor.year)]
        return max(years) if years else None

    def _previous_sentence_start(self, char: int) -> int:
        token = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if token is None or not len(token):
            return 0
        sentence = token[0].sent
        if sentence.start == 0:
            return 0
        return self.doc[sentence.start - 1].sent.start_char

    def update(self, start: int, text: str, value: TimexValue) -> None:
        """Remember what a resolved DATE adds to the focus."""
        if value.type != "DATE" or not value.value or value.granularity not in _DATE_GRANULARITIES:
            return
        if _EXPLICIT_YEAR.search(text):
            self.explicit_years.append((start, int(value.value[:4])))
        quarter = re.fullmatch(r"(\d{4})-Q([1-4])", value.value)
        if quarter and _NAMED_QUARTER.search(text) and not _SHIFTED_QUARTER.search(text):
            self.quarter = dt.date(int(quarter.group(1)), 3 * int(quarter.group(2)) - 2, 1)
        calendar = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value.value)
        if calendar:
            year, month, day = (int(g) if g else 1 for g in calendar.groups())
            self.last = (dt.date(year, month, day), value.granularity)


def extract_times(doc: Doc, anchor_date: str | None) -> list[TimeRef]:
    """Every time expression, with its TimeML type and value resolved against ``anchor_date``."""
    anchor = parse_anchor(anchor_date)
    focus = _Focus(doc)
    refs: list[TimeRef] = []
    full_text = doc_text(doc)
    for candidate in find_candidates(doc, full_text):
        text = full_text[candidate.start:candidate.end]
        context = TimexContext(anchor=anchor, tense=clause_tense(doc, candidate.start, candidate.end),
                               focus_year=focus.focus_year(candidate.start, anchor), focus=focus.last,
                               quarter_focus=focus.quarter, after=full_text[candidate.end:candidate.end + 12])
        value = Resolver(context).normalize(text, candidate.family)
        focus.update(candidate.start, text, value)
        refs.append(TimeRef(start=candidate.start, end=candidate.end, text=text, type=value.type,
                            value=value.value, range_start=value.range_start, range_end=value.range_end,
                            granularity=value.granularity, approximate=value.approximate, mod=value.mod))
    return refs
