"""Phrasings written for these tests, not taken from the task families' templates.

Each English question is rewritten by the rules and must mean what the hand-written ACE
means (equal canonical graphs). They were written while building the rules, so they show
that the rules are about English constructions, not that they generalize blindly; the
suite figure in test_suite.py is measured on the families' prompts.
"""

from __future__ import annotations

import pytest

from agent.rewrite import rewrite_rules
from tasks.ace import parse_ace, same_meaning

CASES = [
    (
        "A 10-foot ladder is leaning against a wall. Its top is at a height of 8 feet. How far from the wall is the bottom of the ladder?",
        None,
    ),
    (
        "A rectangular field is 120 m long and 80 m wide. Find its perimeter.",
        "A rectangle has a length of 120 meters and a width of 80 meters. What is the perimeter of the rectangle?",
    ),
    (
        "What's the volume of a ball whose radius is 6 cm?",
        "A sphere has a radius of 6 centimeters. What is the volume of the sphere?",
    ),
    (
        "A train goes at 90 km/h for two and a half hours. How far does it travel?",
        "A train travels at a speed of 90 kilometers per hour. The train travels for 5/2 hours. How many kilometers does the train travel?",
    ),
    (
        "Solve 5y - 3 = 2y + 9 for y.",
        "Calculate the number Y such that 5 * Y - 3 = 2 * Y + 9.",
    ),
    (
        "Find the highest common factor of 84 and 126.",
        "X = 84. Y = 126. Calculate the largest number Z such that Z divides X and Z divides Y.",
    ),
    (
        "What is the 10th term of the arithmetic sequence 3, 7, 11, ...?",
        "An arithmetic sequence has 10 terms. The sequence has a first term of 3 and a difference of 4. What is the last term of the sequence?",
    ),
    (
        "Kim can wash a car in 30 minutes and Lee can wash it in 20 minutes. How long will it take them together?",
        "Kim washes a car in 30 minutes. Lee washes the car in 20 minutes. Kim washes the car with Lee. How many minutes does Kim need?",
    ),
    (
        "A jacket costs $80. It is reduced by 25%. What is the new price?",
        None,
    ),
    (
        "Sam has three dozen eggs and gives 10 eggs to Ann. How many eggs does Sam have left?",
        "Sam has 36 eggs. Sam gives 10 eggs to Ann. How many eggs does Sam have?",
    ),
    (
        "Convert 3 km to meters. The road is 3 km long.",
        None,
    ),
    (
        "Ivan deposits $2,000 at 3% simple interest per year for 4 years. How much interest does he earn?",
        "Ivan deposits 2000 dollars in a bank. The bank pays a simple interest of 3 percent per year. Ivan leaves the money in the bank for 4 years. How many dollars does Ivan earn?",
    ),
]


@pytest.mark.parametrize(("english", "ace"), [c for c in CASES if c[1] is not None])
def test_hand_written_phrasing_means_the_expected_ace(english: str, ace: str) -> None:
    result = rewrite_rules(english)
    assert result.ok, [i.describe() for i in result.issues]
    assert same_meaning(parse_ace(result.ace), parse_ace(ace)), result.ace


@pytest.mark.parametrize("english", [c[0] for c in CASES])
def test_hand_written_phrasing_is_rewritten_or_reported(english: str) -> None:
    result = rewrite_rules(english)
    if result.ok:
        parse_ace(result.ace)
    else:
        assert result.issues and all(english[i.start : i.end] == i.text for i in result.issues)
