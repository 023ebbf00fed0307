"""Number views (tasks.real.augment): the same story and equation with new numbers, in the
same order of size, the program and answer recomputed from them."""

from __future__ import annotations

import random
import re
from fractions import Fraction

from tasks.real.augment import number_view, number_views, stored_number
from tasks.real.evaluate import evaluate_program
from tasks.schema import Problem


def _problem(masked: str, numbers: list[str], equation: str, **meta) -> Problem:
    return Problem(id="mawps-7", prompt="(the original)", answer="0", answer_kind="integer", program="answer = 0\n",
                   family="mawps", split="external",
                   meta={"masked": masked, "numbers": numbers, "equation": equation, "front_end": "english", **meta})


def _numbers_in(text: str) -> list[Fraction]:
    return [Fraction(t) for t in re.findall(r"\d+(?:\.\d+)?", text)]


def test_a_view_keeps_equation_and_order_of_size() -> None:
    p = _problem("Joan had number0 apples . She gave number1 apples to Sam . How many apples are left ?", ["43", "27"],
                 "- number0 number1")
    rng = random.Random(3)
    for i in range(30):
        view = number_view(p, rng, f"-n{i}")
        assert view is not None and view.id == f"mawps-7-n{i}" and view.meta["view_of"] == "mawps-7"
        a, b = _numbers_in(view.prompt)
        assert a > b  # 43 > 27: the subtraction stays non-negative
        assert view.prompt.startswith("Joan had ") and view.prompt.endswith("How many apples are left?")
        assert evaluate_program(view.program) == a - b == Fraction(view.answer)
        if a.denominator != 1:
            assert f"Rational('{view.meta['numbers'][0]}')" in view.program  # a decimal is written as the prompt spells it


def test_equal_numbers_stay_equal_and_rows_without_equations_give_no_view() -> None:
    p = _problem("Ashley sold number0 boxes . How many cases of number1 boxes ?", ["12", "12"], "/ number0 number1")
    view = number_view(p, random.Random(0), "-n1")
    assert view is not None and view.answer == "1"
    assert number_view(p.model_copy(update={"meta": {"front_end": "english"}}), random.Random(0), "-n1") is None
    assert len(number_views([p, p], copies=2, seed=0)) == 4


def test_stored_numbers_read_back() -> None:
    assert stored_number("7 2/3").value == Fraction(23, 3)
    assert stored_number("2/3").value == Fraction(2, 3)
    assert stored_number("2.5").value == Fraction(5, 2)
