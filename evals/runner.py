"""Plan and run an eval: suites x cells x attempts, resumable from DIR/records.jsonl.

The run's spec is saved to DIR/run.json; `--resume` reads the records already written
(cutting a torn last line), checks that the spec still matches, and submits only the
missing (suite, problem, cell, attempt) keys, so a killed run loses and duplicates nothing.
Executors only decide where `run_attempt` runs; records are written here, by one process.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from evals.attempt import AttemptSettings, WorkItem
from evals.executors import run_items
from evals.records import Cell, EvalRecord, RecordKey, RecordWriter, Status, read_records
from tasks import Problem, load_suite
from tasks.subsets import subset

RECORDS_FILE = "records.jsonl"
SPEC_FILE = "run.json"
LOCK_FILE = ".lock"


class EvalError(ValueError):
    """The run cannot start as asked (a bad suite, a spec that does not match the records); says why."""


class SuiteRef(BaseModel):
    """A suite file, named by its stem, pinned by a hash of its bytes."""

    model_config = ConfigDict(frozen=True)

    name: str
    path: str
    sha256: str


class RunSpec(BaseModel):
    """What a run evaluates; equal specs give equal records (for deterministic solvers)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    suites: list[SuiteRef]
    cells: list[Cell]
    attempts: int = Field(default=1, ge=1, description="Attempts per problem and cell (n for pass@k).")
    limit: int | None = Field(default=None, ge=1, description="First N problems of each suite only.")
    per_family: int | None = Field(
        default=None, ge=1, description="First N problems of each family of each suite (before `limit`)."
    )
    settings: AttemptSettings = Field(default_factory=AttemptSettings)


class RunResult(BaseModel):
    """What a call to run_eval did."""

    out_dir: str
    records: list[EvalRecord]
    written: int = Field(description="Records written by this call (0 when everything was already done).")
    skipped: int = Field(description="Work items found already recorded (resume).")


def suite_ref(path: str | Path) -> SuiteRef:
    """Name and hash a suite file (its stem is the suite's name in records)."""
    path = Path(path)
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise EvalError(f"suite {path}: cannot read: {exc.strerror or exc}") from None
    return SuiteRef(name=path.stem, path=str(path), sha256=digest)


def make_spec(
    suites: Iterable[str | Path],
    generators: Iterable[str],
    modes: Iterable[str],
    *,
    attempts: int = 1,
    limit: int | None = None,
    per_family: int | None = None,
    settings: AttemptSettings | None = None,
) -> RunSpec:
    """Build a spec from CLI-style lists; cells are every generator crossed with every mode."""
    refs = [suite_ref(p) for p in suites]
    names = [r.name for r in refs]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise EvalError(f"two suites share the name {dupes[0]!r}; records key on the file stem, so rename one")
    if not refs:
        raise EvalError("no suite given")
    cells = [Cell(generator=g, mode=m) for g in generators for m in modes]
    if not cells:
        raise EvalError("no cell: give at least one generator and one mode")
    return RunSpec(
        suites=refs,
        cells=cells,
        attempts=attempts,
        limit=limit,
        per_family=per_family,
        settings=settings or AttemptSettings(),
    )


def plan(spec: RunSpec) -> Iterator[WorkItem]:
    """Every work item of the spec in a stable order: cell, suite, problem, attempt.

    Cell-major, so each cell runs as one stretch of wall time and its throughput can be read
    off its records' timestamps.
    """
    suites = []
    for ref in spec.suites:
        suites.append((ref.name, subset(_load(ref), spec.limit, spec.per_family)))
    for cell in spec.cells:
        for name, problems in suites:
            for problem in problems:
                for attempt in range(spec.attempts):
                    yield WorkItem(suite=name, problem=problem, cell=cell, attempt=attempt)


def _load(ref: SuiteRef) -> list[Problem]:
    try:
        return load_suite(ref.path)
    except ValueError as exc:
        raise EvalError(str(exc)) from None


def item_key(item: WorkItem) -> RecordKey:
    return RecordKey(
        suite=item.suite,
        problem_id=item.problem.id,
        generator=item.cell.generator,
        mode=item.cell.mode,
        attempt=item.attempt,
    )


def _check_resumable(spec: RunSpec, out: Path) -> None:
    saved_path = out / SPEC_FILE
    if not saved_path.exists():
        raise EvalError(f"{out}: nothing to resume ({SPEC_FILE} is missing); run without --resume")
    saved = _read_spec(saved_path)
    for field in ("suites", "attempts", "limit", "per_family", "settings"):
        if getattr(saved, field) != getattr(spec, field):
            raise EvalError(
                f"{out}: cannot resume: '{field}' differs from the saved run "
                f"({json.dumps(_dump(getattr(saved, field)))} there); use a new --out"
            )


def _read_spec(path: Path) -> RunSpec:
    """The saved spec, or an EvalError naming the file when it is empty or damaged (a run
    killed while an older version wrote it in place), never a raw validation traceback."""
    try:
        return RunSpec.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, UnicodeDecodeError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise EvalError(
            f"{path}: the saved run spec is damaged or empty ({first}); it cannot be resumed. "
            "Start a new --out, or delete it with records.jsonl to start this directory over"
        ) from None


def _write_spec(path: Path, spec: RunSpec) -> None:
    """Write run.json atomically: a temporary file in the same directory, flushed to disk,
    then renamed over the old one, so a kill leaves the old spec or the new, never a torn one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(spec.model_dump_json(indent=2) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _dump(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value


def run_eval(
    spec: RunSpec,
    out_dir: str | Path,
    *,
    workers: int = 1,
    executor: Literal["local", "ray"] = "local",
    resume: bool = False,
    ray_address: str | None = None,
    on_record: Callable[[EvalRecord], None] | None = None,
    on_start: Callable[[list[WorkItem]], None] | None = None,
) -> RunResult:
    """Run every missing work item of the spec and append its record to DIR/records.jsonl."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with _exclusive(out):
        return _run_locked(spec, out, workers, executor, resume, ray_address, on_record, on_start)


@contextmanager
def _exclusive(out: Path) -> Iterator[None]:
    """One writer per run directory: a second `ladder eval` on it would duplicate records."""
    with (out / LOCK_FILE).open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise EvalError(f"{out}: another `ladder eval` is writing this directory") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _run_locked(
    spec: RunSpec,
    out: Path,
    workers: int,
    executor: Literal["local", "ray"],
    resume: bool,
    ray_address: str | None,
    on_record: Callable[[EvalRecord], None] | None,
    on_start: Callable[[list[WorkItem]], None] | None,
) -> RunResult:
    records_path = out / RECORDS_FILE
    if resume:
        _check_resumable(spec, out)
        # cells may be added on resume; the union is what the saved spec must cover from now on
        saved = _read_spec(out / SPEC_FILE)
        spec = spec.model_copy(update={"cells": list(dict.fromkeys([*saved.cells, *spec.cells]))})
    elif records_path.exists() and records_path.stat().st_size > 0:
        raise EvalError(f"{out} already holds records; pass --resume to continue it or choose a new --out")
    _write_spec(out / SPEC_FILE, spec)

    existing = read_records(records_path, repair_tail=True)
    # an attempt the LLM server failed was no attempt: --resume runs it again (its record stays, unscored)
    done = {r.key for r in existing if r.status is not Status.unavailable}
    items = list(plan(spec))
    todo = [item for item in items if item_key(item) not in done]
    if on_start is not None:
        on_start(todo)
    written = 0
    new: list[EvalRecord] = []
    with RecordWriter(records_path) as writer:
        for record in run_items(todo, spec.settings, workers=workers, executor=executor, ray_address=ray_address):
            writer.write(record)
            new.append(record)
            written += 1
            if on_record is not None:
                on_record(record)
    return RunResult(out_dir=str(out), records=existing + new, written=written, skipped=len(items) - len(todo))
