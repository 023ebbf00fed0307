"""SemanticGraph: plain data (field equality), meaning comparison, networkx view, validation."""

from __future__ import annotations

import random

import pytest
from pydantic import ValidationError

from tasks.ace import (
    EdgeKind,
    GraphEdge,
    GraphNode,
    NodeKind,
    SemanticGraph,
    parse_ace,
    same_meaning,
)

TEXT = ("A ladder has a length of 13 feet. The ladder leans against a wall. "
        "What is the distance of the base of the ladder from the wall?")


def permuted(graph: SemanticGraph, seed: int) -> SemanticGraph:
    """The same graph with node ids shuffled and edges reordered."""
    order = list(range(len(graph.nodes)))
    random.Random(seed).shuffle(order)
    new_id = {old: new for new, old in enumerate(order)}
    nodes = sorted((n.model_copy(update={"id": new_id[n.id]}) for n in graph.nodes),
                   key=lambda n: n.id)
    edges = [e.model_copy(update={"src": new_id[e.src], "dst": new_id[e.dst]}) for e in graph.edges]
    random.Random(seed).shuffle(edges)
    query = None if graph.query is None else new_id[graph.query]
    return SemanticGraph(text="other text", nodes=nodes, edges=edges, query=query)


@pytest.mark.parametrize("seed", range(5))
def test_canonical_ignores_ids_order_and_text(seed):
    g = parse_ace(TEXT)
    assert same_meaning(permuted(g, seed), g)


def test_canonical_separates_symmetric_but_different_graphs():
    # Two isolated pairs vs one chain: same node labels, same edge count, different shape.
    def graph(edges):
        nodes = [GraphNode(id=i, kind=NodeKind.ENTITY, label="box") for i in range(4)]
        return SemanticGraph(text="", nodes=nodes,
                             edges=[GraphEdge(src=s, dst=d, kind=EdgeKind.HAS) for s, d in edges])

    pairs, chain = graph([(0, 1), (2, 3)]), graph([(0, 1), (1, 2)])
    assert not same_meaning(pairs, chain)
    assert same_meaning(graph([(2, 3), (0, 1)]), pairs)


def test_canonical_of_a_highly_symmetric_graph_is_still_invariant():
    # A 6-cycle of identical nodes: colour refinement alone cannot split it.
    nodes = [GraphNode(id=i, kind=NodeKind.NUMBER, label="1", value="1") for i in range(6)]
    ring = SemanticGraph(text="", nodes=nodes, edges=[
        GraphEdge(src=i, dst=(i + 1) % 6, kind=EdgeKind.NEXT) for i in range(6)])
    assert same_meaning(permuted(ring, 3), ring)
    two_triangles = SemanticGraph(text="", nodes=nodes, edges=[
        GraphEdge(src=i, dst=(i + 1) % 3 + 3 * (i // 3), kind=EdgeKind.NEXT) for i in range(6)])
    assert not same_meaning(two_triangles, ring)


def test_to_networkx_keeps_every_field():
    g = parse_ace("John has 5 apples.")
    nxg = g.to_networkx()
    assert nxg.number_of_nodes() == len(g.nodes) and nxg.number_of_edges() == len(g.edges)
    quantity = next(n.id for n in g.nodes if n.kind == NodeKind.QUANTITY)
    assert nxg.nodes[quantity] == {"kind": "quantity", "label": "5", "value": "5",
                                   "unit": "apple", "sentence": 0}
    assert {d["kind"] for _, _, d in nxg.edges(data=True)} == {"agent", "object", "unit"}


def test_graph_validation_names_the_bad_id():
    with pytest.raises(ValidationError, match="points outside the 1 nodes"):
        SemanticGraph(text="", nodes=[GraphNode(id=0, kind=NodeKind.ENTITY, label="a")],
                      edges=[GraphEdge(src=0, dst=3, kind=EdgeKind.HAS)])
    with pytest.raises(ValidationError, match="ids must be positions"):
        SemanticGraph(text="", nodes=[GraphNode(id=4, kind=NodeKind.ENTITY, label="a")], edges=[])


def test_json_round_trip():
    g = parse_ace(TEXT)
    again = SemanticGraph.model_validate_json(g.model_dump_json())
    assert again == g and again.text == g.text and again.query == g.query


def test_equality_is_of_fields_and_meaning_is_same_meaning():
    g = parse_ace(TEXT)
    shuffled = permuted(g, 1)
    assert shuffled != g, "a graph is plain data: other ids, other graph"
    assert same_meaning(shuffled, g), "yet it says the same thing"
    assert parse_ace(TEXT) == g, "parsing is deterministic, field for field"
