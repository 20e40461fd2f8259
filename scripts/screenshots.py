"""Screenshots of the dashboard for the README, taken from the real pages in Debian's chromium.

    python scripts/screenshots.py [--db STORE] [--out docs/screenshots]

Without --db it builds a store from examples/ in a temporary folder. Pages are served on a
free local port; any request leaving 127.0.0.1 is refused.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from presslens.corpus import Corpus
from presslens.serve.app import create_app
from presslens.serve.local import serving

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
SHOTS = {"overview": "/dashboard", "timeline": "/dashboard/timeline", "map": "/dashboard/map",
         "network": "/dashboard/network", "outlets": "/dashboard/outlets", "article": "/dashboard/article/{article}"}
WAIT_FOR = {"map": "#map[data-ready=true]", "network": "#network[data-ready=true]"}


def build_store(folder: Path) -> Path:
    db = folder / "examples.sqlite"
    with Corpus(db) as corpus:
        corpus.ingest([ROOT / "examples"])
    return db


def richest_article(db: Path) -> str:
    """The article with the most quotes, events and flags (the one that shows the most highlights)."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT a.id FROM articles a ORDER BY (SELECT count(*) FROM events e WHERE "
                            "e.article_id = a.id) + (SELECT count(*) FROM flags f WHERE f.article_id = a.id) "
                            "DESC, a.id LIMIT 1").fetchone()[0]


def take(db: Path, out: Path, width: int, height: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    article = richest_article(db)
    written = []
    with serving(create_app(db)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": width, "height": height})
        context.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname == "127.0.0.1"
                      else route.abort())
        page = context.new_page()
        for name, path in SHOTS.items():
            page.goto(base + path.format(article=article))
            page.wait_for_load_state("networkidle")
            if name in WAIT_FOR:
                page.wait_for_selector(WAIT_FOR[name])
            target = out / f"{name}.png"
            page.screenshot(path=str(target))
            written.append(target)
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a presslens store (default: one built from examples/)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or build_store(Path(folder))
        for path in take(db, args.out, args.width, args.height):
            print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
