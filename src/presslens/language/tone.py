"""Tone: VADER compound scores per sentence and per article, by voice.

Each sentence is split into the text inside quotation contents (``quoted``) and the
rest (``outlet``); each part with words in it gets its own VADER compound score.
The article's tone in a voice (``sentence = -1``) is the mean of its sentences'
scores in that voice: VADER's compound saturates on long texts, so it is not run
on the whole article at once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from spacy.tokens import Doc
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from presslens.core.schema import ActorMention, Quote, SentenceVoice, Tone

from .masking import masked_text, name_runs

OUTLET = "outlet"
QUOTED = "quoted"


@functools.lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """VADER, with the lexicon that ships in its package."""
    return SentimentIntensityAnalyzer()


def compound(text: str) -> float:
    """VADER compound score of a text, in [-1, 1]."""
    return float(analyzer().polarity_scores(text)["compound"])


def _pieces(start: int, end: int, quotes: Iterable[Quote]) -> tuple[list[tuple[int, int]], list[Quote]]:
    """Quoted character ranges inside ``[start, end)``, merged, and the quotes they come from."""
    ranges, sources = [], []
    for q in sorted(quotes, key=lambda q: q.start):
        a, b = max(start, q.start), min(end, q.end)
        if a >= b:
            continue
        sources.append(q)
        if ranges and a <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], b))
        else:
            ranges.append((a, b))
    return ranges, sources


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def split_by_voice(text: str, start: int, end: int, quotes: Iterable[Quote]) -> tuple[str, str, str | None]:
    """Outlet text, quoted text and the quoted part's speaker (None when several or unknown)."""
    ranges, sources = _pieces(start, end, quotes)
    outlet, quoted, position = [], [], start
    for a, b in ranges:
        outlet.append(text[position:a])
        quoted.append(text[a:b])
        position = b
    outlet.append(text[position:end])
    speakers = {q.speaker for q in sources}
    speaker = speakers.pop() if len(speakers) == 1 else None
    return " ".join(outlet), " ".join(quoted), speaker


def sentence_tones(doc: Doc, voices: list[SentenceVoice], quotes: list[Quote] | None = None,
                   mentions: Iterable[ActorMention] = ()) -> list[Tone]:
    """Tone per sentence and per article, for outlet text and quoted text separately.

    ``voices`` gives the sentences; ``quotes`` (their contents) decide what is quoted. Names (and
    the actor ``mentions``) are masked first (``masking.py``): 'Rapid Support Forces' scores as
    'Sudan' does, and neither adds tone.
    """
    text = masked_text(doc, name_runs(doc, mentions))
    quotes = quotes or []
    tones: list[Tone] = []
    totals: dict[str, list[tuple[float, int]]] = {OUTLET: [], QUOTED: []}
    for voice in voices:
        outlet, quoted, speaker = split_by_voice(text, voice.start, voice.end, quotes)
        for name, part, who in ((OUTLET, outlet, None), (QUOTED, quoted, speaker)):
            if not _has_words(part):
                continue
            score, chars = compound(part), len(part.strip())
            totals[name].append((score, chars))
            tones.append(Tone(sentence=voice.sentence, start=voice.start, end=voice.end, voice=name,
                              compound=score, speaker=who, chars=chars))
    for name, scored in totals.items():
        if scored:
            mean = sum(score for score, _ in scored) / len(scored)
            tones.append(Tone(sentence=-1, start=0, end=len(text), voice=name, compound=round(mean, 4),
                              chars=sum(chars for _, chars in scored)))
    return tones


__all__ = ["sentence_tones", "compound", "split_by_voice", "OUTLET", "QUOTED"]
