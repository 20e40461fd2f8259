"""The event-type model, its training labels and folds, the snippet rates and the written check sets."""

from __future__ import annotations

import pytest

from presslens.events.checks import side_matches, written
from presslens.events.model import NONE, EventModel, load_model, model_from_dict
from presslens.events.plover import EVENT_TYPES, Code
from presslens.events.snippets import keyword_types, rates
from presslens.events.training import THRESHOLDS, Text, _labels, fold_of


def test_written_sets_cover_every_type_and_both_sides_of_each_conflict():
    data = written()
    assert len(data["roles"]) >= 150 and len(data["negatives"]) >= 40
    assert {row[1] for row in data["types"]} == set(EVENT_TYPES)
    pairs = {(row[2][0], row[3][0]) for row in data["roles"]}
    assert all((target, source) in pairs for source, target in pairs)  # every dyad is written both ways


def test_shipped_model_has_every_type_and_no_event():
    model = load_model()
    assert model is not None and set(model.classes) == {NONE, *EVENT_TYPES}
    assert all(len(row) == len(model.classes) for row in model.weights.values())
    assert model_from_dict(model.to_dict()).classes == model.classes
    assert model.none_threshold in THRESHOLDS  # chosen by cross-validation (training.none_threshold)


def test_model_decides_type_and_keeps_the_lexicon_mode_of_its_type():
    model = EventModel(classes=(NONE, "ASSAULT", "COERCE"), bias=(0.0, 0.0, 0.0),
                       weights={"verb=raid": (0.0, 0.0, 2.0), "verb=sing": (3.0, 0.0, 0.0),
                                "verb=hit": (0.0, 0.3, 0.0)})
    assert model.decide(["verb=raid"], Code("ASSAULT", "firearms"), {"COERCE": "seize"}) == Code("COERCE", "seize")
    assert model.decide(["verb=raid"], Code("COERCE", "arrest"), {}) == Code("COERCE", "arrest")
    assert model.decide(["verb=sing"], Code("ASSAULT"), {}) == Code(None)
    assert model.decide(["verb=hit"], Code("COERCE", "seize"), {}) == Code("COERCE", "seize")  # p < 0.5: lexicon
    assert model.decide(["verb=hit"], Code(None), {}) == Code(None)
    assert model.decide(["verb=raid"], Code("AGREE"), {}) == Code("AGREE")  # another quad: the lexicon's
    assert abs(sum(model.probabilities(["verb=raid", "unknown"])) - 1.0) < 1e-9


def test_model_moves_a_coded_trigger_only_to_a_near_miss_or_a_type_the_lexicon_gives_it():
    """'urged Congress to …' is no meeting, however probable the model finds CONSULT; an offer may be a concession."""
    model = EventModel(classes=(NONE, "CONSULT", "CONCEDE", "COOPERATE"), bias=(0.0, 0.0, 0.0, 0.0),
                       weights={"verb=urge": (0.0, 3.0, 0.0, 0.0), "verb=offer": (0.0, 0.0, 3.0, 0.0),
                                "verb=sign": (0.0, 0.0, 0.0, 3.0)})
    assert model.decide(["verb=urge"], Code("REQUEST"), {}) == Code("REQUEST")
    assert model.decide(["verb=urge"], Code("REQUEST"), {"CONSULT": "phone"}) == Code("CONSULT", "phone")
    assert model.decide(["verb=offer"], Code("AGREE"), {}) == Code("CONCEDE")
    assert model.decide(["verb=sign"], Code("AGREE"), {}) == Code("COOPERATE")


def test_no_event_threshold_drops_a_candidate_whose_no_event_is_likely_but_not_the_most():
    model = EventModel(classes=(NONE, "ASSAULT", "COERCE"), bias=(0.0, 0.0, 0.0),
                       weights={"verb=fire": (1.2, 1.5, 0.0)}, none_threshold=0.35)
    none, assault, _ = model.probabilities(["verb=fire"])
    assert 0.35 <= none < assault  # ASSAULT is the most probable class, yet NONE is likely enough
    assert model.decide(["verb=fire"], Code("ASSAULT", "firearms"), {}) == Code(None)
    plain = model_from_dict({**model.to_dict(), "none_threshold": 0.5})
    assert plain.decide(["verb=fire"], Code("ASSAULT", "firearms"), {}) == Code("ASSAULT", "firearms")
    assert model_from_dict(model.to_dict()).none_threshold == 0.35


def test_folds_keep_a_text_and_its_duplicates_together():
    texts = [f"Sentence number {i}." for i in range(200)]
    assert all(fold_of(t, 5) == fold_of(str(t), 5) for t in texts)
    assert {fold_of(t, 5) for t in texts} == set(range(5))


def test_training_labels():
    # candidates main clause first: (lexicon type, reporting verb)
    said_attack = [(None, True), ("COERCE", False), (None, False)]
    assert _labels(Text("x", "plover", gold=("ASSAULT",)), said_attack) == {0: NONE, 1: "ASSAULT", 2: NONE}
    assert _labels(Text("x", "plover", gold=("COERCE",)), said_attack) == {0: NONE, 1: "COERCE", 2: NONE}
    assert _labels(Text("x", "case", allowed=()), said_attack) == {0: NONE, 1: NONE, 2: NONE}
    uncoded = [(None, True), (None, False)]
    assert _labels(Text("x", "case", allowed=("MOBILIZE",)), uncoded) == {0: NONE, 1: "MOBILIZE"}
    two = [("ASSAULT", False), ("SANCTION", False)]
    assert _labels(Text("x", "case", allowed=("ASSAULT", "COERCE")), two) == {0: "ASSAULT"}


def test_snippet_rates_follow_the_readme():
    records = [{"allowed": ["ASSAULT"]}, {"allowed": ["CONSULT", "AGREE"]}, {"allowed": []}, {"allowed": []}]
    found = [{"ASSAULT", "COERCE"}, {"SANCTION"}, set(), {"ASSAULT"}]
    assert rates(records, found) == {"hit_rate": 0.5, "wrong_type_rate": 1.0, "false_event_rate": 0.5}
    assert keyword_types("Troops shelled the town") == {"ASSAULT"} and keyword_types("Quiet day") == set()


@pytest.mark.parametrize("expected,names,codes,ok", [
    (["ISR"], ("Israel",), ("ISR",), True), (["Hamas"], ("Hamas",), ("PSE",), True),
    (["Hamas"], ("Israel",), ("ISR",), False), (["ISR"], ("Israel", "Hamas"), ("ISR", "PSE"), False),
    (["Hamas"], ("Hamas prisoners",), ("PSE",), True), (["Houthis"], ("Houthis civilians",), ("YEM",), True),
    (["Houthis"], ("Saudi prisoners",), ("SAU",), False), (["Hamas"], ("Hamas armed wing fighters",), ("",), False),
    ([], (), (), True)])
def test_side_matching(expected, names, codes, ok):
    assert side_matches(expected, names, codes) is ok


@pytest.fixture(scope="module")
def dated_events():
    import presslens

    text = ("Ukrainian drones struck an oil depot in Belgorod on March 3, 2024. "
            "Russian aircraft bombed a market in Kharkiv.")
    return presslens.analyze(text, date="2024-03-05", outlet="Test").events


def test_event_records_carry_actor_ids_a_resolved_date_and_coordinates(dated_events):
    by_trigger = {e.trigger: e for e in dated_events}
    struck, bombed = by_trigger["struck"], by_trigger["bombed"]
    assert (struck.date, struck.date_from) == ("2024-03-03", "sentence")
    assert (bombed.date, bombed.date_from) == ("2024-03-05", "article")
    for event in (struck, bombed):
        assert len(event.source_ids) == len(event.sources) >= 1 and len(event.target_ids) == len(event.targets)
    assert bombed.lat is not None and 49 < bombed.lat < 51 and 35 < bombed.lon < 37  # Kharkiv
