"""The PLOVER lexicon (``data/plover.yaml``): verbs, phrasal verbs and event nouns → type and mode."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

PLOVER_YAML = Path(__file__).parent / "data" / "plover.yaml"
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4,
        "COERCE": 4, "ASSAULT": 4}
"""PLOVER quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN"})


@dataclass(frozen=True)
class Code:
    """An event type with its mode; ``type`` None means 'no event'."""

    type: str | None
    mode: str | None = None

    @classmethod
    def parse(cls, value: str) -> "Code":
        if value == "-":
            return cls(None)
        type_, _, mode = value.partition("/")
        if type_ not in EVENT_TYPES:
            raise ValueError(f"unknown PLOVER type in the lexicon: {value!r}")
        return cls(type_, mode or None)


NO_EVENT = Code(None)


@dataclass(frozen=True)
class VerbSpec:
    """How a verb (or phrasal verb) codes events; see the header of ``data/plover.yaml``."""

    code: Code | None = None
    objects: dict[str, Code] = field(default_factory=dict)
    civil: Code | None = None
    official: Code | None = None
    verbal: Code | None = None
    needs_actor: bool = False
    needs_person: bool = False
    """The act is done to people themselves ('released the hostages'), not to what someone owns ('released
    her tax returns')."""
    swap: bool = False
    control: str | None = None
    speech: bool = False
    subjects: dict[str, Code] = field(default_factory=dict)
    """Codes chosen by the subject's head lemma ('protesters gathered', 'clashes broke out')."""

    @classmethod
    def parse(cls, value: Any) -> "VerbSpec":
        if isinstance(value, str):
            return cls(code=Code.parse(value))
        return cls(code=Code.parse(value["type"]) if value.get("type") else None,
                   objects={k: Code.parse(v) for k, v in (value.get("objects") or {}).items()},
                   civil=Code.parse(value["civil"]) if value.get("civil") else None,
                   official=Code.parse(value["official"]) if value.get("official") else None,
                   verbal=Code.parse(value["verbal"]) if value.get("verbal") else None,
                   needs_actor=value.get("needs") in ("actor", "person"), needs_person=value.get("needs") == "person",
                   swap=bool(value.get("swap")),
                   control=value.get("control"), speech=value.get("speech") == "neutral",
                   subjects={k: Code.parse(v) for k, v in (value.get("subjects") or {}).items()})


NAMED_THINGS = frozenset({"PRODUCT"})
"""Entity labels of names whose hazard word names no hazard ('Storm Shadow missiles'); a disease the tagger calls an
organisation ('Cholera killed 40') and a named wildfire ('the Camp Fire', a facility to the tagger) still do."""
NAMED_PLACES = frozenset({"LOC", "GPE", "FAC"})
WATERS = frozenset({"sea", "river", "water", "waves"})
"""Hazard words that are also the last word of a place's name ('the Black Sea', 'the Jordan River')."""


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, VerbSpec]
    phrasal: dict[str, VerbSpec]
    nouns: dict[str, Code]
    light_verbs: frozenset[str]
    light_overrides: dict[str, dict[str, Code]]
    modes: dict[str, str]
    future: dict[str, str]
    threat_modes: dict[str, str]
    request_modes: dict[str, str]
    hazards: frozenset[str] = frozenset()
    """Nouns of disasters, accidents and epidemics (PLOVER's `disasters` and `health` contexts)."""

    def hazard(self, token: Token, lemma_only: bool = False) -> bool:
        """Is the word a hazard noun, outside a name of a place, a thing or a body ('the Red Sea', 'Storm Shadow
        missiles'; a storm's own name, 'Hurricane Katrina', 'Typhoon Haiyan', still names a storm)?"""
        if token.ent_type_ in NAMED_THINGS:
            return False
        lemma = token.lemma_.lower()
        if token.ent_type_ in NAMED_PLACES and lemma in WATERS and token.dep_ not in ("nsubj", "nsubjpass"):
            return False  # 'in the Red Sea' is where; 'the Yamuna River burst its banks' is a flood
        return lemma in self.hazards or (not lemma_only and token.lower_ in self.hazards)

    def noun(self, words: list[str]) -> tuple[Code, str] | None:
        """Event code of a noun phrase ending in ``words`` ('hunger strike'), and the matched key."""
        for size in (3, 2, 1):
            key = " ".join(words[-size:])
            if len(words) >= size and key in self.nouns:
                return self.nouns[key], key
        return None

    def threat_mode(self, code: Code | None) -> str | None:
        if code is None or code.type is None:
            return None
        return self.threat_modes.get(f"{code.type}/{code.mode}") or self.threat_modes.get(code.type)

    def request_mode(self, code: Code | None) -> str | None:
        if code is None or code.type is None:
            return None
        if code.mode == "resign" or code.type in ("COERCE", "ASSAULT", "SANCTION"):
            return "change"
        return self.request_modes.get(code.type)


@functools.lru_cache(maxsize=1)
def load_lexicon(path: Path = PLOVER_YAML) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Lexicon(
        verbs={k: VerbSpec.parse(v) for k, v in data["verbs"].items()},
        phrasal={k: VerbSpec.parse(v) for k, v in data["phrasal"].items()},
        nouns={k: Code.parse(v) for k, v in data["nouns"].items()},
        light_verbs=frozenset(data["light_verbs"]),
        light_overrides={verb: {n: Code.parse(c) for n, c in table.items()}
                         for verb, table in data["light_overrides"].items()},
        modes=dict(data["modes"]), future=dict(data["future"]),
        threat_modes=dict(data["hostile_threat_modes"]), request_modes=dict(data["request_modes"]),
        hazards=frozenset(data.get("hazards", ())))


__all__ = ["Code", "NO_EVENT", "VerbSpec", "Lexicon", "load_lexicon", "EVENT_TYPES", "QUAD", "HOSTILE"]
