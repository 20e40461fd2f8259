"""Precision as users meet it: a hand-judged sample of place records from real articles.

The PolNeAR dev texts (``../shared/eval/attribution/dev.jsonl``) are read as plain
articles (their annotations are not used). The judged file
(``tests/data/judged_places.jsonl``) keeps only article ids, offsets, the place shown
at judging time and the verdicts — never the articles' text, which is read from
``../shared`` when this script runs.

    python scripts/judge_places.py sample --n 60 --seed 32 > new.jsonl   # draw a sample (no verdicts)
    python scripts/judge_places.py show [--file F]                       # print records with their text
    python scripts/judge_places.py rejudge                               # today's record where it changed
    python scripts/judge_places.py summary [--file F] [--field verdict_after]

A later round keeps ``shown_after`` (the name, country and sense shown then, or null where no
record remains on the span: ``gone``) and ``verdict_after`` beside the first verdict.

Verdicts: ``right`` (a place mention resolved to the place meant, within 161 km),
``wrong-place`` (a place mention resolved elsewhere or left without a point although
the gazetteer could hold it), ``not-place`` (no place is meant: a person, a firm, a word),
``name`` (a place inside a name, shown with sense ``name``, which maps leave out).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "attribution" / "dev.jsonl"
JUDGED = ROOT / "tests" / "data" / "judged_places.jsonl"
CONTEXT = 160


def _articles() -> dict[str, str]:
    if not DEV.exists():
        sys.exit(f"skipped: {DEV} is absent (the judged sample needs the PolNeAR dev texts beside the checkout)")
    with DEV.open(encoding="utf-8") as handle:
        return {r["id"]: r["text"] for r in map(json.loads, handle)}


def places_by_article(texts: dict[str, str]) -> dict[str, list[Any]]:
    """Today's place records of each article."""
    from presslens.core.nlp import parse_many
    from presslens.places.extract import extract_places

    ids = sorted(texts)
    return {i: extract_places(doc) for i, doc in zip(ids, parse_many(texts[i] for i in ids))}


def _row(article: str, place: Any) -> dict[str, Any]:
    return {"article": article, "start": place.start, "end": place.end, "text": place.text,
            "name": place.name, "country": place.country, "sense": place.sense}


def sample(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` place records drawn with a fixed seed from every dev article's output."""
    places = places_by_article(_articles())
    pool = [(article, p) for article in sorted(places) for p in places[article]]
    return [_row(a, p) for a, p in random.Random(seed).sample(pool, n)]


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def today(rows: list[dict[str, Any]]) -> list[Any]:
    """Today's record on each judged span (the same offsets), or None where there is none."""
    texts = _articles()
    places = places_by_article({a: texts[a] for a in {r["article"] for r in rows}})
    return [next((p for p in places[r["article"]] if (p.start, p.end) == (r["start"], r["end"])), None) for r in rows]


def _show(index: int, row: dict[str, Any], text: str, now: Any = "unchanged") -> None:
    start, end = row["start"], row["end"]
    marked = (text[max(0, start - CONTEXT):start] + "[[" + text[start:end] + "]]" + text[end:end + 80])
    print(f"#{index} {row['article']} {start}-{end} -> {row['name']!r} {row['country']} ({row['sense']}) "
          f"verdict={row.get('verdict')}")
    if now != "unchanged":
        print(f"   TODAY: {None if now is None else (now.name, now.country, now.sense)}")
    print("   " + marked.replace("\n", " ¶ "))
    print()


def show(path: Path) -> None:
    texts = _articles()
    for index, row in enumerate(_read(path)):
        _show(index, row, texts[row["article"]])


def shown(row: dict[str, Any]) -> list[Any] | None:
    """What the latest round saw on the span: [name, country, sense], or None where nothing was."""
    if "shown_after" in row:
        return row["shown_after"]
    return [row["name"], row["country"], row["sense"]]


def rejudge(path: Path) -> None:
    """Judged records whose place today differs from the latest round's (name, country or sense)."""
    texts = _articles()
    rows = _read(path)
    for index, (row, now) in enumerate(zip(rows, today(rows))):
        if shown(row) != (None if now is None else [now.name, now.country, now.sense]):
            _show(index, row, texts[row["article"]], now)


def summary(path: Path, field: str = "verdict") -> dict[str, Any]:
    """Verdict counts and the precision of the records shown as places (``gone``: no record now)."""
    rows = _read(path)
    verdicts = Counter(r[field] for r in rows)
    judged = sum(verdicts[v] for v in ("right", "wrong-place", "not-place"))
    return {"records": len(rows), "field": field, "verdicts": dict(verdicts),
            "precision": round(verdicts["right"] / judged, 3) if judged else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    draw = sub.add_parser("sample")
    draw.add_argument("--n", type=int, default=60)
    draw.add_argument("--seed", type=int, default=32)
    for name in ("show", "rejudge", "summary"):
        sub.add_parser(name).add_argument("--file", type=Path, default=JUDGED)
    sub.choices["summary"].add_argument("--field", default="verdict")
    args = parser.parse_args()
    if args.command == "sample":
        for row in sample(args.n, args.seed):
            print(json.dumps(row, ensure_ascii=False))
    elif args.command == "show":
        show(args.file)
    elif args.command == "rejudge":
        rejudge(args.file)
    else:
        print(json.dumps(summary(args.file, args.field), indent=1))


if __name__ == "__main__":
    main()
