"""Systems of two linear equations: heads and legs, sum and difference, ticket sales."""

from __future__ import annotations

import random

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker, money, plural

SOLVE = "symbols, Eq, solve"
ANIMALS = [("chicken", 2, "cow", 4), ("duck", 2, "pig", 4), ("chicken", 2, "rabbit", 4), ("duck", 2, "horse", 4), ("spider", 8, "ant", 6),
           ("bird", 2, "dog", 4)]
TICKETS = [("adult", "junior"), ("premium", "regular"), ("standard", "reduced")]  # (dearer, cheaper)


def _heads_legs(rng: random.Random, s: Speaker) -> Draft:
    a, a_legs, b, b_legs = rng.choice(ANIMALS)
    na, nb = rng.randint(1, 60), rng.randint(1, 60)
    heads, legs = na + nb, a_legs * na + b_legs * nb
    ask = rng.choice([a, b])
    A, B = plural(a, 2), plural(b, 2)
    prompts = [
        f"A farm has {A} and {B}. Together they have {heads} heads and {legs} legs. How many {plural(ask, 2)} are there?",
        f"There are {s.n(heads)} animals on a farm, all {A} or {B}, with {legs} legs in total. A {a} has {a_legs} legs and a {b} has {b_legs}. How many {plural(ask, 2)} are on the farm?",
        f"How many {plural(ask, 2)} are on a farm of {A} and {B} if the animals have {heads} heads and {legs} legs?",
        f"Counting the {A} and {B} on a farm, Sam finds {legs} legs and {heads} heads. Find the number of {plural(ask, 2)}.",
    ]
    ace = (
        f"The animals of a farm have {heads} heads. The animals have {legs} legs. A {a} has {a_legs} legs. "
        f"A {b} has {b_legs} legs. How many {plural(ask, 2)} does the farm have?"
    )
    code = program(
        f"{a}, {b} = symbols('{a} {b}')",
        f"solution = solve([Eq({a} + {b}, {heads}), Eq({a_legs} * {a} + {b_legs} * {b}, {legs})], [{a}, {b}])",
        f"answer = solution[{ask}]", imports=SOLVE,
    )
    value = na if ask == a else nb
    params = {"animals": a, "heads": heads, "legs": legs, "ask_first": ask == a}
    return Draft("heads_legs", params, prompts, ace, code, value, 3)


def _sum_difference(rng: random.Random, s: Speaker) -> Draft:
    y = rng.randint(1, 200)
    x = y + rng.randint(1, 200)
    total, diff = x + y, x - y
    larger = rng.random() < 0.5
    which = "larger" if larger else "smaller"
    prompts = [
        f"The sum of two numbers is {total} and their difference is {diff}. What is the {which} number?",
        f"Two numbers add up to {total}. One is {diff} more than the other. Find the {which} of the two numbers.",
        f"What is the {which} of two numbers whose sum is {total} and whose difference is {diff}?",
        f"If two numbers differ by {s.n(diff)} and their total is {total}, what is the {which} one?",
    ]
    ace = (
        f"A number X is unknown. A number Y is unknown. X + Y = {total}. X - Y = {diff}. "
        f"What is {'X' if larger else 'Y'}?"
    )
    code = program(
        "x, y = symbols('x y')",
        f"solution = solve([Eq(x + y, {total}), Eq(x - y, {diff})], [x, y])",
        f"answer = solution[{'x' if larger else 'y'}]", imports=SOLVE,
    )
    return Draft("sum_difference", {"total": total, "diff": diff, "larger": larger}, prompts, ace, code,
                 x if larger else y, 3)


def _tickets(rng: random.Random, s: Speaker) -> Draft:
    a, b = rng.choice(TICKETS)
    pa = rng.randint(5, 30)
    pb = rng.randint(2, pa - 1)
    na, nb = rng.randint(1, 150), rng.randint(1, 150)
    count, income = na + nb, pa * na + pb * nb
    ask = rng.choice([a, b])
    prompts = [
        f"A theater sells {a} tickets for ${pa} and {b} tickets for ${pb}. It sells {count} tickets and takes in ${income}. How many {ask} tickets were sold?",
        f"At a theater, {a} tickets cost {pa} dollars and {b} tickets cost {pb} dollars. The theater sold {count} tickets for a total of {income} dollars. How many of them were {ask} tickets?",
        f"How many {ask} tickets did a theater sell if it sold {count} tickets in all, {a} tickets at {money(pa)} and {b} tickets at {money(pb)}, for {money(income)}?",
        f"At a theater, {count} tickets were sold and the income was {income} dollars. A {a} ticket costs {pa} dollars, a {b} ticket {pb} dollars. Find the number of {ask} tickets sold.",
    ]
    art = "An" if a[0] in "aeiou" else "A"
    art_b = "An" if b[0] in "aeiou" else "A"
    ace = (
        f"A theater sells {count} tickets. The theater earns {income} dollars. {art} {a} ticket costs {pa} dollars. "
        f"{art_b} {b} ticket costs {pb} dollars. How many {ask} tickets does the theater sell?"
    )
    code = program(
        f"{a}, {b} = symbols('{a} {b}')",
        f"solution = solve([Eq({a} + {b}, {count}), Eq({pa} * {a} + {pb} * {b}, {income})], [{a}, {b}])",
        f"answer = solution[{ask}]", imports=SOLVE,
    )
    params = {"pa": pa, "pb": pb, "count": count, "income": income, "ask_first": ask == a}
    return Draft("tickets", params, prompts, ace, code, na if ask == a else nb, 3, {"kinds": [a, b]})


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    return rng.choice([_heads_legs, _sum_difference, _tickets])(rng, s)


FAMILY = Family("linear_system", "Two linear equations: heads and legs, sum and difference, tickets", sample)
