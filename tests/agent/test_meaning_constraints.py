"""Constraints compiled from the question's meaning (agent/meaning.py), decided by Z3 and sympy:
each construct of the fragment, uniqueness, contradiction, the certificate, and repair at the
subtree a violated constraint points to (the real agent with the shipped checkpoint)."""

from __future__ import annotations

import pytest
import sympy
from langgraph.runtime import Runtime
from meaning_checks import assert_construct_decides
from typer.testing import CliRunner

from agent import Agent, Status
from agent.checks import check_answer
from agent.cli import EXIT_BAD_INPUT, app
from agent.meaning import compile_meaning, decide
from agent.nodes import execute, repair, verify
from agent.state import AgentState, Execution, FailureKind
from graphmodel.generators import CHECKPOINT_DIR
from tasks.ace import EdgeKind, GraphEdge, GraphNode, NodeKind, SemanticGraph, parse_ace
from verifiers import Domain, consistency

LADDER_ACE = (
    "A ladder has a length of 13 feet. The ladder leans against a wall. The ladder reaches a height of 12 feet "
    "on the wall. What is the distance of the base of the ladder from the wall?"
)
LADDER_EN = "A 13 foot ladder leans against a wall and reaches 12 feet up the wall. How far is its base from the wall?"

# (ACE, the construct that must contribute, the right answer, a wrong one)
CONSTRUCTS = [
    ("A right triangle has a leg of 108 yards and a leg of 315 yards. What is the hypotenuse of the right triangle?",
     "right triangle", "333", "423"),
    ("A right triangle has a hypotenuse of 203 feet and a leg of 140 feet. What is the other leg of the right triangle?",
     "right triangle", "147", "63"),
    (LADDER_ACE, "leaning against a wall", "5", "1"),
    ("A ladder has a length of 145 meters. The ladder leans against a wall. The base of the ladder is 105 meters "
     "from the wall. What is the height of the ladder on the wall?", "leaning against a wall", "100", "40"),
    ("A rectangle has a length of 37 kilometers and a width of 10 kilometers. What is the perimeter of the "
     "rectangle?", "rectangle", "94", "370"),
    ("A square has a side of 30 inches. What is the area of the square?", "square", "900", "120"),
    ("A circle has a diameter of 4 meters. What is the circumference of the circle?", "circle", "4*pi", "8*pi"),
    ("A circle has a radius of 4 meters. What is the area of the circle?", "circle", "16*pi", "8*pi"),
    ("A triangle has a base of 20 kilometers and a height of 20 kilometers. What is the area of the triangle?",
     "triangle", "200", "400"),
    ("A box has a length of 14 inches. The box has a width of 20 inches. The box has a height of 18 inches. "
     "What is the volume of the box?", "box", "5040", "52"),
    ("A cube has a side of 32 inches. What is the volume of the cube?", "cube", "32768", "1024"),
    ("A sphere has a radius of 21 feet. What is the volume of the sphere?", "sphere", "12348*pi", "1764*pi"),
    ("A cylinder has a radius of 19 inches and a height of 19 inches. What is the volume of the cylinder?",
     "cylinder", "6859*pi", "361*pi"),
    ("The width of a rectangle is X. The length of the rectangle is Y. Y = X + 3. The area of the rectangle is "
     "648 square meters. What is the length of the rectangle?", "rectangle", "27", "24"),
    ("A car travels at a speed of 12 kilometers per hour. The car travels for 3 hours. How many kilometers does "
     "the car travel?", "rate x time", "36", "4"),
    ("Paul earns 32 dollars per hour. Paul earns 384 dollars. How many hours does Paul work?", "rate x time", "12", "416"),
    ("A boat travels 12 kilometers in 3 hours. What is the speed of the boat?", "rate x time", "4", "36"),
    ("Liam has 121 apples. Liam gives 37 apples to Nina. How many apples does Liam have?", "transfer", "84", "158"),
    ("Alice has 92 coins. Paul has 13 bottles. Paul gives 8 coins to Alice. How many coins does Alice have?",
     "transfer", "100", "84"),
    ("Paul has 39 stickers. Bob has 3 more stickers than Paul. How many stickers does Bob have?", "comparison", "42", "36"),
    ("Lucy has 60 stamps. Maya has 39 stamps. How many more stamps does Lucy have than Maya?", "comparison", "21", "99"),
    ("Nina has 19 coins. Emma has 45 coins. How many coins are there?", "sum of possessions", "64", "26"),
    ("A worker has a salary of 1900 dollars. The salary of the worker decreases by 25 percent. What is the new "
     "salary of the worker?", "percent change", "1425", "2375"),
    ("A desk has a price of 14 dollars. A shop gives a discount of 35 percent on the desk. What is the new price "
     "of the desk?", "percent change", "91/10", "49/10"),
    ("A jar has 100 coins. Paul takes a share of the coins. The share is 40 percent. How many coins does Paul take?",
     "share of a whole", "40", "60"),
    ("A test has 80 questions. Mary answers 47 questions. What is the percentage of the questions that Mary "
     "answers?", "percentage of a whole", "235/4", "47"),
    ("A package has a mass of 80 ounces. 1 pound is 16 ounces. How many pounds does the package weigh?",
     "unit conversion", "5", "1280"),
    ("A movie has a duration of 22 hours. 1 hour is 60 minutes. How many minutes does the movie last?",
     "unit conversion", "1320", "22"),
    ("An arithmetic sequence has 32 terms. The sequence has a first term of -4 and a difference of 1. What is "
     "the sum of the terms of the sequence?", "arithmetic sequence", "368", "27"),
    ("A geometric sequence has 7 terms. The sequence has a first term of 16 and a ratio of 4. What is the last "
     "term of the sequence?", "geometric sequence", "65536", "16384"),
    ("Omar deposits 2900 dollars in a bank. The bank pays a simple interest of 4 percent per year. Omar leaves "
     "the money in the bank for 9 years. How many dollars does Omar earn?", "simple interest", "1044", "3944"),
    ("Noah deposits 9000 dollars in a bank. The bank pays a compound interest of 2 percent per year. Noah leaves "
     "the money in the bank for 2 years. How many dollars does Noah have?", "compound interest", "46818/5", "9360"),
    ("There are 16 boxes. Every box has 9 marbles. How many marbles do the boxes have?", "equal groups", "144", "25"),
    ("There are 154 toys. Every basket has 11 toys. How many baskets are there?", "equal groups", "14", "1694"),
    ("Lucy has 11 shelves. Every shelf has 15 marbles. Lucy gives 10 marbles to Leo. How many marbles does Lucy "
     "have?", "equal groups", "155", "5"),
    ("16 tickets cost 320 dollars. How many dollars do 22 tickets cost?", "proportion", "440", "326"),
    ("A hose fills a tank in 19 hours. A leak empties the tank in 42 hours. The hose fills the tank and the leak "
     "empties the tank. How many hours does the hose need?", "work rates add", "798/23", "798/61"),
    ("Ivan paints a fence in 20 minutes. Sara paints the fence in 12 minutes. Ivan paints the fence with Sara. "
     "How many minutes does Ivan need?", "work rates add", "15/2", "16"),
    ("Alice shares 340 dollars with Leo. The share of Alice is 9 parts. The share of Leo is 8 parts. How many "
     "dollars does Leo get?", "shares in a ratio", "160", "180"),
    ("Grace has 30 toys. Grace shares the toys among 10 children. How many toys does every child get?",
     "equal sharing", "3", "300"),
    ("X = 470. Y = 14. What is the remainder of the division of X by Y?", "remainder of a division", "8", "33"),
]


def _decide(graph: SemanticGraph, answer: str, domain: Domain = Domain.nonnegative):
    return decide(compile_meaning(graph), sympy.sympify(answer), domain)


@pytest.mark.parametrize(("ace", "construct", "right", "wrong"), CONSTRUCTS, ids=[c[1] + ":" + c[2] for c in CONSTRUCTS])
def test_each_construct_pins_the_answer_down_and_refutes_a_wrong_one(ace, construct, right, wrong) -> None:
    proof = assert_construct_decides(ace, construct, right, wrong, Domain.nonnegative)
    assert proof.independent is not None, "these constructs determine the answer on their own"


def _relation(meaning, construct: str) -> sympy.Basic:
    [constraint] = [c for c in meaning.constraints if c.construct == construct]
    return constraint.relation


def test_the_right_triangle_is_pythagoras_over_the_two_legs_and_the_hypotenuse() -> None:
    meaning = compile_meaning(parse_ace(CONSTRUCTS[0][0]))
    leg, leg_2, hypotenuse = sympy.symbols("leg leg_2 hypotenuse")
    assert _relation(meaning, "right triangle") == sympy.Eq(leg**2 + leg_2**2, hypotenuse**2)
    assert meaning.unknown == hypotenuse
    facts = {c.relation for c in meaning.constraints if c.is_fact}
    assert facts == {sympy.Eq(leg, 108), sympy.Eq(leg_2, 315)}
    assert meaning.domains[hypotenuse] is Domain.positive


def test_a_transfer_is_before_minus_given_equals_after() -> None:
    meaning = compile_meaning(parse_ace(CONSTRUCTS[17][0]))
    before, after = sympy.symbols("apple_of_Liam apple_of_Liam_after_1")
    relations = [c.relation for c in meaning.constraints if c.construct == "transfer"]
    assert sympy.Eq(after, before - 37) in relations
    assert meaning.unknown == after


def test_a_rate_is_amount_equals_rate_times_time() -> None:
    meaning = compile_meaning(parse_ace(CONSTRUCTS[14][0]))
    kilometer = sympy.Symbol("kilometer")
    assert sympy.simplify(_relation(meaning, "rate x time").lhs - _relation(meaning, "rate x time").rhs) == kilometer - 36
    assert meaning.unknown == kilometer


def test_a_verb_the_compiler_does_not_read_leaves_the_possession_unconstrained() -> None:
    """`wash` is no construct: Liam's apples after it are not the 121 before, so neither 121 nor
    84 is verified or refuted (a missing rule lowers what is verified, never what is right)."""
    graph = parse_ace("Liam has 121 apples. Liam washes 37 apples. How many apples does Liam have?")
    meaning = compile_meaning(graph)
    assert any("'wash'" in note for note in meaning.notes), meaning.notes
    for answer in ("121", "84"):
        assert _decide(graph, answer).verdict == "none"


@pytest.mark.parametrize(("story", "right", "wrong"), [
    ("Liam has 121 apples. Liam eats 37 apples. How many apples does Liam have?", "84", "158"),
    ("Tom has 12 apples. Tom gives 5 apples to Sara. Tom buys 8 apples. How many apples does Tom have?", "15", "9"),
])
def test_a_learned_gain_or_loss_verb_changes_what_its_agent_has(story: str, right: str, wrong: str) -> None:
    """`eat` takes from Liam's apples, `buy` adds to Tom's: signs learned from the training
    stories (tasks/english/verb_polarity.json), read as before +- amount = after."""
    graph = parse_ace(story)
    rules = {c.construct for c in compile_meaning(graph).constraints}
    assert rules & {"gain", "loss"}, rules
    assert _decide(graph, right).verdict == "unique"
    assert _decide(graph, wrong).verdict == "violated"


def test_a_percent_of_a_number_is_that_share_of_it() -> None:
    graph = parse_ace("What is 15 percent of 80?")
    assert [c.construct for c in compile_meaning(graph).constraints] == ["percent of a whole"]
    assert _decide(graph, "12").verdict == "unique"
    assert _decide(graph, "1200").verdict == "violated"


def test_several_solutions_are_sat_not_unique_and_the_other_one_is_shown() -> None:
    graph = parse_ace("Mary gives 47 marbles to Rosa. How many marbles does Mary have?")
    proof = _decide(graph, "3")
    assert proof.verdict == "sat"
    assert proof.alternative is not None and proof.alternative != "3"


def _entity_has(nodes, edges, owner: int, count: str, unit_node: int, sentence: int) -> None:
    """Hand-made `<owner> has <count> apples.` in sentence `sentence`."""
    have = len(nodes)
    nodes.append(GraphNode(id=have, kind=NodeKind.RELATION, label="have", sentence=sentence))
    quantity = len(nodes)
    nodes.append(GraphNode(id=quantity, kind=NodeKind.QUANTITY, label=count, value=count, unit="apple",
                           sentence=sentence))
    edges += [GraphEdge(src=have, dst=owner, kind=EdgeKind.AGENT), GraphEdge(src=have, dst=quantity, kind=EdgeKind.OBJECT),
              GraphEdge(src=quantity, dst=unit_node, kind=EdgeKind.UNIT)]


def _apples_graph(counts: list[str]) -> SemanticGraph:
    """John has <c> apples (one sentence each). How many apples does John have? Built by hand."""
    nodes = [GraphNode(id=0, kind=NodeKind.ENTITY, label="John"), GraphNode(id=1, kind=NodeKind.UNIT, label="apple")]
    edges: list[GraphEdge] = []
    for sentence, count in enumerate(counts):
        _entity_has(nodes, edges, 0, count, 1, sentence)
    asked_sentence = len(counts)
    have, asked, query = len(nodes), len(nodes) + 1, len(nodes) + 2
    nodes += [GraphNode(id=have, kind=NodeKind.RELATION, label="have", sentence=asked_sentence),
              GraphNode(id=asked, kind=NodeKind.QUANTITY, label="?", unit="apple", sentence=asked_sentence),
              GraphNode(id=query, kind=NodeKind.QUERY, label="how many", sentence=asked_sentence)]
    edges += [GraphEdge(src=have, dst=0, kind=EdgeKind.AGENT), GraphEdge(src=have, dst=asked, kind=EdgeKind.OBJECT),
              GraphEdge(src=asked, dst=1, kind=EdgeKind.UNIT), GraphEdge(src=query, dst=asked, kind=EdgeKind.ASKS)]
    text = " ".join(f"John has {c} apples." for c in counts) + " How many apples does John have?"
    return SemanticGraph(text=text, nodes=nodes, edges=edges, query=query)


def test_uniqueness_on_a_hand_made_graph() -> None:
    graph = _apples_graph(["5"])
    proof = _decide(graph, "5", Domain.nonnegative_integer)
    assert (proof.verdict, proof.solver, proof.independent, proof.agrees) == ("unique", "z3", "5", True)
    assert _decide(graph, "6", Domain.nonnegative_integer).verdict == "violated"


def test_contradiction_on_a_hand_made_graph_names_the_two_facts() -> None:
    graph = _apples_graph(["5", "8"])
    proof = _decide(graph, "5", Domain.nonnegative_integer)
    assert proof.verdict == "unsat"
    assert proof.conflicting == ["John has 5 apples.", "John has 8 apples."]


def test_the_consistency_core_is_minimal() -> None:
    x, y = sympy.symbols("x y")
    result = consistency([sympy.Eq(y, 2), sympy.Eq(x, 5), sympy.Eq(x + y, 7), sympy.Eq(x, 8)])
    assert result.status.value == "failed"
    assert result.evidence["core"] in ([1, 3], [0, 2, 3])
    assert consistency([sympy.Eq(x, 5), sympy.Ge(x, 0)]).status.value == "passed"


def test_check_answer_verifies_the_ladder_with_pythagoras_and_uniqueness_in_the_certificate() -> None:
    verdict, failure = check_answer("5", parse_ace(LADDER_ACE), "int")
    assert failure is None and verdict.verified
    assert "5**2 + 12**2 = 13**2" in verdict.certificate
    assert "no other distance" in verdict.certificate
    assert verdict.proof is not None and verdict.proof["verdict"] == "unique"
    assert verdict.proof["independent"] == "5"
    wrong, failure = check_answer("1", parse_ace(LADDER_ACE), "int")
    assert not wrong.passed and failure is not None and failure.kind is FailureKind.constraint
    assert failure.variable == "answer"


def test_check_answer_reports_a_contradiction_as_the_question_s_fault() -> None:
    graph = parse_ace("John has 5 apples. John has 8 apples. How many apples does John have?")
    verdict, failure = check_answer("5", graph, "int")
    assert not verdict.verified and failure is not None and failure.kind is FailureKind.contradiction
    assert "'John has 5 apples.'" in failure.message and "'John has 8 apples.'" in failure.message


needs_checkpoint = pytest.mark.skipif(not (CHECKPOINT_DIR / "graph.pt").is_file(), reason="no shipped graph checkpoint")


@pytest.fixture(scope="module")
def agent() -> Agent:
    return Agent()


@needs_checkpoint
def test_the_agent_verifies_the_ladder_question(agent: Agent) -> None:
    solution = agent.solve(LADDER_EN)
    assert solution.status is Status.verified and solution.answer == "5"
    assert "5**2 + 12**2 = 13**2" in solution.certificate
    assert solution.verdict is not None and solution.verdict.proof["verdict"] == "unique"


@needs_checkpoint
def test_a_self_contradicting_question_is_rejected_with_exit_code_2_naming_the_facts() -> None:
    result = CliRunner().invoke(app, ["solve", "John has 5 apples. John has 8 apples. How many apples does John have?"])
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert "John has 5 apples." in result.output and "John has 8 apples." in result.output


@needs_checkpoint
def test_a_violated_constraint_is_repaired_at_the_subtree_that_computes_the_answer(agent: Agent) -> None:
    """A program that subtracts the sides: verify refutes 1 (1² + 12² != 13²), repair cuts out
    `length - height` (answer = distance leads to it) and the shipped model infills it."""
    wrong = "from sympy import sqrt\nlength = 13\nheight = 12\ndistance = length - height\nanswer = distance\n"
    graph = parse_ace(LADDER_ACE)
    state = AgentState(text=LADDER_ACE, ace=LADDER_ACE, semantic_graph=graph.model_dump(mode="json"), program=wrong,
                       tried=[wrong], execution=Execution(status="ok", answer="1", answer_type="int"))
    checked = verify(state)
    assert checked["failure"].kind is FailureKind.constraint
    assert "13**2" in checked["failure"].message
    state = state.model_copy(update={"failure": checked["failure"], "verdict": checked["verdict"]})
    runtime = Runtime(context=agent.context())
    repaired = repair(state, runtime)
    [record] = repaired["repairs"]
    assert record.strategy.value == "subtree" and record.removed == "length - height", record
    assert record.path is not None and record.node_type == "binary_operator"
    state = state.model_copy(update={k: v for k, v in repaired.items() if k != "trace"})
    ran = execute(state, runtime)
    state = state.model_copy(update={k: v for k, v in ran.items() if k != "trace"})
    rechecked = verify(state)
    assert rechecked["failure"] is None and rechecked["verdict"].verified, rechecked["verdict"].certificate
    assert rechecked["repairs"][-1].fixed is True


def test_no_right_answer_of_the_test_suite_is_refuted_or_called_a_contradiction() -> None:
    """Soundness on real questions: each ninth problem of test.jsonl, decided at its expected
    answer from its canonical ACE, is never violated, unsat, or disagreed with."""
    import json
    from pathlib import Path

    from agent.checks import _target_domain
    from agent.constraints import derive
    from verifiers import parse_answer

    suite = Path(__file__).parents[2] / "tasks" / "suites" / "test.jsonl"
    rows = [json.loads(line) for line in suite.read_text().splitlines()][::9]
    unique = 0
    for row in rows:
        graph = parse_ace(row["ace"])
        value = parse_answer(row["answer"])
        if not (isinstance(value, sympy.Expr) and value.is_number):
            continue
        proof = decide(compile_meaning(graph), value, _target_domain(derive(graph)))
        assert proof.verdict not in ("violated", "unsat") and proof.agrees is not False, (row["id"], proof)
        unique += proof.verdict == "unique"
    assert unique >= len(rows) // 2, f"only {unique} of {len(rows)} decided"
