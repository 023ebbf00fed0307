"""Probability questions about coins, dice and draws, in wordings written for these tests."""

from __future__ import annotations

import pytest
from case_tables import grouped
from rewrite_checks import assert_rewrites_to

from agent.rewrite.chance import actor, define_chance
from agent.rewrite.counting_problems import define_counting
from agent.rewrite.numbers import numbers_to_digits

REWRITES = grouped({
    "coin tosses": [
        ("Hugo flips an unbiased coin six times. What is the chance that he gets precisely two heads?",
         "Hugo tosses 6 coins. What is the probability of 2 heads?"),
        ("What is the probability that exactly 4 of Rita's 10 coin flips come up tails?",
         "Rita tosses 10 coins. What is the probability of 4 tails?"),
        ("Kofi tosses 3 fair coins. How likely is it that he sees no tails?",
         "Kofi tosses 3 coins. What is the probability of 0 tails?"),
        ("Ines tosses a coin 5 times. Find the probability that exactly one of the tosses lands heads.",
         "Ines tosses 5 coins. What is the probability of 1 head?"),
    ],
    "dice totals": [
        ("Pedro rolls a pair of dice. What is the probability that the numbers add up to 9?",
         "Pedro rolls 2 dice. Every die has 6 faces. What is the probability of a sum of 9?"),
        ("Yuki throws two four-sided dice. Find the chance that their total is 5.",
         "Yuki rolls 2 dice. Every die has 4 faces. What is the probability of a sum of 5?"),
        ("Zara rolls three dice, each numbered 1 to 10. How likely is a total of 12?",
         "Zara rolls 3 dice. Every die has 10 faces. What is the probability of a sum of 12?"),
    ],
    "draws from a container": [
        ("A jar contains 6 purple beads and 4 orange beads. Omid pulls out 2 beads without looking and keeps them."
         " What is the probability that both are orange?",
         "A bag has 6 purple marbles and 4 orange marbles. Omid draws 2 marbles from the bag."
         " What is the probability of 2 orange marbles?"),
        ("Lena takes a ball from an urn with 3 red, 5 green and 2 white balls. What is the probability of drawing a green ball?",
         "A bag has 3 red marbles and 5 green marbles and 2 white marbles. Lena draws 1 marble from the bag."
         " What is the probability of 1 green marble?"),
    ],
    "coin outcomes said as times or all": [
        ("Vera tosses a coin 4 times. What is the probability that it comes up tails exactly three times?",
         "Vera tosses 4 coins. What is the probability of 3 tails?"),
        ("Vera flips 5 coins. What is the chance that all of them show heads?",
         "Vera tosses 5 coins. What is the probability of 5 heads?"),
    ],
    "an experiment nobody is named for gets a person who acts": [
        ("A box holds 4 green balls and 6 white balls. A ball is drawn at random. What is the probability that it is white?",
         "A bag has 4 green marbles and 6 white marbles. A person draws 1 marble from the bag. What is the probability of 1 white marble?"),
        ("A jar has 2 pink beads and 9 gray beads. What is the probability of picking a gray bead?",
         "A bag has 2 pink marbles and 9 gray marbles. A person draws 1 marble from the bag. What is the probability of 1 gray marble?"),
        ("A fair coin is flipped 7 times. What is the probability of exactly 4 tails?",
         "A person tosses 7 coins. What is the probability of 4 tails?"),
    ],
})


@pytest.mark.parametrize(("text", "ace"), REWRITES)
def test_chance_questions_rewrite_to_their_canonical_ace(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


@pytest.mark.parametrize(
    "text",
    [
        # another question than the canonical ones: refused, not forced into them
        "Hugo flips a coin 6 times. What is the probability of at least 2 heads?",
        "A jar contains 6 purple beads and 4 orange beads. Omid draws 2 beads with replacement. What is the probability that both are orange?",
        "A jar contains 6 purple beads and 4 orange beads. Omid draws 2 beads. What is the probability of one purple and one orange bead?",
        # two people: who tosses is ambiguous
        "Hugo and Rita each flip a coin 6 times. What is the probability that Rita gets 2 heads?",
    ],
)
def test_other_questions_are_not_forced_into_a_definition(text: str) -> None:
    assert define_chance(numbers_to_digits(text)) is None, text


def test_a_side_fact_is_carried_over_not_dropped() -> None:
    text = "Pedro rolls a pair of dice. Pedro also has 7 pencils. What is the probability that the sum is 9?"
    assert define_counting(numbers_to_digits(text)) == (
        "Pedro rolls 2 dice. Pedro has 7 pencils. Every die has 6 faces. What is the probability of a sum of 9?"
    )


def test_a_lost_number_that_is_no_side_fact_refuses_the_definition() -> None:
    text = "Pedro rolls a pair of dice 3 times. What is the probability that the sum is 9?"
    assert define_counting(numbers_to_digits(text)) is None, "the 3 rolls are not in the definition"


def test_actor_is_the_one_person_who_acts() -> None:
    assert actor("What is the probability that exactly 2 of Sam's 4 tosses land heads?") == "Sam"
    assert actor("Find the probability. Ana draws 2 marbles.") == "Ana"
    assert actor("Ana draws 2 marbles and Ben draws 1 marble.") is None


def test_a_complement_or_a_union_is_another_question() -> None:
    assert define_chance("Vera tosses a coin 4 times. What is the probability of not getting 2 heads?") is None
    assert define_chance("Vera rolls 2 dice. What is the probability that the sum is 7 or 11?") is None


def test_an_ordered_outcome_is_another_question() -> None:
    assert define_chance("Vera tosses a coin 4 times. What is the probability of 2 heads in a row?") is None
    assert define_chance("Vera tosses a coin 4 times. What is the probability that the first toss is heads?") is None


def test_a_named_person_who_does_not_act_still_refuses() -> None:
    """Naming someone who is not the one acting leaves the actor ambiguous: no definition."""
    assert define_chance("A fair coin is flipped 7 times while Rita watches. What is the probability of exactly 4 tails?") is None
