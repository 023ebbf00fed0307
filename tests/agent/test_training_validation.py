"""Training validation through the sandbox (agent/training.py): the checker graphmodel is given
runs each program in the sandbox and judges it with verifiers.answers_equivalent, agrees with
graphmodel's fallback checker on plain programs, and is the one `ladder train` validates with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from agent.training import sandbox_checker, train_command
from graphmodel.cli import train_command_with
from graphmodel.execution import Check, CheckerUnavailable, check_answers
from tasks import dump_suite, load_suite
from verifiers import Limits

# (program, expected answer, correct?) -- both checkers must judge these alike
PROGRAMS = [
    ("from sympy import sqrt\nanswer = sqrt(8)\n", "2*sqrt(2)", True),
    ("from sympy import Rational\nanswer = Rational(6, 4)\n", "3/2", True),
    ("answer = {2, 1}\n", "{1, 2}", True),
    ("answer = (3, -1)\n", "(3, -1)", True),
    ("from sympy import pi\nanswer = 2 * pi * 3\n", "6*pi", True),
    ("answer = 5\n", "6", False),
    ("answer = 1 / 0\n", "1", False),
    ("x = 1\n", "1", False),
]


def test_the_sandbox_checker_judges_like_the_fallback_on_plain_programs() -> None:
    programs, expected, correct = (list(column) for column in zip(*PROGRAMS, strict=True))
    by_sandbox = sandbox_checker(programs, expected)
    by_fallback = check_answers(programs, expected)
    assert [c.correct for c in by_sandbox] == correct, by_sandbox
    assert [c.correct for c in by_fallback] == correct, by_fallback


def test_a_failing_program_is_a_wrong_answer_with_its_reason() -> None:
    checks = sandbox_checker(["answer = 1 / 0\n", "x = 1\n", "answer = 'ten'\n"], ["1", "1", "10"])
    assert checks[0].error.startswith("ZeroDivisionError"), checks[0]
    assert checks[1].error.startswith("MissingAnswer"), checks[1]
    assert "AnswerRejected" in checks[2].error, "text is no answer, as for the agent"


def test_a_program_past_its_limits_is_stopped_by_the_sandbox() -> None:
    [check] = sandbox_checker(["while True:\n    pass\n"], ["1"], Limits(wall_seconds=1, cpu_seconds=1))
    assert not check.correct and check.error, check


def test_mismatched_lengths_are_an_error_naming_both_counts() -> None:
    with pytest.raises(ValueError, match="2 programs but 1 expected"):
        sandbox_checker(["answer = 1\n", "answer = 2\n"], ["1"])


def test_agent_trains_with_the_sandbox_checker() -> None:
    assert train_command.checker is sandbox_checker


def test_train_validates_with_the_checker_it_is_given(tmp_path: Path) -> None:
    """A quick two-step run: every validation program goes through the given checker, and the
    recorded answer accuracy is the share that checker judged correct."""
    suite = tmp_path / "tiny.jsonl"
    dump_suite([p for p in load_suite("tasks/suites/train.jsonl") if p.family == "percentage"][:8], suite)
    judged: list[list[Check]] = []

    def recording(programs: list[str], expected: list[str]) -> list[Check]:
        judged.append(sandbox_checker(programs, expected))
        return judged[-1]

    app = typer.Typer()
    app.command()(train_command_with(recording))
    out = tmp_path / "graph.pt"
    args = ["--quick", "--suite", str(suite), "--valid", str(suite), "--out", str(out), "--max-steps", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    valid = [h["valid"] for h in json.loads(out.with_suffix(".json").read_text())["history"] if "valid" in h]
    batches = judged[1:]  # the first call is the probe before training
    assert len(judged[0]) == 1 and len(batches) == len(valid) >= 1, (len(judged), valid)
    for metrics, checks in zip(valid, batches, strict=True):
        assert len(checks) == 8 and metrics["answer"] == sum(c.correct for c in checks) / 8, (metrics, checks)


def test_a_checker_that_cannot_run_stops_training_before_it_starts(tmp_path: Path) -> None:
    """No sandbox on a machine (stood in for by a checker that says so: this one has a
    sandbox): exit 1 with the reason, and no epoch is trained or checkpoint written."""
    def unavailable(programs: list[str], expected: list[str]) -> list[Check]:
        raise CheckerUnavailable("the sandbox is unavailable: no user namespaces")

    app = typer.Typer()
    app.command()(train_command_with(unavailable))
    out = tmp_path / "graph.pt"
    result = CliRunner().invoke(app, ["--quick", "--suite", "tasks/suites/smoke.jsonl", "--valid", "tasks/suites/smoke.jsonl",
                                      "--out", str(out)])
    said = " ".join(result.output.split())  # rich wraps the line
    assert result.exit_code == 1, said
    assert "validation cannot run programs" in said and "no user namespaces" in said, said
    assert not out.exists() and not out.with_suffix(".json").exists()
