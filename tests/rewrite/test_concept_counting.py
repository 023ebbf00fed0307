"""Counting questions (choices, orders, arrangements), in wordings written for these tests."""

from __future__ import annotations

import pytest
from rewrite_checks import assert_rewrites_to

from agent.rewrite.counting_problems import define_counting
from agent.rewrite.numbers import numbers_to_digits

COMMITTEE = "A club has {} members. The club chooses a committee of {} members. What is the number of the possible committees?"
SHELF = "A shelf has {} books. What is the number of the possible orders of the books?"
MEDALS = "A race has {} runners. The race gives {} different medals to {} runners. What is the number of the possible orders of the medals?"


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        ("A choir of 14 students sends a delegation of 3 to a festival. How many delegations are possible?",
         COMMITTEE.format(14, 3)),
        ("How many different panels of 4 can be picked from 9 teachers?", COMMITTEE.format(9, 4)),
        ("How many 3-person teams can be formed from a group of 11 students?", COMMITTEE.format(11, 3)),
        ("In how many ways can 8 distinct trophies be lined up in a row?", SHELF.format(8)),
        ("A contest has 12 players and 3 distinct prizes. How many prize orders are possible?", MEDALS.format(12, 3, 3)),
    ],
)
def test_counting_by_roles(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


@pytest.mark.parametrize(
    "text",
    [
        "A club of 10 members elects a president and a treasurer. In how many ways can it be done?",  # order matters
        "In how many ways can 3 of 8 books be arranged on a shelf?",  # a partial arrangement, not all 8
        "A club of 10 members picks a committee of 12. How many committees are possible?",  # more chosen than there are
        "How many committees of 4 can a club of 9 members form if Rui must be on it?",  # a condition on the choice
        "In how many ways can 5 different books be arranged on a shelf if two of them must stay next to each other?",
    ],
)
def test_other_counting_questions_are_refused(text: str) -> None:
    assert define_counting(numbers_to_digits(text)) is None, text
