"""Percent change of a money amount and a score as a percentage, in wordings written for these tests."""

from __future__ import annotations

import pytest
from rewrite_checks import assert_rewrites_to

from agent.rewrite.numbers import numbers_to_digits
from agent.rewrite.percent_change import define_percent_change
from agent.rewrite.units import expand_units


def _prepared(text: str) -> str:
    return expand_units(numbers_to_digits(text))


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        ("A lamp that usually sells for $64 is marked down 25%. How much does it cost now?",
         "A lamp has a price of 64 dollars. A shop gives a discount of 25 percent on the lamp. What is the new price of the lamp?"),
        ("During a sale the store takes 15 percent off a sofa. What is the sale price of the sofa if it normally costs $900?",
         "A sofa has a price of 900 dollars. A shop gives a discount of 15 percent on the sofa. What is the new price of the sofa?"),
        ("The fee of a club is 120 dollars. The fee is cut by 10 percent. What is the new fee?",
         "A club has a fee of 120 dollars. The fee of the club decreases by 10 percent. What is the new fee of the club?"),
        ("The rent of a flat was $800 last year and it was raised by 5 percent. What is the rent now?",
         "A flat has a rent of 800 dollars. The rent of the flat increases by 5 percent. What is the new rent of the flat?"),
    ],
)
def test_percent_change_of_a_money_amount(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


@pytest.mark.parametrize(
    "text",
    [
        "A lamp is marked down 25% from $64. What was the original price?",  # asks the amount before
        "A lamp is marked down 25% from $64. How much money does the buyer save?",  # asks the saving
        "A lamp costs $64 and a rug costs $80. Both are 25% off. What is the new price of the lamp?",  # two amounts
        "A lamp that costs $64 is 25% off, then 10% off. What is the new price of the lamp?",  # two changes
    ],
)
def test_other_percent_questions_are_refused(text: str) -> None:
    assert define_percent_change(_prepared(text)) is None, text


def test_score_as_a_percentage() -> None:
    assert_rewrites_to(
        "A test has 40 questions. Ravi answers 30 of them correctly. What percent of the questions does Ravi answer correctly?",
        "A test has 40 questions. Ravi answers 30 questions. What is the percentage of the questions that Ravi answers?",
    )
    assert_rewrites_to(
        "On a 16-question test Ayla gets 12 questions right. Express this as a percent of the questions.",
        "A test has 16 questions. Ayla answers 12 questions. What is the percentage of the questions that Ayla answers?",
    )


def test_a_percentage_of_a_quantity_is_a_share_of_it() -> None:
    assert_rewrites_to(
        "A square has a side of 6 meters. What is 50 percent of the area of the square?",
        "A square has a side of 6 meters. A share of the area of the square is 50 percent. What is the share?",
    )


def test_a_markup_is_an_increase_of_the_price() -> None:
    assert_rewrites_to(
        "A shop marks up a $80 lamp by 15%. What is the new price?",
        "A lamp has a price of 80 dollars. The price of the lamp increases by 15 percent. What is the new price of the lamp?",
    )


def test_answers_right_out_of_a_total_is_a_score() -> None:
    assert_rewrites_to(
        "Ines gets 27 of 30 answers right. What percent of the answers did she get right?",
        "A test has 30 questions. Ines answers 27 questions. What is the percentage of the questions that Ines answers?",
    )


def test_asking_the_amount_of_the_change_is_refused() -> None:
    assert define_percent_change(_prepared("A lamp costs $64 and is 25% off. What is the discount in dollars?")) is None
    assert define_percent_change(_prepared("A lamp costs $64 and is 25% off. How much is the discount?")) is None
    assert define_percent_change(_prepared("A lamp costs $64. What is its price after a 25% discount?")) is not None
