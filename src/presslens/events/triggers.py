"""Event triggers: verbs, phrasal verbs and light verb + event noun, coded with the PLOVER lexicon.

A control verb ('threatened to ban', 'urged X to withdraw', 'agreed to release') codes
one event from what it governs; what it governs is then not coded again. Purpose
infinitives ('to neutralize'), adjectival participles ('the occupied West Bank'),
statistics ('150 Palestinians killed') and stances in relative clauses ('parties that
support ...') are not events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Token

from presslens.actors.book import load_actorbook
from presslens.actors.phrases import cue_words
from presslens.core.nlp import irregular_verb_lemma
from presslens.quotes.cues import object_predicate

from .arguments import headline_passive, misread_predicate
from .plover import HOSTILE, NO_EVENT, QUAD, Code, Lexicon, VerbSpec

READY_ADJECTIVES = frozenset({"ready", "willing", "prepared", "determined", "eager"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
OBLIGATION_AUX = frozenset({"must", "should"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
PLACE_NOUNS = frozenset({"town", "city", "village", "territory", "area", "district", "region", "province", "base",
                         "airport", "crossing", "border", "road", "highway", "port", "hill", "locality", "suburb",
                         "neighbourhood", "neighborhood", "capital", "camp", "field", "bridge", "dam", "mine",
                         "airbase", "airfield", "hilltop", "position", "outpost", "checkpoint", "garrison", "island",
                         "valley", "oilfield", "refinery", "post", "palace", "headquarters", "barracks",
                         "stronghold"})
"""Nouns of places that can be held by force ('took control of the crossing')."""
COMPLEMENT_DEPS = ("xcomp", "ccomp")
NON_FACTIVE = frozenset({"expect", "hope", "need", "seem", "appear", "wish", "like", "fail", "be", "use", "help",
                         "mean", "struggle", "hesitate", "dare", "able", "unable", "capable", "likely", "unlikely",
                         "poised", "ready", "prepared"})
"""Heads whose to-infinitive did not (yet) happen: 'is expected to attack', 'failed to reach', 'is able to strike',
'is poised to take the city'."""
NOT_DONE = frozenset({"avoid", "refrain", "fail", "neglect", "omit", "consider", "contemplate", "propose", "suggest",
                      "recommend", "mull", "weigh", "discuss", "debate"})
"""Heads whose gerund did not happen: 'avoids condemning', 'refrained from condemning', 'considered deporting'."""
KIND_OF_ACT_HEADS = frozenset({"include", "involve", "mean", "require", "entail"})
"""Heads whose gerund, in the simple present, names a kind of act: 'the measures include arresting the organizers'."""
UNREALISED_NOUNS = frozenset({"idea", "plan", "prospect", "possibility", "notion", "thought", "option", "proposal",
                              "suggestion", "intention", "risk", "danger", "fear", "question", "talk", "temptation"})
"""Nouns whose 'of' gerund names an act thought of, not one done: 'the idea of deporting them' (not a goal, which
can be reached: 'reached its goal of accepting 10,000 refugees')."""
EXPELLING_ORDERS = frozenset({"order", "instruct", "give"})
LEAVING_VERBS = frozenset({"leave", "depart", "quit", "exit"})
"""'ordered French troops to leave the country': PLOVER's SANCTION expel, removal from a country."""
COMMANDING_VERBS = frozenset({"order", "instruct", "command", "direct"})
OWN_FORCES = frozenset({"troop", "troops", "soldier", "force", "army", "military", "police", "navy", "unit",
                        "battalion", "brigade", "marine", "commando", "paratrooper", "reservist", "warship", "jet"})
FORCES_ACTS = frozenset({"MOBILIZE", "ASSAULT", "COERCE"})
"""Acts by which forces move or use force, with RETREAT's withdrawal: 'ordered troops to deploy', 'ordered the army to
attack', 'ordered troops to pull back' are the commander's acts (as 'ordered strikes' is in the lexicon); an order to
release someone stays a request, whoever is ordered."""
NAMING_ENTITIES = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"})
ADVOCACY = frozenset({"argue", "advocate", "campaign", "lobby", "plead", "argument", "case"})
"""Verbs and nouns whose 'for' gerund is an act argued for, not one done: 'arguing for boycotting the plays'."""


class Coded(NamedTuple):
    """How the lexicon codes one verb, before control: ``by_object`` when the object chose the code."""

    code: Code | None
    spec: VerbSpec | None
    particle: Token | None
    obj: Token | None
    trigger: Token
    by_object: bool


@dataclass
class Candidate:
    """A coded trigger before its arguments are resolved."""

    verb: Token
    trigger: Token
    code: Code
    spec: VerbSpec | None = None
    particle: Token | None = None
    obj: Token | None = None
    control: str | None = None
    complement: Token | None = None
    comp_code: Code | None = None
    future: bool = False
    reporter: Token | None = None
    """For a 'Y must Z' clause under a reporting verb: that verb (REQUEST from its subject)."""
    governs: list[int] = field(default_factory=list)
    by_object: bool = False
    """The object phrase chose the code ('destroyed a weapons cache')."""
    nominal: bool = False
    """The trigger is an event noun the clause of ``verb`` is set in or follows from (``events.nominal``)."""


def phrase_words(token: Token) -> list[str]:
    """An object phrase as words for the lexicon ('state of emergency', 'martial law')."""
    words = list(cue_words(token)[0])
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c.lower_ for c in child.children if c.dep_ == "pobj"]
            return words + ["of", *objects[:1]]
    return words


def lemma_words(token: Token) -> list[str]:
    return list(cue_words(token)[1])


def verb_entry(verb: Token, lex: Lexicon) -> tuple[VerbSpec | None, Token | None]:
    """The verb's lexicon entry, a phrasal one ('call on', 'open fire') first."""
    lemma = lexicon_lemma(verb, lex)
    children = list(verb.children)
    for dep in ("prt", "prep", "dobj", "advmod", "oprd", "npadvmod"):
        for child in children:
            if child.dep_ == dep and not _a_preposition_of_place_or_time(child):
                spec = lex.phrasal.get(f"{lemma} {child.lower_}")
                if spec:
                    return spec, child
    return lex.verbs.get(lemma) or lex.phrasal.get(lemma), None


def _a_preposition_of_place_or_time(child: Token) -> bool:
    """'a speech given in the 1930s', 'gave awards in 2007': an 'in' with its own object is a preposition, not the
    particle of 'give in' or 'step in' ('walked off the job' keeps its particle with an object); nor is any
    preposition whose object is a date or a time ('seized Goma on Sunday' is no 'seize on')."""
    if child.dep_ != "prep":
        return False
    objects = [g for g in child.children if g.dep_ == "pobj"]
    return (child.lower_ == "in" and bool(objects)) or any(g.ent_type_ in ("DATE", "TIME") for g in objects)


def lexicon_lemma(verb: Token, lex: Lexicon) -> str:
    """The verb's lemma, or the lexicon verb its form comes from where the lemmatizer missed it: an
    '-ed'/'-es' form cut one letter too short ('raped' read as a form of 'rap', 'staged' of 'stag'), a
    're-' form of an irregular verb left as it stands ('retook')."""
    lemma = verb.lemma_.lower()
    form = verb.lower_
    if lemma in lex.verbs or lemma in lex.light_verbs:
        return lemma
    if form.endswith(("ed", "es")) and (form[:-1] in lex.verbs or form[:-1] in lex.light_verbs):
        return form[:-1]
    base = irregular_verb_lemma(form[2:]) if form.startswith("re") and lemma == form else None
    if base is not None and "re" + base in lex.verbs:
        return "re" + base
    return lemma


def _not_done(verb: Token) -> bool:
    """'avoids condemning', 'refrained from condemning', 'the idea of deporting', 'arguing for boycotting',
    'considered deporting': a gerund its head says did not happen; 'the measures include arresting': one that names a
    kind of act."""
    verb = gerund_head(verb)
    head = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
    if verb.dep_ not in ("xcomp", "pcomp", "dobj") or verb.tag_ != "VBG":
        return False
    lemma = head.lemma_.lower()
    if lemma in KIND_OF_ACT_HEADS and head.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("nsubj", "poss") for c in verb.children):
        return True  # not 'the video includes her pleading with officers', whose doer is named
    return lemma in NOT_DONE or (head.pos_ == "NOUN" and lemma in UNREALISED_NOUNS and verb.head.lower_ == "of") or (
        lemma in ADVOCACY and verb.head.lower_ in ("for", "against"))


DESCRIBING_PARTICIPLES = frozenset({"protest", "demonstrate", "march", "strike", "flee", "retreat", "riot", "mourn"})
"""Verbs whose participle before a noun of people describes them ('protesting students', 'fleeing civilians')."""


def _participle_read_as_verb(verb: Token) -> bool:
    """'fired rubber bullets at protesting students': a participle right after a preposition, with the people it
    describes parsed as its object, is their description, not an act of the clause's doer."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.i != verb.i - 1 or (
            verb.lemma_.lower() not in DESCRIBING_PARTICIPLES):
        return False
    return any(c.dep_ == "dobj" and c.i == verb.i + 1 and c.tag_ == "NNS" for c in verb.children)


def gerund_head(verb: Token) -> Token:
    """The first of coordinated gerunds ('indicting the hackers and imposing sanctions': 'indicting')."""
    while verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.tag_ == "VBG" and verb.head.i != verb.i:
        verb = verb.head
    return verb


ASPECTUAL = frozenset({"continue", "keep", "start", "begin", "stop", "resume", "cease"})
"""Verbs whose gerund is done when they are: 'expects the campaign to continue calling out bias'."""


def _unrealised_infinitive(verb: Token, purposes: tuple[str, ...] = ()) -> bool:
    """'is expected to attack', 'failed to reach', 'expects them to keep attacking' (and, given ``purposes``,
    'went there to attack'): a to-infinitive that did not (yet) happen, or a gerund of one."""
    while verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in ASPECTUAL:
        verb = verb.head
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    head = verb.head
    if head.lemma_.lower() == "able" and head.head.tag_ == "VBD":
        return False  # 'the army was able to retake the town': it did
    return verb.dep_ in purposes or (verb.dep_ in COMPLEMENT_DEPS and head.lemma_.lower() in NON_FACTIVE)


def _means_of_an_unrealised_act(verb: Token) -> bool:
    """'expects Holt to insert himself by calling out Trump': a 'by' gerund is the means of its verb's act, and
    is done only if that act is."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ != "by" or verb.head.dep_ != "prep":
        return False
    return _unrealised_infinitive(verb.head.head)


def _generic_gerund(verb: Token) -> bool:
    """'Blaming Jews for the attacks is offensive', 'Attacking civilians is a war crime': a gerund clause with no
    doer of its own ('their', 'by X') as a clause's subject names a kind of act, not one done."""
    return verb.dep_ in ("csubj", "nsubj") and verb.tag_ == "VBG" and not any(
        c.dep_ in ("nsubj", "poss", "agent") or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children)


QUANTITY_NOUNS = frozenset({"barrage", "volley", "salvo", "hail", "dozens", "hundreds", "thousands", "scores",
                            "number", "series", "wave", "waves", "string", "batch", "couple", "pair", "group",
                            "fleet", "convoy", "cache", "stockpile", "shipment", "consignment", "round", "rounds",
                            "kind", "type", "types", "lot", "lots", "handful", "set", "range", "variety", "supply",
                            "supplies", "million", "millions", "tons", "tonnes", "dozen", "some", "many", "most",
                            "all", "one", "part", "rest", "much", "none", "each", "both", "few", "several", "any",
                            "swathe", "swathes", "swath", "stretch", "strip", "chunk", "piece", "portion", "section",
                            "parts"})
"""Nouns that count, gather or cut out what their 'of' phrase names ('a barrage of rockets' is rockets, 'a swathe of
territory' territory)."""


def _counted(head: list[str]) -> bool:
    """Whether the words before 'of' only count or gather what follows ('a barrage', 'two dozen', 'the rest')."""
    content = [w for w in head if w not in ("a", "an", "the", "two", "three", "several", "another")]
    return not content or content[-1] in QUANTITY_NOUNS or content[-1].isdigit()


def counted_noun(noun: Token) -> Token:
    """What a quantity counts ('hundreds of demonstrators' -> 'demonstrators'), else the noun itself."""
    if noun.like_num or noun.lemma_.lower() in ("hundred", "thousand", "dozen", "score", "million", "group", "crowd",
                                                "number"):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((g for g in child.children if g.dep_ == "pobj"), noun)
    return noun


CIVIL_DOERS = frozenset({"CVL", "LAB", "EDU", "AGR", "MED", "SOC"})
"""Sectors of civilian groups whose 'strike' is a walkout (workers, unions, teachers, farmers, doctors)."""


def _group_sector(token: Token) -> str | None:
    """The sector of a noun the actor book knows as a kind of actor ('union': LAB, 'doctors': MED), else None."""
    book = load_actorbook(())
    words, lemmas = cue_words(token)
    return (book.sector_noun(words) or book.sector_noun(lemmas) or (None,))[0] or (
        book.group_noun(words) or book.group_noun(lemmas) or (None, None))[1]


def _of_a_place(noun: Token) -> bool:
    """'control of the town', 'control over Kidal': the 'of' or 'over' phrase names a place (also a one-word town
    the gazetteer knows that the tagger took for something else: 'control of Aleppo')."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "over"):
            return any(g.dep_ == "pobj" and (g.ent_type_ in PLACE_ENTITIES or g.lemma_.lower() in PLACE_NOUNS or (
                g.pos_ == "PROPN" and not any(c.dep_ in ("compound", "flat") for c in g.children)
                and load_actorbook(()).city_country(g.text))) for g in child.children)
    return False


def object_of(verb: Token, particle: Token | None) -> Token | None:
    """Direct object (the subject of a passive), else the first prepositional object."""
    for child in verb.children:
        if child.dep_ == "dobj" and child != particle:
            return child
    for child in verb.children:  # 'fought M23': a name right after the verb, whatever the parse calls it
        if child.dep_ in ("npadvmod", "advmod") and child.pos_ == "PROPN" and child.left_edge.i == verb.i + 1 and (
                child.ent_type_ not in ("DATE", "TIME")):
            return child
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child != particle:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    if particle is not None and particle.dep_ == "prep":
        return next((c for c in particle.children if c.dep_ == "pobj"), None)
    return None


def is_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG")


def has_aux(verb: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


def obligation(verb: Token) -> bool:
    """'must withdraw', 'should stop', 'has to leave', 'needs to end' (not 'must have known', 'should have
    stopped': with the perfect, 'must' infers and 'should' reproaches what is past)."""
    if has_aux(verb, OBLIGATION_AUX):
        return not (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children))
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in ("have", "need") and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


PLEAS = frozenset({"guilty", "innocent"})


def _a_plea_in_court(verb: Token) -> bool:
    """'pleaded guilty to fraud charges', 'pleaded not guilty': an answer to a charge, not a request to anyone."""
    return verb.lemma_.lower() == "plead" and any(c.lower_ in PLEAS for c in verb.children)


OPEN_WATER = frozenset({"sea", "ocean", "waters"})
INTO = frozenset({"into", "toward", "towards"})
AIMED_AT = frozenset({"at", "on", "against", "upon"})
"""Prepositions by which an act names whom it is aimed at ('fired at X', 'an attack on X', 'sanctions against X')."""


def _into_open_water(verb: Token) -> bool:
    """'fired a ballistic missile into the sea', 'launched missiles into the waters of the Gulf': a launch that
    names no one it is aimed at, only open water, is a show of force (PLOVER MOBILIZE, like a weapons test)."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    return not any(p.lower_ in AIMED_AT for p in preps) and any(
        p.lower_ in INTO and any(g.dep_ == "pobj" and g.lemma_.lower() in OPEN_WATER for g in p.children)
        for p in preps)


def _an_order_to_leave(verb: Token, obj: Token | None) -> bool:
    """'ordered French troops to leave the country', 'ordered the ambassador to leave': an order to someone else to
    leave the country (not one's own troops to leave a town)."""
    if verb.lemma_.lower() not in EXPELLING_ORDERS or obj is None or obj.dep_ != "dobj" or any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
        return False
    leaving = next((c for c in verb.children if _is_complement(c) and c.lemma_.lower() in LEAVING_VERBS), None)
    place = next((c for c in leaving.children if c.dep_ == "dobj"), None) if leaving is not None else None
    return leaving is not None and (place is None or place.lemma_.lower() == "country" or place.ent_type_ == "GPE")


def _relative_antecedents(verb: Token) -> list[str]:
    """Lemmas of what a relative clause's 'which' or 'that' subject may stand for: the noun the clause hangs on, and
    the noun before that noun's place phrase ('the embassy in Havana, which reopened in 2015': the parse hangs the
    clause on 'Havana')."""
    if verb.dep_ != "relcl" or not any(t.dep_ == "nsubj" and t.lower_ in ("which", "that") for t in verb.children):
        return []
    nouns = [verb.head]
    if verb.head.dep_ == "pobj" and verb.head.head.dep_ == "prep":
        nouns.append(verb.head.head.head)
    return [n.lemma_.lower() for n in nouns]


def _object_state(verb: Token, obj: Token) -> bool:
    """'ordered the inquiry closed', 'wanted the talks halted': a participle or adjective right after the object
    says what is to become of it, which is the order's content, not the act the object names."""
    return any(c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") and c.i == obj.right_edge.i + 1
               and c.tag_ in ("VBN", "VBD", "JJ") for c in verb.children)


def _forces_act(code: Code) -> bool:
    """An act forces do as forces: a move, a use of force, an arrest, a withdrawal (not a release)."""
    return code.type in FORCES_ACTS or (code.type == "RETREAT" and code.mode in (None, "withdraw"))


def _forces_ordered(verb: Token, obj: Token | None) -> Token | None:
    """The complement of an order to forces that no name in the object gives to anyone ('ordered 5,200 soldiers to
    deploy', 'ordered its troops to pull back'; not 'ordered French troops to …', which may be another's)."""
    if verb.lemma_.lower() not in COMMANDING_VERBS or obj is None or obj.dep_ != "dobj" or (
            obj.lemma_.lower() not in OWN_FORCES and obj.lower_ not in OWN_FORCES):
        return None
    if any(t.ent_type_ in NAMING_ENTITIES or (t.dep_ == "poss" and t.pos_ != "PRON") for t in obj.subtree
           if t.i != obj.i):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)


def _another_s_act(verb: Token, complement: Token | None, comp_code: Code | None) -> bool:
    """A warning whose clause has a hostile act done by someone named there ('warned that Iran could attack
    shipping'): it foretells that one's act; a threat is of one's own ('warned that it would retaliate', 'warned
    that Hezbollah would pay a price')."""
    if complement is None or complement.dep_ != "ccomp" or comp_code is None or comp_code.type not in HOSTILE:
        return False
    doer = next((c for c in complement.children if c.dep_ == "nsubj"), None)
    return doer is not None and doer.pos_ != "PRON" and not any(c.dep_ == "nsubj" and c.lower_ == doer.lower_
                                                                  for c in verb.children)


def _is_complement(token: Token) -> bool:
    """A clause a verb governs: 'to fight' (also when parsed as an adverbial clause), 'that it will ...',
    'that X release ...' (a word with an object heads a clause, even when tagged a noun)."""
    if token.pos_ not in ("VERB", "AUX") and not _clause_head(token):
        return False
    return token.dep_ in COMPLEMENT_DEPS or (token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in token.children))


def _clause_head(token: Token) -> bool:
    """A word the tagger called a noun but that takes a direct object, as only a verb does ('demanded that X
    release all prisoners': whether 'release' is tagged a verb, and X its subject, depends on the name X)."""
    return token.pos_ == "NOUN" and any(c.dep_ == "dobj" for c in token.children)


class TriggerFinder:
    """Finds and codes every trigger of a document."""

    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc, self.lex = doc, lex
        self._coded: dict[int, Coded] = {}

    def candidates(self) -> list[Candidate]:
        found: dict[int, Candidate] = {}
        for token in self.doc:
            candidate = None
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ != "aux" and token.lemma_ != "be"):
                candidate = self.verb_candidate(token)
            elif token.pos_ == "ADJ" and token.lemma_.lower() in READY_ADJECTIVES:
                candidate = self.ready_candidate(token)
            if candidate is not None:
                found[token.i] = candidate
        governed = {i for c in found.values() for i in c.governs}
        uncoded = [self.open_candidate(t) for t in self.doc
                   if t.pos_ == "VERB" and t.i not in found and t.i not in governed]
        return [c for i, c in found.items() if i not in governed and self.is_event(c)] + [
            c for c in uncoded if self.is_event(c)]

    def open_candidate(self, verb: Token) -> Candidate:
        """A verb the lexicon does not code: the event-type model may still find an event in it."""
        coded = self.code_of(verb)
        return Candidate(verb=verb, trigger=coded.trigger, code=Code(None), spec=coded.spec,
                         particle=coded.particle, obj=coded.obj, future=is_future(verb), by_object=coded.by_object)

    # -- coding one verb ---------------------------------------------------------------

    def code_of(self, verb: Token) -> Coded:
        """How the lexicon codes a verb, without its control behaviour ('ordered patrols' by the object);
        worked out once per verb of the document."""
        coded = self._coded.get(verb.i)
        if coded is None:
            coded = self._coded[verb.i] = self._code_of(verb)
        # the verb as its own trigger is the caller's token: callers tell a verb trigger by identity
        return coded._replace(trigger=verb) if coded.trigger.i == verb.i else coded

    def _code_of(self, verb: Token) -> Coded:
        spec, particle = verb_entry(verb, self.lex)
        obj = object_of(verb, particle)
        if obj is None and spec is not None and "-" in spec.objects and verb.dep_ == "acl" and verb.tag_ == "VBN":
            obj = verb.head  # 'the abuses committed by X': for a verb its object decides, the noun is what was done
        trigger = verb
        code: Code | None = None
        by_object = False
        if obj is not None:
            words, lemmas = phrase_words(obj), lemma_words(obj)
            exact = spec and (self._exact(spec, words) or self._exact(spec, lemmas) or self._amount_in(spec, obj)
                              or self._contained(spec, obj) or self._listed_weapon(spec, obj)
                              or self._by_preposition(spec, particle, obj)
                              or self._named_town(spec, obj))
            # 'called the strike a massacre': a verb with an object predicate names its object, not does it
            light = (particle is None and lexicon_lemma(verb, self.lex) in self.lex.light_verbs
                     and obj.dep_ in ("dobj", "nsubjpass") and not object_predicate(verb)
                     and not _object_state(verb, obj))
            override = self._override(verb, words) or self._override(verb, lemmas) if light else None
            noun = self.lex.noun(words) or self.lex.noun(lemmas)
            if override and noun and len(noun[1].split()) > len(override[1].split()):
                override = None
            if light and not (override or noun or exact):
                obj, noun = self._listed_act(obj, noun)  # 'launched artillery, mortar and rocket fire'

            if exact and exact.type and obj.lemma_.lower() == "control" and not _of_a_place(obj):
                exact = NO_EVENT  # 'took control of the House': an institution, not territory
            if exact:
                code, by_object = exact, True
            elif light and (override or noun):
                code, trigger = override[0] if override else noun[0], obj
                # 'ordered airstrikes', 'ordered the arrest of …': the order is the orderer's act, not a request
                by_object = bool(override) or (verb.lemma_.lower() in COMMANDING_VERBS and _forces_act(code))
                if code.type == "MOBILIZE" and any(c.lower_ == "joint" for c in obj.lefts):
                    code = Code("COOPERATE")  # PLOVER: joint exercises are COOPERATE
            elif spec and "-" in spec.objects:
                code = spec.objects["-"]
        if code is None and spec is not None and spec.subjects:
            heads = [counted_noun(t).lemma_.lower() for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
            heads += _relative_antecedents(verb)
            code = next((spec.subjects[h] for h in heads if h in spec.subjects), None)
        if code is None and spec is not None and not (spec.speech and any(c.dep_ == "ccomp" for c in verb.children)):
            code = spec.code  # a verb of saying with a clause ('conceded that …') says it: the clause is coded
        return Coded(code, spec, particle, obj, trigger, by_object)

    def _listed_act(self, obj: Token, noun: tuple[Code, str] | None) -> tuple[Token, tuple[Code, str] | None]:
        """The first item of a light verb's listed object that names an act ('launched artillery, mortar and
        rocket fire': the fire), with its entry; else the object as it was."""
        for item in obj.conjuncts:
            if item.i > obj.i:
                found = self.lex.noun(phrase_words(item)) or self.lex.noun(lemma_words(item))
                if found:
                    return item, found
        return obj, noun

    def _amount_in(self, spec: VerbSpec, obj: Token) -> Code | None:
        """An amount given 'in' something is coded by that thing ('sent 2 million dollars in emergency aid',
        'provided $40 million in assistance', '300 million shillings in food aid')."""
        if obj.ent_type_ not in ("MONEY", "QUANTITY") and not any(c.dep_ == "nummod" for c in obj.children):
            return None
        after = obj.right_edge.i + 1  # the parse may hang the 'in' phrase on the verb, right after the amount
        preps = [p for p in obj.children if p.dep_ == "prep"] + [
            p for p in obj.head.children if p.dep_ == "prep" and p.i == after and obj.dep_ == "dobj"]
        within = [g for p in preps if p.lower_ == "in" for g in p.children if g.dep_ == "pobj"]
        return next((code for g in within for code in (self._exact(spec, phrase_words(g)),
                                                        self._exact(spec, lemma_words(g))) if code), None)

    @staticmethod
    def _named_town(spec: VerbSpec, obj: Token) -> Code | None:
        """'recaptured Kupiansk', 'captured Goma': a one-word name the gazetteer knows as a town, as the object of a
        verb whose entry codes taking a town, is coded as 'the town' (the model tags such names a person or an
        organisation as often as a place)."""
        if "town" not in spec.objects or obj.pos_ != "PROPN" or obj.dep_ != "dobj" or any(
                c.dep_ in ("compound", "flat") for c in obj.children) or obj.ent_type_ in ("DATE", "TIME"):
            return None
        return spec.objects["town"] if load_actorbook(()).city_country(obj.text) else None

    def _by_preposition(self, spec: VerbSpec, particle: Token | None, obj: Token) -> Code | None:
        """A phrasal verb's preposition object that its entry names, behind a direct object ('took twenty
        men into custody')."""
        if particle is None or particle.dep_ != "prep":
            return None
        noun = next((c for c in particle.children if c.dep_ == "pobj"), None) or next(
            (g for c in particle.children if c.dep_ == "prep" and c.lower_ == "of"  # 'walked out [of prison]'
             for g in c.children if g.dep_ == "pobj"), None)
        if noun is None or noun is obj:
            return None
        return self._exact(spec, phrase_words(noun)) or self._exact(spec, lemma_words(noun))

    def _override(self, verb: Token, words: list[str]) -> tuple[Code, str] | None:
        table = self.lex.light_overrides.get(lexicon_lemma(verb, self.lex), {})
        for size in (2, 1):
            key = " ".join(words[-size:])
            if len(words) >= size and key in table:
                return table[key], key
        return None

    def _contained(self, spec: VerbSpec, obj: Token) -> Code | None:
        """A weapon the object names inside its phrase ('used poison gas shells') or after 'of' ('dropped
        containers of toxic gas'): only an ASSAULT code is taken this way."""
        inner = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"]
        phrases = [phrase_words(g) for p in inner for g in p.children if g.dep_ == "pobj"]
        words = list(cue_words(obj)[0])
        phrases += [words[i:i + size] for size in (3, 2, 1) for i in range(len(words) - size)]
        for phrase in phrases:
            code = self._exact(spec, phrase)
            if code is not None and code.type == "ASSAULT" and code.mode is not None:
                return code  # a weapon has a mode; a town inside the object ('a tour of the city') is no weapon
        return None

    def _listed_weapon(self, spec: VerbSpec, obj: Token) -> Code | None:
        """A weapon named by another item of the object's list ('fired rubber bullets and tear gas', 'tear gas and
        pepper spray' with the first item parsed as a modifier of the last): only an ASSAULT with a mode is taken."""
        items = [*obj.conjuncts, *(g for c in obj.children if c.dep_ == "nmod" for g in (c, *c.conjuncts))]
        for item in items:
            code = self._exact(spec, phrase_words(item)) or self._exact(spec, lemma_words(item))
            if code is not None and code.type == "ASSAULT" and code.mode is not None:
                return code
        return None

    @staticmethod
    def _exact(spec: VerbSpec, words: list[str]) -> Code | None:
        """The entry's code for the object phrase ('state of emergency'), else for its noun before an 'of'
        complement ('prisoners of war', 'control of the crossing')."""
        head = words[:words.index("of")] if "of" in words else []
        for phrase in (words, head):
            for size in (3, 2, 1):
                key = " ".join(phrase[-size:])
                if head and phrase is words and "of" not in phrase[-size:] and not _counted(head):
                    continue  # 'a tour of the city' is no city; 'a barrage of rockets' counts rockets
                if len(phrase) >= size and key in spec.objects and key != "-":
                    return spec.objects[key]
        return None

    def verb_candidate(self, verb: Token) -> Candidate | None:
        code, spec, particle, obj, trigger, chosen_by_object = self.code_of(verb)
        if _an_order_to_leave(verb, obj):
            code, chosen_by_object = Code("SANCTION", "expel"), True
        elif code is not None and code.type == "ASSAULT" and _into_open_water(verb):
            code, chosen_by_object = Code("MOBILIZE"), True
        elif _a_plea_in_court(verb):
            return None
        ordered = _forces_ordered(verb, obj)
        ordered_code = self.code_of(ordered).code if ordered is not None else None
        if ordered is not None and ordered_code is not None and _forces_act(ordered_code):
            return Candidate(verb=verb, trigger=ordered, code=ordered_code, spec=spec, particle=particle, obj=obj,
                             future=is_future(verb), by_object=True, governs=[t.i for t in ordered.subtree])
        candidate = Candidate(verb=verb, trigger=trigger, code=code or Code(None), spec=spec, particle=particle,
                              obj=obj, future=is_future(verb), by_object=chosen_by_object)
        if spec is not None and spec.speech and not candidate.code.type:
            return self._reported_obligation(verb, candidate)
        if spec is not None and spec.control and not chosen_by_object:
            self._govern(candidate, spec.control)
        elif code is not None and code.type is not None and QUAD[code.type] in (1, 3):
            candidate.governs = self._complement_triggers(verb)
        return candidate if candidate.code.type or candidate.control == "intend" else None

    def ready_candidate(self, adjective: Token) -> Candidate | None:
        """'ready to contribute troops' commits like 'promise'; readiness for nothing coded is no event."""
        complement = next((c for c in adjective.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if complement is None:
            return None
        comp_code = self.code_of(complement).code
        if comp_code is None or comp_code.type is None:
            return None
        candidate = Candidate(verb=adjective, trigger=adjective, code=Code("AGREE"), control="commit",
                              complement=complement, comp_code=comp_code)
        candidate.code = self._committed(comp_code)
        candidate.governs = [t.i for t in complement.subtree]
        return candidate

    def _govern(self, candidate: Candidate, control: str) -> None:
        verb = candidate.verb
        complement = next((c for c in verb.children if _is_complement(c)), None)
        comp_code: Code | None = None
        if complement is not None:
            comp_code = self._civil_code(verb, complement) or self.code_of(complement).code
            if comp_code is not None and is_future(complement) and control in ("commit", "decide"):
                comp_code = self.collapse(comp_code)
        elif candidate.obj is not None and control in ("request", "refuse", "threat"):
            noun = self.lex.noun(phrase_words(candidate.obj)) or self.lex.noun(lemma_words(candidate.obj))
            comp_code = noun[0] if noun else None
        candidate.control, candidate.complement, candidate.comp_code = control, complement, comp_code
        candidate.governs = self._complement_triggers(verb)
        lex = self.lex
        if control == "commit":
            candidate.code = self._committed(comp_code) if comp_code and comp_code.type else candidate.code
        elif control == "threat" and _another_s_act(verb, complement, comp_code):
            candidate.code = Code(None)  # 'warned that Iran could attack shipping': a prediction, no threat
        elif control == "threat":
            candidate.code = Code("THREATEN", lex.threat_mode(comp_code))
        elif control == "refuse":
            candidate.code = Code("REJECT", lex.request_mode(comp_code))
        elif control == "request":
            candidate.code = Code("REQUEST", lex.request_mode(comp_code) if comp_code else None)
        elif control in ("attempt", "decide") and complement is not None:
            candidate.code = comp_code or Code(None)
            candidate.trigger = complement
            candidate.future = candidate.future or control == "decide"
        elif control == "intend":
            candidate.code = Code(None)

    def _civil_code(self, verb: Token, complement: Token) -> Code | None:
        """'The union threatened to strike': a complement with no subject of its own is done by the verb's subject;
        where that subject is a civilian group (workers, a union, doctors, farmers) the complement's entry for a
        civilian doer holds (a walkout, not an attack)."""
        spec = verb_entry(complement, self.lex)[0]
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if spec is None or spec.civil is None or doer is None or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in complement.children):
            return None
        target = object_of(complement, None)
        if target is not None and (target.pos_ == "PROPN" or _group_sector(target)):
            return None  # 'protesters threatened to strike the police': an attack on someone
        return spec.civil if _group_sector(doer) in CIVIL_DOERS else None

    def _committed(self, comp_code: Code) -> Code:
        """What a promise to do something is: a threat if hostile, a concession if a retreat, else AGREE."""
        if comp_code.type in HOSTILE:
            return Code("THREATEN", self.lex.threat_mode(comp_code))
        if comp_code.type in ("RETREAT", "CONCEDE"):
            return Code("CONCEDE")
        if comp_code.type == "REJECT":
            return comp_code
        return Code("AGREE")

    def collapse(self, code: Code) -> Code:
        """PLOVER's future rule: announced cooperation is AGREE, an announced retreat CONCEDE,
        an announced hostile act a THREATEN."""
        if code.type is None:
            return code
        collapsed = self.lex.future.get(code.type, code.type)
        if collapsed == code.type:
            return code
        if collapsed == "THREATEN":
            return Code("THREATEN", self.lex.threat_mode(code))
        return Code(collapsed)

    def _complement_triggers(self, verb: Token) -> list[int]:
        """Tokens of what a verb governs (to-clauses, that-clauses, 'of doing' phrases)."""
        governed: list[int] = []
        for child in verb.children:
            if child.dep_ in COMPLEMENT_DEPS or _is_complement(child):
                governed += [t.i for t in child.subtree]
            elif child.dep_ == "prep":
                for grand in child.children:
                    if grand.dep_ == "pcomp" or (grand.dep_ == "pobj" and grand.pos_ == "VERB"):
                        governed += [t.i for t in grand.subtree]
        return governed

    def _reported_obligation(self, verb: Token, candidate: Candidate) -> Candidate | None:
        """'X said Y must Z': a REQUEST from X to Y (what Y must do gives the mode)."""
        for child in verb.children:
            if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX") and obligation(child):
                comp_code = self.code_of(child).code
                return Candidate(verb=child, trigger=child, code=Code("REQUEST", self.lex.request_mode(comp_code)),
                                 control="request", complement=child, comp_code=comp_code, reporter=verb,
                                 governs=[t.i for t in child.subtree])
        return None

    # -- what is not an event ------------------------------------------------------------

    @staticmethod
    def is_event(candidate: Candidate) -> bool:
        """Whether the candidate's verb presents an act: not a modifier, a purpose infinitive, a habitual relative
        clause or an act said not to be done."""
        verb = candidate.verb
        if candidate.reporter is not None:
            return True
        if verb.dep_ in ("amod", "compound"):
            return False
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children) and not (
                headline_passive(verb) or misread_predicate(verb)):
            return False
        if _not_done(verb) or _generic_gerund(verb) or _participle_read_as_verb(verb):
            return False
        if _unrealised_infinitive(verb, ("advcl", "acl", "relcl")) or _means_of_an_unrealised_act(verb):
            return False
        code = candidate.code
        clause = verb
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head
        if (clause.dep_ == "relcl" and clause.tag_ in ("VBP", "VBZ") and code.type and QUAD[code.type] in (1, 3)
                and not candidate.future):
            return False
        return True
