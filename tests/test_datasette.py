"""Datasette metadata: readable titles, plain-text descriptions, facets on columns that exist."""

from __future__ import annotations

import json


def test_metadata_is_plain_text_with_facets_that_exist(tmp_path):
    from presslens.core.readers import make_article
    from presslens.pipeline import analyze
    from presslens.store.sqlite import Store, datasette_metadata

    with Store(tmp_path / "news.sqlite") as store:
        text = 'Lagos police arrested forty protesters on Friday. "We will appeal," lawyer Ada Obi said.'
        store.add(analyze(make_article(text, source="<test>", date="2024-03-01", outlet="Test Wire")))
        metadata = datasette_metadata("news")
        tables = metadata["databases"]["news"]["tables"]
        assert "`" not in json.dumps(metadata)
        for name, table in tables.items():
            if not table.get("hidden"):
                assert table["title"] and table["description"], name
        for view in ("quotes_by_article", "events_by_article", "flags_by_article"):
            columns = {r[1] for r in store.conn.execute(f"PRAGMA table_info([{view}])")}
            assert {"article_date", "article_outlet", "article_title", "article_id", "start", "end"} <= columns
            assert set(tables[view]["facets"]) <= columns
        rows = store.conn.execute("SELECT article_outlet, article_date, speaker FROM quotes_by_article").fetchall()
        assert ("Test Wire", "2024-03-01", "Ada Obi") in [tuple(r) for r in rows]
        label = store.conn.execute("SELECT title FROM articles").fetchone()[0]
        assert label == "Lagos police arrested forty protesters on Friday. \"We will appeal,\" lawyer Ada Obi said."
