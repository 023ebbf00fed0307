"""The unit lexicon and pass `units`: abbreviations and symbols become ACE's unit words.

`13 ft`, `60 km/h`, `$12.50`, `15%`, `2 hrs` become `13 feet`, `60 kilometers per hour`,
`12.50 dollars`, `15 percent`, `2 hours`. An abbreviation is expanded only right after a
number, because `in`, `m`, `s` and `min` are also ordinary words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """A unit word: singular and plural forms and the attribute noun it measures."""

    singular: str
    plural: str
    dimension: str  # the noun for a measure in this unit: `a length of 13 feet`


_LENGTH, _TIME, _MASS, _VOLUME, _MONEY = "length", "time", "weight", "volume", "price"
UNITS: dict[str, Unit] = {
    u.singular: u
    for u in [
        Unit("foot", "feet", _LENGTH), Unit("inch", "inches", _LENGTH), Unit("yard", "yards", _LENGTH),
        Unit("mile", "miles", _LENGTH), Unit("meter", "meters", _LENGTH),
        Unit("centimeter", "centimeters", _LENGTH), Unit("millimeter", "millimeters", _LENGTH),
        Unit("kilometer", "kilometers", _LENGTH),
        Unit("second", "seconds", _TIME), Unit("minute", "minutes", _TIME), Unit("hour", "hours", _TIME),
        Unit("day", "days", _TIME), Unit("week", "weeks", _TIME), Unit("month", "months", _TIME),
        Unit("year", "years", _TIME),
        Unit("gram", "grams", _MASS), Unit("kilogram", "kilograms", _MASS),
        Unit("milligram", "milligrams", _MASS), Unit("pound", "pounds", _MASS),
        Unit("ounce", "ounces", _MASS), Unit("ton", "tons", _MASS), Unit("tonne", "tonnes", _MASS),
        Unit("liter", "liters", _VOLUME), Unit("milliliter", "milliliters", _VOLUME),
        Unit("gallon", "gallons", _VOLUME), Unit("quart", "quarts", _VOLUME), Unit("pint", "pints", _VOLUME),
        Unit("cup", "cups", _VOLUME),
        Unit("dollar", "dollars", _MONEY), Unit("cent", "cents", _MONEY), Unit("euro", "euros", _MONEY),
        Unit("percent", "percent", "rate"), Unit("degree", "degrees", "angle"),
    ]
}  # fmt: skip
_BY_FORM = {form: unit for unit in UNITS.values() for form in (unit.singular, unit.plural)}
_BRITISH = {"metre": "meter", "litre": "liter", "kilometre": "kilometer", "centimetre": "centimeter",
            "millimetre": "millimeter", "millilitre": "milliliter"}  # fmt: skip

# Abbreviations that follow a number, longest first; `in` only before punctuation or the end.
ABBREVIATIONS = {
    "ft": "foot", "feet": "foot", "'": "foot", "in": "inch", '"': "inch", "yd": "yard",
    "yds": "yard", "mi": "mile", "m": "meter", "cm": "centimeter", "mm": "millimeter",
    "km": "kilometer", "s": "second", "sec": "second", "secs": "second", "min": "minute",
    "mins": "minute", "h": "hour", "hr": "hour", "hrs": "hour", "d": "day", "wk": "week",
    "wks": "week", "yr": "year", "yrs": "year", "g": "gram", "kg": "kilogram", "mg": "milligram",
    "lb": "pound", "lbs": "pound", "oz": "ounce", "l": "liter", "L": "liter", "ml": "milliliter",
    "mL": "milliliter", "gal": "gallon", "qt": "quart", "pt": "pint", "c": "cent",
}  # fmt: skip
SPEEDS = {"mph": ("mile", "hour"), "kph": ("kilometer", "hour"), "kmh": ("kilometer", "hour"),
          "fps": ("foot", "second")}  # fmt: skip
POWERS = {"2": "square", "3": "cubic"}

_NUM = r"(?<![\w.])(\d+(?:\.\d+)?(?:/\d+)?)"
_ABBREV = "|".join(sorted((re.escape(a) for a in ABBREVIATIONS if a not in ("'", '"')), key=len, reverse=True))
_MONEY_SYMBOL = re.compile(r"([$€£¢])\s?(\d+(?:\.\d+)?)(?:\s(million|billion|thousand)\b)?")
_CENTS_SUFFIX = re.compile(_NUM + r"\s?¢")
_PERCENT = re.compile(_NUM + r"\s?(?:%|per\s?cent\b|pct\b)", re.IGNORECASE)
_RATIO = re.compile(_NUM + rf"\s?({_ABBREV}|[a-z]+)\s?/\s?({_ABBREV}|[a-z]+)\b")
_SPEED = re.compile(_NUM + r"\s?(" + "|".join(SPEEDS) + r")\b", re.IGNORECASE)
_POWER = re.compile(_NUM + rf"[\s-]?(?:(sq\.?|square|cu\.?|cubic)\s)?({_ABBREV}|[a-z]+)(?:(?:\^|\*\*)?([23]))?\b")
# `13 ft. ladder`: the abbreviation's dot is not a sentence end.
_ABBREV_DOT = re.compile(rf"(?<=\d )({_ABBREV})\.(?=\s+[a-z])")
_FEET_INCHES = re.compile(_NUM + r"\s?'\s?(\d+(?:\.\d+)?)\s?\"")
_PRIME = re.compile(_NUM + r"\s?(['\"])(?=\s|[,.;?!]|$)")


def unit_for(word: str) -> Unit | None:
    """The unit a word names (`feet`, `Meters`, `metre`, `ft`), or None."""
    lower = word.lower()
    lower = _BRITISH.get(lower, _BRITISH.get(lower.rstrip("s"), lower))
    if lower in _BY_FORM:
        return _BY_FORM[lower]
    name = ABBREVIATIONS.get(word) or ABBREVIATIONS.get(lower)
    return UNITS[name] if name else None


def time_unit(context: str) -> str | None:
    """The first time unit (in UNITS order) that `context` mentions, as a plural (`hours`),
    for `How long ...?`; None when it mentions none."""
    for unit in UNITS.values():
        if unit.dimension == "time" and re.search(rf"\b(?:{unit.singular}|{unit.plural})\b", context):
            return unit.plural
    return None


def plural_unit(word: str) -> str:
    """`hours` for `hour` or `hours`; a word that names no unit comes back as it is."""
    for unit in UNITS.values():
        if word in (unit.singular, unit.plural):
            return unit.plural
    return word



def unit_phrase(value: str, unit: Unit) -> str:
    """`13 feet`, `1 foot`: the form agrees with the number."""
    return f"{value} {unit.singular if value == '1' else unit.plural}"


def expand_units(text: str) -> str:
    """Return `text` with unit abbreviations and symbols after numbers spelled out."""
    text = _MONEY_SYMBOL.sub(_money, text)
    text = _ABBREV_DOT.sub(r"\1", text)
    text = _CENTS_SUFFIX.sub(lambda m: unit_phrase(m.group(1), UNITS["cent"]), text)
    text = _PERCENT.sub(lambda m: f"{m.group(1)} percent", text)
    text = _FEET_INCHES.sub(lambda m: f"{m.group(1)} feet and {m.group(2)} inches", text)
    text = _PRIME.sub(lambda m: unit_phrase(m.group(1), UNITS["foot" if m.group(2) == "'" else "inch"]), text)
    text = _SPEED.sub(_speed, text)
    text = _RATIO.sub(_ratio, text)
    text = _POWER.sub(_power, text)
    return re.sub(r"\b(\d+(?:\.\d+)?) (?:an?|each|every) (hour|minute|second|day|week|year|month)\b",
                  r"\1 per \2", _per_article(text))


def _per_article(text: str) -> str:
    """`60 miles an hour` -> `60 miles per hour`."""
    plurals = "|".join(u.plural for u in UNITS.values() if u.plural != u.singular)
    return re.sub(rf"\b({plurals}|dollars?|cents?) (?:an?|each|every) (hour|minute|second|day|week|month|year|pound|kilogram|gallon|liter|mile|kilometer)\b",
                  r"\1 per \2", text)


def _money(match: re.Match[str]) -> str:
    symbol, amount, scale = match.groups()
    name = {"$": "dollar", "€": "euro", "£": "pound", "¢": "cent"}[symbol]
    if scale:
        amount = _scaled(amount, scale)
    return unit_phrase(amount, UNITS[name])


def _scaled(amount: str, scale: str) -> str:
    from fractions import Fraction

    factor = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}[scale.lower()]
    value = Fraction(amount) * factor
    return str(value.numerator) if value.denominator == 1 else amount + " " + scale


def _speed(match: re.Match[str]) -> str:
    distance, time = SPEEDS[match.group(2).lower()]
    return f"{unit_phrase(match.group(1), UNITS[distance])} per {time}"


def _ratio(match: re.Match[str]) -> str:
    value, top, bottom = match.groups()
    top_unit, bottom_unit = unit_for(top), unit_for(bottom)
    if top_unit is None or bottom_unit is None:
        return match.group(0)
    return f"{unit_phrase(value, top_unit)} per {bottom_unit.singular}"


def _power(match: re.Match[str]) -> str:
    value, prefix, word, power = match.groups()
    unit = unit_for(word)
    if unit is None or (unit.singular == "inch" and word == "in" and not _ends_clause(match)):
        return match.group(0)
    if prefix:
        power = "2" if prefix.lower().startswith("s") else "3"
    phrase = unit_phrase(value, unit)
    if power:
        phrase = f"{value} {POWERS[power]} {unit.singular if value == '1' else unit.plural}"
    return phrase


def _ends_clause(match: re.Match[str]) -> bool:
    rest = match.string[match.end() :].lstrip()
    follows = ("and ", "by ", "or ", "long", "tall", "wide", "high", "deep", "thick", "with ")
    return not rest or rest[0] in ",.;?!" or rest.startswith(follows)
