"""External suites: CHAMP's answers mapped to exact answers; mathematics-dataset questions as Problems."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evals.answer_check import check_answer
from evals.external.mathematics import (
    MathematicsSpec,
    answer_kind,
    generate_mathematics_suite,
    to_problem,
)
from tasks import AnswerKind


@pytest.mark.parametrize(
    ("printed", "answer", "kind"),
    [
        ("-5", "-5", AnswerKind.integer),
        ("346.9", "346.9", AnswerKind.rational),
        ("3/4", "3/4", AnswerKind.rational),
        ("True", "True", AnswerKind.boolean),
        ("2, 3, 7", "(2, 3, 7)", AnswerKind.tuple),
        ("-2*x^2 + 3", "-2*x**2 + 3", AnswerKind.expression),
    ],
)
def test_mathematics_answers_get_exact_forms(printed: str, answer: str, kind: AnswerKind) -> None:
    assert answer_kind(printed) == (answer, kind)


def test_mathematics_item_becomes_a_problem_whose_gold_checks() -> None:
    spec = MathematicsSpec(modules=("arithmetic__add_or_sub",), per_module=1, seed=3)
    item = {"module": "arithmetic__add_or_sub", "index": 0, "question": "What is -3.4 + 5?", "answer": "1.6"}
    problem = to_problem(item, spec)
    assert (problem.id, problem.family, problem.answer_kind) == ("mathematics-arithmetic__add_or_sub-3-00000", "arithmetic__add_or_sub", "rational")
    assert check_answer(problem, "8/5").correct and not check_answer(problem, "1.7").correct


def test_polynomial_roots_are_a_set_of_solutions_in_any_order() -> None:
    """The generator prints roots sorted; `{25427, -4}` and `{-4, 25427}` are the same answer."""
    spec = MathematicsSpec(modules=("algebra__polynomial_roots",), per_module=1, seed=3)
    item = {"module": "algebra__polynomial_roots", "index": 0, "question": "Solve -2*t**2 + 50846*t + 203416 = 0.",
            "answer": "-4, 25427"}
    problem = to_problem(item, spec)
    assert (problem.answer, problem.answer_kind) == ("{-4, 25427}", AnswerKind.set)
    assert check_answer(problem, "{25427, -4}").correct and check_answer(problem, "{-4, 25427}").correct
    assert not check_answer(problem, "{-4}").correct and not check_answer(problem, "{-4, 25428}").correct
    listed = to_problem({**item, "module": "numbers__list_prime_factors", "answer": "2, 3, 7"}, spec)
    assert listed.answer_kind is AnswerKind.tuple  # other lists keep the generator's order


def test_mathematics_spec_rejects_unknown_regime() -> None:
    with pytest.raises(ValueError, match="regime"):
        MathematicsSpec(regime="hard")


@pytest.mark.slow
def test_generator_in_its_own_venv_is_deterministic(tmp_path: Path) -> None:
    """Creates (or reuses $LADDER_MATHEMATICS_VENV) the numpy<2 venv: a minute on first run."""
    venv = Path(os.environ.get("LADDER_MATHEMATICS_VENV", tmp_path / "venv"))
    spec = MathematicsSpec(modules=("numbers__gcd", "algebra__linear_1d"), per_module=3, seed=7)
    first = generate_mathematics_suite(spec, venv)
    assert [p.family for p in first] == ["numbers__gcd"] * 3 + ["algebra__linear_1d"] * 3
    assert first == generate_mathematics_suite(spec, venv), "same seed, same questions"
    assert all(check_answer(p, p.answer).correct for p in first)


def test_champ_answers_map_to_exact_answers() -> None:
    pytest.importorskip("champ_dataset", reason="CHAMP is an optional extra: pip install 'ladder[external]'")
    from evals.external.champ import load_champ

    imported = load_champ()
    by_id = {p.meta["identifier"]: p for p in imported.problems}
    assert len(imported.problems) + len(imported.skipped) == 270
    assert len(imported.problems) >= 150
    assert (by_id["P_Combinatorics_1"].answer, by_id["P_Combinatorics_1"].answer_kind) == ("239", "integer")
    assert by_id["P_Combinatorics_2"].answer == "252"  # "C(10, 5), or equivalently 252"
    assert by_id["P_Number-Theory_25"].answer == "3"  # "3 is the only possible value"
    assert by_id["P_Number-Theory_1"].answer == "False"  # "No"
    assert "P_Combinatorics_25" in imported.skipped  # "n!" is not in the answer whitelist
    for p in imported.problems:
        assert check_answer(p, p.answer).correct, f"{p.id}: gold {p.answer!r} not equal to itself"
