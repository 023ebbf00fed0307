"""Z3 checks of an answer against the problem's constraints.

The constraints arrive as sympy relations (the agent derives them from the semantic graph,
e.g. ``Eq(x**2 + 12**2, 13**2)``), with a domain per unknown (a length is positive, a count
a non-negative integer). Two questions, each a solver call with a timeout:

* ``smt.satisfies``: do the constraints hold when the unknowns take the answer's values?
* ``smt.unique``: is there any other solution in the domain? If so, the model is the
  evidence (the negative root of a length, the other intersection point...).

Square roots and other rational powers are encoded exactly, with an auxiliary variable
(``s*s == a, s >= 0``), so radical answers are checked without floating point; what Z3
cannot express (pi, trigonometry) gives ``unknown``, never a guess.
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Mapping, Sequence

import sympy
import z3

from verifiers.verdict import CheckResult, CheckStatus

DEFAULT_TIMEOUT_MS = 2000  # per solver call


class Domain(enum.StrEnum):
    """Where an unknown lives."""

    real = "real"
    positive = "positive"  # real > 0 (lengths, speeds, prices)
    nonnegative = "nonnegative"
    integer = "integer"
    positive_integer = "positive_integer"
    nonnegative_integer = "nonnegative_integer"

    @property
    def is_integer(self) -> bool:
        return self in {Domain.integer, Domain.positive_integer, Domain.nonnegative_integer}


class Unsupported(ValueError):
    """The expression uses something Z3's arithmetic cannot state exactly."""


class _Encoder:
    """sympy -> Z3 over one context; unknowns become Int/Real constants with their domain
    constraints, radicals become auxiliary variables with defining constraints."""

    def __init__(self, ctx: z3.Context, domains: Mapping[sympy.Symbol, Domain]) -> None:
        self.ctx = ctx
        self.domains = domains
        self.vars: dict[sympy.Symbol, z3.ArithRef] = {}
        self.side: list[z3.BoolRef] = []  # domain and auxiliary-variable constraints
        self._aux = 0

    def var(self, symbol: sympy.Symbol) -> z3.ArithRef:
        if symbol not in self.vars:
            domain = self.domains.get(symbol, Domain.real)
            make = z3.Int if domain.is_integer else z3.Real
            v = make(symbol.name, self.ctx)
            self.vars[symbol] = v
            if domain in {Domain.positive, Domain.positive_integer}:
                self.side.append(v > 0)
            elif domain in {Domain.nonnegative, Domain.nonnegative_integer}:
                self.side.append(v >= 0)
        return self.vars[symbol]

    def _real(self, e: z3.ArithRef) -> z3.ArithRef:
        return z3.ToReal(e) if z3.is_int(e) else e

    def encode(self, expr: sympy.Basic) -> z3.ExprRef:
        if isinstance(expr, sympy.Symbol):
            return self.var(expr)
        if expr is sympy.true or expr is sympy.false:
            return z3.BoolVal(bool(expr), self.ctx)
        if isinstance(expr, sympy.Integer):
            return z3.IntVal(int(expr), self.ctx)
        if isinstance(expr, sympy.Rational):
            return z3.RealVal(f"{expr.p}/{expr.q}", self.ctx)
        if isinstance(expr, sympy.Add):
            return z3.Sum([self.encode(a) for a in expr.args])
        if isinstance(expr, sympy.Mul):
            return z3.Product([self.encode(a) for a in expr.args])
        if isinstance(expr, sympy.Pow):
            return self._power(expr)
        if isinstance(expr, sympy.Abs):
            inner = self.encode(expr.args[0])
            return z3.If(inner >= 0, inner, -inner)
        if isinstance(expr, sympy.Mod):
            a, b = (self.encode(x) for x in expr.args)
            if not (z3.is_int(a) and z3.is_int(b)):
                raise Unsupported("Mod of non-integers")
            return a % b
        return self._logic(expr)

    def _logic(self, expr: sympy.Basic) -> z3.ExprRef:
        relations = {sympy.Eq: lambda a, b: a == b, sympy.Ne: lambda a, b: a != b,
                     sympy.Lt: lambda a, b: a < b, sympy.Le: lambda a, b: a <= b,
                     sympy.Gt: lambda a, b: a > b, sympy.Ge: lambda a, b: a >= b}
        for kind, make in relations.items():
            if isinstance(expr, kind):
                return make(self.encode(expr.lhs), self.encode(expr.rhs))
        if isinstance(expr, sympy.And):
            return z3.And([self.encode(a) for a in expr.args])
        if isinstance(expr, sympy.Or):
            return z3.Or([self.encode(a) for a in expr.args])
        if isinstance(expr, sympy.Not):
            return z3.Not(self.encode(expr.args[0]))
        raise Unsupported(f"{type(expr).__name__} in {expr}")

    def _power(self, expr: sympy.Pow) -> z3.ArithRef:
        base, exponent = expr.args
        if not isinstance(exponent, sympy.Rational):
            raise Unsupported(f"non-constant exponent in {expr}")
        if exponent.is_Integer:
            n = int(exponent)
            if abs(n) > 64:
                raise Unsupported(f"exponent {n} too large")
            b = self.encode(base)
            power = z3.Product([b] * abs(n)) if n else z3.IntVal(1, self.ctx)
            return z3.RealVal(1, self.ctx) / self._real(power) if n < 0 else power
        # base**(p/q): r with r**q == base**p, r >= 0 for even q (the principal root)
        p, q = exponent.p, exponent.q
        if q > 16 or abs(p) > 64:
            raise Unsupported(f"exponent {exponent} too large")
        self._aux += 1
        r = z3.Real(f"_root{self._aux}", self.ctx)
        target = self._power(sympy.Pow(base, p, evaluate=False)) if p != 1 else \
            self.encode(base)
        self.side.append(z3.Product([r] * q) == target)
        if q % 2 == 0:
            self.side.append(r >= 0)
        return r


def _solve(solver: z3.Solver) -> z3.CheckSatResult:
    return solver.check()


def _sympy_value(value: z3.ExprRef) -> sympy.Basic:
    """An exact sympy number for a Z3 model value (integers, rationals, real algebraic
    numbers via their defining polynomial)."""
    if z3.is_int_value(value):
        return sympy.Integer(value.as_long())
    if z3.is_rational_value(value):
        return sympy.Rational(value.numerator_as_long(), value.denominator_as_long())
    if z3.is_algebraic_value(value):
        x = sympy.Symbol("x")
        poly = _z3_poly_to_sympy(value.poly(), x)
        approx = value.approx(30)
        guess = sympy.Rational(approx.numerator_as_long(), approx.denominator_as_long())
        roots = sympy.real_roots(sympy.Poly(poly, x))
        return min(roots, key=lambda root: abs(sympy.N(root - guess, 40)))
    raise Unsupported(f"model value {value}")


def _z3_poly_to_sympy(coefficients: z3.AstVector, x: sympy.Symbol) -> sympy.Expr:
    """Z3 gives an algebraic number's polynomial as its coefficients, lowest degree first."""
    return sympy.Add(*(_sympy_value(c) * x**i for i, c in enumerate(coefficients)))


def _normalize(answer, unknowns: Sequence[sympy.Symbol]) -> dict[sympy.Symbol, sympy.Expr]:
    if isinstance(answer, Mapping):
        return {sympy.Symbol(k) if isinstance(k, str) else k: sympy.sympify(v, strict=True)
                for k, v in answer.items()}
    if isinstance(answer, sympy.Tuple | tuple) and len(answer) == len(unknowns) > 1:
        return {s: sympy.sympify(v, strict=True) for s, v in zip(unknowns, answer, strict=True)}
    if len(unknowns) != 1:
        raise ValueError(f"one answer value given for {len(unknowns)} unknowns "
                         f"{[s.name for s in unknowns]}; pass a mapping")
    return {unknowns[0]: sympy.sympify(answer, strict=True)}


def check_constraints(constraints: Sequence[sympy.Basic], answer,
                      unknowns: Sequence[sympy.Symbol | str] | None = None,
                      domain: Domain | Mapping[sympy.Symbol | str, Domain] = Domain.real,
                      timeout_ms: int = DEFAULT_TIMEOUT_MS) -> list[CheckResult]:
    """Check an answer against sympy constraints with Z3: ``smt.satisfies`` (required) and
    ``smt.unique`` (optional; when it fails, ``evidence["alternative"]`` is another
    solution). ``answer`` is a value (one unknown), a tuple (in ``unknowns`` order) or a
    mapping from unknown to value; values are sympy numbers (never text: parse text with
    ``parse_answer`` first). Unknowns default to the constraints' free symbols, sorted."""
    constraints = [sympy.sympify(c, strict=True) for c in constraints]
    symbols = sorted(set().union(*(c.free_symbols for c in constraints)), key=str) \
        if unknowns is None else [sympy.Symbol(u) if isinstance(u, str) else u for u in unknowns]
    values = _normalize(answer, symbols)
    domains = _domains(domain, symbols)
    return [_satisfies(constraints, values, domains, timeout_ms),
            uniqueness(constraints, values, domains, timeout_ms)]


def _domains(domain, symbols: Sequence[sympy.Symbol]) -> dict[sympy.Symbol, Domain]:
    if isinstance(domain, Mapping):
        named = {(sympy.Symbol(k) if isinstance(k, str) else k): Domain(v)
                 for k, v in domain.items()}
        return {s: named.get(s, Domain.real) for s in symbols}
    return {s: Domain(domain) for s in symbols}


_CONTEXTS = threading.local()


def _context() -> z3.Context:
    """This thread's Z3 context. A context is not thread-safe, so each thread has its own;
    within a thread it is reused (each check still gets a fresh solver, so nothing one check
    asserts reaches the next): making a context costs ~7 ms, a third of a whole check."""
    ctx = getattr(_CONTEXTS, "ctx", None)
    if ctx is None:
        ctx = _CONTEXTS.ctx = z3.Context()
    return ctx


def _new_solver(ctx: z3.Context, timeout_ms: int) -> z3.Solver:
    solver = z3.Solver(ctx=ctx)
    solver.set("timeout", int(timeout_ms))
    return solver


def _satisfies(constraints, values, domains, timeout_ms) -> CheckResult:
    started = time.perf_counter()
    ctx = _context()
    encoder = _Encoder(ctx, domains)
    solver = _new_solver(ctx, timeout_ms)
    try:
        tracked = {}
        for i, constraint in enumerate(constraints):
            label = z3.Bool(f"c{i}", ctx)
            tracked[str(label)] = str(constraint)
            solver.assert_and_track(encoder.encode(constraint), label)
        pins = [encoder.var(s) == encoder.encode(v) for s, v in values.items()]
        solver.add(*pins, *encoder.side)
    except (Unsupported, z3.Z3Exception, TypeError) as exc:
        return _unknown("smt.satisfies", f"not expressible in Z3: {exc}", started)
    outcome = _solve(solver)
    ms = (time.perf_counter() - started) * 1000
    shown = {s.name: str(v) for s, v in values.items()}
    if outcome == z3.sat:
        return CheckResult(name="smt.satisfies", status=CheckStatus.passed, duration_ms=ms,
                           detail="the answer satisfies every constraint",
                           evidence={"answer": shown, "constraints": list(tracked.values())})
    if outcome == z3.unsat:
        core = [tracked[str(c)] for c in solver.unsat_core() if str(c) in tracked]
        return CheckResult(name="smt.satisfies", status=CheckStatus.failed, duration_ms=ms,
                           detail=f"the answer violates {', '.join(core) or 'the domain'}",
                           evidence={"answer": shown, "violated": core,
                                     "domains": {s.name: d.value for s, d in domains.items()}})
    return _unknown("smt.satisfies", f"Z3 gave up: {solver.reason_unknown()}", started)


def uniqueness(constraints: Sequence[sympy.Basic], values: Mapping[sympy.Symbol, sympy.Expr],
               domains: Mapping[sympy.Symbol, Domain],
               timeout_ms: int = DEFAULT_TIMEOUT_MS) -> CheckResult:
    """``smt.unique``: passed if no other assignment of the unknowns within their domains
    satisfies the constraints; failed (optional) with the other solution as evidence."""
    started = time.perf_counter()
    ctx = _context()
    encoder = _Encoder(ctx, domains)
    solver = _new_solver(ctx, timeout_ms)
    try:
        solver.add(*(encoder.encode(c) for c in constraints))
        for symbol in domains:
            encoder.var(symbol)
        different = [encoder.var(s) != encoder.encode(v) for s, v in values.items()]
        solver.add(z3.Or(different), *encoder.side)
    except (Unsupported, z3.Z3Exception, TypeError) as exc:
        return _unknown("smt.unique", f"not expressible in Z3: {exc}", started, required=False)
    outcome = _solve(solver)
    ms = (time.perf_counter() - started) * 1000
    if outcome == z3.unsat:
        return CheckResult(name="smt.unique", status=CheckStatus.passed, required=False,
                           duration_ms=ms, detail="no other solution in the domain",
                           evidence={"domains": {s.name: d.value for s, d in domains.items()}})
    if outcome == z3.sat:
        model = solver.model()
        alternative = {}
        for symbol in values:
            value = model.eval(encoder.var(symbol), model_completion=True)
            try:
                alternative[symbol.name] = str(_sympy_value(value))
            except Unsupported:
                alternative[symbol.name] = str(value)
        return CheckResult(name="smt.unique", status=CheckStatus.failed, required=False,
                           duration_ms=ms, detail=f"another solution exists: {alternative}",
                           evidence={"alternative": alternative,
                                     "domains": {s.name: d.value for s, d in domains.items()}})
    return _unknown("smt.unique", f"Z3 gave up: {solver.reason_unknown()}", started,
                    required=False)


def _unknown(name: str, detail: str, started: float, required: bool = True) -> CheckResult:
    return CheckResult(name=name, status=CheckStatus.unknown, detail=detail, required=required,
                       duration_ms=(time.perf_counter() - started) * 1000)


def consistency(constraints: Sequence[sympy.Basic],
                domain: Domain | Mapping[sympy.Symbol | str, Domain] = Domain.real,
                timeout_ms: int = DEFAULT_TIMEOUT_MS) -> CheckResult:
    """``smt.consistent``: whether the constraints have any solution within the domains, no
    answer given. failed: they contradict each other, and ``evidence["core"]`` lists the
    indices of a minimal set of constraints that cannot all hold (each one needed), so a
    caller can name the facts that conflict."""
    started = time.perf_counter()
    constraints = [sympy.sympify(c, strict=True) for c in constraints]
    symbols = sorted(set().union(set(), *(c.free_symbols for c in constraints)), key=str)
    domains = _domains(domain, symbols)
    ctx = _context()
    encoder = _Encoder(ctx, domains)
    try:
        encoded = [encoder.encode(c) for c in constraints]
        for symbol in symbols:
            encoder.var(symbol)
    except (Unsupported, z3.Z3Exception, TypeError) as exc:
        return _unknown("smt.consistent", f"not expressible in Z3: {exc}", started)

    def check(indices: Sequence[int]) -> z3.CheckSatResult:
        solver = _new_solver(ctx, timeout_ms)
        solver.add(*encoder.side, *(encoded[i] for i in indices))
        return _solve(solver)

    outcome = check(range(len(encoded)))
    if outcome == z3.sat:
        return CheckResult(name="smt.consistent", status=CheckStatus.passed,
                           detail="the constraints have a solution",
                           duration_ms=(time.perf_counter() - started) * 1000)
    if outcome != z3.sat and outcome != z3.unsat:
        return _unknown("smt.consistent", "Z3 gave up", started)
    core = list(range(len(encoded)))
    for i in list(core):  # deletion: drop each constraint the contradiction does not need
        trial = [j for j in core if j != i]
        if check(trial) == z3.unsat:
            core = trial
    shown = [str(constraints[i]) for i in core]
    return CheckResult(name="smt.consistent", status=CheckStatus.failed,
                       detail=f"no solution: {', '.join(shown) or 'the domains'} cannot all hold",
                       evidence={"core": core, "constraints": shown},
                       duration_ms=(time.perf_counter() - started) * 1000)
