"""Attributions carried by a noun: ``his claim that …``, ``a pledge by X to …``, ``her remarks about …``.

The noun names a speech act or an attitude; its ``that``-clause, ``to``-infinitive
or topic phrase is the content; the source is its possessor (his claim), its
``by``/``from`` phrase (warnings from his lawyer), or the subject of a light verb
that produces it (X made the claim, X voiced concern).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.core.parse_repairs import TIME_LABELS

from .cues import producer
from .frames import Frame, source_span
from .quotemarks import QuoteSpan
from .spans import trimmed, widen

CLAUSE_NOUNS = frozenset("""
claim statement assertion allegation accusation argument warning message promise pledge vow threat
belief view opinion fear hope concern suggestion prediction estimate report finding conclusion charge
admission acknowledgment acknowledgement denial insistence announcement assurance notion conviction
""".split())
"""Nouns whose ``that``-clause is what was said or believed (the claim that …)."""

INTENT_NOUNS = frozenset("""
plan promise pledge vow threat call demand decision bid offer proposal request determination refusal
""".split())
"""Nouns whose ``to``-infinitive is what was intended or asked (a pledge to …)."""

TOPIC_NOUNS = frozenset("""
comment comments remark remarks question questions concern concerns criticism warning warnings rhetoric
statement testimony complaint complaints claims allegations accusations
""".split())
"""Nouns whose ``about``/``on``/``over`` phrase is the topic of what was said (remarks about …)."""

TOPIC_PREPOSITIONS = frozenset({"about", "on", "over", "against"})
OF_TOPIC_NOUNS = frozenset({"claims", "allegations", "accusations", "criticism", "condemnation"})
"""Nouns whose ``of`` phrase is what is claimed or judged (allegations of fraud, criticism of the plan)."""
MEDIA_WORDS = frozenset("""
telegram twitter facebook instagram tiktok youtube weibo wechat vk vkontakte whatsapp bluesky website blog podcast
channel television tv radio broadcaster platform media
""".split())
"""Where something was said, after 'on' ('a statement on Telegram', 'remarks on state television'), not its topic."""
LIGHT_VERBS = frozenset({"make", "issue", "express", "voice", "raise", "repeat", "reiterate", "renew", "offer",
                         "deliver", "give", "release", "publish", "post", "lodge", "file"})
"""Verbs whose subject is the author of the speech act they take as object (X made a claim)."""


def _content(noun: Token) -> tuple[Token, Token | None] | None:
    """The head of the noun's content and, for a topic phrase, its preposition."""
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.i < noun.i:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "aux")}
        if child.dep_ in ("acl", "ccomp") and "that" in marks and lemma in CLAUSE_NOUNS:
            return child, None
        if child.dep_ in ("acl", "relcl") and "to" in marks and lemma in INTENT_NOUNS:
            return child, None
        if child.dep_ == "prep" and _topic_preposition(noun, child) and any(
                c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in TIME_LABELS and not (
                    child.lower_ == "on" and c.lower_ in MEDIA_WORDS) for c in child.children):
            return child, child  # 'remarks on the war'; not 'a statement on Sunday' (when) or 'on Telegram' (where)
    return None


def _topic_preposition(noun: Token, preposition: Token) -> bool:
    """``about``/``on``/``over``/``against`` after a topic noun; ``of`` only after claims, allegations …"""
    if preposition.lower_ == "of":
        return noun.lower_ in OF_TOPIC_NOUNS
    return preposition.lower_ in TOPIC_PREPOSITIONS and (noun.lower_ in TOPIC_NOUNS or noun.lemma_.lower() in TOPIC_NOUNS)


def _source(noun: Token) -> Token | None:
    """The possessor, the ``by``/``from`` agent, the subject of a light verb producing the noun, or of a verb
    of saying the noun is the medium of (said in a statement)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    return producer(noun, LIGHT_VERBS)  # 'X made the claim', 'X said in a statement that …'


def noun_frames(doc: Doc, quotes: list[QuoteSpan]) -> list[Frame]:
    """One frame per speech-act noun with a content of its own."""
    frames = []
    for noun in doc:
        if noun.pos_ != "NOUN":
            continue
        found = _content(noun)
        if found is None:
            continue
        head, preposition = found
        first = head.i + 1 if preposition is not None else head.left_edge.i
        span = trimmed(doc, first, head.right_edge.i)
        if span is None:
            continue
        cue_end = preposition.idx + len(preposition) if preposition is not None else noun.idx + len(noun)
        source = _source(noun)
        mention = source_span(source, None, [span]) if source is not None else None
        frames.append(Frame(cue=(noun.idx, cue_end), content=[widen(span, quotes, noun.idx)], source=source,
                            source_span=mention, cue_kind="noun"))
    return frames


__all__ = ["noun_frames", "CLAUSE_NOUNS", "INTENT_NOUNS", "TOPIC_NOUNS"]
