"""Token features for the propaganda span model (shared by training and inference).

Names are masked: every proper name, demonym and number becomes ``<NAME>`` or
``<NUM>``, so the model cannot learn anything about a particular actor and the
same wording gets the same score whichever actor it is about. Part-of-speech and
dependency labels are left out for the same reason (they may shift when a name
changes); what remains is the words, their neighbours, the quotation marks, the
VADER valence of the words, the lexicon categories and the word-level rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .rules import Candidate, is_name
from .tone import analyzer

NAME = "<NAME>"
ACTOR = "<ACTOR>"
NUMBER = "<NUM>"
MASKS = frozenset({NAME, ACTOR, NUMBER})
WINDOW = (-2, -1, 1, 2)
LEXICON_CATEGORIES = ("loaded_nouns", "loaded_adjectives", "loaded_verbs", "loaded_adverbs", "label_nouns",
                      "actor_nouns", "intensifiers", "doubt_markers", "identity_nouns")
OPENING_QUOTES = frozenset({"“", "‘", "«"})
CLOSING_QUOTES = frozenset({"”", "’", "»"})
STRAIGHT_QUOTES = frozenset({'"'})

Feature = str | tuple[str, float]


def masked(token: Token, lexicon: Lexicon) -> str:
    """The token's lower-case form, or a placeholder for names, numbers and plain group nouns
    ('government', 'rebels'; labels such as 'regime' or 'thugs' stay words)."""
    if token.like_num:
        return NUMBER
    if is_name(token):
        return NAME
    if lexicon.has("actor_nouns", token) and not any(
            lexicon.has(c, token) for c in ("naming_nouns", "stand_in_nouns", "label_nouns")):
        return ACTOR
    return token.lower_


def valence_bucket(word: str) -> str:
    value = analyzer().lexicon.get(word)
    if value is None:
        return "0"
    return ("n2" if value <= -2 else "n1") if value < 0 else ("p2" if value >= 2 else "p1")


def inside_quotes(doc: Doc) -> list[bool]:
    """Whether each token lies between quotation marks."""
    flags, inside = [], False
    for token in doc:
        if token.text in OPENING_QUOTES:
            inside = True
        elif token.text in CLOSING_QUOTES and token.text != "’":
            inside = False
        elif token.text in STRAIGHT_QUOTES:
            inside = not inside
        flags.append(inside)
    return flags


def rule_marks(doc: Doc, candidates: Iterable[Candidate]) -> list[set[str]]:
    """For each token, the techniques of the rule candidates covering it."""
    marks: list[set[str]] = [set() for _ in doc]
    for c in candidates:
        for i in range(c.start, c.end):
            marks[i].add(c.technique)
    return marks


def doc_features(doc: Doc, lexicon: Lexicon, candidates: Iterable[Candidate]) -> list[list[Feature]]:
    """One feature list per token of the document."""
    words = [masked(t, lexicon) for t in doc]
    lemmas = Counter(t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop and words[t.i] not in MASKS)
    quoted = inside_quotes(doc)
    marks = rule_marks(doc, candidates)
    valence = analyzer().lexicon
    features: list[list[Feature]] = [[] for _ in doc]
    for index, sentence in enumerate(doc.sents):
        sentence_features = _sentence_features(sentence, index, valence, words)
        for token in sentence:
            i = token.i
            word = words[i]

            def at(offset: int) -> str:
                j = i + offset
                return words[j] if sentence.start <= j < sentence.end else "<S>"

            f: list[Feature] = ["bias", "w=" + word, "sh=" + token.shape_[:4] if word != NAME else "sh=NAME"]
            if word not in MASKS:
                f += ["l=" + token.lemma_.lower(), "s3=" + word[-3:], "p3=" + word[:3]]
                f += ["lex=" + c for c in LEXICON_CATEGORIES if lexicon.has(c, token)]
                repeats = lemmas.get(token.lemma_.lower(), 0)
                if repeats > 1:
                    f.append(f"rep={min(repeats, 4)}")
            f += [f"w{k}={at(k)}" for k in WINDOW]
            f += ["bg-=" + at(-1) + "|" + word, "bg+=" + word + "|" + at(1)]
            f.append("v=" + valence_bucket(token.lower_ if word not in MASKS else ""))
            near = [abs(valence.get(doc[j].lower_, 0.0)) for j in range(max(sentence.start, i - 3), min(sentence.end, i + 4))
                    if words[j] not in MASKS]
            f.append(f"vw={min(int(max(near, default=0.0)), 3)}")
            f.append(f"rel={int(4 * (i - sentence.start) / max(len(sentence), 1))}")
            f.append(f"q={quoted[i]}")
            f += ["rule=" + m for m in sorted(marks[i])]
            features[i] = f + sentence_features
    return features


def _sentence_features(sentence, index: int, valence: dict, words: list[str]) -> list[Feature]:
    charged = sum(1 for t in sentence if t.lower_ in valence and words[t.i] not in MASKS)
    result: list[Feature] = [f"sv={min(charged, 5)}", f"slen={min(len(sentence) // 5, 8)}", f"first={index == 0}"]
    if any(t.text == "!" for t in sentence):
        result.append("s!")
    if any(t.text == "?" for t in sentence):
        result.append("s?")
    return result


__all__ = ["doc_features", "masked", "rule_marks", "Feature", "NAME", "ACTOR", "NUMBER"]
