"""The semantic graph: what an ACE text says, as typed nodes and edges (ladder's DRS).

Node ids are positions in `nodes`. `canonical()` is independent of ids and node order and reads
the meaning normal form (normalize.py), so two texts that say the same thing (`the ladder's
length is 13 feet` / `the ladder has a length of 13 feet`) compare equal.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, model_validator

if TYPE_CHECKING:
    import networkx
    import torch_geometric.data


class NodeKind(StrEnum):
    """What a node stands for."""

    ENTITY = "entity"        # a discourse referent: `a ladder`, `John`, `a number X`
    ATTRIBUTE = "attribute"  # a property: `the length of the ladder`, `red`, `a height of 12 feet`
    QUANTITY = "quantity"    # a number with a unit: `13 feet`, `5 apples`
    NUMBER = "number"        # a number without a unit: in formulas, `X is 5`
    UNIT = "unit"            # a unit lemma, shared by every quantity in it: `foot`, `mile/hour`
    VARIABLE = "variable"    # a variable name: `X`, `D`
    OPERATION = "operation"  # a formula operator: `=`, `+`, `*`, `neg`
    RELATION = "relation"    # a verb: `lean`, `give`, `have`
    QUERY = "query"          # the question: `what`, `how many`, `calculate`
    CONDITION = "condition"  # `if` (a conditional), `every`/`no` (a quantifier)


class EdgeKind(StrEnum):
    """How two nodes are related; the direction is part of the meaning (see docs/ace.md)."""

    HAS = "has"              # entity -> adjective attribute (`a red ball`)
    OF = "of"                # attribute -> owner (`the length of the ladder`)
    VALUE = "value"          # attribute/entity -> quantity or number (`... is 13 feet`)
    UNIT = "unit"            # quantity -> unit
    EQUALS = "equals"        # noun -> its variable (`a number X`); subject -> complement (`X is the length`)
    RELATION = "relation"    # verb or subject -> object of a preposition (label: the preposition)
    ASKS = "asks"            # query -> what it asks for
    CONDITION = "condition"  # query -> constraint; `if` -> antecedent; `every` -> its noun
    AGENT = "agent"          # verb -> subject
    OBJECT = "object"        # verb -> direct object
    ARG = "arg"              # operation -> operand (label: left, right, operand)
    NEXT = "next"            # `if` -> consequent


class GraphNode(BaseModel):
    """One node; `value` carries a number's exact string so a decoder can copy it."""

    id: int
    kind: NodeKind
    label: str
    value: str | None = None
    unit: str | None = None
    sentence: int = 0


class GraphEdge(BaseModel):
    """A typed, directed edge; `label` is the preposition, verb or argument position."""

    src: int
    dst: int
    kind: EdgeKind
    label: str | None = None


class SemanticGraph(BaseModel):
    """The graph of one ACE text, with the id of its query node (None if it asks nothing)."""

    text: str
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    query: int | None = None
    front_end: str = "ace"  # which reader built it: ace (parsed ACE), notation, english

    @model_validator(mode="after")
    def _ids_are_positions(self) -> SemanticGraph:
        for i, node in enumerate(self.nodes):
            if node.id != i:
                raise ValueError(f"node at position {i} has id {node.id}; ids must be positions")
        n = len(self.nodes)
        for edge in self.edges:
            if not (0 <= edge.src < n and 0 <= edge.dst < n):
                raise ValueError(f"edge {edge.src}->{edge.dst} points outside the {n} nodes")
        if self.query is not None and not 0 <= self.query < n:
            raise ValueError(f"query id {self.query} is not a node")
        return self

    def nodes_of(self, kind: NodeKind) -> list[GraphNode]:
        """The nodes of one kind, in id order."""
        return [n for n in self.nodes if n.kind == kind]

    def out_edges(self, node: int, kind: EdgeKind | None = None) -> list[GraphEdge]:
        """Edges leaving `node` (of one kind, if given)."""
        return [e for e in self.edges if e.src == node and (kind is None or e.kind == kind)]

    def to_networkx(self) -> networkx.MultiDiGraph:
        """A networkx MultiDiGraph with the node and edge fields as attributes."""
        import networkx as nx

        g = nx.MultiDiGraph(text=self.text, query=self.query)
        for n in self.nodes:
            g.add_node(n.id, kind=n.kind.value, label=n.label, value=n.value, unit=n.unit,
                       sentence=n.sentence)
        for e in self.edges:
            g.add_edge(e.src, e.dst, kind=e.kind.value, label=e.label)
        return g

    def to_pyg(self) -> torch_geometric.data.Data:
        """A torch_geometric Data: node_kind [N], edge_index [2, E], edge_kind [E], labels, values.

        `Data.values` is also a method of torch_geometric's Data, so read the value strings as
        `data["values"]` or `data.node_values` (the same list).
        """
        import torch
        from torch_geometric.data import Data

        node_kinds = list(NodeKind)
        edge_kinds = list(EdgeKind)
        edge_index = torch.tensor([[e.src for e in self.edges], [e.dst for e in self.edges]],
                                  dtype=torch.long).reshape(2, len(self.edges))  # (2, E)
        return Data(
            node_kind=torch.tensor([node_kinds.index(n.kind) for n in self.nodes], dtype=torch.long),
            edge_index=edge_index,
            edge_kind=torch.tensor([edge_kinds.index(e.kind) for e in self.edges], dtype=torch.long),
            labels=[n.label for n in self.nodes],
            values=[n.value for n in self.nodes],
            node_values=[n.value for n in self.nodes],
            num_nodes=len(self.nodes),
        )

    def normal_form(self) -> SemanticGraph:
        """The graph with equivalent phrasings brought to one form (normalize.py); the graph as
        parsed is what the models read, the normal form is what `canonical()` compares."""
        from tasks.ace.normalize import normal_form

        return normal_form(self)

    def canonical(self) -> str:
        """An id- and order-independent string of the normal form: equal exactly when the two
        normal forms are isomorphic (see canonical.py and normalize.py)."""
        from tasks.ace.canonical import canonical_string

        return canonical_string(self.normal_form())

    def __eq__(self, other: Any) -> bool:
        """Graphs are equal when they say the same thing, whatever their ids or source text."""
        if not isinstance(other, SemanticGraph):
            return NotImplemented
        return self.canonical() == other.canonical()

    __hash__ = None  # type: ignore[assignment]
