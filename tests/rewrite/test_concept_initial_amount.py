"""The amount before one transfer, in wordings written for these tests."""

from __future__ import annotations

import pytest
from rewrite_checks import assert_rewrites_to

from agent.rewrite.initial_amount import define_initial_amount
from agent.rewrite.numbers import numbers_to_digits

START = "The number of the {t} of {who} is X. If {giver} gives {n} {t} to {taker} then {who} has {m} {t}. What is X?"


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        ("Ravi got 12 shells from Dina and now has 40 shells. How many shells did Ravi have originally?",
         START.format(t="shells", who="Ravi", giver="Dina", n=12, taker="Ravi", m=40)),
        ("Dina gave Ravi 9 cards. Ravi now owns 30 cards. How many cards did Ravi start with?",
         START.format(t="cards", who="Ravi", giver="Dina", n=9, taker="Ravi", m=30)),
        ("Ravi gives 5 kites to Dina. Then Ravi has 11 kites. How many kites did Ravi have at first?",
         START.format(t="kites", who="Ravi", giver="Ravi", n=5, taker="Dina", m=11)),
    ],
)
def test_amount_before_a_transfer(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


@pytest.mark.parametrize(
    "text",
    [
        "Dina gave Ravi 9 cards and Lena gave Ravi 4 cards. Ravi now owns 30 cards. How many cards did Ravi start with?",  # two transfers
        "Dina gave Ravi 9 cards. How many cards did Ravi start with?",  # no amount after
    ],
)
def test_other_start_questions_are_refused(text: str) -> None:
    assert define_initial_amount(numbers_to_digits(text)) is None
