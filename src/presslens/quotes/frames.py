"""Attribution frames read off the dependency parse: the cue, source and content of each attribution.

A frame starts from a cue: a reporting verb (its subject is the source, its
clausal or object complements the content), ``according to X`` or ``in X's view`` / ``in the poll`` (the rest of
the sentence is the content), or an ``as``-clause (``…, as reported by X``).
Content is a list of character fragments; a fragment that cuts into a
quotation is widened to the whole quotation, and quotations standing right
next to the cue (“…,” he said, “…”) join the content.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from presslens.core.nlp import doc_text, entity_of

from .complements import content_children, raised_content, token_range
from .cues import CONTENT_PREPOSITIONS, DIRECTIVE_VERBS, DOCUMENT_NOUNS, EVIDENTIAL_VERBS, cue_class, object_predicate
from .quotemarks import QuoteSpan
from .speakers import agentive
from .spans import CharSpan, merge, minus, substantive, trimmed, widen, without_loose_tail

_SOURCE_LABELS = ("PERSON", "ORG", "NORP", "GPE")
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj", "relcl", "acl"})
_OWN_CONTENT_DEPS = frozenset({"dobj", "attr", "oprd", "dative", "acomp"})
"""Dependents by which a cue takes an object of its own (a parenthetical cue has none but an addressee)."""
_ADVERBIAL_DEPS = frozenset({"prep", "advmod", "advcl", "npadvmod", "mark", "cc", "intj"})
OBJECT_CONTROL_VERBS = DIRECTIVE_VERBS | frozenset("""
persuade convince force compel pressure push allow permit enable lead prompt inspire get cause leave make keep
""".split())
"""Verbs whose object does what the infinitive after it says (persuaded the utilities to agree)."""


@dataclass
class Frame:
    """One attribution found in the parse (before its speaker is resolved)."""

    cue: CharSpan
    content: list[CharSpan]
    source: Token | None = None
    source_span: CharSpan | None = None
    claim: bool = False
    verbatim: bool = False
    """The content is someone's own words even without quote marks (a transcript)."""
    cue_kind: str = "speech"
    """``speech`` (a verb of saying, a colon, according to), ``belief``, ``intent``, ``evidence``,
    ``stance`` or ``noun`` (a speech-act noun): see ``extract._reported_attitude``."""


def own_source(verb: Token) -> Token | None:
    """The cue's own subject or passive agent, nothing inherited: also the speaker after a closing quotation
    that the parser took for the verb's object (see ``_inverted_object``)."""
    inverted = _inverted_object(verb)
    if inverted is not None:
        return inverted
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _inverted_object(verb: Token) -> Token | None:
    """'“We will respond,” tweeted the president': right after a closing quotation that ends with a comma (or
    '?', '!'), a finite verb of saying and the noun phrase after it, which the parser may read as the verb's
    object, is the speaker."""
    doc = verb.doc
    if verb.i < 2 or not doc[verb.i - 1].is_quote or doc[verb.i - 2].text not in (",", "?", "!") or (
            verb.tag_ not in FINITE_TAGS or cue_class(verb) not in ("speech", "quote-only")):
        return None  # '“…,” citing church teaching': a participle goes on with the sentence's own speaker
    return next((c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod", "oprd")
                 and c.left_edge.i == verb.i + 1), None)


def find_source(verb: Token, depth: int = 0) -> Token | None:
    """The head token of the cue's source: subject, passive agent, or inherited from a governing verb.

    An infinitive after an object takes the object as its subject (persuaded the utilities to agree:
    the utilities agree), a participle its noun (artists writing songs: the artists write), a participle after
    a preposition the subject of the verb it modifies (answered by saying …) or, after ``for``, its object, and a
    participle closing a reported clause that clause's subject if it can speak, else the reporter (said the plan
    would fail, citing …; 'adding' always goes on with the reporter's own words)."""
    source = own_source(verb)
    if source is not None or any(c.dep_ in ("agent", "nsubjpass") for c in verb.children):
        return source
    if depth < 4 and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL_VERBS:
        controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if controller is not None:
            return controller
    if depth < 4 and verb.dep_ == "pcomp" and _participle_host(verb) is not None:
        return _participle_doer(verb.head, depth)
    if depth < 4 and verb.dep_ == "advcl" and verb.tag_ == "VBG" and _reported(verb.head):
        doer = find_source(verb.head, depth + 1) if verb.lemma_.lower() != "add" else None
        return doer if doer is not None and _can_act(doer) else find_source(verb.head.head, depth + 1)
    if depth < 4 and (verb.dep_ in ("conj", "xcomp", "advcl", "pcomp") or verb.dep_ == "acomp" and verb.pos_ == "ADJ"):
        return find_source(verb.head, depth + 1)  # 'X will be unable to … and accuse …': the adjective's subject
    if depth < 4 and verb.dep_ == "acl":
        noun = verb.head
        if noun.lemma_.lower() in DOCUMENT_NOUNS or noun.dep_ not in ("dobj", "pobj") or (
                verb.tag_ == "VBG" and _can_act(noun)):
            return noun
        return find_source(noun.head, depth + 1)
    if verb.dep_ == "ROOT":
        return _nearest_named_left(verb)
    return None


def _reported(clause: Token) -> bool:
    """Whether a clause is what a verb of saying or thinking reports (said [the plan would fail])."""
    return clause.dep_ == "ccomp" and cue_class(clause.head) in ("speech", "belief")


def _participle_host(verb: Token) -> Token | None:
    """The verb a participle after a preposition modifies (answered by saying …, fined for refusing …), not a copula."""
    preposition = verb.head
    host = preposition.head
    if preposition.dep_ != "prep" or host.pos_ != "VERB" or host.lemma_ == "be":
        return None
    return host


def _participle_doer(preposition: Token, depth: int) -> Token | None:
    """Who does what a participle after a preposition says: the subject of the verb it modifies (answered by
    saying …); after ``for`` or an object given a predicate, that object (praised X for saying …, called X right
    in saying …); after a reported clause, that clause's subject (says X right in saying …)."""
    host = preposition.head
    clause = next((c for c in host.children if c.dep_ == "ccomp" and host.i < c.i < preposition.i), None)
    if clause is not None:
        return own_source(clause)
    deps = ("dobj", "nsubjpass") if preposition.lower_ == "for" or _object_has_predicate(host) else (
        "nsubj", "nsubjpass")
    subject = next((c for c in host.children if c.dep_ in deps), None)
    return subject if subject is not None else find_source(host, depth + 1)


def _object_has_predicate(verb: Token) -> bool:
    """Whether the verb's object is given a predicate (called X wrong, says X 'absolutely right'): X is the doer
    of what follows (… in saying …)."""
    return object_predicate(verb) or any(a.dep_ == "amod" and a.i > o.i for o in verb.children if o.dep_ == "dobj"
                                         for a in o.children)


def _can_act(noun: Token) -> bool:
    """Whether a noun (or the people it counts: an array of artists) can say or think something."""
    counted = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return agentive(noun) or any(agentive(p) for p in counted)


def _nearest_named_left(verb: Token) -> Token | None:
    """When the parse gives a reporting verb no subject: the nearest name before it (PERSON first)."""
    sent = verb.sent
    best: Token | None = None
    for ent in sent.ents:
        if ent.end > verb.i or ent.label_ not in _SOURCE_LABELS:
            continue
        if best is None or ent.label_ == "PERSON" or best.ent_type_ != "PERSON":
            best = ent.root
    return best


DENIED_NOUNS = frozenset({"charge", "claim", "allegation", "accusation", "assertion"})
"""What a source denies or rejects, named before it ('a charge Kigali denies')."""


def source_span(source: Token, verb: Token | None, holes: list[CharSpan]) -> CharSpan | None:
    """The source mention: the source's phrase, cut short before the cue and any content."""
    first, last = source.left_edge.i, source.right_edge.i
    for sibling in reversed(list(source.head.children)):
        if sibling.dep_ == source.dep_ and sibling.right_edge.i + 1 == first:
            first = sibling.left_edge.i  # the movement Hamas: two subjects side by side
    if source.ent_iob_ != "O":
        ent = entity_of(source)
        if ent is not None:
            first, last = min(first, ent.start), max(last, ent.end - 1)
    if verb is not None and first <= verb.i <= last:
        first, last = (verb.i + 1, last) if verb.i < source.i else (first, verb.i - 1)
    doc = source.doc
    charges = [t.i for t in doc[first:source.i] if t.lemma_.lower() in DENIED_NOUNS]
    if charges and source.pos_ == "PROPN":
        first = charges[-1] + 1  # '…, a charge Kigali denies': the parse hangs the charge on the name
    while first > 0 and doc[first - 1].pos_ == "PROPN" and not any(s <= doc[first - 1].idx < e for s, e in holes):
        first -= 1  # a name the parse hung elsewhere (… case,” Tulsa police Chief Jordan said)
    for start, end in holes:
        while first <= last and start <= doc[last].idx < end and last > source.i:
            last -= 1
        while first <= last and start <= doc[first].idx < end and first < source.i:
            first += 1
    span = trimmed(doc, first, last)
    text = doc_text(doc)
    if span is not None and text[span[0]:span[1]].count("(") > text[span[0]:span[1]].count(")") and text[
            span[1]:span[1] + 1] == ")":
        span = (span[0], span[1] + 1)  # Sen. Ada Moss (R-Ga.) said: the closing parenthesis belongs to the name
    return span


def _adjacent_quotes(verb: Token, sentence: Span, quotes: list[QuoteSpan], allowed: set[int]) -> list[QuoteSpan]:
    """Quotations in the cue's sentence separated from the cue only by punctuation or the cue's own clause."""
    found = []
    text = doc_text(verb.doc)
    colon = text[sentence.start_char:sentence.end_char].rstrip().endswith(":")
    for quote in quotes:
        opening_only = sentence.start_char <= quote.start and not any(  # a quotation whose opening mark ends it
            ch.isalnum() for ch in text[quote.start:sentence.end_char])
        in_sentence = quote.start < sentence.end_char and quote.end > sentence.start_char and not opening_only or (
            quote.end <= sentence.start_char and not text[quote.end:sentence.start_char].strip())
        after_colon = colon and quote.start >= sentence.end_char and not text[sentence.end_char:quote.start].strip()
        if (in_sentence or after_colon) and not quote.start <= verb.idx < quote.end and (
                _clear_between(verb, quote, allowed, after_colon)):
            found.append(quote)
    return found


def _clear_between(verb: Token, quote: QuoteSpan, allowed: set[int], across_paragraphs: bool) -> bool:
    """Whether only punctuation and the cue's own clause lie between the cue and the quotation."""
    doc = verb.doc
    step, index = (-1, verb.i - 1) if quote.end <= verb.idx else (1, verb.i + 1)
    while 0 <= index < len(doc):
        token = doc[index]
        if (step < 0 and token.idx < quote.end) or (step > 0 and token.idx >= quote.start):
            return True
        if "\n" in token.text_with_ws and not across_paragraphs:
            return False
        if not (token.is_punct or token.is_space or index in allowed):
            return False
        index += step
    return True


def verb_frame(verb: Token, quotes: list[QuoteSpan]) -> Frame | None:
    """The frame of a reporting verb, or None when it has no content."""
    kind = cue_class(verb)
    if kind is None:
        return None
    doc, sentence = verb.doc, verb.sent
    children = content_children(verb, kind) if kind != "quote-only" else []
    if any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children) and not (
            children and own_source(verb) is not None):  # 'as she called for a recount': a time, not a comparison
        return _as_frame(verb, quotes) if kind in ("speech", "evidence") and not children and (
            verb.lemma_.lower() not in EVIDENTIAL_VERBS) else None  # 'as improbable as it may seem' compares
    cue = _cue_span(verb)
    source = None if raised_content(verb) or verb.lemma_.lower() in EVIDENTIAL_VERBS else find_source(verb)
    if source is not None and source.head == verb and source.dep_ == "nsubj" and source.i > verb.i and (
            kind not in ("speech", "quote-only", "evidence")):
        return None  # only reporting inverts its subject ('…,' says X); '(think Brexit)' is no one's belief
    spans: list[CharSpan] = []
    for side in ([c for c in children if c.i < verb.i], [c for c in children if c.i > verb.i]):
        if side:
            first, last = token_range(side)
            span = trimmed(doc, first, last)
            if span:
                reported = any(c.dep_ == "ccomp" for c in side)
                spans.append(widen(without_loose_tail(doc, _ending_at_quotation(doc, span, quotes, verb), quotes,
                                                      reported), quotes, verb.idx))
    if not spans and verb.dep_ == "parataxis" and kind in ("speech", "belief"):
        spans = _host_clause(verb, quotes)
    if kind == "speech" and source is not None:
        spans = merge(spans + _around_parenthetical(verb, source, quotes))
    if not spans and kind in ("speech", "quote-only"):
        spans = _block_after_colon(verb, quotes)
    if not spans and kind == "speech" and source is not None:
        spans = _fronted_content(verb, source, quotes)
    if kind in ("speech", "quote-only"):
        own = {t.i for t in verb.subtree} - {t.i for c in verb.children if c.dep_ in _CLAUSE_DEPS for t in c.subtree}
        if source is not None:
            own |= {t.i for t in source.subtree}
        own_content = bool(spans)
        for quote in _adjacent_quotes(verb, sentence, quotes, own):
            if own_content and quote.end <= sentence.start_char:
                continue  # 'She called on both sides to …' does not take the quotation before it
            other_side = any((s >= verb.idx) != (quote.start >= verb.idx) for s, _ in spans)
            if not any(s <= quote.start and quote.end <= e for s, e in spans) and (
                    not other_side or _has_verb(doc, quote)):
                spans.append((quote.start, quote.end))
    spans = merge(spans)
    mention = source_span(source, verb, spans) if source is not None else None
    spans = minus(minus(spans, cue, doc_text(doc)), mention, doc_text(doc))
    if not spans:
        return None
    if kind == "quote-only" and not all(any(q.start <= s and e <= q.end for q in quotes) for s, e in spans):
        return None
    return Frame(cue=cue, content=spans, source=source, source_span=mention,
                 cue_kind="speech" if kind == "quote-only" else kind)


def _block_after_colon(verb: Token, quotes: list[QuoteSpan]) -> list[CharSpan]:
    """``He added:`` ending a line: the next line is the content."""
    text, sentence = doc_text(verb.doc), verb.sent
    tail = text[verb.idx:sentence.end_char].rstrip()
    after = sentence.end_char
    if not tail.endswith(":") or len(tail.split()) > 4 or "\n" not in text[after:after + 4] + sentence.text_with_ws[-4:]:
        return []
    start = after
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return [widen((start, end), quotes, verb.idx)] if end > start else []


def _has_verb(doc: Doc, quote: QuoteSpan) -> bool:
    """Whether a quotation is a clause (not a title or a name next to a cue with content of its own)."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _ending_at_quotation(doc: Doc, span: CharSpan, quotes: list[QuoteSpan], verb: Token) -> CharSpan:
    """A content before its cue ends with its quotation (“…,” Tulsa police chief said: not 'Tulsa')."""
    if span[1] > verb.idx:
        return span
    inside = [q for q in quotes if span[0] < q.end < span[1]]
    if not inside:
        return span
    rest = doc.char_span(inside[-1].end, span[1], alignment_mode="expand") or ()
    if len(rest) <= 3 and all(t.text[:1].isupper() or t.is_punct for t in rest):  # a stray piece of a name
        return span[0], inside[-1].end
    return span


def _fronted_content(verb: Token, source: Token, quotes: list[QuoteSpan]) -> list[CharSpan]:
    """``Talks stalled again, officials say.``: what precedes the comma before a sentence-final cue."""
    doc, sentence = verb.doc, verb.sent
    comma = source.left_edge.i - 1
    after = [t for t in doc[verb.i + 1:sentence.end] if not (t.is_punct or t.is_space)]
    if comma <= sentence.start or doc[comma].text != "," or len(after) > 2 or source.i > verb.i or any(
            c.dep_ in ("dobj", "attr", "dative") for c in verb.children):
        return []
    roots = [t for t in doc[sentence.start:comma] if not sentence.start <= t.head.i < comma]
    if any(t.dep_ in _ADVERBIAL_DEPS for t in roots):
        return []  # After the storm, she said nothing: an adverbial, not what was said
    span = trimmed(doc, sentence.start, comma - 1)
    return [widen(span, quotes, verb.idx)] if span and substantive(doc, span) else []


def _host_clause(verb: Token, quotes: list[QuoteSpan]) -> list[CharSpan]:
    """A parenthetical cue (X, he said, Y): the clause around it, on both sides."""
    doc, host = verb.doc, verb.head
    sides = [trimmed(doc, host.left_edge.i, verb.left_edge.i - 1), trimmed(doc, verb.right_edge.i + 1, host.right_edge.i)]
    return [widen(side, quotes, verb.idx) for side in sides if side and substantive(doc, side)]


def _around_parenthetical(verb: Token, source: Token, quotes: list[QuoteSpan]) -> list[CharSpan]:
    """A cue set off by commas inside the sentence it reports (Though X, she said, Y; The difference now, he
    told me, is …): the sentence on both sides. The cue is only its subject, the verb and what sets the scene
    (an addressee, a time, a place), and one unbroken stretch precedes it. Not when a participle opens either
    side (Asked about X, …; …, adding that …): that is a clause of its own."""
    doc, sentence = verb.doc, verb.sent
    if source.i > verb.i or own_source(verb) != source or verb.dep_ not in ("ROOT", "parataxis") or any(
            c.dep_ in _OWN_CONTENT_DEPS and c.i > verb.i and not (c.dep_ == "dobj" and verb.lemma_.lower() == "tell")
            for c in verb.children):
        return []
    first = source.left_edge.i
    last = max([verb.i] + [c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ not in _CLAUSE_DEPS
                           and c.dep_ not in ("punct", "cc")])
    if first - 1 <= sentence.start or last + 2 >= sentence.end:
        return []
    if doc[first - 1].text != "," or doc[last + 1].text != "," or any(
            t.text in ",;:" for t in doc[sentence.start:first - 1]):
        return []
    opening = next((t for t in doc[last + 2:sentence.end] if t.is_alpha), None)
    if opening is None or opening.dep_ == "mark" and opening.head.head == verb:
        return []  # …, they said, as they left: the writer's circumstance of the saying
    sides = ((sentence.start, first - 2), (last + 2, sentence.end - 1))
    spans = [trimmed(doc, start, end) for start, end in sides]
    if None in spans or any(_opens_with_participle(doc[start:end + 1]) for start, end in sides):
        return []
    return [widen(span, quotes, verb.idx) for span in spans if substantive(doc, span)]


def _opens_with_participle(tokens: Span) -> bool:
    """Whether a stretch starts with a participle clause (asked about …, adding that …, citing …)."""
    words = [t for t in tokens if t.is_alpha]
    return bool(words) and words[0].tag_ in ("VBN", "VBG") and words[0].dep_ in ("advcl", "xcomp", "conj") and (
        cue_class(words[0]) is not None or words[0].tag_ == "VBN")


def _cue_span(verb: Token) -> CharSpan:
    """The verb with its particle (pointed out) or cue preposition (called on)."""
    end = verb.idx + len(verb)
    for child in verb.children:
        if child.i == verb.i + 1 and (child.dep_ == "prt" or (
                child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS.get(verb.lemma_.lower(), ())
                and verb.lemma_.lower() == "call")):
            end = child.idx + len(child)
    return verb.idx, end


def _sentenceminus(sentence: Span, first: int, last: int, quotes: list[QuoteSpan]) -> list[CharSpan]:
    """The sentence's text on either side of tokens ``first..last``."""
    doc = sentence.doc
    spans = [trimmed(doc, sentence.start, first - 1), trimmed(doc, last + 1, sentence.end - 1)]
    return [widen(s, quotes, doc[first].idx) for s in spans if s]


def _as_frame(verb: Token, quotes: list[QuoteSpan]) -> Frame | None:
    """``…, as reported by X`` / ``As X said, …``: the rest of the sentence is the content."""
    source = own_source(verb)  # as predicted: no source, never the subject of the clause it comments on
    first, last = verb.left_edge.i, verb.right_edge.i
    content = _sentenceminus(verb.sent, first, last, quotes)
    if not content or (source is None and verb.tag_ != "VBN"):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    cue_end = agent.idx + len(agent) if agent is not None else verb.idx + len(verb)
    return Frame(cue=(verb.left_edge.idx, cue_end), content=content, source=source,
                 source_span=source_span(source, None, []) if source is not None else None, claim=True)


def according_frame(token: Token, quotes: list[QuoteSpan]) -> Frame | None:
    """``According to X, …``: X is the source, the rest of the sentence the content."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        to = token.nbor()
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None or not (source.pos_ in ("PROPN", "PRON") or source.ent_type_ or _can_act(source)):
        return None  # 'according to his pleasure', 'according to divine law': nothing that says anything
    first, last = token.i, max(to.right_edge.i, to.i)
    content = _sentenceminus(token.sent, first, last, quotes)
    if not content:
        return None
    return Frame(cue=(token.idx, to.idx + len(to)), content=content, source=source,
                 source_span=source_span(source, None, []), claim=True)


VIEWPOINT_NOUNS = frozenset("""
view views opinion eyes estimation judgment judgement mind assessment account telling reckoning
""".split())
"""Nouns that, possessed, name someone's point of view (in her view, in their eyes)."""


def viewpoint_frame(token: Token, quotes: list[QuoteSpan]) -> Frame | None:
    """``In X's view, …`` / ``In the poll, …``: the possessor or document is the source, the clause the content."""
    noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    head = token.head
    if noun is None or head.dep_ != "ROOT" or head.pos_ not in ("VERB", "AUX") or cue_class(head) is not None:
        return None
    lemma = noun.lower_
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if lemma in VIEWPOINT_NOUNS and owner is not None:
        source = owner
    elif lemma in DOCUMENT_NOUNS or noun.lemma_.lower() in DOCUMENT_NOUNS:
        source = noun
    else:
        return None
    content = _sentenceminus(token.sent, token.i, token.right_edge.i, quotes)
    if not content:
        return None
    return Frame(cue=(token.idx, token.idx + len(token)), content=content, source=source,
                 source_span=source_span(noun, None, []), claim=True)


def find_frames(doc: Doc, quotes: list[QuoteSpan]) -> list[Frame]:
    """Every frame of the document, in text order."""
    frames = []
    for token in doc:
        if token.lower_ == "according":
            frame = according_frame(token, quotes)
        elif token.lower_ == "in" and token.dep_ == "prep":
            frame = viewpoint_frame(token, quotes)
        elif token.pos_ in ("VERB", "AUX"):
            frame = verb_frame(token, quotes)
        else:
            continue
        if frame is not None:
            frames.append(frame)
    return frames


__all__ = ["Frame", "find_frames", "find_source", "source_span", "verb_frame", "according_frame"]
