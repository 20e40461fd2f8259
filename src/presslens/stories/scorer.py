"""``presslens eval stories``: pairwise precision and recall of near-duplicates and stories.

The gold file is the project's check set (``data/checkset.jsonl``: articles written for
presslens with ``story``, ``copy_of`` and ``same_topic_as`` labels). Its articles are analyzed,
stored and linked in file order into a temporary store, and again in reverse order. Over all
pairs of gold articles: a duplicate pair is predicted when both are in one group of
near-duplicates (or have the same text, hence the same id), a story pair when both are in one
story. ``same_topic_merges`` counts pairs from different stories on the same topic, city and
day (``same_topic_as``) put into one story; ``order_independent`` is 1 when both orders give
the same stories and copy groups.

Disagreements (``data/disagreements.jsonl``, judged by reading the check set: for each story the
measures independent reports give figures for that cannot all be true, and ``who`` when they
hold different actors responsible) are scored as pairs (story, measure) against what the
linked store lists: a story's figure disagreements by outcome, ``who`` from its events.

``--cv K`` re-chooses the two story cosine thresholds on K-1 folds of stories and scores the
held-out fold (pairs within it), pooled over folds: the thresholds were set after looking at
this check set, so the cross-validated F1 is the figure to quote.
"""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from presslens.core.readers import read_articles
from presslens.core.schema import Analysis
from presslens.core.scoring import EvalReport, f1, ratio, read_jsonl
from presslens.pipeline import analyze_articles
from presslens.store.sqlite import Store
from presslens.store.stories import list_stories, story_detail

from . import features as story_features
from . import shingles
from .link import linker

DEFAULT_GOLD = str(Path(__file__).parent / "data" / "checkset.jsonl")
DISAGREEMENTS_GOLD = Path(__file__).parent / "data" / "disagreements.jsonl"

COSINE_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45)
ONE_NAME_GRID = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


def _link_all(analyses: list[Analysis]) -> tuple[dict[str, str], dict[str, str], dict[str, set[str]]]:
    """Store and link analyses in the given order: article id → story id, article id → copy group
    root, story id → what its reports disagree on (figure outcomes, 'who')."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "stories.sqlite") as store:
        for analysis in analyses:
            store.add(analysis, then=linker(analysis))
        rows = store.conn.execute("SELECT article_id, story_id, copy_of FROM story_articles").fetchall()
        disagree: dict[str, set[str]] = {}
        for story in list_stories(store, limit=-1):
            events = story_detail(store, story.id)["events"]
            disagree[story.id] = {d.split(": ", 1)[0] for d in story.disagreements} | \
                {"who" for e in events for d in e.disagreements if d.startswith("who: ")}
    return ({r["article_id"]: r["story_id"] for r in rows},
            {r["article_id"]: r["copy_of"] or r["article_id"] for r in rows}, disagree)


def _disagreement_pairs(gold: dict[str, dict], ids: dict[str, str], story: dict[str, str],
                        disagree: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(gold story, measure) for every measure the linked store lists a disagreement on."""
    return {(row["story"], measure) for item, row in gold.items() for measure in disagree.get(story[ids[item]], ())}


def _partition(labels: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, set()).add(item)
    return {frozenset(g) for g in groups.values()}


def _pair_counts(pairs: list[tuple[bool, bool]]) -> tuple[int, int, int]:
    tp = sum(1 for gold, pred in pairs if gold and pred)
    return tp, sum(1 for gold, pred in pairs if pred and not gold), sum(1 for gold, pred in pairs if gold and not pred)


def _precision_recall(counts) -> tuple[float, float]:
    tp, fp, fn = counts
    return ratio(tp, tp + fp), ratio(tp, tp + fn)


def _f1(counts) -> float:
    return f1(*_precision_recall(counts))


def _components(items: list[str], linked) -> dict[str, str]:
    label = {i: i for i in items}
    for a, b in itertools.combinations(items, 2):
        if linked(a, b) and label[a] != label[b]:
            old, new = label[b], label[a]
            label = {i: (new if lab == old else lab) for i, lab in label.items()}
    return label


def _cross_validated(gold: dict[str, dict], feats: dict[str, story_features.StoryFeatures],
                     copy_root: dict[str, str], k: int) -> tuple[float, list[str]]:
    stories = sorted({g["story"] for g in gold.values()})
    folds = [set(stories[i::k]) for i in range(k)]
    counts = [0, 0, 0]
    chosen = []

    def score(items: list[str], params: tuple[float, float]) -> tuple[int, int, int]:
        labels = _components(items, lambda a, b: copy_root[a] == copy_root[b]
                             or story_features.same_story(feats[a], feats[b], *params))
        return _pair_counts([(gold[a]["story"] == gold[b]["story"], labels[a] == labels[b])
                             for a, b in itertools.combinations(items, 2)])

    for fold in folds:
        train = [i for i in gold if gold[i]["story"] not in fold]
        test = [i for i in gold if gold[i]["story"] in fold]
        best = max(itertools.product(COSINE_GRID, ONE_NAME_GRID),
                   key=lambda p: (_f1(score(train, p)), -abs(p[0] - story_features.MIN_COSINE),
                                  -abs(p[1] - story_features.MIN_COSINE_ONE_NAME)))
        chosen.append(f"{best[0]}/{best[1]}")
        counts = [x + y for x, y in zip(counts, score(test, best))]
    return _f1(counts), chosen


def evaluate(gold_path: Path, limit: int | None = None, cv: int | None = None, **_options) -> EvalReport:
    gold = {row["id"]: row for row in read_jsonl(gold_path, limit)}
    articles = [a for a in read_articles([gold_path]) if a.external_id in gold]
    analyses = list(analyze_articles(articles))
    ids = {a.article.external_id: a.article.id for a in analyses}
    story, root, disagree = _link_all(analyses)
    story_reversed, root_reversed, disagree_reversed = _link_all(analyses[::-1])

    def gold_root(item: str) -> str:
        return gold[item]["copy_of"] or item

    pairs = list(itertools.combinations(sorted(gold), 2))
    dup = _pair_counts([(gold_root(a) == gold_root(b), root[ids[a]] == root[ids[b]]) for a, b in pairs])
    same = _pair_counts([(gold[a]["story"] == gold[b]["story"], story[ids[a]] == story[ids[b]]) for a, b in pairs])
    near = [(a, b) for a, b in pairs if gold[b]["story"] == gold[a]["same_topic_as"]
            or gold[a]["story"] == gold[b]["same_topic_as"]]
    merges = sum(1 for a, b in near if story[ids[a]] == story[ids[b]])
    dup_p, dup_r = _precision_recall(dup)
    story_p, story_r = _precision_recall(same)
    metrics = {"duplicate_precision": dup_p, "duplicate_recall": dup_r, "duplicate_f1": f1(dup_p, dup_r),
               "story_precision": story_p, "story_recall": story_r, "story_f1": f1(story_p, story_r),
               "same_topic_merges": float(merges), "same_topic_pairs": float(len(near)),
               "order_independent": float(_partition(story) == _partition(story_reversed)
                                          and _partition(root) == _partition(root_reversed)
                                          and sorted(map(sorted, disagree.values()))
                                          == sorted(map(sorted, disagree_reversed.values())))}
    if DISAGREEMENTS_GOLD.exists() and not limit:
        found = _disagreement_pairs(gold, ids, story, disagree)
        expected = {(row["story"], measure) for row in read_jsonl(DISAGREEMENTS_GOLD) for measure in row["disagree_on"]}
        tp = len(found & expected)
        metrics["disagreement_precision"] = ratio(tp, len(found))
        metrics["disagreement_recall"] = ratio(tp, len(expected))
    notes = [f"duplicate thresholds (set before scoring): Jaccard >= {shingles.DUPLICATE_JACCARD} or containment >= {shingles.DUPLICATE_CONTAINMENT}",
             f"story thresholds: cosine >= {story_features.MIN_COSINE} (two or more shared names), "
             f">= {story_features.MIN_COSINE_ONE_NAME} (one), window {story_features.WINDOW_DAYS} days"]
    if cv:
        feats = {item: story_features.features(a) for item, a in zip((a.article.external_id for a in analyses), analyses)}
        cv_f1, chosen = _cross_validated(gold, feats, {i: root[ids[i]] for i in gold}, cv)
        metrics[f"story_f1_cv{cv}"] = cv_f1
        notes.append(f"{cv}-fold CV by story, thresholds chosen per fold: {', '.join(chosen)}")
    by_story: dict[str, list[str]] = {}
    for item, row in gold.items():
        by_story.setdefault(row["story"], []).append(item)
    rows = [{"story": name, "articles": len(items), "copy groups": len({root[ids[i]] for i in items}),
             "predicted stories": len({story[ids[i]] for i in items}),
             "disagree on": ", ".join(sorted(set().union(*(disagree.get(story[ids[i]], set()) for i in items))))
             or "—"} for name, items in by_story.items()]
    return EvalReport("stories", str(gold_path), len(gold), metrics, rows, notes)
