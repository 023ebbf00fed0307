"""`Agent`: the public face of the state machine (solve, stream, solve_many, asolve, astream)."""

from __future__ import annotations

import asyncio
import os
import uuid
import weakref
from collections.abc import AsyncIterator, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from multiprocessing import get_context
from typing import Any

from langgraph.errors import GraphRecursionError
from pydantic import BaseModel

from agent.chat import ResilientChat
from agent.checkpoints import CheckpointerError, open_checkpointer
from agent.graph import build_graph
from agent.pool_workers import init_pool_worker
from agent.runtime import AgentContext
from agent.settings import GENERATORS, AgentSettings
from agent.state import AgentState, Mode, RepairStrategy, Solution, Status, TraceStep

# One question per path a solve can take: the ACE rewriter with the English reader's pooled
# graph, and the notation reader (formulas).
WARM_UP_QUESTIONS = (
    "A ladder is 13 feet long and reaches 12 feet up a wall. How far is its base from the wall?",
    "What is 17*23?",
)


class AgentError(ValueError):
    """An Agent was configured with something it cannot use (unknown generator, no llm, ...)."""


class AgentEvent(BaseModel):
    """One node's update while a solve streams: the node and the trace step it appended."""

    node: str
    step: TraceStep | None = None
    update: dict[str, Any]


class Agent:
    """English question -> verified exact answer, through the LangGraph state machine.

    Args:
        generator (str or Generator): "graph", "seq", "llm", or an object with
            `generate`/`infill` (default: "graph", the shipped graph-transformer checkpoint).
        mode (str): "tool" (sandbox, verification, repair) or "structural" (exact
            symbolic reduction of the first tree, no execution) (default: "tool").
        llm (BaseChatModel, optional): chat model for the `llm` generator; when given it
            also rewrites English the rule rewriter cannot. Its calls are retried through
            outages (`agent.chat.ResilientChat`; pass one to set the retries) and a server
            that stays down ends the run as `Status.llm_unavailable` (default: None).
        max_repairs (int): repair rounds after the first program (default: 3).
        repair (str): "subtree" (infill the failing subtree) or "regenerate" (next whole
            program, same budget) (default: "subtree").
        samples (int, optional): tool mode: programs from the first search, all run and
            checked, one chosen (default: `AgentSettings.samples`; 1 for `llm`, where each
            sample is one more call to the chat model).
        parts (bool): tool mode: solve a question whose semantic graph chains steps by its
            sub-questions and compose their programs (agent/parts.py) (default: False).
        checkpointer: None (in memory), "sqlite:PATH", or a LangGraph checkpoint saver.
    """

    def __init__(
        self,
        generator: Any = "graph",
        mode: str = "tool",
        llm: Any = None,
        max_repairs: int = 3,
        repair: str = "subtree",
        checkpointer: Any = None,
        *,
        checkpoint: str | None = None,
        infill_k: int = 4,
        samples: int | None = None,
        reorder: bool = False,
        declarative: bool = True,
        parts: bool = False,
        limits: Any = None,
    ) -> None:
        name = generator if isinstance(generator, str) else getattr(generator, "name", "custom")
        if isinstance(generator, str) and generator not in GENERATORS:
            raise AgentError(f"generator {generator!r}: expected one of {', '.join(GENERATORS)}")
        if name == "llm" and llm is None and isinstance(generator, str):
            raise AgentError("generator 'llm' needs a chat model: Agent(generator='llm', llm=...)")
        if samples is None and name == "llm":
            samples = 1  # each sample of the llm generator is one more call to the chat model
        try:
            settings = AgentSettings(
                generator=name,
                checkpoint=checkpoint,
                mode=Mode(mode),
                repair=RepairStrategy(repair),
                max_repairs=max_repairs,
                infill_k=infill_k,
                reorder=reorder,
                declarative=declarative,
                parts=parts,
                **({"samples": samples} if samples is not None else {}),
            )
        except ValueError as err:
            raise AgentError(f"invalid agent settings: {err}") from err
        self._setup(settings, llm, None if isinstance(generator, str) else generator, checkpointer, limits)

    @classmethod
    def from_settings(
        cls, settings: AgentSettings, *, llm: Any = None, checkpointer: Any = None, limits: Any = None
    ) -> Agent:
        """The agent a complete settings record describes (a run's spec, a worker's copy):
        every field is taken as it is, nothing is defaulted again."""
        if settings.generator not in GENERATORS:
            raise AgentError(f"generator {settings.generator!r}: expected one of {', '.join(GENERATORS)}")
        if settings.generator == "llm" and llm is None:
            raise AgentError("generator 'llm' needs a chat model: Agent.from_settings(settings, llm=...)")
        agent = cls.__new__(cls)
        agent._setup(settings, llm, None, checkpointer, limits)
        return agent

    def _setup(self, settings: AgentSettings, llm: Any, generator: Any, checkpointer: Any, limits: Any) -> None:
        self.settings = settings
        # every call to the chat model goes through one retry loop (agent.chat); outages end as llm_unavailable
        self.llm = llm if llm is None or isinstance(llm, ResilientChat) else ResilientChat(llm)
        self.limits = limits
        self._generator = generator
        self._custom_generator = generator is not None  # may not survive pickling
        self._rewriter: Any = None
        self._warm = False
        self._pool: tuple[int, ProcessPoolExecutor, weakref.finalize] | None = None  # kept by solve_many
        try:
            self.graph = build_graph(checkpointer=open_checkpointer(checkpointer), parts=settings.parts)
        except CheckpointerError as err:
            raise AgentError(str(err)) from None

    # -- dependencies, built on first use (a model load is not free) ----------
    @property
    def generator(self) -> Any:
        if self._generator is None:
            if self.settings.generator == "llm":
                from agent.llm_generator import LLMGenerator

                self._generator = LLMGenerator(self.llm)
            else:
                from graphmodel.generators import load_generator

                self._generator = load_generator(self.settings.generator, self.settings.checkpoint)
        return self._generator

    def _rewrite(self, text: str) -> Any:
        from agent.rewrite import LLMRewriter, rewrite_rules

        result = rewrite_rules(text)
        if result.ok or self.llm is None:
            return result
        if self._rewriter is None:
            self._rewriter = LLMRewriter(self.llm)
        return self._rewriter.rewrite(text)

    def context(self) -> AgentContext:
        """The run-scoped dependencies; pass it as `context=` when embedding `Agent.graph`."""
        return AgentContext(
            settings=self.settings, load_generator=lambda: self.generator, rewrite=self._rewrite, limits=self.limits
        )

    def initial_state(self, text: str) -> dict[str, Any]:
        """The input of one run of `Agent.graph`."""
        s = self.settings
        return {"text": text, "mode": s.mode, "repair_strategy": s.repair, "max_repairs": s.max_repairs}

    def config(self, thread_id: str | None = None, recursion_limit: int | None = None) -> dict[str, Any]:
        return {
            "configurable": {"thread_id": thread_id or uuid.uuid4().hex},
            "recursion_limit": recursion_limit or self.settings.recursion_limit,
        }

    # -- running -----------------------------------------------------------------
    def solve(
        self,
        text: str,
        thread_id: str | None = None,
        recursion_limit: int | None = None,
        context: AgentContext | None = None,
    ) -> Solution:
        """Solve one question; every outcome, including rejected input, is a Solution."""
        config = self.config(thread_id, recursion_limit)
        try:
            final = self.graph.invoke(self.initial_state(text), config, context=context or self.context())
        except GraphRecursionError:
            values = self.graph.get_state(config).values
            return self._solution({**values, "status": Status.step_limit})
        return self._solution(final)

    def stream(self, text: str, thread_id: str | None = None) -> Iterator[AgentEvent]:
        """Yield one AgentEvent per node as the run goes."""
        config = self.config(thread_id)
        for chunk in self.graph.stream(
            self.initial_state(text), config, context=self.context(), stream_mode="updates"
        ):
            for node, update in chunk.items():
                update = update or {}
                steps = update.get("trace") or []
                yield AgentEvent(node=node, step=steps[-1] if steps else None, update=update)

    async def asolve(self, text: str, thread_id: str | None = None, recursion_limit: int | None = None) -> Solution:
        """`solve` for async hosts: the nodes are CPU-bound and sync, so it runs in a worker thread
        (any checkpointer works, SQLite's sync saver included) and the event loop stays free."""
        return await asyncio.to_thread(self.solve, text, thread_id, recursion_limit)

    async def astream(self, text: str, thread_id: str | None = None) -> AsyncIterator[AgentEvent]:
        """`stream` for async hosts: each node's AgentEvent as it happens, produced in a worker thread."""
        loop = asyncio.get_running_loop()
        events: asyncio.Queue[Any] = asyncio.Queue()
        done = object()

        def produce() -> None:
            try:
                for event in self.stream(text, thread_id):
                    loop.call_soon_threadsafe(events.put_nowait, event)
            except BaseException as err:  # handed to the consumer, raised there with its traceback
                loop.call_soon_threadsafe(events.put_nowait, err)
            finally:
                loop.call_soon_threadsafe(events.put_nowait, done)

        worker = loop.run_in_executor(None, produce)
        while (item := await events.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
        await worker

    def solve_many(self, texts: Sequence[str], workers: int = 1, batch: int = 64) -> list[Solution]:
        """Solve many questions, in order, each as `solve` would.

        A trained generator decodes up to `batch` questions of a process at once (one beam
        search per round of generator calls, agent/batching.py); `workers` > 1 spreads the
        chunks over processes. With an llm, or a custom generator that need not be
        picklable or thread-safe, questions go one by one (on `workers` threads)."""
        texts = list(texts)
        if batch < 1:
            raise AgentError(f"solve_many: batch={batch}: expected at least 1 question per batch")
        if self.llm is not None or self._custom_generator:
            if workers <= 1 or len(texts) <= 1:
                return [self.solve(t) for t in texts]
            with ThreadPoolExecutor(max_workers=workers) as pool:
                return list(pool.map(self.solve, texts))
        if workers <= 1 or len(texts) <= 1:
            return [s for i in range(0, len(texts), batch) for s in self.solve_batch(texts[i : i + batch])]
        rounds = -(-len(texts) // (workers * batch))
        size = -(-len(texts) // (workers * rounds))  # equal chunks, so no worker idles at the end
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        try:
            return [s for solved in self._worker_pool(workers).map(_solve_chunk_in_worker, chunks) for s in solved]
        except BrokenProcessPool:
            self.close()  # a worker died (killed, out of memory): the next call starts fresh ones
            raise

    def _worker_pool(self, workers: int) -> ProcessPoolExecutor:
        """The worker processes, started on first use and kept for later calls: a worker's
        start-up (imports, checkpoints, readers, fork server: seconds) is paid once."""
        if self._pool is not None and self._pool[0] != workers:
            self.close()
        if self._pool is None:
            spec = (self.settings.model_dump(), self.limits, workers, os.getpid())
            pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=get_context("spawn"), initializer=_init_worker, initargs=spec
            )
            # shut down when the Agent is collected too: an executor collected without a shutdown
            # leaves concurrent.futures' exit hook writing to a closed pipe
            stop = weakref.finalize(self, pool.shutdown, wait=True, cancel_futures=True)
            self._pool = (workers, pool, stop)
        return self._pool[1]

    def close(self) -> None:
        """Stop the worker processes `solve_many` keeps between calls (also when the Agent is
        collected, and at interpreter exit)."""
        if self._pool is not None:
            self._pool[2]()
            self._pool = None

    def __enter__(self) -> Agent:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def solve_batch(self, texts: Sequence[str]) -> list[Solution]:
        """Solve the texts in this process together: one thread each, the generator's calls
        pooled into batched searches (agent/batching.py); the same Solutions as `solve`."""
        if len(texts) <= 1 or self.llm is not None or self._custom_generator:
            return [self.solve(t) for t in texts]
        from agent.batching import BatchingGenerator, solve_together

        self.warm_up()
        shared = BatchingGenerator(lambda: self.generator, self.settings.generator)
        context = replace(self.context(), load_generator=lambda: shared)
        return solve_together(lambda text: self.solve(text, context=context), texts, shared)

    def warm_up(self) -> None:
        """Load what a solve loads on first use (generator and readers' models, the front
        ends' spaCy pipelines, the rewriter, the sandbox's fork server, sympy and Z3) by
        solving WARM_UP_QUESTIONS once, one after the other. Once per Agent: `solve_batch`
        calls it before its threads start, because a lazy loader is not thread-safe (each
        thread that misses an empty cache would load its own spaCy model)."""
        if self._warm:
            return
        for text in WARM_UP_QUESTIONS:
            self.solve(text)
        self._warm = True

    def _solution(self, values: dict[str, Any]) -> Solution:
        state = AgentState.model_validate({k: v for k, v in values.items() if k != "remaining_steps"})
        status = state.status or Status.no_answer
        return Solution(
            question=state.text,
            answer=state.answer if status in (Status.verified, Status.answered) else None,
            status=status,
            verdict=state.verdict,
            certificate=state.verdict.certificate if state.verdict else "",
            ace=state.ace,
            front_end=state.front_end,
            program=state.program,
            semantic_graph=state.semantic_graph,
            execution=state.execution,
            failure=state.failure,
            candidates=state.candidates,
            chosen=state.chosen,
            repairs=state.repairs,
            trace=state.trace,
            mode=state.mode,
            generator=self.settings.generator,
            error=state.error,
        )


_WORKER_AGENT: Agent | None = None


def _init_worker(settings: dict[str, Any], limits: Any, workers: int, parent_pid: int) -> None:
    global _WORKER_AGENT
    init_pool_worker(workers, parent_pid)  # ends with the parent; its share of the cores
    _WORKER_AGENT = Agent.from_settings(AgentSettings.model_validate(settings), limits=limits)


def _solve_chunk_in_worker(texts: list[str]) -> list[Solution]:
    assert _WORKER_AGENT is not None, "worker initializer did not run"
    return _WORKER_AGENT.solve_batch(texts)
