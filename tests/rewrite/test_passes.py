"""Each rule pass on small inputs, with the exact output expected."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from case_tables import per_function

from agent.rewrite.answer_form import drop_answer_form
from agent.rewrite.clauses import split_clauses
from agent.rewrite.draft import CannotRewrite, Sentence, split_sentences
from agent.rewrite.facts import normalize_fact
from agent.rewrite.measures import extract_measures
from agent.rewrite.normalize import normalize
from agent.rewrite.numbers import numbers_to_digits
from agent.rewrite.questions import rewrite_question
from agent.rewrite.references import Unresolved, expand_possessives, resolve_pronouns
from agent.rewrite.units import expand_units


def _sentence(text: str) -> Sentence:
    return Sentence(text=text, start=0, end=len(text))


def _texts(sentences: list[Sentence]) -> list[str]:
    return [s.text for s in sentences]


def _on_sentence(split: Callable[[Sentence], list[Sentence]]) -> Callable[[str], list[str]]:
    """A pass over one sentence, seen as text in and the texts of the sentences out."""
    return lambda text: _texts(split(_sentence(text)))


def _alone(rewrite: Callable[[str, str], str]) -> Callable[[str], str]:
    """A pass that reads context, run on a sentence with none."""
    return lambda text: rewrite(text, "")


# Each pass, the cases it must map exactly: one table, one test (a case is a row).
PASS_CASES = {
    "normalize": (normalize, [
        ("What\u2019s  the length ?", "What is the length?"),
        ("It\u2019s 5 feet \u2013 about.", "It is 5 feet - about."),
        ("The ladder's length isn't known.", "The ladder's length is not known."),
        ("3 \u00d7 4", "3 * 4"),
        ("Don't stop", "Do not stop"),
    ]),
    "numbers in words become exact digits": (numbers_to_digits, [
        ("A thirteen foot ladder", "A 13 foot ladder"),
        ("twenty-five apples", "25 apples"),
        ("twenty five apples", "25 apples"),
        ("one hundred and five", "105"),
        ("one thousand two hundred thirty-four", "1234"),
        ("a dozen eggs", "12 eggs"),
        ("two dozen eggs", "24 eggs"),
        ("half a dozen eggs", "6 eggs"),
        ("three eighths of a pie", "3/8 of a pie"),
        ("three-eighths", "3/8"),
        ("a third of the apples", "1/3 of the apples"),
        ("half of the apples", "1/2 of the apples"),
        ("one and a half hours", "3/2 hours"),
        ("two and three quarters", "11/4"),
        ("1,000,000 people", "1000000 people"),
        ("2.5 million", "2500000"),
        ("twice as many", "2 times as many"),
        ("five and six", "5 and 6"),
    ]),
    "units, abbreviations and symbols": (expand_units, [
        ("A 13 ft ladder", "A 13 feet ladder"),
        ("A 13 ft. ladder", "A 13 feet ladder"),
        ("at 60 km/h for 2 hrs.", "at 60 kilometers per hour for 2 hours."),
        ("at 60 mph", "at 60 miles per hour"),
        ("$12.50 each", "12.50 dollars each"),
        ("$1 ticket", "1 dollar ticket"),
        ("$2 million", "2000000 dollars"),
        ("15% off", "15 percent off"),
        ("15 per cent off", "15 percent off"),
        ("3 min", "3 minutes"),
        ("5 in.", "5 inches."),
        ("5 in a box", "5 in a box"),
        ("20 sq ft", "20 square feet"),
        ("3 m^2", "3 square meters"),
        ("60 miles an hour", "60 miles per hour"),
        ("$3/lb", "3 dollars per pound"),
        ("100 m/s", "100 meters per second"),
        ("1 hrs", "1 hour"),
        ("live in a house", "live in a house"),
    ]),
    "measures become facts": (_on_sentence(extract_measures), [
        ("A 13 foot ladder leans against a wall.", ["A ladder has a length of 13 feet.", "The ladder leans against a wall."]),
        ("A 13-foot ladder leans.", ["A ladder has a length of 13 feet.", "The ladder leans."]),
        ("A 12 foot tall tree casts a shadow.", ["A tree has a height of 12 feet.", "The tree casts a shadow."]),
        ("A ladder 13 feet long rests on a wall.", ["A ladder has a length of 13 feet.", "The ladder rests on a wall."]),
        ("A ladder of length 13 feet leans on a wall.", ["A ladder has a length of 13 feet.", "The ladder leans on a wall."]),
        (
            "Find the area of a rectangle with length 5 meters and width 3 meters.",
            ["A rectangle has a length of 5 meters.", "A rectangle has a width of 3 meters.", "Find the area of the rectangle."],
        ),
        ("A shop gives a 20 percent discount.", ["A shop gives a discount of 20 percent."]),
        ("John has 5 apples.", ["John has 5 apples."]),
    ]),
    "clauses split compound sentences": (_on_sentence(split_clauses), [
        ("A ladder leans against a wall and reaches 12 feet up the wall.", ["A ladder leans against a wall.", "It reaches 12 feet up the wall."]),
        ("Place a ladder against a wall so that it reaches 12 feet.", ["Place a ladder against a wall.", "It reaches 12 feet."]),
        ("How high does the ladder reach if its base is 5 feet from the wall?", ["The base of the ladder is 5 feet from the wall.", "How high does the ladder reach?"]),
        ("If 3 * X + 5 = 20, what is X?", ["3 * X + 5 = 20.", "What is X?"]),
        ("John has 5 apples and Mary has 3 pears.", ["John has 5 apples.", "Mary has 3 pears."]),
        ("Bob mows a lawn in 5 hours; Ann takes 3 hours.", ["Bob mows a lawn in 5 hours.", "Ann takes 3 hours."]),
        ("A box has a length of 3 meters and a width of 2 meters.", ["A box has a length of 3 meters and a width of 2 meters."]),
        ("John and Mary paint the fence together.", ["John and Mary paint the fence together."]),
    ]),
    "facts take canonical pattern shapes": (_on_sentence(normalize_fact), [
        ("A ladder is leaning against a wall.", ["A ladder leans against a wall."]),
        ("Tom can paint a fence in 5 hours.", ["Tom paints a fence in 5 hours."]),
        ("Working alone, Tom paints a fence in 5 hours.", ["Tom paints a fence in 5 hours."]),
        ("Tom and Mary can paint the fence.", ["Tom and Mary paint the fence."]),
        (
            "A box is 5 meters long, 3 meters wide and 2 meters high.",
            ["A box has a length of 5 meters.", "A box has a width of 3 meters.", "A box has a height of 2 meters."],
        ),
        ("Place the ladder against a wall.", ["The ladder leans against a wall."]),
        ("The ladder reaches 12 feet up the wall.", ["The ladder reaches a height of 12 feet on the wall."]),
        ("What is X?", ["What is X?"]),
    ]),
    "questions become ACE queries": (_alone(rewrite_question), [
        ("How far is the base of the ladder from the wall?", "What is the distance of the base of the ladder from the wall?"),
        ("How far from the wall is the base of the ladder?", "What is the distance of the base of the ladder from the wall?"),
        ("How long is the hypotenuse?", "What is the hypotenuse?"),
        ("How long is the ladder?", "What is the length of the ladder?"),
        ("How high does the ladder reach on the wall?", "What is the height of the ladder on the wall?"),
        ("Find the area of the rectangle.", "What is the area of the rectangle?"),
        ("Calculate the volume of the box.", "What is the volume of the box?"),
        ("How many hours will the car need?", "How many hours does the car need?"),
        ("How many apples does John have?", "How many apples does John have?"),
        ("Find the number X such that 3 * X = 6.", "Calculate the number X such that 3 * X = 6."),
    ]),
}


@pytest.mark.parametrize(("run", "text", "expected"), per_function(PASS_CASES))
def test_each_pass_maps_its_cases_exactly(run: Callable[[str], object], text: str, expected: object) -> None:
    assert run(text) == expected, text


@pytest.mark.parametrize(
    "text", ["the third train", "one second", "each one costs 5", "no one", "12.50 dollars", "3/8"]
)
def test_numbers_leaves_ordinals_units_and_pronoun_one(text: str) -> None:
    assert numbers_to_digits(text) == text.replace("one second", "1 second")


def test_references_resolve_subject_object_and_possessive() -> None:
    sentences = [
        "A ladder leans against a wall.",
        "It reaches 12 feet up the wall.",
        "How far is its base from the wall?",
    ]
    resolved = [expand_possessives(s) for s in resolve_pronouns(sentences)]
    assert resolved == [
        "A ladder leans against a wall.",
        "The ladder reaches 12 feet up the wall.",
        "How far is the base of the ladder from the wall?",
    ]


def test_references_object_pronoun_and_two_people() -> None:
    resolved = resolve_pronouns(["Tom paints a fence in 5 hours.", "Mary paints it in 7 hours.", "How many hours do they need?"])
    assert resolved[1:] == ["Mary paints the fence in 7 hours.", "How many hours do Tom and Mary need?"]


def test_references_dummy_it_is_kept() -> None:
    assert resolve_pronouns(["A car travels 5 miles.", "How long does it take?"])[1] == "How long does it take?"


def test_references_orphan_pronoun_is_an_error() -> None:
    with pytest.raises(Unresolved, match="'It'"):
        resolve_pronouns(["It is 5 feet long."])


def test_how_far_with_motion_uses_the_problems_length_unit() -> None:
    context = "A car travels at a speed of 60 kilometers per hour."
    assert rewrite_question("How far does the car go?", context) == "How many kilometers does the car travel?"


def test_question_without_a_rule_is_an_error_naming_its_words() -> None:
    with pytest.raises(CannotRewrite) as info:
        rewrite_question("Why is the sky blue?", context="")
    assert info.value.words == "Why is the"


def test_answer_form_instructions_are_dropped_and_rounding_refused() -> None:
    assert drop_answer_form(_sentence("Give the exact answer in terms of pi.")) == []
    assert _texts(drop_answer_form(_sentence("Find the exact area of a circle, in terms of pi."))) == ["Find the area of a circle."]
    with pytest.raises(CannotRewrite, match="exactly"):
        drop_answer_form(_sentence("Round to the nearest tenth."))


def test_split_sentences_keeps_spans_and_decimals() -> None:
    text = "A pen costs $2.50. Mr. Smith buys 3 pens.  How much does he pay?"
    sentences = split_sentences(text)
    assert _texts(sentences) == ["A pen costs $2.50.", "Mr. Smith buys 3 pens.", "How much does he pay?"]
    assert [text[s.start : s.end] for s in sentences] == _texts(sentences)
