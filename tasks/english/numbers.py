"""Numbers as people write them in word problems -> exact decimal strings.

`3,000` -> `3000`, `2.50` -> `2.5`, `1/2` -> `1/2`, `five` -> `5`, `twenty-five` -> `25`.
The string is what a program copies, so it must be the number's shortest exact spelling.
"""

from __future__ import annotations

import re
from fractions import Fraction

from tasks.ace.numbers import ONES, TENS, words_value

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d*\.?\d+$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")


def decimal_string(value: Fraction) -> str:
    """The exact value as an integer or terminating decimal string, else `p/q`."""
    if value.denominator == 1:
        return str(value.numerator)
    den = value.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    if den != 1:
        return f"{value.numerator}/{value.denominator}"
    text = f"{float(value):.12f}".rstrip("0").rstrip(".")
    return text if Fraction(text) == value else f"{value.numerator}/{value.denominator}"


def number_value(text: str) -> str | None:
    """The exact value of one token written as a number, or None."""
    t = text.strip().lower().lstrip("$")
    if _DIGITS.match(t):
        return decimal_string(Fraction(t.replace(",", "")))
    m = _FRACTION.match(t)
    if m and int(m.group(2)) != 0:
        return f"{m.group(1)}/{m.group(2)}"
    parts = t.split("-")
    if len(parts) == 1 and parts[0] in ONES | TENS:  # `hundred` alone counts nothing
        return str(words_value(parts))
    if len(parts) == 2 and parts[0] in TENS and ONES.get(parts[1], 10) < 10:  # `twenty-five`
        return str(words_value(parts))
    return None
