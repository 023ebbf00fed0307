"""The figures of `ladder evidence`, derived from the seeds' eval records alone.

Each figure is a ratio over a (seeds, problems) grid (evals/evidence_stats.py):

* accuracy: correct / scored attempts, per suite, generator and mode, and `tool-generated`:
  tool mode counting only answers of generated (or repaired) programs, not those of the
  declarative fallback (which answers from the question's constraints whatever the generator);
* graph_minus_seq and tool_minus_structural: the paired difference on the problems both
  arms scored (in points of accuracy; the bootstrap resamples problems, so it is paired);
* repair_fixed: of the tool-mode attempts whose first tree failed (repair ran), the share a
  repair round made right (its program passed the checks and the answer is correct), by
  subtree repair and by regeneration at the same budget, and their paired difference
  (subtree_minus_regenerate);
* problems_per_s: problems per second of one worker's solving time (1 / mean attempt wall
  time, the first attempt of each cell and seed, which loads the models, left out), per
  generator and mode over all suites; the sandbox's own rate of the same run is printed beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from evals.evidence_records import GENERATORS, EvidenceSpec, Figure
from evals.evidence_runs import MODES, SeedRuns, needs_repair
from evals.evidence_stats import ratio_estimate
from evals.records import EvalRecord, Status

Key = tuple[str, str]  # (suite, problem id)
Cell = tuple[str, str]  # (generator, mode)
ALL_SUITES = "all"


def _index(runs: list[SeedRuns]) -> dict[Cell, list[dict[Key, EvalRecord]]]:
    """Cell -> one dict per seed (in run order) of problem -> record; unavailable attempts dropped."""
    grid: dict[Cell, list[dict[Key, EvalRecord]]] = {}
    for i, run in enumerate(runs):
        for record in run.eval:
            if record.status is Status.unavailable or record.attempt != 0:
                continue
            per_seed = grid.setdefault((record.generator, record.mode), [{} for _ in runs])
            per_seed[i][(record.suite, record.problem_id)] = record
    return grid


def _problems(grid: dict[Cell, list[dict[Key, EvalRecord]]], suite: str) -> list[Key]:
    """The suite's problems seen in any cell or seed, in first-seen order."""
    seen: dict[Key, None] = {}
    for per_seed in grid.values():
        for records in per_seed:
            for key in records:
                if suite in (ALL_SUITES, key[0]):
                    seen.setdefault(key)
    return list(seen)


def _matrices(problems: list[Key], n_seeds: int,
              cell: Callable[[int, Key], tuple[float, float] | None]) -> tuple[np.ndarray, np.ndarray]:
    """(num, den), each (seeds, problems), from cell(seed index, problem) -> (num, den) or None (0, 0)."""
    num, den = np.zeros((n_seeds, len(problems))), np.zeros((n_seeds, len(problems)))
    for s in range(n_seeds):
        for p, key in enumerate(problems):
            value = cell(s, key)
            if value is not None:
                num[s, p], den[s, p] = value
    return num, den


def _correct(record: EvalRecord | None) -> float | None:
    return None if record is None else float(record.status is Status.correct)


def _generated_correct(record: EvalRecord | None) -> float | None:
    """Correct with a generated (or repaired) program's answer: where the declarative fallback
    answered (its `declare` stage ran: no generated program was accepted), the attempt counts as
    wrong, so this is the generator's own tool-mode accuracy."""
    return None if record is None else float(record.status is Status.correct and "declare" not in record.stage_ms)


# (arm, mode its records come from, score of one record)
ARMS: tuple[tuple[str, str, Callable[[EvalRecord | None], float | None]], ...] = (
    ("tool", "tool", _correct),
    ("tool-generated", "tool", _generated_correct),
    ("structural", "structural", _correct),
)


def figures(spec: EvidenceSpec, runs: list[SeedRuns]) -> list[Figure]:
    """Every figure of the run, in the order the report prints them."""
    seeds = [r.seed for r in runs]
    grid = _index(runs)
    suites = list(dict.fromkeys(r.suite for run in runs for r in run.eval))
    out: list[Figure] = []

    def add(metric: str, suite: str, generator: str, arm: str, problems: list[Key],
            cell: Callable[[int, Key], tuple[float, float] | None]) -> None:
        num, den = _matrices(problems, len(seeds), cell)
        estimate = ratio_estimate(num, den, seeds, resamples=spec.bootstrap)
        out.append(Figure(metric=metric, suite=suite, generator=generator, arm=arm, estimate=estimate))

    def rec(generator: str, mode: str, s: int, key: Key) -> EvalRecord | None:
        return grid.get((generator, mode), [{} for _ in seeds])[s].get(key)

    for suite in suites:
        problems = _problems(grid, suite)
        for arm, mode, score in ARMS:
            for generator in GENERATORS:
                add("accuracy", suite, generator, arm, problems,
                    lambda s, k, g=generator, m=mode, f=score: _one(f(rec(g, m, s, k))))
            add("graph_minus_seq", suite, "graph-seq", arm, problems,
                lambda s, k, m=mode, f=score: _diff(f(rec("graph", m, s, k)), f(rec("seq", m, s, k))))
        for generator in GENERATORS:
            add("tool_minus_structural", suite, generator, "tool-structural", problems,
                lambda s, k, g=generator: _diff(_correct(rec(g, "tool", s, k)), _correct(rec(g, "structural", s, k))))
    _repair_figures(runs, grid, suites, add)
    cold = _cold_starts(grid)
    for generator in GENERATORS:
        for mode in MODES:
            add("problems_per_s", ALL_SUITES, generator, mode, _problems(grid, ALL_SUITES),
                lambda s, k, g=generator, m=mode: None if (s, g, m, k) in cold else _rate(rec(g, m, s, k)))
    return out


def _repair_figures(runs: list[SeedRuns], grid: dict[Cell, list[dict[Key, EvalRecord]]], suites: Iterable[str],
                    add: Callable[..., None]) -> None:
    """Subtree repair vs regeneration on the attempts whose first tree failed (added through `add`)."""
    regen = [{g: {(r.suite, r.problem_id): r for r in run.regenerate.get(g, []) if r.status is not Status.unavailable}
              for g in GENERATORS} for run in runs]

    def pair(generator: str, s: int, key: Key) -> tuple[float, float] | None:
        tool = grid.get((generator, "tool"), [{} for _ in runs])[s].get(key)
        other = regen[s][generator].get(key)
        if tool is None or other is None or not needs_repair(tool):
            return None
        return float(fixed_by_repair(tool)), float(fixed_by_repair(other))

    for suite in suites:
        problems = _problems(grid, suite)
        for generator in GENERATORS:
            add("repair_fixed", suite, generator, "subtree", problems,
                lambda s, k, g=generator: _first(pair(g, s, k)))
            add("repair_fixed", suite, generator, "regenerate", problems,
                lambda s, k, g=generator: _second(pair(g, s, k)))
            add("subtree_minus_regenerate", suite, generator, "subtree-regenerate", problems,
                lambda s, k, g=generator: _pair_diff(pair(g, s, k)))


def fixed_by_repair(record: EvalRecord) -> bool:
    """Correct, and a repair round's program passed execution and checks: an answer the
    declarative fallback wrote after the repairs failed (agent/declarative.py) is not a repair's."""
    return record.status is Status.correct and any(r.fixed for r in record.repairs)


def _one(value: float | None) -> tuple[float, float] | None:
    return None if value is None else (value, 1.0)


def _diff(a: float | None, b: float | None) -> tuple[float, float] | None:
    return None if a is None or b is None else (a - b, 1.0)


def _first(p: tuple[float, float] | None) -> tuple[float, float] | None:
    return None if p is None else (p[0], 1.0)


def _second(p: tuple[float, float] | None) -> tuple[float, float] | None:
    return None if p is None else (p[1], 1.0)


def _pair_diff(p: tuple[float, float] | None) -> tuple[float, float] | None:
    return None if p is None else (p[0] - p[1], 1.0)


def _cold_starts(grid: dict[Cell, list[dict[Key, EvalRecord]]]) -> set[tuple[int, str, str, Key]]:
    """The first attempt of each cell and seed: it builds the agent and loads the checkpoints, a
    start-up cost, not a solving rate (with --workers N, each further worker's first stays in)."""
    cold = set()
    for (generator, mode), per_seed in grid.items():
        for s, records in enumerate(per_seed):
            if records:
                first = min(records, key=lambda k: records[k].started_at)
                cold.add((s, generator, mode, first))
    return cold


def _rate(record: EvalRecord | None) -> tuple[float, float] | None:
    """One problem over its attempt's seconds (timeouts and errors count: they took the time)."""
    if record is None or record.total_ms <= 0:
        return None
    return 1.0, record.total_ms / 1000.0
