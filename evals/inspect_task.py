"""A ladder suite as an inspect_ai task: the agent as its solver, ladder's answer check as its scorer.

    inspect eval evals/inspect_task.py@ladder_suite -T suite=tasks/suites/test.jsonl \\
        -T generator=graph -T mode=tool --model mockllm/model

The agent does not call inspect's model (it has its own generators), so any model name
works; `mockllm/model` needs no server. Optional extra: `pip install 'ladder[inspect]'`.
"""

from __future__ import annotations

import asyncio

from inspect_ai import Task, task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.model import ModelOutput
from inspect_ai.scorer import CORRECT, INCORRECT, Score, Target, accuracy, scorer, stderr
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
def ladder_agent(generator: str = "graph", mode: str = "tool", max_repairs: int = 3, reference: bool = False):
    """Solve with ladder's agent (or, with reference=True, the problem's reference program)."""
    config = SolverConfig(solver="reference" if reference else "agent", max_repairs=max_repairs)
    cell = Cell(generator="reference" if reference else generator, mode=mode)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        problem = Problem.model_validate(state.metadata[PROBLEM_KEY])
        solve_one = build_solver(config, cell)
        outcome = await asyncio.to_thread(solve_one, problem, 0)  # the agent and sandbox are blocking
        state.output = ModelOutput.from_content(model=f"ladder/{cell.name}", content=outcome.answer or "")
        state.metadata["ladder"] = outcome.model_dump(mode="json", exclude={"meta"})
        return state

    return solve


@scorer(metrics=[accuracy(), stderr()])
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
) -> Task:
    """A ladder suite file as an inspect task."""
    problems = load_suite(suite)
    if limit is not None:
        problems = problems[: int(limit)]
    return Task(
        dataset=MemoryDataset([problem_sample(p) for p in problems], name=suite),
        solver=ladder_agent(generator=generator, mode=mode, max_repairs=int(max_repairs), reference=bool(reference)),
        scorer=ladder_answer(),
    )
