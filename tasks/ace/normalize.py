"""The meaning normal form of a semantic graph: equivalent phrasings, one graph.

ACE lets one fact be said in several ways that the parser, reading each construction
faithfully, turns into different graphs: `The box has a length of 3 meters.` / `The length of the
box is 3 meters.`; `A box has a length of 3 meters and a width of 2 meters.` / two sentences.
`normal_form` rewrites a graph so that such equivalent forms coincide; `SemanticGraph.canonical()`
(and so `==`) compares normal forms. docs/ace.md ("Equivalent forms") lists each rule with the
interpretation rule that justifies it.

What `parse_ace` returns is left as parsed: the shipped models read those graphs (see
fingerprint.py). Every rule here keeps each number, owner and unit; a rule applies only where its
equivalence holds for any noun, verb of its class and unit, and otherwise leaves the graph alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tasks.ace.graph import EdgeKind, GraphEdge, GraphNode, NodeKind, SemanticGraph

# Stative verbs of possession and containment: `X has A and B` holds exactly when `X has A` and
# `X has B` hold (having a group is having each member), so one event or several say the same.
# Verbs of action are not here: `Two pipes fill a tank and a pool` may be one joint event.
DISTRIBUTIVE_VERBS = frozenset({"have", "contain", "hold", "own", "include"})

Key = tuple[int, int, str, str]  # (src, dst, kind, label): an edge's identity


@dataclass
class _Work:
    """A mutable copy of a graph: nodes by id (deleted ones removed), edges as a list."""

    nodes: dict[int, GraphNode]
    edges: list[GraphEdge]
    query: int | None
    text: str
    changed: bool = field(default=False)

    @classmethod
    def of(cls, graph: SemanticGraph) -> _Work:
        return cls({n.id: n for n in graph.nodes}, list(graph.edges), graph.query, graph.text)

    def out(self, node: int, kind: EdgeKind | None = None) -> list[GraphEdge]:
        return [e for e in self.edges if e.src == node and (kind is None or e.kind == kind)]

    def into(self, node: int, kind: EdgeKind | None = None) -> list[GraphEdge]:
        return [e for e in self.edges if e.dst == node and (kind is None or e.kind == kind)]

    def drop_edges(self, doomed: list[GraphEdge]) -> None:
        ids = {id(e) for e in doomed}
        self.edges = [e for e in self.edges if id(e) not in ids]
        self.changed = True

    def drop_node(self, node: int) -> None:
        """Remove a node and every edge that touches it."""
        self.edges = [e for e in self.edges if node not in (e.src, e.dst)]
        del self.nodes[node]
        self.changed = True

    def redirect(self, old: int, new: int) -> None:
        """Every edge of `old` now attaches to `new`; `old` goes; duplicate edges collapse."""
        self.edges = [e.model_copy(update={"src": new if e.src == old else e.src,
                                           "dst": new if e.dst == old else e.dst})
                      for e in self.edges]
        if self.query == old:
            self.query = new
        del self.nodes[old]
        self.dedupe()
        self.changed = True

    def dedupe(self) -> None:
        seen: set[Key] = set()
        kept: list[GraphEdge] = []
        for e in self.edges:
            key = (e.src, e.dst, e.kind.value, e.label or "")
            if key not in seen:
                seen.add(key)
                kept.append(e)
        self.edges = kept

    def graph(self) -> SemanticGraph:
        """A SemanticGraph with ids renumbered in the original order."""
        order = sorted(self.nodes)
        new = {old: i for i, old in enumerate(order)}
        nodes = [self.nodes[old].model_copy(update={"id": new[old]}) for old in order]
        edges = [e.model_copy(update={"src": new[e.src], "dst": new[e.dst]}) for e in self.edges]
        query = None if self.query is None else new[self.query]
        return SemanticGraph(text=self.text, nodes=nodes, edges=edges, query=query)


def drop_unit_factors(w: _Work) -> None:
    """`1 * X`, `X * 1` and `X / 1` are `X`: the identity element of a product says nothing.

    Writers of `x^2 - x - 12 = 0` leave the coefficient 1 out; a formula generator may write it.
    Only the literal number 1 counts (not `1.0`, not an expression equal to 1).
    """
    for op in [i for i, n in w.nodes.items() if n.kind == NodeKind.OPERATION and n.label in ("*", "/")]:
        args = {e.label: e.dst for e in w.out(op, EdgeKind.ARG)}
        if set(args) != {"left", "right"}:
            continue
        sides = ("left", "right") if w.nodes[op].label == "*" else ("right",)
        for side in sides:
            one, other = args[side], args["right" if side == "left" else "left"]
            node = w.nodes[one]
            if node.kind == NodeKind.NUMBER and node.value == "1" and len(w.into(one)) == 1:
                w.drop_node(one)
                w.drop_edges(w.out(op, EdgeKind.ARG))
                w.redirect(op, other)
                break


def attributes_as_of(w: _Work) -> None:
    """`X has a N of Q` is `the N of X is Q` (ladder's reading of measurement nouns).

    `The ladder has a length of 13 feet.`, `The length of the ladder is 13 feet.` and `The
    ladder's length is 13 feet.` state one fact: the length that belongs to the ladder measures 13
    feet. The normal form is the of-phrase: the attribute is owned by the one subject of `have`.
    Applies to a `have` that is a plain statement (not inside `if`, not modified by an adverb or a
    prepositional phrase, one subject), for each object that is a measurement noun (`a N of Q`:
    an attribute with a value and no owner). Its other objects stay where they are.
    """
    for rel in [i for i, n in w.nodes.items() if n.kind == NodeKind.RELATION and n.label == "have"]:
        agents = w.out(rel, EdgeKind.AGENT)
        others = [e for e in w.out(rel) if e.kind not in (EdgeKind.AGENT, EdgeKind.OBJECT)]
        if len(agents) != 1 or others or w.into(rel):
            continue
        owner = agents[0].dst
        moved = [e for e in w.out(rel, EdgeKind.OBJECT) if _is_measurement(w, e.dst)]
        if not moved:
            continue
        w.drop_edges(moved)
        w.edges += [GraphEdge(src=e.dst, dst=owner, kind=EdgeKind.OF) for e in moved]
        if not w.out(rel, EdgeKind.OBJECT):
            w.drop_node(rel)


def _is_measurement(w: _Work, node: int) -> bool:
    n = w.nodes[node]
    return (n.kind == NodeKind.ATTRIBUTE and not w.out(node, EdgeKind.OF)
            and bool(w.out(node, EdgeKind.VALUE)))


def merge_owned_attributes(w: _Work) -> None:
    """`the N of X` names the N that X has: two attribute nodes with the same noun, the same
    owners and the same adjectives are one referent, unless both carry a value or a variable.

    ACE resolves a definite noun phrase to an earlier referent; after `attributes_as_of`, `A box
    has a length of 3 meters. What is the length of the box?` has the measured length and the
    asked-for length as two nodes with one owner: they are the same length. Two valued ones
    (`a leg of 3 feet and a leg of 4 feet`) stay two; so do `the other leg` and `the leg`, and
    an attribute under a quantifier (`every side of a square`).
    """
    groups: dict[tuple, list[int]] = {}
    for i, n in list(w.nodes.items()):
        owners = w.out(i, EdgeKind.OF)
        if n.kind != NodeKind.ATTRIBUTE or not owners or w.into(i, EdgeKind.CONDITION):
            continue
        adjectives = frozenset(w.nodes[e.dst].label for e in w.out(i, EdgeKind.HAS))
        key = (n.label, frozenset((e.label or "", e.dst) for e in owners), adjectives)
        groups.setdefault(key, []).append(i)
    for members in groups.values():
        keep = members[0]
        for other in members[1:]:
            if _identified(w, keep) and _identified(w, other):
                continue
            for e in w.out(other, EdgeKind.HAS):  # its adjectives duplicate the kept node's
                w.drop_node(e.dst)
            w.redirect(other, keep)


def _identified(w: _Work, node: int) -> bool:
    return bool(w.out(node, EdgeKind.VALUE) or w.out(node, EdgeKind.EQUALS))


def merge_distributive_events(w: _Work) -> None:
    """`X has A. X has B.` is `X has A and B.` for verbs of possession and containment.

    Such verbs distribute over a coordinated object (DISTRIBUTIVE_VERBS), so ladder's one event
    with several objects and several events with one object each say the same. The normal form is
    one event per (verb, subjects, modifiers): events with the same verb, exactly the same subject
    referents and the same prepositional phrases and adverbs are merged, when neither is part of a
    larger sentence (`if ... then ...`). Different subjects (`John has ...` / `Mary has ...`),
    coordinated subjects (a collective reading) against single ones, or other verbs never merge.
    """
    groups: dict[tuple, list[int]] = {}
    for i, n in w.nodes.items():
        if n.kind != NodeKind.RELATION or n.label not in DISTRIBUTIVE_VERBS or w.into(i):
            continue
        agents = frozenset(e.dst for e in w.out(i, EdgeKind.AGENT))
        mods = frozenset((e.kind.value, e.label or "", e.dst) for e in w.out(i)
                         if e.kind not in (EdgeKind.AGENT, EdgeKind.OBJECT))
        groups.setdefault((n.label, agents, mods), []).append(i)
    for members in groups.values():
        for other in members[1:]:
            w.redirect(other, members[0])


RULES: tuple[Callable[[_Work], None], ...] = (
    drop_unit_factors, attributes_as_of, merge_owned_attributes, merge_distributive_events)


MAX_ROUNDS = 8  # a merge can enable another (`the base of the ladder` once the ladders are one)


def normal_form(graph: SemanticGraph) -> SemanticGraph:
    """The graph with every equivalence rule applied until none applies (the graph itself when
    none ever does)."""
    w = _Work.of(graph)
    changed = False
    for _ in range(MAX_ROUNDS):
        w.changed = False
        for rule in RULES:
            rule(w)
        changed |= w.changed
        if not w.changed:
            break
    return w.graph() if changed else graph
