"""General constructions: discourse adverbs, gapping, solutions of an equation, `in` as the inch.

Sentences written for these tests, not taken from the suites.
"""

from __future__ import annotations

import pytest

from agent.rewrite import rewrite_rules
from agent.rewrite.clauses import split_clauses
from agent.rewrite.draft import Sentence
from agent.rewrite.measures import extract_measures
from agent.rewrite.phrases import normalize_phrases
from agent.rewrite.questions import rewrite_question


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Then Ivy gives Sam 3 stamps.", "Ivy gives 3 stamps to Sam."),
        ("After that, a crane lifts 2 crates.", "A crane lifts 2 crates."),
        ("Now the shelf has 9 books.", "The shelf has 9 books."),
        ("Thenceforth the shelf has 9 books.", "Thenceforth the shelf has 9 books."),  # a word, not the adverb
    ],
)
def test_a_leading_discourse_adverb_goes(text: str, expected: str) -> None:
    assert normalize_phrases(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tap fills the sink alone in 6 minutes and the hose in 4 minutes.",
         ["The tap fills the sink alone in 6 minutes.", "The hose fills the sink in 4 minutes."]),
        ("Ivy can weed a garden in 3 hours, Sam in 5.", ["Ivy can weed a garden in 3 hours.", "Sam can weed a garden in 5 hours."]),
        ("Ivy reads 20 pages and Sam 30 pages.", ["Ivy reads 20 pages and Sam 30 pages."]),  # no measure phrase: not this rule
    ],
)
def test_gapping_repeats_the_verb_and_object(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_clauses(Sentence(text, 0, len(text)))] == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Find all solutions of the equation X ^ 2 - 16 = 0.", "Calculate the numbers X such that X ^ 2 - 16 = 0."),
        ("What are the roots of Z ^ 2 - 5 * Z + 6 = 0?", "Calculate the numbers Z such that Z ^ 2 - 5 * Z + 6 = 0."),
        ("Find the solution to 4 * Y - 2 = 10.", "Calculate the number Y such that 4 * Y - 2 = 10."),
    ],
)
def test_solutions_of_an_equation_are_the_numbers_that_make_it_true(question: str, expected: str) -> None:
    assert rewrite_question(question, question) == expected


def test_an_equation_in_two_unknowns_is_not_solved_for_one() -> None:
    assert not rewrite_question("Find all solutions of X + Y = 3.", "").startswith("Calculate")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A pole of length 30 in leans on a fence.", "A pole has a length of 30 inches."),
        ("The base of the pole stands 18 in from the fence.", "The base of the pole stands 18 inches from the fence."),
        ("Ivy puts 4 in the basket.", "Ivy puts 4 in the basket."),  # `in` before a noun phrase is the preposition
    ],
)
def test_in_after_a_number_is_the_inch_where_no_noun_phrase_follows(text: str, expected: str) -> None:
    assert extract_measures(Sentence(text, 0, len(text)))[0].text == expected


def test_a_fact_that_introduces_a_thing_comes_before_one_that_refers_to_it() -> None:
    result = rewrite_rules("How many beads does Ivy use from a box of 80 beads if Ivy uses 25 percent of the beads?")
    assert result.ok, result.issues
    assert result.ace.startswith("A box has 80 beads. "), result.ace


def test_a_non_restrictive_who_clause_about_a_person_is_a_fact_first() -> None:
    parts = [s.text for s in split_clauses(Sentence("Ivy hands 6 cards to Sam, who already has 10.", 0, 46))]
    assert parts == ["Sam has 10.", "Ivy hands 6 cards to Sam."], parts


def test_fill_containers_of_n_each_singularizes_the_container() -> None:
    result = rewrite_rules("There are 60 eggs, and they fill boxes of 12 eggs each. Find the number of boxes.")
    assert result.ace == "There are 60 eggs. Every box has 12 eggs. How many boxes are there?", result


def test_a_participle_clause_after_a_comma_is_a_clause_about_the_subject() -> None:
    parts = [s.text for s in split_clauses(Sentence("Ivy walks to a park, carrying 3 bags.", 0, 37))]
    assert parts == ["Ivy walks to a park.", "Ivy carries 3 bags."], parts
    result = rewrite_rules("A pole 10 ft long leans against a fence, reaching 8 ft up. How far is its base from the fence?")
    assert result.ace == ("A pole has a length of 10 feet. The pole leans against a fence. The pole reaches a height of 8 feet on the fence. "
                          "What is the distance of the base of the pole from the fence?"), result


def test_a_unit_hint_in_parentheses() -> None:
    result = rewrite_rules("A tram travels 40 km in 2 hours. Find its speed (in km/h).")
    assert result.ok and result.ace.startswith("A tram travels 40 kilometers in 2 hours. What is the"), result
    assert "km/h" not in result.ace
