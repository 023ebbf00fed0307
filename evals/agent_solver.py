"""The agent as an eval solver: `Agent(generator, mode).solve(prompt)` turned into a SolveOutcome.

Built once per worker process (the generator's checkpoint loads once). For the `llm`
generator the chat model is an OpenAI-compatible client (vLLM, Ollama, llama.cpp, a hosted
API) with its own retries switched off: the harness retries transient failures itself, with
a cap and backoff, so one number bounds them.
"""

from __future__ import annotations

import importlib
import os
import re
from collections import defaultdict
from typing import Any

from evals.records import Cell, RepairRound
from evals.solvers import SolveOutcome, Solver, SolverConfig
from tasks import Problem


class AgentSolverError(RuntimeError):
    """The agent could not be built for a cell (missing extra, no model given); says what to do."""


class ModelServerError(ConnectionError):
    """The model server failed transiently inside a solve (rate limit, connection); the harness retries."""


# The agent reports a generator's exception as a result ("generator 'llm' failed: RateLimitError: ...");
# these names mean the server, not the model's answer, failed, so the attempt is retried, not scored.
_TRANSIENT_IN_REPORT = re.compile(
    r"\b(RateLimitError|APIConnectionError|APITimeoutError|InternalServerError|ServiceUnavailableError)\b"
)


def make_chat_model(config: SolverConfig) -> Any:
    """The chat model for the llm generator: from --llm-factory, else an OpenAI-compatible client (`ladder[llm]`)."""
    if config.llm_factory:
        return _from_factory(config.llm_factory)
    if not config.llm_model:
        raise AgentSolverError("the llm generator needs --llm-model (and --llm-base-url for a local server)")
    try:
        from langchain_openai import ChatOpenAI
    except ImportError:
        raise AgentSolverError("the llm generator needs langchain-openai: pip install 'ladder[llm]'") from None
    return ChatOpenAI(
        model=config.llm_model,
        base_url=config.llm_base_url,
        api_key=os.environ.get(config.llm_api_key_env, "not-needed-for-local-servers"),
        temperature=0.0,
        max_retries=0,  # the harness's RetryPolicy is the only retry loop
    )


def _from_factory(spec: str) -> Any:
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise AgentSolverError(f"--llm-factory {spec!r}: expected 'module:function'")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise AgentSolverError(f"--llm-factory {spec!r}: {exc}") from None
    return factory()


def make_agent_solver(config: SolverConfig, cell: Cell) -> Solver:
    """Build the agent for one cell and return a solver closure over it."""
    from agent import Agent

    llm = make_chat_model(config) if cell.generator == "llm" else None
    agent = Agent.from_settings(config.agent_settings(cell), llm=llm)

    def solve(problem: Problem, attempt: int) -> SolveOutcome:
        solution = agent.solve(problem.prompt)
        transient = _transient_failure(solution)
        if transient:
            raise ModelServerError(transient)
        return outcome_from_solution(solution)

    return solve


def _transient_failure(solution: Any) -> str | None:
    """The agent's report of a model-server failure, if that is why it has no answer."""
    if solution.answer is not None:
        return None
    texts = [solution.error or "", solution.failure.message if solution.failure else ""]
    texts += [step.output for step in solution.trace if not step.ok]
    return next((t for t in texts if _TRANSIENT_IN_REPORT.search(t)), None)


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
