"""Pass `enumeration`: `one X ... another X` become `a first X ... a second X`.

English enumerates two things of a kind with `one`/`another`/`the other`; ACE needs two
distinct noun phrases: `a first X` and `a second X`, or `a X` and `the other X` (ACE's
`other` already says "not the one mentioned").
This runs before `numbers`, which would otherwise read `one pipe` as the quantity 1.
"""

from __future__ import annotations

import re

_SECOND = re.compile(r"\b(another|the other|a second|the second|the remaining|the missing)\s+([a-z]+)\b", re.I)


def enumerate_pairs(sentences: list[str]) -> list[str]:
    """The sentences with a `one X` / `another X` pair renamed `a first X` / `a second X`."""
    text = " ".join(sentences)
    nouns = {m.group(2).lower() for m in _SECOND.finditer(text)}
    nouns = {n for n in nouns if re.search(rf"\bone\s+(?:of\s+(?:its|the|his|her|their)\s+)?{n}s?\b", text, re.I)}
    if not nouns:
        return sentences
    other = {m.group(2).lower() for m in _SECOND.finditer(text) if m.group(1).lower() in ("the other", "the remaining", "the missing")}
    return [_rename(sentence, nouns, other) for sentence in sentences]


def _rename(sentence: str, nouns: set[str], other: set[str]) -> str:
    for noun in nouns:
        first = "" if noun in other else "first "
        sentence = re.sub(rf"\b([Oo])ne\s+of\s+(its|his|her|their)\s+{noun}s\b",
                          lambda m, n=noun, f=first: f"{m.group(2).capitalize() if m.group(1) == 'O' else m.group(2)} {f}{n}", sentence)
        sentence = re.sub(rf"\b([Oo])ne\s+(?:of\s+the\s+)?{noun}s?\b",
                          lambda m, n=noun, f=first: ("A" if m.group(1) == "O" else "a") + f" {f}{n}", sentence)
        if noun in other:
            continue  # `one leg ... the other leg`: `a leg ... the other leg`
        sentence = re.sub(rf"\b(another|the other|a second|the second)\s+{noun}\b",
                          lambda m, n=noun: _second(m.group(1), n), sentence, flags=re.I)
    return sentence


def _second(determiner: str, noun: str) -> str:
    lower = determiner.lower()
    article = "the" if lower.startswith("the") else "a"
    if determiner[0].isupper():
        article = article.capitalize()
    return f"{article} second {noun}"
