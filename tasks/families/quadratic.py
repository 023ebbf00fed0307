"""Quadratics: products of consecutive integers, and rectangles with a side relation."""

from __future__ import annotations

import random

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker, plural

SOLVE = "symbols, Eq, solve"
UNITS = [("meter", "m"), ("foot", "ft"), ("centimeter", "cm")]


def _consecutive(rng: random.Random, s: Speaker) -> Draft:
    step = rng.choice([1, 2])
    x = rng.randint(2, 60)
    if step == 2 and rng.random() < 0.5:
        x += x % 2  # consecutive even integers
    kind = "consecutive" if step == 1 else ("consecutive even" if x % 2 == 0 else "consecutive odd")
    product = x * (x + step)
    ask = rng.choice(["smaller", "larger"])
    prompts = [
        f"The product of two {kind} positive integers is {product}. What is the {ask} integer?",
        f"Two {kind} positive whole numbers multiply to {product}. Find the {ask} one.",
        f"What is the {ask} of two {kind} positive integers whose product is {product}?",
        f"I multiply two {kind} positive numbers and get {product}. Which is the {ask} number?",
    ]
    if ask == "smaller":
        ace = f"A number X is positive. X * (X + {step}) = {product}. What is X?"
    else:
        ace = f"A number X is positive. X * (X + {step}) = {product}. Y = X + {step}. What is Y?"
    code = program(
        "x = symbols('x', positive=True)",
        f"solution = solve(Eq(x * (x + {step}), {product}), x)",
        "answer = solution[0]" if ask == "smaller" else f"answer = solution[0] + {step}",
        imports=SOLVE,
    )
    return Draft(f"consecutive_{ask}", {"step": step, "product": product}, prompts, ace, code,
                 x if ask == "smaller" else x + step, 2, {"kind": kind})


def _rectangle(rng: random.Random, s: Speaker) -> Draft:
    unit, ab = rng.choice(UNITS)
    u = plural(unit, 2)
    width = rng.randint(1, 40)
    relation = rng.choice(["more", "times"])
    k = rng.randint(1, 20) if relation == "more" else rng.randint(2, 5)
    length = width + k if relation == "more" else k * width
    area = width * length
    ask = rng.choice(["width", "length"])
    rel_en = f"{k} {u} longer than its width" if relation == "more" else f"{s.n(k)} times its width"
    rel_ace = f"Y = X + {k}" if relation == "more" else f"Y = {k} * X"
    prompts = [
        f"The length of a rectangle is {rel_en}. Its area is {area} square {u}. What is its {ask}?",
        f"A rectangle has an area of {area} square {u}, and its length is {rel_en}. Find the {ask} of the rectangle.",
        f"What is the {ask} of a rectangle whose area is {area} square {u} if the length is {rel_en}?",
        f"A rectangle covers {area} sq {ab}. Its length is {rel_en}. How many {u} is the {ask}?",
    ]
    ace = (
        f"The width of a rectangle is X. The length of the rectangle is Y. {rel_ace}. "
        f"The area of the rectangle is {area} square {u}. What is the {ask} of the rectangle?"
    )
    length_expr = f"x + {k}" if relation == "more" else f"{k} * x"
    code = program(
        "x = symbols('x', positive=True)", "width = x", f"length = {length_expr}",
        f"solution = solve(Eq(length * width, {area}), x)",
        f"answer = {ask}.subs(x, solution[0])",
        imports=SOLVE,
    )
    params = {"relation": relation, "k": k, "area": area, "ask": ask}
    return Draft(f"rectangle_{relation}_{ask}", params, prompts, ace, code, width if ask == "width" else length, 3,
                 {"unit": unit})


def _signed(coefficient: int, term: str) -> str:
    """` - 5 * X` or ` + 6`: one term of a polynomial with its sign written as an operator."""
    sign = "-" if coefficient < 0 else "+"
    body = f"{abs(coefficient)} * {term}" if term else f"{abs(coefficient)}"
    return f" {sign} {body}"


def _roots(rng: random.Random, s: Speaker) -> Draft:
    r1, r2 = rng.sample([r for r in range(-15, 16) if r != 0], 2)
    b, c = -(r1 + r2), r1 * r2
    while b == 0:
        r2 = rng.choice([r for r in range(-15, 16) if r not in (0, r1, -r1)])
        b, c = -(r1 + r2), r1 * r2
    linear = f"{'-' if b < 0 else '+'} {abs(b) if abs(b) != 1 else ''}x"
    constant = f"{'-' if c < 0 else '+'} {abs(c)}"
    eq_en = f"x^2 {linear} {constant} = 0"
    prompts = [
        f"Solve {eq_en}.",
        f"Find all solutions of the equation {eq_en}.",
        f"What values of x satisfy {eq_en}?",
        f"For which numbers x is x^2 {linear} {constant} equal to zero? Give all of them.",
    ]
    ace = f"Calculate the numbers X such that X ^ 2{_signed(b, 'X')}{_signed(c, '')} = 0."
    expr = f"x**2{_signed(b, 'x')}{_signed(c, '')}"
    code = program("x = symbols('x')", f"solutions = solve(Eq({expr}, 0), x)", "answer = set(solutions)", imports=SOLVE)
    return Draft("roots", {"r": sorted([r1, r2])}, prompts, ace, code, {r1, r2}, 2)


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    return rng.choice([_consecutive, _rectangle, _roots])(rng, s)


FAMILY = Family("quadratic", "Quadratic equations: consecutive products, rectangles with a side relation", sample)
