"""Linear equations in one unknown: number puzzles and age puzzles."""

from __future__ import annotations

import random
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import PEOPLE, Speaker

SOLVE = "symbols, Eq, solve"


def _number(rng: random.Random, s: Speaker) -> Draft:
    form = rng.choice(["ax+b", "ax-b", "a(x+b)", "x/a+b"])
    a, b, x = rng.randint(2, 12), rng.randint(1, 50), rng.randint(1, 40)
    if form == "ax+b":
        c = a * x + b
        eq, words_ = f"{a} * X + {b} = {c}", (f"{s.n(a)} times a number plus {b} is {c}", f"multiply a number by {a} and add {b}", f"{b} more than {a} times a number is {c}")
        expr = f"{a} * x + {b}"
    elif form == "ax-b":
        c = a * x - b
        eq, words_ = f"{a} * X - {b} = {c}", (f"{s.n(a)} times a number minus {b} is {c}", f"multiply a number by {a} and subtract {b}", f"{b} less than {a} times a number is {c}")
        expr = f"{a} * x - {b}"
    elif form == "a(x+b)":
        c = a * (x + b)
        eq, words_ = f"{a} * (X + {b}) = {c}", (f"{s.n(a)} times the sum of a number and {b} is {c}", f"add {b} to a number and multiply the result by {a}", f"the sum of a number and {b}, multiplied by {a}, is {c}")
        expr = f"{a} * (x + {b})"
    else:
        x = a * rng.randint(1, 20)
        c = x // a + b
        eq, words_ = f"X / {a} + {b} = {c}", (f"a number divided by {a}, plus {b}, is {c}", f"divide a number by {a} and add {b}", f"{b} more than a number divided by {a} is {c}")
        expr = f"x / {a} + {b}"
    statement, recipe, phrase = words_
    prompts = [
        f"{statement[0].upper()}{statement[1:]}. What is the number?",
        f"If you {recipe}, you get {c}. Find the number.",
        f"What is the number if {phrase}?",
        f"I think of a number. When I {recipe}, the result is {c}. Which number am I thinking of?",
    ]
    ace = f"Calculate the number X such that {eq}."
    code = program("x = symbols('x')", f"solution = solve(Eq({expr}, {c}), x)", "answer = solution[0]", imports=SOLVE)
    return Draft(f"number_{form}", {"a": a, "b": b, "c": c}, prompts, ace, code, x, 2)


def _consecutive_sum(rng: random.Random, s: Speaker) -> Draft:
    count = rng.randint(2, 5)
    first = rng.randint(-20, 120)
    total = sum(first + i for i in range(count))
    ask = rng.choice(["smallest", "largest"])
    count_en = s.n(count) if count > 2 else "two"
    prompts = [
        f"The sum of {count_en} consecutive integers is {total}. What is the {ask} of them?",
        f"{count_en.capitalize()} consecutive whole numbers add up to {total}. Find the {ask} number.",
        f"What is the {ask} of {count} consecutive integers whose sum is {total}?",
        f"I add {count} consecutive integers and get {total}. Which is the {ask} of the integers?",
    ]
    terms = " + ".join(["X"] + [f"(X + {i})" for i in range(1, count)])
    terms_py = " + ".join(["x"] + [f"(x + {i})" for i in range(1, count)])
    if ask == "smallest":
        ace = f"Calculate the number X such that {terms} = {total}."
        tail = ["answer = solution[0]"]
    else:
        ace = f"A number X is unknown. {terms} = {total}. Y = X + {count - 1}. What is Y?"
        tail = [f"answer = solution[0] + {count - 1}"]
    code = program("x = symbols('x')", f"solution = solve(Eq({terms_py}, {total}), x)", *tail, imports=SOLVE)
    value = first if ask == "smallest" else first + count - 1
    return Draft(f"consecutive_{ask}", {"count": count, "total": total}, prompts, ace, code, value, 2)


def _age_sum(rng: random.Random, s: Speaker) -> Draft:
    older, younger = rng.sample(PEOPLE, 2)
    gap, young_age = rng.randint(1, 40), rng.randint(1, 50)
    total = 2 * young_age + gap
    prompts = [
        f"{older} is {s.n(gap)} years older than {younger}. The sum of their ages is {total}. How old is {younger}?",
        f"How old is {younger} if {older} is {gap} years older and together they are {total} years old?",
        f"Together {older} and {younger} are {total} years old. {older} is {gap} years older than {younger}. Find {younger}'s age.",
        f"The ages of {younger} and {older} add up to {total} years, and {younger} is {gap} years younger than {older}. What is {younger}'s age?",
    ]
    ace = f"The age of {younger} is X. The age of {older} is Y. Y = X + {gap}. X + Y = {total}. What is X?"
    code = program(
        "x, y = symbols('x y')",
        f"solution = solve([Eq(y, x + {gap}), Eq(x + y, {total})], [x, y])",
        "answer = solution[x]",
        imports=SOLVE,
    )
    return Draft("age_sum", {"gap": gap, "total": total}, prompts, ace, code, young_age, 3,
                 {"people": [older, younger]})


def _age_future(rng: random.Random, s: Speaker) -> Draft:
    parent, child = rng.sample(PEOPLE, 2)
    now, later = rng.randint(3, 6), rng.randint(2, 4)
    if later >= now:
        later = now - 1
    # parent = now * c; parent + k = later * (c + k)  =>  c = k (later - 1) / (now - later)
    k = (now - later) * rng.randint(1, 8)
    child_age = Fraction(k * (later - 1), now - later)
    prompts = [
        f"{parent} is {now} times as old as {child}. In {k} years {parent} will be {later} times as old as {child}. How old is {child} now?",
        f"How old is {child} today if {parent} is {s.n(now)} times {child}'s age now and will be {s.n(later)} times {child}'s age in {k} years?",
        f"Today {parent}'s age is {now} times {child}'s age. After {k} years, {parent}'s age will be {later} times {child}'s age. Find {child}'s present age.",
        f"In {k} years {parent} will be {later} times as old as {child}; today {parent} is {now} times as old. What is {child}'s age today?",
    ]
    ace = (
        f"The age of {child} is X. The age of {parent} is Y. Y = {now} * X. "
        f"Y + {k} = {later} * (X + {k}). What is X?"
    )
    code = program(
        "x, y = symbols('x y')",
        f"solution = solve([Eq(y, {now} * x), Eq(y + {k}, {later} * (x + {k}))], [x, y])",
        "answer = solution[x]",
        imports=SOLVE,
    )
    return Draft("age_future", {"now": now, "later": later, "k": k}, prompts, ace, code, child_age, 3,
                 {"people": [parent, child]})


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    make = rng.choices([_number, _consecutive_sum, _age_sum, _age_future], weights=[3, 2, 2, 1])[0]
    return make(rng, s)


FAMILY = Family("linear_equation", "Linear equations in one unknown: number and age puzzles", sample)
