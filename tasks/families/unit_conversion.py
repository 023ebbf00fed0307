"""Unit conversion of lengths, masses, times and areas, in both directions.

The canonical ACE states the conversion factor as a fact ("1 foot is 12 inches."), so
every number the program needs is in the text.
"""

from __future__ import annotations

import random
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker, ace_num, lit, plural

# (big unit, small unit, factor, measure, object, abbreviations)
CONVERSIONS = [
    ("meter", "centimeter", 100, "length", "rope", ("m", "cm")),
    ("kilometer", "meter", 1000, "length", "road", ("km", "m")),
    ("foot", "inch", 12, "length", "board", ("ft", "in")),
    ("yard", "foot", 3, "length", "fence", ("yd", "ft")),
    ("mile", "foot", 5280, "length", "trail", ("mi", "ft")),
    ("kilogram", "gram", 1000, "mass", "parcel", ("kg", "g")),
    ("pound", "ounce", 16, "mass", "package", ("lb", "oz")),
    ("hour", "minute", 60, "duration", "movie", ("h", "min")),
    ("minute", "second", 60, "duration", "song", ("min", "s")),
    ("day", "hour", 24, "duration", "trip", ("d", "h")),
    ("square meter", "square centimeter", 10000, "area", "tile", ("sq m", "sq cm")),
    ("square foot", "square inch", 144, "area", "board", ("sq ft", "sq in")),
    ("square yard", "square foot", 9, "area", "floor", ("sq yd", "sq ft")),
]


# The verb that asks for a measure in a `How many ... does the X VERB?` question.
VERBS = {"length": "measure", "mass": "weigh", "duration": "last", "area": "cover"}


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    big, small, factor, measure, thing, (ab_big, ab_small) = rng.choice(CONVERSIONS)
    down = rng.random() < 0.5  # big -> small multiplies; small -> big divides
    if down:
        value = Fraction(rng.randint(1, 40)) if rng.random() < 0.7 else Fraction(rng.randint(3, 99), rng.choice([2, 4, 10]))
        src, dst, src_ab = big, small, ab_big
        result = value * factor
    else:
        value = Fraction(factor * rng.randint(1, 20)) if rng.random() < 0.6 else Fraction(rng.randint(1, 3 * factor))
        src, dst, src_ab = small, big, ab_small
        result = value / factor
    v_en = s.n(value) if value.denominator == 1 else ace_num(value)
    qsrc = f"{v_en} {plural(src, value)}" if rng.random() < 0.6 else f"{ace_num(value)} {src_ab}"
    dsts = plural(dst, 2)
    prompts = [
        f"How many {dsts} does a {thing} of {qsrc} {VERBS[measure]}?",
        f"A {thing} has {'an' if measure[0] in 'aeiou' else 'a'} {measure} of {qsrc}. What is its {measure} in {dsts}?",
        f"A {thing} {VERBS[measure]}s {qsrc}. Convert this to {dsts}.",
        f"The {measure} of a {thing} is {qsrc}. Express this {measure} in {dsts}.",
    ]
    factor_name = f"{plural(small, 2).replace(' ', '_')}_per_{big.replace(' ', '_')}"
    article = "an" if measure[0] in "aeiou" else "a"
    ace = (
        f"A {thing} has {article} {measure} of {ace_num(value)} {plural(src, value)}. 1 {big} is {factor} {plural(small, 2)}. "
        f"How many {dsts} does the {thing} {VERBS[measure]}?"
    )
    if down:
        step = f"converted = {measure} * {factor_name}"
    elif value.denominator == 1:
        step = f"converted = Rational({measure}, {factor_name})"
    else:
        step = f"converted = {measure} / {factor_name}"
    first = f"{measure} = {lit(value)}"
    uses_rational = "Rational" in first or "Rational" in step
    code = program(first, f"{factor_name} = {factor}", step, "answer = converted", imports="Rational" if uses_rational else "")
    params = {"from": src, "to": dst, "value": str(value)}
    return Draft(f"{measure}_{'down' if down else 'up'}", params, prompts, ace, code, result, 1, {"thing": thing})


FAMILY = Family("unit_conversion", "Converting lengths, masses, times and areas", sample)
