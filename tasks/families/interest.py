"""Interest: simple and compound, asking for the interest earned or the final balance."""

from __future__ import annotations

import random
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import PEOPLE, Speaker, money, plural


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    who = rng.choice(PEOPLE)
    kind = rng.choice(["simple", "compound"])
    ask = rng.choice(["interest", "total"])
    principal = rng.randint(1, 200) * rng.choice([10, 50, 100])
    rate = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20])
    years = rng.randint(1, 10) if kind == "simple" else rng.randint(1, 5)
    y = f"{s.n(years)} {plural('year', years)}"
    how = "simple" if kind == "simple" else "compounded yearly"
    question = f"How much interest does {who} earn?" if ask == "interest" else "How much money is in the account at the end?"
    prompts = [
        f"{who} puts {money(principal)} in a bank account that pays {rate}% {kind} interest per year. The money stays there for {y}. {question}",
        f"{who} deposits {principal} dollars at {rate} percent annual interest, {how}, for {y}. "
        + ("How many dollars of interest does the deposit earn?" if ask == "interest" else "What is the balance after that time?"),
        ("How much interest" if ask == "interest" else "What total amount")
        + f" does {who} get from investing {money(principal)} for {y} at a {kind} interest rate of {rate}% per year?",
        f"A bank pays {kind} interest of {s.n(rate)} percent a year. {who} leaves {money(principal)} in the bank for {y}. "
        + ("Find the interest earned." if ask == "interest" else "Find the final amount in the account."),
    ]
    verb = "earn" if ask == "interest" else "have"
    ace = (
        f"{who} deposits {principal} dollars in a bank. The bank pays a {kind} interest of {rate} percent per year. "
        f"{who} leaves the money in the bank for {years} {plural('year', years)}. How many dollars does {who} {verb}?"
    )
    head = [f"principal = {principal}", f"rate = {rate}", f"years = {years}"]
    if kind == "simple":
        interest = Fraction(principal * rate * years, 100)
        total = principal + interest
        body = ["interest = principal * Rational(rate, 100) * years"]
        if ask == "total":
            body.append("total = principal + interest")
    else:
        total = principal * (1 + Fraction(rate, 100)) ** years
        interest = total - principal
        body = ["total = principal * (1 + Rational(rate, 100))**years"]
        if ask == "interest":
            body.append("interest = total - principal")
    code = program(*head, *body, f"answer = {ask}")
    value = interest if ask == "interest" else total
    params = {"principal": principal, "rate": rate, "years": years}
    return Draft(f"{kind}_{ask}", params, prompts, ace, code, value, 1 + len(body), {"person": who})


FAMILY = Family("interest", "Simple and compound interest: the interest earned or the final balance", sample)
