"""The Problem record: one FrontierMath-style question with its exact answer.

Suites are JSONL files of these records; every other package reads problems through
this schema, so it is the contract between task generation, training and evaluation.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class AnswerKind(StrEnum):
    """How an answer is compared: an integer answer is not matched by `5.0`, etc."""

    integer = "integer"
    rational = "rational"
    real = "real"
    expression = "expression"
    set = "set"
    tuple = "tuple"
    boolean = "boolean"


class Split(StrEnum):
    train = "train"
    valid = "valid"
    test = "test"
    compositional = "compositional"
    smoke = "smoke"
    external = "external"


MAX_ANSWER_CHARS = 10_000  # an exact answer longer than this is a generator bug, not data


class Problem(BaseModel):
    """One question with its exact answer and, where known, its canonical ACE and program."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, description="Unique within a suite, e.g. 'right_triangle-000042'.")
    prompt: str = Field(min_length=1, description="The question in plain English, as a user would type it.")
    answer: str = Field(
        min_length=1,
        max_length=MAX_ANSWER_CHARS,
        description="Exact answer as a sympy-parsable string: '5', '3/8', '9*pi', 'sqrt(2)', '{1, 2}'.",
    )
    answer_kind: AnswerKind
    verifier: str | None = Field(
        default=None, description="Python source defining verify(answer) -> bool, for checked answers."
    )
    ace: str | None = Field(default=None, description="Canonical Attempto Controlled English restatement.")
    program: str | None = Field(
        default=None, description="Reference Python solution; self-contained, binds `answer`."
    )
    family: str = Field(min_length=1)
    split: Split
    difficulty: int = Field(default=1, ge=1, le=10, description="Number of reasoning steps, roughly.")
    meta: dict[str, Any] = Field(default_factory=dict)

    @field_validator("answer")
    @classmethod
    def _answer_is_stripped(cls, value: str) -> str:
        if value != value.strip():
            raise ValueError("answer has leading or trailing whitespace")
        return value
