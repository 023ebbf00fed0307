"""The nodes and routers of the agent's state machine, as module-level functions.

Each node reads the `AgentState`, does one job, and returns only the keys it changes plus
one `TraceStep`; each router names its routes in its docstring and returns one of them,
and `agent.graph` wires them with explicit path maps. Expected failures (input that is
not a question, a program that raises, a check that fails) are recorded in the state and
routed on; they are never raised out of the graph.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from time import perf_counter
from typing import Any, Literal

from langgraph.runtime import Runtime

from agent.chat import ChatModelError, LLMUnavailable
from agent.checks import check_answer
from agent.declarative import declarative_program
from agent.grounding import question_numbers, unused_numbers
from agent.inputs import input_problem
from agent.repair import exception_path, undefined_names, variable_path, widen
from agent.runtime import AgentContext
from agent.selection import UNGROUNDED_WEIGHT, choose
from agent.state import (
    AgentState,
    CandidateOutcome,
    CandidateRecord,
    Execution,
    Failure,
    FailureKind,
    Mode,
    RepairRound,
    RepairStrategy,
    Status,
    TraceStep,
    Verdict,
)
from agent.structural import Irreducible, reduce_tree
from graphmodel import GeneratorError
from graphmodel.trees import Path, Tree, TreeError, cut, parse_program, print_tree, subtree_at
from tasks.ace import AceError, SemanticGraph, parse_ace
from tasks.ace.reorder import reorderings
from tasks.frontends import FrontEndError, load_front_end
from verifiers import (
    AnswerParseError,
    AnswerTooComplex,
    CheckResult,
    CheckStatus,
    SandboxUnavailable,
    answers_equivalent,
    canonical_answer,
    run_program,
)

# What asking a generator can raise: its own error (a missing checkpoint, no usable program) or
# the chat model's (the llm generator). Anything else is a bug and surfaces with its traceback.
GENERATION_ERRORS = (GeneratorError, ChatModelError)
MIN_STEPS_TO_REPAIR = 5  # repair, execute, verify, declare, answer: a round needs these steps left
SUMMARY_CHARS = 300  # trace summaries are for people; the full values live in the state


def _summary(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 3] + "..."


def _step(node: str, started: float, given: object, produced: object, ok: bool = True) -> list[TraceStep]:
    duration = (perf_counter() - started) * 1000.0
    return [TraceStep(node=node, input=_summary(given), output=_summary(produced), duration_ms=duration, ok=ok)]


def _semantic_graph(state: AgentState) -> SemanticGraph:
    return SemanticGraph.model_validate(state.semantic_graph)


def _reject(node: str, started: float, given: object, why: str) -> dict[str, Any]:
    return {"status": Status.rejected, "error": why, "trace": _step(node, started, given, why, ok=False)}


def _unreachable(node: str, started: float, given: object, err: LLMUnavailable) -> dict[str, Any]:
    """The LLM server failed after its retries: the run ends with that status, the input not blamed."""
    why = str(err)
    return {"status": Status.llm_unavailable, "error": why, "trace": _step(node, started, given, why, ok=False)}


# --------------------------------------------------------------------------- nodes


def rewrite(state: AgentState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """English -> ACE; where the rule rewriter refuses, the other front ends (tasks/frontends.py)
    read the text into a semantic graph themselves. A question written in formulas (`What is
    17*23?`, `Solve 7y - 4 = 2y + 21.`) goes to the notation reader before the rewriter, whose
    restatement keeps the formula as ACE that no model reads well. Input that is empty, huge or
    binary is rejected before any rewriting."""
    started = perf_counter()
    problem = input_problem(state.text, runtime.context.settings.max_input_chars)
    if problem is not None:
        return _reject("rewrite", started, state.text, problem)
    refusals: list[str] = []

    def read(name: str) -> dict[str, Any] | None:
        try:
            graph = load_front_end(name)(state.text)
        except FrontEndError as err:
            refusals.append(f"{name}: {err}")
            return None
        except RecursionError:  # a formula nested thousands deep: the readers' walks are recursive
            refusals.append(f"{name}: text nested too deeply")
            return None
        produced = f"{name} front end: {len(graph.nodes)} nodes, {len(graph.edges)} edges, query={graph.query}"
        return {
            "front_end": name,
            "semantic_graph": graph.model_dump(mode="json"),
            "trace": _step("rewrite", started, state.text, produced),
        }

    front_ends = tuple(runtime.context.settings.front_ends)
    if "notation" in front_ends and _written_in_notation(state.text):
        if (done := read("notation")) is not None:
            return done
        front_ends = tuple(n for n in front_ends if n != "notation")
    outage: LLMUnavailable | None = None
    try:
        result = runtime.context.rewrite(state.text)
    except LLMUnavailable as err:  # the other front ends need no LLM: they may still read it
        outage, result = err, None
    if result is not None and result.ok and result.ace:
        return {"ace": result.ace, "front_end": "ace", "trace": _step("rewrite", started, state.text, result.ace)}
    if result is not None:
        issues = "; ".join(issue.describe() for issue in result.issues) or "no ACE produced"
        refusals.insert(0, f"ACE: {issues}")
    for name in front_ends:
        if (done := read(name)) is not None:
            return done
    if outage is not None:  # the LLM rewriter was the one left to try, and its server is down
        return _unreachable("rewrite", started, state.text, outage)
    why = (
        "ladder could not restate the question in its controlled English (ACE) fragment, nor read it with "
        "another front end: " + " | ".join(refusals) + ". State one fact per sentence "
        "with numbers and units (e.g. 'A ladder is 13 feet long.') and end with one question."
    )
    return _reject("rewrite", started, state.text, why)


def _written_in_notation(text: str) -> bool:
    """tasks.notation's cheap test (no tagger), imported when first needed; False if unavailable."""
    try:
        from tasks.notation import written_in_notation
    except ImportError:
        return False
    return written_in_notation(text)


def parse(state: AgentState) -> dict[str, Any]:
    """ACE -> semantic graph; a parse error rejects the input with line, column and expectation.
    A graph another front end already built passes through."""
    started = perf_counter()
    if state.semantic_graph is not None and state.front_end not in (None, "ace"):
        graph = _semantic_graph(state)
        summary = f"built by the {state.front_end} front end: {len(graph.nodes)} nodes, {len(graph.edges)} edges"
        return {"trace": _step("parse", started, state.front_end, summary)}
    try:
        graph = parse_ace(state.ace or "")
    except AceError as err:
        why = f"The controlled-English restatement {state.ace!r} could not be parsed: {err}"
        return _reject("parse", started, state.ace, why)
    summary = f"{len(graph.nodes)} nodes, {len(graph.edges)} edges, query={graph.query}"
    return {"semantic_graph": graph.model_dump(mode="json"), "trace": _step("parse", started, state.ace, summary)}


def generate(state: AgentState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Semantic graph -> programs: tool mode takes `samples` of them (a beam, best first) for
    `select`; structural mode takes the first tree alone (no feedback, so nothing to choose by)."""
    started = perf_counter()
    settings = runtime.context.settings
    graph = _semantic_graph(state)
    k = settings.samples if state.mode is Mode.tool else 1
    graphs = [graph, *reorderings(graph)] if settings.reorder and state.mode is Mode.tool else [graph]
    asked = f"k={k}" + (f" x {len(graphs)} fact orders" if len(graphs) > 1 else "")
    pooled = _pooled_graph(state, runtime.context) if state.mode is Mode.tool else None
    if pooled is not None:
        asked += f" + {pooled.front_end} graph"
    try:
        found = generate_all(runtime.context.generator, [*graphs, *([pooled] if pooled is not None else [])], k)
    except LLMUnavailable as err:
        return _unreachable("generate", started, asked, err) | {"exhausted": True}
    except GENERATION_ERRORS as err:  # a generator failure is a result of this solve, reported in full
        why = f"generator {settings.generator!r} failed: {type(err).__name__}: {err}"
        failure = Failure(kind=FailureKind.no_answer, message=why)
        return {"failure": failure, "exhausted": True, "trace": _step("generate", started, asked, why, ok=False)}
    candidates = [c for cands in found[: len(graphs)] for c in cands]
    others = found[len(graphs)] if pooled is not None else []
    records = distinct_candidates(candidates, state.front_end)
    if pooled is not None:
        seen = {r.source for r in records}
        extra = [r for r in distinct_candidates(others, pooled.front_end) if r.source not in seen]
        records = sorted([*records, *extra], key=lambda r: -r.score)
    if not records:
        failure = Failure(kind=FailureKind.no_answer, message="the generator produced no program")
        return {"failure": failure, "trace": _step("generate", started, asked, failure.message, ok=False)}
    produced = records[0].source if len(records) == 1 else f"{len(records)} programs; best: {records[0].source}"
    update: dict[str, Any] = {"candidates": records, "program": records[0].source}
    if pooled is not None:
        update["pooled_graph"] = pooled.model_dump(mode="json")
    return update | {"trace": _step("generate", started, asked, produced)}


def generate_all(generator: Any, graphs: list[SemanticGraph], k: int) -> list[list[Any]]:
    """k candidates per graph, in order: one batched search where the generator has one
    (`generate_batch`; under `solve_many` it pools the calls of many questions), else one
    search per graph."""
    batch = getattr(generator, "generate_batch", None)
    if batch is not None:
        return batch(graphs, k)
    return [generator.generate(g, k=k) for g in graphs]


def _pooled_graph(state: AgentState, context: AgentContext) -> SemanticGraph | None:
    """The first other reader's graph of a text the ACE path read (None when pooling is off, the
    generator has no model of its own for another reader, or none reads it): the ACE rewriter
    can restate a story faithfully in a form the ACE model never learned, and another
    reading's programs then get a vote."""
    if not context.settings.pool_front_ends or state.front_end not in (None, "ace"):
        return None
    readers = getattr(context.generator, "readers", None)  # graphmodel.routing.ReaderRouted
    own = set(readers()) if callable(readers) else set()
    for name in context.settings.front_ends:
        if name not in own:  # a generator without a model of that reader's graphs gains nothing from it
            continue
        try:
            return load_front_end(name)(state.text)
        except (FrontEndError, RecursionError):  # a reader that cannot read this text only means no pool
            continue
    return None


def distinct_candidates(candidates: list[Any], front_end: str | None = None) -> list[CandidateRecord]:
    """One record per distinct program, best score first; a program the search reached by
    several action sequences (a number copied or written out) gets their summed probability."""
    scores: dict[str, list[float]] = {}
    for c in candidates:
        scores.setdefault(c.source, []).append(float(c.score))
    records = [CandidateRecord(source=src, score=_logsumexp(s), front_end=front_end) for src, s in scores.items()]
    return sorted(records, key=lambda r: -r.score)


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def _run(program: str, context: AgentContext) -> tuple[Execution, Failure | None]:
    """Run one program in the sandbox: what it gave, and why it is not acceptable, if it is not.
    Raises SandboxUnavailable: without isolation nothing runs."""
    result = run_program(program, context.limits)
    exc = result.exception
    execution = Execution(
        status=str(getattr(result.status, "value", result.status)),
        answer=result.answer,
        answer_type=result.answer_type,
        stdout=result.stdout[:2000],
        exception=f"{exc.type}: {exc.message}" if exc else None,
        duration_ms=float(result.duration_ms),
    )
    if exc is not None:
        return execution, Failure(
            kind=FailureKind.exception,
            message=execution.exception or "",
            line=exc.line,
            column=exc.column,
            end_line=exc.end_line,
            end_column=exc.end_column,
        )
    if execution.status != "ok":
        return execution, Failure(kind=FailureKind.resource, message=f"sandbox: {execution.status}")
    return execution, None


def run_and_check(program: str, graph: SemanticGraph, context: AgentContext) -> tuple[Execution, Verdict | None, Failure | None]:
    """Run one program and judge it against `graph` as `select` judges a candidate (solving by
    parts checks its composed program this way). Raises SandboxUnavailable."""
    execution, failure = _run(program, context)
    verdict, failure = _verdict_of(execution, failure, lambda answer, kind: check_answer(answer, graph, kind))
    return execution, verdict, failure


def _unavailable(state: AgentState, node: str, started: float, programs: list[str], err: Exception) -> dict[str, Any]:
    why = f"sandbox unavailable: {err}"
    return {
        "execution": Execution(status="unavailable", exception=why),
        "failure": Failure(kind=FailureKind.resource, message=why),
        "exhausted": True,
        "tried": [*state.tried, *programs],
        "trace": _step(node, started, programs[0] if programs else "", why, ok=False),
    }


def execute(state: AgentState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Run the current program in the sandbox (tool mode, after a repair)."""
    started = perf_counter()
    program = state.program or ""
    try:
        execution, failure = _run(program, runtime.context)
    except SandboxUnavailable as err:  # no isolation, no execution: say so, do not run it unsafely
        return _unavailable(state, "execute", started, [program], err)
    produced = f"{execution.status}: answer={execution.answer}" + (
        f" ({execution.exception})" if execution.exception else ""
    )
    return {
        "execution": execution,
        "failure": failure,
        "tried": [*state.tried, program],
        "trace": _step("execute", started, program, produced, ok=failure is None),
    }


def select(state: AgentState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Tool mode, first search: run and check each candidate, choose one (agent/selection.py).

    Candidates run best score first; a verified one ends the search (nothing beats a
    decisive check). Each distinct answer is checked once. When none is accepted, the best
    scored candidate's failure goes on to repair, as a single program's would.
    """
    started = perf_counter()
    graph = _semantic_graph(state)
    records = list(state.candidates)
    runs: list[tuple[Execution, Failure | None, Verdict | None] | None] = [None] * len(records)
    verdicts: dict[tuple[str, str | None], tuple[Verdict, Failure | None]] = {}
    stated = [n for n in question_numbers(graph) if n != 1]

    def checked(answer: str, answer_type: str | None) -> tuple[Verdict, Failure | None]:
        key = (answer, answer_type)  # each distinct answer is checked once
        if key not in verdicts:
            verdicts[key] = check_answer(answer, graph, answer_type)
        return verdicts[key]

    for i, record in enumerate(records):
        if any(r.outcome is CandidateOutcome.verified for r in records[:i]):
            records[i] = record.model_copy(update={"outcome": CandidateOutcome.skipped})
            continue
        try:
            execution, failure = _run(record.source, runtime.context)
        except SandboxUnavailable as err:
            return _unavailable(state, "select", started, [r.source for r in records], err)
        verdict, failure = _verdict_of(execution, failure, checked)
        unused = unused_numbers(graph, record.source)
        if failure is None and stated and len(unused) >= len(stated):
            failure = Failure(kind=FailureKind.constraint, message="the program uses none of the numbers the question states")
        runs[i] = (execution, failure, verdict)
        update = _outcome(execution, failure, verdict) | {"unused": unused}
        records[i] = record.model_copy(update=update)
    chosen = choose(records, answers_equivalent, primary=state.front_end or "ace")
    switch = _reader_switch(state, records[chosen] if chosen is not None else None)
    shown = chosen if chosen is not None else next(i for i, run in enumerate(runs) if run is not None)
    execution, failure, verdict = runs[shown] or (None, None, None)
    tally = ", ".join(f"{r.outcome.value if r.outcome else '?'}={r.answer}" for r in records)
    produced = f"chose #{chosen}: answer={execution.answer if execution else None} [{tally}]" if chosen is not None else (
        f"none accepted [{tally}]"
    )
    return {
        "candidates": records,
        "chosen": chosen,
        "program": records[shown].source,
        "execution": execution,
        "verdict": verdict,
        "failure": failure,
        "tried": [*state.tried, *(r.source for r, run in zip(records, runs, strict=True) if run is not None)],
        "trace": _step("select", started, f"{len(records)} programs", produced, ok=chosen is not None),
    } | switch


def _verdict_of(
    execution: Execution, failure: Failure | None, check: Callable[[str, str | None], tuple[Verdict, Failure | None]]
) -> tuple[Verdict | None, Failure | None]:
    """What one run comes to: its own failure, none bound `answer`, or the checks' verdict
    (`check(answer, answer_type)`); `select` and `declare` both judge a run this way."""
    if failure is not None:
        return None, failure
    if execution.answer is None:
        return None, Failure(kind=FailureKind.no_answer, message="the program bound no `answer`")
    return check(execution.answer, execution.answer_type)


def _reader_switch(state: AgentState, chosen: CandidateRecord | None) -> dict[str, Any]:
    """When the chosen program came from the pooled reader's graph, that graph becomes the
    solve's graph, so repair infills against what the program was generated from."""
    if chosen is None or state.pooled_graph is None or chosen.front_end in (None, state.front_end):
        return {}
    return {"semantic_graph": state.pooled_graph, "front_end": chosen.front_end}


def _outcome(execution: Execution, failure: Failure | None, verdict: Verdict | None) -> dict[str, Any]:
    if verdict is None:
        return {"outcome": CandidateOutcome.failed, "answer": execution.answer,
                "detail": failure.message if failure else ""}
    if failure is not None:
        return {"outcome": CandidateOutcome.refuted, "answer": execution.answer, "detail": failure.message}
    outcome = CandidateOutcome.verified if verdict.verified else CandidateOutcome.passed
    return {"outcome": outcome, "answer": execution.answer}


def reduce(state: AgentState) -> dict[str, Any]:
    """Structural mode: reduce the first tree exactly over sympy; no execution, no feedback."""
    started = perf_counter()
    program = state.program or ""
    try:
        answer = canonical_answer(reduce_tree(parse_program(program)))
    except SandboxUnavailable as err:  # the reduction runs in the sandbox: no isolation, no answer
        return _unavailable(state, "reduce", started, [program], err)
    except Irreducible as err:
        execution = Execution(status="irreducible", exception=str(err))
        failure = Failure(kind=FailureKind.irreducible, message=str(err), line=err.line, column=err.column)
        return {
            "execution": execution,
            "failure": failure,
            "tried": [program],
            "trace": _step("reduce", started, program, str(err), ok=False),
        }
    except (TreeError, AnswerParseError, AnswerTooComplex) as err:  # no answer, and why
        why = f"{type(err).__name__}: {err}"
        execution = Execution(status="irreducible", exception=why)
        failure = Failure(kind=FailureKind.irreducible, message=why)
        return {"execution": execution, "failure": failure, "tried": [program],
                "trace": _step("reduce", started, program, why, ok=False)}
    execution = Execution(status="ok", answer=answer)
    return {"execution": execution, "failure": None, "tried": [program],
            "trace": _step("reduce", started, program, f"answer={answer}")}


def verify(state: AgentState) -> dict[str, Any]:
    """Check the answer (kind, sympy, Z3 against the semantic graph's constraints)."""
    started = perf_counter()
    execution = state.execution
    repairs = list(state.repairs)
    if state.failure is not None or execution is None:
        message = state.failure.message if state.failure else "nothing was executed"
        _mark_last_round(repairs, fixed=False)
        return {"verdict": None, "repairs": repairs, "trace": _step("verify", started, message, "skipped", ok=False)}
    if execution.answer is None:
        failure = Failure(kind=FailureKind.no_answer, message="the program bound no `answer`")
        _mark_last_round(repairs, fixed=False)
        return {"failure": failure, "verdict": None, "repairs": repairs,
                "trace": _step("verify", started, "answer=None", failure.message, ok=False)}
    verdict, failure = check_answer(execution.answer, _semantic_graph(state), execution.answer_type)
    _mark_last_round(repairs, fixed=failure is None)
    checks = ", ".join(f"{c.name}: {c.status.value}" for c in verdict.checks) or "no checks applied"
    return {
        "verdict": verdict,
        "failure": failure,
        "repairs": repairs,
        "trace": _step("verify", started, f"answer={execution.answer}", checks, ok=failure is None),
    }


def _mark_last_round(repairs: list[RepairRound], fixed: bool) -> None:
    if repairs and repairs[-1].fixed is None:
        repairs[-1] = repairs[-1].model_copy(update={"fixed": fixed})


def repair(state: AgentState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Replace the failing subtree by the generator's infill, or (regenerate) the whole program;
    an LLM server that fails meanwhile ends the run as an outage, not as a failed repair."""
    started = perf_counter()
    try:
        return _repair(state, runtime, started)
    except LLMUnavailable as err:
        return _unreachable("repair", started, state.failure, err) | {"exhausted": True}


def _repair(state: AgentState, runtime: Runtime[AgentContext], started: float) -> dict[str, Any]:
    settings = runtime.context.settings
    failure = state.failure
    assert failure is not None, "repair is routed to only after a failure"
    number = state.rounds + 1
    reason = f"{failure.kind.value}: {failure.message}"
    record: RepairRound | None = None
    program: str | None = None
    if state.repair_strategy is RepairStrategy.subtree:
        program, record = _repair_subtree(state, runtime.context, number, reason)
    pool = state.candidates
    if program is None:
        program, record, pool = _next_candidate(state, runtime.context, number, reason, record)
    if program is None:
        record = record or RepairRound(round=number, strategy=state.repair_strategy, reason=reason)
        record = record.model_copy(update={"fixed": False})
        return {
            "rounds": number,
            "exhausted": True,
            "candidates": pool,
            "repairs": [*state.repairs, record],
            "trace": _step("repair", started, reason, "no untried program left", ok=False),
        }
    assert record is not None
    where = f"path {record.path} ({record.node_type})" if record.path is not None else "whole program"
    produced = f"round {number} {record.strategy.value} at {where}: {record.removed!r} -> {record.replacement!r}"
    settings_note = f"infill_k={settings.infill_k}"
    return {
        "program": program,
        "rounds": number,
        "failure": None,
        "execution": None,
        "verdict": None,
        "candidates": pool,
        "repairs": [*state.repairs, record],
        "trace": _step("repair", started, f"{reason} [{settings_note}]", produced),
    }


def _locate(state: AgentState, tree: Tree) -> Path | None:
    """The subtree the failure points at, widened by one level per earlier round at the same spot."""
    failure = state.failure
    program = state.program or ""
    path: Path | None = None
    if failure is None:
        return None
    if failure.kind is FailureKind.exception:
        path = exception_path(tree, program, failure)
    elif failure.kind in (FailureKind.answer_kind, FailureKind.constraint):
        path = variable_path(tree, program, failure.variable or "answer")
    if path is None:
        return None
    earlier = sum(1 for r in state.repairs if r.path is not None and tuple(r.path) == path)
    return widen(tree, path, earlier) if earlier else path


def _repair_subtree(
    state: AgentState, context: AgentContext, number: int, reason: str
) -> tuple[str | None, RepairRound | None]:
    try:
        tree = parse_program(state.program or "")
    except ValueError:
        return None, None
    path = _locate(state, tree)
    if path is None:
        return None, None
    removed = subtree_at(tree, path)
    record = RepairRound(
        round=number,
        strategy=RepairStrategy.subtree,
        reason=reason,
        path=list(path),
        node_type=removed.type,
        removed=_source_of(removed),
    )
    graph = _semantic_graph(state)
    try:
        candidates = context.generator.infill(graph, cut(tree, path), path, k=context.settings.infill_k)
    except LLMUnavailable:
        raise
    except (*GENERATION_ERRORS, TreeError) as err:  # this hole cannot be filled: recorded, then regenerate
        return None, record.model_copy(update={"replacement": f"infill failed: {type(err).__name__}: {err}"})
    tried = set(state.tried)
    fresh = [c for c in candidates if c.source not in tried]
    runnable = [c for c in fresh if not undefined_names(c.tree)]  # a NameError is not worth a run
    if not runnable:
        why = "no new candidate" if not fresh else f"every new candidate reads an undefined name ({len(fresh)})"
        return None, record.model_copy(update={"candidates": len(candidates), "replacement": why})
    best = runnable[next_to_run(graph, [(c.source, c.score) for c in runnable])]
    return best.source, record.model_copy(
        update={"replacement": _replacement(best.tree, path), "candidates": len(candidates)}
    )


def _next_candidate(
    state: AgentState, context: AgentContext, number: int, reason: str, failed: RepairRound | None
) -> tuple[str | None, RepairRound | None, list[CandidateRecord]]:
    """The best whole program not yet executed; the first time, sample the round budget at once."""
    tried = set(state.tried)
    pool = list(state.candidates)
    fresh = [c.source for c in pool if c.source not in tried]
    if not fresh:
        k = len(pool) + state.max_repairs
        try:
            more = context.generator.generate(_semantic_graph(state), k=k)
        except LLMUnavailable:
            raise
        except GENERATION_ERRORS as err:  # no more samples: the round records why nothing new came
            more = []
            reason = f"{reason} (regeneration failed: {type(err).__name__}: {err})"
        known = {c.source for c in pool}
        pool += [CandidateRecord(source=c.source, score=float(c.score)) for c in more if c.source not in known]
        fresh = [c.source for c in pool if c.source not in tried]
    if not fresh:
        return None, failed, pool
    runnable = [source for source in fresh if not _reads_undefined(source)]
    fresh = runnable or fresh  # the same static filter as for infills; if none passes, try anyway
    scores = {c.source: c.score for c in pool}
    first = next_to_run(_semantic_graph(state), [(source, scores[source]) for source in fresh])
    fresh = [fresh[first], *fresh[:first], *fresh[first + 1:]]
    note = f" (subtree repair found nothing: {failed.replacement})" if failed else ""
    record = RepairRound(
        round=number,
        strategy=RepairStrategy.regenerate,
        reason=reason + note,
        removed=state.program or "",
        replacement=fresh[0],
        candidates=len(fresh),
    )
    return fresh[0], record, pool


def next_to_run(graph: SemanticGraph, programs: list[tuple[str, float]]) -> int:
    """Which of several untried (source, log-probability) programs a repair round runs: the
    most probable once a program that leaves a question number unused is discounted by the
    same prior as in `select` (agent/selection.py)."""
    penalty = math.log(UNGROUNDED_WEIGHT)
    keyed = [score + (penalty if unused_numbers(graph, source) else 0.0) for source, score in programs]
    return max(range(len(programs)), key=lambda i: (keyed[i], -i))


def _reads_undefined(source: str) -> bool:
    try:
        return bool(undefined_names(parse_program(source)))
    except ValueError:
        return True


def _source_of(tree: Tree) -> str:
    try:
        return print_tree(tree).strip()
    except ValueError:
        return tree.sexp()


def _replacement(tree: Tree, path: Path) -> str:
    try:
        return _source_of(subtree_at(tree, path))
    except ValueError:
        return "?"


DECLARED = "declarative: the answer comes from the question's constraints alone (no generated program was accepted)"


def declare(state: AgentState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Tool mode, when no generated program was accepted: run the program written from the
    question's constraints (agent/declarative.py) through the same checks. Its answer is
    reported `answered`, never `verified`: the constraints it came from cannot vouch for it."""
    accepted = state.failure is None and state.verdict is not None and state.verdict.passed
    contradiction = state.failure is not None and state.failure.kind is FailureKind.contradiction
    if (state.mode is not Mode.tool or not runtime.context.settings.declarative or accepted or contradiction
            or state.status in (Status.rejected, Status.llm_unavailable) or state.semantic_graph is None):
        return {}
    started = perf_counter()
    graph = _semantic_graph(state)
    source = declarative_program(graph)
    if source is None:
        return {"trace": _step("declare", started, "constraints", "they do not determine the answer", ok=False)}
    try:
        execution, failure = _run(source, runtime.context)
    except SandboxUnavailable:
        return {}
    verdict, failure = _verdict_of(execution, failure, lambda answer, kind: check_answer(answer, graph, kind))
    if failure is not None or verdict is None:
        why = failure.message if failure else "no verdict"
        return {"tried": [*state.tried, source], "trace": _step("declare", started, source, why, ok=False)}
    note = CheckResult(name=DECLARED, status=CheckStatus.passed, required=False)
    checks = [c.model_copy(update={"decisive": False}) for c in verdict.checks]  # nothing here can verify it
    verdict = Verdict.from_checks(verdict.answer, [*checks, note], certificate=f"{verdict.certificate}; {DECLARED}",
                                  proof=verdict.proof)
    return {"program": source, "execution": execution, "verdict": verdict, "failure": None,
            "tried": [*state.tried, source], "trace": _step("declare", started, "constraints", f"answer={execution.answer}")}


def answer(state: AgentState) -> dict[str, Any]:
    """Close the run: the verified (or checked) answer, or a status that says why there is none."""
    started = perf_counter()
    if state.status in (Status.rejected, Status.llm_unavailable):
        return {"trace": _step("answer", started, state.error, state.status.value, ok=False)}
    verdict, execution = state.verdict, state.execution
    if state.failure is not None and state.failure.kind is FailureKind.contradiction:  # the question's fault
        why = state.failure.message
        return {"answer": None, "status": Status.rejected, "error": why, "trace": _step("answer", started, why, "rejected", ok=False)}
    if state.failure is None and verdict is not None and verdict.passed and execution and execution.answer:
        status = Status.verified if verdict.verified else Status.answered
        final = verdict.answer or execution.answer  # the checks may restate it (roots listed -> their set)
        produced = f"{final} ({status.value})"
        return {"answer": final, "status": status, "trace": _step("answer", started, "", produced)}
    status = Status.step_limit if _stopped_by_steps(state) else Status.no_answer
    why = state.failure.message if state.failure else "no program produced an answer"
    return {"answer": None, "status": status, "trace": _step("answer", started, why, status.value, ok=False)}


def _stopped_by_steps(state: AgentState) -> bool:
    can_repair = state.mode is Mode.tool and state.rounds < state.max_repairs and not state.exhausted
    return state.failure is not None and state.program is not None and can_repair


# --------------------------------------------------------------------------- routers


def route_after_rewrite(state: AgentState) -> Literal["parse", "answer"]:
    """parse: the text became ACE; answer: the input was rejected or the LLM server failed."""
    return "answer" if state.status in (Status.rejected, Status.llm_unavailable) else "parse"


def route_after_parse(state: AgentState) -> Literal["generate", "answer"]:
    """generate: a semantic graph was built; answer: the ACE was rejected."""
    return "answer" if state.status is Status.rejected else "generate"


def route_after_generate(state: AgentState) -> Literal["select", "reduce", "repair", "answer"]:
    """select: tool mode (run and check the candidates); reduce: structural mode; repair: no
    valid tree came out of the first search (tool mode samples a wider one); answer: the
    generator failed outright."""
    if state.program is not None:
        return "select" if state.mode is Mode.tool else "reduce"
    can_repair = state.mode is Mode.tool and state.max_repairs > 0 and not state.exhausted
    return "repair" if can_repair else "answer"


def route_after_verify(state: AgentState) -> Literal["repair", "answer"]:
    """answer: accepted, structural mode, out of repair rounds or of steps; repair: otherwise.
    (Also routes after `select`, whose outcome is the same kind of verdict.)"""
    if state.failure is None or state.mode is Mode.structural or state.failure.kind is FailureKind.contradiction:
        return "answer"
    if state.rounds >= state.max_repairs or state.exhausted:
        return "answer"
    if state.remaining_steps < MIN_STEPS_TO_REPAIR + 1:
        return "answer"
    return "repair"


def route_after_repair(state: AgentState) -> Literal["execute", "answer"]:
    """execute: a new program to run; answer: nothing untried was left."""
    return "answer" if state.exhausted else "execute"
