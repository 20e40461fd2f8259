"""Generic designators ('the occupation', 'the enemy', 'the aggressor', 'the regime'), resolved from context.

A designator is a word a speaker uses for whoever it opposes; the actor file maps none of
them to an actor. Each one resolves to a party of the article (a state, or an armed or
political group) the context makes it refer to: among the parties named in the article,
leaving out the speaker's own side, the one named most often (ties: the nearest before
it, then the nearest after it). With no such party it stays unresolved: a generic actor
named by its own words. States and groups are candidates alike.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

import yaml
from spacy.tokens import Doc, Span

from presslens.core.schema import Quote

from .book import ACTORS_YAML, SEPARATORS, STATE_KIND, normalize_word, normalize_words
from .names import Ref
from .phrases import ANAPHOR, RawMention

PARTY_SECTORS = frozenset({"REB", "PRM", "UAF", "PRE", "OPP"})
"""Sectors of non-state parties that can be the other side of a conflict."""
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
DESIGNATOR = "designator"
"""Kind of an unresolved designator ('the enemy' in an article that names no other side)."""


@dataclass(frozen=True)
class Designators:
    """Stand-alone designator phrases (normalized words → sector) and the words that make a phrase one."""

    phrases: dict[tuple[str, ...], str | None]
    words: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_designators() -> Designators:
    """The ``designators`` section of the packaged actor file."""
    section = (yaml.safe_load(ACTORS_YAML.read_text(encoding="utf-8")) or {}).get("designators") or {}
    phrases = {normalize_words(p): (None if sector == "none" else sector)
               for sector, entries in (section.get("phrases") or {}).items() for p in entries}
    return Designators(phrases=phrases, words=frozenset(normalize_words(" ".join(section.get("words") or []))))


def is_party(ref: Ref) -> bool:
    """A state, or a non-state armed or political actor with a name of its own."""
    if ref.form == "generic" or ref.kind in ("person", "population", ANAPHOR, DESIGNATOR):
        return False
    return ref.kind == STATE_KIND or ref.sector in PARTY_SECTORS


def _quote_at(position: int, quotes: list[Quote]) -> Quote | None:
    holding = [q for q in quotes if q.start <= position < q.end]
    return min(holding, key=lambda q: q.end - q.start) if holding else None


def _own_side(doc: Doc, quote: Quote | None, raw: list[RawMention]) -> set[str]:
    """Names of the speaker's side: the speaker (by its mention or resolved name), its affiliation, and for
    a person with none, its state."""
    if quote is None or not quote.speaker:
        return set()
    key = normalize_words(quote.speaker)
    at = (quote.speaker_start, quote.speaker_end) if quote.speaker_start is not None else (-1, -1)
    side: set[str] = set()
    for m in raw:
        ref = m.ref
        start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
        if normalize_words(ref.name) != key and not (at[0] <= start and end <= at[1]):
            continue
        side.add(ref.name)
        if ref.affiliation:
            side.add(ref.affiliation)
        elif ref.kind == "person" and ref.country:
            side.update(r.ref.name for r in raw if r.ref.kind == STATE_KIND and r.ref.country == ref.country)
    return side


def opposed_party(doc: Doc, start: int, raw: list[RawMention], quotes: list[Quote]) -> Ref | None:
    """The party a designator at token ``start`` refers to, or None when the article names none."""
    side = _own_side(doc, _quote_at(doc[start].idx, quotes), raw)
    parties = [m for m in raw if is_party(m.ref) and m.ref.name not in side]
    if not parties:
        return None
    counts = Counter(m.ref.name for m in parties)
    top = max(counts.values())
    best = [m for m in parties if counts[m.ref.name] == top]
    before = [m for m in best if m.end <= start]
    chosen = max(before, key=lambda m: m.start) if before else min(best, key=lambda m: abs(m.start - start))
    return chosen.ref


def _is_designator(span: Span, designators: Designators, anaphor: bool) -> bool:
    """'the occupation’s army', 'the usurping regime', 'the enemy forces', 'the occupation forces in Kherson'
    (a designator with a place complement); not 'this regime' (an anaphor) nor 'Russian occupation forces'."""
    if span[0].lower_ in DEMONSTRATIVES:
        return False
    if any(normalize_words(span[:n].text) in designators.phrases for n in range(1, len(span) + 1)):
        return True
    return anaphor and any(w in designators.words for t in span for w in normalize_words(t.text) + normalize_words(t.lemma_))


def _token_parts(doc: Doc) -> list[tuple[tuple[str, ...], bool]]:
    """Each token's text as normalized parts (split where ``normalize_words`` splits; a part may be
    empty), and whether white space follows the token."""
    return [(tuple(normalize_word(p) for p in SEPARATORS.split(t.text)), bool(t.whitespace_)) for t in doc]


def _phrase_keys(parts: list[tuple[tuple[str, ...], bool]], i: int, longest: int) -> list[tuple[str, ...]]:
    """``normalize_words`` of the text of tokens ``i .. i+n-1`` for n = 1 .. ``longest``, built from the
    tokens' parts: a token not preceded by white space continues the word before it ('occupation' +
    '’s' → 'occupations'), as in the text. Normalizing a word is normalizing each of its characters."""
    keys: list[tuple[str, ...]] = []
    words: list[str] = []
    for k in range(i, min(i + longest, len(parts))):
        token_parts, _ = parts[k]
        if words and not parts[k - 1][1]:
            words[-1] += token_parts[0]
            words.extend(token_parts[1:])
        else:
            words.extend(token_parts)
        keys.append(tuple(w for w in words if w))
    return keys


def _phrase_spans(doc: Doc, designators: Designators, taken: set[int]) -> list[tuple[int, int, str | None]]:
    """Stand-alone designators ('the occupation', 'the enemy') not inside another mention, nor before 'of'.

    A span's words are put together from its tokens' normalized parts (no Span, Token or text slice per try)."""
    longest = max((len(p) for p in designators.phrases), default=0)
    parts = _token_parts(doc)
    punct, lower = [], []
    for t in doc:
        punct.append(t.is_punct)
        lower.append(t.lower_)
    found = []
    i = 0
    firsts = {p[0] for p in designators.phrases if p}
    while i < len(doc):
        own, spaced = parts[i]
        settled = own[0] and (spaced or len(own) > 1)  # the first word of every span from here
        if punct[i] or i in taken or (settled and own[0] not in firsts):  # no phrase starting here is kept
            i += 1
            continue
        keys = _phrase_keys(parts, i, longest)
        for n in range(len(keys), 0, -1):
            key = keys[n - 1]
            if key in designators.phrases and not any(punct[i:i + n]) and not taken & set(range(i, i + n)) and (
                    i + n >= len(doc) or lower[i + n] != "of"):
                found.append((i, i + n, designators.phrases[key]))
                i += n - 1
                break
        i += 1
    return found


def resolve_designators(doc: Doc, raw: list[RawMention], quotes: list[Quote]) -> list[RawMention]:
    """Designators among the mentions (and stand-alone ones added) resolved to the party they refer to."""
    designators = load_designators()
    taken = {i for m in raw for i in range(m.start, m.end)}
    pending = [m for m in raw if _is_designator(doc[m.start:m.end], designators, m.ref.kind == ANAPHOR)]
    pending += [RawMention(s, e, Ref(name=DESIGNATOR, kind=DESIGNATOR), sector, e - 1)
                for s, e, sector in _phrase_spans(doc, designators, taken)]
    kept = [m for m in raw if m not in pending]
    resolved = []
    for m in pending:
        ref = opposed_party(doc, m.start, kept, quotes)
        if ref is None:
            name = doc[m.start:m.end].text.lower()
            ref = Ref(name=name, kind=DESIGNATOR, sector=m.sector, form="generic")
        resolved.append(RawMention(m.start, m.end, ref, m.sector, m.head))
    return sorted(kept + resolved, key=lambda m: (m.start, -m.end))


__all__ = ["resolve_designators", "opposed_party", "is_party", "load_designators", "Designators", "DESIGNATOR"]
