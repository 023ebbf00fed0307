"""The compiled state machine end to end: both modes, repair, error paths, wiring snapshot."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from agent_fakes import LADDER, LADDER_PROGRAM, fenced, scripted

from agent import Agent, AgentError, Status
from agent.graph import build_graph
from agent.state import RepairStrategy
from verifiers import CheckStatus

SNAPSHOT = Path(__file__).parent / "snapshots" / "graph.mmd"
BROKEN_LADDER = LADDER_PROGRAM.replace("height**2", "hieght**2")


def nodes_of(solution) -> list[str]:
    return [step.node for step in solution.trace]


def test_wiring_matches_the_snapshot() -> None:
    drawn = build_graph().get_graph().draw_mermaid()
    assert drawn == SNAPSHOT.read_text(), "the graph's wiring changed: review it, then update the snapshot"


def test_tool_mode_solves_the_ladder(ladder_llm) -> None:
    solution = Agent(generator="llm", llm=ladder_llm).solve(LADDER)
    assert solution.answer == "5", solution.trace
    assert solution.status is Status.verified, "5**2 + 12**2 = 13**2 and no other distance: the constraints decide"
    assert nodes_of(solution) == ["rewrite", "parse", "generate", "select", "answer"]
    assert solution.execution is not None and solution.execution.status == "ok"
    names = {c.name: c.status for c in solution.verdict.checks}
    assert any(n.startswith("sign:") and s is CheckStatus.passed for n, s in names.items()), names


def test_structural_mode_reduces_without_executing(ladder_llm) -> None:
    solution = Agent(generator="llm", llm=ladder_llm, mode="structural").solve(LADDER)
    assert solution.answer == "5"
    assert nodes_of(solution) == ["rewrite", "parse", "generate", "reduce", "verify", "answer"]
    assert "execute" not in nodes_of(solution)


def test_structural_mode_gives_no_answer_for_an_irreducible_tree() -> None:
    loop = "n = 0\nwhile n < 5:\n    n += 1\nanswer = n\n"
    solution = Agent(generator="llm", llm=scripted(fenced(loop)), mode="structural").solve(LADDER)
    assert solution.answer is None
    assert solution.status is Status.no_answer
    assert "while_statement" in (solution.execution.exception or ""), solution.execution
    assert solution.repairs == [], "structural mode gets no feedback, so no repair"


def test_a_broken_subtree_is_repaired_by_infill() -> None:
    llm = scripted(fenced(BROKEN_LADDER), fenced("height"))
    solution = Agent(generator="llm", llm=llm, infill_k=1).solve(LADDER)
    assert solution.answer == "5", solution.trace
    assert len(solution.repairs) == 1
    repair = solution.repairs[0]
    assert repair.strategy is RepairStrategy.subtree
    assert (repair.removed, repair.replacement, repair.node_type) == ("hieght", "height", "identifier")
    assert repair.fixed is True
    assert "NameError" in repair.reason
    assert nodes_of(solution) == [
        "rewrite", "parse", "generate", "select", "repair", "execute", "verify", "answer"
    ]


def test_regenerate_replaces_the_whole_program() -> None:
    llm = scripted(fenced(BROKEN_LADDER), fenced(LADDER_PROGRAM))
    solution = Agent(generator="llm", llm=llm, repair="regenerate", max_repairs=1).solve(LADDER)
    assert solution.answer == "5", solution.trace
    [repair] = solution.repairs
    assert repair.strategy is RepairStrategy.regenerate
    assert repair.path is None and repair.replacement == LADDER_PROGRAM


def test_repairs_are_bounded_and_end_without_an_answer() -> None:
    llm = scripted(fenced("answer = 1 / 0\n"), fenced("1 / 0"), fenced("0 / 0"))
    solution = Agent(generator="llm", llm=llm, max_repairs=2, infill_k=1, declarative=False).solve(LADDER)
    assert solution.answer is None
    assert solution.status is Status.no_answer
    assert 1 <= len(solution.repairs) <= 2
    assert all(r.fixed is False for r in solution.repairs)


def test_a_wrong_answer_is_never_reported_verified() -> None:
    question = "Calculate the number X such that 3 * X + 5 = 20."
    wrong = "answer = 6\n"
    solution = Agent(generator="llm", llm=scripted(fenced(wrong)), max_repairs=0).solve(question)
    assert solution.answer is None
    assert solution.status is Status.no_answer
    failed = [c for c in solution.verdict.checks if c.status is CheckStatus.failed]
    assert failed and "X = 5" in failed[0].detail, solution.verdict


def test_an_answer_pinned_by_the_formulas_is_verified() -> None:
    question = "Calculate the number X such that 3 * X + 5 = 20."
    program = "from sympy import symbols, Eq, solve\nx = symbols('x')\nanswer = solve(Eq(3 * x + 5, 20), x)[0]\n"
    solution = Agent(generator="llm", llm=scripted(fenced(program))).solve(question)
    assert solution.answer == "5"
    assert solution.status is Status.verified
    assert "only solution" in solution.certificate


def test_a_failed_check_is_repaired_at_the_answer() -> None:
    question = "Calculate the number X such that 3 * X + 5 = 20."
    llm = scripted(fenced("x = (20 - 5) * 3\nanswer = x\n"), fenced("(20 - 5) / 3"))
    solution = Agent(generator="llm", llm=llm, infill_k=1).solve(question)
    assert solution.answer == "5", solution.trace
    assert solution.repairs[0].removed == "(20 - 5) * 3", solution.repairs
    assert solution.status is Status.verified


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("What is 2 + 2? " * 400, "characters"),
        ("\x00\x01binary\x7f", "binary"),
        ("colorless green ideas sleep furiously", "controlled English"),
    ],
)
def test_input_it_cannot_handle_is_rejected_with_a_reason(ladder_llm, text: str, says: str) -> None:
    solution = Agent(generator="llm", llm=ladder_llm).solve(text)
    assert solution.status is Status.rejected
    assert solution.answer is None
    assert says in (solution.error or ""), solution.error
    assert nodes_of(solution)[-1] == "answer"


def test_running_out_of_steps_ends_with_a_solution() -> None:
    llm = scripted(fenced("answer = 1 / 0\n"), fenced("2 / 0"))
    solution = Agent(generator="llm", llm=llm, max_repairs=5, infill_k=1, declarative=False).solve(LADDER, recursion_limit=8)
    assert solution.status is Status.step_limit, nodes_of(solution)
    assert solution.answer is None


def test_a_generator_failure_is_a_result() -> None:
    solution = Agent(generator="llm", llm=scripted("I cannot write code."), declarative=False).solve(LADDER)
    assert solution.status is Status.no_answer
    assert any("generator 'llm' failed" in step.output for step in solution.trace)


def test_stream_yields_each_node_in_order(ladder_llm) -> None:
    events = list(Agent(generator="llm", llm=ladder_llm).stream(LADDER))
    assert [e.node for e in events] == ["rewrite", "parse", "generate", "select", "declare", "answer"]
    assert events[-1].update["answer"] == "5"


def test_sqlite_checkpointer_keeps_the_run(tmp_path: Path, ladder_llm) -> None:
    db = tmp_path / "runs.sqlite"
    agent = Agent(generator="llm", llm=ladder_llm, checkpointer=f"sqlite:{db}")
    solution = agent.solve(LADDER, thread_id="ladder-1")
    assert solution.answer == "5"
    saved = agent.graph.get_state({"configurable": {"thread_id": "ladder-1"}}).values
    assert saved["answer"] == "5"
    with sqlite3.connect(db) as conn:
        (rows,) = conn.execute("select count(*) from checkpoints where thread_id = 'ladder-1'").fetchone()
    assert rows >= 6, "one checkpoint per step"


def test_solve_many_keeps_the_order(ladder_llm) -> None:
    question = "Calculate the number X such that 3 * X + 5 = 20."
    program = "answer = 5\n"
    llm = scripted(fenced(program))
    solutions = Agent(generator="llm", llm=llm).solve_many([question, "", question], workers=2)
    assert [s.status for s in solutions] == [Status.verified, Status.rejected, Status.verified]


def test_the_graph_embeds_as_a_subgraph(ladder_llm) -> None:
    from langgraph.graph import END, START, StateGraph

    from agent.runtime import AgentContext
    from agent.state import AgentState

    agent = Agent(generator="llm", llm=ladder_llm)
    outer = StateGraph(AgentState, context_schema=AgentContext)
    outer.add_node("ladder", agent.graph)
    outer.add_edge(START, "ladder")
    outer.add_edge("ladder", END)
    result = outer.compile().invoke(agent.initial_state(LADDER), context=agent.context())
    assert result["answer"] == "5"


def test_bad_settings_are_named() -> None:
    with pytest.raises(AgentError, match="generator 'gpt'"):
        Agent(generator="gpt")
    with pytest.raises(AgentError, match="needs a chat model"):
        Agent(generator="llm")
    with pytest.raises(AgentError, match="invalid agent settings"):
        Agent(generator="llm", llm=scripted("x"), mode="dream")


def test_an_llm_rewrites_what_the_rules_cannot() -> None:
    text = "colorless green ideas sleep furiously, and 3 times some number plus 5 makes 20; the number?"
    ace = "Calculate the number X such that 3 * X + 5 = 20."
    llm = scripted(ace, fenced("answer = 5\n"))
    solution = Agent(generator="llm", llm=llm).solve(text)
    assert solution.ace == ace, solution.error
    assert solution.answer == "5" and solution.status is Status.verified


class WideningGenerator:
    """A plug-in generator (Agent accepts any object with generate/infill) whose narrow
    search finds no valid tree and whose wider one does, like a beam of width 1 vs 4."""

    name = "widening"

    def generate(self, graph, k: int = 1):
        from graphmodel.generators import Candidate
        from graphmodel.trees import parse_program

        return [] if k == 1 else [Candidate(tree=parse_program(LADDER_PROGRAM), source=LADDER_PROGRAM, score=-1.0)]

    def infill(self, graph, tree, hole, k: int = 1):
        return []


def test_no_tree_from_the_first_search_leads_to_a_wider_one() -> None:
    solution = Agent(generator=WideningGenerator(), samples=1).solve(LADDER)
    assert solution.answer == "5", solution.trace
    assert nodes_of(solution)[:5] == ["rewrite", "parse", "generate", "repair", "execute"]
    assert solution.repairs[0].strategy is RepairStrategy.regenerate


def test_structural_mode_takes_only_the_first_search() -> None:
    solution = Agent(generator=WideningGenerator(), mode="structural").solve(LADDER)
    assert solution.answer is None and solution.status is Status.no_answer
