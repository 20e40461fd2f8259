"""Quotations and attributed claims: sentence tables for each layout, negative cases, the seed article.

Every sentence here is written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from presslens.core.schema import Quote
from presslens.core.structure import extract_paragraphs, extract_sentences
from presslens.quotes.extract import extract_quotes
from presslens.quotes.quotemarks import quote_spans
from presslens.quotes.voice import sentence_voices


@pytest.fixture(scope="module")
def quotes_of(nlp):
    cache: dict[str, list[Quote]] = {}

    def run(text: str) -> list[Quote]:
        if text not in cache:
            cache[text] = extract_quotes(nlp(text))
        return cache[text]

    return run


def covering(quotes: list[Quote], text: str, needle: str) -> list[Quote]:
    start = text.index(needle)
    end = start + len(needle)
    return [q for q in quotes if q.start <= start and end <= q.end]


# text, words the content must hold, speaker, kind, cue
POSITIVE = [
    pytest.param("Maria Keller toured the flooded district on Monday. “We will rebuild the bridge before winter,” "
                 "she said.", "We will rebuild the bridge", "Maria Keller", "direct", "said", id="direct-curly"),
    pytest.param('"The harvest was smaller than last year," said Daniel Novak, a farmer in Valdoria.',
                 "The harvest was smaller", "Daniel Novak", "direct", "said", id="direct-straight-inverted"),
    pytest.param("Elena Marsh said: “The clinic is full. We need more beds. Nobody is listening.”",
                 "The clinic is full. We need more beds. Nobody is listening.", "Elena Marsh", "direct", "said",
                 id="colon-multi-sentence"),
    pytest.param("Jonas Weber told reporters: “The border will stay closed.”", "The border will stay closed",
                 "Jonas Weber", "direct", "told", id="colon-told"),
    pytest.param("Elena Marsh said that the bridge would reopen in May.", "the bridge would reopen in May",
                 "Elena Marsh", "indirect", "said", id="indirect-said-that"),
    pytest.param("Jonas Weber added that the repairs would cost more than planned.",
                 "the repairs would cost more than planned", "Jonas Weber", "indirect", "added", id="indirect-added"),
    pytest.param("The engineer Tomas Brell pointed out the cracks in the northern pillar.",
                 "the cracks in the northern pillar", "Tomas Brell", "indirect", "pointed out", id="pointed-out"),
    pytest.param("The union leader Anna Petrova called on dock workers to stay home on Friday.",
                 "to stay home", "Anna Petrova", "indirect", "called on", id="called-on-to"),
    pytest.param("Anna Petrova warned that the strike could last for weeks.", "the strike could last for weeks",
                 "Anna Petrova", "indirect", "warned", id="warned-that"),
    pytest.param("Daniel Novak said the offer was “an insult to every worker” in the port.",
                 "the offer was “an insult to every worker”", "Daniel Novak", "mixed", "said", id="mixed-partial"),
    pytest.param("According to the Valdoria Grain Board, the harvest fell by a fifth.", "the harvest fell by a fifth",
                 "Valdoria Grain Board", "claim", "According to", id="according-to"),
    pytest.param("Two ferries were delayed, as reported by the Tarnholm Port Authority.", "Two ferries were delayed",
                 "Tarnholm Port Authority", "claim", "as reported by", id="as-reported-by"),
    pytest.param("The Halvessa Red Cross estimates that 3,000 people lost their homes.",
                 "3,000 people lost their homes", "Halvessa Red Cross", "claim", "estimates", id="org-estimates"),
    pytest.param("Maria Keller visited the site. She said the work would finish soon.", "the work would finish soon",
                 "Maria Keller", "indirect", "said", id="pronoun-name-before"),
    pytest.param("“We are ready,” he said.\n\nGeneral Jonas Weber said the troops would stay.", "We are ready",
                 "Jonas Weber", "direct", "said", id="pronoun-name-after"),
    pytest.param("Jonas Weber, a spokesman for the Ferrovale Transport Ministry, said the line was safe. "
                 "The spokesman added that trains would run normally.", "trains would run normally", "Jonas Weber",
                 "indirect", "added", id="role-noun"),
    pytest.param("Tomas Brell-Haddad, deputy head of the Veyrin council, spoke first.\n\n"
                 "Brell-Haddad said the exchange would happen on Sunday.", "the exchange would happen on Sunday",
                 "Tomas Brell-Haddad", "indirect", "said", id="surname-to-full-name"),
    pytest.param("Too often, Elena Marsh said, the river floods the lower town.", "the river floods the lower town",
                 "Elena Marsh", "indirect", "said", id="parenthetical-cue"),
    pytest.param("Talks stalled again on Monday, officials said.", "Talks stalled again on Monday", "officials",
                 "indirect", "said", id="fronted-content"),
    pytest.param("Daniel Novak's claim that the vote was rigged spread quickly.", "that the vote was rigged",
                 "Daniel Novak", "indirect", "claim", id="noun-cue-that"),
    pytest.param("Maria Keller made a pledge to rebuild the port.", "to rebuild the port", "Maria Keller",
                 "indirect", "pledge", id="noun-cue-light-verb"),
    pytest.param("PETROVA: The committee has not seen the report and will not vote on it.",
                 "The committee has not seen the report", "PETROVA", "direct", ":", id="transcript-label"),
    pytest.param("The Valdoria Farmers Union endorsed the new water plan on Monday.", "the new water plan",
                 "Valdoria Farmers Union", "claim", "endorsed", id="stance-endorse"),
    pytest.param("Elena Marsh blamed the drought for the poor harvest.", "the drought for the poor harvest",
                 "Elena Marsh", "indirect", "blamed", id="stance-blame-for"),
    pytest.param("Jonas Weber dismissed the proposal as a gimmick.", "the proposal as a gimmick", "Jonas Weber",
                 "indirect", "dismissed", id="stance-dismiss-as"),
    pytest.param("Elena Marsh attacked Jonas Weber over the water contracts.", "Jonas Weber over the water contracts",
                 "Elena Marsh", "indirect", "attacked", id="stance-attack-in-words"),
    pytest.param("Daniel Novak: Valdoria Will Not Sign the Water Treaty", "Valdoria Will Not Sign",
                 "Daniel Novak", "indirect", ":", id="headline-speaker-label"),
    pytest.param("Orsenna Ministry: Castrell Border Crossings Reopen on Monday", "Castrell Border Crossings",
                 "Orsenna Ministry", "claim", ":", id="headline-organisation-label"),
    pytest.param("“The clinic is full and nobody is listening to us.” ― Maria Keller", "The clinic is full",
                 "Maria Keller", "direct", "―", id="signed-quotation"),
    pytest.param("“We waited three days for the ferry to come back.”— Daniel Novak.", "We waited three days",
                 "Daniel Novak", "direct", "—", id="signed-quotation-close-dash"),
    pytest.param("“The ferry has not come back for three days.” — Olev Tarrant, a retired teacher",
                 "The ferry has not", "Olev Tarrant", "direct", "—", id="signed-quotation-with-role"),
    # after a closing quotation, the noun phrase after the cue is the speaker, however the parser reads it
    pytest.param("“This is a massacre,” tweeted the foreign minister of Norland, Amina Diallo.",
                 "This is a massacre", "Amina Diallo", "direct", "tweeted", id="inverted-tweeted-role-then-name"),
    pytest.param("“This is a massacre,” tweeted the foreign minister of Norland, Eva Strand.", "This is a massacre",
                 "Eva Strand", "direct", "tweeted", id="inverted-tweeted-name-tagged-a-place",
                 marks=pytest.mark.xfail(strict=True, reason="the tagger reads 'Eva Strand' as a place, so the name "
                                         "hung on 'Norland' is no person's and the speaker stays 'the foreign "
                                         "minister' (the same after 'said')")),
    pytest.param("“We will respond,” tweeted the mayor of Halvessa, Daniel Novak.", "We will respond",
                 "Daniel Novak", "direct", "tweeted", id="inverted-tweeted"),
    pytest.param("“The talks failed,” posted the union leader Anna Petrova on Monday.", "The talks failed",
                 "Anna Petrova", "direct", "posted", id="inverted-posted"),
    pytest.param("“Is this what peace looks like?” wrote the Orsenna envoy, Tomas Brell.",
                 "Is this what peace looks like", "Tomas Brell", "direct", "wrote", id="inverted-question-wrote"),
]


@pytest.mark.parametrize(("text", "needle", "speaker", "kind", "cue"), POSITIVE)
def test_attribution_layouts(quotes_of, text, needle, speaker, kind, cue):
    found = covering(quotes_of(text), text, needle)
    assert found, f"no quote covers {needle!r}: {quotes_of(text)}"
    quote = found[0]
    assert quote.speaker == speaker
    assert quote.kind == kind
    assert quote.cue == cue
    assert text[quote.start:quote.end] == quote.text
    assert text[quote.cue_start:quote.cue_end] == quote.cue


def test_a_participle_after_a_quotation_does_not_make_its_object_the_speaker(quotes_of):
    """'“…,” condemning the owners': the owners are condemned, not quoted (only a finite verb of saying inverts)."""
    text = "Maria Keller read out the order, “the ferry must stop,” condemning the owners."
    assert "the owners" not in {q.speaker for q in quotes_of(text)}, quotes_of(text)


def test_quote_split_by_its_cue_is_one_speech_in_two_pieces(quotes_of):
    text = "“The talks failed,” Jonas Weber said, “but we will return next week.”"
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["“The talks failed,”", "“but we will return next week.”"]
    assert {q.speaker for q in quotes} == {"Jonas Weber"}
    assert [q.continues for q in quotes] == [False, True]


@pytest.mark.parametrize("text", [
    pytest.param("Elena Marsh said on Tuesday:\n\n“The first paragraph of the statement runs here.\n\n"
                 "“The second paragraph ends it.”", id="cue-first"),
    pytest.param("“The first paragraph of the statement runs here.\n\n“The second paragraph ends it,” "
                 "said Elena Marsh.", id="cue-last"),
    pytest.param("“The talks failed,” Elena Marsh said. “The second paragraph ends it.”", id="next-sentence"),
])
def test_quotation_continued_across_sentences_and_paragraphs(quotes_of, text):
    quotes = quotes_of(text)
    assert covering(quotes, text, "The second paragraph ends it")
    assert {q.speaker for q in quotes} == {"Elena Marsh"}
    assert sum(q.continues for q in quotes) == len(quotes) - 1 >= 1


NEGATIVE = [
    pytest.param("The so-called “security zone” now covers three villages.", id="scare-quotes"),
    pytest.param("The film “A Long Winter in Tarnholm” opened in three cities last year.", id="title"),
    pytest.param("Daniel “the Bear” Novak won the regional race.", id="nickname"),
    pytest.param("The plan, known locally as “the green line”, was approved in March.", id="quoted-term"),
    pytest.param("The council met on Friday “to discuss the budget.", id="unclosed-mark"),
    pytest.param("The council met ” on Friday and \" left.", id="stray-marks"),
    pytest.param("The Brothers’ council met in Ferrovale, and the workers’ union’s offices stayed closed.",
                 id="apostrophes"),
    pytest.param("Over the past months, the army has intensified attacks against the towns.", id="outlet-voice"),
    pytest.param("After the storm, Maria Keller said nothing.", id="adverbial-is-not-content"),
    pytest.param("The parties that oppose the plan and support the old law met in Tarnholm.", id="stance-verbs"),
    pytest.param("Groups backing the reform marched through Ferrovale.", id="stance-participle"),
    pytest.param("The wall was built to last, and the gate is expected at noon.", id="passive-without-infinitive"),
    pytest.param("“The Long Road Home” ― a film by Maria Keller", id="signed-title-is-not-speech"),
    pytest.param("The soldiers were sent to guard the bridge.", id="passive-of-a-non-cue-verb"),
    pytest.param("A militia called the Northern Shield patrols the valley.", id="called-names-a-group"),
    pytest.param("The visa program, called Gateway-7, gives residency to investors.", id="called-names-a-program"),
    pytest.param("Missile Madness: Valdoria Tests Rockets Near the Orsenna Border", id="headline-kicker"),
    pytest.param("Bread And Butter: Farmers Count the Cost of the Drought in Castrell", id="headline-kicker-2"),
    pytest.param("Another challenge: most towns have missed the deadline to register voters.",
                 id="noun-phrase-label-is-no-speaker"),
    pytest.param("Gunmen attacked the Ferrovale police station, killing two officers.", id="attack-by-force"),
    pytest.param("Valdorian troops attacked the town of Veyrin overnight.", id="attack-on-a-town"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_attribution_without_a_cue(quotes_of, text):
    assert quotes_of(text) == []


@pytest.mark.parametrize(("text", "content"), [
    pytest.param("About a third of the voters are expected to stay home.",
                 ["About a third of the voters", "to stay home"], id="expected-to"),
    pytest.param("The dam is believed to be the oldest in Valdoria.", ["The dam", "to be the oldest in Valdoria"],
                 id="believed-to"),
])
def test_sourceless_passive_attribution(quotes_of, text, content):
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == content
    assert all(q.speaker is None and q.speaker_mention is None for q in quotes)


@pytest.mark.parametrize(("text", "content"), [
    pytest.param("Elena Marsh said the bridge would reopen, citing new figures from the ministry.",
                 "the bridge would reopen", id="participle-clause"),
    pytest.param("Jonas Weber praised the new clinic, which opened in May.", "the new clinic", id="relative-clause"),
    pytest.param("Maria Keller said she would back Daniel Novak, the mayor of Tarnholm.",
                 "she would back Daniel Novak", id="apposition"),
    pytest.param("Maria Keller said the talks would resume in Halvessa, Valdoria.",
                 "the talks would resume in Halvessa, Valdoria", id="place-apposition-kept"),
    pytest.param("Jonas Weber said that the port, which is closed, would reopen.",
                 "that the port, which is closed, would reopen", id="inner-relative-kept"),
])
def test_content_ends_before_a_loose_trailing_modifier(quotes_of, text, content):
    assert [q.text for q in quotes_of(text)][:1] == [content]


@pytest.mark.parametrize(("text", "content"), [
    pytest.param("Elena Marsh wants to repair the bridge, widen the road and build a new school.",
                 "to repair the bridge, widen the road and build a new school", id="infinitive-conjuncts"),
    pytest.param("Maria Keller promised to rebuild the port and reopen the market.",
                 "to rebuild the port and reopen the market", id="infinitive-two-conjuncts"),
    pytest.param("Jonas Weber vowed to cut taxes and left the room.", "to cut taxes", id="finite-conjunct-is-not-content"),
    pytest.param("Jonas Weber wants to cut taxes and hopes to win.", "to cut taxes", id="second-cue-is-not-content"),
    pytest.param("Maria Keller criticized the budget during a visit to Tarnholm.", "the budget",
                 id="circumstance-after-object"),
    pytest.param("Jonas Weber denounced the plan on Monday.", "the plan", id="time-after-object"),
    pytest.param("Maria Keller offered advice to the new mayor.", "advice to the new mayor", id="recipient-kept"),
    pytest.param("Elena Marsh said the port would reopen, although she gave no date.", "the port would reopen",
                 id="concession-cut"),
    pytest.param("Elena Marsh said that the port would reopen once the storm had passed.",
                 "that the port would reopen once the storm had passed", id="inner-adverbial-kept"),
])
def test_content_extent(quotes_of, text, content):
    assert [q.text for q in quotes_of(text)][:1] == [content]


@pytest.mark.parametrize(("text", "content", "mention"), [
    pytest.param("In Elena Marsh's view, the bridge is safe for heavy trucks.", "the bridge is safe for heavy trucks",
                 "Elena Marsh's view", id="in-someones-view"),
    pytest.param("In the new poll, the mayor leads by four points.", "the mayor leads by four points", "the new poll",
                 id="in-the-poll"),
    pytest.param("In the latest Grain Board survey, most farmers favored the water plan.",
                 "most farmers favored the water plan", "the latest Grain Board survey", id="in-the-survey"),
    pytest.param("In the morning, the council met in Tarnholm.", None, None, id="time-is-not-a-viewpoint"),
    pytest.param("In May, the survey was published by the ministry.", None, None, id="document-not-in-the-in-phrase"),
    pytest.param("Her faith in the survey was shaken by the floods.", None, None, id="in-phrase-inside-a-noun-phrase"),
])
def test_viewpoint_frames(quotes_of, text, content, mention):
    frames = [(q.text, q.speaker_mention) for q in quotes_of(text) if q.cue == "In"]
    assert frames == ([(content, mention)] if content else [])


def test_a_viewpoint_phrase_does_not_double_a_reporting_verb(quotes_of):
    text = "In a statement, Jonas Weber said the port was closed."
    assert [(q.cue, q.text) for q in quotes_of(text)] == [("said", "the port was closed")]


@pytest.mark.parametrize(("text", "marks"), [
    ("He said “yes” and ‘no’.", ["“yes”", "‘no’"]),
    ("The ministers’ views differ from Hamas’ statement.", []),
    ("A \"straight\" pair and a ''doubled'' pair.", ['"straight"', "''doubled''"]),
    ("An “open mark with no close.", []),
])
def test_quote_marks(text, marks):
    assert [text[s.start:s.end] for s in quote_spans(text)] == marks


def test_reporting_verbs_inside_a_quotation_are_the_speakers_words(quotes_of):
    text = "“I believe the bridge is safe and we know the risks,” Elena Marsh said."
    quotes = quotes_of(text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Elena Marsh", "said")]


@pytest.mark.parametrize(("text", "voices"), [
    ("The river rose overnight. Elena Marsh said the dam would hold.", ["outlet", "attributed"]),
    ("Jonas Weber said:\n\n“The dam will hold.”", ["attributed", "attributed"]),
    ("The army has intensified attacks. Dozens of people have been arrested.", ["outlet", "outlet"]),
])
def test_sentence_voice(nlp, quotes_of, text, voices):
    doc = nlp(text)
    sentences = extract_sentences(doc, extract_paragraphs(doc))
    result = sentence_voices(doc, sentences, quotes_of(text))
    assert [v.voice for v in result] == voices
    assert all((v.speaker is None) == (v.voice == "outlet") for v in result)


def _seed_quotes(nlp):
    from presslens.core.readers import read_file

    from .conftest import shared_path

    article = next(read_file(shared_path("seed/article.txt")))
    doc = nlp(article.text)
    sentences = extract_sentences(doc, extract_paragraphs(doc))
    quotes = extract_quotes(doc)
    return article.text, quotes, sentence_voices(doc, sentences, quotes)


def test_seed_quotations_claims_and_outlet_voice(nlp, seed_expected):
    from presslens.evaluation.seed import names_match

    text, quotes, voices = _seed_quotes(nlp)

    def half_covered(records, needle):
        start = text.index(needle)
        end = start + len(needle)
        return [r for r in records if min(r.end, end) - max(r.start, start) >= (end - start) / 2]

    for item in seed_expected["quotes"]:
        found = [q for q in half_covered(quotes, item["contains"]) if q.kind != "claim"]
        assert any(names_match(item["speaker"], q.speaker) and q.kind == item["kind"] for q in found), item
    for item in seed_expected["attributed_claims"]:
        found = half_covered(quotes, item["contains"])
        assert any(q.speaker == item["source"] and q.kind == "claim" for q in found), item
    for needle in seed_expected["outlet_voice"]:
        assert not [q for q in half_covered(quotes, needle) if q.speaker], needle
        assert {v.voice for v in half_covered(voices, needle)} == {"outlet"}, needle
    assert {q.speaker for q in quotes if "Arouri" in (q.speaker or "")} == {"Saleh Al-Arouri"}


@pytest.mark.parametrize(("text", "inner"), [
    pytest.param("Ruth Okafor said the Tarnholm council plans to close the port in May.", "plans",
                 id="intent-inside-reported-content"),
    pytest.param("Samuel Adeyemi said the ministry believes that the river will flood.", "believes",
                 id="belief-inside-reported-content"),
    pytest.param("A spokeswoman for Valdoria Rail told reporters that the audit found no fault in the brakes.",
                 "found", id="finding-inside-reported-content"),
    pytest.param("Mr. Ivo Marek said that the mayor's claim that fares would fall was false.", "claim",
                 id="noun-cue-inside-reported-content"),
    pytest.param("The audit found no fault in the brakes, the rail company said.", "found",
                 id="finding-inside-fronted-content"),
])
def test_an_attitude_inside_someone_s_report_is_part_of_it(quotes_of, text, inner):
    """'X said Y plans to …' is X's report (PolNeAR's attributions): no second record cued by 'plans'."""
    quotes = quotes_of(text)
    assert quotes and all(q.cue != inner for q in quotes)
    assert any(inner in q.text for q in quotes)


@pytest.mark.parametrize(("text", "cue"), [
    pytest.param("The Tarnholm council plans to close the port in May.", "plans", id="intent-alone"),
    pytest.param("The ministry believes that the river will flood.", "believes", id="belief-alone"),
    pytest.param("The audit found no fault in the brakes.", "found", id="finding-alone"),
])
def test_an_attitude_of_its_own_stays_an_attribution(quotes_of, text, cue):
    assert any(q.cue == cue for q in quotes_of(text))


def test_a_nested_act_of_saying_keeps_both_levels(quotes_of):
    quotes = quotes_of("Lena Varga said that Karl Moser told her the bridge would reopen.")
    inner = next(q for q in quotes if q.cue == "told")
    assert inner.speaker == "Karl Moser" and inner.outer_speaker == "Lena Varga"


@pytest.mark.parametrize(("text", "content"), [
    pytest.param("Ms. Ilse Varga urged the farmers to sell their grain.", "the farmers to sell their grain",
                 id="urged-object-to"),
    pytest.param("Karl Moser asked the crowd to welcome the governor.", "the crowd to welcome the governor",
                 id="asked-object-to"),
    pytest.param("The union leader Anna Petrova called on dock workers to stay home.", "dock workers to stay home",
                 id="called-on-object-to"),
    pytest.param("Mr. Tomas Brandt told reporters that the port was shut.", "that the port was shut",
                 id="told-addressee-that"),
])
def test_a_directive_s_content_holds_who_is_to_act(quotes_of, text, content):
    """What is urged is that the farmers sell: the addressee of an infinitive is part of the proposition;
    the addressee of a that-clause is not."""
    assert any(q.text == content for q in quotes_of(text)), [q.text for q in quotes_of(text)]


@pytest.mark.parametrize("text", ["Oren Dask's claim that the vote was rigged was rejected by the court.",
                                  "Ilse Varga's claim that the vote was rigged was rejected by the court."])
def test_a_claim_someone_takes_a_stance_on_stays_its_author_s(quotes_of, text):
    claim = next(q for q in quotes_of(text) if q.cue == "claim")
    assert claim.text == "that the vote was rigged" and claim.speaker in ("Oren Dask", "Ilse Varga")


@pytest.mark.parametrize(("text", "pieces"), [
    pytest.param("The plan seems to have failed in Kisumu.", ["The plan", "to have failed in Kisumu"],
                 id="seems-to"),
    pytest.param("It appears that the bridge in Mosul was closed early.", ["that the bridge in Mosul was closed early"],
                 id="appears-that"),
    pytest.param("The new governor of Oaxaca seemed tired of the dispute.", ["The new governor of Oaxaca",
                                                                          "tired of the dispute"], id="seemed-adjective"),
])
def test_seeming_is_the_outlet_s_judgement_without_a_source(quotes_of, text, pieces):
    """seem/appear (evidential): what seems so is the content; no one is its source."""
    found = [q for q in quotes_of(text) if q.cue in ("seems", "appears", "seemed")]
    assert sorted(q.text for q in found) == sorted(pieces)
    assert all(q.speaker is None and q.speaker_mention is None for q in found)


@pytest.mark.parametrize("text", [
    "The minister appeared at the rally in Accra on Sunday.",
    "A new party appeared in Tarnholm in 2019.",
])
def test_appearing_somewhere_is_no_attribution(quotes_of, text):
    assert quotes_of(text) == []


def test_seeming_to_say_is_one_attribution(quotes_of):
    quotes = quotes_of("Ilse Varga appeared to say that the port was shut.")
    assert [q.cue for q in quotes] == ["say"]


@pytest.mark.parametrize("text", ["As unlikely as it may seem, the ferry to Zanzibar left on time.",
                                  "As the council appears set to close the port, traders in Mombasa are worried."])
def test_an_as_clause_of_seeming_reports_nothing(quotes_of, text):
    assert all(q.cue.split()[-1] not in ("seem", "appears") for q in quotes_of(text))


@pytest.mark.parametrize(("text", "cue", "content"), [
    pytest.param("Mr. Karl Moser refused to testify before the Tarnholm committee.", "refused",
                 "to testify before the Tarnholm committee", id="refused-to"),
    pytest.param("Through a spokeswoman, Ms. Amina Yusuf declined to comment.", "declined", "to comment",
                 id="declined-to"),
])
def test_refusing_states_an_intention_not_to(quotes_of, text, cue, content):
    assert any(q.cue == cue and q.text == content for q in quotes_of(text))


@pytest.mark.parametrize("text", [
    "Support for the party declined sharply in Recife in May.",
    "Mr. Karl Moser tried to open the gate.",
])
def test_declining_numbers_and_trying_are_no_attribution(quotes_of, text):
    assert quotes_of(text) == []


_PARTICIPLE_KEPT = pytest.mark.xfail(reason=(
    "a participle of what follows from a reported clause is part of it, but the parse hangs the writer's comment "
    "on the report the same way (…, engaging in …; …, contradicting …): keeping both lowered PolNeAR dev recall"),
    strict=True)


@pytest.mark.parametrize(("text", "content"), [
    pytest.param("Elena Marsh said the ferry would stop at Halvessa, which has the only deep harbour.",
                 "the ferry would stop at Halvessa, which has the only deep harbour", id="which-clause-of-a-report"),
    pytest.param("Kofi Mensah said the market would move to Kumasi, where rents are lower.",
                 "the market would move to Kumasi, where rents are lower", id="where-clause-of-a-report"),
    pytest.param("Ms. Aiko Sato said the clinic would hire nurses, which the town has lacked for years.",
                 "the clinic would hire nurses, which the town has lacked for years", id="which-object-of-a-report"),
    pytest.param("Elena Marsh said she would back Tomas Brell, who lost the vote in May.",
                 "she would back Tomas Brell", id="who-clause-describes-a-person"),
    pytest.param("Kofi Mensah said he would meet Amara Okafor, who leads the farmers' union.",
                 "he would meet Amara Okafor", id="who-clause-describes-another-person"),
    pytest.param("Lucía Ortega said there is a wide gap between the two provinces when it comes to school funding.",
                 "there is a wide gap between the two provinces when it comes to school funding",
                 id="adverbial-clause-to-the-end"),
    pytest.param('Ana Souza said the city needed one thing: "More buses, and soon."',
                 'the city needed one thing: "More buses, and soon."', id="colon-quotation-closing-the-report"),
    pytest.param("Officials in Lagos said the new rules would cut emissions, making the city cleaner.",
                 "the new rules would cut emissions, making the city cleaner", id="participle-of-consequence-kept", marks=_PARTICIPLE_KEPT),
    pytest.param("The company said prices would rise next year, reflecting higher fuel costs.",
                 "prices would rise next year, reflecting higher fuel costs", id="participle-of-cause-kept", marks=_PARTICIPLE_KEPT),
    pytest.param("Priya Nair said the bridge would reopen on Monday, ending weeks of delays for commuters.",
                 "the bridge would reopen on Monday, ending weeks of delays for commuters",
                 id="participle-of-result-kept", marks=_PARTICIPLE_KEPT),
])
def test_a_reported_clause_keeps_its_own_trailing_parts(quotes_of, text, content):
    """A clause reported as said is reported whole: its non-restrictive ``which``/``where`` clause and an
    adverbial or quotation closing the sentence belong to it; a ``who`` clause identifying a person is the
    writer's, as an apposition is."""
    assert [q.text for q in quotes_of(text)][:1] == [content]


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    pytest.param("Elena Marsh said the plan would fail, citing rising costs.", "citing", "Elena Marsh",
                 id="citing-after-a-thing"),
    pytest.param("The Valdorian ministry said the talks had collapsed, blaming the rebels for the delay.", "blaming",
                 "The Valdorian ministry", id="blaming-after-a-thing"),
    pytest.param("Rebel commanders said the talks had collapsed, blaming the ministry for the delay.", "blaming",
                 "Rebel commanders", id="blaming-other-side"),
    pytest.param("Tomas Brell said the floods would displace thousands, adding that shelters were full.", "adding",
                 "Tomas Brell", id="adding-after-a-thing"),
    pytest.param("Tomas Brell said the minister had resigned, citing poor health.", "citing", "the minister",
                 id="citing-after-a-person-is-theirs"),
])
def test_a_reporting_participle_after_a_reported_clause(quotes_of, text, cue, speaker):
    """A reporting participle closing a reported clause is its subject's act when that subject can speak (the
    minister resigned, citing …) and otherwise the reporter's (said the plan would fail, citing …); it is not
    part of the reported clause."""
    (quote,) = [q for q in quotes_of(text) if q.cue == cue]
    assert quote.speaker_mention == speaker
    reported = [q for q in quotes_of(text) if q.cue == "said"]
    assert reported and cue not in reported[0].text


@pytest.mark.parametrize("text", ["Sen. Ada Moss (R-Ga.) said the vote was close.",
                                  "Rep. Tomas Brell (D-Ore.) said the vote was close."])
def test_a_speaker_mention_keeps_its_closing_parenthesis(quotes_of, text):
    (quote,) = quotes_of(text)
    assert quote.speaker_mention == text.split(" said")[0]


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    pytest.param("Governor Amara Okafor answered the critics by saying that the budget was balanced.", "saying",
                 "Amara Okafor", id="by-saying"),
    pytest.param("After saying that the vote was fair, Mr. Lars Eklund left the hall.", "saying", "Lars Eklund",
                 id="after-saying"),
    pytest.param("Ms. Yuki Tanaka was fined for refusing to testify.", "refusing", "Yuki Tanaka",
                 id="for-refusing-passive"),
    pytest.param("The council fined Ms. Yuki Tanaka for refusing to testify.", "refusing", "Yuki Tanaka",
                 id="for-refusing-object"),
    pytest.param("Mr. Lars Eklund praised Ms. Priya Raman for saying that the count was fair.", "saying",
                 "Priya Raman", id="praised-for-saying"),
    pytest.param("Ms. Priya Raman praised Mr. Lars Eklund for saying that the count was fair.", "saying",
                 "Lars Eklund", id="praised-for-saying-swapped"),
    pytest.param("Ms. Aiko Sato says Kofi Mensah 'absolutely right' in saying the port must close.", "saying",
                 "Kofi Mensah", id="object-right-in-saying"),
    pytest.param("Kofi Mensah called Ms. Aiko Sato wrong in saying the port must close.", "saying",
                 "Aiko Sato", id="object-wrong-in-saying-swapped"),
])
def test_a_participle_after_a_preposition_has_its_clause_s_speaker(quotes_of, text, cue, speaker):
    """'by/after/without saying …' is said by the subject of the verb it modifies; 'for saying …' after an
    object (praised X for saying …), or after an object given a predicate (called X right in saying …), by that
    object."""
    assert [q.speaker for q in quotes_of(text) if q.cue == cue] == [speaker]


@pytest.mark.parametrize(("text", "cue", "content", "speaker"), [
    pytest.param("Ms. Amina Yusuf spoke to the crowd in Kano as she called for a recount.", "called for", "a recount",
                 "Amina Yusuf", id="as-she-called-for"),
    pytest.param("As he praised the rescue teams, Mr. Rahul Mehta thanked the volunteers in Pune.", "praised",
                 "the rescue teams", "Rahul Mehta", id="as-he-praised-fronted"),
    pytest.param("The harbour flooded again, as Mr. Tomas Brell predicted.", "as Mr. Tomas Brell predicted",
                 "The harbour flooded again", "Tomas Brell", id="as-x-predicted-compares"),
])
def test_an_as_clause_with_its_own_subject_and_content_is_a_cue(quotes_of, text, cue, content, speaker):
    """'as' with a subject and content of its own is a time ('as she called for a recount'); without content it
    compares the sentence with what someone said ('…, as X predicted')."""
    assert [(q.text, q.speaker) for q in quotes_of(text) if q.cue == cue] == [(content, speaker)]


@pytest.mark.parametrize(("text", "cue", "content"), [
    pytest.param("Ms. Amina Yusuf proposed cutting the fuel tax in Kaduna.", "proposed", "cutting the fuel tax in Kaduna",
                 id="proposed-gerund"),
    pytest.param("Mr. Tomas Brell denied taking money from the port authority.", "denied",
                 "taking money from the port authority", id="denied-gerund"),
    pytest.param("Mr. Kenji Watanabe admitted using a private phone for official business.", "admitted",
                 "using a private phone for official business", id="admitted-gerund"),
])
def test_a_gerund_is_the_object_content_of_a_verb_whose_object_is_a_statement(quotes_of, text, cue, content):
    """A verb whose plain object is what was said (denied the report) takes a gerund clause the same way."""
    assert [q.text for q in quotes_of(text) if q.cue == cue] == [content]


@pytest.mark.parametrize("text", [
    "Mr. Tomas Brell stopped taking calls after the vote in Tarnholm.",
    "Ms. Priya Raman started laughing during the hearing in Chennai.",
])
def test_a_gerund_after_a_verb_that_is_no_cue_is_no_attribution(quotes_of, text):
    assert quotes_of(text) == []


@pytest.mark.parametrize(("text", "cue", "content"), [
    pytest.param("Ms. Amina Yusuf's criticism of the fuel subsidy drew applause in Abuja.", "criticism of",
                 "the fuel subsidy", id="criticism-of"),
    pytest.param("Mr. Lars Eklund's condemnation of the raid on the village was read on the radio.",
                 "condemnation of", "the raid on the village", id="condemnation-of"),
])
def test_a_noun_of_judging_takes_its_of_phrase_as_content(quotes_of, text, cue, content):
    """Criticism and condemnation of X, like allegations of X, are about X: the ``of`` phrase is the content."""
    assert [q.text for q in quotes_of(text) if q.cue == cue] == [content]


@pytest.mark.parametrize("text", [
    "Demand for maize rose in Nakuru after the rains.",
    "A review of the budget in Recife starts in May.",
])
def test_a_noun_of_wanting_or_reviewing_with_a_topic_is_no_attribution_by_itself(quotes_of, text):
    assert quotes_of(text) == []


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    ("When she visited the camp, Governor Amina Yusuf promised more tents for Maiduguri.", "promised", "Amina Yusuf"),
    ("After he denied the report, Mr. Joao Pereira left the hearing in Maputo.", "denied", "Joao Pereira"),
    # near-misses: the main clause's subject disagrees in gender, or is no named person
    ("As she praised the rescue teams, Mr. Rahul Mehta thanked the volunteers in Pune.", "praised", None),
    ("As he praised the rescue teams, the crowd cheered in Lyon.", "praised", None),
])
def test_a_pronoun_in_a_fronted_clause_is_the_main_clause_s_named_subject(quotes_of, text, cue, speaker):
    """Cataphora inside a sentence: 'As he …, Mr. X …' — only when X is a named person who agrees."""
    assert [q.speaker for q in quotes_of(text) if q.cue == cue] == [speaker]



# A cue set off by commas inside the sentence it reports: the sentence on both sides is the content.
PARENTHETICAL_CUES = [
    pytest.param("Though the first transition was smooth, she said, replacing the governor would be much harder.",
                 ["Though the first transition was smooth", "replacing the governor would be much harder"],
                 id="clause-on-both-sides"),
    pytest.param("The difference now, Tomas Rell told reporters on Friday, is that the port has reopened.",
                 ["The difference now", "is that the port has reopened"], id="subject-before-predicate-after"),
    pytest.param("The northern district paid 8 percent, the ministry said in a May report, and the southern "
                 "district paid 3 percent.",
                 ["The northern district paid 8 percent", "and the southern district paid 3 percent"],
                 id="coordinated-clause-after"),
    pytest.param("The mayor, Elena Marsh said, is a careful man.", ["The mayor", "is a careful man"],
                 id="parataxis-already-read"),
    pytest.param("If the storm passes, the harbour master said, the ferries will sail on Sunday.",
                 ["If the storm passes", "the ferries will sail on Sunday"], id="condition-before"),
]


@pytest.mark.parametrize(("text", "pieces"), PARENTHETICAL_CUES)
def test_a_parenthetical_cue_reports_the_sentence_around_it(quotes_of, text, pieces):
    assert [q.text for q in quotes_of(text) if q.cue in ("said", "told")] == pieces


@pytest.mark.parametrize(("text", "pieces"), [
    pytest.param("Elena Marsh said, however, that the port would reopen.", ["that the port would reopen"],
                 id="adverb-after-the-cue"),
    pytest.param("Asked about the port, Elena Marsh said, \"We will see.\"", ["\"We will see.\""],
                 id="question-participle-before"),
    pytest.param("The port will reopen, Elena Marsh said, adding that the ferries would wait.",
                 ["The port will reopen"], id="participle-cue-after"),
    pytest.param("The port will reopen, Elena Marsh said, citing the ministry.", ["The port will reopen"],
                 id="citing-after"),
])
def test_a_parenthetical_cue_leaves_out_what_is_not_reported(quotes_of, text, pieces):
    assert [q.text for q in quotes_of(text) if q.cue in ("said", "told")] == pieces


def test_a_circumstance_after_a_cue_is_not_what_was_said(quotes_of):
    text = "The toll is an insult to the valley, farmers said on Friday, as they gathered outside the ministry."
    assert [q.text for q in quotes_of(text)] == ["The toll is an insult to the valley"]


@pytest.mark.parametrize(("text", "content", "mention"), [
    pytest.param("Critics see the new law as an attack on the press.", "the new law as an attack on the press",
                 "Critics", id="see-as"),
    pytest.param("Many farmers in Aldermere view the dam as a threat to their wells.",
                 "the dam as a threat to their wells", "Many farmers in Aldermere", id="view-as"),
    pytest.param("The ministry regards the strike as illegal.", "the strike as illegal", "The ministry", id="regard-as"),
])
def test_seeing_something_as_something_is_a_view_attributed_to_its_holder(quotes_of, text, content, mention):
    assert [(q.text, q.speaker_mention) for q in quotes_of(text)] == [(content, mention)]


@pytest.mark.parametrize("text", [
    "Residents saw the smoke from the hills.",
    "Visitors can see the river as they walk to the bridge.",
    "Jonas Weber saw the minister at the station.",
])
def test_seeing_without_an_as_phrase_is_no_attribution(quotes_of, text):
    assert quotes_of(text) == []


@pytest.mark.parametrize(("text", "source"), [
    ("Ford did not act, according to her testimony, until May.", "her testimony"),
    ("Employment rose by 105,000, according to the Household Survey.", "the Household Survey"),
    ("The talks failed, according to diplomats.", "diplomats"),
    ("The talks failed, according to Anna Petrov.", "Anna Petrov"),
    ("The firm looted millions, according to a complaint filed by Tarnholm.", "a complaint filed by Tarnholm"),
    ("Some 9.9 million mothers live in poverty, according to federal statistics.", "federal statistics"),
    ("At least 707 people were shot, according to a newspaper database.", "a newspaper database"),
])
def test_according_to_a_source(nlp, text, source):
    assert [q.speaker_mention for q in extract_quotes(nlp(text))][:1] == [source]


@pytest.mark.parametrize("text", [
    "The Pope sacks bishops according to his pleasure.",
    "The Church may separate itself from a heretic according to divine law.",
    "Prices rose, according to the law of supply and demand.",
    "The ferry left according to schedule.",
])
def test_according_to_something_that_says_nothing_is_no_attribution(nlp, text):
    """A source is someone or something that can say a thing (PolNeAR's definition of a source)."""
    assert not extract_quotes(nlp(text)), [(q.cue, q.speaker_mention) for q in extract_quotes(nlp(text))]


@pytest.mark.parametrize(("text", "contents"), [
    ('"This is a war crime," the foreign ministry said in a statement on Sunday.', ['"This is a war crime,"']),
    ("The army said in a statement on Friday that the talks had failed.", ["that the talks had failed"]),
])
def test_a_statement_on_a_day_says_when_not_what(quotes_of, text, contents):
    assert [q.text for q in quotes_of(text)] == contents


def test_a_statement_on_a_topic_is_still_its_content(quotes_of):
    assert "the war" in [q.text for q in quotes_of("The minister issued a statement on the war.")]


def test_signed_quotations_in_a_row_are_each_their_signer_s(quotes_of):
    """Reader comments one under another: each line's quotation is its own signer's, not a continuation of the
    line before (a name with a role after a comma signs too)."""
    text = ("Readers wrote in with their views.\n\n“I am afraid of what comes next. The anger is scary.” ― Edda Marrow"
            "\n\n“The most unqualified candidate ever to run.” — Olev Tarrant, retired teacher\n")
    found = {q.text[:12]: q.speaker for q in quotes_of(text)}
    assert found == {"“I am afraid": "Edda Marrow", "“The most un": "Olev Tarrant"}


@pytest.mark.parametrize(("text", "speaker"), [
    # 'adding' goes on with the reporter's own words, whoever the reported clause is about
    ("The spokesman said the army had killed 12 militants, adding that two soldiers had died.", "The spokesman"),
    ("Ms. Idunn Varga said the rebels had shelled the town, adding that the water plant was hit.", "Ms. Idunn Varga"),
])
def test_adding_after_a_reported_clause_is_the_reporter_s(quotes_of, text, speaker):
    adding = next(q for q in quotes_of(text) if q.cue == "adding")
    assert adding.speaker_mention == speaker


@pytest.mark.parametrize("text", [
    "The general was quoted by state media as saying that the offensive would continue.",
    "The minister was quoted as saying the border would reopen.",
])
def test_quoted_as_saying_is_one_attribution_of_the_one_quoted(quotes_of, text):
    found = quotes_of(text)
    assert [q.cue for q in found] == ["saying"] and found[0].speaker_mention.startswith("The ")


@pytest.mark.parametrize("text", [
    "Two soldiers were wounded, the Ukrainian military said in a statement on Telegram.",
    "Two soldiers were wounded, the Russian defence ministry said in a statement on Telegram.",
    "The ministry said in a statement on its website that the talks would resume.",
    "The spokesman made comments on Facebook about the election.",
])
def test_the_medium_a_statement_was_made_on_is_not_what_it_says(quotes_of, text):
    quotes = quotes_of(text)
    assert not [q for q in quotes if text[q.start:q.end] in ("Telegram", "its website", "Facebook")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Officials in Kinshasa accused Rwanda of backing the M23 rebels, a charge Kigali denies.", "Kigali"),
    ("Kigali accused Kinshasa of arming the FDLR militia, a charge Kinshasa denies.", "Kinshasa"),
])
def test_the_charge_a_name_denies_is_no_part_of_the_name(quotes_of, text, speaker):
    assert speaker in [q.speaker_mention for q in quotes_of(text) if q.cue == "denies"]
