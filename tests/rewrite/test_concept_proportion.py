"""The price of N2 things from the price of N1 of them, in wordings written for these tests."""

from __future__ import annotations

import pytest
from rewrite_checks import assert_rewrites_to

from agent.rewrite.numbers import numbers_to_digits
from agent.rewrite.proportion import define_proportion
from agent.rewrite.units import expand_units


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        ("If 4 lamps cost $18, what is the price of 6 lamps?", "4 lamps cost 18 dollars. How many dollars do 6 lamps cost?"),
        ("How much would 9 towels cost when 3 of them cost $21?", "3 towels cost 21 dollars. How many dollars do 9 towels cost?"),
        ("A market sells 5 melons for $12. Ana also has 5 kites. How much are 15 melons?",
         "5 melons cost 12 dollars. Ana has 5 kites. How many dollars do 15 melons cost?"),
    ],
)
def test_price_by_proportion(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


def test_two_known_prices_are_ambiguous() -> None:
    text = "4 lamps cost $18 and 5 lamps cost $20. What is the price of 6 lamps?"
    assert define_proportion(expand_units(numbers_to_digits(text))) is None
