"""Pass `numbers`: numbers written in words become digits (`one hundred and five` -> `105`).

ACE (and the semantic graph's number nodes) carries every number as digits with its exact
value, so `three eighths` must become `3/8`, never `0.375`. Ordinals (`the third train`)
and the time unit `second` are left alone: they are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Denominators; `second` is missing on purpose: `one second` is a duration, not 1/2.
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "twelfth": 12, "twelfths": 12, "sixteenth": 16,
    "sixteenths": 16, "twentieth": 20, "twentieths": 20, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000,
}  # fmt: skip
MULTIPLES = {"twice": "2 times", "thrice": "3 times"}
# `one` is a pronoun after these words (`each one`, `no one`), or before `another`; not when a
# scale follows (`every one hundred minutes` is a number).
_PRONOUN_ONE_AFTER = {"no", "each", "which", "any", "every", "the", "this", "that", "someone"}

_NUMBER_WORD = "|".join(sorted({*UNITS, *TENS, *DENOMINATORS}, key=len, reverse=True))
_HYPHENATED = re.compile(rf"\b({_NUMBER_WORD})-(?=({_NUMBER_WORD})\b)", re.IGNORECASE)
_THOUSANDS = re.compile(r"\b\d{1,3}(?:,\d{3})+(?![\d,]*\.\d*,)\b")
_TOKEN = re.compile(r"\d+(?:\.\d+)?(?:/\d+)?|[A-Za-z]+|[^\sA-Za-z\d]")


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def numbers_to_digits(text: str) -> str:
    """Return `text` with every number phrase in words replaced by its exact digits."""
    text = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), text)
    text = _HYPHENATED.sub(r"\1 ", text)
    tokens = [_Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    pieces: list[str] = []
    cursor = 0
    i = 0
    while i < len(tokens):
        found = _number_at(tokens, i)
        if found is None:
            i += 1
            continue
        value, j = found
        pieces.append(text[cursor : tokens[i].start])
        pieces.append(value)
        cursor = tokens[j - 1].end
        i = j
    pieces.append(text[cursor:])
    return "".join(pieces)


def format_value(value: Fraction) -> str:
    """Exact digits: `13`, `3/8`; never a float."""
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _number_at(tokens: list[_Token], i: int) -> tuple[str, int] | None:
    """The number phrase that starts at token i, as (digits, index after it), or None."""
    word = tokens[i].lower
    if word in MULTIPLES:
        return MULTIPLES[word], i + 1
    if word == "one" and _is_pronoun_one(tokens, i):
        return None
    if word in ("a", "an"):
        return _article_number(tokens, i)
    if word == "half":
        return _half(tokens, i)
    whole = _cardinal(tokens, i)
    if whole is None:
        return None
    value, j = whole
    fraction = _fraction_after(tokens, j, value)
    if fraction is not None:
        return fraction
    mixed = _mixed_after(tokens, j, value)
    if mixed is not None:
        return mixed
    if j == i + 1 and tokens[i].text[0].isdigit():
        return None  # plain digits: nothing to change
    return format_value(value), j


def _is_pronoun_one(tokens: list[_Token], i: int) -> bool:
    before = tokens[i - 1].lower if i > 0 else ""
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if after in SCALES:  # `every one hundred minutes`
        return False
    return before in _PRONOUN_ONE_AFTER or after == "another"


def _article_number(tokens: list[_Token], i: int) -> tuple[str, int] | None:
    """`a dozen` -> 12, `a hundred` -> 100, `a third` -> 1/3, `a half` -> 1/2."""
    if i + 1 >= len(tokens):
        return None
    word = tokens[i + 1].lower
    if word == "dozen":
        return "12", i + 2
    if word in SCALES:
        rest = _cardinal(tokens, i + 1, allow_bare_scale=True)
        return (format_value(rest[0]), rest[1]) if rest else None
    if word in DENOMINATORS and not word.endswith("s") and _is_fraction_context(tokens, i + 2):
        return format_value(Fraction(1, DENOMINATORS[word])), i + 2
    return None


def _is_fraction_context(tokens: list[_Token], j: int) -> bool:
    """`a third of`, `a quarter mile`, sentence end; not `a third train` (an ordinal)."""
    if j >= len(tokens):
        return True
    return tokens[j].lower == "of" or not tokens[j].text[0].isalpha() or tokens[j].lower in _FRACTION_NOUNS


_FRACTION_NOUNS = {"hour", "mile", "pound", "cup", "inch", "foot", "meter", "kilometer", "liter", "gallon"}


def _half(tokens: list[_Token], i: int) -> tuple[str, int] | None:
    """`half a dozen` -> 6; `half of` / `half the` -> `1/2 of`."""
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    after = tokens[i + 2].lower if i + 2 < len(tokens) else ""
    if nxt in ("a", "an") and after == "dozen":
        return "6", i + 3
    if nxt == "of":
        return "1/2", i + 1
    if nxt in ("the", "his", "her", "its", "their"):
        return "1/2 of", i + 1
    return None


def _cardinal(tokens: list[_Token], i: int, allow_bare_scale: bool = False) -> tuple[Fraction, int] | None:
    """Integers in words (`one hundred and five`), or digits followed by a scale (`2 million`)."""
    total = Fraction(0)
    current = Fraction(0)
    seen = False
    j = i
    while j < len(tokens):
        word = tokens[j].lower
        if word in UNITS and not (seen and current % 10):
            current += UNITS[word]
        elif word in TENS and not (seen and current % 100):
            current += TENS[word]
        elif tokens[j].text[0].isdigit() and not seen and "/" not in word:
            current = Fraction(word)
        elif word in SCALES and (seen or allow_bare_scale):
            scale = SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = Fraction(0)
        elif word == "dozen" and seen:
            current *= 12
        elif word == "and" and seen and _continues_cardinal(tokens, j):
            pass
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j


def _continues_cardinal(tokens: list[_Token], j: int) -> bool:
    """`hundred and five` continues a number; `five and six` are two numbers."""
    prev = tokens[j - 1].lower
    nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    return prev in SCALES and (nxt in UNITS or nxt in TENS)


def _fraction_after(tokens: list[_Token], j: int, numerator: Fraction) -> tuple[str, int] | None:
    """`three eighths` -> 3/8 (the cardinal is the numerator)."""
    if j >= len(tokens) or tokens[j].lower not in DENOMINATORS or numerator.denominator != 1:
        return None
    if tokens[j].lower in ("half", "quarter", "third") and numerator != 1:
        return None  # `two third graders`, `3 quarter hours` are not fractions
    return format_value(numerator / DENOMINATORS[tokens[j].lower]), j + 1


def _mixed_after(tokens: list[_Token], j: int, whole: Fraction) -> tuple[str, int] | None:
    """`one and a half` -> 3/2, `two and three quarters` -> 11/4."""
    if j + 2 >= len(tokens) or tokens[j].lower != "and":
        return None
    if tokens[j + 1].lower in ("a", "an") and tokens[j + 2].lower in DENOMINATORS:
        return format_value(whole + Fraction(1, DENOMINATORS[tokens[j + 2].lower])), j + 3
    part = _cardinal(tokens, j + 1)
    if part is None or part[1] >= len(tokens) or tokens[part[1]].lower not in DENOMINATORS:
        return None
    return format_value(whole + part[0] / DENOMINATORS[tokens[part[1]].lower]), part[1] + 1
