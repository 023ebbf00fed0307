"""Which trees may be written: node types per field, child field orders, operator precedence.

The admissible child types of a field come from the training corpus, widened along the
tree-sitter grammar's supertypes (`expression`, `primary_expression`) and intersected with
the types the corpus uses; the order of fields under each node type comes from the corpus
(runs of one field may repeat if the corpus repeats them). Python's operator precedence is
enforced so that every tree the decoder can write prints to source that parses back to the
same tree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from graphmodel.trees import HOLE, LEAF_TYPES, Tree, language

VALUE_TYPES = frozenset({"identifier", "integer", "float", "string"})  # leaves whose text is chosen
ATOM = 15  # precedence of atoms, calls, subscripts, parenthesized expressions

# Python operator precedence, low to high (the language reference's table).
OP_PREC: dict[str, int] = {
    "or": 2, "and": 3,
    "|": 6, "^": 7, "&": 8, "<<": 9, ">>": 9,
    "+": 10, "-": 10, "*": 11, "/": 11, "//": 11, "%": 11, "@": 11, "**": 13,
}
TYPE_PREC: dict[str, int] = {
    "lambda": 0, "conditional_expression": 1, "not_operator": 4, "comparison_operator": 5,
    "unary_operator": 12, "await": 14, "named_expression": -1,
}
UNARY = 12
COMPARISON = 5


def max_prec(type_: str) -> int:
    """The highest precedence a node of this type can end up with."""
    if type_ == "binary_operator":
        return OP_PREC["**"]
    if type_ == "boolean_operator":
        return OP_PREC["and"]
    return TYPE_PREC.get(type_, ATOM)


def child_req(
    parent: str, field: str | None, index: int, parent_op: str | None, parent_req: int, ops: Iterable[str] = ()
) -> int:
    """Minimum precedence a child needs in this slot so that no parentheses are missing.

    `ops` are the operators the parent may still take (for its left operand, written
    before the operator is chosen: it must suit at least one operator the node may take)."""
    if parent in ("binary_operator", "boolean_operator", "augmented_assignment"):
        if parent == "augmented_assignment":
            return 0
        if parent_op is None:  # the left operand: the operator comes later, checked then
            needs = [OP_PREC[o] + (1 if o == "**" else 0) for o in ops if o in OP_PREC and OP_PREC[o] >= parent_req]
            return min(needs) if needs else parent_req
        level = OP_PREC.get(parent_op, ATOM)
        if field == "left":
            return level + 1 if parent_op == "**" else level
        return UNARY if parent_op == "**" else level + 1
    if parent == "comparison_operator":
        return COMPARISON + 1
    if parent == "not_operator":
        return TYPE_PREC["not_operator"]
    if parent == "unary_operator":
        return UNARY
    if parent == "conditional_expression":
        return 2 if index < 2 else 1
    if (parent, field) in (("attribute", "object"), ("call", "function"), ("subscript", "value")):
        return ATOM
    return 0


def ops_allowed(op: str, node_req: int, left_prec: int | None) -> bool:
    """May `op` join a binary/boolean node whose own requirement and left operand are given?"""
    level = OP_PREC.get(op)
    if level is None:
        return True
    if level < node_req:
        return False
    if left_prec is None:
        return True
    return left_prec > level if op == "**" else left_prec >= level


def _supertype_closure() -> dict[str, frozenset[str]]:
    lang = language()
    out: dict[str, set[str]] = {}
    for s in lang.supertypes:
        out[lang.node_kind_for_id(s)] = {lang.node_kind_for_id(x) for x in lang.subtypes(s)}
    changed = True
    while changed:  # expression includes primary_expression's subtypes, and so on
        changed = False
        for subs in out.values():
            extra = set().union(*(out[x] for x in subs if x in out)) - subs
            if extra:
                subs |= extra
                changed = True
    return {k: frozenset(v - set(out)) for k, v in out.items()}


class Grammar:
    """Node types, field slots and child field orders learned from a corpus of Trees."""

    def __init__(
        self,
        slots: dict[tuple[str, str | None], set[str]],
        patterns: dict[str, set[tuple[tuple[str | None, bool], ...]]],
        fixed_text: dict[str, str],
        value_types: set[str],
    ) -> None:
        self.slots = {k: frozenset(v) for k, v in slots.items()}
        self.patterns = {k: frozenset(v) for k, v in patterns.items()}
        self.fixed_text = dict(fixed_text)
        self.value_types = frozenset(value_types)
        self._next = lru_cache(maxsize=100_000)(self._next_fields_uncached)

    # ------------------------------------------------------------------ building
    @classmethod
    def from_trees(cls, trees: Iterable[Tree], widen: bool = True) -> Grammar:
        """Learn the grammar from corpus trees (and widen slots along grammar supertypes)."""
        slots: dict[tuple[str, str | None], set[str]] = defaultdict(set)
        patterns: dict[str, set[tuple[tuple[str | None, bool], ...]]] = defaultdict(set)
        texts: dict[str, Counter[str]] = defaultdict(Counter)
        structural: set[str] = set()

        def visit(t: Tree) -> None:
            if t.type == HOLE:
                return
            if t.text is not None and not t.children:
                texts[t.type][t.text] += 1
                return
            structural.add(t.type)
            fields = [c.field for c in t.children]
            patterns[t.type].add(_collapse(fields))
            for c in t.children:
                slots[(t.type, c.field)].add(c.type)
                visit(c)

        for tree in trees:
            visit(tree)
        value_types = {t for t in texts if t in VALUE_TYPES or len(texts[t]) > 1}
        fixed = {t: next(iter(c)) for t, c in texts.items() if t not in value_types}
        grammar = cls(slots, patterns, fixed, value_types)
        if widen:
            grammar = grammar.widened()
        return grammar

    def widened(self) -> Grammar:
        """Widen each expression slot to the smallest grammar supertype covering what was seen."""
        closure = _supertype_closure()
        corpus_types = set().union(*self.slots.values()) if self.slots else set()
        order = sorted(closure, key=lambda s: len(closure[s]))  # smallest supertype first
        new_slots: dict[tuple[str, str | None], set[str]] = {}
        for key, seen in self.slots.items():
            widened = set(seen)
            expr_part = seen & closure.get("expression", frozenset())
            nonleaf = [t for t in expr_part if t not in LEAF_TYPES]
            if len(expr_part) >= 2 and nonleaf:
                for sup in order:
                    if sup in ("expression", "primary_expression") and expr_part <= closure[sup]:
                        widened |= closure[sup] & corpus_types
                        break
            new_slots[key] = widened
        patterns = {k: set(v) for k, v in self.patterns.items()}
        return Grammar(new_slots, patterns, self.fixed_text, set(self.value_types))

    # ------------------------------------------------------------------ queries
    def is_structural(self, type_: str) -> bool:
        """A node type that has a child frame (as opposed to a leaf)."""
        return type_ in self.patterns

    def next_fields(self, parent: str, fields: tuple[str | None, ...]) -> tuple[frozenset[str | None], bool]:
        """(fields that may come next, whether the node may end here) after `fields`."""
        return self._next(parent, fields)

    def _next_fields_uncached(
        self, parent: str, fields: tuple[str | None, ...]
    ) -> tuple[frozenset[str | None], bool]:
        runs = _runs(fields)
        nxt: set[str | None] = set()
        end = False
        for pat in self.patterns.get(parent, ()):
            if not _matches_prefix(pat, runs):
                continue
            if not runs:
                if pat:
                    nxt.add(pat[0][0])
                else:
                    end = True
                continue
            i = len(runs) - 1
            if pat[i][1]:
                nxt.add(pat[i][0])
            if i + 1 < len(pat):
                nxt.add(pat[i + 1][0])
            else:
                end = True
        return frozenset(nxt), end

    def slot_types(self, parent: str, field: str | None) -> frozenset[str]:
        return self.slots.get((parent, field), frozenset())

    # ------------------------------------------------------------------ persistence
    def to_dict(self) -> dict:
        return {
            "slots": [[p, f, sorted(ts)] for (p, f), ts in sorted(self.slots.items(), key=lambda kv: (kv[0][0], str(kv[0][1])))],
            "patterns": {k: sorted([list(map(list, p)) for p in v]) for k, v in sorted(self.patterns.items())},
            "fixed_text": dict(sorted(self.fixed_text.items())),
            "value_types": sorted(self.value_types),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Grammar:
        slots = {(p, f): set(ts) for p, f, ts in d["slots"]}
        patterns = {k: {tuple((f, bool(r)) for f, r in p) for p in v} for k, v in d["patterns"].items()}
        return cls(slots, patterns, d["fixed_text"], set(d["value_types"]))


def _collapse(fields: list[str | None]) -> tuple[tuple[str | None, bool], ...]:
    """Runs of one field: [None, None, None] -> ((None, True),); [left, operator, right] stays."""
    out: list[tuple[str | None, bool]] = []
    for f in fields:
        if out and out[-1][0] == f:
            out[-1] = (f, True)
        else:
            out.append((f, False))
    return tuple(out)


def _runs(fields: tuple[str | None, ...]) -> list[tuple[str | None, int]]:
    out: list[tuple[str | None, int]] = []
    for f in fields:
        if out and out[-1][0] == f:
            out[-1] = (f, out[-1][1] + 1)
        else:
            out.append((f, 1))
    return out


def _matches_prefix(pat: tuple[tuple[str | None, bool], ...], runs: list[tuple[str | None, int]]) -> bool:
    if len(runs) > len(pat):
        return False
    return all(pf == rf and (n == 1 or rep) for (pf, rep), (rf, n) in zip(pat, runs, strict=False))
