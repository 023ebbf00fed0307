"""The reference-program solver: each problem's own program, run in the verifiers' sandbox.

A real solver, not a stand-in: it exercises the whole harness (timeouts, records, answer
checks) without the models, and every built-in problem must score correct with it.
"""

from __future__ import annotations

from evals.records import Cell
from evals.solver_api import SolveOutcome, Solver, SolverConfig, solver
from tasks import Problem


@solver("reference")
def reference_solver(config: SolverConfig, cell: Cell) -> Solver:
    """The same function for every cell: the problem's program decides, not the generator."""
    return solve_with_reference


def solve_with_reference(problem: Problem, attempt: int) -> SolveOutcome:
    """Run the problem's reference program in the sandbox and report the `answer` it binds."""
    from agent import run_program

    if not problem.program:
        return SolveOutcome(error="NoProgram: the problem has no reference program")
    result = run_program(problem.program)
    stage_ms = {"execute": float(result.duration_ms)}
    status = str(getattr(result.status, "value", result.status))
    if status != "ok":
        exc = result.exception
        detail = f"{exc.type}: {exc.message}" if exc else status
        return SolveOutcome(error=f"Sandbox{status.title()}: {detail}", stage_ms=stage_ms)
    return SolveOutcome(answer=result.answer, verified=False, stage_ms=stage_ms)
