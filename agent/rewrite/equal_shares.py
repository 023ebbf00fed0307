"""The greatest common divisor in a story: the most people two stocks can be shared among.

`Ana has 18 pens and 24 pads and shares them equally among her friends with nothing left
over; at most how many friends are there?` asks for gcd(18, 24) without naming it. The
story is recognised by its three parts, each in its usual English variants, never by one
wording:

- one person with two counted stocks (`18 pens and 24 pads`, `40 red beads and 25 blue
  beads`);
- shares that are equal (`equally`, `evenly`, `equal shares`, `the same number of`) and
  use everything (`nothing left`, `none left over`, `uses everything`, `no leftovers`);
- a question for the largest count of recipients (`the largest number of friends`, `at most
  how many friends`, `the greatest possible number of groups`).

It becomes the canonical ACE:

    Ana has 18 pens and 24 pads. Ana shares the pens among the friends of Ana. Ana shares
    the pads among the friends. Every friend gets an equal share. What is the largest
    number of the friends?
"""

from __future__ import annotations

import re

from agent.rewrite.nouns import singular
from agent.rewrite.people import the_person

_EQUAL = re.compile(r"\b(?:equal(?:ly)?|evenly|fairly|identical|same\s+(?:number|amount))\b", re.I)
_NOTHING_LEFT = re.compile(
    r"\b(?:nothing|none|no\s+[a-z]+)\s+(?:is\s+|are\s+)?left(?:\s*over)?\b|\bno\s+left\s*overs?\b|\bwithout\s+(?:any\s+)?left\s*overs?\b"
    r"|\bno(?:body|\s+one)?\s+(?:gets\s+|has\s+)?(?:any\s+)?left\s*overs?\b|\b(?:no|without\s+(?:a\s+)?)\s*remainder\b"
    r"|\bus(?:e|es|ing)\s+(?:up\s+)?(?:everything|all\s+of\s+them|all\s+the\s+[a-z]+|them\s+all)\b",
    re.I,
)
_LARGEST = re.compile(
    r"\b(?:largest|greatest|biggest|most|maximum|highest)\s+(?:possible\s+)?number\s+of\s+(?:the\s+)?([a-z]+)"
    r"|\bat\s+most\s+how\s+many\s+([a-z]+)|\bhow\s+many\s+([a-z]+)\s+at\s+(?:the\s+)?most\b"
    r"|\b(?:largest|greatest|maximum)\s+(?:possible\s+)?count\s+of\s+([a-z]+)",
    re.I,
)
_STOCKS = re.compile(r"\b(\d+)\s+([a-z]+(?:\s+[a-z]+)?)\s+and\s+(\d+)\s+([a-z]+(?:\s+[a-z]+)?)")


def define_equal_shares(text: str) -> str | None:
    """Canonical ACE for `the most people two stocks can be shared among equally`, or None."""
    largest = _LARGEST.search(text)
    if largest is None or not _EQUAL.search(text) or not _NOTHING_LEFT.search(text):
        return None
    who = the_person(text)
    stocks = _STOCKS.search(text)
    if who is None or stocks is None:
        return None
    first, second = _counted(stocks.group(2)), _counted(stocks.group(4))
    recipients = next(g for g in largest.groups() if g).lower()
    if first is None or second is None or first == second or not _plural(recipients):
        return None
    return (
        f"{who} has {stocks.group(1)} {first} and {stocks.group(3)} {second}. {who} shares the {first} among the "
        f"{recipients} of {who}. {who} shares the {second} among the {recipients}. Every {singular(recipients)} "
        f"gets an equal share. What is the largest number of the {recipients}?"
    )


def _counted(phrase: str) -> str | None:
    """`red beads` or `pencils` from what follows a count (`erasers to` -> `erasers`)."""
    words = phrase.split()
    if len(words) == 2 and _plural(words[1]) and _adjective(words[0]):
        return phrase
    return words[0] if _plural(words[0]) else None


def _plural(word: str) -> bool:
    from tasks.ace.lexicon import WordClass, lexicon

    readings = [e for e in lexicon().get(word.lower(), ()) if e.word_class == WordClass.NOUN]
    if readings:
        return any(e.number in ("pl", "both") for e in readings)
    return word.endswith("s") and not word.endswith("ss")


def _adjective(word: str) -> bool:
    from tasks.ace.lexicon import WordClass, lexicon

    return any(e.word_class == WordClass.ADJ for e in lexicon().get(word.lower(), ()))
