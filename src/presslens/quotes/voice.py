"""Whose voice each sentence is in: the outlet's own or an attributed source's.

A sentence is ``attributed`` when an attribution's content or cue lies in it
(``he said:`` introduces someone else's words even before they start); its
speaker is the source whose content covers most of the sentence. Every other
sentence is in the outlet's voice and has no speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.core.schema import Quote, Sentence, SentenceVoice


def _overlap(start: int, end: int, other_start: int | None, other_end: int | None) -> int:
    if other_start is None or other_end is None:
        return 0
    return max(0, min(end, other_end) - max(start, other_start))


def sentence_voices(doc: Doc, sentences: list[Sentence], quotes: list[Quote]) -> list[SentenceVoice]:
    """One voice per sentence."""
    voices = []
    for sentence in sentences:
        best: Quote | None = None
        best_share = 0
        for quote in quotes:
            share = _overlap(sentence.start, sentence.end, quote.start, quote.end)
            cue = _overlap(sentence.start, sentence.end, quote.cue_start, quote.cue_end)
            if share + cue > best_share:
                best, best_share = quote, share + cue
        voices.append(SentenceVoice(sentence=sentence.index, start=sentence.start, end=sentence.end,
                                    voice="attributed" if best else "outlet", speaker=best.speaker if best else None))
    return voices
