"""Two agents on one job at once, in wordings written for these tests."""

from __future__ import annotations

import pytest
from rewrite_checks import assert_rewrites_to

from agent.rewrite.joint_work import define_joint_work
from agent.rewrite.numbers import numbers_to_digits


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
    assert_rewrites_to(text, ace)


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


def test_a_question_in_another_time_unit_gets_the_conversion() -> None:
    assert_rewrites_to(
        "A pump fills a pool in 3 h and a hose fills it in 6 h. Working together, how many minutes do they need?",
        "A pump fills a pool in 3 hours. A hose fills the pool in 6 hours. The pump fills the pool with the hose."
        " 1 hour is 60 minutes. How many minutes does the pump need?",
    )


def test_meeting_asked_in_minutes_is_not_answered_in_hours() -> None:
    from agent.rewrite.meetings import define_meeting

    text = ("A bus is 90 miles from a car. The bus travels toward the car at 40 miles per hour and the car travels"
            " toward the bus at 50 miles per hour. In how many minutes do they meet?")
    assert define_meeting(text) is None


def test_the_second_time_said_elliptically() -> None:
    assert_rewrites_to(
        "How many hours do Dina and Ravi need to paint a fence together, if Dina alone takes 6 hours and Ravi 3 hours?",
        "Dina paints a fence in 6 hours. Ravi paints the fence in 3 hours. Dina paints the fence with Ravi."
        " How many hours does Dina need?",
    )
