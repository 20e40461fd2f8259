"""Quotation-mark spans: balanced pairs of double quotes, found in plain text.

Curly (“ ”), straight (") and doubled-apostrophe ('') marks are paired per
line by their flanking (an opening mark has text on its right, a closing
mark on its left). Single curly quotes (‘ ’) count only where no double mark
is open and both ends sit on word boundaries, so an apostrophe (Hamas’,
don’t) is never a quote mark. A mark left open at the end of a line (a paragraph) runs to
the line's end when the next line opens with a quote mark (a quotation
continued there); other unpaired marks are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.core.structure import line_spans

_DOUBLE = re.compile(r"''|``|[\"“”„«»]")
_SINGLE = re.compile(r"[‘’]")
_OPENERS = "“„«`"
_CLOSERS = "”»"
_OPEN_CONTEXT = " \t\n([{—–-/:;"


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch ``[start, end)`` including its marks; ``closed`` is False when it runs on."""

    start: int
    end: int
    closed: bool = True



def _direction(text: str, start: int, end: int) -> str:
    """``open``, ``close`` or ``either`` for the mark at ``text[start:end]``."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left_flanking = not after.isspace() and (before.isspace() or before in _OPEN_CONTEXT)
    right_flanking = not before.isspace() and (after.isspace() or not after.isalnum())
    if left_flanking and not right_flanking:
        return "open"
    if right_flanking and not left_flanking:
        return "close"
    mark = text[start:end]
    if mark[0] in _OPENERS:
        return "open"
    if mark[0] in _CLOSERS:
        return "close"
    return "either"


def _double_spans(text: str, begin: int, end: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opened: int | None = None
    for match in _DOUBLE.finditer(text, begin, end):
        direction = _direction(text, match.start(), match.end())
        if opened is None and direction in ("open", "either"):
            opened = match.start()
        elif opened is not None and direction in ("close", "either"):
            if match.end() - opened > 2:
                spans.append(QuoteSpan(opened, match.end()))
            opened = None
        elif direction == "open":
            opened = match.start()  # the earlier opening mark was stray
    if opened is not None and end - opened > 2:
        spans.append(QuoteSpan(opened, end, closed=False))
    return spans


def _single_spans(text: str, begin: int, end: int, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """‘…’ pairs outside double quotes whose ends sit on word boundaries."""
    spans: list[QuoteSpan] = []
    opened: int | None = None
    for match in _SINGLE.finditer(text, begin, end):
        position = match.start()
        if any(s.start <= position < s.end for s in taken):
            continue
        before = text[position - 1] if position > begin else " "
        after = text[position + 1] if position + 1 < end else " "
        if match.group() == "‘" and (before.isspace() or before in _OPEN_CONTEXT) and after.isalnum():
            opened = position
        elif match.group() == "’" and opened is not None and not after.isalnum():
            if before.lower() == "s" and _has_later_close(text, position + 1, end):
                continue  # a plural possessive (the ministers’ views) inside the quotation
            spans.append(QuoteSpan(opened, position + 1))
            opened = None
    return spans


def _has_later_close(text: str, start: int, end: int) -> bool:
    """Whether another word-final ’ follows (then an ``s’`` is likely a possessive)."""
    return re.search(r"\w’(?!\w)", text[start:end]) is not None


def quote_spans(text: str) -> list[QuoteSpan]:
    """All quotation-mark spans of a text, in order, never crossing a line break."""
    spans: list[QuoteSpan] = []
    paragraphs = line_spans(text)
    for index, (begin, end) in enumerate(paragraphs):
        following = text[paragraphs[index + 1][0]] if index + 1 < len(paragraphs) else ""
        doubles = [s for s in _double_spans(text, begin, end) if s.closed or _DOUBLE.match(following)]
        spans.extend(doubles)
        spans.extend(_single_spans(text, begin, end, doubles))
    return sorted(spans, key=lambda s: s.start)


__all__ = ["QuoteSpan", "quote_spans"]
