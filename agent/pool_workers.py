"""Worker processes that end with the process that started them.

A pool's workers outlive a parent killed with SIGKILL: they stay under pid 1, keep running
the attempts already queued and hold the resource tracker's pipe, so the pool's POSIX
semaphores stay in /dev/shm (five per killed run, issue 14 item 7). Linux's
PR_SET_PDEATHSIG delivers SIGKILL to the worker when its parent dies; the tracker then sees
its last client go and unlinks the semaphores.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal

from agent.cpus import share_cpus

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent_pid: int) -> bool:
    """Ask the kernel to SIGKILL this process when its parent dies; False where unsupported.

    `parent_pid` is the pid that created the pool: if it has already died before the
    request took effect, this worker has been reparented and ends now.
    """
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return False
    if libc.prctl(_PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGKILL), 0, 0, 0) != 0:
        return False
    if os.getppid() != parent_pid:  # the parent died between spawn and prctl
        os.kill(os.getpid(), signal.SIGKILL)
    return True


def init_pool_worker(workers: int, parent_pid: int) -> None:
    """Pool initializer: end with the parent, then take this worker's share of the cores."""
    die_with_parent(parent_pid)
    share_cpus(workers)
