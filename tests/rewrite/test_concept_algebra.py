"""Word problems about unknown numbers, in wordings written for these tests."""

from __future__ import annotations

import pytest
from rewrite_checks import assert_rewrites_to

from agent.rewrite.algebra import define_algebra
from agent.rewrite.numbers import numbers_to_digits


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        ("Six consecutive integers add up to 3. What is the lowest of them?",
         "Calculate the number X such that X + (X + 1) + (X + 2) + (X + 3) + (X + 4) + (X + 5) = 3."),
        ("Find the biggest of three consecutive even integers that sum to 78.",
         "A number X is unknown. X + (X + 2) + (X + 4) = 78. Y = X + 4. What is Y?"),
        ("When you add four consecutive numbers you get -22. Which one is the greatest?",
         "A number X is unknown. X + (X + 1) + (X + 2) + (X + 3) = -22. Y = X + 3. What is Y?"),
    ],
)
def test_consecutive_integers_from_their_sum(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


@pytest.mark.parametrize(
    "text",
    [
        "Three consecutive integers add up to 60. What is their product?",  # neither end is asked
        "The sum of three consecutive integers is 60 and their product is 7980. What is the smallest?",  # two conditions
    ],
)
def test_consecutive_integers_without_one_asked_end_are_refused(text: str) -> None:
    assert define_algebra(numbers_to_digits(text)) is None


def test_two_numbers_with_a_sum_of_and_a_difference_of() -> None:
    assert_rewrites_to(
        "Two numbers have a sum of 90 and a difference of 24. What is the larger number?",
        "A number X is unknown. A number Y is unknown. X + Y = 90. X - Y = 24. What is X?",
    )
