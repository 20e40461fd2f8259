"""Find the names an article uses for actors: actor-book names, named entities, proper-name runs.

Each find is an :class:`Anchor`: a token range and what it refers to. Composition with
the surrounding noun phrase ('Israeli' + 'army') happens in ``actor_phrases``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from presslens.core.nlp import doc_text, entity_of
from presslens.core.structure import headline_lines

from .book import STATE_KIND, STATE_SECTORS, ActorBook, Entry, NameHit, normalize_word, normalize_words

ENTITY_LABELS = ("PERSON", "ORG", "NORP", "GPE", "LOC")
NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "da", "de", "di", "do", "dos", "das", "du", "del",
                            "della", "van", "von", "der", "den", "ter", "la", "le"})
"""Lower-case particles inside personal names, written for Arabic, Romance, Dutch and German names alike."""
PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "around", "inside", "into", "across"})
"""Prepositions whose object is where something is: a name there that the model reads as a people, and that
the gazetteer knows as a town, is the town."""
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "us"})
PLACE_KIND_WORDS = frozenset({"city", "region", "oblast", "province", "state", "district", "county", "metro", "area"})
"""Words after a town's name that keep it a place ('Mexico City', 'Moscow Region')."""


@dataclass(frozen=True)
class Ref:
    """What a mention refers to: a canonical actor (or a person still to be merged)."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    affiliation: str | None = None
    form: str = "name"


@dataclass(frozen=True)
class Anchor:
    """A token range ``[start, end)`` that names an actor."""

    start: int
    end: int
    ref: Ref
    sector: str | None = None
    """The sector this name implies ('the Kremlin' → GOV), beside the actor's own."""


def ref_of(entry: Entry, form: str = "name") -> Ref:
    return Ref(name=entry.name, kind=entry.kind, country=entry.country, sector=entry.sector,
               affiliation=entry.affiliation, form=form)


def _case_ok(hit: NameHit, tokens: list[Token]) -> bool:
    if hit.case == "exact":
        return "".join(ch for t in tokens for ch in t.text if ch.isalnum()) == hit.letters
    if hit.case == "capital":
        content = [t for t in tokens if t.lower_ != "the"]
        return bool(content) and content[0].text[:1].isupper()
    return True


def _in_entity(token: Token, labels: tuple[str, ...]) -> bool:
    return token.ent_type_ in labels


def _whole_entity(tokens: list[Token]) -> bool:
    """Do the tokens make up a whole named entity (nothing of it before or after them but a leading 'the')?"""
    first, last = tokens[0], tokens[-1]
    starts = first.ent_iob_ == "B" or (first.ent_iob_ == "I" and first.i > 0 and first.nbor(-1).ent_iob_ == "B"
                                        and first.nbor(-1).lower_ == "the")
    return starts and (last.i + 1 == len(last.doc) or last.doc[last.i + 1].ent_iob_ != "I")


def _holds_whole_names(tokens: list[Token], people: list[Token]) -> bool:
    """'the Kizan army': the person entities lie inside the name, which runs on past them (no person's name
    continues with 'army')."""
    spans = {entity_of(t) for t in people}
    return all(s is not None and tokens[0].i <= s.start and s.end <= tokens[-1].i + 1 for s in spans) and (
        sum(len(s) for s in spans if s is not None) < len(tokens))


def _tail_of_a_longer_place(hit: NameHit, tokens: list[Token]) -> bool:
    """'New Jersey', 'New Mexico', 'Northern Ireland': a state's or town's name that ends a longer place name
    (capitalised words before it in the same place entity) is not that state or town."""
    if hit.entry.kind != "state" and hit.form not in ("capital", "region", "place"):
        return False
    entity = entity_of(tokens[-1])
    return entity is not None and entity.label_ in ("GPE", "LOC") and entity.start < tokens[0].i and any(
        t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens[0].doc[entity.start:tokens[0].i])


def _where(tokens: list[Token]) -> bool:
    """'a court in Kyiv': a name standing alone (no longer name around it) as the object of a preposition of
    place, whatever entity type the tagger gave it."""
    last = tokens[-1]
    entity = entity_of(last)
    alone = entity is None or (entity.start >= tokens[0].i and entity.end <= last.i + 1)
    return alone and last.dep_ == "pobj" and last.head.lower_ in ("in", "near", "outside", "around", "from", "to")


CAPITAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
CAPITAL_PREPOSITIONS = frozenset({"at", "on", "against", "toward", "towards", "into", "with"})
"""Where a capital's name the tagger left untagged or took for a person is still read as the capital: a clause's
subject or object, or whom an act is aimed at or done with ('fired missiles at Kyiv', 'talks with Kyiv')."""


def _hit_allowed(hit: NameHit, tokens: list[Token], doc: Doc, not_people: set[int],
                 personal_words: frozenset[str]) -> bool:
    """Context rules: capitals only as places or subjects, no names inside a person's name, no 'the occupation of'.
    ``personal_words``: the words of the people the text names in full."""
    if not _case_ok(hit, tokens) or _tail_of_a_longer_place(hit, tokens):
        return False
    last = tokens[-1]
    if hit.form == "capital" and len(tokens) == 1 and last.lower_ in personal_words:
        return False  # 'Victoria said' after 'Victoria Nuland'
    # a capital counts where spaCy calls it a place, or, untagged or taken for a person no one named in full
    # is, as a clause's subject or object or one of its items ('Kyiv accused', 'visited Kyiv', 'Castrell has
    # called the sanctions …'), or aimed at ('fired at Kyiv')
    lone = last.ent_type_ == "PERSON" and len(tokens) == 1 and len(entity_of(last) or ()) == 1
    argument = (not last.ent_type_ or lone) and (last.dep_ in CAPITAL_DEPS or (
        last.dep_ == "conj" and last.head.dep_ in CAPITAL_DEPS) or (  # 'Juba and Khartoum agreed'
        last.dep_ == "pobj" and last.head.lower_ in CAPITAL_PREPOSITIONS))
    if hit.form == "capital" and not (_in_entity(last, ("GPE", "LOC", "ORG", "NORP")) or argument
                                      or _where(tokens)):
        return False
    people = [t for t in tokens if _in_entity(t, ("PERSON",)) and t.i not in not_people]
    if hit.form != "person" and people and not (hit.entry.kind != "state" and _whole_entity(tokens)) and not (
            _holds_whole_names(tokens, people)):
        return False  # 'Michael Jordan'; but a group spaCy tags as a person ('the Houthis') is the group
    return not (last.is_lower and last.i + 1 < len(doc) and doc[last.i + 1].lower_ == "of")


def book_anchors(doc: Doc, book: ActorBook) -> list[Anchor]:
    """Longest actor-book names, left to right, without overlaps."""
    tokens = list(doc)
    words = [normalize_word(t.text) for t in tokens]
    not_people = _nationality_people(doc, book)
    personal = frozenset(t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e)
    anchors: list[Anchor] = []
    i = 0
    while i < len(tokens):
        found: Anchor | None = None
        if words[i] and not tokens[i].is_punct:
            key: tuple[str, ...] = ()
            for j in range(i, min(len(tokens), i + book.max_words * 2)):
                if tokens[j].is_space or "\n" in tokens[j].text:
                    break
                if not words[j]:
                    continue
                key += (words[j],)
                if key not in book.prefixes:
                    break
                for hit in book.hits(key):
                    if _hit_allowed(hit, tokens[i:j + 1], doc, not_people, personal) and not (
                            hit.form == "capital" and j == i and _first_word_of_name(doc, i, book)):
                        found = Anchor(start=i, end=j + 1, ref=ref_of(hit.entry, hit.form), sector=hit.sector)
                        break
        if found and _another_state_s_name(anchors, found):
            found = None
        if found:
            anchors.append(found)
            i = found.end
        else:
            i += 1
    return anchors


def _another_state_s_name(before: list[Anchor], found: Anchor) -> bool:
    """'the Sudan People's Liberation Army': a state's organ ('People's Liberation Army': China's army) named right
    after another state's name is that other state's body of the same name, not the first one's. Not a group after
    a state's adjective ('pro-Iranian Hizbollah' is Hezbollah)."""
    if not before or before[-1].end != found.start or before[-1].ref.kind != STATE_KIND:
        return False
    organ = found.ref.kind == STATE_KIND and found.sector is not None
    return organ and found.ref.country not in (None, before[-1].ref.country)


def _first_word_of_name(doc: Doc, i: int, book: ActorBook) -> bool:
    """'Paris Hilton', 'Washington Irving': a one-word place name modifying the capitalised proper
    noun right after it, which ends the name and is no place, place word ('City'), title or
    institution word of the book, is the first word of someone's name, not a place or its state."""
    if i + 1 >= len(doc) or doc[i].dep_ != "compound" or doc[i].head.i != i + 1:
        return False
    name = doc[i + 1]
    ends = i + 2 >= len(doc) or not (doc[i + 2].pos_ == "PROPN" and doc[i + 2].text[:1].isupper())
    if not ends or name.pos_ != "PROPN" or name.tag_ == "NNPS" or not name.text[:1].isupper():
        return False
    words = normalize_words(name.text)
    return bool(words) and not (words[0] in PLACE_KIND_WORDS or book.hits(words) or book.title(words)
                                or book.org_noun(words) or book.sector_noun(words) or words[-1] in book.facility_nouns)


def _capital_named_person(doc: Doc, start: int, end: int, book: ActorBook) -> bool:
    """An organisation-tagged name of two words, a capital's name then a personal name, with no
    article ('Paris Hilton met …'; 'the Kyiv Independent' is a newspaper): a person."""
    capital = any(h.form == "capital" for h in book.hits((normalize_word(doc[start].text),)))
    no_article = start == 0 or doc[start - 1].lower_ not in ("the", "a", "an")
    return end - start == 2 and capital and no_article and _first_word_of_name(doc, start, book)


def _nationality_people(doc: Doc, book: ActorBook) -> set[int]:
    """Tokens of 'person' entities that are no person: nationality words only ('Bosnian Serbs') or the
    full name of a state or organisation of two words or more ('Sri Lanka')."""
    found: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = normalize_words(ent.text)
        named = any(h.form != "person" and (len(words) > 1 or h.entry.kind == "state") for h in book.hits(words))
        if named or all(t.is_punct or any(h.form in ("adjective", "people")
                                          for h in book.hits((normalize_word(t.text),))) for t in ent):
            found.update(t.i for t in ent)
    return found


def _full_name_surnames(doc: Doc) -> frozenset[str]:
    """Last words of the people the text names in full ('Schiff' of 'Adam Schiff')."""
    return frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
                     and all(t.pos_ == "PROPN" for t in e))


def _strip(span: Span) -> tuple[int, int]:
    """Token range of an entity without a leading 'the' and a trailing possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return start, end


def people_anchors(doc: Doc, book: ActorBook, taken: set[int]) -> list[Anchor]:
    """Peoples of the book's list that the tagger read as something else ('Uyghur men' as an organisation,
    'Tamil protesters' as a person): a group where the word modifies a common noun, is a plural ('Uyghurs') or
    follows 'the' ('the Rohingya'); never before another name ('Karen Bass', 'Tamil Nadu')."""
    anchors = []
    for token in doc:
        if token.i in taken or token.text not in book.peoples or token.ent_type_ == "NORP":
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.pos_ == "PROPN" or after.ent_type_ and after.ent_type_ != "NORP"):
            continue
        modifies = after is not None and after.pos_ in ("NOUN", "ADJ") and token.head.pos_ == "NOUN" and (
            token.head.i > token.i)
        plural = token.text.endswith("s") and token.text[:-1] in book.peoples
        after_the = token.i > 0 and doc[token.i - 1].lower_ == "the"
        if modifies or plural or after_the:
            anchors.append(Anchor(start=token.i, end=token.i + 1, ref=Ref(name=token.text, kind="group",
                                                                            form="group")))
            taken.add(token.i)
    return anchors


def entity_anchors(doc: Doc, book: ActorBook, taken: set[int]) -> list[Anchor]:
    """Named entities the book does not know: people, organisations, groups and places."""
    anchors: list[Anchor] = []
    surnames = _full_name_surnames(doc)
    places = {normalize_words(e.text) for e in doc.ents if _named_as_a_place(e, TOWN_NOUNS)}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = _strip(ent)
        label = "PERSON" if ent.label_ == "ORG" and _capital_named_person(doc, start, end, book) else ent.label_
        if end - start == 1 and doc[start].text in surnames and (start == 0 or doc[start - 1].lower_ != "the"):
            label = "PERSON"  # 'Schiff said' read as a place or an organisation where 'Adam Schiff' is named
        if label in ("PERSON", "ORG"):
            start, titled = _after_title(doc, start, end, book)
            label = "PERSON" if titled and label == "ORG" and not book.org_noun(
                normalize_words(doc[start:end].text)) else label
        if start >= end or any(i in taken for i in range(start, end)):
            continue
        if label in ("PERSON", "ORG") and (_named_as_a_place(doc[start:end]) or normalize_words(
                doc[start:end].text) in places):
            continue  # 'the town of Veyrin', and 'Veyrin' anywhere else in the article
        if label == "PERSON" and start > 0 and doc[start - 1].lower_ == "the" and doc[end - 1].dep_ != "compound":
            continue  # 'the Resistance' is no person; 'the Assad regime' names one
        if label == "ORG" and _institution(doc[start:end], book):
            continue
        if end - start == 1 and label in ("PERSON", "ORG", "NORP") and _capitalised_common_noun(doc[start], book):
            continue  # "Farmers' groups said", 'Jihadists attacked': capitalised at the start of a sentence
        ref = _entity_ref(doc[start:end], label, book)
        if ref is not None:
            anchors.append(Anchor(start=start, end=end, ref=ref))
            taken.update(range(start, end))
    return anchors


SETTLEMENT_NOUNS = PLACE_KIND_WORDS | {"town", "village", "port", "capital", "municipality", "island", "river"}
"""Nouns that give the name they govern as a place ('the port city of Tarnholm', 'the Halvessa river')."""


TOWN_NOUNS = frozenset({"city", "town", "village", "port", "municipality", "island", "river"})
"""Settlement nouns that name a place whatever else the article does with the name ('the town of Veyrin'); not
'state' or 'region', which also take an owner ('a client state of X')."""


def _named_as_a_place(span: Span, nouns: frozenset[str] = SETTLEMENT_NOUNS) -> bool:
    """A name the text gives as a town's or a river's ('the city of Jackson', 'the town of Veyrin', 'the Halvessa
    river'), whatever entity type the tagger gave it: no person or body."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in nouns:
        return True
    return root.dep_ == "compound" and root.head.lemma_.lower() in nouns and root.head.i == span.end


def _after_title(doc: Doc, start: int, end: int, book: ActorBook) -> tuple[int, bool]:
    """Skip a title at the start of a name ('Vice-President Moody Awori'); tell whether one precedes it
    ('relief coordinator Anouk Terrin', which the tagger may read as an organisation)."""
    for size in (3, 2, 1):
        words = normalize_words(doc[start:min(end, start + size)].text)
        if end - start > size and words and book.title(words) is not None:
            return start + size, True
    before = doc[start - 1] if start > 0 else None
    return start, bool(before is not None and book.title(normalize_words(before.text)) is not None)


def _capitalised_common_noun(token: Token, book: ActorBook) -> bool:
    """A noun for a kind of people or actor, capitalised only because it opens the sentence."""
    word = (normalize_word(token.text),)
    return token.is_sent_start and bool(book.group_noun(word) or book.sector_noun(word))


def _institution(span: Span, book: ActorBook) -> bool:
    """'Supreme Court', 'Cabinet', 'Defense' in 'Defense Secretary X': a state's organ or part of a title,
    which noun-phrase composition resolves, not an organisation of its own."""
    cue = book.sector_noun(normalize_words(span.text))
    if cue and cue[0] in STATE_SECTORS and len(normalize_words(span.text)) <= 3:
        return True
    root = span.root
    return root.dep_ == "compound" and (root.head.ent_type_ == "PERSON" or book.title(normalize_words(root.head.text))
                                        is not None)


def after_a_given_name(token: Token) -> bool:
    """'Ivanka Trump': a surname right after another capitalised name is someone else of that family."""
    return token.i > 0 and token.nbor(-1).pos_ == "PROPN" and token.nbor(-1).is_title


NO_SURNAME_FACILITIES = frozenset({"station", "airport", "hospital", "prison", "jail", "stadium", "museum", "embassy",
                                   "consulate", "mosque", "synagogue", "cemetery", "checkpoint", "university"})
"""Words for sites that end no personal name (unlike 'Hall', 'Park', 'Field' or 'Bridge')."""


def _entity_ref(span: Span, label: str, book: ActorBook) -> Ref | None:
    words = normalize_words(span.text)
    last = normalize_word(span[-1].text)
    if label == "PERSON":
        if last in NO_SURNAME_FACILITIES:
            return None  # 'Yuma Station', 'Kabul Airport': a site the tagger took for a person
        inner = {t.i for t in span[1:-1] if t.lower_ in NAME_PARTICLES}  # 'Osama bin Laden', 'Lula da Silva'
        if any(t.pos_ not in ("PROPN", "PUNCT", "NOUN", "ADJ") or t.is_lower for t in span
               if not t.is_punct and t.i not in inner):
            return None
        entry = book.person_by_surname(span.text) if len(words) == 1 else None
        if entry is not None:
            return ref_of(entry, "person")
        return Ref(name=span.text, kind="person", form="person")
    if label == "ORG":
        if last in book.facility_nouns:
            return None
        leader = None if after_a_given_name(span[0]) else book.leader_by_surname(span.text)
        if leader is not None:  # 'Trump pardons ranchers' with 'Trump' tagged an organisation
            return ref_of(leader, "person")
        kind, sector = book.org_noun(words) or ("organization", None)
        legislature = any((book.sector_noun((w,)) or ("",))[0] == "LEG" for w in words[:-1])
        if sector == "SOC" and legislature:  # 'the Senate Armed Services Committee' is part of the Senate
            sector, kind = "LEG", "legislature"
        return Ref(name=span.text, kind=kind, sector=sector, country="NGO" if sector == "SOC" else None)
    if label == "NORP":
        root = span.root
        at_place = root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS and not root.lower_.endswith("s")
        country = book.city_country(span.text) if at_place else None
        if country:  # a town the model read as a people ('near Kidal'); 'Kikuyu voters', 'the Druze' stay groups
            return Ref(name=span.text, kind="place", country=country, form="place")
        return Ref(name=span.text, kind="group", form="group")
    if last in book.facility_nouns:
        return None
    country = book.city_country(span.text)
    return Ref(name=span.text, kind="place", country=country, form="place") if country else None


def proper_runs(doc: Doc, book: ActorBook, taken: set[int]) -> list[Anchor]:
    """Capitalised names outside any entity that head-modify an organisation noun ('Al-Mayadeen network'), and
    names of two words or more written after a person's title that the tagger missed ('Chancellor Odalys
    Pemberhart')."""
    anchors: list[Anchor] = []
    headlines: list[tuple[int, int]] | None = None
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or token.pos_ != "PROPN" or token.ent_type_:
            i += 1
            continue
        end = i
        while end < len(doc) and end not in taken and not doc[end].ent_type_ and (
                doc[end].pos_ == "PROPN" or (doc[end].text in "-‐" and end + 1 < len(doc)
                                            and doc[end + 1].pos_ == "PROPN")):
            end += 1
        head = doc[end - 1].head
        if end > i and doc[end - 1].dep_ == "compound" and head.i >= end and head.pos_ == "NOUN":
            kind_sector = _org_kind(book, head)
            if kind_sector:
                ref = Ref(name=doc[i:end].text, kind=kind_sector[0], sector=kind_sector[1])
                anchors.append(Anchor(start=i, end=end, ref=ref))
                taken.update(range(i, end))
        elif end > i:
            anchor = titled_name(doc, i, end, book)
            if anchor is not None and headlines is None:
                headlines = headline_lines(doc_text(doc))
            if anchor is not None and not any(s <= doc[i].idx < e for s, e in headlines):
                anchors.append(anchor)
                taken.update(range(anchor.start, anchor.end))
        i = max(end, i + 1)
    return anchors


def _role_or_body_word(book: ActorBook, word: str) -> bool:
    """A title, or a noun that names a kind of actor ('officer', 'council'): no word of a personal name."""
    return bool(book.title((word,)) or book.sector_noun((word,)) or book.org_noun((word,)))


def titled_name(doc: Doc, start: int, end: int, book: ActorBook) -> Anchor | None:
    """A person's name of two words or more after a title, in an untagged run of proper nouns ('Chancellor
    Odalys Pemberhart'); not a title of several words before a tagged name ('Deputy Attorney General Nicholas
    Katzenbach', 'Chief Administrative Officer Phil Kiko')."""
    start, titled = _after_title(doc, start, end, book)
    if not titled or end - start < 2 or (end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].ent_type_)):
        return None
    if any(not t.is_alpha and t.text not in "-." or _role_or_body_word(book, normalize_word(t.text))
           for t in doc[start:end]):
        return None
    ref = _entity_ref(doc[start:end], "PERSON", book)
    return Anchor(start=start, end=end, ref=ref) if ref is not None and not _named_as_a_place(doc[start:end]) else None


def _org_kind(book: ActorBook, head: Token) -> tuple[str, str] | None:
    """(kind, sector) of the organisation a proper name modifies: 'network' → media."""
    sector_kind = book.sector_noun(normalize_words(head.text))
    if sector_kind and sector_kind[0] == "JRN":
        return "media", "JRN"
    return book.org_noun(normalize_words(head.text))
