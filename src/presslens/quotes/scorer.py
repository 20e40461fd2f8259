"""Attribution scorer (PolNeAR), as defined in ``shared/eval/README.md`` section "Attribution".

A predicted attribution is the group of Quote records sharing one cue (a
quotation split by its cue is one attribution with several content
fragments). Predicted and gold attributions are matched one-to-one, in order
of decreasing overlap, when the Jaccard similarity of their content character
sets is ≥ 0.5. A matched source is right when the gold source's head word (its
last word token, case-insensitive) is among the predicted source's words, or
when both are empty; cue accuracy uses the same test on the cue.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.core.nlp import parse_many
from presslens.core.schema import Quote
from presslens.core.scoring import EvalReport, f1, ratio, read_jsonl

from .extract import extract_quotes

DEFAULT_GOLD = "eval/attribution/dev.jsonl"
MIN_JACCARD = 0.5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Attribution:
    """Content characters, source and cue text of one attribution (gold or predicted)."""

    content: frozenset[int]
    source: str
    cue: str
    kind: str = ""


def _chars(fragments: list[list[int]] | list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for start, end in fragments for i in range(start, end))


def _text(text: str, fragments: list[list[int]]) -> str:
    return " ".join(text[start:end] for start, end in fragments)


def gold_attributions(record: dict[str, Any]) -> list[Attribution]:
    """The gold attributions of one record."""
    text = record["text"]
    return [Attribution(_chars(a["content"]), _text(text, a["source"]), _text(text, a["cue"]))
            for a in record["attributions"]]


def predicted_attributions(quotes: list[Quote]) -> list[Attribution]:
    """Quotes grouped by cue: each group is one attribution."""
    groups: dict[tuple, list[Quote]] = {}
    for quote in quotes:
        key = (quote.cue_start, quote.cue_end) if quote.cue_start is not None else (quote.start, quote.end)
        groups.setdefault(key, []).append(quote)
    return [Attribution(_chars([(q.start, q.end) for q in group]), group[0].speaker_mention or "",
                        group[0].cue or "", group[0].kind) for group in groups.values()]


def head_word_match(gold: str, predicted: str) -> bool:
    """Whether the gold span's last word appears among the predicted span's words (or both are empty)."""
    gold_words = _WORD.findall(gold.lower())
    predicted_words = set(_WORD.findall(predicted.lower()))
    if not gold_words:
        return not predicted_words
    return gold_words[-1] in predicted_words


def match(gold: list[Attribution], predicted: list[Attribution]) -> list[tuple[Attribution, Attribution]]:
    """One-to-one pairs with content Jaccard ≥ 0.5, best overlaps first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = len(g.content & p.content)
            if shared:
                jaccard = shared / len(g.content | p.content)
                if jaccard >= MIN_JACCARD:
                    candidates.append((jaccard, gi, pi))
    pairs, used_gold, used_predicted = [], set(), set()
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


@dataclass
class _Counts:
    """Matching counts of one or more articles."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    source_ok: int = 0
    cue_ok: int = 0

    def add(self, other: _Counts) -> None:
        for name in ("gold", "predicted", "matched", "source_ok", "cue_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        return {"content_precision": precision, "content_recall": recall, "content_f1": f1(precision, recall),
                "source_accuracy": ratio(self.source_ok, self.matched), "cue_accuracy": ratio(self.cue_ok, self.matched)}


def folds_by_article(ids: list[str], k: int) -> list[int]:
    """Fold of each article: sorted ids dealt round-robin, so an article never straddles two folds."""
    order = {article: index for index, article in enumerate(sorted(ids))}
    return [order[article] % k for article in ids]


def evaluate(gold: Path, limit: int | None = None, cv: int | None = None, **_: object) -> EvalReport:
    """Content P/R/F1 and source (and cue) accuracy over a PolNeAR-style JSONL file.

    With ``cv`` = k, the articles are also split into k folds by article and each fold is scored on its
    own: the extractor has no trained or tuned parameters, so this reports how much the scores vary
    across held-out groups of articles (mean, lowest and highest per metric) beside the full-file numbers.
    """
    records = list(read_jsonl(gold, limit))
    per_article: list[_Counts] = []
    kinds: Counter[str] = Counter()
    matched_kinds: Counter[str] = Counter()
    for record, doc in zip(records, parse_many(r["text"] for r in records)):
        gold_items = gold_attributions(record)
        predicted = predicted_attributions(extract_quotes(doc))
        pairs = match(gold_items, predicted)
        per_article.append(_Counts(len(gold_items), len(predicted), len(pairs),
                                   sum(head_word_match(g.source, p.source) for g, p in pairs),
                                   sum(head_word_match(g.cue, p.cue) for g, p in pairs)))
        kinds.update(p.kind for p in predicted)
        matched_kinds.update(p.kind for _, p in pairs)
    total = _Counts()
    for counts in per_article:
        total.add(counts)
    metrics = total.metrics()
    rows = [{"kind": kind, "predicted": count, "matched": matched_kinds[kind],
             "precision": round(ratio(matched_kinds[kind], count), 3)} for kind, count in kinds.most_common()]
    notes = [f"{len(records)} articles, {total.gold} gold and {total.predicted} predicted attributions, "
             f"{total.matched} matched"]
    if cv:
        metrics.update(_cross_validated([r["id"] for r in records], per_article, cv))
        notes.append(f"{cv}-fold by article: nothing is trained or tuned on this file, so each fold is scored "
                     "as a held-out set with the same extractor; cv_* are the fold mean, lowest and highest")
    return EvalReport(task="attribution", gold=str(gold), n=len(records), metrics=metrics, rows=rows, notes=notes)


def _cross_validated(ids: list[str], per_article: list[_Counts], k: int) -> dict[str, float]:
    folds = [_Counts() for _ in range(k)]
    for fold, counts in zip(folds_by_article(ids, k), per_article):
        folds[fold].add(counts)
    scored = [fold.metrics() for fold in folds if fold.gold]
    result = {}
    for name in ("content_f1", "source_accuracy", "content_precision", "content_recall"):
        values = [m[name] for m in scored]
        result.update({f"cv_{name}": sum(values) / len(values), f"cv_{name}_min": min(values),
                       f"cv_{name}_max": max(values)})
    return result


__all__ = ["DEFAULT_GOLD", "evaluate", "folds_by_article", "gold_attributions", "predicted_attributions", "match", "head_word_match"]
