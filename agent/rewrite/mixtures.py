"""Pass `mixtures` (part of `concepts`): two kinds of one thing, counted and valued.

The classic two-unknown problems: animals of two kinds on a farm, counted by heads and by
legs; tickets of two kinds, counted and paid for. The canonical form states the totals
and what one of each kind contributes, then asks for one kind:

    The animals of a farm have 41 heads. The animals have 146 legs. A chicken has 2 legs.
    A cow has 4 legs. How many cows does the farm have?

    A theater sells 106 tickets. The theater earns 1902 dollars. An adult ticket costs 25
    dollars. A junior ticket costs 8 dollars. How many junior tickets does the theater sell?

Legs per animal are general knowledge when the text does not give them.
"""

from __future__ import annotations

import re

from agent.rewrite.conservation import keeps_stated_numbers
from agent.rewrite.nouns import singular

LEGS = {"chicken": 2, "duck": 2, "goose": 2, "bird": 2, "hen": 2, "turkey": 2, "ostrich": 2,
        "cow": 4, "pig": 4, "horse": 4, "dog": 4, "cat": 4, "goat": 4, "sheep": 4, "rabbit": 4,
        "spider": 8, "ant": 6, "beetle": 6, "insect": 6, "bee": 6}  # fmt: skip
_NUM = r"\d+(?:\.\d+)?"
_HEADS = re.compile(rf"({_NUM})\s+(?:heads|animals)\b")
_LEGS = re.compile(rf"({_NUM})\s+legs\b")
_ASKED = re.compile(r"(?:how\s+many|number\s+of)\s+([a-z]+)", re.I)
_TICKET_PRICE = re.compile(rf"\b([a-z]+)\s+tickets?\s+(?:cost|costs|for|at)\s+({_NUM})\s+dollars|\ban?\s+([a-z]+)\s+ticket\s+(?:costs\s+)?({_NUM})\s+dollars", re.I)
_TICKETS_SOLD = re.compile(rf"\b({_NUM})\s+tickets\b")
_INCOME = re.compile(rf"(?:total\s+of|takes\s+in|income\s+was|earns|for\s+a\s+total\s+of)\s+({_NUM})\s+dollars", re.I)
_SELLER = re.compile(r"\b(?:a|an|the)\s+(theater|theatre|cinema|school|club|zoo|museum|stadium)\b", re.I)


@keeps_stated_numbers
def define_mixture(text: str) -> str | None:
    """The canonical two-kind problem for `text`, or None."""
    return _animals(text) or _tickets(text)


def _animals(text: str) -> str | None:
    heads, legs, asked = _HEADS.search(text), _LEGS.search(text), _ASKED.findall(text)
    kinds = list(dict.fromkeys(singular(w) for w in re.findall(r"\b([a-z]+)\b", text) if singular(w) in LEGS))
    if heads is None or legs is None or not asked or len(kinds) != 2:  # on a farm, in a barn, in a yard: the count is the same
        return None
    target = singular(asked[-1])
    if target not in kinds:
        return None
    first, second = sorted(kinds, key=lambda k: LEGS[k])
    facts = " ".join(f"{_article(k)} {k} has {_given_legs(text, k)} legs." for k in (first, second))
    return (
        f"The animals of a farm have {heads.group(1)} heads. The animals have {legs.group(1)} legs. "
        f"{facts} How many {_plural(target)} does the farm have?"
    )


def _given_legs(text: str, kind: str) -> int:
    m = re.search(rf"\b{kind}\s+has\s+(\d+)", text)
    return int(m.group(1)) if m else LEGS[kind]


def _tickets(text: str) -> str | None:
    prices = [(a or c, b or d) for a, b, c, d in _TICKET_PRICE.findall(text)]
    kinds = list(dict.fromkeys((k.lower(), p) for k, p in prices))
    sold, seller = _TICKETS_SOLD.search(text), _SELLER.search(text)
    income = _income(text, {p for _, p in kinds})
    asked = re.search(r"(?:how\s+many|number\s+of)\s+(?:of\s+them\s+were\s+)?([a-z]+)\s+tickets", text, re.I)
    if len(kinds) != 2 or sold is None or income is None or seller is None or asked is None:
        return None
    place = seller.group(1).lower()
    target = asked.group(1).lower()
    if target not in (k for k, _ in kinds):
        return None
    facts = " ".join(f"{_article(k).capitalize()} {k} ticket costs {p} dollars." for k, p in kinds)
    return (
        f"A {place} sells {sold.group(1)} tickets. The {place} earns {income} dollars. "
        f"{facts} How many {target} tickets does the {place} sell?"
    )


def _income(text: str, prices: set[str]) -> str | None:
    """The takings: said as such (`earns`, `takes in`), else the one sum of dollars that is no price."""
    said = _INCOME.search(text)
    if said is not None:
        return said.group(1)
    others = {m for m in re.findall(rf"({_NUM})\s+dollars", text)} - prices
    return others.pop() if len(others) == 1 else None


def _article(noun: str) -> str:
    return "An" if noun[0] in "aeiou" else "A"


def _plural(noun: str) -> str:
    from tasks.ace.lexicon import pluralize

    return pluralize(noun)
