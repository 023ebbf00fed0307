"""Areas and perimeters of rectangles, squares, circles and triangles."""

from __future__ import annotations

import random
from dataclasses import replace
from fractions import Fraction

import sympy

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker, plural

UNITS = [("meter", "m"), ("foot", "ft"), ("centimeter", "cm"), ("inch", "in"), ("kilometer", "km")]


def _rectangle(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    length, width = rng.randint(2, 60), rng.randint(1, 40)
    if width > length:
        length, width = width, length
    measure = rng.choice(["area", "perimeter"])
    ql, qw = s.q(length, unit, ab), s.q(width, unit, ab)
    prompts = [
        f"A rectangle has a length of {ql} and a width of {qw}. What is its {measure}?",
        f"Find the {measure} of a rectangle with length {ql} and width {qw}.",
        f"What is the {measure} of a rectangle that is {ql} long and {qw} wide?",
        f"A rectangle measures {s.n(length)} {plural(unit, length)} by {s.n(width)} {plural(unit, width)}. Calculate the {measure} of the rectangle.",
    ]
    u = plural(unit, 2)
    ace = (
        f"A rectangle has a length of {length} {u} and a width of {width} {u}. "
        f"What is the {measure} of the rectangle?"
    )
    if measure == "area":
        step, value = "area = length * width", length * width
    else:
        step, value = "perimeter = 2 * (length + width)", 2 * (length + width)
    code = program(f"length = {length}", f"width = {width}", step, f"answer = {measure}", imports="")
    return Draft(f"rectangle_{measure}", {"length": length, "width": width}, prompts, ace, code, value, 1 if measure == "area" else 2)


def _square(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    side = rng.randint(1, 99)
    measure = rng.choice(["area", "perimeter"])
    qs = s.q(side, unit, ab)
    prompts = [
        f"A square has a side of {qs}. What is its {measure}?",
        f"Find the {measure} of a square whose sides are {qs} long.",
        f"What is the {measure} of a square with side length {qs}?",
        f"Each side of a square is {qs}. Calculate the {measure} of the square.",
    ]
    ace = f"A square has a side of {side} {plural(unit, side)}. What is the {measure} of the square?"
    if measure == "area":
        step, value = "area = side**2", side * side
    else:
        step, value = "perimeter = 4 * side", 4 * side
    code = program(f"side = {side}", step, f"answer = {measure}", imports="")
    return Draft(f"square_{measure}", {"side": side}, prompts, ace, code, value, 1)


def _circle(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    given = rng.choice(["radius", "diameter"])
    size = rng.randint(1, 40)
    measure = rng.choice(["area", "circumference"])
    qs = s.q(size, unit, ab)
    prompts = [
        f"A circle has a {given} of {qs}. What is its {measure}? Give the exact answer in terms of pi.",
        f"Find the exact {measure} of a circle with {given} {qs}.",
        f"What is the {measure} of a circle whose {given} is {qs}? Leave pi in the answer.",
        f"The {given} of a circle is {qs}. Calculate the exact {measure} of the circle.",
    ]
    ace = f"A circle has a {given} of {size} {plural(unit, size)}. What is the {measure} of the circle?"
    radius = Fraction(size) if given == "radius" else Fraction(size, 2)
    lines = [f"{given} = {size}"]
    if given == "diameter":
        lines.append("radius = Rational(diameter, 2)")
    if measure == "area":
        lines.append("area = pi * radius**2")
        value = sympy.pi * sympy.Rational(radius.numerator, radius.denominator) ** 2
    else:
        lines.append("circumference = 2 * pi * radius")
        value = 2 * sympy.pi * sympy.Rational(radius.numerator, radius.denominator)
    code = program(*lines, f"answer = {measure}", imports="Rational, pi" if given == "diameter" else "pi")
    steps = 2 if given == "diameter" else 1
    return Draft(f"circle_{measure}_from_{given}", {"size": size}, prompts, ace, code, value, steps)


def _triangle(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    base, height = rng.randint(2, 50), rng.randint(2, 50)
    qb, qh = s.q(base, unit, ab), s.q(height, unit, ab)
    prompts = [
        f"A triangle has a base of {qb} and a height of {qh}. What is its area?",
        f"Find the area of a triangle with base {qb} and height {qh}.",
        f"What is the area of a triangle whose base is {qb} and whose height is {qh}?",
        f"The height of a triangle is {qh} and its base is {qb}. Calculate the area of the triangle.",
    ]
    u = plural(unit, 2)
    ace = (
        f"A triangle has a base of {base} {u} and a height of {height} {u}. "
        "What is the area of the triangle?"
    )
    code = program(f"base = {base}", f"height = {height}", "area = Rational(base * height, 2)", "answer = area")
    return Draft("triangle_area", {"base": base, "height": height}, prompts, ace, code, Fraction(base * height, 2), 2)


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    unit, ab = rng.choice(UNITS)
    make = rng.choice([_rectangle, _square, _circle, _triangle])
    return replace(make(rng, s, unit, ab), surface={"unit": unit})


FAMILY = Family("area_perimeter", "Areas and perimeters of rectangles, squares, circles, triangles", sample)
