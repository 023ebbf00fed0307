"""Helpers for the ACE tests: compact views of a graph that are easy to compare by eye."""

from __future__ import annotations

from tasks.ace import SemanticGraph


def triples(graph: SemanticGraph) -> set[tuple[str, str, str]]:
    """Edges as (source text, kind[:label], target text), e.g. ("length", "value", "13 foot")."""

    def text(i: int) -> str:
        n = graph.nodes[i]
        if n.kind.value == "quantity":
            return f"{n.value if n.value is not None else n.label} {n.unit}"
        return n.label

    return {(text(e.src), e.kind.value + (f":{e.label}" if e.label else ""), text(e.dst))
            for e in graph.edges}


def kinds(graph: SemanticGraph) -> dict[str, list[str]]:
    """Node labels grouped by kind, sorted."""
    out: dict[str, list[str]] = {}
    for n in graph.nodes:
        out.setdefault(n.kind.value, []).append(n.label)
    return {k: sorted(v) for k, v in out.items()}
