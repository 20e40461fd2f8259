"""Train the event-type model (``src/presslens/events/data/event_model.json``).

    .venv/bin/python scripts/train_event_model.py             # train on every training text, write the model
    .venv/bin/python scripts/train_event_model.py --folds 5   # also print cross-validated scores

Training texts, labels, the model and its cross-validated "no event" threshold are described
in ``presslens.events.training``. The
PLOVER and CASE dev files are read from ``../shared`` (never copied); without them only the
written sentences train; the hand-judged records of ``tests/data`` train too, and ``--folds`` prints
how the model of each fold decides the judged triggers of its held-out articles. Deterministic: the
same texts give the same JSON. Report the cross-validated scores (``presslens eval events --cv 5``,
``presslens eval events-snippets --cv 5``, ``presslens eval events-checks --cv 5``); full-dev scores
are optimistic.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from presslens.events.model import MODEL_JSON
from presslens.events.training import _all_examples, judged_cross_validated, none_threshold, threshold_table, train


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_JSON)
    parser.add_argument("--folds", type=int, default=0, help="print k-fold cross-validated scores after training")
    args = parser.parse_args()
    corpus = _all_examples()
    sources = Counter(t.source for t, _ in corpus)
    labels = Counter(label for _, found in corpus for _, label in found)
    meta = {"texts": dict(sorted(sources.items())), "examples": sum(labels.values()),
            "labels": dict(sorted(labels.items())), "trainer": "scripts/train_event_model.py",
            "none_threshold_cv": [[t, round(kept, 3), round(dropped, 3)] for t, kept, dropped in threshold_table()]}
    model = train(meta=meta)
    args.out.write_text(json.dumps(model.to_dict(), ensure_ascii=True, separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}: {len(model.weights)} features, {meta['examples']} examples from {meta['texts']}")
    print(f"no-event threshold {none_threshold()} (fixed); (threshold, typed events kept, non-events dropped), "
          f"5-fold out-of-fold: {meta['none_threshold_cv']}")
    if args.folds:
        from presslens.evaluation import run

        print("judged triggers (hand-judged records of ordinary articles), 5-fold by article:",
              json.dumps(judged_cross_validated()))
        for task in ("events", "events-snippets", "events-checks"):
            report = run(task, cv=args.folds)
            print(task, json.dumps({k: round(v, 3) for k, v in report.metrics.items()}))


if __name__ == "__main__":
    main()
