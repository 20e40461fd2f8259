"""The evaluation harness: ``presslens eval TASK --gold FILE``.

Each task is a scorer module (the capability's ``scorer``, or ``seed`` here) with
``DEFAULT_GOLD`` (a path under ``../shared``) and ``evaluate(gold: Path, limit: int | None, **options) -> EvalReport``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from presslens.core.errors import NotFoundError
from presslens.core.scoring import EvalReport, default_gold

TASKS: dict[str, str] = {
    "seed": "presslens.evaluation.seed",
    "attribution": "presslens.quotes.scorer",
    "speakers": "presslens.quotes.speaker_report",
    "events": "presslens.events.scorer",
    "events-snippets": "presslens.events.snippets",
    "events-checks": "presslens.events.checks",
    "geo": "presslens.places.scorer",
    "time": "presslens.times.scorer",
    "propaganda": "presslens.language.scorer",
    "stories": "presslens.stories.scorer",
    "everyday": "presslens.evaluation.everyday",
}
"""Task name → scorer module (each capability keeps its scorer in its own package)."""


def run(task: str, gold: str | Path | None = None, limit: int | None = None, **options) -> EvalReport:
    """Score one task against a gold file (the task's default dev file when ``gold`` is None)."""
    if task not in TASKS:
        raise NotFoundError(f"unknown evaluation task {task!r}; choose from {', '.join(TASKS)}")
    try:
        module = importlib.import_module(TASKS[task])
    except ModuleNotFoundError as exc:
        raise NotFoundError(f"the {task!r} scorer is not available yet") from exc
    path = Path(gold) if gold else default_gold(module.DEFAULT_GOLD)
    return module.evaluate(path, limit=limit, **options)


__all__ = ["TASKS", "run", "EvalReport"]
