"""Semantic graph -> the tensors the encoder reads, and what each node can be copied as.

Node features are symbols: kind, label (lemma; numbers above 12 become `<num>` so that
the model copies them rather than memorising them), unit, sentence index, the node's
order of appearance (nodes are numbered in text order), plus a random-walk positional
encoding. Edges get a reverse twin with its own kind so that messages flow
both ways. `renderings` says how a node is written when the decoder copies it into a
leaf of a given type: `Rational('2.5')` copies the number node 2.5 as the string `'2.5'`.
"""

from __future__ import annotations

import keyword
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import torch
from torch_geometric.data import Data
from torch_geometric.transforms import AddRandomWalkPE

from tasks.ace.graph import EdgeKind, NodeKind, SemanticGraph

UNK, NUM, NEG = "<unk>", "<num>", "<neg>"
MAX_SENTENCE = 15
MAX_ORDER = 64  # node order in the text: tells apart nodes the graph alone cannot (`a leg ... and a leg ...`)
RWPE_STEPS = 8
SMALL_INT = 12  # numbers up to this keep their own label embedding
_INT = re.compile(r"^\d+$")
_DEC = re.compile(r"^\d+\.\d+$")


def _text(node: Any, name: str) -> str | None:
    value = getattr(node, name, None)
    if value is None:
        return None
    return str(getattr(value, "value", value))


def to_identifier(label: str) -> str | None:
    """`first leg` -> `first_leg`; None when the result is not a usable Python name."""
    name = re.sub(r"[\s\-]+", "_", label.strip().lower())
    if not name.isidentifier() or keyword.iskeyword(name):
        return None
    return name


def renderings(node: Any) -> dict[str, str]:
    """How a graph node may be written as a leaf, by leaf type."""
    out: dict[str, str] = {}
    label = _text(node, "label") or ""
    value = _text(node, "value")
    number = value if value is not None else (label if _is_number(label) else None)
    if number is not None:
        magnitude = number[1:] if number.startswith("-") else number  # `-4` is unary minus on the leaf `4`
        if _INT.match(magnitude):
            out["integer"] = magnitude
        if _DEC.match(magnitude):
            out["float"] = magnitude
        if "'" not in number and "\\" not in number:
            out["string"] = f"'{number}'"
    name = to_identifier(label) if label and not _is_number(label) else None
    if name is not None:
        out["identifier"] = name
    return out


def _is_number(label: str) -> bool:
    body = label[1:] if label.startswith("-") else label
    return bool(_INT.match(body) or _DEC.match(body) or re.match(r"^\d+/\d+$", body))


def label_symbol(node: Any) -> str:
    """The symbol a node's label is embedded as."""
    label = (_text(node, "label") or "").lower()
    if _INT.match(label) and int(label) <= SMALL_INT:
        return label
    if _is_number(label):
        return NEG if label.startswith("-") else NUM  # the sign decides whether a unary minus is written
    return label


@dataclass
class GraphVocab:
    """Symbol tables for the encoder's embeddings (fixed at training time)."""

    kinds: list[str]
    labels: list[str]
    units: list[str]
    edge_kinds: list[str]
    edge_labels: list[str]
    lexical: bool = False  # also give each node its label's pretrained vector (graphmodel/lexicon.py)

    @classmethod
    def build(cls, graphs: Iterable[Any], min_count: int = 2) -> GraphVocab:
        kinds, labels, units, ekinds, elabels = Counter(), Counter(), Counter(), Counter(), Counter()
        for g in graphs:
            for n in g.nodes:
                kinds[_text(n, "kind")] += 1
                labels[label_symbol(n)] += 1
                units[_text(n, "unit") or "-"] += 1
            for e in g.edges:
                ekinds[_text(e, "kind")] += 1
                elabels[_text(e, "label") or "-"] += 1

        def table(c: Counter, k: int = 1) -> list[str]:
            return [UNK, *sorted(s for s, n in c.items() if n >= k and s is not None)]

        ek = table(ekinds)
        return cls(table(kinds), table(labels, min_count), table(units, min_count), ek + [f"{x}^-1" for x in ek], table(elabels, min_count))

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, d: dict) -> GraphVocab:
        return cls(**d)

    def encode(self, graph: Any) -> Data:
        """Tensors for one graph (plus `renderings`, a list of dicts, for the pointer)."""
        idx = {name: {s: i for i, s in enumerate(getattr(self, name))} for name in self.__dict__ if name != "lexical"}
        nodes = list(graph.nodes)
        if not nodes:
            raise ValueError("a semantic graph with no nodes cannot be encoded")
        pos = {n.id: i for i, n in enumerate(nodes)}
        x = torch.tensor(
            [
                [
                    idx["kinds"].get(_text(n, "kind"), 0),
                    idx["labels"].get(label_symbol(n), idx["labels"].get(NUM, 0) if label_symbol(n) == NEG else 0),
                    idx["units"].get(_text(n, "unit") or "-", 0),
                    min(int(getattr(n, "sentence", 0) or 0), MAX_SENTENCE),
                    min(i, MAX_ORDER - 1),
                ]
                for i, n in enumerate(nodes)
            ],
            dtype=torch.long,
        ).view(-1, 5)  # (N, 5)
        src, dst, attr = [], [], []
        n_kinds = len(self.edge_kinds) // 2
        for e in graph.edges:
            if e.src not in pos or e.dst not in pos:
                raise ValueError(f"edge {e.src}->{e.dst} names a node that is not in the graph")
            k = idx["edge_kinds"].get(_text(e, "kind"), 0)
            lab = idx["edge_labels"].get(_text(e, "label") or "-", 0)
            src += [pos[e.src], pos[e.dst]]
            dst += [pos[e.dst], pos[e.src]]
            attr += [[k, lab], [k + n_kinds, lab]]
        data = Data(
            x=x,
            edge_index=torch.tensor([src, dst], dtype=torch.long).view(2, -1),
            edge_attr=torch.tensor(attr, dtype=torch.long).view(-1, 2),
            num_nodes=len(nodes),
        )
        data = AddRandomWalkPE(walk_length=RWPE_STEPS, attr_name="rwpe")(data)  # (N, RWPE_STEPS)
        data.renderings = [renderings(n) for n in nodes]
        if self.lexical:
            from graphmodel.lexicon import label_matrix

            data.lex = torch.from_numpy(label_matrix([_text(n, "label") or "" for n in nodes]))  # (N, 256)
        return data


def to_pyg(graph: SemanticGraph) -> Data:
    """The graph's plain torch_geometric view: node_kind [N], edge_index [2, E], edge_kind [E],
    labels, values; kinds are positions in `NodeKind` / `EdgeKind`. tasks.ace.fingerprint pins
    these same fields as lists.

    `Data.values` is also a method of torch_geometric's Data, so read the value strings as
    `data["values"]` or `data.node_values` (the same list).
    """
    node_kinds, edge_kinds = list(NodeKind), list(EdgeKind)
    edge_index = torch.tensor([[e.src for e in graph.edges], [e.dst for e in graph.edges]],
                              dtype=torch.long).reshape(2, len(graph.edges))  # (2, E)
    return Data(
        node_kind=torch.tensor([node_kinds.index(n.kind) for n in graph.nodes], dtype=torch.long),
        edge_index=edge_index,
        edge_kind=torch.tensor([edge_kinds.index(e.kind) for e in graph.edges], dtype=torch.long),
        labels=[n.label for n in graph.nodes],
        values=[n.value for n in graph.nodes],
        node_values=[n.value for n in graph.nodes],
        num_nodes=len(graph.nodes),
    )
