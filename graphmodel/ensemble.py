"""`Ensemble`: several trained generators behind one Generator, their beams pooled.

Why: on real word problems (MAWPS, ASDiv-A) one model trained on 1,900 rows is often
confidently wrong about the operator (`How many ... in total?` -> a subtraction), while
the right program sits lower in its beam; models trained from other seeds make other
mistakes. Pooling their beams and ranking each program by its mean probability over the
members (a program missing from a member's beam counts 0 there) is the usual product of
a seeds ensemble, with no change to any member.

Members are found beside a checkpoint `X.pt` as `X.s1.pt`, `X.s2.pt`, ... (`members_of`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path as FsPath
from typing import Any

from graphmodel.generation import Candidate, Generator
from graphmodel.trees import Path, Tree

MAX_MEMBERS = 8


def members_of(path: FsPath) -> list[FsPath]:
    """`X.pt` and its seed siblings `X.s1.pt`, `X.s2.pt`, ... that exist, in order."""
    out = [path]
    for i in range(1, MAX_MEMBERS):
        sibling = path.with_name(f"{path.stem}.s{i}{path.suffix}")
        if not sibling.is_file():
            break
        out.append(sibling)
    return out


def pool(beams: Sequence[list[Candidate]], k: int) -> list[Candidate]:
    """One beam out of the members' beams for one graph: each distinct program scored by
    log(mean over members of its probability), best first, at most `k`."""
    if not beams:
        return []
    found: dict[str, tuple[Candidate, list[float]]] = {}
    for beam in beams:
        for c in beam:
            found.setdefault(c.source, (c, []))[1].append(c.score)
    scored = []
    for cand, scores in found.values():
        top = max(scores)
        mean = top + math.log(sum(math.exp(s - top) for s in scores)) - math.log(len(beams))
        scored.append(Candidate(tree=cand.tree, source=cand.source, score=mean))
    scored.sort(key=lambda c: -c.score)
    return scored[:k]


class Ensemble:
    """A Generator over `members` (each a Generator); the first one answers `infill` and
    anything else asked of it (model, codec, device)."""

    def __init__(self, members: Sequence[Generator]) -> None:
        if not members:
            raise ValueError("an ensemble needs at least one member")
        self.members = list(members)
        self.name = getattr(self.members[0], "name", "graph")

    def generate(self, graph: Any, k: int = 1) -> list[Candidate]:
        return self.generate_batch([graph], k)[0]

    def generate_batch(self, graphs: list[Any], k: int = 1) -> list[list[Candidate]]:
        runs = []
        for m in self.members:
            batch = getattr(m, "generate_batch", None)
            runs.append(batch(graphs, k) if batch else [m.generate(g, k) for g in graphs])
        return [pool([run[i] for run in runs], k) for i in range(len(graphs))]

    def infill(self, graph: Any, tree: Tree, hole: Path, k: int = 1) -> list[Candidate]:
        return pool([m.infill(graph, tree, hole, k) for m in self.members], k)

    def __getattr__(self, attr: str) -> Any:
        if attr == "members":  # not set yet (unpickling): do not recurse
            raise AttributeError(attr)
        return getattr(self.members[0], attr)
