"""The wiring of one sub-question of solving by parts (agent/parts.py): tool mode's own loop.

Kept apart from agent/graph.py, which wires the `parts` node into the whole state machine,
so that the node can run this loop without importing the module that imports it.
"""

from __future__ import annotations

from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from agent import nodes
from agent.runtime import AgentContext
from agent.state import AgentState


def build_part_graph() -> CompiledStateGraph:
    """One sub-question of solving by parts: tool mode's generate -> select -> repair loop on
    a graph given in the state (no rewrite, no parse, no declare: a part's program is the
    generator's or nothing)."""
    builder = StateGraph(AgentState, context_schema=AgentContext)
    for name in ("generate", "select", "execute", "reduce", "verify", "repair", "answer"):
        builder.add_node(name, getattr(nodes, name))
    builder.add_edge(START, "generate")
    builder.add_conditional_edges(
        "generate",
        nodes.route_after_generate,
        {"select": "select", "reduce": "reduce", "repair": "repair", "answer": "answer"},
    )
    builder.add_conditional_edges("select", nodes.route_after_verify, {"repair": "repair", "answer": "answer"})
    builder.add_edge("execute", "verify")
    builder.add_edge("reduce", "verify")
    builder.add_conditional_edges("verify", nodes.route_after_verify, {"repair": "repair", "answer": "answer"})
    builder.add_conditional_edges("repair", nodes.route_after_repair, {"execute": "execute", "answer": "answer"})
    builder.add_edge("answer", END)
    return builder.compile(name="ladder-part")
