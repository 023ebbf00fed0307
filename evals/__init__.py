"""ladder.evals: the FrontierMath-style eval harness (answer checking, runs, records, reports).

Names are imported on first use: a `ladder` command (evals/cli.py) imports only what it
runs, and none should pay for matplotlib or sympy unless it evaluates something.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "AnswerCheck": "evals.answer_check",
    "GoldAnswerError": "evals.answer_check",
    "check_answer": "evals.answer_check",
    "mean_pass_at_k": "evals.passk",
    "pass_at_k": "evals.passk",
    "Cell": "evals.records",
    "EvalRecord": "evals.records",
    "Status": "evals.records",
    "read_records": "evals.records",
    "write_report": "evals.report",
    "EvalError": "evals.runner",
    "RunSpec": "evals.runner",
    "make_spec": "evals.runner",
    "run_eval": "evals.runner",
    "summarize": "evals.summary",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'evals' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
