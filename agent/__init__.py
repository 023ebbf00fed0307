"""ladder's agent: the LangGraph state machine from an English question to a verified answer.

    from agent import Agent, Solution
    solution = Agent(generator="graph", mode="tool").solve("A 13 foot ladder ...")

Names are imported on first use, so a light module (agent.chat, agent.settings) can be
imported without loading the graph, torch and the verifiers behind `Agent`.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
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
    "Verdict": "agent.state",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'agent' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
