"""Many runs in a row leave nothing behind: no process, no descriptor, no scratch dir."""

from __future__ import annotations

import os
import tempfile

from verifiers import ExecStatus, ForkServer, Limits

_PROGRAMS = [
    "from sympy import Rational\nanswer = Rational(1, 3) + 1\n",
    "answer = 1 / 0\n",
    "import os\nif os.fork() == 0:\n    import time\n    time.sleep(60)\nanswer = 2\n",
    "open('f.txt', 'w').write('x' * 100)\nimport os\nos.mkdir('d')\nos.chmod('d', 0)\nanswer = 3\n",
    "print('x' * 200)\nanswer = 4\n",
    "import threading\nthreading.Thread(target=lambda: None).start()\nanswer = 5\n",
]


def _own_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def _own_children() -> int:
    me = str(os.getpid())
    count = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        count += fields[1] == me  # ppid
    return count


def _runs_leave_nothing(runs: int) -> None:
    host_tmp_before = set(os.listdir(tempfile.gettempdir()))
    fds_before, children_before = _own_fds(), _own_children()
    server = ForkServer()
    limits = Limits(wall_seconds=30, cpu_seconds=10)  # generous: a loaded CI box must not flake
    server.run(_PROGRAMS[0], limits)
    baseline = dict(server.last_health)
    try:
        for i in range(runs):
            result = server.run(_PROGRAMS[i % len(_PROGRAMS)], limits)
            assert result.status in {ExecStatus.ok, ExecStatus.error}, f"run {i}: {result}"
            health = server.last_health
            assert health == baseline, f"run {i} left something behind: {health} vs {baseline}"
        assert _own_children() == children_before + 1, "children besides the fork server"
    finally:
        server.close()
    assert _own_children() == children_before, "the fork server outlived close()"
    assert _own_fds() == fds_before, "the test process kept descriptors"
    leftover = {n for n in set(os.listdir(tempfile.gettempdir())) - host_tmp_before
                if n.startswith("ladder-run-")}
    assert not leftover, f"scratch directories left on the host: {leftover}"


def test_2000_runs_leave_nothing():
    """The issue's 2,000 runs in a row (forking, failing, writing files, threads): about
    30 s here, so it stays in the default run."""
    _runs_leave_nothing(2000)
