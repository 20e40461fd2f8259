"""The cue lexicon: words that introduce what someone says, believes, reports or intends.

Written from the usual classes of reporting predicates (speech acts, cognition,
intention, evidence from documents). Which complements carry a cue's content
depends on its class: a clause (``that``-clause, a quotation) always does; a
``to``-infinitive for intentions and directives; a plain noun-phrase object
only for verbs whose object is itself a statement (deny the charge, cite a
study, point out a failure).
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.core.nlp import PERSON_ROLE_NOUNS

SPEECH_VERBS = frozenset("""
say tell add state announce declare explain note remark comment mention observe stress emphasize
emphasise insist maintain assert claim allege argue contend deny admit acknowledge concede confirm
reveal disclose report write tweet post testify reply respond answer retort ask wonder urge demand
warn caution threaten promise pledge vow predict forecast estimate suggest propose recommend advise
recall describe charge accuse complain lament boast joke quip shout yell whisper exclaim counter
rebut dispute repeat reiterate conclude indicate signal hint imply speculate recount inform notify
assure reassure plead order instruct clarify specify cite quote echo underline underscore highlight
question criticize criticise condemn denounce praise welcome concur agree object protest brief swear
guarantee proclaim affirm reaffirm encourage beg email e-mail message telephone phone text broadcast blog rule
""".split())
"""Verbs of saying."""

BELIEF_VERBS = frozenset("""
believe think feel know expect fear hope suspect doubt assume presume reckon suppose consider worry
realize realise understand recognize recognise learn hear remember imagine wish trust anticipate
accept judge deem
""".split())
"""Verbs of cognition and attitude: content only as a clause (believe that …)."""

INTENT_VERBS = frozenset("""
want intend plan decide seek vow pledge promise threaten hope offer agree demand refuse decline
""".split())
"""Verbs of intention: content as a ``to``-infinitive or a clause; refusing and declining state an
intention not to (refused to testify), trying is an act, not a cue."""

EVIDENCE_VERBS = frozenset("""
show find indicate suggest reveal estimate report conclude document record confirm project calculate
""".split())
"""What documents, studies and polls do with a finding."""

OBJECT_CONTENT_VERBS = frozenset("""
deny admit acknowledge concede confirm reveal disclose cite mention announce report predict forecast
estimate propose recommend recall describe question dispute reject reiterate repeat demand quote
highlight underline underscore stress emphasize emphasise point criticize criticise condemn denounce
praise welcome call urge warn show find indicate document record project calculate note claim signal
declare express voice outline detail unveil defend dismiss offer promise pledge vow threaten request
""".split())
"""Verbs whose plain object is itself the content (they denied the report)."""

DIRECTIVE_VERBS = frozenset("""
urge ask call order instruct advise warn tell encourage demand plead beg invite press
""".split())
"""Speech verbs whose content may be an object plus ``to``-infinitive (urged them to leave)."""

STANCE_VERBS = frozenset("""
endorse support back oppose defend reject dismiss blast slam mock ridicule deride decry chastise rebuke scold
castigate lambaste berate disparage belittle denigrate applaud hail commend laud tout champion embrace blame
disavow repudiate bemoan
""".split())
"""Verbs taking a public stance on something (endorsed the plan, blamed X for Y): the object is the content.

In a relative or participle clause (parties that oppose the plan) they describe the noun, in the
writer's voice, and are not cues."""

_DESCRIPTIVE_DEPS = frozenset({"relcl", "acl", "amod"})

MEDIUM_PREPOSITIONS = frozenset({"in", "through", "via"})
"""Prepositions naming the act or document a speaker speaks through (said in a statement that …)."""

ISSUING_VERBS = frozenset({"issue", "release", "post", "send", "write", "deliver", "sign", "file", "lodge", "submit",
                           "pen", "draft"})
"""Verbs whose subject is the author of the document they take as object ('issued a statement', 'sent a letter'):
not 'obtained a memo', 'read the report', nor 'published a policy paper', which may be someone else's."""

def producer(noun: Token, verbs: frozenset[str]) -> Token | None:
    """The subject of the verb that makes ``noun`` as its object (one of ``verbs``: 'X made a claim', 'X issued a
    statement') or speaks through it ('X said in a statement')."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ in MEDIUM_PREPOSITIONS and verb.head.lemma_.lower() in SPEECH_VERBS:
        verb = verb.head
    elif noun.dep_ != "dobj" or verb.lemma_.lower() not in verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


PASSIVE_RAISING_VERBS = frozenset({"expect", "believe", "think", "say", "report", "know", "consider", "rumor",
                                   "rumour", "estimate", "project", "predict", "reckon", "suppose", "allege"})
"""Verbs whose passive takes an infinitive (X is expected to win): with no agent, a sourceless attribution."""

EVIDENTIAL_VERBS = frozenset({"seem", "appear"})
"""Verbs of seeming: what seems so (the plan seems to have failed; it appears that …) is a judgement
on evidence that the sentence gives no source for."""

VIEWING_VERBS = frozenset({"see", "view", "regard", "perceive"})
"""Verbs that state a view only as 'X as Y' (critics see the law as an attack): the object and its 'as'
phrase are the content, like a stance."""

QUOTE_ONLY_VERBS = frozenset({"continue", "go"})
"""Verbs that are cues only when their content is a quotation (he continued: “…”)."""

PHRASAL_CUES: dict[str, tuple[str, ...]] = {
    "point": ("out", "to"), "call": ("on", "upon", "for"), "lash": ("out",), "speak": ("out", "of", "about"),
    "cry": ("out",), "talk": ("about",),
}
"""Verbs that are cues only with one of these particles or prepositions (pointed out, called on)."""

CONTENT_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "call": ("on", "upon", "for"), "speak": ("of", "about"), "talk": ("about",), "point": ("to",),
    "warn": ("of", "about", "against"), "complain": ("about", "of"), "comment": ("on",), "insist": ("on",),
    "ask": ("about", "for"), "agree": ("on", "to"), "testify": ("about", "on"), "write": ("about", "of"),
    "boast": ("about", "of"), "hint": ("at",), "report": ("on",), "think": ("about", "of"),
    "worry": ("about",), "hope": ("for",), "plead": ("for",), "accuse": ("of",),
    "blame": ("for", "on"), "dismiss": ("as",), "praise": ("for", "as"), "criticize": ("for",), "criticise": ("for",),
    "attack": ("for", "over", "as"),
}
"""Prepositions whose object is that cue's content (warned of …, spoke about …, called for …)."""

GENERAL_PREPOSITIONS = {"speech": ("about", "against"), "belief": ("about",)}
"""Prepositions whose object is the content of any cue of a class (talked about …, argued against …)."""

ORGANIZATION_NOUNS = frozenset("""
ministry department agency office government administration army military police committee council
commission court group movement organization organisation company firm bureau authority authorities
union party campaign coalition alliance parliament congress senate board institute center centre
network station newspaper service command embassy opposition junta regime militia resistance
guard navy gendarmerie
""".split())
"""Head nouns naming an institution (``the ministry`` refers back to a named one); a government's and
its opponents' alike (``the government``, ``the opposition``, ``the junta``, ``the resistance``)."""

GROUP_NOUNS = frozenset("""
rebels insurgents militants separatists militias guerrillas paramilitaries troops forces police authorities
""".split())
"""Plural nouns for an organised armed or state body, on any side: as a source it speaks as a body
(a claim), like ``the government``. Individuals (``officials``, ``soldiers``, ``fighters``) and the
singular (``a rebel said``) speak as people."""

DOCUMENT_NOUNS = frozenset("""
report study survey poll polls data figures statement document analysis estimate estimates census
records research review assessment investigation audit filing memo letter ruling findings tally count
complaint lawsuit suit indictment affidavit dossier statistics database journal
""".split())
"""Head nouns of documents that make claims (the report says …)."""

TITLE_WORDS = frozenset("""
mr mrs ms miss dr prof professor sir dame gen general president vice minister prime secretary senator sen
rep representative gov governor mayor judge justice colonel col captain capt lieutenant lt sergeant sgt
commander chief ambassador sheikh king queen prince princess emir pope bishop rev chancellor premier
""".split())
"""Titles written before a name (General, Dr., Prime Minister): they are a role, not part of the name."""

PEOPLE_NOUNS = frozenset("""
people person man woman men women voter resident citizen critic expert observer economist scientist
researcher scholar historian analyst supporter opponent protester demonstrator participant respondent
source insider witness victim survivor family relative parent mother father wife husband son daughter
student teacher worker employee staff staffer doctor nurse member friend neighbor neighbour colleague
ally rival group crowd audience public majority minority percent share soldier rebel insurgent separatist
guerrilla militia delegation side crew team thousand hundred dozen million
""".split())
"""Nouns for people (or a share of them) who can say or think something without being named."""

MEDIA_NOUNS = frozenset("""
ad advert advertisement clip video footage slide chart book article editorial column post tweet website
site page message email note paper text transcript speech letter film documentary headline decree
resolution recording testimony remarks interview account
""".split())
"""Nouns for things that carry a message (the ad says …), beside ``DOCUMENT_NOUNS``."""

PLACE_BODY_NOUNS = frozenset("""
state country nation city county town village province region republic kingdom
""".split())
"""Places that act through their institutions (the state said …): a source, though not a named one."""

FEMININE_WORDS = frozenset("""
she her hers herself mrs ms miss madam dame lady queen princess empress duchess spokeswoman chairwoman
congresswoman businesswoman councilwoman woman women girl wife mother daughter sister aunt widow grandmother
""".split())
MASCULINE_WORDS = frozenset("""
he him his himself mr sir lord king prince emperor duke spokesman chairman congressman businessman
councilman man men boy husband father son brother uncle widower grandfather
""".split())
"""Words that show a person's grammatical gender (titles, role nouns, pronouns): written for agreement."""

FUNCTION_WORDS = frozenset("""
i me my we us our you your he him his she her it its they them their one ones this that these those who whom
whose which what whatever whoever there here some any many much most more few several all both each either
neither none nobody somebody someone anybody anyone everybody everyone other others another such same
attributed a an the
""".split())
"""Words that are never a speaker's name (a pronoun left unresolved is ``unresolved``, not a name)."""

SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
ORGANIZATION_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})

_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"})


def content_prepositions(lemma: str, kind: str) -> tuple[str, ...]:
    """The prepositions introducing this cue's content."""
    return CONTENT_PREPOSITIONS.get(lemma, ()) + GENERAL_PREPOSITIONS.get(kind, ())


def _descriptive(verb: Token) -> bool:
    """Whether a verb (or the first verb it is coordinated with) sits in a relative or participle clause."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ in _DESCRIPTIVE_DEPS


def object_predicate(verb: Token) -> bool:
    """Whether a verb has an object predicate ('called X a gang', 'called the attack by X a massacre').

    Besides ``oprd``, a noun phrase closing the object with no comma between, that the parse hung on the
    object (or on a name inside it) as an apposition: the same construction, whatever names the object holds.
    """
    if any(c.dep_ == "oprd" for c in verb.children):
        return True
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        closing = [t for t in obj.subtree if t.dep_ == "appos" and t.pos_ == "NOUN" and t.right_edge == obj.right_edge]
        if any(not any(t.is_punct for t in verb.doc[obj.i + 1:a.left_edge.i]) for a in closing):
            return True
    return False


def _naming(verb: Token) -> bool:
    """A participle that gives the noun it follows its name, with nobody doing the calling ('a group
    called the Northern Shield', 'the program, called EB-5'; not 'a reform called reckless by its
    critics', nor 'the letter called Oz a quack' or "a bill, which X called ''crap''", which the
    parser may hang on a noun)."""
    complements = [c for c in verb.children if c.dep_ in ("oprd", "dobj")]
    return (verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and len(complements) == 1
            and (complements[0].pos_ == "PROPN" or complements[0].text[:1].isupper())
            and not any(c.dep_ in ("agent", "nsubj") for c in verb.children))


def cue_class(token: Token) -> str | None:
    """``speech``, ``belief``, ``intent``, ``evidence``, ``stance`` or ``quote-only`` for a cue verb, else None."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in _VERB_TAGS:
        return None
    lemma = token.lemma_.lower()
    if lemma in PHRASAL_CUES:
        if any(c.dep_ in ("prt", "prep") and c.lower_ in PHRASAL_CUES[lemma] for c in token.children):
            return "speech"
        if lemma == "call" and _naming(token):
            return None  # 'a group called Lashkar', 'the program, called EB-5': a name, not a saying
        if lemma == "call" and (any(c.dep_ == "ccomp" for c in token.children) or object_predicate(token)):
            return "speech"
        return None
    if lemma in QUOTE_ONLY_VERBS:
        return "quote-only"
    if lemma in SPEECH_VERBS:
        return "speech"
    if lemma in EVIDENCE_VERBS or lemma in EVIDENTIAL_VERBS:
        return "evidence"
    if lemma in BELIEF_VERBS:
        return "belief"
    if lemma in INTENT_VERBS:
        return "intent"
    if lemma in STANCE_VERBS and not _descriptive(token):
        return "stance"
    if lemma in ATTACK_VERBS and not _descriptive(token) and _attack_in_words(token):
        return "stance"
    if lemma in VIEWING_VERBS and _object_as(token):  # investors who see X as Y: still their view
        return "stance"
    return None


ATTACK_VERBS = frozenset({"attack"})
"""Verbs of force also said of criticism ('Trump attacked Clinton for her emails')."""
PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})
HARM_WORDS = frozenset({"kill", "wound", "injure", "hurt", "stab", "beat", "punch", "kick", "shoot", "hospital",
                        "hospitalise", "hospitalize", "knife", "gun", "blood", "bleed", "drag", "rape", "choke"})
"""Words of bodily harm: an attack told with one of them is physical (also for events)."""
FORCE_WORDS = frozenset({"bomb", "missile", "rocket", "drone", "troops", "soldier", "police", "dead", "die", "fire",
                         "weapon"})
"""Weapons, armed bodies and deaths: an attack told with one of them is not a stance."""


def _attack_in_words(verb: Token) -> bool:
    """'attacked Clinton over her emails', 'attacked the hateful ideology': a person or a party attacking a named
    person, party or idea in a sentence that tells no harm and names no weapon is criticism, a stance."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not subjects or not objects:
        return False
    doer, target = subjects[0], objects[0]
    if not (doer.ent_type_ in ("PERSON", "ORG") or doer.lower_ in PERSONAL_SUBJECTS):
        return False
    if target.ent_type_ in ("GPE", "LOC", "FAC") or target.lemma_.lower() in ("town", "city", "village", "base",
                                                                              "convoy", "position", "camp"):
        return False
    return not any(t.lemma_.lower() in HARM_WORDS | FORCE_WORDS for t in verb.sent)


def _object_as(verb: Token) -> bool:
    """Whether a verb has an object and an 'as' phrase after it (see X as Y), wherever the parse hung it."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and any(t.dep_ == "prep" and t.lower_ == "as" and t.i > objects[0].i and (
        t.head == verb or t.head == objects[0]) for t in verb.subtree)


__all__ = [
    "SPEECH_VERBS", "BELIEF_VERBS", "INTENT_VERBS", "EVIDENCE_VERBS", "OBJECT_CONTENT_VERBS", "DIRECTIVE_VERBS",
    "GROUP_NOUNS", "STANCE_VERBS", "VIEWING_VERBS", "PASSIVE_RAISING_VERBS", "EVIDENTIAL_VERBS", "QUOTE_ONLY_VERBS", "PHRASAL_CUES", "CONTENT_PREPOSITIONS", "GENERAL_PREPOSITIONS", "ORGANIZATION_NOUNS",
    "DOCUMENT_NOUNS", "PERSON_ROLE_NOUNS", "TITLE_WORDS", "SINGULAR_PRONOUNS", "ORGANIZATION_PRONOUNS", "PLURAL_PRONOUNS",
    "RELATIVE_PRONOUNS", "FIRST_PERSON", "PEOPLE_NOUNS", "MEDIA_NOUNS", "PLACE_BODY_NOUNS", "FEMININE_WORDS", "MASCULINE_WORDS",
    "FUNCTION_WORDS", "HARM_WORDS", "FORCE_WORDS", "content_prepositions", "cue_class", "object_predicate",
]
