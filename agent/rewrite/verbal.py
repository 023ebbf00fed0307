"""Pass `verbal` (part of `concepts`): arithmetic said in words about an unknown number.

`Seven times a number plus 36 is 106.`, `10 more than a number divided by 9 is 13.`,
`If you add 11 to a number and multiply the result by 2, you get 74.` all state one
equation in an unknown; ACE states it as a formula in a variable (pattern Q3):

    Calculate the number X such that 2 * (X + 11) = 74.

Operations read in English order: a description (`N more than E`, `N times E`, `the sum
of E and N`, `E divided by N`, `E plus N`) or a procedure (`divide a number by N and add
M`). A text with anything else (a second unknown, a word this pass does not know) is left
to the other passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.rewrite.conservation import keeps_stated_numbers

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?(?:/\d+)?$")
_UNKNOWN = {"a number", "the number", "it", "the result", "this number", "that number"}


@dataclass(frozen=True)
class Expr:
    """A formula tree: a leaf (`X`, `9`) or an operation on two parts."""

    op: str  # "", "+", "-", "*", "/"
    left: Expr | str
    right: Expr | str | None = None

    def render(self) -> str:
        if not self.op:
            return str(self.left)
        return f"{_side(self.left, self.op, False)} {self.op} {_side(self.right, self.op, True)}"


def _side(part: Expr | str | None, op: str, right: bool) -> str:
    text = part.render() if isinstance(part, Expr) else str(part)
    if isinstance(part, Expr) and part.op and _PRECEDENCE[part.op] < _PRECEDENCE[op]:
        return f"({text})"
    if isinstance(part, Expr) and part.op and right and op in "-/" and _PRECEDENCE[part.op] == _PRECEDENCE[op]:
        return f"({text})"
    return text


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
X = Expr("", "X")


@keeps_stated_numbers
def define_equation(text: str) -> str | None:
    """`Calculate the number X such that ...` for a one-unknown word equation, or None."""
    lowered = " ".join(text.lower().replace(",", " ").split())
    if not re.search(r"\b(?:a|the) number\b(?! of)", lowered) or re.search(r"\btwo numbers\b", lowered):
        return None
    for statement in re.split(r"(?<=[.?!])\s+", lowered):
        formula = _procedure(statement) or _description(statement)
        if formula is not None:
            return f"Calculate the number X such that {formula}."
    return None


_STEP = re.compile(
    r"(divide|multiply|add|subtract|double|triple|halve)\s*(?:(?:a|the)\s+number|it|the\s+result)?\s*(?:by\s+)?(-?\d+(?:\.\d+)?)?\s*(?:to|from)?\s*(?:(?:a|the)\s+number|it|the\s+result)?"
)
_RESULT = re.compile(r"(?:you\s+get|the\s+result\s+is|gives|get|is|equals)\s+(-?\d+(?:\.\d+)?)")


def _procedure(statement: str) -> str | None:
    """`if you divide a number by 9 and add 10 you get 13` -> `X / 9 + 10 = 13`."""
    if not re.match(r"^(?:if|when)\s+(?:you|i)\s+", statement):
        return None
    result = _RESULT.search(statement)
    if result is None:
        return None
    body = statement[: result.start()]
    expr: Expr = X
    steps = 0
    for m in _STEP.finditer(body):
        verb, value = m.group(1), m.group(2)
        if verb in ("double", "triple", "halve"):
            expr = Expr("*", {"double": "2", "triple": "3"}[verb], expr) if verb != "halve" else Expr("/", expr, "2")
        elif value is None:
            return None
        elif verb == "divide":
            expr = Expr("/", expr, value)
        elif verb == "multiply":
            expr = Expr("*", value, expr)
        elif verb == "add":
            expr = Expr("+", expr, value)
        else:
            expr = Expr("-", expr, value)
        steps += 1
    if steps == 0:
        return None
    return f"{expr.render()} = {result.group(1)}"


def _description(statement: str) -> str | None:
    """`7 times a number plus 36 is 106` -> `7 * X + 36 = 106`."""
    m = re.match(r"^(?:what is the number if |if )?(.+?)\s+(?:is|equals|gives)\s+(-?\d+(?:\.\d+)?)(?:\s+what.*)?[.?!]?$", statement)
    if m is None:
        return None
    words = m.group(1).split()
    parsed = _expr(words)
    if parsed is None:
        return None
    expr, rest = parsed
    if rest or expr == X:
        return None
    return f"{expr.render()} = {m.group(2)}"


def _expr(words: list[str]) -> tuple[Expr, list[str]] | None:
    """Expression := prefix-form | atom postfix*."""
    if len(words) >= 3 and _NUMBER.match(words[0]) and words[1] in ("more", "less") and words[2] == "than":
        inner = _expr(words[3:])
        if inner is None:
            return None
        return Expr("+" if words[1] == "more" else "-", inner[0], words[0]), inner[1]
    if len(words) >= 2 and _NUMBER.match(words[0]) and words[1] == "times":
        inner = _atom(words[2:])
        if inner is None:
            return None
        expr, rest = Expr("*", words[0], inner[0]), inner[1]
        return _postfix(expr, rest)
    if words[:1] == ["twice"]:
        inner = _atom(words[1:])
        return _postfix(Expr("*", "2", inner[0]), inner[1]) if inner else None
    inner = _atom(words)
    return _postfix(*inner) if inner else None


def _atom(words: list[str]) -> tuple[Expr, list[str]] | None:
    if " ".join(words[:2]) in _UNKNOWN:
        return X, words[2:]
    if words[:1] == ["it"]:
        return X, words[1:]
    if words[:3] in (["the", "sum", "of"], ["the", "difference", "of"]):
        first = _atom(words[3:])
        if first is None or first[1][:1] != ["and"] or len(first[1]) < 2 or not _NUMBER.match(first[1][1]):
            return None
        op = "+" if words[1] == "sum" else "-"
        return Expr(op, first[0], first[1][1]), first[1][2:]
    return None


def _postfix(expr: Expr, words: list[str]) -> tuple[Expr, list[str]] | None:
    while words:
        pair = words[:2]
        if pair in (["divided", "by"], ["multiplied", "by"]) and len(words) > 2 and _NUMBER.match(words[2]):
            expr = Expr("/", expr, words[2]) if pair[0] == "divided" else Expr("*", words[2], expr)
            words = words[3:]
        elif words[0] in ("plus", "minus") and len(words) > 1 and _NUMBER.match(words[1]):
            expr = Expr("+" if words[0] == "plus" else "-", expr, words[1])
            words = words[2:]
        elif pair in (["increased", "by"], ["decreased", "by"]) and len(words) > 2 and _NUMBER.match(words[2]):
            expr = Expr("+" if pair[0] == "increased" else "-", expr, words[2])
            words = words[3:]
        else:
            break
    return expr, words
