"""SemanticGraph: canonical form, networkx and torch_geometric views, validation."""

from __future__ import annotations

import random

import pytest
import torch
from pydantic import ValidationError

from tasks.ace import EdgeKind, GraphEdge, GraphNode, NodeKind, SemanticGraph, parse_ace

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
    assert permuted(g, seed).canonical() == g.canonical()


def test_canonical_separates_symmetric_but_different_graphs():
    # Two isolated pairs vs one chain: same node labels, same edge count, different shape.
    def graph(edges):
        nodes = [GraphNode(id=i, kind=NodeKind.ENTITY, label="box") for i in range(4)]
        return SemanticGraph(text="", nodes=nodes,
                             edges=[GraphEdge(src=s, dst=d, kind=EdgeKind.HAS) for s, d in edges])

    pairs, chain = graph([(0, 1), (2, 3)]), graph([(0, 1), (1, 2)])
    assert pairs.canonical() != chain.canonical()
    assert graph([(2, 3), (0, 1)]).canonical() == pairs.canonical()


def test_canonical_of_a_highly_symmetric_graph_is_still_invariant():
    # A 6-cycle of identical nodes: colour refinement alone cannot split it.
    nodes = [GraphNode(id=i, kind=NodeKind.NUMBER, label="1", value="1") for i in range(6)]
    ring = SemanticGraph(text="", nodes=nodes, edges=[
        GraphEdge(src=i, dst=(i + 1) % 6, kind=EdgeKind.NEXT) for i in range(6)])
    assert permuted(ring, 3).canonical() == ring.canonical()
    two_triangles = SemanticGraph(text="", nodes=nodes, edges=[
        GraphEdge(src=i, dst=(i + 1) % 3 + 3 * (i // 3), kind=EdgeKind.NEXT) for i in range(6)])
    assert two_triangles.canonical() != ring.canonical()


def test_to_networkx_keeps_every_field():
    g = parse_ace("John has 5 apples.")
    nxg = g.to_networkx()
    assert nxg.number_of_nodes() == len(g.nodes) and nxg.number_of_edges() == len(g.edges)
    quantity = next(n.id for n in g.nodes if n.kind == NodeKind.QUANTITY)
    assert nxg.nodes[quantity] == {"kind": "quantity", "label": "5", "value": "5",
                                   "unit": "apple", "sentence": 0}
    assert {d["kind"] for _, _, d in nxg.edges(data=True)} == {"agent", "object", "unit"}


def test_to_pyg_shapes_and_indices():
    g = parse_ace(TEXT)
    data = g.to_pyg()
    n, e = len(g.nodes), len(g.edges)
    assert data.num_nodes == n
    assert data.node_kind.shape == (n,) and data.node_kind.dtype == torch.long
    assert data.edge_index.shape == (2, e) and data.edge_kind.shape == (e,)
    values = [x.value for x in g.nodes]
    assert data.labels == [x.label for x in g.nodes]
    assert data["values"] == values and data.node_values == values, "Data.values is a method"
    kinds = list(NodeKind)
    assert [kinds[k] for k in data.node_kind.tolist()] == [x.kind for x in g.nodes]
    first = g.edges[0]
    assert data.edge_index[:, 0].tolist() == [first.src, first.dst]
    assert list(EdgeKind)[data.edge_kind[0]] == first.kind


def test_to_pyg_of_a_graph_without_edges():
    empty = SemanticGraph(text="", nodes=[GraphNode(id=0, kind=NodeKind.NUMBER, label="1")], edges=[])
    assert empty.to_pyg().edge_index.shape == (2, 0)


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
