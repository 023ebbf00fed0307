"""Chains: steps whose result feeds the next, drawn at random, for training recombination.

A chain starts with a measured figure (a rectangle's, a square's or a triangle's area, a
box's volume) and continues with steps that take the running result (a percentage of it, a
price per square meter, a tax on that price, a unit conversion), 2 to 4 steps
in all (`a room, 20 percent of its area, carpet at 54 dollars per square meter, 10 percent
tax`). The ACE names each intermediate by its noun phrase
(`the area of the triangle`, `the share`); the program binds it under that name. The pairs of
adjacent steps that the `compositional` suite tests (its eight families, as pairs of the steps
here) and their reverses are never drawn: `HELD_OUT`, checked by tests/tasks/test_chains.py.

    python -m tasks.families.chains --count 2000 --out runs/chains_train.jsonl
    ladder train --suite tasks/suites/train.jsonl --suite runs/chains_train.jsonl
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

from tasks.families.base import Draft, Family
from tasks.families.text import PEOPLE, Speaker, money

# The compositional suite's families as pairs of adjacent steps of this module (floor_cost is
# two pairs). Steps that no chain here takes (a hypotenuse, minutes to hours, a percent
# increase, pipes) are named so the held-out set is the suite's whole.
COMPOSITIONAL_PAIRS = {
    "percent_of_triangle_area": [("triangle_area", "percent_of")],
    "box_liters": [("box_volume", "to_liters")],
    "area_in_square_centimeters": [("rectangle_area", "to_square_centimeters")],
    "floor_cost": [("rectangle_area", "price_per_area"), ("price_per_area", "discount")],
    "speed_with_minutes": [("minutes_to_hours", "speed")],
    "hypotenuse_perimeter": [("hypotenuse", "perimeter")],
    "pipes_minutes": [("pipes_together", "hours_to_minutes")],
    "speed_after_increase": [("percent_increase", "travel_time")],
}
HELD_OUT: frozenset[tuple[str, str]] = frozenset(
    pair for pairs in COMPOSITIONAL_PAIRS.values() for a, b in pairs for pair in ((a, b), (b, a))
)
MAX_STEPS = 4


@dataclass(frozen=True)
class Running:
    """The result so far: its exact value, what it measures, how ACE and English name it."""

    value: Fraction
    measure: str  # area | volume | money
    unit: str  # the ACE unit: "square meter", "cubic centimeter", "dollar"
    owner: str  # the noun the result belongs to: "room", "share", a person for money
    phrase: str  # its ACE noun phrase: "the area of the room", "the share"
    name: str  # the program variable bound to it
    question: str  # the ACE question that asks for it
    english_question: str
    ace: tuple[str, ...] = ()
    english: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One step: `accepts` says whether it can take the running result (None: it starts a chain)."""

    name: str
    accepts: Callable[[Running | None], bool]
    apply: Callable[[Running | None, random.Random, Speaker], Running]
    last: bool = False  # it changes what is asked (a conversion): nothing can follow it


def _start(r: Running | None) -> bool:
    return r is None


# --------------------------------------------------------------------------- steps that start


def _rectangle(_: Running | None, rng: random.Random, s: Speaker) -> Running:
    thing = rng.choice(["room", "board", "floor", "garden"])
    length, width = rng.randint(2, 30), rng.randint(2, 20)
    return Running(
        Fraction(length * width), "area", "square meter", thing, f"the area of the {thing}", "area",
        f"What is the area of the {thing}?", "What is its area?",
        ace=(f"A {thing} has a length of {length} meters and a width of {width} meters.",),
        english=(rng.choice([f"A {thing} is {length} m long and {width} m wide.",
                             f"A {thing} measures {length} meters by {width} meters."]),),
        code=(f"length = {length}", f"width = {width}", "area = length * width"),
        params={"length": length, "width": width},
    )


def _triangle(_: Running | None, rng: random.Random, s: Speaker) -> Running:
    base, height = rng.randint(2, 40), rng.randint(2, 40)
    return Running(
        Fraction(base * height, 2), "area", "square meter", "triangle", "the area of the triangle", "area",
        "What is the area of the triangle?", "What is its area?",
        ace=(f"A triangle has a base of {base} meters and a height of {height} meters.",),
        english=(rng.choice([f"A triangle has a base of {s.n(base)} meters and a height of {height} meters.",
                             f"Take a triangle whose base is {base} m and whose height is {height} m."]),),
        code=(f"base = {base}", f"height = {height}", "area = Rational(base * height, 2)"),
        params={"base": base, "height": height},
    )


def _square(_: Running | None, rng: random.Random, s: Speaker) -> Running:
    side = rng.randint(2, 30)
    return Running(
        Fraction(side * side), "area", "square meter", "square", "the area of the square", "area",
        "What is the area of the square?", "What is its area?",
        ace=(f"A square has a side of {side} meters.",),
        english=(rng.choice([f"A square has sides of {s.n(side)} meters.", f"The side of a square is {side} m."]),),
        code=(f"side = {side}", "area = side**2"),
        params={"side": side},
    )


def _box(_: Running | None, rng: random.Random, s: Speaker) -> Running:
    length, width, height = rng.randint(5, 60), rng.randint(5, 50), rng.randint(5, 40)
    return Running(
        Fraction(length * width * height), "volume", "cubic centimeter", "box", "the volume of the box", "volume",
        "What is the volume of the box?", "What is its volume?",
        ace=(f"A box has a length of {length} centimeters. The box has a width of {width} centimeters. "
             f"The box has a height of {height} centimeters.",),
        english=(rng.choice([f"A box is {length} cm long, {width} centimeters wide and {s.n(height)} centimeters high.",
                             f"A box measures {length} cm by {width} cm by {height} cm."]),),
        code=(f"length = {length}", f"width = {width}", f"height = {height}", "volume = length * width * height"),
        params={"length": length, "width": width, "height": height},
    )


# --------------------------------------------------------------------------- steps that continue


def _percent_of(r: Running | None, rng: random.Random, s: Speaker) -> Running:
    assert r is not None
    pct = rng.choice([10, 20, 25, 30, 40, 50, 60, 75, 80])
    return replace(
        r, value=r.value * Fraction(pct, 100), owner="share", phrase="the share", name="part",
        question="What is the share?", english_question=f"How large is that share, in {r.unit}s?",
        ace=(*r.ace, f"A share of {r.phrase} is {pct} percent."),
        english=(*r.english, rng.choice([f"{pct}% of its {r.measure} is set aside.",
                                         f"A share of {s.n(pct)} percent of that {r.measure} is taken."])),
        code=(*r.code, f"percent = {pct}", f"part = {r.name} * Rational(percent, 100)"),
        params={**r.params, "percent": pct},
    )


def _price_per_area(r: Running | None, rng: random.Random, s: Speaker) -> Running:
    assert r is not None
    price, who = rng.randint(3, 60), rng.choice(PEOPLE)
    return replace(
        r, value=r.value * price, measure="money", unit="dollar", owner=who, phrase=f"the carpet of {who}",
        name="cost", question=f"How many dollars does {who} pay?",
        english_question=f"How much does {who} pay to carpet {'that share' if r.owner == 'share' else 'the ' + r.owner}?",
        ace=(*r.ace, f"A carpet costs {price} dollars per square meter. {who} buys the carpet for the {r.owner}."),
        english=(*r.english, f"Carpet costs {money(price)} per square meter."),
        code=(*r.code, f"price = {price}", f"cost = {r.name} * price"),
        params={**r.params, "price": price},
    )


def _tax(r: Running | None, rng: random.Random, s: Speaker) -> Running:
    assert r is not None
    pct = rng.choice([5, 8, 10, 20])
    return replace(
        r, value=r.value * (1 + Fraction(pct, 100)), name="total",
        ace=(*r.ace, f"A shop adds a tax of {pct} percent to the price of the carpet."),
        english=(*r.english, f"A {s.n(pct)}% tax is added to the price."),
        code=(*r.code, f"tax = {pct}", f"total = {r.name} + {r.name} * Rational(tax, 100)"),
        params={**r.params, "tax": pct},
    )


def _to_square_centimeters(r: Running | None, rng: random.Random, s: Speaker) -> Running:
    assert r is not None
    return replace(
        r, value=r.value * 10000, unit="square centimeter", name="converted",
        question=f"How many square centimeters does the {r.owner} cover?",
        english_question="What is that in square centimeters?" if r.owner == "share"
        else "What is its area in square centimeters?",
        ace=(*r.ace, "1 square meter is 10000 square centimeters."),
        code=(*r.code, "square_centimeters_per_square_meter = 10000",
              f"converted = {r.name} * square_centimeters_per_square_meter"),
    )


def _to_liters(r: Running | None, rng: random.Random, s: Speaker) -> Running:
    assert r is not None
    return replace(
        r, value=r.value / 1000, unit="liter", name="liters",
        question=f"How many liters does the {r.owner} hold?",
        english_question="How many liters is that?" if r.owner == "share" else "How many liters does it hold?",
        ace=(*r.ace, "1 liter is 1000 cubic centimeters."),
        code=(*r.code, "cubic_centimeters_per_liter = 1000", f"liters = Rational({r.name}, cubic_centimeters_per_liter)"),
    )


STEPS = [
    Step("rectangle_area", _start, _rectangle),
    Step("triangle_area", _start, _triangle),
    Step("box_volume", _start, _box),
    Step("percent_of", lambda r: r is not None and r.measure in ("area", "volume") and r.owner != "share", _percent_of),
    Step("square_area", _start, _square),
    Step("price_per_area", lambda r: r is not None and r.unit == "square meter", _price_per_area),
    Step("tax", lambda r: r is not None and r.measure == "money" and r.name == "cost", _tax, last=True),
    Step("to_square_centimeters", lambda r: r is not None and r.unit == "square meter", _to_square_centimeters,
         last=True),
    Step("to_liters", lambda r: r is not None and r.unit == "cubic centimeter", _to_liters, last=True),
]
_BY_NAME = {s.name: s for s in STEPS}


def _next_steps(previous: str | None, running: Running | None) -> list[Step]:
    return [s for s in STEPS if s.accepts(running) and (previous is None or (previous, s.name) not in HELD_OUT)]


def draw_chain(rng: random.Random, speaker: Speaker | None = None) -> tuple[list[str], Running]:
    """One chain: a start, then up to MAX_STEPS - 1 steps that take the running result (fewer
    when none can follow), never a held-out pair of adjacent steps."""
    s = speaker or Speaker(rng)
    want = rng.randint(2, MAX_STEPS)
    names: list[str] = []
    running: Running | None = None
    while len(names) < want:
        options = _next_steps(names[-1] if names else None, running)
        if not options:
            break
        step = rng.choice(options)
        names.append(step.name)
        running = step.apply(running, rng, s)
        if step.last:
            break
    assert running is not None and len(names) >= 2, names  # every start has a step that may follow it
    return names, running


def sample(rng: random.Random) -> Draft:
    names, running = draw_chain(rng)
    imports = "Rational" if any("Rational" in line for line in running.code) else ""
    head = [f"from sympy import {imports}"] if imports else []
    code = "\n".join([*head, *running.code, f"answer = {running.name}"]) + "\n"
    ace = " ".join([*running.ace, running.question])
    prompts = [" ".join([*running.english, running.english_question])]
    return Draft("-".join(names), running.params, prompts, ace, code, running.value, len(names) + 1,
                 {"steps": names})


FAMILY = Family("chains", "Steps whose result feeds the next, 2-4 steps, no held-out pair", sample)


def main(argv: list[str] | None = None) -> None:
    """Write a suite of chains for training (`ladder train --suite ...`)."""
    from tasks.generate import generate_family
    from tasks.schema import Split
    from tasks.suites_io import dump_suite

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--split", default="train", choices=["train", "valid"])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    problems = list(generate_family(FAMILY, args.count, args.seed, Split(args.split)))
    dump_suite(problems, args.out)
    print(f"{len(problems)} chains -> {args.out}")


if __name__ == "__main__":
    main()
