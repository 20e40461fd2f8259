"""Which dependents of a cue verb carry its content (the complement rules by cue class)."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.core.parse_repairs import TIME_LABELS

from .cues import (DIRECTIVE_VERBS, EVIDENTIAL_VERBS, INTENT_VERBS, OBJECT_CONTENT_VERBS, PASSIVE_RAISING_VERBS,
                   content_prepositions, cue_class)
from .spans import CONCESSIVE_MARKERS

_OBJECT_MODIFIERS = frozenset({"prep", "npadvmod", "oprd"})
CIRCUMSTANCE_PREPOSITIONS = frozenset("""
in on at during since after before amid amidst throughout through via over under following until till despite
near across within behind inside outside upon ahead
""".split())
"""Prepositions whose phrase after an object sets the scene of the act (in an email, on Friday), not its content."""


def token_range(tokens: list[Token]) -> tuple[int, int]:
    extents = [_extent(t) for t in tokens]
    return min(e[0] for e in extents), max(e[1] for e in extents)


def _is_time(token: Token) -> bool:
    return any(t.ent_type_ in TIME_LABELS for t in token.subtree if t.dep_ == "pobj") or token.ent_type_ in TIME_LABELS


def infinitival(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


_RAISED_COMPLEMENTS = frozenset({"xcomp", "ccomp", "acomp", "attr", "oprd"})


def raised_content(verb: Token) -> list[Token]:
    """Subject and infinitive of a sourceless passive (X is expected to win, no agent), or subject and
    complement of a verb of seeming (X seems to have failed, X seemed tired), unless that complement is a
    cue of its own (appeared to say …)."""
    if verb.lemma_.lower() in EVIDENTIAL_VERBS:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ != "it"]
        complements = [c for c in verb.children if c.dep_ in _RAISED_COMPLEMENTS and c.i > verb.i
                       and (c.dep_ != "xcomp" or infinitival(c)) and cue_class(c) is None]
        return subjects + complements if subjects and complements else []
    if verb.lemma_.lower() not in PASSIVE_RAISING_VERBS or any(c.dep_ == "agent" for c in verb.children):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    complements = [c for c in verb.children if c.dep_ in _RAISED_COMPLEMENTS and c.i > verb.i]
    if not subjects or not complements or not all(c.dep_ == "xcomp" and infinitival(c) for c in complements):
        return []
    return subjects + complements


def _as_doing(verb: Token) -> bool:
    """An 'as' phrase with a participle on the verb ('was quoted as saying', 'was cited as warning')."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
               for c in verb.children)


def content_children(verb: Token, kind: str) -> list[Token]:
    """The children of a cue verb whose subtrees are its content."""
    lemma = verb.lemma_.lower()
    raised = raised_content(verb)
    if raised:
        return raised
    clauses, objects = [], []
    for child in verb.children:
        dep = child.dep_
        if dep == "ccomp":
            clauses.append(child)
        elif dep == "xcomp" and (kind == "intent" or lemma in DIRECTIVE_VERBS or lemma in INTENT_VERBS):
            clauses.append(child)
        elif dep == "advcl" and lemma in DIRECTIVE_VERBS and child.i > verb.i and infinitival(child):
            clauses.append(child)
        elif dep == "xcomp" and child.tag_ == "VBG" and child.i > verb.i and lemma in OBJECT_CONTENT_VERBS and (
                kind in ("speech", "evidence", "intent")):
            objects.append(child)  # denied taking the money: a gerund object, like 'denied the report'
        elif dep == "prep" and child.lower_ in content_prepositions(lemma, kind) and not _is_time(child):
            objects.append(child)
        elif dep == "nsubjpass" and child.pos_ not in ("PRON", "NUM") and lemma not in DIRECTIVE_VERBS and not (
                _as_doing(verb)):  # not 'the general was quoted as saying …': the general is the one saying
            objects.append(child)  # the plan was announced: what is announced is the content
        elif dep in ("dobj", "oprd") and child.pos_ != "PRON" and (kind == "stance" or kind in (
                "speech", "evidence", "intent") and (lemma in OBJECT_CONTENT_VERBS or lemma in DIRECTIVE_VERBS)):
            objects.append(child)
    if not any(o.dep_ == "prep" for o in objects):
        objects += _stacked_content_preps(verb, kind)
    clauses += _stranded_conjuncts(verb, clauses) + _closing_parts(verb, clauses, kind)
    if kind == "belief":
        return clauses
    if lemma in DIRECTIVE_VERBS:
        infinitives = [c for c in clauses if infinitival(c)]
        if infinitives:  # urged the farmers to sell: the content is that they sell, the doers included
            first = min(c.left_edge.i for c in infinitives)
            return clauses + [c for c in verb.children if c.i < first and c.i > verb.i and (
                c.dep_ == "dobj" or c.dep_ == "prep" and c in objects)]
        if clauses or lemma not in OBJECT_CONTENT_VERBS:  # told reporters, warned them: an addressee
            objects = [o for o in objects if o.dep_ != "dobj"] + _addressee_preps(verb, kind)
    elif clauses:
        return clauses
    after = [o.i for o in objects if o.i > verb.i]
    if after and not clauses:
        objects += [c for c in verb.children if c.i > min(after) and c not in objects and _object_modifier(c)]
    return clauses + objects


_BARE_FORMS = frozenset({"VB", "VBP"})
_FINITE_FORMS = frozenset({"VBD", "VBZ"})


def _stranded_conjuncts(verb: Token, clauses: list[Token]) -> list[Token]:
    """Bare verbs the parse coordinated with the cue that continue its infinitive (wants to cut X and raise Y).

    A subjectless bare form cannot share the subject and tense of a past or third-person cue,
    so it belongs to the infinitive before it.
    """
    infinitives = [c for c in clauses if infinitival(c)]
    if not infinitives or verb.tag_ in _BARE_FORMS:
        return []
    after = max(c.i for c in infinitives)
    return [c for c in verb.children if c.dep_ in ("conj", "dep") and c.i > after and c.tag_ in _BARE_FORMS
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]


def _closing_parts(verb: Token, clauses: list[Token], kind: str) -> list[Token]:
    """What the parse hung on a verb of saying or thinking after its reported clause, closing the sentence: an
    adverbial clause (… when it comes to X) or a quotation after a colon, which continue what was reported.

    Not a participle (…, citing …), a concession (…, although …) or an ``as`` clause, which are the writer's,
    nor a cue of its own."""
    reported = [c for c in clauses if c.dep_ == "ccomp" and c.i > verb.i]
    if kind not in ("speech", "belief") or not reported:
        return []
    end = max(c.right_edge.i for c in reported)
    parts = []
    for child in verb.children:
        if child.i <= end or cue_class(child) is not None:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if child.dep_ == "dep" or child.dep_ == "advcl" and child.tag_ != "VBG" and not (
                marks & (CONCESSIVE_MARKERS | {"as"})):
            parts.append(child)
    return parts


def _object_modifier(child: Token) -> bool:
    """A dependent after the object that completes what was said (as a disgrace, for the delay), not when or where."""
    if child.dep_ not in _OBJECT_MODIFIERS or _is_time(child):
        return False
    return not (child.dep_ == "prep" and child.lower_ in CIRCUMSTANCE_PREPOSITIONS)


def _addressee_preps(verb: Token, kind: str) -> list[Token]:
    """Content prepositions the parse hung on the addressee (warned [the regime of a defeat])."""
    wanted = content_prepositions(verb.lemma_.lower(), kind)
    return [p for o in verb.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep" and p.lower_ in wanted]


def _stacked_content_preps(verb: Token, kind: str) -> list[Token]:
    """'accused the regime of X of war crimes': the last of two content-preposition phrases closing the object is
    the verb's, wherever the parse hung it (on the object's noun or on the name inside it)."""
    wanted = content_prepositions(verb.lemma_.lower(), kind)
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        preps = [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ in wanted]
        if len(preps) >= 2 and preps[-1].right_edge == obj.right_edge:
            return [preps[-1]]
    return []


def _finite_after_infinitive(child: Token, conj: Token) -> bool:
    """A past or third-person verb joined to an infinitive continues the sentence, not the content (vowed to X and left)."""
    return infinitival(child) and conj.tag_ in _FINITE_FORMS


def _extent(child: Token) -> tuple[int, int]:
    """A content child's token range, stopping before a coordinated cue of its own (… and warned that …)."""
    last = child.right_edge.i
    for conj in child.children:
        if conj.dep_ == "conj" and conj.i > child.i and (cue_class(conj) == "speech" or _finite_after_infinitive(
                child, conj)) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            last = min(last, conj.left_edge.i - 1)
    return child.left_edge.i, last


__all__ = ["content_children", "raised_content", "token_range", "infinitival"]
