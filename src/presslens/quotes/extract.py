"""Quotations and attributed claims: who said (or reports, or believes) what.

Frames come from reporting verbs (``frames.py``), speech-act nouns
(``noun_cues.py``) and speaker labels (``colon_cues.py``); cues inside a
quotation belong to the quoted speaker's words and are left out. A quotation
with no cue of its own that follows an attribution as a whole sentence
(“…,” he said. “…”), in the same paragraph or the next, continues it. Other quoted words without a cue
(scare quotes, titles, nicknames) are not speech. Bracketed insertions and ellipses
inside a quotation are the outlet's marks (``Quote.outlet_spans``), not the speaker's words. Speakers are resolved in
two passes so that a pronoun may point to a name given later (``speakers.py``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from presslens.core.nlp import doc_text
from presslens.core.schema import Quote

from .colon_cues import colon_frames, signed_quote_frames
from .cues import DOCUMENT_NOUNS, FIRST_PERSON
from .frames import Frame, find_frames
from .noun_cues import noun_frames
from .quotemarks import QuoteSpan, quote_spans
from .spans import CharSpan
from .speakers import NAMED, NONE, UNRESOLVED, Speaker, SpeakerResolver, agentive, is_named, speaker_entity

_MIN_CONTINUATION_WORDS = 2
_EDITORIAL = re.compile(r"\[[^\[\]\n]{1,300}\]|\.(?:\s?\.){2}|…")
"""An editor's bracketed insertion or an ellipsis: marks the outlet makes inside someone's quotation."""


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every attribution in the document, speakers resolved."""
    marks = quote_spans(doc_text(doc))
    frames = [f for f in find_frames(doc, marks) + noun_frames(doc, marks) if not _inside_quotation(f.cue, marks)]
    frames = sorted(frames + colon_frames(doc) + signed_quote_frames(doc, marks), key=lambda f: f.cue)
    _attach_continuations(doc, frames, marks)
    speakers = _resolve_speakers(doc, frames, marks)
    text = doc_text(doc)
    records = [record for frame, speaker in zip(frames, speakers) if not _reported_attitude(frame, frames)
               for record in _records(text, frame, speaker, marks, _enclosing(frames, speakers, frame))]
    return sorted(records, key=lambda q: (q.start, q.end, q.cue_start or 0))


_ATTITUDES = frozenset({"belief", "intent", "evidence", "stance", "noun"})


def _reported_attitude(frame: Frame, frames: list[Frame]) -> bool:
    """A belief, intention, finding, stance or speech-act noun wholly inside the content of another
    attribution that reports a proposition ('X said Y plans to …'): part of what X reports, not a second
    attribution. A nested act of saying ('X said Y told him …') stays, with both levels, and so does a
    claim someone takes a stance on ('X rejected Y's claim that …')."""
    return frame.cue_kind in _ATTITUDES and any(
        other is not frame and other.cue_kind != "stance" and sorted(other.content) != sorted(frame.content)
        and all(any(s <= start and end <= e for s, e in other.content) for start, end in frame.content)
        for other in frames)


def _inside_quotation(cue: CharSpan, marks: list[QuoteSpan]) -> bool:
    """Whether a cue is part of someone's quoted words (their own reports are not the article's)."""
    return any(m.start < cue[0] and cue[1] <= m.end for m in marks)


def _attach_continuations(doc: Doc, frames: list[Frame], marks: list[QuoteSpan]) -> None:
    """Give each uncovered whole-sentence quotation to the attribution it follows."""
    text = doc_text(doc)
    covered = [span for frame in frames for span in frame.content]
    for mark in marks:
        if any(start <= mark.start and mark.end <= end for start, end in covered):
            continue
        if any(mark.start <= f.cue[0] < mark.end for f in frames):
            continue  # a quotation with a speaker label or cue of its own inside
        if not _whole_sentence(doc, mark) or len(text[mark.start:mark.end].split()) < _MIN_CONTINUATION_WORDS:
            continue
        frame = _preceding_frame(doc, frames, mark, marks) or _run_on_frame(frames, mark, marks)
        if frame is not None:
            frame.content.append((mark.start, mark.end))
            covered.append((mark.start, mark.end))


def _whole_sentence(doc: Doc, mark: QuoteSpan) -> bool:
    """Whether only punctuation follows the quotation in its sentence (and none of its words precede it)."""
    last = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if last is None or len(last) == 0:
        return False
    sentence = last[-1].sent
    before = doc_text(doc)[sentence.start_char:mark.start] if mark.start > sentence.start_char else ""
    after = doc_text(doc)[mark.end:sentence.end_char] if mark.end < sentence.end_char else ""
    return not any(ch.isalnum() for ch in before + after)


def _preceding_frame(doc: Doc, frames: list[Frame], mark: QuoteSpan, marks: list[QuoteSpan]) -> Frame | None:
    """The attribution this quotation directly follows, across nothing but punctuation and quotations."""
    best: Frame | None = None
    best_end = -1
    for frame in frames:
        end = max(max(e for _, e in frame.content), frame.cue[1])
        end = max(end, _sentence_end(doc, frame.cue[1] - 1))
        if end > mark.start and not any(ch.isalnum() for ch in doc_text(doc)[mark.start:end]):
            end = mark.start  # the parse ended the cue's sentence after this quotation's opening mark
        if best_end < end <= mark.start:
            best, best_end = frame, end
    if best is None:
        return None
    gap = doc_text(doc)[best_end:mark.start]
    for other in marks:
        if best_end <= other.start and other.end <= mark.start:
            gap = gap.replace(doc_text(doc)[other.start:other.end], " ")
    if any(ch.isalnum() for ch in gap) or gap.count("\n\n") > 1:
        return None
    return best


def _run_on_frame(frames: list[Frame], mark: QuoteSpan, marks: list[QuoteSpan]) -> Frame | None:
    """For a quotation left open at a paragraph's end: the attribution of the quotation that resumes it."""
    if mark.closed:
        return None
    resumed = next((m for m in marks if m.start > mark.start), None)
    while resumed is not None:
        owner = next((f for f in frames if any(s <= resumed.start < e for s, e in f.content)), None)
        if owner is not None or resumed.closed:
            return owner
        resumed = next((m for m in marks if m.start > resumed.start), None)
    return None


def _sentence_end(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0].sent.end_char if span is not None and len(span) else char + 1


def _resolve_speakers(doc: Doc, frames: list[Frame], marks: list[QuoteSpan]) -> list[Speaker]:
    """Named sources first (so a pronoun may look ahead), then the rest, first-person sources last."""
    quotations = [(m.start, m.end) for m in marks]
    reported = [span for f in frames if f.source is not None for span in f.content]  # 'X is expected to …' has
    resolver = SpeakerResolver(doc, quotations + reported, quotations)  # no reporter: X is the outlet's topic
    speakers: list[Speaker | None] = [None] * len(frames)
    for index, frame in enumerate(frames):
        if is_named(frame.source) or _has_named_apposition(frame):
            speakers[index] = resolver.resolve(frame.source, frame.cue[0])
            resolver.add_named(frame.cue[0], speakers[index])
    for index, frame in enumerate(frames):
        if speakers[index] is None and not _first_person(frame):
            speakers[index] = resolver.resolve(frame.source, frame.cue[0])
    for index, frame in enumerate(frames):
        if speakers[index] is None:
            outer = _enclosing(frames, speakers, frame)
            speakers[index] = resolver.resolve(frame.source, frame.cue[0], outer)
    for index, frame in enumerate(frames):
        joined = _joined_to_a_thing(doc, frame) if not speakers[index].name else None
        if joined is not None:
            speakers[index] = _enclosing(frames, speakers, frame, joined) or speakers[index]
    return [resolver.with_details(s) if s and s.name else s or Speaker(None, status=NONE) for s in speakers]


def _joined_to_a_thing(doc: Doc, frame: Frame) -> int | None:
    """'X said field clinics were overwhelmed and called on both sides …': a cue verb the parse joins to a
    clause about things (or about no one) takes no subject from it; it is the reporter's, whose content holds
    the clause (a passive cue with a subject of its own is not). The position of that clause's verb, else None."""
    cue = doc.char_span(*frame.cue, alignment_mode="expand")
    verb = cue.root if cue is not None and len(cue) else None
    if verb is None or verb.dep_ != "conj" or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # … and now the agency is accused of X: a passive without its accuser names no one
    if frame.source is None or (frame.source.pos_ == "NOUN" and not agentive(frame.source)):
        return verb.head.idx
    return None


def _has_named_apposition(frame: Frame) -> bool:
    return frame.source is not None and any(c.dep_ == "appos" and is_named(c) for c in frame.source.children)


def _first_person(frame: Frame) -> bool:
    return frame.source is not None and frame.source.lower_ in FIRST_PERSON


def _enclosing(frames: list[Frame], speakers: list[Speaker | None], frame: Frame,
               position: int | None = None) -> Speaker | None:
    """The speaker of the innermost other attribution whose content holds this frame's cue (or ``position``)."""
    best, width = None, None
    at = frame.cue[0] if position is None else position
    for other, speaker in zip(frames, speakers):
        if other is frame or speaker is None:
            continue
        for start, end in other.content:
            if start <= at < end and (width is None or end - start < width):
                best, width = speaker, end - start
    return best


def _fragment_kind(text: str, span: CharSpan, marks: list[QuoteSpan]) -> str:
    """``direct`` when the fragment is one quotation, ``mixed`` when it holds one, else ``indirect``."""
    start, end = span
    inside = [m for m in marks if m.start < end and m.end > start]
    if not inside:
        return "indirect"
    outside = text[start:end]
    for mark in inside:
        outside = outside.replace(text[mark.start:mark.end], " ")
    words = [w for w in outside.split() if any(ch.isalnum() for ch in w)]
    if not words or words == ["that"]:
        return "direct"
    return "mixed"


def outlet_marks(text: str, span: CharSpan, marks: list[QuoteSpan]) -> tuple[str, ...]:
    """``"start-end"`` of each bracketed insertion or ellipsis inside a quotation within ``span``."""
    start, end = span
    return tuple(f"{m.start()}-{m.end()}" for m in _EDITORIAL.finditer(text, start, end)
                 if any(q.start <= m.start() and m.end() <= q.end for q in marks))


def _records(text: str, frame: Frame, speaker: Speaker, marks: list[QuoteSpan], outer: Speaker | None) -> list[Quote]:
    """One Quote per content fragment; every fragment after the first continues the quotation.

    ``outer`` is the speaker reporting this attribution (X in 'X said Y told him …'), kept beside Y."""
    organization = speaker.kind == "organization" or (
        frame.source is not None and frame.source.lemma_.lower() in DOCUMENT_NOUNS)
    mention = frame.source_span
    records = []
    for index, (start, end) in enumerate(sorted(frame.content)):
        kind = _fragment_kind(text, (start, end), marks)
        if frame.verbatim and kind == "indirect":
            kind = "direct"
        if kind != "direct" and (frame.claim or (kind == "indirect" and organization)):
            kind = "claim"
        records.append(Quote(
            start=start, end=end, text=text[start:end], kind=kind,
            cue=text[frame.cue[0]:frame.cue[1]], cue_start=frame.cue[0], cue_end=frame.cue[1],
            speaker_mention=text[mention[0]:mention[1]] if mention else None,
            speaker_start=mention[0] if mention else None, speaker_end=mention[1] if mention else None,
            speaker=speaker.name, continues=index > 0,
            speaker_kind=speaker.kind, speaker_role=speaker.role, speaker_affiliation=speaker.affiliation,
            speaker_status=speaker.status if (speaker.name or speaker.status == NONE) else UNRESOLVED,
            outer_speaker=outer.name if outer is not None and outer.name != speaker.name else None,
            outlet_spans=outlet_marks(text, (start, end), marks),
            speaker_entity_id=speaker_entity(speaker.name, speaker.kind) if speaker.status == NAMED else None))
    return records


__all__ = ["extract_quotes"]
