"""One table of exit codes: verifiers (which imports no other package) states the same values."""

from __future__ import annotations

from tasks.exit_codes import TABLE
from tasks.exit_codes import ExitCode as Table
from verifiers.cli import ExitCode as SandboxCodes


def test_the_sandbox_command_uses_the_table_s_values() -> None:
    for code in SandboxCodes:
        assert Table[code.name] == code.value, code


def test_every_code_is_explained() -> None:
    assert set(TABLE) == set(Table)
