"""Word-level rules: labels for actors and emotionally charged words.

Every rule looks at how a word is used, never at whom it is used for: the same
construction gets the same flag whichever actor it names. Phrase-level techniques
(slogans, clichés, exaggeration, …) are in ``phrases.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presslens.core.nlp import entity_of

from .lexicon import Lexicon

LOADED = "Loaded_Language"
LABEL = "Name_Calling,Labeling"

NAME_ENTITIES = frozenset({"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
NP_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "predet", "nmod", "quantmod", "advmod"})
DEMONSTRATIVES = frozenset({"the", "this", "that", "these", "those"})
TARGET_PREPOSITIONS = frozenset({"for", "of", "against", "to", "on", "toward", "towards"})
NAME_ROLES = frozenset({"nsubj", "nsubjpass", "poss"})
NAME_PREPOSITIONS = frozenset({"for", "to", "with", "by", "from", "of", "within", "against"})
OBJECT_PREPOSITIONS = frozenset({"to", "against", "from", "by", "of", "at"})
"""'resistance to the plan': a preposition that makes 'resistance' an act, not a side."""
NAMED_ENTITIES = frozenset({"ORG", "FAC", "GPE", "LOC", "EVENT", "WORK_OF_ART"})
PLACE_LABELS = ("loaded_adjectives", "conflict_labels")
"""Categories flagged even inside a place name ('the brutal occupied zone', 'a new Hamastan')."""


@dataclass(frozen=True)
class Candidate:
    """A flag before voice is known: token range ``[start, end)``, technique and reason."""

    start: int
    end: int
    technique: str
    reason: str
    method: str = "rule"
    score: float | None = None


def is_name(token: Token) -> bool:
    """A proper name or demonym (capitalised and tagged as a name or named entity)."""
    return token.text[:1].isupper() and (token.pos_ == "PROPN" or token.ent_type_ in NAME_ENTITIES)


def np_start(head: Token) -> int:
    """First token of the noun phrase headed by ``head`` (determiners and modifiers, not possessors)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in NP_MODIFIERS and child.i < head.i:
            start = min(start, child.left_edge.i)
    return start


def place_tokens(doc: Doc, lexicon: Lexicon) -> set[int]:
    """Tokens of place-name phrases ('the occupied West Bank', 'the disputed territories')."""
    heads = [t for t in doc if (t.ent_type_ in PLACE_ENTITIES and t.ent_iob_ in ("B", "I") and t.dep_ != "compound")
             or (t.pos_ == "NOUN" and lexicon.has("place_nouns", t))]
    taken: set[int] = set()
    for head in heads:
        if head.ent_type_ in PLACE_ENTITIES:
            head = entity_of(head).root
        taken.update(range(np_start(head), head.i + 1))
    return taken


def refers_to_actor(head: Token, lexicon: Lexicon) -> bool:
    """Whether a noun denotes a person or group: an actor noun, a label, or a name."""
    return (lexicon.has("actor_nouns", head) or lexicon.has("label_nouns", head) or is_name(head)
            or head.ent_type_ in ("PERSON", "NORP", "ORG"))


def _inside_a_longer_name(token: Token) -> bool:
    """'Martyrs' Square', 'the al-Aqsa Martyrs' Brigades': the word is part of a longer proper name."""
    if token.ent_type_ not in NAMED_ENTITIES:
        return False
    entity = entity_of(token)
    return entity is not None and len(entity) > 1


class WordRules:
    """Applies the word-level rules to one parsed document."""

    def __init__(self, doc: Doc, lexicon: Lexicon, places: set[int] | None = None):
        self.doc = doc
        self.lexicon = lexicon
        self.places = place_tokens(doc, lexicon) if places is None else places

    def candidates(self) -> list[Candidate]:
        found: list[Candidate] = []
        for token in self.doc:
            categories = self.lexicon.categories(token)
            if not categories:  # every rule starts from a lexicon word
                continue
            if token.i in self.places and not any(c in categories for c in PLACE_LABELS):
                continue
            found.extend(self._token_candidates(token))
        return found

    def _token_candidates(self, token: Token) -> list[Candidate]:
        lex = self.lexicon
        word = token.lower_
        if lex.has("conflict_labels", token):
            start = np_start(token) if token.pos_ in ("NOUN", "PROPN") else token.i
            return [Candidate(start, token.i + 1, LABEL, f"side-specific label '{word}'")]
        if lex.has("honorific_labels", token) and not _inside_a_longer_name(token):
            start = np_start(token) if token.pos_ in ("NOUN", "PROPN") else token.i
            return [Candidate(start, token.i + 1, LABEL, f"glorifying label '{word}'")]
        if lex.has("honorific_stand_ins", token) and self._honours_a_side(token):
            return [self._noun_phrase(token, LABEL, f"glorifying name '{word}' used for a side")]
        if token.pos_ in ("NOUN", "PROPN"):
            if lex.has("label_nouns", token) and token.dep_ not in ("amod", "compound"):
                return [self._noun_phrase(token, LABEL, f"label noun '{word}' used for a person or group")]
            if lex.has("naming_nouns", token) and self._names_a_state(token):
                return [self._noun_phrase(token, LABEL, f"noun '{word}' used as a name for a state or government")]
            if lex.has("stand_in_nouns", token) and self._stands_for_actor(token):
                return [self._noun_phrase(token, LABEL, f"noun '{word}' used as a name for an actor")]
            if lex.has("loaded_nouns", token) and token.dep_ != "compound":
                return [self._loaded_noun(token)]
        if self._evaluative_modifier(token):
            return [self._modifier(token)]
        if token.pos_ == "VERB" and lex.has("loaded_verbs", token) and token.dep_ != "amod":
            end = max([token.i + 1] + [c.i + 1 for c in token.rights if c.dep_ == "prt" and c.i == token.i + 1])
            return [Candidate(token.i, end, LOADED, f"emotionally charged verb '{token.lemma_.lower()}'")]
        if token.pos_ == "ADV" and lex.has("loaded_adverbs", token):
            end = token.head.i + 1 if token.head.i == token.i + 1 else token.i + 1
            return [Candidate(token.i, end, LOADED, f"emotionally charged adverb '{word}'")]
        return []

    def _evaluative_modifier(self, token: Token) -> bool:
        """An evaluative adjective or participle ('brutal', 'usurping'), or a label noun used as one."""
        lex = self.lexicon
        if lex.has("loaded_adjectives", token) and token.pos_ in ("ADJ", "VERB", "NOUN", "PROPN"):
            return True
        if token.dep_ in ("amod", "compound") and token.head.i > token.i:
            if lex.has("label_nouns", token):      # 'terrorist group' labels; 'criminal court' does not
                return refers_to_actor(token.head, lex)
            return lex.has("loaded_verbs", token) and token.head.pos_ in ("NOUN", "PROPN")
        return False

    def _modifier(self, token: Token) -> Candidate:
        """An evaluative modifier: a label when its noun denotes an actor, loaded wording otherwise."""
        word = token.lower_
        head = token.head
        if token.dep_ in ("amod", "compound") and head.i > token.i and refers_to_actor(head, self.lexicon):
            return self._noun_phrase(head, LABEL, f"evaluative adjective '{word}' applied to an actor")
        start, end = token.i, token.i + 1
        for conj in [c for c in token.conjuncts if c.pos_ == token.pos_]:
            start, end = min(start, conj.i), max(end, conj.i + 1)
        for child in token.lefts:
            if child.dep_ == "advmod" and child.i == start - 1:
                start = child.i
        return Candidate(start, end, LOADED, f"evaluative adjective '{word}'")

    def _noun_phrase(self, head: Token, technique: str, reason: str) -> Candidate:
        return Candidate(np_start(head), head.i + 1, technique, reason)

    def _loaded_noun(self, token: Token) -> Candidate:
        """A charged noun with its modifiers, coordinated charged nouns and an actor it is applied to."""
        start = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")])
        end = token.i + 1
        for conj in token.conjuncts:
            if conj.i > token.i and self.lexicon.has("loaded_nouns", conj):
                end = max(end, conj.i + 1)
        target = self._target(token)
        reason = f"emotionally charged noun '{token.lower_}'"
        if target is not None:
            end = max(end, target.i + 1)
            reason += " applied to an actor"
        return Candidate(start, end, LOADED, reason)

    def _target(self, token: Token) -> Token | None:
        """The actor a charged noun is about: 'a nightmare for the occupation', 'oppression of civilians'."""
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects and refers_to_actor(objects[0], self.lexicon) and objects[0].i - token.i <= 6:
                    return objects[0]
        return None

    def _names_a_state(self, token: Token) -> bool:
        """'the Kyiv regime', 'Assad's regime', 'this regime', 'the brutal regime'; not 'the visa regime'."""
        if token.dep_ == "compound":
            return False
        modifiers = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
        if any(is_name(m) for m in modifiers):
            return True
        if token.lower_ not in ("regime", "regimes", "junta", "juntas"):
            return False
        for m in modifiers:
            evaluative = self.lexicon.has("loaded_adjectives", m) or m.tag_ in ("VBG", "VBN")
            if m.text.islower() and not evaluative:
                return False
        return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in token.lefts)

    def _honours_a_side(self, token: Token) -> bool:
        """'the resistance continues to grow', 'the Resistance alliance'; not 'resistance to the plan'."""
        if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in NAMED_ENTITIES - {"ORG"}:
            return False
        if any(c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS for c in token.rights):
            return False
        capitalised = token.text[:1].isupper() and token.i != token.sent.start
        return capitalised or any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts)

    def _stands_for_actor(self, token: Token) -> bool:
        """'the occupation's army', 'a nightmare for the occupation'; not 'the occupation of the city'."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts):
            return False
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
            return False
        if any(c.dep_ in ("compound", "amod") for c in token.lefts):
            return False
        if token.dep_ in NAME_ROLES:
            return not (token.dep_.startswith("nsubj") and self.lexicon.has("aspect_verbs", token.head))
        return (token.dep_ == "pobj" and token.head.lower_ in NAME_PREPOSITIONS
                and token.head.head.pos_ in ("NOUN", "PROPN", "VERB"))


def word_candidates(doc: Doc, lexicon: Lexicon, places: set[int] | None = None) -> list[Candidate]:
    """Every word-level candidate flag of a document; ``places``: its ``place_tokens``, when known."""
    return WordRules(doc, lexicon, places).candidates()


__all__ = ["Candidate", "LOADED", "LABEL", "word_candidates", "place_tokens", "is_name", "np_start",
           "refers_to_actor"]
