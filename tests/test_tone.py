"""Tone: VADER compound per sentence and per article, outlet text and quoted text apart."""

from __future__ import annotations

import pytest

from presslens.core.schema import Quote, SentenceVoice
from presslens.language.tone import compound, sentence_tones, split_by_voice


@pytest.mark.parametrize(("text", "sign"), [
    ("The harvest festival was a wonderful, joyful success.", 1),
    ("The flood was a horrible disaster that killed dozens.", -1),
    ("The committee meets on Tuesday in the town hall.", 0),
    ("Officials praised the excellent and generous aid.", 1),
    ("Residents were furious about the cruel and shameful decision.", -1),
])
def test_compound_sign(text, sign):
    value = compound(text)
    if sign == 0:
        assert abs(value) < 0.2
    else:
        assert value * sign > 0.3


def _quote(text: str, content: str, speaker: str) -> Quote:
    start = text.index(content)
    return Quote(start=start, end=start + len(content), text=content, kind="direct", speaker=speaker)


def _voices(nlp, text: str) -> list[SentenceVoice]:
    return [SentenceVoice(sentence=i, start=s.start_char, end=s.end_char, voice="outlet")
            for i, s in enumerate(nlp(text).sents)]


TEXT = ("The council opened a wonderful new park. "
        "“This is a shameful, disgusting waste,” said Tomas Brell. "
        "The park covers two hectares.")


def test_split_by_voice_separates_quoted_text():
    quote = _quote(TEXT, "“This is a shameful, disgusting waste,”", "Tomas Brell")
    sentence_start, sentence_end = TEXT.index("“This"), TEXT.index(" The park")
    outlet, quoted, speaker = split_by_voice(TEXT, sentence_start, sentence_end, [quote])
    assert "shameful" in quoted and "shameful" not in outlet
    assert "said Tomas Brell" in outlet
    assert speaker == "Tomas Brell"


def test_sentence_tones_by_voice(nlp):
    quote = _quote(TEXT, "“This is a shameful, disgusting waste,”", "Tomas Brell")
    tones = sentence_tones(nlp(TEXT), _voices(nlp, TEXT), [quote])
    by_key = {(t.sentence, t.voice): t for t in tones}
    assert by_key[(0, "outlet")].compound > 0.3
    assert (0, "quoted") not in by_key
    assert by_key[(1, "quoted")].compound < -0.3 and by_key[(1, "quoted")].speaker == "Tomas Brell"
    assert abs(by_key[(1, "outlet")].compound) < 0.2          # 'said Tomas Brell' carries no tone
    assert abs(by_key[(2, "outlet")].compound) < 0.2
    article_outlet, article_quoted = by_key[(-1, "outlet")], by_key[(-1, "quoted")]
    assert article_quoted.compound < 0 < article_outlet.compound
    assert article_outlet.compound == pytest.approx(
        sum(t.compound for t in tones if t.sentence >= 0 and t.voice == "outlet") / 3, abs=1e-4)
    assert article_outlet.start == 0 and article_outlet.end == len(TEXT)


def test_no_quotes_means_outlet_only(nlp):
    text = "The bridge reopened. Drivers were delighted."
    tones = sentence_tones(nlp(text), _voices(nlp, text), [])
    assert {t.voice for t in tones} == {"outlet"}
    assert [t.sentence for t in tones] == [0, 1, -1]


def test_seed_tones_are_split_by_voice(seed_analysis):
    article = {t.voice: t for t in seed_analysis.tones if t.sentence == -1}
    assert set(article) == {"outlet", "quoted"}
    assert all(-1.0 <= t.compound <= 1.0 for t in seed_analysis.tones)
    quoted_sentences = {t.sentence for t in seed_analysis.tones if t.voice == "quoted" and t.sentence >= 0}
    assert len(quoted_sentences) >= 8      # most of the seed article is the Hamas official's words


@pytest.mark.parametrize(("first", "second"), [
    ("the Rapid Support Forces", "Sudan"),
    ("the Islamic Resistance Movement", "Israel"),
    ("the Happy Valley Liberation Front", "the Grim Republic"),
    ("Hope Party", "Ferrovale"),
])
@pytest.mark.parametrize("frame", [
    "{X} attacked the town on Monday, and {Y} condemned it.",
    "Officials said {X} had helped {Y} rebuild the bridge.",
])
def test_tone_does_not_come_from_names(nlp, first, second, frame):
    """Names are masked: whichever side a sentence names, and whatever words the name holds, its tone
    is the same."""
    def tones(text):
        doc = nlp(text[0].upper() + text[1:])
        return [(t.sentence, t.voice, t.compound) for t in sentence_tones(doc, _voices(nlp, doc.text))]

    assert tones(frame.format(X=first, Y=second)) == tones(frame.format(X=second, Y=first))


def test_masking_keeps_the_wording(nlp):
    """Only names are masked: the words around them keep their tone."""
    doc = nlp("The Rapid Support Forces committed a horrible massacre.")
    tone = sentence_tones(doc, _voices(nlp, doc.text))
    assert tone[0].compound == compound("Someone committed a horrible massacre.") < 0
