"""Tree codec: parse/print round trips over hand-written programs and every suite's references."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphmodel.execution import check_answers
from graphmodel.trees import (
    HOLE,
    TreeError,
    cut,
    find_hole,
    iter_paths,
    parse_program,
    parses_to,
    print_tree,
    replace_at,
    subtree_at,
)
from tasks import load_suite

SUITES = sorted(Path("tasks/suites").glob("*.jsonl"))

HAND = [
    "from sympy import Rational, sqrt\nx = Rational('2.5') * -3 ** 2\nanswer = sqrt(x)\n",
    "a = (1 + 2) * 3\nb = 1 + 2 * 3\nc = -(a - b) ** 2\nd = 2 ** -1\nanswer = (a, b, c, d)\n",
    "x = 3\nif x < 3 and not x == 1:\n    y = {1, 2}\nelif x is not None:\n    y = [i for i in range(3) if i > 1]\nelse:\n    y = (1,)\nanswer = y\n",
    "total = 0\nfor i in range(1, 11):\n    total += i * i\nanswer = total\n",
    "from sympy import symbols, Eq, solve\nx, y = symbols('x y')\ns = solve([Eq(x + y, 10), Eq(x - y, 2)], [x, y])\nanswer = (s[x], s[y])\n",
    "def f(a, b=2):\n    return a + b\nanswer = f(1) if f(0) > 1 else f(2, b=3)\n",
]


@pytest.mark.parametrize("source", HAND)
def test_hand_written_round_trip(source: str) -> None:
    tree = parse_program(source)
    printed = print_tree(tree)
    assert parse_program(printed) == tree, f"round trip changed the tree:\n{printed}"
    assert printed == source, "the printer should reproduce canonical source exactly"


def test_identifiers_and_numbers_are_single_leaves() -> None:
    tree = parse_program("ladder_length = Rational('2.5')\n")
    leaves = [t for _, t in iter_paths(tree) if not t.children]
    assert [(t.type, t.text) for t in leaves] == [
        ("identifier", "ladder_length"),
        ("identifier", "Rational"),
        ("string", "'2.5'"),
    ]


def test_equality_ignores_positions() -> None:
    a = parse_program("x = 1\n")
    b = parse_program("\n\nx  =  1\n")
    assert a == b
    assert a.children[0].start != b.children[0].start


def test_syntax_error_names_line_and_column() -> None:
    with pytest.raises(TreeError, match=r"line 2, column \d+"):
        parse_program("x = 1\ny = (2 +\n")


def test_cut_and_replace() -> None:
    tree = parse_program("a = 1 + 2\n")
    path = (0, 0, 1)  # expression_statement > assignment > right
    assert subtree_at(tree, path).type == "binary_operator"
    holed = cut(tree, path)
    assert find_hole(holed) == path
    assert print_tree(holed) == f"a = {HOLE}\n"
    back = replace_at(holed, path, subtree_at(tree, path))
    assert back == tree
    with pytest.raises(TreeError, match="child 5"):
        subtree_at(tree, (0, 5))


@pytest.mark.parametrize("suite", SUITES, ids=lambda p: p.name)
def test_every_reference_program_round_trips(suite: Path) -> None:
    problems = [p for p in load_suite(suite) if p.program]
    assert problems, f"{suite} has no reference programs"
    changed_src, changed_expected = [], []
    for i, p in enumerate(problems):
        tree = parse_program(p.program)
        printed = print_tree(tree)
        assert parse_program(printed) == tree, f"{p.id}: parse(print(t)) != t"
        if printed != p.program or i % 25 == 0:  # identical source runs identically: run a sample and the rest
            changed_src.append(printed)
            changed_expected.append(p.answer)
    checks = check_answers(changed_src, changed_expected)
    wrong = [(c.answer, c.error) for c in checks if not c.correct]
    assert not wrong, f"{len(wrong)} reprinted programs changed their answer, e.g. {wrong[:3]}"


def _mutations(tree):
    """Trees one edit away from `tree`: each leaf's text changed, each inner node's last child dropped."""
    for path, node in iter_paths(tree):
        if node.text is not None:
            yield replace_at(tree, path, node.model_copy(update={"text": node.text + "x"}))
        elif node.children and path:
            yield replace_at(tree, path, node.model_copy(update={"children": node.children[:-1]}))


@pytest.mark.parametrize("source", HAND)
def test_parses_to_agrees_with_comparing_parsed_trees(source: str) -> None:
    tree = parse_program(source)
    assert parses_to(print_tree(tree), tree), "a tree parses to itself"
    assert not parses_to("x = (", tree), "source with a syntax error parses to no tree"
    for other in _mutations(tree):
        expected = parse_program(source) == other
        assert parses_to(source, other) == expected, f"parses_to disagrees with == on {other.sexp()}"
