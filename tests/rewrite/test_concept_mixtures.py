"""Two kinds of one thing counted and valued, in wordings written for these tests."""

from __future__ import annotations

from rewrite_checks import assert_rewrites_to

from agent.rewrite.mixtures import define_mixture
from agent.rewrite.nouns import plural, singular
from agent.rewrite.numbers import numbers_to_digits
from agent.rewrite.units import expand_units


def test_heads_and_legs_with_plurals_the_spelling_rules_get_wrong() -> None:
    assert_rewrites_to(
        "On a farm there are only chickens and horses: 20 heads and 64 legs altogether. How many horses are there?",
        "The animals of a farm have 20 heads. The animals have 64 legs. A chicken has 2 legs. A horse has 4 legs."
        " How many horses does the farm have?",
    )


def test_the_takings_are_the_sum_that_is_no_price() -> None:
    assert_rewrites_to(
        "A cinema sold 50 tickets, child tickets at $6 and adult tickets at $11, for $400. How many child tickets were sold?",
        "A cinema sells 50 tickets. The cinema earns 400 dollars. A child ticket costs 6 dollars."
        " An adult ticket costs 11 dollars. How many child tickets does the cinema sell?",
    )


def test_two_sums_besides_the_prices_are_ambiguous() -> None:
    text = "A cinema sold 50 tickets, child tickets at $6 and adult tickets at $11, for $400 or $410. How many child tickets were sold?"
    assert define_mixture(expand_units(numbers_to_digits(text))) is None


def test_singular_asks_the_lexicon_first() -> None:
    assert [singular(w) for w in ("horses", "buses", "geese", "vases", "classes")] == ["horse", "bus", "goose", "vase", "class"]
    assert plural("child") == "children"


def test_heads_and_legs_anywhere_not_only_on_a_farm() -> None:
    assert_rewrites_to(
        "In a yard there are dogs and chickens. Together they have 15 heads and 44 legs. How many dogs are in the yard?",
        "The animals of a farm have 15 heads. The animals have 44 legs. A chicken has 2 legs. A dog has 4 legs."
        " How many dogs does the farm have?",
    )
