"""Compose actors from noun phrases: 'Israeli army' → Israel (MIL), 'Palestinian towns' → Palestinian civilians.

Works on the anchors found by ``actor_names``: a head noun that names an institution,
a member, a population group or an organisation takes its actor from the names that
modify it (adjective, possessive, compound, or an 'of'/'in'/'from' phrase).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .book import STATE_KIND, STATE_SECTORS, ActorBook, normalize_words
from .names import Anchor, Ref, ref_of

MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})
LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "advmod", "nmod", "quantmod", "predet",
                       "case", "punct", "npadvmod"})
HYPHENS = frozenset("-‐‑–'’")
"""Punctuation that may sit inside a noun phrase's pre-modifiers ('pro-government', 'Hamas’')."""
PLACE_PREPS = ("of", "from", "in")
"""Prepositions whose phrase says whose a kind-of-actor noun is, the telling one first."""
LOCATIVE_PREPS = frozenset({"in", "across", "throughout", "inside"})
AFFILIATING_VERBS = frozenset({"kill", "wound", "injure", "arrest", "detain", "capture", "execute", "shoot"})
"""Verbs whose 'from' phrase right after their object says whose the object is, not where it comes from
('killed 15 fighters from X', wherever the parser hangs 'from X'; unlike 'withdrew troops from Gaza')."""
COUNT_WORDS = frozenset({"thousands", "hundreds", "dozens", "scores"})
"""Counts that name people when bare ('Thousands marched') and only count when followed by 'of'."""
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "PRM", "CRM"})
"""Sectors of armed bodies (and criminal groups): their noun before another noun ('army raids', 'police raids') says
whose it is."""
LOCAL_SECTORS = frozenset({"GOV", "COP", "LEG", "JUD", "PRM"})
"""Sectors whose 'in' phrase says whose they are ('police in Kharkiv', 'a court in Moscow'); for others it says
only where ('soldiers in Gaza', 'troops in Mali', 'a gunman in Dallas' are no one's by that)."""
ANAPHOR_DETS = frozenset({"this", "that", "these", "those", "the"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})
PARTY_STANDINGS = frozenset({"ruling", "governing", "opposition"})
"""Words that make 'party' a political party of its own standing ('the ruling party', 'the main opposition
party'); a bare 'party' is as often a celebration."""
GENERIC_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY", "GOV", "LEG", "JUD", "PRM", "CRM", "OPP", "NGO", "LAB"})
STATE_OF_PERSON = "state of person"
"""Kind of a placeholder ref ('Netanyahu's cabinet'): the person's state, once people are resolved."""
ANAPHOR = "anaphor"
"""Kind of a placeholder ref ('this regime'): the last state mentioned before it."""


@dataclass(frozen=True)
class RawMention:
    """A mention before actors are merged: token range, referent, sector, head token."""

    start: int
    end: int
    ref: Ref
    sector: str | None
    head: int
    pronoun: bool = False


SPATIAL_WORDS = frozenset({"outside", "inside", "near", "around", "across", "beyond", "behind", "opposite"})


def _spatial(modifier: Token) -> bool:
    """A preposition the parse hangs on a noun as its modifier ('rallied outside parliament'): no word of a name.
    Before a plural it is an adjective ('until outside investigators got involved')."""
    return modifier.pos_ == "ADP" or (modifier.lower_ in SPATIAL_WORDS and modifier.head.tag_ in ("NN", "NNP"))


STANCE_PREFIXES = frozenset({"anti", "pro"})
DASHES = frozenset("-‐‑")
"""Hyphens that join a modifier to a name ('pro-Russian'), not the apostrophes ``HYPHENS`` also holds."""


def _proper_word(token: Token, position: int) -> bool:
    """A word of a name inside a hyphenated modifier, written with its capital ('pro-Russian', 'Saudi-backed')."""
    if token.lower_ in STANCE_PREFIXES:
        return False
    return token.ent_type_ in ("NORP", "GPE") or (position > 0 and token.text[:1].isupper())


def _stance(doc: Doc, anchor: Anchor) -> bool:
    """'anti-Russian protesters', 'pro-Russian separatists', 'pro-Ukrainian partisans': a name after 'anti-' or
    'pro-' says whom the group opposes or supports, never whose it is (as 'Iran-backed militias' is no state's)."""
    return anchor.start >= 2 and doc[anchor.start - 1].text in DASHES and doc[anchor.start - 2].lower_ in (
        STANCE_PREFIXES)


def core_left(token: Token) -> int:
    """First token of a noun phrase's pre-modifiers (determiner, adjectives, compounds, possessor)."""
    left = token.i
    for child in token.lefts:
        if child.dep_ in LEFT_DEPS and not _spatial(child):
            left = min(left, child.left_edge.i)
    doc = token.doc
    breaks = [t.i for t in doc[left:token.i] if t.is_punct and t.text not in HYPHENS]
    left = max([left, *(i + 1 for i in breaks)])  # no modifier across a quotation's end ('“Death to X!” supporters')
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return left


ALLEGIANCE = frozenset({"loyal", "allied", "aligned", "affiliated", "linked", "beholden"})
"""Adjectives whose 'to'/'with' phrase says whose a force is ('forces loyal to X', 'gunmen allied to X')."""


LEADING = frozenset({"led", "commanded", "headed"})
"""Participles whose 'by' phrase says whose a force is ('rebels led by Hayat Tahrir al-Sham'; not a person's:
'forces led by General Haftar' are not Libya's state)."""


def _allegiance(head: Token) -> list[Token]:
    """The 'to'/'with' phrase of an allegiance adjective after the noun ('fighters loyal to X'), or the 'by' phrase
    of a participle of leading ('rebels led by X'), read as its 'of' phrase: whose the force is. (spaCy tags such
    a phrase's preposition 'prep' under the adjective, 'agent' under the participle.)"""
    return [p for a in head.rights if a.dep_ in ("amod", "acl", "acomp") and a.lower_ in ALLEGIANCE
            and not any(c.dep_ == "neg" for c in a.children)  # 'communities not affiliated to federations'
            for p in a.children if p.dep_ == "prep" and p.lower_ in ("to", "with")] + [
        p for a in head.rights if a.dep_ == "acl" and a.lower_ in LEADING
        for p in a.children if p.dep_ == "agent" and p.lower_ == "by"]


def _hung_on_verb(head: Token) -> list[Token]:
    """The 'from' or 'in' phrase right after a verb's object that the parser hung on the verb ('killed 15
    fighters [from X]', 'killed ten people [in X]'), for verbs whose object is where the act is and can only
    be whose that phrase says (``AFFILIATING_VERBS``): the same words whichever way the parser hangs them."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in AFFILIATING_VERBS:
        return []
    return [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("from", "in")
            and c.i == head.right_edge.i + 1]


def _noun_of(token: Token, through: tuple[str, ...] = ("compound", "flat")) -> Token:
    """The noun a name's word belongs to ('Syrian' in 'the Syrian Golan Heights' through 'amod')."""
    while token.dep_ in through and token.head.i != token.i:
        token = token.head
    return token


def _placed_by(token: Token, head: Token) -> bool:
    """Whether a name's word hangs, through its noun, on an 'of'/'in'/'from' phrase of ``head``."""
    token = _noun_of(token, ("compound", "flat", "amod"))
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in ("of", "in", "from") and prep.head == head and (
        prep.i > 0 and token.doc[prep.i - 1] == head)  # right after the noun: not a conjunct's ('supporters of X')


def _located_in(anchor: Anchor, head: Token) -> bool:
    """The name is where the group is ('protesters in Nairobi'), not whose it is ('supporters of Israel')."""
    token = _noun_of(head.doc[anchor.end - 1])
    return anchor.start > head.i and token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def core_right(token: Token, preps: frozenset[str] = frozenset({"of"}), named: frozenset[int] = frozenset()) -> int:
    """Last token of a noun phrase, with its 'of' complements that name someone, but no clause or list.

    ``named``: tokens of names the actor book found, which name someone whatever spaCy tags them."""
    right = token.i
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [c for c in child.rights if c.dep_ == "pobj"]
            if objects and _names_someone(objects[0], named):
                right = max(right, core_right(objects[0], named=named))
        elif child.dep_ in ("case", "compound", "flat", "nummod"):
            right = max(right, child.i)
    return right


def _names_someone(token: Token, named: frozenset[int] = frozenset()) -> bool:
    """A complement worth keeping in a name: a proper noun, or a phrase holding one ('of the Hamas’ bureau').

    A common noun inside it counts for nothing even when an entity label spills onto it ('Armenia of war'
    tagged as one organisation leaves 'of war crimes' out of 'the regime of Armenia')."""
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.i in named:
        return True
    return any(t.pos_ == "PROPN" or t.i in named or (t.ent_type_ in ("ORG", "GPE", "NORP") and t.pos_ != "NOUN")
               for t in token.subtree
               if t.dep_ in MODIFIER_DEPS or t.head == token) or token.lemma_ in ("regime", "government")


def cue_tokens(token: Token) -> list[Token]:
    """The head noun with its adjacent compound/adjective modifiers (joined by nothing or a hyphen)."""
    tokens = [token]
    doc = token.doc
    for child in reversed(list(token.lefts)):
        gap = doc[child.i + 1:tokens[0].i]
        if child.dep_ in ("compound", "amod") and not _spatial(child) and all(
                t.is_punct and t.text in "-‐" for t in gap):
            tokens.insert(0, child)
    return tokens


def cue_words(token: Token) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The head noun with its adjacent compound/adjective modifiers: as written and as lemmas."""
    tokens = cue_tokens(token)
    text = tuple(w for t in tokens for w in normalize_words(t.text))
    lemma = tuple(w for t in tokens[:-1] for w in normalize_words(t.text)) + normalize_words(token.lemma_)
    return text, lemma


def state_ref(anchor: Anchor, book: ActorBook) -> Ref | None:
    """The state an anchor stands for: the state itself, or the state of a capital, region or city."""
    if anchor.ref.kind == STATE_KIND:
        return anchor.ref
    if anchor.ref.form in ("capital", "region", "place") and anchor.ref.country:
        state = book.state(anchor.ref.country)
        return ref_of(state) if state else None
    return None


NON_STATE_ARMED = ARMED_SECTORS - {"MIL", "COP"}
"""Armed groups outside a state's forces: 'military bases' names no one's forces, 'rebel positions' the rebels'."""
MACHINES = frozenset({"artillery", "tank", "tanks", "drone", "drones", "warplane", "warplanes", "jet", "jets",
                      "helicopter", "helicopters", "gunship", "gunships", "warship", "warships", "aircraft", "bomber",
                      "bombers", "bulldozer", "bulldozers"})
"""Armed bodies' nouns that also name their weapons: before another noun ('artillery fire', 'drone strikes') the
weapon the act is done with, not a body that does it."""
MILITARY_SITES = frozenset({"position", "hideout", "camp", "base", "stronghold", "post", "outpost", "checkpoint",
                            "trench", "bunker", "convoy", "target", "line", "depot", "headquarters"})
"""Places a side holds or moves in ('rebel positions', 'militant hideouts'): the side's own."""


class Composer:
    """Turns anchors into mentions, composing noun phrases whose head names a kind of actor."""

    def __init__(self, doc: Doc, anchors: list[Anchor], book: ActorBook):
        self.doc, self.book = doc, book
        self.anchors = anchors
        self.at = {i: a for a in anchors for i in range(a.start, a.end)}
        self.consumed: set[int] = set()

    def mentions(self) -> list[RawMention]:
        result = [self._anchor_mention(a) for a in self.anchors]
        for token in self.doc:
            if token.i in self.at or token.i in self.consumed or (
                    token.pos_ not in ("NOUN", "PROPN") and not self._armed_adjective(token)):
                continue
            if (token.dep_ in ("compound", "amod") and not self._armed_modifier(token)
                    and not self._armed_adjective(token)) or token.ent_type_ == "PERSON":
                continue
            result.extend(self._compose(token))
        return sorted(result, key=lambda m: (m.start, -m.end))

    def _armed_modifier(self, token: Token) -> bool:
        """'Army raids killed …', 'police raids': an armed body's noun before a noun that names no actor is
        that body, an actor of its own (whose raids); before an actor noun ('army officers') it is part of it,
        and after a name in the same phrase ('Sudanese army supply lines') it is that name's."""
        if token.dep_ != "compound" or token.pos_ != "NOUN" or token.lower_ in MACHINES:
            return False
        head = token.head
        while head.dep_ == "compound" and head.pos_ == "NOUN":
            head = head.head  # 'army helicopter raids', 'army supply lines': the phrase's noun
        if head.pos_ != "NOUN" or head.i in self.at:
            return False
        if any(t.i in self.at or self._armed_noun(t) for t in self.doc[core_left(head):token.i]):
            return False
        text, lemma = cue_words(head)
        if (self.book.sector_noun(text) or self.book.sector_noun(lemma) or self.book.group_noun(lemma)
                or self.book.org_noun(lemma) or self.book.title(lemma[-1:])):
            return False
        return self._armed_noun(token)

    def _armed_adjective(self, token: Token) -> bool:
        """'shelled rebel positions', 'separatist positions', 'militant hideouts': the word for an armed group outside
        a state's forces that the tagger reads as an adjective before a military site is that group, as 'Ukrainian
        positions' is Ukraine's forces (not 'militant rhetoric', not 'military bases')."""
        own = self.book.sector_noun(normalize_words(token.lemma_))
        return (token.pos_ == "ADJ" and token.dep_ in ("amod", "compound") and token.i < token.head.i
                and token.head.lemma_.lower() in MILITARY_SITES and own is not None and own[0] in NON_STATE_ARMED)

    def _armed_noun(self, token: Token) -> bool:
        own = self.book.sector_noun(normalize_words(token.lemma_))
        return own is not None and own[0] in ARMED_SECTORS

    # -- a name as the head of its phrase ------------------------------------

    def _anchor_mention(self, anchor: Anchor) -> RawMention:
        doc = self.doc
        head = doc[anchor.end - 1]
        start = anchor.start
        ref = anchor.ref
        if (ref.form == "people" and ref.kind == STATE_KIND) or ref.kind == "group":
            ref = self._population(anchor, head)
        if self._is_phrase_head(anchor):
            start = min(start, core_left(head))
            start = self._descriptor_start(anchor, start)
        return RawMention(start=start, end=anchor.end, ref=ref, sector=anchor.sector or ref.sector, head=head.i)

    def _population(self, anchor: Anchor, head: Token) -> Ref:
        """'Palestinians' → Palestinian civilians; 'Iraqi Kurds' → a group in Iraq; 'ethnic Albanians' → a
        group whose country the text leaves open."""
        modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") and c.i < anchor.start]
        states = [state_ref(self.at[c.i], self.book) for c in modifiers if c.i in self.at]
        states = [s for s in states if s is not None]
        ethnic = any(c.lower_ == "ethnic" for c in modifiers)
        if states or ethnic or anchor.ref.kind == "group":
            first = min([c.i for c in modifiers if c.i in self.at or c.lower_ == "ethnic"] + [anchor.start])
            return Ref(name=self.doc[first:anchor.end].text, kind="population",
                       country=states[0].country if states else None, sector="CVL", form="group")
        return Ref(name=f"{self.book.adjective(anchor.ref.country)} civilians", kind="population",
                   country=anchor.ref.country, sector="CVL", form="group")

    def _is_phrase_head(self, anchor: Anchor) -> bool:
        head = self.doc[anchor.end - 1]
        if anchor.ref.form == "adjective" and anchor.end < len(self.doc) and self.doc[anchor.end].pos_ == "NOUN":
            return False  # 'the Azerbaijani strike': an adjective before a noun modifies it, however it is parsed
        return not (head.dep_ in MODIFIER_DEPS and head.head.i >= anchor.end)

    def _descriptor_start(self, anchor: Anchor, start: int) -> int:
        """'The Palestinian resistance movement Hamas': a describing phrase right before a name joins it."""
        if start == 0:
            return start
        before, head = self.doc[start - 1], self.doc[anchor.end - 1]
        if before.pos_ != "NOUN" or before.i in self.at or before.head.i not in (head.i, head.head.i):
            return start
        text, lemma = cue_words(before)
        if self.book.sector_noun(text) or self.book.org_noun(lemma) or self.book.title(lemma[-1:]):
            self.consumed.add(before.i)
            return core_left(before)
        return start

    # -- a kind-of-actor noun composed with the names that modify it ---------

    def _zone(self, head: Token, allegiance: list[Token]) -> tuple[list[Anchor], list[Anchor], str]:
        """Anchors among the head's modifiers, and (separately) in its 'of' phrases, else 'from', else 'in'
        phrases, else the ``allegiance`` phrases ('loyal to X'), with that preposition ('to' for the last)."""
        left: list[Anchor] = []
        for child in head.lefts:
            if child.dep_ not in MODIFIER_DEPS:
                continue
            nested = [c for c in child.lefts if c.dep_ in MODIFIER_DEPS] if (
                child.dep_ == "compound" or child.lemma_ == "lead") else []
            for token in [child, *child.conjuncts, *nested]:
                anchor = self.at.get(token.i)
                if anchor and anchor not in left and not _stance(self.doc, anchor):
                    left.append(anchor)
        by_prep: dict[str, list[Anchor]] = {}
        for child in [*head.rights, *_hung_on_verb(head), *allegiance]:
            if (child.dep_ == "prep" and child.lower_ in PLACE_PREPS) or child in allegiance:
                inner = by_prep.setdefault("to" if child in allegiance else child.lower_, [])
                for obj in (c for c in child.rights if c.dep_ == "pobj"):
                    for token in [obj, *(c for c in obj.lefts if c.dep_ in MODIFIER_DEPS)]:
                        anchor = self.at.get(token.i)
                        led_by_a_person = child.dep_ == "agent" and anchor is not None and anchor.ref.kind == "person"
                        if anchor and anchor not in inner and not led_by_a_person:  # 'led by General X': not
                            inner.append(anchor)  # his state's men
        # whose: 'of' before 'from' before 'in' ('envoys of X in Geneva' are X's, wherever 'in Geneva' is hung),
        # then an allegiance ('forces loyal to X')
        prep = next((p for p in (*PLACE_PREPS, "to") if by_prep.get(p)), "of")
        return left, by_prep.get(prep, []), prep

    def _compose(self, head: Token) -> list[RawMention]:
        text_words, lemma_words = cue_words(head)
        sector_kind = self.book.sector_noun(text_words) or self.book.sector_noun(lemma_words)
        group = self.book.group_noun(text_words) or self.book.group_noun(lemma_words)
        if not sector_kind and not group:
            return []
        if group and head.lower_ in COUNT_WORDS and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return []  # 'thousands of dollars', 'hundreds of protesters': the counted noun is the phrase's head
        if head.lower_ == "state" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children) for c in head.children):
            return []  # 'a state of emergency', 'the state of the economy': a condition, no government
        # whose a force is may be said by an allegiance ('forces loyal to X'); a community's ties are no one's
        allegiance = _allegiance(head) if sector_kind and sector_kind[0] in ARMED_SECTORS else []
        left, inner, prep = self._zone(head, allegiance)
        if not left and prep == "in" and sector_kind and not group:
            inner = [a for a in inner if state_ref(a, self.book)] if sector_kind[0] in LOCAL_SECTORS else []
            prep = prep if inner else "of"
        if not left and group and not sector_kind and prep in LOCATIVE_PREPS and group[0] in self.book.away_from_home:
            inner, prep = [], "of"  # where people away from home are ('refugees in Lebanon') is not whose they are
        anchors = left or inner
        start = core_left(head)
        end = core_right(head, frozenset({prep} if not left and inner else {"of"}), frozenset(self.at)) + 1
        if not left and inner and prep == "from":
            end = max([end] + [core_right(o, named=frozenset(self.at)) + 1 for p in _hung_on_verb(head)
                               if p.lower_ == prep for o in p.rights if o.dep_ == "pobj"])
        if not anchors:
            return self._unanchored(head, start, end, sector_kind, group)
        if group and not sector_kind:
            return self._group(head, anchors, group, start, end, inner if left else [])
        sector, kind = sector_kind
        complement = None if left else self._complement_actor(head)
        if complement is not None:
            return [RawMention(start, end, complement, complement.sector or sector, head.i)]
        states = [a for a in anchors if state_ref(a, self.book)]
        others = [a for a in anchors if a not in states]
        if prep == "to" and not left and states and not others:  # 'militias allied with the Ethiopian government'
            end = max(end, *(core_right(o, named=frozenset(self.at)) + 1 for p in allegiance
                             for o in p.children if o.dep_ == "pobj"))
            first = self.doc[self._after_det(start)]
            name = self.doc[first.i:end].text
            if first.is_sent_start and first.pos_ != "PROPN":
                name = name[:1].lower() + name[1:]
            country = state_ref(states[0], self.book).country
            return [RawMention(start, end, Ref(name=name, kind=kind, country=country, sector=sector), sector, head.i)]
        if others:
            return self._organisation(head, others, states, sector, kind, start, end)
        if sector != "OPP" and (sector in STATE_SECTORS or not left):  # 'fighters from Israel' is Israel, as
            # 'fighters from Hamas' is Hamas; a state's opposition is never the state ('opposition activists in X')
            if len(states) == 1:
                return [RawMention(start, end, state_ref(states[0], self.book), sector, head.i)]
            return [RawMention(a.start, a.end, state_ref(a, self.book), sector, head.i) for a in states]
        country = state_ref(states[0], self.book).country
        name = self.doc[self._after_det(start):head.i + 1].text
        return [RawMention(start, end, Ref(name=name, kind=kind, country=country, sector=sector), sector, head.i)]

    def _complement_actor(self, head: Token) -> Ref | None:
        """'the regime of the Syrian opposition': an 'of' complement that is itself an actor phrase names the
        actor (the opposition), whose name inside it says only whose it is; a state stays the state."""
        for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.rights if c.dep_ == "pobj" and c.pos_ == "NOUN" and c.i not in self.at):
                composed = self._compose(obj)
                if len(composed) == 1 and composed[0].ref.kind != STATE_KIND:
                    return composed[0].ref
        return None

    def _plain_name(self, head: Token) -> str:
        """The noun with its modifiers ('security forces'), with a name joined to them by a hyphen as the
        text has it ('Saudi-backed forces', not 'backed forces')."""
        tokens = cue_tokens(head)
        # a proper name keeps its capitals ('The Baloch Liberation Army said …'); common nouns are lower case, with
        # the hyphens and the names inside them as written ('pro-Russian separatists', 'anti-government protesters')
        proper = all(t.pos_ == "PROPN" for t in tokens) and not (len(tokens) == 1 and tokens[0].is_sent_start)
        if proper:
            name = " ".join(t.text for t in tokens)
        elif any(t.text in DASHES for t in self.doc[tokens[0].i:head.i + 1]):  # the modifiers' gaps are hyphens only
            words = self.doc[tokens[0].i:head.i + 1]
            name = "".join((t.text if _proper_word(t, k) else t.lower_) + t.whitespace_ for k, t in enumerate(words))
            name = name.strip()
        else:
            name = " ".join(cue_words(head)[0])
        first = tokens[0]
        if first.i >= 2 and self.doc[first.i - 1].text in DASHES and first.i - 2 in self.at:
            return f"{self.doc[first.i - 2].text}-{name}"
        return name

    def _generic(self, head: Token, start: int, end: int, sector: str, kind: str) -> RawMention:
        name = self._plain_name(head)
        tokens = cue_tokens(head)
        if sector == "MIL" and len(tokens) > 1 and all(t.pos_ == "PROPN" for t in tokens) and (
                cue_words(head)[0] not in self.book.sector_nouns):
            # 'the Kachin Independence Army': a named army of no state ('the Air Force' is a service's own name)
            kind, sector = "armed group", "REB"
        country = "NGO" if sector == "NGO" else None
        return RawMention(start, end, Ref(name=name, kind=kind, country=country, sector=sector, form="generic"),
                          sector, head.i)

    def _organisation(self, head: Token, others: list[Anchor], states: list[Anchor], sector: str, kind: str,
                      start: int, end: int) -> list[RawMention]:
        anchor = others[0]
        ref = anchor.ref
        if ref.kind == "person":
            return [RawMention(start, end, Ref(name=ref.name, kind=STATE_OF_PERSON), sector, head.i)]
        if ref.kind in ("group", "region"):  # 'Druze militias', 'Donbas separatists': a group of that people or land
            name = self.doc[self._after_det(start):head.i + 1].text
            return [RawMention(start, end, Ref(name=name, kind=kind, country=ref.country, sector=sector), sector,
                               head.i)]
        if ref.country is None and states:
            ref = replace(ref, country=state_ref(states[0], self.book).country)
        return [RawMention(start, end, ref, ref.sector or sector, head.i)]

    def _group(self, head: Token, anchors: list[Anchor], group: tuple[str, str], start: int, end: int,
               after: list[Anchor]) -> list[RawMention]:
        """``after``: names in the phrase's complement when the group is named before its noun ('Druze
        inhabitants of the Syrian Golan Heights'), which may place a people's group in a state."""
        category, sector = group
        qualified = self._qualified_people(head, anchors)
        if qualified is not None:
            ref = Ref(name=f"{qualified[0]} {category}", kind="population", country=qualified[1], sector=sector,
                      form="group")
            return [RawMention(start, end, ref, sector, head.i)]
        result = []
        for anchor in anchors:
            state = state_ref(anchor, self.book)
            if state is not None and (anchor.ref.form in ("adjective", "people") or _located_in(anchor, head)):
                name = f"{self.book.adjective(state.country)} {category}"
                ref = Ref(name=name, kind="population", country=state.country, sector=sector, form="group")
            elif anchor.ref.kind == "group" and (home := self._home_state(anchor, head, after)) is not None:
                # 'Druze inhabitants of the Syrian Golan Heights', 'Kurdish refugees from Syria': the people of
                # the group, in the country the phrase places them
                ref = Ref(name=f"{anchor.ref.name} {category}", kind="population", country=home.country,
                          sector=sector, form="group")
            elif anchor.ref.kind != "person" or anchor.end <= head.i:
                # 'supporters of Israel', 'Hamas supporters', 'Scott's family', 'Trump supporters': named as the
                # party or the person is, a group of its own (a person's kin or supporters are not that person)
                party = state or anchor.ref
                ref = Ref(name=f"{party.name} {category}", kind="population",
                          country=party.country if anchor.ref.kind != "person" else None, sector=sector, form="group")
            else:  # 'supporters of former President X': a group of its own
                ref = Ref(name=self.doc[self._after_det(start):end].text, kind="population", sector=sector,
                          form="group")
            span = (start, end) if len(anchors) == 1 else (anchor.start, anchor.end)
            result.append(RawMention(span[0], span[1], ref, sector, head.i))
        return result

    def _home_state(self, people: Anchor, head: Token, after: list[Anchor]) -> Ref | None:
        """The state that a phrase of the group's own noun places it in or brings it from ('inhabitants of the
        Syrian Golan Heights', 'activists in Turkey'); not a state named for another noun ('Jewish students and
        supporters of Israel')."""
        return next((state for a in after if _placed_by(self.doc[a.end - 1], head) and (
            state := state_ref(a, self.book)) is not None), None)

    def _qualified_people(self, head: Token, anchors: list[Anchor]) -> tuple[str, str | None] | None:
        """'Kosovo Albanian protesters', 'Kosovo Serb protesters', 'Bosnian Serb civilians': a people's adjective
        right before the noun, after the name of the state or place they live in, names one group of that place
        (its words as written, its country the place's), not two states' peoples."""
        if len(anchors) != 2:
            return None
        place, people = sorted(anchors, key=lambda a: a.start)
        home, own = state_ref(place, self.book), state_ref(people, self.book)
        foreign = own is not None and own.country != home.country if home is not None else False
        if home is None or not (foreign or people.ref.kind == "group") or place.end != people.start or (
                people.end != head.i or people.ref.form not in ("adjective", "people", "group")):
            return None
        return self.doc[place.start:people.end].text, home.country

    def _unanchored(self, head: Token, start: int, end: int, sector_kind: tuple[str, str] | None,
                    group: tuple[str, str] | None) -> list[RawMention]:
        """No name in the phrase: 'this regime' looks back for its state (not 'the North's leader', whose
        possessor is a name of its own); 'police', 'gunmen' and, as a participant, 'demonstrators' are actors
        of unknown country."""
        name = self._plain_name(head)
        if not sector_kind:
            if group and head.dep_ in ARGUMENT_DEPS:
                ref = Ref(name=name, kind="population", sector=group[1], form="generic")
                return [RawMention(start, end, ref, group[1], head.i)]
            return []
        sector, kind = sector_kind
        if sector not in GENERIC_SECTORS and not (sector == "PTY" and _named_by_standing(head)):
            return []
        if (head.i + 1 < len(self.doc) and head.i + 1 in self.at and self.doc[head.i + 1].pos_ == "PROPN") or any(
                c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == head.i + 1 for c in head.children):
            return []  # 'the militant group Islamic Jihad', 'the rebel group M23': the name that follows is the actor
        first = self.doc[start]
        named_possessor = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children)
        if sector in STATE_SECTORS and first.lower_ in ANAPHOR_DETS and head.tag_ != "NNP" and not named_possessor:
            return [RawMention(start, end, Ref(name=ANAPHOR, kind=ANAPHOR), sector, head.i)]
        return [self._generic(head, start, end, sector, kind)]

    def _after_det(self, start: int) -> int:
        while start < len(self.doc) and self.doc[start].dep_ in ("det", "predet"):
            start += 1
        return start


def _named_by_standing(head: Token) -> bool:
    """'the ruling party', 'the main opposition party': a party named by its standing."""
    return any(c.lower_ in PARTY_STANDINGS for c in head.children if c.i < head.i)
