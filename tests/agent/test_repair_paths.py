"""From a failure's source span to the subtree the agent cuts out and has infilled."""

from __future__ import annotations

from agent.repair import (
    assignment_path,
    defining_path,
    exception_span,
    path_for_span,
    repair_unit,
    widen,
)
from agent.state import Failure, FailureKind
from graphmodel.trees import parse_program, print_tree, subtree_at

PROGRAM = "length = 13\nheight = 12\nbase = (length ** 2 - hieght ** 2) ** 0.5\nanswer = base\n"


def source_at(path: tuple[int, ...]) -> str:
    return print_tree(subtree_at(parse_program(PROGRAM), path)).strip()


def test_an_identifier_span_maps_to_that_identifier() -> None:
    tree = parse_program(PROGRAM)
    column = PROGRAM.splitlines()[2].index("hieght")
    path = path_for_span(tree, (2, column), (2, column + len("hieght")))
    unit = repair_unit(tree, path)
    assert unit is not None
    assert source_at(unit) == "hieght", f"path {unit} is {source_at(unit)!r}"


def test_a_whole_line_maps_to_the_right_hand_side() -> None:
    tree = parse_program(PROGRAM)
    failure = Failure(kind=FailureKind.exception, message="NameError", line=3)
    start, end = exception_span(PROGRAM, failure)
    unit = repair_unit(tree, path_for_span(tree, start, end))
    assert unit is not None
    assert source_at(unit) == "(length ** 2 - hieght ** 2) ** 0.5"


def test_an_operator_token_lifts_to_its_expression() -> None:
    tree = parse_program("answer = 1 / 0\n")
    path = path_for_span(tree, (0, 11), (0, 12))  # the `/` token
    unit = repair_unit(tree, path)
    assert unit is not None
    assert print_tree(subtree_at(tree, unit)).strip() == "1 / 0"


def test_an_assignment_target_lifts_to_its_value() -> None:
    tree = parse_program(PROGRAM)
    unit = repair_unit(tree, path_for_span(tree, (1, 0), (1, 6)))  # `height` on the left
    assert unit is not None
    assert source_at(unit) == "12"


def test_the_module_itself_is_never_cut() -> None:
    tree = parse_program(PROGRAM)
    assert repair_unit(tree, ()) is None


def test_assignment_path_finds_the_last_binding() -> None:
    tree = parse_program("x = 1\nx = x + 2\nanswer = x\n")
    path = assignment_path(tree, "x")
    assert path is not None
    assert print_tree(subtree_at(tree, path)).strip() == "x + 2"
    assert assignment_path(tree, "missing") is None


def test_widen_climbs_one_expression_level_per_round_and_stops_at_the_statement() -> None:
    tree = parse_program(PROGRAM)
    column = PROGRAM.splitlines()[2].index("hieght")
    leaf = repair_unit(tree, path_for_span(tree, (2, column), (2, column + 6)))
    assert leaf is not None
    once = widen(tree, leaf, 1)
    assert once is not None and print_tree(subtree_at(tree, once)).strip() == "hieght ** 2"
    assert widen(tree, leaf, 10) is None, "widening past the right-hand side leaves no hole"


def test_defining_path_follows_renames_to_the_computation() -> None:
    tree = parse_program("x = (20 - 5) * 3\ny = x\nanswer = y\n")
    path = defining_path(tree, "answer")
    assert path is not None
    assert print_tree(subtree_at(tree, path)).strip() == "(20 - 5) * 3"
