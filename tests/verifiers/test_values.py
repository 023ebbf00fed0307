"""value_source: an answer handed to a sandboxed program as sympy constructor calls only."""

from __future__ import annotations

import pytest
import sympy

from verifiers import UnsafeValue, parse_answer, value_source


@pytest.mark.parametrize("text", ["14", "-7", "5/2", "sqrt(2)/2 + pi", "{1, 2}", "(3, -1)",
                                  "True", "x**2 + 1", "Interval(0, 1, left_open=True)",
                                  "EmptySet", "oo", "3*I", "log(2)"])
def test_round_trip(text: str) -> None:
    value = parse_answer(text)
    source = value_source(value, "_s")
    assert eval(source, {"__builtins__": {}, "_s": sympy}) == value, source  # noqa: S307


@pytest.mark.parametrize("value", [
    sympy.Function("f")(sympy.Symbol("x")),  # an undefined function: Function('f')(...)
    sympy.Symbol("x", integer=True),  # assumptions are keywords
    sympy.Symbol("__import__('os')"),  # a name that is not a plain identifier
])
def test_refuses_anything_but_constructors(value) -> None:
    with pytest.raises(UnsafeValue):
        value_source(value)


def test_refuses_non_sympy_values() -> None:
    with pytest.raises(UnsafeValue):
        value_source("14")  # type: ignore[arg-type]
