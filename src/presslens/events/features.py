"""Features of one trigger candidate for the event-type model (``model``).

What the lexicon says (its type and mode, the control verb and what it governs), the
words (trigger, verb, particle and object lemmas, the object's event-noun code), the
grammar (dependency, tag, tense, negation, voice) and whether the grammar finds sources and
targets. Words naming actors are masked (``ACTOR``). Sentence words are deliberately
left out: the type must come from the trigger and its arguments, not from the topic.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .arguments import NEUTRAL_SPEECH, Side
from .plover import WATERS, Code, Lexicon
from .triggers import Candidate, lemma_words, phrase_words


def candidate_features(c: Candidate, rule: Code, sources: list[Side], targets: list[Side], negated: bool,
                       passive: bool, lex: Lexicon, is_actor: Callable[[Token], bool]) -> list[str]:
    """Named binary features of a candidate (names only; the model holds the weights).

    Neutrality: no feature says who an actor is. A word that names an actor is ``ACTOR``,
    and the sides count only as present or absent and by their standing (a private person, a person
    in a role, a collective actor), so that the same construction about any two actors (states or
    armed groups) gets the same type."""
    def word(token: Token | None) -> str:
        return "-" if token is None else "ACTOR" if is_actor(token) else token.lemma_.lower()

    verb, trigger = c.verb, c.trigger
    verb_lemma, trigger_lemma, obj_lemma = word(verb), word(trigger), word(c.obj)
    features = [
        "bias", f"rule={rule.type or 'none'}", f"rule_mode={rule.type}/{rule.mode}",
        f"verb={verb_lemma}", f"trigger={trigger_lemma}", f"trigger_pos={trigger.pos_}",
        f"obj={obj_lemma}", f"verb+obj={verb_lemma}+{obj_lemma}",
        f"dep={verb.dep_}", f"tag={tense_tag(verb)}", f"control={c.control}",
        f"comp={c.comp_code.type if c.comp_code else None}", f"rule+control={rule.type}+{c.control}",
        f"future={c.future}", f"negated={negated}", f"passive={passive}",
        f"speech={verb_lemma in NEUTRAL_SPEECH}", f"reported={c.reporter is not None}",
    ]
    if c.particle is not None:
        features.append(f"verb+particle={verb_lemma}+{c.particle.lower_}")
    if c.obj is not None:
        noun = lex.noun(phrase_words(c.obj)) or lex.noun(lemma_words(c.obj))
        features.append(f"obj_code={noun[0].type if noun else None}")
    if c.complement is not None:
        features.append(f"comp_verb={word(c.complement)}")
    # a sea or a river in a place phrase is where ('fired missiles from the sea'), not what did it ('by the waves')
    doers = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")] + [
        g for child in verb.children if child.dep_ in ("agent", "prep") for g in child.children if g.dep_ == "pobj"
        and not (child.dep_ == "prep" and child.lower_ != "by" and g.lemma_.lower() in WATERS)]
    hazard = any(lex.hazard(t) for d in doers for t in d.subtree)
    features += [f"hazard={hazard}", f"rule+hazard={rule.type}+{hazard}",
                 f"rule+sources={rule.type}+{bool(sources)}", f"rule+targets={rule.type}+{bool(targets)}",
                 f"hazard_in_sentence={_hazard_besides(trigger, verb, lex)}"]
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            features.append(f"subj={word(child)}")
            features.append(f"rule+subj={rule.type}+{word(child)}")
        elif child.dep_ == "prep":
            features.append(f"prep={child.lower_}")
            features.append(f"verb+prep={verb_lemma}+{child.lower_}")
    features += [f"sources={bool(sources)}", f"targets={bool(targets)}"]
    for name, sides in (("src", sources), ("tgt", targets)):
        for standing in sorted({_standing(side) for side in sides}):
            features += [f"{name}={standing}", f"rule+{name}={rule.type}+{standing}"]
    return features


SAME_PAST_FORMS = frozenset({"beat", "hit", "cut", "shut", "put", "set", "spread", "burst", "shed", "hurt", "cast",
                             "quit", "let", "thrust", "upset", "broadcast"})
"""Verbs whose simple past is their present form: 'Taliban fighters beat protesters' is read in news as done."""


def tense_tag(verb: Token) -> str:
    """The verb's tag, a present form of a verb whose past is the same word read as the past the news tells."""
    if verb.tag_ == "VBP" and verb.lower_ in SAME_PAST_FORMS:
        return "VBD"
    return verb.tag_


_HAZARDS_KEY = "presslens.hazard_tokens"
"""``doc.user_data`` key of the indexes of hazard words per sentence start (dropped with the other per-Doc caches)."""


def _hazard_besides(trigger: Token, verb: Token, lex: Lexicon) -> bool:
    """A hazard named in the sentence by another word than the trigger and its verb ('fired' is no fire)."""
    by_sentence = trigger.doc.user_data.setdefault(_HAZARDS_KEY, {})
    sentence = trigger.sent
    found = by_sentence.get(sentence.start)
    if found is None:
        found = by_sentence[sentence.start] = [t.i for t in sentence if lex.hazard(t, lemma_only=True)]
    return any(i not in (trigger.i, verb.i) for i in found)


def _standing(side: Side) -> str:
    """Whether a side is a private person (no role, no sector), a person in a role, or a collective actor
    (a state, a force, a group, a population) — never which one, nor whether a force is a state's or a
    rebel group's: the same construction about any two parties to a conflict gets the same features."""
    if side.actor.kind != "person":
        return "collective"
    return "official" if side.actor.role or side.sector or side.actor.sector else "private person"


__all__ = ["candidate_features"]
