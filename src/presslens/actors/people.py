"""People: titles, appositions and affiliations, and the merging of 'Arouri' with 'Saleh Al-Arouri'.

'Prime Minister Benjamin Netanyahu' → role Prime Minister, sector GOV;
'Saleh Al-Arouri, deputy head of the Hamas’ political bureau' → role from the apposition,
affiliation Hamas and its country; 'Lebanon's new President Elias Hrawi' → country LBN.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from .book import STATE_KIND, ActorBook, normalize_words, surname_key
from .names import Anchor, Ref
from .phrases import RawMention, core_left, core_right, state_ref


@dataclass(frozen=True)
class PersonInfo:
    """What the text says about a person (fields stay None when it says nothing)."""

    role: str | None = None
    sector: str | None = None
    country: str | None = None
    affiliation: str | None = None

    def merged(self, other: "PersonInfo") -> "PersonInfo":
        return PersonInfo(*(a if a is not None else b for a, b in zip(
            (self.role, self.sector, self.country, self.affiliation),
            (other.role, other.sector, other.country, other.affiliation))))


class People:
    """Reads each person mention's context and merges mentions of the same person."""

    def __init__(self, doc: Doc, anchors: list[Anchor], mentions: list[RawMention], book: ActorBook):
        self.doc, self.book = doc, book
        self.at = {i: a for a in anchors for i in range(a.start, a.end)}
        self.by_head = {m.head: m for m in mentions if m.ref.kind != "person"}

    def info(self, mention: RawMention) -> PersonInfo:
        anchor = self.at[mention.head]
        found = self._title(mention.start, anchor.start)
        head = self.doc[mention.head]
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and child.i not in self.at:
                found = found.merged(self._apposition(child.i))
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and self.book.title(
                normalize_words(head.head.lemma_)) is not None:
            found = found.merged(self._apposition(head.head.i))
        found = found.merged(self._governor(mention.head))
        ref = mention.ref
        found = found.merged(PersonInfo(sector=ref.sector, country=ref.country, affiliation=ref.affiliation))
        org = self.book.entry(found.affiliation) if found.affiliation else None
        if org is not None:
            found = found.merged(PersonInfo(sector=org.sector, country=org.country))
        return found

    def _title(self, start: int, name_start: int) -> PersonInfo:
        """Role, country and affiliation from what precedes the name in its phrase."""
        info = PersonInfo()
        role_start = start
        for i in range(start, name_start):
            anchor = self.at.get(i)
            if anchor is not None:
                info = info.merged(self._from_anchor(anchor))
                role_start = anchor.end
            elif self.doc[i].tag_ == "POS" or self.doc[i].dep_ in ("det", "case"):
                role_start = i + 1
        words = [t for t in self.doc[role_start:name_start] if not t.is_punct or t.text in "-."]
        if words:
            role = self.doc[words[0].i:words[-1].i + 1].text
            info = PersonInfo(role=role, sector=self._title_sector(role)).merged(info)
            info = info.merged(PersonInfo(country=self.book.title_state(role)))
        return info

    def _apposition(self, head: int) -> PersonInfo:
        token = self.doc[head]
        start, end = core_left(token), core_right(token) + 1
        info = PersonInfo(role=self.doc[start:end].text, sector=self._title_sector(self.doc[start:head + 1].text))
        for i in range(start, end):
            if i in self.at and self.at[i].start == i:
                info = info.merged(self._from_anchor(self.at[i]))
        return info

    def _governor(self, head: int) -> PersonInfo:
        """'the cabinet of Prime Minister X': the state of the phrase the name completes."""
        token = self.doc[head]
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            return PersonInfo()
        governing = self.by_head.get(token.head.head.i)
        if governing and governing.ref.kind == STATE_KIND:
            return PersonInfo(country=governing.ref.country)
        return PersonInfo()

    def _from_anchor(self, anchor: Anchor) -> PersonInfo:
        state = state_ref(anchor, self.book)
        if state is not None:
            return PersonInfo(country=state.country)
        if anchor.ref.kind in ("person", "place", "group"):
            return PersonInfo()
        return PersonInfo(affiliation=anchor.ref.name, country=anchor.ref.country)

    def _title_sector(self, role: str) -> str | None:
        words = normalize_words(role)
        if "former" in words or "ex" in words:
            return "ELI"
        for start in range(len(words)):
            sector = self.book.title(words[start:])
            if sector:
                return None if sector == "generic" else sector
        return None


def namesakes(mentions: list[RawMention]) -> dict[str, list[str]]:
    """Person name as written → the full names sharing its surname, the salient one first (else the name itself).

    Where several full names fit ('Clinton' with 'Hillary Clinton' and 'Chelsea Clinton'), the
    salient one comes first: the longest, then the most often named, then the first named; never the
    last one seen, and never the order of a set, so the choice is the same in any batch. A longer form
    that is a full name named at least as often with words before it ('Crooked Hillary Clinton', 'Rival
    Hillary Clinton' beside 'Hillary Clinton') is that name with a descriptor, and comes after it.
    """
    ordered = sorted((m for m in mentions if m.ref.kind == "person"), key=lambda m: m.start)
    names = [m.ref.name for m in ordered]
    count = Counter(names)
    first = {n: i for i, n in reversed(list(enumerate(names)))}
    forms = {n for n in names if len(normalize_words(n)) > 1}
    full = sorted(forms, key=lambda n: (_described(n, forms, count), -len(normalize_words(n)), -count[n], first[n], n))
    result: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        key = surname_key(name)
        same = [f for f in full if surname_key(f) == key and (_compatible(name, f) or _tail_of(f, name))]
        result[name] = same or [name]
    return result


def _described(name: str, forms: set[str], count: Counter[str]) -> bool:
    """Is ``name`` a full form named at least as often, with words before it ('Crooked Hillary Clinton')?"""
    return any(_tail_of(other, name) and count[other] >= count[name] for other in forms)


def _tail_of(short: str, long: str) -> bool:
    """Is ``short`` a full name (two words or more) that ends ``long`` ('Hillary Clinton' and
    'Crooked Hillary Clinton')?"""
    tail, words = normalize_words(short), normalize_words(long)
    return 1 < len(tail) < len(words) and words[-len(tail):] == tail


_NOT_TITLE_WORDS = frozenset({"former", "ex", "then", "late", "the", "of", "and", "for", "mr", "mrs", "ms", "dr"})


def title_words(role: str | None) -> frozenset[str]:
    """The words of a title that say which office (President, Senator, Secretary of State), not when or how."""
    return frozenset(w for w in normalize_words(role or "") if w not in _NOT_TITLE_WORDS and len(w) > 1)


def titled_choice(fitting: list[str], role: str | None, titles: dict[str, frozenset[str]]) -> str:
    """Of the namesakes a surname fits, the one the article gives the same title ('President Varga' after
    'Former President Anton Varga' and 'Senator Maria Varga'); without one such, the salient one."""
    words = title_words(role)
    bearing = [name for name in fitting if words & titles.get(name, frozenset())] if words else []
    return bearing[0] if len(bearing) == 1 else fitting[0]


def _compatible(short: str, full: str) -> bool:
    """'Arouri' and 'Al-Arouri' fit 'Saleh Al-Arouri'; 'Sara Netanyahu' does not fit 'Benjamin Netanyahu'."""
    short_words, full_words = normalize_words(short), normalize_words(full)
    return all(w in full_words for w in short_words)


def person_ref(name: str, info: PersonInfo, kind: str = "person") -> Ref:
    return Ref(name=name, kind=kind, country=info.country, sector=info.sector, affiliation=info.affiliation,
               form="person")
