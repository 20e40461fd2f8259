"""Character spans of attribution content: trimming, widening to quotations, cutting holes.

A content is a list of ``(start, end)`` character fragments of the document text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .quotemarks import QuoteSpan

CharSpan = tuple[int, int]
_TEXT_KEY = "presslens.text"


def doc_text(doc: Doc) -> str:
    """The document's text, built once (``Doc.text`` joins every token on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def trimmed(doc: Doc, first: int, last: int) -> CharSpan | None:
    """Characters of tokens ``first..last`` without punctuation or spaces at either edge."""
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def widen(span: CharSpan, quotes: list[QuoteSpan], cue: int) -> CharSpan:
    """Widen a span to whole quotations: those it cuts across, and those holding it when the cue is outside."""
    start, end = span
    for quote in quotes:
        if quote.start < end and quote.end > start and (quote.start < start or quote.end > end):
            crosses = start < quote.start or end > quote.end
            if crosses or not quote.start <= cue < quote.end:
                start, end = min(start, quote.start), max(end, quote.end)
    return start, end


def minus(spans: list[CharSpan], hole: CharSpan | None, text: str) -> list[CharSpan]:
    """Fragments with ``hole`` cut out (and trimmed of spaces and separators)."""
    if hole is None:
        return spans
    result = []
    for start, end in spans:
        pieces = [(start, end)] if hole[1] <= start or hole[0] >= end else [(start, hole[0]), (hole[1], end)]
        for a, b in pieces:
            while a < b and (text[a].isspace() or text[a] in ",;:—–-"):
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-("):
                b -= 1
            if any(ch.isalnum() for ch in text[a:b]):
                result.append((a, b))
    return result


def merge(spans: list[CharSpan]) -> list[CharSpan]:
    merged: list[CharSpan] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def substantive(doc: Doc, span: CharSpan) -> bool:
    """Whether a fragment says something (not a lone connective such as 'However' or 'But')."""
    tokens = [t for t in doc.char_span(*span, alignment_mode="expand") or () if t.is_alpha]
    return len(tokens) > 1 or any(t.dep_ not in ("cc", "advmod", "intj", "mark", "prep") for t in tokens)


__all__ = ["CharSpan", "doc_text", "trimmed", "widen", "minus", "merge", "substantive"]
