"""The generators' modules import in one direction: interface <- each generator <- loader.

Every import statement counts, also those inside functions (a lazy import is still a
dependency: it only moves the cycle's failure to run time)."""

from __future__ import annotations

import ast
from pathlib import Path

import graphmodel

PACKAGE = Path(graphmodel.__file__).parent


def _imports() -> dict[str, set[str]]:
    """graphmodel module -> the graphmodel modules it imports anywhere in its source."""
    out: dict[str, set[str]] = {}
    for path in PACKAGE.glob("*.py"):
        name = "graphmodel" if path.stem == "__init__" else f"graphmodel.{path.stem}"
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("graphmodel."):
                deps.add(node.module)
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name.startswith("graphmodel.")}
        out[name] = deps
    return out


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules, or None (depth-first search, three colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return stack[stack.index(dep):] + [dep]
            if dep not in state and (found := visit(dep)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_cycle_finder_finds_a_hand_built_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_graphmodel_has_no_import_cycle():
    cycle = _cycle(_imports())
    assert cycle is None, f"import cycle in graphmodel: {' -> '.join(cycle or [])}"


def test_the_interface_module_imports_no_generator():
    deps = _imports()["graphmodel.generation"]
    assert deps <= {"graphmodel.trees"}, f"graphmodel/generation.py must stay a leaf, imports {sorted(deps)}"


def test_only_the_loader_imports_both_generators():
    both = {"graphmodel.graph_generator", "graphmodel.seq_generator"}
    importers = sorted(m for m, deps in _imports().items() if both <= deps)
    assert importers == ["graphmodel.generators"], f"modules importing both generators: {importers}"


def test_old_import_paths_still_work():
    from graphmodel import (
        Candidate,
        Generator,
        GeneratorError,
        generation,
        generators,
        load_generator,
    )

    assert generators.Candidate is generation.Candidate is Candidate
    assert generators.GeneratorError is GeneratorError and generators.Generator is Generator
    assert generators.load_generator is load_generator
