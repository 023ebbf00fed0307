"""The records the agent passes between its nodes and hands back to its callers.

`AgentState` is the one state object of the LangGraph state machine: each node reads it
and returns only the keys it changes; `trace` is appended to (its annotation names the
reducer). Everything in it is plain data (strings, numbers, pydantic
records), so a checkpointer can store it and `solve_many` can ship it between processes;
trees and semantic graphs travel as source text / JSON and are rebuilt where needed.
The verdict on an answer is verifiers' `Verdict` (one type for the agent and the verifiers).
"""

from __future__ import annotations

import operator
from enum import StrEnum
from typing import Annotated, Any

from langgraph.managed import RemainingSteps
from pydantic import BaseModel, Field

from verifiers import Verdict


class Mode(StrEnum):
    """How a program becomes an answer."""

    tool = "tool"  # run it in the sandbox, verify, repair
    structural = "structural"  # reduce the first tree symbolically; no execution, no feedback


class RepairStrategy(StrEnum):
    """What a repair round changes."""

    subtree = "subtree"  # cut out the failing subtree and infill only that hole
    regenerate = "regenerate"  # resample the whole program (the baseline, same budget)


class Status(StrEnum):
    """How a run ended; `answer` is set only for `verified` and `answered`."""

    verified = "verified"  # an answer, and checks that determine it passed
    answered = "answered"  # an answer that passed every check that ran, none of them decisive
    no_answer = "no_answer"  # no program produced an acceptable answer
    rejected = "rejected"  # the input could not be turned into the ACE fragment
    step_limit = "step_limit"  # the state machine ran out of steps
    llm_unavailable = "llm_unavailable"  # the LLM server failed (down, rate limit, timeout) after retries: not the agent's failure


class FailureKind(StrEnum):
    exception = "exception"  # the program raised
    resource = "resource"  # timeout, memory or output limit
    no_answer = "no_answer"  # ran, but bound no `answer`
    answer_kind = "answer_kind"  # an answer of the wrong kind (a float, a set for a count, ...)
    constraint = "constraint"  # a check failed on the answer
    contradiction = "contradiction"  # the question's own facts contradict each other (no answer can fix it)
    irreducible = "irreducible"  # structural mode: a node could not be reduced exactly


class Failure(BaseModel):
    """Why the current program was not accepted, with where to look for the fault."""

    kind: FailureKind
    message: str
    line: int | None = Field(default=None, description="1-based line of the exception, when known.")
    column: int | None = Field(default=None, description="0-based column of the exception, when known.")
    end_line: int | None = None
    end_column: int | None = None
    variable: str | None = Field(default=None, description="Program variable a failed check is about.")


class Execution(BaseModel):
    """What running a program in the sandbox (or reducing it symbolically) gave."""

    status: str = Field(description="ok, error, timeout, memory, output_limit, killed, irreducible.")
    answer: str | None = None
    answer_type: str | None = Field(default=None, description="Python type of the bound value ('float' is inexact).")
    stdout: str = ""
    exception: str | None = Field(default=None, description="'Type: message' of the exception.")
    duration_ms: float = 0.0


class CandidateOutcome(StrEnum):
    """What executing and checking one candidate program gave."""

    verified = "verified"  # its answer passed a decisive check
    passed = "passed"  # its answer passed every check that ran, none decisive
    refuted = "refuted"  # its answer failed a required check
    failed = "failed"  # it raised, hit a limit, or bound no `answer`
    skipped = "skipped"  # not run: a better-ranked candidate was already verified


class CandidateRecord(BaseModel):
    """A generated program (source of a generator's tree), its log-probability and, once
    `select` ran it, its answer and outcome."""

    source: str
    score: float = 0.0
    answer: str | None = Field(default=None, description="Canonical exact answer it bound, when it ran.")
    outcome: CandidateOutcome | None = Field(default=None, description="None until it was executed.")
    detail: str = Field(default="", description="Why it failed or was refuted.")
    unused: list[str] = Field(
        default_factory=list, description="Numbers of the question (but 1) the program never writes (agent/grounding.py)."
    )
    front_end: str | None = Field(
        default=None, description="Which reader's graph it was generated from, when tool mode pooled several."
    )


class TraceStep(BaseModel):
    """One step of the state machine: which node, what it got, what it gave, how long."""

    node: str
    input: str
    output: str
    duration_ms: float
    ok: bool = True


class RepairRound(BaseModel):
    """One repair: what failed, which subtree was replaced (or that all was resampled), by what."""

    round: int = Field(ge=1)
    strategy: RepairStrategy
    reason: str = Field(description="The failure that triggered it.")
    path: list[int] | None = Field(default=None, description="Tree path of the replaced subtree.")
    node_type: str | None = Field(default=None, description="Tree-sitter type of the replaced subtree.")
    removed: str = Field(default="", description="Source of the subtree (or program) taken out.")
    replacement: str = Field(default="", description="Source of what was put in its place.")
    candidates: int = Field(default=0, description="Candidates the generator offered.")
    fixed: bool | None = Field(default=None, description="Whether the repaired program then passed.")


class AgentState(BaseModel):
    """The state of one solve; nodes return partial updates of it."""

    text: str = Field(description="The question as the user wrote it.")
    mode: Mode = Mode.tool
    repair_strategy: RepairStrategy = RepairStrategy.subtree
    max_repairs: int = Field(default=3, ge=0)
    ace: str | None = None
    front_end: str | None = Field(default=None, description="Which reader built the semantic graph: ace, notation, english.")
    pooled_graph: dict[str, Any] | None = Field(
        default=None, description="Tool mode: a second reader's graph of the same text, whose programs were pooled."
    )
    semantic_graph: dict[str, Any] | None = Field(
        default=None, description="SemanticGraph.model_dump() of the parsed ACE."
    )
    candidates: list[CandidateRecord] = Field(
        default_factory=list, description="The generator's programs, best score first (tool mode: k of them)."
    )
    chosen: int | None = Field(default=None, description="Index in `candidates` of the program `select` chose.")
    tried: list[str] = Field(default_factory=list, description="Programs already executed.")
    program: str | None = None
    execution: Execution | None = None
    verdict: Verdict | None = None
    failure: Failure | None = None
    rounds: int = 0
    exhausted: bool = Field(default=False, description="Repair found no untried program.")
    answer: str | None = None
    status: Status | None = None
    error: str | None = Field(default=None, description="Why the input was rejected, for a person.")
    trace: Annotated[list[TraceStep], operator.add] = Field(default_factory=list)
    repairs: list[RepairRound] = Field(
        default_factory=list, description="Replaced whole: verify marks the last round fixed or not."
    )
    remaining_steps: RemainingSteps = 25


class Solution(BaseModel):
    """What `Agent.solve` returns: the answer with everything that led to it."""

    question: str
    answer: str | None = Field(description="Exact answer as a sympy-parsable string, or None.")
    status: Status
    verdict: Verdict | None = None
    certificate: str = ""
    ace: str | None = Field(default=None, description="The ACE restatement; None when another front end read the text.")
    front_end: str | None = Field(default=None, description="Which reader built the semantic graph: ace, notation, english.")
    program: str | None = None
    semantic_graph: dict[str, Any] | None = None
    execution: Execution | None = None
    failure: Failure | None = Field(default=None, description="Why the last program was not accepted.")
    candidates: list[CandidateRecord] = Field(
        default_factory=list, description="The first search's programs with their answers and outcomes."
    )
    chosen: int | None = Field(default=None, description="Index of the candidate whose answer `select` chose.")
    repairs: list[RepairRound] = Field(default_factory=list)
    trace: list[TraceStep] = Field(default_factory=list)
    mode: Mode = Mode.tool
    generator: str = "graph"
    error: str | None = None

    @property
    def verified(self) -> bool:
        return self.status is Status.verified
