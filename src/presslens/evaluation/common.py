"""Shared pieces of the scorers: the report record, gold-file reading and path defaults."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, NotFoundError

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
