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
    from verifiers import Verdict

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
    "Solution",
    "Status",
    "TraceStep",
    "Verdict",
]
assert sorted(_HOMES) == __all__, "every export has a home"


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'agent' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # later lookups skip this function
    return value
