"""Pass `interest` (part of `concepts`): money deposited at interest, in the canonical shape.

A deposit problem has a depositor, an amount, a yearly rate (simple or compound), a number
of years, and asks for the interest earned or the final amount. English says these many
ways (`puts $500 in a bank account that pays 4% simple interest per year`, `deposits 500
dollars at 4 percent annual interest, compounded yearly`, `investing $500 for 3 years at a
compound interest rate of 4% per year`); the canonical form is always

    Omar deposits 500 dollars in a bank. The bank pays a simple interest of 4 percent per
    year. Omar leaves the money in the bank for 3 years. How many dollars does Omar earn?

(`have` instead of `earn` when the question asks for the balance or total).
"""

from __future__ import annotations

import re

from agent.rewrite.conservation import keeps_stated_numbers

_NUM = r"\d+(?:\.\d+)?"
_AMOUNT = re.compile(rf"\b({_NUM})\s+dollars?\b")
_RATE = re.compile(rf"\b({_NUM})\s+percent\b")
_YEARS = re.compile(rf"\b({_NUM})\s+years?\b")
_PERSON = re.compile(r"\b([A-Z][a-z]+)\b")
_INTEREST = re.compile(r"\binterest\b", re.I)
_ASKS_INTEREST = re.compile(r"\b(?:how much|how many dollars of|find the|what is the) interest\b", re.I)
_ASKS_TOTAL = re.compile(r"\b(?:balance|total amount|final amount|how much money)\b", re.I)
_OTHER_PERIOD = re.compile(r"\b(?:months?|monthly|quarters?|quarterly|semi-?annual\w*|half-?year\w*|daily|weekly|weeks?|days?|continuous\w*)\b", re.I)
_NOT_NAMES = {"A", "An", "The", "How", "What", "Find", "If", "After", "Simple", "Compound", "In", "At", "For"}


@keeps_stated_numbers
def define_deposit(text: str) -> str | None:
    """The canonical deposit problem for `text`, or None when it is not one."""
    if not _INTEREST.search(text) or _OTHER_PERIOD.search(text):
        return None  # a monthly rate or compounding is another computation than the yearly one
    amount, rate, years = _AMOUNT.search(text), _RATE.search(text), _YEARS.search(text)
    people = [p for p in _PERSON.findall(text) if p not in _NOT_NAMES]
    if not (amount and rate and years and people) or len(set(people)) != 1:
        return None
    kind = "compound" if re.search(r"\bcompound", text, re.I) else "simple" if re.search(r"\bsimple\b", text, re.I) else None
    if kind is None:
        return None
    if _ASKS_INTEREST.search(text):
        verb = "earn"
    elif _ASKS_TOTAL.search(text):
        verb = "have"
    else:
        return None
    person = people[0]
    return (
        f"{person} deposits {amount.group(1)} dollars in a bank. "
        f"The bank pays a {kind} interest of {rate.group(1)} percent per year. "
        f"{person} leaves the money in the bank for {years.group(1)} {'year' if years.group(1) == '1' else 'years'}. "
        f"How many dollars does {person} {verb}?"
    )
