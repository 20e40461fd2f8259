"""Shared fixtures: real articles come from ../shared and tests skip cleanly without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def shared_path(relative: str) -> Path:
    """A file under ../shared, or skip the test with a clear message."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the project's shared data beside the checkout")
    return path


@pytest.fixture(scope="session")
def nlp():
    from presslens.core.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_analysis():
    """The analysis of ../shared/seed/article.txt (parsed once per test session)."""
    from presslens.core.readers import read_file
    from presslens.pipeline import analyze

    article = next(read_file(shared_path("seed/article.txt")))
    return analyze(article)


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads(shared_path("seed/expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def analyze_text():
    """Analyze a short text (cached per text) — for sentence tables."""
    from functools import lru_cache

    from presslens.pipeline import analyze

    return lru_cache(maxsize=None)(lambda text, date="2024-05-01": analyze(text, date=date))
