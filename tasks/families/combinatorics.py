"""Counting: combinations (committees, handshakes), permutations (podiums), arrangements."""

from __future__ import annotations

import math
import random

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker


def _committee(rng: random.Random, s: Speaker) -> Draft:
    n = rng.randint(4, 40)
    k = rng.randint(2, min(8, n - 1))
    prompts = [
        f"In how many ways can a club with {n} members choose a committee of {s.n(k)} members?",
        f"A club has {n} members. How many different committees of {k} members can it choose?",
        f"How many committees of {k} can a club of {n} members form, when the order does not matter?",
        f"From its {n} members, a club picks a committee of {k}. Count the possible committees.",
    ]
    ace = (
        f"A club has {n} members. The club chooses a committee of {k} members. "
        "What is the number of the possible committees?"
    )
    code = program(f"members = {n}", f"size = {k}", "ways = binomial(members, size)", "answer = ways", imports="binomial")
    return Draft("combinations", {"n": n, "k": k}, prompts, ace, code, math.comb(n, k), 1)


def _podium(rng: random.Random, s: Speaker) -> Draft:
    n = rng.randint(3, 40)
    k = rng.randint(2, min(5, n))
    prompts = [
        f"{n} runners are in a race, and {k} different medals go to {k} of them. In how many orders can the medals be given?",
        f"How many ways can {k} different medals be given to {k} of the {n} runners in a race, one medal each?",
        f"A race has {s.n(n)} runners and {s.n(k)} distinct medals. How many possible medal orders are there?",
        f"In a race with {n} runners, {k} different medals are awarded. Count the possible orders of the medals.",
    ]
    ace = (
        f"A race has {n} runners. The race gives {k} different medals to {k} runners. "
        "What is the number of the possible orders of the medals?"
    )
    code = program(f"runners = {n}", f"medals = {k}", "orders = factorial(runners) / factorial(runners - medals)",
                   "answer = orders", imports="factorial")
    return Draft("permutations", {"n": n, "k": k}, prompts, ace, code, math.perm(n, k), 1)


def _shelf(rng: random.Random, s: Speaker) -> Draft:
    n = rng.randint(2, 12)
    prompts = [
        f"In how many ways can {s.n(n)} different books be arranged on a shelf?",
        f"How many different orders are there for {n} books on a shelf?",
        f"A shelf holds {n} distinct books. Count the arrangements of the books on the shelf.",
        f"{n} different books stand on a shelf in a row. How many orders are possible?",
    ]
    ace = f"A shelf has {n} books. What is the number of the possible orders of the books?"
    code = program(f"books = {n}", "arrangements = factorial(books)", "answer = arrangements", imports="factorial")
    return Draft("arrangements", {"n": n}, prompts, ace, code, math.factorial(n), 1)


def _handshakes(rng: random.Random, s: Speaker) -> Draft:
    n = rng.randint(3, 60)
    prompts = [
        f"At a party {n} guests each shake hands with every other guest once. How many handshakes are there?",
        f"How many handshakes happen at a party if {s.n(n)} guests all shake hands with each other exactly once?",
        f"Each of the {n} guests at a party shakes hands once with each other guest. Find the number of handshakes.",
        f"There are {n} guests at a party and every guest shakes hands with every other guest. Count the handshakes.",
    ]
    ace = (
        f"A party has {n} guests. Every guest shakes the hand of every other guest. "
        "What is the number of the handshakes?"
    )
    code = program(f"guests = {n}", "handshakes = binomial(guests, 2)", "answer = handshakes", imports="binomial")
    return Draft("handshakes", {"n": n}, prompts, ace, code, math.comb(n, 2), 1)


def _mixed_committee(rng: random.Random, s: Speaker) -> Draft:
    men, women = rng.randint(2, 15), rng.randint(2, 15)
    pick_m, pick_w = rng.randint(1, min(4, men)), rng.randint(1, min(4, women))
    prompts = [
        f"A teacher chooses {pick_m} boys and {pick_w} girls from a class of {men} boys and {women} girls. How many different choices are possible?",
        f"How many ways are there for a teacher to choose {pick_m} of {men} boys and {pick_w} of {women} girls in a class?",
        f"A class has {s.n(men)} boys and {s.n(women)} girls. The teacher picks {pick_m} boys and {pick_w} girls for a choir. In how many ways can this be done?",
        f"In a class with {men} boys and {women} girls, the teacher picks {pick_m} boys and {pick_w} girls. Count the possible choices.",
    ]
    ace = (
        f"A class has {men} boys and {women} girls. The teacher chooses {pick_m} boys and {pick_w} girls. "
        "What is the number of the possible choices?"
    )
    code = program(f"boys = {men}", f"girls = {women}", f"chosen_boys = {pick_m}", f"chosen_girls = {pick_w}",
                   "ways = binomial(boys, chosen_boys) * binomial(girls, chosen_girls)", "answer = ways",
                   imports="binomial")
    value = math.comb(men, pick_m) * math.comb(women, pick_w)
    return Draft("mixed_committee", {"m": men, "w": women, "pm": pick_m, "pw": pick_w}, prompts, ace, code, value, 3)


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    return rng.choice([_committee, _podium, _shelf, _handshakes, _mixed_committee])(rng, s)


FAMILY = Family("combinatorics", "Combinations, permutations and arrangements", sample)
