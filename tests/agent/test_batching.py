"""solve_many's batching: concurrent solves share one beam search per round of generator
calls, and get the answers that one-by-one solves give."""

from __future__ import annotations

import threading

import pytest

from agent import Agent, AgentError, Status
from agent.batching import BatchingGenerator
from graphmodel.generation import GeneratorError
from graphmodel.generators import CHECKPOINT_DIR, load_generator
from tasks import load_suite
from tasks.ace import parse_ace

pytestmark = pytest.mark.skipif(not (CHECKPOINT_DIR / "graph.pt").is_file(), reason="no shipped graph checkpoint")

ACE = [
    "A right triangle has a leg of 5 meters and a leg of 12 meters. What is the hypotenuse of the right triangle?",
    "Calculate the number X such that 3 * X + 5 = 20.",
    "A rectangle has a length of 7 meters and a width of 3 meters. What is the area of the rectangle?",
]


class Recording:
    """The trained generator, recording the size of every batched search it is asked for."""

    def __init__(self, inner) -> None:
        self.inner, self.name = inner, inner.name
        self.batches: list[int] = []

    def generate(self, graph, k: int = 1):
        self.batches.append(1)
        return self.inner.generate(graph, k=k)

    def generate_batch(self, graphs, k: int = 1):
        self.batches.append(len(graphs))
        return self.inner.generate_batch(graphs, k)

    def infill(self, graph, tree, hole, k: int = 1):
        return self.inner.infill(graph, tree, hole, k=k)


@pytest.fixture(scope="module")
def graph_model():
    return load_generator("graph")


def _together(shared: BatchingGenerator, calls) -> list:
    """Run each call on its own thread as one member of the barrier; results in order."""
    out: list = [None] * len(calls)

    def member(i: int) -> None:
        try:
            out[i] = shared.run(calls[i])
        except Exception as err:  # noqa: BLE001 - the test looks at which calls failed
            out[i] = err

    shared.admit(len(calls))
    threads = [threading.Thread(target=member, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a solve thread never left the barrier"
    return out


def test_waiting_calls_are_served_by_one_batched_search(graph_model) -> None:
    recording = Recording(graph_model)
    shared = BatchingGenerator(lambda: recording, "graph")
    graphs = [parse_ace(text) for text in ACE]
    results = _together(shared, [lambda g=g: shared.generate(g, k=2) for g in graphs])
    assert recording.batches == [3], f"expected one search over the 3 graphs, got {recording.batches}"
    assert shared.flushes == 1 and shared.batched == 3
    for graph, got in zip(graphs, results, strict=True):
        alone = [c.source for c in graph_model.generate(graph, k=2)]
        assert [c.source for c in got] == alone, "a graph's candidates must not depend on its batch"


def test_a_graph_that_breaks_the_batch_fails_only_its_own_call(graph_model) -> None:
    shared = BatchingGenerator(lambda: graph_model, "graph")
    good = parse_ace(ACE[0])
    results = _together(shared, [lambda: shared.generate(good, k=1), lambda: shared.generate(object(), k=1)])
    assert isinstance(results[1], Exception), f"the broken graph's call should raise, got {results[1]!r}"
    assert not isinstance(results[0], Exception) and results[0], "the good graph still gets its program"
    assert [c.source for c in results[0]] == [c.source for c in graph_model.generate(good, k=1)]


def test_a_generator_that_cannot_load_fails_every_call_with_its_error() -> None:
    def load():
        raise GeneratorError("checkpoint /nowhere.pt does not exist")

    shared = BatchingGenerator(load, "graph")
    graph = parse_ace(ACE[1])
    results = _together(shared, [lambda: shared.generate(graph), lambda: shared.generate(graph)])
    assert all(isinstance(r, GeneratorError) and "/nowhere.pt" in str(r) for r in results), results


def test_solve_batch_gives_the_solutions_of_one_by_one_solves() -> None:
    problems = load_suite("tasks/suites/test.jsonl")[::150]  # 6 problems, 6 families
    texts = [p.prompt for p in problems] + [""]
    agent = Agent(max_repairs=1)
    together = agent.solve_batch(texts)
    alone = [agent.solve(t) for t in texts]
    for text, a, b in zip(texts, together, alone, strict=True):
        assert (a.answer, a.status, a.program, a.chosen) == (b.answer, b.status, b.program, b.chosen), text
        assert [s.node for s in a.trace] == [s.node for s in b.trace], text
    assert together[-1].status is Status.rejected
    assert sum(s.answer is not None for s in together) >= 4, [s.answer for s in together]


def test_solve_many_refuses_an_empty_batch() -> None:
    with pytest.raises(AgentError, match="batch=0"):
        Agent().solve_many(["What is 2 + 2?"], batch=0)
