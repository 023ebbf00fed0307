"""From an exception's place, or a variable, to the subtree to repair."""

from __future__ import annotations

import pytest

from verifiers import ExecStatus, definitions, localize_exception, localize_variable

PROGRAM = """\
from sympy import Rational, sqrt
length = 13
height = 12
base = sqrt(length**2 - height**2)
ratio = length % (height - 12)
for i in range(count):
    base += 1
a, b = 1, 2
answer = ratio
"""


def test_exception_column_range_gives_the_failing_expression():
    span = localize_exception(PROGRAM, line=5, column=8, end_line=5, end_column=30)
    assert span.node_type == "binary_operator" and span.text == "length % (height - 12)"
    assert span.start == (4, 8) and span.end == (4, 30)


def test_failing_name_is_widened_to_its_call():
    span = localize_exception("x = 1\ny = foo(x) + 1\n", line=2, column=4, end_column=7)
    assert span.node_type == "call" and span.text == "foo(x)"


def test_line_only_gives_the_assignment():
    span = localize_exception(PROGRAM, line=4)
    assert span.node_type == "assignment" and span.text.startswith("base = sqrt(")


def test_failing_for_header_gives_its_iterable():
    span = localize_exception(PROGRAM, line=6)
    assert span.node_type == "call" and span.text == "range(count)"


def test_line_outside_the_program_is_none():
    assert localize_exception(PROGRAM, line=99) is None


def test_variable_maps_to_its_last_assignment():
    span = localize_variable(PROGRAM, "base")
    assert span.node_type == "augmented_assignment" and span.text == "base += 1"
    spans = definitions(PROGRAM, "base")
    assert [(s.node_type, s.start[0]) for s in spans] == [("assignment", 3),
                                                          ("augmented_assignment", 6)]


def test_unpacked_and_loop_variables():
    assert localize_variable(PROGRAM, "b").text == "a, b = 1, 2"
    assert localize_variable(PROGRAM, "i").node_type == "for_statement"
    assert localize_variable(PROGRAM, "missing") is None


def test_non_ascii_columns_are_bytes():
    source = "note = 'é'\nanswer = 1 / 0\n"
    span = localize_exception(source, line=2, column=9, end_column=14)
    assert span.text == "1 / 0"


def test_localizes_what_the_sandbox_reports(run_checked):
    result = run_checked(PROGRAM.replace("range(count)", "range(2)"))
    assert result.status is ExecStatus.error and result.exception.type == "ZeroDivisionError"
    exc = result.exception
    span = localize_exception(PROGRAM.replace("range(count)", "range(2)"), exc.line,
                              exc.column, exc.end_line, exc.end_column)
    assert span.text == "length % (height - 12)", span


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="program source text"):
        localize_variable(b"x = 1", "x")  # type: ignore[arg-type]


def test_column_on_a_compound_keyword_gives_its_header():
    span = localize_exception(PROGRAM, line=6, column=0)
    assert span.text == "range(count)"


@pytest.mark.parametrize("line", [0, -1, 99])
def test_lines_outside_are_none(line):
    assert localize_exception(PROGRAM, line=line, column=0) is None
