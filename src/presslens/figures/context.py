"""What a figure counts, read from the parse: '150 Palestinians killed', 'dozens of people have died'.

The counted noun is the noun the number modifies ('150 *Palestinians*'), the
object of its 'of' ('dozens of *Palestinians*') or the predicate of a copula
whose subject it is ('33 were *minors*'). Its participle is the verb that says
what happened to what is counted ('killed', 'arrested'), including verb phrases
that mean the same ('have lost their lives' ≈ killed). Which side the counted
people belong to plays no part: the same construction gets the same reading.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

OUTCOME_PARTICIPLES: dict[str, str] = {
    "kill": "killed", "die": "died", "injure": "injured", "wound": "wounded", "hurt": "injured",
    "arrest": "arrested", "detain": "detained", "displace": "displaced", "evacuate": "evacuated",
    "abduct": "abducted", "kidnap": "kidnapped", "release": "released", "deport": "deported",
    "expel": "expelled", "flee": "fled", "execute": "executed", "imprison": "imprisoned",
    "jail": "jailed", "rescue": "rescued", "free": "freed", "destroy": "destroyed", "demolish": "demolished",
    "damage": "damaged", "fire": "fired", "launch": "launched", "shoot": "shot", "capture": "captured",
    "missing": "missing", "infect": "infected", "vaccinate": "vaccinated", "hospitalize": "hospitalized",
    "hospitalise": "hospitalized", "strand": "stranded", "trap": "trapped", "starve": "starved",
}
"""Verbs (lemmas) that say what happened to the counted things, as participles."""

LOSS_OF_LIFE_OBJECTS = frozenset({"life", "lives"})
"""'lose their lives' reads as 'killed' (the verb 'lose' with one of these objects)."""

PARTITIVE_PRONOUNS = frozenset({"them", "whom", "which", "those", "these", "us", "they"})
_NOUN_POS = ("NOUN", "PROPN")
_PHRASE_DEPS = ("compound", "amod", "nmod", "poss")


@dataclass(frozen=True)
class Counted:
    """The counted noun phrase (offsets), its participle, and whether the count points back ('of them')."""

    noun: str | None = None
    start: int | None = None
    end: int | None = None
    participle: str | None = None
    partitive_pronoun: bool = False


def quantity_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token of ``[start, end)`` whose head lies outside it (the syntactic handle of the figure)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _noun_phrase(noun: Token, after: int) -> tuple[str, int, int]:
    """The noun with its adjacent compound/adjective modifiers, starting after the figure's end."""
    left = noun
    for child in reversed(list(noun.lefts)):
        if child.i == left.i - 1 and child.dep_ in _PHRASE_DEPS and child.idx >= after and child.pos_ != "NUM":
            left = child
        else:
            break
    phrase = noun.doc[left.i:noun.i + 1]
    return phrase.text, phrase.start_char, phrase.end_char


def _verb_participle(verb: Token) -> str | None:
    """The participle saying what happened to the subject of ``verb``, if it says one."""
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    lemma = verb.lemma_.lower()
    if lemma == "lose" and any(c.dep_ == "dobj" and c.lower_ in LOSS_OF_LIFE_OBJECTS for c in verb.children):
        return "killed"
    if lemma in OUTCOME_PARTICIPLES:
        return OUTCOME_PARTICIPLES[lemma]
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if verb.tag_ == "VBN" and (passive or not any(c.dep_ == "aux" for c in verb.children)):
        return verb.text.lower()
    return None


def _participle_of(noun: Token, subject: Token) -> str | None:
    """What happened to the counted noun: its participle modifier or the verb it is the subject of."""
    for child in noun.rights:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            participle = _verb_participle(child)
            if participle:
                return participle
    if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.pos_ in ("VERB", "AUX"):
        return _verb_participle(subject.head)
    if subject.dep_ == "dobj" and subject.head.lemma_.lower() in OUTCOME_PARTICIPLES:
        return OUTCOME_PARTICIPLES[subject.head.lemma_.lower()]
    return None


def _of_object(token: Token) -> Token | None:
    """The object of an 'of' attached to ``token`` ('dozens *of* Palestinians')."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def counted_of(root: Token, quantity_end: int) -> Counted:
    """What the figure whose syntactic handle is ``root`` counts."""
    if root.dep_ in ("nummod", "quantmod", "compound") and root.head.pos_ in _NOUN_POS and root.head.idx >= quantity_end:
        noun = root.head
        text, start, end = _noun_phrase(noun, quantity_end)
        return Counted(text, start, end, _participle_of(noun, noun))
    of_object = _of_object(root)
    if of_object is not None:
        if of_object.lower_ in PARTITIVE_PRONOUNS:
            return Counted(participle=_participle_of(root, root), partitive_pronoun=True)
        if of_object.pos_ in _NOUN_POS and of_object.idx >= quantity_end:
            text, start, end = _noun_phrase(of_object, quantity_end)
            return Counted(text, start, end, _participle_of(of_object, root))
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        attributes = [c for c in root.head.children if c.dep_ == "attr" and c.pos_ in _NOUN_POS]
        if attributes:
            text, start, end = _noun_phrase(attributes[0], quantity_end)
            return Counted(text, start, end)
    return Counted(participle=_participle_of(root, root) if root.dep_ in ("nsubj", "nsubjpass", "dobj") else None)


def sentence_of(doc: Doc, char: int) -> Span | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None
