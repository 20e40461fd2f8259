"""Toponym candidates: gazetteer names, demonyms, local features and spaCy place entities.

A candidate is a span that *might* name a place; :mod:`.place_filter` decides
which candidates are kept and :mod:`.place_resolve` picks their gazetteer entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from presslens.core.nlp import doc_text

from .gazetteer import Gazetteer
from .names import normalize

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
COMPASS = frozenset({"north", "northern", "south", "southern", "east", "eastern", "west", "western",
                     "central", "upper", "lower", "greater", "northeast", "northwest", "southeast",
                     "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
                     "metro"})
"""Modifiers that narrow a place without changing which place it is ('Northern West Bank'). The
context rules read them with the name; the place record spans the name alone ('Western
Pennsylvania' is a mention of Pennsylvania), unless the gazetteer knows the whole ('West Virginia')."""

FEATURE_SUFFIXES = {
    "water": frozenset({"river", "creek", "lake", "bay", "sea", "harbor", "harbour", "reservoir",
                        "falls", "canal", "strait", "gulf", "lagoon", "brook"}),
    "landmark": frozenset({"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd",
                           "drive", "lane", "highway", "parkway", "pike", "trail", "square", "bridge",
                           "dam", "airport", "park", "forest", "mountain", "mountains", "mount",
                           "hill", "hills", "valley", "canyon", "beach", "island", "islands",
                           "peninsula", "desert", "plateau", "heights", "camp", "wilderness"}),
    "admin2": frozenset({"township", "twp", "county", "parish", "borough", "district", "province"}),
}
"""Final words that make a capitalised phrase a local place ('Catawba River', 'Main Street')."""
COUNTY_NOUNS = frozenset({"county", "counties"})
"""Lower-case nouns after a name or a list of names that make them counties ('Nassau and Baker counties')."""
COUNTY_WORDS = frozenset({"county", "parish", "township", "twp", "borough"})
"""Words that end a county's own name, which its offices carry on ('Walker County Sheriff')."""
FEATURE_PREFIXES = {"lake": "water", "mount": "landmark", "mt": "landmark", "fort": "city",
                    "ft": "city", "cape": "landmark", "isle": "landmark", "camp": "landmark"}

GENERIC_NAME_WORDS = frozenset().union(*FEATURE_SUFFIXES.values(), FEATURE_PREFIXES, {
    "center", "centre", "court", "bank", "university", "college", "school", "academy", "institute",
    "church", "hall", "station", "market", "port", "city", "town", "supreme", "national", "federal",
    "museum", "hospital", "club", "stadium", "arena", "plaza", "building", "tower", "house", "office",
    "council", "department", "ministry", "army", "police"})
"""Generic words of place, building and institution names. Some are also towns ('Street',
Somerset; 'Creek', Kentucky), but after another capitalised word they continue that name
('Big Creek', 'Barclays Center', 'Third Street') and name no town of their own."""

_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
_LEADING = frozenset({"the", "The"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
"""Possessive endings the tokenizer splits off a name ('Scott's', 'Texas'')."""
_TRAILING = ".-–—"
_ABBREVIATED = frozenset({"st", "rd", "ave", "blvd", "twp", "dr", "ln", "hwy", "pkwy", "mt", "ft"})


@dataclass
class Candidate:
    """A span that may name a place, with the gazetteer entries its words match.

    ``label`` is the spaCy entity label over the span ('' when none) and
    ``exact`` whether that entity is the span itself; ``local`` is the feature
    kind of a phrase recognised by its final or first word ('Main Street').
    """

    start: int
    end: int
    text: str
    key: str
    tokens: tuple[int, int]
    entries: tuple[int, ...] = ()
    demonym: bool = False
    label: str = ""
    exact: bool = False
    local: str = ""
    after_comma: bool = False


def _capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper()


def _keys(doc: Doc) -> list[str]:
    return [normalize(t.text) if t.text not in POSSESSIVES and t.text != "," else "" for t in doc]


def _span_key(keys: list[str], start: int, end: int) -> str:
    return " ".join(k for k in keys[start:end] if k)


def _entity_of(doc: Doc) -> list[Span | None]:
    owner: list[Span | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            owner[i] = ent
    return owner


def _plausible_case(doc: Doc, start: int, end: int, key: str) -> bool:
    """Every name starts and ends capitalised; short ones ('US', 'EU') only in capitals."""
    first, last = doc[start], doc[end - 1]
    if not _capitalised(first) or not _capitalised(last):
        return False
    if any(t.text == "," or "\n" in t.text for t in doc[start:end]):
        return False
    if len(key.replace(" ", "")) <= 3:
        return all(t.is_upper or not t.is_alpha for t in doc[start:end])
    return True


TOWN_POPULATION = 20_000
"""A town this large is read as the place after 'in', 'from', 'near'… even when tagged a person."""
SHORT_TOWN_PREPOSITIONS = frozenset({"in", "near", "outside", "around"})


PLACE_PATIENT_VERBS = frozenset({"shell", "bomb", "bombard", "besiege", "encircle", "storm", "overrun", "occupy",
                                 "liberate", "capture", "seize", "retake", "recapture", "enter", "invade", "raid"})
"""Verbs of firing on, taking or entering whose object is a place or position ('shelled Avdiivka');
'take', 'hit' and 'attack' are left out: they take people as often ('took Wilson to court')."""


def _short_town(gaz: Gazetteer, doc: Doc, start: int, end: int, key: str) -> bool:
    """'in Gao', 'near Wau', 'captured Jos': a name of three letters or fewer in title case right after a
    locative preposition, or alone as the object of a verb of taking or firing on a place, written exactly as a
    town of some size writes its own name ('God' is not Göd); elsewhere such short names are read only in
    capitals ('US', 'EU')."""
    token = doc[start]
    if end - start != 1 or start == 0 or not token.is_title:
        return False
    located = doc[start - 1].lower_ in SHORT_TOWN_PREPOSITIONS
    runs_on = end < len(doc) and _capitalised(doc[end])  # 'captured Gao Feng'
    taken = token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in PLACE_PATIENT_VERBS and not runs_on
    if not (located or taken):
        return False
    return any(gaz.rows[e][5] == "city" and gaz.rows[e][1] == token.text and gaz.rows[e][6] >= TOWN_POPULATION
               for e in gaz.names.get(key, ()))


def _initials(text: str) -> bool:
    """Capitals with points ('P.A.', 'M.D.') other than a state's or province's stylebook abbreviation
    ('S.C.', 'B.C.')."""
    return bool(_INITIALS.fullmatch(text)) and text not in DOTTED_STATES | DOTTED_PROVINCES


def _dotted(doc: Doc, start: int, end: int, key: str) -> bool:
    """Initials with points ('P.A.', 'L.A.'): an abbreviation, never a small town spelt with those letters."""
    return len(key.replace(" ", "")) <= 3 and any("." in t.text[:-1] for t in doc[start:end])


def _match_at(gaz: Gazetteer, doc: Doc, keys: list[str], i: int) -> tuple[int, tuple[int, ...], bool] | None:
    """The longest gazetteer name (or demonym) starting at token ``i``: (end, entries, demonym)."""
    width = gaz.first_words.get(keys[i], 0)
    for end in range(min(i + width + 2, doc[i].sent.end), i, -1):
        key = _span_key(keys, i, end)
        if not key or key in COMPASS or not (_plausible_case(doc, i, end, key) or _short_town(gaz, doc, i, end, key)) or (
                _continues_name(doc, keys, i, end)):
            continue
        if key in gaz.demonyms:
            return end, gaz.demonyms[key], True
        if key.startswith("the ") and not any(normalize(gaz.rows[e][1]) == key or gaz.rows[e][0] is None
                                              for e in gaz.names.get(key, ())):
            continue  # 'The Post' is a newspaper, not Evergreen, Colorado, which GeoNames also calls so ('the Gulf',
            # a name this project's places file gives, is the Persian Gulf)
        if key in gaz.names and _dotted(doc, i, end, key):
            large = tuple(e for e in gaz.names[key] if gaz.rows[e][5] != "city" or gaz.rows[e][6] >= DOTTED_TOWN)
            return (end, large, False) if large else None
        curated = [e for e in gaz.names.get(f"the {key}", ()) if gaz.rows[e][0] is None]
        if curated and i > 0 and doc[i - 1].lower_ == "the" and not (end < len(doc) and doc[end].is_title):
            return end, tuple(curated), False  # 'visited the Gulf': this project's name with its article
        if key in gaz.names:
            shorter = _span_key(keys, i, end - 1) if keys[end - 1] == "city" and end - i > 1 else ""
            bare = gaz.names.get(shorter, ())
            shared = set(bare) & set(gaz.names[key])
            division = any(gaz.rows[e][5] in {"country", "admin1"} for e in bare)  # 'Quebec City' ≠ Quebec
            if not division and any(normalize(gaz.rows[e][1]) == shorter for e in shared):
                return end - 1, bare, False  # 'Dublin City Council': the city is Dublin
            return end, gaz.names[key], False
    return None


DOTTED_STATES = frozenset({"N.J.", "N.Y.", "N.C.", "S.C.", "N.D.", "S.D.", "N.H.", "N.M.", "R.I.", "D.C."})
"""The stylebook's state abbreviations written with two capitals and points, unambiguous wherever
they stand ('the N.J. Division', 'S.C. 5'); 'Pa.', 'Ga.' or 'MD' are read only after a comma."""


DOTTED_PROVINCES = frozenset({"B.C.", "N.B.", "N.S.", "P.E.I.", "N.L."})
"""Canadian provinces so abbreviated, read only after a comma ('Kamloops, B.C.'; '500 B.C.' is a year)."""
DOTTED_TOWN = 100_000
"""A town abbreviated with points is a large one ('L.A.'); 'P.A.' is no village called Pa."""


PARTIES = frozenset({"D", "R", "I"})
"""Party initials before a lawmaker's state ('Sen. Byron Dorgan, D-N.D.', 'Rep. Nancy Pelosi (D-Calif.)')."""


def _state_position(doc: Doc, i: int) -> bool:
    """Where a state is named after a town or a lawmaker: right after a comma ('Salina, Kan.') or an opening
    parenthesis ('Sen. Marco Rubio (Fla.)'), or a party initial and a hyphen written together ('D-S.C.')."""
    if i > 0 and doc[i - 1].text in (",", "("):  # 'Sen. Marco Rubio (Fla.)'
        return True
    return (i > 1 and doc[i - 1].text == "-" and doc[i - 2].text in PARTIES
            and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_)


def _continues_name(doc: Doc, keys: list[str], start: int, end: int) -> bool:
    """A generic word right after a capitalised word inside a sentence ('Big Creek', 'Barclays Center')."""
    return (end - start == 1 and keys[start] in GENERIC_NAME_WORDS and start > doc[start].sent.start
            and _capitalised(doc[start - 1]) and bool(keys[start - 1]))


def _local_extent(doc: Doc, keys: list[str], start: int, end: int) -> tuple[int, int, str]:
    """Grow a name into a local feature phrase: 'Catawba' + 'River', 'Lake' + 'Lanier'."""
    kind, name_end = "", end
    while end < len(doc) and _capitalised(doc[end]) and keys[end] and end < doc[start].sent.end:
        found = next((k for k, words in FEATURE_SUFFIXES.items() if keys[end] in words), "")
        if not found:
            break
        kind, end = found, end + 1
    if kind and end < len(doc) and _capitalised(doc[end]) and end < doc[start].sent.end:
        # the feature word belongs to a longer name ('Florida Highway Patrol', 'U.S. District Court'),
        # except a county's own ('Walker County Sheriff')
        return start, (end if keys[end - 1] in COUNTY_WORDS else name_end), ""
    if start > 0 and _capitalised(doc[start - 1]) and keys[start - 1] in FEATURE_PREFIXES:
        kind, start = kind or FEATURE_PREFIXES[keys[start - 1]], start - 1
    return start, end, kind


def _free_local_features(doc: Doc, keys: list[str], covered: list[bool]) -> list[tuple[int, int, str]]:
    """Capitalised phrases ending in a feature word that no gazetteer name covers ('Main Street')."""
    found = []
    for i, token in enumerate(doc):
        if covered[i] or not _capitalised(token) or i == token.sent.start:
            continue
        kind = next((k for k, words in FEATURE_SUFFIXES.items() if keys[i] in words), "")
        start = i
        while start > token.sent.start and _capitalised(doc[start - 1]) and not covered[start - 1] \
                and keys[start - 1] and not doc[start - 1].is_sent_start:
            start -= 1
        if kind and start < i and (i + 1 >= len(doc) or not _capitalised(doc[i + 1])):
            found.append((start, i + 1, kind))
    return found


def find_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Gazetteer matches over capitalised tokens, local feature phrases, and spaCy place entities."""
    keys = _keys(doc)
    owner = _entity_of(doc)
    found: list[Candidate] = []
    covered = [False] * len(doc)
    i = 0
    while i < len(doc):
        match = None
        abbreviation = False
        if keys[i] and _capitalised(doc[i]):
            pair = _span_key(keys, i, i + 2) if i + 2 <= len(doc) and _capitalised(doc[i + 1]) else ""
            if _state_position(doc, i) and keys[i] in gaz.after_comma and not _initials(doc[i].text):
                period = i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_
                match, abbreviation = (i + 1 + period, gaz.after_comma[keys[i]], False), True
            elif _state_position(doc, i) and pair in gaz.after_comma:  # 'W. Va.'
                match, abbreviation = (i + 2, gaz.after_comma[pair], False), True
            elif doc[i].text in DOTTED_STATES and keys[i] in gaz.after_comma:  # 'the S.C. Highway Patrol'
                match = (i + 1, gaz.after_comma[keys[i]], False)
            elif keys[i] in gaz.first_words:
                match = _match_at(gaz, doc, keys, i)
        if match is None:
            i += 1
            continue
        end, entries, demonym = match
        start = i
        compass = i > 0 and keys[i - 1] in COMPASS and _capitalised(doc[i - 1]) and not covered[i - 1]
        start -= compass
        local_start, local_end, local = (start, end, "") if demonym else _local_extent(doc, keys, start, end)
        found.append(_candidate(doc, owner, local_start, local_end, _span_key(keys, i, end), entries,
                                demonym=demonym, local=local, qualified=compass and not local,
                                after_comma=_state_position(doc, i) and (abbreviation or doc[i - 1].text != "(")))
        for k in range(local_start, local_end):
            covered[k] = True
        i = local_end
    for start, end, kind in _free_local_features(doc, keys, covered):
        found.append(_candidate(doc, owner, start, end, _span_key(keys, start, end), (), local=kind))
        covered[start:end] = [True] * (end - start)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and not any(covered[ent.start:ent.end]):
            start, end = _trim(doc, ent.start, ent.end)
            if start < end:
                found.append(_candidate(doc, owner, start, end, _span_key(keys, start, end), ()))
    found.sort(key=lambda c: c.start)
    for cand in found:
        county = county_key(doc, gaz, cand)
        if county:
            cand.key, cand.entries = county, gaz.names[county]
    return found


def county_key(doc: Doc, gaz: Gazetteer, cand: Candidate) -> str:
    """'Walker county', 'Nassau and Baker counties': a name followed, alone or in a list, by a
    lower-case 'county' or 'counties' names that county (its key with 'county'), where one exists."""
    if cand.demonym or cand.local:
        return ""
    i = cand.tokens[1]
    while i < len(doc) and i - cand.tokens[1] < 8:
        token = doc[i]
        if token.text in COUNTY_NOUNS:
            key = f"{cand.key} county"
            return key if key in gaz.names else ""
        if not (token.text in (",", "and", "or") or _capitalised(token)):
            return ""
        i += 1
    return ""


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the' and a trailing possessive or punctuation from an entity span."""
    while start < end and doc[start].text in _LEADING:
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _char_end(token: Token, abbreviation: bool) -> int:
    """End of a name's last token, without a sentence period or dash stuck to it ('Syria.').

    Abbreviations keep their period ('Ind.', 'Main St.').
    """
    text = token.text
    abbreviation = abbreviation or text[:-1].lower() in _ABBREVIATED
    if len(text) > 2 and text[-1] in _TRAILING and "." not in text[:-1] and not abbreviation:
        return token.idx + len(text) - 1
    return token.idx + len(text)


def _candidate(doc: Doc, owner: list[Span | None], start: int, end: int, key: str,
               entries: tuple[int, ...], *, demonym: bool = False,
               local: str = "", after_comma: bool = False, qualified: bool = False) -> Candidate:
    """``qualified``: the first token is a compass word read with the name but left out of its span."""
    ent = owner[start] if owner[start] is not None else owner[end - 1]
    start_char, end_char = doc[start + qualified].idx, _char_end(doc[end - 1], after_comma)
    last = doc[end - 1]
    if last.lower_ in _ABBREVIATED and end < len(doc) and doc[end].text == "." and not last.whitespace_:
        end_char = doc[end].idx + 1  # 'Monument Ave.', split by the tokenizer into 'Ave' and '.'
    text = doc_text(doc)[doc[start + qualified].idx:end_char]
    return Candidate(start=start_char, end=end_char, text=text, key=key,
                     tokens=(start, end), entries=entries, demonym=demonym,
                     label=ent.label_ if ent is not None else "",
                     exact=ent is not None and _trim(doc, ent.start, ent.end) == (start, end),
                     local=local, after_comma=after_comma)


__all__ = ["Candidate", "county_key", "find_candidates", "PLACE_LABELS", "PLACE_PATIENT_VERBS", "COMPASS",
           "FEATURE_SUFFIXES", "GENERIC_NAME_WORDS", "POSSESSIVES"]
