"""Bring your own suite: question/answer, GSM-style and MATH-style files load with stated defaults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evals.cli import app
from tasks import load_suite, validate_suite
from tasks.user_suites import ShapeError, answer_kind, from_user_record


def _write(tmp_path: Path, name: str, rows: list) -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_question_answer_pairs_load_with_defaults(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.jsonl", [{"question": "What is 2 + 3?", "answer": 5}, {"question": "Half of 3?", "answer": "3/2"}])
    first, second = load_suite(path)
    assert (first.id, first.prompt, first.answer, first.answer_kind.value) == ("mine-00001", "What is 2 + 3?", "5", "integer")
    assert (first.family, first.split.value) == ("mine", "test")
    assert second.answer_kind.value == "rational"
    assert first.meta["defaulted"] == ["id", "family", "split", "answer_kind"], "every default is listed"


def test_gsm_style_answer_keeps_what_follows_the_marks(tmp_path: Path) -> None:
    row = {"question": "Tom has 1,200 stamps and buys 300. How many?", "answer": "1200 + 300 = 1500\n#### 1,500"}
    (problem,) = load_suite(_write(tmp_path, "gsm.jsonl", [row]))
    assert (problem.answer, problem.answer_kind.value) == ("1500", "integer")
    assert problem.meta["solution"].startswith("1200 + 300"), "the worked text is kept"


def test_math_style_solution_gives_its_last_boxed_answer(tmp_path: Path) -> None:
    rows = [
        {"problem": "Compute 1/2 + 1/4.", "solution": "We add: $\\frac{1}{2}+\\frac{1}{4}=\\boxed{\\frac{3}{4}}$.", "type": "Prealgebra"},
        {"problem": "What is 6*7?", "solution": "First \\boxed{40}, no: \\boxed{42}.", "unique_id": "m/2", "level": "Level 1"},
    ]
    frac, count = load_suite(_write(tmp_path, "math.jsonl", rows))
    assert (frac.answer, frac.family) == ("3/4", "Prealgebra")
    assert (count.answer, count.id, count.meta["extra"]) == ("42", "m/2", {"level": "Level 1"})


def test_what_is_missing_is_named_with_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.jsonl", [{"question": "What is 1?"}, {"answer": "1"}, {"problem": "x?", "solution": "no box"}])
    problems, errors = validate_suite(path)
    assert problems == []
    assert errors[0].startswith(f"{path}:1: answer: missing: expected one of answer"), errors
    assert errors[1].startswith(f"{path}:2: prompt: missing: expected a non-empty string in one of prompt, question"), errors
    assert errors[2] == f"{path}:3: answer: no answer field, and the solution has no \\boxed{{...}} final answer", errors


def test_a_problem_shaped_record_is_not_defaulted() -> None:
    record = {"id": "a", "prompt": "p", "answer": "1", "answer_kind": "complex", "family": "f", "split": "test"}
    assert from_user_record(record, "s", 1) is record, "ladder's own records are validated as they are"


@pytest.mark.parametrize(
    ("answer", "kind"),
    [("42", "integer"), ("-3/4", "rational"), ("2.5", "rational"), ("{1, 2}", "set"), ("(1, 2)", "tuple"),
     ("True", "boolean"), ("sqrt(2)", "expression")],
)  # fmt: skip
def test_answer_kind_is_read_off_the_answer(answer: str, kind: str) -> None:
    assert answer_kind(answer) == kind


def test_unclosed_box_is_a_shape_error() -> None:
    with pytest.raises(ShapeError, match="never closed"):
        from_user_record({"problem": "x", "solution": "\\boxed{3"}, "s", 1)


def test_validate_counts_lines_not_messages(tmp_path: Path) -> None:
    bad = {"id": "", "prompt": "", "answer": " 1", "answer_kind": "complex", "family": "", "split": "later"}
    path = _write(tmp_path, "two.jsonl", [bad, bad | {"id": "b"}])
    result = CliRunner().invoke(app, ["tasks", "validate", str(path)])
    assert result.exit_code == 2, result.output
    assert "on 2 line(s), 0 good record(s)" in result.stderr, result.stderr
