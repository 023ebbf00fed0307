"""Solvers the harness can run: the agent (the thing under test) and the reference-program solver.

A solver is built inside each worker process from a plain, picklable `SolverConfig`, so the
local and Ray executors run exactly the same code. Both solvers are real: the reference
solver executes each problem's reference program in the verifiers' sandbox, which exercises
the whole harness (timeouts, records, checking) without the models.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from agent.chat import LLMConfig
from evals.records import Cell, RepairRound
from tasks import Problem


class SolveOutcome(BaseModel):
    """What a solver returns for one attempt, before the harness checks the answer."""

    answer: str | None = Field(default=None, description="Exact answer text; None when nothing was bound.")
    verdict: str | None = Field(default=None, description="The solver's own verdict, if it has one.")
    verified: bool = Field(default=False, description="Whether the solver claims its answer passed its checks.")
    repairs: list[RepairRound] = Field(default_factory=list)
    stage_ms: dict[str, float] = Field(default_factory=dict, description="Wall time per stage, in ms.")
    error: str | None = Field(default=None, description="A failure the solver reported as a result.")
    retries: int = Field(default=0, ge=0, description="Retries the solver's own backend made (LLM calls through outages).")
    meta: dict[str, Any] = Field(default_factory=dict)


class SolverUnavailable(RuntimeError):
    """The solver's backend (an LLM server) failed after its own retries: recorded as
    `unavailable`, never scored and not retried again by the harness."""

    def __init__(self, message: str, retries: int) -> None:
        super().__init__(message)
        self.retries = retries


class SolverConfig(BaseModel):
    """Everything a worker needs to build a solver; saved in the run's spec so a run can be recreated."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    solver: Literal["agent", "reference"] = Field(default="agent", description="What answers the problems.")
    max_repairs: int = Field(default=3, ge=0, description="Agent repair rounds per attempt.")
    checkpoints: dict[str, str] = Field(
        default_factory=dict, description="Generator name -> checkpoint path; the shipped checkpoint when absent."
    )
    llm: LLMConfig | None = Field(
        default=None, description="The chat model of the llm generator (agent.chat: model string or module:function)."
    )


Solver = Callable[[Problem, int], SolveOutcome]
_BUILT: dict[tuple[str, Cell], Solver] = {}  # one per worker process: models load once, not per problem


def build_solver(config: SolverConfig, cell: Cell) -> Solver:
    """The solver for a cell, built once per process and reused."""
    key = (config.model_dump_json(), cell)
    if key not in _BUILT:
        if config.solver == "reference":
            _BUILT[key] = solve_with_reference
        else:
            from evals.agent_solver import make_agent_solver

            _BUILT[key] = make_agent_solver(config, cell)
    return _BUILT[key]


def solve_with_reference(problem: Problem, attempt: int) -> SolveOutcome:
    """Run the problem's reference program in the sandbox and report the `answer` it binds."""
    from verifiers import run_program

    if not problem.program:
        return SolveOutcome(error="NoProgram: the problem has no reference program")
    result = run_program(problem.program)
    stage_ms = {"execute": float(result.duration_ms)}
    status = str(getattr(result.status, "value", result.status))
    if status != "ok":
        exc = result.exception
        detail = f"{exc.type}: {exc.message}" if exc else status
        return SolveOutcome(error=f"Sandbox{status.title()}: {detail}", stage_ms=stage_ms)
    return SolveOutcome(answer=result.answer, verified=False, stage_ms=stage_ms)
