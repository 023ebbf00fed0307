"""Everyday one- and two-step stories in the classic schemas.

Schemas: change (join, separate, start unknown), combine, compare (difference, bigger
set), equal groups, sharing, rates, and a two-step groups-then-change story. Some problems
carry an irrelevant quantity (in the prompt and in the ACE, never in the program); some
templates put the question first.
"""

from __future__ import annotations

import random
from dataclasses import replace
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import PEOPLE, Speaker, ace_num, lit, money, plural

ITEMS = ["apple", "marble", "sticker", "book", "pencil", "coin", "card", "stamp", "orange", "toy"]
CONTAINERS = [("box", "boxes"), ("bag", "bags"), ("basket", "baskets"), ("jar", "jars"), ("shelf", "shelves")]


def _pl(item: str) -> str:
    return item + "s"


def _change(rng, s, a, b, item) -> Draft:
    start, moved = rng.randint(2, 99), rng.randint(1, 60)
    way = rng.choice(["join", "separate", "start_unknown"])
    it = _pl(item)
    if way == "separate":
        start = start + moved
        prompts = [
            f"{a} has {s.n(start)} {it}. {a} gives {s.n(moved)} {it} to {b}. How many {it} does {a} have now?",
            f"How many {it} does {a} have left after giving {moved} of {a}'s {start} {it} to {b}?",
            f"{a} had {start} {it} and gave {b} {moved} of them. How many {it} are left with {a}?",
            f"After {a} hands {moved} {it} to {b}, how many of the {start} {it} does {a} still have?",
        ]
        ace = f"{a} has {start} {it}. {a} gives {moved} {it} to {b}. How many {it} does {a} have?"
        code = program(f"start = {start}", f"given = {moved}", "left = start - given", "answer = left", imports="")
        return Draft("change_separate", {"start": start, "moved": moved}, prompts, ace, code, start - moved, 1)
    if way == "join":
        prompts = [
            f"{a} has {s.n(start)} {it}. {b} gives {a} {s.n(moved)} more {it}. How many {it} does {a} have now?",
            f"How many {it} does {a} have after getting {moved} {it} from {b}, if {a} had {start} {it} before?",
            f"{a} had {start} {it}. Then {b} gave {a} {moved} {it}. How many {it} does {a} have in all?",
            f"{b} gives {moved} {it} to {a}, who already has {start}. How many {it} does {a} have now?",
        ]
        ace = f"{a} has {start} {it}. {b} gives {moved} {it} to {a}. How many {it} does {a} have?"
        code = program(f"start = {start}", f"received = {moved}", "total = start + received", "answer = total", imports="")
        return Draft("change_join", {"start": start, "moved": moved}, prompts, ace, code, start + moved, 1)
    final = start + moved
    prompts = [
        f"{a} has some {it}. {b} gives {a} {s.n(moved)} {it}. Now {a} has {s.n(final)} {it}. How many {it} did {a} have at first?",
        f"How many {it} did {a} start with, if {a} has {final} {it} after {b} gave {a} {moved}?",
        f"After receiving {moved} {it} from {b}, {a} has {final} {it}. How many did {a} have before?",
        f"{b} gave {a} {moved} {it}, and now {a} owns {final} {it}. Find how many {it} {a} had to begin with.",
    ]
    ace = f"The number of the {it} of {a} is X. If {b} gives {moved} {it} to {a} then {a} has {final} {it}. What is X?"
    code = program(f"received = {moved}", f"final = {final}", "start = final - received", "answer = start", imports="")
    return Draft("change_start_unknown", {"moved": moved, "final": final}, prompts, ace, code, start, 1)


def _combine(rng, s, a, b, item) -> Draft:
    x, y = rng.randint(1, 99), rng.randint(1, 99)
    it = _pl(item)
    prompts = [
        f"{a} has {s.n(x)} {it} and {b} has {s.n(y)} {it}. How many {it} do they have together?",
        f"How many {it} do {a} and {b} have altogether if {a} has {x} and {b} has {y}?",
        f"{b} collects {y} {it}. {a} collects {x} {it}. What is the total number of {it}?",
        f"Together, how many {it} do {a}, with {x} {it}, and {b}, with {y} {it}, own?",
    ]
    ace = f"{a} has {x} {it}. {b} has {y} {it}. How many {it} are there?"
    code = program(f"first = {x}", f"second = {y}", "total = first + second", "answer = total", imports="")
    return Draft("combine", {"x": x, "y": y}, prompts, ace, code, x + y, 1)


def _compare(rng, s, a, b, item) -> Draft:
    it = _pl(item)
    base, diff = rng.randint(1, 80), rng.randint(1, 50)
    if rng.random() < 0.5:
        big = base + diff
        prompts = [
            f"{a} has {s.n(big)} {it}. {b} has {s.n(base)} {it}. How many more {it} does {a} have than {b}?",
            f"How many more {it} does {a} have than {b} if {a} has {big} and {b} has {base}?",
            f"{b} owns {base} {it} and {a} owns {big} {it}. By how many {it} does {a} have more?",
            f"{a} collected {big} {it}; {b} collected {base}. How many {it} fewer does {b} have than {a}?",
        ]
        ace = f"{a} has {big} {it}. {b} has {base} {it}. How many more {it} does {a} have than {b}?"
        code = program(f"{a.lower()} = {big}", f"{b.lower()} = {base}", f"difference = {a.lower()} - {b.lower()}",
                       "answer = difference", imports="")
        return Draft("compare_difference", {"big": big, "small": base}, prompts, ace, code, diff, 1)
    prompts = [
        f"{b} has {s.n(base)} {it}. {a} has {s.n(diff)} more {it} than {b}. How many {it} does {a} have?",
        f"How many {it} does {a} have if {a} has {diff} more than {b}, who has {base}?",
        f"{a} has {diff} {it} more than {b}. {b} has {base} {it}. Find the number of {it} {a} has.",
        f"{b} owns {base} {it}, and {a} owns {diff} more than that. How many {it} does {a} own?",
    ]
    ace = f"{b} has {base} {it}. {a} has {diff} more {it} than {b}. How many {it} does {a} have?"
    code = program(f"{b.lower()} = {base}", f"difference = {diff}", f"{a.lower()} = {b.lower()} + difference",
                   f"answer = {a.lower()}", imports="")
    return Draft("compare_bigger", {"base": base, "diff": diff}, prompts, ace, code, base + diff, 1)


def _groups(rng, s, a, b, item) -> Draft:
    box, boxes = rng.choice(CONTAINERS)
    n, per = rng.randint(2, 30), rng.randint(2, 30)
    it = _pl(item)
    prompts = [
        f"There are {s.n(n)} {boxes}. Each {box} holds {s.n(per)} {it}. How many {it} are there in all?",
        f"How many {it} are in {n} {boxes} with {per} {it} in each {box}?",
        f"{a} fills {n} {boxes} with {per} {it} each. How many {it} does {a} use?",
        f"Each of {n} {boxes} contains {per} {it}. Find the total number of {it}.",
    ]
    ace = f"There are {n} {boxes}. Every {box} has {per} {it}. How many {it} do the {boxes} have?"
    code = program(f"{boxes} = {n}", f"per_{box} = {per}", f"total = {boxes} * per_{box}", "answer = total", imports="")
    return Draft("equal_groups", {"n": n, "per": per}, prompts, ace, code, n * per, 1, {"container": box})


def _sharing(rng, s, a, b, item) -> Draft:
    kids, each = rng.randint(2, 20), rng.randint(1, 25)
    total = kids * each
    it = _pl(item)
    prompts = [
        f"{a} shares {s.n(total)} {it} equally among {s.n(kids)} children. How many {it} does each child get?",
        f"How many {it} does each child get when {a} splits {total} {it} equally among {kids} children?",
        f"{a} divides {total} {it} evenly between {kids} children. What is each child's share?",
        f"{kids} children share {a}'s {total} {it} fairly. How many {it} does one child receive?",
    ]
    ace = f"{a} has {total} {it}. {a} shares the {it} among {kids} children. How many {it} does every child get?"
    code = program(f"{it.replace(' ', '_')} = {total}", f"children = {kids}",
                   f"share = Rational({it.replace(' ', '_')}, children)", "answer = share")
    return Draft("sharing", {"total": total, "kids": kids}, prompts, ace, code, Fraction(total, kids), 1)


def _rate(rng, s, a, b, item) -> Draft:
    pay, hours = rng.randint(5, 40), rng.randint(1, 12)
    prompts = [
        f"{a} earns ${pay} per hour. How much does {a} earn in {s.n(hours)} hours?",
        f"How many dollars does {a} make working {hours} hours at {pay} dollars an hour?",
        f"{a} works for {hours} hours and is paid {pay} dollars for every hour. What is {a}'s pay?",
        f"At a wage of {pay} dollars per hour, what does {a} earn for {hours} hours of work?",
    ]
    ace = f"{a} earns {pay} dollars per hour. {a} works for {hours} hours. How many dollars does {a} earn?"
    code = program(f"wage = {pay}", f"hours = {hours}", "pay = wage * hours", "answer = pay", imports="")
    return Draft("rate", {"pay": pay, "hours": hours}, prompts, ace, code, pay * hours, 1)


def _groups_reverse(rng, s, a, b, item) -> Draft:
    box, boxes = rng.choice(CONTAINERS)
    n, per = rng.randint(2, 30), rng.randint(2, 30)
    total = n * per
    it = _pl(item)
    prompts = [
        f"{a} packs {s.n(total)} {it} into {boxes}, {s.n(per)} {it} in every {box}. How many {boxes} does {a} fill?",
        f"How many {boxes} are needed for {total} {it} if every {box} holds {per} {it}?",
        f"Every {box} holds {per} {it}. There are {total} {it} in all. How many {boxes} are there?",
        f"There are {total} {it}, and they fill {boxes} of {per} {it} each. Find the number of {boxes}.",
    ]
    ace = f"There are {total} {it}. Every {box} has {per} {it}. How many {boxes} are there?"
    code = program(f"total = {total}", f"per_{box} = {per}", f"{boxes} = Rational(total, per_{box})", f"answer = {boxes}")
    return Draft("equal_groups_reverse", {"total": total, "per": per}, prompts, ace, code, n, 1, {"container": box})


def _rate_reverse(rng, s, a, b, item) -> Draft:
    pay, hours = rng.randint(5, 40), rng.randint(1, 12)
    earned = pay * hours
    prompts = [
        f"{a} earns ${pay} per hour. How many hours must {a} work to earn ${earned}?",
        f"How many hours does {a} work to make {earned} dollars at {pay} dollars an hour?",
        f"{a} is paid {pay} dollars for every hour of work and earns {earned} dollars. How many hours does {a} work?",
        f"At a wage of {s.n(pay)} dollars per hour, {a} earns {earned} dollars. For how many hours does {a} work?",
    ]
    ace = f"{a} earns {pay} dollars per hour. {a} earns {earned} dollars. How many hours does {a} work?"
    code = program(f"wage = {pay}", f"earned = {earned}", "hours = Rational(earned, wage)", "answer = hours")
    return Draft("rate_reverse", {"pay": pay, "earned": earned}, prompts, ace, code, hours, 1)


def _groups_then_change(rng, s, a, b, item) -> Draft:
    box, boxes = rng.choice(CONTAINERS)
    n, per = rng.randint(2, 15), rng.randint(2, 20)
    taken = rng.randint(1, n * per - 1)
    it = _pl(item)
    prompts = [
        f"{a} has {s.n(n)} {boxes} with {s.n(per)} {it} in each {box}. {a} gives {taken} {it} to {b}. How many {it} does {a} have left?",
        f"How many {it} are left if {a} gives {b} {taken} {it} from {n} {boxes} of {per} {it} each?",
        f"There are {per} {it} in each of {a}'s {n} {boxes}. After {a} gives away {taken} {it} to {b}, how many {it} remain?",
        f"{a} packs {per} {it} into each of {n} {boxes}, then hands {taken} {it} to {b}. Find the number of {it} {a} still has.",
    ]
    ace = (
        f"{a} has {n} {boxes}. Every {box} has {per} {it}. {a} gives {taken} {it} to {b}. "
        f"How many {it} does {a} have?"
    )
    code = program(f"{boxes} = {n}", f"per_{box} = {per}", f"given = {taken}", f"total = {boxes} * per_{box}",
                   "left = total - given", "answer = left", imports="")
    return Draft("groups_then_change", {"n": n, "per": per, "taken": taken}, prompts, ace, code, n * per - taken, 2,
                 {"container": box})


def _proportion(rng, s, a, b, item) -> Draft:
    goods = rng.choice(["pen", "notebook", "apple", "ticket", "cup", "book"])
    n1, n2 = rng.sample(range(2, 25), 2)
    unit = Fraction(rng.randint(1, 30)) if rng.random() < 0.7 else Fraction(rng.randint(1, 19), 2)
    cost = unit * n1
    g1, g2 = plural(goods, n1), plural(goods, n2)
    prompts = [
        f"{s.n(n1)} {g1} cost {money(cost)}. How much do {s.n(n2)} {g2} cost?".capitalize(),
        f"If {n1} {g1} cost {ace_num(cost)} dollars, what is the cost of {n2} {g2}?",
        f"What do {n2} {g2} cost when {n1} of them cost {money(cost)}?",
        f"A shop sells {n1} {g1} for {money(cost)}. At the same price, how much are {n2} {g2}?",
    ]
    ace = f"{n1} {g1} cost {ace_num(cost)} dollars. How many dollars do {n2} {g2} cost?"
    price = "price = Rational(cost, count)" if cost.denominator == 1 else "price = cost / count"
    code = program(f"count = {n1}", f"cost = {lit(cost)}", f"wanted = {n2}", price, "total = price * wanted", "answer = total")
    return Draft("proportion", {"n1": n1, "cost": str(cost), "n2": n2}, prompts, ace, code, unit * n2, 2,
                 {"goods": goods})


def _ratio_share(rng, s, a, b, item) -> Draft:
    p, q = rng.sample(range(1, 10), 2)
    total = (p + q) * rng.randint(1, 40)
    ask_b = rng.random() < 0.5
    who, parts = (b, q) if ask_b else (a, p)
    prompts = [
        f"{a} and {b} share {money(total)} in the ratio {p}:{q}. How much does {who} get?",
        f"Split {total} dollars between {a} and {b} in the ratio {p} to {q}. What is {who}'s share?",
        f"How many dollars does {who} receive if {a} and {b} divide {money(total)} in the ratio {p}:{q}?",
        f"{a} shares {total} dollars with {b} so that their shares are in the ratio {p} : {q}. Find {who}'s share.",
    ]
    ace = (
        f"{a} shares {total} dollars with {b}. The share of {a} is {p} {plural('part', p)}. "
        f"The share of {b} is {q} {plural('part', q)}. How many dollars does {who} get?"
    )
    code = program(f"total = {total}", f"{a.lower()}_parts = {p}", f"{b.lower()}_parts = {q}",
                   f"share = Rational(total * {who.lower()}_parts, {a.lower()}_parts + {b.lower()}_parts)", "answer = share")
    return Draft("ratio_share", {"total": total, "p": p, "q": q, "ask_second": ask_b}, prompts, ace, code,
                 Fraction(total * parts, p + q), 2)


def _fraction_spent(rng, s, a, b, item) -> Draft:
    den = rng.choice([2, 3, 4, 5, 6, 8, 10])
    num = rng.randint(1, den - 1)
    while Fraction(num, den).denominator != den:
        num = rng.randint(1, den - 1)
    total = den * rng.randint(1, 40)
    thing = rng.choice(["book", "game", "shirt", "toy", "ticket"])
    frac = f"{num}/{den}"
    prompts = [
        f"{a} has {money(total)} and spends {frac} of it on a {thing}. How much money does {a} have left?",
        f"How many dollars are left if {a} spends {frac} of {total} dollars on a {thing}?",
        f"{a} had {total} dollars. {a} spent {frac} of the money on a {thing}. How much is left?",
        f"After spending {frac} of {a}'s {money(total)} on a {thing}, how many dollars does {a} keep?",
    ]
    ace = (
        f"{a} has {total} dollars. {a} spends a share of the money on a {thing}. The share is {frac}. "
        f"How many dollars does {a} keep?"
    )
    code = program(f"money = {total}", f"share = Rational('{frac}')", "spent = money * share", "left = money - spent",
                   "answer = left")
    return Draft("fraction_spent", {"total": total, "num": num, "den": den}, prompts, ace, code,
                 total - Fraction(total * num, den), 2, {"thing": thing})


IRRELEVANT = ["pear", "ribbon", "cookie", "cake", "bottle"]


def _with_irrelevant(rng: random.Random, draft: Draft, b: str) -> Draft:
    """Add a true but unused fact after the first sentence of every phrasing and of the ACE."""
    extra_item = rng.choice(IRRELEVANT)
    m = rng.randint(2, 40)
    fact = f"{b} also has {m} {extra_item}s."

    def insert(text: str, sentence: str) -> str:
        head, sep, tail = text.partition(". ")
        return f"{head}. {sentence} {tail}" if sep else f"{sentence} {text}"

    prompts = [insert(p, fact) for p in draft.prompts]
    ace = insert(draft.ace, f"{b} has {m} {extra_item}s.")
    params = {**draft.params, "irrelevant": m}
    return replace(draft, prompts=prompts, ace=ace, params=params, subtype=draft.subtype + "_irrelevant")


SCHEMAS = [_change, _combine, _compare, _groups, _groups_reverse, _sharing, _rate, _rate_reverse, _groups_then_change,
           _proportion, _ratio_share, _fraction_spent]


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    a, b = rng.sample(PEOPLE, 2)
    item = rng.choice(ITEMS)
    draft = rng.choice(SCHEMAS)(rng, s, a, b, item)
    if rng.random() < 0.2 and draft.subtype not in ("rate", "rate_reverse", "change_start_unknown"):
        draft = _with_irrelevant(rng, draft, b)
    return replace(draft, surface={**draft.surface, "people": [a, b], "item": item})


FAMILY = Family("arithmetic_story", "One- and two-step stories: change, combine, compare, groups, sharing, rates", sample)
