"""The agent's settings in one typed object, with the reason beside each default."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from agent.state import Mode, RepairStrategy

GENERATORS = ("graph", "seq", "llm")


class AgentSettings(BaseModel):
    """How one Agent solves; picklable, so `solve_many` workers rebuild the same agent."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    generator: str = Field(default="graph", description="graph | seq | llm.")
    checkpoint: str | None = Field(default=None, description="Generator checkpoint; the shipped one when None.")
    mode: Mode = Mode.tool
    repair: RepairStrategy = RepairStrategy.subtree
    max_repairs: int = Field(default=3, ge=0, le=50, description="Repair rounds after the first program.")
    samples: int = Field(
        default=4, ge=1, le=32,
        description="Tool mode: programs from the first search (beam width), all executed and checked, one "
        "chosen by verification, then score-weighted agreement (agent/README.md has the accuracy/latency figures). "
        "Structural mode always takes the first tree alone.",
    )
    reorder: bool = Field(
        default=False,
        description="Tool mode: also generate from the semantic graph with its facts reordered (tasks/ace/reorder.py) "
        "and pool the programs: the order of independent facts does not change the question. Off: on valid "
        "(English prompts, k=4) it gave 94.3% against 94.6% without, at 2x the p50 latency.",
    )
    parts: bool = Field(
        default=False,
        description="Tool mode: where the semantic graph defines a quantity by one step and uses it in another, "
        "solve the sub-questions apart and compose their programs (agent/parts.py); the question is solved "
        "whole when that gives no accepted program. agent/README.md has the figures.",
    )
    infill_k: int = Field(
        default=4, ge=1, le=64, description="Candidates asked of the generator per hole; one is executed per round."
    )
    front_ends: tuple[str, ...] = Field(
        default=("notation", "english"),
        description="Readers asked, in order, when the ACE rewriter cannot restate the question exactly "
        "(tasks/frontends.py): `notation` for formulas and LaTeX, `english` for free word problems (spaCy).",
    )
    pool_front_ends: bool = Field(
        default=True,
        description="Tool mode: where the ACE path read the question, also read it with the first other front end "
        "that can and pool both graphs' programs for `select` (agreement and checks choose; agent/README.md).",
    )
    declarative: bool = Field(
        default=True,
        description="Tool mode: when no generated program (nor repair) was accepted, run the program written from the "
        "question's own constraints (agent/declarative.py) and report its answer as `answered`, never `verified`.",
    )
    max_input_chars: int = Field(
        default=4_000, ge=1, description="Longer questions are rejected: the ACE fragment is for short problems."
    )

    @property
    def recursion_limit(self) -> int:
        """LangGraph steps: rewrite, parse, generate, select, declare, answer, 3 per repair
        round, plus slack; the routers stop early on their own, this is the backstop."""
        return 7 + 3 * self.max_repairs + 4
