"""A verifier receives the parsed answer as a value, never its text (issue 14): an answer that
is itself code cannot write the sandbox's report or reach `verify`, so it is not correct."""

from __future__ import annotations

import pytest

from evals.answer_check import check_answer
from tasks import Problem

VERIFIER = "def verify(answer):\n    return answer > 10 and answer % 7 == 0\n"

FORGED = {
    # writes an "ok, True" report on the report descriptor and leaves before verify runs
    "report": "__import__('os').write(3, b'{\"kind\": \"ok\", \"answer\": \"True\"}') "
              "+ __import__('os')._exit(0)",
    # the same, spelled as a sympy call around it
    "wrapped": "Integer(__import__('os').write(3, b'{\"kind\": \"ok\", \"answer\": \"True\"}') "
               "+ __import__('os')._exit(0))",
}


def problem() -> Problem:
    return Problem(id="p-1", prompt="q?", answer="14", answer_kind="integer", verifier=VERIFIER,
                   family="f", split="test")


@pytest.mark.parametrize("name", sorted(FORGED))
def test_a_forged_answer_is_not_correct(name: str) -> None:
    result = check_answer(problem(), FORGED[name])
    assert result.method == "verifier"
    assert not result.correct, f"forged answer {name!r} was scored correct: {result.why}"
    assert "not parsed as exact math" in result.why, result.why


@pytest.mark.parametrize(("submitted", "expected"),
                         [("14", True), ("28", True), ("7", False), ("Rational(42, 3)", True)])
def test_the_verifier_gets_the_value(submitted: str, expected: bool) -> None:
    result = check_answer(problem(), submitted)
    assert result.correct is expected, result.why


def test_the_verifier_sees_a_sympy_value_not_text() -> None:
    """Exact values arrive as sympy objects: 5/2 is Rational(5, 2), not a float or a string."""
    verifier = ("import sympy\ndef verify(answer):\n"
                "    return isinstance(answer, sympy.Rational) and answer == sympy.Rational(5, 2)\n")
    p = problem().model_copy(update={"verifier": verifier, "answer": "5/2",
                                     "answer_kind": "rational"})
    assert check_answer(p, "5/2").correct
    assert check_answer(p, "2.5").correct
