"""Loaded and evaluative language: spans labelled with SemEval-2020 Task 11 technique names.

Two sources, combined:

* rules over the parse and a lexicon written for this project
  (``rules.py``, ``phrases.py``, ``data/loaded_terms.yaml``):
  labels applied to actors, charged words, slogans, clichés, …;
* a small span model (``span_model.py``) trained on annotated news, which finds
  wording the lexicon does not list, clause-level techniques included.

Span detection reads the parse only. Quotations then give each flag its voice
(``outlet``, or the speaker of the quotation whose content holds the span) and
actor mentions the actor a flag is applied to.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from presslens.core.schema import ActorMention, LanguageFlag, Quote, SentenceVoice

from .lexicon import load_lexicon
from .phrases import phrase_candidates
from .rules import Candidate, place_tokens, word_candidates
from .span_model import SpanModel, model_candidates

OUTLET = "outlet"


def _contains(outer: Candidate, inner: Candidate) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def combine(rules: list[Candidate], model: list[Candidate]) -> list[Candidate]:
    """Rule flags without duplicates (a span inside a same-technique span goes), then model
    flags that overlap no rule flag."""
    ordered = sorted(rules, key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for candidate in ordered:
        if not any(k.technique == candidate.technique and _contains(k, candidate) for k in kept):
            kept.append(candidate)
    extra = [m for m in model if not any(_overlaps(m, k) for k in kept)]
    return sorted(kept + extra, key=lambda c: (c.start, c.end, c.technique))


def flag_candidates(doc: Doc, model: SpanModel | None = None, mentions: Iterable[ActorMention] = ()
                    ) -> list[Candidate]:
    """All flags of a parsed text as token ranges (no voice yet); ``model`` replaces the packaged one;
    actor ``mentions`` are masked before the span model reads the text."""
    lexicon = load_lexicon()
    places = place_tokens(doc, lexicon)
    rules = word_candidates(doc, lexicon, places) + phrase_candidates(doc, lexicon)
    found = [m for m in model_candidates(doc, lexicon, rules, model, mentions)
             if not all(i in places for i in range(m.start, m.end))]
    return combine(rules, found)


def voice_of(start: int, end: int, quotes: list[Quote]) -> str:
    """``outlet``, or the speaker of the innermost quotation whose content holds the span's start."""
    holding = [q for q in quotes if q.start <= start < q.end]
    if not holding:
        return OUTLET
    quote = min(holding, key=lambda q: q.end - q.start)
    return quote.speaker or quote.speaker_mention or "attributed"


def actor_of(start: int, end: int, mentions: list[ActorMention]) -> str | None:
    """The actor of the shortest mention holding the span's last character (a labelled phrase
    ends with its head: 'the usurping regime', 'a nightmare for the occupation')."""
    holding = [m for m in mentions if m.start < end <= m.end and m.end - m.start > 0]
    return min(holding, key=lambda m: m.end - m.start).actor_id if holding else None


def extract_flags(doc: Doc, quotes: list[Quote], voices: list[SentenceVoice],
                  mentions: list[ActorMention]) -> list[LanguageFlag]:
    """Spans of evaluative wording with technique, voice, a neutral reason and the actor they name.

    ``voices`` is accepted for the pipeline's signature; a flag's voice is decided at the
    span (a sentence may mix the outlet's words and a quotation).
    """
    flags = []
    for c in flag_candidates(doc, mentions=mentions):
        span = doc[c.start:c.end]
        start, end = span.start_char, span.end_char
        flags.append(LanguageFlag(
            start=start, end=end, text=span.text, technique=c.technique, voice=voice_of(start, end, quotes),
            reason=c.reason, method=c.method, score=c.score, actor=actor_of(start, end, mentions)))
    return flags


__all__ = ["extract_flags", "flag_candidates", "combine", "voice_of", "actor_of", "OUTLET"]
