"""Character spans of attribution content: trimming, widening to quotations, cutting holes.

A content is a list of ``(start, end)`` character fragments of the document text.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .quotemarks import QuoteSpan

CharSpan = tuple[int, int]


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


CONCESSIVE_MARKERS = frozenset({"although", "though"})
"""Subordinators of a concession, which the writer adds to a report (…, although he refused to say more)."""


PERSONAL_RELATIVES = frozenset({"who", "whom", "whose", "when"})
"""Relative words of a clause that identifies a person (…, who leads the union) or dates something (…, when …)."""


def _loose_modifier(token: Token, clause: bool) -> bool:
    """A relative clause, a bare participle clause (…, citing …), a concession (…, although …) or a descriptive
    apposition (…, a critic). Inside a reported clause, a ``which``/``where`` clause is part of what was reported;
    a ``who`` clause about a person stays the writer's identification."""
    if token.dep_ == "relcl":
        return not clause or _personal_relative(token)
    if token.dep_ == "advcl":
        marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
        return any(m in CONCESSIVE_MARKERS for m in marks) or (token.tag_ == "VBG" and not marks)
    return token.dep_ == "appos" and token.pos_ != "PROPN"


def _personal_relative(clause: Token) -> bool:
    """Whether a relative clause describes a person (who/whom/whose, a person's name or a pronoun) or a time."""
    words = {t.lower_ for t in clause.subtree if t.i < clause.i}
    return bool(words & PERSONAL_RELATIVES) or clause.head.ent_type_ == "PERSON" or clause.head.pos_ == "PRON"


def without_loose_tail(doc: Doc, span: CharSpan, quotes: list[QuoteSpan], clause: bool = False) -> CharSpan:
    """A content without a trailing comma-set modifier that comments on it (…, which …; …, citing …).

    The modifier must hang on a word before the comma and run to the content's end; a comma
    inside a quotation is the speaker's own and is kept. ``clause``: the content is a reported clause.
    """
    tokens = doc.char_span(*span, alignment_mode="expand")
    if tokens is None or len(tokens) < 3:
        return span
    last = tokens.end - 1
    while last > tokens.start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    for comma in range(tokens.start + 1, last):
        if doc[comma].text != "," or any(q.start < doc[comma].idx < q.end for q in quotes):
            continue
        modifier = next((t for t in doc[comma + 1:last + 1] if t.left_edge.i == comma + 1 and not (
            comma < t.head.i <= last)), None)
        if modifier is not None and _loose_modifier(modifier, clause) and modifier.right_edge.i >= last and (
                tokens.start <= modifier.head.i < comma):
            cut = trimmed(doc, tokens.start, comma - 1)
            return (span[0], cut[1]) if cut else span
    return span


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


__all__ = ["CharSpan", "trimmed", "widen", "minus", "merge", "substantive", "without_loose_tail"]
