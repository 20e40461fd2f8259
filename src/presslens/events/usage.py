"""Uses of event words that the PLOVER definitions do not count as events, told apart by grammar.

Each rule reads one definition of ``../shared/docs/plover.md``:

* AGREE is a commitment to act ('agreed to reopen', 'agreed on a deal'); agreeing *that* something
  is so, or *with* someone about it, is an opinion.
* THREATEN is a warning of the warner's own coercive act; 'warned that the drought would hurt
  harvests', 'warned residents about the heat' or 'issued warnings about the heat' threatens nothing.
* REJECT refuses a proposal or demand; 'declined to comment' refuses a reporter an answer.
* REQUEST asks someone to act; 'asked how the plan would be paid for' is a question.
* CONSULT is a meeting: discussing something needs a partner ('discussed it with Y', 'X and Y
  discussed'); 'discussed the economy at a lunch' meets no one.
* PROTEST is public dissent; 'demonstrate that' or 'demonstrate an ambition' shows something.
* 'was met with opposition' is how something was received, not a meeting.
* Events are acts of one actor on another: harm aimed at oneself ('shooting itself in the foot')
  is none.
* AGREE is an agreement: 'a good deal of time' is an amount and 'made a big deal of it' a fuss.
* AGREE is a commitment to cooperate (future CONSULT, SUPPORT, COOPERATE, AID): a promise of an act
  that is no event, naming no other party ('promised to cut taxes', 'vowed to form a task force'), is a
  campaign promise; 'agreed to ...' takes a party by its meaning and stays.
* ASSAULT is physical force: 'fired 5,000 employees' dismisses people; one fires weapons, or at someone;
  a population that 'exploded' grew; one person who 'fought in Vietnam' served in a war (no opponent named).
* ASSAULT is deliberate: harm whose stated cause is an accident or a disaster ('when a chemical plant
  exploded', 'after an earthquake struck', 'killed in the avalanche', 'the storm killed 14', or an accident
  told in the sentence before) is none; a weapon as the cause ('when a car bomb exploded') is one.
  So is a collision with a civilian vehicle, and an explosion through a place of industry with no weapon named.
* Events are acts that happened: a habit ('has often been criticized', 'routinely attack') is none, and so is
  what a plan or 'that' would bring about ('the option would allow …').
* Disaster emergency decrees are not COERCE unless used repressively: a restriction on a thing or an activity
  amid a disaster, or a directive to the public ('ordered residents to shelter in place'), is none.
* AGREE takes invitations to visit or meet; 'invited her to sit in the front row' is none. MOBILIZE is a move:
  troops 'stationed near' a place are where they are.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from presslens.actors.book import load_actorbook, normalize_words

from .arguments import acting_noun, agent, subject
from .plover import HOSTILE, Code, Lexicon
from .triggers import Candidate, TriggerFinder, counted_noun

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
PROMISES = frozenset({"promise", "pledge", "vow", "swear", "commit", "undertake"})
"""Verbs of a one-sided promise (not 'agree' or 'accept', which answer a party)."""
PERSONAL = frozenset({"him", "her", "them", "me", "us", "you"})
OPPONENT_PREPS = frozenset({"against", "with", "alongside", "beside"})


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


def empty_warning(c: Candidate, lex: Lexicon, quoted: bool = False, rivals: bool = False) -> bool:
    """A warning that names no coercive act of the warner's (``quoted``: the warning's words are a
    direct quotation, whose content the grammar of the clause does not show: kept). A warning noun
    ('issued warnings about the heat') is read the same way as the verb. One power warning another
    (``rivals``: states, governments, forces, armed groups on both sides) against an act or to do
    something is a coercive warning, its consequences left unsaid ('China warned the Philippines against
    further provocations'; 'warned residents against drinking tap water' threatens no one)."""
    if c.code.type != "THREATEN" or quoted:
        return False
    if rivals and c.trigger.i == c.verb.i and (_clause_prep_objects(c, {"against"}) or (
            c.complement is not None and _infinitive(c.complement))):
        return False
    if c.trigger.i != c.verb.i:
        return c.trigger.lemma_.lower() == "warning" and not _warned_in_noun(c.trigger, lex)
    if c.verb.lemma_.lower() != "warn":
        return False
    if c.comp_code is not None and c.comp_code.type in HOSTILE | {"SANCTION", "REJECT"}:
        return False
    if c.complement is not None and any(ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in OWN_SIDE
                                        for ch in c.complement.children):
        return False  # 'warned that it would retaliate': the warner's own act
    for noun in _clause_prep_objects(c, {"of", "against", "over"}):
        if noun.pos_ == "VERB":  # 'warned of retaliating'; not 'warned residents against drinking tap water'
            coded = TriggerFinder(noun.doc, lex).code_of(noun).code
            if coded is not None and coded.type in HOSTILE:
                return False
            continue
        coded = lex.noun([noun.lower_]) or lex.noun([noun.lemma_.lower()])
        if noun.lower_ in WARNED_ACTS or (coded and coded[0].type in HOSTILE):
            return False
    return True


def _warned_in_noun(noun: Token, lex: Lexicon) -> bool:
    """Does a warning noun say what is warned of: a clause ('a warning that it would ...') or a hostile act
    ('a warning of retaliation')?"""
    if any(child.dep_ in ("acl", "ccomp") for child in noun.children):
        return True
    for obj in _prep_objects(noun, {"of", "against", "over"}):
        coded = lex.noun([obj.lower_]) or lex.noun([obj.lemma_.lower()])
        if obj.pos_ == "VERB" or obj.lower_ in WARNED_ACTS or (coded and coded[0].type in HOSTILE):
            return True
    return False


def question(c: Candidate) -> bool:
    """'asked how/whether ...', 'asked the minister about ...': a question, not a request (which asks someone
    to act or for something)."""
    if c.code.type != "REQUEST" or c.verb.lemma_.lower() not in ("ask", "wonder", "question"):
        return False
    clause = c.complement
    if clause is None:
        preps = {p.lower_ for p in c.verb.children if p.dep_ == "prep"}
        return "about" in preps and "for" not in preps
    if _infinitive(clause):
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


def _promised_act(c: Candidate, lex: Lexicon) -> tuple[Token, Code | None] | None:
    """What a promise promises: its to-clause ('promised to cut'), or a 'to' + gerund ('committed to planting')."""
    if c.complement is not None:
        return c.complement, c.comp_code
    for gerund in _prep_objects(c.verb, {"to"}):
        if gerund.dep_ == "pcomp" and gerund.pos_ == "VERB":
            return gerund, TriggerFinder(gerund.doc, lex).code_of(gerund).code
    return None


def empty_promise(c: Candidate, code: Code, lex: Lexicon, n_targets: int) -> bool:
    """'promised to cut taxes', 'pledged to create jobs': a promise of an act the lexicon codes as no event,
    with no party named to cooperate with ('pledged to work with Australia' names one)."""
    if code.type != "AGREE" or c.control != "commit" or c.verb.lemma_.lower() not in PROMISES or n_targets:
        return False
    promised = _promised_act(c, lex)
    return promised is not None and (promised[1] is None or promised[1].type is None)


def _person(token: Token) -> bool:
    """A person or a group of people: a name (tagged, or a listed person's surname the tagger missed), a
    personal pronoun, a title ('the director'), or a group or sector noun ('employees'), also counted out
    ('thousands of employees')."""
    book = load_actorbook(())
    counted = _prep_objects(token, {"of"}) if token.like_num or token.tag_ == "NNS" else []
    token = counted[0] if counted else token
    words, lemmas = normalize_words(token.text), normalize_words(token.lemma_)
    return bool(token.ent_type_ == "PERSON" or token.lower_ in PERSONAL or book.group_noun(words)
                or book.group_noun(lemmas) or book.sector_noun(words) or book.sector_noun(lemmas)
                or book.title(words) or book.title(lemmas)
                or (token.pos_ == "PROPN" and book.leader_by_surname(token.text) is not None))  # 'Ruto was fired'


AIMED = frozenset({"at", "on", "upon", "into", "toward", "towards"})
"""Prepositions of what a shot is aimed at ('fired on the crowd')."""


def dismissal(c: Candidate, code: Code) -> bool:
    """'fired 5,000 employees', 'the director was fired': 'fire' with a person as its direct object or as the
    subject of its passive dismisses, it does not shoot (unless aimed: 'was fired upon', 'fired at')."""
    if "ASSAULT" not in (code.type, c.code.type) or c.verb.lemma_.lower() != "fire" or c.trigger.i != c.verb.i:
        return False
    if c.particle is not None or any(child.dep_ in ("prep", "prt") and child.lower_ in AIMED
                                     for child in c.verb.children):
        return False
    return any(child.dep_ in ("dobj", "nsubjpass") and _person(child) for child in c.verb.children)


MARKET_NOUNS = frozenset("""
price rate share stock index market inflation currency yield bond export import output production demand sales
profit earnings revenue economy gdp dollar euro pound yen yuan rupee peso lira rouble ruble franc dow nasdaq
nikkei ftse sensex futures commodity value valuation cost wage unemployment trade
""".split())
"""What a market or an economy measures (as lemma or as written): when one of them moves, no actor acts
('prices eased', 'the Dow retreated', 'the rupee weakened')."""


def market_move(c: Candidate) -> bool:
    """A price, a currency, an index or a trade figure as the doer of an act ('wheat prices eased by 3 percent',
    'the Dow retreated 200 points', 'exports collapsed'): PLOVER codes no event where no actor acts."""
    doer, passive = subject(c.verb)
    return (doer is not None and not passive and doer.ent_type_ not in ("PERSON", "GPE", "NORP")  # Ms. Price
            and (doer.lemma_.lower() in MARKET_NOUNS or doer.lower_ in MARKET_NOUNS))


SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")
SCORE_DASHES = frozenset({"-", "–"})
"""Dashes between the two numbers of a score."""
CONTEST_MARGINS = frozenset({"wicket", "wickets", "goal", "goals", "run", "runs", "stroke", "strokes", "length",
                             "lengths", "innings"})
"""What a match is won by ('by eight wickets', 'by two goals')."""
CONTEST_STAGES = frozenset({"final", "finals", "semi-final", "semifinal", "quarter-final", "quarterfinal", "match",
                            "derby", "tournament", "league", "cup", "championship", "playoff", "playoffs",
                            "qualifier", "friendly", "fixture", "showdown"})
"""Matches a result is told 'in' ('beat Ghana in the final')."""
PLAYED_THINGS = frozenset({"ball", "puck", "shuttlecock"})
"""What a player shoots, hits or kicks: no force against anyone."""


def contest_result(c: Candidate, code: Code) -> bool:
    """'Nigeria beat Ghana 2-1 in the final', 'India crushed Pakistan by eight wickets', 'won on penalties': a
    team's result over another, told by a score, a winning margin, penalties or the match, is no force between
    their countries (PLOVER codes sports as no event); force told beside a match ('beat a referee after the
    final') has none of these in its own clause."""
    if code.type not in ("ASSAULT", "COERCE") and c.code.type not in ("ASSAULT", "COERCE"):
        return False
    if c.obj is not None and c.obj.lemma_.lower() in PLAYED_THINGS:
        return True  # 'the striker shot the ball into the net'
    for child in c.verb.children:
        if child.dep_ in ("ccomp", "advcl", "conj", "relcl", "xcomp", "parataxis"):
            continue
        if _score(child):
            return True
        if child.dep_ != "prep":
            continue
        objects = [g for g in child.children if g.dep_ == "pobj"]
        if child.lower_ == "on" and any(g.lemma_.lower() in ("penalty", "aggregate") for g in objects):
            return True
        if child.lower_ == "by" and any(g.lower_ in CONTEST_MARGINS and any(n.like_num for n in g.children)
                                        for g in objects):
            return True
        if child.lower_ == "in" and any(g.lower_ in CONTEST_STAGES and not any(
                p.dep_ == "prep" and p.lower_ == "of" for p in g.children) for g in objects):
            return True
    return False


def _score(token: Token) -> bool:
    """A score hung on the verb ('beat Ghana 2-1', one token or three); not a range that counts a noun ('killed
    2-3 people') nor a date ('2020-09-01')."""
    if token.dep_ in ("nummod", "quantmod"):
        return False
    if SCORE.fullmatch(token.text):
        return True
    doc = token.doc
    start = token.i if token.i + 1 < len(doc) and doc[token.i + 1].text in SCORE_DASHES else token.i - 2
    if start < 0 or start + 2 >= len(doc) or doc[start].whitespace_ or doc[start + 1].whitespace_:
        return False
    dashed = (start > 0 and doc[start - 1].text in SCORE_DASHES) or (
        start + 3 < len(doc) and doc[start + 3].text in SCORE_DASHES)
    return bool(SCORE.fullmatch(doc[start:start + 3].text)) and not dashed


def growth(c: Candidate, code: Code) -> bool:
    """'the prison population exploded': a group of people that 'explodes' grows; a bomb explodes."""
    if "ASSAULT" not in (code.type, c.code.type) or c.verb.lemma_.lower() != "explode" or c.trigger.i != c.verb.i:
        return False  # the lexicon's ASSAULT, whatever near miss the model moved it to
    exploded, _ = subject(c.verb)  # also shared with a verb before it ('stood at ... and has since exploded')
    return exploded is not None and not any(ch.dep_ == "dobj" for ch in c.verb.children) and _person(exploded)


ACCIDENT_VERBS = frozenset({"explode", "collapse", "plunge", "crash", "capsize", "derail", "overturn", "sink",
                            "ignite", "leak", "topple"})
"""What things do by accident: a cause told with one of these, and no weapon as its subject, is no attack."""
CAUSE_MARKS = frozenset({"when", "after", "as"})
CAUSE_PREPS = frozenset({"in", "during", "after", "by", "from", "of", "amid"})
"""Prepositions that give a harm its cause: 'killed in floods', 'hit by rains', 'died of cholera'."""
NOT_CAUSES = frozenset({"cases"})
"""Hazard words that do not name a cause when a harm is told 'in' them ('killed in cases of …')."""


def accident(c: Candidate, code: Code, lex: Lexicon, n_sources: int) -> bool:
    """ASSAULT is deliberate: 'a chemical plant exploded', 'killed when their bus plunged off a bridge', 'killed in
    the earthquake', 'the storm killed 14', 'a boiler exploded, killing five' name an accident or a disaster as the
    cause, and so does the sentence before a harm that tells no cause of its own; 'a car bomb exploded', 'killed
    when a grenade exploded',
    'killed by sniper fire' name a weapon."""
    if code.type != "ASSAULT":
        return False
    clause = _harm_clause(c.verb)
    if _unintended(clause):
        return True  # 'accidentally shot a comrade', 'killed in an accidental shooting'
    for verb in clause:
        doer, passive = subject(verb)
        if doer is not None and not passive and _hazard(doer, lex):
            return True  # the storm killed 14 (also where the model read 'Cholera' opening a sentence as a name)
        if _vehicle(agent(verb) if passive else doer) or _industrial_explosion(verb, lex):
            return True  # 'struck by a bulk carrier', 'an explosion ripped through a fertilizer warehouse'
    if n_sources:
        return False
    if c.verb.lemma_.lower() == "explode" and c.trigger.i == c.verb.i and _accidental(c.verb, lex):
        return True
    if c.verb.tag_ == "VBG" and c.verb.dep_ in ("advcl", "xcomp") and _accidental(c.verb.head, lex):
        return True  # a harm as the result of an accident ('a boiler exploded, killing five workers')
    for verb in clause:
        if any(_accidental(cause, lex) for cause in _cause_clauses(verb)):
            return True
        for child in verb.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in CAUSE_PREPS and any(
                    _hazard(g, lex, child.lower_) for g in _objects(child)):
                return True
    return _after_an_accident(c, clause, lex)


UNINTENDED = frozenset({"accidentally", "inadvertently", "unintentionally", "accidental", "inadvertent",
                        "unintentional"})
"""Words that say a harm was not meant (PLOVER's ASSAULT is deliberate); 'mistakenly shot' is a shot aimed."""


def unmeant(token: Token) -> bool:
    """An act told as unmeant by its own modifier: 'accidentally shot', 'an accidental shooting'."""
    return any(c.dep_ in ("advmod", "amod") and c.lower_ in UNINTENDED for c in token.children)


def _unintended(clause: list[Token]) -> bool:
    """A harm told as unmeant: on the verb, or on the act it came from ('killed in an accidental shooting')."""
    for verb in clause:
        if unmeant(verb):
            return True
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in CAUSE_PREPS and any(unmeant(g) for g in _objects(prep)):
                return True
    return False


def _harm_clause(verb: Token) -> list[Token]:
    """The harm verb with the verbs coordinated with it ('were killed and two injured when …'), also those the
    parse hung on a coordinated number ('killed and more than a dozen injured')."""
    clause = [verb, *verb.conjuncts]
    clause += [t for conj in verb.conjuncts for t in conj.children if t.dep_ == "acl" and t.pos_ == "VERB"]
    return clause


def _cause_clauses(verb: Token) -> list[Token]:
    """Clauses that tell what caused a harm ('… when a tank exploded', '… after the quake struck')."""
    return [child for child in verb.children if child.dep_ == "advcl" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in CAUSE_MARKS for m in child.children)]


def _objects(prep: Token) -> list[Token]:
    """The nouns a preposition governs, also one the parse hung as its clause ('killed by lightning off the coast',
    'lightning' a pcomp), and those coordinated with them."""
    objects = [g for g in prep.children if g.dep_ == "pobj" or (g.dep_ == "pcomp" and g.pos_ == "NOUN")]
    return objects + [conj for o in objects for conj in o.conjuncts]


def _accidental(cause: Token, lex: Lexicon) -> bool:
    """A cause clause that tells an accident or a disaster: something that exploded, collapsed, crashed … with no
    weapon as its subject, or a flood, an earthquake, a fire … as its subject."""
    doer, _ = subject(cause)
    if doer is None:
        return False
    return (_hazard(doer, lex) or cause.lemma_.lower() in ACCIDENT_VERBS and not _weapon(doer, lex)
            or _industrial_explosion(cause, lex) or _vehicle(doer))


def _hazard(noun: Token, lex: Lexicon, prep: str | None = None) -> bool:
    """Does the noun phrase name a disaster, an accident or an epidemic (``lex.hazards``)? Not an 'outbreak of
    fighting' or 'the heat of battle', and 'fire' only where it burns ('in a house fire', 'when fire swept
    through'), not where it is shot ('by sniper fire', 'fire from helicopters')."""
    lemma = noun.lemma_.lower()
    if not lex.hazard(noun) or (prep is not None and lemma in NOT_CAUSES):
        return False
    if _weapon(noun, lex):
        return False
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and not any(_hazard(g, lex) for g in _objects(child)):
            return False
        if lemma == "fire" and child.dep_ == "prep" and child.lower_ == "from":
            return False
    return lemma != "fire" or prep in (None, "in", "during")


CIVIL_VEHICLES = frozenset({"truck", "lorry", "bus", "minibus", "car", "van", "taxi", "train", "ferry", "tanker",
                            "carrier", "freighter", "trawler", "boat", "vessel", "motorcycle"})
"""Vehicles whose striking someone is a collision, PLOVER's accident ('struck by a bulk carrier', 'hit by a truck');
a car bomb, a warship or an aircraft is another matter."""
INDUSTRIAL = frozenset({"plant", "factory", "warehouse", "refinery", "depot", "mine", "pipeline", "mill", "storage",
                        "facility", "silo", "reactor", "boiler", "industrial", "chemical", "chemicals"})
"""Places and stores of industry: an explosion there, with no weapon or doer named, is an industrial accident."""
EXPLOSIONS = frozenset({"explosion", "blast", "fire", "blaze"})


ARMED_VEHICLE_WORDS = frozenset({"bomb", "war", "naval", "navy", "military", "armed", "patrol", "army", "guard",
                                 "coastguard", "police"})
"""Words that make a vehicle an armed one ('naval vessels shelled the coast', 'coast guard vessels used water
cannon' are no collision)."""
WEAPON_VERBS = frozenset({"shell", "fire", "bomb", "shoot", "torpedo", "strafe"})
"""What no vehicle does by accident."""


def _vehicle(noun: Token | None) -> bool:
    return noun is not None and noun.lemma_.lower() in CIVIL_VEHICLES and noun.head.lemma_.lower() not in (
        WEAPON_VERBS) and not any(t.lemma_.lower() in ARMED_VEHICLE_WORDS for t in noun.subtree)


def _industrial_explosion(verb: Token, lex: Lexicon) -> bool:
    """'an explosion ripped through a warehouse of petroleum products', 'explosions tore through an industrial area':
    an explosion whose only named place is one of industry, with no weapon in the clause."""
    doer, passive = subject(verb)
    if doer is None or passive or doer.lemma_.lower() not in EXPLOSIONS or any(_weapon(t, lex) for t in verb.subtree):
        return False
    return any(t.lemma_.lower() in INDUSTRIAL for t in verb.subtree if t.i > verb.i)


def _after_an_accident(c: Candidate, clause: list[Token], lex: Lexicon) -> bool:
    """'A tanker overturned and exploded. Four people were injured.': a harm with no doer, no weapon and no cause of
    its own, told in the sentence right after an accident or a disaster (and no attack), is that accident's ('the
    blasts' of that accident count as no doer of their own)."""
    sentence = c.verb.sent
    doer, passive = subject(c.verb)
    named_doer = doer is not None and not passive and doer.lemma_.lower() not in EXPLOSIONS
    if named_doer or sentence.start == 0 or any(_weapon(t, lex) for t in sentence):
        return False
    if any(ch.dep_ in ("advcl", "agent") for verb in clause for ch in verb.children):
        return False
    before = c.verb.doc[sentence.start - 1].sent
    if any(_weapon(t, lex) for t in before):
        return False
    return any(_accidental(t, lex) for t in before if t.pos_ in ("VERB", "AUX"))


def weapon_cause(c: Candidate, code: Code, lex: Lexicon) -> bool:
    """Harm told with a weapon as its cause ('killed when a bomb exploded', 'killed by a missile', 'a bomb blast
    killed nine') is ASSAULT by PLOVER's definition, whatever else the sentence mentions."""
    if code.type != "ASSAULT":
        return False
    for verb in _harm_clause(c.verb):
        doer, passive = subject(verb)
        if doer is not None and not passive and _weapon(doer, lex):
            return True  # a bomb blast killed nine
        causes = [subject(cause)[0] for cause in _cause_clauses(verb)]
        causes += [g for child in verb.children if child.dep_ == "agent" for g in _objects(child)]
        if any(cause is not None and _weapon(cause, lex) for cause in causes):
            return True
    return False


def _weapon(noun: Token, lex: Lexicon) -> bool:
    """Does the noun phrase name a weapon ('a car bomb', 'a grenade', 'an explosive device')?"""
    return any(t.lower_ in lex.modes or t.lemma_.lower() in lex.modes or t.lemma_.lower() == "explosive"
               for t in noun.subtree)


HABITUAL = frozenset({"often", "routinely", "regularly", "usually", "frequently", "typically", "constantly",
                      "sometimes", "always", "habitually"})
"""Adverbs of habit: PLOVER codes acts that happened, not what someone tends to do ('repeatedly' is acts)."""


def habitual(c: Candidate) -> bool:
    """'has often been criticized', 'rebels routinely attack convoys', 'tourists invade the island every August', 'has
    long supported': a habit or a standing position, no one act (a recurring time, 'every'/'each', counts with the
    simple present)."""
    perfect = any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in c.verb.children)
    for child in c.verb.children:
        if child.dep_ == "advmod" and (child.lower_ in HABITUAL or (perfect and child.lower_ == "long")):
            return True  # 'has long supported closer ties': a standing position
        if c.verb.tag_ in ("VBZ", "VBP") and child.dep_ in ("npadvmod", "advmod") and any(
                g.dep_ == "det" and g.lower_ in ("every", "each") for g in child.children):
            return True
    return False


def own_service(c: Candidate, code: Code) -> bool:
    """'Wilson, who fought in Vietnam, ...': one person who fought, with no opponent named ('fought X', 'against',
    'with'), served in a war; a group that fights ('Kurdish fighters fought in Kobani') is an event."""
    if code.type != "ASSAULT" or c.verb.lemma_.lower() != "fight" or c.trigger.i != c.verb.i:
        return False
    if any(ch.dep_ in ("dobj", "dative") for ch in c.verb.children) or _prep_objects(c.verb, set(OPPONENT_PREPS)):
        return False
    if c.verb.dep_ == "relcl" and any(ch.dep_ == "nsubj" and ch.lower_ == "who" for ch in c.verb.children):
        return c.verb.head.tag_ == "NNP"  # 'Wilson, who fought': one person
    fighter, _ = subject(c.verb)
    return fighter is not None and (fighter.ent_type_ == "PERSON" or fighter.lower_ in ("he", "she", "i"))


PUBLIC = frozenset({"resident", "people", "visitor", "citizen", "local", "public", "driver", "motorist", "family",
                    "household", "tourist", "commuter", "inhabitant", "villager", "everyone", "anyone"})
"""The public a disaster warning is given to ('ordered residents to shelter in place')."""


def safety_directive(c: Candidate, code: Code, lex: Lexicon) -> bool:
    """'a chemical spill prompted officials to order residents to shelter in place': a directive to the public in
    the face of a disaster is disaster management, as PLOVER leaves disaster emergency decrees uncoded."""
    if code.type != "REQUEST" or not any(lex.hazard(t, lemma_only=True) for t in c.verb.sent):
        return False
    asked = [g for g in c.verb.children if g.dep_ in ("dobj", "nsubj") and g.i > c.verb.i]
    asked += [g for g in (c.complement.children if c.complement is not None else ()) if g.dep_ == "nsubj"]
    return any(counted_noun(g).lemma_.lower() in PUBLIC for g in asked)


def emergency_decree(c: Candidate, code: Code, lex: Lexicon) -> bool:
    """'banned the sale of alcohol amid the pandemic': a restriction in the face of a disaster or an epidemic, on
    a thing or an activity rather than on a group, is an emergency decree, which PLOVER leaves uncoded unless used
    repressively ('banned opposition rallies amid the outbreak' names whom it is aimed at, and stays)."""
    if code.type != "COERCE" or code.mode not in ("restrict", "curfew") or not any(
            lex.hazard(t, lemma_only=True) for t in c.verb.sent):
        return False
    objects = [ch for ch in c.verb.children if ch.dep_ in ("dobj", "nsubjpass")]
    words = [t for o in objects for t in (o, *o.lefts, *(g for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                                         for g in p.children if g.dep_ == "pobj"))]
    book = load_actorbook(())
    return bool(objects) and not any(
        t.ent_type_ in ("PERSON", "ORG", "NORP") or book.sector_noun(normalize_words(t.lemma_))
        or book.group_noun(normalize_words(t.lemma_)) for t in words)


def standing_deployment(c: Candidate) -> bool:
    """'the 1,500 troops stationed near Duskwater': a participle saying where forces are is no move of them."""
    return (c.verb.lemma_.lower() in ("station", "base") and c.trigger is c.verb and c.verb.tag_ == "VBN"
            and c.verb.dep_ in ("acl", "amod"))


VISITS = frozenset({"visit", "attend", "join", "meet", "come", "participate", "talk", "tour", "address", "speak",
                    "negotiate", "observe", "mediate", "inspect"})
"""What an invitation PLOVER codes invites to: a visit, a meeting, talks, observing ('invited to sit in the
front row' invites to none)."""
CONSEQUENCE_MODALS = frozenset({"would", "could", "might", "may", "'d"})
ACTING_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})


def invitation_to_no_visit(c: Candidate) -> bool:
    """'invited members of the audience', 'invited her to sit in the front row': an invitation to no visit,
    meeting or talks, or an 'invited' that only describes a noun, is no AGREE."""
    if c.verb.lemma_.lower() != "invite" or c.trigger is not c.verb:
        return False
    if c.verb.dep_ in ("amod", "acl") and c.verb.tag_ == "VBN":
        return True
    goal = next((ch for ch in c.verb.children if ch.dep_ in ("xcomp", "ccomp") and ch.pos_ == "VERB"), None)
    return goal is not None and goal.lemma_.lower() not in VISITS


def consequence(c: Candidate, n_sources: int) -> bool:
    """'the plan would allow people to …', 'that would permit the financing of …': what a thing (a plan, a
    policy, 'that') would or could bring about is no act of anyone ('it' that names an actor is one)."""
    if n_sources or not any(ch.dep_ == "aux" and ch.lower_ in CONSEQUENCE_MODALS for ch in c.verb.children):
        return False
    doer, passive = subject(c.verb)
    if doer is None or passive:
        return False
    return doer.pos_ != "PROPN" and not doer.ent_type_ and doer.lower_ not in ACTING_PRONOUNS and not (
        doer.lower_ in ("who", "that") and c.verb.dep_ == "relcl" and c.verb.head.pos_ == "PROPN") and (
        doer.lower_ in ("that", "this", "it", "which") or doer.pos_ == "NOUN" and not acting_noun(doer))


def not_an_act(c: Candidate, code: Code, lex: Lexicon, n_sources: int, object_actors: bool, n_targets: int,
               quoted: bool = False, rivals: bool = False) -> bool:
    """Does a candidate use an event word in a way the PLOVER definitions do not code as an event?
    (``quoted``: the candidate's verb introduces a direct quotation; ``n_targets``: actors found as its targets;
    ``rivals``: powers on both sides, see ``empty_warning``.)"""
    return (opinion(c) or empty_warning(c, lex, quoted, rivals) or question(c) or showing(c) or reflexive(c)
            or reception(c) or no_comment(c) or deal_idiom(c) or empty_promise(c, code, lex, n_targets) or dismissal(c, code)
            or growth(c, code) or own_service(c, code) or accident(c, code, lex, n_sources) or habitual(c)
            or no_partner(c, code, n_sources, object_actors) or safety_directive(c, code, lex)
            or invitation_to_no_visit(c) or consequence(c, n_sources) or standing_deployment(c)
            or emergency_decree(c, code, lex) or market_move(c) or contest_result(c, code))


__all__ = ["not_an_act", "unmeant", "opinion", "empty_warning", "question", "no_partner", "showing", "reflexive",
           "reception", "no_comment", "deal_idiom", "empty_promise", "dismissal", "growth", "market_move",
           "own_service", "accident", "habitual", "weapon_cause", "safety_directive", "invitation_to_no_visit",
           "consequence", "standing_deployment", "emergency_decree", "contest_result"]
