"""The one schema: every record presslens produces, as frozen dataclasses.

Every record extracted from an article carries ``start``/``end``: half-open
character offsets into ``Article.text`` (``text[start:end]``). JSON, the JSON
Schema, SQLite tables and Parquet files are all derived from these classes.

Field types are deliberately flat (str, int, float, bool, None, tuples of
str) so that each record maps to one table row without hand-written SQL.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, ClassVar

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Article:
    """One input article. ``status`` is ``ok`` or ``error`` (then ``error`` says why)."""

    id: str
    text: str
    date: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    external_id: str | None = None
    status: str = "ok"
    error: str | None = None
    language: str = "en"

    table: ClassVar[str] = "articles"


@dataclass(frozen=True)
class Paragraph:
    """A block of text separated from its neighbours by a blank line."""

    index: int
    start: int
    end: int

    table: ClassVar[str] = "paragraphs"


@dataclass(frozen=True)
class Sentence:
    """A sentence, never crossing a paragraph boundary."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str

    table: ClassVar[str] = "sentences"


@dataclass(frozen=True)
class Entity:
    """A named-entity mention as recognised by the spaCy pipeline."""

    start: int
    end: int
    text: str
    label: str

    table: ClassVar[str] = "entities"


@dataclass(frozen=True)
class Quote:
    """An attribution: who said (or claims, or reports) what.

    ``kind`` is ``direct``, ``indirect``, ``mixed`` or ``claim``. ``start``/``end``
    cover the content; cue and speaker mention have their own offsets
    (``None`` when absent). ``speaker`` is the resolved name of the source
    (the fullest name the article gives it), ``speaker_kind`` ``person`` or
    ``organization``; ``continues`` marks a later piece of the same quotation.
    ``speaker_status`` is ``named`` (a name the article gives), ``described`` (a
    description without a name: 'two officials'), ``unresolved`` (a pronoun or
    role noun the article never names; the surface stays in ``speaker_mention``)
    or ``none`` (no source in the text: 'is expected to'). ``speaker_entity_id`` is
    the ``Actor.entity_id`` of a named speaker (one identity across articles). ``outer_speaker`` is the
    source that reports this attribution ('X said Y told him …': Y's quote has
    outer speaker X). ``outlet_spans`` are ``"start-end"`` offsets of the outlet's
    own marks inside the content (bracketed insertions, ellipses): not the speaker's words.
    """

    start: int
    end: int
    text: str
    kind: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None
    continues: bool = False
    speaker_kind: str | None = None
    speaker_role: str | None = None
    speaker_affiliation: str | None = None
    speaker_status: str | None = None
    speaker_entity_id: str | None = None
    outer_speaker: str | None = None
    outlet_spans: tuple[str, ...] = ()

    table: ClassVar[str] = "quotes"


@dataclass(frozen=True)
class SentenceVoice:
    """Whose voice a sentence is in: ``outlet`` or ``attributed`` (to ``speaker``)."""

    sentence: int
    start: int
    end: int
    voice: str
    speaker: str | None = None

    table: ClassVar[str] = "voices"


@dataclass(frozen=True)
class Actor:
    """A canonical actor referred to in an article.

    ``names`` are the distinct surface names the article uses for it.
    ``start``/``end`` locate its first mention. ``entity_id`` is the same for one identity
    in every article and batch (from canonical name, kind and country; see
    ``presslens.actors.identity``), so a store counts a person once.
    """

    id: str
    name: str
    kind: str
    start: int
    end: int
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    affiliation: str | None = None
    names: tuple[str, ...] = ()
    entity_id: str | None = None

    table: ClassVar[str] = "actors"


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor, with the voice it is in.

    ``sector`` is the PLOVER sector the mention itself names ('the Israeli army' → MIL).
    """

    start: int
    end: int
    text: str
    actor_id: str
    voice: str = "outlet"
    sector: str | None = None

    table: ClassVar[str] = "mentions"


@dataclass(frozen=True)
class Event:
    """A PLOVER event. ``start``/``end`` cover its sentence; the trigger has its own span.

    ``sources``/``targets`` are canonical actor names (lists for compound actors); the
    ``*_countries`` and ``*_sectors`` tuples run parallel to them ("" when unknown).
    """

    start: int
    end: int
    type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    mode: str | None = None
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    source_countries: tuple[str, ...] = ()
    target_countries: tuple[str, ...] = ()
    source_sectors: tuple[str, ...] = ()
    target_sectors: tuple[str, ...] = ()
    location: str | None = None
    location_start: int | None = None
    location_end: int | None = None
    time: str | None = None
    time_start: int | None = None
    time_end: int | None = None
    hypothetical: bool = False
    negated: bool = False
    reported_by: str | None = None
    source_ids: tuple[str, ...] = ()
    target_ids: tuple[str, ...] = ()
    date: str | None = None
    date_from: str | None = None
    lat: float | None = None
    lon: float | None = None
    source_entity_ids: tuple[str, ...] = ()
    target_entity_ids: tuple[str, ...] = ()
    reported_by_entity_id: str | None = None
    place_name: str | None = None
    place_country: str | None = None
    mention_starts: tuple[int, ...] = ()
    mention_ends: tuple[int, ...] = ()
    """``source_ids``/``target_ids``: the actors' ids within the article (parallel to ``sources``/``targets``);
    ``source_entity_ids``/``target_entity_ids``/``reported_by_entity_id``: their identities across articles
    (``Actor.entity_id``, the ``actor_entities`` view's ``id``); ``date``: the event's resolved date (TimeML
    value), ``date_from`` 'sentence' (its time expression) or 'article' (the article date); ``lat``/``lon``,
    ``place_name``, ``place_country`` (ISO alpha-2): the gazetteer entry of ``location`` when it has one;
    ``mention_starts``/``mention_ends``: the trigger span of every mention of this event in the article
    (sentences that report the same act by the same actors), this record's own first."""

    table: ClassVar[str] = "events"


@dataclass(frozen=True)
class Place:
    """A toponym resolved to a gazetteer entry (coordinates may be unknown).

    ``country`` is an ISO 3166-1 alpha-2 code; ``feature`` is country, continent,
    region, admin1, admin2, city, water or landmark; ``demonym`` marks a mention
    by the name of a place's people ('Lebanese') rather than the place itself.
    ``basis`` says why this entry was chosen (containment, context country, dateline,
    prominence, only entry, ...). ``sense`` is ``literal`` (the place itself), ``metonym``
    (a capital named for its government: 'Kyiv accused Moscow') or ``name`` (part of an
    institution's name: 'the Bank of England'); maps and GeoJSON show literal places only.
    """

    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None
    demonym: bool = False
    basis: str | None = None
    sense: str = "literal"

    table: ClassVar[str] = "places"


@dataclass(frozen=True)
class TimeRef:
    """A time expression normalised against the article date (TimeML-style value).

    ``type`` is DATE, TIME, DURATION or SET; ``range_start``/``range_end`` bound the
    interval a duration counted from the article date covers ('over the past months');
    ``mod`` is the TimeML modifier (APPROX, LESS_THAN, MORE_THAN, START, MID, END).
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None = None
    range_start: str | None = None
    range_end: str | None = None
    granularity: str | None = None
    approximate: bool = False
    mod: str | None = None

    table: ClassVar[str] = "times"


@dataclass(frozen=True)
class Figure:
    """A number or vague quantity, with what it counts and whose figure it is.

    ``low``/``high`` bound vague or hedged figures ('over 30' → low 30; 'dozens' →
    24..99); ``counts`` is the counted noun and what happened to it ('Palestinians
    killed'); ``part_of`` is the text of the figure this one is a part of ('of whom
    33'); ``source`` is the speaker whose quotation or claim holds it (None: the outlet).
    """

    start: int
    end: int
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    counts: str | None = None
    counts_start: int | None = None
    counts_end: int | None = None
    part_of: str | None = None
    year: int | None = None
    place: str | None = None
    source: str | None = None
    no_counted_noun: bool = False

    table: ClassVar[str] = "figures"


@dataclass(frozen=True)
class LanguageFlag:
    """Evaluative or loaded wording, labelled with a SemEval-2020 technique name.

    ``voice`` is ``outlet`` or the speaker of the quotation holding the span;
    ``method`` is ``rule`` (lexicon pattern) or ``model`` (span model, with its ``score``);
    ``actor`` is the id of the actor mentioned in the span, if any.
    """

    start: int
    end: int
    text: str
    technique: str
    voice: str
    reason: str
    method: str = "rule"
    score: float | None = None
    actor: str | None = None

    table: ClassVar[str] = "flags"


@dataclass(frozen=True)
class Tone:
    """VADER compound tone of a sentence (``sentence`` index) or the article (``-1``).

    ``voice`` is ``outlet`` (text outside quotations) or ``quoted`` (quoted content,
    with its ``speaker`` when one speaker holds it all); ``chars`` is how much text was scored.
    """

    sentence: int
    start: int
    end: int
    voice: str
    compound: float
    speaker: str | None = None
    chars: int = 0

    table: ClassVar[str] = "tones"


RECORD_TYPES: tuple[type, ...] = (
    Paragraph,
    Sentence,
    Entity,
    Quote,
    SentenceVoice,
    Actor,
    ActorMention,
    Event,
    Place,
    TimeRef,
    Figure,
    LanguageFlag,
    Tone,
)
"""Record kinds stored one table each, keyed by article id."""


@dataclass(frozen=True)
class Analysis:
    """Everything presslens found in one article."""

    article: Article
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    voices: tuple[SentenceVoice, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeRef, ...] = ()
    figures: tuple[Figure, ...] = ()
    flags: tuple[LanguageFlag, ...] = ()
    tones: tuple[Tone, ...] = ()

    def records(self) -> dict[type, tuple]:
        """The record tuples of this analysis keyed by record class."""
        return {t: getattr(self, ANALYSIS_FIELD[t]) for t in RECORD_TYPES}

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        values: dict[str, Any] = {"article": from_dict(Article, data["article"])}
        for record_type, name in ANALYSIS_FIELD.items():
            values[name] = tuple(from_dict(record_type, row) for row in data.get(name, ()))
        return cls(**values)


ANALYSIS_FIELD: dict[type, str] = {
    Paragraph: "paragraphs",
    Sentence: "sentences",
    Entity: "entities",
    Quote: "quotes",
    SentenceVoice: "voices",
    Actor: "actors",
    ActorMention: "mentions",
    Event: "events",
    Place: "places",
    TimeRef: "times",
    Figure: "figures",
    LanguageFlag: "flags",
    Tone: "tones",
}


@functools.cache
def _field_order(record_type: type) -> tuple[str, ...]:
    """A dataclass's field names in declaration order, read once per class (``dataclasses.fields``
    is slow on every record)."""
    return tuple(f.name for f in dataclasses.fields(record_type))


@functools.cache
def _field_names(record_type: type) -> frozenset[str]:
    return frozenset(_field_order(record_type))


def to_dict(record: Any) -> Any:
    """A JSON-ready dict of a record (tuples become lists)."""
    if dataclasses.is_dataclass(record):
        fields = _field_order(record if isinstance(record, type) else type(record))
        return {name: to_dict(getattr(record, name)) for name in fields}
    if isinstance(record, (tuple, list)):
        return [to_dict(v) for v in record]
    return record


def from_dict(record_type: type, data: dict[str, Any]) -> Any:
    """Rebuild a flat record from a dict (lists become tuples, unknown keys are ignored)."""
    names = _field_names(record_type)
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names}
    return record_type(**values)


def field_types(record_type: type) -> dict[str, type]:
    """Each field's base Python type (``str | None`` → ``str``; tuples → ``tuple``)."""
    return dict(_base_types(record_type))


@functools.cache
def _base_types(record_type: type) -> dict[str, type]:
    """``field_types`` resolved once per record class (resolving type hints is slow)."""
    hints = typing.get_type_hints(record_type)
    result: dict[str, type] = {}
    for f in dataclasses.fields(record_type):
        hint = hints[f.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
            hint = args[0]
        result[f.name] = tuple if typing.get_origin(hint) is tuple else hint
    return result


_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _json_schema_of(record_type: type) -> dict[str, Any]:
    hints = typing.get_type_hints(record_type)
    props: dict[str, Any] = {}
    required = []
    for f in dataclasses.fields(record_type):
        base = field_types(record_type)[f.name]
        nullable = type(None) in typing.get_args(hints[f.name])
        if base is tuple:
            item = next((a for a in typing.get_args(typing.get_args(hints[f.name])[0] if nullable else hints[f.name])
                         if a is not Ellipsis), str)
            prop: dict[str, Any] = {"type": "array", "items": {"type": _JSON_TYPES.get(item, "string")}}
        else:
            prop = {"type": [_JSON_TYPES[base], "null"] if nullable else _JSON_TYPES[base]}
        props[f.name] = prop
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    doc = (record_type.__doc__ or "").strip().splitlines()[0]
    return {"type": "object", "description": doc, "properties": props, "required": required,
            "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``Analysis.to_dict()``."""
    defs = {t.__name__: _json_schema_of(t) for t in (Article, *RECORD_TYPES)}
    props: dict[str, Any] = {"article": {"$ref": "#/$defs/Article"}}
    for record_type, name in ANALYSIS_FIELD.items():
        props[name] = {"type": "array", "items": {"$ref": f"#/$defs/{record_type.__name__}"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "presslens Analysis",
        "type": "object",
        "properties": props,
        "required": ["article"],
        "$defs": defs,
        "x-schema-version": SCHEMA_VERSION,
    }


__all__ = [
    "SCHEMA_VERSION", "Article", "Paragraph", "Sentence", "Entity", "Quote", "SentenceVoice",
    "Actor", "ActorMention", "Event", "Place", "TimeRef", "Figure", "LanguageFlag", "Tone",
    "Analysis", "RECORD_TYPES", "ANALYSIS_FIELD", "to_dict", "from_dict", "field_types",
    "json_schema",
]


# -- corpus-level records: copies and stories across articles (presslens.stories) ------------


@dataclass(frozen=True)
class Duplicate:
    """A near-duplicate pair: ``article_id`` is a copy of ``original_id``, the earlier of the two.

    "Earlier" is by article date, then by id, so the pair is the same whatever the ingest order.
    ``jaccard`` is the Jaccard similarity of the two sets of word 5-shingles; ``containment``
    the share of the shorter article's shingles found in the longer one.
    """

    article_id: str
    original_id: str
    jaccard: float
    containment: float

    table: ClassVar[str] = "duplicates"
    key: ClassVar[tuple[str, ...]] = ("article_id", "original_id")


@dataclass(frozen=True)
class StoryArticle:
    """An article's story; ``copy_of`` is the first article of its group of near-duplicates (None: itself)."""

    article_id: str
    story_id: str
    copy_of: str | None = None

    table: ClassVar[str] = "story_articles"
    key: ClassVar[tuple[str, ...]] = ("article_id",)


@dataclass(frozen=True)
class Story:
    """Articles about the same events on the same days: copies and independent reports.

    ``n_independent`` counts groups of near-duplicates once (a wire story and its reprints are
    one report); ``independent_outlets`` are the outlets of those groups' first articles.
    ``actors`` and ``places`` are the most frequent across the story's articles;
    ``disagreements`` name figures the independent reports give differently (see ``story_claims``).
    """

    id: str
    title: str | None
    first_article_id: str
    first_outlet: str | None
    first_date: str | None
    last_date: str | None
    n_articles: int
    n_independent: int
    outlets: tuple[str, ...] = ()
    independent_outlets: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    disagreements: tuple[str, ...] = ()

    table: ClassVar[str] = "stories"
    key: ClassVar[tuple[str, ...]] = ("id",)


@dataclass(frozen=True)
class StoryEvent:
    """One real-world event as reported across a story's articles (same type, actors, place, date).

    ``start``/``end`` locate it in its first report (``first_article_id``); ``n_outlets`` counts
    distinct outlets, ``n_independent`` groups of near-duplicates once; ``disagreements`` name
    what the reports differ on (figures, attribution) — the claims themselves are in ``story_claims``.
    """

    story_id: str
    ordinal: int
    type: str
    first_article_id: str
    start: int
    end: int
    text: str
    first_outlet: str | None = None
    first_date: str | None = None
    location: str | None = None
    date: str | None = None
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    n_articles: int = 0
    n_outlets: int = 0
    n_independent: int = 0
    article_ids: tuple[str, ...] = ()
    disagreements: tuple[str, ...] = ()

    table: ClassVar[str] = "story_events"
    key: ClassVar[tuple[str, ...]] = ("story_id", "ordinal")


@dataclass(frozen=True)
class StoryClaim:
    """What one report says about a story event, with its source: a figure or who did it.

    ``kind`` is ``figure`` (``value``/``low``/``high`` of ``counts``) or ``attribution``
    (``text`` names the actors the report holds responsible). ``event`` is the story event's
    ordinal (-1: a figure of the story not tied to one event). ``source`` is the speaker the
    report attributes it to (None: the outlet's own voice). Claims are never merged or averaged.
    """

    story_id: str
    event: int
    article_id: str
    start: int
    end: int
    kind: str
    text: str
    outlet: str | None = None
    source: str | None = None
    counts: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    measure: str | None = None
    """What is compared between reports: a figure's outcome and counted group ('killed', 'injured:
    police'), or the responsible actors by name or sector ('MIL', 'kestrel liberation front')."""

    table: ClassVar[str] = "story_claims"
    key: ClassVar[tuple[str, ...]] = ("story_id", "event", "article_id", "start", "kind")


CORPUS_RECORD_TYPES: tuple[type, ...] = (Duplicate, StoryArticle, Story, StoryEvent, StoryClaim)
"""Records that relate articles to each other, one table each keyed by ``key`` (not by article)."""

__all__ += ["Duplicate", "StoryArticle", "Story", "StoryEvent", "StoryClaim", "CORPUS_RECORD_TYPES"]
