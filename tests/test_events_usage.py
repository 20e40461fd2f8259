"""Event words used for something PLOVER does not code (opinions, predictions, questions, showing,
receptions, idioms, harm to oneself, declining to comment) beside the same words used for events."""

from __future__ import annotations

import pytest

PAIRS = [
    ("Most economists agreed that the new tariff would raise prices.", "Ghana and Togo agreed on a new fisheries deal.",
     "AGREE"),
    ("The senator agreed with the governor about the budget.", "The opposition agreed to join a unity government.",
     "AGREE"),
    ("The army chief warned that the drought would hurt harvests.",
     "Kenya warned that it would close its border with Somalia.", "THREATEN"),
    ("The mayor of Lima warned residents about the dangers of the heat.",
     "The Ethiopian army warned the rebels of severe consequences.", "THREATEN"),
    ("A reporter asked how the minister would pay for the plan.", "Brazil asked Venezuela to reopen the border.",
     "REQUEST"),
    ("The premier discussed the economy at a business lunch.", "Chile and Peru discussed the border dispute.", "CONSULT"),
    ("The survey results demonstrate that the policy works.", "Thousands demonstrated in Lagos against fuel prices.",
     "PROTEST"),
    ("The pension proposal was met with opposition in parliament.",
     "The Indian foreign minister met his Chinese counterpart in Delhi.", "CONSULT"),
    ("Through a spokesman, the Zambian minister declined to comment.", "The rebels refused to attend the talks.",
     "REJECT"),
    ("The two leaders had not met face to face since last year.", "Morocco would not meet the rebels' demands.",
     "REJECT"),
    ("The opposition party seized on the scandal as a campaign weapon.", "Police seized weapons in a raid in Kano.",
     "COERCE"),
    ("Reporters asked the Chadian minister about the strikes on Abeche.",
     "Chad asked France for help with the refugees in Abeche.", "REQUEST"),
    ("The moderator asked both candidates about their health.",
     "The Somali government asked Kenya for more troops.", "REQUEST"),
]


def asserted_types(analyze_text, text: str) -> list[str]:
    return [e.type for e in analyze_text(text).events if not (e.hypothetical or e.negated)]


@pytest.mark.parametrize("no_event,event,type_", PAIRS)
def test_the_same_word_as_event_and_as_no_event(analyze_text, no_event, event, type_):
    assert asserted_types(analyze_text, no_event) == [], no_event
    assert type_ in asserted_types(analyze_text, event), event


@pytest.mark.parametrize("text", ["The company would be shooting itself in the foot.",
                                  "Veterans in Canada are killing themselves at a rising rate.",
                                  "Hungary's constitutional court struck down the rules on Tuesday."])
def test_idioms_and_harm_to_oneself_are_no_events(analyze_text, text):
    assert asserted_types(analyze_text, text) == []


def test_a_suicide_bombing_is_still_an_assault(analyze_text):
    assert "ASSAULT" in asserted_types(analyze_text, "A suicide bomber blew himself up at a checkpoint in Kabul.")
