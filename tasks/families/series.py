"""Arithmetic and geometric sequences: a term or the sum of the first terms."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class _Kind:
    """What one kind of sequence changes in the common template: its draws, terms, sum and words."""

    name: str  # "arithmetic" | "geometric"
    article: str  # of the ACE's first word: "An arithmetic", "A geometric"
    step: str  # the ACE's and the program's name of the step: "difference" | "ratio"
    key: str  # the step's name among the problem's params
    draw: Callable[[random.Random], tuple[int, int, int]]  # (first, step, count)
    term: Callable[[int, int, int], int]  # (first, step, i) -> the i-th term, 0-based
    term_line: str
    sum_line: str
    total: Callable[[int, int, int], Fraction]  # (first, step, count) -> the sum of the terms
    prompts: Callable[[int, int, str, str], list[str]]  # (first, step, the first terms, the question)


ARITHMETIC = _Kind(
    "arithmetic", "An arithmetic", "difference", "diff",
    lambda rng: (rng.randint(-20, 50), rng.choice([i for i in range(-9, 16) if i != 0]), rng.randint(5, 60)),
    lambda first, diff, i: first + i * diff,
    "term = first + (count - 1) * difference",
    "total = Rational(count * (2 * first + (count - 1) * difference), 2)",
    lambda first, diff, n: Fraction(n * (2 * first + (n - 1) * diff), 2),
    lambda first, diff, seq, q: [
        f"An arithmetic sequence starts with {first} and has a common difference of {diff}. What is {q}?",
        f"What is {q} of the arithmetic sequence {seq}, ...?",
        f"The first term of an arithmetic progression is {first} and each term is {abs(diff)} {'more' if diff > 0 else 'less'} than the one before. Find {q}.",
        f"Consider the sequence {seq}, ... in which the difference between neighbouring terms is constant. Calculate {q}.",
    ],
)
GEOMETRIC = _Kind(
    "geometric", "A geometric", "ratio", "ratio",
    lambda rng: (rng.randint(1, 20), rng.choice([-3, -2, 2, 3, 4, 5, 10]), rng.randint(3, 12)),
    lambda first, ratio, i: first * ratio**i,
    "term = first * ratio**(count - 1)",
    "total = Rational(first * (ratio**count - 1), ratio - 1)",
    lambda first, ratio, n: Fraction(first * (ratio**n - 1), ratio - 1),
    lambda first, ratio, seq, q: [
        f"A geometric sequence starts with {first} and has a common ratio of {ratio}. What is {q}?",
        f"What is {q} of the geometric sequence {seq}, ...?",
        f"The first term of a geometric progression is {first} and each term is {ratio} times the one before. Find {q}.",
        f"In the sequence {seq}, ... each term is the previous term times a fixed number. Calculate {q}.",
    ],
)


def _sequence(rng: random.Random, kind: _Kind) -> Draft:
    first, step, n = kind.draw(rng)
    ask = rng.choice(["term", "sum"])
    seq = ", ".join(str(kind.term(first, step, i)) for i in range(3))
    q = f"the {_ordinal(n)} term" if ask == "term" else f"the sum of the first {n} terms"
    if ask == "term":
        ace_q, line, value = "What is the last term of the sequence?", kind.term_line, kind.term(first, step, n - 1)
    else:
        ace_q, line, value = "What is the sum of the terms of the sequence?", kind.sum_line, kind.total(first, step, n)
    ace = (f"{kind.article} sequence has {n} terms. The sequence has a first term of {first} "
           f"and a {kind.step} of {step}. {ace_q}")
    code = program(f"count = {n}", f"first = {first}", f"{kind.step} = {step}", line, f"answer = {'term' if ask == 'term' else 'total'}",
                   imports="" if ask == "term" else "Rational")
    return Draft(f"{kind.name}_{ask}", {"first": first, kind.key: step, "n": n}, kind.prompts(first, step, seq, q), ace, code, value, 2)


def sample(rng: random.Random) -> Draft:
    Speaker(rng)  # draws its abbreviation choice: the suites were generated with it
    return _sequence(rng, rng.choice([ARITHMETIC, GEOMETRIC]))


FAMILY = Family("series", "Arithmetic and geometric sequences: terms and sums", sample)
