"""Shared pieces of the scorers: the report record, gold-file reading and path defaults."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, NotFoundError

SHARED = Path("..") / "shared"
"""Evaluation data lives beside the project checkout (``../shared``), never inside it."""


@dataclass(frozen=True)
class EvalReport:
    """What one scorer prints: ``metrics`` feed ``--json``; ``rows`` a per-item or per-class table."""

    task: str
    gold: str
    n: int
    metrics: dict[str, float]
    rows: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"task": self.task, "gold": self.gold, "n": self.n,
                "metrics": {k: round(v, 4) for k, v in self.metrics.items()}}


def default_gold(relative: str) -> Path:
    """A path under ``../shared`` relative to the project root (or the current directory)."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        candidate = base / SHARED / relative
        if candidate.exists():
            return candidate.resolve()
    return Path.cwd() / SHARED / relative


def read_jsonl(path: str | Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a gold JSONL file (documented in ``shared/eval/README.md``)."""
    path = Path(path)
    if not path.exists():
        raise NotFoundError(f"gold file not found: {path}")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if limit is not None and number > limit:
                return
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from exc


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_by_overlap(predicted: list[Span], gold: list[Span]) -> list[tuple[int, int]]:
    """(predicted, gold) index pairs matched one-to-one, greedily by decreasing overlap (any overlap)."""
    candidates = sorted(((overlap(p, g), i, j) for i, p in enumerate(predicted)
                         for j, g in enumerate(gold) if overlap(p, g) > 0), key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance with R = 6371 km, as the geo scoring rule prescribes."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(a)))
