"""Choosing the gazetteer entry of each place mention, using the whole article as context.

Each entry of a mention is scored by what it is (a country beats a village of
the same name), how big it is (population), and how well it fits the places
the article's other mentions resolve to: the same country, the same state or
province, the same county, or nearby. A division named right after the mention
('Paris, Texas') is decisive. Mentions of one name share one entry (one sense
per discourse). Scoring runs a few rounds so that context settles.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from .gazetteer import Entry, Gazetteer
from .names import normalize

FEATURE_PRIOR = {"country": 8.0, "continent": 8.0, "region": 4.5, "admin1": 4.0, "water": 3.0,
                 "landmark": 2.5, "admin2": 2.0, "city": 0.0}
"""How much more likely a kind of place is named than a town of the same name."""
UNHELD_PRIOR = 7.5
"""A sea or region that no one country holds ('the Atlantic', 'the Middle East', 'the EU'): the
curated list names what the press names, and context countries cannot speak for it, so a town
called after it ('Atlantic', Iowa) needs more than its country in the article to win (just under
a country, which keeps ties)."""
# Scores are additive points set by hand; a coarse grid over the context weights on the
# LGL and GeoWebNews dev sets showed accuracy flat (±1 point) around these values.
POPULATION_WEIGHT = 0.65
SAME_COUNTRY = 2.5
SAME_ADMIN1 = 2.0
SAME_ADMIN2 = 2.0
NAMED_CONTAINER = 4.0
POSSIBLE_CONTAINER = 2.0
"""A first-level division that some other name of the article could lie in."""
NEAR_DEGREES = 1.5
LOCAL_FEATURES = frozenset({"city", "admin2", "landmark"})
NEAR_WEIGHT = 1.0
ALTERNATE_PENALTY = 2.0
TIE_BREAK = 0.02
CAPITAL_BONUS = 2.0
LARGE_CITY_SIZE = 5.0
"""log10 of a population (100,000) from which a capital gets its bonus."""
ROUNDS = 3
MAJOR_CITY = 1_000_000
"""A city this large (or a national capital of LARGE_CITY_SIZE) is what its name means to most readers."""
NAMESAKE_RATIO = 100
CAPITAL_NAMESAKE_RATIO = 10
"""A national capital of LARGE_CITY_SIZE but under MAJOR_CITY yields to the context's namesake without local evidence
only if that is at least a tenth of its size (Doha is Qatar's beside India, not a village of India)."""
"""A town this many times smaller than the major city it shares a name with is that city's namesake."""
ALIAS_SIZE_RATIO = 10
"""A town known by another place's own name as an alternate keeps it only when this many times larger."""
WITHIN = "within named division"
"""Basis of a name the gazetteer lacks, placed at the division named after it ('Kuriga, Kaduna state')."""


@dataclass(frozen=True)
class Resolution:
    """The chosen entry of a mention and why: ``containment`` (a division named right after it),
    ``within named division`` (a name the gazetteer lacks, located at that division), ``only entry``,
    ``context country`` / ``context`` (the article's other places changed the
    choice), ``prominence`` (kind and size alone: a country before a division before a
    large city before a small homonym), or ``seat of government`` (a capital named for its
    government, chosen by the extractor)."""

    entry: Entry | None
    basis: str | None


@dataclass
class Mention:
    """A place mention to resolve: its name key, candidate entry indexes and a forced container."""

    key: str
    entries: Sequence[int]
    container: int | None = None
    demonym: bool = False
    votes: bool = True
    """Whether the mention counts as context for the others (a speaker's country does not)."""
    kinds: frozenset[str] = frozenset()
    """Kinds of place the text says it is ('NEW YORK —' a town, 'Kaduna state' a division): used when
    some entry is of one of them."""


def _prior(gaz: Gazetteer, entry: Entry, key: str = "", town: int = 0) -> float:
    """Feature kind, a town's size and capital status.

    A town matched only through one of its alternate names counts less (GeoNames lists
    historical and foreign names that would otherwise hijack common ones), unless it is
    ``ALIAS_SIZE_RATIO`` times larger than every town of that own name: then the name is the
    one the press uses for it ('Jenin' is Janīn, not a Polish village; 'Juarez' Ciudad Juárez), as it
    is for a major city no town has as its own name ('New York' beside the state of that name). A first-level
    division that holds fewer people than ``town``, the largest town of the same name, counts
    as a town of its size ('St. Paul' is not a parish of Dominica, nor 'Charlotte' one of
    Saint Vincent; Florida, US still beats Florida, Puerto Rico).
    """
    if entry.feature == "admin1" and entry.population < town:
        return POPULATION_WEIGHT * math.log10(1 + entry.population)
    score = FEATURE_PRIOR.get(entry.feature, 0.0)
    if entry.country is None and entry.feature in {"water", "region"}:
        score = UNHELD_PRIOR
    size = math.log10(1 + entry.population)
    if entry.feature != "city":  # a division's population is that of its towns: it only breaks ties
        return score + TIE_BREAK * size / (4 if entry.feature == "admin1" else 1)
    # a small capital ('Victoria', Seychelles) is a small town next to a division of the same name
    far_larger = bool(town) and entry.population >= ALIAS_SIZE_RATIO * town
    usual = not town and entry.population >= MAJOR_CITY  # 'New York' is New York City's name in the news
    alternate = bool(key) and normalize(entry.name) != key and not far_larger and not usual
    capital = gaz.is_capital(entry) and size >= LARGE_CITY_SIZE and not alternate
    return score + POPULATION_WEIGHT * size + CAPITAL_BONUS * capital - ALTERNATE_PENALTY * alternate


def fits(entry: Entry, container: Entry) -> bool:
    """Whether ``entry`` lies in ``container`` (a country, first-level division or county)."""
    if container.feature == "country":
        return entry.country == container.country and entry.feature != "country"
    if container.feature == "admin1":
        return entry.admin1 == container.admin1 and entry.feature not in {"admin1", "country"}
    if container.feature == "admin2":
        return entry.admin2 is not None and entry.admin2 == container.admin2 and entry.feature == "city"
    return False


class _Context:
    """Countries, divisions and points the article's mentions currently resolve to."""

    def __init__(self, chosen: list[Entry | None], voters: Sequence[bool]):
        self.countries: Counter = Counter()
        self.admin1s: Counter = Counter()
        self.admin2s: Counter = Counter()
        self.named: Counter = Counter()
        self.cells: Counter = Counter()
        self.state_cells: Counter = Counter()
        for entry, votes in zip(chosen, voters):
            if entry is not None and votes:
                self._count(entry, 1)

    def _count(self, entry: Entry, step: int) -> None:
        self.countries[entry.country] += step
        self.admin1s[entry.admin1] += step
        if entry.feature == "city":
            self.admin2s[entry.admin2] += step
        if entry.feature in {"country", "admin1", "admin2"}:
            self.named[_container_key(entry)] += step
        if entry.feature in LOCAL_FEATURES and entry.lat is not None:
            self.cells[_cell(entry)] += step
            self.state_cells[(entry.admin1, *_cell(entry))] += step

    @contextmanager
    def _without(self, own: list[Entry]) -> Iterator[None]:
        """The context without the group ``own`` being resolved (a name is no evidence for itself)."""
        for mine in own:
            self._count(mine, -1)
        try:
            yield
        finally:
            for mine in own:
                self._count(mine, 1)

    def score(self, entry: Entry, own: list[Entry]) -> float:
        """Context score of ``entry`` from every mention except the group ``own`` being resolved."""
        with self._without(own):
            return self._score(entry)

    def local_support(self, entry: Entry, own: list[Entry], besides: set[str | None],
                      state_suffices: bool) -> bool:
        """Whether mentions outside ``own`` name ``entry``'s county or a place of its state near it
        and (unless ``state_suffices``) no country outside ``besides``; or, with
        ``state_suffices``, its state and no such country."""
        with self._without(own):
            foreign = any(count > 0 and kind == "country" and code not in besides
                          for (kind, code), count in self.named.items())
            if foreign and not state_suffices:
                return False
            if entry.admin2 is not None and self.named[("admin2", entry.admin2)] > 0:
                return True
            if state_suffices and not foreign and self.named[("admin1", entry.admin1)] > 0:
                return True
            if entry.admin1 is None or entry.lat is None:
                return False
            row, col = _cell(entry)
            return any(self.state_cells[(entry.admin1, row + dr, col + dc)] > 0
                       for dr in (-1, 0, 1) for dc in (-1, 0, 1))

    def _score(self, entry: Entry) -> float:
        score = 0.0
        if entry.country and self.countries[entry.country] > 0:
            score += SAME_COUNTRY
        if entry.feature != "country" and self.named[("country", entry.country)] > 0:
            score += NAMED_CONTAINER / 2
        if entry.feature == "admin1":
            score += SAME_ADMIN1 * (self.admin1s[entry.admin1] > 0)
        if entry.admin1 and entry.feature not in {"country", "admin1"}:
            score += SAME_ADMIN1 * (self.admin1s[entry.admin1] > 0)
            score += NAMED_CONTAINER * (self.named[("admin1", entry.admin1)] > 0)
        if entry.admin2 and entry.feature == "city":
            score += SAME_ADMIN2 * (self.admin2s[entry.admin2] > 0)
            score += NAMED_CONTAINER * (self.named[("admin2", entry.admin2)] > 0)
        if entry.feature in LOCAL_FEATURES and entry.lat is not None:
            row, col = _cell(entry)
            if any(self.cells[(row + dr, col + dc)] > 0 for dr in (-1, 0, 1) for dc in (-1, 0, 1)):
                score += NEAR_WEIGHT
        return score


def _cell(entry: Entry) -> tuple[int, int]:
    """A grid cell of NEAR_DEGREES; neighbouring cells count as near."""
    return math.floor(entry.lat / NEAR_DEGREES), math.floor(entry.lon / NEAR_DEGREES)


def _container_key(entry: Entry) -> tuple[str, str | None]:
    if entry.feature == "country":
        return "country", entry.country
    return entry.feature, entry.admin1 if entry.feature == "admin1" else entry.admin2


def resolve_mentions(gaz: Gazetteer, mentions: Sequence[Mention]) -> list[Resolution]:
    """The chosen entry of every mention (``None`` when it has no candidate) and its basis."""
    candidates = [[gaz.entry(i) for i in m.entries] for m in mentions]
    contained = [False] * len(mentions)
    for index, mention in enumerate(mentions):
        if mention.container is not None:
            container = gaz.entry(mention.container)
            inside = [e for e in candidates[index] if fits(e, container)]
            contained[index] = bool(inside) and len(inside) < len(candidates[index])
            candidates[index] = inside or candidates[index]
            if container.feature == "country":
                candidates[index] = _seats_over_their_divisions(candidates[index])
    for index, mention in enumerate(mentions):
        if mention.kinds:
            candidates[index] = [e for e in candidates[index] if e.feature in mention.kinds] or candidates[index]
    keys = [m.key if not m.demonym else "" for m in mentions]
    candidates = [_own_names_first(c, k) for c, k in zip(candidates, keys)]
    towns = [max((e.population for e in c if e.feature == "city" and normalize(e.name) == k), default=0)
             for c, k in zip(candidates, keys)]
    by_prior: list[Entry | None] = [max(c, key=lambda e, k=k, t=t: _prior(gaz, e, k, t)) if c else None
                                    for c, k, t in zip(candidates, keys, towns)]
    chosen = _in_context(gaz, mentions, candidates, keys, towns, list(by_prior))
    countries = Counter(e.country for e in chosen if e is not None)
    result = []
    for index, entry in enumerate(chosen):
        if entry is None and mentions[index].container is not None:
            entry, basis = gaz.entry(mentions[index].container), WITHIN  # a village the gazetteer lacks
        elif entry is None:
            basis = None
        elif contained[index]:
            basis = "containment"
        elif _one_place(candidates[index]):
            basis = "only entry"
        elif entry != by_prior[index]:
            basis = "context country" if countries[entry.country] > 1 else "context"
        else:
            basis = "prominence"
        result.append(Resolution(entry, basis))
    return result


def _one_place(entries: list[Entry]) -> bool:
    """Whether the entries are one place listed more than once (same name, kind and country, and
    near each other), not homonyms such as the many Columbuses of the US."""
    first = entries[0]
    return all((e.name, e.country, e.feature) == (first.name, first.country, first.feature)
               and (e.lat is None or first.lat is None
                    or abs(e.lat - first.lat) + abs(e.lon - first.lon) <= NEAR_DEGREES) for e in entries)


def _seats_over_their_divisions(entries: list[Entry]) -> list[Entry]:
    """'Saint-Louis, Senegal': a town named with its country, where a division of the same name
    holds a town of that name, is the town (the dateline form names towns)."""
    towns = {(normalize(e.name), e.admin1) for e in entries if e.feature == "city"}
    return [e for e in entries if e.feature != "admin1" or (normalize(e.name), e.admin1) not in towns]


def _own_names_first(entries: list[Entry], key: str) -> list[Entry]:
    """A town's own name beats another town's old or foreign name ('Maryville' is never Beeville,
    'Quebec' never New Britain), unless that town is far larger ('Kiev' → Kyiv)."""
    own = [e.population for e in entries if normalize(e.name) == key and e.feature == "city"]
    if not key or not own:
        return entries
    floor = ALIAS_SIZE_RATIO * max(own)
    return [e for e in entries if e.feature != "city" or normalize(e.name) == key or e.population >= floor]


def _in_context(gaz: Gazetteer, mentions: Sequence[Mention], candidates: list[list[Entry]], keys: list[str],
                towns: list[int], chosen: list[Entry | None]) -> list[Entry | None]:
    """Rounds of re-scoring every name's entries against what the other mentions resolve to."""
    groups: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        if candidates[index]:
            groups[(mention.key, mention.demonym)].append(index)
    chosen_first = list(chosen)  # by kind and size alone
    holders = _possible_holders(groups, candidates)
    for _ in range(ROUNDS):
        context = _Context(chosen, [m.votes for m in mentions])
        updated = list(chosen)
        for group, members in groups.items():
            own = [chosen[m] for m in members if chosen[m] is not None and mentions[m].votes]
            scores: dict[Entry, float] = {}
            for member in members:
                for entry in candidates[member]:
                    if entry not in scores:
                        holds = (entry.feature == "admin1" and bool(holders[entry.admin1] - {group})
                                 and not (chosen_first[member] and gaz.is_capital(chosen_first[member]))
                                 and not any(e.feature == "country" and e.country == entry.country
                                             for e in candidates[member]))
                        scores[entry] = (_prior(gaz, entry, keys[member], towns[member]) + context.score(entry, own)
                                         + POSSIBLE_CONTAINER * holds)
            for member in members:
                allowed = [e for e in candidates[member]
                           if _may_replace(gaz, chosen_first[member], e, context, own)]
                updated[member] = max(allowed or candidates[member], key=scores.__getitem__)
        if updated == chosen:
            break
        chosen = updated
    return chosen


def _possible_holders(groups: dict[tuple[str, bool], list[int]],
                      candidates: list[list[Entry]]) -> defaultdict[str | None, set[tuple[str, bool]]]:
    """For each first-level division, the names of the article with a town or county in it among
    their readings ('Albany' can be in Georgia): a division that would hold another name is more
    likely meant ('Georgia Bureau of Investigation' beside 'Albany'), unless the name is first of
    all a national capital ('Washington') or also names the country holding the division ('Mexico':
    the country holds whatever its state would)."""
    holders: defaultdict[str | None, set[tuple[str, bool]]] = defaultdict(set)
    for group, members in groups.items():
        for member in members:
            for entry in candidates[member]:
                if entry.feature in {"city", "admin2"} and entry.admin1:
                    holders[entry.admin1].add(group)
    return holders


def _may_replace(gaz: Gazetteer, prominent: Entry | None, entry: Entry, context: _Context,
                 own: list[Entry]) -> bool:
    """Whether the article's other places may make ``entry`` win over ``prominent``, the entry its
    kind and size alone choose.

    A local namesake of a country, continent or sea, or a far smaller namesake of a major city or of a
    national capital, needs local evidence: the article names the namesake's county, or another town of its state
    near it ('Lebanon' beside 'Boone County'; 'Paris' beside 'Nashville'). For a city's namesake
    its state named is enough ('Paris Public Library' in a story about Illinois) unless the
    article names another country ('Moscow' in an Idaho senator's talks in Russia); its country
    is not ('Toronto' beside 'American' is not Toronto, Ohio). A country named among other
    countries stays a country ('sales to China and Italy' in a Texas story) whatever towns share
    its name.
    """
    if prominent is None or entry == prominent or entry.feature not in LOCAL_FEATURES:
        return True
    broad = prominent.feature in {"country", "continent"} or (
        prominent.country is None and prominent.feature in {"water", "region"})
    capital = prominent.feature == "city" and gaz.is_capital(prominent) and (
        math.log10(1 + prominent.population) >= LARGE_CITY_SIZE)
    major = prominent.feature == "city" and prominent.population >= MAJOR_CITY
    ratio = CAPITAL_NAMESAKE_RATIO if capital and not major else NAMESAKE_RATIO
    if not broad and (not (major or capital) or entry.population * ratio > prominent.population):
        return True
    return context.local_support(entry, own, {entry.country}, state_suffices=not broad)


__all__ = ["Mention", "Resolution", "WITHIN", "fits", "resolve_mentions"]
