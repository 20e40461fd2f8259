"""Toponyms resolved to gazetteer entries: detection, then disambiguation in context.

``extract_places`` finds place mentions itself; ``resolve_spans`` resolves spans
someone else found (e.g. gold mentions, to measure resolution alone).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from presslens.core.nlp import doc_text
from presslens.core.schema import Place

from .filter import (PLACE_NOUNS, STREET_WORDS, dateline, inside_name, metonymic, occupant, part_of_name,
                     select_places)
from .gazetteer import Entry, Gazetteer, load_gazetteer
from .names import normalize
from .resolve import WITHIN, Mention, Resolution, fits, resolve_mentions
from .toponyms import COMPASS, FEATURE_SUFFIXES, GENERIC_NAME_WORDS, Candidate, county_key, find_candidates

CONTAINER_FEATURES = ("admin1", "country", "admin2")
ARMED_NOUNS = frozenset({"force", "forces", "troops", "army", "soldiers", "military", "navy", "marines", "fighters",
                         "drones", "drone", "jets", "warplanes", "aircraft", "missiles", "missile", "rockets",
                         "strikes", "strike", "airstrikes", "airstrike", "shelling", "artillery", "tanks", "units",
                         "offensive", "attack", "attacks", "paratroopers", "gunboats", "warships"})
"""Armed forces and their weapons: their nationality says who fights, and armies fight abroad."""
DIVISION_NOUNS = frozenset({"state", "province", "governorate", "oblast", "prefecture"})
"""A noun after a name that makes it a division ('Kaduna state', 'Kherson oblast'); not 'region',
which is as often a town's surroundings ('the Charlotte region')."""
STATE_OFFICES = frozenset({"gov.", "governor", "lt.", "legislature", "sen.", "senator", "rep.", "assemblyman",
                           "assemblywoman", "attorney"})
"""Offices after a name that make it a state or province ('New York Gov.', 'Texas Sen.', 'Punjab Governor')."""
TOWN = frozenset({"city"})
DIVISION = frozenset({"admin1", "admin2", "region"})


def extract_places(doc: Doc) -> list[Place]:
    """Every place mention with coordinates where known."""
    gaz = load_gazetteer()
    selected = select_places(doc, gaz, find_candidates(doc, gaz))
    mentions = _mentions(doc, gaz, selected)
    resolutions = _locate_streets(doc, selected, mentions, resolve_mentions(gaz, mentions))
    contained = {c.key for c, r in zip(selected, resolutions) if r.basis == "containment"}
    places, metonyms = [], set()
    containers = {index for index, m in enumerate(mentions) if m.container is not None}
    for index, (cand, resolution) in enumerate(zip(selected, resolutions)):
        capital = None if cand.key in contained else \
            next((gaz.entry(i) for i in cand.entries if gaz.is_capital(gaz.entry(i))), None)
        if inside_name(doc, cand) or part_of_name(gaz, doc, cand):
            sense = "name"
        elif index - 1 in containers:  # 'Tacoma, Washington shares tips': the state holding a town
            sense = "literal"
        elif metonymic(doc, cand, capital is not None, metonyms):
            # a capital named for its government is that capital ('Ottawa said', not Ottawa, Illinois)
            sense = "metonym"
            if _seat_of_government(resolution, capital, resolutions):
                resolution = Resolution(capital, "seat of government")
            metonyms.add(cand.tokens[1] - 1)
        elif occupant(doc, cand):
            sense = "metonym"
        else:
            sense = "literal"
        places.append(_place(cand, resolution, sense))
    return places


def _seat_of_government(resolution: Resolution, capital: Entry | None, resolutions: Sequence[Resolution]) -> bool:
    """Whether a name read as its government is the capital: not where it names a country or a
    division ('talks with Mexico', 'Tacoma, Washington'), nor a town the article places in a county
    or state it names ('Paris showed a sales-tax rise' beside 'Lamar County')."""
    entry = resolution.entry
    if capital is None:
        return False
    if entry is None or entry == capital:
        return True
    if entry.feature != "city":
        return False
    return not any(other.entry is not None and other.entry.feature in {"admin1", "admin2"} and fits(entry, other.entry)
                   for other in resolutions)


def resolve_spans(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[Place]:
    """Resolve given ``(start, end)`` character spans of ``doc.text``, in the given order."""
    gaz = load_gazetteer()
    candidates = [_span_candidate(doc, gaz, start, end) for start, end in spans]
    order = sorted(range(len(candidates)), key=lambda i: candidates[i].start)
    ordered = [candidates[i] for i in order]
    mentions = _mentions(doc, gaz, ordered)
    chosen = _locate_streets(doc, ordered, mentions, resolve_mentions(gaz, mentions))
    places: list[Place | None] = [None] * len(candidates)
    for index, resolution in zip(order, chosen):
        places[index] = _place(candidates[index], resolution)
    return places  # type: ignore[return-value]


WITHIN_WORDS = frozenset({"in", "near", "at", "outside"})
"""What may stand between a name the gazetteer lacks and the place the text puts it in (a comma only before a
division: 'Thruxton, Hampshire'; 'Portroe, Toomevara' is a list)."""


def _locate_streets(doc: Doc, selected: Sequence[Candidate], mentions: Sequence[Mention],
                    resolutions: list[Resolution]) -> list[Resolution]:
    """A street lies in the place the text puts it ('Cumberland St., Lebanon'; 'Tverskaya Street in
    Moscow'), not at a town it is named after; so does any name the gazetteer lacks ('Terra Kulture in
    Lagos', 'the Supreme People's Court in Beijing', 'Thruxton, near Andover'). Where the text puts it
    nowhere it has no coordinates."""
    located = list(resolutions)
    text = doc_text(doc)
    for index, cand in enumerate(selected):
        street = cand.local == "landmark" and cand.text.split()[-1].lower().rstrip(".") in STREET_WORDS
        if not street and resolutions[index].entry is not None:
            continue
        following = selected[index + 1] if index + 1 < len(selected) else None
        between = text[cand.end:following.start].replace(",", " ").split() if following else []
        placed = following is not None and (mentions[index].container is not None or (
            0 < len(between) <= 2 and all(w in WITHIN_WORDS for w in between)))
        town = resolutions[index + 1].entry if placed else None
        located[index] = Resolution(town, WITHIN) if town is not None else Resolution(None, None)
    return located


def _mentions(doc: Doc, gaz: Gazetteer, selected: Sequence[Candidate]) -> list[Mention]:
    """Mentions to resolve; a division right after a comma contains the mention before it."""
    text = doc_text(doc)
    mentions = []
    for index, cand in enumerate(selected):
        container = None
        following = selected[index + 1] if index + 1 < len(selected) else None
        if following is not None and text[cand.end:following.start].strip() == "," and following.entries:
            container = _best_container(gaz, following.entries, cand.entries)
        mentions.append(Mention(key=cand.key, entries=cand.entries, container=container,
                                demonym=cand.demonym, kinds=_said_kind(doc, cand),
                                votes=not _speaker_country(text, gaz, cand) and not _armed_nationality(doc, cand)))
    return mentions


def _said_kind(doc: Doc, cand: Candidate) -> frozenset[str]:
    """A dateline names a town ('NEW YORK (AP) —': the city, not the state); a lower-case division
    noun right after a name makes it a division ('Kaduna state', 'Kherson oblast')."""
    start, end = cand.tokens
    if end <= start:
        return frozenset()
    if dateline(doc, cand):
        return TOWN
    if end < len(doc) and doc[end].lower_ in DIVISION_NOUNS and doc[end].is_lower:
        return DIVISION
    if end < len(doc) and doc[end].lower_ in STATE_OFFICES:  # 'New York Gov. Andrew Cuomo'
        return DIVISION
    return frozenset()


def _armed_nationality(doc: Doc, cand: Candidate) -> bool:
    """A demonym naming the side of armed forces or their weapons ('Russian forces advanced on
    Pokrovsk', 'Israeli strikes on Rafah'): who fights, not where (unlike 'the Russian town of
    Pokrovsk' or 'Greek officials said')."""
    start, end = cand.tokens
    if not cand.demonym or end <= start:
        return False
    head = doc[end - 1]
    return head.dep_ in {"amod", "compound"} and head.head.lower_ in ARMED_NOUNS


def _speaker_country(text: str, gaz: Gazetteer, cand: Candidate) -> bool:
    """A country named as the owner of a body ('Russia's defence ministry said'): whoever
    reports is no clue to where the other places are."""
    if not text.startswith(("'s ", "’s "), cand.end) or not any(gaz.rows[i][5] == "country" for i in cand.entries):
        return False
    words = text[cand.end + 3:].split()[:3]
    owned = [w.strip(",.;:") for w in words[:next((n for n, w in enumerate(words) if not w[:1].islower()), 3)]]
    return bool(owned) and not PLACE_NOUNS & set(owned)  # not 'Libya's eastern city of Derna


def _best_container(gaz: Gazetteer, entries: Sequence[int], inner: Sequence[int]) -> int | None:
    """The division named after a comma that holds one of the mention's entries ('Melbourne,
    Florida': the US state, not Florida in Puerto Rico), by kind, then the most populous."""
    containers = [i for i in entries if gaz.rows[i][5] in CONTAINER_FEATURES]
    holding = [i for i in containers if any(fits(gaz.entry(j), gaz.entry(i)) for j in inner)]
    rank = {feature: n for n, feature in enumerate(CONTAINER_FEATURES)}
    return min(holding or containers, key=lambda i: (rank[gaz.rows[i][5]], -gaz.rows[i][6]), default=None)


def _place(cand: Candidate, resolution: Resolution, sense: str = "literal") -> Place:
    entry = resolution.entry
    if entry is None:
        return Place(start=cand.start, end=cand.end, text=cand.text, feature=cand.local or None,
                     demonym=cand.demonym, sense=sense)
    if resolution.basis == WITHIN:  # a village the gazetteer lacks, at the division holding it
        return Place(start=cand.start, end=cand.end, text=cand.text, name=cand.text, lat=entry.lat,
                     lon=entry.lon, country=entry.country, feature=cand.local or None,
                     basis=f"within {entry.name}", sense=sense)
    if cand.local:  # 'Catawba River': located through the place it is named after
        return Place(start=cand.start, end=cand.end, text=cand.text, name=cand.text, lat=entry.lat,
                     lon=entry.lon, country=entry.country, feature=cand.local,
                     basis=f"named after {entry.name}", sense=sense)
    return Place(start=cand.start, end=cand.end, text=cand.text, name=entry.name,
                 geonameid=entry.geonameid, lat=entry.lat, lon=entry.lon, country=entry.country,
                 feature=entry.feature, demonym=cand.demonym, basis=resolution.basis, sense=sense)


def _span_candidate(doc: Doc, gaz: Gazetteer, start: int, end: int) -> Candidate:
    """A candidate for a given span: its whole name, else a demonym, else the name inside it."""
    surface = doc_text(doc)[start:end]
    words = normalize(surface).split()
    if words and words[0] == "the":
        words = words[1:]
    key = " ".join(words)
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = (span.start, span.end) if span is not None else (0, 0)
    base = Candidate(start=start, end=end, text=surface, key=key, tokens=tokens)
    comma = doc_text(doc)[:start].rstrip().endswith(",")
    tables = ((gaz.after_comma, False),) * comma + ((gaz.demonyms, True), (gaz.names, False), (gaz.after_comma, False))
    for table, demonym in tables:
        if key in table:
            base.entries, base.demonym = table[key], demonym
            county = county_key(doc, gaz, base)  # 'Nassau and Baker counties'
            if county:
                base.key, base.entries = county, gaz.names[county]
            return base
    if len(words) > 1 and words[0] in COMPASS and " ".join(words[1:]) in gaz.names:
        base.entries = gaz.names[" ".join(words[1:])]
        return base
    local = next((kind for kind, suffixes in FEATURE_SUFFIXES.items() if words and words[-1] in suffixes), "")
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            inner = " ".join(words[first:first + size])
            if inner in gaz.names and not _generic(inner, surface):
                base.entries, base.local = gaz.names[inner], local or "landmark"
                return base
    return base


def _generic(words: str, surface: str) -> bool:
    """A word that cannot name the place a longer name is named after ('Lake', 'Street', 'of';
    not 'US', written in capitals)."""
    stop = words in STOP_WORDS and words.upper() not in surface.split()
    return words in COMPASS or words in GENERIC_NAME_WORDS or stop


__all__ = ["extract_places", "resolve_spans"]
