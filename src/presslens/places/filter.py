"""Which toponym candidates are place mentions.

The decision combines what spaCy thinks the span is (its entity label), what
the gazetteer knows the name as (country, division, city…), and local evidence
of place-hood: a locative preposition before it ('in Woodstock'), a division
after it ('Paris, Texas'), a dateline, or another mention of the same name that
is a place for certain (one sense per discourse).
"""

from __future__ import annotations

import difflib

from spacy.tokens import Doc

from presslens.core.nlp import appositive_heads, described_as_person, entity_of, one_word_people

from .gazetteer import Entry, Gazetteer
from .names import normalize
from .toponyms import (COMPASS, FEATURE_SUFFIXES, PLACE_LABELS, PLACE_PATIENT_VERBS, POSSESSIVES, TOWN_POPULATION,
                       Candidate)

NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "EVENT", "WORK_OF_ART", "CARDINAL", "ORDINAL",
                              "MONEY", "PERCENT", "QUANTITY", "LAW", "LANGUAGE"})
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "outside", "inside", "across", "throughout",
                      "around", "toward", "towards", "into", "via", "between", "within", "through"})
WIDE_FEATURES = frozenset({"country", "continent", "region", "admin1", "water"})
PLACE_NOUNS = frozenset({"city", "town", "village", "port", "province", "region", "state", "district",
                         "capital", "outskirts", "suburbs", "suburb", "centre", "center", "county",
                         "island", "coast", "area", "streets", "camp", "governorate", "oblast",
                         "municipality", "neighbourhood", "neighborhood", "heart", "shores"})
"""'the port of Hodeidah', 'off the coast of Lampedusa': a noun naming a place before 'of'."""
PLACE_PREPOSITIONS = LOCATIVE | {"on", "off", "over", "against", "along", "beyond", "towards", "past"}
"""Prepositions after which a well-known place name is read as the place ('strikes on Rafah')."""
PROMINENT_POPULATION = 100_000
"""A city at least this large is well known enough to be kept without spaCy's support."""
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
"""Entity labels of names that can hold a place name without being places ('Paris Hilton',
'George Washington University', 'the Bank of England')."""
STREET_WORDS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "drive", "lane",
                          "parkway", "highway", "pike"})
"""Final words of street names (a subset of the landmark words)."""
PERSON_LABELS = frozenset({"PERSON"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
LOCAL_OFFICES = frozenset({"mayor", "governor", "sheriff", "police", "fire", "council", "councilman",
                           "councilwoman", "school", "schools", "library", "hospital", "chamber",
                           "township", "superintendent", "commissioner", "commissioners", "alderman",
                           "public", "city"})
"""Capitalised words after which a town's name names the town's own office ('Dublin Mayor')."""
LOCAL_NOUNS = frozenset({"resident", "native", "inhabitant", "police", "policeman", "councillor", "councilor",
                         "councilman", "councilwoman", "neighbourhood", "neighborhood", "area", "suburb",
                         "outskirts", "firefighter", "townspeople", "villager", "local"})
"""Nouns of a place's people, officers and parts, after which a name is the place ('Kherson residents')."""
TITLES = frozenset({"president", "premier", "prime", "minister", "chancellor", "king", "queen", "prince",
                    "princess", "general", "ambassador", "envoy", "coach", "captain", "manager", "leader",
                    "chief", "governor", "senator", "mayor", "sheriff", "police", "army", "government"})
"""Words after a place name that make it a title or a body, not a first name ('Ukraine President')."""
TITLE_PREFIXES = frozenset({"vice", "deputy", "acting", "interim", "lieutenant", "assistant"})
"""Words that open a title ('Vice President'), never a town before it (Vice, Peru)."""
CASE_MARKS = frozenset({"v.", "vs.", "v", "vs"})
"""'Brown v. Board of Education': the parties of a court case."""
INSTITUTION_WORDS = frozenset({"congress", "parliament", "senate", "cabinet", "pentagon", "knesset", "duma",
                               "rada", "bundestag", "majlis", "sejm", "assembly", "kremlin"})
"""Common names of legislatures and ministries, on every side; small towns share some of them."""
HERITAGE_NATIONALITIES = frozenset({"american", "americans", "canadian", "canadians", "australian", "australians"})
"""Nationalities that follow a demonym of descent ('African American', 'Chinese Canadians')."""
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
FESTIVALS = frozenset({"ramadan", "eid", "ashura", "muharram", "christmas", "easter", "lent", "advent", "passover",
                       "hanukkah", "purim", "sukkot", "shavuot", "diwali", "holi", "vesak", "nowruz", "thanksgiving",
                       "tet"})
"""Feasts and holy months of several faiths and calendars, which the tagger calls dates and some towns share."""
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "explain", "note", "insist", "recall", "ask", "reply"})
"""Verbs of saying whose subject is a speaker ('Taylor said')."""
PARTNER_PREPOSITIONS = frozenset({"with", "by", "against"})
"""A capital after these is a party to what happens ('talks with Washington', 'sanctions against Moscow')."""
PRESSURE_WORDS = frozenset({"sanction", "embargo", "tariff", "ban", "restriction", "pressure", "duty", "levy",
                            "impose", "reimpose"})
"""After these, 'on' names whom a measure is aimed at ('sanctions on Moscow', 'tariffs on Beijing', 'imposed on
Kyiv'), a party and not a place."""
RECEIVING_VERBS = frozenset({"buy", "purchase", "import", "receive", "obtain", "acquire", "get", "seek",
                             "request", "demand", "order", "win", "secure"})
"""After these, 'from' names the giver, not an origin ('buy submarines from Washington')."""
ADDRESSED_VERBS = frozenset({"accuse", "blame", "warn", "urge", "thank", "praise", "criticize", "criticise",
                             "condemn", "denounce", "rebuke", "congratulate", "reassure", "pressure", "press",
                             "lobby", "petition", "sanction", "threaten", "snub", "reproach", "implore"})
"""Verbs of saying something to or about an actor: a capital as their object is its government ('accusing
Moscow of …'), not a place."""
DOMINANT_RATIO = 10
"""A name matches a town strongly when its largest town is this many times larger than any other entry."""
PLACE_NAME_WORDS = frozenset().union(*FEATURE_SUFFIXES.values(), {"strip", "bank", "coast", "republic", "city"})
"""Words that finish a place's own name ('the Gaza Strip', 'the West Bank'), not an institution's."""
DATELINE_MARKS = frozenset({"—", "–", "-", "--", ",", "(", ":"})
DASHES = frozenset({"—", "–", "-", "--"})


def _features(gaz: Gazetteer, cand: Candidate) -> set[str]:
    return {gaz.rows[i][5] for i in cand.entries}


def _preceded_by_locative(doc: Doc, cand: Candidate, prepositions: frozenset[str] = LOCATIVE) -> bool:
    """'in Woodstock', 'from the Bronx', 'the port of Hodeidah' (a place noun before 'of'), 'out of Palmyra'
    (read as 'from')."""
    start = cand.tokens[0]
    previous = doc[start - 1] if start > 0 else None
    if previous is not None and previous.lower_ == "the" and start > 1:
        previous = doc[start - 2]
    if previous is not None and previous.lower_ == "of" and previous.i > 0:
        before = doc[previous.i - 1].lower_
        return before in PLACE_NOUNS or (before == "out" and "from" in prepositions)
    return previous is not None and previous.lower_ in prepositions


def _prominent(gaz: Gazetteer, cand: Candidate) -> bool:
    """A name of a country, a first-level division, a national capital or a large city."""
    for i in cand.entries:
        entry = gaz.entry(i)
        if entry.feature in {"country", "admin1"} or gaz.is_capital(entry):
            return True
        if entry.feature == "city" and entry.population >= PROMINENT_POPULATION:
            return True
    return False


def inside_name(doc: Doc, cand: Candidate, labels: frozenset[str] = NAME_LABELS) -> bool:
    """Part of a longer capitalised name of a person, organisation, building or work ('Paris
    Hilton', 'George Washington University', 'the Bank of England')."""
    start, end = cand.tokens
    for i in (start, end - 1):
        ent = entity_of(doc[i])
        if ent is not None and ent.label_ in labels and (ent.start < start or ent.end > end):
            inner = [t for t in ent if t.text[:1].isupper() or t.is_punct or t.lower_ in {"of", "the", "and"}]
            # 'the Gaza Strip' is the place itself; 'The Washington Post' is an institution
            itself = ent.start == start - 1 and doc[ent.start].lower_ == "the" and all(
                t.lower_ in PLACE_NAME_WORDS for t in doc[end:ent.end])
            if len(inner) == len(ent) and not itself:
                return True
    return False


def _surname_of_person(gaz: Gazetteer, doc: Doc, cand: Candidate, surnames: set[str]) -> bool:
    """The surname of a person the article names in full ('Tom Jordan … Jordan said', 'attacked
    Machado'), unless spaCy says a well-known place is meant ('Egypt's infrastructure' after a
    misread 'Rethinking Egypt') or a place preposition does ('in Jordan'); a possessive or a noun
    after it is the person's ('in Scott's district', 'at the Clinton campaign')."""
    if cand.key not in surnames or (cand.label in PLACE_LABELS and _prominent(gaz, cand)):
        return False
    end = cand.tokens[1]
    last = doc[end - 1]
    if end < len(doc) and doc[end].text in POSSESSIVES:
        return True
    if last.dep_ == "compound" and last.head.i >= end and last.head.pos_ == "NOUN" and cand.label == "PERSON":
        return True  # 'at the Clinton campaign': the person's campaign
    return not _preceded_by_locative(doc, cand, PLACE_PREPOSITIONS)


def _surnames(doc: Doc) -> set[str]:
    return {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}


ADDRESSING_VERBS = frozenset({"say", "speak", "talk", "write", "tell", "explain", "reply", "respond", "send", "give",
                              "report", "appeal", "listen", "belong", "happen", "matter", "object"})
"""Verbs whose 'to' phrase names a person spoken to or concerned, not where someone goes."""
SITE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "across"})
"""Prepositions only a place follows ('damaging to Obama', 'a letter from Obama' name a person)."""


def _given_as_place(doc: Doc, cand: Candidate) -> bool:
    """'in Roswell', a dateline 'ROSWELL -', where a named person is from ('Daniel Hufstetler of Roswell'), or
    where someone goes ('travelling to Cirencester'; not 'damaging to Obama', 'spoke to Obama')."""
    start, end = cand.tokens
    if end < len(doc) and doc[end].text in POSSESSIVES:
        return False  # 'Justice to Obama's Victims': the person's
    before = doc[start - 1] if start > 0 else None
    residence = before is not None and before.lower_ == "of" and start > 1 and doc[start - 2].ent_type_ == "PERSON"
    goal = before is not None and before.lower_ == "to" and before.head.pos_ in ("VERB", "NOUN") and (
        before.head.lemma_.lower() not in ADDRESSING_VERBS)
    return residence or goal or _preceded_by_locative(doc, cand, SITE_PREPOSITIONS) or dateline(doc, cand)


def _person_not_a_small_town(gaz: Gazetteer, cand: Candidate, people: set[str], sited: set[str]) -> bool:
    """A word the article uses as a person's name that only small towns carry is that person wherever it stands
    ('Justice to Obama's Victims' is no town in Japan); a prominent place keeps its reading ('M23 took Goma', even
    where spaCy calls Goma a person), and so does a name the article also gives as a place (``sited``: after a
    place preposition, in a dateline, 'Hufstetler of Roswell')."""
    return cand.key in people and cand.key not in sited and not _prominent(gaz, cand)


def _before_local_office(doc: Doc, cand: Candidate) -> bool:
    """A town named before its own office or institution ('Dublin Mayor Marilee …', 'Huntsville
    Fire Chief', 'the Paris Public Library'): the town is a place, whatever spaCy calls the whole."""
    end = cand.tokens[1]
    return (bool(cand.entries) and not cand.demonym and end < len(doc) and doc[end].text[:1].isupper()
            and doc[end].lower_ in LOCAL_OFFICES)


def part_of_name(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """'Israel Adesanya', 'Cambridge Analytica': a one-word place name modifying the capitalised
    word right after it, a name the gazetteer does not know that ends the phrase and is no title
    or team ('Ukraine President …', 'the Texas Rangers' stay), is part of a person's or a firm's
    name (the extractor marks it ``sense="name"``)."""
    start, end = cand.tokens
    if end - start > 1 or end >= len(doc) or doc[start].dep_ != "compound" or doc[start].head.i != end:
        return False
    name = doc[end]
    last = end + 1 >= len(doc) or not (doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper())
    unknown = normalize(name.text) not in gaz.first_words and name.lower_ not in TITLES
    return (name.pos_ == "PROPN" and name.text[:1].isupper() and name.tag_ != "NNPS" and last and unknown
            and name.ent_type_ != "ORG")


def _town_names_only(gaz: Gazetteer, cand: Candidate) -> bool:
    """Every entry is a town or an administrative division, and none is a national capital."""
    return bool(cand.entries) and not cand.demonym and all(
        gaz.rows[i][5] in {"city", "admin1", "admin2"} and gaz.rows[i][0] not in gaz.capitals for i in cand.entries)


def _function_word(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """A capitalised function word ('From' in a headline, 'WE WIN') that only some town is called by, and that
    spaCy does not tag a place, is the word (not 'US', which names a country)."""
    start, end = cand.tokens
    return (end - start == 1 and doc[start].is_stop and cand.label not in PLACE_LABELS
            and cand.key not in gaz.after_comma and bool(cand.entries)
            and all(gaz.rows[i][5] == "city" for i in cand.entries))


def _common_word(gaz: Gazetteer, doc: Doc, cand: Candidate, lowercase: set[str]) -> bool:
    """'Police Union', 'Funeral Home', 'Vice Mayor': a one-word name known only as a town or county,
    that the article also writes in lower case as an ordinary word, is that word."""
    start, end = cand.tokens
    return (end - start == 1 and not cand.demonym and bool(cand.entries) and doc[start].lower_ in lowercase
            and all(gaz.rows[i][5] in {"city", "admin2"} for i in cand.entries))


def _acronym(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """'NATO and Tunisia': a short word in capitals amid ordinary text is an acronym, not a small town
    spelt with those letters (Nato, Philippines); capital-letter headlines and datelines are not."""
    start, end = cand.tokens
    token = doc[start]
    if end - start != 1 or not (token.is_upper and token.is_alpha and 3 <= len(token) <= 5) or dateline(doc, cand):
        return False
    around = [t for t in doc[max(start - 3, 0):min(end + 3, len(doc))] if t.is_alpha and t.i != start]
    headline = bool(around) and all(t.is_upper for t in around)
    towns = all(gaz.rows[i][5] == "city" and gaz.rows[i][6] < PROMINENT_POPULATION for i in cand.entries)
    return bool(cand.entries) and towns and not headline and not cand.demonym


def _date_feast_or_title(doc: Doc, cand: Candidate) -> bool:
    """'March 31', '31 March': a month beside a day is a date; "St. Patrick's Day", 'Independence
    Day': a name before 'Day' is a feast, and so is a festival's own name ('in Passover', 'during Ramadan');
    'Vice President', 'Vice-President': part of a title (March, Cambridgeshire, Saint Patrick, Dominica, and
    Vice, Peru are not meant)."""
    start, end = cand.tokens
    after = end + (end < len(doc) and doc[end].lower_ in ("'s", "’s"))
    if after < len(doc) and doc[after].text == "Day":
        return True
    if end - start != 1:
        return False
    word = doc[start].lower_
    day = [t for t in (doc[start - 1] if start else None, doc[end] if end < len(doc) else None)
           if t is not None and t.like_num and t.text.isdigit() and 1 <= int(t.text) <= 31]
    if (word in MONTHS and day) or word in FESTIVALS:
        return True
    title = end + (end < len(doc) and doc[end].text == "-")
    return word in TITLE_PREFIXES and title < len(doc) and doc[title].lower_ in TITLES


def _case_party(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """'Brown v. Board of Education', 'U.S. v. Chen': a person or body party to a court case, not a
    town called Brown or Chen; a state or a country named as a party stays ('U.S.', 'Texas v. Johnson')."""
    start, end = cand.tokens
    beside = any(0 <= i < len(doc) and doc[i].lower_ in CASE_MARKS for i in (start - 1, end))
    return beside and not _features(gaz, cand) & {"country", "admin1"}


def _institution(gaz: Gazetteer, cand: Candidate) -> bool:
    """'allies in Congress', 'the Knesset': the common name of a legislature or ministry is that body,
    never a small town of the same name (Congress, Arizona)."""
    return cand.key in INSTITUTION_WORDS and not _prominent(gaz, cand)


def _ethnic_compound(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """'African-Americans', 'Italian-Canadians', 'African American outreach', 'the Lithuanian American
    community': a demonym before the nationality of the country people live in names a people of
    that descent, not the places of either ('Russian-American relations', hyphened and singular,
    names both places)."""
    start, end = cand.tokens
    if not cand.demonym:
        return False
    if end < len(doc) and doc[end].text == "-":  # hyphened: a people only in the plural
        return (end + 1 < len(doc) and doc[end + 1].text.endswith("s")
                and normalize(doc[end + 1].text) in gaz.demonyms)
    if start > 0 and doc[start - 1].text == "-":
        return cand.text.endswith("s") and start > 1 and normalize(doc[start - 2].text) in gaz.demonyms
    listed = (end + 2 < len(doc) and doc[end].lower_ in ("and", "or", ",")  # 'Ukrainian and Lithuanian American'
              and normalize(doc[end + 1].text) in gaz.demonyms)
    after = end < len(doc) and doc[end + 2 * listed].lower_ in HERITAGE_NATIONALITIES
    before = (cand.text.lower() in HERITAGE_NATIONALITIES and start > 0
              and normalize(doc[start - 1].text) in gaz.demonyms)
    return after or before


def _town_with_article(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """'the Centre', 'the White House': towns and divisions take no article, so a name known
    only as one, after 'the' and not tagged a place, names a body or a building."""
    start, end = cand.tokens
    modifier = doc[end - 1].dep_ in {"compound", "nmod", "amod", "poss"} or _modifies_local_noun(doc, cand)
    return (start > 0 and doc[start - 1].lower_ == "the" and cand.label not in {"GPE", "LOC"}
            and not modifier and _town_names_only(gaz, cand))


def _speaking_town(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """'Wang said', 'according to Taylor': a one-word name known only as a town or division that
    speaks is a person, even where spaCy tags it a place ('Petrova said'), unless the town is
    large enough to speak through its government (read as a metonym later: 'Donetsk said')."""
    start, end = cand.tokens
    head = doc[end - 1]
    if end - start > 1 or not _town_names_only(gaz, cand):
        return False
    if cand.label in {"GPE", "LOC"} and _prominent(gaz, cand):
        return False
    if head.dep_ in SUBJECT_DEPS and head.head.lemma_.lower() in SPEECH_LEMMAS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"


def _standalone(doc: Doc, cand: Candidate) -> bool:
    """Not run together with other capitalised words that no candidate covers ('Aleppo', not
    'Israel Adesanya')."""
    start, end = cand.tokens
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    joined_before = (before is not None and not before.is_sent_start and before.pos_ == "PROPN"
                     and before.text[:1].isupper())
    joined_after = after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()
    return not joined_before and not joined_after


MISREAD_LABELS = frozenset({"PERSON", "LANGUAGE", "WORK_OF_ART", "PRODUCT", "EVENT"})
"""Labels the small tagger gives prominent place names it does not know ('Goma', 'Kigali', 'Novi Sad')."""


def _well_known(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """A prominent place name standing alone, whatever the small tagger calls it: spaCy often
    labels 'Rafah', 'Goma' or 'Dakar' a person and 'Punjab' or 'Aleppo' a nationality.
    A name tagged as a person, a language, a work, a product or an event must be an object ('strikes on
    Rafah', 'seized Goma', under any spelling the press uses: 'struck Khan Younis'; 'attacked Kigali',
    'shelled Novi Sad') or joined to a place ('Baku and Yerevan'); one tagged as an organisation must be the
    place's own name, not one of its alternate names ('Hamas' is an old name of Hamm)."""
    if not cand.entries or cand.demonym or not _prominent(gaz, cand) or not _standalone(doc, cand):
        return False
    if cand.label == "NORP":
        return cand.key not in gaz.demonyms
    if cand.label in MISREAD_LABELS:
        head = doc[cand.tokens[1] - 1]
        return _preceded_by_locative(doc, cand, PLACE_PREPOSITIONS) or head.dep_ in {"dobj", "pobj"} or (
            head.dep_ == "conj" and head.head.ent_type_ in ("GPE", "LOC")) or _described_as_place(doc, cand)
    if cand.label == "ORG":
        return any(normalize(gaz.rows[i][1]) == cand.key for i in cand.entries)
    if cand.label in {"DATE", "TIME"}:  # 'Kyiv overnight' tagged as one time expression
        return not cand.exact
    return cand.label in {"", "GPE", "LOC", "FAC"}


def _followed_by_division(gaz: Gazetteer, doc: Doc, cand: Candidate, kept: dict[int, Candidate]) -> bool:
    """'Paris, Texas': a comma then a kept country or first-level division."""
    end = cand.tokens[1]
    if end >= len(doc) or doc[end].text != ",":
        return False
    following = kept.get(end + 1)
    return following is not None and bool(_features(gaz, following) & {"country", "admin1", "admin2"})


def dateline(doc: Doc, cand: Candidate) -> bool:
    """A place in capitals opening a paragraph ('BEIRUT —', 'HAMILTON,'), or a sentence when a spaced
    dash follows ('Headline. CROMWELL — Police said…'); not a word joined to the next by a hyphen
    ('US-based')."""
    start, end = cand.tokens
    dash = end < len(doc) and doc[end].text in DASHES and bool(doc[end - 1].whitespace_)
    opens = start == 0 or "\n" in doc[start - 1].text_with_ws or (dash and doc[start].is_sent_start)
    upper = all(t.is_upper or not t.is_alpha for t in doc[start:end])
    joined = end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
    return opens and upper and end < len(doc) and doc[end].text in DATELINE_MARKS and not joined


def _certain(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """Kept on its own: spaCy and the gazetteer agree, or the name is unambiguous in kind."""
    features = _features(gaz, cand)
    label = cand.label
    if features & {"landmark", "water", "region"} and " " in cand.key:
        return True  # curated multi-word names ('Haram al-Sharif') whatever spaCy calls them
    if features == {"water"} and label not in NOT_PLACE_LABELS:
        # a river or sea no town shares a name with ('the Cauvery waters', 'along the Danube')
        return label not in {"PERSON", "ORG"} or _preceded_by_locative(doc, cand, PLACE_PREPOSITIONS)
    if cand.after_comma and cand.key in gaz.after_comma and cand.key not in gaz.names:
        return True  # a postal abbreviation after a comma ('Guelph, Ont.'), whatever spaCy calls it
    if label in NOT_PLACE_LABELS:
        return False
    if cand.demonym:
        return label != "PERSON"
    if "admin2" in features and cand.key.endswith(("county", "parish")):
        return True
    if len(cand.key.split()) == 1 and cand.key in COMPASS:
        return False
    if features & {"country", "continent", "region"}:
        return label != "PERSON" or cand.exact
    if "admin1" in features and label not in {"PERSON", "FAC", "NORP"}:
        return label in {"GPE", "ORG", ""} or cand.exact
    if label in PLACE_LABELS and cand.exact:
        return bool(cand.entries) or bool(cand.local)
    return bool(cand.local) and bool(cand.entries) and label in {"ORG", ""} and cand.exact


def _supported(gaz: Gazetteer, doc: Doc, cand: Candidate, kept: dict[int, Candidate],
               certain_keys: set[str]) -> bool:
    """Kept with evidence from the context. A name the gazetteer lacks is kept only when spaCy
    calls it a place and the text puts it inside a known division ('in Kuriga, Kaduna state')."""
    if cand.label in MISREAD_LABELS | {"DATE", "LAW"} and cand.entries and _taken_town(gaz, doc, cand):
        return True  # 'shelled Afrin', 'captured Turbat', tagged a language or a date
    if cand.label in ("DATE", "EVENT") and _misread_name(doc, cand):
        return _town_after_preposition(gaz, doc, cand)  # 'in Manbij on Sunday', tagged a date
    if cand.label in NOT_PLACE_LABELS or cand.label == "NORP":
        return False
    if not cand.entries:
        return _street(doc, cand) or (cand.label in PLACE_LABELS and cand.exact and _preceded_by_locative(doc, cand)
                                      and _followed_by_division(gaz, doc, cand, kept))
    if cand.key in certain_keys:
        return cand.label != "PERSON" or cand.exact
    if _after_place_noun(doc, cand) or _joined_to_place(gaz, doc, cand, kept) or _described_as_place(doc, cand):
        return True  # 'the coast of Lampedusa', 'Nablus and Tulkarm', whatever spaCy calls them
    if _taken_town(gaz, doc, cand) or _modifies_local_noun(doc, cand) or _residence(doc, cand):
        return True
    if cand.label == "PERSON":
        return _town_after_preposition(gaz, doc, cand)
    wide = bool(_features(gaz, cand) - {"city", "admin2"})
    return (_preceded_by_locative(doc, cand, PLACE_PREPOSITIONS if wide else LOCATIVE)
            or _followed_by_division(gaz, doc, cand, kept) or dateline(doc, cand) or cand.after_comma)


def _misread_name(doc: Doc, cand: Candidate) -> bool:
    """One capitalised word the small tagger calls a date or an event, all of it, that names no month or day
    ('Manbij', 'Tumaco'; not 'Obama' in 'the Obama-era deal'): a name it does not know, which a place preposition
    may show to be a town."""
    start, end = cand.tokens
    word = doc[start]
    return cand.exact and end - start == 1 and word.pos_ == "PROPN" and word.is_alpha and word.lower_ not in (
        MONTHS | WEEKDAYS | FESTIVALS)


def _residence(doc: Doc, cand: Candidate) -> bool:
    """'James Mitchell of Charleston', 'Rebecca Sears, 41, of Grovetown': 'of' and a name after a
    person (and their age) give where the person lives, unless the name runs on ('of Morgan Stanley')."""
    start, end = cand.tokens
    if start < 2 or doc[start - 1].lower_ != "of":
        return False
    if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        return False
    before = doc[start - 2]
    if before.text == "," and start >= 5 and doc[start - 3].like_num and doc[start - 4].text == ",":
        before = doc[start - 5]
    return before.ent_type_ == "PERSON"


def _street(doc: Doc, cand: Candidate) -> bool:
    """'on Marystown Road', 'to the Gillis Street address', '208 Routon St.': a street named with a
    word of its own (not an initial: 'Marvin F. Lane' is a man), after a place preposition or a
    house number."""
    start, end = cand.tokens
    if end - start < 2 or doc[end - 1].lower_.rstrip(".") not in STREET_WORDS:
        return False
    if any(len(t.text.rstrip(".")) == 1 for t in doc[start:end - 1]):
        return False
    before = doc[start - 1] if start > 0 else None
    return before is not None and (before.like_num or _preceded_by_locative(doc, cand, PLACE_PREPOSITIONS))


def _described_as_person(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """A name whose appositive names a person's role or trade (``described_as_person``); a country described so
    stays itself ('Qatar, the mediator')."""
    return "country" not in _features(gaz, cand) and described_as_person(doc, *cand.tokens)


def _described_as_place(doc: Doc, cand: Candidate) -> bool:
    """A name whose appositive is a place noun ('Goma, the capital of North Kivu', 'Kherson, the only regional
    capital taken')."""
    return any(h.lemma_.lower() in PLACE_NOUNS for h in appositive_heads(doc, *cand.tokens))


def _after_place_noun(doc: Doc, cand: Candidate) -> bool:
    """'the port of Hodeidah', 'the island of Java': a place noun and 'of' right before the name."""
    start = cand.tokens[0]
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS


def _joined_to_place(gaz: Gazetteer, doc: Doc, cand: Candidate, kept: dict[int, Candidate]) -> bool:
    """Coordinated with a place already kept ('Nablus and Tulkarm', 'Djibo and Menaka'). A name
    tagged as a person only when the gazetteer knows it strongly as a town and it is joined to a
    town that is no capital ('Khan Younis, Rafah and Jabalia'; not 'Jordan and Obama', nor
    'Washington and Obama', where the capital may stand for its government), or to any place
    after a locative preposition, which governs both ('voters in Dublin and Cork')."""
    head = doc[cand.tokens[1] - 1]
    partners = [head.head] if head.dep_ == "conj" else []
    partners += [t for t in head.children if t.dep_ == "conj"]
    joined = [c for c in kept.values() if any(c.tokens[0] <= t.i < c.tokens[1] for t in partners)]
    if cand.label != "PERSON":
        return bool(joined)
    strong = _strong_town(gaz, cand) or _prominent(gaz, cand)
    return strong and any(_town_names_only(gaz, c) or _preceded_by_locative(doc, c) for c in joined)


def _modifies_local_noun(doc: Doc, cand: Candidate) -> bool:
    """'Kherson residents', 'Roselle police', 'a Saratoga native', 'the Atlanta area', 'Sligo-based':
    a name modifying a noun of the people, officers or parts of a place is that place."""
    start, end = cand.tokens
    last = doc[end - 1]
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based":
        return True
    head = last.head
    return (last.dep_ in {"compound", "nmod", "amod"} and head.i > last.i and head.text.islower()
            and head.lemma_.lower() in LOCAL_NOUNS)


def _town_after_preposition(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """A town of some size after a locative preposition, though spaCy tags it a person
    ('withdrew from Avdiivka', 'at Kiryat Shmona'), or a town's own name of several words
    ('in Wagga Wagga'); surnames of people the article names were removed before."""
    towns = [gaz.entry(i) for i in cand.entries if gaz.rows[i][5] == "city"]
    large = any(_town_size(e) >= TOWN_POPULATION for e in towns)
    own_name = " " in cand.key and any(normalize(e.name) == cand.key for e in towns)
    return (large or own_name) and _preceded_by_locative(doc, cand)


def _taken_town(gaz: Gazetteer, doc: Doc, cand: Candidate) -> bool:
    """A name the gazetteer knows strongly as one town, fired on, taken or entered ('shelled Avdiivka',
    'Avdiivka was captured'), whatever spaCy calls it: one word, or a longer name that is the whole entity
    spaCy found ('captured Lashkar Gah', not the 'Jordan' of 'captured Jordan Peterson')."""
    start, end = cand.tokens
    head = doc[end - 1]
    # the small parser sometimes makes the name right after the verb its adverb ('captured Bakhmut')
    right_after = head.head.i == start - 1 and head.dep_ in {"advmod", "npadvmod"}
    taken = head.dep_ in {"dobj", "nsubjpass"} or right_after
    whole = end - start == 1 or cand.exact
    # a name tagged as an organisation must be a spelling of the town's own ('shelled Hasakah': Al Hasakah), not
    # another name of it ('raided Hamas' is no raid on Hamm, once called Hamas)
    own = cand.label != "ORG" or any(_spelling_of(cand.key, normalize(gaz.rows[i][1])) for i in cand.entries)
    return whole and taken and own and head.head.lemma_.lower() in PLACE_PATIENT_VERBS and _strong_town(gaz, cand)


ARTICLES = frozenset({"al", "an", "as", "ad", "ar", "at", "ash", "az", "el", "ed", "es", "et"})
"""Arabic articles that open a town's own name in the tables and that the press often drops ('Al Hasakah')."""
SPELLING_SIMILARITY = 0.72
"""How alike two written forms of one name are at least ('Saada' and 'Sadah', 'Nabatieh' and 'Nabatiye')."""


def _spelling_of(key: str, own: str) -> bool:
    """Whether ``key`` writes the town's own name ``own`` another way: its first words without a leading article,
    spelt alike ('hasakah' / 'al hasakah', 'nabatieh' / 'nabatiye et tahta'; not 'hamas' / 'hamm')."""
    words = own.split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    start = " ".join(words[:len(key.split())])
    return difflib.SequenceMatcher(None, key, start).ratio() >= SPELLING_SIMILARITY


def _town_size(entry: Entry) -> int:
    """A town's population; a town written for this project as a place in the news ('Tessalit', 'Maungdaw': no
    GeoNames id, no count) counts as one of some size."""
    return entry.population or (TOWN_POPULATION if entry.geonameid is None and entry.feature == "city" else 0)


def _strong_town(gaz: Gazetteer, cand: Candidate) -> bool:
    """Every entry of the name is a town, the largest one of some size and far larger than any
    other ('Avdiivka'; 'Wilson' is many towns)."""
    sizes = sorted((_town_size(gaz.entry(i)) for i in cand.entries), reverse=True)
    if not sizes or any(gaz.rows[i][5] != "city" for i in cand.entries):
        return False
    largest = sizes[0]
    return largest >= TOWN_POPULATION and all(largest >= DOMINANT_RATIO * size for size in sizes[1:])


def select_places(doc: Doc, gaz: Gazetteer, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that are place mentions, in text order.

    Names inside a longer name of a person, and surnames of people the article names in full,
    are never places; names inside an institution's name are kept (the extractor marks them).
    """
    surnames = _surnames(doc)
    people = one_word_people(doc)
    sited = {c.key for c in candidates if c.key in people and _given_as_place(doc, c)}
    lowercase = {t.text for t in doc if t.text.islower()}
    candidates = [c for c in candidates
                  if not (_function_word(gaz, doc, c) or _common_word(gaz, doc, c, lowercase)
                          or _date_feast_or_title(doc, c) or _acronym(gaz, doc, c)
                          or _case_party(gaz, doc, c) or _institution(gaz, c) or _ethnic_compound(gaz, doc, c)
                          or _described_as_person(gaz, doc, c))]
    local_office = {c.tokens[0] for c in candidates if _before_local_office(doc, c)}
    candidates = [c for c in candidates if c.tokens[0] in local_office
                  or (not inside_name(doc, c, PERSON_LABELS) and not _surname_of_person(gaz, doc, c, surnames)
                      and not _person_not_a_small_town(gaz, c, people, sited)
                      and not _town_with_article(gaz, doc, c) and not _speaking_town(gaz, doc, c))]
    kept = {c.tokens[0]: c for c in candidates
            if _certain(gaz, doc, c) or _well_known(gaz, doc, c) or c.tokens[0] in local_office}
    certain_keys = {c.key for c in kept.values() if c.entries}
    for cand in candidates:
        if cand.tokens[0] not in kept and _supported(gaz, doc, cand, kept, certain_keys):
            kept[cand.tokens[0]] = cand
    return sorted(kept.values(), key=lambda c: c.start)


def metonymic(doc: Doc, cand: Candidate, capital: bool, metonyms: set[int]) -> bool:
    """A national capital named for its government: the subject of a clause ('Kyiv accused'),
    the object of a verb whose subject is one ('Brussels warned Budapest') or of a verb of saying something to
    or about an actor ('Norway accused Moscow'), a partner or agent
    ('a protest with Beijing', 'brokered by Beijing', 'sanctions against Moscow'), the giver
    after a verb of receiving ('buy submarines from Washington'), or joined to any of these
    ('Washington and Beijing agreed').

    ``metonyms`` holds the token indexes of capitals already read as metonyms (earlier in the text).
    """
    if not capital:
        return False
    head = doc[cand.tokens[1] - 1]
    if head.dep_ == "conj" and head.head.i in metonyms:
        return True
    return _acting_role(head, metonyms)


def _acting_role(head, metonyms: set[int]) -> bool:
    """Whether a name whose syntactic head is ``head`` stands for an actor in its clause."""
    if head.dep_ == "conj":
        head = head.head
    if head.dep_ in SUBJECT_DEPS:
        # 'Brazzaville is the capital' describes the city; 'Kyiv is ready to talk' is its government
        return head.head.lemma_ != "be" or not any(c.dep_ == "attr" for c in head.head.children)
    if head.dep_ == "dobj":
        return head.head.lemma_.lower() in ADDRESSED_VERBS or any(
            c.dep_ in SUBJECT_DEPS and c.i in metonyms for c in head.head.children)
    if head.dep_ == "pobj":
        preposition = head.head
        if preposition.lower_ in PARTNER_PREPOSITIONS:
            return True
        if preposition.lower_ in ("on", "upon") and preposition.head.lemma_.lower() in PRESSURE_WORDS:
            return True
        verb = preposition.head.head if preposition.head.dep_ == "dobj" else preposition.head
        return preposition.lower_ == "from" and verb.lemma_.lower() in RECEIVING_VERBS
    return False


def occupant(doc: Doc, cand: Candidate) -> bool:
    """A building named for who works in it ('The White House said', 'the Kremlin warned'):
    'the' + an institution or building name that is the subject of its clause."""
    start, end = cand.tokens
    ent = entity_of(doc[start])
    named = ent is not None and ent.label_ in {"ORG", "FAC"} and ent.end == end and ent.start == start - 1
    return named and doc[start - 1].lower_ == "the" and doc[end - 1].dep_ in SUBJECT_DEPS


__all__ = ["dateline", "select_places", "metonymic", "occupant", "inside_name", "part_of_name"]
