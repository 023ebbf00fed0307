"""Motion and geometry phrasings: trailing units, movers' needs, leaning things, edges.

Sentences written for these tests, not taken from the suites.
"""

from __future__ import annotations

import pytest

from agent.rewrite import rewrite_rules
from agent.rewrite.draft import Sentence
from agent.rewrite.facts import normalize_fact
from agent.rewrite.questions import rewrite_question


def _fact(text: str) -> list[str]:
    return [s.text for s in normalize_fact(Sentence(text, 0, len(text)))]


@pytest.mark.parametrize(
    ("question", "context", "expected"),
    [
        # a rate's own unit, made of units the problem gives, adds nothing
        ("What is the speed of the ferry in kilometers per hour?", "A ferry travels 30 kilometers in 2 hours.", "What is the speed of the ferry?"),
        ("How fast is the tram going, in km/h?", "A tram travels 12 kilometers in 1 hour.", "What is the speed of the tram?"),
        ("How fast is the taxi moving, in mph?", "A taxi travels 40 miles in 1 hour.", "What is the speed of the taxi?"),
        # the time a mover needs is its travel time
        ("How many hours will the ship need?", "A ship travels 200 miles. The ship travels at a speed of 25 miles per hour.", "How many hours does the ship travel?"),
        # a distance covered, in the problem's length unit
        ("Find the distance the scooter covers.", "A scooter travels at a speed of 20 kilometers per hour. The scooter travels for 3 hours.", "How many kilometers does the scooter travel?"),
        ("What is the distance between the base of the pole and the fence?", "A pole leans against a fence.", "What is the distance of the base of the pole from the fence?"),
    ],
)
def test_questions(question: str, context: str, expected: str) -> None:
    assert rewrite_question(question, f"{context} {question}") == expected


def test_a_rate_in_units_the_problem_does_not_use_keeps_its_hint() -> None:
    question = "What is the speed of the ferry in miles per hour?"
    assert rewrite_question(question, f"A ferry travels 30 kilometers in 2 hours. {question}") == question


def test_a_worker_that_does_not_travel_still_needs() -> None:
    question = "How many hours does the painter need?"
    assert rewrite_question(question, f"A painter paints a fence in 6 hours. {question}") == question


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A plank rests on a fence.", ["A plank leans against a fence."]),
        ("The pole stands against the barn.", ["The pole leans against the barn."]),
        ("A cat sits on a mat.", ["A cat sits on a mat."]),  # a mat is nothing upright
        ("The top of the plank is 6 feet above the ground.", ["The plank reaches a height of 6 feet."]),
        ("The top of the pole touches the fence at a height of 3 meters.", ["The pole reaches a height of 3 meters on the fence."]),
        ("Every edge of a cube is 9 inches.", ["A cube has a side of 9 inches."]),
    ],
)
def test_facts(text: str, expected: list[str]) -> None:
    assert _fact(text) == expected


def test_how_long_never_drops_what_the_question_says() -> None:
    # a duration asked with no time unit anywhere: an issue, not `What is the length of ...?`
    result = rewrite_rules("A ferry crosses a lake. How long does the ferry sail?")
    assert not result.ok or "length" not in (result.ace or ""), result


def test_a_unit_of_area_does_not_introduce_a_square() -> None:
    result = rewrite_rules("A square has an area of 36 square feet. What is its side length?")
    assert result.ace == "A square has an area of 36 square feet. What is the side of the square?", result
