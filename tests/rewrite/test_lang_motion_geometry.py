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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bottom of a plank is 5 feet from a house. The plank is 13 feet long. How high up the house does the plank reach?",
         "The base of a plank is 5 feet from a house. The plank has a length of 13 feet. The plank leans against the house. What is the height of the plank on the house?"),
        ("For 3 hours a van keeps a steady 50 miles per hour. Find the distance it covers.",
         "A van travels at a speed of 50 miles per hour. The van travels for 3 hours. How many miles does the van travel?"),
    ],
)
def test_whole_rewrites(text: str, expected: str) -> None:
    result = rewrite_rules(text)
    assert result.ok, result.issues
    assert result.ace == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A taxi's speed is 50 km/h. How many kilometers does it travel in 2 hours?",
         "A taxi travels at a speed of 50 kilometers per hour. The taxi travels for 2 hours. How many kilometers does the taxi travel?"),
        ("Ann walks 4 miles per hour. How long does it take her to walk 10 miles?",
         "Ann travels at a speed of 4 miles per hour. Ann travels 10 miles. How many hours does Ann travel?"),
    ],
)
def test_a_speed_stated_as_an_attribute_or_a_bare_rate(text: str, expected: str) -> None:
    assert rewrite_rules(text).ace == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A plank 12 feet long is placed against a fence so that its foot is 5 feet from the fence. How far up the fence does it reach?",
         "A plank has a length of 12 feet. The plank leans against a fence. The base of the plank is 5 feet from the fence. What is the height of the plank on the fence?"),
        ("What is the volume of a crate 6 m long, 2 m wide and 3 m high?",
         "A box has a length of 6 meters and a width of 2 meters and a height of 3 meters. What is the volume of the box?"),
        ("A tram covers 45 kilometers in 3 hours. Find its speed in kilometers per hour.",
         "A tram travels 45 kilometers in 3 hours. What is the speed of the tram?"),
    ],
)
def test_more_phrasings(text: str, expected: str) -> None:
    assert rewrite_rules(text).ace == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A ferry makes a trip of 60 km in 2 hours. What is the average speed for the trip?",
         "A ferry travels 60 kilometers in 2 hours. What is the speed of the ferry?"),
        ("A van drives 100 miles in 2 hours and then 50 miles in 1 hour. How many miles does the van travel?",
         "A van travels 100 miles in 2 hours. The van travels 50 miles in 1 hour. How many miles does the van travel?"),
    ],
)
def test_trips_and_legs(text: str, expected: str) -> None:
    assert rewrite_rules(text).ace == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How much time does a runner need to run 10 km at 8 km/h?",
         "A runner travels at a speed of 8 kilometers per hour. The runner travels 10 kilometers. How many hours does the runner travel?"),
        ("A song has a duration of 4 minutes. How long does the song last?",
         "A song has a duration of 4 minutes. How many minutes does the song last?"),
        ("Given that a crate is 2 m long, 3 m wide and 1 m high, find its volume.",
         "A box has a length of 2 meters and a width of 3 meters and a height of 1 meter. What is the volume of the box?"),
    ],
)
def test_how_long_with_an_action_asks_a_duration(text: str, expected: str) -> None:
    assert rewrite_rules(text).ace == expected


def test_how_long_never_drops_what_the_question_says() -> None:
    # a duration asked with no time unit anywhere: an issue, not `What is the length of ...?`
    result = rewrite_rules("A ferry crosses a lake. How long does the ferry sail?")
    assert not result.ok or "length" not in (result.ace or ""), result


def test_a_unit_of_area_does_not_introduce_a_square() -> None:
    result = rewrite_rules("A square has an area of 36 square feet. What is its side length?")
    assert result.ace == "A square has an area of 36 square feet. What is the side of the square?", result


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A tram travels 30 km in 2 hours. At what speed does it travel?", "A tram travels 30 kilometers in 2 hours. What is the speed of the tram?"),
        ("A van travels at 40 km/h for 2 hours. Calculate the distance travelled.",
         "A van travels at a speed of 40 kilometers per hour. The van travels for 2 hours. How many kilometers does the van travel?"),
        ("A pole is 5 m long. Its foot is 3 m from a fence. To what height on the fence does it reach?",
         "A pole has a length of 5 meters. The base of the pole is 3 meters from a fence. What is the height of the pole on the fence?"),
    ],
)
def test_question_variants(text: str, expected: str) -> None:
    assert rewrite_rules(text).ace == expected
