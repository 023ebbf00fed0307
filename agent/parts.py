"""Solving by parts (`AgentSettings.parts`, `--parts`): a question that chains two steps is
asked as its sub-questions, each solved and checked on its own, and the programs composed.

Where the semantic graph defines a quantity by one step and uses it in another
(agent/parts_split.py), the first sub-question (the intermediate, from the facts about its
owner) runs through tool mode's own generate -> select -> repair loop (`build_part_graph`);
its answer becomes a stated fact of the second, which may split again (chains of up to
`MAX_DEPTH` steps). A failing part is repaired in its own loop, against its own graph, so the
other part is never regenerated. The programs are composed into one whose intermediate names
come from the graph (agent/parts_compose.py), run in the sandbox and checked against the whole
question's graph. Anything short of an accepted composed program leaves the state as it was
and the question is solved whole (`route_after_parts` -> generate): nothing is lost but time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cache
from time import perf_counter
from typing import Any, Literal

from langgraph.graph.state import CompiledStateGraph
from langgraph.runtime import Runtime

from agent.nodes import run_and_check
from agent.part_graph import build_part_graph
from agent.parts_compose import CompositionError, compose
from agent.parts_split import Split, find_split, stated_value
from agent.runtime import AgentContext
from agent.state import AgentState, CandidateOutcome, CandidateRecord, Mode, Status, TraceStep
from tasks.ace import SemanticGraph
from verifiers import SandboxUnavailable

MAX_DEPTH = 3  # splits in a row: chains of up to 4 steps
ACCEPTED = (Status.verified, Status.answered)


@dataclass(frozen=True)
class Solved:
    """A sub-question's accepted program and answer (or a composition of several)."""

    program: str
    answer: str
    status: Status
    score: float  # log-probability of the chosen programs, summed over the parts


class _Log:
    """The trace steps of one solve by parts, one per sub-question and per composition."""

    def __init__(self) -> None:
        self.steps: list[TraceStep] = []

    def add(self, started: float, given: str, produced: str, ok: bool) -> None:
        self.steps.append(TraceStep(node="parts", input=given, output=" ".join(produced.split())[:300],
                                    duration_ms=(perf_counter() - started) * 1000.0, ok=ok))


def parts(state: AgentState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Tool mode with `parts`: solve the question by its sub-questions when its graph chains
    steps; the composed program, run and checked against the whole graph, is the answer."""
    started = perf_counter()
    if state.mode is not Mode.tool or state.semantic_graph is None:
        return {}
    graph = SemanticGraph.model_validate(state.semantic_graph)
    split = find_split(graph)
    log = _Log()
    if split is None:
        log.add(started, "semantic graph", "no quantity is defined by one step and used in another: solved whole", True)
        return {"trace": log.steps}
    settings = runtime.context.settings.model_copy(update={"pool_front_ends": False, "declarative": False})
    context = replace(runtime.context, settings=settings)
    solved = _solve_split(graph, split, context, state, log, depth=1)
    if solved is None:
        log.add(started, "parts", "no composed program: the question is solved whole", False)
        return {"trace": log.steps}
    try:
        execution, verdict, failure = run_and_check(solved.program, graph, runtime.context)
    except SandboxUnavailable as err:
        log.add(started, solved.program, f"sandbox unavailable: {err}", False)
        return {"trace": log.steps}
    if failure is not None or verdict is None or not verdict.passed:
        why = failure.message if failure is not None else "no verdict"
        log.add(started, solved.program, f"composed program not accepted ({why}): the question is solved whole", False)
        return {"trace": log.steps, "tried": [*state.tried, solved.program]}
    outcome = CandidateOutcome.verified if verdict.verified else CandidateOutcome.passed
    record = CandidateRecord(source=solved.program, score=solved.score, answer=execution.answer, outcome=outcome,
                             front_end=state.front_end)
    log.add(started, "composed program", f"answer={execution.answer} ({outcome.value}): {solved.program}", True)
    return {"program": solved.program, "execution": execution, "verdict": verdict, "failure": None,
            "candidates": [record], "chosen": 0, "tried": [*state.tried, solved.program], "trace": log.steps}


def route_after_parts(state: AgentState) -> Literal["generate", "answer"]:
    """answer: the composed program was accepted; generate: solve the question whole."""
    accepted = state.failure is None and state.verdict is not None and state.verdict.passed and state.program
    return "answer" if accepted else "generate"


def _solve(graph: SemanticGraph, context: AgentContext, state: AgentState, log: _Log, depth: int) -> Solved | None:
    split = find_split(graph) if depth <= MAX_DEPTH else None
    if split is None:
        return _solve_whole(graph, context, state, log)
    return _solve_split(graph, split, context, state, log, depth)


def _solve_split(graph: SemanticGraph, split: Split, context: AgentContext, state: AgentState, log: _Log,
                 depth: int) -> Solved | None:
    """The intermediate from the best variant of the first sub-question, then the rest with it
    stated, then one program of both."""
    started = perf_counter()
    found: list[Solved | None] = []
    for variant in split.first:  # the next variant only while none is verified
        found.append(_solve(variant, context, state, log, depth + 1))
        if found[-1] is not None and found[-1].status is Status.verified:
            break
    first = _best(found)
    if first is None:
        log.add(started, f"{split.kind} step: the {split.name}", "no sub-program accepted", False)
        return None
    rest = split.rest(first.answer)
    if rest is None:
        log.add(started, f"{split.kind} step: the {split.name}", f"{first.answer} cannot be stated as a number", False)
        return None
    second = _solve(rest, context, state, log, depth + 1)
    if second is None:
        return None
    value = stated_value(first.answer) or first.answer
    try:
        program = compose(first.program, second.program, split.name, value)
    except CompositionError as err:
        log.add(started, f"compose the {split.name}", str(err), False)
        return None
    status = Status.verified if first.status is second.status is Status.verified else Status.answered
    return Solved(program=program, answer=second.answer, status=status, score=first.score + second.score)


def _best(found: list[Solved | None]) -> Solved | None:
    """Of the variants' answers: a verified one, else the most probable program's."""
    accepted = [s for s in found if s is not None]
    if not accepted:
        return None
    return max(accepted, key=lambda s: (s.status is Status.verified, s.score))


def _solve_whole(graph: SemanticGraph, context: AgentContext, state: AgentState, log: _Log) -> Solved | None:
    """One sub-question through tool mode's own loop (generate, select, repair), on its own graph."""
    started = perf_counter()
    part = AgentState(text=graph.text, mode=Mode.tool, repair_strategy=state.repair_strategy,
                      max_repairs=state.max_repairs, semantic_graph=graph.model_dump(mode="json"),
                      front_end=state.front_end)
    out = part_graph().invoke(part, context=context, config={"recursion_limit": context.settings.recursion_limit})
    status, program, answer = out.get("status"), out.get("program"), out.get("answer")
    rounds = len(out.get("repairs") or [])
    repaired = f" after {rounds} repair round(s)" if rounds else ""
    if status not in ACCEPTED or program is None or answer is None:
        failure = out.get("failure")
        log.add(started, graph.text, f"{getattr(status, 'value', status)}{repaired}: "
                f"{failure.message if failure is not None else 'no answer'}", False)
        return None
    log.add(started, graph.text, f"answer={answer} ({status.value}){repaired}: {program}", True)
    candidates, chosen = out.get("candidates") or [], out.get("chosen")
    score = candidates[chosen].score if chosen is not None and chosen < len(candidates) else -math.inf
    return Solved(program=program, answer=answer, status=status, score=score)


@cache
def part_graph() -> CompiledStateGraph:
    """The sub-question loop, compiled once (agent/part_graph.py wires it)."""
    return build_part_graph()
