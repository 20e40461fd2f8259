"""Speaker resolution without a coreference model.

Every source mention becomes a canonical speaker name:

* names collapse to the fullest form of the same name in the document
  ('Arouri' → 'Saleh Al-Arouri', 'the Post' → 'New York Post'); titles
  (General, Dr.) are a role, not part of the name;
* personal pronouns (he, she) go to the nearest named person before them (a
  named source, or a person named as a subject or in an apposition), or, when
  the article names its speaker only later, to the first named source after;
* role nouns (the official, the Hamas official, the minister) go to the
  nearest named person source, preferring one whose role or affiliation fits;
  institutional nouns (the ministry) to the nearest organization whose name
  contains the noun;
* ``it``/``they`` go to the nearest organization source; ``I`` inside a
  quotation to the quotation's speaker; relative pronouns to their antecedent.

Appositions and titles before a name give a speaker's role and affiliation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from presslens.actors.book import load_actorbook, normalize_words

from .cues import (DOCUMENT_NOUNS, FIRST_PERSON, GROUP_NOUNS, ORGANIZATION_NOUNS, ORGANIZATION_PRONOUNS,
                   PERSON_ROLE_NOUNS, RELATIVE_PRONOUNS, SINGULAR_PRONOUNS, TITLE_WORDS)

PERSON, ORGANIZATION = "person", "organization"
_NAME_LABELS = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": ORGANIZATION, "NORP": ORGANIZATION,
                "FAC": ORGANIZATION}
_AFFILIATION_LABELS = ("ORG", "NORP", "GPE")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "ROOT"})
_WORD = re.compile(r"[^\W\d_]+")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_ENTITY_KEY = "presslens.entity_index"


@dataclass(frozen=True)
class Speaker:
    """A resolved source: canonical name, whether a person or an organization, role and affiliation."""

    name: str | None
    kind: str | None = None
    role: str | None = None
    affiliation: str | None = None


def clean_name(text: str) -> str:
    """A name without a leading article or a trailing possessive."""
    text = re.sub(r"^(the|The|THE)\s+", "", text.strip())
    text = re.sub(r"(’s|'s|’|')$", "", text).strip()
    return " ".join(text.split())


def name_pieces(name: str) -> tuple[str, ...]:
    """Lower-cased word pieces of a name, without titles ('Dr. Al-Arouri' → ('al', 'arouri'))."""
    return tuple(p for p in (w.lower() for w in _WORD.findall(name)) if p not in TITLE_WORDS)


def _compatible(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` names the same entity as ``long``: same last piece, pieces in order, or an acronym."""
    if not short or not long:
        return False
    if len(short) == 1 and len(long) > 1 and short[0] == "".join(p[0] for p in long if p not in ("of", "the", "and")):
        return True
    if short[-1] != long[-1]:
        return False
    position = 0
    for piece in short:
        try:
            position = long.index(piece, position) + 1
        except ValueError:
            return False
    return True


def _without_titles(name: str) -> str:
    """A person's name without the titles before it ('General Oren Dask' → 'Oren Dask')."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def _proper(ent: Span) -> bool:
    """Whether an entity is a name (capitalised beyond its article), not a tagging slip ('the ministry on')."""
    return any(t.text[:1].isupper() for t in ent if t.lower_ not in _DETERMINERS) and bool(name_pieces(ent.text))


def entity_of(token: Token) -> Span | None:
    """The named entity a token is part of (looked up in a per-document index)."""
    if token.ent_iob_ == "O":
        return None
    index = token.doc.user_data.get(_ENTITY_KEY)
    if index is None:
        index = token.doc.user_data[_ENTITY_KEY] = {t: e for e in token.doc.ents for t in range(e.start, e.end)}
    return index.get(token.i)


def name_span(token: Token) -> Span | None:
    """The proper name a mention's head token belongs to (entity or proper-noun run), titles left out."""
    doc = token.doc
    ent = entity_of(token)
    if ent is not None and ent.label_ in _NAME_LABELS and _proper(ent):
        first, last = ent.start, ent.end
    elif token.pos_ == "PROPN":
        first, last = token.i, token.i + 1
        while first > 0 and doc[first - 1].head.i in range(first, token.i + 1) and (
                doc[first - 1].pos_ == "PROPN" or doc[first - 1].text in "-‐"):
            first -= 1
    else:
        return None
    while first < last - 1 and (doc[first].lower_.rstrip(".") in TITLE_WORDS or doc[first].lower_ in _DETERMINERS):
        first += 1
    return doc[first:last]


def role_of(token: Token) -> tuple[str | None, str | None]:
    """Role and affiliation from an apposition, or from the words before the name (General, the Hamas official)."""
    doc = token.doc
    appos = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i and name_span(c) is None), None)
    before = next((c for c in token.head.children if c.dep_ == token.dep_ and c.right_edge.i + 1 == token.left_edge.i
                   and c.pos_ == "NOUN"), None) if token.dep_ != "ROOT" else None
    if appos is not None:
        role = doc[appos.left_edge.i:appos.right_edge.i + 1]
    elif before is not None:  # the resistance movement Hamas: a description set before the name
        role = doc[before.left_edge.i:before.right_edge.i + 1]
    else:
        name = name_span(token)
        start = name.start if name is not None else token.i
        words = [t for t in doc[token.left_edge.i:start] if t.pos_ in ("NOUN", "PROPN", "ADJ")]
        role = doc[words[0].i:start] if words else None
    if role is None or not role.text.strip(" ,"):
        return None, None
    affiliation = next((clean_name(e.text) for e in role.ents if e.label_ in _AFFILIATION_LABELS), None)
    return role.text.strip(" ,"), affiliation


def _looks_personal(role: str | None) -> bool:
    words = set(name_pieces(role or "")) | {w.lower().rstrip(".") for w in (role or "").split()}
    return bool(words & (PERSON_ROLE_NOUNS | TITLE_WORDS))


@dataclass(frozen=True)
class _Name:
    position: int
    text: str
    pieces: tuple[str, ...]
    kind: str | None


@dataclass(frozen=True)
class _Resolved:
    position: int
    speaker: Speaker


def known_kind(name: str) -> str | None:
    """Person or organisation for a name the actor file knows (a state is never a person, whatever
    the entity tagger makes of it in a given sentence); None for names it does not know."""
    hits = load_actorbook(()).hits(normalize_words(clean_name(name)))
    if not hits:
        return None
    return PERSON if all(h.entry.kind == "person" for h in hits) else ORGANIZATION


def name_kind(ent: Span) -> str:
    """The actor file's kind for a known name, else the entity label's."""
    return known_kind(ent.text) or _NAME_LABELS[ent.label_]


class SpeakerResolver:
    """Resolves the source mentions of one document."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.names = [_Name(e.start_char, clean_name(e.text), name_pieces(e.text), name_kind(e))
                      for e in doc.ents if e.label_ in _NAME_LABELS and _proper(e)]
        self.details: dict[str, tuple[str | None, str | None]] = {}
        self.named: list[_Resolved] = []
        """Named sources, and people named as subjects or in appositions (pronoun antecedents)."""
        self.people: list[_Resolved] = []
        for ent in doc.ents:
            if ent.label_ == "PERSON" and _proper(ent) and ent.root.dep_ in _SUBJECT_DEPS:
                speaker = self._named(ent.root, ent.start_char)
                self.people.append(_Resolved(ent.start_char, speaker))
                self._remember(speaker)

    def add_named(self, position: int, speaker: Speaker) -> None:
        """Record a source resolved by name (used for later pronouns and role nouns)."""
        if speaker.name:
            self.named.append(_Resolved(position, speaker))
            self.named.sort(key=lambda r: r.position)
            self._remember(speaker)

    def _remember(self, speaker: Speaker) -> None:
        if speaker.name:
            role, affiliation = self.details.get(speaker.name, (None, None))
            self.details[speaker.name] = (role or speaker.role, affiliation or speaker.affiliation)

    def canonical(self, text: str, position: int) -> tuple[str, str | None]:
        """The fullest compatible name in the document and its kind (the nearest one when several fit)."""
        pieces = name_pieces(text)
        fits = [n for n in self.names if _compatible(pieces, n.pieces)]
        if not fits:
            return clean_name(text), known_kind(text)
        longest = max(len(n.pieces) for n in fits)
        best = [n for n in fits if len(n.pieces) == longest]
        before = [n for n in best if n.position <= position]
        chosen = (before[-1] if before else best[0]) if len({n.pieces for n in best}) > 1 else best[0]
        kind = next((n.kind for n in fits if n.kind == PERSON), chosen.kind)
        return (_without_titles(chosen.text) if kind == PERSON else chosen.text), kind

    def with_details(self, speaker: Speaker) -> Speaker:
        """The speaker with the role and affiliation found anywhere for the same name."""
        role, affiliation = self.details.get(speaker.name or "", (None, None))
        return Speaker(speaker.name, speaker.kind, role or speaker.role, affiliation or speaker.affiliation)

    def resolve(self, source: Token | None, position: int, enclosing: Speaker | None = None) -> Speaker:
        """The speaker a source mention stands for."""
        if source is None:
            return Speaker(None)
        lower = source.lower_
        if lower in RELATIVE_PRONOUNS and source.head.dep_ == "relcl":
            antecedent = source.head.head
            return self.resolve(antecedent, antecedent.idx, enclosing)
        if lower in FIRST_PERSON:
            return enclosing if (enclosing and lower in ("i", "me")) else Speaker(None)
        if lower in SINGULAR_PRONOUNS:
            return self._nearest(position, PERSON) or Speaker(None)
        if lower in ORGANIZATION_PRONOUNS:
            return self._nearest(position, ORGANIZATION, forward=False) or Speaker(None)
        if source.pos_ == "PRON":
            return Speaker(None)
        return self._nominal(source, position)

    def _named(self, token: Token, position: int) -> Speaker:
        name = name_span(token)
        role, affiliation = role_of(token)
        canonical, kind = self.canonical(name.text if name is not None else token.text, position)
        if _looks_personal(role) or (name is not None and name.start > token.left_edge.i and _looks_personal(
                token.doc[token.left_edge.i:name.start].text)):
            kind = PERSON
        known_role, known_affiliation = self.details.get(canonical, (None, None))
        return Speaker(canonical, kind or PERSON, role or known_role, affiliation or known_affiliation)

    def _nominal(self, source: Token, position: int) -> Speaker:
        if name_span(source) is not None:
            return self._named(source, position)
        appositive = next((c for c in source.children if c.dep_ == "appos" and name_span(c) is not None), None)
        if appositive is not None:  # the spokesman, Jane Doe, said …
            named = self._named(appositive, position)
            return Speaker(named.name, PERSON, named.role or _phrase(source), named.affiliation)
        lemma = source.lemma_.lower()
        if lemma in DOCUMENT_NOUNS:
            owner = next((c for c in source.children if c.dep_ == "poss"), None) or next(
                (p for c in source.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                 for p in c.children if p.dep_ == "pobj"), None)
            if owner is not None:
                return self._nominal(owner, position)
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that") for c in source.children)
        hint = next((clean_name(c.text) for c in source.children
                     if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in _NAME_LABELS), None)
        if definite and lemma in PERSON_ROLE_NOUNS:
            found = self._nearest(position, PERSON, hint=hint or lemma)
            if found is not None:
                return found
        if definite and lemma in ORGANIZATION_NOUNS:
            found = self._organization_named(lemma, position) or self._nearest(
                position, ORGANIZATION, forward=False, hint=hint)
            if found is not None:
                return found
        role, affiliation = role_of(source)
        kind = ORGANIZATION if lemma in ORGANIZATION_NOUNS | DOCUMENT_NOUNS or source.lower_ in GROUP_NOUNS else None
        return Speaker(_phrase(source), kind, role, affiliation or hint)

    def _nearest(self, position: int, kind: str, forward: bool = True, hint: str | None = None) -> Speaker | None:
        """The nearest named source of this kind before ``position`` (else the first named source after)."""
        candidates = sorted(self.named + (self.people if kind == PERSON else []), key=lambda r: r.position)
        fitting = [r for r in candidates if (r.speaker.kind or PERSON) == kind]
        if hint:
            fitting = [r for r in fitting if self._fits_hint(r.speaker, hint)] or fitting
        before = [r for r in fitting if r.position < position]
        if before:
            return self.with_details(before[-1].speaker)
        after = [r for r in fitting if r.position > position and r in self.named] if forward else []
        return self.with_details(after[0].speaker) if after else None

    def _fits_hint(self, speaker: Speaker, hint: str) -> bool:
        role, affiliation = self.details.get(speaker.name or "", (speaker.role, speaker.affiliation))
        words = set(name_pieces(f"{role or ''} {affiliation or ''}"))
        return bool(words) and set(name_pieces(hint)) <= words

    def _organization_named(self, noun: str, position: int) -> Speaker | None:
        """The nearest organization name before ``position`` that contains ``noun`` (the ministry)."""
        before = [n for n in self.names if n.kind == ORGANIZATION and n.position < position and noun in n.pieces]
        if not before:
            return None
        canonical, _ = self.canonical(before[-1].text, before[-1].position)
        return Speaker(canonical, ORGANIZATION)


def _phrase(token: Token) -> str:
    """A generic source's own noun phrase (a source, two officials), without clauses or appositions."""
    left = min([token.i] + [t.i for c in token.lefts for t in c.subtree])
    return token.doc[left:token.i + 1].text


def is_named(token: Token | None) -> bool:
    """Whether a source mention is (or is in apposition to) a proper name."""
    if token is None:
        return False
    return name_span(token) is not None or any(c.dep_ == "appos" and name_span(c) is not None for c in token.children)


__all__ = ["Speaker", "SpeakerResolver", "PERSON", "ORGANIZATION", "clean_name", "name_pieces", "name_span",
           "entity_of", "role_of", "is_named"]
