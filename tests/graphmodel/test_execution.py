"""Answer checking by execution in a child process (used for validation during training)."""

from __future__ import annotations

from graphmodel.execution import check_answers


def test_exact_answers_are_compared_symbolically() -> None:
    checks = check_answers(
        ["from sympy import sqrt\nanswer = sqrt(8)\n", "from sympy import Rational\nanswer = Rational(6, 4)\n", "answer = {2, 1}\n"],
        ["2*sqrt(2)", "3/2", "{1, 2}"],
    )
    assert [c.correct for c in checks] == [True, True, True]
    assert checks[1].answer == "3/2"


def test_wrong_and_failing_programs_are_results_not_crashes() -> None:
    checks = check_answers(["answer = 5\n", "answer = 1 / 0\n", "x = 1\n", "while True:\n    pass\n", "answer = 25\n"], ["6", "1", "1", "1", "5"])
    assert [c.correct for c in checks] == [False, False, False, False, False]
    assert checks[1].error.startswith("ZeroDivisionError")
    assert "does not bind" in checks[2].error
    assert checks[3].error.startswith("Timeout")
