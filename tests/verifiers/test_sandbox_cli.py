"""`ladder sandbox check|run` through Typer's CliRunner."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from verifiers.cli import app

runner = CliRunner()


def test_help_at_every_level():
    for args in ([], ["check"], ["run"]):
        result = runner.invoke(app, [*args, "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage" in result.output


def test_check_lists_the_active_layers():
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0, result.output
    assert "landlock ABI" in result.output and "answer 2*sqrt(2)" in result.output
    lines = {line.split("│")[1].strip(): line.split("│")[2].strip()
             for line in result.output.splitlines() if line.count("│") == 3}
    assert lines["netns"] == "yes" and lines["seccomp"] == "yes", lines


def test_check_refuses_an_unknown_layer():
    result = runner.invoke(app, ["check", "--without", "firewall"])
    assert result.exit_code == 2
    assert "--without takes landlock, namespaces, seccomp" in result.output


def test_run_prints_the_result(tmp_path):
    program = tmp_path / "p.py"
    program.write_text("from sympy import Rational\nanswer = Rational(3, 6)\nprint('hi')\n")
    result = runner.invoke(app, ["run", str(program)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["status"] == "ok" and data["answer"] == "1/2" and data["stdout"] == "hi\n"


def test_run_failure_exits_non_zero(tmp_path):
    program = tmp_path / "p.py"
    program.write_text("answer = 1 / 0\n")
    result = runner.invoke(app, ["run", str(program)])
    assert result.exit_code == 1
    assert json.loads(result.output)["exception"]["type"] == "ZeroDivisionError"


def test_run_rejects_bad_limits(tmp_path):
    program = tmp_path / "p.py"
    program.write_text("answer = 1\n")
    result = runner.invoke(app, ["run", str(program), "--memory-mb", "1"])
    assert result.exit_code == 2 and "memory_mb" in result.output
