"""Numbers as the datasets store them -> exact values, the English a user types, program literals.

The MWP CSVs store numbers as floats (`8.0`, `0.5`, `0.6666666666666666`); a user types
`8`, `0.5` and `2/3`. The program literal is spelled exactly as the prompt shows the
number (`8`, `Rational('0.5')`, `Rational('2/3')`, `7 + Rational('2/3')` for `7 2/3`), so
a decoder can copy it from the question's number node (graphmodel/graph_features.py
`renderings`: integers as integer leaves, decimals and fractions as string leaves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tasks.numerals import short_decimal

MAX_PLACES = 4  # a decimal with more places than this is a float artefact of a fraction
MAX_DENOMINATOR = 100  # fractions in grade-school problems
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")


@dataclass(frozen=True)
class Number:
    """One number: its exact value, how the prompt writes it, and how the program writes it."""

    value: Fraction
    text: str
    literal: str
    mixed: bool = False  # `7 2/3`: the literal is a sum and needs brackets under * / -


def parse_decimal(text: str) -> Fraction:
    """Exact value of a decimal string (`'1,200'`, `'.5'`, `'8.0'`); ValueError otherwise."""
    t = text.strip().replace(",", "")
    if not _NUMBER.match(t):
        raise ValueError(f"not a number: {text!r}")
    return Fraction(t)


def decimal_text(value: Fraction) -> str | None:
    """`'2.5'` for 5/2, `'8'` for 8; None when it needs more than MAX_PLACES places."""
    if value.denominator == 1:
        return str(value.numerator)
    return short_decimal(value, MAX_PLACES)


def exact_number(value: Fraction) -> Number:
    """An exact value written as a person would: integer, short decimal, else (mixed) fraction."""
    decimal = decimal_text(value)
    if decimal is not None:
        literal = decimal if value.denominator == 1 else f"Rational('{decimal}')"
        return Number(value, decimal, literal)
    whole, rest = divmod(abs(value.numerator), value.denominator)
    sign = "-" if value < 0 else ""
    if whole == 0:
        frac = f"{sign}{rest}/{value.denominator}"
        return Number(value, frac, f"Rational('{frac}')")
    if sign:  # a negative mixed number: keep it one fraction
        frac = f"-{abs(value.numerator)}/{value.denominator}"
        return Number(value, frac, f"Rational('{frac}')")
    return Number(value, f"{whole} {rest}/{value.denominator}", f"{whole} + Rational('{rest}/{value.denominator}')", True)


def dataset_number(text: str) -> Number:
    """A number from a dataset column: float artefacts of fractions become the fraction.

    `0.6666666666666666` -> 2/3 (`'2/3'`), `7.666666666666667` -> `7 2/3`; a short decimal
    is kept as typed; anything else is kept exactly as the long decimal it is.
    """
    value = parse_decimal(text)
    if decimal_text(value) is not None:
        return exact_number(value)
    guess = Fraction(float(value)).limit_denominator(MAX_DENOMINATOR)
    if abs(guess - value) < Fraction(1, 10**9) * max(1, abs(guess)):
        return exact_number(guess)
    plain = text.strip().replace(",", "")
    return Number(value, plain, f"Rational('{plain}')")


def answer_string(value: Fraction) -> str:
    """The exact answer as a sympy-parsable string: `'15'`, `'3/8'`."""
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
