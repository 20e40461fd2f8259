"""The seed article end to end: every section of expected.json is found (the first acceptance test)."""

from __future__ import annotations

import pytest

from presslens.evaluation.seed import SECTIONS, SeedCard, names_match

from .conftest import shared_path


@pytest.fixture(scope="module")
def card(seed_analysis, seed_expected):
    return SeedCard(seed_analysis, seed_expected)


@pytest.mark.parametrize("section", SECTIONS)
def test_every_seed_section_is_complete(card, section):
    score = card.section(section)
    missed = [row for row in card.rows if row["section"] == section and row["found"] == "no"]
    assert score == 1.0, missed


@pytest.mark.parametrize("expected, predicted, same", [
    ("Saleh al-Arouri", "Saleh Al-Arouri", True),
    ("United Nations", "the United Nations", True),
    ("Saleh al-Arouri", "Arouri", True),
    ("Palestinian civilians", "Palestinians", True),
    ("Hamas", "Israel", False),
    ("United Nations", "United States", False),
    ("Saleh al-Arouri", None, False),
    (None, None, True),
])
def test_names_match(expected, predicted, same):
    assert names_match(expected, predicted) is same


def test_a_missing_extractor_scores_zero(seed_expected):
    from presslens.core.readers import read_file
    from presslens.core.schema import Analysis

    bare = Analysis(article=next(read_file(shared_path("seed/article.txt"))))
    empty = SeedCard(bare, seed_expected)
    assert empty.section("metadata") == 1.0
    assert all(empty.section(s) == 0.0 for s in SECTIONS if s not in {"metadata", "outlet_voice"})
