"""The `graph` generator: the graph transformer + tree decoder behind the Generator interface."""

from __future__ import annotations

from typing import Any

from graphmodel.generation import Candidate, best_valid, hole_tree
from graphmodel.trained import GraphKind, TrainedGenerator
from graphmodel.trees import Path, Tree, TreeError, replace_at


class GraphGenerator(GraphKind, TrainedGenerator):
    """The graph transformer + tree decoder (generator name `graph`); `from_checkpoint` in trained.py."""

    name = "graph"

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
        decoding = self.codec.decoding
        return [best_valid(finished, k, lambda f: build_tree(decoding, f.actions), _score) for finished in beams]

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
        decoding = self.codec.decoding
        return best_valid(beams[0], k, lambda f: replace_at(holed, tuple(hole), build_tree(decoding, f.actions, start)),
                          _score, not_a_program=(LinearizeError,))


def _score(hypothesis: Any) -> float:
    return hypothesis.score
