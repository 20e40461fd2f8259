"""Would dateparser normalise dates better than presslens's own resolver? (Why it is not a dependency.)

On the TempEval-3 dev file (../shared/eval/time/dev.jsonl) it takes every gold DATE expression whose
value is a calendar date (YYYY, YYYY-MM or YYYY-MM-DD) and counts how often each normaliser gives
that value: dateparser on the gold expression text, relative to the document date (it is even given
the gold span), and presslens end to end (its own detection; a gold span it does not find counts
as wrong). Needs ``pip install dateparser``. Run: ``python bench/dateparser_vs_resolver.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import re
import warnings
from datetime import datetime
from pathlib import Path

from presslens.core.nlp import parse
from presslens.times.extract import extract_times

CALENDAR = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", default=str(Path(__file__).parents[1].parent / "shared/eval/time/dev.jsonl"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    import dateparser

    warnings.filterwarnings("ignore")
    total = ours = theirs = 0
    for line in open(args.gold, encoding="utf-8").readlines()[: args.limit]:
        record = json.loads(line)
        golds = [t for t in record["timexes"] if t["type"] == "DATE" and CALENDAR.fullmatch(t["value"] or "")]
        if not golds:
            continue
        found = {(t.start, t.end): t.value for t in extract_times(parse(record["text"]), record["dct"])}
        base = datetime.fromisoformat(record["dct"])
        for gold in golds:
            total += 1
            ours += found.get((gold["start"], gold["end"])) == gold["value"]
            parsed = dateparser.parse(record["text"][gold["start"]:gold["end"]],
                                      settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
            theirs += parsed is not None and parsed.date().isoformat()[: len(gold["value"])] == gold["value"]
    print(f"{total} gold calendar DATE values: presslens end to end {ours / total:.3f}, "
          f"dateparser on the gold spans {theirs / total:.3f}")


if __name__ == "__main__":
    main()
