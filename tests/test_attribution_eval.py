"""The attribution scorer: matching, head-word tests, grouping by cue, and a quality floor on the dev file."""

from __future__ import annotations

import pytest

from presslens.core.schema import Quote
from presslens.quotes.scorer import Attribution, head_word_match, match, predicted_attributions

from .conftest import shared_path


def attribution(start: int, end: int, source: str = "", cue: str = "said") -> Attribution:
    return Attribution(frozenset(range(start, end)), source, cue)


@pytest.mark.parametrize(("gold", "predicted", "ok"), [
    ("Rep. Jane Roe, the top Democrat on the committee,", "Jane Roe, the top Democrat on the committee", True),
    ("Jane Roe", "Roe", True),
    ("he", "He", True),
    ("", "", True),
    ("Jane Roe", "Richard Rowe", False),
    ("the committee", "Jane Roe", False),
    ("", "Jane Roe", False),
    ("Jane Roe", "", False),
])
def test_head_word_match(gold, predicted, ok):
    assert head_word_match(gold, predicted) is ok


@pytest.mark.parametrize(("gold", "predicted", "pairs"), [
    ([(0, 10)], [(0, 10)], 1),
    ([(0, 10)], [(0, 20)], 1),          # Jaccard 0.5 is enough
    ([(0, 10)], [(0, 21)], 0),          # just under 0.5
    ([(0, 10)], [(20, 30)], 0),
    ([(0, 10), (0, 9)], [(0, 10)], 1),  # one-to-one
    ([(0, 10), (20, 30)], [(0, 10), (20, 29)], 2),
])
def test_match_one_to_one_at_half_overlap(gold, predicted, pairs):
    result = match([attribution(*g) for g in gold], [attribution(*p) for p in predicted])
    assert len(result) == pairs


def test_best_overlap_wins():
    gold = [attribution(0, 10, "Roe")]
    near, exact = attribution(0, 12, "Smith"), attribution(0, 10, "Roe")
    [(g, p)] = match(gold, [near, exact])
    assert p is exact


def test_quote_pieces_sharing_a_cue_are_one_attribution():
    def quote(start, end, cue_start, speaker="Roe"):
        return Quote(start=start, end=end, text="x" * (end - start), kind="direct", cue="said",
                     cue_start=cue_start, cue_end=cue_start + 4, speaker_mention=speaker, speaker=speaker)

    grouped = predicted_attributions([quote(0, 10, 12), quote(20, 30, 12), quote(40, 50, 55)])
    assert sorted(len(a.content) for a in grouped) == [10, 20]


@pytest.mark.slow
def test_attribution_quality_floor():
    """Content F1 and source accuracy on the PolNeAR dev file stay above what the method reaches."""
    from presslens.evaluation import run

    report = run("attribution", shared_path("eval/attribution/dev.jsonl"))
    assert report.n == 84
    assert report.metrics["content_f1"] >= 0.69, report.metrics
    assert report.metrics["content_precision"] >= 0.765, report.metrics
    assert report.metrics["source_accuracy"] >= 0.91, report.metrics


def test_folds_group_whole_articles_and_do_not_depend_on_order():
    from presslens.quotes.scorer import folds_by_article

    ids = [f"article-{n:02d}" for n in range(84)]
    folds = dict(zip(ids, folds_by_article(ids, 5)))
    shuffled = list(reversed(ids))
    assert dict(zip(shuffled, folds_by_article(shuffled, 5))) == folds
    sizes = [list(folds.values()).count(k) for k in range(5)]
    assert sorted(sizes) == [16, 17, 17, 17, 17]
