"""The event-type model, its training labels and folds, the snippet rates and the written check sets."""

from __future__ import annotations

import json

import pytest

from presslens.events.checks import side_matches, written
from presslens.events.model import NONE, EventModel, load_model, model_from_dict
from presslens.events.plover import EVENT_TYPES, Code
from presslens.events.snippets import keyword_types, rates
from presslens.events.training import JUDGED, THRESHOLDS, Text, _labels, fold_of, judged_label, judged_texts

from .test_events_judged import judge_script


def test_written_sets_cover_every_type_and_both_sides_of_each_conflict():
    data = written()
    assert len(data["roles"]) >= 150 and len(data["negatives"]) >= 40
    assert {row[1] for row in data["types"]} == set(EVENT_TYPES)
    pairs = {(row[2][0], (row[3] or row[2][1:])[0]) for row in data["roles"]}  # a meeting's parties are all sources
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
    assert model.decide(["verb=hit"], Code("COERCE", "seize"), {}) == Code("ASSAULT")  # 0.57 of the event mass
    assert model.decide(["verb=hit"], Code(None), {}) == Code(None)
    assert model.decide(["verb=raid"], Code("AGREE"), {}) == Code("AGREE")  # another quad: the lexicon's
    assert abs(sum(model.probabilities(["verb=raid", "unknown"])) - 1.0) < 1e-9


def test_a_coded_trigger_keeps_the_lexicon_type_unless_one_type_holds_most_of_the_event_probability():
    """Retyping weighs the types against each other given that there is an event, so a likely but
    sub-threshold "no event" neither drops the candidate nor blocks its retyping."""
    model = EventModel(classes=(NONE, "AGREE", "CONCEDE", "REJECT"), bias=(0.0, 0.0, 0.0, 0.0),
                       weights={"verb=release": (1.0, 0.8, 0.0, 0.0), "verb=mull": (1.0, 0.3, 0.0, 0.3)},
                       none_threshold=0.7)
    none, agree, concede, _ = model.probabilities(["verb=release"])
    assert agree < 0.5 < agree / (1 - none) and none < 0.7
    assert model.decide(["verb=release"], Code("CONCEDE"), {}) == Code("AGREE")
    none, agree, concede, reject = model.probabilities(["verb=mull"])
    assert agree / (1 - none) < 0.5
    assert model.decide(["verb=mull"], Code("CONCEDE"), {}) == Code("CONCEDE")
    assert model.decide(["verb=release"], Code(None), {}) == Code(None)  # uncoded: AGREE is not most probable


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


def test_judged_records_label_their_triggers():
    """Right: its type; no event: NONE; a wrong type, or a flagged record judged no event (its flag says so), none."""
    row = {"type": "ACCUSE", "type_verdict": "right", "hypothetical": False, "negated": False, "reason": "r"}
    assert judged_label(row) == "ACCUSE"
    assert judged_label({**row, "type_verdict": "no-event"}) == NONE
    assert judged_label({**row, "type_verdict": "no-event", "negated": True}) is None
    assert judged_label({**row, "type_verdict": "no-event", "hypothetical": True}) is None
    assert judged_label({**row, "type_verdict": "wrong", "reason": "a plea: REQUEST"}) is None


def test_judged_texts_are_whole_articles_with_the_majority_label(tmp_path):
    from presslens.core.readers import read_articles

    from .conftest import ROOT

    article = sorted(a.id for a in read_articles([ROOT / "examples"]) if a.status == "ok")[0]
    row = {"article": article, "type": "ACCUSE", "hypothetical": False, "negated": False, "reason": "r"}
    votes = [(10, "right"), (10, "right"), (10, "no-event"), (20, "right"), (20, "no-event"), (30, "no-event")]
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(json.dumps({**row, "trigger_start": t, "type_verdict": v}) + "\n" for t, v in votes[:3]))
    second.write_text("".join(json.dumps({**row, "trigger_start": t, "type_verdict": v}) + "\n" for t, v in votes[3:]))
    (text,) = judged_texts([first, second])
    assert text.source == "judged" and text.judged == ((10, "ACCUSE"), (30, NONE))  # 20 is a tie: no label
    assert len(text.text) > 200  # the whole article, so its folds keep every judged trigger together
    assert judged_texts([tmp_path / "a.jsonl"])[0].judged == ((10, "ACCUSE"),)


def test_the_held_out_comparison_is_never_trained_on():
    assert JUDGED and all(path.name.startswith("judged_events") for path in JUDGED)
    assert not any("ptc" in path.name for path in JUDGED)


def test_compare_weights_each_stratum_by_its_size(tmp_path):
    drawn = [("old_only", 100, "ASSAULT", None, None), ("old_only", 100, "ACCUSE", None, "ACCUSE"),
             ("new_only", 50, None, "REJECT", "REJECT"), ("both", 400, "AID", "AID", "AID"),
             ("both", 400, "AID", "AID", None)]
    rows = [dict(zip(("stratum", "stratum_size", "old_type", "new_type", "right_type"), row)) for row in drawn]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = judge_script().compare(path)
    assert result["old"] == {"records": 500, "right_estimate": 250, "type_precision": 0.5}
    assert result["new"] == {"records": 450, "right_estimate": 250, "type_precision": 0.556}


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
