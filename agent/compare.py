"""Tool vs structural, and subtree repair vs regeneration, on one suite: records first, table after.

For each problem the same generator answers in structural mode and in tool mode (subtree
repair). Where tool mode's first tree failed, the problem is solved again with
`repair="regenerate"` at the same budget (max_repairs executions after the first), so the
share each strategy fixes is measured on exactly the problems that needed a repair. The
first tree is the generator's k=1 output in every run, so all three start from it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from pydantic import BaseModel, Field
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from agent.intervals import share_with_interval
from agent.pool_workers import init_pool_worker
from agent.settings import AgentSettings
from agent.state import Solution, Status
from tasks.exit_codes import ExitCode
from tasks.subsets import subset


class RunRecord(BaseModel):
    """One agent run on one problem."""

    answer: str | None
    status: Status
    correct: bool
    repairs: int = Field(description="Repair rounds used.")
    subtree_rounds: int = Field(default=0, description="Rounds that infilled a subtree.")
    regenerate_rounds: int = Field(default=0, description="Rounds that ran a whole new program.")
    first_failed: bool = Field(description="Whether the first search gave no accepted program (repair ran).")
    candidates: int = Field(default=0, description="Programs the first search gave (tool mode).")
    chosen: int | None = Field(default=None, description="Score rank of the candidate select chose (0: the best).")
    first_correct: bool | None = Field(
        default=None, description="Whether the best-scored candidate's answer was right (tool mode, when it ran)."
    )
    error: str | None = Field(default=None, description="An exception the agent raised (a bug), if any.")


class ProblemRecord(BaseModel):
    """The runs on one problem: structural, tool (subtree), and tool (regenerate) when needed."""

    id: str
    family: str
    expected: str
    structural: RunRecord
    tool: RunRecord
    regenerate: RunRecord | None = None


class CompareSpec(BaseModel):
    """What a comparison ran; written beside the records so it can be rerun."""

    suite: str
    generator: str = "graph"
    checkpoint: str | None = None
    max_repairs: int = 3
    infill_k: int = 4
    samples: int = Field(default_factory=lambda: AgentSettings().samples, ge=1,
                         description="Tool mode: programs from the first search.")
    limit: int | None = Field(default=None, ge=1, description="The first N problems (after per_family), as in `ladder eval`.")
    per_family: int | None = Field(default=None, ge=1, description="The first N problems of each family, as in `ladder eval`.")
    input: Literal["prompt", "ace"] = Field(
        default="prompt",
        description="What the agent reads: the English prompt, or the problem's canonical ACE (the rewriter "
        "passes ACE through unchanged), which measures everything after the rewriter.",
    )


_AGENTS: dict[str, Any] = {}


def _agent(spec: CompareSpec, mode: str, repair: str) -> Any:
    """One agent per (mode, repair) in this process, all sharing one loaded generator."""
    from agent.api import Agent
    from graphmodel.generators import load_generator

    if "generator" not in _AGENTS:
        _AGENTS["generator"] = load_generator(spec.generator, spec.checkpoint)
    key = f"{mode}/{repair}"
    if key not in _AGENTS:
        _AGENTS[key] = Agent(
            generator=_AGENTS["generator"], mode=mode, repair=repair, max_repairs=spec.max_repairs,
            infill_k=spec.infill_k, samples=spec.samples,
        )
    return _AGENTS[key]


def _run(solution: Solution, expected: str) -> RunRecord:
    from verifiers import answers_equivalent

    first_failed = any(step.node == "repair" for step in solution.trace) or (
        solution.answer is None and solution.program is not None
    )
    return RunRecord(
        answer=solution.answer,
        status=solution.status,
        correct=solution.answer is not None and answers_equivalent(solution.answer, expected),
        repairs=len(solution.repairs),
        subtree_rounds=sum(r.strategy.value == "subtree" for r in solution.repairs),
        regenerate_rounds=sum(r.strategy.value == "regenerate" for r in solution.repairs),
        first_failed=first_failed,
        candidates=len(solution.candidates),
        chosen=solution.chosen,
        first_correct=_right(solution.candidates[0].answer, expected) if solution.candidates else None,
    )


def _right(answer: str | None, expected: str) -> bool:
    from verifiers import answers_equivalent

    return answer is not None and answers_equivalent(answer, expected)


def question_text(spec: CompareSpec, problem: Any) -> str:
    """The text the agent reads for `problem`: its prompt, or its canonical ACE."""
    if spec.input == "ace":
        if not problem.ace:
            raise ValueError(f"problem {problem.id} has no canonical ACE; run with --input prompt")
        return problem.ace
    return problem.prompt


def _attempt(spec: CompareSpec, mode: str, repair: str, problem: Any) -> RunRecord:
    """One run; an exception is a bug to report, recorded so that a long run goes on."""
    try:
        return _run(_agent(spec, mode, repair).solve(question_text(spec, problem)), problem.answer)
    except Exception as err:  # recorded with its type and message, counted in the summary
        return RunRecord(answer=None, status=Status.no_answer, correct=False, repairs=0, first_failed=False,
                         error=f"{type(err).__name__}: {err}")


def compare_problem(spec: CompareSpec, problem: Any) -> ProblemRecord:
    """The three runs on one problem (the third only when the first tree failed)."""
    structural = _attempt(spec, "structural", "subtree", problem)
    tool = _attempt(spec, "tool", "subtree", problem)
    regenerate = _attempt(spec, "tool", "regenerate", problem) if tool.first_failed else None
    return ProblemRecord(
        id=problem.id, family=problem.family, expected=problem.answer,
        structural=structural, tool=tool, regenerate=regenerate,
    )


def _worker(args: tuple[dict[str, Any], dict[str, Any]]) -> ProblemRecord:
    from tasks import Problem

    spec, problem = args
    return compare_problem(CompareSpec.model_validate(spec), Problem.model_validate(problem))


def read_records(path: Path) -> tuple[CompareSpec, list[ProblemRecord]]:
    """The spec and records of a (possibly unfinished) comparison file."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    spec = CompareSpec.model_validate(json.loads(lines[0])["spec"])
    return spec, [ProblemRecord.model_validate_json(line) for line in lines[1:]]


def planned_problems(spec: CompareSpec) -> list[Any]:
    """The problems a comparison runs: the suite through --per-family and --limit (tasks.subsets)."""
    from tasks import load_suite

    return subset(load_suite(spec.suite), spec.limit, spec.per_family)


def run_comparison(spec: CompareSpec, workers: int = 1) -> Iterator[ProblemRecord]:
    """Yield one record per problem of the suite, in suite order."""
    problems = planned_problems(spec)
    if workers <= 1:
        for problem in problems:
            yield compare_problem(spec, problem)
        return
    jobs = [(spec.model_dump(), p.model_dump(mode="json")) for p in problems]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                             initializer=init_pool_worker, initargs=(workers, os.getpid())) as pool:
        yield from pool.map(_worker, jobs, chunksize=4)


class Summary(BaseModel):
    """The figures of one comparison, derived from its records."""

    problems: int
    tool_correct: int
    structural_correct: int
    tool_verified: int
    tool_verified_wrong: int
    tool_answered_wrong: int
    first_failed: int
    subtree_fixed: int
    regenerate_fixed: int
    subtree_arm_rounds: tuple[int, int] = (0, 0)  # (subtree, regenerate-fallback) rounds of the subtree arm
    errors: int = 0  # runs that raised (bugs), over all arms
    outcomes: dict[str, int] = Field(default_factory=dict, description="Tool-mode runs by outcome class.")
    selection_fixed: int = 0  # right answer although the best-scored candidate's was wrong (no repair)
    selection_broke: int = 0  # wrong (or no) answer although the best-scored candidate's was right


def outcome_class(run: RunRecord) -> str:
    """Which of the agent's stages a run's result is owed to (tool mode)."""
    if run.error:
        return "raised an exception (bug)"
    if run.correct:
        return "correct"
    if run.status is Status.rejected:
        return "rejected (rewrite or parse)"
    if run.answer is not None:
        return "wrong answer the checks did not catch"
    if run.candidates == 0 and run.repairs == 0:
        return "no program generated"
    return "caught, repair did not fix it"


def summarize(records: list[ProblemRecord]) -> Summary:
    failed = [r for r in records if r.tool.first_failed]
    return Summary(
        problems=len(records),
        tool_correct=sum(r.tool.correct for r in records),
        structural_correct=sum(r.structural.correct for r in records),
        tool_verified=sum(r.tool.status is Status.verified for r in records),
        tool_verified_wrong=sum(r.tool.status is Status.verified and not r.tool.correct for r in records),
        tool_answered_wrong=sum(r.tool.answer is not None and not r.tool.correct for r in records),
        first_failed=len(failed),
        subtree_fixed=sum(r.tool.correct for r in failed),
        regenerate_fixed=sum(bool(r.regenerate and r.regenerate.correct) for r in failed),
        subtree_arm_rounds=(sum(r.tool.subtree_rounds for r in failed), sum(r.tool.regenerate_rounds for r in failed)),
        errors=sum(bool(run and run.error) for r in records for run in (r.structural, r.tool, r.regenerate)),
        outcomes=dict(Counter(outcome_class(r.tool) for r in records).most_common()),
        selection_fixed=sum(r.tool.correct and r.tool.first_correct is False and not r.tool.first_failed
                            for r in records),
        selection_broke=sum(not r.tool.correct and bool(r.tool.first_correct) for r in records),
    )


def _share(part: int, whole: int) -> str:
    """'63.2% [55.1, 70.6]': the share with its 95% Wilson interval."""
    return share_with_interval(part, whole)


def print_summary(summary: Summary, spec: CompareSpec, console: Console) -> None:
    modes = Table(title=f"{spec.suite} ({spec.input} input): tool vs structural ({spec.generator} generator)")
    for column in ("mode", "correct", "accuracy [95% CI]", "verified", "verified but wrong", "answered but wrong"):
        modes.add_column(column)
    n = summary.problems
    modes.add_row("tool", str(summary.tool_correct), _share(summary.tool_correct, n), str(summary.tool_verified),
                  str(summary.tool_verified_wrong), str(summary.tool_answered_wrong))
    modes.add_row("structural", str(summary.structural_correct), _share(summary.structural_correct, n), "-", "-", "-")
    console.print(modes)
    repairs = Table(title=f"repair on the {summary.first_failed} problems whose first tree failed "
                          f"(budget: {spec.max_repairs} programs after the first)")
    for column in ("strategy", "fixed", "share [95% CI]"):
        repairs.add_column(column)
    repairs.add_row("subtree", str(summary.subtree_fixed), _share(summary.subtree_fixed, summary.first_failed))
    repairs.add_row("regenerate", str(summary.regenerate_fixed), _share(summary.regenerate_fixed, summary.first_failed))
    console.print(repairs)
    infills, fallbacks = summary.subtree_arm_rounds
    console.print(f"subtree arm: {infills} infill rounds, {fallbacks} rounds fell back to a new whole program "
                  "(no subtree to localize, or no new infill)")
    classes = Table(title="tool mode: where each result comes from")
    for column in ("outcome", "problems", "share"):
        classes.add_column(column)
    for name, count in summary.outcomes.items():
        classes.add_row(name, str(count), _share(count, n))
    console.print(classes)
    console.print(f"selection among {spec.samples} programs: {summary.selection_fixed} right although the best-scored "
                  f"program was wrong, {summary.selection_broke} wrong although it was right")
    if summary.errors:
        console.print(f"[red]{summary.errors} run(s) raised an exception: see the records' `error` field[/red]")


def compare_command(
    suite: Annotated[Path, typer.Argument(help="A suite JSONL file, e.g. tasks/suites/test.jsonl.")],
    generator: Annotated[str, typer.Option(help="graph or seq.")] = "graph",
    checkpoint: Annotated[str | None, typer.Option(help="Generator checkpoint (default: the shipped one).")] = None,
    max_repairs: Annotated[int, typer.Option(min=0, help="Repair budget: programs run after the first search.")] = 3,
    samples: Annotated[
        int | None, typer.Option(min=1, max=32, help="Tool mode: programs from the first search (default: the agent's).")
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N problems (after --per-family), as in eval.")] = None,
    per_family: Annotated[
        int | None, typer.Option(min=1, help="Only the first N problems of each family (a quick run over all families).")
    ] = None,
    input: Annotated[
        str, typer.Option("--input", help="prompt (English, the default) or ace (the canonical ACE: no rewriter).")
    ] = "prompt",
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    out: Annotated[Path | None, typer.Option(help="Write the per-problem records (JSONL) here.")] = None,
    summary_only: Annotated[
        bool, typer.Option("--summary-only", help="Print the summary of the records in --out (even unfinished).")
    ] = False,
) -> None:
    """Print tool vs structural accuracy, and subtree repair vs regeneration at equal budget."""
    if summary_only:
        if out is None or not out.is_file():
            Console(stderr=True).print("--summary-only needs the records file of a run: --out FILE")
            raise typer.Exit(ExitCode.bad_input)
        spec, records = read_records(out)
        print_summary(summarize(records), spec, Console())
        return
    if not suite.is_file():
        Console(stderr=True).print(f"suite {suite} does not exist")
        raise typer.Exit(ExitCode.bad_input)
    if input not in ("prompt", "ace"):
        Console(stderr=True).print(f"--input {input!r}: expected prompt or ace")
        raise typer.Exit(ExitCode.bad_input)
    if out is not None and out.exists() and out.stat().st_size > 0:
        Console(stderr=True).print(f"--out {out} already holds records; choose a new file (or --summary-only to read it)")
        raise typer.Exit(ExitCode.bad_input)
    spec = CompareSpec(suite=str(suite), generator=generator, checkpoint=checkpoint, max_repairs=max_repairs,
                       limit=limit, per_family=per_family, input=input, **({"samples": samples} if samples else {}))
    records: list[ProblemRecord] = []
    sink = out.open("x" if out and not out.exists() else "w", encoding="utf-8") if out else None
    progress = Progress(TextColumn("compare"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=Console(stderr=True))
    try:
        if sink:
            sink.write(json.dumps({"spec": spec.model_dump()}) + "\n")
        with progress:
            task = progress.add_task("compare", total=len(planned_problems(spec)))
            for record in run_comparison(spec, workers):
                records.append(record)
                progress.advance(task)
                if sink:
                    sink.write(record.model_dump_json() + "\n")
                    sink.flush()  # an unfinished run still has every record so far
    finally:
        if sink:
            sink.close()
    print_summary(summarize(records), spec, Console())
