"""The notation front end (issue 16): formula trees, error positions, graphs, families, routing."""

from __future__ import annotations

import contextlib
import re
import time
from types import SimpleNamespace

import pytest
import sympy

from tasks.ace.graph import EdgeKind, NodeKind
from tasks.frontends import FrontEndError, load_front_end
from tasks.notation import (
    FormulaError,
    parse_latex_formula,
    parse_notation,
    parse_plain,
    written_in_notation,
)
from tasks.notation.expr import Expr, num, to_source, to_sympy, var
from tasks.notation.families import FAMILIES
from tasks.notation.suites import answer_of, generate_family
from tasks.schema import Problem, Split

UNIT_CONSTANTS = {"100", "1000", "1200", "12000"}


def e(op: str, *args: Expr) -> Expr:
    return Expr(op, args)


# ---------------------------------------------------------------------------------------------
# formula trees


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("17*23", e("*", num("17"), num("23"))),
        ("7y - 4 = 2y + 21", e("=", e("-", e("*", num("7"), var("y")), num("4")), e("+", e("*", num("2"), var("y")), num("21")))),
        ("2^10", e("^", num("2"), num("10"))),
        ("x²", e("^", var("x"), num("2"))),
        ("√2", e("sqrt", num("2"))),
        ("7! / 5!", e("/", e("!", num("7")), e("!", num("5")))),
        ("-3 - -5", e("-", e("neg", num("3")), e("neg", num("5")))),
        ("2*n**2 - 8*n", e("-", e("*", num("2"), e("^", var("n"), num("2"))), e("*", num("8"), var("n")))),
        ("f(5)", e("apply", var("f"), num("5"))),
        ("gcd(12, 18)", e("gcd", num("12"), num("18"))),
        ("x ≤ 0.5", e("<=", var("x"), num("0.5"))),
        ("-x^2", e("neg", e("^", var("x"), num("2")))),
    ],
)
def test_plain_formulas_parse_to_their_trees(text: str, tree: Expr) -> None:
    assert parse_plain(text) == tree


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        (r"\frac{3}{4} + \frac{1}{6}", e("+", e("/", num("3"), num("4")), e("/", num("1"), num("6")))),
        (r"\binom{10}{3}", e("binom", num("10"), num("3"))),
        (r"x^{2} - 3x + 2", e("+", e("-", e("^", var("x"), num("2")), e("*", num("3"), var("x"))), num("2"))),
        (r"\sqrt[3]{8}", e("root", num("8"), num("3"))),
        (r"\left(1 + 2\right)^{2} \cdot 3", e("*", e("^", e("+", num("1"), num("2")), num("2")), num("3"))),
        (r"x \le 3", e("<=", var("x"), num("3"))),
        (r"\sin(x)", e("sin", var("x"))),  # not in the LALR subset: read through sympy's lark grammar
    ],
)
def test_latex_formulas_parse_to_their_trees(text: str, tree: Expr) -> None:
    assert parse_latex_formula(text) == tree


def test_a_tree_is_kept_as_written_not_evaluated() -> None:
    graph = parse_notation(r"Evaluate $\frac{3}{4} + \frac{1}{6}$.")
    numbers = [n.value for n in graph.nodes if n.kind == NodeKind.NUMBER]
    assert numbers == ["3", "4", "1", "6"]  # sympy's own parser would have handed back 11/12
    assert to_source(parse_latex_formula(r"\frac{3}{4} + \frac{1}{6}")) == "Rational(3, 4) + Rational(1, 6)"


def test_exact_values_of_trees() -> None:
    assert to_sympy(parse_plain("(-3 + 1)/(-2)*(4/6)/(-2)")) == sympy.Rational(-1, 3)
    assert eval(to_source(parse_plain("(-3 + 1)/(-2)*(4/6)/(-2)")), vars(sympy)) == sympy.Rational(-1, 3)
    assert eval(to_source(parse_plain("2768227624 + 0.3")), vars(sympy)) == sympy.Rational(27682276243, 10)


# ---------------------------------------------------------------------------------------------
# errors name the position


@pytest.mark.parametrize(
    ("text", "position"),
    [
        (r"Evaluate $\frac{3}{4 + 1$.", 18),  # the '{' that never closes
        (r"Evaluate $\frac{3}{4}}$.", 21),  # the '}' that closes nothing
        (r"Evaluate $\foo{3} + 1$.", 10),  # the unknown command
        ("What is (3 + 4?", 8),  # the '(' that never closes
        ("What is $3 + 4?", 8),  # the '$' that never closes
        ("What is 3 + * 4?", 12),
    ],
)
def test_malformed_notation_names_the_position(text: str, position: int) -> None:
    with pytest.raises(FormulaError) as err:
        parse_notation(text)
    assert err.value.position == position
    assert str(position) in str(err.value)
    assert isinstance(err.value, FrontEndError)


def test_unknown_command_is_named() -> None:
    with pytest.raises(FrontEndError, match=r"unknown command '\\\\foo'"):
        parse_notation(r"Evaluate $\foo{3}$.")


def test_text_without_formula_is_refused_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(FrontEndError, match="no formula found"):
        parse_notation("How old is the captain of the ship?")
    with pytest.raises(FrontEndError, match="no formula found"):
        parse_notation("John has 5 apples and buys 3 more at the store. How many apples does he have now?")
    assert time.perf_counter() - started < 1.0


# ---------------------------------------------------------------------------------------------
# user text never reaches sympify / parse_expr


def test_user_text_never_reaches_sympify_or_parse_expr(monkeypatch: pytest.MonkeyPatch) -> None:
    import sympy.core.sympify as core_sympify
    import sympy.parsing.sympy_parser as sympy_parser

    calls: list[str] = []

    def refuse(real):
        def guarded(a, *args, **kwargs):
            if isinstance(a, str):
                calls.append(a)
                raise AssertionError(f"text reached sympify/parse_expr: {a!r}")
            return real(a, *args, **kwargs)

        return guarded

    for module, name in ((sympy, "sympify"), (core_sympify, "sympify"), (sympy_parser, "parse_expr"), (sympy, "parse_expr")):
        if hasattr(module, name):
            monkeypatch.setattr(module, name, refuse(getattr(module, name)))
    texts = [
        "What is 17*23?", "Solve for y: 7y - 4 = 2y + 21.", r"Evaluate $\frac{3}{4} + \frac{1}{6}$.",
        "Let f(x) = x^2 - 3x + 2. What is f(5)?", r"Compute $\binom{10}{3}$.", "What is 7! / 5!?",
        "Round 3.14159 to two decimal places.", r"What is $\sin(x) + 1$ at x = 0?", "Is __import__('os') > 2?",
        "How many minutes are there between 4:03 PM and 9:11 PM?", "Solve -5*h = 2*a + 3*a - 35, 2*h = a - 13 for a.",
    ]
    for text in texts:
        with contextlib.suppress(FrontEndError):
            parse_notation(text)
    assert calls == []


# ---------------------------------------------------------------------------------------------
# graphs


def test_graph_of_an_equation_question() -> None:
    graph = parse_notation("Solve for y: 7y - 4 = 2y + 21.")
    assert graph.front_end == "notation"
    query = graph.nodes[graph.query]
    assert (query.kind, query.label) == (NodeKind.QUERY, "solve")
    variables = graph.nodes_of(NodeKind.VARIABLE)
    assert [(v.label, v.value) for v in variables] == [("y", "y")]  # one node per name, copyable as 'y'
    eq = next(n for n in graph.nodes if n.kind == NodeKind.OPERATION and n.label == "=")
    assert [x.label for x in graph.out_edges(eq.id, EdgeKind.ARG)] == ["left", "right"]
    asked = {x.dst: x.label for x in graph.out_edges(graph.query, EdgeKind.ASKS)}
    assert asked[variables[0].id] == "for" and eq.id in asked


def test_words_are_lemmas_and_number_words_are_numbers() -> None:
    graph = parse_notation("Round 3.14159 to two decimal places.")
    labels = [(n.kind, n.label, n.value) for n in graph.nodes]
    assert (NodeKind.QUERY, "round", None) in labels
    assert (NodeKind.NUMBER, "3.14159", "3.14159") in labels
    assert (NodeKind.NUMBER, "2", "2") in labels
    assert any(label == "place" for _, label, _ in labels)  # `places`, lemmatized
    digits = parse_notation("What is the ten thousands digit of 93812?")
    assert "10000" in [n.value for n in digits.nodes]


def test_shared_function_names_and_options() -> None:
    graph = parse_notation("Let f(x) = x^2 - 3x + 2. What is f(5)?")
    assert [n.label for n in graph.nodes_of(NodeKind.VARIABLE)] == ["f", "x"]
    assert len([n for n in graph.nodes if n.label == "apply"]) == 2
    options = parse_notation("Which is the nearest to -0.1?  (a) -2  (b) 0.3  (c) 2/5")
    assert [n.value for n in options.nodes if n.label == "option"] == ["a", "b", "c"]


def test_the_registry_loads_the_notation_front_end() -> None:
    assert load_front_end("notation") is parse_notation


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_one_question_per_family_end_to_end(name: str) -> None:
    """Parsed into a graph whose numbers the program copies; the program gives the answer."""
    from evals.answer_check import check_answer
    from verifiers.symbolic import canonical_answer

    for problem in generate_family(FAMILIES[name], 3, seed=11, split=Split.train):
        graph = parse_notation(problem.prompt)
        assert graph.front_end == "notation" and graph.query is not None
        values = {n.value for n in graph.nodes if n.value is not None}
        for literal in re.findall(r"(?<![\w.'])\d{3,}(?![\w.])", problem.program or ""):
            if literal in UNIT_CONSTANTS:  # a unit's size is vocabulary, not a number of the question
                continue
            assert literal in values, f"{problem.prompt!r}: program literal {literal} is in no graph node"
        ns: dict = {}
        exec(problem.program or "", ns)  # a reference program of ours, not user text
        check = check_answer(problem, canonical_answer(ns["answer"]))
        assert check.correct, (problem.prompt, problem.answer, check.why)
        assert problem.ace is None and problem.meta["front_end"] == "notation"


def test_suites_are_seeded_and_disjoint_by_parameters() -> None:
    family = FAMILIES["notation_numbers"]
    first = list(generate_family(family, 20, seed=3, split=Split.train))
    again = list(generate_family(family, 20, seed=3, split=Split.train))
    assert first == again
    test = list(generate_family(family, 20, seed=3, split=Split.test))
    key = lambda p: (p.meta["subtype"], repr(p.meta["params"]))  # noqa: E731
    assert not {key(p) for p in first} & {key(p) for p in test}


def test_answer_forms() -> None:
    assert answer_of((sympy.Integer(1), sympy.Integer(3)))[0] == "(1, 3)"
    assert answer_of("2c9")[0] == "2c9"
    assert answer_of(sympy.true)[0] == "True"


def test_base_numerals_are_compared_digit_by_digit() -> None:
    from evals.answer_check import check_answer

    p = Problem(id="x", prompt="What is 713 (base 10) in base 16?", answer="2c9", answer_kind="expression",
                family="f", split="test")
    assert check_answer(p, "2c9").correct and not check_answer(p, "2c8").correct


# ---------------------------------------------------------------------------------------------
# routing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What is 17*23?", True),
        ("Solve for y: 7y - 4 = 2y + 21.", True),
        (r"Evaluate $\frac{3}{4} + \frac{1}{6}$.", True),
        ("What is the remainder when 63772 is divided by 15941?", False),  # bare numbers: ACE reads it
        ("A ladder is 13 feet long. Its foot is 5 feet from a wall. How high does it reach?", False),
    ],
)
def test_written_in_notation(text: str, expected: bool) -> None:
    assert written_in_notation(text) is expected


def test_agent_rewrite_sends_formulas_to_the_notation_reader_first() -> None:
    from agent.nodes import rewrite
    from agent.settings import AgentSettings
    from agent.state import AgentState

    def no_ace(text: str):
        raise AssertionError("the ACE rewriter was asked first")

    runtime = SimpleNamespace(context=SimpleNamespace(settings=AgentSettings(), rewrite=no_ace))
    out = rewrite(AgentState(text="What is 17*23?"), runtime)
    assert out["front_end"] == "notation"
    assert out["semantic_graph"]["front_end"] == "notation"
