"""Which texts the notation reader takes: formulas yes, a story's quantities no.

A story whose only "formulas" are the numbers it counts with (whole, decimal, fractions,
prices) belongs to the English reader; so does one whose only letters are pieces of words
(`M & M’s`, `Mary’s`). A formula with an operator, LaTeX, a letter multiset or a short
question about bare numbers stays with the notation reader.
"""

from __future__ import annotations

import pytest

from tasks.frontends import FrontEndError
from tasks.notation import FormulaError, find_formulas, parse_notation

STORIES = [
    "Sam read 10.2 pages on Monday and 3.5 pages on Tuesday. How many pages did he read in all?",
    "A pail holds 1/3 gallon of water. Lena pours in 2/9 gallon more. How much water is in the pail?",
    "Ada spent $10.22 on a kite, and a spool of string cost her $11.73. What did she spend in all?",
    "Mary’s dog ate 3 bones. Then it ate 4 more bones. How many bones did Mary’s dog eat?",
    "A jar has 12 red M & M’s and 30 blue M & M’s in it. Tom eats 5 of the red ones. How many red ones are left?",
]

NOTATION = [
    "What is 0.5 + 0.25?",
    "Round 3.14159 to two decimal places.",
    "Evaluate $\\frac{3}{4} + \\frac{1}{6}$.",
    "Solve for y: 7y - 4 = 2y + 21.",
    "Two letters picked without replacement from kkgkgkk. Give prob of picking 1 g and 1 k.",
    "Let x be 4. What is 3*x?",
]


@pytest.mark.parametrize("text", STORIES)
def test_a_story_with_plain_quantities_goes_to_the_english_reader(text: str) -> None:
    with pytest.raises(FrontEndError, match="English reader"):
        parse_notation(text)


@pytest.mark.parametrize("text", NOTATION)
def test_formulas_stay_with_the_notation_reader(text: str) -> None:
    assert parse_notation(text).front_end == "notation"


def test_two_prices_are_numbers_not_one_inline_formula() -> None:
    """pandoc's rule: a `$` followed by a digit does not close inline math."""
    text = "Ada spent $10.22 on a kite, and string cost her $11.73."
    assert [(f.tree.op, f.tree.text, f.notation) for f in find_formulas(text)] == [
        ("num", "10.22", "plain"), ("num", "11.73", "plain")]


def test_a_curly_apostrophe_is_part_of_the_word() -> None:
    assert [f.tree.text for f in find_formulas("Mary’s 3 dogs and Tom's 4 cats")] == ["3", "4"]


def test_an_open_dollar_before_a_formula_is_still_an_error_at_its_position() -> None:
    with pytest.raises(FormulaError) as err:
        find_formulas("What is $3 + 4?")
    assert err.value.position == 8
