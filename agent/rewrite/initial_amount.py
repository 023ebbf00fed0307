"""How many someone had before a gift: the amount before a change, from the amount after.

`Sam got 14 pens from Ann and now has 54. How many pens did Sam have at first?` asks for an
unknown start. Parts, each in its usual English forms:

- the question for the start: `How many (pens) did Sam have/start with/own` with `before`,
  `at first`, `to begin with`, `at the start`, `originally`, `in the beginning`, or `started
  with`;
- one transfer: `Ann gives/gave (Sam) 14 pens (to Sam)`, `Sam receives/got 14 pens from Ann`,
  `after receiving 14 pens from Ann`, or Sam giving some away;
- the amount after: `Sam has/owns 54 pens (now)`.

Canonical ACE (the start is the variable X):

    The number of the pens of Sam is X. If Ann gives 14 pens to Sam then Sam has 54 pens.
    What is X?
"""

from __future__ import annotations

import re

_NUM = r"\d+(?:\.\d+)?"
_WHO = r"[A-Z][a-z]+"
_ASKS_START = re.compile(
    rf"\b[Hh]ow many(?: ([a-z]+))? (?:did|does) ({_WHO}) (?:have|own|hold|start with|begin with)\b(?:[^.?!]*?\b(?:before|at first|to begin with|to start with|at the start|originally|in the beginning))?"
    rf"|\b[Hh]ow many(?: ([a-z]+))? ({_WHO}) (?:had|has) (?:before|at first|to begin with|to start with|originally|in the beginning)\b",
)
_START_WORD = re.compile(r"\b(?:before|at first|to begin with|to start with|at the start|originally|in the beginning|start with|begin with|started with)\b")
_GIVES_TO = re.compile(rf"\b({_WHO}) (?:gives|gave|hands|handed) ({_NUM}) ([a-z]+ )?to ({_WHO})\b")
_GIVES_DATIVE = re.compile(rf"\b({_WHO}) (?:gives|gave|hands|handed) ({_WHO}) ({_NUM})(?: ([a-z]+))?\b")
_RECEIVES = re.compile(rf"\b(?:({_WHO}) )?(?:receives|received|receiving|gets|got|getting) ({_NUM})(?: more)?(?: ([a-z]+))? from ({_WHO})\b")
_CLAUSE_OPENERS = {None, "After", "Before", "When", "Upon", "On", "Since", "Once"}
_PRONOUNS = {"He", "She", "They"}  # the person the question asks about, said again
# `Sam now has 54 pens`, or with the subject left out: `... from Ann and now has 54 pens`.
_HAS_AFTER = re.compile(rf"\b(?:({_WHO})|and) (?:now |then )?(?:has|owns|holds|had|owned) ({_NUM})(?: ([a-z]+))?\b")


def define_initial_amount(text: str) -> str | None:
    """Canonical ACE for the amount before one transfer, from the amount after, or None."""
    asked = _ASKS_START.search(text)
    if asked is None or not _START_WORD.search(text):
        return None
    who = asked.group(2) or asked.group(4)
    things = asked.group(1) or asked.group(3)
    transfer = _transfer(text)
    if transfer is None:
        return None
    giver, count, taker, noun = transfer
    giver, taker = (who if giver in _PRONOUNS else giver), (who if taker in _PRONOUNS else taker)
    if who not in (giver, taker) or giver == taker:
        return None
    after = [(n, t) for w, n, t in _HAS_AFTER.findall(text) if w in (who, "", *_PRONOUNS) and n != count]
    if len(after) != 1:
        return None
    amount, noun_after = after[0]
    things = things or noun or noun_after
    if not things or any(n and n != things for n in (noun, noun_after)):
        return None
    return (
        f"The number of the {things} of {who} is X. If {giver} gives {count} {things} to {taker} then "
        f"{who} has {amount} {things}. What is X?"
    )


def _transfer(text: str) -> tuple[str, str, str, str | None] | None:
    """(giver, count, taker, noun or None) of the one transfer in `text`."""
    found = {(m.group(1), m.group(2), m.group(4), (m.group(3) or "").strip() or None) for m in _GIVES_TO.finditer(text)}
    found |= {(m.group(1), m.group(3), m.group(2), m.group(4)) for m in _GIVES_DATIVE.finditer(text)}
    for m in _RECEIVES.finditer(text):
        named = m.group(1) if m.group(1) not in _CLAUSE_OPENERS else None
        taker = named or _subject_after(text, m.end())
        if taker:
            found.add((m.group(4), m.group(2), taker, m.group(3)))
    merged = {(g, n, t) for g, n, t, _ in found}
    if len(merged) != 1:
        return None
    nouns = {x for *_, x in found if x}
    giver, count, taker = merged.pop()
    return giver, count, taker, nouns.pop() if len(nouns) == 1 else None


def _subject_after(text: str, at: int) -> str | None:
    """`After receiving 28 toys from Emma, Mary has ...`: the subject of the main clause."""
    m = re.match(rf",?\s+({_WHO})\b", text[at:])
    return m.group(1) if m else None
