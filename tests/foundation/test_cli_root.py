"""The thin root `ladder` command: lazy, versioned, and its listing true to each command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from evals.cli import COMMANDS, app, ladder_version, load_command
from tasks.exit_codes import TABLE, ExitCode

HEAVY = ("torch", "sympy", "z3", "langgraph", "matplotlib", "torch_geometric")


def _modules_after(*argv: str) -> set[str]:
    code = (
        "import sys, json\nfrom evals.cli import app\n"
        f"try:\n    app({list(argv)!r}, prog_name='ladder')\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize("argv", [("--help",), ("--version",)])
def test_root_help_and_version_import_no_heavy_package(argv):
    loaded = _modules_after(*argv)
    assert not [m for m in HEAVY if m in loaded], f"`ladder {' '.join(argv)}` imported {[m for m in HEAVY if m in loaded]}"


def test_version_prints_the_distribution_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"ladder {ladder_version()}"


def test_root_help_lists_every_command():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    for name in COMMANDS:
        assert name in result.output, f"{name} missing from `ladder --help`"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_listed_help_matches_the_command(name):
    command = load_command(name)
    first = " ".join((command.help or "").split("\n\n")[0].split())
    assert first == COMMANDS[name][1], f"evals/cli.py lists {name!r} as {COMMANDS[name][1]!r}, its docstring says {first!r}"


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(app, ["solv", "x"])
    assert result.exit_code == ExitCode.bad_input, result.output


def test_every_exit_code_has_a_line_in_the_table():
    assert set(TABLE) == set(ExitCode), "tasks.exit_codes.TABLE must describe every ExitCode"
