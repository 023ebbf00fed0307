"""One attempt at one problem in one cell: solve under a deadline, retry transient failures, check, record.

`run_attempt` is the only function executors run remotely. It never raises: every outcome,
including a crash inside the solver, becomes exactly one record with one status.
"""

from __future__ import annotations

import random
import time
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from evals.answer_check import check_answer
from evals.deadline import AttemptTimeout, deadline
from evals.records import Cell, EvalRecord, Status
from evals.solvers import SolveOutcome, Solver, SolverConfig, SolverUnavailable, build_solver
from tasks import Problem

# Exception class names (anywhere in the MRO) that mean "the remote model was briefly unavailable".
# Names rather than classes, so the harness need not import every client library.
TRANSIENT_ERRORS = frozenset(
    {
        "ConnectionError",
        "RateLimitError",
        "APIConnectionError",
        "APITimeoutError",
        "InternalServerError",
        "ServiceUnavailableError",
        "Timeout",
        "ReadTimeout",
        "ConnectTimeout",
    }
)


class RetryPolicy(BaseModel):
    """Capped exponential backoff for transient (LLM server) failures."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_retries: int = Field(default=3, ge=0, description="Retries after the first try; then the error is recorded.")
    base_delay_s: float = Field(default=1.0, ge=0, description="Delay before the first retry, in s; doubles each time.")
    max_delay_s: float = Field(default=30.0, ge=0, description="Cap on one delay, in s.")

    def delay(self, retry: int) -> float:
        """Seconds to wait before retry number `retry` (0-based), with up to 25% jitter."""
        base = min(self.max_delay_s, self.base_delay_s * (2**retry))
        return base * (1.0 + 0.25 * random.random())


class AttemptSettings(BaseModel):
    """The run-wide settings every attempt needs; small and picklable."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    solver: SolverConfig = Field(default_factory=SolverConfig)
    timeout_s: float = Field(default=120.0, gt=0, description="Wall-clock limit for solving one attempt, in s.")
    retry: RetryPolicy = Field(default_factory=RetryPolicy)


class WorkItem(BaseModel):
    """One unit of work: which problem, in which cell, which attempt."""

    model_config = ConfigDict(frozen=True)

    suite: str
    problem: Problem
    cell: Cell
    attempt: int


def is_transient(exc: BaseException) -> bool:
    """True for errors worth retrying: connection failures and rate limits of a model server."""
    return any(cls.__name__ in TRANSIENT_ERRORS for cls in type(exc).__mro__)


def solve_with_retries(
    solver: Solver, problem: Problem, attempt: int, policy: RetryPolicy
) -> tuple[SolveOutcome, int]:
    """Call the solver, retrying transient errors up to the policy's cap; returns (outcome, retries)."""
    retries = 0
    while True:
        try:
            return solver(problem, attempt), retries
        except Exception as exc:
            if not is_transient(exc) or retries >= policy.max_retries:
                exc.add_note(f"after {retries} retr{'y' if retries == 1 else 'ies'}")
                raise
            time.sleep(policy.delay(retries))
            retries += 1


def run_attempt(item: WorkItem, settings: AttemptSettings) -> EvalRecord:
    """Solve, check and record one attempt; never raises."""
    started = time.perf_counter()
    started_at = time.time()
    problem = item.problem
    fields: dict[str, Any] = {
        "suite": item.suite,
        "problem_id": problem.id,
        "family": problem.family,
        "prompt": problem.prompt,
        "generator": item.cell.generator,
        "mode": item.cell.mode,
        "attempt": item.attempt,
        "gold": problem.answer,
        "started_at": started_at,
    }
    retries = 0
    try:
        solver = build_solver(settings.solver, item.cell)
        with deadline(settings.timeout_s):
            outcome, retries = solve_with_retries(solver, problem, item.attempt, settings.retry)
    except SolverUnavailable as exc:  # already retried by the solver's own loop: recorded, not scored
        error = _describe(exc)
        return _finish(fields, started, status=Status.unavailable, why=f"LLM unavailable: {exc}", error=error, retries=exc.retries)
    except AttemptTimeout as exc:
        _reset_sandbox()
        return _finish(fields, started, status=Status.timeout, why=f"timeout: {exc}", error=f"Timeout: {exc}")
    except Exception as exc:
        error = _describe(exc)
        return _finish(fields, started, status=Status.error, why=f"solver raised {error}", error=error)
    fields.update(
        answer=outcome.answer,
        verdict=outcome.verdict,
        verified=outcome.verified,
        repairs=outcome.repairs,
        stage_ms=outcome.stage_ms,
        retries=retries + outcome.retries,
        meta=outcome.meta,
        error=outcome.error,
    )
    if outcome.answer is None or not outcome.answer.strip():
        why = f"no answer: {outcome.error}" if outcome.error else "no answer: the solver bound none"
        return _finish(fields, started, status=Status.no_answer, why=why)
    try:
        check = check_answer(problem, outcome.answer)
    except Exception as exc:  # a checker bug must show as an error record, not kill the run
        error = _describe(exc)
        return _finish(fields, started, status=Status.error, why=f"answer check raised {error}", error=error)
    status = Status.correct if check.correct else Status.wrong
    return _finish(fields, started, status=status, why=check.why, check_method=check.method)


def _reset_sandbox() -> None:
    """Restart the sandbox's fork server after an interrupted run.

    The timeout can land between a request to the fork server and its reply; the reply would
    then be read as the answer to the next program. Closing the server drops it (and kills
    the program still running); the next run starts a fresh one.
    """
    from agent import default_server

    default_server().close()


def _finish(fields: dict[str, Any], started: float, **more: Any) -> EvalRecord:
    data = {**fields, **more}  # later keys win: the outcome's own error is replaced by the harness's
    return EvalRecord(
        **data,
        correct=data["status"] == Status.correct,
        total_ms=(time.perf_counter() - started) * 1000.0,
        finished_at=time.time(),
    )


def _describe(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {message[0] if message else ''}".rstrip(": ")
    notes = getattr(exc, "__notes__", None)
    return f"{text} ({'; '.join(notes)})" if notes else text
