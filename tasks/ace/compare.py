"""Do two ACE texts mean the same? And if not, which facts differ.

`compare_meanings(a, b)` compares the normal forms (normalize.py) of two graphs and lists the
facts, written as `source -edge-> target`, that only one of them has. It is what a rewriter
author needs when a rewrite "parses, but to a different graph": the one fact that was lost,
added or attached to the wrong owner.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from tasks.ace.graph import NodeKind, SemanticGraph


class MeaningDiff(BaseModel):
    """The outcome of comparing two graphs' normal forms."""

    same: bool
    only_first: list[str]   # facts of the first text's normal form that the second lacks
    only_second: list[str]  # and the other way round


def node_text(graph: SemanticGraph, i: int) -> str:
    """A node as a reader names it: `13 foot` for a quantity, `? apple` for an unknown, else
    its label."""
    n = graph.nodes[i]
    if n.kind == NodeKind.QUANTITY:
        return f"{n.value if n.value is not None else n.label} {n.unit}"
    return n.label


def facts(graph: SemanticGraph) -> Counter[str]:
    """The edges of a graph as readable facts, with their multiplicity."""
    return Counter(
        f"{node_text(graph, e.src)} -{e.kind.value}{':' + e.label if e.label else ''}-> "
        f"{node_text(graph, e.dst)}" for e in graph.edges)


def compare_meanings(first: SemanticGraph, second: SemanticGraph) -> MeaningDiff:
    """Compare two graphs by meaning; the fact lists are empty when the difference lies only in
    how facts connect (the same facts about two referents rather than one, say)."""
    a, b = facts(first.normal_form()), facts(second.normal_form())
    return MeaningDiff(same=first == second, only_first=sorted((a - b).elements()),
                       only_second=sorted((b - a).elements()))
