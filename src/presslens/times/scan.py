"""All matches of many patterns, each tried only where it can start.

Every time pattern opens with ``(?<![\\w-])`` and a word, and Python's ``re`` cannot skip
ahead on a case-insensitive pattern, so ``finditer`` tries each one at every character.
Here the characters a pattern can begin with are read from its parse tree; a pattern
is tried only at a word start with one of them (any pattern whose first characters
cannot be listed runs with ``finditer``). The matches are those ``finditer`` gives.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 - the parse tree's opcodes
from re import _parser

_DIGITS = frozenset("0123456789")
_SPACES = frozenset(" \t\n\r\f\v")
_WIDEST_RANGE = 300
_WORD_START = re.compile(r"(?<![\w-])\S")
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def _class_chars(items: list) -> set[str] | None:
    """Lower-case ASCII characters a character class can match (None: too many to list)."""
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av).lower())
        elif op is C.RANGE and av[1] - av[0] <= _WIDEST_RANGE:
            chars.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            chars |= _DIGITS
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            chars |= _SPACES
        else:
            return None
    return chars


def _first(sequence: list) -> tuple[set[str] | None, bool]:
    """The lower-case characters a parsed sequence can start with (None: any), and whether it can be empty."""
    chars: set[str] = set()
    for op, av in sequence:
        if op is C.LITERAL:
            found, empty = {chr(av).lower()}, False
        elif op is C.IN:
            found, empty = _class_chars(av), False
        elif op is C.CATEGORY:
            found, empty = _class_chars([(op, av)]), False
        elif op is C.BRANCH:
            found, empty = set(), False
            for alternative in av[1]:
                more, can_be_empty = _first(alternative)
                if more is None:
                    return None, False
                found |= more
                empty = empty or can_be_empty
        elif op is C.SUBPATTERN:
            found, empty = _first(av[3])
        elif op is C.ATOMIC_GROUP:
            found, empty = _first(av)
        elif op in _REPEATS:
            found, can_be_empty = _first(av[2])
            empty = av[0] == 0 or can_be_empty
        elif op in _ZERO_WIDTH:
            found, empty = set(), True
        else:
            return None, False
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case characters every match of ``pattern`` starts with; None when they cannot be
    listed (the pattern may match empty, start with a space, or start with any letter)."""
    chars, empty = _first(list(_parser.parse(pattern.pattern, pattern.flags)))
    if chars is None or empty or chars & _SPACES:
        return None
    return frozenset(chars)


class Scanner:
    """The ``finditer`` matches of each of ``patterns``, each pattern tried only at a word start
    it can begin with (a non-ASCII character there is tried with every pattern)."""

    def __init__(self, patterns: list[re.Pattern[str]]):
        self.patterns = patterns
        self.free: list[int] = []
        self.gated: list[int] = []
        self.by_char: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            chars = first_chars(pattern) if pattern.pattern.startswith(r"(?<![\w-])") else None
            if chars is None:
                self.free.append(index)
                continue
            self.gated.append(index)
            for char in chars:
                self.by_char.setdefault(char, []).append(index)

    def matches(self, text: str) -> list[list[re.Match[str]]]:
        """Per pattern, its matches in ``text`` in order (as ``pattern.finditer(text)``)."""
        found: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        for index in self.free:
            found[index] = list(self.patterns[index].finditer(text))
        resume = [0] * len(self.patterns)
        patterns, by_char, gated = self.patterns, self.by_char, self.gated
        for start in _WORD_START.finditer(text):
            position = start.start()
            char = text[position]
            for index in by_char.get(char.lower(), ()) if char.isascii() else gated:
                if position >= resume[index]:
                    match = patterns[index].match(text, position)
                    if match is not None:
                        found[index].append(match)
                        resume[index] = max(match.end(), position + 1)
        return found


__all__ = ["Scanner", "first_chars"]
