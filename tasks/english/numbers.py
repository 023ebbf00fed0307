"""Numbers as people write them in word problems -> exact decimal strings.

`3,000` -> `3000`, `2.50` -> `2.5`, `1/2` -> `1/2`, `five` -> `5`, `twenty-five` -> `25`.
The string is what a program copies, so it must be the number's shortest exact spelling.
"""

from __future__ import annotations

import re
from fractions import Fraction

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 1_000_000,
}
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
    if t in _WORDS and t not in ("hundred", "thousand", "million"):
        return str(_WORDS[t])
    parts = t.split("-")
    if len(parts) == 2 and parts[0] in _WORDS and parts[1] in _WORDS and _WORDS[parts[0]] >= 20 and _WORDS[parts[1]] < 10:
        return str(_WORDS[parts[0]] + _WORDS[parts[1]])
    return None
