"""Repairs of parses that the small English model gets wrong depending on the names in a sentence,
or on the terse grammar of a headline.

The same words with other names can get another tree ('Mali called JNIM a gang' has a verb;
'JNIM called Mali a gang' comes out as a noun with a participle), so an extractor reading the
tree would treat two sides of a conflict differently; a headline's verb that is also a noun
('Police fire tear gas') or a particle hung on the object ('pull back troops') hides the act.
Each repair below rewrites one construction to the tree English grammar gives it, whatever the
names; it changes nothing the grammar leaves open.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

NAMING_VERBS = frozenset({"call", "label", "brand", "dub", "term", "name"})
"""Verbs with an object and an object complement ('called X a gang')."""

GERUND_COMPLEMENTS: dict[str, frozenset[str]] = {
    "accuse": frozenset({"of"}), "suspect": frozenset({"of"}), "convict": frozenset({"of"}),
    "acquit": frozenset({"of"}), "charge": frozenset({"with"}), "blame": frozenset({"for"}),
    "praise": frozenset({"for"}), "thank": frozenset({"for"}), "criticize": frozenset({"for"}),
    "criticise": frozenset({"for"}), "condemn": frozenset({"for"}), "fault": frozenset({"for"}),
    "punish": frozenset({"for"}), "sanction": frozenset({"for"}), "stop": frozenset({"from"}),
    "prevent": frozenset({"from"}), "bar": frozenset({"from"}), "ban": frozenset({"from"}),
}
"""Verbs whose object is followed by a preposition and a gerund that complete the verb
('accused X of killing', 'barred X from entering'): the phrase belongs to the verb, not to X."""

FORCE_NOUNS = frozenset({"police", "policemen", "officers", "guards", "troops", "forces", "soldiers", "units",
                         "squads"})
"""Plural nouns for armed or police personnel: a single capitalised word before them that opens the
sentence is their modifier ('Riot police fired …'), not a person."""

HEADLINE_VERBS = frozenset({"ambush", "arrest", "attack", "ban", "battle", "bomb", "block", "blockade", "capture",
                            "charge", "clash", "fire", "free", "halt", "hit", "march", "protest", "raid", "rally",
                            "release", "sanction", "shell", "shoot", "storm", "strike", "target", "torch"})
"""Verbs of acts the news reports whose plain form is also a singular noun: in a headline's simple present after a
plural doer ('Police fire tear gas at protesters', 'Rebels attack army base') the tagger may read a noun compound."""
PLURAL_COLLECTIVES = frozenset({"police", "people", "military", "militia", "army"})
"""Nouns that take a plural verb in the simple present with no plural ending ('police fire', 'people march')."""

NAME_JOINERS = frozenset("-‐‑–")
"""Hyphens and dashes inside a name ('Al-Shabab')."""
AGENT_ENTITIES = frozenset({"ORG", "NORP", "GPE", "PERSON"})
TIME_LABELS = frozenset({"DATE", "TIME"})
"""Entity labels of dates and times (the one set the extractors read them by)."""
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _move(token: Token, head: Token, dep: str) -> None:
    token.head = head
    token.dep_ = dep


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in AGENT_ENTITIES


def verb_read_as_participle(sent: Span) -> bool:
    """'JNIM called Mali a gang.': a sentence with no finite verb whose subject noun is its root and
    whose verb hangs on it as a participle with objects is the verb's sentence, subject first."""
    root = sent.root
    if root.pos_ not in ("PROPN", "NOUN") or root.left_edge.i != sent.start or sent[-1].text not in ".!":
        return False
    verb = next((c for c in root.children if c.dep_ == "acl" and c.i == root.i + 1 and c.tag_ == "VBN"), None)
    if verb is None or any(t.tag_ in FINITE_TAGS for t in sent):
        return False
    objects = [c for c in verb.children if c.dep_ in ("oprd", "dobj") and c.i > verb.i]
    if not objects:
        return False
    _move(verb, verb, "ROOT")
    verb.tag_ = "VBD"
    _move(root, verb, "nsubj")
    for child in [c for c in root.children if c.i > verb.i]:
        _move(child, verb, child.dep_)
    if len(objects) == 2 and objects[0].dep_ == "oprd":
        objects[0].dep_ = "dobj"
    return True


def verb_read_as_adjective(sent: Span) -> bool:
    """'ECOWAS lifted sanctions on Mali.': a sentence whose root is the name that opens it, and whose only past
    verb, right after that name, the model read as an adjective of the noun after it ('[lifted] sanctions'), is
    that verb's sentence: the name its subject, the noun its object ('SADC lifted sanctions' gets this tree)."""
    root = sent.root
    acronym = root.is_upper and len(root) > 1 and root.is_alpha  # 'ECOWAS' may even be tagged a verb
    if not (root.pos_ == "PROPN" or acronym) or root.i != sent.start or sent[-1].text not in ".!" or (
            root.i + 2 >= sent.end):
        return False
    verb, noun = sent.doc[root.i + 1], sent.doc[root.i + 2]
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "amod" or verb.head != noun or noun.head != root or any(
            t.tag_ in FINITE_TAGS or t.pos_ in ("VERB", "AUX") for t in sent if t.i not in (verb.i, root.i)):
        return False
    after = [c for c in root.children if c.i > verb.i and c.i != noun.i]
    if root.pos_ != "PROPN":
        root.pos_, root.tag_, root.lemma_ = "PROPN", "NNP", root.text
    _move(verb, verb, "ROOT")
    verb.tag_, verb.pos_ = "VBD", "VERB"
    _move(root, verb, "nsubj")
    _move(noun, verb, "dobj")
    for child in after:
        _move(child, verb, child.dep_)
    return True


def verb_read_as_compound(sent: Span) -> bool:
    """'Police fire tear gas at protesters': a sentence with no finite verb that opens with a plural noun phrase
    followed by a headline verb the tagger made one more noun of the compound is that verb's sentence: the plural
    noun its subject, the noun phrase after it its object, the rest (prepositions, 'to' clauses) its own."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or any(t.tag_ in FINITE_TAGS for t in sent):
        return False
    verb = next((t for t in sent if t.i > sent.start and t.tag_ == "NN" and t.is_lower and t.lemma_ in HEADLINE_VERBS),
                None)
    if verb is None:
        return False
    doer = verb.nbor(-1)
    opening = sent[:doer.i - sent.start]
    if not (doer.tag_ in ("NNS", "NNPS") or doer.lower_ in PLURAL_COLLECTIVES) or any(
            t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN") and t.text not in NAME_JOINERS for t in opening):
        return False
    chain = [verb]
    while chain[-1].i != root.i and chain[-1].dep_ == "compound" and chain[-1].head.i > chain[-1].i:
        chain.append(chain[-1].head)
    if chain[-1].i != root.i:
        return False
    before_doer = [t for t in sent if t.i < doer.i and t.head.i > doer.i]
    if verb.i != root.i:
        after_object = [c for c in root.children if c.i > root.i]
        _move(verb, verb, "ROOT")
        _move(root, verb, "dobj")
        for child in after_object:
            _move(child, verb, "advcl" if child.dep_ == "relcl" else child.dep_)
    for token in before_doer:
        _move(token, doer, token.dep_)
    _move(doer, verb, "nsubj")
    verb.tag_, verb.pos_ = "VBP", "VERB"
    return True


PARTICLES = frozenset({"back", "out", "off", "away", "down", "up"})
"""Particles of phrasal verbs ('pull back', 'pull out', 'call off') that the model may hang on the object."""


def particle_read_as_modifier(verb: Token) -> bool:
    """'agreed to pull back troops': a particle right after the verb, which the model made a modifier of the verb's
    object ('back troops'), is the verb's particle."""
    if verb.i + 1 >= len(verb.doc):
        return False
    particle = verb.nbor()
    obj = particle.head
    if particle.lower_ not in PARTICLES or particle.dep_ not in ("amod", "advmod", "compound") or (
            obj.dep_ != "dobj" or obj.head.i != verb.i or obj.i <= particle.i):
        return False
    _move(particle, verb, "prt")
    particle.tag_, particle.pos_ = "RP", "ADP"
    return True


def agent_read_as_verbs(verb: Token) -> bool:
    """'called the attack by JNIM …': a 'by' phrase naming an actor right after an active verb's object
    is the object's agent (the attack by JNIM), not the verb's."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
        by = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
                   and c.i == obj.right_edge.i + 1), None)
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if agent is not None and _is_name(agent):
            _move(by, obj, "prep")
            return True
    return False


def complement_read_as_modifier(verb: Token) -> bool:
    """'called the attack by X a horrific massacre': the last noun phrase with 'a'/'an' after a naming verb's
    object is the object's complement, wherever the parse hung it (on the name, or as a second object of 'by')."""
    if verb.lemma_.lower() not in NAMING_VERBS or any(c.dep_ == "oprd" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) == 2:  # 'called JNIM a gang' read as two objects: the second says what the first is
        objects[1].dep_ = "oprd"
        return True
    if len(objects) != 1:
        return False
    obj = objects[0]
    name = next((c for c in obj.lefts if c.dep_ in ("nmod", "compound", "npadvmod") and _is_name(c)
                 and c.right_edge.i + 1 < obj.i and c.right_edge.nbor().lower_ in ("a", "an")), None)
    if name is not None:  # 'called JNIM a gang' read as 'JNIM' modifying 'a gang': a name before 'a' is the object
        _move(name, verb, "dobj")
        _move(obj, verb, "oprd")
        return True
    for noun in obj.subtree:
        if noun.dep_ not in ("appos", "pobj") or noun.i <= obj.i or noun.pos_ != "NOUN":
            continue
        article = noun.left_edge
        second_object = noun.dep_ == "pobj" and sum(c.dep_ == "pobj" for c in noun.head.children) > 1
        if (article.lower_ in ("a", "an") and article.dep_ == "det" and article.nbor(-1).text != ","
                and (noun.dep_ == "appos" or second_object) and noun.right_edge.i == obj.right_edge.i):
            _move(noun, verb, "oprd")
            return True
    return False


def gerund_complement_on_object(verb: Token) -> bool:
    """'accused the EMC of killing civilians': the preposition with a gerund closing the object completes the verb,
    whether the parse hung it on the object or on a noun inside it ('the head of the agency of lying')."""
    wanted = GERUND_COMPLEMENTS.get(verb.lemma_.lower())
    if not wanted:
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for prep in [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ in wanted and t.i > obj.i
                     and t.right_edge == obj.right_edge]:
            if any(c.dep_ in ("pcomp", "pobj") and c.tag_ == "VBG" for c in prep.children):
                _move(prep, verb, "prep")
                return True
    return False


def participle_read_as_past(verb: Token) -> bool:
    """'people shot and killed by police': a past form with no object coordinated with a participle that has
    a 'by' agent is a participle too, and its subject what was done to (the agent holds for both)."""
    if verb.tag_ != "VBD" or any(c.dep_ in ("dobj", "ccomp", "xcomp", "aux", "auxpass", "dative") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i == verb.i - 1 and c.pos_ == "NOUN"), None)
    participle = next((c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"
                       and any(g.dep_ == "agent" for g in c.children)
                       and not any(g.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for g in c.children)), None)
    if subject is None or participle is None:
        return False
    verb.tag_ = "VBN"
    subject.dep_ = "nsubjpass"
    return True


def modifier_read_as_person(sent: Span) -> bool:
    """'Riot police fired tear gas': a one-word person entity that only opens the sentence because it is
    capitalised there, modifying a force noun after it ('police', 'troops'), is an ordinary word; a
    person's name does not name a kind of police."""
    first, doc = sent[0], sent.doc
    if len(sent) < 2 or first.ent_type_ != "PERSON" or first.ent_iob_ != "B" or sent[1].ent_iob_ == "I":
        return False
    follower = sent[1]
    if first.head != follower or follower.lower_ not in FORCE_NOUNS or not follower.is_lower:
        return False
    doc.ents = [e for e in doc.ents if e.start != first.i]
    first.pos_, first.tag_ = "NOUN", "NN"
    return True


def gerund_subject_read_as_clause(sent: Span) -> bool:
    """'Shelling by the RSF killed three civilians': a gerund phrase opening the sentence, with no comma after
    it, before a verb that has no subject, is that verb's subject (as 'Shelling by the army killed …' is parsed)."""
    root = sent.root
    gerund = next((c for c in root.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i == sent.start
                   and c.right_edge.i + 1 == root.i), None)
    if gerund is None or root.pos_ != "VERB" or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in root.children):
        return False
    gerund.dep_ = "csubj"
    return True


def list_read_as_two_subjects(verb: Token) -> bool:
    """'The family, protesters and civic leaders demanded …': a verb has one subject; a second subject the
    model hangs on it, separated from the first by a comma alone, is the next item of the first one's list."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 2:
        return False
    first, second = subjects
    comma = first.right_edge.i + 1
    if comma + 1 != second.left_edge.i or verb.doc[comma].text != "," or any(
            t.pos_ == "VERB" for t in [*first.subtree, *second.subtree]):
        return False  # list items are noun phrases: 'Youths resorted to throwing stones, officials said' is none
    _move(second, first, "conj")
    return True


def subject_read_as_conjunct(verb: Token) -> bool:
    """'… mishandled the investigation and Democrats accused the GOP': a finite verb with no subject, right after
    'and' + a noun that the model made the last item of the object before it, has that noun as its subject (two
    clauses joined by 'and', not a list)."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2 or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return False
    noun = verb.doc[verb.i - 1]
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.head.i >= noun.i or noun.is_ancestor(
            verb) or not any(
            c.dep_ == "cc" and c.lower_ in ("and", "but") for c in noun.head.children if c.i == noun.left_edge.i - 1):
        return False
    if noun.left_edge.i != noun.i and any(t.pos_ in ("VERB", "ADP") for t in noun.lefts):
        return False
    _move(noun, verb, "nsubj")
    return True


def acronym_read_as_modifier(verb: Token) -> bool:
    """'IGAD lifted sanctions', 'OLA deployed fighters': an acronym that opens the sentence right before a finite
    verb with no subject is that verb's subject; the model may tag it an auxiliary or an adverbial, depending on
    the letters."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or verb.i < 1 or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return False
    acronym = verb.doc[verb.i - 1]
    if verb.tag_ == "VBN" and (acronym.dep_ != "aux" or verb.dep_ != "ROOT" or any(
            c.dep_ in ("aux", "auxpass") for c in verb.children if c.i != acronym.i)):
        return False  # a participle is finite here only as read after the acronym taken for 'had' ('IGAD condemned')
    sent_start = acronym.i == verb.sent.start or (acronym.i - 1 == verb.sent.start and verb.doc[acronym.i - 1].lower_
                                                  == "the")
    if not sent_start or acronym.head != verb or acronym.dep_ not in ("aux", "npadvmod", "advmod", "dep", "nmod") or (
            not acronym.is_upper or len(acronym) < 2 or acronym.is_stop or not acronym.text.isalnum()):
        return False
    _move(acronym, verb, "nsubj")
    acronym.pos_, acronym.tag_, acronym.lemma_ = "PROPN", "NNP", acronym.text
    if verb.tag_ == "VBN":
        verb.tag_ = "VBD"
    if acronym.i > verb.sent.start:
        _move(verb.doc[acronym.i - 1], acronym, "det")
    return True


def time_read_as_complement_s(verb: Token) -> bool:
    """'The party said on Thursday it would suspend talks': a time phrase right after a verb (or after an adverb
    of it, 'said late on Friday'), before the subject of the verb's complement clause that has no 'that', tells
    when the verb's act happened; the model hangs it on the complement or not, depending on the words."""
    complement = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if complement is None or any(c.dep_ == "mark" for c in complement.children):
        return False
    subject = next((c for c in complement.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    time = next((c for c in complement.children if c.dep_ == "prep" and c.i > verb.i and (
        subject is not None and c.right_edge.i < subject.left_edge.i) and any(
        g.dep_ == "pobj" and g.ent_type_ in TIME_LABELS for g in c.children)), None)
    if time is None or any(not (t.pos_ == "ADV" and t.head == verb) for t in verb.doc[verb.i + 1:time.i]):
        return False
    _move(time, verb, "prep")
    return True


def participle_list_read_as_clause(verb: Token) -> bool:
    """'The journalist was interrogated, tortured and killed by X': a past participle right after a comma that
    follows a passive participle, and that is itself followed by 'and' + another participle, is the middle item of
    one list, not an adverbial clause of the first item (the model's choice there depends on the names)."""
    head = verb.head
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or head.tag_ != "VBN" or head.i > verb.i or verb.i < 1 or (
            verb.doc[verb.i - 1].text != ",") or not any(c.dep_ == "auxpass" for c in head.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in verb.children):
        return False
    listed = any(c.dep_ == "conj" and c.tag_ == "VBN" for c in verb.children) and any(
        c.dep_ == "cc" and c.lower_ in ("and", "or") for c in verb.children)
    if not listed:
        return False
    _move(verb, head, "conj")
    return True


POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


def list_read_as_joint_possessor(noun: Token) -> bool:
    """'The RSF and Sudan's army agreed …': a name, 'and', and another name with the possessive ending before
    one singular noun are two parties, the first on its own and the second owning the noun, where the two
    names are of different kinds (a group and a state, a person and a state). The model reads the first name
    as a modifier or possessor of the noun (the army of the RSF and Sudan) or not, depending on the names
    ('The M23 and Congo's army' gets the list); names of one kind stay as parsed ('Britain and France's
    leaders' may be both countries' leaders)."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.dep_ in ("ROOT", "conj", "compound", "nmod", "poss"):
        return False
    owner = next((c for c in noun.lefts if c.dep_ == "poss" and _is_name(c)
                  and any(g.dep_ == "case" and g.lower_ in POSSESSIVE_MARKS for g in c.children)), None)
    first = next((c for c in noun.lefts if c.dep_ in ("nmod", "compound", "poss") and _is_name(c)
                  and c is not owner and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)), None)
    if first is None:
        return False
    if owner is None:
        owner = next((c for c in first.children if c.dep_ == "conj" and _is_name(c) and any(
            g.dep_ == "case" and g.lower_ in POSSESSIVE_MARKS for g in c.children)), None)
    if owner is None or not first.i < owner.i < noun.i or first.ent_type_ == owner.ent_type_ or any(
            g.dep_ == "case" for g in first.children):
        return False
    _move(first, noun.head, noun.dep_)
    _move(noun, first, "conj")
    _move(owner, noun, "poss")
    return True


def _name_pieces(entity: Span, verb: Token) -> list[Span]:
    """The names on either side of the verb: the capitalised words before it ('Lopez' in 'Lopez Seeks More
    Aid', which the tagger may call a common noun) and the proper nouns right after it."""
    doc, before, after = entity.doc, verb.i, verb.i + 1
    while before > entity.start and (doc[before - 1].is_title or doc[before - 1].tag_ in ("NNP", "NNPS")):
        before -= 1
    while after < entity.end and doc[after].tag_ in ("NNP", "NNPS"):
        after += 1
    return [doc[a:b] for a, b in ((before, verb.i), (verb.i + 1, after)) if b > a]


def _piece_label(piece: Span, label: str, others: list[Span]) -> str | None:
    """A piece's label: that of another entity of the article with the same words, or with this one word as its
    last ('Trump' after 'Donald Trump'); else a person's if the model read the run as a person ('Lopez Seeks'),
    else none ('Mensah accused Adjei of being a' read as a title)."""
    words = piece.text
    same = next((e.label_ for e in others if e.text == words), None)
    if same is not None:
        return same
    named = next((e.label_ for e in others if len(piece) == 1 and len(e) > 1 and e[-1].text == words), None)
    if named is not None:
        return named
    return label if label == "PERSON" else None


def entity_over_its_verb(sent: Span) -> bool:
    """'Lopez Seeks More Aid', 'Mensah accused Adjei of being a partisan': an entity that runs over its
    sentence's finite main verb is two names the model ran together with the verb between them; the names
    stay entities, the verb and the rest do not. A title after an opening quotation mark may hold a verb and is
    left."""
    root, doc = sent.root, sent.doc
    if root.pos_ != "VERB" or root.tag_ not in FINITE_TAGS or not root.ent_type_:
        return False
    entity = next((e for e in doc.ents if e.start <= root.i < e.end), None)
    if entity is None or (entity.start > 0 and doc[entity.start - 1].tag_ == "``"):
        return False
    others = [e for e in doc.ents if e != entity]
    pieces = []
    for piece in _name_pieces(entity, root):
        label = _piece_label(piece, entity.label_, others)
        if label is not None:
            pieces.append(Span(doc, piece.start, piece.end, label=label))
    doc.ents = sorted(others + pieces, key=lambda e: e.start)
    return True


@Language.component("parse_repairs")
def parse_repairs(doc: Doc) -> Doc:
    """Apply every repair, sentence by sentence and verb by verb."""
    for sent in list(doc.sents):
        verb_read_as_participle(sent)
        verb_read_as_adjective(sent)
        verb_read_as_compound(sent)
        modifier_read_as_person(sent)
        gerund_subject_read_as_clause(sent)
        entity_over_its_verb(sent)
        for token in sent:
            list_read_as_joint_possessor(token)
            if token.pos_ in ("VERB", "AUX"):
                particle_read_as_modifier(token)
                agent_read_as_verbs(token)
                complement_read_as_modifier(token)
                gerund_complement_on_object(token)
                participle_read_as_past(token)
                list_read_as_two_subjects(token)
                subject_read_as_conjunct(token)
                acronym_read_as_modifier(token)
                time_read_as_complement_s(token)
                participle_list_read_as_clause(token)
    return doc


__all__ = ["parse_repairs", "NAMING_VERBS", "GERUND_COMPLEMENTS"]
