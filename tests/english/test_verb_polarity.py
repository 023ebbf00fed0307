"""Verb polarity learned from stories' equations (tasks/english/verb_polarity.py)."""

from __future__ import annotations

from collections import Counter

from tasks.english.pipeline import nlp
from tasks.english.verb_polarity import lexicon_from, prefix_signs, verb_polarity, votes
from tasks.schema import Problem


def story(text: str, equation: str, numbers: list[str]) -> Problem:
    return Problem(id=f"s{abs(hash(text))}", prompt=text, answer="0", answer_kind="integer", family="mawps",
                   split="external", meta={"equation": equation, "numbers": numbers})


def test_prefix_signs_of_sums_and_differences() -> None:
    assert prefix_signs("- number0 number1") == {0: 1, 1: -1}
    assert prefix_signs("- number0 + number1 number2") == {0: 1, 1: -1, 2: -1}
    assert prefix_signs("+ - number0 number1 number2") == {0: 1, 1: -1, 2: 1}
    assert prefix_signs("* number0 number1") is None  # not a sum
    assert prefix_signs("+ number0 number0") is None  # a number used twice
    assert prefix_signs("- number0") is None  # malformed


def test_votes_count_the_verb_of_each_later_number_with_the_same_owner() -> None:
    stories = [
        story("Paco had 26 cookies. He ate 14 cookies. How many cookies did Paco have left?", "- number0 number1", ["26", "14"]),
        story("Sam had 9 marbles. Sam ate 3 marbles. How many are left?", "- number0 number1", ["9", "3"]),
        story("Ann has 5 pens. She buys 4 pens. How many pens does she have?", "+ number0 number1", ["5", "4"]),
        # another owner acts: no vote (Tom's buying says nothing of Ann's pens)
        story("Ann has 5 pens. Tom buys 4 pens. How many pens are there?", "- number0 number1", ["5", "4"]),
    ]
    counts = votes(stories, nlp())
    assert counts == Counter({("eat", -1): 2, ("buy", 1): 1})


def test_the_lexicon_keeps_verbs_with_enough_agreeing_votes() -> None:
    counts = Counter({("eat", -1): 6, ("buy", 1): 13, ("buy", -1): 3, ("take", 1): 2, ("take", -1): 2, ("sleep", 1): 1})
    kept = lexicon_from(counts)
    assert kept["eat"] == {"sign": -1, "for": 6, "against": 0}
    assert kept["buy"]["sign"] == 1
    assert "take" not in kept and "sleep" not in kept  # split votes; too few votes


def test_the_shipped_lexicon_reads_the_common_verbs() -> None:
    lexicon = verb_polarity()
    assert lexicon["eat"] == -1 and lexicon["buy"] == 1 and lexicon["sell"] == -1 and lexicon["get"] == 1
