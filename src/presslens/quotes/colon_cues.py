"""Speaker labels: a paragraph that opens with a name and a colon (``PENCE: Well, …``), or a name,
a dash and a quotation (``Jane Doe ― “…”``); or a line that ends with a quotation, a dash and a
name (``“…” ― Jane Doe``, the layout of epigraphs and reader comments).

Transcripts and headline layouts attribute a whole paragraph this way; an
upper-case label (a transcript) introduces the speaker's own words. The
label must be a short capitalised name or noun phrase, not a section label
such as ``Update:`` or ``Watch:``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from presslens.core.nlp import doc_text, paragraph_spans
from presslens.core.structure import line_spans

from .frames import Frame
from .quotemarks import QuoteSpan
from .speakers import agentive

MAX_LABEL_TOKENS = 4
_SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
MIN_CONTENT_WORDS = 3
_QUOTE_CHARS = "\"“”'‘’«»`"
_DASH_QUOTE = re.compile(r"[―—–](?=\s*[\"“”«])")
_TRAILING_LABEL = re.compile(r"\s*([―—–])\s*([^\n―—–]{1,60}?)[\s.]*$")
SECTION_LABELS = frozenset("""
update updated watch exclusive breaking note editor correction photo photos video videos read related live
analysis opinion editorial transcript warning disclaimer tags posted by from subject re fact facts q a
background context summary listen see also share via source sources image credit file
""".split())
"""Words that label a section rather than a speaker."""


def _is_speaker_label(label: Span, before_colon: bool = False) -> bool:
    """A capitalised name-like phrase of a few words, not a section label or a clause; before a colon and of
    several words, a transcript's upper-case label, a name or a noun that can speak (a headline's kicker is
    none)."""
    if not 1 <= len(label) <= MAX_LABEL_TOKENS or not label.text[:1].isupper():
        return False
    if any(t.lower_ in SECTION_LABELS for t in label):
        return False
    if any(t.pos_ in ("VERB", "AUX", "PRON", "NUM", "ADP") or not (t.is_alpha or t.text in ".-’'") for t in label):
        return False
    if before_colon and len(label) > 1 and not label.text.isupper() and not agentive(label.root) and not any(
            t.ent_type_ in _SPEAKING_ENTITIES for t in label):
        return False  # a headline's kicker (Missile Madness: …) or a noun phrase (Another challenge: …)
    return any(t.pos_ in ("PROPN", "NOUN") or t.is_upper for t in label)


def _separator(text: str, start: int, end: int) -> int:
    """Offset of the colon after a label, or of a dash followed by a quotation (Name ― “…”); else -1."""
    colon = text.find(":", start, end)
    match = _DASH_QUOTE.search(text, start, end)
    candidates = [p for p in (colon, match.start() if match else -1) if p > start]
    return min(candidates) if candidates else -1


def colon_frames(doc: Doc) -> list[Frame]:
    """One frame per paragraph that opens with a speaker label and a colon."""
    text = doc_text(doc)
    frames = []
    for begin, end in paragraph_spans(text):
        start = begin
        while start < end and (text[start] in _QUOTE_CHARS or text[start].isspace()):
            start += 1
        colon = _separator(text, start, min(end, start + 60))
        if colon <= start:
            continue
        label = doc.char_span(start, colon, alignment_mode="contract")
        if label is None or not _is_speaker_label(label, text[colon] == ":"):
            continue
        content_start = colon + 1
        while content_start < end and text[content_start].isspace():
            content_start += 1
        if len(text[content_start:end].split()) < MIN_CONTENT_WORDS:
            continue
        frames.append(Frame(cue=(colon, colon + 1), content=[(content_start, end)], source=label.root,
                            source_span=(label.start_char, label.end_char),
                            verbatim=label.text.isupper()))
    return frames


def signed_quote_frames(doc: Doc, quotes: list[QuoteSpan]) -> list[Frame]:
    """One frame per line ending with a quotation signed by a dash and a name (“…” ― Jane Doe, or
    “…” ― Jane Doe, a teacher)."""
    text = doc_text(doc)
    frames = []
    for begin, end in line_spans(text):
        quote = next((q for q in quotes if begin <= q.start and q.end < end and q.closed and (
            match := _TRAILING_LABEL.match(text, q.end, end)) and match.end() == end), None)
        if quote is None:
            continue
        match = _TRAILING_LABEL.match(text, quote.end, end)
        comma = text.find(",", match.start(2), match.end(2))  # '― Jane Doe, a retired teacher': the name
        label = doc.char_span(match.start(2), comma if comma > 0 else match.end(2), alignment_mode="contract")
        if label is None or not _is_speaker_label(label) or len(text[quote.start:quote.end].split()) < MIN_CONTENT_WORDS:
            continue
        frames.append(Frame(cue=match.span(1), content=[(quote.start, quote.end)], source=label.root,
                            source_span=(label.start_char, label.end_char)))
    return frames


__all__ = ["colon_frames", "signed_quote_frames", "SECTION_LABELS"]
