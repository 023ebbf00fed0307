"""Equations in canonical order (tasks.real.programs.canonical, graphmodel.mix.canonical_view):
one spelling per equation, same value."""

from __future__ import annotations

import pytest

from graphmodel.mix import canonical_view
from tasks.real.evaluate import evaluate_program
from tasks.real.numbers import dataset_number
from tasks.real.programs import canonical, parse_prefix, render, value_of
from tasks.schema import Problem

NUMBERS = [dataset_number(t) for t in ["38", "4", "15", "2"]]


@pytest.mark.parametrize(
    ("equation", "written"),
    [
        ("- number0 - number1 number2", "38 + 15 - 4"),  # a - (b - c): c is added
        ("+ - number0 number1 number2", "38 + 15 - 4"),  # the same equation spelled another way
        ("+ number2 number0", "38 + 15"),  # commutative: text order
        ("* number3 + number2 number1", "(4 + 15) * 2"),  # inside first, then factors in text order
        ("- number0 number1", "38 - 4"),  # already canonical
        ("/ number0 number3", "Rational(38, 2)"),  # division keeps its order
    ],
)
def test_canonical_order_and_value(equation: str, written: str) -> None:
    tree = parse_prefix(equation, NUMBERS)
    assert render(canonical(tree)) == written
    assert value_of(canonical(tree), {}) == value_of(tree, {})


def test_canonical_view_rewrites_the_program_only() -> None:
    p = Problem(id="mawps-1", prompt="A teacher had 38 worksheets. She graded 4, then 15 more came in. How many are left?",
                answer="49", answer_kind="integer", program="answer = 38 - 4 + 15\n", family="mawps", split="external",
                meta={"equation": "+ - number0 number1 number2", "numbers": ["38", "4", "15"], "front_end": "english"})
    view = canonical_view(p)
    assert view.program == "answer = 38 + 15 - 4\n" and view.answer == p.answer and view.prompt == p.prompt
    assert evaluate_program(view.program) == evaluate_program(p.program)
    mixed = p.model_copy(update={"meta": {**p.meta, "equation": "+ number1 number0", "numbers": ["7 2/3", "2"]}})
    assert evaluate_program(canonical_view(mixed).program) == evaluate_program("from sympy import Rational\nanswer = 7 + Rational('2/3') + 2\n")
    plain = p.model_copy(update={"meta": {}})
    assert canonical_view(plain) is plain
