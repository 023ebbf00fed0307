"""Forms added in session 6 (issue 16): times of day, systems written as mathematics_dataset
writes them, option letters as answers, one `symbols()` line per name."""

from __future__ import annotations

import random
import re

import pytest

from tasks.ace.graph import EdgeKind, NodeKind
from tasks.notation import FormulaError, find_formulas, parse_notation
from tasks.notation.expr import Expr, num, var
from tasks.notation.families import FAMILIES, clock_time, comparison, linear_2d
from tasks.notation.suites import answer_of


def e(op: str, *args: Expr) -> Expr:
    return Expr(op, args)


def test_times_of_day_are_clock_trees_with_plain_numbers() -> None:
    formulas = find_formulas("How many minutes are there between 4:03 PM and 12:51 am?")
    assert [f.tree for f in formulas] == [e("clock_pm", num("4"), num("3")), e("clock_am", num("12"), num("51"))]
    assert [f.source for f in formulas] == ["4:03 PM", "12:51 am"]
    graph = parse_notation("How many minutes are there between 4:03 PM and 9:11 PM?")
    clock = next(n for n in graph.nodes if n.label == "clock_pm")
    args = [graph.nodes[x.dst].value for x in graph.out_edges(clock.id, EdgeKind.ARG)]
    assert args == ["4", "3"]  # `03` never reaches a program as a literal
    assert "03" not in {n.value for n in graph.nodes}


def test_an_hour_past_twelve_is_named_with_its_position() -> None:
    text = "How many minutes are there between 13:10 PM and 2:00 PM?"
    with pytest.raises(FormulaError) as err:
        parse_notation(text)
    assert err.value.position == text.index("13:10")
    assert "13" in str(err.value)


def test_a_system_as_mathematics_dataset_writes_it() -> None:
    text = "Solve -5*h = 2*a + 3*a - 35, -1199*a + 2*h = -1198*a - 13 for a."
    formulas = [f for f in find_formulas(text) if f.tree.op == "="]
    minus = lambda n: e("*", e("neg", num(n)), var("a"))  # noqa: E731 - `-1199*a` reads as (-1199)*a
    assert formulas[1].tree == e("=", e("+", minus("1199"), e("*", num("2"), var("h"))), e("-", minus("1198"), num("13")))
    graph = parse_notation(text)
    assert [n.label for n in graph.nodes_of(NodeKind.VARIABLE)] == ["h", "a"]
    assert sum(1 for n in graph.nodes if n.label == "=") == 2


def _draft_with(sampler, subtype: str, tries: int = 400):
    for seed in range(tries):
        d = sampler(random.Random(seed))
        if d.subtype == subtype:
            return d
    raise AssertionError(f"no {subtype} draft in {tries} seeds")


@pytest.mark.parametrize(("sampler", "subtype"), [(linear_2d, "linear_2d"), (clock_time, "minutes_between"),
                                                  (comparison, "kth_options"), (comparison, "closest_options")])
def test_reference_programs_run_in_the_sandbox_and_give_the_answer(sampler, subtype: str) -> None:
    """The sandbox refuses a bare str answer; option letters come back as Symbols it accepts."""
    from verifiers.sandbox import run_program

    d = _draft_with(sampler, subtype)
    result = run_program(d.program)
    assert result.status.value == "ok", (d.program, result.exception)
    assert result.answer == answer_of(d.answer)[0]
    for prompt in d.prompts:
        parse_notation(prompt)  # every wording is read


def test_each_name_gets_its_own_symbols_line() -> None:
    """A joined `symbols('q g')` is a string no graph node holds; one line per name is copyable."""
    for seed in range(20):
        d = linear_2d(random.Random(seed))
        lines = re.findall(r"^(\w+) = symbols\('(\w+)'\)$", d.program, re.MULTILINE)
        assert len(lines) == 2 and all(a == b for a, b in lines), d.program


def test_minutes_between_counts_past_midnight() -> None:
    for seed in range(60):
        d = clock_time(random.Random(seed))
        (h1, m1, p1), (h2, m2, p2) = (re.match(r"(\d+):(\d+) ([ap])", t.lower()).groups() for t in (d.params["a"], d.params["c"]))
        start = int(h1) % 12 * 60 + int(m1) + (720 if p1 == "p" else 0)
        end = int(h2) % 12 * 60 + int(m2) + (720 if p2 == "p" else 0)
        assert int(d.answer) == (end - start) % 1440 and 0 < int(d.answer) < 1440


def test_the_clock_family_is_registered() -> None:
    assert FAMILIES["notation_clock"].sample is clock_time


@pytest.mark.parametrize("style", ["dm", "plain", "latex"])
def test_a_written_formula_reads_back_to_the_tree_its_program_is_made_from(style: str) -> None:
    """`-(10*z)` is written `-10*z` and read `(-10)*z`: prompt and program share as_read's tree,
    so the generator copies structure instead of learning to move a minus sign."""
    from tasks.notation.expr import parse_latex_formula, parse_plain
    from tasks.notation.families import (
        _linear_side,
        _multivariate,
        _product_chain,
        _sum_chain,
        as_read,
        poly,
        render,
    )

    rng = random.Random(5)
    for _ in range(40):
        trees = [_linear_side(rng, var("z"), 3)[0], poly([rng.randint(-9, 9) or 1 for _ in range(4)], var("x")),
                 _multivariate(rng, ["k", "s"]), _sum_chain(rng), _product_chain(rng)]
        for tree in trees:
            text = render(tree, style)
            read = parse_plain(text) if style != "latex" else parse_latex_formula(text.strip("$"))
            assert read == as_read(tree), (style, text)
