"""Parse tree -> SemanticGraph: discourse referents, anaphora, quantities, relations, the query.

Interpretation follows ACE: an indefinite noun phrase introduces a referent; a definite one
(`the ladder`, `the ladder's length`) refers back to the most recent matching referent, and
introduces one when there is none; prepositional phrases attach to the verb; `of` attaches to the
noun. Every number token becomes exactly one `number` or `quantity` node with its exact value.
"""

from __future__ import annotations

from collections.abc import Callable

from lark import Token, Tree

from tasks.ace.errors import AceError
from tasks.ace.graph import EdgeKind, GraphEdge, GraphNode, NodeKind, SemanticGraph

OPERATORS = {"add": "+", "sub": "-", "mul": "*", "div": "/", "pow": "^"}
QUERY_LABELS = {"q_what": "what", "q_how_many": "how many", "q_how_many_there": "how many",
                "q_calculate": "calculate"}
_NOUNISH = (NodeKind.ENTITY, NodeKind.ATTRIBUTE)


def first_word(tree: Tree | Token) -> Token | None:
    """The first token under a tree (for positions in error messages)."""
    if isinstance(tree, Token):
        return tree
    for child in tree.children:
        if child is not None:
            word = first_word(child)
            if word is not None:
                return word
    return None


class GraphBuilder:
    """Walks one text's parse tree, sentence by sentence, and accumulates the graph."""

    def __init__(self, text: str):
        self.text = text
        self.nodes: list[GraphNode] = []
        self.edges: list[GraphEdge] = []
        self.referents: list[int] = []  # introduction order, for anaphora
        self.variables: dict[str, int] = {}
        self.names: dict[str, int] = {}
        self.units: dict[str, int] = {}
        self.sentence = 0
        self.query: int | None = None

    # --- graph primitives ----------------------------------------------------------------
    def node(self, kind: NodeKind, label: str, value: str | None = None,
             unit: str | None = None) -> int:
        self.nodes.append(GraphNode(id=len(self.nodes), kind=kind, label=label, value=value,
                                    unit=unit, sentence=self.sentence))
        return len(self.nodes) - 1

    def edge(self, src: int, dst: int, kind: EdgeKind, label: str | None = None) -> None:
        self.edges.append(GraphEdge(src=src, dst=dst, kind=kind, label=label))

    def has_edge(self, src: int, dst: int, kind: EdgeKind) -> bool:
        return any(e.src == src and e.dst == dst and e.kind == kind for e in self.edges)

    def build(self, tree: Tree) -> SemanticGraph:
        for index, sentence in enumerate(tree.children):
            self.sentence = index
            self.statement(sentence)
        return SemanticGraph(text=self.text, nodes=self.nodes, edges=self.edges, query=self.query)

    # --- sentences -----------------------------------------------------------------------
    def statement(self, tree: Tree) -> list[int]:
        """A sentence or clause body; returns its root nodes (verbs, formulas, subjects)."""
        handler: Callable[[Tree], list[int]] = getattr(self, f"s_{tree.data}")
        return handler(tree)

    def s_conditional(self, tree: Tree) -> list[int]:
        antecedent, consequent = tree.children
        cond = self.node(NodeKind.CONDITION, "if")
        for root in self.statement(antecedent):
            self.edge(cond, root, EdgeKind.CONDITION)
        for root in self.statement(consequent):
            self.edge(cond, root, EdgeKind.NEXT)
        return [cond]

    def s_clauses(self, tree: Tree) -> list[int]:
        np, vp, more = tree.children
        subject = self.np(np)
        root, attach = self.vp(subject, vp)
        roots = [root]
        while more is not None:
            if more.data == "more_vp":
                vp, more = more.children
                root, attach = self.vp(subject, vp)
                roots.append(root)
            elif more.data == "more_clause":
                np, vp, more = more.children
                subject = self.np(np)
                root, attach = self.vp(subject, vp)
                roots.append(root)
            else:  # more_object
                np, more = more.children
                if attach is None:
                    word = first_word(np)
                    raise AceError(word.line, word.column, str(word), ["a verb"],
                                   "nothing to coordinate this noun phrase with",
                                   "object coordination needs a verb with an object before 'and'")
                attach(self.np(np))
        return roots

    def s_formulas(self, tree: Tree) -> list[int]:
        return [self.formula(f) for f in tree.children]

    def s_there_is(self, tree: Tree) -> list[int]:
        _cop, items = tree.children
        roots: list[int] = []
        pps = None
        while items is not None:
            first, rest = (items.children + [None])[:2]
            roots.append(self.np(first))
            if isinstance(rest, Tree) and rest.data == "there_items":
                items = rest
            else:
                pps, items = rest, None
        for root in roots:
            self.attach_pps(root, pps)
        return roots

    # --- queries -------------------------------------------------------------------------
    def ask(self, data: str, target: int) -> int:
        query = self.node(NodeKind.QUERY, QUERY_LABELS[data])
        self.edge(query, target, EdgeKind.ASKS)
        self.query = query
        return query

    def s_q_what(self, tree: Tree) -> list[int]:
        _cop, np, pps = (tree.children + [None])[:3]
        target = self.np(np)
        self.attach_pps(target, pps)
        return [self.ask("q_what", target)]

    def s_q_how_many(self, tree: Tree) -> list[int]:
        unit, _do, np, verb, pps = tree.children
        subject = self.np(np)
        unknown = self.quantity(None, unit)
        relation = self.node(NodeKind.RELATION, verb.lemma)
        self.edge(relation, subject, EdgeKind.AGENT)
        self.edge(relation, unknown, EdgeKind.OBJECT)
        self.attach_pps(relation, pps)
        return [self.ask("q_how_many", unknown)]

    def s_q_how_many_there(self, tree: Tree) -> list[int]:
        unit, _cop, pps = tree.children
        unknown = self.quantity(None, unit)
        self.attach_pps(unknown, pps)
        return [self.ask("q_how_many_there", unknown)]

    def s_q_calculate(self, tree: Tree) -> list[int]:
        np, pps, body = tree.children
        target = self.np(np)
        self.attach_pps(target, pps)
        query = self.ask("q_calculate", target)
        if body is not None:
            for root in self.statement(body):
                self.edge(query, root, EdgeKind.CONDITION)
        return [query]

    # --- verb phrases --------------------------------------------------------------------
    def vp(self, subject: int, tree: Tree) -> tuple[int, Callable[[int], None] | None]:
        """Attach a verb phrase to its subject: (root node, how to add a coordinated object)."""
        kids = tree.children
        if tree.data in ("vp_verb", "vp_verb_intrans"):
            verb = kids[0]
            relation = self.node(NodeKind.RELATION, verb.lemma)
            self.edge(relation, subject, EdgeKind.AGENT)

            def add_object(obj: int) -> None:
                self.edge(relation, obj, EdgeKind.OBJECT)

            if tree.data == "vp_verb":
                add_object(self.np(kids[1]))
                self.attach_pps(relation, kids[2] if len(kids) > 2 else None)
                return relation, add_object
            self.attach_pps(relation, kids[1])
            return relation, None
        if tree.data == "vp_be_np":
            def add_complement(comp: int) -> None:
                kind = self.nodes[comp].kind
                link = EdgeKind.VALUE if kind in (NodeKind.QUANTITY, NodeKind.NUMBER) else EdgeKind.EQUALS
                self.edge(subject, comp, link)

            add_complement(self.np(kids[1]))
            self.attach_pps(subject, kids[2] if len(kids) > 2 else None)
            return subject, add_complement
        if tree.data == "vp_be_number":
            self.edge(subject, self.number(kids[1]), EdgeKind.VALUE)
            self.attach_pps(subject, kids[2])
            return subject, None
        if tree.data == "vp_be_adj":
            self.edge(subject, self.node(NodeKind.ATTRIBUTE, kids[1].lemma), EdgeKind.HAS)
            self.attach_pps(subject, kids[2])
            return subject, None
        self.attach_pps(subject, kids[1])  # vp_be_pp
        return subject, None

    def attach_pps(self, head: int, pps: Tree | None) -> None:
        if pps is None:
            return
        for pp in pps.children:
            prep, np = pp.children
            self.edge(head, self.np(np), EdgeKind.RELATION, prep.lemma)

    # --- noun phrases --------------------------------------------------------------------
    def np(self, tree: Tree) -> int:
        """The node a noun phrase refers to (resolving definite ones)."""
        handler: Callable[[Tree], int] = getattr(self, f"np_{tree.data.removeprefix('np_')}")
        return handler(tree)

    def np_det(self, tree: Tree) -> int:
        det, nbar = tree.children
        return self.noun(det.lemma, nbar, owner=None)

    def np_poss(self, tree: Tree) -> int:
        possessor, nbar = tree.children
        return self.noun("the", nbar, owner=self.possessor(possessor))

    def possessor(self, tree: Tree) -> int:
        kids = tree.children
        if len(kids) == 1:
            return self.proper(kids[0])
        if isinstance(kids[0], Token):
            return self.noun(kids[0].lemma, kids[1], owner=None)
        return self.noun("the", kids[1], owner=self.possessor(kids[0]))

    def np_of(self, tree: Tree) -> int:
        det, nbar, inner = tree.children
        if isinstance(inner, Tree) and inner.data == "np_qty":
            return self.measure(det, nbar, self.np(inner))
        return self.noun(det.lemma, nbar, owner=self.np(inner))

    def np_of_number(self, tree: Tree) -> int:
        det, nbar, number = tree.children
        return self.measure(det, nbar, self.number(number))

    def measure(self, det: Token, nbar: Tree, amount: int) -> int:
        """`a height of 12 feet`: an attribute whose value is the quantity."""
        head = self.noun(det.lemma, nbar, owner=None, kind=NodeKind.ATTRIBUTE, fresh=True)
        self.edge(head, amount, EdgeKind.VALUE)
        return head

    def np_that(self, tree: Tree) -> int:
        np, rel = tree.children
        head = self.np(np)
        if rel.data == "rel_subject":
            self.vp(head, rel.children[0])
            return head
        subj_np, verb, pps = rel.children  # rel_object: `the apples that John buys`
        relation = self.node(NodeKind.RELATION, verb.lemma)
        self.edge(relation, self.np(subj_np), EdgeKind.AGENT)
        self.edge(relation, head, EdgeKind.OBJECT)
        self.attach_pps(relation, pps)
        return head

    def np_proper(self, tree: Tree) -> int:
        return self.proper(tree.children[0])

    def np_var(self, tree: Tree) -> int:
        return self.variable(tree.children[0])

    def np_qty(self, tree: Tree) -> int:
        number, unit = tree.children
        return self.quantity(number, unit)

    def noun(self, det: str, nbar: Tree, owner: int | None, kind: NodeKind | None = None,
             fresh: bool = False) -> int:
        """Resolve or introduce the referent of a determiner + noun (+ owner via of/'s)."""
        *adjs, noun, var = nbar.children
        lemma = noun.lemma
        kind = kind or (NodeKind.ATTRIBUTE if owner is not None else NodeKind.ENTITY)
        adj_lemmas = [a.lemma for a in adjs]
        if det == "the" and not fresh:
            found = self.antecedent(lemma, owner, adj_lemmas, var)
            if found is not None:
                return found
        node = self.node(kind, lemma)
        if owner is not None:
            self.edge(node, owner, EdgeKind.OF)
        for adj in adj_lemmas:
            self.edge(node, self.node(NodeKind.ATTRIBUTE, adj), EdgeKind.HAS)
        if var is not None:
            self.edge(node, self.variable(var), EdgeKind.EQUALS)
        if det in ("every", "no"):
            self.edge(self.node(NodeKind.CONDITION, det), node, EdgeKind.CONDITION)
        self.referents.append(node)
        return node

    def antecedent(self, lemma: str, owner: int | None, adjs: list[str],
                   var: Token | None) -> int | None:
        """The most recent referent a definite noun phrase can refer to, or None."""
        if var is not None:
            if var.lemma not in self.variables:
                return None
            target = self.variables[var.lemma]
            for ref in reversed(self.referents):
                if self.nodes[ref].label == lemma and self.has_edge(ref, target, EdgeKind.EQUALS):
                    return ref
            return None
        for ref in reversed(self.referents):
            node = self.nodes[ref]
            if owner is not None:
                if node.label == lemma and self.has_edge(ref, owner, EdgeKind.OF):
                    return ref
                continue
            matches = (node.kind in _NOUNISH and node.label == lemma) or (
                node.kind == NodeKind.QUANTITY and node.unit == lemma)
            if matches and all(self.has_attribute(ref, a) for a in adjs):
                return ref
        return None

    def has_attribute(self, node: int, adj: str) -> bool:
        return any(e.src == node and e.kind == EdgeKind.HAS and self.nodes[e.dst].label == adj
                   for e in self.edges)

    def proper(self, name: Token) -> int:
        if name.lemma not in self.names:
            self.names[name.lemma] = self.node(NodeKind.ENTITY, name.lemma)
            self.referents.append(self.names[name.lemma])
        return self.names[name.lemma]

    def variable(self, var: Token) -> int:
        if var.lemma not in self.variables:
            self.variables[var.lemma] = self.node(NodeKind.VARIABLE, var.lemma)
        return self.variables[var.lemma]

    def number(self, number: Token) -> int:
        return self.node(NodeKind.NUMBER, number.lemma, value=number.lemma)

    def quantity(self, number: Token | None, unit: Tree) -> int:
        """A quantity node (value None for the unknown of a `how many` question) and its unit."""
        *adjs, noun, per = unit.children
        name = noun.lemma if per is None else f"{noun.lemma}/{per.lemma}"
        value = number.lemma if number is not None else None
        node = self.node(NodeKind.QUANTITY, value if value is not None else "?", value=value,
                         unit=name)
        if name not in self.units:
            self.units[name] = self.node(NodeKind.UNIT, name)
        self.edge(node, self.units[name], EdgeKind.UNIT)
        for adj in adjs:
            self.edge(node, self.node(NodeKind.ATTRIBUTE, adj.lemma), EdgeKind.HAS)
        self.referents.append(node)
        return node

    # --- formulas ------------------------------------------------------------------------
    def formula(self, tree: Tree) -> int:
        left, relop, right = tree.children
        return self.operation(str(relop), [("left", left), ("right", right)])

    def operation(self, symbol: str, args: list[tuple[str, Tree]]) -> int:
        operands = [(role, self.expr(arg)) for role, arg in args]
        op = self.node(NodeKind.OPERATION, symbol)
        for role, operand in operands:
            self.edge(op, operand, EdgeKind.ARG, role)
        return op

    def expr(self, tree: Tree) -> int:
        if tree.data == "num":
            return self.number(tree.children[0])
        if tree.data == "var":
            return self.variable(tree.children[0])
        if tree.data == "neg":
            return self.operation("neg", [("operand", tree.children[0])])
        left, right = tree.children
        return self.operation(OPERATORS[tree.data], [("left", left), ("right", right)])


def build_graph(text: str, tree: Tree) -> SemanticGraph:
    """The semantic graph of a parsed text."""
    return GraphBuilder(text).build(tree)
