"""The answer checker on a table of equal/unequal pairs across answer kinds, LaTeX included."""

from __future__ import annotations

import pytest

from evals.answer_check import GoldAnswerError, check_answer, decimal_literals, looks_like_latex
from tasks import Problem


def problem(gold: str, kind: str, verifier: str | None = None, **meta: object) -> Problem:
    return Problem(
        id="p-1", prompt="q?", answer=gold, answer_kind=kind, verifier=verifier, family="f", split="test", meta=meta
    )


# (gold, kind, submitted, expected correct)
TABLE: list[tuple[str, str, str, bool]] = [
    # integers
    ("5", "integer", "5", True),
    ("5", "integer", "+5", True),
    ("5", "integer", "10/2", True),
    ("5", "integer", "2 + 3", True),
    ("5", "integer", "5.0", False),  # a decimal is not an exact integer answer
    ("5", "integer", "6", False),
    ("5", "integer", "-5", False),
    ("25", "integer", "5", False),  # '5' must not match '25' (no substring matching)
    ("-7", "integer", "-7", True),
    ("1000000", "integer", "10**6", True),
    ("5", "integer", "x = 5", True),  # the value bound by a simple assignment
    ("5", "integer", "11/2", False),
    ("12", "integer", "Abs(-12)", True),
    # rationals: a terminating decimal is an exact spelling
    ("3/8", "rational", "3/8", True),
    ("3/8", "rational", "0.375", True),
    ("3/8", "rational", "6/16", True),
    ("3/8", "rational", "Rational(3, 8)", True),
    ("3/8", "rational", "Rational('0.375')", True),
    ("1/3", "rational", "0.333", False),
    ("1/3", "rational", "0.3333333333333333", False),
    ("5/2", "rational", "2.5", True),
    ("5/2", "rational", "-2.5", False),
    ("346.9", "rational", "3469/10", True),
    # reals: exact forms only
    ("2*sqrt(2)", "real", "sqrt(8)", True),
    ("2*sqrt(2)", "real", "2**(3/2)", True),
    ("2*sqrt(2)", "real", "sqrt(2)*2", True),
    ("2*sqrt(2)", "real", "2.8284271247461903", False),
    ("3/8", "real", "0.375", False),  # decimals are exact only for the rational kind
    ("9*pi", "real", "pi*9", True),
    ("9*pi", "real", "28.274333882308138", False),
    ("sqrt(2)/2", "real", "1/sqrt(2)", True),
    ("sqrt(2)/2", "real", "sin(pi/4)", True),
    ("1 + sqrt(3)", "real", "sqrt(3) + 1", True),
    ("1 + sqrt(3)", "real", "1 - sqrt(3)", False),
    ("log(8)", "real", "3*log(2)", True),
    ("sqrt(5) + sqrt(3)", "real", "sqrt(8 + 2*sqrt(15))", True),  # denesting needs a numeric check
    # expressions with free symbols
    ("x**2 - 1", "expression", "(x - 1)*(x + 1)", True),
    ("x**2 - 1", "expression", "(x - 1)**2", False),
    ("x**2 - 1", "expression", "y**2 - 1", False),
    ("2*n + 1", "expression", "1 + n*2", True),
    # sets: order ignored
    ("{1, 2}", "set", "{2, 1}", True),
    ("{1, 2}", "set", "{1, 2, 3}", False),
    ("{1, 2}", "set", "{1}", False),
    ("{1, 2}", "set", "(1, 2)", False),  # a tuple is not a set
    ("{-3, 3}", "set", "{3, -3}", True),
    ("{sqrt(2), -sqrt(2)}", "set", "{-sqrt(2), 2**(1/2)}", True),
    ("{1/2, 2}", "set", "{Rational(1, 2), 2}", True),
    ("{1, 2}", "set", "FiniteSet(2, 1)", True),
    # tuples: ordered, element-wise
    ("(1, 2)", "tuple", "(1, 2)", True),
    ("(1, 2)", "tuple", "(2, 1)", False),
    ("(1, 2)", "tuple", "(1, 2, 3)", False),
    ("(3, -1)", "tuple", "(6/2, -1)", True),
    ("(1, 2)", "tuple", "[1, 2]", True),  # a list spells an ordered tuple
    ("(1, 2)", "tuple", "{1, 2}", False),
    ("(sqrt(2), 1/2)", "tuple", "(2**(1/2), 0.5)", False),  # decimal in a non-rational kind
    ("(sqrt(2), 1/2)", "tuple", "(2**(1/2), Rational(1, 2))", True),
    # intervals
    ("Interval(0, 1)", "set", "Interval(0, 1)", True),
    ("Interval(0, 1)", "set", "Interval(0, 1, right_open=True)", False),
    ("Interval(0, 1, left_open=True)", "set", "Interval.Lopen(0, 1)", False),  # method calls are not allowed
    ("Union(Interval(0, 1), Interval(2, 3))", "set", "Union(Interval(2, 3), Interval(0, 1))", True),
    # LaTeX answers (parsed by math-verify, compared by the same rules)
    ("3/8", "rational", r"\frac{3}{8}", True),
    ("3/8", "rational", r"$\frac{6}{16}$", True),
    ("3/8", "rational", r"$0.375$", True),
    ("3/8", "rational", r"\frac{3}{7}", False),
    ("2*sqrt(2)", "real", r"\boxed{2\sqrt{2}}", True),
    ("2*sqrt(2)", "real", r"$\sqrt{8}$", True),
    ("2*sqrt(2)", "real", r"$\sqrt{2}$", False),
    ("pi/2", "real", r"$\frac{\pi}{2}$", True),
    ("5", "integer", r"$5.0$", False),
    ("5", "integer", r"\boxed{5}", True),
    ("(1, 2)", "tuple", r"$(1, 2)$", True),  # math-verify reads (1, 2) as an open interval
    ("Interval(1, 2, True, True)", "set", r"$(1, 2)$", True),
    ("Interval(0, 1, right_open=True)", "set", r"$[0, 1)$", True),
    ("Interval(0, 1, right_open=True)", "set", r"$[0, 1]$", False),
    ("{1, 2}", "set", r"$\{2, 1\}$", True),
    ("{1, 2}", "set", r"$\{1, 3\}$", False),
    (r"\begin{pmatrix}1 & 2\\3 & 4\end{pmatrix}", "expression", r"$\begin{pmatrix}1 & 2\\3 & 4\end{pmatrix}$", True),
    (r"\begin{pmatrix}1 & 2\\3 & 4\end{pmatrix}", "expression", r"$\begin{pmatrix}1 & 2\\4 & 3\end{pmatrix}$", False),
    (r"\begin{pmatrix}1 & 2\\3 & 4\end{pmatrix}", "expression", r"$\begin{pmatrix}1 & 2\end{pmatrix}$", False),
    (r"\frac{1}{2}", "rational", "1/2", True),  # a LaTeX gold answer against plain text
    # booleans
    ("True", "boolean", "True", True),
    ("True", "boolean", "yes", True),
    ("True", "boolean", "False", False),
    ("No", "boolean", "false", True),
    ("True", "boolean", "1", False),
    # untrusted text that must not run
    ("5", "integer", "__import__('os').system('true')", False),
    ("5", "integer", "(lambda: 5)()", False),
    ("5", "integer", "'5'", False),
]


@pytest.mark.parametrize(("gold", "kind", "submitted", "expected"), TABLE)
def test_table(gold: str, kind: str, submitted: str, expected: bool) -> None:
    result = check_answer(problem(gold, kind), submitted)
    assert result.correct is expected, f"{submitted!r} vs gold {gold!r} ({kind}): {result.why}"
    assert result.why, "every comparison says why"


def test_table_is_large_and_balanced() -> None:
    assert len(TABLE) >= 60
    assert sum(1 for *_, ok in TABLE if ok) >= 25
    assert sum(1 for *_, ok in TABLE if not ok) >= 25
    assert sum(1 for _, _, s, _ in TABLE if looks_like_latex(s)) >= 15


@pytest.mark.parametrize("gold,kind", sorted({(g, k) for g, k, _, _ in TABLE}))
def test_gold_equals_itself(gold: str, kind: str) -> None:
    result = check_answer(problem(gold, kind), gold)
    assert result.correct, f"gold {gold!r} ({kind}) not equal to itself: {result.why}"


def test_tolerance_only_where_given() -> None:
    assert not check_answer(problem("pi/2", "real"), "1.5708").correct
    loose = check_answer(problem("pi/2", "real", tolerance=0.001), "1.5708")
    assert loose.correct and loose.method == "tolerance", loose.why
    tight = check_answer(problem("pi/2", "real", rel_tolerance=1e-9), "1.5708")
    assert not tight.correct and "outside relative tolerance" in tight.why


def test_accept_decimal_in_meta() -> None:
    assert check_answer(problem("5", "integer", accept_decimal=True), "5.0").correct
    assert not check_answer(problem("5", "integer", accept_decimal=True), "5.5").correct


def test_reasons_name_the_rule() -> None:
    assert "decimal 5.0" in check_answer(problem("5", "integer"), "5.0").why
    assert "expected a set" in check_answer(problem("{1, 2}", "set"), "(1, 2)").why
    assert "element 1" in check_answer(problem("(1, 2)", "tuple"), "(2, 1)").why
    assert "not parsed" in check_answer(problem("5", "integer"), "5 apples").why
    assert "free symbols" in check_answer(problem("5", "integer"), "five").why


def test_bad_gold_is_an_error_not_a_wrong_answer() -> None:
    with pytest.raises(GoldAnswerError, match="p-1"):
        check_answer(problem("5 apples", "integer"), "5")


def test_decimal_literals_are_found_by_token() -> None:
    assert decimal_literals("2.5 + x") == ["2.5"]
    assert decimal_literals("Rational('2.5')") == []
    assert decimal_literals("1e3") == ["1e3"]
    assert decimal_literals("0x1e") == []


VERIFIER = "def verify(answer):\n    return answer > 10 and answer % 7 == 0\n"


@pytest.mark.parametrize(("submitted", "expected"), [("14", True), ("21", True), ("7", False), ("15", False)])
def test_verifier_program_runs_in_sandbox(submitted: str, expected: bool) -> None:
    result = check_answer(problem("14", "integer", verifier=VERIFIER), submitted)
    assert result.method == "verifier"
    assert result.correct is expected, result.why


def test_verifier_that_crashes_is_not_correct() -> None:
    crashing = "def verify(answer):\n    raise RuntimeError('boom')\n"
    result = check_answer(problem("14", "integer", verifier=crashing), "14")
    assert not result.correct and "RuntimeError" in result.why
