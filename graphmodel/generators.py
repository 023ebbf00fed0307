"""The Generator interface and the two trained generators behind it: `graph` and `seq`.

Both return Candidates whose trees print to valid Python that parses back to the same
tree; a hypothesis that fails this check is dropped, never returned.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path as FsPath
from typing import Any, Protocol, runtime_checkable

import torch
from pydantic import BaseModel, ConfigDict

from graphmodel.trees import (
    HOLE,
    Path,
    Tree,
    TreeError,
    cut,
    parse_program,
    print_tree,
    replace_at,
    subtree_at,
)

CHECKPOINT_DIR = FsPath(__file__).parent / "checkpoints"


class GeneratorError(RuntimeError):
    """A generator cannot be built or loaded (missing or incompatible checkpoint)."""


class Candidate(BaseModel):
    """One generated program: its tree, its source, and the model's log-probability."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    tree: Tree
    source: str
    score: float


@runtime_checkable
class Generator(Protocol):
    name: str

    def generate(self, graph: Any, k: int = 1) -> list[Candidate]: ...

    def infill(self, graph: Any, tree: Tree, hole: Path, k: int = 1) -> list[Candidate]: ...


def valid_candidate(tree: Tree, score: float) -> Candidate | None:
    """A Candidate if the tree prints to source that parses back to the same tree."""
    try:
        source = print_tree(tree)
        if parse_program(source) != tree:
            return None
    except (TreeError, ValueError):  # a decoded tree the printer cannot write (a conditional missing a child)
        return None
    return Candidate(tree=tree, source=source, score=score)


def hole_tree(tree: Tree, hole: Path) -> Tree:
    """The tree with a HOLE at `hole` (cutting the subtree there if it is not a hole yet)."""
    target = subtree_at(tree, hole)
    if not hole:
        raise TreeError("the hole cannot be the whole module; use generate")
    return tree if target.type == HOLE else cut(tree, hole)


def load_checkpoint(path: str | FsPath, device: str | torch.device = "cpu") -> dict:
    """Read a checkpoint written by graphmodel.train (tensors and JSON only: weights_only)."""
    path = FsPath(path)
    if not path.is_file():
        raise GeneratorError(f"checkpoint {path} does not exist; train one with `ladder train`")
    try:
        ckpt = torch.load(path, map_location=device, weights_only=True)
    except Exception as exc:  # torch raises several types for a corrupt or foreign file
        raise GeneratorError(f"checkpoint {path} cannot be read: {exc}") from exc
    for key in ("generator", "model_args", "codec", "model"):
        if key not in ckpt:
            raise GeneratorError(f"checkpoint {path} has no {key!r}: not written by graphmodel.train")
    return ckpt


class GraphGenerator:
    """The graph transformer + tree decoder (generator name `graph`)."""

    name = "graph"

    def __init__(self, model: Any, codec: Any, device: str | torch.device = "cpu") -> None:
        self.model = model.to(device).eval()
        self.codec = codec
        self.device = torch.device(device)

    @classmethod
    def from_checkpoint(cls, ckpt: dict, device: str | torch.device = "cpu") -> GraphGenerator:
        from graphmodel.data import TreeCodec
        from graphmodel.model import GraphModelConfig, GraphToTree

        model = GraphToTree(GraphModelConfig(**ckpt["model_args"]))
        model.load_state_dict(ckpt["model"])
        return cls(model, TreeCodec.from_dict(json.loads(ckpt["codec"])), device)

    def _data(self, graph: Any):
        return self.codec.graph_vocab.encode(graph)

    def generate(self, graph: Any, k: int = 1) -> list[Candidate]:
        return self.generate_batch([graph], k)[0]

    def generate_batch(self, graphs: list[Any], k: int = 1, max_steps: int | None = None) -> list[list[Candidate]]:
        """Beam search (k=1: greedy) for several graphs at once."""
        from graphmodel.linearize import build_tree
        from graphmodel.search import beam_search

        datas = [self._data(g) for g in graphs]
        beams = beam_search(self.model, self.codec, datas, k=k + 1 if k > 1 else 1, max_steps=max_steps or self.codec.max_steps)
        out = []
        for finished in beams:
            cands = []
            for f in finished:
                c = valid_candidate(build_tree(self.codec.decoding, f.actions), f.score)
                if c is not None:
                    cands.append(c)
            out.append(cands[:k])
        return out

    def infill(self, graph: Any, tree: Tree, hole: Path, k: int = 1) -> list[Candidate]:
        """Fill the subtree at `hole` (a HOLE node, or a subtree to replace) given the rest."""
        from graphmodel.linearize import LinearizeError, build_tree, fill_start
        from graphmodel.search import beam_search

        holed = hole_tree(tree, tuple(hole))
        try:
            context, start = fill_start(self.codec.decoding, holed)
        except LinearizeError as exc:
            raise TreeError(f"cannot infill this tree: {exc}") from exc
        beams = beam_search(self.model, self.codec, [self._data(graph)], k=k + 1, context=context, start=start, max_steps=self.codec.max_steps)
        out = []
        for f in beams[0]:
            try:
                sub = build_tree(self.codec.decoding, f.actions, start)
            except LinearizeError:
                continue
            c = valid_candidate(replace_at(holed, tuple(hole), sub), f.score)
            if c is not None:
                out.append(c)
        return out[:k]


def load_generator(name: str, checkpoint: str | None = None, device: str | torch.device = "cpu") -> Generator:
    """A trained generator by name; the shipped checkpoint (graphmodel/checkpoints/NAME.pt) by default."""
    if name not in ("graph", "seq"):
        raise GeneratorError(f"unknown generator {name!r}: graphmodel provides 'graph' and 'seq' (the llm generator lives in agent/)")
    from graphmodel.routing import READERS, ReaderRouted, reader_checkpoint

    path = FsPath(checkpoint) if checkpoint else CHECKPOINT_DIR / f"{name}.pt"
    default = _load_one(name, path, device)
    loaders = {
        reader: partial(_load_one, name, reader_checkpoint(path, reader), device)
        for reader in READERS
        if reader_checkpoint(path, reader).is_file()
    }
    return ReaderRouted(name, default, loaders) if loaders else default


def _load_one(name: str, path: FsPath, device: str | torch.device) -> Generator:
    ckpt = load_checkpoint(path, device)
    if ckpt["generator"] != name:
        raise GeneratorError(f"checkpoint {path} holds a {ckpt['generator']!r} model, not {name!r}")
    if name == "graph":
        return GraphGenerator.from_checkpoint(ckpt, device)
    from graphmodel.seq_model import SeqGenerator

    return SeqGenerator.from_checkpoint(ckpt, device)
