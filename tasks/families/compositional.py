"""Compositional families: operations of two families combined in ways train never shows.

Each generator chains steps that train only shows separately (a percentage of a
triangle's area, a unit conversion inside a rate, a Pythagorean side inside a
perimeter, ...). They feed only the `compositional` split.
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy

from tasks.families.base import Draft, Family, program
from tasks.families.geometry_right_triangle import TRIPLES
from tasks.families.text import PEOPLE, Speaker, money, plural
from tasks.families.work_rate import FILLERS

UNITS = [("meter", "m"), ("foot", "ft"), ("centimeter", "cm")]


def _percent_of_triangle_area(rng: random.Random) -> Draft:
    s = Speaker(rng)
    unit, ab = rng.choice(UNITS)
    u = plural(unit, 2)
    base, height = rng.randint(2, 40), rng.randint(2, 40)
    pct = rng.choice([10, 20, 25, 30, 40, 50, 60, 75])
    prompts = [
        f"A triangle has a base of {base} {u} and a height of {height} {u}. What is {pct}% of its area?",
        f"What is {pct} percent of the area of a triangle with base {s.n(base)} {ab} and height {s.n(height)} {ab}?",
        f"Take a triangle with a base of {base} {u} and a height of {height} {u}. How many square {u} are {pct} percent of its area?",
        f"Find {pct}% of the area of a triangle whose height is {height} {u} and whose base is {base} {u}.",
    ]
    ace = (
        f"A triangle has a base of {base} {u} and a height of {height} {u}. "
        f"A share of the area of the triangle is {pct} percent. What is the share?"
    )
    code = program(f"base = {base}", f"height = {height}", f"percent = {pct}", "area = Rational(base * height, 2)",
                   "part = area * Rational(percent, 100)", "answer = part")
    value = Fraction(base * height, 2) * Fraction(pct, 100)
    return Draft("percent_of_triangle_area", {"base": base, "height": height, "pct": pct}, prompts, ace, code, value, 3)


def _speed_with_minutes(rng: random.Random) -> Draft:
    s = Speaker(rng)
    v = rng.choice(["car", "train", "cyclist", "bus"])
    minutes = rng.choice([10, 12, 15, 20, 24, 30, 36, 40, 45, 48, 50, 90, 100, 120, 150])
    distance = rng.randint(2, 120)
    prompts = [
        f"A {v} travels {distance} km in {s.n(minutes)} minutes. What is its speed in km/h?",
        f"What is the average speed, in kilometers per hour, of a {v} that covers {distance} kilometers in {minutes} minutes?",
        f"In {minutes} minutes a {v} goes {distance} kilometers. How many kilometers per hour is that?",
        f"A {v} needs {minutes} min for a {distance} km route. Find its speed in kilometers per hour.",
    ]
    ace = (
        f"A {v} travels {distance} kilometers in {minutes} minutes. 1 hour is 60 minutes. "
        f"What is the speed of the {v}?"
    )
    code = program(f"distance = {distance}", f"minutes = {minutes}", "minutes_per_hour = 60",
                   "hours = Rational(minutes, minutes_per_hour)", "speed = distance / hours", "answer = speed")
    value = Fraction(distance) / Fraction(minutes, 60)
    return Draft("speed_with_minutes", {"distance": distance, "minutes": minutes}, prompts, ace, code, value, 2, {"vehicle": v})


def _hypotenuse_perimeter(rng: random.Random) -> Draft:
    s = Speaker(rng)
    unit, ab = rng.choice(UNITS)
    u = plural(unit, 2)
    a, b, _ = rng.choice(TRIPLES)
    k = rng.randint(1, 15)
    a, b = (a * k, b * k) if rng.random() < 0.5 else (b * k, a * k)
    prompts = [
        f"A right triangle has legs of {a} and {b} {u}. What is its perimeter?",
        f"What is the perimeter of a right triangle whose legs are {s.n(a)} {ab} and {s.n(b)} {ab}?",
        f"The two legs of a right-angled triangle measure {a} {u} and {b} {u}. Find the distance around the triangle.",
        f"How long is the perimeter of a right triangle with legs {a} {u} and {b} {u}?",
    ]
    ace = (
        f"A right triangle has a leg of {a} {u} and a leg of {b} {u}. "
        "What is the perimeter of the right triangle?"
    )
    code = program(f"leg = {a}", f"other_leg = {b}", "hypotenuse = sqrt(leg**2 + other_leg**2)",
                   "perimeter = leg + other_leg + hypotenuse", "answer = perimeter", imports="sqrt")
    value = a + b + sympy.sqrt(a * a + b * b)
    return Draft("hypotenuse_perimeter", {"a": min(a, b), "b": max(a, b)}, prompts, ace, code, value, 3)


def _floor_cost(rng: random.Random) -> Draft:
    s = Speaker(rng)
    who = rng.choice(PEOPLE)
    length, width, price = rng.randint(2, 20), rng.randint(2, 15), rng.randint(3, 60)
    pct = rng.choice([10, 15, 20, 25])
    prompts = [
        f"A room is {length} m long and {width} m wide. Carpet costs {money(price)} per square meter, and {who} gets a {pct}% discount. How much does {who} pay to carpet the room?",
        f"How much does {who} pay to carpet a {s.n(length)} by {s.n(width)} meter floor at {price} dollars per square meter after a {pct} percent discount?",
        f"{who} carpets a rectangular floor of {length} meters by {width} meters. The carpet is {price} dollars per square meter, minus {pct}% off. Find the cost.",
        f"Carpet sells for {money(price)} a square meter with {pct} percent off. What does {who} pay for carpet for a room {length} meters long and {width} meters wide?",
    ]
    ace = (
        f"A room has a length of {length} meters and a width of {width} meters. A carpet costs {price} dollars per square meter. "
        f"A shop gives a discount of {pct} percent on the carpet. {who} buys the carpet for the room. How many dollars does {who} pay?"
    )
    code = program(f"length = {length}", f"width = {width}", f"price = {price}", f"discount = {pct}",
                   "area = length * width", "cost = area * price", "paid = cost - cost * Rational(discount, 100)",
                   "answer = paid")
    value = length * width * price * (1 - Fraction(pct, 100))
    return Draft("floor_cost", {"l": length, "w": width, "price": price, "pct": pct}, prompts, ace, code, value, 4,
                 {"person": who})


def _box_liters(rng: random.Random) -> Draft:
    s = Speaker(rng)
    length, width, height = rng.randint(5, 100), rng.randint(5, 80), rng.randint(5, 80)
    prompts = [
        f"A box is {length} cm long, {width} cm wide and {height} cm high. How many liters does it hold?",
        f"How many liters fit in a box measuring {length} cm by {width} cm by {s.n(height)} cm?",
        f"A box has length {length} centimeters, width {width} centimeters and height {height} centimeters. What is its volume in liters?",
        f"One liter is 1000 cubic centimeters. What is the volume in liters of a box {length} cm by {width} cm by {height} cm?",
    ]
    ace = (
        f"A box has a length of {length} centimeters. The box has a width of {width} centimeters. "
        f"The box has a height of {height} centimeters. 1 liter is 1000 cubic centimeters. "
        "How many liters does the box hold?"
    )
    code = program(f"length = {length}", f"width = {width}", f"height = {height}", "cubic_centimeters_per_liter = 1000",
                   "volume = length * width * height", "liters = Rational(volume, cubic_centimeters_per_liter)",
                   "answer = liters")
    value = Fraction(length * width * height, 1000)
    return Draft("box_liters", {"l": length, "w": width, "h": height}, prompts, ace, code, value, 3)


def _pipes_minutes(rng: random.Random) -> Draft:
    s = Speaker(rng)
    x, y = rng.sample(FILLERS, 2)
    first, second = rng.randint(1, 12), rng.randint(1, 12)
    prompts = [
        f"A {x} fills a tank in {first} hours and a {y} fills it in {second} hours. Working together, how many minutes do they take?",
        f"How many minutes do a {x} and a {y} need to fill a tank together, if the {x} alone takes {s.n(first)} hours and the {y} {s.n(second)} hours?",
        f"The {x} fills a tank in {first} h and the {y} fills it in {second} h. With both running, find the filling time in minutes.",
        f"A tank can be filled in {first} hours by a {x} and in {second} hours by a {y}. In minutes, how long do the {x} and the {y} together need?",
    ]
    ace = (
        f"A {x} fills a tank in {first} hours. A {y} fills the tank in {second} hours. "
        f"The {x} fills the tank with the {y}. 1 hour is 60 minutes. "
        f"How many minutes does the {x} need?"
    )
    code = program(f"{x}_time = {first}", f"{y}_time = {second}", "minutes_per_hour = 60",
                   f"rate = Rational(1, {x}_time) + Rational(1, {y}_time)", "hours = 1 / rate",
                   "minutes = hours * minutes_per_hour", "answer = minutes")
    value = 60 / (Fraction(1, first) + Fraction(1, second))
    return Draft("pipes_minutes", {"first": first, "second": second}, prompts, ace, code, value, 4, {"fillers": [x, y]})


def _speed_after_increase(rng: random.Random) -> Draft:
    s = Speaker(rng)
    v = rng.choice(["car", "train", "bus", "boat"])
    speed = rng.randint(2, 24) * 5
    pct = rng.choice([10, 20, 25, 50])
    new_speed = Fraction(speed * (100 + pct), 100)
    distance = int(new_speed * rng.randint(1, 6)) if new_speed.denominator == 1 and rng.random() < 0.8 else rng.randint(20, 600)
    prompts = [
        f"A {v} usually travels at {speed} km/h. Today its speed is {pct}% higher. How many hours does a {distance} km trip take today?",
        f"How long, in hours, does a {v} need for {distance} kilometers if it goes {pct} percent faster than its usual {speed} kilometers per hour?",
        f"The speed of a {v} is {s.n(speed)} kilometers per hour. The speed increases by {pct} percent. Then the {v} travels {distance} kilometers. How many hours does that take?",
        f"A {v} drives {distance} km at a speed {pct}% above its normal {speed} km/h. Find the travel time in hours.",
    ]
    ace = (
        f"A {v} travels at a speed of {speed} kilometers per hour. The speed of the {v} increases by {pct} percent. "
        f"The {v} travels {distance} kilometers. How many hours does the {v} travel?"
    )
    code = program(f"speed = {speed}", f"increase = {pct}", f"distance = {distance}",
                   "new_speed = speed + speed * Rational(increase, 100)", "time = distance / new_speed", "answer = time")
    params = {"speed": speed, "pct": pct, "distance": distance}
    return Draft("speed_after_increase", params, prompts, ace, code, distance / new_speed, 3, {"vehicle": v})


def _area_in_square_centimeters(rng: random.Random) -> Draft:
    s = Speaker(rng)
    length, width = rng.randint(1, 30), rng.randint(1, 20)
    thing = rng.choice(["rectangle", "floor", "board", "tile"])
    prompts = [
        f"A {thing} is {s.n(length)} m long and {s.n(width)} m wide. What is its area in square centimeters?",
        f"How many square centimeters is the area of a {thing} that measures {length} meters by {width} meters?",
        f"Find the area, in sq cm, of a rectangular {thing} with length {length} m and width {width} m." if thing != "rectangle"
        else f"Find the area, in sq cm, of a rectangle with length {length} m and width {width} m.",
        f"The length of a {thing} is {length} meters and its width is {width} meters. Express its area in square centimeters.",
    ]
    ace = (
        f"A {thing} has a length of {length} meters and a width of {width} meters. "
        "1 square meter is 10000 square centimeters. "
        f"How many square centimeters does the {thing} cover?"
    )
    code = program(f"length = {length}", f"width = {width}", "square_centimeters_per_square_meter = 10000",
                   "area = length * width", "converted = area * square_centimeters_per_square_meter", "answer = converted",
                   imports="")
    return Draft("area_in_square_centimeters", {"l": length, "w": width}, prompts, ace, code, length * width * 10000, 2,
                 {"thing": thing})


FAMILIES = [
    Family("percent_of_triangle_area", "A percentage of a triangle's area", _percent_of_triangle_area, True),
    Family("speed_with_minutes", "A speed in km/h from a time given in minutes", _speed_with_minutes, True),
    Family("hypotenuse_perimeter", "A right triangle's perimeter via its hypotenuse", _hypotenuse_perimeter, True),
    Family("floor_cost", "Area times price, then a discount", _floor_cost, True),
    Family("box_liters", "A box's volume converted to liters", _box_liters, True),
    Family("pipes_minutes", "Two pipes together, answered in minutes", _pipes_minutes, True),
    Family("speed_after_increase", "A percentage increase inside a speed-time problem", _speed_after_increase, True),
    Family("area_in_square_centimeters", "A rectangle's area converted to square centimeters", _area_in_square_centimeters, True),
]
