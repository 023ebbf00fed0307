"""No stated number is lost: the guard every whole-text concept definition passes through.

A concept pass replaces the user's whole text by a definition it writes itself. If the text
said more than the concept reads (`Ben also has 23 cakes.`, a second speed), the definition
would silently drop a fact, which is worse than no rewrite. So a definition is accepted only
when every number of the text still occurs in it, with two exceptions that English forces:

- `1` and `2` written as words are mostly not quantities but determiners and pronouns that
  the numbers pass turned into digits (`one after the other`, `the smaller one`, `two
  numbers`, `1 medal each`); they may go.
- a listed run of terms (`6, 60, 600, ...`) may be summed up by its first term and a rule.

A plain side fact the concept does not read (`Ben also has 23 cakes.`) is carried over into
the definition, after its first sentence, rather than dropped.

Values are compared exactly and by magnitude (`5 less than` becomes a difference of -5); a
value said twice may be one quantity named twice (`how many factors 12 has, including 1 and
12 itself`), so it needs to occur once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from functools import wraps

from agent.rewrite.nouns import singular

_NUMBER = re.compile(r"(?<![\w./])-?\d+(?:\.\d+)?(?:/\d+)?(?![\w/])")
_LISTED = re.compile(r"-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?){2,}")
_DETERMINER_VALUES = {Fraction(1), Fraction(2)}


def lost_numbers(source: str, ace: str, consumed: tuple[str, ...] = ()) -> list[str]:
    """The numbers of `source` that `ace` no longer states (each as written), in order.

    `consumed` are numbers the definition states by its shape rather than as digits (the
    count of consecutive integers is the number of terms in their sum)."""
    kept = {abs(Fraction(n)) for n in [*_NUMBER.findall(ace), *consumed]}
    listed = {m.start(): m.group(0) for m in _LISTED.finditer(source)}
    skip: set[int] = set()
    for start, run in listed.items():
        first = _NUMBER.match(run)
        if first is not None and abs(Fraction(first.group(0))) in kept:
            skip.update(range(start + first.end(), start + len(run)))
    lost: list[str] = []
    for m in _NUMBER.finditer(source):
        value = abs(Fraction(m.group(0)))
        if value not in kept and value not in _DETERMINER_VALUES and m.start() not in skip:
            lost.append(m.group(0))
    return lost


Defined = str | tuple[str, tuple[str, ...]] | None  # the ACE, or (the ACE, numbers it states by shape)


def keeps_stated_numbers(define: Callable[[str], Defined]) -> Callable[[str], str | None]:
    """Wrap a whole-text definition so that it yields None when it would drop a number."""

    @wraps(define)
    def guarded(text: str) -> str | None:
        defined = define(text)
        if defined is None:
            return None
        ace, consumed = (defined, ()) if isinstance(defined, str) else defined
        ace = with_side_facts(text, ace, consumed)
        return None if lost_numbers(text, ace, consumed) else ace

    return guarded


# `Ben also has 23 cakes.`: a plain fact of possession the concept does not read.
_SIDE_FACT = re.compile(r"^([A-Z][a-z]+) (?:also |still |already )?(?:has|owns|keeps|holds) (\d+(?:\.\d+)?) ([a-z]+)\.$")


def with_side_facts(source: str, ace: str, consumed: tuple[str, ...] = ()) -> str:
    """`ace` with the plain possession facts of `source` it lost (their number, or the thing they
    count, is missing from it), after its first sentence, where a story states side facts;
    anything else lost stays lost."""
    lost = set(lost_numbers(source, ace, consumed))
    carried = []
    for sentence in re.split(r"(?<=[.?!])\s+", source.strip()):
        m = _SIDE_FACT.match(sentence)
        if m and (m.group(2) in lost or not re.search(rf"\b{singular(m.group(3))}", ace)):
            carried.append(f"{m.group(1)} has {m.group(2)} {m.group(3)}.")
    if not carried:
        return ace
    first, _, rest = ace.partition(". ")
    return " ".join([f"{first}.", *carried, rest]) if rest else " ".join([ace, *carried])
