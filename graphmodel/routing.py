"""One trained generator per reader: a graph says which front end built it (ace, english,
notation), and each reader's graphs have their own vocabulary of nodes and edges.

Why separate checkpoints: the ACE graphs of the families and the dependency graphs of
people's English share few node labels; one model per reader keeps each small and lets
either be retrained (minutes on CPU) without moving the other's figures. For checkpoint
`X.pt` the reader `R` uses `X-R.pt` when it exists, else `X.pt` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path as FsPath
from typing import Any

from graphmodel.generation import Candidate, Generator
from graphmodel.trees import Path, Tree

READERS = ("english", "notation")


def reader_checkpoint(base: FsPath, reader: str) -> FsPath:
    """Where the checkpoint of `reader` lies beside `base` (`graph.pt` -> `graph-english.pt`)."""
    return base.with_name(f"{base.stem}-{reader}{base.suffix}")


class ReaderRouted:
    """A Generator that hands each graph to the generator trained for its reader."""

    def __init__(self, name: str, default: Generator, loaders: dict[str, Callable[[], Generator]]) -> None:
        self.name = name
        self.default = default
        self._loaders = loaders
        self._loaded: dict[str, Generator] = {}

    def readers(self) -> list[str]:
        """The readers with a generator of their own."""
        return sorted(self._loaders)

    def for_graph(self, graph: Any) -> Generator:
        reader = getattr(graph, "front_end", "ace") or "ace"
        if reader not in self._loaders:
            return self.default
        if reader not in self._loaded:
            self._loaded[reader] = self._loaders[reader]()
        return self._loaded[reader]

    def generate(self, graph: Any, k: int = 1) -> list[Candidate]:
        return self.for_graph(graph).generate(graph, k)

    def generate_batch(self, graphs: list[Any], k: int = 1) -> list[list[Candidate]]:
        """Batched per reader, results in the order of `graphs`."""
        out: list[list[Candidate] | None] = [None] * len(graphs)
        groups: dict[int, tuple[Generator, list[int]]] = {}
        for i, g in enumerate(graphs):
            gen = self.for_graph(g)
            groups.setdefault(id(gen), (gen, []))[1].append(i)
        for gen, idx in groups.values():
            batch = getattr(gen, "generate_batch", None)
            results = batch([graphs[i] for i in idx], k) if batch else [gen.generate(graphs[i], k) for i in idx]
            for i, r in zip(idx, results, strict=True):
                out[i] = r
        return [r or [] for r in out]

    def infill(self, graph: Any, tree: Tree, hole: Path, k: int = 1) -> list[Candidate]:
        return self.for_graph(graph).infill(graph, tree, hole, k)

    def __getattr__(self, attr: str) -> Any:  # model, codec, device...: the default's
        return getattr(self.default, attr)
