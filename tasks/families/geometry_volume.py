"""Volumes of boxes, cubes, cylinders and spheres (exact, with pi where it belongs)."""

from __future__ import annotations

import random
from dataclasses import replace

import sympy

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker, plural

UNITS = [("meter", "m"), ("foot", "ft"), ("centimeter", "cm"), ("inch", "in")]


def _box(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    length, width, height = rng.randint(2, 30), rng.randint(1, 20), rng.randint(1, 20)
    ql, qw, qh = (s.q(v, unit, ab) for v in (length, width, height))
    prompts = [
        f"A box is {ql} long, {qw} wide and {qh} high. What is its volume?",
        f"Find the volume of a rectangular box with length {ql}, width {qw} and height {qh}.",
        f"What is the volume of a box that measures {s.n(length)} by {s.n(width)} by {s.n(height)} {plural(unit, 2)}?",
        f"A box has a height of {qh}, a width of {qw} and a length of {ql}. How much space is inside the box?",
    ]
    ace = (
        f"A box has a length of {length} {plural(unit, length)}. The box has a width of {width} {plural(unit, width)}. "
        f"The box has a height of {height} {plural(unit, height)}. What is the volume of the box?"
    )
    code = program(
        f"length = {length}", f"width = {width}", f"height = {height}",
        "volume = length * width * height", "answer = volume", imports="",
    )
    return Draft("box", {"l": length, "w": width, "h": height}, prompts, ace, code, length * width * height, 2)


def _cube(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    side = rng.randint(1, 60)
    qs = s.q(side, unit, ab)
    prompts = [
        f"A cube has edges of {qs}. What is its volume?",
        f"Find the volume of a cube with side length {qs}.",
        f"What is the volume of a cube whose edge is {qs} long?",
        f"Each edge of a cube is {qs}. Calculate the volume of the cube.",
    ]
    ace = f"A cube has a side of {side} {plural(unit, side)}. What is the volume of the cube?"
    code = program(f"side = {side}", "volume = side**3", "answer = volume", imports="")
    return Draft("cube", {"side": side}, prompts, ace, code, side**3, 1)


def _cylinder(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    radius, height = rng.randint(1, 20), rng.randint(1, 30)
    qr, qh = s.q(radius, unit, ab), s.q(height, unit, ab)
    prompts = [
        f"A cylinder has a radius of {qr} and a height of {qh}. What is its exact volume?",
        f"Find the volume of a cylinder with radius {qr} and height {qh}, in terms of pi.",
        f"What is the exact volume of a cylinder that is {qh} tall with a radius of {qr}?",
        f"A cylinder is {qh} high and its base has a radius of {qr}. How much space is inside it? Leave pi in the answer.",
    ]
    ace = (
        f"A cylinder has a radius of {radius} {plural(unit, radius)} and a height of {height} {plural(unit, height)}. "
        "What is the volume of the cylinder?"
    )
    code = program(
        f"radius = {radius}", f"height = {height}", "volume = pi * radius**2 * height",
        "answer = volume", imports="pi",
    )
    return Draft("cylinder", {"r": radius, "h": height}, prompts, ace, code, sympy.pi * radius**2 * height, 2)


def _sphere(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    radius = rng.randint(1, 60)
    qr = s.q(radius, unit, ab)
    prompts = [
        f"A sphere has a radius of {qr}. What is its exact volume?",
        f"Find the volume of a sphere with radius {qr}, in terms of pi.",
        f"What is the exact volume of a sphere whose radius is {qr}?",
        f"The radius of a sphere is {qr}. Calculate the volume of the sphere and leave pi in the answer.",
    ]
    ace = f"A sphere has a radius of {radius} {plural(unit, radius)}. What is the volume of the sphere?"
    code = program(
        f"radius = {radius}", "volume = Rational(4, 3) * pi * radius**3", "answer = volume",
        imports="Rational, pi",
    )
    return Draft("sphere", {"r": radius}, prompts, ace, code, sympy.Rational(4, 3) * sympy.pi * radius**3, 2)


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    unit, ab = rng.choice(UNITS)
    make = rng.choice([_box, _cube, _cylinder, _sphere])
    return replace(make(rng, s, unit, ab), surface={"unit": unit})


FAMILY = Family("volume", "Volumes of boxes, cubes, cylinders and spheres", sample)
