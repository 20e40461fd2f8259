"""Train the propaganda span model (``src/presslens/language/data/span_model.json``) on PTC dev data.

    .venv/bin/python scripts/train_span_model.py                 # train on all of dev, write the model
    .venv/bin/python scripts/train_span_model.py --folds 5       # cross-validate only (nothing written)
    ... --parses /tmp/ptc.spacy    # keep the parses in a file and reuse them (same gold file and pipeline)

Both models are elastic-net (L1 + L2) logistic regressions fitted with SciPy's L-BFGS-B:
a binary token model (inside a gold SI span or not) and a multinomial technique
model over the gold technique spans. Features come from
``presslens.language.span_features`` (names masked). Cross-validation splits by
document and scores spans exactly as ``presslens eval propaganda`` does; scores on
the training documents themselves are optimistic, so report the cross-validated ones.
CPU only; SciPy is needed here, not at run time.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.optimize
import scipy.sparse
from spacy.tokens import Doc, DocBin

from presslens.core.nlp import load_nlp, parse_many
from presslens.core.scoring import read_jsonl
from presslens.language.extract import flag_candidates
from presslens.language.lexicon import load_lexicon
from presslens.language.masking import name_runs
from presslens.language.phrases import phrase_candidates
from presslens.language.rules import word_candidates
from presslens.language.scorer import TECHNIQUE_METRICS, merge_spans, overlap_credit, prf
from presslens.language.span_features import doc_features, rule_marks
from presslens.language.span_model import SpanModel, model_from_dict, span_features

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "propaganda" / "dev.jsonl"
DEFAULT_OUT = ROOT / "src" / "presslens" / "language" / "data" / "span_model.json"


def parsed(texts: list[str], cache: Path | None) -> list[Doc]:
    """The texts parsed, read from ``cache`` when it holds exactly these texts, written there otherwise."""
    nlp = load_nlp()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(parse_many(texts))
    if cache is not None:
        DocBin(docs=docs, store_user_data=False).to_disk(cache)
    return docs


class Corpus:
    """Parsed documents with their rule candidates, token features and gold labels."""

    def __init__(self, records: list[dict], cache: Path | None = None):
        lexicon = load_lexicon()
        self.records = records
        self.docs = parsed([r["text"] for r in records], cache)
        self.rules = [word_candidates(d, lexicon) + phrase_candidates(d, lexicon) for d in self.docs]
        self.token_features = [doc_features(d, lexicon, r) for d, r in zip(self.docs, self.rules)]
        self.labels = [self._labels(d, r["si_spans"]) for d, r in zip(self.docs, records)]
        self.technique_examples = [self._technique_examples(i) for i in range(len(records))]

    @staticmethod
    def _labels(doc, spans) -> np.ndarray:
        labels = np.zeros(len(doc))
        for start, end in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                labels[span.start:span.end] = 1
        return labels

    def _technique_examples(self, i: int) -> list[tuple[list[str], str]]:
        doc, lexicon = self.docs[i], load_lexicon()
        marks = rule_marks(doc, self.rules[i])
        named = {t for start, end in name_runs(doc) for t in range(start, end)}
        examples = []
        for s in self.records[i]["spans"]:
            span = doc.char_span(s["start"], s["end"], alignment_mode="expand")
            if span is not None and len(span):
                examples.append((span_features(doc, span.start, span.end, lexicon, marks, named), s["technique"]))
        return examples


def _matrix(rows: list[list], vocab: dict[str, int]) -> scipy.sparse.csr_matrix:
    indices, values, indptr = [], [], [0]
    for features in rows:
        for f in features:
            name, value = f if isinstance(f, tuple) else (f, 1.0)
            column = vocab.get(name)
            if column is not None:
                indices.append(column)
                values.append(value)
        indptr.append(len(indices))
    return scipy.sparse.csr_matrix((values, indices, indptr), shape=(len(rows), len(vocab)))


def _vocabulary(rows: list[list], min_count: int) -> dict[str, int]:
    counts = Counter(f[0] if isinstance(f, tuple) else f for features in rows for f in features)
    names = ["bias"] + sorted(n for n, c in counts.items() if c >= min_count and n != "bias")
    return {n: i for i, n in enumerate(names)}


def _minimize(loss_and_grad, size: int, l1: float, penalised: np.ndarray) -> np.ndarray:
    """Weights minimising loss + l1·|w| (on ``penalised`` entries): w = u − v with u, v ≥ 0 (L-BFGS-B)."""
    penalty = np.where(penalised, l1, 0.0)

    def objective(uv):
        w = uv[:size] - uv[size:]
        value, grad = loss_and_grad(w)
        return value + penalty @ (uv[:size] + uv[size:]), np.concatenate([grad + penalty, -grad + penalty])

    result = scipy.optimize.minimize(objective, np.zeros(2 * size), jac=True, method="L-BFGS-B",
                                     bounds=[(0, None)] * (2 * size), options={"maxiter": 500})
    return result.x[:size] - result.x[size:]


def fit_binary(rows: list[list], y: np.ndarray, c: float, l1: float, min_count: int) -> dict[str, float]:
    """Elastic-net logistic regression (L2 strength 1/c, L1 strength l1; the bias is not penalised)."""
    vocab = _vocabulary(rows, min_count)
    x = _matrix(rows, vocab)

    def loss(w):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        value = -(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)).sum() + 0.5 / c * (w[1:] @ w[1:])
        grad = x.T @ (p - y)
        grad[1:] += w[1:] / c
        return value, grad

    penalised = np.arange(len(vocab)) > 0
    w = _minimize(loss, len(vocab), l1, penalised)
    return {name: float(w[i]) for name, i in vocab.items() if w[i] != 0.0}


def fit_multinomial(rows: list[list[str]], labels: list[str], c: float, l1: float, min_count: int
                    ) -> tuple[list[str], dict[str, list[float]]]:
    """Elastic-net softmax regression: one weight per feature and class."""
    classes = sorted(set(labels))
    vocab = _vocabulary(rows, min_count)
    x = _matrix(rows, vocab)
    k = len(classes)
    y = np.zeros((len(labels), k))
    y[np.arange(len(labels)), [classes.index(lab) for lab in labels]] = 1

    def loss(flat):
        w = flat.reshape(len(vocab), k)
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        value = -(y * np.log(p + 1e-12)).sum() + 0.5 / c * (w[1:] ** 2).sum()
        grad = x.T @ (p - y)
        grad[1:] += w[1:] / c
        return value, grad.ravel()

    penalised = np.repeat(np.arange(len(vocab)) > 0, k)
    w = _minimize(loss, len(vocab) * k, l1, penalised).reshape(len(vocab), k)
    return classes, {name: [float(v) for v in w[i]] for name, i in vocab.items() if np.any(w[i] != 0.0)}


def train(corpus: Corpus, ids: list[int], args: argparse.Namespace) -> dict:
    rows = [f for i in ids for f in corpus.token_features[i]]
    y = np.concatenate([corpus.labels[i] for i in ids])
    token = fit_binary(rows, y, args.c, args.l1, args.min_count)
    examples = [e for i in ids for e in corpus.technique_examples[i]]
    classes, weights = fit_multinomial([f for f, _ in examples], [t for _, t in examples], args.c_technique,
                                       args.l1_technique, args.min_count)
    prune = args.prune
    return {
        "about": "presslens propaganda span model: logistic regressions over name-masked token features, "
                 "trained by scripts/train_span_model.py on PTC (SemEval-2020 Task 11) dev articles",
        "token": {"weights": {k: round(v, 3) for k, v in token.items() if abs(v) >= prune or k == "bias"}},
        "technique": {"classes": classes,
                      "weights": {k: [round(x, 3) for x in v] for k, v in weights.items()
                                  if max(abs(x) for x in v) >= prune or k == "bias"}},
        "decode": {"high": args.high, "low": args.low},
    }


def score(corpus: Corpus, ids: list[int], model: SpanModel, counts: Counter) -> None:
    for i in ids:
        doc, record = corpus.docs[i], corpus.records[i]
        candidates = flag_candidates(doc, model)
        spans = [(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1]), c.technique) for c in candidates]
        overlap_credit(merge_spans([(s, e) for s, e, _ in spans]), [tuple(s) for s in record["si_spans"]], counts, "si")
        for technique in TECHNIQUE_METRICS:
            gold = [(s["start"], s["end"]) for s in record["spans"] if s["technique"] == technique]
            overlap_credit(merge_spans([(s, e) for s, e, t in spans if t == technique]), gold, counts, technique)


def report(counts: Counter) -> str:
    p, r, f = prf(counts, "si")
    parts = [f"si_precision={p:.3f} si_recall={r:.3f} si_f1={f:.3f}"]
    parts += [f"{name}_f1={prf(counts, technique)[2]:.3f}" for technique, name in TECHNIQUE_METRICS.items()]
    return " ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--parses", type=Path, help="file to keep the parses in between runs (spaCy DocBin)")
    parser.add_argument("--folds", type=int, default=0, help="cross-validate with this many folds; write nothing")
    parser.add_argument("--c", type=float, default=0.3, help="inverse L2 strength of the token model")
    parser.add_argument("--c-technique", type=float, default=1.0, help="inverse L2 strength of the technique model")
    parser.add_argument("--l1", type=float, default=0.5, help="L1 strength of the token model (sparsity)")
    parser.add_argument("--l1-technique", type=float, default=0.2, help="L1 strength of the technique model")
    parser.add_argument("--min-count", type=int, default=2, help="drop features seen fewer times in training")
    parser.add_argument("--prune", type=float, default=0.01, help="drop weights smaller than this from the file")
    parser.add_argument("--high", type=float, default=0.3, help="token score that starts a span")
    parser.add_argument("--low", type=float, default=0.05, help="token score that extends a span")
    parser.add_argument("--sweep", nargs="*", default=[], metavar="HIGH,LOW",
                        help="with --folds: also score these threshold pairs")
    args = parser.parse_args()
    started = time.time()
    corpus = Corpus(list(read_jsonl(args.gold)), args.parses)
    ids = list(range(len(corpus.records)))
    print(f"{len(ids)} documents parsed in {time.time() - started:.0f}s", file=sys.stderr)
    if args.folds:
        thresholds = [(args.high, args.low)] + [tuple(map(float, pair.split(","))) for pair in args.sweep]
        counts = {pair: Counter() for pair in thresholds}
        for fold in range(args.folds):
            test = [i for i in ids if i % args.folds == fold]
            model = model_from_dict(train(corpus, [i for i in ids if i % args.folds != fold], args))
            for high, low in thresholds:
                score(corpus, test, dataclasses.replace(model, high=high, low=low), counts[(high, low)])
            print(f"fold {fold + 1}/{args.folds} done ({time.time() - started:.0f}s)", file=sys.stderr)
        for (high, low), pair_counts in counts.items():
            print(f"cross-validated ({args.folds} folds by document, high={high} low={low}): {report(pair_counts)}")
        return
    data = train(corpus, ids, args)
    args.out.write_text(json.dumps(data, ensure_ascii=True, separators=(",", ":")), encoding="utf-8")
    counts = Counter()
    score(corpus, ids, model_from_dict(data), counts)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB); on its own training data "
          f"(optimistic): {report(counts)}")


if __name__ == "__main__":
    main()
