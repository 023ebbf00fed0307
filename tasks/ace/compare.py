"""Do two ACE texts mean the same? And if not, which facts differ.

`same_meaning(a, b)` is the one test of "says the same thing": the canonical strings
(canonical.py) of the two normal forms (normalize.py) are equal, whatever the ids, node order or
phrasing. `canonical_meaning(graph)` is that string, for keying and for the CLI.
`compare_meanings(a, b)` compares the normal forms (normalize.py) of two graphs and lists the
facts, written as `source -edge-> target`, that only one of them has. It is what a rewriter
author needs when a rewrite "parses, but to a different graph": the one fact that was lost,
added or attached to the wrong owner.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from tasks.ace.canonical import canonical_string
from tasks.ace.graph import NodeKind, SemanticGraph
from tasks.ace.normalize import normal_form


class MeaningDiff(BaseModel):
    """The outcome of comparing two graphs' normal forms."""

    same: bool
    only_first: list[str]   # facts of the first text's normal form that the second lacks
    only_second: list[str]  # and the other way round


def canonical_meaning(graph: SemanticGraph) -> str:
    """An id- and order-independent string of the normal form: two graphs have the same one
    exactly when their normal forms are isomorphic."""
    return canonical_string(normal_form(graph))


def same_meaning(first: SemanticGraph, second: SemanticGraph) -> bool:
    """Whether two graphs say the same thing, whatever their ids, node order or source text."""
    return canonical_meaning(first) == canonical_meaning(second)


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
    a, b = facts(normal_form(first)), facts(normal_form(second))
    return MeaningDiff(same=same_meaning(first, second), only_first=sorted((a - b).elements()),
                       only_second=sorted((b - a).elements()))
