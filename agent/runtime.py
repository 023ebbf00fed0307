"""The run-scoped dependencies the nodes need but the state must not carry.

A generator holds a model and a rewriter may hold a chat model: neither belongs in a
checkpointed state. LangGraph hands this context to every node as `runtime.context`
(`StateGraph(..., context_schema=AgentContext)`), so the nodes stay module-level functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from agent.settings import AgentSettings


@dataclass
class AgentContext:
    """What one Agent lends its graph: settings, the generator and the rewriter."""

    settings: AgentSettings
    load_generator: Callable[[], Any]  # -> graphmodel Generator; loaded when first needed
    rewrite: Callable[[str], Any]  # text -> agent.rewrite RewriteResult (.ace, .ok, .issues)
    limits: Any = None  # verifiers.Limits for the sandbox; its defaults when None

    @property
    def generator(self) -> Any:
        """generate(graph, k) / infill(graph, tree, hole, k); a rejected question never loads it."""
        return self.load_generator()
