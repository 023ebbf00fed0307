"""A program written from the question's constraints, when no generated program is accepted.

The meaning compiler (agent/meaning.py) reads the question declaratively; where its
constraints alone pin the unknown down (sympy, exact, within the unknown's domain), they are
a second reading of the question, as SatLM's are beside PAL's programs. When every program
the generator wrote and every repair failed, this writes that reading as a program (the
constraints as sympy equations and one `solve`) that runs in the sandbox and goes through
the same checks as any other. Its answer is never `verified`: the constraints that would
verify it are the ones it was written from, so the agent reports it as `answered`.
"""

from __future__ import annotations

import re

import sympy

from agent.meaning import compile_meaning, connected_constraints, solve_alone
from tasks.ace import SemanticGraph
from verifiers import Domain

ASSUMPTIONS = {
    Domain.real: "real=True",
    Domain.positive: "positive=True",
    Domain.nonnegative: "nonnegative=True",
    Domain.integer: "integer=True",
    Domain.positive_integer: "positive=True, integer=True",
    Domain.nonnegative_integer: "nonnegative=True, integer=True",
}


def declarative_program(graph: SemanticGraph) -> str | None:
    """The constraints' program for the asked quantity, or None when they do not determine it."""
    meaning = compile_meaning(graph)
    unknown = meaning.unknown
    if unknown is None:
        return None
    constraints = connected_constraints(meaning, unknown)
    equations = [c.relation for c in constraints if isinstance(c.relation, sympy.Eq)]
    if not equations or len(equations) != len(constraints):
        return None  # inequalities and other relations stay with the checks
    alone = solve_alone(meaning, constraints, unknown, dict(meaning.domains))
    if alone is None or len(alone) != 1:
        return None
    symbols = sorted(set().union(*(e.free_symbols for e in equations)), key=str)
    texts = [re.sub(r"Symbol\('(\w+)'\)", r"\1", sympy.srepr(e)) for e in equations]  # each symbol by its name
    names = sorted({"solve", "Symbol"} | {n for t in texts for n in re.findall(r"\b([A-Za-z]\w*)\(", t)}
                   | {n for t in texts for n in ("pi", "E", "oo") if re.search(rf"\b{n}\b", t)})
    if not all(hasattr(sympy, n) for n in names):
        return None
    lines = [f"from sympy import {', '.join(names)}", ""]
    for s in symbols:
        assumptions = ASSUMPTIONS.get(meaning.domains.get(s, Domain.real), "real=True")
        lines.append(f"{s.name} = Symbol({s.name!r}, {assumptions})")
    lines.append("constraints = [")
    lines += [f"    {t}," for t in texts]
    lines.append("]")
    lines.append(f"solutions = solve(constraints, [{', '.join(s.name for s in symbols)}], dict=True)")
    lines.append(f"values = {{solution[{unknown.name}] for solution in solutions}}")
    lines.append("assert len(values) == 1, 'the constraints do not determine the asked quantity'")
    lines.append("answer = values.pop()")
    return "\n".join(lines) + "\n"
