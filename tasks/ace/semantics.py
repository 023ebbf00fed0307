"""Parse tree -> SemanticGraph: discourse referents, anaphora, quantities, relations, the query.

Interpretation follows ACE: an indefinite noun phrase introduces a referent; a definite one
(`the ladder`, `the ladder's length`) refers back to the most recent matching referent, and
introduces one when there is none; prepositional phrases attach to the verb; `of` attaches to the
noun. Every number token becomes exactly one `number` or `quantity` node with its exact value.
docs/ace.md describes every node and edge that each construction produces.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lark import Token, Tree

from tasks.ace.graph import EdgeKind, GraphEdge, GraphNode, NodeKind, SemanticGraph
from tasks.ace.lexicon import is_unit

OPERATORS = {"add": "+", "sub": "-", "mul": "*", "div": "/", "pow": "^"}
EXPRESSIONS = frozenset({"num", "var", "neg", *OPERATORS})
QUERY_LABELS = {"q_what": "what", "q_how_many": "how many", "q_how_many_there": "how many",
                "q_calculate": "calculate"}
QUANTIFIERS = frozenset({"every", "each", "no", "all", "both"})
_NOUNISH = (NodeKind.ENTITY, NodeKind.ATTRIBUTE)
Attach = Callable[[int], None]


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


@dataclass
class OfPhrase:
    """`head of arg and arg ...` after the like-with-like regrouping of of-arguments."""

    head: Tree
    args: list[Tree | OfPhrase] = field(default_factory=list)


def _shape(item: Tree | OfPhrase) -> str:
    return "of" if isinstance(item, OfPhrase) or item.data == "np_of" else "ref"


def split_of_args(seq: Tree) -> tuple[list[Tree | OfPhrase], list[Tree | OfPhrase]]:
    """(arguments kept by this of-phrase, arguments that belong to the enclosing one).

    The grammar nests `and` under the innermost of-phrase; ACE text means like with like:
    `the sum of the age of Sara and the age of Omar` coordinates two of-phrases under `sum`,
    `the meeting of the boat and the truck` two names under `meeting`. From the first argument
    whose shape (name/noun vs of-phrase) differs from the first, the rest move outwards.
    """
    items: list[Tree | OfPhrase] = list(seq.children[:-1])
    last = seq.children[-1]
    if isinstance(last, Tree) and last.data == "np_of" and last.children[1].data == "of_refs":
        head, inner = last.children
        kept, moved = split_of_args(inner)
        items += [OfPhrase(head, kept), *moved]
    else:
        items.append(last)
    first = _shape(items[0])
    cut = next((k for k, item in enumerate(items) if _shape(item) != first), len(items))
    return items[:cut], items[cut:]


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

    def targets(self, src: int, kind: EdgeKind) -> list[int]:
        return [e.dst for e in self.edges if e.src == src and e.kind == kind]

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
        kids = list(tree.children)
        front = kids.pop(0) if isinstance(kids[0], Tree) and kids[0].data == "front" else None
        subject_tree, vp, more = kids
        subjects = self.subject(subject_tree)
        root, attach = self.vp(subjects, vp)
        if front is not None:
            self.modify(root, front.children)
        roots = [root]
        while more is not None:
            parts = more.children
            if more.data == "more_vp":
                vp, more = parts
                root, attach = self.vp(subjects, vp)
                roots.append(root)
            elif more.data == "more_clause":
                np, vp, more = parts
                subjects = [self.np(np)]
                root, attach = self.vp(subjects, vp)
                roots.append(root)
            else:  # more_object: `and` one more object (with its own modifiers)
                np, mods, more = parts if len(parts) == 3 else (parts[0], None, parts[1])
                gapped = self.gapped_event(root, subjects, mods)
                if gapped is not None:
                    root, attach = gapped, self.object_adder(gapped)
                    roots.append(root)
                attach(self.np(np))
                self.modify(root, self.mod_items(mods))
        return roots

    def gapped_event(self, root: int, subjects: list[int], mods: Tree | None) -> int | None:
        """A second event for gapping (`gives 3 apples to Mary and 2 apples to Sue`), or None
        when the coordinated object shares the verb's phrases (`puts A and B into packs`)."""
        if mods is None or self.nodes[root].kind != NodeKind.RELATION:
            return None
        if not self.targets(root, EdgeKind.RELATION):
            return None
        event = self.node(NodeKind.RELATION, self.nodes[root].label)
        for s in subjects:
            self.edge(event, s, EdgeKind.AGENT)
        return event

    def subject(self, tree: Tree) -> list[int]:
        """The subject's referents (several when coordinated with `and`)."""
        if tree.data == "subjects":
            return [self.np(np) for np in tree.children]
        if tree.data == "subject_pps":
            nps, pps = tree.children
            subjects = self.subject(nps)
            for s in subjects:
                self.modify(s, pps.children)
            return subjects
        return [self.np(tree)]

    def s_formulas(self, tree: Tree) -> list[int]:
        return [self.formula(f) for f in tree.children]

    def s_there_is(self, tree: Tree) -> list[int]:
        _cop, items = tree.children
        roots: list[int] = []
        mods = None
        while items is not None:
            first, rest = (list(items.children) + [None])[:2]
            roots.append(self.np(first))
            if isinstance(rest, Tree) and rest.data == "there_items":
                items = rest
            else:
                mods, items = rest, None
        for root in roots:
            self.modify(root, self.mod_items(mods))
        return roots

    # --- queries -------------------------------------------------------------------------
    def ask(self, data: str, target: int) -> int:
        query = self.node(NodeKind.QUERY, QUERY_LABELS[data])
        self.edge(query, target, EdgeKind.ASKS)
        self.query = query
        return query

    def s_q_what(self, tree: Tree) -> list[int]:
        _cop, np, mods = (list(tree.children) + [None])[:3]
        target = self.np(np)
        self.modify(target, self.mod_items(mods))
        return [self.ask("q_what", target)]

    def s_q_how_many(self, tree: Tree) -> list[int]:
        unit, _do, subject, verb, mods = tree.children
        subjects = self.subject(subject)
        unknown = self.quantity(None, unit)
        relation = self.node(NodeKind.RELATION, verb.lemma)
        for s in subjects:
            self.edge(relation, s, EdgeKind.AGENT)
        self.edge(relation, unknown, EdgeKind.OBJECT)
        self.modify(relation, self.mod_items(mods))
        return [self.ask("q_how_many", unknown)]

    def s_q_how_many_there(self, tree: Tree) -> list[int]:
        unit, _cop, mods = tree.children
        unknown = self.quantity(None, unit)
        self.modify(unknown, self.mod_items(mods))
        return [self.ask("q_how_many_there", unknown)]

    def s_q_calculate(self, tree: Tree) -> list[int]:
        np, mods, body = tree.children
        target = self.np(np)
        self.modify(target, self.mod_items(mods))
        query = self.ask("q_calculate", target)
        if body is not None:
            for root in self.statement(body):
                self.edge(query, root, EdgeKind.CONDITION)
        return [query]

    # --- verb phrases --------------------------------------------------------------------
    def vp(self, subjects: list[int], tree: Tree) -> tuple[int, Attach]:
        """Attach a verb phrase to its subjects: (root node, how to add a coordinated object)."""
        kids = list(tree.children) + [None]
        if tree.data in ("vp_verb", "vp_verb_intrans"):
            relation = self.node(NodeKind.RELATION, kids[0].lemma)
            for s in subjects:
                self.edge(relation, s, EdgeKind.AGENT)

            add_object = self.object_adder(relation)
            if tree.data == "vp_verb":
                add_object(self.np(kids[1]))
                self.modify(relation, self.mod_items(kids[2]))
                return relation, add_object
            self.modify(relation, self.mod_items(kids[1]))
            return relation, add_object
        root = subjects[0]
        def add_complement(comp: int) -> None:
            for s in subjects:
                self.edge(s, comp, self.copula_edge(comp))

        if tree.data == "vp_be_np":
            add_complement(self.np(kids[1]))
            for s in subjects:
                self.modify(s, self.mod_items(kids[2]))
            return root, add_complement
        if tree.data == "vp_be_adj":
            for s in subjects:
                self.edge(s, self.node(NodeKind.ATTRIBUTE, kids[1].lemma), EdgeKind.HAS)
                self.modify(s, self.mod_items(kids[2]))
            return root, add_complement
        for s in subjects:  # vp_be_pp
            self.modify(s, kids[1].children)
        return root, add_complement

    def object_adder(self, relation: int) -> Attach:
        def add_object(obj: int) -> None:
            self.edge(relation, obj, EdgeKind.OBJECT)

        return add_object

    def copula_edge(self, comp: int) -> EdgeKind:
        """`X is 13 feet` gives a value; `X is the length of Y` an identity."""
        amounts = (NodeKind.QUANTITY, NodeKind.NUMBER, NodeKind.OPERATION, NodeKind.VARIABLE)
        return EdgeKind.VALUE if self.nodes[comp].kind in amounts else EdgeKind.EQUALS

    def mod_items(self, mods: Tree | None) -> list[Tree | Token]:
        """Flatten `mods`/`imods` into adverbs, prepositional phrases and measures."""
        if mods is None:
            return []
        items: list[Tree | Token] = []
        for child in mods.children:
            if isinstance(child, Tree) and child.data in ("mods", "imods"):
                items += self.mod_items(child)
            elif child is not None:
                items.append(child)
        return items

    def modify(self, head: int, items: list[Tree | Token]) -> None:
        """Attach adverbs (has), prepositional phrases (relation, label: the preposition) and
        measures (relation, no label) to `head`."""
        for item in items:
            if isinstance(item, Token):
                self.edge(head, self.node(NodeKind.ATTRIBUTE, item.lemma), EdgeKind.HAS)
            elif item.data == "pp":
                prep, *nps = item.children
                for np in nps:
                    self.edge(head, self.np(np), EdgeKind.RELATION, prep.lemma)
            elif item.data == "measure":
                self.edge(head, self.measure(item), EdgeKind.RELATION)
            elif item.data == "measure_times":  # `12 times`: a count of repetitions
                (number,) = item.children
                self.edge(head, self.quantity_of(number.lemma, "time"), EdgeKind.RELATION)
            else:
                raise AssertionError(f"unexpected modifier {item.data}")

    def measure(self, tree: Tree) -> int:
        kids = list(tree.children)
        det = kids.pop(0).lemma if isinstance(kids[0], Token) and kids[0].type == "DET" else None
        *adjs, number, unit = kids
        node = self.quantity(number.lemma, unit)
        self.adjectives(node, adjs)
        self.quantify(node, det)
        return node

    # --- noun phrases --------------------------------------------------------------------
    def np(self, tree: Tree) -> int:
        """The node a noun phrase refers to (resolving definite ones)."""
        handler: Callable[[Tree], int] = getattr(self, f"np_{tree.data.removeprefix('np_')}")
        return handler(tree)

    def np_det(self, tree: Tree) -> int:
        det, nbar = tree.children
        return self.noun(det.lemma, nbar, owners=[])

    def np_poss(self, tree: Tree) -> int:
        possessor, nbar = tree.children
        return self.noun("the", nbar, owners=[self.possessor(possessor)])

    def possessor(self, tree: Tree) -> int:
        kids = tree.children
        if len(kids) == 1:
            return self.proper(kids[0])
        if isinstance(kids[0], Token):
            return self.noun(kids[0].lemma, kids[1], owners=[])
        return self.noun("the", kids[1], owners=[self.possessor(kids[0])])

    def np_of(self, tree: Tree) -> int:
        head, seq = tree.children
        if seq.data == "of_amounts":
            return self.of_amounts(head, seq)
        if seq.data != "of_refs":  # `head of np_rel`
            return self.of_phrase(OfPhrase(head, [seq]))
        kept, moved = split_of_args(seq)
        return self.of_phrase(OfPhrase(head, kept + moved))

    def of_phrase(self, phrase: OfPhrase) -> int:
        owners = [self.of_phrase(a) if isinstance(a, OfPhrase) else self.np(a) for a in phrase.args]
        return self.head(phrase.head, owners)

    def of_amounts(self, head: Tree, seq: Tree) -> int:
        """`a height of 12 feet` (a measurement) or `the product of X and X + 2` (arguments)."""
        kids = list(seq.children)
        amounts: list[int] = []
        while kids:
            expr = kids.pop(0)
            unit = kids.pop(0) if kids and (kids[0] is None or kids[0].data == "unit") else None
            amounts.append(self.amount(expr, unit))
        if head.data == "np_det" and head.children[0].lemma == "a" and len(amounts) == 1:
            det, nbar = head.children
            attribute = self.noun("a", nbar, owners=[], kind=NodeKind.ATTRIBUTE)
            self.edge(attribute, amounts[0], EdgeKind.VALUE)
            return attribute
        return self.head(head, amounts)

    def head(self, head: Tree, owners: list[int]) -> int:
        """The noun of an of-phrase, owned by its arguments (labels 1, 2, ... when several)."""
        if head.data == "np_poss":
            possessor, nbar = head.children
            return self.noun("the", nbar, owners=[self.possessor(possessor), *owners])
        det, nbar = head.children
        return self.noun(det.lemma, nbar, owners=owners)

    def np_qty_of(self, tree: Tree) -> int:
        """`200 grams of flour`, `20 percent of the money`, `the first 5 terms of the sequence`."""
        kids = list(tree.children)
        det = kids.pop(0).lemma if isinstance(kids[0], Token) else None
        *adjs, expr, unit, np = kids
        owner = self.np(np)
        amount = self.amount(expr, unit)
        self.adjectives(amount, adjs)
        self.quantify(amount, det)
        self.edge(amount, owner, EdgeKind.OF)
        return amount

    def np_times(self, tree: Tree) -> int:
        """`3 times the age of Omar`: a product."""
        expr, np = tree.children
        op = self.node(NodeKind.OPERATION, "*")
        self.edge(op, self.expr(expr), EdgeKind.ARG, "left")
        self.edge(op, self.np(np), EdgeKind.ARG, "right")
        return op

    def np_that(self, tree: Tree) -> int:
        np, rel = tree.children
        head = self.np(np)
        if rel.data == "rel_subject":
            self.vp([head], rel.children[0])
            return head
        subject, vp = rel.children  # `the probability that John gets 2 heads`
        root, _ = self.vp(self.subject(subject), vp)
        self.edge(head, root, EdgeKind.CONDITION)
        return head

    def np_proper(self, tree: Tree) -> int:
        return self.proper(tree.children[0])

    def np_bare(self, tree: Tree) -> int:
        """A noun without determiner: a unit (`in liters`) or a mass/plural referent."""
        *adjs, per = tree.children
        nouns = [a for a in adjs if a.type == "NOUN"]
        adjs = [a for a in adjs if a.type == "ADJ"]
        lemma = self.compound(nouns)
        if per is not None or (not adjs and is_unit(lemma)):
            name = lemma if per is None else f"{lemma}/{per.lemma}"
            return self.unit(name)
        found = self.antecedent(lemma, [], [a.lemma for a in adjs], None)
        if found is not None:
            return found
        node = self.node(NodeKind.ENTITY, lemma)
        self.adjectives(node, adjs)
        self.referents.append(node)
        return node

    def np_amount(self, tree: Tree) -> int:
        expr, unit = tree.children
        return self.amount(expr, unit)

    def np_det_amount(self, tree: Tree) -> int:
        """`the first 5 terms`, `every 40 minutes`."""
        det, *adjs, expr, unit = tree.children
        node = self.amount(expr, unit)
        self.adjectives(node, adjs)
        self.quantify(node, det.lemma)
        return node

    def compound(self, nouns: list[Token]) -> str:
        """`toy cars` -> "toy car": modifiers as written (lowercase), the head as a lemma."""
        return " ".join([str(n).lower() for n in nouns[:-1]] + [nouns[-1].lemma])

    def noun(self, det: str, nbar: Tree, owners: list[int], kind: NodeKind | None = None) -> int:
        """Resolve or introduce the referent of a determiner + noun (+ owners via of/'s)."""
        *words, appo = nbar.children
        nouns = [w for w in words if w.type == "NOUN"]
        adjs = [w for w in words if w.type == "ADJ"]
        lemma = self.compound(nouns)
        kind = kind or (NodeKind.ATTRIBUTE if owners else NodeKind.ENTITY)
        if det == "the":
            found = self.antecedent(lemma, owners, [a.lemma for a in adjs], appo)
            if found is not None:
                return found
        node = self.node(kind, lemma)
        for position, owner in enumerate(owners, start=1):
            self.edge(node, owner, EdgeKind.OF, str(position) if len(owners) > 1 else None)
        self.adjectives(node, adjs)
        if appo is not None:
            target = self.variable(appo) if appo.type == "VARIABLE" else self.number(appo)
            self.edge(node, target, EdgeKind.EQUALS)
        self.quantify(node, det)
        self.referents.append(node)
        return node

    def adjectives(self, node: int, adjs: list[Token]) -> None:
        for adj in adjs:
            self.edge(node, self.node(NodeKind.ATTRIBUTE, adj.lemma), EdgeKind.HAS)

    def quantify(self, node: int, det: str | None) -> None:
        """`every`, `each`, `no`, `all`, `both`: a condition node over the noun."""
        if det in QUANTIFIERS:
            self.edge(self.node(NodeKind.CONDITION, det), node, EdgeKind.CONDITION)

    def antecedent(self, lemma: str, owners: list[int], adjs: list[str],
                   appo: Token | None) -> int | None:
        """The most recent referent a definite noun phrase can refer to, or None."""
        if appo is not None and appo.type == "VARIABLE":
            target = self.variables.get(appo.lemma)
            if target is None:
                return None
            return next((r for r in reversed(self.referents) if self.nodes[r].label == lemma
                         and target in self.targets(r, EdgeKind.EQUALS)), None)
        if appo is not None:
            return None  # `the number 1780` always introduces its number
        for ref in reversed(self.referents):
            node = self.nodes[ref]
            if owners:
                if node.label == lemma and self.targets(ref, EdgeKind.OF) == owners:
                    return ref
                continue
            matches = (node.kind in _NOUNISH and node.label == lemma) or (
                node.kind == NodeKind.QUANTITY and node.unit == lemma)
            if matches and all(self.has_attribute(ref, a) for a in adjs):
                return ref
        return None

    def has_attribute(self, node: int, adj: str) -> bool:
        return any(self.nodes[t].label == adj for t in self.targets(node, EdgeKind.HAS))

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

    def unit(self, name: str) -> int:
        if name not in self.units:
            self.units[name] = self.node(NodeKind.UNIT, name)
        return self.units[name]

    def unit_name(self, unit: Tree) -> tuple[str, list[Token]]:
        *words, per = unit.children
        nouns = [w for w in words if w.type == "NOUN"]
        name = self.compound(nouns)
        return (name if per is None else f"{name}/{per.lemma}"), [w for w in words if w.type == "ADJ"]

    def quantity(self, value: str | None, unit: Tree) -> int:
        """A quantity node (value None for the unknown of a `how many` question) and its unit."""
        name, adjs = self.unit_name(unit)
        node = self.quantity_of(value, name)
        self.adjectives(node, adjs)
        return node

    def quantity_of(self, value: str | None, name: str) -> int:
        node = self.node(NodeKind.QUANTITY, value if value is not None else "?", value=value,
                         unit=name)
        self.edge(node, self.unit(name), EdgeKind.UNIT)
        self.referents.append(node)
        return node

    def amount(self, expr: Tree, unit: Tree | None) -> int:
        """A number or expression, with an optional unit: `13 feet`, `X years`, `X + 38 years`."""
        if unit is None:
            return self.expr(expr)
        if expr.data == "num":
            return self.quantity(expr.children[0].lemma, unit)
        name, adjs = self.unit_name(unit)
        node = self.node(NodeKind.QUANTITY, "expr", unit=name)
        self.edge(node, self.unit(name), EdgeKind.UNIT)
        self.edge(node, self.expr(expr), EdgeKind.VALUE)
        self.adjectives(node, adjs)
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
