"""Tool mode's program loop, wired once, and one sub-question of solving by parts (agent/parts.py).

Kept apart from agent/graph.py, which wires the `parts` node into the whole state machine,
so that the node can run the loop without importing the module that imports it.
"""

from __future__ import annotations

from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from agent import nodes
from agent.runtime import AgentContext
from agent.state import AgentState

LOOP_NODES = ("generate", "select", "execute", "reduce", "verify", "repair")


def add_program_loop(builder: StateGraph, done: str) -> None:
    """generate -> select | reduce | repair -> execute -> verify -> ... -> `done`: the loop of
    the whole machine (done = declare) and of a part (done = answer), wired once."""
    for name in LOOP_NODES:
        builder.add_node(name, getattr(nodes, name))
    builder.add_conditional_edges(
        "generate",
        nodes.route_after_generate,
        {"select": "select", "reduce": "reduce", "repair": "repair", "answer": done},
    )
    builder.add_conditional_edges("select", nodes.route_after_verify, {"repair": "repair", "answer": done})
    builder.add_edge("execute", "verify")
    builder.add_edge("reduce", "verify")
    builder.add_conditional_edges("verify", nodes.route_after_verify, {"repair": "repair", "answer": done})
    builder.add_conditional_edges("repair", nodes.route_after_repair, {"execute": "execute", "answer": done})


def build_part_graph() -> CompiledStateGraph:
    """One sub-question of solving by parts: tool mode's generate -> select -> repair loop on
    a graph given in the state (no rewrite, no parse, no declare: a part's program is the
    generator's or nothing)."""
    builder = StateGraph(AgentState, context_schema=AgentContext)
    add_program_loop(builder, done="answer")
    builder.add_node("answer", nodes.answer)
    builder.add_edge(START, "generate")
    builder.add_edge("answer", END)
    return builder.compile(name="ladder-part")
