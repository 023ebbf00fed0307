"""Pool workers end with the process that started them (issue 14, item 7).

A real parent process starts a spawn pool with `init_pool_worker`, the test kills the parent
with SIGKILL, and the workers must be gone, and with them the pool's POSIX semaphores.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

PARENT = textwrap.dedent(
    """
    import os, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context
    from agent.pool_workers import init_pool_worker

    def pid_then_sleep(_):
        os.write(1, f"{os.getpid()}\\n".encode())
        time.sleep(120)

    if __name__ == "__main__":
        pool = ProcessPoolExecutor(2, mp_context=get_context("spawn"),
                                   initializer=init_pool_worker, initargs=(2, os.getpid()))
        list(pool.map(pid_then_sleep, range(2)))
    """
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat").read_text() if Path(f"/proc/{pid}/stat").exists() else ""
    return bool(stat) and stat.split(") ")[-1][:1] != "Z"


def _semaphores() -> set[str]:
    shm = Path("/dev/shm")
    return {p.name for p in shm.glob("sem.mp-*")} if shm.is_dir() else set()


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_and_semaphores_go_when_the_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    before = _semaphores()
    root = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, cwd=root,
                              env={**os.environ, "PYTHONPATH": str(root)})
    assert parent.stdout is not None
    workers = [int(parent.stdout.readline()) for _ in range(2)]  # both workers are running a task
    created = _semaphores() - before
    assert created, "the pool made no POSIX semaphores to leave behind"
    assert all(_alive(pid) for pid in workers)

    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (any(_alive(p) for p in workers) or created & _semaphores()):
        time.sleep(0.2)
    assert not [p for p in workers if _alive(p)], "workers outlived their killed parent"
    assert not created & _semaphores(), "the killed pool's semaphores stayed in /dev/shm"
