"""Trees as sequences of decoder actions, and the decoding state that makes them legal.

A tree is written in pre-order. Each step is one of:
  * a NODE step: choose the next child of the open node as a (field, type) token, or END
    to close it; only tokens the grammar allows in that position are legal;
  * a VALUE step: choose the text of an identifier / number / string leaf, from a small
    vocabulary or by copying a graph node (see graph_features.renderings).
The same `DecodeState` drives teacher forcing (linearize) and search, so training and
decoding can never disagree on what is legal. Steps whose only legal choice is END are
skipped (the node closes itself).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from graphmodel.grammar import ATOM, OP_PREC, TYPE_PREC, Grammar, child_req, max_prec, ops_allowed
from graphmodel.trees import HOLE, Tree

END, HOLE_TOK = 0, 1
MAX_DEPTH = 24  # ancestor chains longer than this are clipped (the dialect's trees are shallower)


class LinearizeError(ValueError):
    """A tree uses something the grammar or vocabulary cannot express."""


@dataclass
class TreeVocab:
    """Node tokens ((field, type) pairs) and value texts, fixed at training time."""

    node_tokens: list[tuple[str | None, str]]  # index 0 = END, 1 = HOLE (placeholders)
    values: list[str]
    value_types: dict[str, list[int]]  # leaf type -> indices into values seen with it
    node_index: dict[tuple[str | None, str], int] = field(init=False)
    value_index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.node_index = {tok: i for i, tok in enumerate(self.node_tokens)}
        self.value_index = {v: i for i, v in enumerate(self.values)}

    @classmethod
    def build(cls, grammar: Grammar, trees: Iterable[Tree], min_count: int = 1) -> TreeVocab:
        tokens: set[tuple[str | None, str]] = set()
        for (_, f), types in grammar.slots.items():
            tokens.update((f, t) for t in types)
        counts: Counter[tuple[str, str]] = Counter()
        for tree in trees:
            stack = [tree]
            while stack:
                t = stack.pop()
                if t.type in grammar.value_types and t.text is not None:
                    counts[(t.type, t.text)] += 1
                stack.extend(t.children)
        kept = sorted({text for (_, text), n in counts.items() if n >= min_count})
        index = {v: i for i, v in enumerate(kept)}
        by_type: dict[str, set[int]] = {}
        for (typ, text), n in counts.items():
            if n >= min_count:
                by_type.setdefault(typ, set()).add(index[text])
        ordered = [(None, "<end>"), (None, HOLE)] + sorted(tokens, key=lambda x: (str(x[0]), x[1]))
        return cls(ordered, kept, {k: sorted(v) for k, v in sorted(by_type.items())})

    def to_dict(self) -> dict:
        return {"node_tokens": [list(t) for t in self.node_tokens], "values": self.values, "value_types": self.value_types}

    @classmethod
    def from_dict(cls, d: dict) -> TreeVocab:
        return cls([tuple(t) for t in d["node_tokens"]], list(d["values"]), {k: list(v) for k, v in d["value_types"].items()})


class Frame(NamedTuple):
    type: str
    node_id: int
    anc: tuple[int, ...]
    fields: tuple[str | None, ...]
    req: int
    op: str | None
    last_prec: int | None


class Pending(NamedTuple):
    type: str
    node_id: int
    anc: tuple[int, ...]


class Spec(NamedTuple):
    """What the next step is: enough for the model's inputs and the grammar mask."""

    kind: str  # "node" | "value"
    allowed: tuple[int, ...]  # node steps: legal node token ids
    value_type: str | None  # value steps: the leaf type
    frame: str  # "N:<parent type>" or "V:<leaf type>"
    anc: tuple[int, ...]  # ancestor ids of the slot being filled (root first)
    sib: int  # index of this child among its parent's children


@dataclass(frozen=True)
class DecodeState:
    """Immutable: applying an action returns a new state (cheap to branch in beam search)."""

    stack: tuple[Frame, ...]
    pending: Pending | None
    next_id: int
    fill_depth: int = 0  # >0 in infilling: stop once the stack is back at this depth
    fill_field: str | None = None
    started: bool = False
    steps: int = 0

    @property
    def done(self) -> bool:
        if self.pending is not None:
            return False
        if self.fill_depth:
            return self.started and len(self.stack) == self.fill_depth
        return not self.stack


def initial_state() -> DecodeState:
    """Before the first step: the module root is open."""
    return DecodeState(stack=(Frame("module", 0, (0,), (), 0, None, None),), pending=None, next_id=1)


class Decoding:
    """Grammar + vocabulary: computes step specs and applies actions to DecodeStates."""

    def __init__(self, grammar: Grammar, vocab: TreeVocab) -> None:
        self.grammar = grammar
        self.vocab = vocab
        self._allowed_cache: dict[tuple, tuple[int, ...]] = {}
        # per (field, type) token: its type and whether it opens a frame
        self._tok_type = [t for _, t in vocab.node_tokens]
        self._tok_field = [f for f, _ in vocab.node_tokens]

    # ------------------------------------------------------------------ legality
    def allowed(self, top: Frame, only_field: object = ..., restrict_end: bool = False) -> tuple[int, ...]:
        key = (top.type, top.fields, top.req, top.op, top.last_prec, only_field, restrict_end)
        hit = self._allowed_cache.get(key)
        if hit is not None:
            return hit
        g = self.grammar
        nxt, end_ok = g.next_fields(top.type, top.fields)
        ids: list[int] = []
        if end_ok and not restrict_end:
            ids.append(END)
        index = self.vocab.node_index
        for f in sorted(nxt, key=str):
            if only_field is not ... and f != only_field:
                continue
            req = self._req(top, f)
            for t in sorted(g.slot_types(top.type, f)):
                tok = index.get((f, t))
                if tok is None:
                    continue
                if t in OP_PREC and top.type in ("binary_operator", "boolean_operator"):
                    if not ops_allowed(t, top.req, top.last_prec):
                        continue
                elif max_prec(t) < req:
                    continue
                ids.append(tok)
        out = tuple(ids)
        self._allowed_cache[key] = out
        return out

    def advance(self, state: DecodeState) -> tuple[DecodeState, list[int]]:
        """Apply every step whose only legal action is forced; return the state and those actions."""
        taken: list[int] = []
        while not state.done:
            spec = self.spec(state)
            if spec.kind != "node" or len(spec.allowed) != 1:
                break
            taken.append(spec.allowed[0])
            state = self.apply(state, spec.allowed[0])
        return state, taken

    def _req(self, top: Frame, f: str | None) -> int:
        ops = self.grammar.slot_types(top.type, "operator") if top.op is None else ()
        return child_req(top.type, f, len(top.fields), top.op, top.req, ops)

    def spec(self, state: DecodeState) -> Spec:
        """The next step of a state that is not done."""
        if state.pending is not None:
            p = state.pending
            return Spec("value", (), p.type, f"V:{p.type}", p.anc, 0)
        top = state.stack[-1]
        in_fill_start = state.fill_depth and not state.started
        allowed = self.allowed(
            top,
            only_field=state.fill_field if in_fill_start else ...,
            restrict_end=bool(in_fill_start),
        )
        anc = (*top.anc, state.next_id)[-MAX_DEPTH:]
        return Spec("node", allowed, None, f"N:{top.type}", anc, len(top.fields))

    def _close(self, fill_depth: int, stack: list[Frame]) -> None:
        """Pop frames whose only legal continuation is END (no step is spent on them)."""
        while stack and len(stack) > fill_depth:
            top = stack[-1]
            nxt, end_ok = self.grammar.next_fields(top.type, top.fields)
            if nxt or not end_ok:
                return
            self._pop(stack)

    def _pop(self, stack: list[Frame]) -> None:
        done = stack.pop()
        prec = OP_PREC.get(done.op, ATOM) if done.type in ("binary_operator", "boolean_operator") else TYPE_PREC.get(done.type, ATOM)
        if stack:
            t = stack[-1]  # Frame(...) directly: NamedTuple._replace costs ~5x more, and search calls this per step
            stack[-1] = Frame(t.type, t.node_id, t.anc, t.fields, t.req, t.op, prec)

    def apply(self, state: DecodeState, action: int | str) -> DecodeState:
        """Apply a node token id (int) or a value text (str)."""
        stack = list(state.stack)
        next_id, pending = state.next_id, None
        if isinstance(action, str):
            if state.pending is None:
                raise LinearizeError("a value was given where a node was expected")
        elif state.pending is not None:
            raise LinearizeError("a node was given where a value was expected")
        elif action == END:
            self._pop(stack)
        else:
            f, t = self.vocab.node_tokens[action]
            if action == HOLE_TOK:
                f, t = state.fill_field, HOLE  # linearizing a context: fill_field holds the hole's field
            top = stack[-1]
            req = self._req(top, f)
            op = t if f == "operator" and not self.grammar.is_structural(t) else top.op
            stack[-1] = top = Frame(top.type, top.node_id, top.anc, (*top.fields, f), top.req, op, top.last_prec)
            nid, next_id = next_id, next_id + 1
            anc = (*top.anc, nid)[-MAX_DEPTH:]
            if t in self.grammar.value_types:
                pending = Pending(t, nid, anc)
            elif self.grammar.is_structural(t):
                stack.append(Frame(t, nid, anc, (), req, None, None))
            else:  # fixed leaf (operator, True, None) or a hole
                stack[-1] = Frame(top.type, top.node_id, top.anc, top.fields, top.req, top.op, ATOM)
        if pending is None:
            self._close(state.fill_depth, stack)
        return DecodeState(tuple(stack), pending, next_id, state.fill_depth, state.fill_field, True, state.steps + 1)
# ----------------------------------------------------------------------------- teacher forcing


@dataclass
class Step:
    """One decoder step of a gold sequence."""

    spec: Spec
    action: int | str  # node token id or value text
    context: bool = False  # True for the teacher-forced context of an infilling example

    @property
    def forced(self) -> bool:
        """The grammar left no choice: the model neither sees nor predicts this step."""
        return self.spec.kind == "node" and self.spec.allowed == (self.action,)


def linearize(dec: Decoding, tree: Tree) -> list[Step]:
    """Gold steps for a whole module; LinearizeError if the grammar/vocab cannot write it."""
    steps: list[Step] = []
    state = initial_state()
    for child in tree.children:
        state = _walk(dec, child, state, steps, None)
    _end(dec, state, steps, 0, tree.type)
    return steps


def _end(dec: Decoding, state: DecodeState, steps: list[Step], depth: int, type_: str) -> DecodeState:
    if len(state.stack) > depth:
        spec = dec.spec(state)
        if END not in spec.allowed:
            raise LinearizeError(f"{type_!r} cannot end after fields {state.stack[-1].fields}")
        steps.append(Step(spec, END))
        state = dec.apply(state, END)
    return state


def _walk(dec: Decoding, t: Tree, state: DecodeState, steps: list[Step], holder: dict | None) -> DecodeState:
    """Teacher-force subtree `t`; with a holder, record the state at a HOLE (context mode)."""
    spec = dec.spec(state)
    if t.type == HOLE:
        if holder is None:
            raise LinearizeError("a hole in a tree that is being written as a whole")
        holder["fill"], holder["field"] = state, t.field
        state = replace(state, fill_field=t.field)
        tok = HOLE_TOK
    else:
        tok = dec.vocab.node_index.get((t.field, t.type), -1)
        if tok < 0 or (holder is None and tok not in spec.allowed):
            where = state.stack[-1].type if state.stack else "<root>"
            raise LinearizeError(f"{t.type!r} in field {t.field!r} of {where!r} is not allowed here")
    steps.append(Step(spec, tok))
    depth_before = len(state.stack)
    state = dec.apply(state, tok)
    if t.type == HOLE:
        return replace(state, fill_field=None)
    if state.pending is not None:
        if t.text is None:
            raise LinearizeError(f"leaf {t.type!r} has no text")
        steps.append(Step(dec.spec(state), t.text))
        return dec.apply(state, t.text)
    if len(state.stack) > depth_before:  # opened a frame: the children, then END
        for child in t.children:
            state = _walk(dec, child, state, steps, holder)
        state = _end(dec, state, steps, depth_before, t.type)
    return state


def fill_start(dec: Decoding, tree_with_hole: Tree) -> tuple[list[Step], DecodeState]:
    """Context steps (the tree with its HOLE, teacher-forced) and the state where the filling starts."""
    steps: list[Step] = []
    holder: dict = {}
    state = initial_state()
    for child in tree_with_hole.children:
        state = _walk(dec, child, state, steps, holder)
    state = _end(dec, state, steps, 0, tree_with_hole.type)
    if "fill" not in holder:
        raise LinearizeError("the tree has no hole")
    for s in steps:
        s.context = True
    at = holder["fill"]
    return steps, DecodeState(at.stack, None, state.next_id, len(at.stack), holder["field"], False, 0)


def linearize_infill(dec: Decoding, tree_with_hole: Tree, filling: Tree) -> list[Step]:
    """Context steps then the gold filling's steps (those are the ones trained on)."""
    steps, state = fill_start(dec, tree_with_hole)
    _walk(dec, filling, state, steps, None)
    return steps


# ----------------------------------------------------------------------------- rebuilding


def build_tree(dec: Decoding, actions: list[int | str], start: DecodeState | None = None) -> Tree:
    """Replay actions into a Tree: the module, or for an infilling (start given) the filled subtree."""
    state = start or initial_state()
    base = len(state.stack)
    root = Tree.model_construct(type=state.stack[-1].type, field=None, children=[], text=None, start=None, end=None)
    nodes: list[Tree] = [root]  # nodes[i] is the Tree of state.stack[base - 1 + i]
    pending: Tree | None = None
    for a in actions:
        child = None
        if isinstance(a, str):
            if pending is None:
                raise LinearizeError("a value without a leaf to hold it")
            pending.text, pending = a, None
        elif a != END:
            f, t = dec.vocab.node_tokens[a]
            if a == HOLE_TOK:
                f, t = state.fill_field, HOLE
            structural = dec.grammar.is_structural(t)
            text = None if structural or t in dec.grammar.value_types or t == HOLE else dec.grammar.fixed_text.get(t, t)
            child = Tree.model_construct(type=t, field=f, children=[], text=text, start=None, end=None)
            nodes[-1].children.append(child)
            if t in dec.grammar.value_types:
                pending = child
            elif structural:
                nodes.append(child)
        state = dec.apply(state, a)
        nodes = nodes[: max(len(state.stack) - base + 1, 0)]
    if start is not None:
        if len(root.children) != 1:
            raise LinearizeError(f"an infilling must produce one subtree, got {len(root.children)}")
        return root.children[0]
    return root
