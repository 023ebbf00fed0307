"""Expression trees -> reference programs in the families' style (Python source binding `answer`).

Division is written `Rational(a, b)` (exact, as the families write it: two Python ints
divided with `/` would give a float); decimals and fractions are `Rational('2.5')` and
`Rational('2/3')`, spelled as the prompt spells them, so that a decoder copies them from
the question's number nodes. Brackets follow the tree: `a - (b - c)` keeps its shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from tasks.real.numbers import Number, dataset_number

OPERATORS = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3, "**": 3}
_ATOM = 4


@dataclass(frozen=True)
class Num:
    """A number leaf; `index` is its position in the question's numbers (None for a constant)."""

    number: Number
    index: int | None = None


@dataclass(frozen=True)
class Ref:
    """An earlier statement's result, by name."""

    name: str


@dataclass(frozen=True)
class Op:
    op: str  # + - * / **
    left: Expr
    right: Expr


Expr = Num | Ref | Op


def parse_prefix(equation: str, numbers: list[Number]) -> Expr:
    """`- number0 number1` over the question's numbers -> a tree; ValueError when malformed."""
    tokens = equation.split()
    pos = 0

    def take() -> Expr:
        nonlocal pos
        if pos >= len(tokens):
            raise ValueError("prefix equation ends early")
        token = tokens[pos]
        pos += 1
        if token in OPERATORS:
            left = take()
            right = take()
            return Op("**" if token == "^" else token, left, right)
        if token.startswith("number"):
            index = int(token[6:]) if token[6:].isdigit() else -1
            if not 0 <= index < len(numbers):
                raise ValueError(f"{token} is not among the {len(numbers)} numbers")
            return Num(numbers[index], index)
        try:
            return Num(dataset_number(token))
        except ValueError:
            raise ValueError(f"unknown token {token!r} in the equation") from None

    tree = take()
    if pos != len(tokens):
        raise ValueError("prefix equation has tokens left over")
    return tree


def precedence(e: Expr) -> float:
    if isinstance(e, Num):
        if e.number.mixed:
            return OPERATORS["+"]
        return 2.5 if e.number.literal.startswith("-") else _ATOM
    if isinstance(e, Ref):
        return _ATOM
    return _ATOM if e.op == "/" else OPERATORS[e.op]


def render(e: Expr) -> str:
    """Python source of one expression, with only the brackets its tree needs."""
    if isinstance(e, Num):
        return e.number.literal
    if isinstance(e, Ref):
        return e.name
    if e.op == "/":
        return f"Rational({render(e.left)}, {render(e.right)})"
    p = OPERATORS[e.op]
    left, right = render(e.left), render(e.right)
    if precedence(e.left) < p or (e.op == "**" and precedence(e.left) <= p):
        left = f"({left})"
    if precedence(e.right) < p or (precedence(e.right) == p and e.op != "**"):
        right = f"({right})"
    return f"{left} {e.op} {right}"


def leaves(e: Expr) -> list[Num]:
    """The number leaves in text order of the tree (left to right)."""
    if isinstance(e, Num):
        return [e]
    if isinstance(e, Ref):
        return []
    return leaves(e.left) + leaves(e.right)


def count_operations(e: Expr) -> int:
    return 0 if not isinstance(e, Op) else 1 + count_operations(e.left) + count_operations(e.right)


def program(statements: list[tuple[str, Expr]], result: str = "answer") -> str:
    """Statements `name = expr` (the last binds `result`, or `answer = result` is added)."""
    lines = [f"{name} = {render(expr)}" for name, expr in statements]
    if not statements or statements[-1][0] != "answer":
        lines.append(f"answer = {result}")
    body = "\n".join(lines) + "\n"
    return ("from sympy import Rational\n" + body) if "Rational(" in body else body


def value_of(e: Expr, env: dict[str, Fraction]) -> Fraction:
    """Exact value of a tree (names from `env`); ZeroDivisionError/KeyError propagate."""
    if isinstance(e, Num):
        return e.number.value
    if isinstance(e, Ref):
        return env[e.name]
    a, b = value_of(e.left, env), value_of(e.right, env)
    if e.op == "+":
        return a + b
    if e.op == "-":
        return a - b
    if e.op == "*":
        return a * b
    if e.op == "/":
        return a / b
    if b.denominator != 1 or abs(b.numerator) > 64:
        raise ValueError("exponent must be a small integer")
    return a ** int(b)


def _first_position(e: Expr) -> float:
    """Where a subtree starts in the question: its earliest number's index (constants and
    names last)."""
    found = [n.index for n in leaves(e) if n.index is not None]
    return min(found) if found else float("inf")


def _signed_terms(e: Expr, sign: int, out: list[tuple[int, Expr]]) -> None:
    if isinstance(e, Op) and e.op in ("+", "-"):
        _signed_terms(e.left, sign, out)
        _signed_terms(e.right, sign if e.op == "+" else -sign, out)
    else:
        out.append((sign, canonical(e)))


def _factors(e: Expr, out: list[Expr]) -> None:
    if isinstance(e, Op) and e.op == "*":
        _factors(e.left, out)
        _factors(e.right, out)
    else:
        out.append(canonical(e))


def canonical(e: Expr) -> Expr:
    """One spelling per equation up to commutativity and associativity: a chain of `+`/`-`
    becomes its added terms in text order, then its subtracted terms in text order
    (`a - (b - c)` -> `a + c - b`); a chain of `*` its factors in text order. Same value.

    Why: the datasets write one equation several ways (`34 + 36 - 7`, `6 - 4 + 18`,
    `131 + 139`), so a generator trained on them learns an order it cannot read from the
    question; with one spelling it only learns which numbers are added, subtracted,
    multiplied (equation normalization, Wang et al. 2018)."""
    if not isinstance(e, Op):
        return e
    if e.op in ("+", "-"):
        terms: list[tuple[int, Expr]] = []
        _signed_terms(e, 1, terms)
        plus = sorted((t for s, t in terms if s > 0), key=_first_position)
        minus = sorted((t for s, t in terms if s < 0), key=_first_position)
        if not plus:  # cannot come from a tree (its leftmost term is added); kept as it is
            return Op(e.op, canonical(e.left), canonical(e.right))
        out = plus[0]
        for t in plus[1:]:
            out = Op("+", out, t)
        for t in minus:
            out = Op("-", out, t)
        return out
    if e.op == "*":
        factors: list[Expr] = []
        _factors(e, factors)
        factors.sort(key=_first_position)
        out = factors[0]
        for f in factors[1:]:
            out = Op("*", out, f)
        return out
    return Op(e.op, canonical(e.left), canonical(e.right))
