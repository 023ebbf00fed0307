"""Pass `measures`: a measure inside a noun phrase becomes a fact sentence of its own.

`a 13-foot ladder`, `a ladder 13 feet long`, `a ladder of length 13 feet` and
`a rectangle with length 5 meters and width 3 meters` all say that an object has an
attribute with a value; ACE says it as `A ladder has a length of 13 feet.` (pattern P1/P5),
placed before the sentence, which then speaks of `the ladder`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from agent.rewrite.draft import Sentence
from agent.rewrite.lexicon import (
    ATTRIBUTE_OF_ADJECTIVE,
    ATTRIBUTE_SYNONYMS,
    CONJUNCTIONS,
    DETERMINERS,
    LEMMA_OF_3SG,
    LEMMA_OF_PAST,
    PREPOSITIONS,
    verb_lemma,
)
from agent.rewrite.units import UNITS, unit_for, unit_phrase

_NUM = r"\d+(?:\.\d+)?(?:/\d+)?"
_UNIT_FORMS = sorted({f for u in UNITS.values() for f in (u.singular, u.plural)}, key=len, reverse=True)
_UNIT = r"(?:(?:square|cubic)\s)?(?:" + "|".join(_UNIT_FORMS) + r")"
_ADJ = "|".join(ATTRIBUTE_OF_ADJECTIVE)
_NOT_NOUN = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | {"is", "are", "was", "has", "have", "per", "long", "wide", "high", "tall"}
_NOUN = r"(?:right\s|first\s|second\s)?(?:[a-z]+-)?[a-z]+"
_ATTRIBUTE = r"length|width|height|depth|radius|diameter|side length|sides|side|edges|edge|legs|leg|base|weight|speed|area|volume|perimeter|circumference|price|cost|hypotenuse"

# `a 13-foot ladder`, `a 12-foot-tall tree`, `a 13 feet ladder`
_MODIFIER = re.compile(rf"\b([Aa]n?|[Tt]he)\s+({_NUM})[\s-]({_UNIT})(?:[\s-]({_ADJ}))?\s+({_NOUN})\b")
# `a ladder 13 feet long`, `a ladder that is 13 feet long`
# `a box 5 cm long, 4 cm wide and 3 cm high`: a list of measures after the noun
_POSTMODIFIER = re.compile(rf"\b([Aa]n?|[Tt]he)\s+({_NOUN})\s+((?:{_NUM}\s{_UNIT}\s(?:{_ADJ})\b(?:,?\s(?:and\s)?(?={_NUM}))?)+)")
# `a ladder of length 13 feet`, `a rectangle with length 5 meters and width 3 meters`
_WITH = re.compile(
    rf"\b([Aa]n?|[Tt]he)\s+({_NOUN})\s+(?:of|with)\s+((?:(?:an?\s)?(?:{_ATTRIBUTE})\s(?:of\s)?{_NUM}(?:\s{_UNIT})?(?:,?\s(?:and\s)?)?)+)"
)
# `a rectangle that is 5 meters long and 3 meters wide`
_THAT_IS = re.compile(
    rf"\b([Aa]n?|[Tt]he)\s+({_NOUN})\s+(?:that|which)\s+(?:is|are)\s+((?:{_NUM}\s{_UNIT}\s(?:{_ADJ})(?:,?\s(?:and\s)?(?={_NUM}))?)+)"
)
_ADJ_PAIR = re.compile(rf"({_NUM})\s({_UNIT})\s({_ADJ})")
# `a circle whose radius is 4 meters`, `a sail whose base is 3 feet and whose height is 5 feet`
_WHOSE = re.compile(
    rf"\b([Aa]n?|[Tt]he)\s+({_NOUN})\s+((?:(?:,\s|\s)?(?:and\s)?whose\s(?:{_ATTRIBUTE})\s(?:is|are)\s{_NUM}(?:\s{_UNIT})?(?:\s(?:{_ADJ}))?)+)"
)
_WHOSE_PAIR = re.compile(rf"whose\s({_ATTRIBUTE})\s(?:is|are)\s({_NUM})(?:\s({_UNIT}))?")
# `a right triangle whose legs are 3 feet and 4 feet`, `a right triangle with legs of 3 and 4 feet`
_PLURAL = re.compile(
    rf"\b([Aa]n?|[Tt]he)\s+({_NOUN})\s+(?:whose\s+|with\s+|has\s+)?(legs|sides|edges)\s+(?:are\s+|of\s+|measure\s+)({_NUM})(?:\s({_UNIT}))?\s+and\s+({_NUM})\s({_UNIT})"
)
_PAIR = re.compile(rf"(?:an?\s)?({_ATTRIBUTE})\s(?:of\s)?({_NUM})(?:\s({_UNIT}))?")


# `a ladder of length 45 in leans ...`, `stands 216 in from the wall`: after a number, `in` that is
# followed by a verb, another preposition or an adjective of size cannot be the preposition
# (which needs a noun phrase), so it is the inch; the units pass expands it only at the end.
_INCH_CANDIDATE = re.compile(rf"\b({_NUM})\s+in\b(?=\s+([a-z]+)\b)")
_NOT_AFTER_IN = {"from", "away", "above", "below", "long", "wide", "high", "tall", "deep", "thick", "and"}


def _inches(text: str) -> str:
    """`45 in leans` -> `45 inches leans`."""

    def replace(m: re.Match[str]) -> str:
        following = m.group(2)
        if following in _NOT_AFTER_IN or following in LEMMA_OF_3SG or following in LEMMA_OF_PAST:
            return unit_phrase(m.group(1), UNITS["inch"])
        return m.group(0)

    return _INCH_CANDIDATE.sub(replace, text)


def extract_measures(sentence: Sentence) -> list[Sentence]:
    """Fact sentences for the measures in `sentence`, followed by the sentence without them."""
    facts: list[str] = []
    text = _inches(sentence.text)
    handlers = (
        (_MODIFIER, _modifier), (_THAT_IS, _that_is), (_POSTMODIFIER, _postmodifier),
        (_PLURAL, _plural), (_WHOSE, _whose), (_WITH, _with),
    )
    for pattern, handler in handlers:
        text = pattern.sub(lambda m, h=handler: _collect(h(m), facts, m), text)
    if text == sentence.text:
        return [sentence]
    bare = _BARE_NP.match(text) and verb_lemma(text.rstrip(".!").split()[-1]) is None
    rest = [] if bare else [sentence.with_text(text)]
    return [*(sentence.with_text(f) for f in facts), *rest]


_BARE_NP = re.compile(r"^(?:The|A|An)\s+(?:[a-z]+\s)?[a-z]+[.!]$")


def _collect(found: tuple[str, list[str]] | None, facts: list[str], match: re.Match[str]) -> str:
    if found is None:
        return match.group(0)
    replacement, new_facts = found
    facts.extend(new_facts)
    return replacement


def _modifier(m: re.Match[str]) -> tuple[str, list[str]] | None:
    article, value, unit_word, adjective, noun = m.groups()
    if noun in _NOT_NOUN or unit_for(noun) is not None:
        return None
    unit = unit_for(unit_word.split()[-1])
    if unit is None:
        return None
    if unit.singular == "percent":
        return f"{article} {noun} of {value} percent", []
    attribute = ATTRIBUTE_OF_ADJECTIVE[adjective] if adjective else unit.dimension
    quantity = _quantity(value, unit_word)
    return _definite(article, noun), [f"{_indefinite(noun, True)} has {_indefinite(attribute)} of {quantity}."]


def _measures_of(m: re.Match[str], facts_of: Callable[[str, str], list[str]],
                 keep_space: bool = False) -> tuple[str, list[str]] | None:
    """`(article) noun <pairs>` -> the definite noun (and the space after the pairs, where the
    phrase runs on) and the facts `facts_of(noun, pairs)` states; None for a noun that is not
    a thing."""
    article, noun, pairs = m.groups()
    if noun in _NOT_NOUN:
        return None
    head = _definite(article, noun) + (" " if keep_space and pairs.endswith(" ") else "")
    return head, facts_of(noun, pairs)


def _adjective_facts(noun: str, pairs: str) -> list[str]:
    """`13 feet tall and 2 feet wide` -> one `A noun has a height of 13 feet.` per measure."""
    return [f"{_indefinite(noun, True)} has {_indefinite(ATTRIBUTE_OF_ADJECTIVE[adj])} of {_quantity(value, unit)}."
            for value, unit, adj in _ADJ_PAIR.findall(pairs)]


def _attribute_facts(pair: re.Pattern[str]) -> Callable[[str, str], list[str]]:
    """`(a) length of 13 feet and (a) width of 2 feet` (as `pair` reads them) -> one fact each."""
    def facts(noun: str, pairs: str) -> list[str]:
        out = []
        for attribute, value, unit_word in pair.findall(pairs):
            attribute = ATTRIBUTE_SYNONYMS.get(attribute, attribute)
            quantity = _quantity(value, unit_word) if unit_word else value
            out.append(f"{_indefinite(noun, True)} has {_indefinite(attribute)} of {quantity}.")
        return out
    return facts


def _postmodifier(m: re.Match[str]) -> tuple[str, list[str]] | None:
    return _measures_of(m, _adjective_facts)


def _that_is(m: re.Match[str]) -> tuple[str, list[str]] | None:
    return _measures_of(m, _adjective_facts, keep_space=True)


def _plural(m: re.Match[str]) -> tuple[str, list[str]] | None:
    """Two values of a plural attribute: one of each (`a leg of 3 feet and a leg of 4 feet`)."""
    article, noun, attribute, first, first_unit, second, second_unit = m.groups()
    name = ATTRIBUTE_SYNONYMS.get(attribute, attribute.rstrip("s"))
    first_qty = _quantity(first, first_unit or second_unit)
    second_qty = _quantity(second, second_unit)
    owner = _indefinite(noun, True)
    facts = [f"{owner} has a {name} of {first_qty}.", f"{owner} has a {name} of {second_qty}."]
    verb = " has" if m.group(0).split()[2:3] == ["has"] else ""
    return _definite(article, noun) + verb, facts



def _whose(m: re.Match[str]) -> tuple[str, list[str]] | None:
    return _measures_of(m, _attribute_facts(_WHOSE_PAIR))


def _with(m: re.Match[str]) -> tuple[str, list[str]] | None:
    return _measures_of(m, _attribute_facts(_PAIR), keep_space=True)


def _quantity(value: str, unit_word: str) -> str:
    words = unit_word.split()
    unit = unit_for(words[-1])
    if unit is None:
        return f"{value} {unit_word}"
    head = unit_phrase(value, unit)
    return head if len(words) == 1 else f"{value} {words[0]} {head.split(' ', 1)[1]}"


def _definite(article: str, noun: str) -> str:
    return ("The " if article[0].isupper() else "the ") + noun


def _indefinite(noun: str, capital: bool = False) -> str:
    article = "an" if noun[0] in "aeiou" else "a"
    return f"{article.capitalize() if capital else article} {noun}"
