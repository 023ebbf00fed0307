"""The rule rewriter end to end: its output parses, and what it cannot do is reported with spans."""

from __future__ import annotations

import pytest

from agent.rewrite import rewrite_rules
from tasks.ace import parse_ace, same_meaning

LADDER_QUESTIONS = [
    "Place a 13 foot ladder against a wall so that it reaches 12 feet. How far from the wall is its base?",
    "A 13 foot ladder leans against a wall and reaches 12 feet up the wall. How far is its base from the wall?",
]
LADDER_ACE = (
    "A ladder has a length of 13 feet. The ladder leans against a wall. "
    "The ladder reaches a height of 12 feet on the wall. "
    "What is the distance of the base of the ladder from the wall?"
)


@pytest.mark.parametrize("question", LADDER_QUESTIONS)
def test_ladder_question_rewrites_to_ace_with_the_canonical_graph(question: str) -> None:
    result = rewrite_rules(question)
    assert result.ok, [i.describe() for i in result.issues]
    assert result.issues == []
    graph = parse_ace(result.ace)
    assert same_meaning(graph, parse_ace(LADDER_ACE)), result.ace


def test_every_step_names_its_pass_and_chains_before_to_after() -> None:
    result = rewrite_rules(LADDER_QUESTIONS[1])
    names = [step.name for step in result.steps]
    assert names == ["units", "measures", "clauses", "references", "facts", "questions"]
    for earlier, later in zip(result.steps, result.steps[1:], strict=False):
        assert earlier.after == later.before, f"{later.name} did not start from {earlier.name}'s output"
    assert result.steps[-1].after == result.ace


def test_ace_input_passes_through_unchanged() -> None:
    ace = "John has 5 apples. John gives 3 apples to Mary. How many apples does John have?"
    result = rewrite_rules(ace)
    assert (result.ok, result.ace, result.steps) == (True, ace, [])


def test_unknown_question_form_is_an_issue_with_its_span() -> None:
    text = "A ladder leans against a wall. Why does the ladder lean?"
    result = rewrite_rules(text)
    assert not result.ok and result.ace is None
    [issue] = result.issues
    assert (issue.start, issue.end) == (31, 43)
    assert text[issue.start : issue.end] == issue.text == "Why does the"
    assert issue.stage == "questions"


def test_pronoun_without_antecedent_is_an_issue_on_the_pronoun() -> None:
    text = "It reaches 12 feet. How far is the wall?"
    result = rewrite_rules(text)
    assert not result.ok
    assert [(i.start, i.end, i.text, i.stage) for i in result.issues] == [(0, 2, "It", "references")]


def test_rounding_instruction_is_refused_not_dropped() -> None:
    text = "A square has a side of 3 meters. What is its area? Round to the nearest tenth."
    result = rewrite_rules(text)
    assert not result.ok
    [issue] = result.issues
    assert text[issue.start : issue.end] == "Round"
    assert "exact" in issue.reason


def test_words_outside_the_lexicon_are_reported_by_the_parser_with_the_sentence_span() -> None:
    text = "A ladder leans against a wall. The ladder frobnicates a wall. What is the length of the ladder?"
    result = rewrite_rules(text)
    assert not result.ok
    [issue] = result.issues
    assert issue.stage == "parse"
    assert text[issue.start : issue.end] == "The ladder frobnicates a wall."
    assert "frobnicates" in issue.reason


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_input_is_an_issue(text: str) -> None:
    result = rewrite_rules(text)
    assert not result.ok
    assert result.issues[0].reason == "the text is empty"


@pytest.mark.parametrize(
    ("english", "ace"),
    [
        (
            "A rectangle is 5 m long and 3 m wide. What is its area?",
            "A rectangle has a length of 5 meters and a width of 3 meters. What is the area of the rectangle?",
        ),
        (
            "Find the volume of a cylinder with radius 2 ft and height 7 ft, in terms of pi.",
            "A cylinder has a radius of 2 feet and a height of 7 feet. What is the volume of the cylinder?",
        ),
        (
            "A car travels at 60 mph for three hours. How far does it go?",
            "A car travels at a speed of 60 miles per hour. The car travels for 3 hours. How many miles does the car travel?",
        ),
        (
            "John has twelve apples and gives 5 apples to Mary. How many apples does John have?",
            "John has 12 apples. John gives 5 apples to Mary. How many apples does John have?",
        ),
    ],
)
def test_general_english_rewrites_to_the_same_graph(english: str, ace: str) -> None:
    result = rewrite_rules(english)
    assert result.ok, [i.describe() for i in result.issues]
    assert same_meaning(parse_ace(result.ace), parse_ace(ace)), result.ace
