"""Pass `concepts`: named number-theory concepts become their ACE definitions.

ACE has no word for `least common multiple`; it says what one is. So does this pass, for
the standard concepts a user names (also by abbreviation: LCM, GCD, HCF, mod):

- the least common multiple of A and B -> `X = A. Y = B. Calculate the least positive
  number Z such that X divides Z and Y divides Z.`
- the greatest common divisor (or highest common factor) of A and B -> `... Calculate the
  largest number Z such that Z divides X and Z divides Y.`
- the remainder of A divided by B, A modulo B -> `X = A. Y = B. What is the remainder of the
  division of X by Y?`
- the (least) common denominator of P/A and Q/B (each in lowest terms) -> the least common
  multiple of A and B; a fraction not in lowest terms is refused (its denominator would be
  a guess between the written and the reduced one);
- the number of divisors of A -> `X = A. How many divisors does X have?`
- the sum of the digits of A -> `X = A. What is the sum of the digits of X?`

The whole text must be about the one concept: a sentence that is not rewritten stays, and
the parser judges the result.
"""

from __future__ import annotations

import re
from math import gcd

from agent.rewrite.conservation import Defined, keeps_stated_numbers
from agent.rewrite.equal_shares import define_equal_shares
from agent.rewrite.percent_change import define_percent_change

_N = r"(\d+(?:\s*(?:\^|\*\*)\s*\d+|\s+to\s+the\s+(?:power\s+(?:of\s+)?)?\d+(?:st|nd|rd|th)?(?:\s+power)?|\s+raised\s+to\s+the\s+\d+(?:st|nd|rd|th)?\s+power)?)"
_OF_PAIR = rf"of\s+(?:the\s+(?:numbers|integers)\s+)?{_N}\s+and\s+{_N}"
# Named (`least common multiple`, `LCM`) or described (`the smallest number divisible by both`).
_LCM_NAME = (
    r"\b(?:least|lowest|smallest)\s+common\s+multiple\b|\bLCM\b"
    r"|\b(?:least|lowest|smallest)\s+(?:positive\s+)?(?:whole\s+)?(?:number|integer)\s+(?:that\s+is\s+|which\s+is\s+)?"
    r"(?:divisible\s+by|a\s+multiple\s+of)\s+both\b"
)
_GCD_NAME = (
    r"\b(?:greatest|highest|largest)\s+common\s+(?:divisor|factor)\b|\b(?:GCD|GCF|HCF)\b"
    r"|\b(?:greatest|highest|largest|biggest)\s+(?:positive\s+)?(?:whole\s+)?(?:number|integer)\s+(?:that|which)\s+"
    r"(?:divides|goes\s+into|is\s+a\s+(?:divisor|factor)\s+of)\s+both\b"
)
_LCM = re.compile(rf"(?:{_LCM_NAME})\s+{_OF_PAIR}", re.I)
_GCD = re.compile(rf"(?:{_GCD_NAME})\s+{_OF_PAIR}", re.I)
_REMAINDER_NAME = r"\bremainder\b|\bleft\s*over\b|\bleftover\b"
_REMAINDER = re.compile(
    rf"\bremainder\s+(?:when|of|after|if)\s+{_N}\s+(?:is\s+)?divided\s+by\s+{_N}|\bremainder\s+of\s+(?:the\s+division\s+of\s+)?{_N}\s+by\s+{_N}"
    rf"|\b{_N}\s+(?:is\s+)?divided\s+by\s+{_N}.*(?:{_REMAINDER_NAME})|\bremainder\s+of\s+{_N}\s+(?:upon|on|after)\s+division\s+by\s+{_N}"
    rf"|\b{_N}\s+(?:modulo|mod)\s+{_N}|\b(?:divide|when\s+you\s+divide)\s+{_N}\s+by\s+{_N}.*(?:{_REMAINDER_NAME})"
    rf"|(?:{_REMAINDER_NAME}).*?\b{_N}\s+(?:is\s+)?divided\s+by\s+{_N}|(?:{_REMAINDER_NAME}).*?\bdivid(?:e|ing)\s+{_N}\s+by\s+{_N}",
    re.I,
)
_DIVISORS = re.compile(rf"\b(?:number\s+of\s+(?:positive\s+)?(?:divisors|factors)\s+of\s+{_N}|how\s+many\s+(?:positive\s+)?(?:divisors|factors)\s+(?:does\s+)?{_N}\s+ha(?:s|ve))", re.I)
# `Count the positive whole numbers that divide 96 exactly`: the divisors, described.
_DIVISORS_NAME = (
    r"\b(?:number\s+of|how\s+many|count)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:positive\s+|different\s+|distinct\s+)*"
    r"(?:divisors|factors|(?:whole\s+)?numbers\s+(?:that|which)\s+(?:divide|go\s+into)|integers\s+(?:that|which)\s+(?:divide|go\s+into))"
)
_DIGITS = re.compile(rf"\b(?:sum\s+of\s+(?:the\s+)?digits\s+of\s+(?:the\s+number\s+)?{_N}|digit\s+sum\s+of\s+(?:the\s+number\s+)?{_N}|digits\s+of\s+{_N})", re.I)
_DIGITS_NAME = r"\bsum\s+of\s+(?:the\s+|its\s+)?digits\b|\bdigit\s+sum\b|\b(?:add|adds|adding|sum)\s+(?:up\s+)?(?:its|the|all\s+(?:of\s+)?its|all\s+the)\s+digits\b"
_NUMBER = re.compile(_N)
_FRACTION = r"(-?\d+)\s*/\s*(\d+)"
_COMMON_DENOMINATOR = re.compile(
    rf"\b(?:(?:least|lowest|smallest)\s+)?common\s+denominator\s+(?:of|for)\s+(?:the\s+fractions\s+)?{_FRACTION}\s+and\s+{_FRACTION}",
    re.I,
)


@keeps_stated_numbers
def define_concepts(text: str) -> str | None:
    """The ACE definition of the concept the whole `text` asks about, or None.

    The arguments follow the concept's name (`the LCM of 8 and 12`) or, when the name stands
    apart from them (`Of 8 and 12, what is their LCM?`, `Write 2^10 out and add its
    digits.`), they are the numbers the text states, if it states exactly as many.
    """
    denominator = _common_denominator(text)
    if denominator is not None:
        return denominator
    for pattern, render in ((_LCM, _lcm), (_GCD, _gcd), (_REMAINDER, _remainder), (_DIVISORS, _divisors), (_DIGITS, _digits)):
        m = pattern.search(text)
        if m is not None:
            values = [_power(v) for v in m.groups() if v]
            return render(values)
    for name, arity, render in ((_LCM_NAME, 2, _lcm), (_GCD_NAME, 2, _gcd), (_DIVISORS_NAME, 1, _divisors), (_DIGITS_NAME, 1, _digits)):
        if re.search(name, text, re.I):
            values = [_power(m.group(1)) for m in _NUMBER.finditer(text)]
            return render(values) if len(values) == arity else None
    return define_equal_shares(text) or define_percent_change(text)


def _common_denominator(text: str) -> Defined:
    """`the common denominator of -163/5175366 and 13/6616` -> the LCM of the denominators;
    the fractions themselves are consumed (the definition states them by its shape)."""
    m = _COMMON_DENOMINATOR.search(text)
    if m is None:
        return None
    p, a, q, b = m.groups()
    if int(a) == 0 or int(b) == 0 or gcd(int(p), int(a)) != 1 or gcd(int(q), int(b)) != 1:
        return None  # not in lowest terms (or no fraction): which denominator is meant is unclear
    return _lcm([a, b]), (f"{p}/{a}", f"{q}/{b}")


def _power(value: str) -> str:
    """`19**156`, `16 to the power 19`, `13 raised to the 473rd power` -> `19 ^ 156`."""
    numbers = re.findall(r"\d+", re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", value))
    return f"{numbers[0]} ^ {numbers[1]}" if len(numbers) == 2 else numbers[0]


def _lcm(values: list[str]) -> str:
    x, y = values
    return f"X = {x}. Y = {y}. Calculate the least positive number Z such that X divides Z and Y divides Z."


def _gcd(values: list[str]) -> str:
    x, y = values
    return f"X = {x}. Y = {y}. Calculate the largest number Z such that Z divides X and Z divides Y."


def _remainder(values: list[str]) -> str:
    x, y = values
    return f"X = {x}. Y = {y}. What is the remainder of the division of X by Y?"


def _divisors(values: list[str]) -> str:
    return f"X = {values[0]}. How many divisors does X have?"


def _digits(values: list[str]) -> str:
    return f"X = {values[0]}. What is the sum of the digits of X?"
