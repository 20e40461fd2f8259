"""Speaker resolution (names, pronouns, role nouns, appositions) and the ``speakers`` query and command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from presslens.core.readers import make_article
from presslens.core.schema import Analysis
from presslens.quotes.extract import extract_quotes
from presslens.quotes.speakers import clean_name, name_pieces
from presslens.store.speakers import speaker_counts
from presslens.store.sqlite import Store


def speakers_in(nlp, text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(nlp(text)) if not q.continues]


# text, the speaker of each attribution in order
RESOLUTION = [
    pytest.param("Maria Keller arrived late. She said the road was closed.", ["Maria Keller"],
                 id="she-after-name"),
    pytest.param("“We will stay,” he said.\n\nDaniel Novak said the talks would go on.",
                 ["Daniel Novak", "Daniel Novak"], id="he-before-name"),
    pytest.param("Elena Marsh said the port was calm. Marsh added that ships were waiting.",
                 ["Elena Marsh", "Elena Marsh"], id="surname"),
    pytest.param("Jonas Weber, the Tarnholm harbour official, said ships were waiting. "
                 "The official said the port would reopen.", ["Jonas Weber", "Jonas Weber"], id="role-noun"),
    pytest.param("The spokesman, Daniel Novak, said the port would reopen.", ["Daniel Novak"],
                 id="name-in-apposition"),
    pytest.param("Dr. Elena Marsh said the clinic was full.", ["Elena Marsh"], id="title-is-not-name"),
    pytest.param("Maria Keller met Jonas Weber. Weber said the deal was close, and Keller said it was not.",
                 ["Jonas Weber", "Maria Keller"], id="two-people"),
    pytest.param("The deal failed, according to the United Nations.", ["United Nations"], id="article-stripped"),
    pytest.param("Sources said the minister would resign.", ["Sources"], id="generic-source"),
    pytest.param("It said the plan would fail.", [None], id="unresolvable-pronoun"),
]


@pytest.mark.parametrize(("text", "expected"), RESOLUTION)
def test_speaker_resolution(nlp, text, expected):
    assert speakers_in(nlp, text) == expected


def test_role_and_affiliation_from_apposition(nlp):
    text = ("Tomas Brell, deputy head of the Valdoria Farmers Union, said prices would rise.\n\n"
            "“We cannot wait,” he said.")
    quotes = extract_quotes(nlp(text))
    assert {q.speaker for q in quotes} == {"Tomas Brell"}
    assert all(q.speaker_role == "deputy head of the Valdoria Farmers Union" for q in quotes)
    assert all(q.speaker_affiliation == "Valdoria Farmers Union" for q in quotes)
    assert quotes[0].speaker_mention == "Tomas Brell, deputy head of the Valdoria Farmers Union"


@pytest.mark.parametrize(("raw", "clean"), [
    ("the United Nations", "United Nations"), ("Hamas’", "Hamas"), ("Israel's", "Israel"), ("The Post", "Post"),
    ("Theo Marsh", "Theo Marsh"),
])
def test_clean_name(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize(("name", "pieces"), [
    ("Saleh Al-Arouri", ("saleh", "al", "arouri")), ("Gen. Oren Dask", ("oren", "dask")), ("UN", ("un",)),
])
def test_name_pieces(name, pieces):
    assert name_pieces(name) == pieces


ARTICLES = [
    ("Tarnholm Daily", "Elena Marsh said the dam would hold. “It is safe,” Marsh added."),
    ("Tarnholm Daily", "Elena Marsh said the water was falling."),
    ("Valdoria Post", "Elena Marsh said the river was calm, and Jonas Weber said the roads were open."),
    ("Valdoria Post", "It said the plan would fail."),
]


@pytest.fixture(scope="module")
def quote_store(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("speakers") / "quotes.sqlite"
    with Store(path) as store:
        for outlet, text in ARTICLES:
            article = make_article(text, source="<test>", outlet=outlet)
            store.add(Analysis(article=article, quotes=tuple(extract_quotes(nlp(text)))))
    return path


def test_speaker_counts_by_outlet(quote_store):
    with Store(quote_store, create=False) as store:
        rows = speaker_counts(store)
    table = {(r["speaker"], r["outlet"]): (r["quotes"], r["articles"]) for r in rows}
    assert table == {("Elena Marsh", "Tarnholm Daily"): (3, 2), ("Elena Marsh", "Valdoria Post"): (1, 1),
                     ("Jonas Weber", "Valdoria Post"): (1, 1)}
    assert rows[0]["speaker"] == "Elena Marsh" and rows[0]["direct"] == 1 and rows[0]["indirect"] == 2


def test_speaker_counts_filters(quote_store):
    with Store(quote_store, create=False) as store:
        only_post = speaker_counts(store, outlet="Valdoria Post")
        with_unresolved = speaker_counts(store, include_unresolved=True)
    assert {r["outlet"] for r in only_post} == {"Valdoria Post"}
    assert len(only_post) == 2
    assert any(r["speaker"] is None for r in with_unresolved)


def test_speakers_command(quote_store):
    result = subprocess.run([sys.executable, "-m", "presslens", "speakers", "--db", str(quote_store), "--json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["speaker"] == "Elena Marsh" and rows[0]["quotes"] == 3
    table = subprocess.run([sys.executable, "-m", "presslens", "speakers", "--db", str(quote_store)],
                           capture_output=True, text=True, timeout=120)
    assert "Jonas Weber" in table.stdout


def test_speakers_command_without_store(tmp_path):
    result = subprocess.run([sys.executable, "-m", "presslens", "speakers", "--db", str(tmp_path / "none.sqlite")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "no store" in result.stderr


@pytest.mark.parametrize("sentence, kind", [
    ("Armenia demanded that Azerbaijan release the prisoners.", "organization"),
    ("Azerbaijan demanded that Armenia release the prisoners.", "organization"),
    ("The rebels said the talks had failed.", "organization"),
    ("The government said the talks had failed.", "organization"),
    ("A rebel said the talks had failed.", None),
])
def test_states_and_organised_groups_speak_as_organizations(analyze_text, sentence, kind):
    """A state is never a person whatever the entity tagger says; plural groups speak as groups."""
    quotes = analyze_text(sentence).quotes
    assert [q.speaker_kind for q in quotes] == [kind]


@pytest.mark.parametrize("sentence, owner", [
    # a state's ministry is never a speaker named 'ministry' (which would be one speaker for every state's)
    ("The Russian defence ministry said its forces had struck military targets.", "Russian"),
    ("Ukraine's defence ministry said its forces had struck military targets.", "Ukraine"),
    ("China's foreign ministry said the vessel had intruded into Chinese waters.", "China"),
    ("The Kenyan foreign ministry said the talks had failed.", "Kenyan"),
])
def test_a_lower_case_word_is_no_speaker_s_name(analyze_text, sentence, owner):
    """The tagger may call a lower-case noun a proper one ('ministry'); a name is written with a capital."""
    quote = analyze_text(sentence).quotes[0]
    assert quote.speaker != "ministry" and owner in (quote.speaker or "")


def test_two_states_ministries_are_two_speakers(analyze_text):
    ids = {analyze_text(s).quotes[0].speaker_entity_id or analyze_text(s).quotes[0].speaker for s in (
        "The Russian defence ministry said its forces had struck military targets.",
        "Ukraine's defence ministry said its forces had struck military targets.")}
    assert len(ids) == 2


@pytest.mark.parametrize("sentence, speaker", [
    # a force or a guard that speaks through its office is a source 'according to' which something is told
    ("According to the Philippine coast guard, two crew members were injured.", "coast guard"),
    ("Two crew members were injured, according to the Chinese coast guard.", "coast guard"),
    ("Two sailors were rescued, according to the navy.", "navy"),
    ("Three officers were wounded, according to the national guard.", "national guard"),
])
def test_according_to_a_guard_or_a_navy(analyze_text, sentence, speaker):
    quotes = analyze_text(sentence).quotes
    assert len(quotes) == 1 and speaker in (quotes[0].speaker or "").lower()



@pytest.mark.parametrize("text, speaker", [
    # a dateline ('DHAKA —', 'WASHINGTON (AP) —') says where the story was filed; it is no part of the sentence
    ("DHAKA — Bangladesh's interim leader Muhammad Yunus said on Monday that elections would be held next year.",
     "Muhammad Yunus"),
    ("CARACAS — Venezuela's opposition claimed victory in Sunday's election.", "Venezuela's opposition"),
    ("KYIV — Ukraine's foreign minister Andrii Sybiha said Russia had rejected the proposal.", "Andrii Sybiha"),
    ("MOSCOW — Russia's foreign minister Sergei Lavrov said Ukraine had rejected the proposal.", "Sergei Lavrov"),
    ("BUDAPEST, Feb 18 (Reuters) - Hungary's foreign minister Peter Szijjarto said the sanctions had failed.",
     "Peter Szijjarto"),
])
def test_a_dateline_is_no_speaker(analyze_text, text, speaker):
    quote = analyze_text(text).quotes[0]
    assert quote.speaker == speaker
    assert not text[quote.start:quote.end].startswith(text.split()[0])


def test_a_dateline_is_still_where_the_story_was_filed(analyze_text):
    analysis = analyze_text("DHAKA — Bangladesh's interim leader Muhammad Yunus said elections would be held.")
    assert any(p.text == "DHAKA" and p.country for p in analysis.places)
