"""ladder's agent: the LangGraph state machine from an English question to a verified answer.

    from agent import Agent, Solution
    solution = Agent(generator="graph", mode="tool").solve("A 13 foot ladder ...")

The names below load on first use (PEP 562), so `import agent.settings` (evals' SolverConfig
embeds AgentSettings) does not load the state machine, the generators and torch.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agent.api import Agent, AgentError, AgentEvent
    from agent.chat import LLMConfig, LLMUnavailable
    from agent.settings import AgentSettings
    from agent.state import Mode, RepairRound, RepairStrategy, Solution, Status, TraceStep
    from verifiers import (
        SandboxUnavailable,
        UnsafeValue,
        Verdict,
        answers_equivalent,
        parse_answer,
        run_program,
        value_source,
    )
    from verifiers.sandbox import default_server

_HOMES = {
    "Agent": "agent.api",
    "AgentError": "agent.api",
    "AgentEvent": "agent.api",
    "AgentSettings": "agent.settings",
    "LLMConfig": "agent.chat",
    "LLMUnavailable": "agent.chat",
    "Mode": "agent.state",
    "RepairRound": "agent.state",
    "RepairStrategy": "agent.state",
    "Solution": "agent.state",
    "Status": "agent.state",
    "TraceStep": "agent.state",
    "Verdict": "verifiers",
    # verifiers' names that evals uses (evals -> agent, tasks; DESIGN.md)
    "SandboxUnavailable": "verifiers",
    "UnsafeValue": "verifiers",
    "answers_equivalent": "verifiers",
    "default_server": "verifiers.sandbox",
    "parse_answer": "verifiers",
    "run_program": "verifiers",
    "value_source": "verifiers",
}

__all__ = [
    "Agent",
    "AgentError",
    "AgentEvent",
    "AgentSettings",
    "LLMConfig",
    "LLMUnavailable",
    "Mode",
    "RepairRound",
    "RepairStrategy",
    "SandboxUnavailable",
    "Solution",
    "Status",
    "TraceStep",
    "UnsafeValue",
    "Verdict",
    "answers_equivalent",
    "default_server",
    "parse_answer",
    "run_program",
    "value_source",
]
assert sorted(_HOMES) == __all__, "every export has a home"


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'agent' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # later lookups skip this function
    return value
