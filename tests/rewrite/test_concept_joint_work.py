"""Two agents on one job at once, in wordings written for these tests."""

from __future__ import annotations

import pytest

from agent.rewrite.joint_work import define_joint_work
from agent.rewrite.numbers import numbers_to_digits
from agent.rewrite.rules import rewrite_rules
from tasks.ace import parse_ace


def _same_graph(text: str, ace: str) -> None:
    result = rewrite_rules(text)
    assert result.ok, f"{text!r} was not rewritten: {[i.reason for i in result.issues]}"
    assert parse_ace(result.ace).canonical() == parse_ace(ace).canonical(), f"{text!r} -> {result.ace!r}"


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        ("If Dina alone needs 9 days and Ravi alone needs 12 days to paint a house, how many days do they need together?",
         "Dina paints a house in 9 days. Ravi paints the house in 12 days. Dina paints the house with Ravi."
         " How many days does Dina need?"),
        ("A tank is filled by a pump in 6 hours and by a hose in 10 hours. Both run at once. In how many hours is the tank full?",
         "A pump fills a tank in 6 hours. A hose fills the tank in 10 hours. The pump fills the tank with the hose."
         " How many hours does the pump need?"),
        ("A drain empties a pool in 30 minutes while a pipe fills it in 20 minutes. How long does it take to fill the pool?",
         "A pipe fills a pool in 20 minutes. A drain empties the pool in 30 minutes. The pipe fills the pool and the drain"
         " empties the pool. How many minutes does the pipe need?"),
    ],
)
def test_joint_work(text: str, ace: str) -> None:
    _same_graph(text, ace)


@pytest.mark.parametrize(
    "text",
    [
        "Dina paints a house in 9 days and Ravi paints a fence in 12 days. How many days do they need together?",  # two jobs
        "Dina paints a house in 9 days and Ravi paints it in 12 hours. How long do they need together?",  # two units
        "Dina paints a house in 9 days. Ravi paints it in 12 days. How many days does Ravi need?",  # not at once
    ],
)
def test_other_work_questions_are_refused(text: str) -> None:
    assert define_joint_work(numbers_to_digits(text)) is None
