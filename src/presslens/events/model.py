"""The event-type model: a multinomial logistic regression over candidate features.

Every trigger candidate (a verb or event noun the parse offers, coded by the PLOVER
lexicon or not) is described by ``features.candidate_features``; the model gives it one
of the 16 PLOVER types or ``NONE`` (no event). Weights ship as JSON
(``data/event_model.json``), written by ``scripts/train_event_model.py``; inference needs
only the standard library. When the predicted type is the lexicon's, the lexicon's mode
stands; otherwise the mode is the lexicon's mode of the trigger for that type, if any.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .plover import Code

MODEL_JSON = Path(__file__).parent / "data" / "event_model.json"
NONE = "NONE"


NEAR_MISSES = (frozenset({"AGREE", "CONCEDE", "CONSULT", "COOPERATE", "SUPPORT"}), frozenset({"COERCE", "ASSAULT"}),
               frozenset({"THREATEN", "ACCUSE"}), frozenset({"REQUEST", "REJECT"}))
"""Types PLOVER's definitions tell apart by degree rather than kind (an offer or a concession, a promise or a
meeting; coercion or force; a threat or an accusation; asking or refusing): the model may move a trigger's code
within one group, or to another type the lexicon gives that trigger, never elsewhere ('urged' is no meeting)."""


def near_miss(rule: str, predicted: str) -> bool:
    return any(rule in group and predicted in group for group in NEAR_MISSES)


@dataclass(frozen=True)
class EventModel:
    """Class names, a bias per class and, per feature, its weight for each class."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    meta: dict[str, Any] = field(default_factory=dict)
    none_threshold: float = 0.5
    """No event when ``NONE`` is at least this probable (chosen by cross-validation in ``training``)."""

    def probabilities(self, features: list[str]) -> list[float]:
        scores = list(self.bias)
        for name in set(features):
            row = self.weights.get(name)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def predict(self, features: list[str]) -> tuple[str, float]:
        """The most probable class (``NONE``: no event) and its probability (ties go to the earlier class)."""
        return self._best(self.probabilities(features))

    def _best(self, probs: list[float]) -> tuple[str, float]:
        best = max(range(len(probs)), key=lambda i: (probs[i], -i))
        return self.classes[best], probs[best]

    def decide(self, features: list[str], rule: Code, modes: dict[str, str | None]) -> Code:
        """The candidate's code. The model overrules the lexicon (another type, or no event) and codes
        what the lexicon leaves uncoded only when its class is more probable than all others together
        (p >= 0.5); otherwise the lexicon's code stands. A coded trigger moves only to a near miss of
        its type (``NEAR_MISSES``: AGREE or CONCEDE, COERCE or ASSAULT, THREATEN or ACCUSE ...) or to
        another type the lexicon codes that trigger with (``modes``). A new type takes the lexicon's mode
        for it. Before all that, a candidate whose ``NONE`` probability reaches ``none_threshold`` is no
        event (below 0.5, the model says "no event" even where another class is more probable than ``NONE``)."""
        probs = self.probabilities(features)
        if probs[self.classes.index(NONE)] >= self.none_threshold:
            return Code(None)
        predicted, probability = self._best(probs)
        if predicted == (rule.type or NONE) or probability < 0.5:
            return rule
        if rule.type is not None and predicted != NONE and not (predicted in modes or near_miss(rule.type, predicted)):
            return rule
        if predicted == NONE:
            return Code(None)
        return Code(predicted, modes.get(predicted))

    def to_dict(self) -> dict[str, Any]:
        return {"classes": list(self.classes), "none_threshold": self.none_threshold,
                "bias": [round(b, 5) for b in self.bias],
                "weights": {k: [round(w, 5) for w in v] for k, v in sorted(self.weights.items())}, "meta": self.meta}


def model_from_dict(data: dict[str, Any]) -> EventModel:
    return EventModel(classes=tuple(data["classes"]), bias=tuple(data["bias"]),
                      weights={k: tuple(v) for k, v in data["weights"].items()}, meta=data.get("meta", {}),
                      none_threshold=data.get("none_threshold", 0.5))


@functools.lru_cache(maxsize=1)
def load_model(path: Path = MODEL_JSON) -> EventModel | None:
    """The shipped model; None when the file is absent (the lexicon's codes then stand)."""
    if not path.exists():
        return None
    return model_from_dict(json.loads(path.read_text(encoding="utf-8")))


__all__ = ["EventModel", "NONE", "load_model", "model_from_dict", "MODEL_JSON"]
