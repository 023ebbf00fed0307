"""Each built-in suite's canonical ACE, parsed once per test session (the suites hold ~6,300
texts; test_suites.py and test_graph_stability.py both read them)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tasks import Problem, load_suite
from tasks.ace import AceError, SemanticGraph, parse_ace

# the suites written in ACE (the notation suites are read by tasks.notation, not the ACE parser)
SUITES = sorted(p for p in Path(__file__).resolve().parents[2].joinpath("tasks", "suites").glob("*.jsonl")
                if not p.name.startswith("notation_"))


@cache
def parsed_suite(suite: Path) -> tuple[tuple[Problem, SemanticGraph | AceError], ...]:
    """(problem, its graph or the parse error) for every problem with canonical ACE, in order."""
    out: list[tuple[Problem, SemanticGraph | AceError]] = []
    for problem in load_suite(suite):
        if not problem.ace:
            continue
        try:
            out.append((problem, parse_ace(problem.ace)))
        except AceError as err:
            out.append((problem, err))
    return tuple(out)
