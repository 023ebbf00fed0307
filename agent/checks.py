"""Verify one answer against what the semantic graph says: kind, domain facts, formulas,
and the constraints compiled from the question's meaning (agent/meaning.py).

The verdict is verifiers' `Verdict`; its first checks are verifiers' own (`read_answer`: the
answer parses with the safe parser and is defined), the rest are the agent's, from the graph.
A check that did not run is `skipped`, never `passed`; an answer is `verified` only when a
decisive check (the stated formulas, or the question's constraints, give this answer and no
other in its domain) passed and nothing failed. Domain facts (a length is not negative, a
count is an integer) can only refute an answer, so passing them leaves it merely `answered`.
Constraints that contradict each other are a fault of the question, not of the answer: the
failure says so (FailureKind.contradiction) and names the facts, and no repair can fix it.
"""

from __future__ import annotations

import dataclasses

import sympy

from agent.constraints import Derived, derive
from agent.meaning import Proof, compile_meaning, decide
from agent.state import Failure, FailureKind
from tasks.ace import EdgeKind, NodeKind, SemanticGraph
from verifiers import (
    CheckResult,
    CheckStatus,
    Domain,
    Verdict,
    answers_equivalent,
    canonical_answer,
    check_constraints,
    read_answer,
)

ANSWER_VARIABLE = "answer"  # the program variable every check is about, unless a formula names another


def _record(
    name: str, ok: bool | None, detail: str = "", decisive: bool = False, required: bool = True
) -> CheckResult:
    status = CheckStatus.skipped if ok is None else CheckStatus.passed if ok else CheckStatus.failed
    return CheckResult(
        name=name, status=status, detail=detail, decisive=decisive, required=required, variable=ANSWER_VARIABLE
    )


def _truth(relation: object) -> bool | None:
    """True/False when sympy decides the relation exactly, None when it cannot."""
    if relation is sympy.true or relation is True:
        return True
    if relation is sympy.false or relation is False:
        return False
    return None


MAX_FLOAT_DENOMINATOR = 10**6  # a float answer with a larger exact denominator is a rounding artefact


def _float_artefact(value: sympy.Basic) -> bool:
    """Whether a float's exact value is a rounding artefact (0.1 + 0.2), not a short decimal (3.5)."""
    rationals = [value] if isinstance(value, sympy.Rational) else list(value.atoms(sympy.Rational))
    return any(r.q > MAX_FLOAT_DENOMINATOR for r in rationals)


def _nonnegative(value: sympy.Expr) -> bool | None:
    """value >= 0 decided exactly; a non-real number is not (sympy refuses to compare it)."""
    if value.is_real is False:
        return False
    try:
        return _truth(value >= 0)
    except TypeError:
        return None


def _positive(value: sympy.Expr) -> bool | None:
    """value > 0 decided exactly; a non-real number is not."""
    if value.is_real is False:
        return False
    try:
        return _truth(value > 0)
    except TypeError:
        return None


def _kind_checks(value: sympy.Basic, derived: Derived, answer_type: str | None) -> list[CheckResult]:
    exact = not value.has(sympy.Float) and not (answer_type == "float" and _float_artefact(value))
    detail = f"{value} (computed as a Python {answer_type})" if answer_type == "float" else str(value)
    checks = [_record("exact: no floating-point rounding", exact, detail)]
    if derived.real:
        is_number = isinstance(value, sympy.Expr) and not value.free_symbols
        real = value.is_real if is_number else False
        checks.append(_record(f"kind: a single real number ({derived.real})", real, str(value)))
    return checks


def _domain_checks(value: sympy.Basic, derived: Derived) -> list[CheckResult]:
    if not (isinstance(value, sympy.Expr) and not value.free_symbols):
        return []
    checks = []
    if derived.integer:
        checks.append(_record(f"integer: {derived.integer}", value.is_integer, str(value)))
    if derived.positive:
        checks.append(_record(f"sign: {value} > 0 ({derived.positive})", _positive(value)))
    elif derived.nonnegative:
        checks.append(_record(f"sign: {value} >= 0 ({derived.nonnegative})", _nonnegative(value)))
    return checks


def _formula_checks(value: sympy.Basic, derived: Derived) -> list[CheckResult]:
    """Solve the stated formulas exactly: a number must be the asked variable's only value,
    a set must be exactly the set of its values (`Calculate the numbers X such that ...`)."""
    relations = [f for f in derived.formulas if isinstance(f, sympy.Eq)]
    if not relations or not any(derived.target in f.free_symbols for f in relations):
        return []
    shown = "; ".join(sympy.sstr(f) for f in relations)
    name = f"sympy: {shown}"
    unknowns = sorted(set().union(*(f.free_symbols for f in relations)), key=str)
    try:
        solutions = sympy.solve(relations, unknowns, dict=True)
    except (NotImplementedError, ValueError, TypeError) as err:
        return [_record(name, None, f"not solvable exactly: {err}")]
    found = [s.get(derived.target) for s in solutions]
    if not found or any(v is None or v.free_symbols for v in found):
        return [_record(name, None, f"{derived.target} is not determined by them")]
    values = [v for v in {sympy.simplify(v) for v in found} if _admissible(v, derived)]
    listed = ", ".join(sympy.sstr(v) for v in values) or "nothing admissible"
    listed_as_set = isinstance(value, sympy.Tuple) and len(values) > 1 and len(set(value)) == len(value)
    if listed_as_set:
        value = sympy.FiniteSet(*value)  # `sorted(solve(...))`: the solutions listed, read as their set
    if isinstance(value, sympy.FiniteSet):
        exact = len(values) == len(value) and all(any(answers_equivalent(v, a) for a in value) for v in values)
        detail = f"the solutions are {{{listed}}}" + ("" if exact else f", not {value}")
        record = _record(name, exact, detail, decisive=exact)
        if exact and listed_as_set:  # the answer is reported as the set the question asks for
            record = record.model_copy(update={"evidence": {"as_set": canonical_answer(value)}})
        return [record]
    if not (isinstance(value, sympy.Expr) and any(answers_equivalent(v, value) for v in values)):
        return [_record(name, False, f"{derived.target} = {listed}, not {value}", decisive=True)]
    others = [v for v in values if not answers_equivalent(v, value)]
    if not others:
        return [_record(name, True, f"{derived.target} = {value} is the only solution", decisive=True)]
    return [_record(name, True, f"{value} satisfies them, but so does {', '.join(map(sympy.sstr, others))}")]


def _target_domain(derived: Derived) -> Domain:
    if derived.integer:
        if derived.positive:
            return Domain.positive_integer
        return Domain.nonnegative_integer if derived.nonnegative else Domain.integer
    if derived.positive:
        return Domain.positive
    return Domain.nonnegative if derived.nonnegative else Domain.real


def _z3_checks(value: sympy.Basic, derived: Derived) -> list[CheckResult]:
    """Z3 (verifiers.check_constraints): the formulas hold at the answer, and nothing else in
    the asked variable's domain satisfies them (else the other solution is shown)."""
    relations = list(derived.formulas)
    if not relations or not any(derived.target in f.free_symbols for f in relations):
        return []
    unknowns = sorted(set().union(*(f.free_symbols for f in relations)), key=str)
    domain = {derived.target: _target_domain(derived)}
    shown = "; ".join(sympy.sstr(f) for f in relations)
    if isinstance(value, sympy.FiniteSet):
        return [_z3_member(relations, unknowns, domain, derived.target, element, shown) for element in value]
    if not (isinstance(value, sympy.Expr) and value.is_number):
        return []
    records = []
    results = check_constraints(relations, {derived.target: value}, unknowns=unknowns, domain=domain)
    satisfied = False
    for result in results:
        ok = {CheckStatus.passed: True, CheckStatus.failed: False}.get(result.status)
        if result.name == "smt.satisfies":
            satisfied = ok is True
            records.append(_record(f"z3: {derived.target} = {value} satisfies {shown}", ok, result.detail))
        elif result.name == "smt.unique":
            where = f"{derived.target} in {domain[derived.target].value}"
            records.append(
                _record(f"z3: no other {where}", ok if satisfied else None, result.detail,
                        decisive=satisfied, required=False)
            )
    return records


def _z3_member(relations, unknowns, domain, target, element, shown) -> CheckResult:
    """One element of a set answer satisfies the formulas (Z3); the set's completeness is sympy's."""
    satisfies = check_constraints(relations, {target: element}, unknowns=unknowns, domain=domain)[0]
    ok = {CheckStatus.passed: True, CheckStatus.failed: False}.get(satisfies.status)
    return _record(f"z3: {target} = {element} satisfies {shown}", ok, satisfies.detail)


def _admissible(v: sympy.Basic, derived: Derived) -> bool:
    """A solution the domain facts allow (the negative root of a length is not one)."""
    if derived.nonnegative and _nonnegative(v) is False:
        return False
    if derived.positive and _positive(v) is False:
        return False
    return not (derived.integer and v.is_integer is False)


def _solving_for(derived: Derived, graph: SemanticGraph, value: sympy.Basic) -> Derived:
    """`Solve x^2 + 5x - 66 = 0.` asks the equation itself: the answer is the value (or the set
    of values) of its one unknown, so that variable is the target the formulas are solved for.
    A tuple is not read as the set here: the question asks for a set, and the suites' answer
    check tells `(-11, 6)` from `{-11, 6}`."""
    if graph.query is None or any(derived.target in f.free_symbols for f in derived.formulas):
        return derived
    if isinstance(value, sympy.Tuple):
        return derived
    asked = [e.dst for e in graph.out_edges(graph.query, EdgeKind.ASKS)]
    if len(asked) != 1 or graph.nodes[asked[0]].kind != NodeKind.OPERATION or graph.nodes[asked[0]].label != "=":
        return derived
    symbols = set().union(*(f.free_symbols for f in derived.formulas)) if derived.formulas else set()
    if len(symbols) != 1:
        return derived
    return dataclasses.replace(derived, target=next(iter(symbols)))


def _meaning_checks(value: sympy.Basic, graph: SemanticGraph, derived: Derived) -> tuple[list[CheckResult], Proof | None]:
    """The answer against the constraints of the question's meaning: satisfied (required),
    the only solution in the unknown's domain (decisive), and the constraints' own answer
    (a second, independent one: a disagreement fails, so it is never verified)."""
    if not (isinstance(value, sympy.Expr) and value.is_number):
        return [], None
    meaning = compile_meaning(graph)
    proof = decide(meaning, value, _target_domain(derived))
    if proof.verdict == "unsat":
        facts = " / ".join(f"'{f}'" for f in proof.conflicting) or "its constraints"
        shown = "; ".join(c.relation for c in proof.constraints)
        return [_record(f"meaning: the question contradicts itself: {facts}", False, shown)], proof
    if proof.verdict == "none":
        why = "; ".join(proof.notes) or "no construct of the question constrains what is asked"
        return [_record("meaning: constraints from the question", None, why, required=False)], proof
    instances = "; ".join(c.instance or c.relation for c in proof.constraints if c.rule != "fact")
    rules = ", ".join(dict.fromkeys(c.rule for c in proof.constraints if c.rule != "fact"))
    name = f"{proof.solver or 'z3'}: {instances} with {proof.unknown} = {value} ({rules})"
    checks: list[CheckResult] = []
    if proof.verdict == "violated":
        checks.append(_record(name, False, f"violates {'; '.join(proof.violated) or 'the constraints'}"))
        return checks, proof
    if proof.verdict in ("unknown", "undetermined") and proof.solver != "z3":
        checks.append(_record(name, None, f"{proof.verdict}: the solvers could not decide", required=False))
        return checks, proof
    checks.append(_record(name, True, "every constraint holds"))
    where = f"{proof.unknown} in {proof.domain}"
    if proof.verdict == "unique":
        checks.append(_record(f"{proof.solver}: no other {where} satisfies them", True,
                              "unique solution", decisive=True, required=False))
    else:
        other = f"; another solution: {proof.unknown} = {proof.alternative}" if proof.alternative else ""
        checks.append(_record(f"{proof.solver}: no other {where} satisfies them", False,
                              f"not unique{other}", required=False))
    if proof.agrees is not None:
        detail = f"the constraints alone give {proof.unknown} = {proof.independent}"
        checks.append(_record("independent: the constraints' own answer agrees", proof.agrees, detail, required=False))
    return checks, proof


def _certificate(checks: list[CheckResult]) -> str:
    return "; ".join(f"{c.name}: {c.status.value}" + (f" ({c.detail})" if c.detail else "") for c in checks)


def check_answer(
    answer: str, graph: SemanticGraph, answer_type: str | None = None
) -> tuple[Verdict, Failure | None]:
    """The verdict on `answer` (canonical exact text; `answer_type` the Python type the program
    bound, when known) and, if it fails, why (for repair)."""
    value, read = read_answer(answer)
    if value is None:
        first = next(c for c in read if c.status is CheckStatus.failed)
        verdict = Verdict.from_checks(answer, read, certificate=_certificate(read))
        return verdict, Failure(kind=FailureKind.answer_kind,
                                message=f"answer {answer!r} is not exact: {first.detail}")
    derived = _solving_for(derive(graph), graph, value)
    meaning_checks, proof = _meaning_checks(value, graph, derived)
    checks = (
        read
        + _kind_checks(value, derived, answer_type)
        + _domain_checks(value, derived)
        + _formula_checks(value, derived)
        + _z3_checks(value, derived)
        + meaning_checks
    )
    failed = [c for c in checks if c.status is CheckStatus.failed and c.required]
    answer = next((c.evidence["as_set"] for c in checks if "as_set" in c.evidence), answer)
    verdict = Verdict.from_checks(answer, checks, certificate=_certificate(checks),
                                  proof=proof.model_dump(mode="json") if proof is not None else None)
    if proof is not None and proof.verdict == "unsat":
        facts = " and ".join(f"'{f}'" for f in proof.conflicting)
        message = f"the question contradicts itself: {facts} cannot both hold"
        return verdict, Failure(kind=FailureKind.contradiction, message=message)
    if not failed:
        return verdict, None
    first = failed[0]
    kind = FailureKind.answer_kind if first.name.startswith(("exact", "kind")) else FailureKind.constraint
    return verdict, Failure(kind=kind, message=f"{first.name} failed: {first.detail}", variable=first.variable)
