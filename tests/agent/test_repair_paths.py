"""From a failure's source span to the subtree the agent cuts out and has infilled."""

from __future__ import annotations

from agent.repair import exception_path, path_for_span, repair_unit, variable_path, widen
from agent.state import Failure, FailureKind
from graphmodel.trees import parse_program, print_tree, subtree_at
from verifiers import run_program

PROGRAM = "length = 13\nheight = 12\nbase = (length ** 2 - hieght ** 2) ** 0.5\nanswer = base\n"


def source_at(tree, path) -> str:
    return print_tree(subtree_at(tree, path)).strip()


def failure_of(program: str) -> Failure:
    """The failure the sandbox really reports for `program`."""
    exc = run_program(program).exception
    assert exc is not None, f"{program!r} was expected to raise"
    return Failure(kind=FailureKind.exception, message=exc.message, line=exc.line, column=exc.column,
                   end_line=exc.end_line, end_column=exc.end_column)


def test_a_name_error_maps_to_the_misspelt_identifier() -> None:
    tree = parse_program(PROGRAM)
    path = exception_path(tree, PROGRAM, failure_of(PROGRAM))
    assert path is not None
    assert source_at(tree, path) == "hieght", f"path {path}"


def test_a_zero_division_maps_to_its_expression() -> None:
    program = "a = 4\nb = 0\nanswer = a / b + 1\n"
    tree = parse_program(program)
    path = exception_path(tree, program, failure_of(program))
    assert path is not None
    assert source_at(tree, path) == "a / b"


def test_a_line_without_a_column_maps_to_the_right_hand_side() -> None:
    tree = parse_program(PROGRAM)
    failure = Failure(kind=FailureKind.exception, message="NameError", line=3)
    path = exception_path(tree, PROGRAM, failure)
    assert path is not None
    assert source_at(tree, path) == "(length ** 2 - hieght ** 2) ** 0.5"


def test_an_operator_token_lifts_to_its_expression() -> None:
    tree = parse_program("answer = 1 / 0\n")
    unit = repair_unit(tree, path_for_span(tree, (0, 11), (0, 12)))  # the `/` token
    assert unit is not None
    assert source_at(tree, unit) == "1 / 0"


def test_an_assignment_target_lifts_to_its_value() -> None:
    tree = parse_program(PROGRAM)
    unit = repair_unit(tree, path_for_span(tree, (1, 0), (1, 6)))  # `height` on the left
    assert unit is not None
    assert source_at(tree, unit) == "12"


def test_the_module_itself_is_never_cut() -> None:
    assert repair_unit(parse_program(PROGRAM), ()) is None


def test_a_variable_maps_to_its_last_binding_through_renames() -> None:
    program = "x = 1\nx = (20 - 5) * 3\ny = x\nanswer = y\n"
    tree = parse_program(program)
    path = variable_path(tree, program, "answer")
    assert path is not None
    assert source_at(tree, path) == "(20 - 5) * 3"
    assert variable_path(tree, program, "missing") is None


def test_widen_climbs_one_expression_level_per_round_and_stops_at_the_statement() -> None:
    tree = parse_program(PROGRAM)
    leaf = exception_path(tree, PROGRAM, failure_of(PROGRAM))
    assert leaf is not None
    once = widen(tree, leaf, 1)
    assert once is not None and source_at(tree, once) == "hieght ** 2"
    assert widen(tree, leaf, 10) is None, "widening past the right-hand side leaves no hole"


def test_an_import_of_a_missing_name_maps_to_that_name() -> None:
    program = "from sympy import sympy, sqrt\nanswer = sqrt(4)\n"
    tree = parse_program(program)
    path = exception_path(tree, program, failure_of(program))
    assert path is not None and source_at(tree, path) == "sympy"
    assert subtree_at(tree, path).field == "name"


def test_a_sympy_name_used_without_import_maps_to_the_import() -> None:
    program = "from sympy import Rational\nlength = 13\nanswer = sqrt(length ** 2 - 12 ** 2)\n"
    tree = parse_program(program)
    path = exception_path(tree, program, failure_of(program))
    assert path == (0,), "the import statement is where `sqrt` is missing"


def test_a_misspelt_own_name_is_not_an_import_problem() -> None:
    program = "from sympy import sqrt\nsolve_me = 3\nanswer = solv_me + 1\n"
    tree = parse_program(program)
    path = exception_path(tree, program, failure_of(program))
    assert path is not None and source_at(tree, path) == "solv_me"


def test_undefined_names_are_found_without_running() -> None:
    from agent.repair import undefined_names

    assert undefined_names(parse_program("rate = 4\ninterest = 2900 * rate * years\nanswer = interest\n")) == ["years"]
    assert undefined_names(parse_program("x += 1\nanswer = x\n")) == ["x"]
    clean = "from sympy import sqrt\ntotal = 0\nfor i in range(3):\n    total += i\nanswer = [sqrt(j) for j in range(total)]\n"
    assert undefined_names(parse_program(clean)) == []


def test_a_value_bound_twice_before_any_read_is_a_dead_store() -> None:
    from agent.repair import dead_stores

    tree = parse_program("apples = 4\napples = 7\nanswer = apples * pears\n")
    assert [source_at(tree, p) for p in dead_stores(tree)] == ["apples"]
    assert dead_stores(parse_program("a, a = 1, 2\nanswer = a\n")) == [(0, 0, 0, 0)], "one target list"
    assert dead_stores(parse_program("a = 1\na += 2\na = 5\nanswer = a\n")) == [], "an augmented assignment reads"


def test_an_unbound_name_maps_to_the_thrown_away_binding() -> None:
    program = "pears = 4\npears = 7\nanswer = apples + pears\n"
    tree = parse_program(program)
    path = exception_path(tree, program, failure_of(program))
    assert path == (0, 0, 0), "the first `pears` was meant to bind `apples`"


def test_repair_runs_the_grounded_program_before_a_slightly_likelier_ungrounded_one() -> None:
    from agent.nodes import next_to_run
    from tasks.ace import parse_ace

    graph = parse_ace("A box has 12 pens. A pen costs 3 dollars. How many dollars do the pens cost?")
    programs = [("answer = 3 * 4\n", -1.0), ("answer = 3 * 12\n", -1.5), ("answer = 12 + 3\n", -2.0)]
    assert next_to_run(graph, programs) == 1
    assert next_to_run(graph, [programs[0], ("answer = 3 * 12\n", -9.0)]) == 0, "a prior, not a filter"
