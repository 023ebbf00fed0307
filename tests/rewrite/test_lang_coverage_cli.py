"""`python -m agent.rewrite.coverage`: bad arguments get a usage message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.rewrite.coverage import main


def test_help_prints_the_usage_and_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: python -m agent.rewrite.coverage SUITE.jsonl")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], "expected 1 or 2 arguments, got 0"),
        (["missing.jsonl"], "no suite file at 'missing.jsonl'"),
        (["{suite}", "many"], "FAILURES_PER_FAMILY must be a whole number >= 0, got 'many'"),
        (["{suite}", "1", "2"], "expected 1 or 2 arguments, got 3"),
    ],
)
def test_bad_arguments_are_a_usage_error(args: list[str], expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suite = tmp_path / "suite.jsonl"
    suite.write_text("")
    assert main([a.format(suite=suite) for a in args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage:") and expected in err, err


def test_a_file_that_is_not_a_suite_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suite = tmp_path / "notes.jsonl"
    suite.write_text('{"question": "what?"}\n')
    assert main([str(suite)]) == 2
    assert "is not a suite" in capsys.readouterr().err


def test_an_empty_suite_reports_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suite = tmp_path / "empty.jsonl"
    suite.write_text("")
    assert main([str(suite)]) == 0
    assert "0/0" in capsys.readouterr().out
