"""Everyday money and recipe stories, in wordings written for these tests."""

from __future__ import annotations

from rewrite_checks import assert_rewrites_to

from agent.rewrite.numbers import numbers_to_digits
from agent.rewrite.stories import define_story
from agent.rewrite.units import expand_units


def test_change_with_prices_stated_before_the_purchase() -> None:
    assert_rewrites_to(
        "A plate costs $7 and a bowl costs $1. Kenji buys 3 plates and 1 bowl and gives the cashier a $50 note."
        " How much change does Kenji get back?",
        "Kenji buys 3 plates. A plate costs 7 dollars. Kenji buys 1 bowl. A bowl costs 1 dollar. Kenji pays 50 dollars."
        " A shop gives the change to Kenji. How many dollars does the shop give to Kenji?",
    )


def test_change_after_buying_at_a_price_each() -> None:
    assert_rewrites_to(
        "How much change does Aroha get from $30 after buying 4 pens at $2.25 each and 2 cups for $5 each?",
        "Aroha buys 4 pens. A pen costs 2.25 dollars. Aroha buys 2 cups. A cup costs 5 dollars. Aroha pays 30 dollars."
        " A shop gives the change to Aroha. How many dollars does the shop give to Aroha?",
    )


def test_recipe_scaled_for_as_many_people_as_it_serves() -> None:
    assert_rewrites_to(
        "For 4 people a recipe needs 600 grams of rice. Dara cooks it for 4 people and buys rice in 500 gram bags."
        " How many bags does Dara need?",
        "A recipe needs 600 grams for 4 people. Dara cooks the recipe for 4 people. A bag has 500 grams."
        " How many bags does Dara need?",
    )


def test_change_after_three_kinds_of_items() -> None:
    assert_rewrites_to(
        "Kenji buys 3 plates at $7 each, 1 bowl at $1 each and 2 cups at $4 each and pays $50. How much change does he get?",
        "Kenji buys 3 plates. A plate costs 7 dollars. Kenji buys 1 bowl. A bowl costs 1 dollar. Kenji buys 2 cups."
        " A cup costs 4 dollars. Kenji pays 50 dollars. A shop gives the change to Kenji."
        " How many dollars does the shop give to Kenji?",
    )


def test_change_without_a_payment_is_refused() -> None:
    text = "Kenji buys 3 plates at $7 each. How much change does he get?"
    assert define_story(expand_units(numbers_to_digits(text))) is None


def test_interest_compounded_monthly_is_not_read_as_yearly() -> None:
    from agent.rewrite.interest import define_deposit

    text = "Ines deposits 1000 dollars at 6 percent compound interest, compounded monthly, for 2 years. How much interest does she earn?"
    assert define_deposit(text) is None


def test_school_day_asked_in_hours_is_not_answered_in_minutes() -> None:
    text = "A day has 5 lessons of 40 minutes each, 2 breaks of 10 minutes each and a lunch of 30 minutes. How many hours does the day last?"
    assert define_story(text) is None
