"""Numbers written in ACE text: digits (`13`, `2.5`, `3/8`, `1,000`) and words (`twenty-five`)."""

from __future__ import annotations

import re

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:/\d+)?")


def is_number_word(word: str) -> bool:
    """Whether `word` (lowercase, maybe hyphenated like `twenty-five`) is part of a number."""
    parts = word.split("-")
    return all(p in ONES or p in TENS or p in SCALES for p in parts) and bool(parts[0])


def words_value(words: list[str]) -> int | None:
    """The value of a run of number words (`one hundred twenty-five` -> 125), None if malformed."""
    total, current = 0, 0
    seen_any = False
    for part in (p for w in words for p in w.split("-")):
        if part in ONES or part in TENS:
            current += ONES.get(part, TENS.get(part, 0))
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part in SCALES:
            total += max(current, 1) * SCALES[part]
            current = 0
        else:
            return None
        seen_any = True
    return total + current if seen_any else None


def digits_value(text: str) -> str:
    """The exact value string of a digit numeral: commas dropped, otherwise as written."""
    return text.replace(",", "")
