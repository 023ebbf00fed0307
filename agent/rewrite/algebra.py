"""Pass `algebra` (part of `concepts`): classic unknown-number problems as ACE formulas.

Three standard problems of school algebra, whatever their wording:

- two numbers from their sum and difference -> `A number X is unknown. A number Y is
  unknown. X + Y = S. X - Y = D. What is X?` (X the larger, Y the smaller);
- two consecutive (even, odd) positive integers from their product -> `A number X is
  positive. X * (X + 2) = P. Y = X + 2. What is Y?` (X the smaller);
- K consecutive (even, odd) integers from their sum (`whose sum is S`, `add up to S`, `I add
  them and get S`) -> `Calculate the number X such that X + (X + 1) + (X + 2) = S.` for the
  smallest, `A number X is unknown. X + (X + 1) + (X + 2) = S. Y = X + 2. What is Y?` for
  the largest;
- a rectangle whose length is K times, or D units more than, its width, from its area ->
  `The width of a rectangle is X. The length of the rectangle is Y. Y = K * X. The area of
  the rectangle is A square meters. What is the length of the rectangle?`
"""

from __future__ import annotations

import re

from agent.rewrite.conservation import keeps_stated_numbers

_NUM = r"\d+(?:\.\d+)?"
_SUM = re.compile(rf"(?:sum\s+(?:of\s+(?:the\s+)?(?:two|2)\s+numbers\s+)?is|add\s+up\s+to|total\s+is|sum\s+is|sum\s+of)\s+({_NUM})", re.I)
_DIFFERENCE = re.compile(rf"(?:difference\s+is|difference\s+of|differ\s+by|is\s+({_NUM})\s+more\s+than\s+the\s+other|({_NUM})\s+more\s+than\s+the\s+other)\s*({_NUM})?", re.I)
_LARGER = re.compile(r"\b(?:larger|greater|bigger)\b", re.I)
_SMALLER = re.compile(r"\b(?:smaller|lesser)\b", re.I)
_CONSECUTIVE = re.compile(r"\bconsecutive\s+(?:(even|odd)\s+)?(?:positive\s+)?(?:integers|whole\s+numbers|numbers)\b", re.I)
_COUNT = re.compile(r"\b(\d+)\s+consecutive\b", re.I)
_CONSECUTIVE_SUM = re.compile(
    rf"(?:sum\s+(?:of\s+[^.?!]*?)?(?:is|equals)|add\s+up\s+to|adds\s+up\s+to|total\s+(?:is|of)|sum\s+to|(?:and|you|we|I)\s+get|totals?)\s+(-?{_NUM})", re.I
)
_LARGEST = re.compile(r"\b(?:largest|greatest|biggest|highest|last|larger|greater|bigger)\b", re.I)
_SMALLEST = re.compile(r"\b(?:smallest|least|lowest|first|smaller|lesser)\b", re.I)
_PRODUCT = re.compile(rf"(?:product\s+(?:of\s+.+?\s+)?is|multiply\s+to|and\s+get|get)\s+({_NUM})", re.I)
_LENGTH_IS = r"length(?:\s+of\s+(?:a|an|the)\s+[a-z]+)?\s+is"
_TIMES_WIDTH = re.compile(rf"{_LENGTH_IS}\s+({_NUM})\s+times\s+(?:its|the)\s+width", re.I)
_LONGER = re.compile(rf"{_LENGTH_IS}\s+({_NUM})\s+[a-z]+\s+(?:longer|more)\s+than\s+(?:its|the)\s+width", re.I)
_AREA = re.compile(rf"(?:area\s+(?:of\s+\S+\s+)?(?:is|of)|covers)\s+({_NUM})\s+(square\s+[a-z]+)", re.I)
_ASKS = re.compile(r"\b(length|width)\b(?=[^.?!]*\?$)|\b(?:find|what is)\s+the\s+(length|width)\b|how\s+many\s+[a-z]+\s+is\s+the\s+(length|width)", re.I)


@keeps_stated_numbers
def define_algebra(text: str) -> str | None:
    """The canonical formulas for one of the three problems, or None."""
    return _two_numbers(text) or _consecutive(text) or _rectangle(text)


def _two_numbers(text: str) -> str | None:
    if not re.search(r"\b(?:two|2)\s+numbers\b", text, re.I):
        return None
    total, difference = _SUM.search(text), _DIFFERENCE.search(text)
    if total is None or difference is None:
        return None
    d = next((g for g in difference.groups() if g), None)
    asked = "X" if _LARGER.search(text) else "Y" if _SMALLER.search(text) else None
    if d is None or asked is None:
        return None
    return f"A number X is unknown. A number Y is unknown. X + Y = {total.group(1)}. X - Y = {d}. What is {asked}?"


def _consecutive(text: str) -> str | tuple[str, tuple[str, ...]] | None:
    """Consecutive (even, odd) integers from their sum or their product; the first or last asked."""
    m = _CONSECUTIVE.search(text)
    if m is None:
        return None
    step = 2 if m.group(1) else 1
    total, product = _CONSECUTIVE_SUM.search(text), _PRODUCT.search(text)
    if total is not None and not re.search(r"\bproduct\b|\bmultipl", text, re.I):
        return _consecutive_sum(text, step, total.group(1))
    if product is None:
        return None
    if _LARGER.search(text):
        return f"A number X is positive. X * (X + {step}) = {product.group(1)}. Y = X + {step}. What is Y?"
    if _SMALLER.search(text):
        return f"A number X is positive. X * (X + {step}) = {product.group(1)}. What is X?"
    return None


def _consecutive_sum(text: str, step: int, total: str) -> tuple[str, tuple[str, ...]] | None:
    """`K consecutive integers whose sum is S`: X + (X + 1) + ... = S, the smallest X, the largest X + K - 1."""
    count = _COUNT.search(text)
    if count is None or not 2 <= int(count.group(1)) <= 12:
        return None
    k = int(count.group(1))
    terms = " + ".join(["X", *(f"(X + {step * i})" for i in range(1, k))])
    if _LARGEST.search(text) and not _SMALLEST.search(text):
        return f"A number X is unknown. {terms} = {total}. Y = X + {step * (k - 1)}. What is Y?", (count.group(1),)
    if _SMALLEST.search(text) and not _LARGEST.search(text):
        return f"Calculate the number X such that {terms} = {total}.", (count.group(1),)
    return None


def _rectangle(text: str) -> str | None:
    if not re.search(r"\brectang", text, re.I):
        return None
    times, longer, area = _TIMES_WIDTH.search(text), _LONGER.search(text), _AREA.search(text)
    if area is None or (times is None and longer is None):
        return None
    relation = f"Y = {times.group(1)} * X" if times else f"Y = X + {longer.group(1)}"
    question = text[text.rfind(".", 0, len(text) - 1) + 1 :] if text.rstrip().endswith(("?", ".")) else text
    asked = _ASKS.search(question)
    if asked is None:
        return None
    attribute = next(g for g in asked.groups() if g).lower()
    unit = area.group(2)
    return (
        f"The width of a rectangle is X. The length of the rectangle is Y. {relation}. "
        f"The area of the rectangle is {area.group(1)} {unit}. What is the {attribute} of the rectangle?"
    )
