"""The eval runs behind `ladder evidence`, one seed at a time, through the eval harness.

Per seed: one `run_eval` over every suite x {graph, seq} x {tool, structural} with that
seed's checkpoints (OUT/seed{S}/eval); then, per generator, the problems whose first tree
failed in tool mode (its record has repair rounds) are solved again with
`repair="regenerate"` at the same budget (OUT/seed{S}/regenerate-{NAME}), so subtree repair
and regeneration are compared on exactly the problems that needed a repair, both starting
from the same deterministic first search. Every run is the harness's own resumable run:
rerunning with the same OUT skips every recorded attempt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, Field

from agent.settings import AgentSettings
from agent.state import RepairStrategy
from evals.attempt import AttemptSettings
from evals.evidence_records import GENERATORS, EvidenceSpec, SeedModel
from evals.records import EvalRecord
from evals.runner import SPEC_FILE, make_spec, run_eval
from evals.solver_api import SolverConfig
from tasks import Problem, dump_suite, load_suite

MODES = ("tool", "structural")
OnRecord = Callable[[EvalRecord], None]
OnStart = Callable[[str, int], None]  # (run name, attempts to run)


class SeedRuns(BaseModel):
    """The records of one seed: the main eval, and the regeneration arm per generator."""

    seed: int
    eval: list[EvalRecord]
    regenerate: dict[str, list[EvalRecord]] = Field(default_factory=dict)


def seed_dir(out: Path, seed: int) -> Path:
    return out / f"seed{seed}"


def run_seed(spec: EvidenceSpec, out: Path, seed: int, models: list[SeedModel],
             on_start: OnStart | None = None, on_record: OnRecord | None = None) -> SeedRuns:
    """Both runs of one seed (resumed where OUT already holds them)."""
    checkpoints = {m.generator: m.checkpoint for m in models if m.seed == seed}
    main = _run(spec.suites, list(GENERATORS), AgentSettings(max_repairs=spec.max_repairs), checkpoints,
                seed_dir(out, seed) / "eval", spec, spec.limit, spec.per_family, f"seed {seed}", on_start, on_record)
    runs = SeedRuns(seed=seed, eval=main)
    for generator in GENERATORS:
        where = seed_dir(out, seed) / f"regenerate-{generator}"
        suites = needed_suites(spec, main, generator, where / "suites")
        if not suites:
            runs.regenerate[generator] = []
            continue
        settings = AgentSettings(max_repairs=spec.max_repairs, repair=RepairStrategy.regenerate)
        runs.regenerate[generator] = _run(suites, [generator], settings, checkpoints, where, spec, None, None,
                                          f"seed {seed} {generator} regenerate", on_start, on_record, modes=("tool",))
    return runs


def _run(suites: list[str], generators: list[str], agent: AgentSettings, checkpoints: dict[str, str], where: Path,
         spec: EvidenceSpec, limit: int | None, per_family: int | None, name: str, on_start: OnStart | None,
         on_record: OnRecord | None, modes: tuple[str, ...] = MODES) -> list[EvalRecord]:
    settings = AttemptSettings(solver=SolverConfig(agent=agent, checkpoints=checkpoints), timeout_s=spec.timeout_s)
    run_spec = make_spec(suites, generators, modes, limit=limit, per_family=per_family, settings=settings)
    result = run_eval(run_spec, where, workers=spec.workers, resume=(where / SPEC_FILE).exists(), on_record=on_record,
                      on_start=(lambda todo: on_start(name, len(todo))) if on_start else None)
    return result.records


def needs_repair(record: EvalRecord) -> bool:
    """Tool mode's first search gave no accepted program, so repair rounds ran."""
    return record.mode == "tool" and bool(record.repairs)


def needed_suites(spec: EvidenceSpec, records: list[EvalRecord], generator: str, where: Path) -> list[str]:
    """Suite files of the problems `generator` needed a repair on, one per suite under its own
    stem (records key on it); written once, so a resumed run finds the same bytes."""
    needed = {(r.suite, r.problem_id) for r in records if r.generator == generator and needs_repair(r)}
    paths = []
    for suite in spec.suites:
        stem = Path(suite).stem
        target = where / f"{stem}.jsonl"
        if not target.is_file():
            chosen: list[Problem] = [p for p in load_suite(suite) if (stem, p.id) in needed]
            if not chosen:
                continue
            dump_suite(chosen, target)
        paths.append(str(target))
    return paths
