"""Equivalence of exact answers: a table of pairs that must match and pairs that must not."""

from __future__ import annotations

import pytest
import sympy

from verifiers import answers_equivalent, canonical_answer, parse_answer

EQUIVALENT = [
    ("5", "5"),
    ("5", "5.0"),
    ("5/2", "2.5"),
    ("5/2", "Rational('2.5')"),
    ("5/2", "Rational(5, 2)"),
    ("10/4", "5/2"),
    ("-3/6", "-1/2"),
    ("0.125", "1/8"),
    ("1e3", "1000"),
    ("2**10", "1024"),
    ("sqrt(8)", "2*sqrt(2)"),
    ("sqrt(2)/2", "1/sqrt(2)"),
    ("sqrt(12)", "2*sqrt(3)"),
    ("sqrt(13**2 - 12**2)", "5"),
    ("(1 + sqrt(5))/2", "1/2 + sqrt(5)/2"),
    ("1/(sqrt(3) - 1)", "(sqrt(3) + 1)/2"),
    ("cbrt(27)", "3"),
    ("root(16, 4)", "2"),
    ("3*pi", "pi + 2*pi"),
    ("pi/2", "Rational(1, 2)*pi"),
    ("2*pi*3", "6*pi"),
    ("100*pi/4", "25*pi"),
    ("E**2", "exp(2)"),
    ("log(8)", "3*log(2)"),
    ("sin(pi/6)", "1/2"),
    ("cos(0)", "1"),
    ("Abs(-7)", "7"),
    ("I**2", "-1"),
    ("(2 + 3*I)*(2 - 3*I)", "13"),
    ("x + x", "2*x"),
    ("(x + 1)**2", "x**2 + 2*x + 1"),
    ("(x**2 - 1)/(x - 1)", "x + 1"),
    ("{1, 2}", "{2, 1}"),
    ("{1, 2, 2}", "{1, 2}"),
    ("{-5, 5}", "FiniteSet(5, -5)"),
    ("{sqrt(4), 3}", "{2, 3}"),
    ("{1/2, 0.5}", "{1/2}"),
    ("(3, -1)", "(3, -1)"),
    ("(6/2, -1)", "(3, -1.0)"),
    ("[1, 2]", "(1, 2)"),
    ("(sqrt(9), pi)", "(3, pi)"),
    ("True", "True"),
    ("False", "False"),
    ("Interval(0, 1)", "Interval(0, 1)"),
    ("Interval(0, 1, right_open=True)", "Interval(0, 1, False, True)"),
    ("EmptySet", "{}"),
    ("-(-4)", "4"),
    ("+4", "4"),
    ("7 % 3", "1"),
    ("0", "-0"),
    ("12345678901234567890", "12345678901234567890"),
    ("oo", "oo"),
]

NOT_EQUIVALENT = [
    ("5", "-5"),
    ("25", "5"),
    ("1/3", "0.333333333333"),
    ("1/3", "0.3333333333333333"),
    ("sqrt(2)", "1.4142135623730951"),
    ("pi", "22/7"),
    ("pi", "3.14159"),
    ("(3, -1)", "(-1, 3)"),
    ("(1, 2)", "(1, 2, 3)"),
    ("{1, 2}", "{1, 2, 3}"),
    ("{1, 2}", "(1, 2)"),
    ("True", "1"),
    ("False", "0"),
    ("x", "y"),
    ("x + 1", "x"),
    ("Interval(0, 1)", "Interval(0, 1, True)"),
    ("5", "__import__('os')"),
    ("5", ""),
    ("2*sqrt(2)", "sqrt(6)"),
    ("E", "exp(2)"),
    ("12345678901234567890", "12345678901234567891"),
]


@pytest.mark.parametrize(("a", "b"), EQUIVALENT)
def test_equivalent_pairs(a, b):
    assert answers_equivalent(a, b), f"{a!r} should equal {b!r}"
    assert answers_equivalent(b, a), f"equivalence must be symmetric: {b!r} vs {a!r}"


@pytest.mark.parametrize(("a", "b"), NOT_EQUIVALENT)
def test_different_pairs(a, b):
    assert not answers_equivalent(a, b), f"{a!r} must not equal {b!r}"
    assert not answers_equivalent(b, a), f"{b!r} must not equal {a!r}"


def test_the_table_is_large_enough():
    assert len(EQUIVALENT) + len(NOT_EQUIVALENT) >= 50


def test_float_tolerance_is_opt_in():
    third = sympy.Float(1 / 3)
    assert not answers_equivalent(sympy.Rational(1, 3), third)
    assert answers_equivalent(sympy.Rational(1, 3), third, allow_float=True)
    assert answers_equivalent("1/3", "0.3333333333333333", allow_float=True)
    assert not answers_equivalent("1/3", "0.3334", allow_float=True)
    assert answers_equivalent(sympy.Rational(1, 2), sympy.Float(0.5)), "0.5 is exactly 1/2"


@pytest.mark.parametrize(("value", "canonical"), [
    ("10/4", "5/2"),
    ("2.50", "5/2"),
    ("sqrt(8)", "2*sqrt(2)"),
    ("1/sqrt(2)", "sqrt(2)/2"),
    ("pi + 2*pi", "3*pi"),
    ("{3, 1, 2}", "{1, 2, 3}"),
    ("(6/2, sqrt(4))", "(3, 2)"),
    ("True", "True"),
    ("-0", "0"),
])
def test_canonical_answer(value, canonical):
    assert canonical_answer(value) == canonical


@pytest.mark.parametrize("value", [sympy.Rational(7, 3), 12, True, (1, 2), {4, 5},
                                   sympy.sqrt(3) / 3, 4 * sympy.pi])
def test_canonical_answer_round_trips(value):
    text = canonical_answer(value)
    assert answers_equivalent(parse_answer(text), value), text


@pytest.mark.parametrize(("a", "b", "same"), [
    (sympy.Union(sympy.Interval(0, 1), sympy.Interval(1, 2), evaluate=False), sympy.Interval(0, 2), True),
    (sympy.Complement(sympy.Interval(0, 2), sympy.Interval(1, 2), evaluate=False), sympy.Interval.Ropen(0, 1), True),
    (sympy.Interval(0, 1), sympy.Interval(0, 2), False),
    (sympy.Interval.open(0, 1), sympy.Interval(0, 1), False),
    (sympy.Interval(0, 1), sympy.FiniteSet(0, 1), False),
])
def test_sets_other_than_finite_ones_are_equal_when_their_symmetric_difference_is_empty(a, b, same):
    assert answers_equivalent(a, b) is same, (a, b)
