"""The semantic graph: what an ACE text says, as typed nodes and edges (ladder's DRS).

Node ids are positions in `nodes`. The graph is plain data: `==` compares fields, as for any
pydantic model. Whether two graphs say the same thing (`the ladder's length is 13 feet` / `the
ladder has a length of 13 feet`) is `tasks.ace.compare.same_meaning`, which compares the
canonical strings of their normal forms (normalize.py, canonical.py); the torch_geometric view
is `graphmodel.graph_features.to_pyg`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, model_validator

if TYPE_CHECKING:
    import networkx


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
