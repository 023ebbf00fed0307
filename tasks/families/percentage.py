"""Percentages: a percent of a quantity, discounts, and increases or decreases."""

from __future__ import annotations

import random
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import PEOPLE, Speaker, money

ITEMS = ["candy", "marble", "sticker", "coin", "card", "bead", "cookie"]
GOODS = ["shirt", "jacket", "bike", "coat", "desk", "chair", "phone"]
AMOUNTS = [("salary", "worker"), ("rent", "house"), ("price", "ticket"), ("price", "car"), ("wage", "driver")]


def _percent_of(rng: random.Random, s: Speaker) -> Draft:
    who = rng.choice(PEOPLE)
    item = rng.choice(ITEMS)
    total = rng.choice([20, 25, 40, 50, 60, 80, 100, 120, 150, 200, 250, 300, 400, 500])
    pct = rng.choice([p for p in (5, 10, 12, 15, 20, 25, 30, 40, 45, 50, 60, 75, 80, 90) if total * p % 100 == 0])
    items = item + "s" if item != "candy" else "candies"
    prompts = [
        f"A jar holds {total} {items}. {who} takes {pct}% of them. How many {items} does {who} take?",
        f"{who} takes {pct}% of the {total} {items} in a jar. How many {items} is that?",
        f"How many {items} does {who} take from a jar of {total} {items} if {who} takes {s.n(pct)} percent of the {items}?",
        f"There are {total} {items} in a jar. {who} takes {pct} percent of the {items}. Find the number of {items} {who} takes.",
    ]
    ace = (
        f"A jar has {total} {items}. {who} takes a share of the {items}. The share is {pct} percent. "
        f"How many {items} does {who} take?"
    )
    code = program(f"total = {total}", f"percent = {pct}", "part = total * Rational(percent, 100)", "answer = part")
    return Draft("percent_of", {"total": total, "pct": pct}, prompts, ace, code, Fraction(total * pct, 100), 1,
                 {"person": who, "item": item})


def _discount(rng: random.Random, s: Speaker) -> Draft:
    good = rng.choice(GOODS)
    price = rng.randint(4, 400)
    pct = rng.choice([5, 10, 15, 20, 25, 30, 35, 40, 50, 60, 70])
    prompts = [
        f"A {good} costs {money(price)}. It is on sale at {pct}% off. What is the sale price?",
        f"What does a {good} cost after a {pct}% discount if its price was {price} dollars?",
        f"The price of a {good} is {money(price)}. The shop gives a discount of {s.n(pct)} percent. How much does the {good} cost now?",
        f"A shop takes {pct} percent off a {good} that normally sells for {money(price)}. Find the new price in dollars.",
    ]
    ace = (
        f"A {good} has a price of {price} dollars. A shop gives a discount of {pct} percent on the {good}. "
        f"What is the new price of the {good}?"
    )
    code = program(
        f"price = {price}", f"discount = {pct}",
        "new_price = price - price * Rational(discount, 100)", "answer = new_price",
    )
    value = Fraction(price) - Fraction(price * pct, 100)
    return Draft("discount", {"price": price, "pct": pct}, prompts, ace, code, value, 2, {"good": good})


def _change(rng: random.Random, s: Speaker) -> Draft:
    amount, owner = rng.choice(AMOUNTS)
    direction = rng.choice(["increase", "decrease"])
    base = rng.randint(2, 80) * rng.choice([10, 25, 50, 100])
    pct = rng.choice([2, 4, 5, 8, 10, 12, 15, 20, 25, 30, 40, 50])
    up = direction == "increase"
    verb = "rises" if up else "falls"
    prompts = [
        f"The {amount} of a {owner} is {money(base)}. It {verb} by {pct}%. What is the new {amount}?",
        f"What is the new {amount} of a {owner} after a {pct} percent {direction}, if the old {amount} was {base} dollars?",
        f"A {owner} has a {amount} of {base} dollars. After a {direction} of {s.n(pct)} percent, what is its {amount}?",
        f"The {amount} of a {owner} {direction}s by {pct} percent from {money(base)}. Find the {amount} after the change.",
    ]
    ace = (
        f"A {owner} has a {amount} of {base} dollars. The {amount} of the {owner} {direction}s by {pct} percent. "
        f"What is the new {amount} of the {owner}?"
    )
    sign = "+" if up else "-"
    code = program(
        f"{amount} = {base}", f"{direction} = {pct}",
        f"new_{amount} = {amount} {sign} {amount} * Rational({direction}, 100)", f"answer = new_{amount}",
    )
    delta = Fraction(base * pct, 100)
    value = base + delta if up else base - delta
    return Draft(direction, {"base": base, "pct": pct}, prompts, ace, code, value, 2, {"amount": amount})


def _what_percent(rng: random.Random, s: Speaker) -> Draft:
    who = rng.choice(PEOPLE)
    total = rng.choice([10, 20, 25, 40, 50, 60, 80, 100, 120, 200])
    part = rng.randint(1, total)
    prompts = [
        f"A test has {total} questions. {who} answers {part} of them correctly. What percent of the questions does {who} answer correctly?",
        f"{who} got {part} out of {total} questions right on a test. What percent is that?",
        f"{who} answers {s.n(part)} questions correctly on a test of {total} questions. What is {who}'s score as a percentage?",
        f"On a {total}-question test {who} gets {part} questions right. Express this as a percent of the questions.",
    ]
    ace = (
        f"A test has {total} questions. {who} answers {part} questions. "
        f"What is the percentage of the questions that {who} answers?"
    )
    code = program(f"total = {total}", f"answered = {part}", "percentage = Rational(answered, total) * 100", "answer = percentage")
    return Draft("what_percent", {"total": total, "part": part}, prompts, ace, code, Fraction(part * 100, total), 2,
                 {"person": who})


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    return rng.choice([_percent_of, _discount, _change, _what_percent])(rng, s)


FAMILY = Family("percentage", "Percent of a quantity, discounts, increases and decreases", sample)
