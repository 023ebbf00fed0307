"""The meaning normal form of a semantic graph: equivalent phrasings, one graph.

ACE lets one fact be said in several ways that the parser, reading each construction
faithfully, turns into different graphs: `The box has a length of 3 meters.` / `The length of the
box is 3 meters.`; `A box has a length of 3 meters and a width of 2 meters.` / two sentences.
`normal_form` rewrites a graph so that such equivalent forms coincide; `compare.same_meaning`
compares normal forms. docs/ace.md ("Equivalent forms") lists each rule with the
interpretation rule that justifies it.

What `parse_ace` returns is left as parsed: the shipped models read those graphs (see
fingerprint.py). Every rule here keeps each number, owner and unit; a rule applies only where its
equivalence holds for any noun, verb of its class and unit, and otherwise leaves the graph alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from tasks.ace.graph import EdgeKind, GraphEdge, GraphNode, NodeKind, SemanticGraph

# Stative verbs of possession and containment: `X has A and B` holds exactly when `X has A` and
# `X has B` hold (having a group is having each member), so one event or several say the same.
# Verbs of action are not here: `Two pipes fill a tank and a pool` may be one joint event.
DISTRIBUTIVE_VERBS = frozenset({"have", "contain", "hold", "own", "include"})

# ACE's universal determiners: `every box`, `each box` and `all boxes` quantify alike.
UNIVERSALS = {"each": "every", "all": "every"}
FLIPPED = {">": "<", ">=": "<="}  # `X > 3` is `3 < X`
ASSOCIATIVE = {"+": "term", "*": "factor"}  # commutative and associative: operands unordered

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


def exact_numbers(w: _Work) -> None:
    """`2.5`, `5/2` and `2.50` are one number: values are written as reduced fractions.

    The graph keeps a number as written so that a decoder can copy it; the value is what it means.
    """
    for i, n in list(w.nodes.items()):
        if n.value is None or n.kind not in (NodeKind.NUMBER, NodeKind.QUANTITY):
            continue
        try:
            exact = Fraction(n.value)
        except (ValueError, ZeroDivisionError):
            continue
        text = str(exact)  # `5/2`, `-4`, `1000`
        if text != n.value:
            label = text if n.label == n.value else n.label
            w.nodes[i] = n.model_copy(update={"value": text, "label": label})
            w.changed = True


def universal_determiners(w: _Work) -> None:
    """`each` and `all` are `every` (ACE: the universal quantifier, singular or plural)."""
    for i, n in list(w.nodes.items()):
        if n.kind == NodeKind.CONDITION and n.label in UNIVERSALS:
            w.nodes[i] = n.model_copy(update={"label": UNIVERSALS[n.label]})
            w.changed = True


def formula_algebra(w: _Work) -> None:
    """Formulas that differ only by the order of an equation, a comparison, a sum or a product.

    `20 = 3 * X + 5` is `3 * X + 5 = 20`; `X > 3` is `3 < X`; `5 + 3 * X` is `X * 3 + 5`, and
    `(a + b) + c` is `a + (b + c)`: `=` has two unordered sides, `>`/`>=` become `<`/`<=` with
    the sides swapped, and chains of `+` or of `*` become one operation with unordered operands.
    Subtraction, division and powers keep their order.
    """
    for op, n in list(w.nodes.items()):
        if n.kind != NodeKind.OPERATION or op not in w.nodes:  # flattened into its parent
            continue
        args = w.out(op, EdgeKind.ARG)
        if n.label in FLIPPED and {e.label for e in args} == {"left", "right"}:
            swap = {"left": "right", "right": "left"}
            w.drop_edges(args)
            w.edges += [e.model_copy(update={"label": swap[e.label or ""]}) for e in args]
            w.nodes[op] = n.model_copy(update={"label": FLIPPED[n.label]})
        elif n.label == "=" and any(e.label != "side" for e in args):
            w.drop_edges(args)
            w.edges += [e.model_copy(update={"label": "side"}) for e in args]
        elif n.label in ASSOCIATIVE:
            _flatten(w, op, n.label, ASSOCIATIVE[n.label])


def _flatten(w: _Work, op: int, symbol: str, role: str) -> None:
    """Lift the operands of nested `symbol` operations into `op`, however deep the chain."""
    nested = True
    while nested:
        nested = False
        for e in w.out(op, EdgeKind.ARG):
            inner = w.nodes[e.dst]
            if inner.kind == NodeKind.OPERATION and inner.label == symbol and len(w.into(e.dst)) == 1:
                w.drop_edges([e])
                w.edges += [a.model_copy(update={"src": op}) for a in w.out(e.dst, EdgeKind.ARG)]
                w.drop_node(e.dst)
                nested = True
    args = w.out(op, EdgeKind.ARG)
    if any(e.label != role for e in args):
        w.drop_edges(args)
        w.edges += [e.model_copy(update={"label": role}) for e in args]


def amount_equations(w: _Work) -> None:
    """`X is 5.` is `X = 5.`, and `1 foot is 12 inches.` is `12 inches is 1 foot.`: the copula
    between two amounts is an equation, whose sides have no order.

    Applies to a variable whose value is a number, formula or variable (`X is Y + 2`), and to a
    quantity whose value is another quantity. Not to `The mass of a stone is V kilograms` (an
    attribute's value), not inside `if` or a query's `such that`, where the sentence's root is
    the subject itself and would lose its meaning.
    """
    for src, n in list(w.nodes.items()):
        if n.kind not in (NodeKind.VARIABLE, NodeKind.QUANTITY) or n.kind == NodeKind.QUANTITY and n.value is None:
            continue
        if w.into(src, EdgeKind.CONDITION) or w.into(src, EdgeKind.NEXT):
            continue
        for e in w.out(src, EdgeKind.VALUE):
            dst = w.nodes[e.dst]
            amounts = ((NodeKind.NUMBER, NodeKind.OPERATION, NodeKind.VARIABLE)
                       if n.kind == NodeKind.VARIABLE else (NodeKind.QUANTITY,))
            if dst.kind not in amounts or dst.kind == NodeKind.QUANTITY and dst.value is None:
                continue
            op = max(w.nodes) + 1
            w.nodes[op] = GraphNode(id=op, kind=NodeKind.OPERATION, label="=", sentence=n.sentence)
            w.drop_edges([e])
            w.edges += [GraphEdge(src=op, dst=src, kind=EdgeKind.ARG, label="side"),
                        GraphEdge(src=op, dst=e.dst, kind=EdgeKind.ARG, label="side")]


def query_forms(w: _Work) -> None:
    """`Calculate the area of the yard.` is `What is the area of the yard?`: ladder's imperative
    query without `such that` asks for its noun phrase as `what` does (docs/ace.md, section 6)."""
    if w.query is None:
        return
    q = w.nodes[w.query]
    if q.label == "calculate" and not w.out(w.query, EdgeKind.CONDITION):
        w.nodes[w.query] = q.model_copy(update={"label": "what"})
        w.changed = True


def drop_unit_factors(w: _Work) -> None:
    """`1 * X`, `X * 1` and `X / 1` are `X`: the identity element of a product says nothing.

    Writers of `x^2 - x - 12 = 0` leave the coefficient 1 out; a formula generator may write it.
    Only a number equal to 1 counts (not an expression equal to 1).
    """
    for op in [i for i, n in w.nodes.items() if n.kind == NodeKind.OPERATION and n.label in ("*", "/")]:
        args = w.out(op, EdgeKind.ARG)
        droppable = [e for e in args if _is_one(w, e.dst) and (w.nodes[op].label == "*" or e.label == "right")]
        if not droppable or len(args) < 2:
            continue
        gone = droppable[0]
        w.drop_node(gone.dst)
        rest = w.out(op, EdgeKind.ARG)
        if len(rest) == 1:  # the product is its one remaining operand
            w.drop_edges(rest)
            w.redirect(op, rest[0].dst)


def _is_one(w: _Work, node: int) -> bool:
    n = w.nodes[node]
    return n.kind == NodeKind.NUMBER and n.value is not None and n.value.strip() in ("1", "1.0") \
        and len(w.into(node)) == 1


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
    owners and the same adjectives are one referent, when at most one of them carries a value or a variable.

    ACE resolves a definite noun phrase to an earlier referent; after `attributes_as_of`, `A box
    has a length of 3 meters. What is the length of the box?` has the measured length and the
    asked-for length as two nodes with one owner: they are the same length. Two valued ones
    (`a leg of 3 feet and a leg of 4 feet`) stay two; so do `the other leg` and `the leg`, and
    an attribute under a quantifier (`every side of a square`). Where two of a group carry values,
    none is merged: which one a third names is not known, and the result must not depend on the
    order of the nodes.
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
        if len(members) < 2 or sum(_identified(w, m) for m in members) > 1:
            continue  # `the leg of the triangle` after two valued legs: which one is not known
        keep = next((m for m in members if _identified(w, m)), members[0])
        for other in members:
            if other == keep:
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
    exact_numbers, universal_determiners, query_forms, drop_unit_factors, amount_equations,
    formula_algebra, attributes_as_of, merge_owned_attributes, merge_distributive_events)


MAX_ROUNDS = 32  # a merge can enable another (`the base of the ladder` once the ladders are one)


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
