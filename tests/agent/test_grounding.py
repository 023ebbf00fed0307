"""Which numbers of the question a program uses: a soft signal, exact on small examples."""

from __future__ import annotations

import sympy

from agent.grounding import program_numbers, question_numbers, unused_numbers
from graphmodel.trees import parse_program
from tasks.ace import parse_ace

ROPE = "A rope has a length of 7.5 meters. 1 meter is 100 centimeters. How many centimeters does the rope measure?"


def test_the_question_numbers_leave_out_the_implicit_1() -> None:
    assert question_numbers(parse_ace(ROPE)) == [sympy.Rational(15, 2), 100]


def test_program_literals_include_decimal_strings() -> None:
    tree = parse_program("from sympy import Rational\nx = Rational('7.5')\ny = 100\nz = 0.25\n")
    assert program_numbers(tree) == {sympy.Rational(15, 2), 100, sympy.Rational(1, 4)}


def test_a_program_that_swaps_a_given_number_for_its_own_is_ungrounded() -> None:
    graph = parse_ace(ROPE)
    assert unused_numbers(graph, "length = 3\nanswer = length * 100\n") == ["15/2"]
    assert unused_numbers(graph, "from sympy import Rational\nanswer = Rational('7.5') * 100\n") == []


def test_a_fraction_may_be_written_as_numerator_and_denominator() -> None:
    graph = parse_ace("Calculate the number X such that X = 3/8 * 40.")
    assert unused_numbers(graph, "from sympy import Rational\nanswer = Rational(3, 8) * 40\n") == []
    assert unused_numbers(graph, "answer = 40 / 8\n") == ["3/8"]


def test_source_that_does_not_parse_is_no_evidence() -> None:
    assert unused_numbers(parse_ace(ROPE), "answer = (\n") == []
