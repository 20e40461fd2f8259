"""Phrase-level rules: slogans, clichés, exaggeration, flag-waving, forced choices, diversion.

The phrases come from ``data/loaded_terms.yaml``; the rules here decide how far a
match extends (a superlative before 'in history', the name after 'death to').
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from presslens.core.nlp import doc_text

from .lexicon import Lexicon
from .rules import LABEL, Candidate, np_start, refers_to_actor

EXAGGERATION = "Exaggeration,Minimisation"
PHRASE_TECHNIQUES = {
    "state_labels": (LABEL, "label for a state '{}'"),
    "conflict_labels": (LABEL, "side-specific label '{}'"),
    "honorific_labels": (LABEL, "glorifying label '{}'"),
    "exaggeration_phrases": (EXAGGERATION, "claim of extreme degree '{}'"),
    "minimisation_phrases": (EXAGGERATION, "wording that shrinks an issue '{}'"),
    "flag_phrases": ("Flag-Waving", "appeal to a group identity '{}'"),
    "cliches": ("Thought-terminating_Cliches", "stock phrase that closes a discussion '{}'"),
    "dilemma_phrases": ("Black-and-White_Fallacy", "framing as a forced choice '{}'"),
    "association_phrases": ("Bandwagon,Reductio_ad_hitlerum", "argument by association or popularity '{}'"),
    "fear_phrases": ("Appeal_to_fear-prejudice", "wording that presents a threat '{}'"),
}
"""Lexicon category → (technique, reason template) for plain phrase matches."""

SUPERLATIVE_REACH = 6
SLOGAN_MAX_TOKENS = 8
HASHTAG = re.compile(r"(?<![\w#])#[A-Za-z]\w{2,}")


def _is_superlative(token: Token) -> bool:
    return token.tag_ in ("JJS", "RBS") or token.lower_ in ("most", "least")


class PhraseRules:
    """Applies the phrase-level rules to one parsed document."""

    def __init__(self, doc: Doc, lexicon: Lexicon):
        self.doc = doc
        self.lexicon = lexicon

    def candidates(self) -> list[Candidate]:
        found: list[Candidate] = []
        for category, start, end in self.lexicon.phrases(self.doc):
            found.extend(self._phrase(category, start, end))
        for token in self.doc:
            if self.lexicon.categories(token):  # every token rule starts from a lexicon word
                found.extend(self._token(token))
        found.extend(self._hashtags())
        return found

    def _phrase(self, category: str, start: int, end: int) -> list[Candidate]:
        text = self.doc[start:end].text.lower()
        if category in PHRASE_TECHNIQUES:
            technique, reason = PHRASE_TECHNIQUES[category]
            if category == "exaggeration_phrases":
                start = self._superlative_start(start)
            return [Candidate(start, end, technique, reason.format(text))]
        if category == "slogan_openers":
            return self._slogan(start, end)
        if category == "doubt_markers":
            return self._doubt(start, end)
        if category == "diversion_openers":
            return self._diversion(start, end)
        return []

    def _token(self, token: Token) -> list[Candidate]:
        lex = self.lexicon
        if lex.has("doubt_markers", token):
            return self._doubt(token.i, token.i + 1)
        if lex.has("intensifiers", token) and token.dep_ == "advmod" and token.head.i == token.i + 1:
            if token.head.pos_ in ("ADJ", "VERB"):
                return [Candidate(token.i, token.i + 2, EXAGGERATION, f"intensifier '{token.lower_}'")]
        if lex.has("identity_possessives", token) and token.dep_ == "poss":
            head = token.head
            if lex.has("identity_nouns", head) and head.i - token.i <= 3:
                return [Candidate(token.i, head.i + 1, "Flag-Waving",
                                  f"appeal to a group identity '{self.doc[token.i:head.i + 1].text.lower()}'")]
        return []

    def _superlative_start(self, start: int) -> int:
        """'the worst attack in history': extend an 'in history' match back to its superlative."""
        sentence = self.doc[start].sent
        for i in range(start - 1, max(sentence.start, start - SUPERLATIVE_REACH) - 1, -1):
            if _is_superlative(self.doc[i]):
                return i
        return start

    def _slogan(self, start: int, end: int) -> list[Candidate]:
        """'Death to …', 'Long live …' opening a short sentence or quotation."""
        sentence = self.doc[start].sent
        before = [t for t in self.doc[sentence.start:start] if not t.is_punct]
        tail = [t for t in self.doc[end:sentence.end] if not t.is_punct]
        if before or not tail or len(tail) + end - start > SLOGAN_MAX_TOKENS:
            return []
        last = tail[-1].i + 1
        return [Candidate(start, last, "Slogans", f"rallying formula '{self.doc[start:end].text.lower()} …'")]

    def _doubt(self, start: int, end: int) -> list[Candidate]:
        """'the so-called ceasefire' casts doubt; 'the so-called government' labels an actor."""
        head = self.doc[end - 1].head
        marker = self.doc[start:end].text.lower()
        if head.i < end or head.pos_ not in ("NOUN", "PROPN") or head.i - end > 4:
            return []
        span_start = min(start, np_start(head))
        if refers_to_actor(head, self.lexicon):
            return [Candidate(span_start, head.i + 1, LABEL, f"distancing marker '{marker}' before a name")]
        return [Candidate(span_start, head.i + 1, "Doubt", f"distancing marker '{marker}'")]

    def _hashtags(self) -> list[Candidate]:
        """'#StopTheSynod': a hashtag that opens with a call and goes on; topic tags ('#Geneva') are not slogans."""
        openers = self.lexicon.words.get("hashtag_openers", frozenset())
        result = []
        for match in HASHTAG.finditer(doc_text(self.doc)):
            body = match.group(0)[1:]
            opener = next((o for o in openers if body.lower().startswith(o) and len(body) > len(o) + 2
                           and body[len(o)].isupper()), None)
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if opener and span is not None and len(span):
                result.append(Candidate(span.start, span.end, "Slogans", f"hashtag slogan opening with '{opener}'"))
        return result

    def _diversion(self, start: int, end: int) -> list[Candidate]:
        """A sentence that opens with 'what about' turns to another subject."""
        sentence = self.doc[start].sent
        if any(not t.is_punct for t in self.doc[sentence.start:start]):
            return []
        last = max(t.i for t in sentence if not t.is_space)
        return [Candidate(start, last + 1, "Whataboutism,Straw_Men,Red_Herring",
                          f"turn to another subject '{self.doc[start:end].text.lower()}'")]


def phrase_candidates(doc: Doc, lexicon: Lexicon) -> list[Candidate]:
    """Every phrase-level candidate flag of a document."""
    return PhraseRules(doc, lexicon).candidates()


__all__ = ["phrase_candidates", "PHRASE_TECHNIQUES", "EXAGGERATION"]
