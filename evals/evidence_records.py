"""The records of `ladder evidence`: what was asked, which models answered, and the figures.

Per-problem outcomes are the eval harness's own records (`evals/records.py`, one
`records.jsonl` per seed under OUT/seed{S}/); this module holds what sits above them:
the spec (saved first, so a rerun with the same OUT resumes), one `SeedModel` per
(generator, seed) and one `Figure` per (metric, suite, arm), each an `Estimate` over
seeds and problems. Tables and plots are derived from these, never the other way round.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

SPEC_FILE = "evidence_spec.json"
MODELS_FILE = "models.jsonl"
FIGURES_FILE = "figures.jsonl"
RESULT_FILE = "evidence.json"
REPORT_FILE = "evidence.md"

GENERATORS = ("graph", "seq")
Metric = Literal["accuracy", "graph_minus_seq", "tool_minus_structural", "repair_fixed", "subtree_minus_regenerate",
                 "problems_per_s"]


class EvidenceError(ValueError):
    """`ladder evidence` cannot run as asked (a missing suite or checkpoint, an OUT of another spec); says why."""


class TrainingFailed(EvidenceError):
    """A seed could not be trained (no usable problems, a recipe error); the seeds trained before it are kept."""


class EvidenceSpec(BaseModel):
    """What an evidence run compares; saved to OUT/evidence_spec.json before anything runs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    seeds: list[int] = Field(min_length=1, description="Training seeds; each generator is trained (or loaded) per seed.")
    quick: bool = Field(default=False, description="Tiny models (TrainConfig.quick_config) on a slice of the training suite.")
    checkpoint_dir: str | None = Field(
        default=None, description="Load the seeds from here (DIR/seed{S}/NAME.pt, or DIR/NAME.pt whose recorded seed is S) "
        "instead of training them.",
    )
    train_suite: str = Field(default="tasks/suites/train.jsonl", description="What the seeds are trained on.")
    valid_suite: str = Field(default="tasks/suites/valid.jsonl", description="Validation (the best epoch is kept).")
    train_per_family: int | None = Field(
        default=None, ge=1, description="Train on the first N problems of each family only (--quick's slice)."
    )
    epochs: int | None = Field(default=None, ge=1, description="Override the recipe's epochs.")
    max_steps: int | None = Field(default=None, ge=1, description="Stop each training after this many optimizer steps.")
    suites: list[str] = Field(min_length=1, description="The suite files compared (test, compositional, dev folds).")
    skipped_suites: dict[str, str] = Field(default_factory=dict, description="Suite -> why it was not run.")
    dev_dir: str | None = Field(default=None, description="Where the real-problem dev folds were looked for (None: not asked).")
    limit: int | None = Field(default=None, ge=1, description="First N problems of each suite (after per_family).")
    per_family: int | None = Field(default=None, ge=1, description="First N problems of each family of each suite.")
    max_repairs: int = Field(default=3, ge=1, description="Repair budget of both arms: programs run after the first.")
    timeout_s: float = Field(default=120.0, gt=0, description="Wall-clock limit of one attempt, in s.")
    workers: int = Field(default=1, ge=1, description="Eval worker processes (problems/s depends on it).")
    bootstrap: int = Field(default=2000, ge=100, description="Bootstrap resamples of the problems.")
    device: str = Field(default="auto", description="Training device: auto, cpu, cuda.")


class SeedModel(BaseModel):
    """One trained generator: where it is, how big, how it was made."""

    model_config = ConfigDict(extra="forbid")

    generator: Literal["graph", "seq"]
    seed: int
    checkpoint: str
    source: Literal["trained", "loaded"] = Field(description="Trained by this run, or loaded (--checkpoint-dir, or "
                                                 "a checkpoint this OUT already held).")
    parameters: int
    train_seconds: float | None = Field(default=None, description="Training wall time, from the checkpoint's metrics.")
    best_valid_answer: float | None = Field(default=None, description="Validation answer accuracy of the kept epoch.")
    readers: list[str] = Field(default_factory=list, description="Reader checkpoints loaded beside it (graph-english.pt...).")


class Estimate(BaseModel):
    """A figure over seeds and problems: a ratio of sums, numerator / denominator.

    Per seed s the value is sum_p num[s, p] / sum_p den[s, p]; `mean` and `sd` are over
    those per-seed values; `low`/`high` are the 2.5% and 97.5% percentiles of the pooled
    ratio over `bootstrap` resamples of the problems (with replacement, every seed's
    outcome on a drawn problem kept together, so seed and problem variance both show)."""

    model_config = ConfigDict(extra="forbid")

    per_seed: dict[int, float | None] = Field(description="Seed -> value (None where the seed's denominator was 0).")
    mean: float | None
    sd: float | None = Field(description="Sample standard deviation over seeds (None with fewer than 2).")
    pooled: float | None = Field(description="Sum of numerators over sum of denominators, all seeds.")
    low: float | None = Field(description="2.5% bootstrap percentile of the pooled ratio.")
    high: float | None = Field(description="97.5% bootstrap percentile of the pooled ratio.")
    problems: int = Field(description="Problems resampled (columns).")
    denominator: float = Field(description="Sum of denominators over all seeds (e.g. attempts that needed repair).")


class Figure(BaseModel):
    """One row of the evidence table."""

    model_config = ConfigDict(extra="forbid")

    metric: Metric
    suite: str
    generator: str = Field(description="graph, seq, or 'graph-seq' for the difference.")
    arm: str = Field(description="tool, structural, subtree, regenerate, or a difference such as 'tool-structural'.")
    estimate: Estimate


class EvidenceResult(BaseModel):
    """Everything `ladder evidence` prints, as one record (OUT/evidence.json)."""

    model_config = ConfigDict(extra="forbid")

    spec: EvidenceSpec
    models: list[SeedModel]
    figures: list[Figure]
    sandbox_runs_per_s: float | None = Field(
        default=None, description="The sandbox's trivial-run rate in the same run (evals/bench_speed.py): context for "
        "problems/s on a shared machine.")


def write_spec(out: Path, spec: EvidenceSpec) -> None:
    """Save the spec; an OUT that holds another spec is refused (its records would mix two runs)."""
    path = out / SPEC_FILE
    if path.exists():
        saved = read_spec(path)
        if saved != spec:
            diff = sorted(k for k in EvidenceSpec.model_fields if getattr(saved, k) != getattr(spec, k))
            raise EvidenceError(f"{out} holds an evidence run with other settings ({', '.join(diff)} differ); "
                                "use a new --out, or the same options to resume it")
        return
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(spec.model_dump_json(indent=2) + "\n", encoding="utf-8")


def read_spec(path: Path) -> EvidenceSpec:
    try:
        return EvidenceSpec.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise EvidenceError(f"{path}: not an evidence spec ({first}); use a new --out") from None


def write_jsonl(path: Path, rows: list[BaseModel]) -> None:
    """Whole file at once, through a temporary name: a kill leaves the old file or the new one."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("".join(r.model_dump_json() + "\n" for r in rows), encoding="utf-8")
    tmp.replace(path)


def write_result(out: Path, result: EvidenceResult) -> None:
    write_jsonl(out / MODELS_FILE, list(result.models))
    write_jsonl(out / FIGURES_FILE, list(result.figures))
    tmp = out / (RESULT_FILE + ".tmp")
    tmp.write_text(json.dumps(result.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8")
    tmp.replace(out / RESULT_FILE)


def read_result(out: Path) -> EvidenceResult:
    return EvidenceResult.model_validate_json((out / RESULT_FILE).read_text(encoding="utf-8"))
