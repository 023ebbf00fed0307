"""Speed, distance and time: one mover (any of the three unknown) and two movers meeting."""

from __future__ import annotations

import random
from dataclasses import replace
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker, plural

VEHICLES = ["car", "train", "bus", "truck", "cyclist", "boat"]
SYSTEMS = [("kilometer", "km", "km/h"), ("mile", "mi", "mph")]


def _distance(rng: random.Random, s: Speaker, v: str, unit: str, rate: str) -> Draft:
    speed, time = rng.randint(3, 120), rng.randint(1, 12)
    qs = f"{speed} {rate}" if rng.random() < 0.5 else f"{s.n(speed)} {plural(unit, 2)} per hour"
    qt = f"{s.n(time)} {plural('hour', time)}"
    prompts = [
        f"A {v} travels at {qs} for {qt}. How far does it go?",
        f"How many {plural(unit, 2)} does a {v} cover in {qt} at a speed of {qs}?",
        f"A {v} moves at a constant speed of {qs}. What distance does it travel in {qt}?",
        f"For {qt} a {v} keeps a steady {qs}. Find the distance it covers.",
    ]
    ace = (
        f"A {v} travels at a speed of {speed} {plural(unit, 2)} per hour. The {v} travels for {time} {plural('hour', time)}. "
        f"How many {plural(unit, 2)} does the {v} travel?"
    )
    code = program(f"speed = {speed}", f"time = {time}", "distance = speed * time", "answer = distance", imports="")
    return Draft("distance", {"speed": speed, "time": time}, prompts, ace, code, speed * time, 1)


def _time(rng: random.Random, s: Speaker, v: str, unit: str, rate: str) -> Draft:
    speed = rng.randint(3, 120)
    distance = speed * rng.randint(1, 10) if rng.random() < 0.6 else rng.randint(10, 900)
    qs = f"{speed} {rate}" if rng.random() < 0.5 else f"{s.n(speed)} {plural(unit, 2)} per hour"
    qd = s.q(distance, unit)
    prompts = [
        f"A {v} travels {qd} at {qs}. How many hours does the trip take?",
        f"How long, in hours, does it take a {v} going {qs} to cover {qd}?",
        f"A {v} has to cover {qd}. Its speed is {qs}. How many hours will it need?",
        f"At a steady {qs}, how many hours does a {v} need for a journey of {qd}?",
    ]
    ace = (
        f"A {v} travels {distance} {plural(unit, distance)}. The {v} travels at a speed of {speed} {plural(unit, 2)} per hour. "
        f"How many hours does the {v} travel?"
    )
    code = program(f"distance = {distance}", f"speed = {speed}", "time = Rational(distance, speed)", "answer = time")
    return Draft("time", {"distance": distance, "speed": speed}, prompts, ace, code, Fraction(distance, speed), 1)


def _speed(rng: random.Random, s: Speaker, v: str, unit: str, rate: str) -> Draft:
    time = rng.randint(1, 12)
    distance = time * rng.randint(3, 120) if rng.random() < 0.7 else rng.randint(10, 900)
    qd, qt = s.q(distance, unit), f"{s.n(time)} {plural('hour', time)}"
    prompts = [
        f"A {v} travels {qd} in {qt}. What is its average speed in {plural(unit, 2)} per hour?",
        f"What is the speed of a {v} that covers {qd} in {qt}?",
        f"In {qt} a {v} goes {qd}. How fast is it going, in {rate}?",
        f"A {v} needs {qt} for a trip of {qd}. Find its average speed.",
    ]
    ace = (
        f"A {v} travels {distance} {plural(unit, distance)} in {time} {plural('hour', time)}. "
        f"What is the speed of the {v}?"
    )
    code = program(f"distance = {distance}", f"time = {time}", "speed = Rational(distance, time)", "answer = speed")
    return Draft("speed", {"distance": distance, "time": time}, prompts, ace, code, Fraction(distance, time), 1)


def _meet(rng: random.Random, s: Speaker, v: str, unit: str, rate: str) -> Draft:
    w = rng.choice([x for x in VEHICLES if x != v])
    first, second = rng.randint(5, 100), rng.randint(5, 100)
    distance = (first + second) * rng.randint(1, 6) if rng.random() < 0.7 else rng.randint(20, 900)
    qd = s.q(distance, unit)
    prompts = [
        f"A {v} and a {w} are {qd} apart. They travel toward each other, the {v} at {first} {rate} and the {w} at {second} {rate}. After how many hours do they meet?",
        f"Two travellers start {qd} apart and head toward each other: a {v} at {s.n(first)} {plural(unit, 2)} per hour and a {w} at {s.n(second)} {plural(unit, 2)} per hour. How many hours pass before they meet?",
        f"How many hours does it take for a {v} going {first} {rate} and a {w} going {second} {rate} to meet if they start {qd} apart and move toward each other?",
        f"The distance between a {v} and a {w} is {qd}. The {v} heads toward the {w} at {first} {rate}, and the {w} heads toward the {v} at {second} {rate}. When do they meet, in hours?",
    ]
    ace = (
        f"A {v} is {distance} {plural(unit, distance)} from a {w}. "
        f"The {v} travels towards the {w} at a speed of {first} {plural(unit, 2)} per hour. "
        f"The {w} travels towards the {v} at a speed of {second} {plural(unit, 2)} per hour. "
        f"The {v} meets the {w}. How many hours does the {v} travel?"
    )
    code = program(
        f"distance = {distance}", f"first_speed = {first}", f"second_speed = {second}",
        "time = Rational(distance, first_speed + second_speed)", "answer = time",
    )
    params = {"distance": distance, "first": first, "second": second}
    return Draft("meet", params, prompts, ace, code, Fraction(distance, first + second), 2, {"other": w})


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    v = rng.choice(VEHICLES)
    unit, _, rate = rng.choice(SYSTEMS)
    make = rng.choice([_distance, _time, _speed, _meet])
    draft = make(rng, s, v, unit, rate)
    return replace(draft, surface={**draft.surface, "vehicle": v, "unit": unit})


FAMILY = Family("motion", "Speed, distance and time, including two movers meeting", sample)
