"""Pass `quantities`: percentages, changes and unit conversions in the canonical shapes.

- `Liam takes 30 percent of the beads.` -> `Liam takes a share of the beads. The share is
  30 percent.` (a percentage of a collection is a share of it).
- `The price falls by 15 percent.` / `It rises by 50%.` -> `The price of the car decreases
  by 15 percent.` (changes are `increase`/`decrease`, and they change an attribute).
- `What is the length of the board in inches?` when the length is given in feet ->
  `1 foot is 12 inches. How many inches does the board measure?` (the conversion factor is
  stated, so the problem is self-contained).
"""

from __future__ import annotations

import re
from fractions import Fraction

_NUM = r"\d+(?:\.\d+)?(?:/\d+)?"
_SHARE = re.compile(rf"^(.+?)\s+(takes|gets|eats|uses|spends|sells|gives|keeps|loses|saves)\s+({_NUM})(\s+percent)?\s+of\s+(?:the\s+)?([a-z]+)(.*?)\.$")
_CHANGE_VERBS = {"falls": "decreases", "drops": "decreases", "decreases": "decreases", "goes down": "decreases",
                 "rises": "increases", "grows": "increases", "increases": "increases", "goes up": "increases"}  # fmt: skip
_CHANGE = re.compile(rf"^(The\s+[a-z]+(?:\s+of\s+the\s+[a-z]+)?)\s+({'|'.join(_CHANGE_VERBS)})\s+by\s+({_NUM}\s+percent)(?:\s+from\s+[^.]+)?\.$")
_HAS_ATTRIBUTE = re.compile(r"\b(?:A|An|The)\s+([a-z]+)\s+has\s+an?\s+([a-z]+)\s+of\b")

# Conversion factors: 1 big unit is N small units (general knowledge, stated in the ACE).
CONVERSIONS: dict[tuple[str, str], Fraction] = {
    ("foot", "inch"): Fraction(12), ("yard", "foot"): Fraction(3), ("mile", "foot"): Fraction(5280),
    ("yard", "inch"): Fraction(36), ("kilometer", "meter"): Fraction(1000), ("meter", "centimeter"): Fraction(100),
    ("meter", "millimeter"): Fraction(1000), ("centimeter", "millimeter"): Fraction(10),
    ("hour", "minute"): Fraction(60), ("minute", "second"): Fraction(60), ("hour", "second"): Fraction(3600),
    ("day", "hour"): Fraction(24), ("week", "day"): Fraction(7),
    ("pound", "ounce"): Fraction(16), ("kilogram", "gram"): Fraction(1000), ("gram", "milligram"): Fraction(1000),
    ("liter", "milliliter"): Fraction(1000), ("gallon", "quart"): Fraction(4),
    ("dollar", "cent"): Fraction(100),
}  # fmt: skip
VERB_OF_ATTRIBUTE = {"length": "measure", "height": "measure", "width": "measure", "distance": "measure",
                     "mass": "weigh", "weight": "weigh", "duration": "last", "area": "cover", "volume": "hold"}  # fmt: skip
ATTRIBUTE_OF_VERB = {"lasts": "duration", "measures": "length", "weighs": "mass", "covers": "area"}
_MEASURED_BY_VERB = re.compile(rf"^((?:A|An|The)\s+[a-z]+)\s+(lasts|measures|weighs|covers)\s+({_NUM}\s+(?:square\s+|cubic\s+)?[a-z]+)\.$")
_CONVERT_THIS = re.compile(r"^(?:Convert|Express|Change) (?:this|it|that) (?:to|in|into) ((?:square |cubic )?[a-z]+)[.?!]$")
_IN_UNIT = re.compile(r"^What is the ([a-z]+) of (the [a-z]+) in ((?:square |cubic )?[a-z]+)\?$")
_EXPRESS = re.compile(r"^(?:Express|Convert|Give|Write) (?:this|the) ([a-z]+)(?: of (the [a-z]+))? (?:in|to|into) ((?:square |cubic )?[a-z]+)[.?!]$")


def share_of(text: str) -> list[str]:
    """`X takes 30 percent of the beads.` -> the share, then its size."""
    m = _SHARE.match(text)
    if m is None:
        return [text]
    subject, verb, amount, percent, noun, rest = m.groups()
    if not percent and "/" not in amount:
        return [text]  # `gives 3 of the apples` is a count, not a share
    size = f"{amount} percent" if percent else amount
    return [f"{subject} {verb} a share of the {noun}{rest}.", f"The share is {size}."]


_SHARE_OF_AMOUNT = re.compile(rf"^(.+?)\s+(spends|gives|uses|saves|loses)\s+({_NUM})(\s+percent)?\s+of\s+({_NUM})\s+(dollars|euros)(.*?)\.$")


_CHANGE_FROM = re.compile(rf"^The\s+([a-z]+)\s+of\s+(an?)\s+([a-z]+)\s+(increases|decreases)\s+by\s+({_NUM}\s+percent)\s+from\s+({_NUM}\s+[a-z]+)\.$")
_ON_SALE = re.compile(rf"^(The\s+[a-z]+)\s+is\s+(?:on\s+sale\s+)?(?:at\s+)?({_NUM}\s+percent)\s+off\.$")
_PART_IN = re.compile(rf"^(.+?)\s+(takes|gets|eats|uses|sells)\s+({_NUM})\s+percent\s+of\s+the\s+({_NUM})\s+([a-z]+)\s+(?:in|from|on)\s+(an?)\s+([a-z]+)\.$")
_CONTAINER_OF = re.compile(rf"\s+from\s+(an?)\s+([a-z]+)\s+of\s+({_NUM})\s+([a-z]+)")


def stated_changes(text: str) -> list[str]:
    """`The rent of a house increases by 5 percent from 900 dollars.` -> the rent, then the change;
    `The chair is on sale at 10 percent off.` -> a shop gives that discount on the chair;
    `Paul takes 40 percent of the 100 coins in a jar.` -> the jar has them, Paul takes a share."""
    m = _CHANGE_FROM.match(text)
    if m is not None:
        attribute, article, owner, verb, amount, start = m.groups()
        return [f"{article.capitalize()} {owner} has {'an' if attribute[0] in 'aeiou' else 'a'} {attribute} of {start}.",
                f"The {attribute} of the {owner} {verb} by {amount}."]
    sale = _ON_SALE.match(text)
    if sale is not None:
        return [f"A shop gives a discount of {sale.group(2)} on {sale.group(1)[0].lower()}{sale.group(1)[1:]}."]
    part = _PART_IN.match(text)
    if part is not None:
        who, verb, percent, total, noun, article, holder = part.groups()
        return [f"{article.capitalize()} {holder} has {total} {noun}.", f"{who} {verb} a share of the {noun}.", f"The share is {percent} percent."]
    container = _CONTAINER_OF.search(text)
    if container is not None and text.endswith("?"):
        article, holder, total, noun = container.groups()
        return [f"{article.capitalize()} {holder} has {total} {noun}.", text[: container.start()] + text[container.end() :]]
    return [text]


# `What is 25 percent of the area of the triangle?`: a percentage of a quantity is a share of it.
_PERCENT_OF_QUESTION = re.compile(
    rf"^(?:What is|Find|Calculate|Compute|Determine|How many (?:square |cubic )?[a-z]+ (?:is|are)) ({_NUM}) percent of (the [a-z]+(?: of the [a-z]+)?)[?.]$"
)


def share_of_amount(text: str) -> list[str]:
    """`Maya spends 7/8 of 240 dollars on a toy.` -> she has the money, and spends a share of it;
    `What is 25 percent of the area of the triangle?` -> the share of the area, asked."""
    asked = _PERCENT_OF_QUESTION.match(text)
    if asked is not None:
        share = f"A share of {asked.group(2)} is {asked.group(1)} percent."
        return [share, "What is the share?"]
    m = _SHARE_OF_AMOUNT.match(text)
    if m is None:
        return share_of(text)
    subject, verb, amount, percent, total, currency, rest = m.groups()
    size = f"{amount} percent" if percent else amount
    return [f"{subject} has {total} {currency}.", f"{subject} {verb} a share of the money{rest}.", f"The share is {size}."]


_COSTS = re.compile(rf"^((?:A|An)\s+[a-z]+)\s+costs\s+({_NUM}\s+dollars)\.$")
_NOMINAL_CHANGE = re.compile(rf"^(?:A|An|The)\s+(increase|decrease|rise|fall|drop|reduction)\s+of\s+({_NUM}\s+percent)\.$")
_DISCOUNT = re.compile(rf"^((?:A|The)\s+(?:shop|store|seller))\s+gives\s+a\s+discount\s+of\s+({_NUM}\s+percent)\.$")
_ASKS_ATTRIBUTE = re.compile(r"^What is the ([a-z]+) of the ([a-z]+)\?$")
_AFTER_CHANGE = re.compile(r"^(?:What is|Find) the (?:([a-z]+) after the change|(sale|new|final) (price|[a-z]+))[.?]$")


def changes(sentences: list[str]) -> list[str]:
    """`The car falls by 15 percent.` -> `The price of the car decreases by 15 percent.`;
    `After an increase of 5 percent` -> `The price of the car increases by 5 percent.`;
    a discount is on the one priced thing; after a change, the question asks for the new value."""
    attributes: dict[str, str] = {}
    changed = False
    out = []
    if any("discount" in s for s in sentences):  # a price that is discounted is the thing's price
        sentences = [_COSTS.sub(r"\1 has a price of \2.", s) for s in sentences]
        changed = True
    for text in sentences:
        for owner, attribute in _HAS_ATTRIBUTE.findall(text):
            attributes[owner] = attribute
        nominal = _NOMINAL_CHANGE.match(text)
        if nominal is not None and len(attributes) == 1:
            (owner, attribute), = attributes.items()
            verb = "increases" if nominal.group(1) in ("increase", "rise") else "decreases"
            text = f"The {attribute} of the {owner} {verb} by {nominal.group(2)}."
        discount = _DISCOUNT.match(text)
        priced = [o for o, a in attributes.items() if a in ("price", "cost")]
        if discount is not None and len(priced) == 1:
            text = f"{discount.group(1)} gives a discount of {discount.group(2)} on the {priced[0]}."
            changed = True
        after = _AFTER_CHANGE.match(text)
        if after is not None and changed:
            attribute = after.group(1) or after.group(3)
            owners = [o for o, a in attributes.items() if a == attribute]
            if len(owners) == 1:
                text = f"What is the new {attribute} of the {owners[0]}?"
        asked = _ASKS_ATTRIBUTE.match(text)
        if asked is not None and changed and attributes.get(asked.group(2)) == asked.group(1):
            text = f"What is the new {asked.group(1)} of the {asked.group(2)}?"
        m = _CHANGE.match(text)
        if m is not None:
            subject, verb, amount = m.groups()
            owner = subject.split()[-1]
            if " of " not in subject and owner in attributes:
                subject = f"The {attributes[owner]} of the {owner}"
            text = f"{subject} {_CHANGE_VERBS[verb]} by {amount}."
            changed = True
        out.append(text)
    return out


def conversions(text: str, context: str) -> list[str]:
    """A question for an attribute in another unit than given gets the conversion fact."""
    measured = _MEASURED_BY_VERB.match(text)
    if measured is not None:  # `A movie lasts 22 hours.` -> `A movie has a duration of 22 hours.`
        owner, verb, quantity = measured.groups()
        attribute = ATTRIBUTE_OF_VERB[verb]
        return [f"{owner} has {'an' if attribute[0] in 'aeiou' else 'a'} {attribute} of {quantity}."]
    this = _CONVERT_THIS.match(text)
    if this is not None:
        facts = [conversions(s, "")[0] for s in re.split(r"(?<=[.?!])\s+", context) if _MEASURED_BY_VERB.match(s)]
        context = " ".join(facts) + " " + context
        owners = re.findall(r"\b(?:A|An|The)\s+([a-z]+)\s+has\s+an?\s+([a-z]+)\s+of\b", context)
        if len(set(owners)) == 1:
            owner, attribute = owners[0]
            text = f"What is the {attribute} of the {owner} in {this.group(1)}?"
    express = _EXPRESS.match(text)
    if express is not None:
        attribute, owner, unit = express.groups()
        owner = owner or _owner_of(attribute, context)
        if owner:
            text = f"What is the {attribute} of {owner} in {unit}?"
    m = _IN_UNIT.match(text)
    if m is not None:
        converted = _convert(m.group(1), m.group(2), m.group(3), context)
        if converted is not None:
            return converted
    return [text]


def _derived(attribute: str, owner: str, target: str, target_unit, context: str) -> list[str] | None:  # noqa: ANN001
    """An area or volume computed from lengths, asked in square/cubic units or liters."""
    from agent.rewrite.units import unit_for

    length = re.search(rf"\bhas an? (?:length|width|height|side|radius|base) of {_NUM} ([a-z]+)", context)
    verb = VERB_OF_ATTRIBUTE.get(attribute)
    source = unit_for(length.group(1)) if length else None
    if source is None or verb is None:
        return None
    if target_unit.singular == "liter" and source.singular == "centimeter":
        return ["1 liter is 1000 cubic centimeters.", f"How many {target} does {owner} {verb}?"]
    power = {"square": 2, "cubic": 3}.get(target.split()[0])
    pair = (source.singular, target_unit.singular)
    if power is None or (pair not in CONVERSIONS and pair[::-1] not in CONVERSIONS):
        return None
    big, small = pair if pair in CONVERSIONS else pair[::-1]
    factor = CONVERSIONS[(big, small)] ** power
    prefix = target.split()[0]
    small_plural = unit_for(small).plural
    return [f"1 {prefix} {big} is {factor} {prefix} {small_plural}.", f"How many {target} does {owner} {verb}?"]


def _owner_of(attribute: str, context: str) -> str | None:
    owners = {o for o, a in _HAS_ATTRIBUTE.findall(context) if a == attribute}
    return f"the {owners.pop()}" if len(owners) == 1 else None


def _convert(attribute: str, owner: str, target: str, context: str) -> list[str] | None:
    from agent.rewrite.units import unit_for

    given = re.search(rf"\bhas an? {attribute} of {_NUM} ((?:square |cubic )?[a-z]+)", context)
    target_unit = unit_for(target.split()[-1])
    if given is None and target_unit is not None:
        return _derived(attribute, owner, target, target_unit, context)
    if given is None or target_unit is None:
        return None
    source_unit = unit_for(given.group(1).split()[-1])
    power = {"square": 2, "cubic": 3}.get(target.split()[0], 1)
    if source_unit is None or source_unit == target_unit:
        return None
    pair = (source_unit.singular, target_unit.singular)
    factor_pair = pair if pair in CONVERSIONS else (pair[1], pair[0])
    if factor_pair not in CONVERSIONS:
        return None
    big, small = factor_pair
    factor = CONVERSIONS[factor_pair] ** power
    prefix = {2: "square ", 3: "cubic "}.get(power, "")
    verb = VERB_OF_ATTRIBUTE.get(attribute)
    if verb is None:
        return None
    small_unit = unit_for(small)
    value = str(factor.numerator) if factor.denominator == 1 else f"{factor.numerator}/{factor.denominator}"
    fact = f"1 {prefix}{big} is {value} {prefix}{small_unit.plural if factor != 1 else small}."
    return [fact, f"How many {target} does {owner} {verb}?"]
