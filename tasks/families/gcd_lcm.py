"""Greatest common divisors and least common multiples, bare and in stories."""

from __future__ import annotations

import math
import random

from tasks.families.base import Draft, Family, program
from tasks.families.text import PEOPLE, Speaker

VEHICLES = ["bus", "train", "boat", "ship", "plane"]
PAIRS = [("pencils", "erasers"), ("red beads", "blue beads"), ("apples", "oranges"), ("cookies", "candies"),
         ("stickers", "stamps")]
SHARERS = [("friend", "friends"), ("student", "students"), ("guest", "guests"), ("child", "children")]


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
    condition = "Z divides X and Z divides Y" if which == "gcd" else "X divides Z and Y divides Z"
    target = "the largest number Z" if which == "gcd" else "the least positive number Z"
    ace = f"X = {a}. Y = {b}. Calculate {target} such that {condition}."
    code = program(f"x = {a}", f"y = {b}", f"z = {which}(x, y)", "answer = z", imports=which)
    value = math.gcd(a, b) if which == "gcd" else math.lcm(a, b)
    return Draft(which, {"a": a, "b": b}, prompts, ace, code, value, 1)


def _together(rng: random.Random, s: Speaker) -> Draft:
    v, w = rng.sample(VEHICLES, 2)
    a, b = _pair(rng, 2, 10)
    prompts = [
        f"A {v} leaves a station every {a} minutes and a {w} leaves it every {b} minutes. They have just left together. After how many minutes will they next leave together?",
        f"A {v} departs from a station every {s.n(a)} minutes and a {w} every {s.n(b)} minutes. If both depart now, how many minutes until they next depart at the same time?",
        f"How many minutes pass before a {v} that leaves a station every {a} minutes and a {w} that leaves it every {b} minutes, which just left together, leave together again?",
        f"The {v} runs every {a} minutes. The {w} runs every {b} minutes. Both leave the station at the same moment. When is the next time they leave together, in minutes?",
    ]
    ace = (
        f"A {v} leaves a station with an interval of {a} minutes. A {w} leaves the station with an interval of {b} minutes. "
        f"The {v} leaves the station with the {w}. What is the time of the next departure of the {v} with the {w}?"
    )
    code = program(f"{v}_interval = {a}", f"{w}_interval = {b}", f"time = lcm({v}_interval, {w}_interval)",
                   "answer = time", imports="lcm")
    return Draft("together", {"a": a, "b": b}, prompts, ace, code, math.lcm(a, b), 1, {"vehicles": [v, w]})


def _groups(rng: random.Random, s: Speaker) -> Draft:
    who = rng.choice(PEOPLE)
    x, y = rng.choice(PAIRS)
    one, many = rng.choice(SHARERS)
    a, b = _pair(rng, 2, 15)
    prompts = [
        f"{who} has {a} {x} and {b} {y}. {who} shares them among {many} so that every one of them gets the same number of {x} and the same number of {y}, with nothing left. What is the largest number of {many}?",
        f"What is the greatest number of {many} of {who} who can share {a} {x} and {b} {y} equally with nothing left over?",
        f"{who} wants to give {a} {x} and {b} {y} to {many}, each getting an equal share of both and none left over. At most how many {many} can there be?",
        f"With {s.n(a)} {x} and {s.n(b)} {y}, {who} makes equal shares for {many} and uses everything. Find the largest possible number of {many}.",
    ]
    ace = (
        f"{who} has {a} {x} and {b} {y}. {who} shares the {x} among the {many} of {who}. {who} shares the {y} among the {many}. "
        f"Every {one} gets an equal share. What is the largest number of the {many}?"
    )
    vx, vy = x.replace(" ", "_"), y.replace(" ", "_")
    code = program(f"{vx} = {a}", f"{vy} = {b}", f"{many} = gcd({vx}, {vy})", f"answer = {many}", imports="gcd")
    return Draft("groups", {"a": a, "b": b}, prompts, ace, code, math.gcd(a, b), 1,
                 {"person": who, "things": [x, y], "sharers": many})


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    return rng.choice([_bare, _together, _groups])(rng, s)


FAMILY = Family("gcd_lcm", "Greatest common divisors and least common multiples, incl. next time together", sample)
