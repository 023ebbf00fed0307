"""A ladder suite as an inspect_ai task: the agent as its solver, ladder's answer check as its scorer.

    inspect eval evals/inspect_task.py@ladder_suite -T suite=tasks/suites/test.jsonl \\
        -T generator=llm -T mode=tool --model openai/gpt-4o-mini

With `generator=llm` inspect's `--model` writes the programs and rewrites English the rules
cannot (through `evals.inspect_bridge`); `llm_rewriter=true` lends it to the graph and seq
generators as the rewriter only. Otherwise the agent's own generators answer and any model
name works (`mockllm/model` needs no server). Scores are reported overall and per family;
each sample's metadata keeps the ACE, the program, the verdict, the repairs and the trace.
Optional extra: `pip install 'ladder[inspect]'`.
"""

from __future__ import annotations

import asyncio
from typing import Any

from inspect_ai import Task, task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.model import ModelOutput, get_model
from inspect_ai.scorer import CORRECT, INCORRECT, Score, Target, accuracy, grouped, scorer, stderr
from inspect_ai.solver import Generate, TaskState, solver

from evals.answer_check import check_answer
from evals.records import Cell
from evals.solvers import SolverConfig, build_solver
from tasks import Problem, load_suite

PROBLEM_KEY = "ladder_problem"


def problem_sample(problem: Problem) -> Sample:
    """One Sample per problem; the whole Problem rides along in metadata for the scorer."""
    return Sample(
        id=problem.id,
        input=problem.prompt,
        target=problem.answer,
        metadata={PROBLEM_KEY: problem.model_dump(mode="json"), "family": problem.family},
    )


@solver
def ladder_agent(
    generator: str = "graph", mode: str = "tool", max_repairs: int = 3, reference: bool = False, llm_rewriter: bool = False
):
    """Solve with ladder's agent (or, with reference=True, the problem's reference program); the
    llm generator, and the rewriter when llm_rewriter is set, use inspect's model."""
    config = SolverConfig(solver="reference" if reference else "agent", max_repairs=max_repairs)
    cell = Cell(generator="reference" if reference else generator, mode=mode)
    uses_model = not reference and (generator == "llm" or llm_rewriter)
    built: dict[str, Any] = {}

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        problem = Problem.model_validate(state.metadata[PROBLEM_KEY])
        if reference:
            outcome = await asyncio.to_thread(build_solver(config, cell), problem, 0)  # the sandbox blocks
            _record(state, cell.name, outcome.answer, {**outcome.model_dump(mode="json", exclude={"meta"}), **outcome.meta})
            return state
        if "agent" not in built:
            built["agent"] = _agent(generator, mode, max_repairs)
        if "chat" in built:
            built["chat"].model.loop = asyncio.get_running_loop()  # the model's calls go back to this loop
        solution = await asyncio.to_thread(built["agent"].solve, problem.prompt)  # the agent and sandbox block
        _record(state, cell.name, solution.answer, _solution_metadata(solution))
        return state

    def _agent(generator: str, mode: str, max_repairs: int) -> Any:
        from agent import Agent

        if not uses_model:
            return Agent(generator=generator, mode=mode, max_repairs=max_repairs)
        from agent.chat import LLMConfig, ResilientChat
        from evals.inspect_bridge import InspectChatModel

        model = get_model()  # the one `inspect eval --model` names; inspect retries its own calls
        chat = ResilientChat(InspectChatModel(model=model, loop=None), LLMConfig(model=str(model), max_retries=0))
        built["chat"] = chat
        return Agent(generator=generator, mode=mode, llm=chat, max_repairs=max_repairs)

    return solve


def _record(state: TaskState, cell: str, answer: str | None, metadata: dict[str, Any]) -> None:
    state.output = ModelOutput.from_content(model=f"ladder/{cell}", content=answer or "")
    state.metadata["ladder"] = metadata


def _solution_metadata(solution: Any) -> dict[str, Any]:
    """What a reader of the log needs to see how the answer was found (or why there is none)."""
    data = solution.model_dump(mode="json")
    keep = ("status", "answer", "ace", "front_end", "program", "verdict", "certificate", "failure", "repairs", "trace", "error")
    return {key: data.get(key) for key in keep}


@scorer(metrics=[grouped(accuracy(), "family"), stderr()])
def ladder_answer():
    """Exact-answer scoring by ladder's checker; the explanation is the checker's reason."""

    async def score(state: TaskState, target: Target) -> Score:
        problem = Problem.model_validate(state.metadata[PROBLEM_KEY])
        answer = state.output.completion.strip()
        if not answer:
            return Score(value=INCORRECT, answer="", explanation="no answer")
        check = check_answer(problem, answer)  # on the event loop's (main) thread, so its timeouts work
        return Score(
            value=CORRECT if check.correct else INCORRECT,
            answer=answer,
            explanation=check.why,
            metadata={"method": check.method},
        )

    return score


@task
def ladder_suite(
    suite: str,
    generator: str = "graph",
    mode: str = "tool",
    limit: int | None = None,
    max_repairs: int = 3,
    reference: bool = False,
    llm_rewriter: bool = False,
) -> Task:
    """A ladder suite file as an inspect task."""
    problems = load_suite(suite)
    if limit is not None:
        problems = problems[: int(limit)]
    return Task(
        dataset=MemoryDataset([problem_sample(p) for p in problems], name=suite),
        solver=ladder_agent(
            generator=generator,
            mode=mode,
            max_repairs=int(max_repairs),
            reference=_flag(reference),
            llm_rewriter=_flag(llm_rewriter),
        ),
        scorer=ladder_answer(),
    )


def _flag(value: Any) -> bool:
    """-T flags arrive as text from inspect's command line: 'false' must be False."""
    return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "on")
