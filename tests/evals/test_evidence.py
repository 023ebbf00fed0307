"""`ladder evidence --quick` on a tiny slice: two seeds of each generator trained, every figure
checked against the eval records it was derived from, resumed without re-solving anything,
and its bad inputs refused with a message that names them.

One run (module fixture) keeps the CI cost small: 4 tiny trainings of 10 steps, 3 problems
x 4 cells x 2 seeds, plus the regeneration arm on the attempts that needed a repair.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evals.cli import app
from evals.evidence_records import (
    FIGURES_FILE,
    MODELS_FILE,
    REPORT_FILE,
    EvidenceResult,
    read_result,
)
from evals.records import read_records
from tasks import dump_suite, load_suite
from tasks.exit_codes import ExitCode

SEEDS = (0, 1)
FAMILIES = ("area_perimeter", "gcd_lcm")


def _first_of_each(problems, families, n):
    return [p for f in families for p in [q for q in problems if q.family == f][:n]]


@pytest.fixture(scope="module")
def slice_dir(tmp_path_factory) -> Path:
    """A tiny training suite (12 problems of two families) and two eval suites (2 + 1 problems)
    named like the built-in ones, whose stems the figures key on."""
    root = tmp_path_factory.mktemp("evidence_slice")
    dump_suite(_first_of_each(load_suite("tasks/suites/train.jsonl"), FAMILIES, 6), root / "train.jsonl")
    dump_suite(_first_of_each(load_suite("tasks/suites/test.jsonl"), FAMILIES, 1), root / "test.jsonl")
    dump_suite(load_suite("tasks/suites/compositional.jsonl")[:1], root / "compositional.jsonl")
    (root / "no_dev").mkdir()
    return root


def _args(slice_dir: Path, out: Path, seeds: str = "0,1") -> list[str]:
    return ["evidence", "--quick", "--seeds", seeds, "--out", str(out),
            "--train-suite", str(slice_dir / "train.jsonl"), "--valid-suite", str(slice_dir / "train.jsonl"),
            "--max-steps", "10", "--suite", str(slice_dir / "test.jsonl"), "--suite", str(slice_dir / "compositional.jsonl"),
            "--dev-dir", str(slice_dir / "no_dev"), "--bootstrap", "300", "--sandbox-runs", "10"]


@pytest.fixture(scope="module")
def quick_run(slice_dir: Path, tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("evidence") / "run"
    result = CliRunner().invoke(app, _args(slice_dir, out))
    assert result.exit_code == 0, result.output
    return out, result.output


def _records(out: Path) -> dict[int, list]:
    return {s: read_records(out / f"seed{s}" / "eval" / "records.jsonl") for s in SEEDS}


def _figure(result: EvidenceResult, metric: str, suite: str, generator: str, arm: str):
    found = [f for f in result.figures if (f.metric, f.suite, f.generator, f.arm) == (metric, suite, generator, arm)]
    assert len(found) == 1, f"expected one {metric} figure for {suite}/{generator}/{arm}, found {len(found)}"
    return found[0].estimate


def test_models_are_two_seeds_of_each_generator_at_equal_parameters(quick_run):
    out, _ = quick_run
    models = [json.loads(line) for line in (out / MODELS_FILE).read_text().splitlines()]
    assert sorted((m["generator"], m["seed"]) for m in models) == sorted((g, s) for g in ("graph", "seq") for s in SEEDS)
    for seed in SEEDS:
        graph, seq = ({m["generator"]: m for m in models if m["seed"] == seed}[g] for g in ("graph", "seq"))
        assert abs(seq["parameters"] - graph["parameters"]) <= 0.1 * graph["parameters"], (graph, seq)
        for m in (graph, seq):
            assert m["source"] == "trained" and Path(m["checkpoint"]).is_file(), m
            assert json.loads(Path(m["checkpoint"]).with_suffix(".json").read_text())["config"]["seed"] == seed


def test_accuracy_figures_match_the_records(quick_run):
    out, _ = quick_run
    result, records = read_result(out), _records(out)
    for suite, size in (("test", 2), ("compositional", 1)):
        for generator in ("graph", "seq"):
            for mode in ("tool", "structural"):
                per_seed = {}
                for seed in SEEDS:
                    mine = [r for r in records[seed] if (r.suite, r.generator, r.mode) == (suite, generator, mode)]
                    assert len(mine) == size, f"seed {seed} {suite} {generator}/{mode}: {len(mine)} records"
                    per_seed[seed] = sum(r.correct for r in mine) / size
                e = _figure(result, "accuracy", suite, generator, mode)
                assert e.per_seed == per_seed, (suite, generator, mode)
                assert e.mean == pytest.approx(statistics.mean(per_seed.values()))
                assert e.sd == pytest.approx(statistics.stdev(per_seed.values()))
                assert e.problems == size
                assert 0.0 <= e.low <= e.pooled <= e.high <= 1.0, e
            generated = _figure(result, "accuracy", suite, generator, "tool-generated")
            for seed in SEEDS:
                mine = [r for r in records[seed] if (r.suite, r.generator, r.mode) == (suite, generator, "tool")]
                own = sum(r.correct and "declare" not in r.stage_ms for r in mine) / size
                assert generated.per_seed[seed] == own, "tool-generated leaves out the declarative fallback's answers"
                assert own <= _figure(result, "accuracy", suite, generator, "tool").per_seed[seed]


def test_paired_differences_are_the_differences_per_seed(quick_run):
    out, _ = quick_run
    result = read_result(out)
    for suite in ("test", "compositional"):
        for mode in ("tool", "tool-generated", "structural"):
            diff = _figure(result, "graph_minus_seq", suite, "graph-seq", mode)
            graph, seq = (_figure(result, "accuracy", suite, g, mode) for g in ("graph", "seq"))
            for seed in SEEDS:
                assert diff.per_seed[seed] == pytest.approx(graph.per_seed[seed] - seq.per_seed[seed])
            assert diff.low <= diff.pooled <= diff.high
        for generator in ("graph", "seq"):
            diff = _figure(result, "tool_minus_structural", suite, generator, "tool-structural")
            tool, structural = (_figure(result, "accuracy", suite, generator, m) for m in ("tool", "structural"))
            assert diff.mean == pytest.approx(tool.mean - structural.mean)


def test_regeneration_arm_runs_exactly_the_attempts_that_needed_repair(quick_run):
    out, _ = quick_run
    result, records = read_result(out), _records(out)
    for generator in ("graph", "seq"):
        needed_total = defaultdict(int)
        for seed in SEEDS:
            needed = {(r.suite, r.problem_id) for r in records[seed] if r.generator == generator and r.mode == "tool"
                      and r.repairs}
            path = out / f"seed{seed}" / f"regenerate-{generator}" / "records.jsonl"
            regen = read_records(path)
            assert {(r.suite, r.problem_id) for r in regen} == needed, f"seed {seed} {generator}"
            assert all(r.mode == "tool" and r.generator == generator for r in regen)
            for suite, _ in needed:
                needed_total[suite] += 1
        for suite in ("test", "compositional"):
            for arm in ("subtree", "regenerate"):
                e = _figure(result, "repair_fixed", suite, generator, arm)
                assert e.denominator == needed_total[suite], (suite, generator, arm)
                assert (e.pooled is None) == (needed_total[suite] == 0)


def test_problems_per_second_and_report(quick_run):
    out, output = quick_run
    result = read_result(out)
    rates = [f for f in result.figures if f.metric == "problems_per_s"]
    assert {(f.generator, f.arm) for f in rates} == {(g, m) for g in ("graph", "seq") for m in ("tool", "structural")}
    for f in rates:
        assert f.estimate.pooled is not None and f.estimate.pooled > 0, f
    assert len((out / FIGURES_FILE).read_text().splitlines()) == len(result.figures)
    report = (out / REPORT_FILE).read_text()
    for png in ("evidence_accuracy.png", "evidence_differences.png", "evidence_speed.png"):
        assert f"({png})" in report and (out / png).stat().st_size > 0, png
    assert "graph - seq" in output and "mean ± sd" in output
    assert set(result.spec.skipped_suites) == {"mawps_dev", "asdiv-a_dev", "gsm8k_dev"}
    assert "graphmodel.mix --dev-fold 0" in output, "an absent dev fold must say how to make it"


def test_rerun_resumes_without_training_or_solving_again(quick_run, slice_dir):
    out, _ = quick_run
    before = {s: len(r) for s, r in _records(out).items()}
    figures = (out / FIGURES_FILE).read_text()
    result = CliRunner().invoke(app, _args(slice_dir, out))
    assert result.exit_code == 0, result.output
    assert "training graph seed" not in result.output and "training seq seed" not in result.output, \
        "a finished seed was trained again"
    assert {s: len(r) for s, r in _records(out).items()} == before
    models = [json.loads(line) for line in (out / MODELS_FILE).read_text().splitlines()]
    assert {m["source"] for m in models} == {"loaded"}
    assert [json.loads(x)["estimate"]["per_seed"] for x in figures.splitlines()] == [
        json.loads(x)["estimate"]["per_seed"] for x in (out / FIGURES_FILE).read_text().splitlines()]


def test_other_settings_in_the_same_out_are_refused(quick_run, slice_dir):
    out, _ = quick_run
    result = CliRunner().invoke(app, [*_args(slice_dir, out), "--max-repairs", "2"])
    assert result.exit_code == ExitCode.bad_input, result.output
    assert "max_repairs" in result.output and "new --out" in result.output


def test_a_missing_seed_in_the_checkpoint_dir_names_where_it_looked(quick_run, slice_dir, tmp_path):
    out, _ = quick_run
    args = [*_args(slice_dir, tmp_path / "loaded", seeds="0,7"), "--checkpoint-dir", str(out / "checkpoints")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == ExitCode.bad_input, result.output
    assert "seed 7" in result.output and "seed7" in result.output


@pytest.mark.parametrize("seeds", ["0,x", "1,1", ""])
def test_bad_seed_lists_are_refused(seeds, tmp_path):
    result = CliRunner().invoke(app, ["evidence", "--seeds", seeds, "--out", str(tmp_path / "x"), "--no-dev"])
    assert result.exit_code == ExitCode.bad_input, result.output
    assert "--seeds" in result.output


def test_a_seed_that_cannot_be_trained_fails_with_the_reason(slice_dir, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    args = _args(slice_dir, tmp_path / "run")
    args[args.index("--train-suite") + 1] = str(empty)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == ExitCode.failed, result.output
    assert "training graph seed 0 failed" in result.output and "no usable training problems" in result.output


@pytest.mark.parametrize("generator", ["graph", "seq"])
def test_full_seeds_use_the_shipped_recipe_with_only_the_seed_and_paths_changed(generator, tmp_path):
    from evals.evidence_models import train_config
    from evals.evidence_records import EvidenceSpec
    from graphmodel.generators import CHECKPOINT_DIR

    spec = EvidenceSpec(seeds=[4], suites=["tasks/suites/test.jsonl"])
    cfg = train_config(spec, tmp_path, generator, 4, tmp_path / f"{generator}.pt", match_params=1_386_428)
    shipped = json.loads((CHECKPOINT_DIR / f"{generator}.json").read_text())["config"]
    changed = {"seed", "out", "match_params", "resume"}
    for key, value in shipped.items():
        if key not in changed:
            assert getattr(cfg, key) == value, f"{key}: {getattr(cfg, key)!r}, the shipped recipe has {value!r}"
    assert (cfg.seed, cfg.out, cfg.quick) == (4, str(tmp_path / f"{generator}.pt"), False)
    assert cfg.match_params == (1_386_428 if generator == "seq" else None), "seq is sized to the seed's graph model"
