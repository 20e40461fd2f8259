"""Precision as users meet it: a hand-judged sample of event records from ordinary articles.

The articles are the PolNeAR dev texts (``../shared/eval/attribution/dev.jsonl``, read as plain
articles with their date and outlet; the gold annotations are not used) and the project's own
``examples/``. The judged file (``tests/data/judged_events.jsonl``) stores only article ids,
offsets, what presslens output at judging time (type, mode, actor names) and the verdicts —
never the articles' text, which is read from ``../shared`` and ``examples/`` when this runs.

    python scripts/judge_events.py sample --n 220 --seed 14 > new.jsonl   # draw a sample (no verdicts)
    python scripts/judge_events.py show [--file F] [--from N] [--count K] # print records with their sentence
    python scripts/judge_events.py rejudge [--changed]                    # today's output on the same triggers
    python scripts/judge_events.py summary [--file F] [--suffix _after]
    python scripts/judge_events.py coverage                               # share of events with both sides
    python scripts/judge_events.py compare [--file tests/data/judged_ptc_triggers.jsonl]

``tests/data/judged_events_2.jsonl`` is a fresh sample (``sample --n 80 --seed 1205``), drawn after the
round-3 model change and judged once, so that its precision is not measured on records that changes
were checked against (``summary --file tests/data/judged_events_2.jsonl``). ``judged_events_3.jsonl``
(``sample --n 80 --seed 1206``) is a third, drawn and judged before the round that it measures;
``judged_events_4.jsonl`` (``sample --n 80 --seed 1207``) a fourth, drawn and judged once after the
lexicon and accident rules of issue 14's fifth round; ``judged_events_5.jsonl`` (``sample --n 80 --seed 1208``)
a fifth, drawn and judged once after its sixth round and the last-resort target rule; ``judged_events_6.jsonl``
(``sample --n 80 --seed 1209``) a sixth, drawn and judged once after its seventh round (conflict-news lexicon,
near-miss model moves, actor naming). ``heldout_events_7.jsonl`` (``sample --n 80 --seed 1210``) is a seventh,
drawn and judged once after its eighth round; its name keeps it out of the model's training (which reads
``judged_events*.jsonl``), so later rounds can be re-judged on it without the model having learned its labels.

``heldout_events_8.jsonl`` (``sample --n 60 --seed 1211``, then 20 more records of ``sample --n 24 --seed 1212``
not already in it) is an eighth, drawn and judged once at the end of the
round that added acts named by nouns, commands, owed and possible acts and criticism told as 'attacks'.

``heldout_events_9.jsonl`` (``sample --n 80 --seed 1213 --unseen``) is a ninth, drawn after the round that read
roles from participles and settings, only from triggers no earlier file had judged (by then 459 of the texts'
triggers had been; a plain draw shared 54 of its 80 records with earlier samples), and judged once.
``heldout_events_10.jsonl`` (``sample --n 80 --seed 1214 --unseen --corpus ptc``) is a tenth, drawn at stop 38 from
the PTC dev texts (``../shared/eval/propaganda/dev.jsonl``, read as articles; their ids are numbers), since only 16
PolNeAR triggers were left that no file had judged; opinion and advocacy pieces more than wire copy, judged once.
``heldout_events_11.jsonl`` (``sample --n 60 --seed 1215 --unseen --corpus ptc``) is an eleventh, drawn at stop 41
after its event and actor rules, from the same texts and triggers no earlier file had judged, and judged once.

``tests/data/review_nominal_events.jsonl`` holds, judged by hand, every event that the rule for acts named by a
noun (``presslens.events.nominal``) added on the PolNeAR and PTC dev texts read as articles (``summary --file``);
it is a review of one rule's output, not a random sample, and its name keeps it out of the model's training.
``tests/data/review_event_types_s36.jsonl`` holds 90 asserted events drawn at random from the PolNeAR and PTC dev
texts read as articles (45 from both, seed 3607; 45 from PTC, seed 3608) and judged for their type only; the errors
found there led to the rules of that round, so ``summary --suffix _after`` on it measures those rules on the
records they were written from (the held-out sample, ``heldout_events_7.jsonl``, is the number to quote).

``tests/data/judged_ptc_triggers.jsonl`` compares two versions on articles no sample has used, the PTC
dev texts (``../shared/eval/propaganda/dev.jsonl``, read as plain articles): every event trigger either
version outputs falls in a stratum (``old_only``, ``new_only``, ``both``; ``both`` gave the same type each
time), 25, 25 and 20 triggers were drawn from them (seed 2027) and each was judged once with the type that
is right for it as an asserted event (``right_type``; null: no event, or one only hypothetical, negated,
habitual or generic). ``compare`` weights each stratum by its size: each version's type precision and its
estimated number of right events. Its 'old' is the code before issue 14's eighth round (the model that
learns from the judged records), its 'new' that round. These files are never trained on (the model's
training reads ``judged_events*.jsonl`` only).

Verdicts, judged against the PLOVER definitions (``../shared/docs/plover.md``): ``type`` is
``right``, ``wrong`` (an event of another type) or ``no-event`` (the sentence reports no act of
one actor on another: an idiom, a metaphor, a market, a disaster, a rule); ``source`` and
``target`` are ``right``, ``wrong`` (an actor who is not the one acting / acted on),
``missing`` (empty, but the sentence names it), ``none-ok`` (empty, and the sentence names none)
or ``extra`` (the right actor plus a wrong one), ``partial`` (one of several actors missing).
Precision counts ``right`` and ``none-ok`` as right. Re-judged verdicts go in ``*_verdict_after``;
``gone`` there means presslens no longer outputs the record (left out of the precision).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "attribution" / "dev.jsonl"
PTC_DEV = ROOT.parent / "shared" / "eval" / "propaganda" / "dev.jsonl"
EXAMPLES = ROOT / "examples"
JUDGED = ROOT / "tests" / "data" / "judged_events.jsonl"
PTC_JUDGED = ROOT / "tests" / "data" / "judged_ptc_triggers.jsonl"
SIDE_RIGHT = frozenset({"right", "none-ok"})


def articles() -> dict[str, Any]:
    """Every article of the samples' corpora by id: PolNeAR dev ids, PTC dev ids (numbers) where that file is
    present, and the examples' own article ids."""
    from presslens.core.readers import make_article, read_articles

    if not DEV.exists():
        sys.exit(f"skipped: {DEV} is absent (the judged sample needs the PolNeAR dev texts beside the checkout)")
    found = {}
    for path in (DEV, PTC_DEV):
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for record in map(json.loads, handle):
                if record["id"] in found:
                    continue
                article = make_article(record["text"], source=str(path), date=record.get("date"),
                                       outlet=record.get("outlet"))
                found[record["id"]] = replace(article, id=record["id"])
    for article in read_articles([EXAMPLES]):
        if article.status == "ok":
            found[article.id] = article
    return found


def events(selected: dict[str, Any]) -> dict[str, list[Any]]:
    """presslens's event records of each article."""
    from presslens.pipeline import analyze_articles

    ids = sorted(selected)
    return {a.article.id: list(a.events) for a in analyze_articles(selected[i] for i in ids)}


def row(article: str, event: Any) -> dict[str, Any]:
    return {"article": article, "start": event.start, "end": event.end, "trigger_start": event.trigger_start,
            "trigger_end": event.trigger_end, "type": event.type, "mode": event.mode, "sources": list(event.sources),
            "targets": list(event.targets), "hypothetical": event.hypothetical, "negated": event.negated}


def judged_triggers() -> set[tuple[str, int]]:
    """Every (article, trigger start) some earlier sample or review of these texts judged."""
    paths = [*sorted((ROOT / "tests" / "data").glob("*events*.jsonl")), PTC_JUDGED]
    return {(r["article"], r["trigger_start"]) for path in paths for r in read(path) if "trigger_start" in r}


def sample(n: int, seed: int, unseen: bool = False, corpus: str = "polnear") -> list[dict[str, Any]]:
    """``n`` event records drawn with a fixed seed from every article's output (``unseen``: only records on
    triggers no earlier sample judged, so that no rule can have been written from them). ``corpus``: the
    PolNeAR dev texts and the examples (``polnear``), or the PTC dev texts (``ptc``)."""
    every = articles()
    ptc = {a for a in every if a.isdigit()}
    found = events({a: article for a, article in every.items() if (a in ptc) == (corpus == "ptc")})
    skip = judged_triggers() if unseen else set()
    pool = [(article, e) for article in sorted(found) for e in found[article] if (article, e.trigger_start) not in skip]
    return [row(a, e) for a, e in random.Random(seed).sample(pool, min(n, len(pool)))]


def read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _show(index: int, record: dict[str, Any], text: str) -> None:
    start, end, ts, te = record["start"], record["end"], record["trigger_start"], record["trigger_end"]
    left = max(0, start - 160)
    marked = (text[left:start] + "<<" + text[start:ts] + "[[" + text[ts:te] + "]]" + text[te:end] + ">>"
              + text[end:end + 60]).replace("\n", " ¶ ")
    flags = "".join(f" {f}" for f in ("hypothetical", "negated") if record.get(f))
    print(f"#{index} {record['article'][:40]} {ts}-{te} {record['type']}/{record['mode']}{flags} "
          f"SRC={record['sources']} TGT={record['targets']}")
    print("   " + marked)
    print()


def show(path: Path, first: int, count: int) -> None:
    texts = articles()
    for index, record in enumerate(read(path)[first:first + count], first):
        _show(index, record, texts[record["article"]].text)


def today(rows: list[dict[str, Any]]) -> list[Any]:
    """Today's record on each judged trigger (a merged record whose mentions include it counts), else None."""
    corpus = articles()
    found = events({a: corpus[a] for a in {r["article"] for r in rows} if a in corpus})
    result = []
    for record in rows:
        result.append(next((e for e in found.get(record["article"], []) if record["trigger_start"] in
                            (e.mention_starts or (e.trigger_start,))), None))
    return result


def rejudge(path: Path, first: int, count: int, changed_only: bool) -> None:
    """Today's record on each judged trigger, for a second verdict (``--changed``: only where it changed)."""
    texts = articles()
    rows = read(path)[first:first + count]
    for index, (record, now) in enumerate(zip(rows, today(rows)), first):
        if changed_only and now is not None and same_output(record, now):
            continue
        print(f"   before: {record['type']} {record['sources']}->{record['targets']} verdicts "
              f"{record.get('type_verdict')}/{record.get('source_verdict')}/{record.get('target_verdict')}")
        if now is None:
            print(f"#{index} {record['article'][:40]} {record['trigger_start']}: no record today\n")
            continue
        _show(index, {**row(record["article"], now), "trigger_start": record["trigger_start"],
                      "trigger_end": record["trigger_end"]}, texts[record["article"]].text)


def same_output(record: dict[str, Any], event: Any) -> bool:
    """Does today's event say what the judged record said (type, actors)?"""
    return (event.type == record["type"] and list(event.sources) == record["sources"]
            and list(event.targets) == record["targets"])


def _share(part: list[dict[str, Any]], whole: list[dict[str, Any]]) -> float | None:
    """The share of ``whole`` that is in ``part`` (by identity)."""
    ids = {id(r) for r in part}
    return round(sum(id(r) in ids for r in whole) / len(whole), 3) if whole else None


def summary(path: Path, suffix: str = "") -> dict[str, Any]:
    """Type precision and 'type and both actors right' precision of the judged records."""
    rows = [r for r in read(path) if r.get("type_verdict" + suffix) not in (None, "gone")]
    verdicts = {k: Counter(r[f"{k}_verdict{suffix}"] for r in rows) for k in ("type", "source", "target")}
    typed = [r for r in rows if r["type_verdict" + suffix] == "right"]
    full = [r for r in typed if r["source_verdict" + suffix] in SIDE_RIGHT and r["target_verdict" + suffix] in SIDE_RIGHT]
    named_both = [r for r in typed if r["source_verdict" + suffix] != "none-ok" and r["target_verdict" + suffix] != "none-ok"]
    filled = [r for r in named_both if r["sources"] and r["targets"]]
    asserted = [r for r in rows if not (r["hypothetical"] or r["negated"])]
    return {"records": len(rows), "articles": len({r["article"] for r in rows}),
            "verdicts": {k: dict(v) for k, v in verdicts.items()},
            "type_precision": round(len(typed) / len(rows), 3) if rows else None,
            "asserted_type_precision": _share(typed, asserted), "asserted_records": len(asserted),
            "type_and_both_actors_precision": round(len(full) / len(rows), 3) if rows else None,
            "both_sides_filled_where_named": round(len(filled) / len(named_both), 3) if named_both else None}


def compare(path: Path) -> dict[str, Any]:
    """Stratified estimates of two versions' type precision from a judged-triggers file (see above)."""
    rows = read(path)
    sizes = {r["stratum"]: r["stratum_size"] for r in rows}
    result: dict[str, Any] = {"judged": len(rows), "strata": sizes}
    for version in ("old", "new"):
        right = output = 0.0
        for stratum, size in sizes.items():
            drawn = [r for r in rows if r["stratum"] == stratum]
            if any(r[f"{version}_type"] is not None for r in drawn):
                output += size
                right += size * sum(r[f"{version}_type"] == r["right_type"] for r in drawn) / len(drawn)
        result[version] = {"records": int(output), "right_estimate": round(right),
                           "type_precision": round(right / output, 3) if output else None}
    return result


def coverage() -> dict[str, Any]:
    """Over every event record of the corpus: the share with both a source and a target (the judged
    sample's ``both_sides_filled_where_named`` says how often both are filled when the sentence names both)."""
    found = events(articles())
    records = [e for article in found.values() for e in article]
    asserted = [e for e in records if not (e.hypothetical or e.negated)]
    both = [e for e in asserted if e.sources and e.targets]
    return {"records": len(records), "asserted": len(asserted), "asserted_with_both_sides": len(both),
            "share_with_both_sides": round(len(both) / len(asserted), 3) if asserted else None,
            "with_source": round(sum(bool(e.sources) for e in asserted) / len(asserted), 3) if asserted else None,
            "merged_records": sum(len(e.mention_starts) > 1 for e in records)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("sample", "show", "rejudge", "summary", "coverage", "compare"))
    parser.add_argument("--file", type=Path, default=None,
                        help="the judged file (default: the first sample; for compare, the PTC comparison)")
    parser.add_argument("--n", type=int, default=220)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--from", dest="first", type=int, default=0)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--suffix", default="", help="summary: verdict fields with this suffix (e.g. _after)")
    parser.add_argument("--changed", action="store_true", help="rejudge: only records whose output changed")
    parser.add_argument("--unseen", action="store_true", help="sample: only triggers no judged file holds")
    parser.add_argument("--corpus", choices=("polnear", "ptc"), default="polnear",
                        help="sample: the PolNeAR dev texts and the examples, or the PTC dev texts")
    args = parser.parse_args()
    path = args.file or (PTC_JUDGED if args.action == "compare" else JUDGED)
    if args.action == "sample":
        for record in sample(args.n, args.seed, args.unseen, args.corpus):
            print(json.dumps(record))
    elif args.action == "show":
        show(path, args.first, args.count)
    elif args.action == "rejudge":
        rejudge(path, args.first, args.count, args.changed)
    elif args.action == "coverage":
        print(json.dumps(coverage(), indent=1))
    elif args.action == "compare":
        print(json.dumps(compare(path), indent=1))
    else:
        print(json.dumps(summary(path, args.suffix), indent=1))


if __name__ == "__main__":
    main()
