"""`respectively`, people's pronouns for common nouns, and answer units that must be kept.

Sentences written for these tests, not taken from the suites.
"""

from __future__ import annotations

import pytest

from agent.rewrite import rewrite_rules
from agent.rewrite.respectively import distribute_respectively


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The red jar and the blue jar hold 3 liters and 5 liters respectively.",
         "The red jar holds 3 liters; the blue jar holds 5 liters."),
        ("Ivy and Sam are 9 and 11 years old, respectively.", "Ivy is 9 years old; Sam is 11 years old."),
        ("A tram and a van leave 90 km apart and head toward each other at 20 km/h and 25 km/h respectively.",
         "A tram and a van leave 90 km apart; A tram heads toward the van at 20 km/h; a van heads toward the tram at 25 km/h."),
        ("A tap and a drain fill and empty a sink in 3 minutes and 5 minutes respectively.",
         "A tap fills a sink in 3 minutes; a drain empties a sink in 5 minutes."),
    ],
)
def test_respectively_gives_each_subject_its_own_value(text: str, expected: str) -> None:
    assert distribute_respectively(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ivy, Sam and Al have 1, 2 and 3 pens respectively.",  # three subjects: not paired here
        "Two vans drive at 20 km/h and 25 km/h respectively.",  # no coordinated subject to pair with
        "Ivy and Sam have 4 pens.",  # no respectively
    ],
)
def test_what_does_not_pair_up_is_left_as_it_is(text: str) -> None:
    assert distribute_respectively(text) == text


def test_a_meeting_with_respectively_keeps_both_speeds() -> None:
    result = rewrite_rules("A van and a taxi start 150 km apart and drive toward each other at 40 km/h and 35 km/h respectively. When do they meet?")
    assert result.ok, result.issues
    assert "The van travels towards the taxi at a speed of 40 kilometers per hour." in result.ace
    assert "The taxi travels towards the van at a speed of 35 kilometers per hour." in result.ace


def test_she_may_refer_to_a_noun_for_a_person() -> None:
    result = rewrite_rules("A runner runs at 8 km/h for 2 hours. How far does she run?")
    assert result.ace == "A runner travels at a speed of 8 kilometers per hour. The runner travels for 2 hours. How many kilometers does the runner travel?"


def test_they_may_refer_to_the_two_doers_before_it() -> None:
    result = rewrite_rules("A tap fills a pool in 6 hours. A pump fills the pool in 3 hours. How long do they take together?")
    assert result.ok, result.issues
    assert result.ace.endswith("The tap fills the pool with the pump. How many hours does the tap need?")


def test_a_duration_inside_a_how_far_question_is_a_fact() -> None:
    result = rewrite_rules("A tram moves at 30 km/h. How far does it go in 1.5 hours?")
    assert result.ace == "A tram travels at a speed of 30 kilometers per hour. The tram travels for 1.5 hours. How many kilometers does the tram travel?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asked in another unit than given: converted, not dropped
        ("A ribbon is 300 centimeters long. How long is it in meters?",
         "A ribbon has a length of 300 centimeters. 1 meter is 100 centimeters. How many meters does the ribbon measure?"),
        # asked in the unit given: the hint adds nothing
        ("A ribbon is 300 centimeters long. How long is it in centimeters?", "A ribbon has a length of 300 centimeters. What is the length of the ribbon?"),
    ],
)
def test_an_answer_unit_is_kept_unless_it_is_the_one_given(text: str, expected: str) -> None:
    assert rewrite_rules(text).ace == expected
