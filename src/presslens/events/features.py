"""Features of one trigger candidate for the event-type model (``model``).

What the lexicon says (its type and mode, the control verb and what it governs), the
words (trigger, verb, particle and object lemmas, the object's event-noun code), the
grammar (dependency, tag, tense, negation, voice) and who takes part (kind and sector of
the sources and targets the grammar finds, or none). Sentence words are deliberately
left out: the type must come from the trigger and its arguments, not from the topic.
"""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import NEUTRAL_SPEECH, Side
from .plover import Code, Lexicon
from .triggers import Candidate, lemma_words, phrase_words


def _side(prefix: str, sides: list[Side]) -> list[str]:
    if not sides:
        return [f"{prefix}=none"]
    found = []
    for side in sides:
        found.append(f"{prefix}.kind={side.actor.kind}")
        found.append(f"{prefix}.sector={side.sector or side.actor.sector or '-'}")
        found.append(f"{prefix}.state={bool(side.actor.country)}")
    return found


def _lemma(token: Token | None) -> str:
    return token.lemma_.lower() if token is not None else "-"


def candidate_features(c: Candidate, rule: Code, sources: list[Side], targets: list[Side], negated: bool,
                       passive: bool, lex: Lexicon) -> list[str]:
    """Named binary features of a candidate (names only; the model holds the weights)."""
    verb, trigger = c.verb, c.trigger
    verb_lemma, trigger_lemma, obj_lemma = _lemma(verb), _lemma(trigger), _lemma(c.obj)
    features = [
        "bias", f"rule={rule.type or 'none'}", f"rule_mode={rule.type}/{rule.mode}",
        f"verb={verb_lemma}", f"trigger={trigger_lemma}", f"trigger_pos={trigger.pos_}",
        f"obj={obj_lemma}", f"verb+obj={verb_lemma}+{obj_lemma}",
        f"dep={verb.dep_}", f"tag={verb.tag_}", f"control={c.control}",
        f"comp={c.comp_code.type if c.comp_code else None}", f"rule+control={rule.type}+{c.control}",
        f"future={c.future}", f"negated={negated}", f"passive={passive}",
        f"speech={verb_lemma in NEUTRAL_SPEECH}", f"reported={c.reporter is not None}",
    ]
    if c.particle is not None:
        features.append(f"verb+particle={verb_lemma}+{c.particle.lower_}")
    if c.obj is not None:
        noun = lex.noun(phrase_words(c.obj)) or lex.noun(lemma_words(c.obj))
        features.append(f"obj_code={noun[0].type if noun else None}")
        features.append(f"obj_ent={c.obj.ent_type_ or '-'}")
    if c.complement is not None:
        features.append(f"comp_verb={_lemma(c.complement)}")
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            features.append(f"subj={child.lemma_.lower()}")
            features.append(f"subj_ent={child.ent_type_ or '-'}")
        elif child.dep_ == "prep":
            features.append(f"prep={child.lower_}")
            features.append(f"verb+prep={verb_lemma}+{child.lower_}")
    features += _side("src", sources) + _side("tgt", targets)
    return features


__all__ = ["candidate_features"]
