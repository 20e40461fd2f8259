"""Speakers across the whole article (issue 13): written check sentences about fictional people.

Each construction is tried with two different people (and both genders) so the same construction
gets the same treatment whoever it is about. Failures found later are added as new cases.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from presslens.core.readers import make_article
from presslens.core.schema import Analysis
from presslens.quotes.cues import FUNCTION_WORDS
from presslens.quotes.extract import extract_quotes
from presslens.quotes.speaker_report import speaker_shares, word_speaker
from presslens.store.speakers import speaker_counts
from presslens.store.sqlite import Store

from .conftest import shared_path


def first_speakers(nlp, text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(nlp(text)) if not q.continues]


def quote_on(nlp, text: str, words: str):
    """The record whose content holds ``words``."""
    start = text.index(words)
    return next(q for q in extract_quotes(nlp(text)) if q.start <= start < q.end)


CASES = [
    # gender agreement picks the antecedent, not the nearest name
    pytest.param("Ms. Ilse Varga met Mr. Tomas Brandt on Monday. She said the talks had failed.",
                 "the talks", "Ilse Varga", id="she-skips-nearer-man"),
    pytest.param("Mr. Tomas Brandt met Ms. Ilse Varga on Monday. He said the talks had failed.",
                 "the talks", "Tomas Brandt", id="he-skips-nearer-woman"),
    # a person named inside the quotation is its topic, not its speaker
    pytest.param("Anna Petrov spoke after the vote.\n\n“Karl Moser has never read the bill,” she said.",
                 "has never read", "Anna Petrov", id="name-inside-quote-not-speaker"),
    pytest.param("Karl Moser spoke after the vote.\n\n“Anna Petrov has never read the bill,” he said.",
                 "has never read", "Karl Moser", id="name-inside-quote-not-speaker-mirror"),
    # cataphora: the pronoun comes a paragraph before the name
    pytest.param("“The bridge will open in May,” she added.\n\nRuth Okafor, the transport minister, said on "
                 "Tuesday that the work was on time.", "The bridge", "Ruth Okafor", id="cataphora-she"),
    pytest.param("“The bridge will open in May,” he added.\n\nSamuel Adeyemi, the transport minister, said on "
                 "Tuesday that the work was on time.", "The bridge", "Samuel Adeyemi", id="cataphora-he"),
    # a speaker named after the cue, with a role noun before the name
    pytest.param("“Stress builds slowly,” says psychologist Nadia Kerr.", "Stress", "Nadia Kerr",
                 id="says-role-name"),
    pytest.param("“Stress builds slowly,” says economist Pavel Ruzicka.", "Stress", "Pavel Ruzicka",
                 id="says-role-name-mirror"),
    # other verbs of communication with a pronoun source
    pytest.param("Lina Osei, a spokeswoman for the port, declined to give details.\n\n“We are reviewing the "
                 "file,” she emailed.", "We are reviewing", "Lina Osei", id="she-emailed"),
    # 'the spokesman' goes to the person whose role it is
    pytest.param("Oren Dask, a spokesman for the Tarnholm council, said the roads were open. Later the "
                 "spokesman said the bridge was closed.", "the bridge", "Oren Dask", id="role-noun"),
    # 'they' after a group named as a subject
    pytest.param("Labour economists say the plan is vague. It could leave out single parents, they say.",
                 "It could leave out", "Labour economists", id="they-after-group"),
    # a name the headline-case title line gives is not a speaker's name
    pytest.param("Mayor Vera Holm Thanks Voters After Narrow Win\n\n“It was a long night,” Holm said.",
                 "It was a long night", "Holm", id="headline-line-not-name"),
    # the possessor of a person noun is not the antecedent of her/his
    pytest.param("Mr. Ivo Marek's wife stood at the gate. She said the guards were calm.", "the guards", None,
                 id="possessor-of-person-noun"),
]


@pytest.mark.parametrize("text", [
    "I said the talks had failed.",
    "They said the talks had failed.",
    "Some said the talks had failed.",
    "Most agreed that the talks had failed.",
    "You know the talks have failed.",
    "The decision to close the port shows the weakness of the council.",
])
def test_no_pronoun_or_function_word_is_a_speaker(nlp, text):
    quotes = extract_quotes(nlp(text))
    assert quotes, "the attribution itself is still found"
    for quote in quotes:
        assert quote.speaker is None and quote.speaker_status in ("unresolved", "none")
        assert not word_speaker(quote)
        if quote.speaker_status == "unresolved":
            assert quote.speaker_mention, "the surface is kept"


def test_statuses(nlp):
    text = ("Someone said the bridge was shut. Ms. Ilse Varga said the port was open. Two officials said the "
            "road was closed. It is expected to rain.")
    by_status = sorted(q.speaker_status for q in extract_quotes(nlp(text)))
    assert set(by_status) == {"described", "named", "none", "unresolved"}


def test_nested_attribution_keeps_both_levels(nlp):
    text = "Omar Haddad said that Ruth Klein told him the border would reopen."
    inner = next(q for q in extract_quotes(nlp(text)) if q.cue == "told")
    assert inner.speaker == "Ruth Klein" and inner.outer_speaker == "Omar Haddad"
    outer = next(q for q in extract_quotes(nlp(text)) if q.speaker == "Omar Haddad")
    assert outer.outer_speaker is None


def test_bracketed_insertion_and_ellipsis_are_the_outlet_s(nlp):
    text = "“They [the rebels] will not stop … until the end,” said Sara Lind."
    quote = quote_on(nlp, text, "will not stop")
    marks = [text[int(a):int(b)] for a, b in (s.split("-") for s in quote.outlet_spans)]
    assert marks == ["[the rebels]", "…"]
    assert quote.speaker == "Sara Lind"
    unquoted = quote_on(nlp, "Sara Lind said the rebels [sic] would stop.", "the rebels")
    assert unquoted.outlet_spans == (), "only marks inside a quotation are the outlet's"


def test_seed_insertion_is_the_outlet_s(nlp):
    path = shared_path("seed/article.txt")
    text = path.read_text(encoding="utf-8")
    quote = quote_on(nlp, text, "The proliferation of the Resistance")
    marks = [text[int(a):int(b)] for a, b in (s.split("-") for s in quote.outlet_spans)]
    assert marks == ["[within the ranks of occupation]"]
    assert "Arouri" in (quote.speaker or "")


def test_speaker_entity_id_is_one_identity_across_names_and_articles(nlp, tmp_path):
    texts = [("Valdoria Post", "Ms. Ilse Varga said the port was open. Varga said the road was closed."),
             ("Tarnholm Daily", "Ilse Varga, the port director, said ships were waiting.")]
    ids = {q.speaker_entity_id for _, t in texts for q in extract_quotes(nlp(t))}
    assert len(ids) == 1 and None not in ids
    other = {q.speaker_entity_id for q in extract_quotes(nlp("Tomas Brandt said the port was open."))}
    assert other.isdisjoint(ids)
    with Store(tmp_path / "s.sqlite") as store:
        for outlet, text in texts:
            store.add(Analysis(article=make_article(text, source="<test>", outlet="Wire"),
                               quotes=tuple(extract_quotes(nlp(text)))))
        rows = speaker_counts(store)
    assert [(r["speaker"], r["quotes"], r["articles"]) for r in rows] == [("Ilse Varga", 3, 2)]


def test_speaker_shares_add_up(nlp):
    quotes = extract_quotes(nlp("They said the road was closed. Ms. Ilse Varga said the port was open. "
                                "Two officials said the bridge was shut."))
    shares = speaker_shares(quotes)
    assert shares["records"] == 3 and shares["pronoun_or_word_speakers"] == 0
    total = shares["named_share"] + shares["described_share"] + shares["unresolved_share"] + shares["no_source_share"]
    assert total == pytest.approx(1.0)
    assert shares["unresolved_share"] == pytest.approx(1 / 3)


JUDGED_FILES = {"judged_quotes.jsonl": ("eval/attribution/dev.jsonl", 200),
                "heldout_quotes_ptc.jsonl": ("eval/propaganda/dev.jsonl", 60)}
"""Judged quote samples: the gold file whose texts they were drawn from, and their size."""


@pytest.mark.parametrize("name", sorted(JUDGED_FILES))
def test_judged_sample_file_holds_no_article_text(name):
    """The judged sample stores ids, offsets and verdicts only; the text is read from ../shared."""
    path = Path(__file__).parent / "data" / name
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= JUDGED_FILES[name][1]
    allowed = {"article", "start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end", "speaker",
               "speaker_verdict", "content_verdict", "reason"}
    rounds = re.compile(r"(speaker|speaker_verdict|reason)_after\d*")  # one field of each per judging round
    verdicts = {"right", "wrong-name", "wrong-word", "unresolved-ok", "unresolved-missed", "not-attribution"}
    for row in rows:
        assert all(key in allowed or rounds.fullmatch(key) for key in row)
        assert all(row[key] in verdicts for key in row if key.startswith("speaker_verdict"))
        assert all(len(str(row[key] or "")) < 120 for key in row if key.startswith(("reason", "speaker")))


@pytest.mark.parametrize("name", sorted(JUDGED_FILES))
def test_judged_sample_offsets_fit_the_articles(name):
    dev = shared_path(JUDGED_FILES[name][0])
    texts = {str(r["id"]): r["text"] for r in map(json.loads, dev.read_text(encoding="utf-8").splitlines())}
    path = Path(__file__).parent / "data" / name
    for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
        assert 0 <= row["start"] < row["end"] <= len(texts[row["article"]])


def test_held_out_quote_sample_still_gives_each_right_speaker():
    """Re-running presslens on the held-out PTC sample: every record whose speaker was judged right in the
    latest round still gets that speaker (the one wrong name left, 'he said' given to Hitler, is not fixed)."""
    shared_path("eval/propaganda/dev.jsonl")  # skips with a message where ../shared is absent
    import importlib.util

    spec = importlib.util.spec_from_file_location("judge_quotes", Path(__file__).parents[1] / "scripts" /
                                                  "judge_quotes.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    rows = script._read(Path(__file__).parent / "data" / "heldout_quotes_ptc.jsonl")
    now = script.today(rows, script.ROOT.parent / "shared" / "eval" / "propaganda" / "dev.jsonl")
    suffix = script._latest_round(rows[0])
    for row, record in zip(rows, now):
        speaker = record.speaker if record is not None else None
        if row["speaker_verdict" + suffix] == "right":
            assert speaker == row["speaker" + suffix], row


def test_function_words_hold_no_names():
    assert {"trump", "clinton", "hamas", "israel"}.isdisjoint(FUNCTION_WORDS)


# Wrong named speakers found in the judged sample (round 3), each rebuilt in new sentences about
# fictional people and places; where the article gives no one, no name is the right answer.
WRONG_NAME_CASES = [
    # a quotation whose opening mark the parse leaves at the end of the sentence before belongs to its own cue
    pytest.param("Ms. Lena Varga argues there is little reason for Tarnholm to respond now to the new tariffs. "
                 "''We must not overreact to campaign talk,'' she told me.", "We must not overreact", "Lena Varga",
                 id="opening-mark-ends-previous-sentence"),
    pytest.param("Mr. Karl Moser argues there is little reason for Valdoria to respond now to the new tariffs. "
                 "''We must not overreact to campaign talk,'' he told me.", "We must not overreact", "Karl Moser",
                 id="opening-mark-ends-previous-sentence-mirror"),
    # 'it' is the institution just named as a subject, not an earlier organisation source
    pytest.param("The Valdoria Courier reported that exports fell. Many growers share these fears, but the "
                 "Tarnholm Farmers Coalition wants to keep its policy. Recently, however, it said the tariff "
                 "would hurt exports.", "the tariff would hurt", "Tarnholm Farmers Coalition", id="it-subject-body"),
    # 'they' after a group named as an object, with an organisation source further back
    pytest.param("The Tarnholm Council said on Monday that the prison was safe.\n\nThe Courier interviewed more "
                 "than twenty former guards and nurses. They described harsh treatment of the prisoners.",
                 "harsh treatment", "more than twenty former guards and nurses", id="they-object-group"),
    # a participle's source is its noun (singers writing songs), so the named person is no source there
    pytest.param("While Anna Petrov had many singers writing songs about her, that has not happened for Karl "
                 "Moser, which worries Ivo Marek, head of the Moser campaign in Tarnholm.\n\n“Nobody sings for "
                 "Karl,” he said.", "Nobody sings", "Ivo Marek", id="participle-not-a-named-source"),
    # a role noun goes to someone known by that role (here named after it), not to the last man named
    pytest.param("The party chairman, Ivo Marek, said he had not seen the letter.\n\nThe state attorney general "
                 "is confirming that the fund is not registered.\n\nBut Attorney General Ruth Okafor is not "
                 "saying whether the fund broke any laws.", "the fund is not registered", "Ruth Okafor",
                 id="role-noun-needs-the-role"),
    pytest.param("The party chairwoman, Ilse Varga, said she had not seen the letter.\n\nThe state attorney "
                 "general is confirming that the fund is not registered.\n\nBut Attorney General Samuel Adeyemi "
                 "is not saying whether the fund broke any laws.", "the fund is not registered",
                 "Samuel Adeyemi", id="role-noun-needs-the-role-mirror"),
    # 'He' after an unnamed role subject ('The candidate proposes …') is that candidate, not an earlier analyst
    pytest.param("Tomas Brandt, an analyst at the Tarnholm Institute, said the plan was vague. The Tarnholm "
                 "candidate proposes a tax credit for parents. He also wants to extend paid leave to fathers.",
                 "to extend paid leave", None, id="pronoun-after-unnamed-role-subject"),
    pytest.param("Ilse Varga, an analyst at the Tarnholm Institute, said the plan was vague. The Tarnholm "
                 "candidate proposes a tax credit for parents. She also wants to extend paid leave to mothers.",
                 "to extend paid leave", None, id="pronoun-after-unnamed-role-subject-mirror"),
]


# Wrong named speakers found reading the demo's output (examples/05), rebuilt about other people.
DEMO_CASES = [
    # a person the entity tagger misses, named after a title, is the antecedent of the next 'she said'
    pytest.param("Mr. Tomas Brandt spoke first.\n\nTarnholm's Chancellor Odile Farquar thanked the rescuers. "
                 "\"We owe them everything,\" she said in a broadcast.", "We owe them", "Odile Farquar",
                 id="titled-untagged-person-is-antecedent"),
    pytest.param("Ms. Ilse Varga spoke first.\n\nTarnholm's Chancellor Berto Quillane thanked the rescuers. "
                 "\"We owe them everything,\" he said in a broadcast.", "We owe them", "Berto Quillane",
                 id="titled-untagged-person-is-antecedent-mirror"),
    # a name after a person's role word ('coordinator') is a person, even where the tagger says organisation
    pytest.param("Ms. Ilse Varga opened the meeting. “The next days are critical,” said relief coordinator "
                 "Anouk Terrin. She urged both governments to keep the crossing open.", "both governments",
                 "Anouk Terrin", id="role-word-makes-a-person"),
    pytest.param("Mr. Tomas Brandt opened the meeting. “The next days are critical,” said relief coordinator "
                 "Joost Verhallen. He urged both governments to keep the crossing open.", "both governments",
                 "Joost Verhallen", id="role-word-makes-a-person-mirror"),
    # 'the chancellor' is the person named with that title, though the tagger missed the name
    pytest.param("Tarnholm's Chancellor Odile Farquar thanked the rescuers.\n\nForecasters expect rain. The "
                 "chancellor said her government would rebuild the bridge.", "would rebuild", "Odile Farquar",
                 id="role-noun-to-titled-untagged-person"),
    pytest.param("Tarnholm's Chancellor Berto Quillane thanked the rescuers.\n\nForecasters expect rain. The "
                 "chancellor said his government would rebuild the bridge.", "would rebuild", "Berto Quillane",
                 id="role-noun-to-titled-untagged-person-mirror"),
    # a surname the tagger reads as an organisation is still the person ('Halvik struck a cautious note')
    pytest.param("The talks bring together Foreign Minister Ilse Marovic and the Front's negotiator, Joren Halvik."
                 "\n\n“Today we chose people over maps,” Marovic told journalists.\n\nHalvik struck a cautious "
                 "note. \"We signed because families have waited too long,\" he said.", "We signed", "Joren Halvik",
                 id="surname-tagged-as-organisation"),
    pytest.param("The talks bring together Foreign Minister Tomas Reddane and the Front's negotiator, Odile "
                 "Farquar.\n\n“Today we chose people over maps,” Reddane told journalists.\n\nFarquar struck a "
                 "cautious note. \"We signed because families have waited too long,\" she said.", "We signed",
                 "Odile Farquar", id="surname-tagged-as-organisation-mirror"),
    # the subject of a sourceless 'is expected to' is the outlet's topic, so a later 'he said' may be that person
    pytest.param("Its director, Lene Oskarsen, said the cuts were unavoidable.\n\nLabour Minister Dario Fenwright "
                 "is expected to meet both sides on Wednesday. He said on Monday that he was \"confident a fair "
                 "compromise can be found.\"", "confident a fair", "Dario Fenwright",
                 id="subject-of-is-expected-is-antecedent"),
    pytest.param("Its director, Dario Fenwright, said the cuts were unavoidable.\n\nLabour Minister Lene Oskarsen "
                 "is expected to meet both sides on Wednesday. She said on Monday that she was \"confident a fair "
                 "compromise can be found.\"", "confident a fair", "Lene Oskarsen",
                 id="subject-of-is-expected-is-antecedent-mirror"),
    # a sentence of capitalised words ending in a full stop is no headline: its names are antecedents
    pytest.param("Tomas Brandt is making it happen.\nKarl Moser Senior is the Secretary of State of Tarnholm.\n"
                 "He wrote that these laws violate due process.", "these laws violate", "Karl Moser Senior",
                 id="capitalised-sentence-is-no-headline"),
    pytest.param("Ilse Varga is making it happen.\nAnna Petrov Brandt is the Secretary of State of Tarnholm.\n"
                 "She wrote that these laws violate due process.", "these laws violate", "Anna Petrov Brandt",
                 id="capitalised-sentence-is-no-headline-mirror"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES + WRONG_NAME_CASES + DEMO_CASES)
def test_speaker_across_the_article(nlp, text, words, speaker):
    assert quote_on(nlp, text, words).speaker == speaker


@pytest.mark.parametrize("text", [
    "Firms may bring money home rather than risk new rules abroad (think Tarnholm, for example).",
    "But in July, Brandt Mining failed as predicted.",
])
def test_no_name_for_asides_and_sourceless_as_clauses(nlp, text):
    assert all(q.speaker is None for q in extract_quotes(nlp(text)))


def test_a_state_name_is_not_stretched_to_a_longer_name_ending_in_it(nlp):
    text = "Say Mexico Now, a slogan, spread fast.\n\nMexico said the tariffs were unfair."
    assert quote_on(nlp, text, "the tariffs").speaker == "Mexico"


@pytest.mark.parametrize("text", ["Mr. Oren Dask says he will try to persuade the mills to agree to lower prices.",
                                  "Ms. Nadia Kerr says she will try to persuade the mills to agree to lower prices."])
def test_an_infinitive_after_an_object_is_the_object_s(nlp, text):
    """persuade the mills to agree: the mills agree, not the person persuading them."""
    agree = next(q for q in extract_quotes(nlp(text)) if q.cue == "agree")
    assert agree.speaker is None and agree.speaker_mention == "the mills"


def test_a_title_alone_is_no_name(nlp):
    quote = quote_on(nlp, "Judge rejects Tarnholm Courier request to open the file.\n\nA judge said no.", "Tarnholm")
    assert quote.speaker_status == "described" and quote.speaker_entity_id is None


def test_a_surname_that_is_also_a_title_is_a_name(nlp):
    quote = quote_on(nlp, "Mr. Arnold King, a talk-show host, spoke on Monday. Mr. King said the show would end.",
                     "the show would end")
    assert quote.speaker_status == "named" and quote.speaker.endswith("King")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Hamas arrested five men it accused of spying for Israel.", "Hamas"),
    ("Israel arrested five men it accused of spying for Hamas.", "Israel"),
    ("The Tarnholm Front arrested five men it accused of spying for Valdoria.", "Tarnholm Front"),
    ("Valdoria arrested five men it accused of spying for the Tarnholm Front.", "Valdoria"),
])
def test_it_is_the_body_just_named_whoever_it_is(nlp, text, speaker):
    """The same construction about a state, a movement, a known or an unknown name: the same answer."""
    assert quote_on(nlp, text, "of spying").speaker == speaker


@pytest.mark.parametrize("text", [
    "“The next days are critical,” said relief coordinator Anouk Terrin, “because people return too soon.” "
    "She urged both governments to keep the crossing open.",
    "“The next days are critical,” said Joost Verhallen, “because people return too soon.” "
    "He called on both governments to keep the crossing open.",
])
def test_a_cue_with_its_own_content_does_not_take_the_quotation_before_it(nlp, text):
    """The closing quotation is the first speaker's; 'urged …' has its own content."""
    records = [q for q in extract_quotes(nlp(text)) if "return too soon" in q.text]
    assert [q.cue for q in records] == ["said"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Some 9,000 people marched in 40 towns, according to the event coordinator Tarnholm Alliance for Schools.",
     "organization"),
    ("Some 9,000 people marched in 40 towns, according to the event coordinator Anouk Terrin.", "person"),
    ("Some 9,000 people marched in 40 towns, according to the event coordinator Joost Verhallen.", "person"),
])
def test_a_role_word_before_a_name_makes_a_person_unless_the_name_is_an_institution(nlp, text, kind):
    assert [q.speaker_kind for q in extract_quotes(nlp(text))] == [kind]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Relief coordinator Anouk Terrin said field clinics were overwhelmed and called on both sides to let "
     "ambulances through.", "Anouk Terrin"),
    ("Relief coordinator Joost Verhallen said the clinics were full and called on both sides to let ambulances "
     "through.", "Joost Verhallen"),
])
def test_a_cue_joined_to_a_reported_clause_about_things_is_the_reporter_s(nlp, text, speaker):
    """The parse hangs 'called on' on the reported clause; clinics call on no one, so the reporter does."""
    calls = [q for q in extract_quotes(nlp(text)) if q.cue == "called on"]
    assert [q.speaker for q in calls] == [speaker]


def test_a_cue_joined_to_a_reported_clause_about_people_stays_theirs(nlp):
    text = "Anouk Terrin said the ministers met on Monday and called on both sides to let ambulances through."
    calls = [q for q in extract_quotes(nlp(text)) if q.cue == "called on"]
    assert calls and all(q.speaker != "Anouk Terrin" for q in calls)


@pytest.mark.parametrize("text", [
    "Anouk Terrin said the agency has published thousands of reports, and now the agency is accused of hiding "
    "the figures.",
    "Joost Verhallen said the council has released every budget, and now the council is accused of hiding the "
    "figures.",
])
def test_a_passive_cue_joined_to_a_reported_clause_names_no_accuser(nlp, text):
    """'… and now X is accused of …': the accuser is unnamed, not the person reporting the clause before it."""
    accusations = [q for q in extract_quotes(nlp(text)) if q.cue == "accused"]
    assert accusations and all(q.speaker is None for q in accusations)


@pytest.mark.parametrize(("text", "speaker"), [
    ('Chris Dunmore, the mayor, met Ms. Amara Reyes on Monday, and she said: "The port will stay open."',
     "Amara Reyes"),
    ('Robin Achterberg, the mayor, met Mr. Joost Verhallen on Monday, and he said: "The port will stay open."',
     "Joost Verhallen"),
    ('Mr. Sam Okafor, the governor, met Mrs. Anouk Terrin on Friday, and he said: "The talks are over."',
     "Sam Okafor"),
    ('Mrs. Anouk Terrin, the governor, met Mr. Sam Okafor on Friday, and she said: "The talks are over."',
     "Anouk Terrin"),
])
def test_a_pronoun_goes_to_the_person_known_to_agree_before_one_of_unknown_gender(nlp, text, speaker):
    """'Chris' says nothing of gender, 'Ms.' does: of two people in the pronoun's sentence, the one the
    article shows to agree is its antecedent, subject or not; a subject that agrees stays the antecedent."""
    quotes = [q for q in extract_quotes(nlp(text)) if q.text.startswith('"')]
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize(("text", "words", "speaker"), [
    # a subject pronoun after a person the article introduces without a name stands for that person,
    # not for someone named before ('he' is never the named woman, nor a man named earlier)
    ('"We will return," said one woman, who gave her name as Idunn. Another resident, a 62-year-old farmer, '
     'said the shelling had destroyed his orchard. "Everything is gone," he said.', "Everything", "Another resident"),
    ('"We will return," said Mr. Pavel Ostrov. A neighbour, a retired nurse, said the shelling had not stopped. '
     '"We sleep in the cellar," she said.', "We sleep", "A neighbour"),
    ('Ms. Ilse Varga spoke first. A government spokesman said the border would stay closed. He added: '
     '"Nobody will cross."', "Nobody", "A government spokesman"),
])
def test_a_subject_pronoun_after_an_unnamed_person_stands_for_that_person(nlp, text, words, speaker):
    assert quote_on(nlp, text, words).speaker == speaker


def test_an_object_pronoun_keeps_the_named_antecedent(nlp):
    """'daring him to say …' is about the person named before, not about a nameless source quoted between."""
    text = ("Mr. Tomas Brandt met the committee on Monday. A committee source said the meeting went badly. "
            "One member threatened to summon Brandt, in effect daring him to say that the committee had no right.")
    assert quote_on(nlp, text, "the committee had no right").speaker == "Tomas Brandt"


@pytest.mark.parametrize(("text", "speaker"), [
    # a role with its place or body, then the name: the parse may hang the name on the place
    ('"Nobody expected the river to rise so fast," the mayor of Sindhuli, Ram Thapa, told local radio.', "Ram Thapa"),
    ('"The wells are dry," the governor of Tarnholm province, Odile Marchetti, told reporters.', "Odile Marchetti"),
    ("The head of the agency, Maria Lopez, said funds had run out.", "Maria Lopez"),
])
def test_a_name_after_a_role_of_a_place_or_body_is_the_speaker(nlp, text, speaker):
    assert first_speakers(nlp, text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    # the one who says it in a statement, a letter or a post is the verb's subject
    ("The health ministry said in a statement that 14 people had died in the floods.", "health ministry"),
    ("The Tarnholm Council said in a statement on Sunday that the vote would go ahead.", "Tarnholm Council"),
    # a court rules: what it rules is attributed to it
    ("The court ruled that the detention was unlawful.", "court"),
    ("Judge Anouk Terrin ruled that the evidence could not be used.", "Anouk Terrin"),
])
def test_statements_and_rulings_are_their_authors(nlp, text, speaker):
    found = first_speakers(nlp, text)
    assert len(found) == 1 and speaker in (found[0] or "")


@pytest.mark.parametrize(("text", "speaker"), [
    # an abbreviated rank keeps its full stop: the quotation and its speaker stay one sentence
    ('"The town is under government control," army spokesman Brig. Gen. Paul Odhiambo said.', "Paul Odhiambo"),
    ('"We hold the bridge," said Lt. Col. Amina Yusuf.', "Amina Yusuf"),
    ('"The ship was hit twice," said Capt. Ivan Petrov.', "Ivan Petrov"),
    ('"Nobody was hurt," said Sgt. Maria Keller.', "Maria Keller"),
])
def test_abbreviated_ranks_do_not_end_the_sentence(nlp, text, speaker):
    assert first_speakers(nlp, text) == [speaker]


@pytest.mark.parametrize(("text", "words", "speaker"), [
    # 'the statement said' is the one who issued or said it in the sentence before
    ('The rebels said in a statement that they had taken the town. "Our fighters hold it," the statement said.',
     "Our fighters", "The rebels"),
    ("The Tarnholm Council issued a statement on Monday. The statement said the vote would go ahead.",
     "the vote", "Tarnholm Council"),
    # with no one named as its issuer it stays the statement
    ('A statement was read out on state television. "The border is closed," the statement said.',
     "The border", "the statement"),
])
def test_the_statement_is_its_issuer(nlp, text, words, speaker):
    assert quote_on(nlp, text, words).speaker == speaker
