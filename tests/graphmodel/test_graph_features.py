"""graph_features.to_pyg: the torch_geometric view of a semantic graph, and its pinned fields."""

from __future__ import annotations

import hashlib
import json

import torch

from graphmodel.graph_features import to_pyg
from tasks.ace import EdgeKind, GraphNode, NodeKind, SemanticGraph, parse_ace
from tasks.ace.fingerprint import graph_digest

TEXT = ("A ladder has a length of 13 feet. The ladder leans against a wall. "
        "What is the distance of the base of the ladder from the wall?")


def test_to_pyg_shapes_and_indices():
    g = parse_ace(TEXT)
    data = to_pyg(g)
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
    assert to_pyg(empty).edge_index.shape == (2, 0)


def test_the_fingerprint_pins_the_fields_to_pyg_writes():
    g = parse_ace(TEXT)
    data = to_pyg(g)
    pyg = {"node_kind": data.node_kind.tolist(), "edge_index": data.edge_index.tolist(),
           "edge_kind": data.edge_kind.tolist(), "labels": data.labels,
           "values": data["values"], "num_nodes": data.num_nodes}
    text = g.model_dump_json(exclude={"front_end"})
    expected = hashlib.sha256(text.encode() + json.dumps(pyg).encode()).digest()
    assert graph_digest(g) == expected, "tasks.ace.fingerprint must hash what to_pyg gives the models"
