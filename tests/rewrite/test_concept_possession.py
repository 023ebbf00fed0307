"""Possession, comparisons, totals and changes of a stock, in wordings written for these tests."""

from __future__ import annotations

import pytest
from rewrite_checks import assert_rewrites_to

from agent.rewrite.possession import possession_facts, without_order_word


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        ("Ayla collects 30 shells. Ravi collects 12 shells. How many shells do Ayla and Ravi have?",
         "Ayla has 30 shells. Ravi has 12 shells. How many shells are there?"),
        ("Kemal had 15 cards. Next, Dina gave Kemal 6 cards. How many cards does Kemal have now?",
         "Kemal has 15 cards. Dina gives 6 cards to Kemal. How many cards does Kemal have?"),
        ("Ravi owns 8 kites, and Ayla owns 5 more than that. How many kites does Ayla own?",
         "Ravi has 8 kites. Ayla has 5 more kites than Ravi. How many kites does Ayla have?"),
        ("Ayla has 30 shells and Ravi has 12 shells. How many shells fewer does Ravi have than Ayla?",
         "Ayla has 30 shells. Ravi has 12 shells. How many more shells does Ayla have than Ravi?"),
        ("Altogether, how many stamps do Dina, with 14 stamps, and Kemal, with 1 stamp, have?",
         "Dina has 14 stamps. Kemal has 1 stamp. How many stamps are there?"),
        ("How many pens does Dina have left after selling 4 of Dina's 10 pens to Kemal?",
         "Dina has 10 pens. Dina sells 4 pens to Kemal. How many pens does Dina have?"),
        ("After spending 2/5 of Ravi's $45 on a kite, how many dollars does Ravi keep?",
         "Ravi has 45 dollars. Ravi spends a share of the money on a kite. The share is 2/5. How many dollars does Ravi keep?"),
    ],
)
def test_possession_sentences(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


def test_an_order_word_opens_only_a_clause() -> None:
    assert without_order_word("Then Dina gives 6 cards to Kemal.") == "Dina gives 6 cards to Kemal."
    assert without_order_word("Then is when it starts.") == "Then is when it starts."


def test_more_than_that_needs_an_earlier_owner() -> None:
    assert possession_facts("Ayla owns 5 more than that.", "Ayla owns 5 more than that.") is None


def test_an_elliptic_comparison_takes_the_noun_the_question_counts() -> None:
    assert_rewrites_to(
        "Ada has 14 shells. Ivo has 6 fewer than Ada. How many shells does Ivo have?",
        "Ada has 14 shells. Ivo has 6 fewer shells than Ada. How many shells does Ivo have?",
    )
