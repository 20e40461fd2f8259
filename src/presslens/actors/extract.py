"""Actors: entity mentions resolved to canonical actors, with every name the article uses for each.

Pipeline: actor-book names, named entities and proper-name runs (``actor_names``) →
noun-phrase composition (``actor_phrases``) → people's roles and affiliations, merged
by surname (``actor_people``) → placeholders resolved ('this regime' → the last state
named; 'Netanyahu's cabinet' → his state) → one ``Actor`` per canonical name and one
``ActorMention`` per mention, in the voice of the quotation that contains it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from presslens.core.countries import alpha_3
from presslens.core.nlp import described_as_person, doc_text, entity_of, one_word_people
from presslens.core.schema import Actor, ActorMention, Place, Quote

from .book import STATE_KIND, STATE_SECTORS, ActorBook, NameHit, load_actorbook, normalize_words, surname_key
from .designators import resolve_designators
from .identity import entity_id
from .names import (PRONOUNS, Anchor, Ref, after_a_given_name, book_anchors, entity_anchors, people_anchors,
                    proper_runs, ref_of)
from .people import People, PersonInfo, namesakes, person_ref, title_words, titled_choice
from .phrases import ANAPHOR, STATE_OF_PERSON, Composer, RawMention, cue_words, state_ref

ANAPHOR_REACH = 1500
"""How far back (characters) 'this regime' looks for the state it refers to."""


def find_anchors(doc: Doc, book: ActorBook) -> list[Anchor]:
    """Every name of an actor in the text, longest first, without overlaps."""
    anchors = _named_organisations(doc, book, book_anchors(doc, book))
    taken = {i for a in anchors for i in range(a.start, a.end)}
    anchors += people_anchors(doc, book, taken)
    anchors += entity_anchors(doc, book, taken)
    anchors += proper_runs(doc, book, taken)
    anchors += _surnames(doc, anchors, taken)
    anchors += _leaders_by_surname(doc, book, taken)
    return _short_forms(sorted(anchors, key=lambda a: a.start), book)


def _short_forms(anchors: list[Anchor], book: ActorBook) -> list[Anchor]:
    """'The Front' after 'the Kestrel Liberation Front', 'the Party' after 'the Workers' Party': an organisation
    named by the word that heads its name (a word organisations are named with) is the one named before in full,
    when only one has that word."""
    full: dict[str, set[Ref]] = defaultdict(set)
    result = []
    for anchor in anchors:
        words = normalize_words(anchor.ref.name)
        if words and words[0] == "the":
            words = words[1:]
        head = next((w for w in reversed(words) if book.org_noun((w,))), None)  # 'Popular Front of Orsenna'
        if anchor.ref.kind not in ("person", STATE_KIND, "place") and len(words) > 1 and head:
            full[head].add(anchor.ref)
        elif len(words) == 1 and len(full.get(words[0], ())) == 1 and anchor.ref.kind not in ("person", STATE_KIND):
            anchor = replace(anchor, ref=next(iter(full[words[0]])))
        result.append(anchor)
    return result


WIDE_FEATURES = frozenset({"continent", "region", "water"})
"""Places no one country holds when the places step gives them none ('Asia', 'the Middle East', 'the Atlantic')."""


def _as_the_places_step_reads(doc: Doc, anchors: list[Anchor], places: Sequence[Place],
                              book: ActorBook) -> list[Anchor]:
    """Anchors whose name the places step, reading the whole article, resolved otherwise than the actor book's
    context-free look-up (see ``_read_ref``), and a national capital it reads as its government (``metonym``)
    as that state wherever the tagger left it untagged or took it for a person ('Moscow accused Kyiv',
    'accused Yerevan'), so that no capital's reading hangs on how the tagger happens to label its name."""
    by_span = {(p.start, p.end): p for p in places if not p.demonym}
    people = one_word_people(doc)
    result = []
    for anchor in anchors:
        last = doc[anchor.end - 1]
        place = by_span.get((doc[anchor.start].idx, last.idx + len(last)))
        if place is None and anchor.ref.form == "place" and (doc[anchor.start:anchor.end].text.lower() in people
                                                              or described_as_person(doc, anchor.start, anchor.end)):
            continue  # 'Justice to Obama's Victims', 'Kenzo Oshima, the UN coordinator': a person, no place here
        read = _read_ref(anchor.ref, place) if place is not None else anchor.ref
        became_place = read.kind == "place" and anchor.ref.kind == STATE_KIND  # no government's seat any more
        result.append(replace(anchor, ref=read, sector=None if became_place else anchor.sector))
    for place in places:
        span = doc.char_span(place.start, place.end)
        seat = _seat_of_government(place, book) if span is not None else None
        if seat is None or any(a.start == span.start and a.end == span.end and a.ref.form == "capital"
                               for a in result):
            continue
        result = [a for a in result if a.end <= span.start or a.start >= span.end]
        result.append(Anchor(start=span.start, end=span.end, ref=ref_of(seat.entry, "capital"), sector=seat.sector))
    for place in places:
        span = doc.char_span(place.start, place.end)
        if span is None or not _place_before_a_body(span, place, book):
            continue
        covering = [a for a in result if a.start < span.end and a.end > span.start]
        if any(a.start < span.start or a.end > span.end or a.ref.kind not in GUESSED_KINDS
               or book.hits(normalize_words(a.ref.name)) for a in covering):
            continue
        result = [a for a in result if a not in covering]
        result.append(Anchor(start=span.start, end=span.end,
                             ref=Ref(name=place.text, kind="place", country=place_country(place), form="place")))
    return sorted(result, key=lambda a: a.start)


GUESSED_KINDS = frozenset({"organization", "group"})
"""Kinds the tagger's label alone gives a name the actor book does not know (a name it calls a person is left to
the people step: 'the Obama administration' is no town's)."""


def _place_before_a_body(span: Span, place: Place, book: ActorBook) -> bool:
    """'Kyiv police', 'Kharkiv police', 'the Sinaloa cartel': a town or a division the places step resolved, named
    before a noun for a body of people, says whose body it is, whatever label the tagger gave the name (so 'Kyiv
    police' is read as 'Moscow police' is)."""
    if place.sense != "literal" or place.demonym or not place_country(place):
        return False
    root = span.root
    if root.dep_ not in ("compound", "nmod", "amod") or root.head.i != span.end or any(
            t.ent_type_ == "PERSON" for t in span):
        return False
    head = root.head
    return any(lookup(normalize_words(form)) for form in (head.text, head.lemma_)
               for lookup in (book.sector_noun, book.group_noun))


def _seat_of_government(place: Place, book: ActorBook) -> NameHit | None:
    """The actor book's capital entry for a place the places step reads as a government's seat, if any."""
    if place.sense != "metonym" or place.demonym:
        return None
    code = place_country(place)
    return next((hit for hit in book.hits(tuple(normalize_words(place.text)))
                 if hit.form == "capital" and hit.entry.country == code), None)


def _read_ref(ref: Ref, place: Place) -> Ref:
    """A state's name resolved to another country's first-level division ('Georgia' beside Atlanta, 'Punjab'
    of India or Pakistan) names that division, a place of its country; a town's name resolved elsewhere
    ('Florida Rep. …' is the US state, not Florida, Cuba; a capital's name the text places in another country,
    'visited Paris, Texas', is not its state) is a place of that country; one resolved to a
    continent, a region or a sea that no country holds is that ('Asia director')."""
    if place.country is None:
        wide = ref.kind == "place" and place.feature in WIDE_FEATURES
        return replace(ref, kind="region", country=None) if wide else ref
    code = place_country(place)
    if code is None or code == ref.country:
        return ref
    if ref.kind == STATE_KIND and ref.form == "name" and place.feature == "admin1":
        return replace(ref, kind="place", country=code, name=place.text)
    if ref.kind == STATE_KIND and ref.form == "capital" and place.basis == "containment":
        return replace(ref, kind="place", country=code, name=place.text, form="place")  # 'visited Paris, Texas'

    return replace(ref, country=code) if ref.kind == "place" else ref


def place_country(place: Place) -> str | None:
    """The place's country as the ISO alpha-3 code actors carry."""
    return alpha_3(place.country)


def _surnames(doc: Doc, anchors: list[Anchor], taken: set[int]) -> list[Anchor]:
    """'Arouri said': a lone capitalised surname of a person named in full elsewhere in the article."""
    people = {surname_key(a.ref.name): a.ref for a in anchors
              if a.ref.kind == "person" and len(normalize_words(a.ref.name)) > 1}
    found = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        ref = people.get(surname_key(token.text))
        if ref is not None and token.ent_type_ in ("", "PERSON", "ORG", "NORP"):
            found.append(Anchor(start=token.i, end=token.i + 1, ref=Ref(name=token.text, kind="person",
                                                                           form="person")))
            taken.add(token.i)
    return found


SURNAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos", "poss"})
SURNAME_LABELS = frozenset({"", "PERSON", "GPE", "ORG", "NORP"})


def _leaders_by_surname(doc: Doc, book: ActorBook, taken: set[int]) -> list[Anchor]:
    """'Erdogan visited Baghdad', 'Aliyev met Pashinyan': a capitalised word, alone and in a clause's argument, that
    is the surname of one person of the actor book (and no other name the book holds) is that person, whatever
    label the tagger gave it: the press names leaders by surname alone, and a label that differs from one name to
    the next would make one side's leader an actor and the other's not."""
    found = []
    for token in doc:
        entity = entity_of(token) if token.ent_type_ else None
        if (token.i in taken or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "NOUN")
                or token.dep_ not in SURNAME_DEPS or token.ent_type_ not in SURNAME_LABELS
                or (entity is not None and len(entity) > 1)
                or (token.is_sent_start and token.pos_ != "PROPN") or after_a_given_name(token)):
            continue
        entry = book.leader_by_surname(token.text)
        if entry is None:
            continue
        found.append(Anchor(start=token.i, end=token.i + 1, ref=ref_of(entry, "person")))
        taken.add(token.i)
    return found


def _named_organisations(doc: Doc, book: ActorBook, anchors: list[Anchor]) -> list[Anchor]:
    """'Serbian Workers' Union', 'National Union for the Total Independence of Angola': an organisation
    named after a state is that organisation (in that country), unless the name is one of the state's
    institutions ('the Lithuanian Parliament', 'Israel's Cabinet'), which composition handles."""
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        start, end = _content_range(doc, ent.start, ent.end)
        inner = [a for a in anchors if start <= a.start and a.end <= end]
        if not inner or any(a.start < end and a.end > start and a not in inner for a in anchors):
            continue
        states = [state_ref(a, book) for a in inner]
        if any(s is None for s in states) or sum(a.end - a.start for a in inner) >= end - start:
            continue
        words = normalize_words(doc[start:end].text)
        if not any(book.org_noun((w,)) for w in words):
            continue
        tail = [t for t in doc[inner[-1].end:end] if t.tag_ != "POS" and not t.is_punct]
        cue = book.sector_noun(normalize_words(" ".join(t.text for t in tail))) if tail else None
        if cue and cue[0] in STATE_SECTORS:
            continue
        kind, sector = book.org_noun(normalize_words(doc[start:end].text)) or ("organization", None)
        ref = Ref(name=doc[start:end].text, kind=kind, country=states[0].country, sector=sector)
        anchors = [a for a in anchors if a not in inner] + [Anchor(start=start, end=end, ref=ref)]
    return sorted(anchors, key=lambda a: a.start)


def _content_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return start, end


def extract_actors(doc: Doc, quotes: list[Quote], actor_files: tuple[str, ...] = (),
                   places: Sequence[Place] = ()) -> tuple[list[Actor], list[ActorMention]]:
    """Canonical actors of the document and each of their mentions; ``places``, the places step's readings,
    tell a state from another country's division of the same name ('a congressman from Georgia')."""
    book = load_actorbook(tuple(actor_files))
    anchors = _acronyms_in_context(doc, _as_the_places_step_reads(doc, find_anchors(doc, book), places, book),
                                   places)
    raw = Composer(doc, anchors, book).mentions()
    raw, infos = _resolve_people(doc, anchors, raw, book)
    raw = resolve_designators(doc, raw, quotes)
    raw = _resolve_placeholders(doc, raw, book)
    raw += _speaker_mentions(doc, quotes, raw)
    raw = _speakers_own_state(doc, raw, quotes, book)
    return _build(doc, raw, infos, quotes)


def _namesakes_before_the_book(doc: Doc, raw: list[RawMention], book: ActorBook) -> list[RawMention]:
    """A surname alone that the actor book gave to a listed person ('Machado') is the article's own person of that
    surname where the article names one in full whose given name is not the listed person's ('Alicia Machado')
    and names the listed person neither in full nor with an office ('President Machado'): the article's
    namesake, not the leader of another country. A leader the article introduces with an office or in full
    keeps the surname beside a relative named in full ('President Trump' … 'Ivanka Trump' … 'Trump')."""
    full = [m.ref.name for m in raw if m.ref.kind == "person" and len(normalize_words(m.ref.name)) > 1
            and not _named_by_surname(doc, m)]
    introduced = {m.ref.name for m in raw if m.ref.kind == "person" and (m.ref.name in full or any(
        book.title(normalize_words(t.text)) for t in doc[m.start:m.end] if t.i != m.head))}
    result = []
    for m in raw:
        if m.ref.kind == "person" and _named_by_surname(doc, m) and m.ref.name not in introduced:
            listed = normalize_words(m.ref.name)
            if any(surname_key(name) == surname_key(m.ref.name) and normalize_words(name)[0] not in listed
                   for name in full):
                m = replace(m, ref=Ref(name=doc[m.head].text, kind="person", form="person"))
        result.append(m)
    return result


def _named_by_surname(doc: Doc, mention: RawMention) -> bool:
    """Whether a person mention names its (listed, multi-word) person by none of its words but the last."""
    words = normalize_words(mention.ref.name)
    said = set(normalize_words(doc[mention.start:mention.end].text))
    return len(words) > 1 and not said & set(words[:-1])


TWO_LETTERS = re.compile(r"[A-Z]{2}")


def _acronyms_in_context(doc: Doc, anchors: list[Anchor], places: Sequence[Place]) -> list[Anchor]:
    """Two capital letters that the actor file gives to an organ of one state ('PA', the Palestinian Authority)
    name it only where the article also names that country otherwise (the state, its people, a place in it, a
    body of it): two letters name other things elsewhere ('Harrisburg, PA', a US state's code)."""
    def acronym(anchor: Anchor) -> bool:
        letters = "".join(t.text for t in doc[anchor.start:anchor.end] if t.lower_ != "the")
        return bool(TWO_LETTERS.fullmatch(letters)) and anchor.ref.kind == STATE_KIND and (
            anchor.sector is not None)  # an organ ('PA'), not the state's own name ('US', 'UK')
    named = {a.ref.country for a in anchors if not acronym(a)}
    named |= {alpha_3(p.country) for p in places if p.country}
    return [a for a in anchors if (not acronym(a) or a.ref.country in named) and not _a_word_in_capitals(doc, a)]


def _a_word_in_capitals(doc: Doc, anchor: Anchor) -> bool:
    """'THIS IS WAR: WHO WILL STOP THEM?': in a line written in capitals, a function word that spells an acronym
    ('IS', 'WHO') is the word ('US' stays the United States)."""
    token = doc[anchor.start]
    if anchor.end - anchor.start != 1 or not token.is_upper or not token.is_stop or token.lower_ == "us":
        return False
    text = doc_text(doc)
    end = text.find("\n", token.idx)
    line = text[text.rfind("\n", 0, token.idx) + 1:end if end >= 0 else len(text)]
    letters = [ch for ch in line if ch.isalpha()]
    return len(line.split()) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _resolve_people(doc: Doc, anchors: list[Anchor], raw: list[RawMention], book: ActorBook
                    ) -> tuple[list[RawMention], dict[str, PersonInfo]]:
    raw = _namesakes_before_the_book(doc, raw, book)
    people = People(doc, anchors, raw, book)
    fitting = namesakes(raw)
    own = {(m.start, m.head): people.info(m) for m in raw if m.ref.kind == "person"}
    titles: dict[str, frozenset[str]] = defaultdict(frozenset)
    for m in raw:
        if m.ref.kind == "person" and fitting[m.ref.name] == [m.ref.name]:
            titles[m.ref.name] |= title_words(own[m.start, m.head].role)
    chosen = {(m.start, m.head): titled_choice(fitting[m.ref.name], own[m.start, m.head].role, titles)
              for m in raw if m.ref.kind == "person"}
    infos: dict[str, PersonInfo] = defaultdict(PersonInfo)
    for m in raw:
        if m.ref.kind == "person":
            infos[chosen[m.start, m.head]] = infos[chosen[m.start, m.head]].merged(own[m.start, m.head])
    for m in raw:
        name = chosen[m.start, m.head] if m.ref.kind == "person" else ""
        if name and infos[name].country is None and infos[name].role:
            infos[name] = infos[name].merged(PersonInfo(country=_context_country(doc, m, raw)))
    result = []
    for m in raw:
        if m.ref.kind == "person":
            name = chosen[m.start, m.head]
            m = RawMention(m.start, m.end, person_ref(name, infos[name]), infos[name].sector, m.head)
        elif m.ref.kind == STATE_OF_PERSON:
            name = fitting[m.ref.name][0] if m.ref.name in fitting else m.ref.name
            state = book.state(infos[name].country) if name in infos else None
            if state is None:
                continue
            m = RawMention(m.start, m.end, ref_of(state), m.sector, m.head)
        result.append(m)
    return result, dict(infos)


def _context_country(doc: Doc, person: RawMention, raw: list[RawMention]) -> str | None:
    """A titled person the text gives no country ('President X'): the country of the sentence's
    government mentions, else of its states, else of its population groups, nearest first.

    Not a state the person's own act is aimed at ('Rep. Schiff called on the administration to call
    out Russia', '… declined to threaten Moscow', 'called for sanctions against Nigeria') nor the
    country in the title of another person the act is aimed at ('President Obama met Russian
    President Putin'): those name someone else's side. A people or a body of a country that the act
    is aimed at still counts ('banned Ugandan opposition candidates': a president's own country, most
    often), and so does another person's title outside the act ('White House spokesman Josh Earnest
    said that President Obama …'). Nor is a country what a noun is about ('an investigation into Russian
    interference')."""
    sentence = doc[person.head].sent
    others = [(m.start, m.head) for m in raw if m.ref.kind == "person" and m.head != person.head]
    aimed = _aimed_at(doc[person.head])
    ranked = []
    for m in raw:
        if not sentence.start <= m.head < sentence.end or m.ref.kind == "person" or not m.ref.country:
            continue
        if m.head in aimed and ((m.ref.kind == STATE_KIND and _recipient(doc[m.head])) or any(
                start <= m.head < head for start, head in others)):
            continue
        if _in_a_topic(doc[m.head]):
            continue
        if m.ref.kind == STATE_KIND:
            rank = 0 if m.sector in STATE_SECTORS else 1
        elif m.ref.kind == "population":
            rank = 2
        elif m.ref.country in book_states():
            rank = 3
        else:
            continue
        ranked.append((rank, abs(m.head - person.head), m.ref.country))
    return min(ranked)[2] if ranked else None


_TOPIC_PREPOSITIONS = frozenset({"into", "about", "over", "regarding", "concerning"})


def _in_a_topic(token: Token) -> bool:
    """Whether a mention is inside what a noun is about ('an investigation into Russian interference',
    'questions about Iran'): a subject matter, not a side present in the sentence."""
    while token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in _TOPIC_PREPOSITIONS and token.head.head.pos_ == "NOUN":
            return True
        token = token.head
    return False


_AIMED_DEPS = frozenset({"dobj", "dative", "xcomp"})
_AIMED_PREPOSITIONS = frozenset({"to", "with", "against", "on", "at", "toward", "towards", "into", "for", "over",
                                 "about"})


def _aimed_at(person: Token) -> set[int]:
    """Tokens of what the verbs a person is the subject of act on: their objects, infinitives and
    phrases of direction ('met X', 'urged Y to call out Z', 'flew to W', 'declined to threaten V');
    not where the act took place ('campaigned in Pittsburgh') nor what the person says
    ('said California would sue')."""
    if person.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    verbs = [person.head, *(c for c in person.head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))]
    return {t.i for verb in verbs for child in verb.children
            if child.dep_ in _AIMED_DEPS or (child.dep_ == "prep" and child.lower_ in _AIMED_PREPOSITIONS)
            for t in child.subtree}


def _recipient(token: Token) -> bool:
    """A noun that is itself what an act is aimed at ('call out Russia', 'sanctions against Nigeria'), not a
    modifier of it ('Ugandan candidates') nor a place inside it ('a curfew in Algiers')."""
    return token.dep_ in ("dobj", "dative") or (token.dep_ == "pobj" and token.head.lower_ in _AIMED_PREPOSITIONS)


def book_states() -> frozenset[str]:
    """Codes of states (not UNO, IGO, NGO ...): the countries a person can be from."""
    return frozenset(load_actorbook(()).states)


def _resolve_placeholders(doc: Doc, raw: list[RawMention], book: ActorBook) -> list[RawMention]:
    """'The chancellor' → the person last named with that title (within reach); 'this extremist regime', 'the
    army' → the state named last before it (within reach), else a generic
    actor (an armed group named last is not whose army, minister or government it is); a state's
    institution named with the same noun before, by a name of its own, comes first ('the Obama
    administration … refugees from Syria … the administration' is the US one)."""
    result: list[RawMention] = []
    resolved: set[int] = set()
    for m in raw:
        if m.ref.kind == ANAPHOR:
            start_char = doc[m.start].idx
            own_subject = _clause_subject_tokens(doc[m.head])
            states = [p for p in result if p.ref.kind == STATE_KIND and p.end <= m.start
                      and start_char - doc[p.start].idx <= ANAPHOR_REACH and p.head not in own_subject
                      and not _of_several(doc[m.head])]
            noun = doc[m.head].lemma_.lower()
            same = [p for p in states if doc[p.head].lemma_.lower() == noun and p.head not in resolved]
            titled = _titled_before(doc, m, result, book)
            if titled is not None:  # 'The chancellor said' after 'Chancellor Odalys Pemberhart': that person
                m = RawMention(m.start, m.end, titled.ref, titled.sector, m.head)
            elif states:  # a state's institution ('the army') is a state's, never the armed group named last
                m = RawMention(m.start, m.end, (same or states)[-1].ref, m.sector, m.head)
                resolved.add(m.head)
            else:
                words, lemmas = cue_words(doc[m.head])  # 'the air force': the noun with its modifiers
                name = " ".join(words)
                sector_kind = book.sector_noun(words) or book.sector_noun(lemmas) or (m.sector, "government")
                m = RawMention(m.start, m.end, Ref(name=name, kind=sector_kind[1], sector=m.sector, form="generic"),
                               m.sector, m.head)
        result.append(m)
    return result


def _titled_before(doc: Doc, anaphor: RawMention, before: list[RawMention], book: ActorBook) -> RawMention | None:
    """The person named with the title a singular placeholder is ('the chancellor', 'the minister') and named
    last, by any of their names, within reach."""
    head = doc[anaphor.head]
    noun = head.lemma_.lower()
    if head.tag_ != "NN" or book.title((noun,)) is None:
        return None
    earlier = [p for p in before if p.ref.kind == "person" and p.end <= anaphor.start]
    titled = {p.ref.name for p in earlier
              if noun in set(normalize_words(doc[max(0, p.start - 3):p.end].text)) - set(normalize_words(p.ref.name))}
    recent = [p for p in earlier if p.ref.name in titled and head.idx - doc[p.start].idx <= ANAPHOR_REACH]
    return recent[-1] if recent else None  # a title beside the name, not a word of it (Mark Judge)


def _of_several(noun: Token) -> bool:
    """'the two governments', 'both sides': a placeholder counted for more than one state is no one state."""
    return any((c.dep_ == "nummod" and c.lower_ not in ("one", "1"))
               or (c.dep_ in ("det", "predet") and c.lower_ == "both") for c in noun.children)


def _clause_subject_tokens(noun: Token) -> set[int]:
    """Tokens of the subject of the verb a noun is the object of ('as Russia backed the government'): that
    subject is not who the noun refers back to, since a state backing its own government would be said
    'its government'."""
    token = noun
    while token.dep_ in ("pobj", "prep", "conj", "appos") and token.head is not token:
        token = token.head
    if token.dep_ not in ("dobj", "pobj", "dative") or token.head.pos_ not in ("VERB", "AUX"):
        return set()
    verb = token.head
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ == "conj":
        verb = verb.head  # 'X met and backed the government': the first verb's subject
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}


def _speaker_mentions(doc: Doc, quotes: list[Quote], raw: list[RawMention]) -> list[RawMention]:
    """A quote's pronoun speaker ('he warned') becomes a mention of the actor the quote resolved it to."""
    result = []
    known = {m.ref.name: m.ref for m in raw}
    written = {_written_name(doc[m.start:m.end].text): m.ref for m in raw if not m.pronoun}
    for q in quotes:
        if q.speaker_start is None or not q.speaker or (q.speaker_mention or "").lower() not in PRONOUNS:
            continue
        ref = _matching_ref(q.speaker, known) or written.get(_written_name(q.speaker))
        span = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
        if ref is not None and span is not None:
            result.append(RawMention(span.start, span.end, ref, ref.sector, span.end - 1, pronoun=True))
    return result


_PERSONAL_POSSESSIVES = frozenset({"his", "her", "my", "our"})
"""Possessives by which a speaker calls an institution their own ('her government', 'our army')."""
PERSONAL = frozenset({"he", "she", "him", "her"})
"""Pronouns only a person is called by."""


def _speakers_own_state(doc: Doc, raw: list[RawMention], quotes: list[Quote], book: ActorBook) -> list[RawMention]:
    """'X said her government would …', '"our army is ready," X said': a state's institution a speaker calls
    their own, in what they said, is the state of that speaker (a person whose country is known); not a court
    or a prosecution ('his prosecution' is the one brought against him)."""
    known = {m.ref.name: m.ref for m in raw if m.ref.kind == "person"}
    result = []
    for m in raw:
        head = doc[m.head]
        quote = next((q for q in quotes if q.start <= head.idx < q.end and q.speaker), None)
        owner = _matching_ref(quote.speaker, known) if quote is not None and m.ref.form == "generic" and (
            m.sector in STATE_SECTORS - {"JUD"}) and any(c.dep_ == "poss" and c.lower_ in _PERSONAL_POSSESSIVES
                                               for c in head.children) else None
        if owner is not None and any(o.ref.kind != STATE_KIND and quote.start <= doc[o.start].idx < head.idx
                                     for o in raw if o is not m):
            owner = None  # 'said the rebel leader had lost his army': another possible owner is named first
        state = book.state(owner.country) if owner is not None else None
        result.append(RawMention(m.start, m.end, ref_of(state), m.sector, m.head) if state is not None else m)
    return result


def _written_name(text: str) -> tuple[str, ...]:
    """A name as written, without a leading article ('the TPLF' and 'TPLF' are one name)."""
    words = normalize_words(text)
    return words[1:] if words[:1] == ("the",) else words


def _matching_ref(name: str, known: dict[str, Ref]) -> Ref | None:
    """The actor a resolved speaker name denotes (exact name, else same surname for people)."""
    key = normalize_words(name)
    for ref in known.values():
        if normalize_words(ref.name) == key:
            return ref
    for ref in known.values():
        if ref.kind == "person" and surname_key(ref.name) == surname_key(name):
            return ref
    return None


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", " ".join(normalize_words(name))).strip("-") or "actor"


def voice_at(position: int, quotes: list[Quote]) -> str:
    """'outlet', or the speaker of the quotation whose content holds ``position``."""
    for q in quotes:
        if q.start <= position < q.end:
            return q.speaker or q.speaker_mention or "attributed"
    return "outlet"


def _build(doc: Doc, raw: list[RawMention], infos: dict[str, PersonInfo], quotes: list[Quote]
           ) -> tuple[list[Actor], list[ActorMention]]:
    groups: dict[str, list[RawMention]] = defaultdict(list)
    for m in sorted(raw, key=lambda m: (doc[m.start].idx, -m.end)):
        groups[m.ref.name].append(m)
    actors: list[Actor] = []
    ids: dict[str, str] = {}
    for name, members in groups.items():
        ident = slug(name)
        while ident in ids.values():
            ident += "-2"
        ids[name] = ident
        refs = [m.ref for m in members]
        first = doc[members[0].start:members[0].end]
        names = [doc[m.start:m.end].text for m in members if not m.pronoun]
        info = infos.get(name, PersonInfo())
        kind = refs[0].kind
        if kind == "organization" and any(m.pronoun and doc[m.start:m.end].text.lower() in PERSONAL for m in members):
            kind = "person"  # 'Yusra Daventry … she said': what the tagger took for an organisation is a person
        actors.append(Actor(
            id=ident, name=name, kind=kind, start=first.start_char, end=first.end_char,
            country=next((r.country for r in refs if r.country), None),
            sector=next((r.sector for r in refs if r.sector), None), role=info.role,
            affiliation=next((r.affiliation for r in refs if r.affiliation), None),
            names=tuple(dict.fromkeys(names)),
            entity_id=entity_id(name, kind, next((r.country for r in refs if r.country), None))))
    mentions = []
    for m in sorted(raw, key=lambda m: (doc[m.start].idx, -m.end)):
        span = doc[m.start:m.end]
        mentions.append(ActorMention(start=span.start_char, end=span.end_char, text=span.text,
                                     actor_id=ids[m.ref.name], voice=voice_at(span.start_char, quotes),
                                     sector=m.sector))
    return sorted(actors, key=lambda a: a.start), mentions
