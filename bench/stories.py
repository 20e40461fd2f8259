"""Cost of near-duplicate and story linking on ingest, on synthetic articles (seeded, written here).

    python bench/stories.py [--pipeline 200] [--linked 10000] [--story 300] [--sizes 1000,10000,100000]

Ingest (``corpus.store_analyses``) stores each article in one transaction and links it inside
that transaction, rebuilding the stories those links touched every ``REBUILD_EVERY`` articles.
The cost of stories is the difference between that and ``Store.add`` alone, measured side by
side on two stores fed the same articles in batches of ``REBUILD_EVERY``:

1. ``--pipeline N`` synthetic articles go through the real pipeline; each analysis is added to
   store A (no stories) and store B (linked, as ingest does). The share is (B - A) / (pipeline
   + A) per article, all measured in one run.
2. ``--linked N`` synthetic analyses (names as entities, three events and two figures each, no
   parse, so N can be 10,000 in a minute or two) are added to A and to B one by one while both
   grow to N: the link cost per article (B - A) is printed for each tenth and set against the
   per-article pipeline + store time of step 1. The full pipeline is too slow to run 10,000
   articles here (about 0.1 s each on two shared cores), hence the two steps.
3. ``--story N`` rewrites of one story are linked as that story grows to N articles: the story
   candidates (up to 500) and the rebuild (once per batch) read every article of the touched
   story, so their cost grows with the story.
4. For each of ``--sizes``, a store holding that many signatures (bulk-filled) answers the
   duplicate and story lookups of 200 new articles: time per lookup against stored size.

Synthetic stories have 1-6 articles: an original, copies with the edits of the check set
(trimmed, reordered, a paragraph inserted) and rewrites from the same names; dates spread
over a year. Timings are noisy: read the ratios.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from presslens.core.readers import article_id
from presslens.core.schema import Analysis, Article, Entity, Event, Figure
from presslens.pipeline import analyze_articles
from presslens.store import stories as tables
from presslens.corpus import IngestResult, store_analyses
from presslens.store.sqlite import Store
from presslens.stories import features as story_features
from presslens.stories import REBUILD_EVERY, link
from presslens.stories import shingles

SYLLABLES = "ka lo ren ta vi mor sel dan bri ost hal qua fen tor ull mes ari vok len dra pim sur gol nev".split()
VERBS = "said warned announced reported confirmed denied argued promised urged claimed".split()


class Generator:
    """Seeded synthetic news: stories with names, words, dates, copies and rewrites."""

    def __init__(self, seed: int = 18):
        self.rng = random.Random(seed)
        self.words = sorted({self._word(self.rng.randint(2, 4)) for _ in range(6000)})

    def _word(self, syllables: int) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(syllables))

    def _name(self) -> str:
        return f"{self._word(2).title()} {self._word(3).title()}"

    def _sentence(self, names: list[str]) -> str:
        filler = " ".join(self.rng.choice(self.words) for _ in range(self.rng.randint(8, 16)))
        return f"{self.rng.choice(names)} {self.rng.choice(VERBS)} that {filler} in {names[-1]}."

    def story(self, number: int) -> list[tuple[str, str, str, list[str]]]:
        """(outlet, day, text, names) of each article of one story."""
        day = str(date(2025, 1, 1) + timedelta(days=self.rng.randrange(365)))
        names = [self._name(), self._name(), self._word(3).title() + " Union", self._word(2).title()]
        paragraphs = [" ".join(self._sentence(names) for _ in range(2)) for _ in range(6)]
        articles = [(f"outlet{number % 40}", day, "\n\n".join(paragraphs), names)]
        for edit in self.rng.sample(["trim", "reorder", "insert", "rewrite", "rewrite"], self.rng.randint(0, 5)):
            if edit == "trim":
                body = paragraphs[:4]
            elif edit == "reorder":
                body = [paragraphs[0], paragraphs[2], paragraphs[1]] + paragraphs[3:]
            elif edit == "insert":
                body = paragraphs[:3] + [self._sentence([self._name(), names[-1]])] + paragraphs[3:]
            else:
                body = [" ".join(self._sentence(names) for _ in range(2)) for _ in range(4)]
            articles.append((f"outlet{self.rng.randrange(40)}", day, "\n\n".join(body), names))
        return articles

    def one_story(self, count: int) -> list[tuple[str, str, str, list[str]]]:
        """``count`` independent rewrites of one story (same names, same day): one story that keeps growing."""
        day = str(date(2025, 6, 1))
        names = [self._name(), self._name(), self._word(3).title() + " Union", self._word(2).title()]
        return [(f"outlet{n % 40}", day, "\n\n".join(" ".join(self._sentence(names) for _ in range(2))
                                                    for _ in range(4)), names) for n in range(count)]

    def articles(self, count: int) -> list[tuple[str, str, str, list[str]]]:
        found: list = []
        number = 0
        while len(found) < count:
            found.extend(self.story(number))
            number += 1
        return found[:count]


def synthetic_analysis(outlet: str, day: str, text: str, names: list[str]) -> Analysis:
    """An analysis whose entities are the story's names where they occur, with three events and two
    figures on its first sentences (no parse), so linking rebuilds stories with events and claims."""
    entities = []
    for name, label in zip(names, ("PERSON", "PERSON", "ORG", "GPE")):
        start = text.find(name)
        if start >= 0:
            entities.append(Entity(start, start + len(name), name, label))
    ends = [i + 1 for i, c in enumerate(text) if c == "."][:3] or [len(text)]
    events = tuple(Event(0 if i == 0 else ends[i - 1], end, "ASSAULT" if i % 2 == 0 else "ACCUSE", "said", 0, 1,
                         sources=(names[i % 2],), targets=(names[2],), source_sectors=("GOV",),
                         location=names[-1]) for i, end in enumerate(ends))
    figures = tuple(Figure(start, start + 2, "12", value=12 + len(text) % 7, counts="people killed")
                    for start in (1, ends[0] - 3))
    return Analysis(Article(article_id(text, outlet), text, date=day, outlet=outlet),
                    entities=tuple(sorted(entities, key=lambda e: e.start)), events=events, figures=figures)


def _timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _store_both(plain: Store, linked: Store, analyses: list[Analysis]) -> tuple[float, float]:
    """Seconds to store analyses without stories (``plain``: ``Store.add`` each) and with them, as
    ingest does (``linked``: ``store_analyses``, linking in each article's transaction and
    rebuilding the touched stories at the end of the batch)."""
    return (_timed(lambda: [plain.add(a) for a in analyses]),
            _timed(lambda: store_analyses(linked, analyses, IngestResult())))


def _batches(items: list, size: int = REBUILD_EVERY) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def pipeline_overhead(count: int) -> dict[str, float]:
    rows = Generator(seed=7).articles(count)
    articles = [Article(article_id(t, o), t, date=d, outlet=o) for o, d, t, _ in rows]
    started = time.perf_counter()
    analyses = list(analyze_articles(articles))
    parse = time.perf_counter() - started
    add = with_link = 0.0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "a.sqlite") as plain, \
            Store(Path(tmp) / "b.sqlite") as linked:
        for batch in _batches(analyses):
            seconds = _store_both(plain, linked, batch)
            add, with_link = add + seconds[0], with_link + seconds[1]
        stored = len(plain.known_ids())
    per = 1000 / stored
    return {"articles": stored, "pipeline_ms": parse * per, "add_ms": add * per, "link_ms": (with_link - add) * per,
            "overhead": (with_link - add) / (parse + add)}


def linked_growth(rows: list[tuple[str, str, str, list[str]]]) -> list[tuple[int, float, float]]:
    """(stored so far, store ms, link ms) per article over each tenth while synthetic articles are
    stored without stories and with them."""
    step = max(len(rows) // 10 // REBUILD_EVERY, 1) * REBUILD_EVERY
    marks, add, with_link, done = [], 0.0, 0.0, 0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "a.sqlite") as plain, \
            Store(Path(tmp) / "b.sqlite") as linked:
        for batch in _batches(rows):
            seconds = _store_both(plain, linked, [synthetic_analysis(*row) for row in batch])
            add, with_link, done = add + seconds[0], with_link + seconds[1], done + len(batch)
            if done % step == 0 or done == len(rows):
                count = done - (marks[-1][0] if marks else 0)
                marks.append((done, add * 1000 / count, (with_link - add) * 1000 / count))
                add = with_link = 0.0
    return marks


def lookup_scaling(sizes: list[int], queries: int = 200) -> Iterator[tuple[int, float, float]]:
    """(stored signatures, duplicate lookup ms, story lookup ms) per query article, for each size in turn."""
    gen = Generator(seed=3)
    pool = gen.articles(max(sizes, default=0) + queries)
    probes, stored = pool[:queries], pool[queries:]
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "l.sqlite") as store:
            conn = store.conn
            with conn:
                tables.ensure_index(conn)
                for outlet, day, text, names in stored[:size]:
                    ident = article_id(text, outlet + day)
                    conn.execute("INSERT OR IGNORE INTO articles (id, text, date, outlet, status, language) "
                                 "VALUES (?, ?, ?, ?, 'ok', 'en')", (ident, text, day, outlet))
                    shingle_set = shingles.shingles(text)
                    sig = shingles.signature(shingle_set)
                    feats = story_features.features(synthetic_analysis(outlet, day, text, names))
                    tables.add_signature(conn, ident, day, outlet, len(shingle_set), sig.tobytes(),
                                         shingles.band_keys(sig), feats.to_json(), feats.names)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # as a store that has been in use
            dup_time = story_time = 0.0
            for outlet, day, text, names in probes:
                shingle_set = shingles.shingles(text)
                sig = shingles.signature(shingle_set)
                started = time.perf_counter()
                link._duplicates(conn, "probe", day, shingle_set, sig, shingles.band_keys(sig))
                dup_time += time.perf_counter() - started
                feats = story_features.features(synthetic_analysis(outlet, day, text, names))
                started = time.perf_counter()
                link._related(conn, feats)
                story_time += time.perf_counter() - started
            yield size, dup_time * 1000 / queries, story_time * 1000 / queries


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", type=int, default=200, help="articles through the real pipeline")
    parser.add_argument("--linked", type=int, default=10000, help="synthetic analyses added and linked")
    parser.add_argument("--story", type=int, default=300, help="rewrites of one story, linked as it grows")
    parser.add_argument("--sizes", default="1000,10000,100000", help="stored signatures for the lookup timing")
    args = parser.parse_args(argv)
    if args.pipeline:
        o = pipeline_overhead(args.pipeline)
        print(f"pipeline {o['pipeline_ms']:.1f} ms/article, Store.add {o['add_ms']:.1f}, linking in the same "
              f"transaction {o['link_ms']:.1f} -> stories add {o['overhead']:.1%} to ingest ({o['articles']} articles)",
              flush=True)
    if args.linked:
        for stored, add_ms, link_ms in linked_growth(Generator(seed=11).articles(args.linked)):
            line = f"stored {stored:>7} articles: Store.add {add_ms:.2f} ms, link {link_ms:.2f} ms/article (last tenth)"
            if args.pipeline:
                line += f" = {link_ms / (o['pipeline_ms'] + o['add_ms']):.1%} of ingest"
            print(line, flush=True)
    if args.story:
        for stored, add_ms, link_ms in linked_growth(Generator(seed=5).one_story(args.story)):
            print(f"one story of {stored:>5} articles: link {link_ms:.2f} ms/article (last tenth)", flush=True)
    for size, dup_ms, story_ms in lookup_scaling([int(s) for s in args.sizes.split(",") if s]):
        print(f"{size:>7} stored signatures: duplicate lookup {dup_ms:.2f} ms, story lookup {story_ms:.2f} ms "
              "per article", flush=True)


if __name__ == "__main__":
    main()
