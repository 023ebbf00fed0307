"""Figures derived from eval records: pass@k, status counts, per-family accuracy, repairs, latency.

Everything here is a pure function of the records, so `ladder report DIR` rebuilds the
same figures from the same file.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import mean, median

from pydantic import BaseModel, Field

from agent.intervals import wilson
from evals.passk import mean_pass_at_k
from evals.records import Cell, EvalRecord, Status


class CellSummary(BaseModel):
    """One cell's figures over all suites of the run."""

    cell: Cell
    problems: int = Field(description="Distinct (suite, problem) pairs with at least one record.")
    attempts: int = Field(description="Records in the cell.")
    pass_at: dict[int, float] = Field(description="k -> unbiased pass@k over problems with >= k attempts.")
    pass1_interval: tuple[float, float] | None = Field(
        default=None, description="95% Wilson interval of the share of scored attempts that were correct (pass@1)."
    )
    statuses: dict[str, int] = Field(description="Status -> record count; every status listed.")
    verified_wrong: int = Field(description="Records the solver called verified whose answer was wrong.")
    mean_ms: float = Field(description="Mean wall time per attempt, in ms.")
    p50_ms: float
    throughput: float | None = Field(
        description="Attempts per second of wall time while at least one of the cell's attempts ran "
        "(the pause between a run and its --resume does not count)."
    )
    stage_ms: dict[str, float] = Field(description="Mean wall time per stage over records that ran it, in ms.")


def by_cell(records: list[EvalRecord]) -> dict[Cell, list[EvalRecord]]:
    """Group records by cell, in first-seen order."""
    groups: dict[Cell, list[EvalRecord]] = {}
    for record in records:
        groups.setdefault(record.cell, []).append(record)
    return groups


def scored(records: list[EvalRecord]) -> list[EvalRecord]:
    """The records that count: an attempt the LLM server failed is no outcome of the solver."""
    return [r for r in records if r.status is not Status.unavailable]


def problem_counts(records: list[EvalRecord]) -> list[tuple[int, int]]:
    """(attempts, correct) per (suite, problem), for pass@k; unavailable attempts left out."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for record in scored(records):
        entry = counts[(record.suite, record.problem_id)]
        entry[0] += 1
        entry[1] += int(record.status is Status.correct)
    return [(n, c) for n, c in counts.values()]


def summarize_cell(cell: Cell, records: list[EvalRecord]) -> CellSummary:
    counts = problem_counts(records)
    max_n = max((n for n, _ in counts), default=0)
    pass_at = {}
    for k in sorted({1, max_n} - {0}):
        value = mean_pass_at_k(counts, k)
        if value is not None:
            pass_at[k] = value
    statuses = Counter(r.status.value for r in records)
    times = [r.total_ms for r in records]
    stage_totals: dict[str, list[float]] = defaultdict(list)
    for record in records:
        for stage, ms in record.stage_ms.items():
            stage_totals[stage].append(ms)
    return CellSummary(
        cell=cell,
        problems=len(counts),
        attempts=len(records),
        pass_at=pass_at,
        pass1_interval=wilson(sum(c for _, c in counts), sum(n for n, _ in counts)),
        statuses={s.value: statuses.get(s.value, 0) for s in Status},
        verified_wrong=sum(1 for r in records if r.verified and r.status is Status.wrong),
        mean_ms=mean(times) if times else 0.0,
        p50_ms=median(times) if times else 0.0,
        throughput=_throughput(records),
        stage_ms={stage: mean(values) for stage, values in stage_totals.items()},
    )


def _throughput(records: list[EvalRecord]) -> float | None:
    stamped = [r for r in records if r.started_at and r.finished_at]
    busy = busy_seconds([(r.started_at, r.finished_at) for r in stamped])
    return len(stamped) / busy if busy > 0 else None


def busy_seconds(spans: list[tuple[float, float]]) -> float:
    """Length of the union of (start, end) spans: wall time while anything ran, gaps left out."""
    total, end = 0.0, float("-inf")
    for start, finish in sorted(spans):
        if finish <= end:
            continue
        total += finish - max(start, end)
        end = finish
    return total


def summarize(records: list[EvalRecord]) -> list[CellSummary]:
    return [summarize_cell(cell, rs) for cell, rs in by_cell(records).items()]


def accuracy_by_family(records: list[EvalRecord]) -> dict[Cell, dict[str, float]]:
    """Cell -> family -> share of correct attempts (pass@1)."""
    table: dict[Cell, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for record in scored(records):
        entry = table[record.cell][record.family]
        entry[0] += int(record.status is Status.correct)
        entry[1] += 1
    return {cell: {fam: c / n for fam, (c, n) in sorted(fams.items())} for cell, fams in table.items()}


class RepairFigures(BaseModel):
    """How repair went in one cell."""

    cell: Cell
    needed: int = Field(description="Attempts with at least one repair round.")
    rounds: int = Field(default=0, description="The most rounds any attempt of the cell ran.")
    fixed_by_round: dict[int, int] = Field(description="Round r -> attempts whose program first passed after round r.")
    correct_after_repair: int = Field(description="Repaired attempts whose final answer was correct.")


def repair_figures(records: list[EvalRecord]) -> list[RepairFigures]:
    out = []
    for cell, rs in by_cell(records).items():
        repaired = [r for r in rs if r.repairs]
        fixed: Counter[int] = Counter()
        for record in repaired:
            first = next((rr.round for rr in record.repairs if rr.fixed), None)
            if first is not None:
                fixed[first] += 1
        out.append(
            RepairFigures(
                cell=cell,
                needed=len(repaired),
                rounds=max((rr.round for r in repaired for rr in r.repairs), default=0),
                fixed_by_round=dict(sorted(fixed.items())),
                correct_after_repair=sum(1 for r in repaired if r.status is Status.correct),
            )
        )
    return out
