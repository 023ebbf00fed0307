"""Checks derived from the semantic graph: what refutes an answer, and what verifies one."""

from __future__ import annotations

import pytest

from agent.checks import check_answer
from agent.constraints import derive
from agent.state import FailureKind
from tasks.ace import parse_ace
from verifiers import CheckStatus

LADDER_ACE = (
    "A ladder has a length of 13 feet. The ladder leans against a wall. The ladder reaches a height "
    "of 12 feet on the wall. What is the distance of the base of the ladder from the wall?"
)
EQUATION_ACE = "Calculate the number X such that 3 * X + 5 = 20."
SYSTEM_ACE = "A number X and a number Y are unknown. X + Y = 10. X - Y = 4. What is Y?"
SQUARE_ACE = "Calculate the number X such that X * X = 9."
COUNT_ACE = "A jar has 12 marbles. John takes 5 marbles. How many marbles does John take?"
# a distance no construct of the fragment relates to anything: only domain facts apply
LOOSE_ACE = "A kite flies over a hill. What is the distance of the kite from the hill?"


def statuses(verdict) -> dict[str, CheckStatus]:
    return {c.name: c.status for c in verdict.checks}


def test_the_stated_formula_verifies_its_unique_solution() -> None:
    verdict, failure = check_answer("5", parse_ace(EQUATION_ACE))
    assert failure is None
    assert verdict.verified, verdict
    assert "only solution" in verdict.certificate


def test_the_stated_formula_refutes_another_value() -> None:
    verdict, failure = check_answer("6", parse_ace(EQUATION_ACE))
    assert not verdict.passed and not verdict.verified
    assert failure is not None and failure.kind is FailureKind.constraint
    assert "X = 5" in failure.message


def test_a_system_pins_the_asked_variable() -> None:
    graph = parse_ace(SYSTEM_ACE)
    assert str(derive(graph).target) == "Y"
    assert check_answer("3", graph)[0].verified
    assert not check_answer("7", graph)[0].passed, "7 is X, not the asked Y"


def test_two_roots_are_not_a_unique_answer() -> None:
    verdict, failure = check_answer("3", parse_ace(SQUARE_ACE))
    assert failure is None and verdict.passed
    assert not verdict.verified, "X * X = 9 has a second root, -3"
    assert any("-3" in c.detail for c in verdict.checks), verdict.checks


def test_domain_facts_refute_but_never_verify() -> None:
    graph = parse_ace(LOOSE_ACE)
    verdict, failure = check_answer("5", graph)
    assert verdict.passed and not verdict.verified, "a sign check does not pin 5 down"
    assert statuses(verdict)["meaning: constraints from the question"] is CheckStatus.skipped
    verdict, failure = check_answer("-5", graph)
    assert failure is not None and "never negative" in failure.message


def test_a_count_must_be_a_whole_number() -> None:
    verdict, failure = check_answer("5/2", parse_ace(COUNT_ACE))
    assert failure is not None and "count" in failure.message
    assert check_answer("5", parse_ace(COUNT_ACE))[1] is None


def test_a_float_rounding_artefact_is_not_exact() -> None:
    graph = parse_ace(LOOSE_ACE)
    _, failure = check_answer("7500000000000001/25000000000000000", graph, answer_type="float")
    assert failure is not None and failure.kind is FailureKind.answer_kind
    _, failure = check_answer("7/2", graph, answer_type="float")
    assert failure is None, "3.5 is a float whose value is exact"


@pytest.mark.parametrize("answer", ["(1, 2)", "{1, 2}", "True"])
def test_a_measure_must_be_a_single_number(answer: str) -> None:
    verdict, failure = check_answer(answer, parse_ace(LADDER_ACE))
    assert failure is not None and failure.kind is FailureKind.answer_kind, verdict.checks


def test_unparsable_answer_text_is_a_kind_failure() -> None:
    verdict, failure = check_answer("__import__('os')", parse_ace(LADDER_ACE))
    assert failure is not None and failure.kind is FailureKind.answer_kind
    assert verdict.checks[0].status is CheckStatus.failed


def test_no_wrong_answer_of_the_smoke_suite_is_verified() -> None:
    """The guarantee behind `verified`: perturbed answers to real problems never get it,
    while the true answers are never refuted."""
    import sympy

    from tasks import load_suite
    from verifiers import canonical_answer, parse_answer

    problems = load_suite("tasks/suites/smoke.jsonl")
    verified_true = 0
    for problem in problems:
        graph = parse_ace(problem.ace)
        verdict, failure = check_answer(problem.answer, graph)
        assert failure is None, f"{problem.id}: the true answer {problem.answer} was refuted: {failure}"
        verified_true += verdict.verified
        value = parse_answer(problem.answer)
        if not isinstance(value, sympy.Expr):
            continue
        for wrong in (value + 1, 2 * value + 1, -value - 1):
            verdict, _ = check_answer(canonical_answer(wrong), graph)
            assert not verdict.verified, f"{problem.id}: wrong answer {wrong} reported verified"
    assert verified_true >= 1, "the suite's formula problems are verified"


def test_a_set_answer_must_be_the_whole_solution_set() -> None:
    graph = parse_ace("Calculate the numbers X such that X ^ 2 - 9 * X + 14 = 0.")
    verdict, failure = check_answer("{2, 7}", graph)
    assert failure is None and verdict.verified, verdict.checks
    verdict, failure = check_answer("{7}", graph)
    assert failure is not None and "the solutions are" in failure.message, failure
    verdict, failure = check_answer("{2, 8}", graph)
    assert failure is not None and not verdict.verified


def test_the_solutions_listed_in_order_are_read_as_their_set() -> None:
    """`sorted(solve(...))` gives the roots as a list: all of them, each once, is the set."""
    graph = parse_ace("Calculate the numbers X such that X ^ 2 - 9 * X + 14 = 0.")
    verdict, failure = check_answer("(2, 7)", graph)
    assert failure is None and verdict.verified, verdict.checks
    assert verdict.answer == "{2, 7}", "reported as the set the question asks for"
    for partial in ("(2, 8)", "(2, 2)"):
        verdict, failure = check_answer(partial, graph)
        assert not verdict.verified, partial


def test_a_complex_length_is_refuted_not_a_crash() -> None:
    verdict, failure = check_answer("3*sqrt(119)*I", parse_ace(LADDER_ACE))
    assert failure is not None and not verdict.passed


def test_a_figure_has_positive_sizes_but_a_distance_may_be_zero() -> None:
    triangle = parse_ace(
        "A right triangle has a leg of 3 feet and a leg of 4 feet. What is the hypotenuse of the right triangle?"
    )
    _, failure = check_answer("0", triangle)
    assert failure is not None and "positive" in failure.message
    assert check_answer("5", triangle)[1] is None
    assert check_answer("0", parse_ace(LOOSE_ACE))[1] is None, "a distance may be zero"


def test_the_agent_verdict_is_the_verifiers_verdict_with_its_first_checks() -> None:
    from verifiers import Verdict

    verdict, failure = check_answer("5", parse_ace(LADDER_ACE))
    assert isinstance(verdict, Verdict), type(verdict)
    assert [c.name for c in verdict.checks[:2]] == ["answer.parse", "answer.defined"], verdict.checks
    assert failure is None and verdict.passed and verdict.verified
    dumped = verdict.model_dump(mode="json")
    assert dumped["passed"] is True and dumped["verified"] is True, "derived fields are in the record"
    assert Verdict.model_validate(dumped) == verdict, "a stored verdict reads back unchanged"


def test_an_undefined_answer_is_a_kind_failure() -> None:
    verdict, failure = check_answer("zoo", parse_ace(LADDER_ACE))
    assert failure is not None and failure.kind is FailureKind.answer_kind, failure
    assert verdict.check("answer.defined").status is CheckStatus.failed
    assert not verdict.passed and not verdict.verified


@pytest.mark.parametrize(("answer", "verified", "fails"),
                         [("(-11, 6)", False, False), ("{-11, 6}", True, False), ("6", False, False), ("{6, 11}", False, True)])
def test_an_equation_asked_itself_is_solved_for_its_one_unknown(answer: str, verified: bool, fails: bool) -> None:
    """`Solve x^2 + 5x - 66 = 0.` (the notation front end asks the equation): the answer is the
    set of x's values, checked against sympy's exact solutions (one root of two, or the roots
    as a tuple, is not refuted, but not verified either: a suite's answer check wants the set)."""
    from tasks.notation.reader import parse_notation

    verdict, failure = check_answer(answer, parse_notation("Solve x^2 + 5x - 66 = 0."))
    assert verdict.verified is verified, verdict.checks
    assert (failure is not None) is fails
