"""Pass `stories` (part of `concepts`): everyday multi-step money and time problems.

Five common story problems, recognised by what they are about rather than their wording,
each rendered as its canonical ACE:

- change after shopping: items bought at a price each, paid with a note;
- saving up: money at the start, a weekly saving, the price of the goal;
- a day's schedule: lessons, breaks and lunch with their durations;
- scaling a recipe: grams for some people, cooking for others, bag size;
- a monthly budget: income, rent as a percentage, other costs, the rest saved.
"""

from __future__ import annotations

import re

from agent.rewrite.conservation import keeps_stated_numbers
from agent.rewrite.initial_amount import define_initial_amount
from agent.rewrite.joint_work import define_joint_work
from agent.rewrite.nouns import singular
from agent.rewrite.people import named_people
from agent.rewrite.proportion import define_proportion
from agent.rewrite.wages import define_wages

_NUM = r"\d+(?:\.\d+)?"
_NOT_NAMES = {"A", "An", "The", "How", "What", "Find", "If", "At", "Each", "Every", "With", "For", "After", "Flour", "Rent", "Food", "Whatever"}


@keeps_stated_numbers
def define_story(text: str) -> str | None:
    """Canonical ACE for one of the five stories, or None."""
    return _shopping(text) or _savings(text) or _schedule(text) or _recipe(text) or _budget(text) or _score(text) or _ratio(text) or define_wages(text) or define_proportion(text) or define_initial_amount(text) or define_joint_work(text)


def _ratio(text: str) -> str | None:
    """Money shared between two people in a ratio; asked for one person's share."""
    ratio = re.search(rf"ratio\s+(?:of\s+)?({_NUM})\s*(?::|to)\s*({_NUM})", text)
    amount = re.search(rf"({_NUM})\s+dollars", text)
    pair = re.search(r"([A-Z][a-z]+)\s+shares\s+.+?\s+with\s+([A-Z][a-z]+)|between\s+([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)|([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+(?:divide|share|split)", text)
    asked = re.search(r"([A-Z][a-z]+)'s\s+share|does\s+([A-Z][a-z]+)\s+(?:receive|get)", text)
    if not (ratio and amount and pair and asked):
        return None
    first, second = [g for g in pair.groups() if g][:2]
    who = asked.group(1) or asked.group(2)
    return (
        f"{first} shares {amount.group(1)} dollars with {second}. The share of {first} is {ratio.group(1)} parts. "
        f"The share of {second} is {ratio.group(2)} parts. How many dollars does {who} get?"
    )


_TEST = r"(?:test|quiz|exam|examination)"


def _score(text: str) -> str | None:
    """A test score as a percentage: questions answered right out of all questions (a quiz or
    an exam is a test; `scored 18 out of 20` counts questions)."""
    if not re.search(r"\bpercent(?:age)?\b", text) or not re.search(rf"\b(?:questions?|answers|problems)\b|\b{_TEST}\b", text):
        return None
    person = _person(text)
    total = re.search(
        rf"({_NUM})[\s-]questions?\s+{_TEST}|{_TEST}\s+(?:of|with|has|that\s+has)\s+({_NUM})\s+questions|out\s+of\s+({_NUM})(?:\s+(?:questions|answers|problems))?|\bof\s+({_NUM})\s+(?:questions|answers|problems)",
        text,
    )
    right = re.search(rf"(?:gets|got|answers|answered|scores|scored)\s+({_NUM})(?:\s+questions|\s+of\s+them)?(?:\s+(?:right|correctly))?", text)
    if person is None or total is None or right is None:
        return None
    n = next(g for g in total.groups() if g)
    if int(right.group(1)) > int(n):
        return None
    return (
        f"A test has {n} questions. {person} answers {right.group(1)} questions. "
        f"What is the percentage of the questions that {person} answers?"
    )


def _person(text: str) -> str | None:
    names = [n for n in named_people(text) if n not in _NOT_NAMES]
    return names[0] if len(names) == 1 else None


def _money(value: str) -> str:
    return value.rstrip("0").rstrip(".") if "." in value else value


def _shopping(text: str) -> str | None:
    """Change after shopping: items bought at a price each (or priced elsewhere), paid with a sum."""
    if not re.search(r"\bchange\b", text, re.I):
        return None
    person = _person(text)
    items = re.findall(rf"\b({_NUM})\s+([a-z]+)\s+(?:at|for|\()\s*({_NUM})\s+dollars?\s+each", text)
    if not items:
        prices = {singular(n): p for n, p in re.findall(rf"\ban?\s+([a-z]+)\s+costs\s+({_NUM})\s+dollars?", text, re.I)}
        bought = re.split(r"\b(?:buys|bought|buying|purchases|purchased)\b", text, maxsplit=1)
        counted = re.findall(rf"\b({_NUM})\s+([a-z]+)", bought[1]) if len(bought) == 2 else []
        items = [(q, n, prices[singular(n)]) for q, n in counted if singular(n) in prices]
    paid = re.search(rf"(?:pays\s+(?:with\s+)?(?:a\s+)?|hands\s+over\s+(?:a\s+)?|from\s+(?:a\s+)?|has\s+a\s+|gives\s+the\s+[a-z]+\s+(?:a\s+)?)({_NUM})[\s-]dollars?", text)
    if person is None or not 1 <= len(items) <= 4 or paid is None:
        return None
    facts = []
    for quantity, noun, price in items:
        single = singular(noun)
        plural = single if quantity == "1" else noun
        facts.append(f"{person} buys {quantity} {plural}. {_a(single)} {single} costs {_dollars(price)}.")
    return (
        f"{' '.join(facts)} {person} pays {_dollars(paid.group(1))}. A shop gives the change to {person}. "
        f"How many dollars does the shop give to {person}?"
    )


def _dollars(value: str) -> str:
    amount = _money(value)
    return f"{amount} dollar" if amount == "1" else f"{amount} dollars"


def _savings(text: str) -> str | None:
    if not re.search(r"\bweeks?\b", text) or not re.search(r"\b(?:saves?|save|aside|added|saved)\b", text):
        return None
    person = _person(text)
    weekly = re.search(rf"({_NUM})\s+dollars\s+(?:a|per|each|every)\s+week|({_NUM})\s+dollars\s+(?:added\s+)?weekly|saves?\s+({_NUM})\s+dollars\s+(?:every|each|a|per)\s+week", text)
    start = re.search(rf"(?:has|with|starting\s+with)\s+({_NUM})\s+dollars", text, re.I)
    goal = re.search(rf"\ban?\s+({_NUM})[\s-]dollars?\s+([a-z]+)|\b(?:an?\s+)?([a-z]+)\s+(?:costs|priced\s+at)\s+({_NUM})\s+dollars", text)
    if person is None or weekly is None or start is None or goal is None:
        return None
    w = next(g for g in weekly.groups() if g)
    price, item = (goal.group(1), goal.group(2)) if goal.group(1) else (goal.group(4), goal.group(3))
    if start.group(1) == w:
        return None
    return (
        f"{person} has {_money(start.group(1))} dollars. {person} saves {_money(w)} dollars per week. "
        f"{_a(item)} {item} costs {_money(price)} dollars. How many weeks does {person} need?"
    )


def _schedule(text: str) -> str | None:
    lessons = re.search(rf"({_NUM})\s+lessons(?:\s+(?:of|\()\s*({_NUM})\s+minutes)?", text)
    breaks = re.search(rf"({_NUM})\s+(?:short\s+)?breaks(?:\s+(?:of|\()\s*({_NUM})\s+minutes)?", text)
    lunch = re.search(rf"lunch(?:\s+break)?\s+(?:of\s+|\()?({_NUM})\s+minutes|({_NUM})-minute\s+lunch|({_NUM})\s+minutes?\s+lunch", text)
    if lessons is None or breaks is None or lunch is None:
        return None
    lesson = lessons.group(2) or _each(text, "lesson")
    pause = breaks.group(2) or _each(text, "break")
    if lesson is None or pause is None:
        return None
    if re.search(r"\b(?:in|how many)\s+(?:hours|seconds)\b", text, re.I):
        return None  # the canonical question asks minutes
    meal = next(g for g in lunch.groups() if g)
    return (
        f"A day has {lessons.group(1)} lessons. Every lesson lasts {lesson} minutes. The day has {breaks.group(1)} breaks. "
        f"Every break lasts {pause} minutes. The day has a lunch of {meal} minutes. How many minutes does the day last?"
    )


def _each(text: str, noun: str) -> str | None:
    m = re.search(rf"(?:every|each)\s+{noun}\s+(?:lasts\s+)?({_NUM})\s+minutes|{noun}s?\s+(?:of\s+)?({_NUM})\s+minutes\s+each", text, re.I)
    return next((g for g in m.groups() if g), None) if m else None


def _recipe(text: str) -> str | None:
    if not re.search(r"\b(?:recipe|cake|serves|servings)\b", text, re.I) or "bag" not in text:
        return None
    person = _person(text)
    grams = re.search(rf"({_NUM})\s+grams", text)
    bag = re.search(rf"({_NUM})[\s-]grams?\s+bags|bags\s+of\s+({_NUM})\s+grams|({_NUM})\s+g\s+bags", text)
    people = re.findall(rf"(?:for|serves)\s+({_NUM})\s+(?:people|servings)?|up\s+to\s+({_NUM})\s+servings|for\s+({_NUM})\s+people", text, re.I)
    counts = [next(g for g in p if g) for p in people]
    if person is None or grams is None or bag is None or len(counts) < 2:
        return None
    size = next(g for g in bag.groups() if g)
    base = re.search(
        rf"({_NUM})\s+grams(?:\s+of\s+[a-z]+)?\s+for\s+({_NUM})\s+people|for\s+({_NUM})\s+people\s+an?\s+[a-z]+\s+(?:takes|needs|uses)\s+({_NUM})\s+grams"
        rf"|recipe\s+for\s+({_NUM})\s+people\s+(?:needs|uses|takes)\s+({_NUM})\s+grams|serves\s+({_NUM})\s+and\s+uses\s+({_NUM})\s+grams",
        text,
        re.I,
    )
    if base is None:
        return None
    g = base.groups()
    grams_base, first = (g[0], g[1]) if g[0] else (g[3], g[2]) if g[2] else (g[5], g[4]) if g[4] else (g[7], g[6])
    others = [c for c in counts if c != first]
    second = others[-1] if others else first  # `for 6 people` twice: cooked for as many as the recipe serves
    return (
        f"A recipe needs {grams_base} grams for {first} people. {person} cooks the recipe for {second} people. "
        f"A bag has {size} grams. How many bags does {person} need?"
    )


def _budget(text: str) -> str | None:
    if not re.search(r"\bsave", text, re.I) or "percent" not in text:
        return None
    person = _person(text)
    income = re.search(rf"(?:earns|income)\s+({_NUM})\s+dollars", text)
    rent = re.search(rf"({_NUM})\s+percent", text)
    food = re.search(rf"({_NUM})\s+dollars\s+on\s+food|food\s+(?:costs\s+)?({_NUM})\s+dollars", text, re.I)
    fuel = re.search(rf"({_NUM})\s+dollars\s+on\s+fuel|fuel\s+(?:costs\s+)?({_NUM})\s+dollars", text, re.I)
    if person is None or not (income and rent and food and fuel):
        return None
    f = next(g for g in food.groups() if g)
    u = next(g for g in fuel.groups() if g)
    return (
        f"{person} earns {income.group(1)} dollars per month. {person} spends a share of the money on the rent. "
        f"The share is {rent.group(1)} percent. {person} spends {f} dollars on the food. {person} spends {u} dollars "
        f"on the fuel. How many dollars does {person} save?"
    )


def _a(noun: str) -> str:
    return "An" if noun[0] in "aeiou" else "A"
