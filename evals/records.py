"""Eval records: one JSONL line per (suite, problem, cell, attempt), written before anything is derived.

Reports and pass@k are computed from these records only, so a run can be resumed, merged or
re-reported without re-solving anything. The file is append-only; every record is written
and flushed whole, and a torn last line (a run killed mid-write) is cut off on resume.
"""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

RECORD_VERSION = 1  # bump when a field changes meaning; readers refuse other versions


class Status(StrEnum):
    """Exactly one per record. Only `correct` and `wrong` were scored against the gold answer."""

    correct = "correct"
    wrong = "wrong"
    no_answer = "no_answer"  # the solver finished but bound no answer (never scored from a placeholder)
    timeout = "timeout"  # the per-attempt wall clock ran out
    error = "error"  # the solver or the harness raised; `error` says what
    unavailable = "unavailable"  # the LLM server failed after the retries: the server's fault, never scored


class Cell(BaseModel):
    """One configuration under test: a generator crossed with a mode."""

    model_config = ConfigDict(frozen=True)

    generator: str = Field(description="'graph', 'seq', 'llm', or 'reference' for the reference-program solver.")
    mode: str = Field(description="'tool' (execute, verify, repair) or 'structural' (no execution).")

    @property
    def name(self) -> str:
        return f"{self.generator}/{self.mode}"


class RepairRound(BaseModel):
    """One repair round as the agent reported it."""

    round: int = Field(ge=1, description="1-based round number.")
    reason: str = Field(default="", description="Why the round started (exception, failed check).")
    subtree: str | None = Field(default=None, description="The subtree that was cut out, as source.")
    replacement: str | None = Field(default=None, description="What the generator put in the hole.")
    fixed: bool = Field(default=False, description="Whether the program passed execution and checks after it.")


class RecordKey(BaseModel):
    """What makes a record unique; resume skips keys already present."""

    model_config = ConfigDict(frozen=True)

    suite: str
    problem_id: str
    generator: str
    mode: str
    attempt: int


class EvalRecord(BaseModel):
    """The outcome of one attempt at one problem in one cell."""

    model_config = ConfigDict(extra="forbid")

    version: int = Field(default=RECORD_VERSION, description="Record schema version.")
    suite: str = Field(description="Suite name (file stem, or an external suite spec).")
    problem_id: str
    family: str = Field(description="Problem family, for per-family accuracy.")
    prompt: str = Field(default="", description="The question as the solver received it.")
    generator: str
    mode: str
    attempt: int = Field(ge=0, description="0-based attempt index; pass@k uses attempts 0..k-1.")
    status: Status
    answer: str | None = Field(default=None, description="The answer the solver gave, as text.")
    gold: str = Field(description="The problem's exact answer.")
    correct: bool = Field(description="True only when status is 'correct'.")
    why: str = Field(default="", description="Why the answer matched or not, or why nothing was scored.")
    check_method: str | None = Field(default=None, description="Which comparison decided: sympy, latex, verifier, ...")
    verdict: str | None = Field(default=None, description="The agent's own verdict (passed/failed/unknown).")
    verified: bool = Field(default=False, description="Whether the agent claimed its answer was verified.")
    repairs: list[RepairRound] = Field(default_factory=list)
    stage_ms: dict[str, float] = Field(default_factory=dict, description="Wall time per pipeline stage, in ms.")
    total_ms: float = Field(default=0.0, description="Wall time of the whole attempt, solve plus check, in ms.")
    started_at: float = Field(default=0.0, description="Unix time the attempt started, in s (for throughput).")
    finished_at: float = Field(default=0.0, description="Unix time the attempt finished, in s.")
    retries: int = Field(default=0, description="Transient failures retried before this outcome.")
    error: str | None = Field(default=None, description="'Type: message' of what failed, for status error/timeout.")
    meta: dict[str, Any] = Field(default_factory=dict, description="Solver-specific extras (ACE text, program).")

    @property
    def key(self) -> RecordKey:
        return RecordKey(
            suite=self.suite,
            problem_id=self.problem_id,
            generator=self.generator,
            mode=self.mode,
            attempt=self.attempt,
        )

    @property
    def cell(self) -> Cell:
        return Cell(generator=self.generator, mode=self.mode)


class RecordsError(ValueError):
    """A records file has a bad line that is not a torn tail; names file and line."""


def read_records(path: str | Path, *, repair_tail: bool = False) -> list[EvalRecord]:
    """Read every record; a torn or unparsable LAST line is ignored (and cut off if repair_tail).

    A bad line anywhere else means the file was edited or corrupted, and raises RecordsError
    rather than silently losing results.
    """
    path = Path(path)
    if not path.exists():
        return []
    raw = path.read_bytes()
    lines = raw.split(b"\n")
    # `lines[-1]` is b"" when the file ends in a newline; anything else is an unfinished write.
    complete, tail = lines[:-1], lines[-1]
    records: list[EvalRecord] = []
    good_bytes = 0
    for lineno, line in enumerate(complete, start=1):
        try:
            records.append(_parse_line(line))
        except (json.JSONDecodeError, UnicodeDecodeError, ValidationError) as exc:
            if lineno == len(complete) and not tail:
                break  # the last complete line is garbage: treat it as torn too
            raise RecordsError(f"{path}:{lineno}: not a valid eval record: {_short(exc)}") from None
        except RecordsError as exc:
            raise RecordsError(f"{path}:{lineno}: {exc}") from None
        good_bytes += len(line) + 1
    if repair_tail and good_bytes != len(raw):
        with path.open("r+b") as fh:
            fh.truncate(good_bytes)
    return records


def _parse_line(line: bytes) -> EvalRecord:
    record = EvalRecord.model_validate_json(line)
    if record.version != RECORD_VERSION:
        raise RecordsError(f"record version {record.version}, this ladder reads {RECORD_VERSION}")
    return record


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class RecordWriter:
    """Appends records one whole line at a time, flushed so a SIGKILL loses at most the line in flight."""

    def __init__(self, path: str | Path, *, fsync: bool = False) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = self.path.open("a", encoding="utf-8", newline="\n")
        self._fsync = fsync  # survives power loss too; not needed against a killed process

    def write(self, record: EvalRecord) -> None:
        self._fh.write(record.model_dump_json() + "\n")
        self._fh.flush()
        if self._fsync:
            os.fsync(self._fh.fileno())

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def comparable(record: EvalRecord) -> dict[str, Any]:
    """The record without wall-clock fields: what two runs of the same deterministic solver share."""
    data = record.model_dump(mode="json", exclude={"stage_ms", "total_ms", "started_at", "finished_at"})
    data["meta"] = {k: v for k, v in data["meta"].items() if not k.endswith("_ms")}
    return data
