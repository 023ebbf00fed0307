"""The guard on whole-text definitions: a stated number is never dropped."""

from __future__ import annotations

from agent.rewrite.conservation import keeps_stated_numbers, lost_numbers, with_side_facts


def test_a_dropped_quantity_is_reported() -> None:
    source = "Kim splits 90 dollars with Lee in the ratio 2 to 7. Lee also owns 12 kites."
    ace = "Kim shares 90 dollars with Lee. The share of Kim is 2 parts. The share of Lee is 7 parts."
    assert lost_numbers(source, ace) == ["12"]


def test_determiner_values_and_listed_terms_may_go() -> None:
    # `the larger 1` and `2 numbers` are the numbers pass's digits for pronoun and determiner
    assert lost_numbers("2 numbers add to 40 and differ by 6. Find the larger 1.", "X + Y = 40. X - Y = 6. What is X?") == []
    # a listed run is summed up by its first term and the rule
    assert lost_numbers("Add the first 5 terms of 3, 9, 27, ...", "A geometric sequence has 5 terms. The sequence has a first term of 3 and a ratio of 3.") == []
    # but a list whose first term is gone is lost
    assert lost_numbers("Add the first 5 terms of 3, 9, 27, ...", "A sequence has 5 terms.") == ["3", "9", "27"]


def test_values_compare_exactly_and_by_magnitude() -> None:
    assert lost_numbers("Each term is 4 less than the one before.", "The sequence has a difference of -4.") == []
    assert lost_numbers("A rope of 2.50 meters.", "A rope has a length of 2.5 meters.") == []
    assert lost_numbers("It costs 12.5 dollars.", "It costs 125 dollars.") == ["12.5"]


def test_the_guard_turns_a_lossy_definition_into_none() -> None:
    define = keeps_stated_numbers(lambda text: "X = 6. What is X?")
    assert define("What is 6?") == "X = 6. What is X?"
    assert define("What is 6 if Ann has 40 pens?") is None


def test_plain_side_facts_are_carried_after_the_first_sentence() -> None:
    source = "Kim splits 90 dollars with Lee in the ratio 2 to 7. Lee also owns 12 kites. What is Lee's share?"
    ace = "Kim shares 90 dollars with Lee. The share of Kim is 2 parts. The share of Lee is 7 parts. How many dollars does Lee get?"
    assert with_side_facts(source, ace) == (
        "Kim shares 90 dollars with Lee. Lee has 12 kites. The share of Kim is 2 parts. The share of Lee is 7 parts."
        " How many dollars does Lee get?"
    )
    assert lost_numbers(source, with_side_facts(source, ace)) == []
