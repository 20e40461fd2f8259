"""Store: idempotent ingest, resume after interruption, FTS, migrations, Parquet export."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from presslens.core.errors import InputError, NotFoundError, StoreError
from presslens.core.schema import CORPUS_RECORD_TYPES, RECORD_TYPES, SCHEMA_VERSION
from presslens.corpus import Corpus, ingest
from presslens.store.parquet import export_parquet
from presslens.store.sqlite import Store


def _corpus_files(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2024-01-02 Wire - The council of Norvik met on Monday.\n\n"
                                  "Its mayor said the budget would grow.", encoding="utf-8")
    (folder / "b.txt").write_text("date 2024-01-03 Ledger - Farmers in Estmark harvested early.", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"")
    (folder / "d.jsonl").write_text('{"text": "Dock workers in Tarnholm walked out."}\n{bad json\n', encoding="utf-8")
    return folder


def _table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    tables = ["articles"] + [t.table for t in RECORD_TYPES]
    counts = {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables}
    conn.close()
    return counts


def test_ingest_counts_and_error_rows(tmp_path):
    db = tmp_path / "s.sqlite"
    with Store(db) as store:
        result = ingest(store, [_corpus_files(tmp_path)])
        assert (result.ok, result.error, result.skipped) == (3, 2, 0)
        errors = {a.source.rsplit("/", 1)[-1]: a.error for a in store.articles(status="error")}
    assert errors == {"c.txt": "empty file", "d.jsonl:2": errors["d.jsonl:2"]}
    assert "malformed JSON" in errors["d.jsonl:2"]


def test_ingesting_twice_changes_nothing(tmp_path):
    folder, db = _corpus_files(tmp_path), tmp_path / "s.sqlite"
    with Store(db) as store:
        ingest(store, [folder])
    before = _table_counts(db)
    with Store(db) as store:
        again = ingest(store, [folder])
    assert (again.ok, again.error, again.skipped) == (0, 0, 5)
    assert _table_counts(db) == before
    assert before["sentences"] >= 4


def test_interrupted_ingest_resumes_without_duplicates(tmp_path):
    folder, db = _corpus_files(tmp_path), tmp_path / "s.sqlite"

    class Interrupt(Exception):
        pass

    def stop_after_two(_analysis, result):
        if result.ok + result.error == 2:
            raise Interrupt

    with Store(db) as store, pytest.raises(Interrupt):
        ingest(store, [folder], on_article=stop_after_two)
    assert sum(_table_counts(db)[t] for t in ["articles"]) == 2
    with Store(db) as store:
        resumed = ingest(store, [folder])
    assert resumed.skipped == 2 and resumed.ok + resumed.error == 3
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (5, 5)


def test_analysis_round_trips_through_the_store(tmp_path):
    with Corpus(tmp_path / "s.sqlite") as corpus:
        corpus.ingest(_corpus_files(tmp_path))
        article = next(a for a in corpus.articles(status="ok") if a.outlet == "Wire")
        stored = corpus.analysis(article.id[:8])
        assert stored.article == article
        assert stored.sentences and all(article.text[s.start:s.end] == s.text for s in stored.sentences)
        frame = corpus.frame("sentences")
        assert {"article_id", "article_outlet", "start", "end"} <= set(frame.columns)
        assert corpus.frame("articles").shape[0] == 5


def test_full_text_search_with_snippets(tmp_path):
    with Corpus(tmp_path / "s.sqlite") as corpus:
        corpus.ingest(_corpus_files(tmp_path))
        hits = corpus.search("harvested")
        assert [h["outlet"] for h in hits] == ["Ledger"]
        assert "[harvested]" in hits[0]["snippet"]
        assert corpus.search("nonexistentword") == []
        assert corpus.search('"unbalanced') == []  # plain words: the quote is text
        with pytest.raises(InputError):
            corpus.search('"unbalanced', fts=True)


def test_unknown_article_and_missing_store(tmp_path):
    with Store(tmp_path / "s.sqlite") as store, pytest.raises(NotFoundError):
        store.analysis("ffff")
    with pytest.raises(NotFoundError):
        Store(tmp_path / "missing.sqlite", create=False)


def test_migrations_add_new_columns_and_refuse_future_versions(tmp_path):
    db = tmp_path / "s.sqlite"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER aggregates_ad")  # reads quotes.continues; a store from before either had neither
    conn.execute("ALTER TABLE quotes DROP COLUMN continues")
    conn.commit()
    conn.close()
    with Store(db) as store:
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(quotes)")}
        assert "continues" in columns
        applied = [r[0] for r in store.conn.execute("SELECT description FROM presslens_migrations")]
        assert "add column quotes.continues" in applied
        assert store.schema_version == SCHEMA_VERSION
        store.conn.execute("UPDATE presslens_meta SET value='999' WHERE key='schema_version'")
        store.conn.commit()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_parquet_export_has_every_table(tmp_path):
    import pandas as pd

    with Corpus(tmp_path / "s.sqlite") as corpus:
        corpus.ingest(_corpus_files(tmp_path))
        written = export_parquet(corpus.store, tmp_path / "pq")
    assert written["articles"] == 5
    assert set(written) == {"articles"} | {t.table for t in (*RECORD_TYPES, *CORPUS_RECORD_TYPES)}
    assert len(pd.read_parquet(tmp_path / "pq" / "sentences.parquet")) == written["sentences"]


def test_multiprocess_parse_matches_single_process(tmp_path):
    folder = _corpus_files(tmp_path)
    with Store(tmp_path / "one.sqlite") as store:
        ingest(store, [folder])
    with Store(tmp_path / "two.sqlite") as store:
        ingest(store, [folder], n_process=2, batch_size=1)
    assert _table_counts(tmp_path / "one.sqlite") == _table_counts(tmp_path / "two.sqlite")


def test_datasette_metadata_describes_every_table():
    from presslens.store.sqlite import datasette_metadata

    tables = datasette_metadata("news")["databases"]["news"]["tables"]
    assert set(tables) >= {"articles"} | {t.table for t in RECORD_TYPES}
    assert all(tables[t.table]["description"] for t in RECORD_TYPES)
    assert tables["articles"]["label_column"] == "title"
