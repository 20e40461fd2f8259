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
        """The candidate's code. A candidate whose ``NONE`` probability reaches ``none_threshold`` is no
        event. Otherwise the model codes what the lexicon leaves uncoded only when a type is more
        probable than all other classes together (p >= 0.5), and retypes a coded trigger when a type is
        more probable than all other types together given that it is an event (its probability over
        1 - p(NONE)): a coded trigger moves only to a near miss of its type (``NEAR_MISSES``: AGREE or
        CONCEDE, COERCE or ASSAULT, THREATEN or ACCUSE ...) or to another type the lexicon codes that
        trigger with (``modes``), and takes the lexicon's mode for it. Elsewhere the lexicon's code stands."""
        probs = self.probabilities(features)
        none = probs[self.classes.index(NONE)]
        if none >= self.none_threshold:
            return Code(None)
        if rule.type is None:
            predicted, probability = self._best(probs)
            return rule if predicted == NONE or probability < 0.5 else Code(predicted, modes.get(predicted))
        typed = [0.0 if name == NONE else p / (1.0 - none) for name, p in zip(self.classes, probs)]
        predicted, probability = self._best(typed)
        if predicted == rule.type or probability < 0.5 or not (predicted in modes or near_miss(rule.type, predicted)):
            return rule
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
