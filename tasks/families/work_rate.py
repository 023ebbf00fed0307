"""Work rates: two workers or pipes together, and a pipe working against a drain."""

from __future__ import annotations

import random
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import PEOPLE, Speaker, plural

JOBS = [("paint", "paints", "a fence"), ("clean", "cleans", "a house"), ("build", "builds", "a wall"),
        ("mow", "mows", "a lawn"), ("pack", "packs", "a truck")]
TIME_UNITS = ["hour", "minute", "day"]


def _workers(rng: random.Random, s: Speaker, unit: str) -> Draft:
    a, b = rng.sample(PEOPLE, 2)
    verb, verbs, thing = rng.choice(JOBS)
    first, second = rng.randint(2, 30), rng.randint(2, 30)
    the = "the " + thing.split(" ", 1)[1]
    u = plural(unit, 2)
    prompts = [
        f"{a} can {verb} {thing} in {s.n(first)} {u}. {b} can {verb} {the} in {s.n(second)} {u}. How many {u} will it take them working together?",
        f"Working alone, {a} {verbs} {thing} in {first} {u} and {b} {verbs} it in {second} {u}. If they work together, how long does the job take?",
        f"How many {u} do {a} and {b} need to {verb} {thing} together, if {a} alone needs {first} {u} and {b} alone needs {second} {u}?",
        f"{b} takes {second} {u} to {verb} {thing}; {a} takes {first} {u}. Together, how many {u} do they take?",
    ]
    ace = (
        f"{a} {verbs} {thing} in {first} {u}. {b} {verbs} {the} in {second} {u}. "
        f"{a} {verbs} {the} with {b}. How many {u} does {a} need?"
    )
    code = program(
        f"first_time = {first}", f"second_time = {second}",
        "rate = Rational(1, first_time) + Rational(1, second_time)", "time = 1 / rate", "answer = time",
    )
    value = 1 / (Fraction(1, first) + Fraction(1, second))
    return Draft("workers", {"first": first, "second": second}, prompts, ace, code, value, 3,
                 {"people": [a, b], "job": thing, "unit": unit})


FILLERS = ["pipe", "hose", "tap", "pump"]
TANKS = ["tank", "pool", "pond", "barrel", "bucket"]


def _pipes(rng: random.Random, s: Speaker, unit: str) -> Draft:
    x, y = rng.sample(FILLERS, 2)
    tank = rng.choice(TANKS)
    first, second = rng.randint(2, 40), rng.randint(2, 40)
    u = plural(unit, 2)
    prompts = [
        f"A {x} can fill a {tank} in {s.n(first)} {u} and a {y} can fill it in {s.n(second)} {u}. How long does it take the {x} and the {y} together to fill the {tank}?",
        f"A {tank} is filled by a {x} in {first} {u} and by a {y} in {second} {u}. If both are running, in how many {u} is the {tank} full?",
        f"How many {u} do a {x} and a {y} need to fill a {tank} together, if the {x} fills it alone in {first} {u} and the {y} in {second} {u}?",
        f"A {x} fills a {tank} in {first} {u}. A {y} fills the same {tank} in {second} {u}. Both are turned on at once. Find the time to fill the {tank}.",
    ]
    ace = (
        f"A {x} fills a {tank} in {first} {u}. A {y} fills the {tank} in {second} {u}. "
        f"The {x} fills the {tank} with the {y}. How many {u} does the {x} need?"
    )
    code = program(
        f"{x}_time = {first}", f"{y}_time = {second}",
        f"rate = Rational(1, {x}_time) + Rational(1, {y}_time)", "time = 1 / rate", "answer = time",
    )
    value = 1 / (Fraction(1, first) + Fraction(1, second))
    return Draft("pipes", {"first": first, "second": second}, prompts, ace, code, value, 3, {"unit": unit, "fillers": [x, y]})


def _drain(rng: random.Random, s: Speaker, unit: str) -> Draft:
    x = rng.choice(FILLERS)
    y = rng.choice(["drain", "leak"])
    fill = rng.randint(2, 30)
    drain = fill + rng.randint(1, 30)
    tank = rng.choice(TANKS)
    u = plural(unit, 2)
    prompts = [
        f"A {x} fills a {tank} in {s.n(fill)} {u}, and a {y} empties the full {tank} in {s.n(drain)} {u}. If both are open, how many {u} does it take to fill the {tank}?",
        f"A {x} can fill a {tank} in {fill} {u}; a {y} empties it in {drain} {u}. With both working, how long does the {tank} take to fill?",
        f"How many {u} does it take to fill a {tank} if a {x} fills it in {fill} {u} while a {y} empties it in {drain} {u}?",
        f"A {y} empties a {tank} in {drain} {u}. A {x} fills the {tank} in {fill} {u}. Both work at the same time. Find the time needed to fill the {tank}.",
    ]
    ace = (
        f"A {x} fills a {tank} in {fill} {u}. A {y} empties the {tank} in {drain} {u}. "
        f"The {x} fills the {tank} and the {y} empties the {tank}. How many {u} does the {x} need?"
    )
    code = program(
        f"fill_time = {fill}", f"empty_time = {drain}",
        "rate = Rational(1, fill_time) - Rational(1, empty_time)", "time = 1 / rate", "answer = time",
    )
    value = 1 / (Fraction(1, fill) - Fraction(1, drain))
    return Draft("drain", {"fill": fill, "drain": drain}, prompts, ace, code, value, 3, {"unit": unit, "devices": [x, y]})


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    unit = rng.choice(TIME_UNITS)
    return rng.choice([_workers, _pipes, _drain])(rng, s, unit)


FAMILY = Family("work_rate", "Two workers or pipes together; a pipe against a drain", sample)
