"""Who: the actors of a token (mentions, their modifiers, coordination, pronouns), subjects and objects.

Pronouns are resolved without a coreference package: 'we' in a quotation is the
speaker's organisation; 'he' is the quotation's speaker or the last person named;
'it'/'they' in a reported clause ('Iraq said it would ...') is the reporter, else the
last organisation or state named before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presslens.actors.book import load_actorbook, normalize_words, surname_key
from presslens.actors.phrases import MODIFIER_DEPS
from presslens.core.nlp import PERSON_ROLES
from presslens.core.schema import Actor, ActorMention, Quote
from presslens.quotes.speakers import SpeakerResolver, agentive

FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
PERSONAL = frozenset({"he", "she", "him", "her", "his"})
NON_PERSONAL = frozenset({"it", "its", "they", "them", "their"})
RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})
QUESTION_WORDS = frozenset({"who", "what", "whoever"})
"""Words that ask who did an act ('unclear who fired'): no actor of their own."""
QUESTION_CLAUSES = frozenset({"ccomp", "csubj", "pcomp", "xcomp"})
"""Dependencies of a clause that completes a verb or an adjective ('unclear who fired', 'care who killed')."""
OBJECT_CONTROL = frozenset({"urge", "ask", "order", "encourage", "force", "allow", "permit", "press", "call",
                            "invite", "instruct", "compel", "persuade", "tell", "help", "appeal"})
NEUTRAL_SPEECH = frozenset({"say", "tell", "add", "announce", "state", "report", "note", "claim", "confirm",
                            "explain", "stress", "emphasize", "emphasise", "write", "believe", "conclude",
                            "indicate", "reveal", "acknowledge", "admit", "point", "insist", "declare", "argue",
                            "warn", "accuse", "threaten", "demand", "urge", "allege", "deny"})


RELATIONS = frozenset({"lawyer", "attorney", "friend", "neighbour", "neighbor", "critic", "opponent", "rival",
                       "victim", "fan"})
"""People named by their relation to someone ('Trump's critics', 'the victim's lawyer'): an owner or 'of' phrase
names that someone, not them (kin are actors of their own: group_nouns 'relatives' in the actor file)."""


@dataclass(frozen=True)
class Side:
    """One actor of an event side, with the sector its mention names."""

    actor: Actor
    sector: str | None


class Arguments:
    """Resolves tokens to actors using the actor mentions and quotations of one document."""

    def __init__(self, doc: Doc, actors: list[Actor], mentions: list[ActorMention], quotes: list[Quote]):
        self.doc, self.quotes = doc, quotes
        self.by_id = {a.id: a for a in actors}
        self.cover: dict[int, list[tuple[int, ActorMention]]] = {}
        self.order: list[tuple[int, int, ActorMention]] = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or m.actor_id not in self.by_id:
                continue
            self.order.append((span.start, span.end, m))
            for i in range(span.start, span.end):
                self.cover.setdefault(i, []).append((span.end - span.start, m))
        self.order.sort(key=lambda p: (p[0], -p[1]))  # a phrase before the names inside it
        self._genders: SpeakerResolver | None = None

    # -- actors of a token -----------------------------------------------------

    def actors_at(self, token: Token, depth: int = 0) -> list[Side]:
        """The actors a noun phrase names, including its coordinated parts ('the US and Jordan')."""
        found = self._own(token, depth)
        for conj in token.conjuncts if token.dep_ != "conj" else ():
            parts = self._own(conj, depth)
            if found and found[0].actor.country is not None and not _named_on_its_own(conj) and all(
                    p.actor.country is None and (p.actor.kind == found[0].actor.kind or p.sector == found[0].sector)
                    for p in parts):
                continue  # 'Israeli helicopters and tanks': the adjective holds for both
            found += [s for s in parts if s not in found]
        return unique_sides(found)

    def _own(self, token: Token, depth: int) -> list[Side]:
        # the shortest mention; of two over the same words, the one composed with its noun ('Palestinian' in
        # 'Palestinian and Israeli civilians' is the civilians, not the state; 'British' in 'US and British
        # warplanes' is the state's forces, not the British people)
        covering = sorted(self.cover.get(token.i, []), key=lambda p: (
            p[0], p[1].sector is None, self.by_id[p[1].actor_id].kind == "population"))
        if covering:
            mention = covering[0][1]
            actor = self.by_id[mention.actor_id]
            owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if owner is not None and actor.country is None and actor.kind != "person":
                return [Side(s.actor, mention.sector or s.sector) for s in self.pronoun(owner)] or [Side(actor, None)]
            return [Side(actor, mention.sector)]
        if _asked_about(token):
            return []  # 'it was unclear who had fired the rockets': the doer is what is not known
        if token.pos_ == "PRON" or token.lower_ in FIRST_PERSON | PERSONAL | NON_PERSONAL:
            return self.pronoun(token)
        if depth > 2 or token.lemma_.lower() in RELATIONS:
            return []  # 'Trump's critics said': the critics, not Trump
        found: list[Side] = []
        for child in token.children:
            if (child.dep_ in MODIFIER_DEPS or child.dep_ == "appos") and child.lower_ not in BACKING:
                for part in [child, *child.conjuncts]:
                    found += self._own(part, depth + 1)
        for child in token.children if not found and depth == 0 else ():
            if child.dep_ == "acl" and child.tag_ == "VBN":  # 'the abuses committed by X': done by X
                doer = agent(child)
                found += self.actors_at(doer, depth + 1) if doer is not None else []
        for prep in ("of", "by", "against", "for", "from", "in"):
            if found:
                break
            for child in token.children:
                if child.dep_ in ("prep", "agent") and child.lower_ == prep:  # 'shelling by X': 'by' hung either way
                    for obj in (c for c in child.children if c.dep_ == "pobj"):
                        found += self.actors_at(obj, depth + 1)
        if not found and token.lemma_.lower() in ("other", "others"):
            found = self._parallel_subject(token)
        owner = claimant(token) if not found and depth == 0 else None
        return self.actors_at(owner, depth + 1) if owner is not None else found

    def _parallel_subject(self, token: Token) -> list[Side]:
        """'dozens were killed and many others arrested': 'others' are of the parallel clause's group."""
        verb = token.head
        if verb.dep_ == "conj":
            for child in verb.head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != token.i:
                    return self.actors_at(child, 1)
        return []

    # -- pronouns ---------------------------------------------------------------

    def pronoun(self, token: Token) -> list[Side]:
        word = token.lower_
        quote = self.quote_at(token.idx)
        speaker = self.speaker_actor(quote) if quote else None
        if word in FIRST_PERSON:
            if speaker is None:
                return []
            if word in ("we", "us", "our") and speaker.affiliation:
                group = self.actor_named(speaker.affiliation)
                return [Side(group, group.sector)] if group else [Side(speaker, speaker.sector)]
            return [Side(speaker, speaker.sector)]
        as_speaker = self.speaker_of_mention(token)
        if as_speaker is not None:
            return [Side(as_speaker, as_speaker.sector)]
        if word in PERSONAL:
            person = self._governing_subject(token) or self._previous(token, lambda a: a.kind == "person")
            return [Side(person, person.sector)] if person else []
        reporter = self._reporter(token)
        if reporter:
            return reporter
        found = self._previous(token, lambda a: a.kind != "person", same_sentence=True)
        return [Side(found, found.sector)] if found else []

    def _governing_subject(self, token: Token) -> Actor | None:
        """'Trump, appearing after Clinton, cited problems that he blamed on Obama': a personal pronoun in a
        clause below another is the person who is the subject of the nearest clause above it (not the last
        person named before it)."""
        quote = self.quote_at(token.idx)
        if token.dep_ not in ("nsubj", "nsubjpass") or (quote is not None and quote.kind == "direct"):
            return None  # an object pronoun is not its own clause's subject; a quotation speaks in its own voice
        node = token.head
        while node.head.i != node.i:
            node = node.head
            subjects = [c for c in node.children if c.dep_ == "nsubj" and not c.is_ancestor(token)]
            if subjects:
                sides = self.actors_at(subjects[0], 3)  # 'X and his friend Y were there when she …': not X
                one = len(sides) == 1 and sides[0].actor.kind == "person" and subjects[0].pos_ != "PRON"
                if not one or subjects[0].conjuncts or not self._may_be(token, sides[0].actor):
                    return None
                return sides[0].actor
        return None

    def _may_be(self, pronoun: Token, person: Actor) -> bool:
        """Whether 'he' or 'she' can stand for the person: not where the article gives them the other gender
        ('Christie called Clinton a disgrace after she attacked the police': she is not Christie)."""
        wanted = {"he": "m", "she": "f"}.get(pronoun.lower_)
        if wanted is None:
            return True
        if self._genders is None:
            self._genders = SpeakerResolver(self.doc)
        known = self._genders.gender_of(person.name)
        return known is None or known == wanted

    def _reporter(self, token: Token) -> list[Side]:
        """'Iraq said it would ...': the subject of the reporting verb (a person's organisation for 'they')."""
        clause = token.head
        while clause.dep_ in ("conj", "xcomp") and clause.head != clause:
            clause = clause.head
        if clause.dep_ not in ("ccomp", "advcl") or clause.head.lemma_ not in NEUTRAL_SPEECH:
            return []
        sides: list[Side] = []
        reporter: Token | None = None
        for child in clause.head.children:
            if child.dep_ == "nsubj" and child.i != token.i:
                sides, reporter = self.actors_at(child, 3), child
        quote = self.cue_quote(clause.head)
        speaker = self.speaker_actor(quote) if quote is not None else None
        if not sides and speaker is not None and quote is not None and quote.speaker_start is not None:
            sides = [Side(speaker, speaker.sector)]
            span = self.doc.char_span(quote.speaker_start, quote.speaker_end or quote.speaker_start,
                                      alignment_mode="expand")
            reporter = span.root if span is not None and len(span) else None
        if token.lower_ in ("they", "them", "their"):
            if reporter is not None and reporter.tag_ == "NN" and not reporter.conjuncts:
                return []  # 'a rights group … saying they had been arrested': a body says 'it', 'they' are others
            sides = [self._organisation_of(s) for s in sides]
        return sides

    def _organisation_of(self, side: Side) -> Side:
        if side.actor.kind == "person" and side.actor.affiliation:
            group = self.actor_named(side.actor.affiliation)
            if group is not None:
                return Side(group, group.sector)
        return side

    def _previous(self, token: Token, accept, same_sentence: bool = False) -> Actor | None:
        limit = token.sent.start if same_sentence else 0
        best: Actor | None = None
        best_end = -1
        for start, end, mention in self.order:
            if start >= token.i:
                break
            if end <= best_end:
                continue  # 'Hindu' inside 'Hindu nationalists': the phrase is the antecedent, not a name inside it
            actor = self.by_id[mention.actor_id]
            if start >= limit and accept(actor) and actor.kind not in ("place", "region"):
                best, best_end = actor, end
        if best is None and same_sentence and token.sent.start > 0:
            return self._previous(self.doc[token.sent.start - 1], accept, same_sentence=True)
        return best

    # -- quotations -----------------------------------------------------------------

    def quote_at(self, position: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= position < q.end:
                return q
        return None

    def cue_quote(self, token: Token) -> Quote | None:
        for q in self.quotes:
            if q.cue_start is not None and q.cue_start <= token.idx < (q.cue_end or q.cue_start + 1):
                return q
        return None

    def speaker_of_mention(self, token: Token) -> Actor | None:
        for q in self.quotes:
            if q.speaker_start is not None and q.speaker_start <= token.idx < (q.speaker_end or 0):
                return self.speaker_actor(q)
        return None

    def speaker_actor(self, quote: Quote) -> Actor | None:
        return self.actor_named(quote.speaker) if quote.speaker else None

    def actor_named(self, name: str | None) -> Actor | None:
        """The actor a resolved name denotes: same name, else (people) same surname."""
        if not name:
            return None
        key = normalize_words(name)
        for actor in self.by_id.values():
            if normalize_words(actor.name) == key or key in {normalize_words(n) for n in actor.names}:
                return actor
        for actor in self.by_id.values():
            if actor.kind == "person" and surname_key(actor.name) == surname_key(name):
                return actor
        return None

    def attribution(self, token: Token) -> tuple[str | None, Actor | None]:
        """Who a clause is attributed to: the quotation holding it, else a reporting verb above it."""
        quote = self.quote_at(token.idx)
        if quote is not None and (quote.cue_start is None or not quote.cue_start <= token.idx < (quote.cue_end or 0)):
            actor = self.speaker_actor(quote)
            return (actor.name if actor else quote.speaker or quote.speaker_mention), actor
        node = token
        while node.head != node:
            if node.dep_ in ("ccomp", "advcl") and node.head.lemma_ in NEUTRAL_SPEECH:
                for child in node.head.children:
                    if child.dep_ == "nsubj":
                        sides = self.actors_at(child, 3)
                        if sides:
                            return sides[0].actor.name, sides[0].actor
                return None, None
            node = node.head
        return None, None


BACKING = frozenset({"backed", "funded", "sponsored", "supported", "armed", "trained", "financed", "inspired"})
"""Participles of one side's support for another: in 'Iranian-backed militia sites' Iran backs the militia, the
sites are not Iran's (as 'Saudi-led' is Saudi Arabia's)."""
CLAIMED = frozenset({"responsibility", "credit"})
CLAIMING_VERBS = frozenset({"claim", "accept", "admit", "take", "acknowledge", "bear"})
"""'claimed responsibility for', 'took credit for': the subject owns the act named after 'for'."""


def shares_passive(verb: Token) -> bool:
    """'were killed and two others wounded': a past participle coordinated with a passive, without an auxiliary of
    its own, shares that passive, so the subject the parse gave it is acted on ('and police seized' is active)."""
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.head.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def acting_noun(noun: Token) -> bool:
    """A noun for people or a body that acts ('the army', 'officials'), not a thing ('the plan')."""
    book = load_actorbook(())
    words = normalize_words(noun.lemma_)
    return bool(book.sector_noun(words) or book.group_noun(words) or book.org_noun(words)
                or book.sector_noun(normalize_words(noun.text)) or book.group_noun(normalize_words(noun.text)))


def _named_on_its_own(noun: Token) -> bool:
    """A noun with a name of its own before it ('Kurdistan's Peshmerga forces', 'Somalia's national army'): a side
    that no adjective of the phrase before it qualifies."""
    return noun.pos_ == "PROPN" or any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.pos_ == "PROPN"
                                       for c in noun.children)


def _asked_about(token: Token) -> bool:
    """A question word heading no one: in a clause that completes a verb or an adjective ('it was unclear who had
    fired', 'no one cares who killed him', 'spoken of who he met with') or opening a direct question ('Who can
    blame them?'); a relative pronoun ('officials, who …', 'the deal, which …') stands for its noun."""
    if token.lower_ not in QUESTION_WORDS:
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text == "," and token.i > 1:
        before = token.doc[token.i - 2]
    if before is not None and before.pos_ in ("NOUN", "PROPN"):
        return False  # 'it is Rome who approves', 'officials, who they believe went too far': a relative
    clause = token.head
    while clause.dep_ == "prep" and clause.head is not clause:
        clause = clause.head  # 'who he met with'
    if clause.dep_ in QUESTION_CLAUSES and clause.head.pos_ in ("VERB", "AUX", "ADJ", "ADP"):
        return True
    return clause.dep_ == "ROOT" and token.i == token.sent.start


def _reporter_of_things(verb: Token, inherited: Token | None) -> Token | None:
    """'X said field clinics were overwhelmed and called on both sides …': a verb the parse joins to a
    reported clause whose subject is a thing (clinics call on no one) is done by the one who reports it."""
    if inherited is not None and (inherited.pos_ != "NOUN" or inherited.ent_type_ or acting_noun(inherited)
                                  or agentive(inherited)):  # 'the ministers met and called on …' is theirs
        return None
    clause = verb.head
    while clause.dep_ in ("conj", "acomp", "xcomp") and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in NEUTRAL_SPEECH:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb (following control, coordination and relative clauses) and whether it is passive."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "expl"):
            if _relative(child) and verb.dep_ == "relcl":
                return verb.head, False
            return child, shares_passive(verb)
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            if _relative(child) and verb.dep_ == "relcl":
                return verb.head, True
            return child, True
    if verb.pos_ == "NOUN" and any(c.dep_ == "dobj" for c in verb.children):
        # 'that X release all prisoners' read as a noun compound (by the name X): the name is the subject
        before = [c for c in verb.lefts if c.dep_ in ("compound", "nmod", "amod", "poss")]
        if before:
            return before[0], False
    if verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "xcomp", "oprd") and verb.head != verb:
        return subject(verb.head)
    if verb.dep_ == "xcomp" and verb.head != verb:
        head = verb.head
        if head.lemma_ in OBJECT_CONTROL:
            for child in head.children:
                if child.dep_ in ("dobj", "dative"):
                    return child, False
                if child.dep_ in ("prt", "prep") and child.lower_ in ("on", "upon", "to") and child.i < verb.i:
                    asked = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if asked is not None:  # 'called on X to …', 'appealed to X to …': X is to act
                        return asked, False
        return subject(head)
    if verb.dep_ == "conj" and verb.head != verb:
        token, head_passive = subject(verb.head)
        reporter = _reporter_of_things(verb, token) if verb.pos_ == "VERB" and verb.tag_ != "VBN" else None
        if reporter is not None:
            return reporter, False
        return token, any(c.dep_ == "auxpass" for c in verb.children) or (head_passive and verb.tag_ == "VBN")
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and (agent(verb) is not None or headline_passive(verb)):
        return verb.head, True  # 'the officers shot by a gunman', 'Protesters arrested in Kampala': done to the noun
    if misread_predicate(verb):
        return verb.sent.root, False
    if verb.dep_ == "pcomp" and (owner := claimant(verb)) is not None:
        return owner, False  # 'Rebels claimed responsibility for shooting down a helicopter'
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("ADJ", "NOUN"):
        holder = verb.head.head
        return subject(holder) if holder.pos_ == "ADJ" else (holder, False)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head.pos_ in (
            "VERB", "AUX"):
        return subject(verb.head.head)[0], False  # 'X spoke after meeting Y', 'X was held after attacking Y': X did it
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG":
        head = verb.head
        if head.pos_ in ("VERB", "AUX"):
            return subject(head)
        if head.dep_ == "pobj" and head.head.dep_ == "agent":
            return head, False  # 'disrupted by hundreds of protesters accusing X': the doers named do it
        if verb.dep_ == "acl" and _right_after(verb, head) and _people(head):
            return head, False  # 'fired tear gas at protesters demonstrating against …': the protesters do it
        if head.dep_ in ("dobj", "pobj") and head.head.pos_ in ("VERB", "AUX", "ADP"):
            governor = head.head if head.dep_ == "dobj" else head.head.head
            return subject(governor)
        return head, False
    if verb.dep_ == "relcl":
        return verb.head, False
    return None, False


def claimant(act: Token) -> Token | None:
    """Who claims an act as their own ('X claimed responsibility for the attack', 'X took credit for
    shooting down …'): the claiming verb's subject, unless the claim is negated."""
    prep = act.head
    if act.dep_ not in ("pobj", "pcomp") or prep.lower_ != "for" or prep.head.lemma_.lower() not in CLAIMED:
        return None
    verb = prep.head.head
    if prep.head.dep_ != "dobj" or verb.lemma_.lower() not in CLAIMING_VERBS or any(
            c.dep_ == "neg" for c in verb.children):
        return None
    return subject(verb)[0]


def _people(noun: Token) -> bool:
    """A noun for people or a body that acts ('protesters', 'two men', 'the army'), not a document or a thing
    ('a letter demanding …', 'a statement praising …': the author's acts)."""
    return acting_noun(noun) or noun.lemma_.lower() in PERSON_ROLES or noun.ent_type_ in ("PERSON", "NORP")


def _relative(token: Token) -> bool:
    """A relative pronoun, not the World Health Organization's initials ('The director general of the WHO urged
    Israel …', which the parser reads as 'who')."""
    return token.lower_ in RELATIVE and token.text != "WHO"


def _right_after(participle: Token, noun: Token) -> bool:
    """Whether a participle follows its noun's phrase with no comma between (a modifier of the noun, not a
    clause of its own: '… at protesters demonstrating' vs '… at the crowd, injuring dozens')."""
    return noun.i < participle.i and not any(t.text in (",", ";", "—", "–") for t in participle.doc[
        noun.i + 1:participle.left_edge.i])


def headline_passive(verb: Token) -> bool:
    """'Three killed in Kabul blast', 'Two soldiers killed in ambush, army says': a headline's passive without its
    auxiliary, which the parse hangs on the victims as a modifier of a sentence with no verb of its own (or of
    one that only reports it)."""
    head = verb.head
    if any(c.dep_ in ("dobj", "dative", "nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False  # 'Soldiers beat detainees' (a past tense misread), 'You should be investigated' (a clause)
    if misread_predicate(verb):
        return False
    return head.pos_ in ("NOUN", "NUM", "PROPN") and (head.dep_ == "ROOT" or (
        head.dep_ == "nsubj" and head.head.lemma_.lower() in ("say", "report", "claim")
        and head.head.i > verb.right_edge.i))


def misread_predicate(verb: Token) -> bool:
    """'A rights group called on the authorities to release …' read as a noun with a modifier: a verb that names
    whom it asks ('on X', 'upon X', 'to X') before a to-clause is the sentence's own act, done by the noun that
    stands as the sentence's root ('A coalition of militias called on …': the coalition)."""
    root = verb.sent.root
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or root.pos_ not in ("NOUN", "PROPN") or not (
            verb.head.i == root.i or (verb.head.dep_ == "pobj" and verb.head.head.head.i == root.i)):
        return False
    asked = [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "to")
             and any(g.dep_ == "pobj" for g in c.children)]
    return bool(asked) and any(c.dep_ == "xcomp" and c.i > asked[0].i for c in verb.children)


def agent(verb: Token) -> Token | None:
    """The 'by' phrase's noun of a passive verb, or of the participle it is coordinated with ('shot and killed by
    police': both by the police)."""
    for participle in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN")):
        for child in participle.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.tag_ == "VBN":
        return agent(verb.head)
    return None


def unique_sides(sides: list[Side]) -> list[Side]:
    """The sides in order, each actor once."""
    seen: set[str] = set()
    result = []
    for side in sides:
        if side.actor.id not in seen:
            seen.add(side.actor.id)
            result.append(side)
    return result
