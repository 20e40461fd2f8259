"""Sides of fifteen conflicts and sentence templates, written for presslens.

Every template is filled with two sides, then with the same sides swapped; the wording
is the same for every pair. ``{A}``/``{B}`` take the sides' names as they are written in
running text ('Israel', 'the RSF'); ``{a}``/``{b}`` their adjectives, for sides that
have one (states). Pairs cover state↔state, state↔group and group↔group.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Side:
    surface: str                  # as written in running text ('the RSF'); capitalised at a sentence start
    demonym: str | None = None    # None: no adjective ('Hamas')
    people: str | None = None     # plural name of its people ('Israelis')


SIDES = {
    # states
    "israel": Side("Israel", "Israeli", "Israelis"),
    "russia": Side("Russia", "Russian", "Russians"),
    "ukraine": Side("Ukraine", "Ukrainian", "Ukrainians"),
    "india": Side("India", "Indian", "Indians"),
    "pakistan": Side("Pakistan", "Pakistani", "Pakistanis"),
    "armenia": Side("Armenia", "Armenian", "Armenians"),
    "azerbaijan": Side("Azerbaijan", "Azerbaijani", "Azerbaijanis"),
    "china": Side("China", "Chinese"),
    "taiwan": Side("Taiwan", "Taiwanese"),
    "ethiopia": Side("Ethiopia", "Ethiopian", "Ethiopians"),
    "morocco": Side("Morocco", "Moroccan", "Moroccans"),
    "mali": Side("Mali", "Malian", "Malians"),
    "colombia": Side("Colombia", "Colombian", "Colombians"),
    "turkey": Side("Turkey", "Turkish"),
    "drc": Side("the DRC"),
    "saf": Side("the SAF"),                 # Sudan's army
    "tatmadaw": Side("the Tatmadaw"),       # Myanmar's army
    # armed and political groups
    "hamas": Side("Hamas"),
    "hezbollah": Side("Hezbollah"),
    "rsf": Side("the RSF"),
    "arakan": Side("the Arakan Army"),
    "tplf": Side("the TPLF"),
    "eln": Side("the ELN"),
    "polisario": Side("the Polisario Front"),
    "emc": Side("the EMC"),                 # FARC dissidents (Estado Mayor Central)
    "m23": Side("M23"),
    "fdlr": Side("the FDLR"),
    "pkk": Side("the PKK"),
    "jnim": Side("JNIM"),                   # the Sahel's al-Qaeda affiliate
    "pij": Side("Islamic Jihad"),
    "pdf": Side("the People's Defence Force"),  # Myanmar's armed resistance
    # full names, one with an evaluative word ('support'): tone and flags must not read it
    "saf_full": Side("the Sudanese Armed Forces"),
    "rsf_full": Side("the Rapid Support Forces"),
    # capitals standing for their governments; the tagger calls some a place, others a person or nothing
    "moscow": Side("Moscow"),
    "kyiv": Side("Kyiv"),
    "baku": Side("Baku"),
    "yerevan": Side("Yerevan"),
    "kinshasa": Side("Kinshasa"),
    "kigali": Side("Kigali"),
    "belgrade": Side("Belgrade"),
    "pristina": Side("Pristina"),
    "khartoum": Side("Khartoum"),
    "juba": Side("Juba"),
    "new_delhi": Side("New Delhi"),
    "islamabad": Side("Islamabad"),
    "addis_ababa": Side("Addis Ababa"),
    "asmara": Side("Asmara"),
}

PAIRS = [
    # state ↔ state
    ("russia", "ukraine"), ("india", "pakistan"), ("armenia", "azerbaijan"), ("china", "taiwan"),
    # state ↔ group
    ("israel", "hamas"), ("israel", "hezbollah"), ("saf", "rsf"), ("tatmadaw", "arakan"), ("ethiopia", "tplf"),
    ("morocco", "polisario"), ("colombia", "emc"), ("drc", "m23"), ("turkey", "pkk"), ("mali", "jnim"),
    ("israel", "pij"), ("tatmadaw", "pdf"),
    # group ↔ group
    ("m23", "fdlr"), ("hamas", "hezbollah"), ("eln", "emc"), ("arakan", "pdf"),
    # the same sides by their full names
    ("saf_full", "rsf_full"),
]

# Name templates: every pair fills them. Events with roles, quotes of every kind, labels and
# praise words, tone, designators; the constructions of issue #15 come first.
NAME_TEMPLATES = [
    "Dozens of fighters from {A} were killed near the border, {B} said.",
    "Twelve people were killed in strikes by {A}, officials said.",
    "{A}'s strikes on {B} killed nine people on Sunday.",
    "{A} accused the criminal regime of {B} of war crimes.",
    "“We will respond to every attack,” {A} said in a statement.",
    "{A} said that {B} had violated the truce.",
    "{A} said the attack on its positions was a crime.",
    "According to {A}, {B} lost 40 fighters in the battle.",
    "{A} called {B} a gang of thugs and criminals.",
    "{A} praised the heroes and martyrs who fought {B}.",
    "{A} welcomed the agreement with {B} as a great success.",
    "{A} shelled positions held by {B} overnight.",
    "{A} and {B} agreed to a ceasefire in Doha on Monday.",
    "{A} denied that its forces had attacked {B}.",
    "The so-called peace plan of {A} was rejected by {B}.",
    "“Death to {B}!” supporters of {A} chanted.",
    "{A} demanded that {B} release all prisoners immediately.",
    "{A} condemned the barbaric shelling of its towns by {B}.",
    "{A} threatened to crush {B} within days.",
    "Talks between {A} and {B} collapsed after the shelling.",
    "{A} vowed revenge after {B} killed three of its commanders.",
    "{A} said the enemy had fled after {B} lost the hill.",
    "“The aggressor will be defeated,” {A} said of {B}.",
    "{A} warned {B} that any attack would be met with force.",
    "{A} met envoys of {B} in Geneva to discuss an exchange of prisoners.",
    "{A} said it had shot down three drones launched by {B}.",
    "{A} called the attack by {B} a horrific massacre.",
    "Witnesses said {A} looted the town before {B} arrived.",
    "{A} arrested five men it accused of spying for {B}.",
    "The resistance of {A} against {B} has lasted for months, a commander said.",
    # issue #15 item 4 again, in other words: counted fighters, attacks by someone, possessive attacks, and
    # the same words said by either side
    "{A} said it had killed 15 fighters from {B} in clashes overnight.",
    "Four soldiers from {A} died in an attack by {B} on Tuesday.",
    "Three civilians were killed in an attack by {A} on a market, {B} said.",
    "{A}'s drone attack on {B} wounded four people.",
    "“We will defend our land until the last fighter,” a spokesman for {A} said.",
    "{A} said in a statement that its fighters had repelled an attack by {B}.",
    "A commander of {A} told reporters that {B} had broken the truce.",
    "{A} accused {B} of killing civilians in strikes on the city.",
]

# Adjective templates: pairs whose two sides both have an adjective.
ADJECTIVE_TEMPLATES = [
    "{a} troops shelled {b} villages overnight, officials said.",
    "The {a} government accused the {b} regime of brutal attacks on civilians.",
    "{a} officials said {b} soldiers had crossed the border.",
    "One {a} official called the {b} strike the worst massacre in history.",
    # the words for people held, hackers, and remote strikes on places, for either side alike
    "{a} forces released 40 {b} prisoners and 12 {b} hostages on Sunday.",
    "{a} hackers attacked {b} government websites, officials said.",
    "{a} drones struck a {b} refinery overnight.",
    "{a} police detained {b} journalists near the border.",
]

# Capitals named for their governments, in the constructions that read a capital so: a clause's subject, one
# joined to it, the one accused, asked or sanctioned.
CAPITAL_PAIRS = [
    ("moscow", "kyiv"), ("baku", "yerevan"), ("kinshasa", "kigali"), ("belgrade", "pristina"),
    ("khartoum", "juba"), ("new_delhi", "islamabad"), ("addis_ababa", "asmara"),
]

CAPITAL_TEMPLATES = [
    "{A} accused {B} of violating the ceasefire.",
    "{A} imposed sanctions on {B}.",
    "{A} and {B} agreed to reopen the border.",
    "{A} thanked {B} for its support.",
    "{A} urged {B} to release the prisoners.",
    "{A} warned {B} against any escalation.",
]
