"""Surface helpers the families share: numbers in digits or words, literals, names.

The canonical ACE always writes numbers as digits (`ace_num`); English prompts write
them as digits or words (`Speaker.n`); programs write them as exact literals (`lit`).
"""

from __future__ import annotations

import random
import re
from fractions import Fraction

from tasks.numerals import short_decimal

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

PEOPLE = [
    "John", "Mary", "Alice", "Bob", "Sara", "Tom", "Emma", "Liam", "Noah", "Olivia",
    "Maya", "Ben", "Lucy", "Omar", "Nina", "Paul", "Rosa", "Ivan", "Grace", "Leo",
]


def words(n: int) -> str:
    """An integer 0..999 in English words ('forty-two', 'one hundred five')."""
    if not 0 <= n <= 999:
        raise ValueError(f"words() covers 0..999, got {n}")
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    return f"{_ONES[hundreds]} hundred" + (f" {words(rest)}" if rest else "")


def ace_num(x: int | Fraction | str) -> str:
    """A number as the canonical ACE writes it: '13', '2.5', '3/8'."""
    if isinstance(x, str):
        return x
    if isinstance(x, int):
        return str(x)
    if x.denominator == 1:
        return str(x.numerator)
    decimal = short_decimal(x)
    return decimal if decimal is not None else f"{x.numerator}/{x.denominator}"


def lit(x: int | Fraction) -> str:
    """A number as a program literal: '13', "Rational('2.5')", "Rational('3/8')" (the ACE's digits)."""
    if isinstance(x, int):
        return str(x)
    if x.denominator == 1:
        return str(x.numerator)
    decimal = short_decimal(x)
    return f"Rational('{decimal if decimal is not None else f'{x.numerator}/{x.denominator}'}')"


def money(x: int | Fraction) -> str:
    """'$12' or '$2.50' for English prompts."""
    x = Fraction(x)
    if x.denominator == 1:
        return f"${x.numerator}"
    return f"${float(x):.2f}"


def plural(noun: str, n: int | Fraction) -> str:
    """Naive English plural for the nouns the families use (1 apple, 2 apples, 3 boxes)."""
    if n == 1:
        return noun
    irregular = {"foot": "feet", "person": "people", "child": "children", "man": "men", "woman": "women"}
    if noun in irregular:
        return irregular[noun]
    if " " in noun:
        head, _, last = noun.rpartition(" ")
        return f"{head} {plural(last, n)}"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def qty(n: int | Fraction, unit: str) -> str:
    """ACE quantity: digits and the unit in the right number ('13 feet', '1 hour')."""
    return f"{ace_num(n)} {plural(unit, n)}" if unit else ace_num(n)


class Speaker:
    """Renders numbers for English prompts: sometimes in words, otherwise in digits."""

    def __init__(self, rng: random.Random, word_rate: float = 0.25, abbrev_rate: float = 0.35) -> None:
        self.rng = rng
        self.word_rate = word_rate
        self.abbreviate = rng.random() < abbrev_rate  # one choice per problem, so units read consistently

    def n(self, x: int | Fraction) -> str:
        """A number for a prompt: whole numbers up to 999 are sometimes spelled out."""
        if isinstance(x, Fraction) and x.denominator != 1:
            return ace_num(x)
        value = int(x)
        rate = self.word_rate if value <= 99 else self.word_rate / 3  # long number words are rarer
        if 0 <= value <= 999 and self.rng.random() < rate:
            return words(value)
        return str(value)

    def q(self, x: int | Fraction, unit: str, abbrev: str | None = None) -> str:
        """A quantity for a prompt, sometimes with the unit abbreviated ('13 ft')."""
        if abbrev and self.abbreviate:
            return f"{ace_num(x)} {abbrev}"
        return f"{self.n(x)} {plural(unit, x)}"

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)


_ARTICLE = re.compile(r"\b([Aa])\s+(?=([A-Za-z0-9][\w-]*))")


def _wants_an(word: str) -> bool:
    """Whether English writes `an` before this word (by sound, for the words families use)."""
    lower = word.lower()
    if lower[0].isdigit():
        digits = re.match(r"\d+", lower).group(0)
        return digits.startswith("8") or (digits[:2] in ("11", "18") and len(digits) % 3 == 2)
    if lower.startswith(("uni", "use", "eu", "one")):
        return False
    return lower[0] in "aeiou" or lower.startswith(("hour", "honest"))


def fix_articles(text: str) -> str:
    """`a apple` -> `an apple`, `A 8% discount` -> `An 8% discount`; leaves `a unit` alone."""

    def swap(match: re.Match[str]) -> str:
        article, word = match.group(1), match.group(2)
        if len(word) == 1 and word.isupper():  # a variable in apposition (`a number X`) is not it
            return match.group(0)
        return f"{article}n " if _wants_an(word) else match.group(0)

    return _ARTICLE.sub(swap, text)


_ONE_PLURAL = re.compile(r"(?<![\d.\-/])\b(1|one|One) ([a-z]+s|feet|children|people|men|women)\b")
_SINGULAR_ENDING_IN_S = {"bus", "glass", "class", "gas", "grass", "series", "species", "lens"}
_IRREGULAR_SINGULAR = {"feet": "foot", "children": "child", "people": "person", "men": "man", "women": "woman"}


def _singular(word: str) -> str:
    if word in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "uses")):
        return word[:-2]
    return word[:-1]


def fix_agreement(text: str) -> str:
    """`1 hours` -> `1 hour`, `one boys` -> `one boy`: a count of one takes the singular."""

    def swap(match: re.Match[str]) -> str:
        count, word = match.group(1), match.group(2)
        if word in _SINGULAR_ENDING_IN_S or word.endswith("ss"):
            return match.group(0)
        return f"{count} {_singular(word)}"

    return _ONE_PLURAL.sub(swap, text)


def tidy(text: str) -> str:
    """The last pass over every prompt and ACE text: number agreement, then a/an."""
    return fix_articles(fix_agreement(text))
