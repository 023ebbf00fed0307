"""Is a submitted answer the problem's exact answer? Decided with sympy, and every decision says why.

Answers from a generator or an LLM are untrusted text. They are turned into sympy objects
only by the verifiers' whitelist parser (`verifiers.parse_answer`, which never calls eval)
or, for LaTeX, by math-verify's LaTeX extraction (an ANTLR grammar, no eval); a problem's
`verifier` program runs inside the sandbox. Whether two exact values are equal is decided by
`verifiers.answers_equivalent`, the routine the agent uses too; what is ours is the policy
around it, so one set of rules holds for every route:

* exact by default: `sqrt(8)` equals `2*sqrt(2)`, but a decimal is not an exact answer;
* `0.375` equals `3/8` only when the answer kind is `rational` (a terminating decimal is
  then an exact spelling of the number), and `5.0` is not an integer answer unless the
  problem's meta says `accept_decimal: true`;
* a tolerance only where the problem gives one (`meta.tolerance`, `meta.rel_tolerance`);
* sets match as sets (any order), tuples element by element in order, intervals by
  endpoints and openness, matrices by shape and entries; LaTeX `(1, 2)` is an open
  interval to math-verify, and is read as a tuple when the answer kind is `tuple`;
* `x = 5` answers a scalar question with its right-hand side.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable
from typing import Any

import sympy
from pydantic import BaseModel, Field

from agent import answers_equivalent
from evals.deadline import AttemptTimeout, can_interrupt, deadline
from tasks import AnswerKind, Problem
from tasks.schema import MAX_ANSWER_CHARS

CHECK_TIMEOUT_S = 10.0  # sympy simplification of a crafted answer can run for minutes; give up, say so
NUMERIC_DIGITS = 60  # digits a gap is evaluated to when a tolerance is given
_DECIMAL = re.compile(r"^[+-]?(\d+\.\d*|\.\d+)$")  # a whole answer that is one decimal
_BINDING = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*(.+)$", re.DOTALL)
_LATEX_HINT = re.compile(r"\\[A-Za-z]+|\\[\[\](){}]|\$|\^\{|_\{")
_NUMERAL = re.compile(r"^-?\d[0-9a-z]*[a-z][0-9a-z]*$")  # base-b digits with a letter: `2c9`, not `2*c`
_TRUE = {"true", "yes"}
_FALSE = {"false", "no"}


class AnswerCheck(BaseModel):
    """One comparison's outcome and the reason for it."""

    correct: bool
    why: str = Field(description="Human-readable reason: which rule matched or failed, and on what.")
    method: str = Field(description="sympy | latex | verifier | boolean | tolerance | numeral")


class GoldAnswerError(ValueError):
    """The problem's own answer cannot be parsed: a suite bug, reported as an error, never as 'wrong'."""


class _Mismatch(Exception):  # noqa: N818 - internal control flow: a reason two values differ
    pass


# ---------------------------------------------------------------------------------------------
# entry point


def check_answer(problem: Problem, answer: str, *, timeout_s: float = CHECK_TIMEOUT_S) -> AnswerCheck:
    """Compare an untrusted answer with the problem's gold answer (or run its verifier)."""
    text = answer.strip()
    if not text:
        return AnswerCheck(correct=False, why="empty answer", method="sympy")
    if len(text) > MAX_ANSWER_CHARS:
        return AnswerCheck(correct=False, why=f"answer is {len(text)} characters (cap {MAX_ANSWER_CHARS})", method="sympy")
    if problem.verifier:
        return _check_with_verifier(problem, text)
    kind = AnswerKind(problem.answer_kind)
    if kind is AnswerKind.boolean:
        return _check_boolean(problem.answer, text)
    if _NUMERAL.match(problem.answer):
        return _check_numeral(problem.answer, text)
    gold = _parse_gold(problem)
    binding = _BINDING.match(text) if not looks_like_latex(text) else None
    if binding is None:
        return _check_exact(problem, kind, gold, text, timeout_s)
    # "x = 5": the value bound is the answer (an equation would be written Eq(...))
    result = _check_exact(problem, kind, gold, binding.group(2), timeout_s)
    return result.model_copy(update={"why": f"value bound in {text!r}: {result.why}"})


def _check_exact(problem: Problem, kind: AnswerKind, gold: Any, text: str, timeout_s: float) -> AnswerCheck:
    method = "latex" if looks_like_latex(text) else "sympy"
    try:
        submitted = _parse_latex(text, kind) if method == "latex" else _parse_plain(text)
    except ValueError as exc:
        return AnswerCheck(correct=False, why=f"answer not parsed as exact math: {exc}", method=method)
    rules = _Rules.from_problem(problem)
    if rules.tolerance is not None:
        method = "tolerance"
    elif method == "sympy" and kind is not AnswerKind.rational and not rules.accept_decimal:
        decimals = decimal_literals(text)
        if decimals:
            why = f"decimal {decimals[0]} is not an exact {kind.value} answer (expected {problem.answer})"
            return AnswerCheck(correct=False, why=why, method=method)
    try:
        with deadline(timeout_s):
            why = _compare(submitted, gold, kind, rules)
    except _Mismatch as exc:
        return AnswerCheck(correct=False, why=str(exc), method=method)
    except AttemptTimeout:
        return AnswerCheck(correct=False, why=f"equivalence undecided within {timeout_s:g} s", method=method)
    return AnswerCheck(correct=True, why=why, method=method)


def _check_numeral(gold: str, text: str) -> AnswerCheck:
    """A numeral in a base above ten (`2c9`, `-1a`) is no expression: compared digit by digit."""
    given = text.strip().strip("'\"").lower()
    ok = given == gold.lower()
    why = f"numeral {given!r} {'equals' if ok else 'differs from'} {gold!r}"
    return AnswerCheck(correct=ok, why=why, method="numeral")


def looks_like_latex(text: str) -> bool:
    """A backslash command, `$` delimiters or braced super/subscripts mark LaTeX."""
    return bool(_LATEX_HINT.search(text))


# ---------------------------------------------------------------------------------------------
# parsing


def _parse_gold(problem: Problem) -> Any:
    text = problem.answer
    kind = AnswerKind(problem.answer_kind)
    try:
        return _parse_latex(text, kind) if looks_like_latex(text) else _parse_plain(text)
    except ValueError as exc:
        raise GoldAnswerError(f"problem {problem.id}: gold answer {text!r} does not parse: {exc}") from None


def _parse_plain(text: str) -> Any:
    """Whitelist-parse plain text (decimals come back as the exact rationals they spell)."""
    from agent import parse_answer

    try:
        return parse_answer(text)
    except ValueError:
        raise
    except Exception as exc:  # the parser's own error types; surface them as a parse failure
        raise ValueError(f"{type(exc).__name__}: {exc}") from None


def _is_decimal_literal(literal: str) -> bool:
    lower = literal.lower()
    return not lower.startswith(("0x", "0o", "0b")) and not lower.endswith("j") and any(c in lower for c in ".e")


def decimal_literals(text: str) -> list[str]:
    """Numeric literals written with a decimal point or exponent (`5.0`, `.5`, `1e3`), by tokenizing.

    `Rational('2.5')` holds its decimal in a string token, so it counts as exact.
    """
    found: list[str] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.NUMBER and _is_decimal_literal(token.string):
                found.append(token.string)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass  # not Python-shaped; the parser will say why
    return found


def _parse_latex(text: str, kind: AnswerKind) -> Any:
    """LaTeX through math-verify's LaTeX extraction only (its expression extractor would eval)."""
    from math_verify import LatexExtractionConfig, parse

    wrapped = text if ("$" in text or "\\boxed" in text or "\\[" in text or "\\(" in text) else f"${text}$"
    timeout = 5 if can_interrupt() else None  # math-verify's timeout is SIGALRM: main thread only
    found = parse(wrapped, extraction_config=[LatexExtractionConfig()], parsing_timeout=timeout)
    values = [v for v in found if not isinstance(v, str)]
    if not values:
        raise ValueError(f"math-verify found no LaTeX math in {text!r}")
    value = values[0]
    raw = next((v for v in found if isinstance(v, str)), "")
    if kind is AnswerKind.rational and _DECIMAL.match(raw.strip()):
        return sympy.Rational(raw.strip())
    if kind is AnswerKind.tuple and isinstance(value, sympy.Interval) and value.left_open and value.right_open:
        return sympy.Tuple(value.start, value.end)  # "(a, b)" is a pair when a tuple is asked for
    return value


# ---------------------------------------------------------------------------------------------
# comparison


class _Rules(BaseModel):
    kind: AnswerKind
    accept_decimal: bool = False
    tolerance: sympy.Basic | None = None
    relative: bool = False

    model_config = {"arbitrary_types_allowed": True}

    @classmethod
    def from_problem(cls, problem: Problem) -> _Rules:
        meta = problem.meta or {}
        tol, relative = meta.get("tolerance"), False
        if tol is None and meta.get("rel_tolerance") is not None:
            tol, relative = meta["rel_tolerance"], True
        tolerance = sympy.Rational(str(tol)) if tol is not None else None
        return cls(
            kind=AnswerKind(problem.answer_kind),
            accept_decimal=bool(meta.get("accept_decimal", False)),
            tolerance=tolerance,
            relative=relative,
        )


def _compare(submitted: Any, gold: Any, kind: AnswerKind, rules: _Rules) -> str:
    """Return why they are equal, or raise _Mismatch saying why not."""
    submitted, gold = _normalize(submitted), _normalize(gold)
    if isinstance(submitted, sympy.Equality) and not isinstance(gold, sympy.Equality):
        if isinstance(submitted.lhs, sympy.Symbol):
            return f"{_compare(submitted.rhs, gold, kind, rules)} (right-hand side of {submitted})"
        raise _Mismatch(f"an equation {submitted} where a value was asked for")
    return _equal(submitted, gold, rules)


def _normalize(value: Any) -> Any:
    """Python containers and numbers -> sympy; lists are ordered like tuples."""
    if isinstance(value, bool):
        return sympy.true if value else sympy.false
    if isinstance(value, (set, frozenset)):
        return sympy.FiniteSet(*(_normalize(v) for v in value))
    if isinstance(value, (tuple, list)):
        return sympy.Tuple(*(_normalize(v) for v in value))
    if isinstance(value, int):
        return sympy.Integer(value)
    if isinstance(value, float):
        return sympy.Float(value)
    return value


def _shape(value: Any) -> str:
    if isinstance(value, sympy.FiniteSet):
        return "a set"
    if isinstance(value, sympy.Tuple):
        return "a tuple"
    if isinstance(value, sympy.Interval):
        return "an interval"
    if isinstance(value, sympy.Set):
        return "a set expression"
    if isinstance(value, sympy.MatrixBase):
        return "a matrix"
    if isinstance(value, sympy.logic.boolalg.BooleanAtom):
        return "a truth value"
    return "a number or expression"


def _equal(a: Any, g: Any, rules: _Rules) -> str:
    if _shape(a) != _shape(g):
        raise _Mismatch(f"expected {_shape(g)} like {g}, got {_shape(a)}: {a}")
    if isinstance(g, sympy.Tuple):
        return _equal_sequence(list(a), list(g), rules, what="tuple")
    if isinstance(g, sympy.MatrixBase):
        if a.shape != g.shape:
            raise _Mismatch(f"matrix shape {a.shape}, expected {g.shape}")
        _equal_sequence(list(a), list(g), rules, what="matrix")
        return f"matrices equal entry by entry ({g.shape[0]}x{g.shape[1]})"
    if isinstance(g, sympy.FiniteSet):
        return _equal_set(list(a.args), list(g.args), rules)
    if isinstance(g, sympy.Interval):
        if (a.left_open, a.right_open) != (g.left_open, g.right_open):
            raise _Mismatch(f"interval {a} has other open/closed ends than {g}")
        _equal_sequence([a.start, a.end], [g.start, g.end], rules, what="interval endpoints")
        return f"intervals equal: {g}"
    if isinstance(g, sympy.Set):
        if answers_equivalent(a, g):
            return f"sets equal: {g}"
        raise _Mismatch(f"set {a} differs from {g}")
    if isinstance(g, sympy.logic.boolalg.BooleanAtom):
        if answers_equivalent(a, g):
            return f"both {g}"
        raise _Mismatch(f"{a}, expected {g}")
    return _equal_scalar(a, g, rules)


def _equal_sequence(a: list[Any], g: list[Any], rules: _Rules, *, what: str) -> str:
    if len(a) != len(g):
        raise _Mismatch(f"{what} of {len(a)} elements, expected {len(g)}")
    for i, (x, y) in enumerate(zip(a, g, strict=True)):
        try:
            _equal(x, y, rules)
        except _Mismatch as exc:
            raise _Mismatch(f"{what} element {i + 1}: {exc}") from None
    return f"{what}s equal element by element ({len(g)} elements)"


def _equal_set(a: list[Any], g: list[Any], rules: _Rules) -> str:
    if len(a) != len(g):
        raise _Mismatch(f"set of {len(a)} elements, expected {len(g)}: {sympy.FiniteSet(*g)}")
    unmatched = list(g)
    for x in a:
        match = next((y for y in unmatched if _equal_quiet(x, y, rules)), None)
        if match is None:
            raise _Mismatch(f"set element {x} is not in the expected set {sympy.FiniteSet(*g)}")
        unmatched.remove(match)
    return f"sets equal ({len(g)} elements, order ignored)"


def _equal_quiet(a: Any, g: Any, rules: _Rules) -> bool:
    try:
        _equal(a, g, rules)
    except _Mismatch:
        return False
    return True


def _has_float(value: Any) -> bool:
    return isinstance(value, sympy.Basic) and any(isinstance(x, sympy.Float) for x in sympy.preorder_traversal(value))


def _exact(value: sympy.Basic) -> sympy.Basic:
    """Replace each Float by the exact decimal it prints as (0.375 -> 3/8)."""
    return value.xreplace({f: sympy.Rational(str(f)) for f in value.atoms(sympy.Float)})


def _equal_scalar(a: Any, g: Any, rules: _Rules) -> str:
    if not isinstance(a, sympy.Expr) or not isinstance(g, sympy.Expr):
        raise _Mismatch(f"cannot compare {a!r} with {g!r}")
    if rules.tolerance is not None:
        return _within_tolerance(a, g, rules)
    if _has_float(a):
        if rules.kind is AnswerKind.rational or rules.accept_decimal:
            a = _exact(a)
        else:
            raise _Mismatch(f"{a} is a decimal, not an exact {rules.kind.value} answer (expected {g})")
    if rules.kind is AnswerKind.integer and a.is_number and a.is_integer is not True:
        raise _Mismatch(f"{a} is not an integer (expected {g})")
    if a == g:
        return f"{a} is {g} exactly"
    if a.free_symbols != g.free_symbols:
        raise _Mismatch(f"{a} has free symbols {_names(a.free_symbols)}, expected {_names(g.free_symbols)}")
    if answers_equivalent(a, g):
        return f"{a} equals {g} (their difference simplifies to zero)"
    if (a - g).is_number:
        raise _Mismatch(f"{a} differs from {g} (difference {sympy.N(a - g, 6)})")
    raise _Mismatch(f"{a} is not equivalent to {g}")


def _within_tolerance(a: sympy.Expr, g: sympy.Expr, rules: _Rules) -> str:
    if not (a.is_number and g.is_number):
        raise _Mismatch(f"tolerance needs numbers, got {a} and {g}")
    gap = abs(sympy.N(a - g, NUMERIC_DIGITS))
    bound = rules.tolerance * abs(sympy.N(g, NUMERIC_DIGITS)) if rules.relative else rules.tolerance
    label = "relative tolerance" if rules.relative else "tolerance"
    if gap <= bound:
        return f"{a} within {label} {rules.tolerance} of {g} (gap {sympy.N(gap, 3)})"
    raise _Mismatch(f"{a} is {sympy.N(gap, 3)} from {g}, outside {label} {rules.tolerance}")


def _names(symbols: Iterable[sympy.Symbol]) -> str:
    return "{" + ", ".join(sorted(str(s) for s in symbols)) + "}"


# ---------------------------------------------------------------------------------------------
# booleans and verifier programs


def _truth(text: str) -> bool | None:
    word = text.strip().strip("$").strip().lower()
    word = re.sub(r"^\\text\{(.*)\}$", r"\1", word)
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


def _check_boolean(gold_text: str, text: str) -> AnswerCheck:
    gold, submitted = _truth(gold_text), _truth(text)
    if gold is None:
        raise GoldAnswerError(f"boolean gold answer {gold_text!r} is not true/false/yes/no")
    if submitted is None:
        return AnswerCheck(correct=False, why=f"{text!r} is not a truth value (true/false/yes/no)", method="boolean")
    if submitted == gold:
        return AnswerCheck(correct=True, why=f"both {gold}", method="boolean")
    return AnswerCheck(correct=False, why=f"{submitted}, expected {gold}", method="boolean")


VERIFIER_HARNESS = """
{verifier}

import sympy as _ladder_sympy
answer = bool(verify({value}))
"""


def _check_with_verifier(problem: Problem, text: str) -> AnswerCheck:
    """Run the problem's `verify(answer) -> bool` in the sandbox on the parsed answer.

    The answer is parsed here, by the same whitelist parser as every other answer, and the
    verifier receives that value, rebuilt from sympy constructors (verifiers.value_source):
    never the answer's text, which parsed by sympy in the sandbox would be code that could
    forge the run's report or patch `verify`. Only the parent reads the verdict.
    """
    from agent import UnsafeValue, run_program, value_source

    try:
        value = value_source(_parse_plain(text), module="_ladder_sympy")
    except (ValueError, UnsafeValue) as exc:
        return AnswerCheck(correct=False, why=f"answer not parsed as exact math: {exc}", method="verifier")
    program = VERIFIER_HARNESS.format(verifier=problem.verifier, value=value)
    result = run_program(program)
    status = str(getattr(result.status, "value", result.status))
    if status != "ok":
        exc = result.exception
        detail = f"{exc.type}: {exc.message}" if exc else status
        return AnswerCheck(correct=False, why=f"verifier did not accept: {detail}", method="verifier")
    verdict = (result.answer or "").strip()
    if verdict == "True":
        return AnswerCheck(correct=True, why="verifier returned True", method="verifier")
    return AnswerCheck(correct=False, why=f"verifier returned {verdict or 'nothing'}", method="verifier")
