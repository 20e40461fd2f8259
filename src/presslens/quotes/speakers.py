"""Speaker resolution across the whole article, without a coreference model.

Every source mention becomes a speaker with a status (``named``, ``described``,
``unresolved``, ``none``); a pronoun or function word is never a speaker's name:

* names collapse to the fullest form of the same name in the document
  ('Arouri' → 'Saleh Al-Arouri', 'the Post' → 'New York Post'), leaving out
  forms met only inside quotations or in headline-case lines; titles (General,
  Dr.) are a role, not part of the name, and a title's gender picks between two
  full names ('Mrs. Clinton');
* personal pronouns (he, she) and role nouns (the official, the spokeswoman) go
  to a person who agrees in gender (from titles, role words and the pronouns
  that follow a name): in their own sentence the nearest person, before it the
  nearest subject or named source, and when the article names its speaker only
  later, the first named source after (cataphora). People named inside
  quotations or inside someone else's reported content are not antecedents;
* role nouns prefer a person whose role or affiliation fits ('the Hamas
  official'); institutional nouns (the ministry) go to the nearest organization
  whose name contains the noun;
* ``it`` goes to the nearest organization source, ``they`` to it or to a
  plural group just named as a subject ('experts say … they say');
  ``I`` inside a quotation to the quotation's speaker; relative pronouns to
  their antecedent;
* a source without a name is kept as a description only when it can speak
  (people, bodies, documents, media: 'two officials', 'the report'), never
  'the decision'; a source inside a quotation the cue is outside of is no source.

Appositions and titles before a name give a speaker's role and affiliation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from presslens.actors.book import load_actorbook, normalize_words
from presslens.actors.identity import entity_id
from presslens.actors.names import titled_name
from presslens.core.nlp import doc_text, entity_of
from presslens.core.structure import headline_lines

from .cues import (DOCUMENT_NOUNS, FEMININE_WORDS, FIRST_PERSON, FUNCTION_WORDS, GROUP_NOUNS, ISSUING_VERBS,
                   MASCULINE_WORDS, MEDIA_NOUNS, ORGANIZATION_NOUNS, PLACE_BODY_NOUNS, ORGANIZATION_PRONOUNS,
                   PEOPLE_NOUNS, PERSON_ROLE_NOUNS, PLURAL_PRONOUNS, RELATIVE_PRONOUNS, SINGULAR_PRONOUNS, TITLE_WORDS,
                   producer)
from .spans import CharSpan

PERSON, ORGANIZATION = "person", "organization"
NAMED, DESCRIBED, UNRESOLVED, NONE = "named", "described", "unresolved", "none"
"""``Quote.speaker_status`` values."""
_NAME_LABELS = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": ORGANIZATION, "NORP": ORGANIZATION,
                "FAC": ORGANIZATION}
_AFFILIATION_LABELS = ("ORG", "NORP", "GPE")
_ROLE_GROUPS = ({"candidate", "nominee", "contender"}, {"spokesman", "spokeswoman", "spokesperson"},
                {"congressman", "congresswoman", "representative", "rep", "lawmaker", "legislator"},
                {"senator", "sen", "lawmaker", "legislator"})
_INDEFINITE = frozenset({"a", "an", "another", "any", "some", "one"})
"""Role nouns that name the same role."""
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "ROOT"})
_WORD = re.compile(r"[^\W\d_]+")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_CATAPHORA_CHARS = 800
"""How far after a pronoun its speaker's name may come (about two short paragraphs)."""
_GENDERED_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})
_GENDERED_NOUNS = (FEMININE_WORDS | MASCULINE_WORDS) - FUNCTION_WORDS - TITLE_WORDS
_COLLECTIVE_NOUNS = frozenset({"people", "group", "crowd", "audience", "public", "majority", "minority", "percent",
                               "share", "delegation", "side", "crew", "team", "thousand", "hundred", "dozen",
                               "million", "staff", "family", "militia"})
"""Words of ``PEOPLE_NOUNS`` for a group or a number: no one person a later 'he' or 'she' could stand for."""
_GENERIC_ROLES = frozenset({"official", "leader", "member", "representative", "figure", "politician"})
"""Role nouns that any holder of a public role may be called ('the official' for a minister)."""
_AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents")


@dataclass(frozen=True)
class Speaker:
    """A resolved source: canonical name, whether a person or an organization, role and affiliation."""

    name: str | None
    kind: str | None = None
    role: str | None = None
    affiliation: str | None = None
    status: str = "named"


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
    """Whether an entity is a name (capitalised beyond its article), not a tagging slip ('the ministry on',
    a person 'Lawmaker' that is only a role word)."""
    if ent.label_ == "PERSON" and all(t.lower_ in PERSON_ROLE_NOUNS for t in ent):
        return False
    return any(t.text[:1].isupper() for t in ent if t.lower_ not in _DETERMINERS) and bool(name_pieces(ent.text))


def name_span(token: Token) -> Span | None:
    """The proper name a mention's head token belongs to (entity or proper-noun run), titles left out."""
    doc = token.doc
    ent = entity_of(token)
    if ent is not None and ent.label_ in _NAME_LABELS and _proper(ent):
        first, last = ent.start, ent.end
    elif token.pos_ == "PROPN" and (not token.is_lower or token.text.startswith("@")):
        # a name has a capital (or is a handle): not 'ministry' in 'the Russian defence ministry', tagged proper
        first, last = token.i, token.i + 1
        while first > 0 and doc[first - 1].head.i in range(first, token.i + 1) and (
                doc[first - 1].pos_ == "PROPN" or doc[first - 1].text in "-‐"):
            first -= 1
    else:
        return None
    while first < last - 1 and (doc[first].lower_.rstrip(".") in TITLE_WORDS or doc[first].lower_ in _DETERMINERS):
        first += 1
    if not name_pieces(doc[first:last].text) and not (first > 0 and doc[first - 1].lower_.rstrip(".") in _HONORIFICS):
        return None  # a title alone ('Judge rejects …') names no one; 'Mr. King' does
    return doc[first:last]


def _entities_in(span: Span) -> Iterator[Span]:
    """The named entities wholly inside a span, in order, as ``Span.ents`` gives them (which builds every
    entity of the doc on each call)."""
    for token in span:
        ent = entity_of(token)
        if ent is not None and ent.start == token.i and ent.end <= span.end:
            yield ent


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
    affiliation = next((clean_name(e.text) for e in _entities_in(role) if e.label_ in _AFFILIATION_LABELS), None)
    return role.text.strip(" ,"), affiliation


def _titled(token: Token) -> bool:
    """Whether a proper noun ends a person's name that the actors step reads after a title ('Chancellor Odile
    Farquar')."""
    name = name_span(token) if token.pos_ == "PROPN" else None
    return name is not None and titled_name(token.doc, name.start, name.end, load_actorbook(())) is not None


def _institution_name(name: Span | None) -> bool:
    """Whether a name holds an institution's word ('Tarnholm Alliance for Schools', 'Veyrin Police')."""
    return name is not None and any(t.lower_ in ORGANIZATION_NOUNS for t in name)


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
    """A possible antecedent: a named source (at its cue) or a person named in the outlet's text."""

    position: int
    speaker: Speaker
    subject: bool = True
    source: bool = False
    gender: str | None = None


def known_kind(name: str) -> str | None:
    """Person or organisation for a name the actor file knows (a state is never a person, whatever
    the entity tagger makes of it in a given sentence); None for names it does not know."""
    hits = load_actorbook(()).hits(normalize_words(clean_name(name)))
    if not hits:
        return None
    return PERSON if all(h.entry.kind == "person" for h in hits) else ORGANIZATION


def _known_state(name: str) -> bool:
    return any(h.entry.kind == "state" for h in load_actorbook(()).hits(normalize_words(clean_name(name))))


def speaker_entity(name: str | None, kind: str | None) -> str | None:
    """The identity a named speaker shares with the actor of the same name in every article
    (``Actor.entity_id``): the actor file's entry when it knows the name, else the name and kind."""
    if not name:
        return None
    hits = load_actorbook(()).hits(normalize_words(clean_name(name)))
    if hits and kind != PERSON:
        entry = hits[0].entry
        return entity_id(entry.name, entry.kind, entry.country)
    return entity_id(name, kind or PERSON)


def name_kind(ent: Span) -> str:
    """The actor file's kind for a known name, else a person's where a person's role word stands before
    the name or it is set beside one ('relief coordinator Anouk Terrin', 'the negotiator, Odile Farquar':
    the tagger reads some unfamiliar names as bodies), else the entity label's."""
    known = known_kind(ent.text)
    if known is not None:
        return known
    if ent.label_ != "PERSON" and not _institution_name(ent):
        doc, root = ent.doc, ent.root
        before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        beside = root.head.lemma_.lower() if root.dep_ == "appos" else ""
        if {before, beside} & (PERSON_ROLE_NOUNS | TITLE_WORDS):
            return PERSON
    return _NAME_LABELS[ent.label_]


def _inside(position: int, spans: list[CharSpan]) -> bool:
    return any(start <= position < end for start, end in spans)


def _gender_of_words(words: list[str]) -> str | None:
    lowered = {w.lower().rstrip(".") for w in words}
    feminine, masculine = bool(lowered & FEMININE_WORDS), bool(lowered & MASCULINE_WORDS)
    return "f" if feminine and not masculine else "m" if masculine and not feminine else None


def _owner(ent: Span) -> bool:
    """Whether a name is the possessor of another person ('Jane Roe's husband'): a pronoun after it is theirs."""
    root = ent.root
    while root.dep_ == "compound" and root.head is not root:
        root = root.head
    return root.dep_ == "poss" and root.head.lemma_.lower() in (PEOPLE_NOUNS | PERSON_ROLE_NOUNS | FEMININE_WORDS
                                                                | MASCULINE_WORDS)


def _salient_role(ent: Span) -> bool:
    """A subject, or a person introduced with a description ('Jane Roe, president of the council')."""
    return ent.root.dep_ in _SUBJECT_DEPS or any(c.dep_ == "appos" and c.ent_type_ != "PERSON" for c in ent.root.children)


def _title_gender(ent: Span) -> str | None:
    """The gender a title right before a name gives (Mr., Mrs., Ms.), else None."""
    words = [t.text for t in ent.doc[max(ent.sent.start, ent.start - 2):ent.start]] + [ent[0].text]
    return _gender_of_words(words)


def _majority(values: list[str]) -> str | None:
    top = max(set(values), key=values.count)
    return top if values.count(top) * 2 > len(values) else None


def agentive(token: Token) -> bool:
    """Whether a nameless source can say or think something: people, bodies, documents, media (not 'the decision')."""
    lemma = token.lemma_.lower()
    if lemma in FUNCTION_WORDS:
        return False
    if token.ent_type_ in _NAME_LABELS or {lemma, token.lower_} & (
            PERSON_ROLE_NOUNS | ORGANIZATION_NOUNS | DOCUMENT_NOUNS | GROUP_NOUNS | PEOPLE_NOUNS | MEDIA_NOUNS
            | PLACE_BODY_NOUNS):
        return True
    if token.like_num or token.pos_ == "NUM":  # twelve percent, eight of 10 voters
        return True
    return token.pos_ == "NOUN" and lemma.endswith(_AGENT_SUFFIXES)


class SpeakerResolver:
    """Resolves the source mentions of one document.

    ``holes`` are the character spans of quotations and of other attributions' content: a
    person named there is someone's topic, not an antecedent for the outlet's 'he said'.
    """

    def __init__(self, doc: Doc, holes: list[CharSpan] = (), quotations: list[CharSpan] = ()):
        self.doc = doc
        self.holes = sorted(holes)
        self.quotations = sorted(quotations)
        headlines = headline_lines(doc_text(doc))
        ents = [e for e in doc.ents if e.label_ in _NAME_LABELS and _proper(e)]
        self.all_names = [_Name(e.start_char, clean_name(e.text), name_pieces(e.text), name_kind(e)) for e in ents]
        self.names = [n for n, e in zip(self.all_names, ents)
                      if not _inside(e.start_char, list(quotations) + headlines)]
        self.gender = self._gender_votes(ents, headlines)
        self.details: dict[str, tuple[str | None, str | None]] = {}
        self.described_as: dict[str, set[str]] = {}
        """Every word of every role and affiliation given to a name (Republican, nominee, senator)."""
        self.named: list[_Resolved] = []
        """Named sources outside other attributions' content (antecedents for later pronouns and role nouns)."""
        self.people: list[_Resolved] = []
        for ent, name in zip(ents, self.all_names):
            if name.kind == PERSON and not _inside(ent.start_char, self.holes + headlines) and not _owner(ent):
                speaker = self._named(ent.root, ent.start_char)
                if speaker.kind == PERSON:
                    gender = _title_gender(ent) or self.gender_of(speaker.name)
                    self.people.append(_Resolved(ent.start_char, speaker, _salient_role(ent), gender=gender))
                    self._remember(speaker)
        self._untagged_people(headlines)
        self.people.sort(key=lambda r: r.position)
        self.role_subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass")
                              and (_definite_role(t) or _unnamed_person(t))
                              and not _inside(t.idx, self.holes + headlines)]
        self.sentence_starts = [sent.start_char for sent in doc.sents]

    def _untagged_people(self, headlines: list[CharSpan]) -> None:
        """Subjects the entity tagger missed, or took for a place or a body, that repeat a person's name
        ('Trump never missed …', 'Halvik struck a cautious note') or follow a title ('Chancellor Odile
        Farquar thanked …')."""
        person_names = [n.pieces for n in self.names if n.kind == PERSON]
        for token in self.doc:
            ent = entity_of(token)
            if (token.dep_ == "nsubj" and token.text[:1].isupper() and not _inside(token.idx, self.holes + headlines)
                    and (ent is None or (len(ent) == 1 and ent.label_ != "PERSON"))  # 'Halvik' read as an ORG
                    and (any(_compatible(name_pieces(token.text), pieces) for pieces in person_names)
                         or (ent is None and _titled(token)))):
                speaker = self._named(token, token.idx)
                self.people.append(_Resolved(token.idx, speaker, True, gender=self.gender_of(speaker.name)))
                self._remember(speaker)

    def _gender_votes(self, ents: list[Span], headlines: list[CharSpan]) -> dict[tuple[str, ...], str]:
        """Gender per name, from a title or an apposition beside it, else the first pronoun that follows it."""
        votes: dict[tuple[str, ...], list[str]] = {}
        doc = self.doc
        named = [e for e in ents if e.label_ == "PERSON"]
        people = [e for e in named if not _inside(e.start_char, headlines + self.holes)]
        for ent in people:
            titled = _title_gender(ent)
            apposition = doc[ent.end + 1:min(ent.sent.end, ent.end + 4)] if ent.end < len(doc) and \
                doc[ent.end].text == "," else doc[ent.end:ent.end]
            hint = titled or _gender_of_words([t.text for t in apposition])
            if hint is None and ent.root.dep_ in ("nsubj", "nsubjpass"):  # Jane Roe said she …; Roe left. She …
                # up to the next person named, inside a quotation or not ('X called Y a disgrace after she …')
                limit = next((e.start for e in named if e.start >= ent.end), len(doc))
                sentence = ent.sent
                following = doc[sentence.end].sent if sentence.end < len(doc) else sentence
                root = following.root.i
                # the first gendered pronoun of the name's sentence, or the subject of the next one's main verb
                pronoun = next((t for t in doc[ent.end:min(limit, following.end)] if t.lower_ in _GENDERED_PRONOUNS
                                and (t.i < sentence.end or t.dep_ == "nsubj" and t.head.i == root)
                                and not _inside(t.idx, self.holes)), None)
                hint = _gender_of_words([pronoun.text]) if pronoun is not None else None
            if hint:
                pieces = name_pieces(ent.text)
                votes.setdefault(pieces if titled else self._full_pieces(pieces), []).append(hint)
        return {pieces: winner for pieces, v in votes.items() if (winner := _majority(v))}

    def _full_pieces(self, pieces: tuple[str, ...]) -> tuple[str, ...]:
        """The one fuller name these pieces belong to ('clinton' → ('hillary', 'clinton') when only she fits)."""
        fuller = {n.pieces for n in self.names if n.kind == PERSON and _compatible(pieces, n.pieces)}
        longest = max((len(f) for f in fuller), default=0)
        full = {f for f in fuller if len(f) == longest}
        return next(iter(full)) if len(full) == 1 else pieces

    def gender_of(self, name: str | None) -> str | None:
        """'f', 'm' or None for a resolved person name."""
        return self.gender.get(name_pieces(name or "")) if name else None

    def add_named(self, position: int, speaker: Speaker) -> None:
        """Record a source resolved by name (used for later pronouns and role nouns)."""
        if speaker.name and not _inside(position, self.holes):
            self.named.append(_Resolved(position, speaker, True, True, self.gender_of(speaker.name)))
            self.named.sort(key=lambda r: r.position)
        if speaker.name:
            self._remember(speaker)

    def _remember(self, speaker: Speaker) -> None:
        if speaker.name:
            role, affiliation = self.details.get(speaker.name, (None, None))
            self.details[speaker.name] = (role or speaker.role, affiliation or speaker.affiliation)
            self.described_as.setdefault(speaker.name, set()).update(
                w.lower() for w in _WORD.findall(f"{speaker.role or ''} {speaker.affiliation or ''}"))

    def canonical(self, text: str, position: int, gender: str | None = None) -> tuple[str, str | None]:
        """The fullest compatible name in the document and its kind.

        When several full names fit ('Mrs. Clinton'), a title's gender decides, then how often each is
        used, then the nearest one before."""
        pieces = name_pieces(text)
        fits = [n for n in self.names if _compatible(pieces, n.pieces)] or [
            n for n in self.all_names if _compatible(pieces, n.pieces)]
        if _known_state(text) and not any(n.kind == PERSON for n in fits):
            return clean_name(text), ORGANIZATION  # 'Mexico' is not a longer name ending in it ('Say Mexico')
        if not fits:
            return clean_name(text), known_kind(text)
        longest = max(len(n.pieces) for n in fits)
        best = [n for n in fits if len(n.pieces) == longest]
        gender = gender or _gender_of_words(text.split()[:1])
        if gender:  # 'Mrs. Clinton' is not the 'Bill Clinton' of the same article
            best = [n for n in best if self.gender.get(n.pieces) in (None, gender)]
            if not best:
                return _without_titles(clean_name(text)), PERSON
            agreeing = [n for n in best if self.gender.get(n.pieces) == gender]
            if not agreeing and len({n.pieces for n in best}) > 1:
                return _without_titles(clean_name(text)), PERSON  # two full names, nothing to choose by
            best = agreeing or best
        if len({n.pieces for n in best}) > 1:
            counts = {p: sum(1 for n in best if n.pieces == p) for p in {n.pieces for n in best}}
            top = max(counts.values())
            best = [n for n in best if counts[n.pieces] == top]
        before = [n for n in best if n.position <= position]
        chosen = before[-1] if before else best[0]
        kind = next((n.kind for n in fits if n.kind == PERSON), chosen.kind)
        return (_without_titles(chosen.text) if kind == PERSON else chosen.text), kind

    def with_details(self, speaker: Speaker) -> Speaker:
        """The speaker with the role and affiliation found anywhere for the same name."""
        role, affiliation = self.details.get(speaker.name or "", (None, None))
        return replace(speaker, role=role or speaker.role, affiliation=affiliation or speaker.affiliation)

    def resolve(self, source: Token | None, position: int, enclosing: Speaker | None = None) -> Speaker:
        """The speaker a source mention stands for (``unresolved`` with no name when the article gives none)."""
        if source is None:
            return Speaker(None, status=NONE)
        if any(start <= source.idx < end and not start <= position < end for start, end in self.quotations):
            return Speaker(None, status=UNRESOLVED)  # a word inside a quotation the cue is outside of
        lower = source.lower_
        clause = source.head
        while clause.dep_ in ("conj", "xcomp") and clause.head is not clause:
            clause = clause.head  # who met and said …; who wanted to say …
        if lower in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
            antecedent = clause.head
            return self.resolve(antecedent, antecedent.idx, enclosing)
        if lower in FIRST_PERSON:
            return enclosing if (enclosing and enclosing.name and lower in ("i", "me")) else Speaker(None, status=UNRESOLVED)
        if lower in SINGULAR_PRONOUNS:
            fronted = self._fronted_clause_subject(source, _gender_of_words([lower]))
            subject = lower in ("he", "she") and source.dep_ == "nsubj"  # not 'daring him to say'
            return fronted or self._person(position, _gender_of_words([lower]), subject=subject) or Speaker(
                None, status=UNRESOLVED)
        if lower in PLURAL_PRONOUNS:
            return self._group(source, position) or Speaker(None, status=UNRESOLVED)
        if lower in ORGANIZATION_PRONOUNS:
            return self._body(source, position) or Speaker(None, status=UNRESOLVED)
        if source.pos_ == "PRON" or lower in FUNCTION_WORDS:
            return Speaker(None, status=UNRESOLVED)
        return self._nominal(source, position)

    def _issuer(self, document: Token) -> Token | None:
        """Who issued 'the statement' (the letter, the report) a sentence or two before: the subject of a verb of
        saying it was said in ('said in a statement') or of a verb that issued it ('issued a statement')."""
        lemma = document.lemma_.lower()
        earlier = [t for t in self._window(document, 2) if t.lemma_.lower() == lemma and t.i < document.i
                   and not _definite(t)]
        for mention in reversed(earlier):
            subject = producer(mention, ISSUING_VERBS)
            if subject is not None and subject.pos_ != "PRON" and agentive(subject):
                return subject
        return None

    def _fronted_clause_subject(self, pronoun: Token, gender: str | None) -> Speaker | None:
        """'As he praised the teams, Mr. Rahul Mehta thanked …': the subject pronoun of an adverbial clause
        put before its main clause stands for the main clause's named subject, when they agree (cataphora)."""
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.i > clause.head.i:
            return None
        subject = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.i > clause.right_edge.i), None)
        if subject is None or name_span(subject) is None:
            return None
        named = self._named(subject, subject.idx)
        if named.kind != PERSON or self.gender_of(named.name) not in (None, gender):
            return None
        return self.with_details(named)

    def _named(self, token: Token, position: int) -> Speaker:
        name = name_span(token)
        role, affiliation = role_of(token)
        title = [t.text for t in token.doc[max(0, name.start - 2):name.start]] if name is not None else []
        canonical, kind = self.canonical(name.text if name is not None else token.text, position,
                                         _gender_of_words(title))
        if not _institution_name(name) and (_looks_personal(role) or (
                name is not None and name.start > token.left_edge.i
                and _looks_personal(token.doc[token.left_edge.i:name.start].text))):
            kind = PERSON  # 'relief coordinator Anouk Terrin', not 'the event's coordinator, the Tarnholm Alliance'
        if kind is None and token.lower_ in ORGANIZATION_NOUNS:  # the (untagged) Central European Coalition
            kind = ORGANIZATION
        known_role, known_affiliation = self.details.get(canonical, (None, None))
        return Speaker(canonical, kind or PERSON, role or known_role, affiliation or known_affiliation)

    def _nominal(self, source: Token, position: int) -> Speaker:
        if name_span(source) is not None:
            return self._named(source, position)
        if source.text[:1].isupper() and any(
                _compatible(name_pieces(source.text), n.pieces) for n in self.names):
            return self._named(source, position)  # a name the tagger took for a word ('Trump' as a verb)
        appositive = _appositive_name(source)
        if appositive is not None:  # the spokesman, Jane Doe, said …
            named = self._named(appositive, position)
            kind = ORGANIZATION if _institution_name(name_span(appositive)) else PERSON  # the organiser, the X Alliance
            return Speaker(named.name, kind, named.role or _phrase(source), named.affiliation)
        lemma = source.lemma_.lower()
        if lemma in DOCUMENT_NOUNS | MEDIA_NOUNS:
            owner = next((c for c in source.children if c.dep_ == "poss"), None) or next(
                (p for c in source.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                 for p in c.children if p.dep_ == "pobj"), None)
            if owner is not None:
                return self._nominal(owner, position)
            issuer = self._issuer(source) if _definite(source) else None
            if issuer is not None:  # 'The rebels said in a statement … "…," the statement said'
                return self._nominal(issuer, issuer.idx)
        definite = _definite(source)
        hint = _affiliation_hint(source)
        if definite and source.tag_ != "NNS" and lemma in PERSON_ROLE_NOUNS | {
                w for w in FEMININE_WORDS | MASCULINE_WORDS if len(w) > 4}:
            found = self._person(position, _gender_of_words([lemma]), role=lemma,
                                 affiliation=_affiliation_hint(source, places=False))
            if found is not None:
                return found
        if definite and lemma in ORGANIZATION_NOUNS:
            found = self._organization_named(lemma, position) or (self._nearest(  # not any body: 'the campaign'
                position, ORGANIZATION, forward=False, hint=hint, strict=True) if hint else None)  # is not the FBI
            if found is not None:
                return found
        if not agentive(source):
            return Speaker(None, status=UNRESOLVED)
        role, affiliation = role_of(source)
        kind = ORGANIZATION if lemma in ORGANIZATION_NOUNS | DOCUMENT_NOUNS or source.lower_ in GROUP_NOUNS else None
        return Speaker(_phrase(source), kind, role, affiliation or hint, status=DESCRIBED)

    def _person(self, position: int, gender: str | None, role: str | None = None,
                affiliation: str | None = None, subject: bool = False) -> Speaker | None:
        """The person a pronoun or role noun at ``position`` stands for.

        Candidates agree in gender and stand outside quotations and others' reported content; for a
        role noun ('the attorney general'), a candidate whose known role is another one, or whose
        affiliation is not the one given ('the FBI director'), is not a candidate. Sentences are searched
        from the pronoun's own backwards; in each, the last subject or named source wins, else the last
        person named there. A pronoun whose nearest agreeing subject is an unnamed role noun ('The
        candidate proposes … He wants …') goes where that noun goes, or nowhere; a subject pronoun whose
        nearest agreeing subject is a person introduced without a name ('Another resident said …; he said')
        stands for that person (``subject``). When nobody fitting is named before, the first named source
        after (cataphora)."""
        candidates = [r for r in self.named + self.people
                      if (r.speaker.kind or PERSON) == PERSON and (gender is None or r.gender in (None, gender))
                      and (role is None or self._role_fits(r.speaker, role, affiliation))]
        before = sorted((r for r in candidates if r.position < position), key=lambda r: r.position)
        pick = self._salient(before, gender)
        if role is not None and self._introduced_unnamed(role, pick, position):
            return None  # 'a candidate who … That candidate would …': someone the article does not name
        if role is None:
            described = self._role_subject(position, gender, pick, unnamed=subject)
            if described is not None and _unnamed_person(described):  # 'Another resident said … "…," he said'
                role, affiliation = role_of(described)
                return Speaker(_phrase(described), PERSON, role, affiliation, status=DESCRIBED)
            if described is not None:
                return self._person(described.idx, gender, role=described.lemma_.lower(),
                                    affiliation=_affiliation_hint(described, places=False))
        if pick is None:  # cataphora: named in the next paragraphs, not anywhere later
            after = sorted((r for r in candidates if position < r.position <= position + _CATAPHORA_CHARS
                            and r.source), key=lambda r: r.position)
            pick = after[0] if after else None
        return self.with_details(pick.speaker) if pick is not None else None

    def _role_fits(self, speaker: Speaker, role: str, affiliation: str | None) -> bool:
        """Whether a person may be 'the <role>' ('the <affiliation> <role>'): the institution or party given
        must be among their known details ('the FBI director', 'the Democratic nominee'; a place, as in 'the
        California congressman', is not checked), and they must be known by this role or one of the same
        kind (any holder of a role is 'the official'; 'the widow' needs only agreement)."""
        words = self.described_as.get(speaker.name or "", set())
        if affiliation and not all(any(_same_word(a.lower(), w) for w in words) for a in _WORD.findall(affiliation)):
            return False
        if role in _GENDERED_NOUNS:
            return True
        if role in _GENERIC_ROLES:
            return any(w in PERSON_ROLE_NOUNS or w in TITLE_WORDS for w in words)
        roles = set().union({role}, *(group for group in _ROLE_GROUPS if role in group))
        return any(_same_word(r, w) for w in words for r in roles)

    def _introduced_unnamed(self, role: str, pick: _Resolved | None, position: int) -> bool:
        """Whether an indefinite mention of the role ('a candidate') stands between ``pick`` and ``position``."""
        since = pick.position if pick is not None else self._sentence_start(max(0, position - _CATAPHORA_CHARS))
        return any(t.lemma_.lower() == role and since < t.idx < position and not _inside(t.idx, self.holes)
                   and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in t.children) for t in self.doc)

    def _role_subject(self, position: int, gender: str | None, pick: _Resolved | None,
                      unnamed: bool = False) -> Token | None:
        """An unnamed person-role subject ('the candidate'; with ``unnamed`` also 'a farmer') nearer a pronoun
        than the person ``pick`` found."""
        since = self._sentence_start(pick.position) if pick is not None else -1
        window = self._sentence_start(position)
        for _ in range(2):
            window = self._sentence_start(window - 1) if window > 0 else 0
        found = [t for t in self.role_subjects if max(window, since) <= t.idx < position
                 and (unnamed or not _unnamed_person(t))
                 and self._sentence_start(t.idx) > since and _gender_of_words([t.lemma_]) in (None, gender)]
        return found[-1] if found else None

    def _salient(self, before: list[_Resolved], gender: str | None = None) -> _Resolved | None:
        """In the latest sentence holding a candidate: its named source, else its last subject or introduced
        person, else its last candidate. Where some of that sentence's candidates are known to agree with the
        pronoun and the others' gender is unknown, only the agreeing ones count ('Chris Dunmore, the mayor, met
        Ms. Amara Reyes, and she said …': she is Ms. Reyes; 'Chris' says nothing of gender)."""
        if not before:
            return None
        latest = self._sentence_start(before[-1].position)
        in_sentence = [r for r in before if self._sentence_start(r.position) == latest]
        agreeing = [r for r in in_sentence if gender is not None and r.gender == gender]
        in_sentence = agreeing or in_sentence
        return next((r for r in reversed(in_sentence) if r.source), None) or next(
            (r for r in reversed(in_sentence) if r.subject), in_sentence[-1])

    def _sentence_start(self, position: int) -> int:
        index = bisect.bisect_right(self.sentence_starts, position) - 1
        return self.sentence_starts[index] if index >= 0 else 0

    def _window(self, source: Token, sentences: int) -> Span:
        """From the start of the ``sentences``-th sentence before the source's up to the source."""
        start = source.sent.start
        for _ in range(sentences):
            if start > 0:
                start = self.doc[start - 1].sent.start
        return self.doc[start:source.i]

    def _last_source_at(self, speaker: Speaker | None) -> int:
        return max((r.position for r in self.named if r.speaker == speaker), default=-1) if speaker else -1

    def _body(self, source: Token, position: int) -> Speaker | None:
        """'it': a body, document or medium that is a subject in the last sentences (after the last
        organisation source: 'the coalition wants … It issued …'), else the nearest organisation source."""
        organization = self._nearest(position, ORGANIZATION, forward=False)
        since = self._last_source_at(organization)
        subjects = [t for t in self._window(source, 2) if t.dep_ in ("nsubj", "nsubjpass") and t.idx > since
                    and (t.tag_ in ("NN", "NNP") or name_span(t) is not None) and not _inside(t.idx, self.holes)
                    and _speaks_as_body(t)]
        if not subjects:
            return organization
        subject = subjects[-1]
        if subject.lemma_.lower() in DOCUMENT_NOUNS | MEDIA_NOUNS:
            return Speaker(_phrase(subject), ORGANIZATION, status=DESCRIBED)
        found = self._nominal(subject, subject.idx)
        role = (found.role or "").split()
        if found.kind != ORGANIZATION or self.gender_of(found.name) or _gender_of_words(role) or _looks_personal(
                found.role):
            return organization  # a person the tagger took for a body ('Scott, a 43-year-old man')
        return found

    def _group(self, source: Token, position: int) -> Speaker | None:
        """'they': a plural group named as a subject in the last sentences after the last organisation
        source, else one named there in another role ('… interviewed crew members. They described …'),
        else the nearest organisation source."""
        organization = self._nearest(position, ORGANIZATION, forward=False)
        since = self._last_source_at(organization)
        window = self._window(source, 2)
        plural = [t for t in window if t.tag_ in ("NNS", "NNPS") and t.idx > since and agentive(t)
                  and not _inside(t.idx, self.holes)]
        subjects = [t for t in plural if t.dep_ in ("nsubj", "nsubjpass")]
        group = (subjects or plural or [None])[-1]
        if group is None:
            return organization
        while group.dep_ == "conj" and group.head.tag_ in ("NNS", "NNPS", "NN"):
            group = group.head  # crew members, editors and contestants: the whole group
        if name_span(group) is not None:
            return self._named(group, group.idx)
        return Speaker(_phrase(group, conjuncts=True), ORGANIZATION if group.lower_ in GROUP_NOUNS else None,
                       status=DESCRIBED)

    def _nearest(self, position: int, kind: str, forward: bool = True, hint: str | None = None,
                 strict: bool = False) -> Speaker | None:
        """The nearest named source of this kind before ``position`` (else the first named source after);
        one fitting ``hint`` if any does (``strict``: only one that does)."""
        fitting = [r for r in self.named if (r.speaker.kind or PERSON) == kind]
        if hint:
            fits = [r for r in fitting if self._fits_hint(r.speaker, hint)]
            fitting = fits if (fits or strict) else fitting
        before = [r for r in fitting if r.position < position]
        if before:
            return self.with_details(before[-1].speaker)
        after = [r for r in fitting if r.position > position] if forward else []
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


def _same_word(a: str, b: str) -> bool:
    """Equal, or one a stem or abbreviation of the other ('Democrat'/'Democratic', 'Sen.'/'senator')."""
    return a == b or (min(len(a), len(b)) > 2 and (a.startswith(b) or b.startswith(a)))


def _appositive_name(token: Token) -> Token | None:
    """The name in apposition to a role noun ('the spokesman, Jane Doe'), also where the parse hangs it on
    the role's place or body ('the mayor of Sindhuli, Ram Thapa': a person's name, not the town's)."""
    found = next((c for c in token.children if c.dep_ == "appos" and name_span(c) is not None), None)
    if found is not None:
        return found
    return next((a for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.ent_type_ != "PERSON"
                 for a in o.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"), None)


def _definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that") for c in token.children)


def _affiliation_hint(token: Token, places: bool = True) -> str | None:
    """The name inside a role noun's phrase ('the FBI director' → 'FBI'; a place only with ``places``)."""
    labels = set(_NAME_LABELS) - (set() if places else {"GPE", "LOC", "FAC"})
    return next((clean_name(c.text) for c in token.children
                 if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in labels), None)


def _definite_role(token: Token) -> bool:
    """A singular definite role or person noun standing for a person without a name ('the candidate',
    'his ex-wife')."""
    lemma = token.lemma_.lower()
    definite = _definite(token) or any(c.dep_ == "poss" and c.lower_ in SINGULAR_PRONOUNS | PLURAL_PRONOUNS
                                       for c in token.children)
    return (token.tag_ == "NN" and (lemma in PERSON_ROLE_NOUNS or lemma in _GENDERED_NOUNS) and definite
            and not any(c.dep_ == "appos" for c in token.children))


def _unnamed_person(token: Token) -> bool:
    """A singular indefinite person noun with no name given ('another resident', 'a 62-year-old farmer',
    'one woman'): someone the article introduces without naming, whom a later 'he' or 'she' can stand for."""
    lemma = token.lemma_.lower()
    return (token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in token.children)
            and (lemma in PERSON_ROLE_NOUNS | _GENDERED_NOUNS | (PEOPLE_NOUNS - _COLLECTIVE_NOUNS) or (
                lemma.endswith(_AGENT_SUFFIXES) and not {lemma, token.lower_} & (
                    ORGANIZATION_NOUNS | DOCUMENT_NOUNS | GROUP_NOUNS | MEDIA_NOUNS | PLACE_BODY_NOUNS)))
            and not any(c.dep_ == "appos" and name_span(c) is not None for c in token.children))


def _speaks_as_body(token: Token) -> bool:
    """What 'it' may stand for: an institution noun (the coalition, the Tarnholm Council), the name of an
    organisation, state or group (by its entity tag, or by the actor file when the tagger took a body's
    name for a person's: 'the Tatmadaw'), or a document or medium."""
    lemma = token.lemma_.lower()
    if lemma in DOCUMENT_NOUNS | MEDIA_NOUNS:
        return True
    name = name_span(token)
    if name is not None and (token.ent_type_ in ("ORG", "NORP", "GPE", "FAC")
                             or known_kind(name.text) == ORGANIZATION):
        return True
    return token.lower_ in ORGANIZATION_NOUNS and (_definite(token) or name is not None)


def _phrase(token: Token, conjuncts: bool = False) -> str:
    """A generic source's own noun phrase (a source, two officials), without clauses or appositions
    (with ``conjuncts``, up to its last coordinated noun: crew members, editors and contestants)."""
    left = min([token.i] + [t.i for c in token.lefts for t in c.subtree])
    right = token.i
    while conjuncts and (last := next((c for c in token.doc[right].children if c.dep_ == "conj"), None)) is not None:
        right = last.i
    return token.doc[left:right + 1].text


def is_named(token: Token | None) -> bool:
    """Whether a source mention is (or is in apposition to) a proper name."""
    if token is None:
        return False
    return name_span(token) is not None or any(c.dep_ == "appos" and name_span(c) is not None for c in token.children)


__all__ = ["Speaker", "SpeakerResolver", "PERSON", "ORGANIZATION", "NAMED", "DESCRIBED", "UNRESOLVED", "NONE",
           "agentive", "speaker_entity", "clean_name", "name_pieces", "name_span",
           "role_of", "is_named"]
