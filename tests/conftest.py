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


HOSTILE_ARTICLE = {
    "id": "hostile-1", "date": "2025-02-03", "outlet": "Hostile <i onmouseover=\"alert('outlet')\">Herald</i>",
    "title": "<script>alert('title')</script><img src=x onerror=alert('img')> Harbour talks",
    "url": "javascript:alert('url')",
    "text": ("Officials in Tarnholm met on Monday. <script>alert('body')</script> "
             "<a href=\"javascript:alert('link')\">Read more</a> and <div onclick=\"alert('div')\">click</div>.\n\n"
             "\"</script><script>alert('quote')</script> We will not sign,\" said Edda \u202eLorvane, the port director."
             "\n\nThe Kestrel Liberation Front attacked a police garrison near Tarnholm, officials said."),
}
"""An article written to attack the web pages: markup, script, javascript: links, an RTL override in a name."""


@pytest.fixture(scope="session")
def dashboard_store(tmp_path_factory) -> Path:
    """A store of examples/ plus HOSTILE_ARTICLE (built once per test session)."""
    from presslens.corpus import Corpus

    folder = tmp_path_factory.mktemp("dashboard")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_ARTICLE) + "\n", encoding="utf-8")
    db = folder / "dashboard.sqlite"
    with Corpus(db) as corpus:
        corpus.ingest([EXAMPLES, hostile])
    return db
