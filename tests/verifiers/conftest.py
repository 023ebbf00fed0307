"""Shared fixtures: one fork server per test module, short limits, and a check that the
trusted side (test process, fork server) came through an adversarial run unharmed."""

from __future__ import annotations

import pytest

from verifiers import ExecStatus, ForkServer, Limits

SHORT = Limits(wall_seconds=3, cpu_seconds=2, memory_mb=512)


@pytest.fixture(scope="module")
def server():
    fork_server = ForkServer()
    fork_server.start()
    yield fork_server
    fork_server.close()


def assert_unharmed(server: ForkServer, pid_before: int | None = None) -> None:
    """The server still runs programs, is the same process, holds no leftover child
    process or scratch directory."""
    if pid_before is not None:
        assert server.server_pid == pid_before, "the fork server was restarted (it died)"
    result = server.run("answer = 6 * 7", SHORT)
    assert result.status is ExecStatus.ok and result.answer == "42", \
        f"the sandbox no longer runs a trivial program: {result}"
    health = server.last_health
    assert health["processes"] == 2, f"leftover processes in the sandbox: {health}"
    assert health["scratch_entries"] == 0, f"leftover scratch directories: {health}"


@pytest.fixture(scope="module")
def run_checked(server):
    """Run a program in the module's server, then assert the server came through unharmed."""

    def run(code: str, limits: Limits = SHORT):
        pid = server.server_pid
        result = server.run(code, limits)
        assert_unharmed(server, pid)
        return result

    return run


@pytest.fixture
def short_limits() -> Limits:
    return SHORT
