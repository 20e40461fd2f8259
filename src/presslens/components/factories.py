"""The presslens steps as spaCy factories, and the ``Analysis`` they add up to.

A step computes some record kinds from the doc and the kinds it needs (quotes before voices,
actors, figures, events and flags; places before actors, figures and events; times before figures
and events). Every component runs the steps it needs that have not run on the doc yet, so
``presslens_events`` alone works and a pipeline with several presslens components computes each
kind once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from presslens.actors.extract import extract_actors, place_country, slug, voice_at
from presslens.actors.identity import entity_id
from presslens.core.nlp import forget_doc_caches
from presslens.core.schema import ANALYSIS_FIELD, Actor, ActorMention, Analysis, Article, Place
from presslens.core.structure import extract_entities, extract_paragraphs, extract_sentences
from presslens.events.extract import extract_events
from presslens.figures.extract import extract_figures
from presslens.language.extract import extract_flags
from presslens.language.tone import sentence_tones
from presslens.places.extract import extract_places
from presslens.quotes.extract import extract_quotes
from presslens.quotes.voice import sentence_voices
from presslens.times.extract import extract_times

from .extensions import records_of, register_extensions, store_records, stored

register_extensions()


@dataclass(frozen=True)
class Step:
    """One extraction step: the kinds it ``needs`` (made by earlier steps) and the kinds it ``makes``."""

    needs: tuple[str, ...]
    makes: tuple[str, ...]
    run: Callable[..., tuple[list, ...]]


def _structure(doc: Doc) -> tuple[list, ...]:
    paragraphs = extract_paragraphs(doc)
    return paragraphs, extract_sentences(doc, paragraphs), extract_entities(doc)


def _quotes(doc: Doc, sentences: list) -> tuple[list, ...]:
    quotes = extract_quotes(doc)
    return quotes, sentence_voices(doc, sentences, quotes)


def _actors(doc: Doc, quotes: list, places: list[Place], files: tuple[str, ...]) -> tuple[list, ...]:
    """Actors and mentions, where a 'person' or an unknown organisation whose every mention is a town the places
    step read literally is made a place of its country (``_as_place``): 'Israeli forces shelled Rafah',
    'missiles struck Kyiv' (spaCy may tag the town a person's name), so the place, not a person, is acted on.
    The places step already refuses a place where the text makes a name a person's ('Wang said')."""
    actors, mentions = extract_actors(doc, quotes, files, places)
    literal = {(p.start, p.end): p for p in places if p.sense == "literal" and not p.demonym}
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault(m.actor_id, []).append((m.start, m.end))
    read_as_places = {a.id for a in actors if spans.get(a.id) and all(span in literal for span in spans[a.id])}
    actors = [_as_place(a, literal[spans[a.id][0]]) if a.id in read_as_places else a for a in actors]
    towns, town_mentions = _unnamed_towns(literal.values(), mentions, {a.id for a in actors}, quotes)
    return sorted(actors + towns, key=lambda a: a.start), sorted(mentions + town_mentions,
                                                                 key=lambda m: (m.start, -m.end))


TOWN_FEATURES = frozenset({"city", "admin2", "admin1"})
"""Place features a town or a province has (countries, seas and continents are left to the actor book)."""


def _unnamed_towns(places: Iterable[Place], mentions: list[ActorMention], taken: set[str], quotes: list
                   ) -> tuple[list[Actor], list[ActorMention]]:
    """A town the places step resolved where the parse saw no name of an actor ('missiles struck Kyiv' with
    Kyiv untagged or tagged a product): a place actor of its country, as a town the parse tags is, so that
    what is done to it has a recipient whichever town it is."""
    covered = [(m.start, m.end) for m in mentions]
    actors: dict[str, Actor] = {}
    found: list[ActorMention] = []
    for place in sorted(places, key=lambda p: p.start):
        if place.feature not in TOWN_FEATURES or not place.country or any(
                s < place.end and place.start < e for s, e in covered):
            continue
        code = place_country(place)
        if place.text not in actors:
            ident = slug(place.text)
            while ident in taken:
                ident += "-2"
            taken.add(ident)
            actors[place.text] = Actor(id=ident, name=place.text, kind="place", start=place.start, end=place.end,
                                       country=code, names=(place.text,),
                                       entity_id=entity_id(place.text, "place", code))
        found.append(ActorMention(start=place.start, end=place.end, text=place.text,
                                  actor_id=actors[place.text].id, voice=voice_at(place.start, quotes)))
    return list(actors.values()), found


def _as_place(actor: Actor, place: Place) -> Actor:
    """A name the places step read as a town: a place of its country, not a person or an organisation of none
    (actors the book knows keep their own kind and country)."""
    if actor.kind not in ("organization", "person") or actor.country is not None or not place.country:
        return actor
    code = place_country(place)
    return replace(actor, kind="place", country=code, sector=None, role=None, affiliation=None,
                   entity_id=entity_id(actor.name, "place", code))


STEPS: dict[str, Step] = {
    "structure": Step((), ("paragraphs", "sentences", "entities"), lambda doc, files: _structure(doc)),
    "quotes": Step(("sentences",), ("quotes", "voices"), lambda doc, files, sentences: _quotes(doc, sentences)),
    "places": Step((), ("places",), lambda doc, files: (extract_places(doc),)),
    "actors": Step(("quotes", "places"), ("actors", "mentions"),
                   lambda doc, files, quotes, places: _actors(doc, quotes, places, files)),
    "times": Step((), ("times",), lambda doc, files: (extract_times(doc, doc._.article_date),)),
    "figures": Step(("quotes", "places", "times"), ("figures",),
                    lambda doc, files, *needs: (extract_figures(doc, *needs),)),
    "events": Step(("actors", "mentions", "quotes", "places", "times"), ("events",),
                   lambda doc, files, *needs: (extract_events(doc, *needs),)),
    "language": Step(("quotes", "voices", "mentions"), ("flags", "tones"),
                     lambda doc, files, quotes, voices, mentions: (
                         extract_flags(doc, quotes, voices, mentions),
                         sentence_tones(doc, voices, quotes, mentions))),
}
"""Steps in the order the presslens pipeline runs them."""

_MAKER = {kind: name for name, step in STEPS.items() for kind in step.makes}


def run_steps(doc: Doc, names: tuple[str, ...], actor_files: tuple[str, ...] = (),
              read: dict[str, list] | None = None) -> Doc:
    """Run the named steps, and first any step whose kinds they need, unless already on the doc.

    ``read``: the records of each kind rebuilt from the doc in this run (a kind several steps
    need is rebuilt once)."""
    read = {} if read is None else read
    for name in names:
        step = STEPS[name]
        if all(stored(doc, kind) is not None for kind in step.makes):
            continue
        for kind in step.needs:
            if stored(doc, kind) is None:
                run_steps(doc, (_MAKER[kind],), actor_files, read)
        for kind in step.needs:
            if kind not in read:
                read[kind] = records_of(doc, kind)
        results = step.run(doc, actor_files, *(list(read[kind]) for kind in step.needs))
        for kind, records in zip(step.makes, results):
            store_records(doc, kind, records)
            read.pop(kind, None)
    return doc


class Presslens:
    """A spaCy component running presslens steps (``nlp.add_pipe("presslens_quotes")`` and the others)."""

    def __init__(self, steps: tuple[str, ...], actor_files: tuple[str, ...] = ()):
        self.steps = steps
        self.actor_files = tuple(actor_files)

    def __call__(self, doc: Doc) -> Doc:
        run_steps(doc, self.steps, self.actor_files)
        forget_doc_caches(doc)  # keep the Doc serialisable for nlp.pipe(n_process=N) and DocBin
        return doc


COMPONENTS: dict[str, tuple[str, ...]] = {
    "presslens_structure": ("structure",), "presslens_quotes": ("quotes",), "presslens_actors": ("actors",),
    "presslens_places": ("places",), "presslens_times": ("times",), "presslens_figures": ("figures",),
    "presslens_events": ("events",), "presslens_language": ("language",), "presslens": tuple(STEPS),
}
"""Component name → the steps it runs (each also runs the steps those need)."""

_REQUIRES = ["token.dep", "token.tag", "token.lemma", "token.ent_type", "doc.sents"]


def _assigns(steps: tuple[str, ...]) -> list[str]:
    return ["doc._.presslens_records"] + [f"doc._.{kind}" for name in steps for kind in STEPS[name].makes
                                          if kind not in ("paragraphs", "sentences", "entities")]


def _register(name: str, steps: tuple[str, ...]) -> None:
    def make(nlp: Language, name: str, actor_files: list[str]) -> Presslens:
        return Presslens(steps, tuple(actor_files))

    make.__name__ = f"make_{name}"
    make.__doc__ = f"The {name} component: presslens steps {', '.join(steps)}."
    Language.factory(name, default_config={"actor_files": []}, requires=_REQUIRES, assigns=_assigns(steps),
                     func=make)
    globals()[make.__name__] = make  # the entry point target (pyproject: spacy_factories)


for _name, _steps in COMPONENTS.items():
    _register(_name, _steps)


def analysis_of(article: Article, doc: Doc) -> Analysis:
    """The ``Analysis`` of an article from a doc the components have run on."""
    return Analysis(article=article, **{name: tuple(records_of(doc, name)) for name in ANALYSIS_FIELD.values()})
