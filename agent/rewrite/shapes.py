"""Pass `shapes`: an everyday object described by its shape becomes that shape.

`a rectangular garden`, `a square tile`, `a circular pond`, `a round table`, `a ball`:
for a geometry question only the figure matters, and ACE's graph is about the figure
(`a rectangle`, `a square`, `a circle`, `a sphere`). Later mentions of the object
(`the garden`, `the table top`) are renamed with it, so references stay consistent.
"""

from __future__ import annotations

import re

from agent.rewrite.lexicon import (
    CONJUNCTIONS,
    DETERMINERS,
    LEMMA_OF_3SG,
    PREPOSITIONS,
    SHAPE_OF_ADJECTIVE,
    SHAPE_OF_NOUN,
)

_ADJECTIVE = "|".join(sorted(SHAPE_OF_ADJECTIVE, key=len, reverse=True))
_SHAPED = re.compile(rf"\b([Aa]n?|[Tt]he)\s+({_ADJECTIVE})\s+(?!(?:feet|foot|meters?|inch|inches|yards?|centimeters?|kilometers?|miles?|units?)\b)([a-z]+)(\s+top)?\b")
_IN_SHAPE = re.compile(r"\b([Aa]n?|[Tt]he)\s+([a-z]+(?:\s[a-z]+)?)\s+in\s+the\s+shape\s+of\s+an?\s+([a-z]+)\b")
_NOUN = re.compile(rf"\b([Aa]n?|[Tt]he)\s+({'|'.join(sorted(SHAPE_OF_NOUN, key=len, reverse=True))})\b")
_NOT_NOUN = PREPOSITIONS | CONJUNCTIONS | DETERMINERS | {"whose", "with", "of", "is", "are"}
_SHAPE_NOUNS = {"rectangle", "square", "circle", "triangle", "cylinder", "sphere", "cube", "box", "cone"}


def to_shapes(sentences: list[str]) -> list[str]:
    """The sentences with shaped objects named by their shape, consistently across sentences."""
    renamed: dict[str, str] = {}
    out = []
    for text in sentences:
        text = _SHAPED.sub(lambda m: _shape(m, renamed), text)
        text = _IN_SHAPE.sub(lambda m: _in_shape(m, renamed), text)
        text = _NOUN.sub(lambda m: _article(m.group(1), SHAPE_OF_NOUN[m.group(2)]), text)
        text = _COMPOUND.sub(lambda m: _compound(m, renamed), text)
        for noun, shape in renamed.items():
            text = re.sub(rf"\b([Tt]he)\s+{re.escape(noun)}(?:\s+top)?\b", rf"\1 {shape}", text)
        out.append(text)
    return out


_COMPOUND = re.compile(rf"\b([Aa]n?|[Tt]he)\s+([a-z]+)\s+({'|'.join(sorted(_SHAPE_NOUNS))})\b")


def _compound(m: re.Match[str], renamed: dict[str, str]) -> str:
    """`an ice cube`, `a storage box`: a noun modifier outside the lexicon names the use, not the shape."""
    article, modifier, shape = m.groups()
    if modifier in ("right", "first", "second", "other", "same") or is_known_adjective(modifier):
        return m.group(0)
    renamed[f"{modifier} {shape}"] = shape
    return _article(article, shape)


def is_known_adjective(word: str) -> bool:
    """Whether the ACE lexicon has `word` as an adjective (then it stays)."""
    from tasks.ace.lexicon import WordClass, lexicon

    return any(entry.word_class == WordClass.ADJ for entry in lexicon().get(word, ()))


def _shape(m: re.Match[str], renamed: dict[str, str]) -> str:
    article, adjective, noun, top = m.groups()
    shape = SHAPE_OF_ADJECTIVE[adjective.lower()]
    if noun in _SHAPE_NOUNS:
        return _article(article, noun)  # `a rectangular box` is a box
    if noun in _NOT_NOUN or noun in LEMMA_OF_3SG:
        return m.group(0)  # `a square has`: no object follows
    if adjective.lower() == "square" and noun in ("root", "meters", "feet"):
        return m.group(0)
    renamed[noun] = shape
    return _article(article, shape)


def _in_shape(m: re.Match[str], renamed: dict[str, str]) -> str:
    article, noun, shape = m.groups()
    renamed[noun] = shape
    renamed[noun.split()[-1]] = shape
    return _article(article, shape)


def _article(article: str, noun: str) -> str:
    if article.lower() == "the":
        return f"{article} {noun}"
    indefinite = "an" if noun[0] in "aeiou" else "a"
    return indefinite.capitalize() + f" {noun}" if article[0].isupper() else f"{indefinite} {noun}"
