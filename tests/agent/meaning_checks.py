"""The one check of a meaning construct (agent/meaning*.py), shared by the construct tables."""

from __future__ import annotations

import sympy

from agent.checks import _target_domain
from agent.constraints import derive
from agent.meaning import Proof, compile_meaning, decide
from tasks.ace import parse_ace
from verifiers import Domain


def assert_construct_decides(ace: str, construct: str, right: str, wrong: str, domain: Domain | None = None) -> Proof:
    """`construct` contributes to the question's meaning, `right` is decided (the only solution,
    and the solver's own answer, when it gives one, equals it) and `wrong` is violated.
    `domain` is the answer's (default: the one the question's graph derives)."""
    graph = parse_ace(ace)
    meaning = compile_meaning(graph)
    assert construct in meaning.constructs(), (meaning.constructs(), meaning.notes)
    domain = domain or _target_domain(derive(graph))
    proof = decide(meaning, sympy.sympify(right), domain)
    assert proof.decided, proof
    if proof.independent is not None:
        assert sympy.simplify(sympy.sympify(proof.independent) - sympy.sympify(right)) == 0, proof
    assert decide(meaning, sympy.sympify(wrong), domain).verdict == "violated", (ace, wrong)
    return proof
