"""Uses of event words that the PLOVER definitions do not count as events, told apart by grammar.

Each rule reads one definition of ``../shared/docs/plover.md``:

* AGREE is a commitment to act ('agreed to reopen', 'agreed on a deal'); agreeing *that* something
  is so, or *with* someone about it, is an opinion.
* THREATEN is a warning of the warner's own coercive act; 'warned that the drought would hurt
  harvests' or 'warned residents about the heat' threatens nothing.
* REJECT refuses a proposal or demand; 'declined to comment' refuses a reporter an answer.
* REQUEST asks someone to act; 'asked how the plan would be paid for' is a question.
* CONSULT is a meeting: discussing something needs a partner ('discussed it with Y', 'X and Y
  discussed'); 'discussed the economy at a lunch' meets no one.
* PROTEST is public dissent; 'demonstrate that' or 'demonstrate an ambition' shows something.
* 'was met with opposition' is how something was received, not a meeting.
* Events are acts of one actor on another: harm aimed at oneself ('shooting itself in the foot')
  is none.
* AGREE is an agreement: 'a good deal of time' is an amount and 'made a big deal of it' a fuss.
"""

from __future__ import annotations

from spacy.tokens import Token

from .plover import HOSTILE, Code, Lexicon
from .triggers import Candidate

QUESTION_WORDS = frozenset({"how", "whether", "if", "what", "why", "when", "who", "whom", "which", "where"})
REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "yourself", "yourselves", "myself",
                        "ourselves", "oneself"})
WARNED_ACTS = frozenset({"consequences", "retaliation", "reprisals", "response", "action", "measures"})
"""What a warning may name instead of a coded act: 'warned of consequences' is a coercive warning."""
PARTNER_PREPS = frozenset({"with", "between", "to"})
SPEECH = frozenset({"comment", "say", "answer", "elaborate", "speak", "respond", "discuss", "confirm", "specify"})
"""What a source declines to do when it declines to comment."""
OWN_SIDE = frozenset({"it", "they", "we", "he", "she", "i"})
"""Subjects of a warned act that refer back to the warner ('Iran warned that it would ...')."""


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children) or token.dep_ == "xcomp"


def _prep_objects(verb: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children
            if g.dep_ in ("pobj", "pcomp")]


def _clause_prep_objects(c: Candidate, preps: set[str]) -> list[Token]:
    """Prepositional objects on the verb or on its object ('discussed exports with Y', 'warned Y of Z')."""
    heads = [c.verb, *(ch for ch in c.verb.children if ch.dep_ in ("dobj", "dative"))]
    return [g for head in heads for g in _prep_objects(head, preps)]


def opinion(c: Candidate) -> bool:
    """'agreed that ...', 'agreed with X', a bare 'agreed': no commitment to act."""
    if c.verb.lemma_.lower() != "agree" or c.trigger is not c.verb:
        return False
    if c.complement is not None and _infinitive(c.complement):
        return False
    has_object = any(ch.dep_ == "dobj" for ch in c.verb.children) or _prep_objects(c.verb, {"on", "to", "upon"})
    return not has_object


def empty_warning(c: Candidate, lex: Lexicon, quoted: bool = False) -> bool:
    """A warning that names no coercive act of the warner's (``quoted``: the warning's words are a
    direct quotation, whose content the grammar of the clause does not show: kept)."""
    if c.verb.lemma_.lower() != "warn" or c.code.type != "THREATEN" or quoted:
        return False
    if c.comp_code is not None and c.comp_code.type in HOSTILE | {"SANCTION", "REJECT"}:
        return False
    if c.complement is not None and any(ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in OWN_SIDE
                                        for ch in c.complement.children):
        return False  # 'warned that it would retaliate': the warner's own act
    for noun in _clause_prep_objects(c, {"of", "against", "over"}):
        coded = lex.noun([noun.lower_]) or lex.noun([noun.lemma_.lower()])
        if noun.pos_ == "VERB" or noun.lower_ in WARNED_ACTS or (coded and coded[0].type in HOSTILE):
            return False
    return True


def question(c: Candidate) -> bool:
    """'asked how/whether ...': a question, not a request."""
    if c.code.type != "REQUEST" or c.verb.lemma_.lower() not in ("ask", "wonder", "question"):
        return False
    clause = c.complement
    if clause is None or _infinitive(clause):
        return False
    return any(t.lower_ in QUESTION_WORDS for t in clause.subtree if t.i < clause.i)


def no_partner(c: Candidate, code: Code, n_sources: int, object_actors: bool) -> bool:
    """Discussing or talking about something with no one named to meet."""
    if c.verb.lemma_.lower() not in ("discuss", "talk") or code.type not in ("CONSULT", "AGREE"):
        return False
    if n_sources > 1 or object_actors:
        return False
    return not _clause_prep_objects(c, set(PARTNER_PREPS))


def showing(c: Candidate) -> bool:
    """'demonstrate that ...', 'demonstrated an ambition': to show, not to protest."""
    if c.verb.lemma_.lower() != "demonstrate" or c.code.type != "PROTEST":
        return False
    return any(ch.dep_ in ("dobj", "ccomp", "dative") for ch in c.verb.children) or bool(
        _prep_objects(c.verb, {"to"}))


def no_comment(c: Candidate) -> bool:
    """'declined to comment', 'refused to say': not answering a reporter is no rejection of a proposal."""
    return (c.code.type == "REJECT" and c.complement is not None and _infinitive(c.complement)
            and c.complement.lemma_.lower() in SPEECH)


def reception(c: Candidate) -> bool:
    """'was met with opposition': how something was received, not a meeting."""
    passive = any(ch.dep_ in ("nsubjpass", "auxpass") for ch in c.verb.children)
    return c.verb.lemma_.lower() == "meet" and passive and bool(_prep_objects(c.verb, {"with"}))


def reflexive(c: Candidate) -> bool:
    """Harm aimed at the actor itself ('shooting itself in the foot', 'killing themselves')."""
    return (c.obj is not None and c.obj.lower_ in REFLEXIVES and c.code.mode != "suicide-attack"
            and c.verb.lemma_.lower() != "blow")  # 'blew himself up' is a suicide attack


def deal_idiom(c: Candidate) -> bool:
    """'a good/great deal of', 'made a big deal of/about/out of it', 'no big deal': no agreement."""
    noun = c.trigger
    if noun.lemma_.lower() != "deal" or noun.pos_ != "NOUN":
        return False
    adjectives = {ch.lower_ for ch in noun.children if ch.dep_ == "amod"}
    preps = {ch.lower_ for head in (noun, c.verb) for ch in head.children if ch.dep_ == "prep"}
    if adjectives & {"good", "great"}:
        return "of" in preps or noun.dep_ == "npadvmod"
    if "big" in adjectives:
        return bool(preps & {"of", "about", "out"}) or any(ch.lower_ == "no" for ch in noun.children)
    return False


def not_an_act(c: Candidate, code: Code, lex: Lexicon, n_sources: int, object_actors: bool,
               quoted: bool = False) -> bool:
    """Does a candidate use an event word in a way the PLOVER definitions do not code as an event?
    (``quoted``: the candidate's verb introduces a direct quotation.)"""
    return (opinion(c) or empty_warning(c, lex, quoted) or question(c) or showing(c) or reflexive(c) or reception(c)
            or no_comment(c) or deal_idiom(c)
            or no_partner(c, code, n_sources, object_actors))


__all__ = ["not_an_act", "opinion", "empty_warning", "question", "no_partner", "showing", "reflexive", "reception",
           "no_comment", "deal_idiom"]
