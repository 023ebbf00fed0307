"""ladder's agent: the LangGraph state machine from an English question to a verified answer.

    from agent import Agent, Solution
    solution = Agent(generator="graph", mode="tool").solve("A 13 foot ladder ...")
"""

from agent.api import Agent, AgentError, AgentEvent
from agent.settings import AgentSettings
from agent.state import Mode, RepairRound, RepairStrategy, Solution, Status, TraceStep
from verifiers import Verdict

__all__ = [
    "Agent",
    "AgentError",
    "AgentEvent",
    "AgentSettings",
    "Mode",
    "RepairRound",
    "RepairStrategy",
    "Solution",
    "Status",
    "TraceStep",
    "Verdict",
]
