"""Multi-step everyday stories (3 to 6 steps): shopping, budgets, schedules, recipes, savings."""

from __future__ import annotations

import math
import random
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import PEOPLE, Speaker, ace_num, lit, money, plural

GOODS = [("notebook", "pen"), ("apple", "banana"), ("shirt", "sock"), ("cup", "plate"), ("book", "pencil")]


def _shopping(rng: random.Random, s: Speaker, who: str) -> Draft:
    x, y = rng.choice(GOODS)
    nx, ny = rng.randint(1, 9), rng.randint(1, 9)
    px = Fraction(rng.randint(1, 40))
    py = Fraction(rng.randint(1, 20)) if rng.random() < 0.6 else Fraction(rng.randint(2, 39), 2)
    cost = nx * px + ny * py
    paid = next(b for b in (5, 10, 20, 50, 100, 200, 500, 1000) if b >= cost)
    prompts = [
        f"{who} buys {s.n(nx)} {plural(x, nx)} at {money(px)} each and {s.n(ny)} {plural(y, ny)} at {money(py)} each. {who} pays with a {money(paid)} bill. How much change does {who} get?",
        f"How much change does {who} get from {money(paid)} after buying {nx} {plural(x, nx)} for {money(px)} each and {ny} {plural(y, ny)} for {money(py)} each?",
        f"A {x} costs {ace_num(px)} {plural('dollar', px)} and a {y} costs {ace_num(py)} {plural('dollar', py)}. {who} buys {nx} {plural(x, nx)} and {ny} {plural(y, ny)} and hands over {paid} dollars. What change should {who} receive?",
        f"{who} has a {money(paid)} note. At the shop {who} picks {nx} {plural(x, nx)} ({money(px)} each) and {ny} {plural(y, ny)} ({money(py)} each). How much money comes back as change?",
    ]
    ace = (
        f"{who} buys {nx} {plural(x, nx)}. A {x} costs {ace_num(px)} {plural('dollar', px)}. {who} buys {ny} {plural(y, ny)}. A {y} costs {ace_num(py)} {plural('dollar', py)}. "
        f"{who} pays {paid} dollars. A shop gives the change to {who}. How many dollars does the shop give to {who}?"
    )
    code = program(
        f"{plural(x, 2)} = {nx}", f"{x}_price = {lit(px)}", f"{plural(y, 2)} = {ny}", f"{y}_price = {lit(py)}", f"paid = {paid}",
        f"cost = {plural(x, 2)} * {x}_price + {plural(y, 2)} * {y}_price", "change = paid - cost", "answer = change",
        imports="Rational" if py.denominator != 1 else "",
    )
    params = {"nx": nx, "px": str(px), "ny": ny, "py": str(py), "paid": paid}
    return Draft("shopping", params, prompts, ace, code, paid - cost, 4, {"person": who, "goods": [x, y]})


def _budget(rng: random.Random, s: Speaker, who: str) -> Draft:
    income = rng.randint(10, 60) * 100
    rent_pct = rng.choice([20, 25, 30, 35, 40])
    food = rng.randint(2, 15) * 50
    other = rng.randint(1, 10) * 20
    prompts = [
        f"{who} earns {money(income)} a month, spends {rent_pct}% of it on rent, {money(food)} on food and {money(other)} on fuel, and saves the rest. How much does {who} save each month?",
        f"How much does {who} save in a month if {who} earns {income} dollars, spends {rent_pct} percent of that on rent, {food} dollars on food and {other} dollars on fuel?",
        f"Every month {who} earns {income} dollars. Rent takes {s.n(rent_pct)} percent of it. Food costs {food} dollars and fuel costs {other} dollars. How much is left to save?",
        f"{who}'s monthly budget: income {money(income)}, rent {rent_pct}% of income, food {money(food)}, fuel {money(other)}. Whatever remains is saved. Find the monthly savings.",
    ]
    ace = (
        f"{who} earns {income} dollars per month. {who} spends a share of the money on the rent. The share is {rent_pct} percent. "
        f"{who} spends {food} dollars on the food. {who} spends {other} dollars on the fuel. How many dollars does {who} save?"
    )
    code = program(
        f"income = {income}", f"rent_percent = {rent_pct}", f"food = {food}", f"fuel = {other}",
        "rent = income * Rational(rent_percent, 100)", "savings = income - rent - food - fuel", "answer = savings",
    )
    value = income - Fraction(income * rent_pct, 100) - food - other
    params = {"income": income, "rent_pct": rent_pct, "food": food, "other": other}
    return Draft("budget", params, prompts, ace, code, value, 4, {"person": who})


def _schedule(rng: random.Random, s: Speaker, who: str) -> Draft:
    lessons, length = rng.randint(3, 8), rng.choice([30, 35, 40, 45, 50, 55, 60])
    breaks, brk = rng.randint(2, 4), rng.choice([5, 10, 15, 20])
    lunch = rng.choice([30, 40, 45, 60])
    prompts = [
        f"A school day has {s.n(lessons)} lessons of {length} minutes, {s.n(breaks)} breaks of {brk} minutes and a {lunch}-minute lunch. How many minutes long is the school day?",
        f"How long, in minutes, is a school day with {lessons} lessons of {length} min each, {breaks} breaks of {brk} min each and a lunch break of {lunch} min?",
        f"Each lesson lasts {length} minutes and each break {brk} minutes. A day has {lessons} lessons, {breaks} breaks and one lunch of {lunch} minutes. Find the total length of the day in minutes.",
        f"{who}'s school day: {lessons} lessons ({length} minutes each), {breaks} short breaks ({brk} minutes each) and lunch ({lunch} minutes). How many minutes does it last?",
    ]
    ace = (
        f"A day has {lessons} lessons. Every lesson lasts {length} minutes. The day has {breaks} breaks. "
        f"Every break lasts {brk} minutes. The day has a lunch of {lunch} minutes. "
        "How many minutes does the day last?"
    )
    code = program(
        f"lessons = {lessons}", f"lesson_length = {length}", f"breaks = {breaks}", f"break_length = {brk}",
        f"lunch = {lunch}", "total = lessons * lesson_length + breaks * break_length + lunch", "answer = total",
        imports="",
    )
    params = {"lessons": lessons, "length": length, "breaks": breaks, "brk": brk, "lunch": lunch}
    return Draft("schedule", params, prompts, ace, code, lessons * length + breaks * brk + lunch, 4)


def _recipe(rng: random.Random, s: Speaker, who: str) -> Draft:
    serves = rng.choice([2, 4, 5, 6, 8])
    flour = rng.randint(2, 20) * 50
    guests = rng.randint(2, 40)
    bag = rng.choice([250, 500, 1000])
    needed = Fraction(flour * guests, serves)
    bags = math.ceil(needed / bag)
    prompts = [
        f"A recipe for {serves} people needs {flour} grams of flour. {who} cooks it for {guests} people. Flour comes in {bag}-gram bags. How many bags does {who} need?",
        f"How many {bag} g bags of flour must {who} buy to make a recipe for {guests} people, if the recipe uses {flour} g of flour for {serves} people?",
        f"{who} wants to scale a recipe that serves {s.n(serves)} and uses {flour} grams of flour up to {guests} servings. Flour is sold in bags of {bag} grams. How many bags are needed?",
        f"For {serves} people a recipe takes {flour} grams of flour. {who} cooks it for {guests} people and buys flour in {bag} gram bags. Find the number of bags {who} has to buy.",
    ]
    ace = (
        f"A recipe needs {flour} grams for {serves} people. {who} cooks the recipe for {guests} people. "
        f"A bag has {bag} grams. How many bags does {who} need?"
    )
    code = program(
        f"servings = {serves}", f"flour = {flour}", f"guests = {guests}", f"bag = {bag}",
        "needed = Rational(flour * guests, servings)", "bags = ceiling(needed / bag)", "answer = bags",
        imports="Rational, ceiling",
    )
    params = {"serves": serves, "flour": flour, "guests": guests, "bag": bag}
    return Draft("recipe", params, prompts, ace, code, int(bags), 3, {"person": who})


def _savings(rng: random.Random, s: Speaker, who: str) -> Draft:
    start = rng.randint(0, 30) * 10
    weekly = rng.randint(1, 10) * 5
    price = start + weekly * rng.randint(2, 40) - rng.choice([0, 0, 1, 3])
    weeks = -((start - price) // weekly)
    thing = rng.choice(["bike", "computer", "phone", "desk"])
    prompts = [
        f"{who} has {money(start)} and saves {money(weekly)} every week. A {thing} costs {money(price)}. How many weeks until {who} can buy it?",
        f"How many weeks must {who} save {weekly} dollars a week to afford a {price}-dollar {thing}, starting with {start} dollars?",
        f"A {thing} costs {price} dollars. {who} already has {start} dollars and puts aside {s.n(weekly)} dollars each week. After how many whole weeks can {who} buy the {thing}?",
        f"{who} wants a {thing} priced at {money(price)}. With {money(start)} saved and {money(weekly)} added weekly, find the fewest weeks needed.",
    ]
    ace = (
        f"{who} has {start} dollars. {who} saves {weekly} dollars per week. A {thing} costs {price} dollars. "
        f"How many weeks does {who} need?"
    )
    code = program(
        f"savings = {start}", f"weekly = {weekly}", f"price = {price}", "missing = price - savings",
        "weeks = ceiling(Rational(missing, weekly))", "answer = weeks", imports="Rational, ceiling",
    )
    params = {"start": start, "weekly": weekly, "price": price}
    return Draft("savings", params, prompts, ace, code, int(weeks), 3, {"person": who, "thing": thing})


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    who = rng.choice(PEOPLE)
    return rng.choice([_shopping, _budget, _schedule, _recipe, _savings])(rng, s, who)


FAMILY = Family("multi_step_story", "Stories of 3-6 steps: shopping, budgets, schedules, recipes, savings", sample)
