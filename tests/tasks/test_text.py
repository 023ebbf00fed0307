"""The surface helpers: number words, ACE numbers, program literals, plurals, exact answers."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import sympy
from case_tables import per_function

from tasks.families.base import exact_answer
from tasks.families.text import (
    Speaker,
    ace_num,
    fix_agreement,
    fix_articles,
    lit,
    money,
    plural,
    words,
)
from tasks.schema import AnswerKind


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "zero"), (13, "thirteen"), (40, "forty"), (42, "forty-two"), (105, "one hundred five"), (999, "nine hundred ninety-nine")],
)
def test_words(n, expected):
    assert words(n) == expected


def test_words_rejects_out_of_range():
    with pytest.raises(ValueError, match="0..999"):
        words(1000)


def test_ace_numbers_and_literals():
    assert ace_num(13) == "13"
    assert ace_num(Fraction(5, 2)) == "2.5"
    assert ace_num(Fraction(1, 3)) == "1/3"
    assert ace_num(Fraction(-3, 4)) == "-0.75"
    assert lit(Fraction(5, 2)) == "Rational('2.5')"
    assert lit(Fraction(1, 3)) == "Rational('1/3')"
    assert lit(Fraction(8, 1)) == "8"
    assert money(Fraction(5, 2)) == "$2.50" and money(12) == "$12"


def test_plural():
    assert plural("foot", 2) == "feet" and plural("foot", 1) == "foot"
    assert plural("box", 3) == "boxes" and plural("candy", 2) == "candies"
    assert plural("square meter", 9) == "square meters"


def test_exact_answer_kinds():
    assert exact_answer(5) == ("5", AnswerKind.integer)
    assert exact_answer(Fraction(6, 3)) == ("2", AnswerKind.integer)
    assert exact_answer(Fraction(3, 8)) == ("3/8", AnswerKind.rational)
    assert exact_answer(9 * sympy.pi) == ("9*pi", AnswerKind.real)
    assert exact_answer(sympy.sqrt(50)) == ("5*sqrt(2)", AnswerKind.real)
    assert exact_answer(True) == ("True", AnswerKind.boolean)


def test_speaker_spells_some_small_numbers_and_keeps_fractions_as_digits():
    speaker = Speaker(random.Random(0), word_rate=1.0)
    assert speaker.n(7) == "seven"
    assert speaker.n(Fraction(5, 2)) == "2.5"
    assert Speaker(random.Random(0), word_rate=0.0).n(7) == "7"


# Each surface fixer and the cases it must map exactly: one table, one test.
FIXES = {
    "articles": (fix_articles, [
        ("A ant has 6 legs.", "An ant has 6 legs."),
        ("after a increase of 5 percent", "after an increase of 5 percent"),
        ("a 8% discount and a 18-dollar shirt", "an 8% discount and an 18-dollar shirt"),
        ("a 180-dollar bike", "a 180-dollar bike"),
        ("A number X is unknown.", "A number X is unknown."),
        ("a unit of work in a hour", "a unit of work in an hour"),
    ]),
    "agreement": (fix_agreement, [
        ("in 1 hours", "in 1 hour"),
        ("1 boys and 1 candies and 1 boxes and 1 feet", "1 boy and 1 candy and 1 box and 1 foot"),
        ("one buses and 1 bus", "one bus and 1 bus"),
        ("2.1 meters and 11 days and -1 points", "2.1 meters and 11 days and -1 points"),
        ("1 of the cards", "1 of the cards"),
    ]),
}


@pytest.mark.parametrize(("fix", "text", "expected"), per_function(FIXES))
def test_each_fixer_maps_its_cases_exactly(fix, text, expected):
    assert fix(text) == expected, text
