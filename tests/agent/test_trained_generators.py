"""The agent with the shipped graph and seq checkpoints: both modes, repair, solve_many."""

from __future__ import annotations

import pytest
from agent_fakes import LADDER

from agent import Agent, Status
from graphmodel.generators import CHECKPOINT_DIR, load_generator
from graphmodel.trees import parse_program

EQUATION = "If you multiply a number by 3 and add 5, you get 20. Find the number."


def shipped(name: str):
    return pytest.param(
        name,
        marks=pytest.mark.skipif(not (CHECKPOINT_DIR / f"{name}.pt").is_file(), reason=f"no shipped {name} checkpoint"),
    )


@pytest.fixture(scope="module", params=[shipped("graph"), shipped("seq")])
def generator(request):
    return load_generator(request.param)


@pytest.fixture(scope="module", params=[shipped("graph")])
def graph_generator(request):
    """The default generator, for what one generator is enough to show."""
    return load_generator(request.param)


@pytest.mark.parametrize("mode", ["tool", "structural"])
def test_each_generator_runs_the_whole_graph_in_each_mode(generator, mode: str) -> None:
    solution = Agent(generator=generator, mode=mode).solve(LADDER)
    nodes = [step.node for step in solution.trace]
    assert nodes[:3] == ["rewrite", "parse", "generate"], nodes
    assert nodes[-1] == "answer"
    assert ("select" in nodes) == (mode == "tool") and ("reduce" in nodes) == (mode == "structural")
    assert solution.program is not None and parse_program(solution.program).type == "module"
    assert solution.status in (Status.verified, Status.answered, Status.no_answer)


def test_the_graph_generator_answers_the_headline(graph_generator) -> None:
    solution = Agent(generator=graph_generator).solve(LADDER)
    assert solution.answer == "5", [(s.node, s.output) for s in solution.trace]


def test_the_graph_generator_infills_a_broken_subtree(graph_generator) -> None:
    """A deliberately broken subtree, cut out and infilled by the trained model."""
    from graphmodel.trees import cut

    generator = graph_generator
    from tasks.ace import parse_ace

    graph = parse_ace("Calculate the number X such that 3 * X + 5 = 20.")
    [first] = generator.generate(graph, k=1)
    tree = first.tree
    path = (len(tree.children) - 1, 0, 1)  # the right-hand side of the last assignment, `answer = ...`
    candidates = generator.infill(graph, cut(tree, path), path, k=2)
    assert candidates, "the model filled the hole"
    for candidate in candidates:
        assert candidate.tree.children[:-1] == tree.children[:-1], "only the hole changed"


def test_solve_many_in_processes_keeps_the_order(graph_generator) -> None:
    agent = Agent(generator="graph", max_repairs=1)
    solutions = agent.solve_many([EQUATION, "", LADDER], workers=2, batch=1)  # three chunks over two processes
    assert [s.question for s in solutions] == [EQUATION, "", LADDER]
    assert solutions[1].status is Status.rejected


class BreaksItsFirstProgram:
    """The trained generator, except that its first program has a deliberately broken
    subtree: the last assignment's value becomes an undefined name. Infill is the model's."""

    def __init__(self, inner) -> None:
        self.inner, self.name = inner, inner.name

    def generate(self, graph, k: int = 1):
        from graphmodel.generators import Candidate
        from graphmodel.trees import leaf, print_tree, replace_at

        candidates = self.inner.generate(graph, k=k)
        if k > 1:  # a wider search (regeneration) is the model's own
            return candidates
        first = candidates[0].tree
        path = (len(first.children) - 1, 0, 1)  # `answer = <this>`
        broken = replace_at(first, path, leaf("identifier", "undefined_value"))
        return [Candidate(tree=broken, source=print_tree(broken), score=0.0), *candidates[1:]]

    def infill(self, graph, tree, hole, k: int = 1):
        return self.inner.infill(graph, tree, hole, k=k)


def test_a_deliberately_broken_subtree_is_repaired_by_the_models_infill(graph_generator) -> None:
    solution = Agent(generator=BreaksItsFirstProgram(graph_generator), max_repairs=2, samples=1).solve(EQUATION)
    first = solution.repairs[0]
    assert first.strategy.value == "subtree", solution.repairs
    assert first.removed == "undefined_value" and "NameError" in first.reason
    assert first.replacement not in ("", "undefined_value"), first
    nodes = [step.node for step in solution.trace]
    assert nodes[3:6] == ["select", "repair", "execute"], "the infilled program ran next"
    assert first.fixed is (len(solution.repairs) == 1 and solution.answer is not None), solution.repairs
