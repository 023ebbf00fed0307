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
    """`7 times a number plus 36 is 106` -> `7 * X + 36 = 106`; either side may hold the number."""
    m = re.match(r"^(?:what is the number if |if |find the number if |suppose )?(.+?)[.?!]?$", statement)
    if m is None:
        return None
    body = re.sub(r"\s+(?:what|which|find|calculate)\b.*$", "", m.group(1))
    words = body.split()
    for i, word in enumerate(words):
        link = _LINKS.get(" ".join(words[i : i + 3])) or _LINKS.get(" ".join(words[i : i + 2])) or _LINKS.get(word)
        if link is None:
            continue
        left, right = _whole(words[:i]), _whole(words[i + link :])
        if left is not None and right is not None and (_has_unknown(left) or _has_unknown(right)):
            return f"{left.render()} = {right.render()}"
    return None


# The verb that states the equation, by how many words it takes.
_LINKS = {"is": 1, "equals": 1, "gives": 1, "makes": 1, "is equal to": 3, "results in": 2, "will be": 2, "comes to": 2}


def _whole(words: list[str]) -> Expr | None:
    """An expression that uses every one of `words`, or None."""
    parsed = _expr(words)
    if parsed is None or parsed[1]:
        return None
    return parsed[0]


def _has_unknown(expr: Expr | str | None) -> bool:
    if isinstance(expr, Expr):
        return expr == X or _has_unknown(expr.left) or _has_unknown(expr.right)
    return expr == "X"


def _expr(words: list[str]) -> tuple[Expr, list[str]] | None:
    """Expression := prefix-form postfix* ; the English of arithmetic, read left to right.

    Prefix forms: `N more/less than E` (E + N, E - N; E takes the rest), `N times P`, `1/2 of P`,
    `twice/double/triple/half (of) P`, `the square of P`, `the sum/difference/product/quotient
    of E and E` (`between` too), `E subtracted from E`, `E added to E`, a number, the unknown.
    Postfix: `plus/minus/times P`, `divided/multiplied/increased/decreased/reduced by P`,
    `squared/doubled/tripled/halved`, joined by `and (then)` when said as steps.
    """
    if len(words) >= 3 and words[1] in ("more", "less", "fewer") and words[2] == "than":
        amount = _operand(words[:1])
        inner = _expr(words[3:])
        if amount is None or inner is None:
            return None
        return Expr("+" if words[1] == "more" else "-", inner[0], amount), inner[1]
    head = _prefix(words)
    if head is None:
        return None
    expr, rest = head
    if rest[:2] in (["subtracted", "from"], ["added", "to"]):
        other = _expr(rest[2:])
        if other is None:
            return None
        return Expr("-" if rest[0] == "subtracted" else "+", other[0], expr), other[1]
    return _postfix(expr, rest)


def _prefix(words: list[str]) -> tuple[Expr | str, list[str]] | None:
    if len(words) >= 2 and _NUMBER.match(words[0]) and (words[1] == "times" or (words[1] == "of" and "/" in words[0])):
        inner = _prefix(words[2:])
        return (Expr("*", words[0], inner[0]), inner[1]) if inner else None
    multiple = _MULTIPLES.get(words[0]) if words else None
    if multiple is not None:
        rest = words[2:] if words[1:2] == ["of"] else words[1:]
        inner = _prefix(rest)
        if inner is None:
            return None
        return (Expr("/", inner[0], "2") if multiple == "1/2" else Expr("*", multiple, inner[0])), inner[1]
    if words[:3] == ["the", "square", "of"]:
        inner = _prefix(words[3:])
        return (Expr("*", inner[0], inner[0]), inner[1]) if inner else None
    if len(words) >= 3 and words[0] == "the" and words[1] in _PAIRS and words[2] in ("of", "between"):
        first = _expr(words[3:])
        if first is None or first[1][:1] != ["and"]:
            return None
        second = _prefix(first[1][1:])
        if second is None:
            return None
        return Expr(_PAIRS[words[1]], first[0], second[0]), second[1]
    return _atom(words)


_MULTIPLES = {"twice": "2", "double": "2", "triple": "3", "thrice": "3", "half": "1/2"}
_PAIRS = {"sum": "+", "difference": "-", "product": "*", "quotient": "/"}


def _atom(words: list[str]) -> tuple[Expr | str, list[str]] | None:
    if " ".join(words[:2]) in _UNKNOWN:
        return X, words[2:]
    if words[:1] == ["it"]:
        return X, words[1:]
    if words and _NUMBER.match(words[0]):
        return words[0], words[1:]
    return None


def _operand(words: list[str]) -> Expr | str | None:
    parsed = _prefix(words)
    return parsed[0] if parsed is not None and not parsed[1] else None


_POSTFIX = {
    ("divided", "by"): "/", ("multiplied", "by"): "*", ("increased", "by"): "+", ("decreased", "by"): "-",
    ("reduced", "by"): "-", ("plus",): "+", ("minus",): "-", ("times",): "*",
}  # fmt: skip


_SCALED = {"squared", "doubled", "tripled", "halved"}


def _scaled(expr: Expr | str, word: str) -> Expr:
    if word == "squared":
        return Expr("*", expr, expr)
    if word == "halved":
        return Expr("/", expr, "2")
    return Expr("*", "2" if word == "doubled" else "3", expr)


def _is_postfix(words: list[str]) -> bool:
    return words[0] in _SCALED or words[0] in ("and", "then") or any(tuple(words[: len(k)]) == k for k in _POSTFIX)


def _postfix(expr: Expr | str, words: list[str]) -> tuple[Expr, list[str]] | None:
    while words:
        if words[0] in ("and", "then") and len(words) > 1 and _is_postfix(words[1:]):
            words = words[1:]  # `doubled and then increased by 5`: the steps in order
            continue
        if words[0] in _SCALED:
            expr, words = _scaled(expr, words[0]), words[1:]
            continue
        key = next((k for k in _POSTFIX if tuple(words[: len(k)]) == k), None)
        if key is None:
            break
        operand = _prefix(words[len(key) :])
        if operand is None:
            return None
        op = _POSTFIX[key]
        # `multiplied by 3` and `times 3` put the factor first, as the canonical formulas do
        expr = Expr(op, operand[0], expr) if op == "*" and not isinstance(operand[0], Expr) else Expr(op, expr, operand[0])
        words = operand[1]
    return (expr if isinstance(expr, Expr) else Expr("", expr)), words
