"""The family framework: a family samples one problem (a Draft) from a seeded Random.

A Draft carries everything about one problem except its split and id: the English
phrasings (one per template), the canonical ACE (one form, whatever the phrasing), the
reference program and the exact answer computed independently of that program.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy

from tasks.schema import AnswerKind


class FamilyError(ValueError):
    """A family cannot produce what was asked (unknown name, parameter space exhausted)."""


def stable_seed(*parts: object) -> int:
    """A 64-bit seed from parts, stable across processes (unlike the salted built-in hash())."""
    text = "\x1f".join(str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def exact_answer(value: Any) -> tuple[str, AnswerKind]:
    """The canonical answer string and its kind for an int, Fraction, bool or sympy value."""
    if isinstance(value, bool):
        return ("True" if value else "False"), AnswerKind.boolean
    if isinstance(value, (set, frozenset)):
        items = sorted((sympy.sympify(v) for v in value), key=sympy.default_sort_key)
        return "{" + ", ".join(exact_answer(v)[0] for v in items) + "}", AnswerKind.set
    if isinstance(value, int):
        return str(value), AnswerKind.integer
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator), AnswerKind.integer
        return f"{value.numerator}/{value.denominator}", AnswerKind.rational
    expr = sympy.nsimplify(value) if isinstance(value, float) else sympy.sympify(value)
    if expr.is_Integer:
        return str(int(expr)), AnswerKind.integer
    if expr.is_Rational:
        return f"{expr.p}/{expr.q}", AnswerKind.rational
    if expr.is_number and expr.is_real:
        return sympy.sstr(expr), AnswerKind.real
    return sympy.sstr(expr), AnswerKind.expression


@dataclass(frozen=True)
class Draft:
    """One sampled problem before it gets an id and a split.

    `params` are the numbers that define the problem: two problems with equal
    (family, subtype, params) are the same problem, whatever their names or phrasing,
    so splits are made disjoint on them. `surface` holds the cosmetic choices (names,
    objects) that do not change the mathematics.
    """

    subtype: str
    params: dict[str, Any]
    prompts: list[str]  # one English phrasing per template; the generator picks one
    ace: str
    program: str
    answer: Any  # int | Fraction | bool | set | sympy expression, computed without the program
    steps: int
    surface: dict[str, Any] = field(default_factory=dict)

    def key(self, family: str) -> str:
        """The identity of the underlying problem (independent of wording)."""
        return json.dumps([family, self.subtype, self.params], sort_keys=True, default=str)


Sampler = Callable[[random.Random], Draft]


@dataclass(frozen=True)
class Family:
    """A named problem generator; `compositional` ones never feed the random splits."""

    name: str
    description: str
    sample: Sampler
    compositional: bool = False


def program(*lines: str, imports: str = "Rational") -> str:
    """Join a reference program: the explicit sympy import line, then the statements."""
    head = [f"from sympy import {imports}"] if imports else []
    return "\n".join([*head, *lines]) + "\n"
