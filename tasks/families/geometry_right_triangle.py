"""Right triangles: Pythagoras for any missing side, as bare triangles and as ladders."""

from __future__ import annotations

import random
from dataclasses import replace

import sympy

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker, plural

TRIPLES = [(3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41), (12, 35, 37)]
UNITS = [("meter", "m"), ("foot", "ft"), ("centimeter", "cm"), ("inch", "in"), ("yard", "yd")]


def _sides(rng: random.Random) -> tuple[int, int, int]:
    a, b, c = rng.choice(TRIPLES)
    k = rng.randint(1, 12)
    if rng.random() < 0.5:
        a, b = b, a
    return a * k, b * k, c * k


def _missing_leg(subtype: str, params: dict, prompts: list[str], ace: str, hypotenuse: tuple[str, int],
                 leg: tuple[str, int], asked: str) -> Draft:
    """A leg from the hypotenuse and the other leg, whatever the story calls them (a triangle's
    other leg, a ladder's base distance or height): one program, one exact answer."""
    (hyp_name, c), (leg_name, a) = hypotenuse, leg
    code = program(f"{hyp_name} = {c}", f"{leg_name} = {a}", f"{asked} = sqrt({hyp_name}**2 - {leg_name}**2)",
                   f"answer = {asked}", imports="sqrt")
    return Draft(subtype, params, prompts, ace, code, sympy.sqrt(c * c - a * a), 2)


def _hypotenuse(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    if rng.random() < 0.3:  # legs that are not part of a triple: a radical answer
        a, b = rng.sample(range(1, 31), 2)
    else:
        a, b, _ = _sides(rng)
    short, long_ = min(a, b), max(a, b)
    u = plural(unit, 2)
    qa, qb = s.q(a, unit, ab), s.q(b, unit, ab)
    prompts = [
        f"A right triangle has legs of {s.n(a)} and {s.n(b)} {u}. How long is the hypotenuse?",
        f"The two shorter sides of a right triangle measure {qa} and {qb}. Find the length of the longest side.",
        f"What is the hypotenuse of a right triangle whose legs are {qa} and {qb}?",
        f"In a right-angled triangle one leg is {qa} long and the other leg is {qb} long. Calculate the hypotenuse.",
    ]
    ace = (
        f"A right triangle has a leg of {a} {u} and a leg of {b} {u}. "
        "What is the hypotenuse of the right triangle?"
    )
    code = program(
        f"leg = {a}",
        f"other_leg = {b}",
        "hypotenuse = sqrt(leg**2 + other_leg**2)",
        "answer = hypotenuse",
        imports="sqrt",
    )
    return Draft("hypotenuse", {"a": short, "b": long_}, prompts, ace, code, sympy.sqrt(a * a + b * b), 2)


def _leg(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    a, b, c = _sides(rng)
    u = plural(unit, 2)
    qa, qc = s.q(a, unit, ab), s.q(c, unit, ab)
    prompts = [
        f"The hypotenuse of a right triangle is {qc} and one leg is {qa}. How long is the other leg?",
        f"A right triangle has a hypotenuse of {qc}. One of its legs measures {qa}. Find the other leg.",
        f"What is the length of the missing leg of a right triangle with hypotenuse {qc} and a leg of {qa}?",
        f"One leg of a right-angled triangle is {s.n(a)} {u} and its longest side is {s.n(c)} {u}. What is the length of the remaining leg?",
    ]
    ace = (
        f"A right triangle has a hypotenuse of {c} {u} and a leg of {a} {u}. "
        "What is the other leg of the right triangle?"
    )
    return _missing_leg("leg", {"a": a, "c": c}, prompts, ace, ("hypotenuse", c), ("leg", a), "other_leg")


def _ladder_base(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    d, h, length = _sides(rng)
    u = plural(unit, 2)
    ql, qh = s.q(length, unit, ab), s.q(h, unit, ab)
    prompts = [
        f"A {length} {unit} ladder leans against a wall and reaches {s.n(h)} {u} up the wall. How far is its base from the wall?",
        f"A ladder that is {ql} long rests against a wall. Its top is {qh} above the ground. How far from the wall is the foot of the ladder?",
        f"How far from the wall is the bottom of a ladder {ql} long that leans against the wall and reaches a height of {qh}?",
        f"A ladder of length {ql} leans on a wall. The top of the ladder touches the wall at a height of {qh}. Find the distance between the base of the ladder and the wall.",
    ]
    ace = (
        f"A ladder has a length of {length} {u}. The ladder leans against a wall. "
        f"The ladder reaches a height of {h} {u} on the wall. "
        "What is the distance of the base of the ladder from the wall?"
    )
    return _missing_leg("ladder_base", {"length": length, "height": h}, prompts, ace, ("length", length), ("height", h), "distance")


def _ladder_height(rng: random.Random, s: Speaker, unit: str, ab: str) -> Draft:
    d, h, length = _sides(rng)
    u = plural(unit, 2)
    ql, qd = s.q(length, unit, ab), s.q(d, unit, ab)
    prompts = [
        f"A {length} {unit} ladder leans against a wall with its base {s.n(d)} {u} from the wall. How high up the wall does it reach?",
        f"The foot of a ladder is {qd} from a wall. The ladder is {ql} long. How high on the wall does the ladder reach?",
        f"How high does a ladder {ql} long reach on a wall if its base is {qd} away from the wall?",
        f"A ladder {ql} long leans against a wall. The bottom of the ladder stands {qd} from the wall. Find the height the ladder reaches on the wall.",
    ]
    ace = (
        f"A ladder has a length of {length} {u}. The ladder leans against a wall. "
        f"The base of the ladder is {d} {u} from the wall. "
        "What is the height of the ladder on the wall?"
    )
    return _missing_leg("ladder_height", {"length": length, "distance": d}, prompts, ace, ("length", length), ("distance", d), "height")


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    unit, ab = rng.choice(UNITS)
    make = rng.choice([_hypotenuse, _leg, _ladder_base, _ladder_height])
    draft = make(rng, s, unit, ab)
    return replace(draft, surface={"unit": unit})


FAMILY = Family("right_triangle", "Pythagoras: the hypotenuse, a leg, or a ladder's reach or base", sample)
