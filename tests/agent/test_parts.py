"""Solving by parts: the split of a semantic graph, the composition of two programs, and a
two-step question solved end to end with the shipped generator and the real sandbox."""

from __future__ import annotations

import ast

import pytest

from agent import Agent, Status
from agent.parts_compose import CompositionError, compose
from agent.parts_split import find_split, stated_value
from graphmodel.generators import CHECKPOINT_DIR, load_generator
from tasks.ace import SemanticGraph, parse_ace
from tasks.ace.graph import EdgeKind, GraphEdge, GraphNode, NodeKind
from verifiers import run_program

E, A, Q, U, R, QU = NodeKind.ENTITY, NodeKind.ATTRIBUTE, NodeKind.QUANTITY, NodeKind.UNIT, NodeKind.RELATION, NodeKind.QUERY


def _graph(nodes: list[tuple], edges: list[tuple], text: str = "hand-built") -> SemanticGraph:
    built = [GraphNode(id=i, kind=k, label=label, value=value, unit=unit, sentence=s)
             for i, (k, label, value, unit, s) in enumerate(nodes)]
    query = next(i for i, n in enumerate(built) if n.kind is QU)
    return SemanticGraph(text=text, nodes=built, edges=[GraphEdge(src=a, dst=b, kind=k) for a, b, k in edges],
                         query=query)


def _shape(graph: SemanticGraph) -> tuple[list[tuple], set[tuple]]:
    nodes = [(n.kind, n.label, n.value, n.unit, n.sentence) for n in graph.nodes]
    return nodes, {(e.src, e.dst, e.kind, e.label) for e in graph.edges}


# A triangle has a base of 40 meters and a height of 20 meters. A share of the area of the
# triangle is 40 percent. What is the share?   (written by hand, node by node)
SHARE_OF_AREA = _graph(
    [(E, "triangle", None, None, 0), (R, "have", None, None, 0), (Q, "40", "40", "meter", 0), (U, "meter", None, None, 0),
     (A, "base", None, None, 0), (Q, "20", "20", "meter", 0), (A, "height", None, None, 0),
     (A, "area", None, None, 1), (A, "share", None, None, 1), (Q, "40", "40", "percent", 1),
     (U, "percent", None, None, 1), (QU, "what", None, None, 2)],
    [(1, 0, EdgeKind.AGENT), (2, 3, EdgeKind.UNIT), (4, 2, EdgeKind.VALUE), (1, 4, EdgeKind.OBJECT),
     (5, 3, EdgeKind.UNIT), (6, 5, EdgeKind.VALUE), (1, 6, EdgeKind.OBJECT), (7, 0, EdgeKind.OF),
     (8, 7, EdgeKind.OF), (9, 10, EdgeKind.UNIT), (8, 9, EdgeKind.VALUE), (11, 8, EdgeKind.ASKS)],
)


def test_an_attribute_defined_by_its_owners_facts_and_used_by_another_is_split_out() -> None:
    split = find_split(SHARE_OF_AREA)
    assert split is not None and split.kind == "attribute" and split.name == "area"
    (first,) = split.first
    nodes, edges = _shape(first)
    assert [(k, label) for k, label, *_ in nodes] == [
        (E, "triangle"), (R, "have"), (Q, "40"), (U, "meter"), (A, "base"), (Q, "20"), (A, "height"),
        (A, "area"), (QU, "what")]
    assert (7, 0, EdgeKind.OF, None) in edges and (8, 7, EdgeKind.ASKS, None) in edges
    assert first.nodes[first.query].kind is QU and first.nodes[7].sentence == 1
    rest = split.rest("400")
    assert rest is not None
    nodes, edges = _shape(rest)
    assert [(k, label, value, unit) for k, label, value, unit, _ in nodes] == [
        (E, "triangle", None, None), (R, "have", None, None), (Q, "400", "400", "meter^2"), (U, "meter^2", None, None),
        (A, "area", None, None), (A, "area", None, None), (A, "share", None, None), (Q, "40", "40", "percent"),
        (U, "percent", None, None), (QU, "what", None, None)]
    assert {(4, 2, EdgeKind.VALUE, None), (5, 0, EdgeKind.OF, None), (6, 5, EdgeKind.OF, None)} <= edges
    assert [n.sentence for n in rest.nodes] == [0, 0, 0, 0, 0, 1, 1, 1, 1, 2]


def test_the_parts_are_the_graphs_the_parser_builds_for_the_sub_questions() -> None:
    whole = parse_ace("A triangle has a base of 40 meters and a height of 20 meters. "
                      "A share of the area of the triangle is 40 percent. What is the share?")
    assert _shape(whole) == _shape(SHARE_OF_AREA)
    split = find_split(whole)
    assert split is not None
    asked = parse_ace("A triangle has a base of 40 meters and a height of 20 meters. What is the area of the triangle?")
    given = parse_ace("A triangle has an area of 400 square meters. A share of the area of the triangle is 40 percent. "
                      "What is the share?")
    assert _shape(split.first[0]) == _shape(asked)
    rest = split.rest("400")
    assert rest is not None and _shape(rest) == _shape(given)


def test_an_answer_asked_in_a_converted_unit_is_asked_first_in_the_facts_unit() -> None:
    whole = parse_ace("A box has a length of 65 centimeters. The box has a width of 18 centimeters. The box has a "
                      "height of 6 centimeters. 1 liter is 1000 cubic centimeters. How many liters does the box hold?")
    split = find_split(whole)
    assert split is not None and split.kind == "conversion" and split.name == "volume"
    facts = ("A box has a length of 65 centimeters. The box has a width of 18 centimeters. "
             "The box has a height of 6 centimeters. ")
    in_unit = parse_ace(facts + "How many cubic centimeters does the box hold?")
    measure = parse_ace(facts + "What is the volume of the box?")
    assert [_shape(g) for g in split.first] == [_shape(in_unit), _shape(measure)]
    rest = split.rest("7020")
    expected = parse_ace("A box has a volume of 7020 cubic centimeters. 1 liter is 1000 cubic centimeters. "
                         "How many liters does the box hold?")
    assert rest is not None and _shape(rest) == _shape(expected)
    assert find_split(rest) is None  # the rest converts a stated measure: a single step


@pytest.mark.parametrize("text", [
    "A triangle has a base of 21 feet and a height of 7 feet. What is the area of the triangle?",
    "A tile has an area of 80000 square centimeters. 1 square meter is 10000 square centimeters. "
    "How many square meters does the tile cover?",
    "A ticket has a price of 430 dollars. The price of the ticket increases by 40 percent. "
    "What is the new price of the ticket?",
    "A jar has 200 beads. Nina takes a share of the beads. The share is 90 percent. How many beads does Nina take?",
    "A cyclist travels 82 kilometers in 48 minutes. 1 hour is 60 minutes. What is the speed of the cyclist?",
])
def test_a_single_step_question_is_not_split(text: str) -> None:
    assert find_split(parse_ace(text)) is None


def test_an_intermediate_no_sentence_can_state_leaves_the_question_whole() -> None:
    split = find_split(SHARE_OF_AREA)
    assert split is not None
    assert split.rest("sqrt(13)") is None
    assert stated_value("8/5") == "8/5" and stated_value("7020") == "7020" and stated_value("15.5") == "31/2"


FIRST = "from sympy import Rational\nbase = 40\nheight = 10\narea = Rational(base * height, 2)\nanswer = area\n"
SECOND = "from sympy import Rational, pi\narea = 200\npercent = 25\npart = area * Rational(percent, 100)\nanswer = part\n"


def test_composition_binds_the_intermediate_under_the_graphs_name_and_runs() -> None:
    program = compose(FIRST, SECOND, "area", "200")
    assert program.splitlines() == [
        "from sympy import Rational, pi", "base = 40", "height = 10", "area = Rational(base * height, 2)",
        "percent = 25", "part = area * Rational(percent, 100)", "answer = part"]
    result = run_program(program)
    assert result.exception is None and result.answer == "50"


@pytest.mark.parametrize(("second", "reads"), [
    ("from sympy import Rational\nduration = Rational('8/5')\nconverted = duration * 60\nanswer = converted\n",
     "duration = time"),
    ("total = 8/5 * 60\nanswer = total\n", "total = duration * 60"),
    ("x = Rational(8, 5)\nfor i in range(2):\n    x = x + 1\nanswer = x\n", "x = duration"),
])
def test_the_second_part_reads_the_intermediate_wherever_it_wrote_its_value(second: str, reads: str) -> None:
    first = "from sympy import Rational\nrate = Rational(5, 8)\ntime = 1 / rate\nanswer = time\n"
    program = compose(first, second, "duration", "8/5")
    assert reads in program.splitlines()
    ast.parse(program)
    assert "8/5" not in program and "Rational(8, 5)" not in program


def test_a_name_the_second_part_uses_otherwise_is_not_overwritten() -> None:
    second = "area = 12\nshare = 200\nanswer = share - area\n"
    program = compose(FIRST, second, "area", "200")
    assert "area_2 = area" in program.splitlines() and "share = area_2" in program.splitlines()
    assert run_program(program).answer == str(200 - 12)


@pytest.mark.parametrize(("first", "second", "why"), [
    ("base = 40\n", SECOND, "does not end with `answer = ...`"),
    (FIRST, "percent = 25\nanswer = percent\n", "never writes the intermediate 200"),
    (FIRST, "answer = (\n", "the second part is not Python"),
])
def test_parts_that_cannot_be_joined_are_refused_with_the_reason(first: str, second: str, why: str) -> None:
    with pytest.raises(CompositionError, match=why.replace("(", r"\(").replace(")", r"\)")):
        compose(first, second, "area", "200")


needs_graph = pytest.mark.skipif(not (CHECKPOINT_DIR / "graph.pt").is_file(), reason="no shipped graph checkpoint")


@pytest.fixture(scope="module")
def graph_generator():
    return load_generator("graph")


@needs_graph
def test_a_two_step_question_is_solved_by_parts_end_to_end(graph_generator) -> None:
    base, height, pct = 40, 10, 25
    text = f"What is {pct} percent of the area of a triangle with base {base} m and height {height} m?"
    solution = Agent(generator=graph_generator, parts=True).solve(text)
    assert solution.status in (Status.verified, Status.answered)
    assert solution.answer == str(base * height * pct // 200)
    parts = [step for step in solution.trace if step.node == "parts"]
    assert [step.ok for step in parts] == [True, True, True]
    assert "area of the triangle, from its facts" in parts[0].input and "answer=200" in parts[0].output
    assert "with the area of the triangle given" in parts[1].input
    assert "generate" not in [step.node for step in solution.trace]  # nothing solved whole
    lines = (solution.program or "").splitlines()
    assert lines.index(f"base = {base}") < next(i for i, x in enumerate(lines) if x.startswith("area = ")) \
        < next(i for i, x in enumerate(lines) if "area *" in x or "* area" in x)
    assert not any(line.endswith("= 200") for line in lines)  # the intermediate is read by name, not copied
    assert run_program(solution.program or "").answer == solution.answer


@needs_graph
def test_a_question_with_no_chain_is_solved_whole_with_parts_on(graph_generator) -> None:
    text = "A triangle has a base of 21 feet and a height of 7 feet. What is the area of the triangle?"
    with_parts = Agent(generator=graph_generator, parts=True).solve(text)
    without = Agent(generator=graph_generator).solve(text)
    nodes = [step.node for step in with_parts.trace]
    assert nodes[:4] == ["rewrite", "parse", "parts", "generate"]
    assert with_parts.answer == without.answer and with_parts.program == without.program


def test_with_parts_the_parsed_graph_goes_to_parts_and_then_to_declare_or_generate() -> None:
    from agent.graph import build_graph
    from agent.part_graph import build_part_graph

    drawn = build_graph(parts=True).get_graph()
    edges = {(e.source, e.target) for e in drawn.edges}
    assert {("parse", "parts"), ("parts", "generate"), ("parts", "declare")} <= edges
    assert ("parse", "generate") not in edges
    plain = {(e.source, e.target) for e in build_graph().get_graph().edges}
    assert ("parse", "generate") in plain and not any("parts" in edge for edge in plain)
    part = {(e.source, e.target) for e in build_part_graph().get_graph().edges}
    assert ("__start__", "generate") in part and not any({"rewrite", "parse", "declare"} & set(e) for e in part)


def test_a_failing_part_is_repaired_alone_and_the_other_part_is_kept() -> None:
    """The chat model writes both parts; the second raises, and only its failing subtree is
    infilled (one more call): the first part's program is composed as it was written."""
    from agent_fakes import fenced, scripted

    first = "from sympy import Rational\nbase = 40\nheight = 10\narea = Rational(base * height, 2)\nanswer = area\n"
    broken = "from sympy import Rational\narea = 200\npercent = 25\npart = area * Rational(percent, 100) / scale\nanswer = part\n"
    llm = scripted(fenced(first), fenced(broken), "1", "never asked")
    text = "What is 25 percent of the area of a triangle with base 40 m and height 10 m?"
    solution = Agent(generator="llm", llm=llm, parts=True, infill_k=1).solve(text)
    assert solution.answer == "50" and llm.i == 3  # two parts and one infill: nothing regenerated
    parts = [step for step in solution.trace if step.node == "parts"]
    assert "after 1 repair round(s)" in parts[1].output and "repair round" not in parts[0].output
    lines = (solution.program or "").splitlines()
    assert lines[:4] == first.splitlines()[:4] and "part = area * Rational(percent, 100) / 1" in lines


@pytest.mark.parametrize("flag", [True, False])
def test_ladder_eval_records_parts_in_the_runs_agent_settings(tmp_path, flag: bool) -> None:
    import json

    from typer.testing import CliRunner

    from evals.cli import app

    suite = tmp_path / "one.jsonl"
    suite.write_text(json.dumps({"id": "adds", "prompt": "What is 2 + 3?", "answer": "5", "answer_kind": "integer",
                                 "split": "test", "family": "f", "program": "answer = 2 + 3\n"}) + "\n")
    args = ["eval", str(suite), "--solver", "reference", "--generator", "reference", "--out", str(tmp_path / "run")]
    result = CliRunner().invoke(app, [*args, *(["--parts"] if flag else [])])
    assert result.exit_code == 0, result.output
    spec = json.loads((tmp_path / "run" / "run.json").read_text())
    found = [v for k, v in _walk(spec) if k == "parts"]
    assert found == [flag], spec


def _walk(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, key)
    else:
        yield key, value
