"""The `graph` generator: the graph transformer + tree decoder behind the Generator interface."""

from __future__ import annotations

import json
from typing import Any

import torch

from graphmodel.generation import Candidate, hole_tree, valid_candidate
from graphmodel.trees import Path, Tree, TreeError, replace_at


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
