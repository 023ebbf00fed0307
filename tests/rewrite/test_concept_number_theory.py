"""Number-theory concepts asked by their English names, in wordings written for these tests."""

from __future__ import annotations

import pytest
from case_tables import grouped
from rewrite_checks import assert_rewrites_to

from agent.rewrite.concepts import define_concepts
from agent.rewrite.equal_shares import define_equal_shares
from agent.rewrite.numbers import numbers_to_digits
from agent.rewrite.people import named_people, the_person
from agent.rewrite.rules import rewrite_rules

LCM = "X = {}. Y = {}. Calculate the least positive number Z such that X divides Z and Y divides Z."
GCD = "X = {}. Y = {}. Calculate the largest number Z such that Z divides X and Z divides Y."
REMAINDER = "X = {}. Y = {}. What is the remainder of the division of X by Y?"
DIVISORS = "X = {}. How many divisors does X have?"
DIGITS = "X = {}. What is the sum of the digits of X?"


REWRITES = grouped({
    "concepts by name": [
        # ACE-shaped as written, but the concept has no ACE word: the definition wins
        ("What is the lowest common multiple of 14 and 35?", LCM.format(14, 35)),
        ("What is the highest common factor of 36 and 60?", GCD.format(36, 60)),
        # the name apart from its arguments
        ("Take the numbers 9 and 15. What is their LCM?", LCM.format(9, 15)),
        ("For 44 and 121, find the greatest common divisor.", GCD.format(44, 121)),
        ("How much is left over if 100 is divided by 7?", REMAINDER.format(100, 7)),
        ("What is left over after dividing 58 by 9?", REMAINDER.format(58, 9)),
        ("How many integers that divide 360 are positive?", DIVISORS.format(360)),
        ("Find the number of positive whole numbers which go into 84.", DIVISORS.format(84)),
        ("Work out 2^20 and add up all its digits.", DIGITS.format("2 ^ 20")),
    ],
    "lcm and gcd described, not named": [
        ("Find the smallest positive integer that is divisible by both 14 and 21.", LCM.format(14, 21)),
        ("What is the biggest whole number that goes into both 45 and 75?", GCD.format(45, 75)),
    ],
    "a common denominator is the lcm of the denominators": [
        ("What is the least common denominator of 3/8 and 5/12?", LCM.format(8, 12)),
        ("Find the common denominator of -7/10 and 1/15.", LCM.format(10, 15)),
        ("Give the lowest common denominator for the fractions 2/9 and -4/21.", LCM.format(9, 21)),
    ],
})


@pytest.mark.parametrize(("text", "ace"), REWRITES)
def test_number_theory_questions_rewrite_to_their_canonical_ace(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


@pytest.mark.parametrize(
    "text",
    [
        "Of 8, 12 and 30, what is their least common multiple?",  # three arguments: not the two-number form
        "How many numbers between 10 and 50 divide 360?",  # a range, not all divisors
        "Add the digits of 4821 and 77.",  # two numbers for a one-number concept
    ],
)
def test_concept_with_the_wrong_arguments_is_refused(text: str) -> None:
    assert define_concepts(numbers_to_digits(text)) is None


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        ("Priya has 45 stamps and 30 postcards. She wants to hand them out equally to pen pals with none left over."
         " What is the greatest possible number of pen pals?", None),
        ("Tomas splits 56 green apples and 42 red apples evenly among some visitors, using all the apples."
         " At most how many visitors are there?",
         "Tomas has 56 green apples and 42 red apples. Tomas shares the green apples among the visitors of Tomas."
         " Tomas shares the red apples among the visitors. Every visitor gets an equal share."
         " What is the largest number of the visitors?"),
        ("Wen gives out 24 crayons and 36 balloons so that every player gets the same number of each and nothing is left."
         " What is the largest number of players?",
         "Wen has 24 crayons and 36 balloons. Wen shares the crayons among the players of Wen. Wen shares the balloons among"
         " the players. Every player gets an equal share. What is the largest number of the players?"),
    ],
)
def test_equal_shares_is_the_gcd_story(text: str, ace: str | None) -> None:
    defined = define_equal_shares(numbers_to_digits(text))
    if ace is None:  # `pen pals`: a two-word recipient the canonical form cannot name
        assert defined is None
    else:
        assert_rewrites_to(text, ace)


def test_equal_shares_needs_nothing_left() -> None:
    text = "Tomas splits 56 pears and 42 plums evenly among some visitors. At most how many visitors are there?"
    assert define_equal_shares(text) is None, "without `nothing left` it is not the gcd"


def test_people_are_the_proper_names() -> None:
    assert named_people("Find the sum. Maya and Leo have 4 pens. On Monday Maya buys 2.") == ["Maya", "Leo"]
    assert the_person("If Rosa tosses a coin, what is the chance?") == "Rosa"
    assert the_person("What is the chance?") is None


def test_one_before_a_scale_is_a_number() -> None:
    assert numbers_to_digits("A bus leaves every one hundred minutes.") == "A bus leaves every 100 minutes."
    assert numbers_to_digits("Each one costs 5 dollars.") == "Each one costs 5 dollars."


def test_equal_shares_with_no_leftovers_said_of_people() -> None:
    assert_rewrites_to(
        "Lena has 42 red beads and 56 blue beads. She divides them evenly among her guests so that nobody gets"
        " leftovers. What is the largest number of guests?",
        "Lena has 42 red beads and 56 blue beads. Lena shares the red beads among the guests of Lena. Lena shares the"
        " blue beads among the guests. Every guest gets an equal share. What is the largest number of the guests?",
    )


@pytest.mark.parametrize("text", ["What is the common denominator of 2/4 and 1/6?",  # 2/4 is not in lowest terms
                                  "What is the common denominator of 3/0 and 1/6?"])
def test_a_common_denominator_of_unreduced_fractions_is_not_guessed(text: str) -> None:
    assert define_concepts(text) is None
    assert not rewrite_rules(text).ok
