"""Pronouns whose antecedent is in their own sentence, and clauses moved before their antecedent.

Sentences written for these tests, not taken from the suites.
"""

from __future__ import annotations

import pytest

from agent.rewrite import rewrite_rules
from agent.rewrite.clauses import split_clauses
from agent.rewrite.draft import Sentence
from agent.rewrite.references import bind_pronouns, expand_possessives, resolve_pronouns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # object pronoun: the last object before it, not the subject of its clause
        ("How long does it take to drain a vat if a valve empties it in 4 hours?", "the vat"),
        # subject pronoun and possessive: the clause-mate subject, not a noun inside a PP
        ("What does a lamp cost after a markdown of 10 percent if its price is 30 dollars?", "the lamp"),
        ("How many seats did a cinema fill if it sold 80 tickets?", "the cinema"),
    ],
)
def test_a_pronoun_may_refer_back_within_its_sentence(text: str, expected: str) -> None:
    (resolved,) = resolve_pronouns([text])
    assert expected in resolved.lower(), resolved


def test_a_plural_pronoun_needs_a_plural_antecedent_in_the_sentence() -> None:
    (resolved,) = resolve_pronouns(["Of the crates on a truck, how many of them are red?"])
    assert "the crates" in resolved, resolved


def test_an_expletive_it_stays() -> None:
    (resolved,) = resolve_pronouns(["How long does it take a kettle to boil?"])
    assert resolved.startswith("How long does it take"), resolved


def test_a_noun_after_a_preposition_is_not_the_subject_of_an_inverted_question() -> None:
    texts = [expand_possessives(t) for t in resolve_pronouns(["A pole leans on a fence.", "How far from the fence is its tip?"])]
    assert texts[1] == "How far from the fence is the tip of the pole?", texts


def test_bind_pronouns_uses_the_words_the_clause_will_move_in_front_of() -> None:
    assert bind_pronouns("a valve empties it in 4 hours", "How long does it take to drain a vat") == "a valve empties the vat in 4 hours"
    assert bind_pronouns("he smiles", "How many pears does a tree carry") == "he smiles", "nothing fits: left as it was"


def test_a_question_condition_moved_in_front_keeps_its_reference() -> None:
    parts = [s.text for s in split_clauses(Sentence("How tall is a mast if its shadow is 9 meters long?", 0, 49))]
    assert parts == ["The shadow of the mast is 9 meters long.", "How tall is a mast?"], parts


def test_while_coordinates_two_clauses() -> None:
    parts = [s.text for s in split_clauses(Sentence("A tap fills a sink in 6 minutes while a plug hole drains the sink in 9 minutes.", 0, 80))]
    assert parts == ["A tap fills a sink in 6 minutes.", "A plug hole drains the sink in 9 minutes."], parts


def test_a_bus_is_one_vehicle() -> None:
    result = rewrite_rules("A bus travels 90 miles at 45 miles per hour. How many hours does the bus travel?")
    assert result.ok, result.issues
    assert "How many hours does the bus travel?" in result.ace, result.ace


@pytest.mark.parametrize(("share", "value"), [("a third", "1/3"), ("2/3", "2/3")])
def test_a_fraction_of_them_stays_a_share_never_a_count(share: str, value: str) -> None:
    """`gives a third of them` is a share of the apples, not `1/3 apples` (which is a count)."""
    result = rewrite_rules(f"Ida has 36 pears. She gives {share} of them to Max. How many pears does Ida have?")
    assert f"{value} pears" not in result.ace, result.ace
    assert "share" in result.ace and value in result.ace, result.ace


def test_a_whole_number_of_them_is_a_count() -> None:
    result = rewrite_rules("Ida has 36 pears. She gives 9 of them to Max. How many pears does Ida have?")
    assert "Ida gives 9 pears to Max." in result.ace, result.ace
