"""Where attempts run: local worker processes (default) or Ray tasks on a Ray cluster.

Both run the same function, `evals.attempt.run_attempt`, on the same picklable inputs, and
yield records as they finish; the caller writes them. No scheduling of our own beyond
submitting every item and collecting results: the process pool or Ray does the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Literal

from agent.pool_workers import init_pool_worker
from evals.attempt import AttemptSettings, WorkItem, run_attempt
from evals.records import EvalRecord


class ExecutorError(RuntimeError):
    """The executor itself failed (a worker died, Ray is missing); records written so far stay valid."""


def run_items(
    items: list[WorkItem],
    settings: AttemptSettings,
    *,
    workers: int = 1,
    executor: Literal["local", "ray"] = "local",
    ray_address: str | None = None,
) -> Iterator[EvalRecord]:
    """Yield one record per item, in completion order."""
    if not items:
        return iter(())
    if executor == "ray":
        return _run_ray(items, settings, workers=workers, address=ray_address)
    if executor != "local":
        raise ExecutorError(f"unknown executor {executor!r}; expected 'local' or 'ray'")
    if workers <= 1:
        return (run_attempt(item, settings) for item in items)
    return _run_pool(items, settings, workers)


def _run_pool(items: list[WorkItem], settings: AttemptSettings, workers: int) -> Iterator[EvalRecord]:
    # spawn, not fork: the parent may hold torch/BLAS threads, which fork does not copy safely
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(workers, os.getpid())
    )
    pending: set[Future[EvalRecord]] = {pool.submit(run_attempt, item, settings) for item in items}
    try:
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    yield future.result()
                except BrokenProcessPool:
                    raise ExecutorError(
                        "a worker process died (killed or out of memory); the records written so far "
                        "are kept: rerun with --resume to finish"
                    ) from None
    except BaseException:  # KeyboardInterrupt (SIGINT, or SIGTERM turned into one by the CLI), a worker's death
        _terminate_workers(pool)  # the attempts in flight are lost; --resume runs them again
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _init_worker(workers: int, parent_pid: int) -> None:
    """A worker: it dies with the parent (even a SIGKILLed one), takes its share of the cores,
    and leaves Ctrl-C to the parent, which stops the pool and keeps the records."""
    init_pool_worker(workers, parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _terminate_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's processes now (Python 3.14 has `terminate_workers`; before it, the process table)."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()


def _run_ray(
    items: list[WorkItem], settings: AttemptSettings, *, workers: int, address: str | None
) -> Iterator[EvalRecord]:
    try:
        import ray
    except ImportError:
        raise ExecutorError("--executor ray needs Ray: pip install 'ladder[ray]'") from None
    started_here = False
    if not ray.is_initialized():
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
        started_here = True
    try:
        remote = ray.remote(num_cpus=1, max_retries=0)(run_attempt)
        shared = ray.put(settings)
        pending = [remote.remote(item, shared) for item in items]
        while pending:
            finished, pending = ray.wait(pending, num_returns=1)
            for ref in finished:
                try:
                    yield ray.get(ref)
                except ray.exceptions.RayError as exc:
                    raise ExecutorError(
                        f"a Ray task failed outside the attempt ({type(exc).__name__}); the records "
                        "written so far are kept: rerun with --resume to finish"
                    ) from None
    finally:
        if started_here:
            ray.shutdown()
