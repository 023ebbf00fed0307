"""Who a text is about: the proper names it uses for people.

Many definitions need "the one person who acts" (who shares, who tosses). English marks a
proper name by its capital letter, which every sentence's first word also has; a first word
is taken as a name only when it is no word of the lexicon and no usual sentence opener
(`Find`, `If`, `Suppose`). Days and months are capitalised too and are not people.
"""

from __future__ import annotations

import re
from functools import cache


def _words(text: str) -> list[str]:
    return text.split()


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_OPENERS = frozenset(_words(
    "a an the what how which who whom whose when where why if find give calculate compute determine "
    "suppose assume then also each every at in on for with of by after before during there this that "
    "these those it its they their he she his her we our you your i write express show use let one two "
    "both all some any no not and or but so once while since until because although as"
))
_CALENDAR = frozenset(_words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december"
))


def named_people(text: str) -> list[str]:
    """The distinct proper names of `text`, in order of first mention."""
    names: list[str] = []
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        lower = word.lower()
        if lower in _CALENDAR or lower in _OPENERS or word in names:
            continue
        if _starts_sentence(text, m.start()) and lower in _known_words():
            continue
        names.append(word)
    return names


def the_person(text: str) -> str | None:
    """The one person `text` names, or None when it names nobody or several."""
    names = named_people(text)
    return names[0] if len(names) == 1 else None


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \"'(")
    return not before or before[-1] in ".?!:;"


@cache
def _known_words() -> frozenset[str]:
    from tasks.ace.lexicon import lexicon

    return frozenset(lexicon())
