"""The Generator interface: what every program generator returns and how it fails.

A leaf module (it imports only graphmodel.trees), so the generators in their own files,
`load_generator` and the agent's llm generator all depend on it and never on each other.
Every generator returns Candidates whose trees print to valid Python that parses back to
the same tree; a hypothesis that fails this check is dropped, never returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, ConfigDict

from graphmodel.trees import HOLE, Path, Tree, TreeError, cut, parses_to, print_tree, subtree_at

T = TypeVar("T")  # one entry of a finished beam, whatever the search returns


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
    """generate: k programs for a semantic graph, best first; infill: k fillings of a hole.

    Trained generators also offer `generate_batch(graphs, k)` (one search over many graphs,
    results in order), which `Agent.solve_many` uses to decode many questions at once."""

    name: str

    def generate(self, graph: Any, k: int = 1) -> list[Candidate]: ...

    def infill(self, graph: Any, tree: Tree, hole: Path, k: int = 1) -> list[Candidate]: ...


def best_valid(beam: Iterable[T], k: int, tree_of: Callable[[T], Tree], score_of: Callable[[T], float],
               not_a_program: tuple[type[Exception], ...] = ()) -> list[Candidate]:
    """The first k valid candidates of a finished beam, best first. `tree_of` builds an entry's
    tree (raising one of `not_a_program` when the entry is no program: skipped); the tree must
    print to source that parses back to it (`valid_candidate`)."""
    out: list[Candidate] = []
    for entry in beam:
        try:
            tree = tree_of(entry)
        except not_a_program:
            continue
        candidate = valid_candidate(tree, score_of(entry))
        if candidate is not None:
            out.append(candidate)
            if len(out) == k:
                break
    return out


def valid_candidate(tree: Tree, score: float) -> Candidate | None:
    """A Candidate if the tree prints to source that parses back to the same tree."""
    try:
        source = print_tree(tree)
        if not parses_to(source, tree):
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
