"""Facts stated inside a question move out before it; measures asked in a unit.

Sentences written for these tests, not taken from the suites.
"""

from __future__ import annotations

import pytest

from agent.rewrite import rewrite_rules
from agent.rewrite.draft import Sentence
from agent.rewrite.question_facts import extract_question_facts


def _facts(text: str, context: str = "") -> list[str]:
    return [s.text for s in extract_question_facts(Sentence(text, 0, len(text)), context or text)]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is the average pace of a hiker that walks 12 miles in 4 hours?",
         ["A hiker walks 12 miles in 4 hours.", "What is the average pace of the hiker?"]),
        ("What is the area of an orchard that measures 40 by 25 meters?",
         ["An orchard measures 40 by 25 meters.", "What is the area of the orchard?"]),
    ],
)
def test_a_relative_clause_of_a_question_becomes_a_fact(question: str, expected: list[str]) -> None:
    assert _facts(question) == expected


def test_a_relative_clause_without_a_number_stays() -> None:
    assert _facts("What is the name of a bird that sings?") == ["What is the name of a bird that sings?"]


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("How many seconds does a video of 3 minutes last?", "A video has a duration of 3 minutes."),
        ("How many grams does a parcel of 2 kilograms weigh?", "A parcel has a mass of 2 kilograms."),
        ("How many square feet does a rug of 4 square yards cover?", "A rug has an area of 4 square yards."),
        ("How many inches does a plank of 5 feet measure?", "A plank has a length of 5 feet."),
    ],
)
def test_a_thing_named_by_its_measure_gets_the_attribute_its_unit_measures(question: str, fact: str) -> None:
    assert _facts(question)[0] == fact


def test_an_of_phrase_of_a_measure_noun_is_no_thing() -> None:
    assert _facts("How many hours does a trip of 90 miles take?") == ["How many hours does a trip of 90 miles take?"]


def test_a_hint_in_a_unit_the_problem_does_not_use_is_not_dropped() -> None:
    result = rewrite_rules("What is the speed of a tram that travels 60 km in 3 hours, in mph?")
    assert not result.ok and result.issues, result
