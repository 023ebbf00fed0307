"""Solvers the harness can run: the agent (the thing under test) and the reference-program solver.

A solver is built inside each worker process from a plain, picklable `SolverConfig`, so the
local and Ray executors run exactly the same code. Both solvers are real: the reference
solver executes each problem's reference program in the verifiers' sandbox, which exercises
the whole harness (timeouts, records, checking) without the models.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from agent.settings import AgentSettings
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
    meta: dict[str, Any] = Field(default_factory=dict)


class SolverConfig(BaseModel):
    """Everything a worker needs to build a solver; saved in the run's spec so a run can be recreated."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    solver: Literal["agent", "reference"] = Field(default="agent", description="What answers the problems.")
    agent: AgentSettings = Field(
        default_factory=AgentSettings,
        description="How the agent solves (repairs and their strategy, samples, infill_k, reorder, front ends): "
        "the one settings record, so run.json recreates the run. Per cell, `generator` and `mode` come from "
        "the cell, `checkpoint` from `checkpoints`, and the llm generator takes 1 sample (each is a chat call).",
    )
    checkpoints: dict[str, str] = Field(
        default_factory=dict, description="Generator name -> checkpoint path; the shipped checkpoint when absent."
    )
    llm_model: str | None = Field(default=None, description="Model name for the llm generator.")
    llm_base_url: str | None = Field(
        default=None, description="OpenAI-compatible server for the llm generator (vLLM, Ollama, llama.cpp)."
    )
    llm_api_key_env: str = Field(default="OPENAI_API_KEY", description="Environment variable holding the API key.")
    llm_factory: str | None = Field(
        default=None,
        description="'module:function' returning any LangChain chat model; used instead of the OpenAI client.",
    )


    @model_validator(mode="before")
    @classmethod
    def _max_repairs_into_agent(cls, data: Any) -> Any:
        """`max_repairs` at the top (run.json files written before `agent`, and callers that set
        only it) is the agent's setting."""
        if isinstance(data, dict) and "max_repairs" in data:
            data = dict(data)
            agent = data.get("agent", {})
            agent = agent.model_dump() if isinstance(agent, AgentSettings) else dict(agent)
            if "max_repairs" in agent and agent["max_repairs"] != data["max_repairs"]:
                raise ValueError(f"max_repairs given twice: {data['max_repairs']} and agent.max_repairs "
                                 f"{agent['max_repairs']}")
            agent["max_repairs"] = data.pop("max_repairs")
            data["agent"] = agent
        return data

    @property
    def max_repairs(self) -> int:
        return self.agent.max_repairs

    def agent_settings(self, cell: Cell) -> AgentSettings:
        """The agent's settings for one cell: the shared record with the cell's generator, mode
        and checkpoint."""
        update: dict[str, Any] = {"generator": cell.generator, "mode": cell.mode,
                                  "checkpoint": self.checkpoints.get(cell.generator)}
        if cell.generator == "llm":
            update["samples"] = 1
        return AgentSettings.model_validate({**self.agent.model_dump(), **update})


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
