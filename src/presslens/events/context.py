"""Where, when and how sure: location and time of an event, and whether it is conditional or negated."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from presslens.core.parse_repairs import TIME_LABELS
from presslens.core.schema import Place, TimeRef

LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "along", "into",
                      "within", "over"})
CONDITION_MARKS = frozenset({"if", "unless"})
INVERTED_AUX = frozenset({"should", "were", "had"})
MODAL_AUX = frozenset({"could", "might", "may", "can", "ca"})
"""Auxiliaries of a possible act, not a done one ('ca' is 'can' before "n't")."""
PLACE_LABELS = ("GPE", "LOC", "FAC")
PLACE_NOUNS = frozenset({"port", "city", "town", "village", "camp", "district", "province", "region", "island"})
SPEECH_MEDIA = frozenset({"speech", "remark", "tweet", "post", "interview", "statement", "ad", "advert",
                          "advertisement", "commercial", "op-ed", "editorial", "column", "debate", "sermon", "letter",
                          "podcast", "blog", "memo", "book", "essay", "briefing", "conference", "address", "comment",
                          "message", "broadcast", "newsletter", "media", "twitter", "facebook", "instagram",
                          "telegram", "tiktok", "youtube"})
"""Things said or written: an act done in or through one of them is done in words ('attacked X in a speech')."""
POLICY_NOUNS = frozenset({"proposal", "plan", "policy", "bill", "law", "legislation", "budget", "decision", "ruling",
                          "measure", "reform", "agenda", "idea", "strategy", "approach", "stance", "response",
                          "handling", "deal", "agreement", "claim", "remarks", "comments", "report", "rhetoric",
                          "nomination", "candidacy", "platform"})
"""Ideas, policies and words: what is 'attacked' as one of them is attacked in words ('attacked the president's
budget proposal'); PLOVER's ASSAULT harms people or property (not 'position', which may be a military one, nor
'programme', which may be a nuclear one struck from the air)."""
SPEECH_PREPOSITIONS = frozenset({"in", "on", "during", "through", "via"})
COMPLETING = frozenset({"ccomp", "xcomp", "oprd"})
"""Clauses that complete a verb: what is inside a conditional verb's completion is inside the condition."""
RULING_OUT = frozenset({"chance", "sign", "evidence", "indication", "proof", "prospect", "possibility", "likelihood",
                        "way", "intention", "plan"})
"""Nouns that, with 'no', say that the clause they govern did not or will not happen ('no chance she will ...')."""


def clause_range(verb: Token) -> tuple[int, int]:
    """Character range of a clause: the verb's subtree."""
    return verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)


def _within(start: int, end: int, outer: tuple[int, int]) -> bool:
    return outer[0] <= start and end <= outer[1]


NAMED_PLACE_HEADS = frozenset({"state", "province", "region", "district", "county", "governorate", "oblast",
                               "prefecture", "department", "municipality", "city", "town", "village"})
"""Nouns a place's name modifies when it names a division or a settlement ('in Zamfara state', 'in Kharkiv region')."""


def _locative(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.dep_ == "compound" and head.head.lower_ in NAMED_PLACE_HEADS:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def _place_spans(doc: Doc, verb: Token, places: list[Place]) -> list[tuple[int, int, str]]:
    clause = clause_range(verb)
    if places:
        return [(p.start, p.end, p.text) for p in places if _within(p.start, p.end, clause)]
    return [(e.start_char, e.end_char, e.text) for e in doc.ents
            if e.label_ in PLACE_LABELS and _within(e.start_char, e.end_char, clause)]


def location(doc: Doc, verb: Token, places: list[Place]) -> tuple[str, int, int] | None:
    """The place an event happens: a literal place it acts on ('seized Goma', 'hit the port of
    Hodeidah'), else a place in a locative phrase ('in', 'near', ...) of its clause. A country it acts on
    ('fought Ukraine', 'warned Israel') is the state acted on, as an armed group would be, not a setting."""
    spans = _place_spans(doc, verb, places)
    literal = {(p.start, p.end) for p in places if p.sense == "literal" and not p.demonym and p.feature != "country"}
    targets = [s for s in spans if (s[0], s[1]) in literal and acted_on(doc, verb, s[0], s[1])]
    located = targets or [s for s in spans if _locative(doc, s[0], s[1])]
    return (located[0][2], located[0][0], located[0][1]) if located else None


def acted_on(doc: Doc, verb: Token, start: int, end: int) -> bool:
    """The verb's object is the place, or a place noun of it ('the port of Hodeidah')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in PLACE_NOUNS:
        head = head.head.head
    if head.dep_ in ("npadvmod", "advmod") and head.pos_ == "PROPN" and head.left_edge.i == verb.i + 1:
        return head.head.i == verb.i  # 'shelled Donetsk, killing three': the name right after the verb, however parsed
    return head.dep_ == "dobj" and head.head.i == verb.i


def setting(doc: Doc, verb: Token, places: list[Place]) -> tuple[str, int, int] | None:
    """Where the event's clause is set: its location, else the first place it names as a noun of its own (not a
    modifier: 'Iran-led forces', 'Turkish-backed fighters' are set nowhere)."""
    found = location(doc, verb, places)
    if found:
        return found
    for start, end, text in _place_spans(doc, verb, places):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.root.pos_ == "PROPN" and span.root.dep_ not in ("amod", "compound", "npadvmod") \
                and not _acting(span.root):
            return text, start, end
    return None


PARTY_PREPOSITIONS = frozenset({"by", "on", "upon", "against", "at", "with", "to", "toward", "towards"})
"""Prepositions whose object takes part in the act ('sanctions on Russia', 'talks with Iran'): no setting."""


SIDING_NOUNS = frozenset({"supporter", "follower", "loyalist", "sympathizer", "sympathiser", "ally", "enemy",
                          "critic", "opponent", "backer", "friend", "foe", "defender"})
"""Nouns of those who side with or against someone: the 'of' phrase after them names a party, not a place
('supporters of Israel', 'critics of Russia')."""


def _acting(token: Token) -> bool:
    """A place named as a subject, an object or in a phrase of one taking part ('by Israel', 'sanctions on
    Russia', 'supporters of Israel') stands for an actor, not a setting: 'the senator criticized Russia' is no
    senator of Russia's, and 'Jewish students and supporters of Israel' are not Israel's."""
    return token.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") or (
        token.dep_ == "pobj" and token.head.lower_ in PARTY_PREPOSITIONS) or _doer_of_act(token) or (
        token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.i > 0
        and token.doc[token.head.i - 1].lemma_.lower() in SIDING_NOUNS)  # however the parse hangs the 'of'


ACT_OBJECT_PREPOSITIONS = frozenset({"of", "on", "upon", "against"})


def _doer_of_act(token: Token) -> bool:
    """'Russia's shelling of Kharkiv', 'Israel's strikes on Rafah': the possessor of a noun that takes an object
    of its own ('of', 'on', 'against') is the one who does what the noun names, not where it happens."""
    return token.dep_ == "poss" and any(
        c.dep_ == "prep" and c.lower_ in ACT_OBJECT_PREPOSITIONS and any(g.dep_ == "pobj" for g in c.children)
        for c in token.head.rights)


def time(doc: Doc, verb: Token, sentence: Span, times: list[TimeRef]) -> tuple[str, int, int] | None:
    """The time expression of the event's clause, else of its sentence."""
    spans = [(t.start, t.end, t.text) for t in times]
    if not times:
        spans = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in TIME_LABELS]
    clause = clause_range(verb)
    whole = (sentence.start_char, sentence.end_char)
    for scope in (clause, whole):
        inside = [s for s in spans if _within(s[0], s[1], scope)]
        if inside:
            return inside[0][2], inside[0][0], inside[0][1]
    return None


def inverted_condition(verb: Token) -> bool:
    """'should they start': an auxiliary before its subject opens a condition."""
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in INVERTED_AUX and subjects and c.i < min(subjects)
               and verb.dep_ != "ROOT" for c in verb.children)


def conditional(verb: Token) -> bool:
    """A clause under a condition, or governing one ('X will face defeat if ...')."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children) or inverted_condition(verb):
        return True
    for child in verb.children:
        if child.dep_ in ("advcl", "ccomp", "conj") and (
                any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children)
                or inverted_condition(child)):
            return True
    return False


def within_condition(verb: Token) -> bool:
    """A clause completing a conditional verb ('if you have people displaced', 'if they want to arrest ...')."""
    token = verb
    while token.dep_ in COMPLETING and token.head.i != token.i:
        token = token.head
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children) or inverted_condition(token):
            return True
    return False


def ruled_out(verb: Token) -> bool:
    """A clause the sentence says did not or will not happen: 'there is no chance she will resign', 'no sign
    that X will withdraw', 'no evidence that police beat ...' ('no doubt that ...' asserts it), an act ruled out."""
    head = verb.head
    if verb.tag_ == "VBG" and verb.dep_ in ("dobj", "xcomp", "ccomp", "advcl") and head.lemma_.lower() == "rule" and (
            any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)):
        return True  # 'has ruled out investigating the allegation'
    return (verb.dep_ in ("acl", "relcl", "ccomp") and head.lemma_.lower() in RULING_OUT
            and any(c.lower_ == "no" and c.dep_ in ("det", "nummod", "neg") for c in head.children))


def unless(verb: Token) -> bool:
    """'... unless Y does Z' turns an announced act into a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in verb.children)


def conditional_text(doc: Doc, start: int, end: int) -> bool:
    """A quoted content that is conditional ('If we reach ..., Israel will face ...')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any((t.lower_ in CONDITION_MARKS and t.dep_ == "mark") or (t.pos_ in ("VERB", "AUX")
                                                                     and inverted_condition(t)) for t in span)


NO_ONE = frozenset({"nobody", "none", "noone"})
"""Subjects that say no one did the act ('nobody was arrested')."""


FORGOING_PAIRS = {"of": "instead", "than": "rather"}
"""Prepositions that, with their partner word, name an act as the one not taken ('instead of', 'rather than')."""
ASSERTING_SPEECH = frozenset({"say", "tell", "add", "announce", "state", "declare", "confirm", "report", "reveal",
                              "indicate", "claim", "write"})
"""Verbs that assert what their clause says: not saying it leaves the act neither done nor announced."""


def forgone(token: Token) -> bool:
    """An act named as the one not taken: 'instead of protesting', 'rather than negotiating', 'without consulting
    parliament', 'instead of talks'."""
    if token.dep_ not in ("pcomp", "pobj"):
        return False
    preposition = token.head
    if preposition.lower_ == "without":
        return True
    partner = FORGOING_PAIRS.get(preposition.lower_)
    return partner is not None and (preposition.head.lower_ == partner
                                    or any(c.lower_ == partner for c in preposition.children))


def unsaid(verb: Token) -> bool:
    """A clause under a verb of saying that is itself negated: 'has not said he will back the deal', 'did not
    confirm that its troops raided the camp' assert nothing."""
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in ASSERTING_SPEECH and any(
        c.dep_ == "neg" for c in clause.head.children)


def negated(verb: Token, trigger: Token) -> bool:
    """'did not attack', 'never agreed', 'no attacks were carried out', a subject that denies the act ('no country
    has recognised', 'neither X nor Y had attacked', 'nobody was arrested'), and an act named as the one not
    taken ('instead of protesting', 'without consulting')."""
    if any(c.dep_ == "neg" for c in verb.children) or forgone(verb) or forgone(trigger):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") and _no_one(c) for c in verb.children):
        return True
    return trigger is not verb and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)


def _no_one(subject: Token) -> bool:
    return subject.lower_ in NO_ONE or any(
        (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ in ("preconj", "det") and c.lower_ == "neither")
        for c in subject.children)


def imperative(verb: Token) -> bool:
    """'Kill them wherever you find them', 'Arrest the ringleaders': a command, which asks for an act and
    reports none (a base-form verb heading its own clause with no subject or auxiliary)."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "conj", "advcl") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark") for c in verb.children):
        return False
    if verb.dep_ == "conj":
        return imperative(verb.head)
    first = next((t for t in verb.subtree if not t.is_punct and not t.is_quote), verb)
    # a command the parse hangs on the reporting verb as an adverbial clause opens the sentence
    return first.i == verb.i and (verb.dep_ != "advcl" or verb.i == next(
        (t.i for t in verb.sent if not t.is_punct and not t.is_quote), verb.i))


def modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in verb.children)


US = frozenset({"us", "'s", "\u2019s"})
"""'Let us' and its contraction."""


def wished(verb: Token) -> bool:
    """An act someone would or could be glad of ('would be happy to meet', 'could be glad to help'): not done
    (said by its doer, it is an offer, which the caller codes as announced)."""
    if verb.dep_ != "xcomp" or verb.head.pos_ != "ADJ" or verb.head.dep_ != "acomp":
        return False
    state = verb.head.head
    return modal(state) or any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in state.children)


def unreported_conjecture(verb: Token) -> bool:
    """Without a reporter, 'would' on the act or on a gladness to do it is what would be done, not what was, and
    a future passive with no doer is a prediction."""
    return conditional_mood(verb) or wished(verb) or predicted(verb)


def predicted(verb: Token) -> bool:
    """'He will then be extradited', 'The prisoners will be released': a future passive with no doer named,
    which in the outlet's own voice is a prediction that commits no one (PLOVER's future rule is for acts
    someone announces)."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


AWAITING_MARKS = frozenset({"until", "till", "before", "once"})
HOPING = frozenset({"hope", "wish", "pray"})


def awaited(verb: Token) -> bool:
    """An act awaited, not done: a present-tense clause after 'until', 'before' or 'once' ('wasn't willing to
    testify until the FBI investigates'), or what someone hopes or wishes ('one can only hope that she conducts an
    investigation')."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in HOPING:
        return True
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.dep_ == "advcl" and bool(tags & {"VBZ", "VBP"}) and "VBD" not in tags and any(
        c.dep_ == "mark" and c.lower_ in AWAITING_MARKS for c in verb.children)


def proposed(verb: Token) -> bool:
    """An act proposed with 'let us' ('Let's investigate', 'Let us negotiate'): not done."""
    let = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "let"), None)
    if let is None and verb.dep_ in ("ccomp", "xcomp") and verb.head.lower_ == "let":
        let = verb.head
    return let is not None and not any(c.dep_ == "nsubj" for c in let.children) and any(
        c.lower_ in US for c in (*verb.children, *let.children))


def conditional_mood(verb: Token) -> bool:
    """'would' on the verb: said by no one, an act that would follow from something (a draft, a law, a deal),
    not one done; under a reporting verb it is an announced act instead (said it would withdraw). 'Would not'
    is a refusal, which is an act ('Morocco would not meet the rebels' demands')."""
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children) and not any(
        c.dep_ == "neg" for c in verb.children)


def _speech_medium(token: Token) -> bool:
    """A thing said or written, in the singular or the plural ('tweets' by its lemma)."""
    return token.lemma_.lower() in SPEECH_MEDIA or token.lower_ in SPEECH_MEDIA


def in_words(verb: Token) -> bool:
    """Whether the verb's act is done in words: 'in/on/during/through a speech, tweet, interview ...' on the
    verb, such a thing as its subject ('her tweets attacked') or the noun it describes ('a tweet attacking'),
    or the means of such a thing ('began his speech by attacking'), or aimed at an idea, a policy or words
    ('attacked the budget proposal')."""
    objects = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    objects += [c for c in verb.children if c.dep_ == "dobj"]
    for child in [*verb.children, *(c for o in objects for c in o.children)]:  # also hung on the object
        if child.dep_ == "prep" and child.lower_ in SPEECH_PREPOSITIONS and any(
                grand.dep_ == "pobj" and _speech_medium(grand) for grand in child.children):
            return True
        if child.dep_ == "nsubj" and child.head.i == verb.i and _speech_medium(child):
            return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and any(  # 'began his speech by attacking X'
            c.dep_ == "dobj" and _speech_medium(c) for c in verb.head.head.children):
        return True
    if any(c.dep_ == "dobj" and c.lemma_.lower() in POLICY_NOUNS for c in verb.children):
        return True  # 'attacked the budget proposal'
    return verb.dep_ in ("acl", "relcl") and _speech_medium(verb.head)
