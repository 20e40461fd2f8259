"""Events named by a noun: 'died in a rebel attack on the market', 'the army's shelling of X left dozens dead'.

News tells much of its force in nouns. A noun of the lexicon's ``nouns`` is an event of its own when the text
presents the act as having happened: it is the setting of a clause ('wounded in', 'fled after', 'during',
'amid'), the subject of a clause that tells what followed ('the strike left dozens dead'), or an act someone
claims ('claimed responsibility for the attack'). A noun that is the object of a verb is the verb's business
(light verbs: 'carried out an attack'; 'fear an attack' is no act), and a noun that gives a coded verb its roles
('killed in an attack by X') or whose relative clause tells the act ('a bombing that killed 20') is not a second
event.

Only PLOVER's material acts named by such nouns are taken (force, coercion, protest): a meeting, a deal or a
threat named by a noun is often planned, hoped for or denied, which the clause around the noun rarely says.
Nouns with a second everyday sense ('strike' of workers, 'fire', 'operation', 'rally' of a market, 'explosion'
of a boiler) count only in a longer entry of the lexicon ('air strike', 'rocket fire').
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.actors.phrases import cue_words

from .arguments import claimant
from .plover import Code, Lexicon
from .triggers import Candidate, TriggerFinder, is_future

NOMINAL_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
SETTING_PREPS = frozenset({"in", "during", "after", "following", "amid", "amidst", "since"})
"""Prepositions that set a clause in or after an event ('wounded in', 'fled after')."""
ROLE_PREPS = frozenset({"in", "during"})
"""Setting prepositions through which a coded verb takes an event noun's roles ('killed in an attack by X')."""
TWO_SENSE_NOUNS = frozenset({"strike", "strikes", "fire", "operation", "operations", "rally", "rallies", "march",
                             "explosion", "explosions", "blast", "blasts", "raid", "raids"})
"""Nouns with an everyday sense besides force or protest: coded only in a longer lexicon entry."""
TOLL_NOUNS = frozenset({"loss", "casualty", "death", "injury", "damage", "fatality"})
"""What an attack costs, whose 'in' phrase names the attack ('suffered heavy losses in air strikes'); not 'a role
in the massacre' or 'a suspect in the shootings'."""
UNREAL_MODIFIERS = frozenset({"possible", "potential", "future", "planned", "imminent", "threatened", "feared",
                              "expected", "any", "no"})
"""Modifiers of an event noun that make it an act not (yet) done."""
PATIENT_MODES = frozenset({"arrest", "sexual"})
"""Modes whose noun takes its patient as possessive ('her arrest', 'their rape')."""


def nominal_candidates(doc: Doc, lex: Lexicon, found: list[Candidate]) -> list[Candidate]:
    """Event nouns presented as acts that happened, each with the clause verb that sets it."""
    coded = [c for c in found if c.code.type]
    coded_verbs = {c.verb.i for c in coded}
    taken = {c.trigger.i for c in coded} | {c.obj.i for c in coded if c.obj is not None and not _setting(c.obj)}
    candidates = []
    for noun in doc:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in taken:
            continue
        code = _code(noun, lex)
        verb = _setting_verb(noun, coded_verbs) if code is not None else None
        if code is None or verb is None or _unreal(noun) or is_future(verb) or any(
                c.dep_ == "relcl" and c.i in coded_verbs for c in noun.children):
            continue  # 'a bombing that killed 20': the relative clause's verb tells the act
        candidate = Candidate(verb=verb, trigger=noun, code=code, nominal=True)
        if TriggerFinder.is_event(candidate):
            candidates.append(candidate)
    return candidates


def noun_entry(noun: Token, lex: Lexicon) -> tuple[Code, str] | None:
    """The lexicon's code of an event noun with its compounds and adjectives, and the matched entry ('Russian
    drone strike': ASSAULT/drone, 'drone strike'); never by a noun its 'of' phrase names ('warnings of an
    attack')."""
    words, lemmas = cue_words(noun)
    return lex.noun(list(words)) or lex.noun(list(lemmas))


def _code(noun: Token, lex: Lexicon) -> Code | None:
    """The noun's code when it is a material act, and its entry is unambiguous."""
    match = noun_entry(noun, lex)
    if match is None or match[0].type not in NOMINAL_TYPES or match[1] in TWO_SENSE_NOUNS:
        return None
    return match[0]


def _setting(noun: Token) -> bool:
    """The noun is the object of a setting preposition ('after the assassination')."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in SETTING_PREPS


def _setting_verb(noun: Token, coded_verbs: set[int]) -> Token | None:
    """The verb of the clause the noun is the setting or the subject of; None when the noun is anything else
    or gives a coded verb its roles."""
    if _setting(noun):
        verb = noun.head.head
        if verb.dep_ == "dobj" and verb.lemma_.lower() in TOLL_NOUNS and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # 'suffered heavy losses in air strikes': the parse hung the setting on the toll
        if verb.pos_ not in ("VERB", "AUX") or (noun.head.lower_ in ROLE_PREPS and verb.i in coded_verbs):
            return None
        return verb
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and noun.head.i not in coded_verbs:
        return noun.head
    if claimant(noun) is not None:
        return noun.head.head.head  # 'X claimed responsibility for the attack': the claim tells it was done
    return None


def _unreal(noun: Token) -> bool:
    """'a possible attack', 'no arrests', 'an expected raid': an act not presented as done."""
    return any(c.dep_ in ("amod", "det") and c.lower_ in UNREAL_MODIFIERS for c in noun.children)


__all__ = ["PATIENT_MODES", "nominal_candidates", "noun_entry"]
