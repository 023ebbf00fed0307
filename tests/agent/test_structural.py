"""Structural mode's reducer: exact values from trees, and no answer outside the fragment."""

from __future__ import annotations

import pytest
import sympy

from agent.structural import Irreducible, reduce_tree
from graphmodel.trees import parse_program


def reduce_source(source: str) -> object:
    return reduce_tree(parse_program(source))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from sympy import sqrt\nlength = 13\nheight = 12\nanswer = sqrt(length**2 - height**2)\n", 5),
        ("from sympy import Rational\ndistance = 120\ntime = 48\nanswer = Rational(distance, time)\n", sympy.Rational(5, 2)),
        ("a = 7\nb = 2\nanswer = a / b\n", sympy.Rational(7, 2)),  # `/` is exact, never 3.5
        ("price = 2.5\nanswer = price * 3\n", sympy.Rational(15, 2)),  # decimals are read exactly
        ("from sympy import Rational\nanswer = Rational('2.5') + Rational(1, 4)\n", sympy.Rational(11, 4)),
        ("from sympy import pi, Rational\nr = 3\nanswer = Rational(4, 3) * pi * r**3\n", 36 * sympy.pi),
        ("total = 0\nfor i in range(1, 11):\n    total += i\nanswer = total\n", 55),
        ("x = 5\nif x > 3:\n    answer = x * 2\nelse:\n    answer = 0\n", 10),
        ("x = 2\nanswer = x if x > 3 else -x\n", -2),
        ("a, b = 3, 4\nanswer = a * b - 7 // 2 + 7 % 4\n", 12),
        ("from sympy import factorial, binomial\nanswer = factorial(5) // binomial(5, 2)\n", 12),
    ],
)
def test_reduces_to_the_exact_value(source: str, expected: object) -> None:
    value = reduce_source(source)
    assert sympy.simplify(value - expected) == 0, f"{source!r} reduced to {value}, expected {expected}"
    assert not value.has(sympy.Float), f"{value} is not exact"


def test_solves_an_equation_with_sympy_symbols() -> None:
    source = (
        "from sympy import symbols, Eq, solve\nx = symbols('x')\n"
        "solution = solve(Eq(3 * x + 5, 20), x)\nanswer = solution[0]\n"
    )
    assert reduce_source(source) == 5


def test_solves_a_linear_system_into_a_dict() -> None:
    source = (
        "from sympy import symbols, Eq, solve\nx, y = symbols('x y')\n"
        "s = solve([Eq(x + y, 10), Eq(x - y, 2)], [x, y])\nanswer = s[y]\n"
    )
    assert reduce_source(source) == 4


def test_tuples_and_sets_keep_their_kind() -> None:
    assert reduce_source("a = 1\nanswer = (a, a + 1)\n") == (1, 2)
    assert reduce_source("answer = {3, 1, 2}\n") == {1, 2, 3}


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("import os\nanswer = 1\n", "import of os"),
        ("answer = open('/etc/passwd').read()\n", "name 'open' is not defined"),
        ("from sympy import sympify\nanswer = sympify('2+2')\n", "not in the exact whitelist"),
        ("from sympy import Rational\nanswer = Rational('__import__(\"os\")')\n", "string argument"),
        ("answer = 2 ** 100000\n", "exponent"),
        ("x = 1\n", "binds no `answer`"),
        ("answer = y + 1\n", "name 'y' is not defined"),
        ("from sympy import symbols\nx = symbols('x')\nanswer = x + 1\n", "free symbols"),
        ("n = 0\nwhile n < 3:\n    n += 1\nanswer = n\n", "statement outside"),
        ("answer = 1 / 0\n", "cannot reduce"),
        ("from sympy import factorial\nanswer = factorial(10**6)\n", "past the reduction limit"),
        ("for i in range(10**9):\n    pass\nanswer = 1\n", "iterations"),
    ],
)
def test_outside_the_fragment_is_irreducible(source: str, reason: str) -> None:
    with pytest.raises(Irreducible) as caught:
        reduce_source(source)
    assert reason in str(caught.value), f"{source!r}: {caught.value}"


def test_irreducible_names_the_line() -> None:
    with pytest.raises(Irreducible) as caught:
        reduce_source("a = 1\nb = 2\nanswer = c\n")
    assert caught.value.line == 3, caught.value
    assert caught.value.column == 9, caught.value


def test_digit_sums_reduce_through_pure_builtins() -> None:
    assert reduce_source("number = 4681338\nanswer = sum(map(int, str(number)))\n") == 33
    assert reduce_source("answer = pow(2, 100, 7)\n") == pow(2, 100, 7)
