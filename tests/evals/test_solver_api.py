"""Solvers register themselves by name in a leaf module; the harness builds them from the config."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from evals.records import Cell
from evals.solver_api import SolverConfig, registered, solver
from evals.solvers import build_solver

EVALS = Path(__file__).resolve().parents[2] / "evals"


def test_the_agent_and_the_reference_solver_are_registered() -> None:
    assert {"agent", "reference"} <= set(registered())


def test_a_second_solver_under_a_taken_name_is_refused() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        solver("reference")(lambda config, cell: None)


def test_build_solver_returns_the_registered_one_once_per_process() -> None:
    cell = Cell(generator="reference", mode="tool")
    first = build_solver(SolverConfig(solver="reference"), cell)
    assert first is build_solver(SolverConfig(solver="reference"), cell)
    assert first.__name__ == "solve_with_reference"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # function-level imports too
        if isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    return names


def test_the_solver_modules_do_not_import_the_module_that_builds_them() -> None:
    assert not {n for n in _imports(EVALS / "solver_api.py") if n.startswith("evals.") and "solver" in n}
    for module in ("agent_solver.py", "reference_solver.py"):
        assert "evals.solvers" not in _imports(EVALS / module), f"{module} imports evals.solvers: an import cycle"
