"""Loaded language and labels: which words are flagged, with which technique, in whose voice."""

from __future__ import annotations

import pytest

from presslens.core.schema import Quote
from presslens.language.extract import extract_flags, flag_candidates, voice_of
from presslens.language.lexicon import load_terms


def flags_of(nlp, text: str):
    return extract_flags(nlp(text), [], [], [])


# sentence (fictional or generic), flagged text (must be covered by one flag), technique
POSITIVE = [
    ("The usurping regime sent more troops to the border.", "usurping regime", "Name_Calling,Labeling"),
    ("Officials said the extremist government would fall.", "extremist government", "Name_Calling,Labeling"),
    ("Police clashed with the terrorists near the bridge.", "the terrorists", "Name_Calling,Labeling"),
    ("The thugs attacked the convoy at dawn.", "The thugs", "Name_Calling,Labeling"),
    ("The Tarnholm regime announced new measures on Monday.", "Tarnholm regime", "Name_Calling,Labeling"),
    ("This regime will pay for its crimes, the speaker said.", "This regime", "Name_Calling,Labeling"),
    ("The occupation's army entered the village.", "The occupation", "Name_Calling,Labeling"),
    ("The raids were a nightmare for the militia.", "nightmare for the militia", "Loaded_Language"),
    ("The oppression of the villagers has grown.", "oppression of the villagers", "Loaded_Language"),
    ("They are driven by racism and fascism.", "racism and fascism", "Loaded_Language"),
    ("Soldiers brutally beat the prisoners.", "brutally", "Loaded_Language"),
    ("The council slammed the proposal as unfair.", "slammed", "Loaded_Language"),
    ("It was a barbaric act against the villagers.", "barbaric", "Loaded_Language"),
    ("This is the worst attack in history.", "worst attack in history", "Exaggeration,Minimisation"),
    ("The totally false report spread quickly.", "totally false", "Exaggeration,Minimisation"),
    ("Death to the invaders!", "Death to the invaders", "Slogans"),
    ("Our great nation will never surrender.", "Our great nation", "Flag-Waving"),
    ("What about their own prisons?", "What about their own prisons", "Whataboutism,Straw_Men,Red_Herring"),
    ("The so-called ceasefire collapsed within hours.", "so-called ceasefire", "Doubt"),
    ("The so-called government of the province resigned.", "so-called government", "Name_Calling,Labeling"),
    ("It is what it is, the mayor shrugged.", "It is what it is", "Thought-terminating_Cliches"),
    ("You are either with us or against us.", "with us or against us", "Black-and-White_Fallacy"),
    ("The island was called a rogue state by its neighbours.", "rogue state", "Name_Calling,Labeling"),
    # praise words are labels too, and lower-case and capitalised forms alike
    ("The martyrs were buried in the village on Friday.", "martyrs", "Name_Calling,Labeling"),
    ("Crowds cheered the heroes returning from the front.", "heroes", "Name_Calling,Labeling"),
    ("The freedom fighters crossed the river at night.", "freedom fighters", "Name_Calling,Labeling"),
    ("He said the resistance continues to grow.", "the resistance", "Name_Calling,Labeling"),
    ("He praised the Resistance alliance in a speech.", "Resistance", "Name_Calling,Labeling"),
    ("Exiles denounced the mullah regime in a letter.", "mullah regime", "Name_Calling,Labeling"),
    ("Exiles denounced the Mullah Regime in a letter.", "Mullah Regime", "Name_Calling,Labeling"),
    ("Officials in Tehran again attacked the Little Satan.", "Little Satan", "Name_Calling,Labeling"),
    ("State media called the island a renegade province.", "renegade province", "Name_Calling,Labeling"),
    ("The statement referred to the Taiwan region.", "Taiwan region", "Name_Calling,Labeling"),
    ("Bloggers in Kyiv wrote about Muscovy again.", "Muscovy", "Name_Calling,Labeling"),
    ("Commentators warned of a new Hamastan.", "Hamastan", "Name_Calling,Labeling"),
    ("Survivors said the Janjaweed burned the market.", "Janjaweed", "Name_Calling,Labeling"),
]


@pytest.mark.parametrize(("text", "needle", "technique"), POSITIVE)
def test_flagged(nlp, text, needle, technique):
    start = text.index(needle)
    end = start + len(needle)
    flags = flags_of(nlp, text)
    assert any(f.technique == technique and f.start <= start and end <= f.end for f in flags), \
        [(f.text, f.technique) for f in flags]


# sentence, text that no flag may touch
NEGATIVE = [
    ("Troops patrolled the occupied West Bank on Monday.", "occupied West Bank"),
    ("Residents of the disputed territories voted on Sunday.", "disputed territories"),
    ("Farmers returned to the occupied lands after the harvest.", "occupied lands"),
    ("The occupation of the island began in 1974.", "occupation"),
    ("The occupation began in 1967 and continues.", "occupation"),
    ("The visa regime was relaxed in March.", "regime"),
    ("The new tax regime takes effect next year.", "regime"),
    ("The government announced a new budget on Tuesday.", "government"),
    ("The minister met farmers in the capital.", "minister"),
    ("Rebels and soldiers signed a truce near the river.", "Rebels"),
    ("Resistance to the new tax grew among farmers.", "Resistance"),
    ("The plan met stiff resistance from farmers.", "resistance"),
    ("Electrical resistance of the wire was measured.", "resistance"),
]


@pytest.mark.parametrize(("text", "needle"), NEGATIVE)
def test_not_flagged(nlp, text, needle):
    start = text.index(needle)
    end = start + len(needle)
    flags = flags_of(nlp, text)
    assert not any(f.start < end and start < f.end for f in flags), [(f.text, f.technique) for f in flags]


@pytest.mark.parametrize("text", [
    "The committee will meet again on Thursday to discuss the budget.",
    "The ministry said 40 people were evacuated from the coastal town.",
    "Both delegations arrived in the capital on Monday morning.",
])
def test_neutral_reports_have_no_flags(nlp, text):
    assert flags_of(nlp, text) == []


def _quote(text: str, content: str, speaker: str | None, mention: str | None = None) -> Quote:
    start = text.index(content)
    return Quote(start=start, end=start + len(content), text=content, kind="direct", speaker=speaker,
                 speaker_mention=mention)


def test_voice_is_the_quoted_speaker_or_the_outlet(nlp):
    text = "The usurping regime fell, “a nightmare for the thugs,” said Ana Veld. The thugs left."
    quote = _quote(text, "“a nightmare for the thugs,”", "Ana Veld")
    flags = extract_flags(nlp(text), [quote], [], [])
    voices = {f.text: f.voice for f in flags}
    assert voices["The usurping regime"] == "outlet"
    assert voices["nightmare for the thugs"] == "Ana Veld"
    assert voices["The thugs"] == "outlet"


@pytest.mark.parametrize(("quotes", "expected"), [
    ([], "outlet"),
    ([("“the thugs”", "Ana Veld", None)], "Ana Veld"),
    ([("“the thugs”", None, "a spokesman")], "a spokesman"),       # unresolved: the mention
    ([("“the thugs”", None, None)], "attributed"),
])
def test_voice_of(quotes, expected):
    text = "He said “the thugs” had left."
    records = [_quote(text, content, speaker, mention) for content, speaker, mention in quotes]
    start = text.index("the thugs")
    assert voice_of(start, start + 9, records) == expected


def test_flags_carry_a_reason_and_method(nlp):
    flags = flags_of(nlp, "The usurping regime slaughtered the farmers.")
    assert flags and all(f.reason and f.method in ("rule", "model") for f in flags)
    rule = [f for f in flags if f.method == "rule"]
    assert rule and all(f.score is None for f in rule)


# Reasons describe the wording; they must not adopt or condemn it.
JUDGING_WORDS = ("true", "false", "correct", "wrong", "propaganda", "lie", "biased", "justified", "unjustified")


def test_reasons_are_neutral(nlp, seed_analysis):
    texts = [text for text, _, _ in POSITIVE]
    reasons = {f.reason for t in texts for f in flags_of(nlp, t)} | {f.reason for f in seed_analysis.flags}
    assert reasons
    for reason in reasons:
        words = set(reason.lower().replace("'", " ").split())
        quoted = set(" ".join(reason.split("'")[1::2]).lower().split())     # the flagged words themselves
        assert not (words - quoted) & set(JUDGING_WORDS), reason


def test_every_conflict_lists_labels_for_each_side():
    from importlib import resources

    import yaml

    data = yaml.safe_load((resources.files("presslens.language") / "data" / "loaded_terms.yaml").read_text())
    for conflict, sides in data["conflict_labels"].items():
        assert len(sides) >= 2, conflict
        assert all(len(terms) >= 1 for terms in sides.values()), conflict
    assert set(load_terms()["conflict_labels"]) == {t for s in data["conflict_labels"].values()
                                                    for terms in s.values() for t in terms}


def test_side_specific_labels_get_the_same_technique(nlp):
    from importlib import resources

    import yaml

    data = yaml.safe_load((resources.files("presslens.language") / "data" / "loaded_terms.yaml").read_text())
    terms = [(conflict, side, form) for conflict, sides in data["conflict_labels"].items()
             for side, entries in sides.items() for term in entries for form in (term, term.title())]
    terms += [("every conflict", "every side", form) for term in data["honorific_labels"]
              for form in (term, term.title())]
    missed = []
    for conflict, side, term in terms:
        text = f"The speaker blamed {term} for the shelling."
        start = text.index(term)
        doc = nlp(text)
        found = [c for c in flag_candidates(doc) if c.technique == "Name_Calling,Labeling"]
        if not any(doc[c.start].idx <= start and start + len(term) <= doc[c.end - 1].idx + len(doc[c.end - 1])
                   for c in found):
            missed.append((conflict, side, term))
    assert missed == []


def test_every_side_specific_or_praise_entry_says_who_uses_it():
    """Each entry of the side lists carries a comment naming the side that uses it, for a balance audit."""
    from importlib import resources

    lines = (resources.files("presslens.language") / "data" / "loaded_terms.yaml").read_text().splitlines()
    section, entries = None, 0
    for line in lines:
        if line and not line.startswith((" ", "#")):
            section = line.split(":")[0]
        elif section in ("conflict_labels", "honorific_labels") and line.strip().startswith("- "):
            entries += 1
            assert "#" in line and line.split("#", 1)[1].strip(), line
    assert entries >= 100


SEED_FLAGS_NOT_EXPECTED = ["occupied West Bank", "the West Bank", "Palestinian youth", "United Nations"]


def test_seed_flags_and_voices(seed_analysis, seed_expected):
    text = seed_analysis.article.text
    for item in seed_expected["language_flags"]:
        start = text.index(item["contains"])
        end = start + len(item["contains"])
        covering = [f for f in seed_analysis.flags if min(f.end, end) - max(f.start, start) >= (end - start) / 2]
        assert covering, item
        expected_voice = item["voice"].lower().replace("-", " ")
        assert any(f.voice.lower().replace("-", " ") == expected_voice for f in covering), (item, covering)


@pytest.mark.parametrize("needle", SEED_FLAGS_NOT_EXPECTED)
def test_seed_place_names_are_not_flagged(seed_analysis, needle):
    text = seed_analysis.article.text
    position = 0
    while (start := text.find(needle, position)) >= 0:
        end = start + len(needle)
        assert not any(f.start < end and start < f.end and f.technique == "Name_Calling,Labeling"
                       for f in seed_analysis.flags), needle
        position = end


@pytest.mark.parametrize(("first", "second"), [
    ("the Rapid Support Forces", "Sudan"),
    ("Hamas", "the Israel Defense Forces"),
    ("the People's Defence Force", "the Tatmadaw"),
])
@pytest.mark.parametrize("frame", [
    "{X} unleashed a brutal campaign of terror against {Y}, witnesses said.",
    "“{Y} will be wiped off the map,” a commander of {X} told the crowd.",
    "Supporters of {X} said {Y} had lied about everything for years.",
])
def test_span_model_sees_no_names(nlp, first, second, frame):
    """The span model reads names as one placeholder: mirrored sentences get the same spans and scores."""
    from presslens.language.lexicon import load_lexicon
    from presslens.language.masking import name_runs
    from presslens.language.rules import word_candidates
    from presslens.language.span_model import load_model, token_probabilities

    lexicon, model = load_lexicon(), load_model()

    def scores(text):
        doc = nlp(text[0].upper() + text[1:])
        runs = name_runs(doc)
        named = {i for a, b in runs for i in range(a, b)}
        values = token_probabilities(doc, lexicon, word_candidates(doc, lexicon), model, runs)
        return [round(v, 6) for i, v in enumerate(values) if i not in named or (i - 1) not in named]

    assert scores(frame.format(X=first, Y=second)) == scores(frame.format(X=second, Y=first))


@pytest.mark.parametrize(("first", "second"), [
    ("the Arakan Army", "the Tatmadaw"),
    ("the Polisario Front", "Morocco"),
    ("the Rapid Support Forces", "the SAF"),
])
def test_span_technique_sees_no_words_inside_names(nlp, first, second):
    """The technique model reads a name as one placeholder too: 'Army' or 'Forces' inside a name is no
    lexicon word, so a span naming either side gets the same features."""
    from presslens.language.lexicon import load_lexicon
    from presslens.language.masking import name_runs
    from presslens.language.span_features import rule_marks
    from presslens.language.span_model import span_features

    lexicon = load_lexicon()

    def features(side):
        doc = nlp(f"Police arrested five men they accused of spying for {side}.")
        named = {i for a, b in name_runs(doc) for i in range(a, b)}
        start = next(t.i for t in doc if t.lower_ == "five")
        return span_features(doc, start, len(doc) - 1, lexicon, rule_marks(doc, []), named)

    assert features(first) == features(second)
