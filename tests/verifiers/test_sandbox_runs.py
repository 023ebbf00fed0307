"""Ordinary runs: answers of every kind, stdout, exceptions with their place, the weaker
mode, refusal when isolation is missing, and recovery from an interrupted run."""

from __future__ import annotations

import signal

import pydantic
import pytest

from verifiers import ExecStatus, ForkServer, Isolation, Limits, SandboxUnavailable

FULL_LAYERS = {"mountns", "netns", "pidns", "rlimits", "landlock", "seccomp"}


@pytest.mark.parametrize(("code", "answer", "kind"), [
    ("answer = 6 * 7", "42", "int"),
    ("from sympy import Rational\nanswer = Rational(10, 4)", "5/2", "Rational"),
    ("from sympy import sqrt\nanswer = sqrt(8)", "2*sqrt(2)", "Mul"),
    ("from sympy import pi\nanswer = 2 * pi * 3", "6*pi", "Mul"),
    ("answer = (3, -1)", "(3, -1)", "tuple"),
    ("answer = {2, 1}", "{1, 2}", "set"),
    ("answer = set()", "EmptySet", "set"),
    ("answer = 3 > 2", "True", "bool"),
    ("from fractions import Fraction\nanswer = Fraction(3, 6)", "1/2", "Fraction"),
    ("from sympy import symbols, solve, Eq\nx = symbols('x')\n"
     "answer = set(solve(Eq(x**2, 4), x))", "{-2, 2}", "set"),
])
def test_answers_come_back_canonical(run_checked, code, answer, kind):
    result = run_checked(code)
    assert result.status is ExecStatus.ok, result
    assert (result.answer, result.answer_type) == (answer, kind)
    assert set(result.layers) >= FULL_LAYERS, result.layers


def test_stdout_is_captured(run_checked):
    result = run_checked("print('hello')\nprint(1, 2)\nanswer = 0")
    assert result.stdout == "hello\n1 2\n" and not result.stdout_truncated


def test_exception_has_type_message_and_place(run_checked):
    result = run_checked("x = 1\ny = [1, 2][x + 5]\nanswer = y")
    assert result.status is ExecStatus.error
    exc = result.exception
    assert (exc.type, exc.message, exc.line, exc.column, exc.end_column) == (
        "IndexError", "list index out of range", 2, 4, 17)  # `[1, 2][x + 5]`


def test_float_answer_is_kept_exactly(run_checked):
    """A float is reported as the decimal Python prints; no rounding to a nicer number."""
    result = run_checked("answer = 0.1 + 0.2")
    assert result.answer == "7500000000000001/25000000000000000", result  # 0.30000000000000004


def test_limits_are_validated_with_the_field_named():
    with pytest.raises(pydantic.ValidationError, match="memory_mb"):
        Limits(memory_mb=1)


def test_source_must_be_text(server):
    with pytest.raises(TypeError, match="source text"):
        server.run(b"answer = 1")  # type: ignore[arg-type]


def test_missing_bubblewrap_is_refused_with_the_way_out(monkeypatch):
    """A machine without bwrap: no silent fallback; the message says what to install and
    how to ask for the weaker mode."""
    import verifiers.sandbox as sandbox

    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    with pytest.raises(SandboxUnavailable, match=r"bubblewrap.*Isolation\(namespaces=False\)"):
        ForkServer().start()


def test_weaker_mode_runs_without_namespaces_and_says_so():
    """The layers come from the server's set-up, not from the report: a program that forges
    its report cannot claim isolation it did not have."""
    forged = ('{"kind": "ok", "answer": "1", "layers": ["netns", "mountns", "seccomp"]}')
    weak = ForkServer(Isolation(namespaces=False, seccomp=False))
    try:
        result = weak.run("answer = 1", Limits())
        forging = weak.run(f"import os\nos.write(3, {forged.encode()!r})\nos._exit(0)\n")
    finally:
        weak.close()
    assert result.status is ExecStatus.ok
    assert "netns" not in result.layers and "landlock" in result.layers, result.layers
    assert forging.answer == "1" and forging.layers == result.layers, forging.layers


def test_interrupted_run_drops_the_server_and_the_next_run_is_clean():
    server = ForkServer()

    def interrupt(*_):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        first_pid = (server.start(), server.server_pid)[1]
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with pytest.raises(KeyboardInterrupt):
            server.run("import time\ntime.sleep(10)\nanswer = 1", Limits(wall_seconds=20))
        assert server.server_pid is None, "the interrupted server must be dropped"
        result = server.run("answer = 2")
        assert result.answer == "2" and server.server_pid != first_pid
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        server.close()


def test_non_ascii_output_and_long_exception_names_are_reported(run_checked):
    """Every character may cost 12 bytes of JSON; a 300-character exception class name is
    cut, not a reason to lose the report."""
    result = run_checked("print('\\U0001F600' * 60000)\nanswer = 1\n")
    assert result.status is ExecStatus.ok and len(result.stdout) == 60001, result.status
    named = run_checked("E = type('E' * 300, (Exception,), {})\nraise E('boom')\n")
    assert named.status is ExecStatus.error and named.exception.type == "E" * 200
