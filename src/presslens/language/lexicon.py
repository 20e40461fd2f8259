"""The loaded-language lexicon (``data/loaded_terms.yaml``), indexed for matching a parse.

Each YAML list is a category. Entries that spaCy splits into one token are looked up
by word or lemma; longer ones ('so-called', 'death to') by a phrase matcher on
lower-cased tokens.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from presslens.core.errors import InputError
from presslens.core.nlp import load_nlp


def _entries(data: dict) -> dict[str, tuple[str, ...]]:
    """Category → lower-case entries; the side-specific labels of all conflicts form one category."""
    result = {key: tuple(str(v).lower() for v in value) for key, value in data.items() if isinstance(value, list)}
    result["conflict_labels"] = tuple(
        str(term).lower() for sides in data.get("conflict_labels", {}).values()
        for terms in sides.values() for term in terms)
    return result


@functools.lru_cache(maxsize=1)
def load_terms() -> dict[str, tuple[str, ...]]:
    """The packaged lexicon, category → entries."""
    text = (resources.files("presslens.language") / "data" / "loaded_terms.yaml").read_text(encoding="utf-8")
    try:
        return _entries(yaml.safe_load(text))
    except (yaml.YAMLError, AttributeError) as exc:
        raise InputError(f"loaded_terms.yaml is not a valid lexicon: {exc}") from exc


CACHE_LIMIT = 200_000
"""Word/lemma pairs remembered before the lookup cache starts over (memory stays flat on a long stream)."""


@dataclass(frozen=True)
class Lexicon:
    """Single-token entries by category, and a phrase matcher for the others."""

    words: dict[str, frozenset[str]]
    matcher: PhraseMatcher
    _categories: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    """(word, lemma) hashes → the categories listing the word or lemma (looked up once per pair)."""

    def categories(self, token: Token) -> frozenset[str]:
        """The categories whose one-token entries hold the token's word or lemma."""
        key = (token.lower, token.lemma)
        found = self._categories.get(key)
        if found is None:
            if len(self._categories) >= CACHE_LIMIT:
                self._categories.clear()
            word, lemma = token.lower_, token.lemma_.lower()
            found = self._categories[key] = frozenset(
                category for category, entries in self.words.items() if word in entries or lemma in entries)
        return found

    def has(self, category: str, token: Token) -> bool:
        """Whether the token's word or lemma is a one-token entry of the category."""
        return category in self.categories(token)

    def phrases(self, doc: Doc) -> Iterator[tuple[str, int, int]]:
        """``(category, start, end)`` token ranges of every multi-token entry found in the doc."""
        for match_id, start, end in self.matcher(doc):
            yield doc.vocab.strings[match_id], start, end


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon indexed against the project's spaCy pipeline."""
    nlp = load_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    words: dict[str, set[str]] = {}
    for category, entries in load_terms().items():
        patterns = []
        for entry in entries:
            tokens = nlp.make_doc(entry)
            if len(tokens) == 1:
                words.setdefault(category, set()).add(entry)
            else:
                patterns.append(tokens)
        if patterns:
            matcher.add(category, patterns)
    return Lexicon(words={k: frozenset(v) for k, v in words.items()}, matcher=matcher)


__all__ = ["Lexicon", "load_lexicon", "load_terms"]
