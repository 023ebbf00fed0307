"""Masked, tokenized dataset text -> the English a user would type.

The MWP CSVs are tokenized (`cake .`, `Scarlett 's`, `$ 3`, `lemon - lime`) and ASDiv-A
is lowercased. The fixes here are general rules over tokenization artefacts, never
per-problem edits: a detokenizer, sentence-initial capitals and the pronoun `I`.
"""

from __future__ import annotations

import re

from tasks.real.numbers import Number

_MASK = re.compile(r"\bnumber(\d+)\b")
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\s+([.,?!;:%])"), r"\1"),  # `cake .` -> `cake.`
    (re.compile(r"``\s*|\s*''"), '"'),  # PTB quotes
    (re.compile(r"\s+(['’])\s*(s|re|ve|ll|d|m)\b", re.IGNORECASE), r"\1\2"),  # `Scarlett 's`, `Isha ’ s`
    (re.compile(r"\s+(n['’]t)\b", re.IGNORECASE), r"\1"),  # `do n't`
    (re.compile(r"\s+'(\s|$)"), r"'\1"),  # `the girls ' books` -> `the girls' books`
    (re.compile(r"\$\s+(?=[\d.])"), "$"),  # `$ 3` -> `$3`
    (re.compile(r"(?<=[A-Za-z])\s*-\s+(?=[A-Za-z])|(?<=[A-Za-z])\s+-(?=[A-Za-z])"), "-"),  # `lemon - lime`
    (re.compile(r"([(\[])\s+"), r"\1"),
    (re.compile(r"\s+([)\]])"), r"\1"),
    (re.compile(r"[ \t]{2,}"), " "),
]
_SENTENCE_START = re.compile(r"(^|[.?!]\s+)([a-z])")
_PRONOUN_I = re.compile(r"\bi\b(?!\.)")


def detokenize(text: str) -> str:
    """Undo the tokenizer's spacing; keeps words and their order."""
    out = text.strip()
    for pattern, repl in _RULES:
        out = pattern.sub(repl, out)
    return out


def capitalize(text: str) -> str:
    """Capital letters where every sentence starts, and `I` (ASDiv-A is lowercased)."""
    out = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    return _PRONOUN_I.sub("I", out)


def unmask(masked: str, numbers: list[Number]) -> str:
    """Put the numbers back: `number0` -> `8`; KeyError-free: ValueError names the bad mask."""

    def put(m: re.Match[str]) -> str:
        index = int(m.group(1))
        if index >= len(numbers):
            raise ValueError(f"{m.group(0)} has no number (only {len(numbers)} listed)")
        return numbers[index].text

    return _MASK.sub(put, masked)


def restore(masked: str, numbers: list[Number]) -> str:
    """The prompt a user would type for one masked question."""
    return capitalize(detokenize(unmask(masked, numbers)))


def normalise(text: str) -> str:
    """Text for grouping near-duplicates: lowercase, words only, single spaces."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
