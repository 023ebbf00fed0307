"""The agent as an eval solver: `Agent(generator, mode).solve(prompt)` turned into a SolveOutcome.

Built once per worker process (the generator's checkpoint loads once). For the `llm`
generator the chat model comes from agent.chat (a model string for init_chat_model or
`module:function`), whose one retry loop rides out outages; a server still down after it
makes the attempt `unavailable`, which is never scored.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from evals.records import Cell, RepairRound
from evals.solver_api import SolveOutcome, Solver, SolverConfig, SolverUnavailable, solver
from tasks import Problem


class AgentSolverError(RuntimeError):
    """The agent could not be built for a cell (missing extra, no model given); says what to do."""


def make_chat_model(config: SolverConfig) -> Any:
    """The llm generator's chat model (agent.chat: the same config path as every command)."""
    from agent.chat import LLMSetupError
    from agent.chat import make_chat_model as build

    if config.llm is None:
        raise AgentSolverError("the llm generator needs --llm-model (and --llm-base-url for a local server)")
    try:
        return build(config.llm)
    except LLMSetupError as exc:
        raise AgentSolverError(str(exc)) from None


@solver("agent")
def make_agent_solver(config: SolverConfig, cell: Cell) -> Solver:
    """Build the agent for one cell and return a solver closure over it."""
    from agent import Agent

    llm = make_chat_model(config) if cell.generator == "llm" else None
    agent = Agent.from_settings(config.agent_settings(cell), llm=llm)

    def solve(problem: Problem, attempt: int) -> SolveOutcome:
        if llm is not None:
            llm.last_outage, llm.retried = None, 0
        solution = agent.solve(problem.prompt)
        retried = llm.retried if llm is not None else 0
        if str(solution.status) == "llm_unavailable":
            raise SolverUnavailable(solution.error or "the LLM server failed", retries=retried)
        return outcome_from_solution(solution).model_copy(update={"retries": retried})

    return solve


def outcome_from_solution(solution: Any) -> SolveOutcome:
    """Map the agent's Solution onto the harness's outcome: answer, verdict, repairs, stage times."""
    stage_ms: dict[str, float] = defaultdict(float)
    for step in solution.trace:
        stage_ms[step.node] += float(step.duration_ms)
    failed = next((step.node for step in reversed(solution.trace) if not step.ok), None)
    repairs = [
        RepairRound(
            round=r.round,
            reason=r.reason,
            subtree=r.removed or None,
            replacement=r.replacement or None,
            fixed=bool(r.fixed),
        )
        for r in solution.repairs
    ]
    status = str(getattr(solution.status, "value", solution.status))
    error = solution.error
    if error is None and solution.answer is None and solution.failure is not None:
        error = f"{solution.failure.kind}: {solution.failure.message}"
    return SolveOutcome(
        answer=solution.answer,
        verdict=status,
        verified=bool(solution.verified),
        repairs=repairs,
        stage_ms=dict(stage_ms),
        error=error,
        meta={
            "agent_status": status,
            "failed_stage": failed,
            "ace": solution.ace,
            "program": solution.program,
            "certificate": (solution.certificate or "")[:500],
        },
    )
