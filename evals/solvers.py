"""Solvers the harness can run: the agent (the thing under test) and the reference-program solver.

A solver is built inside each worker process from a plain, picklable `SolverConfig`, so the
local and Ray executors run exactly the same code. The protocol and the registry live in the
leaf `evals.solver_api`; this module imports the solver modules (each registers itself with
`@solver(name)`) and builds the one a config names, once per process.
"""

from __future__ import annotations

from evals import agent_solver, reference_solver  # noqa: F401 - importing them registers them
from evals.records import Cell
from evals.solver_api import SolveOutcome, Solver, SolverConfig, SolverUnavailable, registered

__all__ = ["SolveOutcome", "Solver", "SolverConfig", "SolverUnavailable", "build_solver"]

_BUILT: dict[tuple[str, Cell], Solver] = {}  # one per worker process: models load once, not per problem


def build_solver(config: SolverConfig, cell: Cell) -> Solver:
    """The solver for a cell, built once per process and reused."""
    key = (config.model_dump_json(), cell)
    if key not in _BUILT:
        factories = registered()
        if config.solver not in factories:
            raise ValueError(f"solver {config.solver!r}: expected one of {', '.join(sorted(factories))}")
        _BUILT[key] = factories[config.solver](config, cell)
    return _BUILT[key]
