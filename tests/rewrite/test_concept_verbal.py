"""Arithmetic said in words about one unknown number, in wordings written for these tests."""

from __future__ import annotations

import pytest

from agent.rewrite.numbers import numbers_to_digits
from agent.rewrite.rules import rewrite_rules
from agent.rewrite.verbal import define_equation
from tasks.ace import parse_ace, same_meaning


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("Four times the difference between a number and 6 equals 28. What is the number?", "4 * (X - 6) = 28"),
        ("The product of 9 and a number is 63. Find the number.", "9 * X = 63"),
        ("Half of a number, increased by 11, is 20. What is the number?", "1/2 * X + 11 = 20"),
        ("Three times a number is 14 more than the number. What is the number?", "3 * X = X + 14"),
        ("8 subtracted from twice a number is 30. Find the number.", "2 * X - 8 = 30"),
        ("The quotient of a number and 7, minus 2, equals 5. What is the number?", "X / 7 - 2 = 5"),
        ("The sum of a number and 13, divided by 4, is 6. What is the number?", "(X + 13) / 4 = 6"),
    ],
)
def test_word_equations_compose(text: str, formula: str) -> None:
    ace = f"Calculate the number X such that {formula}."
    assert define_equation(numbers_to_digits(text)) == ace
    result = rewrite_rules(text)
    assert result.ok and same_meaning(parse_ace(result.ace), parse_ace(ace)), result.ace


@pytest.mark.parametrize(
    "text",
    [
        "The sum of a number and 5 is 12 and the number is even. What is the number?",  # a second condition
        "The sum of 4 and 9 is 13. What is the number?",  # no unknown in the statement
        "A number plus another number is 12. What is the number?",  # a second unknown
    ],
)
def test_other_statements_are_not_one_word_equation(text: str) -> None:
    assert define_equation(numbers_to_digits(text)) is None
