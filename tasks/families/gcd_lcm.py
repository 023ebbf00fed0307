"""Greatest common divisors and least common multiples, bare and in stories."""

from __future__ import annotations

import math
import random

from tasks.families.base import Draft, Family, program
from tasks.families.text import PEOPLE, Speaker, plural

VEHICLES = ["bus", "train", "tram", "ferry"]
PAIRS = [("pencils", "erasers", "packs"), ("red beads", "blue beads", "bracelets"), ("apples", "oranges", "baskets"),
         ("boys", "girls", "teams")]


def _pair(rng: random.Random, lo: int, hi: int) -> tuple[int, int]:
    g = rng.randint(lo, hi)
    a, b = rng.randint(1, 12), rng.randint(1, 12)
    while a == b:
        b = rng.randint(1, 12)
    return g * a, g * b


def _bare(rng: random.Random, s: Speaker) -> Draft:
    which = rng.choice(["gcd", "lcm"])
    a, b = _pair(rng, 1, 15)
    name = "greatest common divisor" if which == "gcd" else "least common multiple"
    short = "GCD" if which == "gcd" else "LCM"
    alt = "highest common factor" if which == "gcd" else "lowest common multiple"
    prompts = [
        f"What is the {name} of {a} and {b}?",
        f"Find the {short} of {a} and {b}.",
        f"Compute the {alt} of the numbers {a} and {b}.",
        f"Of the numbers {a} and {b}, what is their {name}?",
    ]
    ace = f"What is the {name} of {a} and {b}?"
    code = program(f"first = {a}", f"second = {b}", f"result = {which}(first, second)", "answer = result", imports=which)
    value = math.gcd(a, b) if which == "gcd" else math.lcm(a, b)
    return Draft(which, {"a": a, "b": b}, prompts, ace, code, value, 1)


def _together(rng: random.Random, s: Speaker) -> Draft:
    v = rng.choice(VEHICLES)
    a, b = _pair(rng, 2, 10)
    prompts = [
        f"One {v} leaves a station every {a} minutes and another every {b} minutes. They have just left together. After how many minutes will they next leave together?",
        f"Two {v} lines depart from the same stop, one every {s.n(a)} minutes and the other every {s.n(b)} minutes. If both depart now, how many minutes until they next depart at the same time?",
        f"How many minutes pass before two {plural(v, 2)} that leave every {a} and every {b} minutes, and just left together, leave together again?",
        f"A first {v} runs every {a} minutes. A second {v} runs every {b} minutes. Both leave the depot at the same moment. When is the next time they leave together, in minutes?",
    ]
    ace = (
        f"A first {v} leaves a station every {a} minutes. A second {v} leaves the station every {b} minutes. "
        f"The first {v} and the second {v} leave the station together. "
        f"What is the time until the next common departure of the first {v} and the second {v}?"
    )
    code = program(f"first_interval = {a}", f"second_interval = {b}", "time = lcm(first_interval, second_interval)",
                   "answer = time", imports="lcm")
    return Draft("together", {"a": a, "b": b}, prompts, ace, code, math.lcm(a, b), 1, {"vehicle": v})


def _groups(rng: random.Random, s: Speaker) -> Draft:
    who = rng.choice(PEOPLE)
    x, y, groups = rng.choice(PAIRS)
    a, b = _pair(rng, 2, 15)
    prompts = [
        f"{who} has {a} {x} and {b} {y}. {who} wants to make identical {groups} using all of them. What is the largest number of {groups} {who} can make?",
        f"What is the greatest number of identical {groups} that can be made from {a} {x} and {b} {y} with nothing left over?",
        f"There are {a} {x} and {b} {y}. They are split into equal {groups}, with every item used. How many {groups} can there be at most?",
        f"With {s.n(a)} {x} and {s.n(b)} {y}, {who} makes equal {groups} and uses everything. Find the maximum number of {groups}.",
    ]
    ace = (
        f"{who} has {a} {x} and {b} {y}. {who} puts all the {x} and all the {y} into equal {groups}. "
        f"What is the largest number of the {groups}?"
    )
    code = program(f"first = {a}", f"second = {b}", "groups = gcd(first, second)", "answer = groups", imports="gcd")
    return Draft("groups", {"a": a, "b": b}, prompts, ace, code, math.gcd(a, b), 1, {"person": who, "things": [x, y]})


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    return rng.choice([_bare, _together, _groups])(rng, s)


FAMILY = Family("gcd_lcm", "Greatest common divisors and least common multiples, incl. next time together", sample)
