"""The solver protocol: what a solver is given and returns, and the registry that names solvers.

A leaf module (it imports no solver): each solver module registers its factory with
`@solver("name")`, as inspect_ai's decorators do, and `evals.solvers` imports those modules
and builds them. So `evals.agent_solver` and the reference solver depend on this module, and
nothing here depends on them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from agent.chat import LLMConfig
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
    agent: AgentSettings = Field(
        default_factory=AgentSettings,
        description="How the agent solves (repairs and their strategy, samples, infill_k, reorder, front ends): "
        "the one settings record, so run.json recreates the run. Per cell, `generator` and `mode` come from "
        "the cell, `checkpoint` from `checkpoints`, and the llm generator takes 1 sample (each is a chat call).",
    )
    checkpoints: dict[str, str] = Field(
        default_factory=dict, description="Generator name -> checkpoint path; the shipped checkpoint when absent."
    )
    llm: LLMConfig | None = Field(
        default=None, description="The chat model of the llm generator (agent.chat: model string or module:function)."
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
SolverFactory = Callable[[SolverConfig, Cell], Solver]  # built once per worker process, per cell
_REGISTRY: dict[str, SolverFactory] = {}


def solver(name: str) -> Callable[[SolverFactory], SolverFactory]:
    """Register a solver factory under `name` (the value of `SolverConfig.solver`)."""

    def register(factory: SolverFactory) -> SolverFactory:
        if name in _REGISTRY and _REGISTRY[name] is not factory:
            raise ValueError(f"solver {name!r} is registered twice: {_REGISTRY[name].__module__} and {factory.__module__}")
        _REGISTRY[name] = factory
        return factory

    return register


def registered() -> dict[str, SolverFactory]:
    """Name -> factory of every solver registered so far."""
    return dict(_REGISTRY)
