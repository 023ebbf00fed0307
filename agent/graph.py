"""The wiring of the agent's state machine, in one block that ends in `compile()`.

    rewrite -> parse -> generate -> select -----ok-----> answer    (tool mode: k programs run,
                          |           |                   ^         checked, one chosen)
                          |           +-> repair -> execute -> verify
                          |                 ^                    |
                          |                 +------failed--------+  (failing subtree localized)
                          +-> reduce -> verify -> answer   (structural mode: the first tree, no feedback)

    Tool mode passes `declare` before `answer`: when no generated program was accepted, the
    program written from the question's constraints runs (agent/declarative.py).
    With `parts` (agent/parts.py), parse -> parts -> (declare | generate): a question whose graph
    chains steps is first solved by its sub-questions, each through `part_graph.build_part_graph`.
"""

from __future__ import annotations

from typing import Any

from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from agent import nodes
from agent import parts as solving_by_parts
from agent.part_graph import add_program_loop
from agent.runtime import AgentContext
from agent.state import AgentState


def build_graph(checkpointer: Any = None, parts: bool = False) -> CompiledStateGraph:
    """The compiled state machine; run it with `context=AgentContext(...)`. With `parts`, the
    parsed graph goes to solving by parts (agent/parts.py) first, and to generate when that
    gives no accepted program."""
    builder = StateGraph(AgentState, context_schema=AgentContext)
    builder.add_node("rewrite", nodes.rewrite)
    builder.add_node("parse", nodes.parse)

    builder.add_edge(START, "rewrite")
    builder.add_conditional_edges("rewrite", nodes.route_after_rewrite, {"parse": "parse", "answer": "answer"})
    if parts:
        builder.add_node("parts", solving_by_parts.parts)
        builder.add_conditional_edges("parse", nodes.route_after_parse, {"generate": "parts", "answer": "answer"})
        builder.add_conditional_edges("parts", solving_by_parts.route_after_parts,
                                      {"generate": "generate", "answer": "declare"})
    else:
        builder.add_conditional_edges("parse", nodes.route_after_parse, {"generate": "generate", "answer": "answer"})
    add_program_loop(builder, done="declare")
    builder.add_node("declare", nodes.declare)
    builder.add_node("answer", nodes.answer)
    builder.add_edge("declare", "answer")
    builder.add_edge("answer", END)
    return builder.compile(checkpointer=checkpointer, name="ladder")
