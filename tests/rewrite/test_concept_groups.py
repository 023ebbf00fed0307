"""Equal groups and fair shares, in wordings written for these tests."""

from __future__ import annotations

import pytest
from case_tables import grouped
from rewrite_checks import assert_rewrites_to

from agent.rewrite.groups import group_facts, group_question

REWRITES = grouped({
    "equal groups and fair shares": [
        ("Kofi sorts 96 pens into boxes, 12 pens in each box. How many boxes does Kofi need?",
         "There are 96 pens. Every box has 12 pens. How many boxes are there?"),
        ("Lina fills 9 bags with 7 apples each. How many apples does Lina use?",
         "There are 9 bags. Every bag has 7 apples. How many apples do the bags have?"),
        ("Tariq puts 6 eggs into each of 4 boxes, then hands 5 eggs to Mia. How many eggs does Tariq have now?",
         "Tariq has 4 boxes. Every box has 6 eggs. Tariq gives 5 eggs to Mia. How many eggs does Tariq have?"),
        ("Ines splits 45 cards evenly among 9 friends. What is each friend's share?",
         "Ines has 45 cards. Ines shares the cards among 9 friends. How many cards does every friend get?"),
        ("6 children share Omar's 42 grapes equally. How many grapes does one child get?",
         "Omar has 42 grapes. Omar shares the grapes among 6 children. How many grapes does every child get?"),
    ],
    "groups said of one group": [
        ("A shelf holds 24 cups. How many cups are in 6 shelves?",
         "Every shelf has 24 cups. There are 6 shelves. How many cups do the shelves have?"),
        ("There are 30 players. The players form teams of 5. How many teams are there?",
         "There are 30 players. Every team has 5 players. How many teams are there?"),
    ],
})


@pytest.mark.parametrize(("text", "ace"), REWRITES)
def test_group_questions_rewrite_to_their_canonical_ace(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


def test_a_different_noun_in_each_group_is_not_an_equal_group() -> None:
    assert group_facts("Kofi sorts 96 pens into boxes, 12 pencils in each box.") is None


def test_a_question_without_known_groups_is_left_alone() -> None:
    assert group_question("How many boxes does Kofi need?", "Kofi has 96 pens.") is None
