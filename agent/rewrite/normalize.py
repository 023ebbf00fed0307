"""Pass `normalize`: typographic variants and contractions become the plain forms ACE uses.

Users paste text from word processors and phones: curly quotes, en dashes, non-breaking
spaces, `×`, and contractions. ACE has none of these, and later passes match plain ASCII.
A `respectively` pairing is undone here too (respectively.py), before any pass reads who
does what.
"""

from __future__ import annotations

import re

from agent.rewrite.respectively import distribute_respectively

_CHARACTERS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": " - ", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00d7": " * ", "\u22c5": " * ", "\u00f7": " / ",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2026": "...",
    "\u00bd": " 1/2", "\u00bc": " 1/4", "\u00be": " 3/4", "\u2153": " 1/3", "\u2154": " 2/3",
    "\u00b2": "^2", "\u00b3": "^3",
}  # fmt: skip

# Only words whose `'s` is a verb: `the ladder's length` is a possessive and must stay.
_CONTRACTIONS = {
    "what's": "what is", "it's": "it is", "that's": "that is", "there's": "there is",
    "here's": "here is", "who's": "who is", "how's": "how is", "where's": "where is",
    "he's": "he is", "she's": "she is", "let's": "let us", "i'm": "I am",
    "can't": "cannot", "won't": "will not", "shan't": "shall not",
}  # fmt: skip
_SUFFIXES = (("n't", " not"), ("'re", " are"), ("'ll", " will"), ("'ve", " have"))

_WORD_WITH_APOSTROPHE = re.compile(r"\b[A-Za-z]+'[a-z]+\b")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.?!])")


def normalize(text: str) -> str:
    """Return `text` with plain characters, expanded contractions and single spaces."""
    for char, plain in _CHARACTERS.items():
        text = text.replace(char, plain)
    text = _WORD_WITH_APOSTROPHE.sub(_expand, text)
    text = _SPACES.sub(" ", text).strip()
    text = text[:1].upper() + text[1:]  # a sentence starts with a capital (`how much ...?`)
    return distribute_respectively(_SPACE_BEFORE_MARK.sub(r"\1", text))


def _expand(match: re.Match[str]) -> str:
    word = match.group(0)
    lower = word.lower()
    if lower in _CONTRACTIONS:
        return _same_case(word, _CONTRACTIONS[lower])
    for suffix, full in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return word[: -len(suffix)] + full
    return word


def _same_case(original: str, replacement: str) -> str:
    return replacement[0].upper() + replacement[1:] if original[0].isupper() else replacement
