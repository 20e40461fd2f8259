"""The propaganda span model: token scores → spans → a technique per span.

Two logistic-regression models trained by ``scripts/train_span_model.py`` and
stored as JSON in ``data/span_model.json`` (feature → weight):

* a token model scoring how likely each token lies in a propaganda span;
  a span starts at a token scoring ≥ ``high`` and extends over neighbours
  scoring ≥ ``low`` within the sentence (hysteresis), trimmed of punctuation;
* a technique model (multinomial) choosing the SemEval technique of a span.

Features (``span_features.py``) mask names (``masking.py``, with the article's actor
mentions), so scores do not depend on which actor a sentence is about. Inference needs
only the standard library.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

from collections.abc import Iterable

from spacy.tokens import Doc

from presslens.core.schema import ActorMention

from .lexicon import Lexicon
from .masking import name_runs
from .rules import Candidate
from .span_features import NAME, Feature, doc_features, masked, rule_marks

MODEL_FILE = "span_model.json"


@dataclass(frozen=True)
class SpanModel:
    """Token weights, technique weights (one vector per feature) and decoding thresholds."""

    token_weights: dict[str, float]
    classes: tuple[str, ...]
    technique_weights: dict[str, tuple[float, ...]]
    high: float
    low: float


def model_from_dict(data: dict) -> SpanModel:
    return SpanModel(token_weights=data["token"]["weights"], classes=tuple(data["technique"]["classes"]),
                     technique_weights={k: tuple(v) for k, v in data["technique"]["weights"].items()},
                     high=data["decode"]["high"], low=data["decode"]["low"])


@functools.lru_cache(maxsize=1)
def load_model() -> SpanModel | None:
    """The packaged model, or None when it has not been trained (rules then work alone)."""
    path = resources.files("presslens.language") / "data" / MODEL_FILE
    if not path.is_file():
        return None
    return model_from_dict(json.loads(path.read_text(encoding="utf-8")))


def score(features: list[Feature], weights: dict[str, float]) -> float:
    """Logistic score of one token's features."""
    get = weights.get
    total = sum(get(f, 0.0) if f.__class__ is str else get(f[0], 0.0) * f[1] for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def decode(doc: Doc, probabilities: list[float], high: float, low: float) -> list[tuple[int, int]]:
    """Token ranges: a seed token ≥ ``high`` grown over neighbours ≥ ``low`` in its sentence,
    trimmed of punctuation; ranges without a content word are dropped."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if probabilities[i] < high or doc[i].is_punct or doc[i].is_space:
            i += 1
            continue
        sentence = doc[i].sent
        start, end = i, i
        while start - 1 >= sentence.start and probabilities[start - 1] >= low:
            start -= 1
        while end + 1 < sentence.end and probabilities[end + 1] >= low:
            end += 1
        i = end + 1
        while start <= end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end >= start and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        if start <= end and any(t.is_alpha and not t.is_stop for t in doc[start:end + 1]):
            spans.append((start, end + 1))
    return spans


def span_features(doc: Doc, start: int, end: int, lexicon: Lexicon, marks: list[set[str]],
                  named: set[int]) -> list[str]:
    """Features of a whole span for the technique model; ``named``: the tokens of name runs (one
    ``<NAME>`` word per run)."""
    tokens = doc[start:end]
    words = [NAME if t.i in named else masked(t, lexicon) for t in tokens
             if not (t.i in named and t.i - 1 in named and t.i > start)]
    features = ["bias", f"len={min(len(words), 12) // 2}", "first=" + words[0], "last=" + words[-1]]
    features += sorted({"w=" + w for w in words})
    features += sorted({"lex=" + c for t in tokens if t.i not in named
                        for c in ("loaded_nouns", "loaded_adjectives", "loaded_verbs", "label_nouns", "actor_nouns")
                        if lexicon.has(c, t)})  # a name's words ('the Arakan Army') are no lexicon hits
    features += sorted({"rule=" + m for i in range(start, end) for m in marks[i]})
    following = (NAME if end in named else doc[end].text) if end < len(doc) else ""
    features.append("next=" + following)
    if any(t.text == "?" for t in tokens) or following == "?":
        features.append("question")
    return features


def technique_of(features: list[str], model: SpanModel) -> tuple[str, float]:
    """The most likely technique of a span and its probability."""
    totals = [0.0] * len(model.classes)
    for f in features:
        weights = model.technique_weights.get(f)
        if weights:
            totals = [t + w for t, w in zip(totals, weights)]
    top = max(totals)
    exps = [math.exp(t - top) for t in totals]
    best = max(range(len(exps)), key=exps.__getitem__)
    return model.classes[best], exps[best] / sum(exps)


def token_probabilities(doc: Doc, lexicon: Lexicon, rules: list[Candidate], model: SpanModel,
                        runs: list[tuple[int, int]]) -> list[float]:
    """Each token's score; the tokens of a name run share one feature list, scored once."""
    scored: dict[int, float] = {}
    result = []
    for features in doc_features(doc, lexicon, rules, runs):
        key = id(features)
        if key not in scored:
            scored[key] = score(features, model.token_weights)
        result.append(scored[key])
    return result


def model_candidates(doc: Doc, lexicon: Lexicon, rules: list[Candidate], model: SpanModel | None = None,
                     mentions: Iterable[ActorMention] = ()) -> list[Candidate]:
    """Spans the model (default: the packaged one) finds, each with its technique and top token score;
    the actor ``mentions`` are masked with the names."""
    model = model or load_model()
    if model is None or len(doc) == 0:
        return []
    runs = name_runs(doc, mentions)
    named = {i for start, end in runs for i in range(start, end)}
    probabilities = token_probabilities(doc, lexicon, rules, model, runs)
    marks = rule_marks(doc, rules)
    result = []
    for start, end in decode(doc, probabilities, model.high, model.low):
        technique, certainty = technique_of(span_features(doc, start, end, lexicon, marks, named), model)
        top = max(probabilities[start:end])
        reason = f"wording like spans annotated as {technique} in news (span model, technique p={certainty:.2f})"
        result.append(Candidate(start, end, technique, reason, method="model", score=round(top, 3)))
    return result


__all__ = ["SpanModel", "load_model", "model_from_dict", "model_candidates", "decode", "span_features", "technique_of",
           "token_probabilities", "score", "MODEL_FILE"]
