"""Many solves in one process, with one batched search per round of generator calls.

`Agent.solve_many` runs each question of a chunk on its own thread through the same
LangGraph state machine as `Agent.solve`. The generator every thread sees is a
`BatchingGenerator`: a call to it waits at a barrier until every solve still running is
either waiting for the generator too or finished; then one thread runs all the waiting
requests as one beam search (`generate_batch`, batched over graphs), hands each thread its
own result and lets them all go on. The solves therefore advance in lockstep, each round
of `generate` (and of repair's `infill`/`generate`) is decoded together, and the rest of
a solve (rewriting, the sandbox, the checks) is unchanged. A question's answer does not
depend on which others share its batch: the search keeps each graph's beams apart.

Why threads and a barrier instead of a pipeline of stages: the agent's wiring stays in one
place (agent/graph.py), repair rounds batch too, and a solve that fails early simply leaves
the barrier.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from graphmodel.generation import Candidate
from graphmodel.trees import Path, Tree

T = TypeVar("T")


@dataclass
class _Request:
    """One thread's call, waiting at the barrier: `generate` of several graphs, or `infill`."""

    kind: str  # "generate" | "infill"
    k: int
    graphs: list[Any]
    tree: Tree | None = None
    hole: Path | None = None
    result: list[list[Candidate]] | None = None
    error: BaseException | None = None
    done: bool = False


class BatchingGenerator:
    """A Generator that pools the calls of concurrent solves into one batched search.

    The solves are admitted before they start (`admit(n)`) and each runs through
    `run(fn)`, which takes it out of the barrier when it ends, so the barrier always knows
    how many calls to wait for. `flushes` and `batched` count the rounds served and the
    graphs they decoded."""

    def __init__(self, load: Callable[[], Any], name: str) -> None:
        self._load = load  # the generator is loaded when first needed: a rejected question never loads it
        self._loaded: Any = None
        self._load_lock = threading.Lock()
        self.name = name
        self._cond = threading.Condition()
        self._live = 0
        self._pending: list[_Request] = []
        self.flushes = 0
        self.batched = 0

    @property
    def inner(self) -> Any:
        """The generator that decodes (loaded once, by whichever thread needs it first)."""
        with self._load_lock:
            if self._loaded is None:
                self._loaded = self._load()
            return self._loaded

    def __getattr__(self, attr: str) -> Any:  # readers(), model, codec...: the inner generator's
        if attr.startswith("_"):
            raise AttributeError(attr)
        return getattr(self.inner, attr)

    # -- the barrier -----------------------------------------------------------------
    def admit(self, solves: int) -> None:
        """Count solves in before any of them starts: the first to call the generator must
        not be served alone because the others have not started yet."""
        with self._cond:
            self._live += solves

    def run(self, fn: Callable[[], T]) -> T:
        """Run one admitted solve; it leaves the barrier when it ends, however it ends."""
        try:
            return fn()
        finally:
            with self._cond:
                self._live -= 1
                self._flush_if_all_waiting()

    def _submit(self, request: _Request) -> list[list[Candidate]]:
        with self._cond:
            self._pending.append(request)
            self._flush_if_all_waiting()
            while not request.done:
                self._cond.wait()
        if request.error is not None:
            raise request.error
        assert request.result is not None
        return request.result

    def _flush_if_all_waiting(self) -> None:
        """With the lock held: when every live solve waits here, serve them all (the other
        threads are blocked on this condition, so holding the lock costs nothing)."""
        if not self._pending or len(self._pending) < self._live:
            return
        pending, self._pending = self._pending, []
        self.flushes += 1
        self.batched += sum(len(r.graphs) for r in pending)
        try:
            generator = self.inner
        except Exception as err:  # noqa: BLE001 - a generator that cannot load fails each solve that asked
            for r in pending:
                r.error, r.done = err, True
        else:
            _serve(generator, pending)
        self._cond.notify_all()

    # -- the Generator interface ------------------------------------------------------
    def generate(self, graph: Any, k: int = 1) -> list[Candidate]:
        return self._submit(_Request("generate", k, [graph]))[0]

    def generate_batch(self, graphs: list[Any], k: int = 1) -> list[list[Candidate]]:
        return self._submit(_Request("generate", k, list(graphs)))

    def infill(self, graph: Any, tree: Tree, hole: Path, k: int = 1) -> list[Candidate]:
        return self._submit(_Request("infill", k, [graph], tree=tree, hole=hole))[0]


def _serve(generator: Any, pending: list[_Request]) -> None:
    """Answer every request: generate requests with the same k as one batch; infills one
    by one (each has its own context). A batch that raises is retried request by request,
    so one bad graph fails only its own solve, with the error `solve` would have seen."""
    by_k: dict[int, list[_Request]] = {}
    for r in pending:
        if r.kind == "generate":
            by_k.setdefault(r.k, []).append(r)
        else:
            _answer(r, lambda r=r: [generator.infill(r.graphs[0], r.tree, r.hole, k=r.k)])
    batch = getattr(generator, "generate_batch", None)
    for k, group in by_k.items():
        if batch is None or len(group) == 1 and len(group[0].graphs) == 1:
            for r in group:
                _answer(r, lambda r=r, k=k: _generate_each(generator, r.graphs, k))
            continue
        graphs = [g for r in group for g in r.graphs]
        try:
            results = batch(graphs, k)
        except Exception:  # noqa: BLE001 - retried one by one below: each solve gets its own error
            for r in group:
                _answer(r, lambda r=r, k=k: _generate_each(generator, r.graphs, k))
            continue
        at = 0
        for r in group:
            r.result, r.done = results[at : at + len(r.graphs)], True
            at += len(r.graphs)


def _generate_each(generator: Any, graphs: Sequence[Any], k: int) -> list[list[Candidate]]:
    return [generator.generate(g, k=k) for g in graphs]


def _answer(request: _Request, compute: Callable[[], list[list[Candidate]]]) -> None:
    try:
        request.result = compute()
    except Exception as err:  # noqa: BLE001 - handed to the solve that asked, which reports it
        request.error = err
    request.done = True


def solve_together(solve: Callable[[str], T], texts: Sequence[str], generator: BatchingGenerator) -> list[T]:
    """Solve every text on its own thread, all sharing `generator`'s barrier; in order."""
    if not texts:
        return []
    generator.admit(len(texts))
    with ThreadPoolExecutor(max_workers=len(texts), thread_name_prefix="ladder-solve") as pool:
        return list(pool.map(lambda text: generator.run(lambda: solve(text)), texts))
