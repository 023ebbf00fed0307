"""Training examples for the tree model: problems -> (graph tensors, gold steps) -> padded batches.

`TreeCodec` holds everything fixed at training time (grammar, vocabularies); it is saved in
the checkpoint so that a loaded model decodes exactly what it was trained to write.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, fields
from typing import Any

import torch
from torch import Tensor
from torch_geometric.data import Batch, Data

from graphmodel.grammar import Grammar
from graphmodel.graph_features import GraphVocab
from graphmodel.linearize import (
    MAX_DEPTH,
    Decoding,
    LinearizeError,
    Step,
    TreeVocab,
    linearize,
    linearize_infill,
)
from graphmodel.trees import Tree, cut, iter_paths, parse_program, subtree_at


class DataError(ValueError):
    """A problem that cannot become a training example (no ACE, no program, unparsable)."""


@dataclass
class TreeCodec:
    """Grammar + vocabularies of one trained tree model."""

    grammar: Grammar
    vocab: TreeVocab
    graph_vocab: GraphVocab
    frames: list[str] = field(default_factory=list)
    value_types: list[str] = field(default_factory=list)
    max_steps: int = 300  # decoding budget: 1.5x the longest training sequence (set by make_examples)

    def __post_init__(self) -> None:
        if not self.frames:
            self.frames = ["<unk>"] + sorted(
                [f"N:{t}" for t in self.grammar.patterns] + [f"V:{t}" for t in self.grammar.value_types]
            )
        if not self.value_types:
            self.value_types = sorted(self.grammar.value_types)
        self.frame_index = {f: i for i, f in enumerate(self.frames)}
        self.vtype_index = {t: i for i, t in enumerate(self.value_types)}
        self.decoding = Decoding(self.grammar, self.vocab)

    @classmethod
    def build(cls, trees: list[Tree], graphs: list[Any], min_value_count: int = 2) -> TreeCodec:
        grammar = Grammar.from_trees(trees)
        return cls(grammar, TreeVocab.build(grammar, trees, min_value_count), GraphVocab.build(graphs))

    def to_dict(self) -> dict:
        return {
            "grammar": self.grammar.to_dict(),
            "vocab": self.vocab.to_dict(),
            "graph_vocab": self.graph_vocab.to_dict(),
            "frames": self.frames,
            "value_types": self.value_types,
            "max_steps": self.max_steps,
        }

    @classmethod
    def from_dict(cls, d: dict) -> TreeCodec:
        return cls(
            Grammar.from_dict(d["grammar"]),
            TreeVocab.from_dict(d["vocab"]),
            GraphVocab.from_dict(d["graph_vocab"]),
            list(d["frames"]),
            list(d["value_types"]),
            int(d.get("max_steps", 300)),
        )

    def vocab_ok(self) -> Tensor:
        """(value types, values) which vocabulary texts each leaf type may take."""
        ok = torch.zeros(max(len(self.value_types), 1), max(len(self.vocab.values), 1), dtype=torch.bool)
        for t, ids in self.vocab.value_types.items():
            if t in self.vtype_index:
                ok[self.vtype_index[t], ids] = True
        return ok

    # ------------------------------------------------------------------ one sequence
    def input_of(self, action: int | str, data: Data, vtype: str | None) -> tuple[int, int]:
        """(input token id, copied node or -1) for feeding an action back to the decoder."""
        n_node = len(self.vocab.node_tokens)
        if isinstance(action, int):
            return action, -1
        idx = self.vocab.value_index.get(action)
        if idx is not None:
            return n_node + idx, -1
        copy = n_node + len(self.vocab.values) + 1
        for i, r in enumerate(data.renderings):
            if vtype is not None and r.get(vtype) == action:
                return copy, i
        return copy, -1

    def encode_steps(self, steps: list[Step], data: Data) -> dict[str, list]:
        """Per-position lists (inputs, features, targets) for one gold sequence."""
        n_node = len(self.vocab.node_tokens)
        bos = n_node + len(self.vocab.values)
        out: dict[str, list] = {k: [] for k in ("inp", "copy", "frame", "depth", "sib", "seg", "anc", "is_node", "node_target", "allowed", "is_value", "vtype", "vtarget", "ptarget", "loss")}
        prev: tuple[int, int] = (bos, -1)
        for s in steps:
            if s.forced:
                continue
            sp = s.spec
            out["inp"].append(prev[0])
            out["copy"].append(prev[1])
            out["frame"].append(self.frame_index.get(sp.frame, 0))
            out["depth"].append(len(sp.anc))
            out["sib"].append(sp.sib)
            out["seg"].append(0 if s.context else 1)
            out["anc"].append(list(sp.anc))
            out["loss"].append(not s.context)
            if sp.kind == "node":
                out["is_node"].append(True)
                out["node_target"].append(int(s.action))
                out["allowed"].append(sp.allowed)
                out["is_value"].append(False)
                out["vtype"].append(0)
                out["vtarget"].append(())
                out["ptarget"].append(())
            else:
                text = str(s.action)
                vt = sp.value_type or ""
                vi = self.vocab.value_index.get(text)
                ok_vocab = vi is not None and vi in set(self.vocab.value_types.get(vt, ()))
                out["is_node"].append(False)
                out["node_target"].append(0)
                out["allowed"].append(())
                out["is_value"].append(True)
                out["vtype"].append(self.vtype_index.get(vt, 0))
                out["vtarget"].append((vi,) if ok_vocab else ())
                out["ptarget"].append(tuple(i for i, r in enumerate(data.renderings) if r.get(vt) == text))
            prev = self.input_of(s.action, data, sp.value_type)
        return out

    def renderable(self, data: Data) -> Tensor:
        """(value types, N): which nodes can be copied into which leaf type."""
        r = torch.zeros(max(len(self.value_types), 1), data.num_nodes, dtype=torch.bool)
        for i, rend in enumerate(data.renderings):
            for t in rend:
                if t in self.vtype_index:
                    r[self.vtype_index[t], i] = True
        return r


@dataclass
class Example:
    """One problem ready for training: its graph tensors, reference tree and gold steps."""

    pid: str
    data: Data
    tree: Tree
    steps: list[Step]
    answer: str


def make_examples(codec: TreeCodec, problems: list, graphs: list, trees: list[Tree]) -> tuple[list[Example], list[str]]:
    """Examples for the problems the codec can write; plus one message per problem skipped."""
    out, skipped = [], []
    for p, g, t in zip(problems, graphs, trees, strict=True):
        try:
            data = codec.graph_vocab.encode(g)
            steps = linearize(codec.decoding, t)
        except (LinearizeError, ValueError) as exc:
            skipped.append(f"{p.id}: {exc}")
            continue
        out.append(Example(p.id, data, t, steps, p.answer))
    if out:
        codec.max_steps = int(1.5 * max(len(e.steps) for e in out)) + 8
    return out, skipped


def infill_steps(codec: TreeCodec, ex: Example, rng: random.Random) -> list[Step]:
    """Gold steps of a random infilling of this example (a random non-root subtree cut out)."""
    paths = [p for p, _ in iter_paths(ex.tree)][1:]
    for _ in range(4):
        path = rng.choice(paths)
        try:
            return linearize_infill(codec.decoding, cut(ex.tree, path), subtree_at(ex.tree, path))
        except LinearizeError:
            continue
    return ex.steps


_STEP_LONG = ("inp", "frame", "depth", "sib", "seg", "node_target", "vtype")
_STEP_BOOL = ("is_node", "is_value", "loss")


@dataclass
class GraphBatch:
    """One padded batch of B gold sequences (T steps at most) over B graphs (N nodes at most).

    The contract between `collate` and `GraphToTree.forward`: every shape is checked when
    the batch is built, so a wrong one fails here, naming the field, not deep in the loss.
    Padded steps have `pad` True and are never in `loss`.
    """

    graph: Batch  # PyG Batch of the B graphs: x (sum N_b, 5), edge_index (2, sum E_b), batch (sum N_b,)
    inp: Tensor  # (B, T) long: the previous action (node token, value, BOS or COPY)
    copy_node: Tensor  # (B, T) long: graph node the previous value was copied from, -1 if none
    frame: Tensor  # (B, T) long: parent type or leaf type of this step
    depth: Tensor  # (B, T) long
    sib: Tensor  # (B, T) long: child index under the parent
    seg: Tensor  # (B, T) long: 0 teacher-forced context of an infilling, 1 generated
    anc: Tensor  # (B, T, MAX_DEPTH) long: ancestor step indices, -1 padded (tree attention bias)
    is_node: Tensor  # (B, T) bool: the step writes a node token
    is_value: Tensor  # (B, T) bool: the step writes a leaf value
    loss: Tensor  # (B, T) bool: the step is scored
    pad: Tensor  # (B, T) bool: padding
    node_target: Tensor  # (B, T) long: gold node token (0 where not a node step)
    node_mask: Tensor  # (B, T, n_node) bool: the grammar's legal node tokens
    vtype: Tensor  # (B, T) long: leaf value type
    vocab_target: Tensor  # (B, T, V) bool: gold values in the vocabulary (any of them is right)
    pointer_target: Tensor  # (B, T, N) bool: graph nodes whose copy writes the gold value
    renderable: Tensor  # (B, n_value_types, N) bool: node n can be copied into a leaf of that type

    def __post_init__(self) -> None:
        B, T = self.inp.shape
        N = self.pointer_target.shape[-1]
        want = {k: (B, T) for k in (*_STEP_LONG, *_STEP_BOOL, "copy_node", "pad")}
        want |= {"anc": (B, T, MAX_DEPTH), "pointer_target": (B, T, N),
                 "renderable": (B, self.renderable.shape[1], N)}
        for name, shape in want.items():
            got = tuple(getattr(self, name).shape)
            if got != shape:
                raise ValueError(f"GraphBatch.{name} has shape {got}, expected {shape} (B={B}, T={T}, N={N})")
        for name in ("node_mask", "vocab_target"):
            got = tuple(getattr(self, name).shape[:2])
            if got != (B, T):
                raise ValueError(f"GraphBatch.{name} starts with {got}, expected (B, T) = {(B, T)}")
        for name in (*_STEP_BOOL, "pad", "node_mask", "vocab_target", "pointer_target", "renderable"):
            if getattr(self, name).dtype != torch.bool:
                raise ValueError(f"GraphBatch.{name} is {getattr(self, name).dtype}, expected torch.bool")
        if self.graph.num_graphs != B:
            raise ValueError(f"GraphBatch.graph holds {self.graph.num_graphs} graphs for {B} sequences")
        if bool((self.loss & self.pad).any()):
            raise ValueError("GraphBatch.loss marks padded steps")

    @property
    def value_target(self) -> Tensor:
        """(B, T, V + N): vocabulary then pointer, the layout of `GraphToTree.value_logits`."""
        return torch.cat([self.vocab_target, self.pointer_target], dim=-1)

    def to(self, device: torch.device | str) -> GraphBatch:
        return GraphBatch(**{f.name: getattr(self, f.name).to(device) for f in fields(self)})


def collate(codec: TreeCodec, examples: list[Example], step_lists: list[list[Step]]) -> GraphBatch:
    """Pad a batch of sequences and batch their graphs (PyG Batch)."""
    seqs = [codec.encode_steps(s, ex.data) for s, ex in zip(step_lists, examples, strict=True)]
    B, T = len(seqs), max(len(s["inp"]) for s in seqs)
    n_node, V = len(codec.vocab.node_tokens), len(codec.vocab.values)
    N = max(ex.data.num_nodes for ex in examples)
    long = {k: torch.zeros(B, T, dtype=torch.long) for k in _STEP_LONG}
    copy = torch.full((B, T), -1, dtype=torch.long)
    anc = torch.full((B, T, MAX_DEPTH), -1, dtype=torch.long)
    flags = {k: torch.zeros(B, T, dtype=torch.bool) for k in _STEP_BOOL}
    pad = torch.ones(B, T, dtype=torch.bool)
    node_mask = torch.zeros(B, T, n_node, dtype=torch.bool)
    vocab_target = torch.zeros(B, T, V, dtype=torch.bool)
    pointer_target = torch.zeros(B, T, N, dtype=torch.bool)
    renderable = torch.zeros(B, max(len(codec.value_types), 1), N, dtype=torch.bool)
    for b, (s, ex) in enumerate(zip(seqs, examples, strict=True)):
        L = len(s["inp"])
        pad[b, :L] = False
        for k in long:
            long[k][b, :L] = torch.tensor(s[k], dtype=torch.long)
        copy[b, :L] = torch.tensor(s["copy"], dtype=torch.long)
        for k in flags:
            flags[k][b, :L] = torch.tensor(s[k], dtype=torch.bool)
        for t in range(L):
            a = s["anc"][t]
            anc[b, t, : len(a)] = torch.tensor(a, dtype=torch.long)
            if s["allowed"][t]:
                node_mask[b, t, list(s["allowed"][t])] = True
            for vi in s["vtarget"][t]:
                vocab_target[b, t, vi] = True
            for ni in s["ptarget"][t]:
                pointer_target[b, t, ni] = True
        renderable[b, :, : ex.data.num_nodes] = codec.renderable(ex.data)
    graph = Batch.from_data_list([_strip(ex.data) for ex in examples])
    return GraphBatch(graph=graph, **long, copy_node=copy, anc=anc, **flags, pad=pad, node_mask=node_mask,
                      vocab_target=vocab_target, pointer_target=pointer_target, renderable=renderable)


def _strip(data: Data) -> Data:
    """The tensor part of an encoded graph (Batch cannot stack the renderings lists)."""
    out = Data(x=data.x, edge_index=data.edge_index, edge_attr=data.edge_attr, rwpe=data.rwpe, num_nodes=data.num_nodes)
    if "lex" in data:
        out.lex = data.lex  # (N, lexical dim): the lexical prior, when the model has one
    return out


def parse_reference(program: str | None, pid: str) -> Tree:
    if not program:
        raise DataError(f"problem {pid} has no reference program")
    return parse_program(program)
