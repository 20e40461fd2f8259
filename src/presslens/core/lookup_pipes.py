"""The model's attribute ruler and lemmatizer, run as cached lookups.

Both stock components are pure functions of a few token attributes, yet they spend a
quarter of the parse in Python: the attribute ruler runs spaCy's general ``Matcher`` over
every token for 179 one- or two-token patterns, and the rule lemmatizer recomputes
the lemma of every base form (its cache only keeps the others). Here the same patterns are
compiled into predicates whose outcome is cached per distinct (tag, lower, dep, is-space)
key, and the lemma is cached per (orth, POS, morph) key, computed on a miss by the stock
lemmatizer itself. Annotations are the stock ones, token for token
(``tests/test_lookup_pipes.py`` compares them on every text at hand).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

MATCH_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
"""The token attributes the patterns may test, in the order of a token's key."""
CACHE_LIMIT = 200_000
"""Keys kept before a cache starts afresh, so memory stays flat over a long stream."""

Predicate = Callable[[tuple], bool]


class UnsupportedPattern(ValueError):
    """A pattern this compiler does not read (the stock component is then kept)."""


def _value_test(attr: str, value) -> Callable[[object], bool]:
    if not isinstance(value, dict):
        return lambda seen: seen == value
    if len(value) != 1:
        raise UnsupportedPattern(f"{attr}: {value!r}")
    (operator, argument), = value.items()
    if operator == "IN":
        allowed = frozenset(argument)
        return lambda seen: seen in allowed
    if operator == "NOT_IN":
        barred = frozenset(argument)
        return lambda seen: seen not in barred
    if operator == "REGEX":
        pattern = re.compile(argument)
        return lambda seen: bool(pattern.search(seen))
    raise UnsupportedPattern(f"{attr}: {value!r}")


def _token_test(spec: dict) -> Predicate:
    """A predicate over a token's key (the values of ``MATCH_ATTRS``) for one pattern token."""
    tests = []
    for attr, value in spec.items():
        if attr not in MATCH_ATTRS:
            raise UnsupportedPattern(attr)
        tests.append((MATCH_ATTRS.index(attr), _value_test(attr, value)))
    return lambda key: all(test(key[position]) for position, test in tests)


def _lower_forms(spec: dict) -> frozenset[str] | None:
    """The lower-case forms a pattern token allows, where it names them ('LOWER': 'got' or IN)."""
    value = spec.get("LOWER")
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


@dataclass(frozen=True)
class _Rule:
    order: int
    tests: tuple[Predicate, ...]
    index: int


class AttributeTable:
    """The stock attribute ruler's patterns and attributes, applied through cached predicates.

    A token's outcome is cached per key. On a miss, the one-token rules that test no word
    are read from a small cache per (tag, dep, is-space), and of the rules that name words
    only those naming this word are tried (with the few that match words by pattern)."""

    def __init__(self, ruler):
        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)
        self.general: list[_Rule] = []
        self.by_form: dict[str, list[_Rule]] = {}
        self.word_patterns: list[_Rule] = []
        self.pairs: list[_Rule] = []
        for order, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if not 1 <= len(pattern) <= 2 or any("OP" in spec for spec in pattern):
                    raise UnsupportedPattern(repr(pattern))
                rule = _Rule(order, tuple(_token_test(spec) for spec in pattern), entry["index"] % len(pattern))
                forms = _lower_forms(pattern[0])
                if len(pattern) == 2:
                    self.pairs.append(rule)
                elif forms is not None:
                    for form in forms:
                        self.by_form.setdefault(form, []).append(rule)
                elif "LOWER" in pattern[0]:
                    self.word_patterns.append(rule)  # a word test by pattern ('^n[ou]thin'$')
                else:
                    self.general.append(rule)
        self._matches: dict[tuple, tuple[tuple[int, ...], tuple[int, ...], frozenset[int]]] = {}
        self._general: dict[tuple, tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def _key_matches(self, key: tuple) -> tuple[tuple[int, ...], tuple[int, ...], frozenset[int]]:
        """For a token key: the one-token rules it satisfies, the pairs it may open and those it may close."""
        found = self._matches.get(key)
        if found is None:
            strings = self.vocab.strings
            text_key = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
            general = self._general.get((key[0], key[2], key[3]))
            if general is None:
                general = tuple(r.order for r in self.general if r.tests[0](text_key))
                self._general[(key[0], key[2], key[3])] = general
            lexical = tuple(r.order for r in self.by_form.get(text_key[1], []) + self.word_patterns
                            if r.tests[0](text_key))
            found = (general + lexical,
                     tuple(n for n, r in enumerate(self.pairs) if r.tests[0](text_key)),
                     frozenset(n for n, r in enumerate(self.pairs) if r.tests[1](text_key)))
            if len(self._matches) >= CACHE_LIMIT:
                self._matches.clear()
            self._matches[key] = found
        return found

    def _attributes(self, orders: tuple[int, ...]) -> dict:
        """The attributes the rules ``orders`` leave on a token when applied in order (later wins)."""
        merged = self._merged.get(orders)
        if merged is None:
            merged = {}
            for order in orders:
                merged.update(self.attrs[order])
            self._merged[orders] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        keys = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        matches = [self._key_matches(key) for key in keys]
        targets: list[list[int]] = [list(singles) for singles, _, _ in matches]
        for i, (_, opens, _) in enumerate(matches[:-1]):
            for n in opens:
                if n in matches[i + 1][2]:
                    rule = self.pairs[n]
                    targets[i + rule.index].append(rule.order)
        for i, orders in enumerate(targets):
            if orders:
                set_token_attrs(doc[i], self._attributes(tuple(sorted(orders))))
        return doc


class CachedLemmatizer:
    """The stock rule lemmatizer with every lemma cached per (orth, POS, morph).

    The stock lemmatizer tests candidate forms for membership in word lists of up to 57,000
    entries, one comparison at a time; those lists become sets (the only use it makes of
    them), which leaves every lemma as it was."""

    def __init__(self, lemmatizer):
        self.stock = lemmatizer
        self.lookups = lemmatizer.lookups
        self.vocab = lemmatizer.vocab
        index = self.lookups.get_table("lemma_index", {})
        for key in list(index.keys()):
            index[key] = frozenset(index[key])
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.stock.overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = self.vocab.strings.add(self.stock.lemmatize(doc[i])[0])
                if len(self._lemmas) >= CACHE_LIMIT:
                    self._lemmas.clear()
                self._lemmas[key] = found
            doc[i].lemma = found
        return doc


@Language.factory("presslens_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.get_pipe("attribute_ruler"))


@Language.factory("presslens_cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


def use_lookup_pipes(nlp: Language) -> bool:
    """Put the cached versions in place of the stock attribute ruler and rule lemmatizer, under the
    same names; False (and the stock ones kept) when the model's patterns or lemmatizer mode differ."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names or nlp.get_pipe("lemmatizer").mode != "rule":
        return False
    try:
        nlp.add_pipe("presslens_attribute_table", name="attribute_table", after="attribute_ruler")
    except UnsupportedPattern:
        return False
    nlp.add_pipe("presslens_cached_lemmatizer", name="cached_lemmatizer", after="lemmatizer")
    for stock, cached in (("attribute_ruler", "attribute_table"), ("lemmatizer", "cached_lemmatizer")):
        nlp.remove_pipe(stock)
        nlp.rename_pipe(cached, stock)
    return True


__all__ = ["AttributeTable", "CachedLemmatizer", "UnsupportedPattern", "use_lookup_pipes"]
