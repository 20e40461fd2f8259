"""Token features for the propaganda span model (shared by training and inference).

Names are masked (``masking.py``): every run of name tokens ('the Rapid Support Forces',
'Sudan') is one unit read as ``<NAME>``, and numbers become ``<NUM>``, so the model
learns nothing about a particular actor and the same wording gets the same score
whichever actor it is about. A name run is scored once and its score shared by its
tokens. Part-of-speech and dependency labels are left out for the same reason (they
may shift when a name changes); what remains is the words, their neighbours, the
quotation marks, the VADER valence of the words, the lexicon categories and the
word-level rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .masking import name_runs
from .rules import Candidate
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
    """The lower-case form of a token outside a name, or a placeholder for numbers and plain group
    nouns ('government', 'rebels'; labels such as 'regime' or 'thugs' stay words)."""
    if token.like_num:
        return NUMBER
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


def units(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The document as token ranges: each name run is one unit, every other token its own."""
    result, i = [], 0
    for start, end in sorted(runs) + [(len(doc), len(doc))]:
        result += [(j, j + 1) for j in range(i, start)]
        if start < end:
            result.append((start, end))
        i = end
    return result


def unit_words(doc: Doc, lexicon: Lexicon, runs: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[str]]:
    """The units of a document and the word each is read as (``<NAME>`` for a name run)."""
    spans = units(doc, runs)
    named = set(runs)
    return spans, [NAME if span in named else masked(doc[span[0]], lexicon) for span in spans]


def doc_features(doc: Doc, lexicon: Lexicon, candidates: Iterable[Candidate],
                 runs: list[tuple[int, int]] | None = None) -> list[list[Feature]]:
    """One feature list per token of the document (the tokens of a name run share one list).

    ``runs``: the name runs (``masking.name_runs``); by default the names the parse tags.
    """
    spans, words = unit_words(doc, lexicon, name_runs(doc) if runs is None else runs)
    tokens = list(doc)  # doc[i] makes a new Token each time: read each once
    heads = [tokens[s] for s, _ in spans]
    lowers = [t.lower_ for t in heads]
    lemmas = [t.lemma_.lower() for t in heads]
    repeats = Counter(lemma for lemma, t, w in zip(lemmas, heads, words)
                      if w not in MASKS and t.is_alpha and not t.is_stop)
    quoted = inside_quotes(doc)
    marks = rule_marks(doc, candidates)
    valence = analyzer().lexicon
    strength = [None if w in MASKS else abs(valence.get(lower, 0.0)) for lower, w in zip(lowers, words)]
    features: list[list[Feature]] = [[] for _ in tokens]
    bounds: list[tuple[int, int]] = []
    k = 0
    for sentence in doc.sents:
        first = k
        while k < len(spans) and spans[k][0] < sentence.end:
            k += 1
        bounds.append((first, k))
    for index, (first, last) in enumerate(bounds):
        shared = _sentence_features(tokens, spans[first:last], words[first:last], index, valence)
        window = ["<S>", "<S>"] + words[first:last] + ["<S>", "<S>"]
        size = max(last - first, 1)
        for u in range(first, last):
            (start, end), word, token = spans[u], words[u], heads[u]
            p = u - first + 2
            before, after = window[p - 1], window[p + 1]
            f: list[Feature] = ["bias", "w=" + word, "sh=" + token.shape_[:4] if word != NAME else "sh=NAME"]
            if word not in MASKS:
                f += ["l=" + lemmas[u], "s3=" + word[-3:], "p3=" + word[:3]]
                categories = lexicon.categories(token)
                f += ["lex=" + c for c in LEXICON_CATEGORIES if c in categories]
                count = repeats.get(lemmas[u], 0)
                if count > 1:
                    f.append(f"rep={min(count, 4)}")
            f += [f"w{k}={window[p + k]}" for k in WINDOW]
            f += ["bg-=" + before + "|" + word, "bg+=" + word + "|" + after]
            f.append("v=" + valence_bucket(lowers[u] if word not in MASKS else ""))
            near = [v for v in strength[max(first, u - 3):min(last, u + 4)] if v is not None]
            f.append(f"vw={min(int(max(near, default=0.0)), 3)}")
            f.append(f"rel={int(4 * (u - first) / size)}")
            f.append(f"q={quoted[start]}")
            marked = marks[start] if end - start == 1 else set().union(*(marks[i] for i in range(start, end)))
            f += ["rule=" + m for m in sorted(marked)]
            f += shared
            for i in range(start, end):
                features[i] = f
    return features


def _sentence_features(tokens: list[Token], spans: list[tuple[int, int]], words: list[str], index: int,
                       valence: dict) -> list[Feature]:
    charged = sum(1 for (s, _), w in zip(spans, words) if tokens[s].lower_ in valence and w not in MASKS)
    result: list[Feature] = [f"sv={min(charged, 5)}", f"slen={min(len(spans) // 5, 8)}", f"first={index == 0}"]
    texts = {tokens[i].text for s, e in spans for i in range(s, e)}
    if "!" in texts:
        result.append("s!")
    if "?" in texts:
        result.append("s?")
    return result


__all__ = ["doc_features", "masked", "units", "unit_words", "rule_marks", "Feature", "NAME", "ACTOR", "NUMBER"]
