"""Pass `enumeration`: `one X ... the other X` become `a first X ... a second X`.

English enumerates two things of a kind with `one`/`another`/`the other`; ACE needs two
distinct noun phrases, and the canonical form names them `a first X` and `a second X`.
This runs before `numbers`, which would otherwise read `one pipe` as the quantity 1.
"""

from __future__ import annotations

import re

_SECOND = re.compile(r"\b(another|the other|a second|the second)\s+([a-z]+)\b", re.I)


def enumerate_pairs(sentences: list[str]) -> list[str]:
    """The sentences with a `one X` / `another X` pair renamed `a first X` / `a second X`."""
    text = " ".join(sentences)
    nouns = {m.group(2).lower() for m in _SECOND.finditer(text)}
    nouns = {n for n in nouns if re.search(rf"\bone\s+(?:of\s+(?:its|the|his|her|their)\s+)?{n}s?\b", text, re.I)}
    if not nouns:
        return sentences
    return [_rename(sentence, nouns) for sentence in sentences]


def _rename(sentence: str, nouns: set[str]) -> str:
    for noun in nouns:
        sentence = re.sub(rf"\b([Oo])ne\s+of\s+(its|his|her|their)\s+{noun}s\b",
                          lambda m, n=noun: f"{m.group(2).capitalize() if m.group(1) == 'O' else m.group(2)} first {n}", sentence)
        sentence = re.sub(rf"\b([Oo])ne\s+(?:of\s+the\s+)?{noun}s?\b",
                          lambda m, n=noun: ("A" if m.group(1) == "O" else "a") + f" first {n}", sentence)
        sentence = re.sub(rf"\b(another|the other|a second|the second)\s+{noun}\b",
                          lambda m, n=noun: _second(m.group(1), n), sentence, flags=re.I)
    return sentence


def _second(determiner: str, noun: str) -> str:
    lower = determiner.lower()
    article = "the" if lower.startswith("the") else "a"
    if determiner[0].isupper():
        article = article.capitalize()
    return f"{article} second {noun}"
