"""PLOVER events: who did what to whom, where and when, from the parse and the PLOVER lexicon.

Triggers come from ``event_triggers`` (verbs, phrasal verbs, light verb + event noun,
control verbs), actors from ``event_args`` (mentions, coordination, pronouns), place,
time and the hypothetical/negated flags from ``event_context``. An event inside a
quotation or a reported clause carries its reporter in ``reported_by``. Announced acts
follow PLOVER's future rule; negated cooperation ('would not meet the demands') is a
REJECT. An agentless passive ('others were arrested') after 'these attacks' takes the
actors of the attacks it refers back to.

Sources and targets name actors as the text presents them: when a person acts or
speaks ('he warned', 'the Hamas official called on'), the source is that person or
group, and a person's ``Actor`` record carries the affiliation and country that link
the event to an organisation or state (the seed's 'Hamas' for Saleh al-Arouri).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from presslens.actors.book import load_actorbook, normalize_words
from presslens.actors.phrases import ARMED_SECTORS, DASHES
from presslens.core.countries import alpha_3
from presslens.core.nlp import doc_text
from presslens.core.schema import Actor, ActorMention, Event, Place, Quote, TimeRef
from presslens.quotes.cues import HARM_WORDS, SPEECH_VERBS, STANCE_VERBS

from . import context as ctx
from .arguments import BACKING, Arguments, Side, agent, claimant, subject, unique_sides
from .features import candidate_features
from .mentions import merge_mentions
from .model import EventModel, load_model
from .nominal import PATIENT_MODES, nominal_candidates, noun_entry
from .plover import HOSTILE, QUAD, Code, Lexicon, VerbSpec, load_lexicon
from .triggers import AIMED_AT, Candidate, TriggerFinder, counted_noun, gerund_head, verb_entry
from .usage import not_an_act, unmeant, weapon_cause

RECOMMENDED = frozenset({"should", "ought", "must"})
TARGET_PREPS = ("against", "on", "upon", "at", "to", "into", "toward", "towards", "over", "with", "from", "for")
PLACE_PREPS = ("in", "near", "inside", "outside", "across", "throughout")
CORDONS = frozenset({"surround", "encircle"})
"""Verbs of a cordon (PLOVER COERCE restrict)."""
CROSSING = frozenset({"cross"})
"""Verbs whose object is the way forces take ('crossed the Euphrates'), never a party."""
TAKING = frozenset({"capture", "seize", "take", "recapture", "retake", "regain", "wrest", "grab", "snatch",
                    "liberate"})
"""Verbs of taking ground or people by force, whose 'from' phrase names the side it was taken from ('seized the
town from government forces'), not where the force came from."""
MUTUAL = frozenset({"fight", "clash", "battle", "negotiate", "meet", "talk", "discuss", "confer", "consult",
                    "exchange", "cooperate", "collaborate", "agree", "trade"})
COOPERATIVE = frozenset({"AGREE", "CONCEDE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "RETREAT"})
POWERS = frozenset({"state", "government", "military", "armed group", "armed political movement",
                    "military alliance", "partially recognized entity"})
"""Kinds of actor that can back a warning with force or sanctions ('China warned the Philippines against …')."""
SIGNING_VERBS = frozenset({"sign", "ink", "initial", "ratify"})
"""Verbs of signing an accord, whose other party is named ('signed a deal with X'), never the place of signing."""
INSTRUMENT_MODES = frozenset({None, "explosives", "firearms", "heavy-weapons"})
"""ASSAULT modes a named weapon refines ('aircraft bombed' is aerial, not explosives)."""
PHYSICAL_TARGETS = frozenset({"convoy", "vehicle", "vehicles", "car", "cars", "bus", "truck", "trucks", "ship",
                              "ships", "vessel", "vessels", "tanker", "tankers", "plane", "planes", "aircraft",
                              "position", "positions", "depot", "facility", "facilities", "infrastructure",
                              "headquarters", "office", "offices", "home", "homes", "house", "houses", "town",
                              "village", "city", "district", "area", "areas", "region", "neighbourhood",
                              "neighborhood", "patrol", "outpost", "post", "posts", "target", "targets", "site",
                              "sites", "pipeline", "line", "lines", "plant", "power", "centre", "center",
                              "complex", "academy", "barracks", "garrison", "refinery", "refineries", "factory",
                              "factories", "warehouse", "warehouses", "substation", "substations", "railway",
                              "railways", "train", "trains", "terminal", "terminals", "airfield", "airfields",
                              "airbase", "airbases", "oilfield", "oilfields", "arsenal", "hangar", "radar", "radars",
                              "helicopter", "helicopters", "tank", "tanks", "warship", "warships", "boat", "boats",
                              "apartment", "apartments", "grid"})
"""Concrete objects an attack or a search can be aimed at (besides people and places)."""
CLAUSE_DEPS = ("ccomp", "advcl", "conj", "relcl")
PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "child", "teenager", "teen", "baby", "infant", "person",
                          "individual", "adult", "worker", "farmer", "driver", "passenger", "victim", "suspect",
                          "resident", "villager", "pilgrim", "shepherd", "fisherman", "national", "tourist",
                          "foreigner", "crew", "sailor", "pilot", "priest", "nun", "missionary", "hiker"})
"""Nouns of one person, who can be harmed, held or freed ('killed a teenage boy'), that the actor book's
population nouns ('civilian', 'student', 'youth') do not already hold."""
COUNTED_PEOPLE = frozenset({"dozen", "hundred", "thousand", "score", "million"})
"""'killed dozens', 'wounded hundreds': a count of people."""
DOMESTIC_SECTORS = frozenset({"COP", "GOV", "JUD", "LEG"})
"""A state's police, government or courts act at home: a group they act on that the text gives no country
(and no place) is taken to be of their country."""
PLACE_KINDS = frozenset({"state", "place", "region"})
TERRITORY_KINDS = frozenset({"state", "region"})
"""What a place phrase may name as the recipient of words or rules ('sanctions on trade in Gaza'); a town there
('criticised the law in Flint') is where it happened, not whom it was aimed at."""
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
FIGHTING_SECTORS = frozenset({"MIL", "REB", "PRM", "UAF"})
"""Armed forces a side can pull back (not its police, nor criminals it pardons)."""
VISIT = Code("CONSULT", "visit")
"""PLOVER's visit: the actor travels, a recipient hosts."""
ASIDE_PREPOSITIONS = frozenset({"about", "during"})
"""Prepositions of a phrase deeper in a clause that says what an act is about or when it happened: an actor
there is not its recipient ('for' and 'between' phrases often name it: 'a demonstration calling for the
removal of X', 'a mediation mission between X and Y')."""
TEMPORAL_MARKS = frozenset({"after", "before", "while", "when", "since", "as", "once"})
"""Subordinators of a clause that tells when an act happened: its subject does an act of its own."""
REASON_MARKS = frozenset({"because", "although", "though", "whereas"})
"""Subordinators of a clause that tells why an act happened, or despite what: its subject does an act of its own."""
GENERIC_KINDS = frozenset({"population", "military", "police", "armed group", "criminal group", "government",
                           "legislature", "court",
                           "intelligence service", "opposition", "political party", "labour", "religious body",
                           "business"})
"""Actors the text gives no country for, which then take the country where the event happens."""
REMOTE_WEAPONS = frozenset({"drones", "drone", "warplanes", "warplane", "jets", "fighter jets", "aircraft",
                            "helicopters", "helicopter", "gunships", "artillery", "warships", "warship", "bombers"})
"""Weapons named as the doer that strike from afar: whose they are is not where they strike."""
ACTOR_ENTITIES = frozenset({"PERSON", "NORP", "GPE", "ORG"})
"""Entity labels whose words the event-type model sees only as ``ACTOR`` (names never decide a type)."""
NOT_PEOPLE = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY"})
"""Entity labels of numbers that count no people."""
CRITICISED_KINDS = frozenset({"person", "political party", "legislature"})
"""Actors one attacks in words as often as by force: persons and political bodies."""
UNARMED_KINDS = CRITICISED_KINDS | {"organization", "media", "government", "opposition"}
"""Actors whose attack, with no weapon named, is one in words."""
CIVIL_SECTORS = frozenset({"CVL", "LAB", "EDU", "REF", "AGR", "OPP", "SOC", "MED", "JRN", "REL"})


class Described(NamedTuple):
    """A candidate as the lexicon and the grammar see it, before the model decides."""

    code: Code
    negated: bool
    sources: list[Side]
    targets: list[Side]
    passive: bool
    features: list[str]
    guessed: bool = False
    """The recipient was found only by the last resort (``_clause_actors``)."""


@dataclass
class Built:
    """An event and what later passes need to know about it."""

    event: Event
    candidate: Candidate
    passive: bool


def extract_events(doc: Doc, actors: list[Actor], mentions: list[ActorMention], quotes: list[Quote],
                   places: list[Place], times: list[TimeRef], model: EventModel | None = None) -> list[Event]:
    """Who did what to whom, where and when (``model``: an event-type model other than the shipped one)."""
    by_id = {a.id: a for a in actors}
    places = [p for p in places if not any(_named_in(doc, p, m, by_id.get(m.actor_id)) for m in mentions)]
    builder = EventBuilder(doc, Arguments(doc, actors, mentions, quotes), load_lexicon(), places, times,
                           model or load_model())
    finder = TriggerFinder(doc, builder.lex)
    candidates = finder.candidates()
    candidates += finite_modifiers(doc, finder, candidates)
    candidates += nominal_candidates(doc, builder.lex, candidates)
    built = posture_in_an_assault(gerund_means_dropped([b for b in (builder.build(c) for c in candidates) if b]))
    built = inherit_sources(doc, built, builder.lex)
    return merge_mentions(sorted((b.event for b in built), key=lambda e: (e.start, e.trigger_start)))


WITHDRAWING = frozenset({"withdraw", "pull", "recall", "redeploy", "remove", "deploy", "station", "mass", "mobilize",
                         "mobilise", "move"})
"""Verbs whose object is the doer's own, taken back or moved ('withdrew its troops from X', 'stationed 3,000
troops along the border'): never the recipient, which the 'from' or 'against' phrase names."""


AIMED_PREPS = frozenset({"on", "upon", "against"})
"""Prepositions by which a measure or a charge names whom it is aimed at ('sanctions on X', 'charges against X')."""
TOPIC_PREPS = frozenset({"over", "about", "on", "regarding", "concerning"})
"""Prepositions that name what a meeting is about ('negotiated with Russia over Syria'): no participant."""


def _no_side(child: Token, c: Candidate) -> bool:
    """A phrase that names no party to the act. 'fired rockets from Gaza', 'missiles launched from Belarus':
    under force, a 'from' phrase says where the force comes from, never whom it hits (but whom ground was
    taken from: 'recaptured the town from the rebels'). 'negotiated with
    Russia over Syria': a meeting's topic is not one of those who meet (PLOVER CONSULT: the participants)."""
    if child.dep_ != "prep":
        return False
    return (child.lower_ == "from" and c.code.type == "ASSAULT" and c.verb.lemma_.lower() not in TAKING) or (
        child.lower_ in TOPIC_PREPS and c.code.type == "CONSULT")


def _withdrawn(c: Candidate, token: Token) -> bool:
    """Is the token the object of such a verb, or a modifier before it ('withdraw the remaining 1,500
    troops'; not 'Niger' in 'recalled its ambassador from Niger')? What forces cross is their way, not a party
    ('crossed the Euphrates into …', 'crossed the Dnipro river')."""
    if c.verb.lemma_.lower() not in WITHDRAWING | CROSSING:
        return False
    return any(obj.left_edge.i <= token.i <= obj.i for obj in c.verb.children if obj.dep_ == "dobj")


def _generic_you(verb: Token) -> bool:
    """'You walk down the street, you get shot': 'you' as the subject of a present-tense verb speaks of anyone,
    not of an act that happened."""
    subject_ = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return subject_ is not None and subject_.lower_ == "you" and bool(tags & {"VBP", "VBZ"})


def posture_in_an_assault(built: list[Built]) -> list[Built]:
    """PLOVER: a mobilisation or a cordon that is part of a reported assault is coded only as the assault
    ('security forces surrounded a house and exchanged fire with the men'): of one sentence's events, such a
    posture by the assault's doers (or by no one named) is dropped."""
    assaults = [b.event for b in built if b.event.type == "ASSAULT" and not b.event.hypothetical
                and not b.event.negated]
    kept = []
    for b in built:
        event = b.event
        posture = event.type == "MOBILIZE" or (
            event.type == "COERCE" and b.candidate.verb.lemma_.lower() in CORDONS)
        sentence = b.candidate.verb.sent
        if posture and any(sentence.start_char <= a.trigger_start < sentence.end_char
                           and (not event.source_ids or set(event.source_ids) & set(a.source_ids))
                           for a in assaults):
            continue
        kept.append(b)
    return kept


def gerund_means_dropped(built: list[Built]) -> list[Built]:
    """'Shelling by the RSF killed three civilians': a gerund subject that names how the verb's act was done,
    coded with the same type, is that act and not a second event. So is a participle that tells the result
    of an act of force ('struck Kyiv, killing 12 people'): its victims are the act's when it has none."""
    acts = {(b.candidate.verb.i, b.event.type): b for b in built}
    kept = []
    for b in built:
        verb = b.candidate.verb
        if verb.tag_ != "VBG" or (verb.head.i, b.event.type) not in acts:
            kept.append(b)
        elif verb.dep_ == "advcl" and b.event.type == "ASSAULT" and b.candidate.trigger is verb:
            main = acts[(verb.head.i, b.event.type)]
            if not main.event.targets and b.event.targets:
                main.event = replace(main.event, targets=b.event.targets, target_countries=b.event.target_countries,
                                     target_sectors=b.event.target_sectors, target_ids=b.event.target_ids,
                                     target_entity_ids=b.event.target_entity_ids)
        elif verb.dep_ != "csubj":
            kept.append(b)
    return kept


def _named_in(doc: Doc, place: Place, mention: ActorMention, actor: Actor | None) -> bool:
    """A place named inside an organisation's proper name ('the Democratic Forces for the Liberation of
    Rwanda', 'the Kurdistan Workers' Party') is part of the name: no setting of the events it takes part in,
    as it is none where the organisation's name holds no place ('the Rapid Support Forces'). A phrase with
    a common noun ('residents of Kharkiv') is no name."""
    if actor is None or actor.kind in PLACE_KINDS or not (mention.start <= place.start and place.end <= mention.end):
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    words = [t for t in span or () if t.pos_ not in ("DET", "ADP", "CCONJ", "PART", "PUNCT")]
    return (place.end - place.start) < (mention.end - mention.start) and bool(words) and all(
        t.pos_ == "PROPN" for t in words)


def finite_modifiers(doc: Doc, finder: TriggerFinder, found: list[Candidate]) -> list[Candidate]:
    """A past-tense verb with a subject of its own heads a clause even where the parser hung it on the
    noun after it as a modifier (spaCy reads 'X shelled positions held by Y' as '[X shelled] positions'
    for some names X, Y only): it is coded as a verb with that noun as its object."""
    taken = {c.verb.i for c in found} | {i for c in found for i in c.governs}
    result = []
    for token in doc:
        if (token.dep_ == "amod" and token.tag_ == "VBD" and token.i not in taken and token.head.i > token.i
                and any(child.dep_ == "nsubj" for child in token.children)):
            coded = finder.code_of(token)
            if coded.code is not None and coded.code.type:
                result.append(Candidate(verb=token, trigger=token, code=coded.code, spec=coded.spec,
                                        particle=coded.particle, obj=token.head))
    return result


class EventBuilder:
    def __init__(self, doc: Doc, args: Arguments, lex: Lexicon, places: list[Place], times: list[TimeRef],
                 model: EventModel | None = None):
        self.doc, self.args, self.lex = doc, args, lex
        self.places, self.times = places, times
        self.model = model
        self.book = load_actorbook(())

    def describe(self, c: Candidate) -> Described:
        """The lexicon's code of a candidate, its actors and its features for the event-type model."""
        code, negated = self._adjusted_code(c)
        sources, targets, passive, guessed = self._sides(c)
        code = self._by_subject(c, code, sources)
        features = candidate_features(c, code, sources, targets, negated, passive, self.lex,
                                      lambda token: token.i in self.args.cover or token.ent_type_ in ACTOR_ENTITIES)
        return Described(code, negated, sources, targets, passive, features, guessed)

    def build(self, c: Candidate) -> Built | None:
        reporter, speaker = self.args.attribution(c.trigger)
        if c.nominal:
            return self._named_by_a_noun(c, reporter)
        if c.control == "intend":
            return self._intention(c, speaker, reporter)
        code, negated, sources, targets, passive, features, guessed = self.describe(c)
        if guessed and self._asks_or_suffers(c, passive):
            targets = []  # a recipient only the last resort found, where the clause says who it is
        if self.model is not None and not weapon_cause(c, code, self.lex):
            code = self.model.decide(features, code, self._modes(c))
        if (code.type == "ASSAULT" and c.spec is not None and c.spec.verbal is not None and c.trigger is c.verb
                and (ctx.in_words(c.verb) or self._criticism(c, code, sources, targets, passive)
                     or self._beside_words(c, sources))):
            if not targets:
                return None  # 'fired back at critics on social media': words aimed at no one named
            code = c.spec.verbal  # PLOVER's ASSAULT is physical force: an attack in a speech or a tweet is criticism
        if code.type is None or not self._episodic(c, code, sources, targets):
            return None
        object_sides = self.args.actors_at(c.obj) if c.obj is not None else []
        quote = self.args.cue_quote(c.verb)
        rivals = bool(sources) and all(s.actor.kind in POWERS for s in sources) and bool(object_sides) and all(
            s.actor.kind in POWERS and s.actor.country and s.actor.country not in {t.actor.country for t in sources}
            for s in object_sides)  # 'the FBI warned state election officials to …' advises its own
        if not_an_act(c, code, self.lex, len(sources), bool(object_sides), len(targets),
                      quote is not None and quote.kind == "direct", rivals):
            return None
        sources, targets = self._roles(c, code, sources, targets)
        if code.type == "PROTEST" and c.trigger.lemma_.lower() == "rally" and sources and all(
                s.actor.kind == "person" for s in sources) and not _names_a_cause(c.trigger):
            return None  # 'Clinton held rallies in Cleveland': a candidate's rally is a campaign meeting, no protest
        code = self._coerced_with_a_weapon(c, code)
        if code.type == "CONSULT" and code.mode is None and _by_phone(c.verb):
            code = Code("CONSULT", "phone")
        if code.type == "ASSAULT" and code.mode in INSTRUMENT_MODES:
            code = Code("ASSAULT", self._noun_mode(c) or self._instrument(c) or code.mode)
        hypothetical = self._hypothetical(c) or (reporter is None and ctx.unreported_conjecture(c.verb))
        negated = negated or ctx.ruled_out(c.verb)
        return Built(self._event(c, code, sources, targets, negated, hypothetical, reporter), c, passive)

    # -- type ------------------------------------------------------------------------

    def _modes(self, c: Candidate) -> dict[str, str | None]:
        """The lexicon's mode of this trigger for each type it can code."""
        spec = c.spec
        codes = [] if spec is None else [*spec.objects.values(), *(x for x in (spec.civil, spec.official, spec.code)
                                                                   if x is not None)]
        noun = self.lex.noun([c.trigger.lower_]) or self.lex.noun([c.trigger.lemma_.lower()])
        codes += [noun[0]] if noun else []
        modes: dict[str, str | None] = {}
        for code in [*codes, c.code]:
            if code.type and code.mode:
                modes.setdefault(code.type, code.mode)
        return modes

    def _adjusted_code(self, c: Candidate) -> tuple[Code, bool]:
        code = c.code
        if c.future and c.control not in ("commit", "threat", "refuse", "request"):
            code = TriggerFinder(self.doc, self.lex).collapse(code)
        negated = ctx.negated(c.verb, c.trigger)
        if negated and code.type in COOPERATIVE and not c.control and (c.future or ctx.modal(c.verb)):
            return Code("REJECT", self.lex.request_mode(code)), False  # 'would not meet': a refusal
        if ctx.unless(c.verb) and code.type not in ("THREATEN", "REQUEST"):
            threatened = c.spec.code if c.spec is not None and c.spec.code else code
            return Code("THREATEN", self.lex.threat_mode(threatened) or self.lex.threat_mode(code)), negated
        if code.type == "COERCE" and self._entry_refused(c.verb):
            return Code("REJECT"), negated  # PLOVER: refusing a group entry is REJECT (expelling it, COERCE)
        return code, negated

    def _entry_refused(self, verb: Token) -> bool:
        """'banned two bloggers from entering the UK', 'from entering the country': entry to a state refused, which
        PLOVER codes REJECT (not 'barred protesters from entering the square' or 'journalists from entering Gaza',
        restrictions of movement: COERCE)."""
        entered = [o for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "from"
                   for g in prep.children if g.dep_ == "pcomp" and g.lemma_.lower() == "enter"
                   for o in g.children if o.dep_ == "dobj"]
        return any(o.lemma_.lower() == "country" or any(s.actor.kind == "state" for s in self.args.actors_at(o))
                   for o in entered)

    def _by_subject(self, c: Candidate, code: Code, sources: list[Side]) -> Code:
        """'workers struck' is a strike, 'the ministry protested' a verbal ACCUSE; a code the object chose stays
        ('farmers struck a deal' is an agreement, 'walked out of prison' no walkout)."""
        spec = c.spec
        if spec is None or not sources or c.trigger is not c.verb or c.by_object:
            return code
        civil = all(s.actor.kind in ("population", "group") or (s.sector in CIVIL_SECTORS) for s in sources)
        if spec.civil and civil:
            return spec.civil
        if spec.official and not civil and not (c.verb.dep_ in ("acl", "amod") and c.verb.tag_ == "VBG"):
            return spec.official  # not 'the area surrounding the village', a noun's extent
        return code

    def _intention(self, c: Candidate, speaker: Actor | None, reporter: str | None) -> Built | None:
        """'He added the cabinet aims to displace Palestinians': in someone's words, an accusation."""
        comp = c.comp_code or (TriggerFinder(self.doc, self.lex).code_of(c.complement).code if c.complement else None)
        if speaker is None or comp is None or comp.type not in HOSTILE:
            return None
        intender, _ = subject(c.verb)
        targets = self.args.actors_at(intender) if intender is not None else []
        sources = [Side(speaker, speaker.sector)]
        event = self._event(c, Code("ACCUSE", "allege"), sources, targets, False, False, reporter)
        return Built(event, c, False)

    def _named_by_a_noun(self, c: Candidate, reporter: str | None) -> Built | None:
        """An act named by a noun (``events.nominal``), with the roles the noun phrase gives: the doer ('by X',
        'X's', 'Israeli strikes') and the one acted on ('on/against/of Y'; the possessive of 'her arrest').
        A noun phrase that names no actor, or whose modifier names no actor and no weapon ('a heart attack'),
        is no event."""
        noun = c.trigger
        if noun.i in self.args.cover or not self._noun_of_an_act(noun):
            return None  # a word of a name ('the Las Vegas Massacre Shows' read as one organisation)
        if unmeant(noun):
            return None  # 'died in an accidental shooting': PLOVER's ASSAULT is deliberate
        possessive = [g for g in noun.children if g.dep_ == "poss"]
        sources = [s for g in _agents_of_noun(noun) for s in self.args.actors_at(g)]
        patient = c.code.mode in PATIENT_MODES
        named: list[Side] = []  # 'the Kennedy assassination', 'her arrest': the one it was done to
        if not sources and not patient:
            sources = [s for g in possessive for s in self.args.actors_at(g)]
        if not sources and (owner := claimant(noun)) is not None:
            sources = self.args.actors_at(owner)  # 'X claimed responsibility for the attack'
        if not sources:
            modifiers = self._noun_modifiers(noun)
            if patient or c.code.mode == "targeted":
                named = [m for m in modifiers if m.actor.kind == "person"]
            sources = [m for m in modifiers if m not in named]
        own = {s.actor.id for s in sources}
        aimed = [*(possessive if patient else []), *_prep_objects(noun, ("of",))]
        targets = [t for t in [*named, *(s for g in aimed for s in self.args.actors_at(g)), *self._noun_targets(noun)]
                   if t.actor.id not in own]
        if not (sources or targets) or not self._physical(c, sources, targets):
            return None
        code = c.code
        if code.type == "ASSAULT" and code.mode in INSTRUMENT_MODES:
            code = Code("ASSAULT", next((m for t in noun.subtree if (m := self._weapon_mode(t))), code.mode))
        hypothetical = self._hypothetical(c) or (reporter is None and ctx.unreported_conjecture(c.verb))
        return Built(self._event(c, code, sources, unique_sides(targets), ctx.negated(c.verb, noun), hypothetical,
                                 reporter), c, False)

    def _physical(self, c: Candidate, sources: list[Side], targets: list[Side]) -> bool:
        """PLOVER's ASSAULT is physical force. A bare 'attack' or 'assault' is also said of words ('the attacks on
        the senator'): it counts when a weapon is named, an armed body or a state does it, or it hits a state, a
        place, armed men or a thing ('the attack on the U.S. compound')."""
        entry = noun_entry(c.trigger, self.lex)
        if c.code.type != "ASSAULT" or c.code.mode is not None or entry is None or " " in entry[1]:
            return True
        if any(self._weapon_mode(t) for t in c.trigger.subtree):
            return True
        armed = {"state", "military", "armed group", "criminal group", "police"}
        return any(s.actor.kind in armed or (s.sector or "") in ARMED_SECTORS for s in sources) or any(
            t.actor.kind in armed | PLACE_KINDS or (t.sector or "") in ARMED_SECTORS for t in targets) or any(
            g.pos_ == "NOUN" and g.lemma_.lower() in PHYSICAL_TARGETS for g in _prep_objects(c.trigger, AIMED_AT))

    @staticmethod
    def _asks_or_suffers(c: Candidate, passive: bool) -> bool:
        """Clauses whose recipient is in their own words, so that no other actor of the clause may stand in: a
        passive's subject ('Hundreds wounded as police fire on protesters': the wounded, named or not), one
        person named by a common noun as object, and a call for a thing ('called for relief for families',
        '… in a compromise rebuffed by Republicans')."""
        if passive and subject(c.reporter or c.verb)[0] is not None:
            return True
        if c.obj is not None and c.obj.dep_ == "dobj" and c.obj.tag_ == "NN" and c.obj.lemma_.lower() in PERSON_NOUNS:
            return True  # 'arrested a man who threw a brick at the minister's car': the man, not the minister
        return c.control == "request" and c.particle is not None and c.particle.lower_ == "for"

    def _noun_of_an_act(self, noun: Token) -> bool:
        """The noun's entry has several words ('chlorine gas attack'), or every compound before it names an actor
        or a weapon ('Hamas rocket attack'; not 'heart attack')."""
        entry = noun_entry(noun, self.lex)
        if entry is not None and " " in entry[1]:
            return True  # the entry itself says what the noun names ('chlorine gas attack')
        compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
        return all(c.i in self.args.cover or c.ent_type_ in ACTOR_ENTITIES or self._weapon_mode(c) for c in compounds)

    # -- actors ---------------------------------------------------------------------

    def _sides(self, c: Candidate) -> tuple[list[Side], list[Side], bool, bool]:
        """Sources, targets, whether the clause is passive, and whether the targets are the last resort's."""
        verb = c.reporter or c.verb
        subj, passive = subject(verb)
        source_token = agent(verb) if passive else subj
        sources = self.args.actors_at(source_token) if source_token is not None else []
        if not sources and source_token is None and verb.tag_ == "VBG":
            sources = self._noun_agent(verb)  # 'shelling by separatist forces damaged …': the doer of the shelling
        if c.trigger is not c.verb and not sources:
            sources = self._noun_agent(c.trigger)
        if c.reporter is not None:
            own_subject = subject(c.verb)[0]
            asked = self.args.actors_at(own_subject) if own_subject is not None else []
            return sources, [t for t in asked if t.actor.id not in {s.actor.id for s in sources}], False, False
        if passive and subj is not None and not sources and c.code.type == "MOBILIZE":
            return self.args.actors_at(subj), [], passive, False  # 'troops were deployed': the forces' own side
        noun = self._event_noun(c) if c.trigger is c.verb else None
        if noun is not None and sources and not passive and self._another_act(noun, c):
            noun = None  # 'X praised the plan during a visit by Y': the visit is Y's, the praise X's
        noun_targets: list[Side] = []
        if noun is not None:
            sources = sources if noun.dep_ in ("nsubj", "nsubjpass") and sources else (
                self._noun_agent(noun) or self._noun_modifiers(noun) or sources)
            noun_targets = [t for t in self._noun_targets(noun) if t.actor.id not in {s.actor.id for s in sources}]
        own = {s.actor.id for s in sources}
        # 'killed a Hezbollah commander in an airstrike on Beirut': the verb's own object, when it says whose side
        # it is, before the noun's target ('strikes on Hamas towns killed eleven people': Hamas, not 'people')
        struck = [t for child in c.verb.children if child.dep_ == "dobj" and noun_targets and c.trigger is c.verb
                  for t in self.args.actors_at(child) if t.actor.id not in own and t.actor.kind != "place"
                  and (t.actor.country or t.actor.kind != "population")]
        options: list[list[Side]] = [struck, noun_targets]
        if passive and subj is not None:  # not the doer, named in a participle on the subject ('missiles supplied by X')
            options.append([t for t in self.args.actors_at(subj) if t.actor.id not in own])
        for token, place_only in self._target_tokens(c):
            found = [t for t in self.args.actors_at(token) if t.actor.id not in own
                     and self._may_receive(c, t, token, place_only)]
            options.append(found)
        options = [o for o in options if o]
        targets = (options or [[]])[0]
        if not targets and c.code.mode != "resign" and (c.code.type != "CONSULT" or c.code.mode):
            return sources, self._clause_actors(c, own), passive, True
        return sources, targets, passive, False

    def _may_receive(self, c: Candidate, side: Side, token: Token, place_only: bool) -> bool:
        """Whether a side found at a target position may be the recipient: in a place phrase, or reached through
        a thing the phrase names ('condemned the law in Lviv'), only a place of the kinds ``_place_targets`` allows."""
        if place_only or (side.actor.kind in PLACE_KINDS and token.i not in self.args.cover):
            return side.actor.kind in self._place_targets(c)
        return not _withdrawn(c, token)

    @staticmethod
    def _place_targets(c: Candidate) -> frozenset[str]:
        """Kinds of actor a place phrase may give as recipient: a town stands for its country when force is
        used there ('bombed a market in Idlib': Syria, CAMEO practice), not for a word or a rule ('criticised
        the law in Flint')."""
        return PLACE_KINDS if c.code.type in FORCE_TYPES else TERRITORY_KINDS

    def _clause_actors(self, c: Candidate, own: set[str]) -> list[Side]:
        """Last resort: the first actor named after the trigger in its clause ('sent material to help
        defend Saudi Arabia'), outside the subject and any attribution ('according to ...')."""
        heads = [c.verb, *([c.complement] if c.complement is not None else []), *_modified(c)]
        skipped: set[int] = set()
        for head in heads:
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass", "csubj", "agent", "parataxis") or (
                        child.lower_ == "according" or _no_side(child, c) or _own_clause(child)):
                    skipped.update(t.i for t in child.subtree)
            # a group's backer ('Russian-backed militia positions', 'militias backed by Iran') is not acted on
            skipped.update(g.i for t in head.subtree if t.lower_ in BACKING and t.dep_ in ("amod", "acl")
                           for g in t.subtree if g.i != t.i)
        tokens = sorted({t.i for head in heads for t in head.subtree if t.i > c.trigger.i and t.i not in skipped})
        head_indexes = {head.i for head in heads}
        for i in tokens:
            if i in self.args.cover and not _withdrawn(c, self.doc[i]) and not (
                    self._place_targets(c) is TERRITORY_KINDS and _a_town_where(self.doc[i], self.args)) and not _aside(
                    self.doc[i], head_indexes):
                sides = [s for s in self.args.actors_at(self.doc[i]) if s.actor.id not in own]
                if sides:
                    return sides
        return []

    def _episodic(self, c: Candidate, code: Code, sources: list[Side], targets: list[Side]) -> bool:
        """Is this an act at all? Verbs that need one are aimed at someone or something concrete
        ('striking panic' is not); under a reporting verb, a clause with no one acted on is a claim
        ('Y must Z', 'X will change the tax code'), unless it reports a past act of force or coercion
        ('police said shops were looted'); a present-tense clause with no actor ('the program allows
        investors ...') states a rule."""
        patient = c.obj if c.obj is not None or code.type not in FORCE_TYPES else self._participle_s_noun(c.verb)
        if c.spec is not None and c.complement is None and not c.by_object and not self._reaches(c.spec, patient):
            return False
        if c.control == "commit" and code.type == "THREATEN" and c.complement is not None:
            spec, _ = verb_entry(c.complement, self.lex)
            thing = next((ch for ch in c.complement.children if ch.dep_ == "dobj"), None)
            if spec is not None and thing is not None and not self._reaches(spec, thing):
                return False  # 'vowed to fight corruption': no one is threatened
        if code.type == "MOBILIZE" and c.particle is not None and c.particle.lower_ == "on" and not any(
                side.sector in ARMED_SECTORS for side in (self.args.actors_at(c.obj) if c.obj is not None else [])):
            return False  # 'put its troops on high alert' mobilizes; 'put hospitals on alert', 'nations put on alert'
        if code == VISIT and c.obj is not None and c.obj.dep_ == "dobj" and not self._can_host(c.obj):
            return False  # 'visited a shrine in Hebron': no one hosts; the town only says where the shrine is
        if c.reporter is not None and not targets and not _past_force(c, code):
            return False
        if _generic_you(c.verb):
            return False
        return not (c.verb.tag_ in ("VBZ", "VBP") and not sources and not self.args.quote_at(c.verb.idx))

    def _reaches(self, spec: VerbSpec, patient: Token | None) -> bool:
        """Whether an act whose entry needs an actor reaches one: a person or an actor or a town as its object."""
        return not spec.needs_actor or self._animate(patient) or (patient is not None and not spec.needs_person and (
            bool(self.args.actors_at(patient)) or self._untagged_town(patient)))

    def _event_noun(self, c: Candidate) -> Token | None:
        """The event noun a verb reports: its subject ('X's strikes on Y killed ...') or an 'in'/'during'
        phrase ('killed in X strikes on Y towns', 'died in an attack by X')."""
        for child in c.verb.children:
            nouns = [child] if child.dep_ in ("nsubj", "nsubjpass") else [
                g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ in (
                "in", "during") else []
            for noun in nouns:
                if self.lex.noun([noun.lower_]) or self.lex.noun([noun.lemma_.lower()]):
                    return noun
                after = noun.doc[noun.i + 1] if child.dep_ == "prep" and noun.i + 1 < len(noun.doc) else None
                if after is not None and after.head.i == c.verb.i and after.dep_ in ("conj", "advcl") and (
                        self.lex.noun([after.lower_]) or self.lex.noun([after.lemma_.lower()])):
                    return after  # 'killed in X strikes on Y' parsed with 'strikes' as a second verb
        return None

    def _another_act(self, noun: Token, c: Candidate) -> bool:
        """An event noun in the clause's setting that names an act of another type than the verb's, done by
        someone it names ('during a visit by Y'; not 'during demonstrations against X', the subject's own)."""
        coded = self.lex.noun([noun.lower_]) or self.lex.noun([noun.lemma_.lower()])
        return noun.dep_ == "pobj" and coded is not None and coded[0].type != c.code.type and bool(
            self._noun_agent(noun) or self._noun_modifiers(noun))

    def _noun_modifiers(self, noun: Token) -> list[Side]:
        """'Israeli strikes', 'Hamas rockets': the actor an event noun's modifier names (a name just before
        the noun counts when the parse did not attach it); a town or a region there says where, not who ('the
        Kabul blast', 'the Parkland shooting'), a state who ('Israeli strikes')."""
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
        modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ == "compound"]
        modifiers = [m for m in modifiers if not self._place_below_a_country(m)]
        found = [s for child in modifiers for s in self.args.actors_at(child)]  # 'army helicopter raids'
        before = noun.doc[noun.i - 1] if noun.i > 0 else None
        if not found and before is not None and before.i in self.args.cover and before.dep_ != "det" and not (
                self._place_below_a_country(before)):
            found = self.args.actors_at(before)
        places = PLACE_KINDS - {"state"}  # 'al-Shabaab': one actor over three modifier tokens
        return [side for side in unique_sides(found) if side.actor.kind not in places]

    def _place_below_a_country(self, token: Token) -> bool:
        """The token names a place the places step resolved below the level of a country ('Kabul', 'Gaza')."""
        return any(p.start <= token.idx < p.end and not p.demonym and p.feature != "country" for p in self.places)

    def _noun_targets(self, noun: Token) -> list[Side]:
        """'strikes on Y towns', 'an attack against Y': who an event noun is aimed at (also when the parse
        hangs the 'on' phrase lower in the noun phrase: 'strikes by X on Y towns')."""
        own = [s for child in noun.children if child.dep_ == "prep" and child.lower_ in AIMED_AT
               for g in child.children if g.dep_ == "pobj" for s in self.args.actors_at(g)]
        if own:
            return own
        return [s for t in noun.subtree if t.dep_ == "prep" and t.lower_ in AIMED_AT and t.head.i != noun.i
                for g in t.children if g.dep_ == "pobj" for s in self.args.actors_at(g)]

    def _noun_agent(self, noun: Token) -> list[Side]:
        """'the army's shelling', 'shelling by the army': who does what a noun or a gerund names."""
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("prep", "agent") and child.lower_ == "by"):
                token = child if child.dep_ == "poss" else next((g for g in child.children if g.dep_ == "pobj"), None)
                if token is not None:
                    return self.args.actors_at(token)
        return []

    def _target_tokens(self, c: Candidate) -> list[tuple[Token, bool]]:
        """Where the recipient may be, most telling first (True: only a place may be found there)."""
        found: list[tuple[Token, bool]] = []
        heads = [*([c.trigger] if c.trigger is not c.verb else []), c.verb,
                 *([c.complement] if c.complement is not None else [])]
        if c.particle is not None and c.particle.dep_ in ("prep", "prt"):  # 'called on X': 'on' may be a particle
            named = c.spec.objects if c.spec is not None else {}  # 'into custody', 'to the streets': the act's kind
            found += [(g, False) for g in c.particle.children if g.dep_ == "pobj" and g.lemma_.lower() not in named]
        found += [(noun, False) for noun in _modified(c)]
        if c.verb.lemma_.lower() in TAKING:  # 'recaptured the town from the insurgents': whom it was
            found += [(g, False) for g in _prep_objects(c.verb, {"from"})]  # taken from, before the place taken
        if c.code.type == "AID":  # 'donated Thai rice to Myanmar': the gift's maker or owner is not who gets it
            found += [(g, False) for head in heads for child in head.children
                      if child.dep_ in ("prep", "dative") and child.lower_ == "to"
                      for g in child.children if g.dep_ == "pobj"]
        children = [list(head.children) for head in heads]  # each read once: a Token is built per access
        comp_subject = subject(c.complement)[0] if c.complement is not None else None
        for head, kids in zip(heads, children):
            if comp_subject is not None and head.i == c.complement.i and comp_subject.i > c.verb.i:
                found.append((comp_subject, False))  # 'demanded that Pakistan release the detainees': the one asked
            for child in kids:
                if child.dep_ in ("dobj", "dative", "attr", "oprd") and child is not c.trigger:
                    found.append((child, False))
                    # 'imposed sanctions on X over the killing of Y': whom the measure is aimed at, before the cause
                    found += [(g, False) for p in child.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
                              for g in p.children if g.dep_ == "pobj"]
                elif child.dep_ == "npadvmod" and child.pos_ == "PROPN" and child.i > head.i and (
                        child.i in self.args.cover):  # 'met Ethiopian Prime Minister Abiy Ahmed' misparsed
                    found.append((child, False))
            for prep in TARGET_PREPS:
                for child in kids:
                    if _no_side(child, c):
                        continue
                    if child.dep_ in ("prep", "dative") and child.lower_ == prep and child is not c.particle:
                        found += [(g, False) for g in child.children if g.dep_ == "pobj"]
        for kids in children:
            for child in kids:
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:  # not 'in a White House statement'
                    found += [(g, True) for g in child.children if g.dep_ == "pobj"
                              and g.lemma_.lower() not in ctx.SPEECH_MEDIA]
        return found

    def _roles(self, c: Candidate, code: Code, sources: list[Side], targets: list[Side]
               ) -> tuple[list[Side], list[Side]]:
        """PLOVER roles: all parties of a meeting or a two-sided fight are actors; a host is the recipient."""
        if c.spec is not None and c.spec.swap:
            if code.mode == "third-party" and c.obj is not None:  # 'Qatar hosted talks between X and Y'
                host = {s.actor.id for s in sources}
                parties = [s for g in _prep_objects(c.obj, ("between",)) for s in self.args.actors_at(g)
                           if s.actor.id not in host]
                if len(unique_sides(parties)) > 1:
                    return unique_sides(parties), []  # PLOVER: an outsider hosts, the parties are the actors
            return targets, sources
        lemma = c.verb.lemma_.lower()
        mutual = code.type == "CONSULT" and code.mode not in ("visit", "third-party")
        if mutual or (lemma in MUTUAL and code.type in ("ASSAULT", "COOPERATE", "AGREE")
                      and self._with_partner(c.verb)):
            # the parties, not the town where they met or fought ('clashed near Alamata'), nor the state whose
            # capital it was ('agreed to a truce in Pretoria', 'resumed talks in Caracas')
            where = self._where_sides(c)
            return sources + [t for t in targets if t not in sources and t.actor.kind != "place"
                              and t not in where], []
        # 'X and Y signed a truce in Havana': the parties are named, the town where they signed is none of them;
        # nor is it for one signer ('the rebels signed a peace deal in Doha'): a signing's other party is named
        if code.type in COOPERATIVE and (len(sources) > 1 or lemma in SIGNING_VERBS):
            where = self._where_sides(c)
            targets = [t for t in targets if t not in where]
        own_forces = code.type in ("RETREAT", "MOBILIZE") or (code.type == "CONCEDE" and c.comp_code is not None
                                                              and c.comp_code.type == "RETREAT")
        if own_forces:  # 'agreed to pull back troops', 'sent troops', 'withdrew its fighters': one's own forces
            own = {s.actor.country for s in sources} | {None}
            # forces surrendered or handed something to ('surrendered the town to Afghan forces') are not moved
            given_to = {s.actor.id for g in _prep_objects(c.verb, {"to"}) for s in self.args.actors_at(g)}
            kept = [t for t in targets if not (t.sector in FIGHTING_SECTORS and t.actor.country in own)
                    or t.actor.id in given_to]
            if code.type == "MOBILIZE" and not kept and kept != targets:  # 'strengthened its forces in Lebanon'
                kept = [s for s in self._where_sides(c) if s.actor.kind == "state" and s.actor.country not in own]
            targets = kept
        return sources, targets

    def _where_sides(self, c: Candidate) -> list[Side]:
        """The actors named only as where the act happened: an 'in' or 'at' phrase of the verb or of its object,
        naming an actor the sentence names nowhere else ('ministers of Chile and Peru held talks in Lima' keep
        Peru)."""
        heads = [c.verb, *([c.obj] if c.obj is not None else [])]
        places = [place for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
                  for place in prep.children if place.dep_ == "pobj"]
        inside = {t.i for place in places for t in place.subtree}
        elsewhere = {mention.actor_id for t in c.verb.sent if t.i not in inside
                     for _, mention in self.args.cover.get(t.i, [])}
        return [side for place in places for side in self.args.actors_at(place) if side.actor.id not in elsewhere]

    def _with_partner(self, verb: Token) -> bool:
        return any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in verb.children) or any(
            c.dep_ == "nsubj" and c.conjuncts for c in verb.children)

    def _participle_s_noun(self, verb: Token) -> Token | None:
        """'villagers attacked by militiamen': the noun a participle of force follows is what was done to it, when
        its 'by' agent names someone ('a commission hit by resignations', 'struck by Islamic terrorism' name no
        one); 'militants backed by Ankara' describes a standing tie, no act."""
        doer = agent(verb) if verb.dep_ == "acl" and verb.tag_ == "VBN" else None
        if doer is None or not (self._animate(doer) or doer.i in self.args.cover):
            return None
        return verb.head

    def _can_host(self, token: Token) -> bool:
        """A visit's object that hosts it: an actor (also by a modifier: 'his Ugandan counterpart'), a person or
        group, or a town or state ('visited Kyiv', 'visited flood victims'); a building or a site is where the visit
        went ('visited a museum', 'toured a factory'), whatever town its 'in' phrase names."""
        lemma = set(normalize_words(token.lemma_))
        building = token.ent_type_ == "FAC" or bool(lemma & (self.book.facility_nouns | PHYSICAL_TARGETS))
        named = [token, *(c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod"))]
        owned = building and any(c.dep_ == "poss" for c in token.children)  # 'visited his home': its owner hosts
        return (owned or any(t.i in self.args.cover for t in named) or self._untagged_town(token)
                or (self._animate(token) and not building))

    def _animate(self, token: Token | None) -> bool:
        """An object that can be harmed or freed: a person (also by a title: 'the officer'), group, place or
        number of people (a year or a share is no number of people: 'received in 2008')."""
        if token is None:
            return False
        words = normalize_words(token.text)
        lemma = normalize_words(token.lemma_)
        if token.lemma_.lower() in COUNTED_PEOPLE and token.ent_type_ not in NOT_PEOPLE:
            counted = counted_noun(token)  # 'dozens' are people; 'millions of dollars' and '$12.5 million' are not
            return counted is token or self._animate(counted)
        if token.lemma_.lower() == "number":  # 'a number of vehicles' is what it counts
            counted = counted_noun(token)
            return counted is not token and self._animate(counted)
        people = token.like_num and token.ent_type_ not in NOT_PEOPLE
        return bool(token.ent_type_ in ("PERSON", "NORP", "GPE", "LOC", "FAC", "ORG") or people
                    or token.pos_ == "PRON" or token.lemma_.lower() in PERSON_NOUNS
                    or self.book.group_noun(words) or self.book.sector_noun(words)
                    or self.book.group_noun(lemma) or self.book.sector_noun(lemma) or self.book.title(lemma)
                    or set(lemma) & self.book.facility_nouns
                    or set(lemma) & PHYSICAL_TARGETS)

    def _criticism(self, c: Candidate, code: Code, sources: list[Side], targets: list[Side], passive: bool) -> bool:
        """'Trump attacked Clinton over her emails': people or parties, none armed and no state, 'attacking' a
        named person or a political body with no weapon and no harm told in the sentence (an attacker the text
        names only as one person, 'a man attacked a teenager', is taken at its word)."""
        if code.mode is not None or not targets or self._instrument(c) is not None:
            return False
        doer = subject(c.verb)[0]
        if not sources and not passive and doer is not None and doer.lemma_.lower() in PERSON_NOUNS:
            return False
        if not all(t.actor.kind in CRITICISED_KINDS and (t.sector or "") not in ARMED_SECTORS for t in targets):
            return False
        if not all(s.actor.kind in UNARMED_KINDS
                   and (s.sector or "") not in ARMED_SECTORS for s in sources):
            return False
        return not any(t.lemma_.lower() in HARM_WORDS for t in c.verb.sent)

    def _beside_words(self, c: Candidate, sources: list[Side]) -> bool:
        """'She attacked the officers and blamed the shootings on bias', 'attacked the governor and mocked his
        record', 'attacked Democrats, blaming them for the circus': an attack joined to a verb of saying or
        judging, or told by one, by a doer that bears no arms and with no weapon named, is made in words."""
        if not sources or self._instrument(c) is not None or any(
                s.actor.kind not in UNARMED_KINDS
                or (s.sector or "") in ARMED_SECTORS for s in sources):
            return False
        beside = [*c.verb.conjuncts, *(t for t in c.verb.children if t.dep_ == "advcl" and t.tag_ == "VBG")]
        return any(v.pos_ == "VERB" and v.lemma_.lower() in SPEECH_VERBS | STANCE_VERBS for v in beside)

    def _untagged_town(self, token: Token) -> bool:
        """A one-word name the tagger left untagged that the gazetteer knows as a town ('aircraft struck Rafah')."""
        return token.pos_ == "PROPN" and not token.ent_type_ and not any(
            c.dep_ in ("compound", "flat") for c in token.children) and bool(self.book.city_country(token.text))

    def _instrument(self, c: Candidate) -> str | None:
        """ASSAULT mode from a weapon named in the clause ('fired rockets', 'helicopters shelled')."""
        scope = [t for t in c.verb.children if t.dep_ not in CLAUSE_DEPS]
        for head in scope:
            for token in head.subtree:
                if _in_clause(token, head):
                    continue  # 'fired into the crowd without warning after protesters threw stones': not its weapon
                mode = self._weapon_mode(token)
                if mode:
                    return mode
        return None

    def _noun_mode(self, c: Candidate) -> str | None:
        """The ASSAULT mode of the event noun a verb reports ('wounded in an air strike': aerial)."""
        noun = self._event_noun(c) if c.trigger is c.verb else None
        entry = noun_entry(noun, self.lex) if noun is not None else None
        return entry[0].mode if entry is not None and entry[0].type == "ASSAULT" else None

    def _weapon_mode(self, token: Token) -> str | None:
        """The ASSAULT mode of a weapon word ('rockets': heavy-weapons), with the word before it ('water cannon',
        'tear gas'), else None."""
        words = normalize_words(token.lemma_) + normalize_words(token.text)
        compound = next((c for c in token.lefts if c.dep_ in ("compound", "amod") and c.i == token.i - 1), None)
        paired = (" ".join(normalize_words(f"{compound.text} {token.text}")),) if compound is not None else ()
        return next((self.lex.modes[key] for key in (*paired, " ".join(normalize_words(token.text)), *words)
                     if key in self.lex.modes), None)

    def _coerced_with_a_weapon(self, c: Candidate, code: Code) -> Code:
        """'dispersed protesters with tear gas': coercion done with a weapon is force (PLOVER ASSAULT, the
        weapon's mode: crowd-control for tear gas, water cannon, rubber bullets)."""
        if code.type != "COERCE":
            return code
        mode = next((m for p in c.verb.children if p.dep_ == "prep" and p.lower_ == "with"
                     for g in p.children if g.dep_ == "pobj" and (m := self._weapon_mode(g))), None)
        return Code("ASSAULT", mode) if mode else code

    def _hypothetical(self, c: Candidate) -> bool:
        if ctx.conditional(c.verb) or ctx.within_condition(c.verb) or ctx.modal(c.verb) or ctx.imperative(c.verb) or (
                c.complement is not None and ctx.conditional(c.complement)):
            return True
        if ctx.unsaid(c.verb) or ctx.proposed(c.verb) or ctx.awaited(c.verb):
            return True  # 'has not said he will back it', 'Let's investigate', 'until the FBI investigates'
        gerund = gerund_head(c.verb)
        if gerund.tag_ == "VBG" and gerund.dep_ in ("dobj", "xcomp") and (
                ctx.modal(gerund.head) or ctx.conditional_mood(gerund.head)):
            return True  # 'options could include indicting the hackers': what could be done
        if any(a.dep_ == "aux" and a.lower_ in RECOMMENDED for a in c.verb.children) and c.reporter is None:
            return True  # 'Mexico should sue': recommended, not done
        if c.trigger.sent.text.rstrip().rstrip("”\"'").endswith("?") or any(
                ch.dep_ == "mark" and ch.lower_ == "whether" for ch in c.verb.children):
            return True  # asked about, not reported ('the question is whether she is prosecuted')
        quote = self.args.cue_quote(c.verb)
        return quote is not None and ctx.conditional_text(self.doc, quote.start, quote.end)

    # -- the record -----------------------------------------------------------------

    def _event(self, c: Candidate, code: Code, sources: list[Side], targets: list[Side], negated: bool,
               hypothetical: bool, reporter: str | None) -> Event:
        sentence = c.trigger.sent
        start, end = _trimmed(sentence)
        quote = self.args.cue_quote(c.verb)
        if quote is not None:
            start, end = min(start, quote.start), max(end, quote.end)
            reporter = None
        trigger = self._trigger_span(c)
        place = ctx.location(self.doc, c.verb, self.places)
        when = ctx.time(self.doc, c.verb, sentence, self.times)
        where = place or ctx.setting(self.doc, c.verb, self.places)
        here = self._place_country(where)
        # a place the act is aimed at ('drones struck Kyiv') is where the targets are, not the doers
        doers_here = "" if place and ctx.acted_on(self.doc, c.verb, place[1], place[2]) else here
        origin = here if where and _after_from(self.doc, where[1]) else ""  # 'accepting refugees from Syria'
        domestic = {s.actor.country for s in sources if s.sector in DOMESTIC_SECTORS and s.actor.country}
        return Event(
            start=start, end=end, type=code.type, mode=code.mode, trigger=doc_text(self.doc)[trigger[0]:trigger[1]],
            trigger_start=trigger[0], trigger_end=trigger[1],
            sources=tuple(s.actor.name for s in sources), targets=tuple(t.actor.name for t in targets),
            source_countries=tuple(_country(s, doers_here, origin) for s in sources),
            target_countries=tuple(_country(t, here or (domestic.pop() if len(domestic) == 1 else ""), origin)
                                   or self._struck_town_country(t, code) for t in targets),
            source_sectors=tuple(s.sector or s.actor.sector or "" for s in sources),
            target_sectors=tuple(t.sector or t.actor.sector or "" for t in targets),
            location=place[0] if place else None, location_start=place[1] if place else None,
            location_end=place[2] if place else None, time=when[0] if when else None,
            time_start=when[1] if when else None, time_end=when[2] if when else None,
            hypothetical=hypothetical, negated=negated, reported_by=reporter,
            source_ids=tuple(s.actor.id for s in sources), target_ids=tuple(t.actor.id for t in targets),
            source_entity_ids=tuple(s.actor.entity_id or "" for s in sources),
            target_entity_ids=tuple(t.actor.entity_id or "" for t in targets),
            reported_by_entity_id=self._reporter_entity(reporter, c),
            mention_starts=(trigger[0],), mention_ends=(trigger[1],),
            **self._date(when), **self._place_fields(place))

    def _struck_town_country(self, side: Side, code: Code) -> str:
        """Force or coercion aimed at a name the tagger read as an organisation or a person but the article's
        places step resolved as a town ('a drone strike on Kharkiv', 'an air strike on Rafah'): its country."""
        if code.type not in FORCE_TYPES or side.actor.kind not in ("organization", "person"):
            return ""
        return next(((alpha_3(p.country) or "") for p in self.places
                     if p.country and p.sense == "literal" and not p.demonym and p.text == side.actor.name), "")

    def _date(self, when: tuple[str, int, int] | None) -> dict[str, str | None]:
        """The sentence's resolved date expression, else the article date (None when neither is known)."""
        value = next((t.value for t in self.times if when and t.start == when[1] and t.type == "DATE" and t.value
                      and t.value[:1].isdigit()), None)
        if value:
            return {"date": value, "date_from": "sentence"}
        article_date = self.doc._.article_date if Doc.has_extension("article_date") else None
        return {"date": article_date, "date_from": "article" if article_date else None}

    def _place_fields(self, place: tuple[str, int, int] | None) -> dict[str, object]:
        """The gazetteer entry of the event's place: coordinates, name and country (None when unresolved)."""
        found = next((p for p in self.places if place and p.start == place[1] and p.name is not None), None)
        if found is None:
            return {}
        return {"lat": found.lat, "lon": found.lon, "place_name": found.name, "place_country": found.country}

    def _reporter_entity(self, reporter: str | None, c: Candidate) -> str | None:
        """The identity (``Actor.entity_id``) of the speaker who reports the event, when it is an actor."""
        if reporter is None:
            return None
        actor = self.args.attribution(c.trigger)[1]
        if actor is not None:
            return actor.entity_id
        quote = self.args.quote_at(c.trigger.idx)
        return quote.speaker_entity_id if quote is not None else None

    def _place_country(self, place: tuple[str, int, int] | None) -> str:
        """The country of the event's place: the place's own country, or its actor's."""
        if place is None:
            return ""
        for p in self.places:
            if p.start == place[1] and p.country:
                return (alpha_3(p.country) or "")
        span = self.doc.char_span(place[1], place[2], alignment_mode="expand")
        sides = self.args.actors_at(span.root) if span is not None else []
        return next((s.actor.country for s in sides if s.actor.country), "")

    def _trigger_span(self, c: Candidate) -> tuple[int, int]:
        token = c.trigger
        start, end = token.idx, token.idx + len(token.text)
        if c.particle is not None and token is c.verb and c.particle.i == token.i + 1:
            end = c.particle.idx + len(c.particle.text)
        doc = token.doc
        if token.i >= 2 and doc[token.i - 1].text in DASHES and not doc[token.i - 1].whitespace_ and not (
                doc[token.i - 2].whitespace_) and token is not c.verb:
            start = doc[token.i - 2].idx  # a hyphenated noun is one word ('sit-ins', not 'ins')
        return start, end


def _in_clause(token: Token, top: Token) -> bool:
    """Is the token inside a clause of its own below ``top`` (an adverbial, relative or coordinated one)?"""
    while token != top:
        if token.dep_ in CLAUSE_DEPS:
            return True
        token = token.head
    return False


CAUSE_WORDS = frozenset({"pro", "anti", "against", "protest", "demand", "solidarity", "support", "over"})
"""Words by which a rally names its cause ('a pro-Hamas rally', 'a rally against the war', 'to protest the tax')."""


def _own_clause(child: Token) -> bool:
    """'Israel condemned the attack, and Iran blamed the United States': a coordinated verb with a subject of its
    own is another clause, whose actors are not this one's; so is a verb of saying or judging with an object of
    its own after a verb that has its own ('Troops attacked the village and blamed the rebels': the rebels are
    blamed, not attacked; in 'struck and destroyed the rebels' positions' the object is both verbs', and in
    'established ties with and opened an embassy in Tehran' the place is both acts')."""
    if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX"):
        return False
    words = child.lemma_.lower() in SPEECH_VERBS | STANCE_VERBS and any(
        g.dep_ == "dobj" for g in child.children) and any(g.dep_ == "dobj" for g in child.head.children)
    return words or any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)


def _names_a_cause(noun: Token) -> bool:
    """Whether a rally's phrase says what it is for or against: then a person holding it leads a demonstration."""
    return any(t.lower_ in CAUSE_WORDS or t.lower_.startswith(("pro-", "anti-")) for t in noun.subtree) or any(
        t.lower_ in CAUSE_WORDS or t.lemma_.lower() in CAUSE_WORDS for t in noun.head.subtree if t.i > noun.i)


def _prep_objects(noun: Token, preps: Collection[str]) -> list[Token]:
    """Objects of the noun's own prepositional phrases headed by one of ``preps``."""
    return [g for child in noun.children if child.dep_ in ("prep", "agent") and child.lower_ in preps
            for g in child.children if g.dep_ == "pobj"]


def _agents_of_noun(noun: Token) -> list[Token]:
    """The doers in the noun's 'by' phrase, also where the parser hung that phrase on the noun of its 'of' phrase
    ('the arrest of the opposition leader by police': a person or a thing takes no 'by' phrase, the act does)."""
    return _prep_objects(noun, ("by",)) or [g for o in _prep_objects(noun, ("of",)) for g in _prep_objects(o, ("by",))]


def _past_force(c: Candidate, code: Code) -> bool:
    """A material conflict act (PLOVER quad 4) told in the past tense."""
    return code.type is not None and QUAD[code.type] == 4 and c.verb.tag_ in ("VBD", "VBN") and not c.future


def _modified(c: Candidate) -> list[Token]:
    """The object of a verb the parser made a modifier of it (``finite_modifiers``)."""
    return [c.verb.head] if c.verb.dep_ == "amod" else []


def _after_from(doc: Doc, start: int) -> bool:
    """Whether the place starting at character ``start`` follows 'from' (perhaps with 'the'): an origin."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    token = span[0]
    before = doc[token.i - 1]
    if before.lower_ == "the" and token.i > 1:
        before = doc[token.i - 2]
    return before.lower_ == "from"


REMOTE_MEANS = frozenset({"phone", "telephone", "videoconference", "video", "videolink", "zoom"})
"""What a consultation by a remote channel goes through (PLOVER CONSULT ``phone``)."""


def _by_phone(verb: Token) -> bool:
    """'spoke by phone', 'talked over the phone', 'discussed … in a phone call', 'met via video link'."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "over", "via", "in", "on"):
            for obj in prep.children:
                words = {t.lower_ for t in obj.subtree}
                if obj.dep_ == "pobj" and words & REMOTE_MEANS and (prep.lower_ != "in" or obj.lemma_ in (
                        "call", "conversation")):
                    return True
    return False


def _country(side: Side, here: str, origin: str = "") -> str:
    """An actor's country; a group the text gives no country takes the event's (CAMEO practice), but not a weapon
    that strikes from afar ('drones struck a refinery in Belgorod' says where they struck, not whose they are), nor
    people away from home ('migrants near Calais', 'settlers near Nablus'), who take only the ``origin`` the
    event's place names ('accepting refugees from Syria')."""
    if side.actor.country:
        return side.actor.country
    words = normalize_words(side.actor.name)
    if load_actorbook(()).from_elsewhere(words):
        return origin
    if " ".join(words) in REMOTE_WEAPONS:
        return ""
    return here if side.actor.kind in GENERIC_KINDS else ""


def _a_town_where(token: Token, args: Arguments) -> bool:
    """A town named in a place phrase ('in Flint'): where, not whom."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in PLACE_PREPS and all(
        s.actor.kind == "place" for s in args.actors_at(token))


def _aside(token: Token, heads: set[int]) -> bool:
    """Whether an actor's place in the clause keeps it from being the recipient: inside an 'about' or
    'during' phrase, or inside the subject of a clause that tells another act beside this one ('… and the
    banker gave …'), the time of it ('after the commission endorsed …') or its reason ('because families have
    waited …'). A condition's subject stays
    ('threatened a strike unless Israel rescinded …': the threat is aimed at Israel)."""
    while token.i not in heads and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in ASIDE_PREPOSITIONS:
            return True
        clause = token.head
        timing = clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS | REASON_MARKS for c in clause.children)
        if token.dep_ == "nsubj" and clause.i not in heads and (clause.dep_ == "conj" or timing):
            return True
        token = token.head
    return False


def _trimmed(sentence: Span) -> tuple[int, int]:
    text = sentence.text
    start = sentence.start_char + (len(text) - len(text.lstrip()))
    return start, start + len(text.strip())


def inherit_sources(doc: Doc, built: list[Built], lex: Lexicon) -> list[Built]:
    """'As a result of these attacks, ... others were arrested': the arrests have the attacks' actors."""
    result: list[Built] = []
    for b in built:
        event = b.event
        if not event.sources and b.passive and event.type in HOSTILE:
            earlier = _referred_event(doc, b, result, lex)
            if earlier is not None:
                event = replace(event, sources=earlier.sources, source_countries=earlier.source_countries,
                                source_sectors=earlier.source_sectors, source_ids=earlier.source_ids,
                                source_entity_ids=earlier.source_entity_ids)
                b = Built(event, b.candidate, b.passive)
        result.append(b)
    return result


def _referred_event(doc: Doc, b: Built, earlier: list[Built], lex: Lexicon) -> Event | None:
    sentence = b.candidate.trigger.sent
    for token in sentence:
        if token.dep_ == "det" and token.lower_ in ("these", "those", "such", "this", "that"):
            noun = lex.noun([token.head.lower_]) or lex.noun([token.head.lemma_.lower()])
            if noun is None:
                continue
            for previous in reversed(earlier):
                e = previous.event
                if e.start < sentence.start_char and e.sources and (
                        e.type == noun[0].type or doc_text(doc)[e.trigger_start:e.trigger_end].lower() == token.head.lower_):
                    return e
    return None


__all__ = ["extract_events"]
