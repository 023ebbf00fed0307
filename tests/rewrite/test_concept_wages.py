"""Pay for time worked, in wordings written for these tests."""

from __future__ import annotations

import pytest
from rewrite_checks import assert_rewrites_to

from agent.rewrite.numbers import numbers_to_digits
from agent.rewrite.units import expand_units
from agent.rewrite.wages import define_wages


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        ("Mira is paid $18 for each hour she works. She worked 7 hours on Saturday. How much money did she make?",
         "Mira earns 18 dollars per hour. Mira works for 7 hours. How many dollars does Mira earn?"),
        ("Tomas made $96 at $12 an hour. How many hours did Tomas work?",
         "Tomas earns 12 dollars per hour. Tomas earns 96 dollars. How many hours does Tomas work?"),
    ],
)
def test_pay_for_time(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


@pytest.mark.parametrize(
    "text",
    [
        "Mira earns $18 per hour and works 7 hours. Tomas earns $12 per hour. How many dollars does Mira earn?",  # two wages
        "Mira earns $18 per hour. She worked 7 hours and earned $126. How many hours did she work?",  # nothing unknown
    ],
)
def test_other_pay_questions_are_refused(text: str) -> None:
    assert define_wages(expand_units(numbers_to_digits(text))) is None
