"""Pass `facts`: declarative sentences in the shapes of the canonical ACE patterns.

General English phrasings of a fact become the one ACE pattern for it:
`is leaning` -> `leans` (ACE has no progressive), `can paint` -> `paints` (no modals),
`X is 5 meters long and 3 meters wide` -> `X has a length of 5 meters. X has a width of
3 meters.` (P1/P5), `Place a ladder against a wall` -> `A ladder leans against a wall.`,
`reaches 12 feet up the wall` -> `reaches a height of 12 feet on the wall`.
"""

from __future__ import annotations

import re

from agent.rewrite.draft import Sentence
from agent.rewrite.lexicon import (
    ATTRIBUTE_OF_ADJECTIVE,
    ATTRIBUTE_SYNONYMS,
    LEMMA_OF_3SG,
    LEMMA_OF_GERUND,
    LEMMA_OF_PAST,
    VERBS,
    third_person,
)
from agent.rewrite.units import UNITS

_NUM = r"\d+(?:\.\d+)?(?:/\d+)?"
_UNIT_FORMS = "|".join(sorted({f for u in UNITS.values() for f in (u.singular, u.plural)}, key=len, reverse=True))
_QTY = rf"{_NUM}(?:\s(?:square\s|cubic\s)?(?:{_UNIT_FORMS}))?"
_ADJ = "|".join(ATTRIBUTE_OF_ADJECTIVE)

_PROGRESSIVE = re.compile(r"\b(is|are)\s+([a-z]+ing)\b")
_MODAL = re.compile(r"\b(can|could|will|would|may|might|should)\s+([a-z]+)\b")
_ALONE = re.compile(r"^(?:working\s+alone|alone|on\s+(?:his|her|their|its)\s+own),\s*", re.I)
_MEASURED = re.compile(rf"^(.+?)\s+(?:is|are|measures)\s+((?:{_QTY}\s(?:{_ADJ})(?:,\s|\s(?:and\s)?|,\s(?:and\s)?)?)+)[.!]$")
_MEASURE_PAIR = re.compile(rf"({_QTY})\s({_ADJ})\b")
_PLACE = re.compile(r"^(?:place|put|lean|rest|stand|set|prop)\s+(.+?)\s+(against|on)\s+(.+)$", re.I)
_REACH = re.compile(rf"\breach(es)?\s+({_QTY})(?:\s+(?:up|on|high\s+on|up\s+on)\s+(the\s+[a-z]+)|\s+(?:up|high)\b)?")


def normalize_fact(sentence: Sentence) -> list[Sentence]:
    """The sentence in canonical-pattern form (several sentences for a measured list)."""
    text = sentence.text
    if text.endswith("?"):
        return [sentence]
    text = _ALONE.sub("", text)
    text = re.sub(r"(?<=[a-z]) alone\b", "", text)
    text = text[:1].upper() + text[1:]
    text = _PROGRESSIVE.sub(_simple_present, text)
    text = _present_tense(text)
    text = _MODAL.sub(lambda m: _finite(m, text), text)
    text = _placement(text)
    text = _leaning(text)
    text = _BARE_DURATION.sub(r"\1 for \2", text)
    text = _top_height(text)
    text = _REACH.sub(_reach, text)
    text = _LIST_COMMA.sub(r" and \1", text)
    text = _PLURAL_ATTRIBUTE.sub(lambda m: f"has {_article(ATTRIBUTE_SYNONYMS.get(m.group(1), m.group(1).rstrip('s')))} of", text)
    text = _owner_first(text)
    text = _BASE_RADIUS.sub(r"The \1 has a \2 of", text)
    text = _THERE_IN.sub(lambda m: f"{m.group(3).capitalize()} {m.group(4)} has {m.group(1)} {m.group(2)}.", text)
    measured = _MEASURED.match(text)
    if measured:
        subject, pairs = measured.groups()
        return [
            sentence.with_text(f"{subject} has {_article(ATTRIBUTE_OF_ADJECTIVE[adj])} of {qty}.")
            for qty, adj in _MEASURE_PAIR.findall(pairs)
        ]
    return [sentence.with_text(text)]


# `has a height of 3 m, a width of 2 m and ...`: ACE coordinates with `and`, never a comma.
_LIST_COMMA = re.compile(rf",\s+(an?\s+[a-z]+\s+of\s+{_QTY})(?=\s+and\b|,)")
# `A cube has edges of 4 feet.`: one value for all of them is one attribute.
_PLURAL_ATTRIBUTE = re.compile(r"\bhas\s+(edges|sides|legs)\s+of\b")
# `There are 60 beads in a jar.` -> `A jar has 60 beads.`
_THERE_IN = re.compile(rf"^There\s+(?:are|is)\s+({_NUM})\s+([a-z]+(?:\s[a-z]+)?)\s+(?:in|on|inside)\s+(a|an)\s+([a-z]+)\.$")
# The radius of a cylinder's (cone's) base is the cylinder's radius.
_BASE_RADIUS = re.compile(r"^The\s+base\s+of\s+the\s+(cylinder|cone)\s+has\s+an?\s+(radius|diameter)\s+of")
_OF_INDEFINITE = re.compile(r"^(?:The|Each|Every|A|An|One)\s+((?:first\s|second\s)?[a-z]+)\s+of\s+(an?\s+(?:[a-z]+\s)?[a-z]+)\s+(?:is|are|measures)\s+(.+)\.$")
_MEASURES = re.compile(rf"^(.+?)\s+measures\s+({_QTY})\.$")
_OF_DEFINITE = re.compile(rf"^The\s+([a-z]+)\s+of\s+(the\s+(?:[a-z]+\s)?[a-z]+)\s+is\s+({_QTY})\.$")
_BY = re.compile(rf"^(.+?)\s+(?:measures|is)\s+({_NUM})(?:\s((?:square\s|cubic\s)?(?:{_UNIT_FORMS})))?\s+by\s+({_NUM})(?:\s((?:square\s|cubic\s)?(?:{_UNIT_FORMS})))?(?:\s+by\s+({_NUM})(?:\s((?:square\s|cubic\s)?(?:{_UNIT_FORMS})))?)?\.$")


def _owner_first(text: str) -> str:
    """`The radius of a circle is 5 meters.` -> `A circle has a radius of 5 meters.`

    An of-phrase that introduces its owner says the owner has the attribute; the
    canonical form introduces the owner as the subject (P1/P5).
    """
    measures = _MEASURES.match(text)
    if measures is not None and " of " in measures.group(1):  # `The leg of X measures 5 feet.`
        text = f"{measures.group(1)} is {measures.group(2)}."
    m = _OF_INDEFINITE.match(text)
    if m is not None and re.match(rf"^{_QTY}$", m.group(3)):
        attribute, owner, value = m.groups()
        attribute = ATTRIBUTE_SYNONYMS.get(attribute, attribute)
        return f"{owner[:1].upper()}{owner[1:]} has {_article(attribute)} of {value}."
    by = _BY.match(text)
    if by is not None:
        return _dimensions(by)
    definite = _OF_DEFINITE.match(text)
    if definite is not None:
        attribute, owner, value = definite.groups()
        return f"{owner[:1].upper()}{owner[1:]} has {_article(attribute)} of {value}."
    return text


def _dimensions(m: re.Match[str]) -> str:
    """`A room measures 5 meters by 3 meters.` -> length and width (and height for a third)."""
    subject = m.group(1)
    values = [(m.group(i), m.group(i + 1)) for i in (2, 4, 6) if m.group(i)]
    last_unit = next((u for _, u in reversed(values) if u), None)
    names = ["length", "width", "height"]
    parts = [f"a {name} of {value}{' ' + (unit or last_unit) if (unit or last_unit) else ''}" for name, (value, unit) in zip(names, values, strict=False)]
    return f"{subject} has {' and '.join(parts)}."


_AUXILIARY_BEFORE = {"is", "are", "was", "were", "has", "have", "had", "be", "been", "being", "a", "an", "the"}


def _present_tense(text: str) -> str:
    """`Bob had 136 dollars. Bob spent ...` -> `has`, `spends`: ACE states facts in the present."""
    words = text.split()
    for i, word in enumerate(words):
        bare = word.strip(",.;")
        lemma = LEMMA_OF_PAST.get(bare)
        if lemma is None or i == 0 or words[i - 1].lower() in _AUXILIARY_BEFORE or bare in LEMMA_OF_3SG:
            continue
        if bare == lemma:  # `put`, `cost`, `read`: past and present look alike
            continue
        subject = " ".join(words[:i])
        plural = " and " in subject or subject.lower() in ("they", "we", "you")
        words[i] = word.replace(bare, lemma if plural else third_person(lemma))
        break  # the main verb only
    return " ".join(words)


def _simple_present(m: re.Match[str]) -> str:
    lemma = LEMMA_OF_GERUND.get(m.group(2))
    if lemma is None:
        return m.group(0)
    return third_person(lemma) if m.group(1) == "is" else lemma


def _finite(m: re.Match[str], text: str) -> str:
    lemma = m.group(2)
    if lemma not in VERBS:
        return m.group(0)
    subject = text[: m.start()]
    plural = " and " in subject or subject.strip().lower() in ("they", "we", "you")
    return lemma if plural else third_person(lemma)


def _placement(text: str) -> str:
    """`Place a ladder against a wall.` -> `A ladder leans against a wall.`"""
    m = _PLACE.match(text)
    if m is None:
        return text
    thing, preposition, place = m.groups()
    verb = "leans" if preposition == "against" else "stands"
    return f"{thing[:1].upper()}{thing[1:]} {verb} {preposition} {place}"


# What a ladder, plank or pole can lean against: something upright.
_UPRIGHT = r"(?:wall|fence|building|house|tree|pole|post|tower|cliff|barn|shed)"
_LEANING = re.compile(rf"\b(rests|leans|stands|sits|is\s+(?:propped|placed|set|put|leaning|resting|standing))\s+(?:up\s+)?(?:against|on)\s+((?:a|an|the)\s+{_UPRIGHT})\b")
# `The top of the ladder is 20 feet above the ground.` / `... touches the wall at a height of 20 feet.`
_TOP_ABOVE = re.compile(rf"^The\s+top\s+of\s+(the\s+[a-z]+)\s+is\s+({_QTY})\s+(?:above|off|from)\s+the\s+(?:ground|floor)\.$")
_TOP_TOUCHES = re.compile(rf"^The\s+top\s+of\s+(the\s+[a-z]+)\s+(?:touches|meets|reaches|hits)\s+(the\s+{_UPRIGHT})\s+at\s+a\s+height\s+of\s+({_QTY})\.$")


# `Tom reads in 6 days.`: with no object to finish, `in` a time is how long the action lasts.
_BARE_DURATION = re.compile(rf"^((?:(?:The|A|An)\s+[a-z]+|[A-Z][a-z]+)\s+[a-z]+s)\s+in\s+({_NUM}\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))\.$")


def _leaning(text: str) -> str:
    """`rests on a wall`, `stands against the fence` -> `leans against ...`: a thing propped on
    something upright leans against it, the one relation ACE states for it."""
    return _LEANING.sub(r"leans against \2", text)


def _top_height(text: str) -> str:
    """The height of a leaning thing's top is the height it reaches: `The top of the ladder is
    20 feet above the ground.` -> `The ladder reaches a height of 20 feet.` (on its support,
    added by `supports`); `... touches the wall at a height of 20 feet.` -> `... on the wall.`"""
    above = _TOP_ABOVE.match(text)
    if above is not None:
        return f"{above.group(1).capitalize()} reaches a height of {above.group(2)}."
    touches = _TOP_TOUCHES.match(text)
    if touches is not None:
        return f"{touches.group(1).capitalize()} reaches a height of {touches.group(3)} on {touches.group(2)}."
    return text


def _reach(m: re.Match[str]) -> str:
    place = f" on {m.group(3)}" if m.group(3) else ""
    return f"reach{m.group(1) or ''} a height of {m.group(2)}{place}"


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


_LEANS = re.compile(r"^(?:The|A|An)\s+(.+?)\s+(?:leans|rests|stands)\s+(?:against|on)\s+(?:a|an|the)\s+([a-z]+)\.$")
_BARE_REACH = re.compile(r"^(The\s+(.+?)\s+reaches\s+a\s+height\s+of\s+[^.]+?)\.$")


_BARE_ATTRIBUTE = re.compile(rf"^(?:A|An|The)\s+((?:other\s+)?(?:leg|side|hypotenuse|radius|diameter|base|height|width|length))\s+is\s+({_QTY})\.$")
_HAS = re.compile(r"^(?:A|An|The)\s+((?:right\s+)?[a-z]+)\s+has\s+an?\s+[a-z]+\s+of\b")


def implicit_owners(sentences: list[str]) -> list[str]:
    """`A leg is 21 centimeters.` after `A right triangle has a hypotenuse of ...` says the
    triangle has that leg: a part without an owner belongs to the one thing described."""
    owners: list[str] = []
    out = []
    for text in sentences:
        has = _HAS.match(text)
        if has:
            owners.append(has.group(1))
        bare = _BARE_ATTRIBUTE.match(text)
        if bare and len(set(owners)) == 1:
            text = f"The {owners[0]} has {_article(bare.group(1))} of {bare.group(2)}."
        out.append(text)
    return out


def supports(sentences: list[str]) -> list[str]:
    """`The ladder reaches a height of 12 feet.` gets `on the wall` when the ladder leans on a wall.

    A height reached is measured on what the thing leans against; saying so is the
    canonical form (`reaches a height of 12 feet on the wall`).
    """
    support: dict[str, str] = {}
    out = []
    for text in sentences:
        leaning = _LEANS.match(text)
        if leaning:
            support[leaning.group(1)] = leaning.group(2)
        bare = _BARE_REACH.match(text)
        if bare and bare.group(2) in support and " on " not in bare.group(1):
            text = f"{bare.group(1)} on the {support[bare.group(2)]}."
        out.append(text)
    return out
