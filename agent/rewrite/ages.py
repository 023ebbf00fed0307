"""Pass `ages` (part of `concepts`): two people's ages as formulas.

Age problems relate two ages now (`A is 3 times as old as B`, `A is 5 years older than B`,
`B is 5 years younger than A`) and give a second fact (`together they are 58 years old`,
`the sum of their ages is 58`, `in 8 years A will be 2 times as old as B`), then ask one age.
The canonical form names the asked age X and the other Y:

    The age of B is X. The age of A is Y. Y = 3 * X. Y + 8 = 2 * (X + 8). What is X?
"""

from __future__ import annotations

import re

from agent.rewrite.conservation import keeps_stated_numbers
from agent.rewrite.people import named_people

_N = r"(\d+)"
_NAME = r"([A-Z][a-z]+)"
_AGE_OF = rf"(?:{_NAME}'s\s+age|{_NAME})"
_TIMES_NOW = re.compile(rf"(?:today\s+)?{_AGE_OF}\s+is\s+{_N}\s+times\s+(?:as\s+old(?:\s+as\s+{_NAME})?|{_NAME}'s\s+age)(?!\s+in\b)", re.I)
_OLDER = re.compile(rf"{_NAME}\s+is\s+{_N}\s+years?\s+(older|younger)(?:\s+than\s+{_NAME})?", re.I)
_SUM = re.compile(
    rf"(?:together\s+(?:they|{_NAME}\s+and\s+{_NAME})\s+are|sum\s+of\s+their\s+ages\s+is|ages\s+of\s+{_NAME}\s+and\s+{_NAME}\s+add\s+up\s+to"
    rf"|their\s+ages\s+(?:add\s+up\s+to|sum\s+to|total)|their\s+(?:combined|total)\s+age\s+is)\s+{_N}",
    re.I,
)
_FUTURE = re.compile(
    rf"(?:in|after)\s+{_N}\s+years?,?\s+{_AGE_OF}\s+will\s+be\s+{_N}\s+times\s+(?:as\s+old\s+as\s+{_NAME}|{_NAME}'s\s+age)"
    rf"|{_AGE_OF}\s+.*?will\s+be\s+{_N}\s+times\s+{_NAME}'s\s+age\s+in\s+{_N}\s+years"
    rf"|will\s+be\s+{_N}\s+times\s+{_NAME}'s\s+age\s+in\s+{_N}\s+years",
    re.I,
)
_ASKED = re.compile(rf"(?:how\s+old\s+is\s+{_NAME}|{_NAME}'s\s+(?:present\s+)?age|age\s+of\s+{_NAME})", re.I)


@keeps_stated_numbers
def define_ages(text: str) -> str | None:
    """The canonical age formulas for `text`, or None when it is not a two-person age problem."""
    if not re.search(r"\b(?:old|age|ages|older|younger)\b", text):
        return None
    question = re.split(r"(?<=[.?!])\s+", text.strip())[-1]
    asked = _ASKED.search(question) or _ASKED.search(text)
    names = [n for n in named_people(text) if n not in {"Today", "Together", "In", "After", "How", "What", "Find", "The", "If"}]
    if asked is None or len(names) != 2:
        return None
    x = next(g for g in asked.groups() if g)
    y = next(n for n in names if n != x)
    now = _relation_now(text, x, y)
    second = _second_fact(text, x, y)
    if now is None or second is None:
        return None
    return f"The age of {x} is X. The age of {y} is Y. {now}. {second}. What is X?"


def _relation_now(text: str, x: str, y: str) -> str | None:
    """Y in terms of X (or X in terms of Y when the asked person is the subject)."""
    times = _TIMES_NOW.search(text)
    if times is not None:
        subject = times.group(1) or times.group(2)
        return f"Y = {times.group(3)} * X" if subject == y else f"X = {times.group(3)} * Y"
    older = _OLDER.search(text)
    if older is not None:
        subject, years, direction = older.group(1), older.group(2), older.group(3).lower()
        y_is_older = (subject == y) == (direction == "older")
        return f"Y = X + {years}" if y_is_older else f"Y = X - {years}"
    return None


def _second_fact(text: str, x: str, y: str) -> str | None:
    total = _SUM.search(text)
    if total is not None:
        return f"X + Y = {total.groups()[-1]}"
    future = _FUTURE.search(text)
    if future is None:
        return None
    numbers = [g for g in future.groups() if g and g.isdigit()]
    if len(numbers) != 2:
        return None
    if future.group(0).lower().startswith(("in ", "after ")):
        years, factor = numbers
    else:
        factor, years = numbers
    subject = next((g for g in future.groups() if g and not g.isdigit()), y)
    if subject == x:
        return f"X + {years} = {factor} * (Y + {years})"
    return f"Y + {years} = {factor} * (X + {years})"
