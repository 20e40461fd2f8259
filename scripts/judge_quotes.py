"""Precision as users meet it: a hand-judged sample of quote records from real articles.

The PolNeAR dev texts (``../shared/eval/attribution/dev.jsonl``) are read as plain
articles (their gold annotations are not used). The judged file
(``tests/data/judged_quotes.jsonl``) stores only article ids, offsets, the
speaker shown at judging time and the verdicts — never the articles' text,
which is read from ``../shared`` when this script runs.

    python scripts/judge_quotes.py sample --n 200 --seed 13 > new.jsonl   # draw a sample (no verdicts)
    python scripts/judge_quotes.py show [--file F] [--from N] [--count K] # print records with their text
    python scripts/judge_quotes.py rejudge [--changed] [--since speaker_after]  # today's output on the same spans
    python scripts/judge_quotes.py record --round after2 --verdicts v.json  # keep today's speakers and verdicts
    python scripts/judge_quotes.py summary [--file F] [--field speaker_verdict_after2]

``--texts`` reads the articles from another gold file's texts: ``tests/data/heldout_quotes_ptc.jsonl`` is a
sample from the PTC dev texts (``../shared/eval/propaganda/dev.jsonl``), articles no rule was written
from, drawn once (``sample --n 60 --seed 34 --texts ../shared/eval/propaganda/dev.jsonl``) and judged once;
show, rejudge and record it with the same ``--texts``.

A judging round ``R`` keeps ``speaker_R``, ``speaker_verdict_R`` and ``reason_R`` beside the earlier rounds:
``record`` copies the previous round's verdict where today's speaker is the same and takes the
others from a hand-written JSON object ``{"index": [verdict, reason], ...}`` (it refuses to guess).

Verdicts (``speaker``): ``right`` (the speaker shown said it), ``wrong-name`` (a named
person or organisation who did not say it), ``wrong-word`` (a pronoun, function word
or non-entity shown as the speaker), ``unresolved-ok`` (no speaker, and the article
names none), ``unresolved-missed`` (no speaker, but the article names who said it),
``not-attribution`` (no one's words). ``content``: ``right``, ``partial``, ``wrong``.
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
JUDGED = ROOT / "tests" / "data" / "judged_quotes.jsonl"
CONTEXT = 260


def _articles(source: Path = DEV) -> dict[str, str]:
    if not source.exists():
        sys.exit(f"skipped: {source} is absent (the judged sample needs the gold file's texts beside the checkout)")
    with source.open(encoding="utf-8") as handle:
        return {r["id"]: r["text"] for r in map(json.loads, handle)}


def _quotes(texts: dict[str, str]) -> dict[str, list[Any]]:
    from presslens.core.nlp import parse_many
    from presslens.quotes.extract import extract_quotes

    ids = sorted(texts)
    return {i: extract_quotes(doc) for i, doc in zip(ids, parse_many(texts[i] for i in ids))}


def _row(article: str, quote: Any) -> dict[str, Any]:
    return {"article": article, "start": quote.start, "end": quote.end, "cue_start": quote.cue_start,
            "cue_end": quote.cue_end, "speaker_start": quote.speaker_start, "speaker_end": quote.speaker_end,
            "speaker": quote.speaker}


def sample(n: int, seed: int, source: Path = DEV) -> list[dict[str, Any]]:
    """``n`` quote records drawn with a fixed seed from every article's output."""
    quotes = _quotes(_articles(source))
    pool = [(article, q) for article in sorted(quotes) for q in quotes[article]]
    return [_row(a, q) for a, q in random.Random(seed).sample(pool, n)]


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _show(index: int, row: dict[str, Any], text: str, speaker: str | None, mention: tuple | None) -> None:
    start, end = row["start"], row["end"]
    left = max(0, min(start, row.get("cue_start") or start) - CONTEXT)
    right = min(len(text), max(end, row.get("cue_end") or end) + 80)
    marked = (text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]).replace("\n", " ¶ ")
    cue = text[row["cue_start"]:row["cue_end"]] if row.get("cue_start") is not None else None
    said = text[mention[0]:mention[1]] if mention and mention[0] is not None else None
    print(f"#{index} {row['article']} {start}-{end} cue={cue!r} mention={said!r} SPEAKER={speaker!r}")
    print("   " + marked)
    print()


def show(path: Path, first: int, count: int, source: Path = DEV) -> None:
    texts = _articles(source)
    for index, row in enumerate(_read(path)[first:first + count], first):
        _show(index, row, texts[row["article"]], row["speaker"], (row["speaker_start"], row["speaker_end"]))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def today(rows: list[dict[str, Any]], source: Path = DEV) -> list[Any]:
    """Today's record for each judged one: the same cue on an overlapping span, else the most overlapping."""
    texts = _articles(source)
    quotes = _quotes({a: texts[a] for a in {r["article"] for r in rows}})
    found = []
    for row in rows:
        span = (row["start"], row["end"])
        overlapping = [q for q in quotes[row["article"]] if _overlap(span, (q.start, q.end))]
        same_cue = [q for q in overlapping if q.cue_start == row["cue_start"]]
        found.append(max(same_cue or overlapping, key=lambda q: _overlap(span, (q.start, q.end)), default=None))
    return found


def rejudge(path: Path, first: int, count: int, changed_only: bool, since: str = "speaker",
            source: Path = DEV) -> None:
    """Today's record on each judged span, for a new verdict (``--changed``: only where the speaker differs
    from the one in field ``since``, the original by default)."""
    texts = _articles(source)
    rows = _read(path)[first:first + count]
    suffix = since[len("speaker"):]
    for index, (row, now) in enumerate(zip(rows, today(rows, source)), first):
        speaker = now.speaker if now is not None else None
        if changed_only and speaker == row.get(since) and (now is not None or suffix):
            continue
        print(f"   before: {row.get(since)!r} verdict {row.get('speaker_verdict' + suffix)} "
              f"({row.get('reason' + suffix)})")
        if now is None:
            print(f"#{index} {row['article']} {row['start']}-{row['end']}: no record today\n")
            continue
        _show(index, {**row, **_row(row["article"], now)}, texts[row["article"]], speaker,
              (now.speaker_start, now.speaker_end))


def record(path: Path, round_name: str, verdicts: dict[str, list[str]], source: Path = DEV) -> None:
    """Write today's speaker of every judged record as round ``round_name`` with its verdict."""
    rows = _read(path)
    previous = _latest_round(rows[0])
    missing = []
    for index, (row, now) in enumerate(zip(rows, today(rows, source))):
        speaker = now.speaker if now is not None else None
        if str(index) in verdicts:
            verdict, reason = verdicts[str(index)]
        elif speaker == row.get("speaker" + previous):
            verdict, reason = row.get("speaker_verdict" + previous), "unchanged"
        else:
            missing.append(index)
            continue
        row.update({f"speaker_{round_name}": speaker, f"speaker_verdict_{round_name}": verdict,
                    f"reason_{round_name}": reason})
    if missing:
        sys.exit(f"no verdict for changed records {missing}: judge them (rejudge --changed) and pass --verdicts")
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def _latest_round(row: dict[str, Any]) -> str:
    """The suffix of the last judging round in a record ('' for the first, '_after', '_after2', …)."""
    rounds = [key[len("speaker_verdict"):] for key in row if key.startswith("speaker_verdict")]
    return rounds[-1]  # rounds are appended in order


def summary(path: Path, field: str) -> dict[str, Any]:
    """Speaker precision and the share of each verdict."""
    rows = _read(path)
    verdicts = Counter(r.get(field) for r in rows)
    shown = verdicts["right"] + verdicts["wrong-name"] + verdicts["wrong-word"]
    return {"records": len(rows), "verdicts": dict(verdicts),
            "speaker_precision": round(verdicts["right"] / shown, 3) if shown else None,
            "wrong_named_person": verdicts["wrong-name"], "pronoun_or_word_speakers": verdicts["wrong-word"],
            "unresolved_share": round((verdicts["unresolved-ok"] + verdicts["unresolved-missed"]) / len(rows), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("sample", "show", "rejudge", "record", "summary"))
    parser.add_argument("--file", type=Path, default=JUDGED)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--from", dest="first", type=int, default=0)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--field", default="speaker_verdict")
    parser.add_argument("--changed", action="store_true", help="rejudge: only records whose speaker changed")
    parser.add_argument("--since", default="speaker", help="rejudge --changed: the round's speaker field to compare")
    parser.add_argument("--round", dest="round_name", help="record: the new round's name (after2, …)")
    parser.add_argument("--verdicts", type=Path, help="record: JSON object of index -> [verdict, reason]")
    parser.add_argument("--texts", type=Path, default=DEV, help="the gold file whose texts are read as articles")
    args = parser.parse_args()
    if args.action == "sample":
        for row in sample(args.n, args.seed, args.texts):
            print(json.dumps(row))
    elif args.action == "show":
        show(args.file, args.first, args.count, args.texts)
    elif args.action == "rejudge":
        rejudge(args.file, args.first, args.count, args.changed, args.since, args.texts)
    elif args.action == "record":
        if not args.round_name:
            parser.error("record needs --round")
        verdicts = json.loads(args.verdicts.read_text(encoding="utf-8")) if args.verdicts else {}
        record(args.file, args.round_name, verdicts, args.texts)
    else:
        print(json.dumps(summary(args.file, args.field), indent=1))


if __name__ == "__main__":
    main()
