"""Exact numbers written as people write them: one helper for every writer in tasks/.

The families' ACE and programs (tasks/families/text.py) and the real problems' prompts and
literals (tasks/real/numbers.py) must spell a value the same way, or a decoder copying a
number node would write another literal than the reference program.
"""

from __future__ import annotations

from fractions import Fraction


def short_decimal(x: Fraction, max_places: int = 4) -> str | None:
    """'2.5' for 5/2 when the value has a terminating decimal of at most `max_places` places."""
    for places in range(1, max_places + 1):
        scaled = x * 10**places
        if scaled.denominator == 1:
            sign = "-" if scaled < 0 else ""
            digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
            return f"{sign}{digits[:-places]}.{digits[-places:]}"
    return None
