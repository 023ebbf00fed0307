"""A wall-clock limit on one attempt, enforced with SIGALRM in the worker's main thread.

Eval workers (local processes and Ray workers) run each attempt on their main thread, where
an interval timer can interrupt pure-Python work. The exception derives from BaseException
so that a solver's own `except Exception` cannot swallow it and report a late answer.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class AttemptTimeout(BaseException):  # noqa: N818 - named for what it is, like KeyboardInterrupt
    """The attempt ran past its wall-clock limit."""


def can_interrupt() -> bool:
    """True where SIGALRM can be used: the main thread of a process."""
    return threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise AttemptTimeout in this thread after `seconds` (no limit when None or off the main thread)."""
    if not seconds or seconds <= 0 or not can_interrupt():
        yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise AttemptTimeout(f"ran past the {seconds:g} s limit")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
