"""Arithmetic and geometric sequences: a term or the sum of the first terms."""

from __future__ import annotations

import random
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _arithmetic(rng: random.Random, s: Speaker) -> Draft:
    first, diff, n = rng.randint(-20, 50), rng.choice([i for i in range(-9, 16) if i != 0]), rng.randint(5, 60)
    ask = rng.choice(["term", "sum"])
    seq = ", ".join(str(first + i * diff) for i in range(3))
    q = f"the {_ordinal(n)} term" if ask == "term" else f"the sum of the first {n} terms"
    prompts = [
        f"An arithmetic sequence starts with {first} and has a common difference of {diff}. What is {q}?",
        f"What is {q} of the arithmetic sequence {seq}, ...?",
        f"The first term of an arithmetic progression is {first} and each term is {abs(diff)} {'more' if diff > 0 else 'less'} than the one before. Find {q}.",
        f"Consider the sequence {seq}, ... in which the difference between neighbouring terms is constant. Calculate {q}.",
    ]
    if ask == "term":
        ace_q, line, value = "What is the last term of the sequence?", "term = first + (count - 1) * difference", first + (n - 1) * diff
    else:
        ace_q, line = "What is the sum of the terms of the sequence?", "total = Rational(count * (2 * first + (count - 1) * difference), 2)"
        value = Fraction(n * (2 * first + (n - 1) * diff), 2)
    ace = f"An arithmetic sequence has {n} terms. The sequence has a first term of {first} and a difference of {diff}. {ace_q}"
    code = program(f"count = {n}", f"first = {first}", f"difference = {diff}", line, f"answer = {'term' if ask == 'term' else 'total'}",
                   imports="" if ask == "term" else "Rational")
    return Draft(f"arithmetic_{ask}", {"first": first, "diff": diff, "n": n}, prompts, ace, code, value, 2)


def _geometric(rng: random.Random, s: Speaker) -> Draft:
    first, ratio, n = rng.randint(1, 20), rng.choice([-3, -2, 2, 3, 4, 5, 10]), rng.randint(3, 12)
    ask = rng.choice(["term", "sum"])
    seq = ", ".join(str(first * ratio**i) for i in range(3))
    q = f"the {_ordinal(n)} term" if ask == "term" else f"the sum of the first {n} terms"
    prompts = [
        f"A geometric sequence starts with {first} and has a common ratio of {ratio}. What is {q}?",
        f"What is {q} of the geometric sequence {seq}, ...?",
        f"The first term of a geometric progression is {first} and each term is {ratio} times the one before. Find {q}.",
        f"In the sequence {seq}, ... each term is the previous term times a fixed number. Calculate {q}.",
    ]
    if ask == "term":
        ace_q, line, value = "What is the last term of the sequence?", "term = first * ratio**(count - 1)", first * ratio ** (n - 1)
    else:
        ace_q, line = "What is the sum of the terms of the sequence?", "total = Rational(first * (ratio**count - 1), ratio - 1)"
        value = Fraction(first * (ratio**n - 1), ratio - 1)
    ace = f"A geometric sequence has {n} terms. The sequence has a first term of {first} and a ratio of {ratio}. {ace_q}"
    code = program(f"count = {n}", f"first = {first}", f"ratio = {ratio}", line, f"answer = {'term' if ask == 'term' else 'total'}",
                   imports="" if ask == "term" else "Rational")
    return Draft(f"geometric_{ask}", {"first": first, "ratio": ratio, "n": n}, prompts, ace, code, value, 2)


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    return rng.choice([_arithmetic, _geometric])(rng, s)


FAMILY = Family("series", "Arithmetic and geometric sequences: terms and sums", sample)
