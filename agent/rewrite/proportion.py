"""The price of a number of things from the price of another number of the same things.

`What do 22 tickets cost when 16 of them cost $320?`, `A shop sells 14 pens for $35. At the
same price, how much are 10 pens?`, `If 4 mugs cost 18 dollars, what is the price of 6
mugs?` all state one price for N1 things and ask it for N2 of them. Parts:

- the known price: `N1 things cost D dollars`, `sells N1 things for D dollars`, `N1 things
  are sold for D dollars`, `N1 of them cost D dollars` (`them`: the things asked about);
- the question: `What do N2 things cost`, `how much are/do/would N2 things (cost)`, `the
  cost/price of N2 things`, `How many dollars do N2 things cost`.

Canonical ACE:

    16 tickets cost 320 dollars. How many dollars do 22 tickets cost?
"""

from __future__ import annotations

import re

from agent.rewrite.nouns import singular

_NUM = r"\d+(?:\.\d+)?"
_PRICED = (
    re.compile(rf"\b({_NUM}) ([a-z]+) (?:cost|costs|sell for|are sold for|are priced at|come to) ({_NUM}) dollars\b", re.I),
    re.compile(rf"\bsells ({_NUM}) ([a-z]+) for ({_NUM}) dollars\b", re.I),
    re.compile(rf"\bbuys ({_NUM}) ([a-z]+) for ({_NUM}) dollars\b", re.I),
)
_PRICED_THEM = re.compile(rf"\b({_NUM}) of them (?:cost|sell for|are sold for|come to) ({_NUM}) dollars\b", re.I)
_ASKED = re.compile(
    rf"\b(?:what (?:do|does|would|will) ({_NUM}) ([a-z]+) cost|how much (?:are|do|would|will|is) ({_NUM}) ([a-z]+)(?: cost)?"
    rf"|(?:cost|price) of ({_NUM}) ([a-z]+)|how many dollars (?:do|does|would|will) ({_NUM}) ([a-z]+) cost)\b",
    re.I,
)


def define_proportion(text: str) -> str | None:
    """Canonical ACE for the price of N2 things from the price of N1 of them, or None."""
    asked = [(g[i], g[i + 1]) for g in _ASKED.findall(text) for i in range(0, 8, 2) if g[i]]
    if len(asked) != 1:
        return None
    count, things = asked[0]
    known = {(n, t, d) for p in _PRICED for n, t, d in p.findall(text) if singular(t) == singular(things) and n != count}
    known |= {(n, things, d) for n, d in _PRICED_THEM.findall(text)}
    if len(known) != 1:
        return None
    n, _, dollars = known.pop()
    verb = "costs" if n == "1" else "cost"
    known_things = singular(things) if n == "1" else things
    return f"{n} {known_things} {verb} {dollars} dollars. How many dollars do {count} {things} cost?"
