"""The number guard: a rewrite keeps every number of the input, or says which one it lost.

Sentences written for these tests, not taken from the suites.
"""

from __future__ import annotations

from fractions import Fraction

from agent.rewrite import rewrite_rules
from agent.rewrite.validate import declared_numbers, number_changes, numbers_of


def test_numbers_are_compared_as_exact_values() -> None:
    assert numbers_of("It costs 2.50 dollars, 5/2 dollars or 1,200 cents.") == {Fraction(5, 2): 2, Fraction(1200): 1}


def test_a_number_that_is_part_of_a_word_is_not_a_number() -> None:
    assert numbers_of("Route X1 has 3 stops.") == {Fraction(3): 1}


def test_a_lost_speed_is_reported() -> None:
    english = "The van drives toward the tram at 40 miles per hour, and the tram drives toward the van at 25 miles per hour."
    ace = "The van travels towards the tram at a speed of 40 miles per hour. The tram travels towards the van at a speed of 40 miles per hour."
    changes = number_changes(english, ace)
    assert [(c.value, c.lost) for c in changes] == [(Fraction(25), True), (Fraction(40), False)], changes


def test_a_stated_conversion_factor_is_declared_but_a_wrong_one_is_not() -> None:
    assert declared_numbers("1 yard is 3 feet. 1 square foot is 144 square inches.") == {1: 2, 3: 1, 144: 1}
    assert declared_numbers("1 yard is 4 feet.") == {}, "a factor the unit table does not give is no declaration"
    english = "A hallway is 7 yards long. How many feet long is it?"
    assert number_changes(english, "A hallway has a length of 7 yards. 1 yard is 3 feet. How many feet does the hallway measure?") == []
    changed = number_changes(english, "A hallway has a length of 7 yards. 1 yard is 4 feet. How many feet does the hallway measure?")
    assert {c.value for c in changed} == {1, 4}


def test_one_may_become_an_article_and_a_count_may_become_noun_phrases() -> None:
    assert number_changes("The 2 short sides of a set square measure 5 cm and 12 cm.", "A right triangle has a leg of 5 cm and a leg of 12 cm.") == []
    assert number_changes("One pump fills a pool in 3 hours.", "A pump fills a pool in 3 hours.") == []


def test_a_duplicated_measurement_is_reported() -> None:
    changes = number_changes("The 2 sides of a kite measure 5 cm.", "A kite has a side of 5 cm and a side of 5 cm.")
    assert [(c.value, c.lost) for c in changes] == [(Fraction(5), False)]


def test_a_lost_measurement_is_never_excused() -> None:
    changes = number_changes("A path is 2 meters wide and 9 meters long.", "A path has a length of 9 meters.")
    assert [(c.value, c.lost) for c in changes] == [(Fraction(2), True)]


def test_a_concept_definition_may_compute_numbers_but_must_keep_measurements() -> None:
    english = "A field is 4 meters longer than it is wide, and its area is 96 square meters."
    ace = "The width of a field is X. The length of the field is Y. Y = X + 4. The area of the field is 96 square meters."
    assert number_changes(english, ace, derived=True) == []
    dropped = "The width of a field is X. The length of the field is Y. Y = X + 4. What is Y?"
    assert [c.value for c in number_changes(english, dropped, derived=True)] == [96]


def test_the_rewriter_refuses_what_the_guard_rejects() -> None:
    # a rewrite that keeps every number is accepted...
    kept = rewrite_rules("A kayak paddles 12 kilometers in 3 hours. What is the speed of the kayak?")
    assert kept.ok, kept.issues
    # ...and every issue of a failed rewrite points at the user's words
    for issue in rewrite_rules("A kayak paddles 12 kilometers in 3 hours, respectively 5. What?").issues:
        assert issue.text, issue


def test_a_measure_kept_with_another_unit_is_reported() -> None:
    changes = number_changes("A kite flies at 30 kilometers per hour.", "A kite travels at a speed of 30 miles per hour.")
    assert [c.unit_changed for c in changes] == [True], changes
    assert "another unit" in changes[0].describe()


def test_an_area_that_lost_its_square_is_reported() -> None:
    changes = number_changes("A mat covers 6 square feet.", "A mat has an area of 6 feet.")
    assert [c.unit_changed for c in changes] == [True], changes


def test_a_rate_written_with_a_or_per_is_the_same_measure() -> None:
    assert number_changes("A fund pays 3 percent a year.", "A fund pays an interest of 3 percent per year.") == []
