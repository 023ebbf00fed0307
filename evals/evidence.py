"""`ladder evidence`: the thesis figures over seeds, with intervals, from one command.

Trains (or loads, `--checkpoint-dir`) each generator per seed at equal parameters
(evals/evidence_models.py), runs every seed through the eval harness on `test`,
`compositional` and the real-problem dev folds (evals/evidence_runs.py), derives the
figures from the records (evals/evidence_figures.py) and prints them, writing
OUT/evidence.json, figures.jsonl, models.jsonl, evidence.md and its plots
(evals/evidence_report.py). Rerun with the same options and OUT to resume: finished
trainings and recorded attempts are kept.
"""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from evals.evidence_records import EvidenceResult, EvidenceSpec
from tasks.exit_codes import ExitCode

out_console = Console()
err_console = Console(stderr=True, soft_wrap=True)

SUITES = ("tasks/suites/test.jsonl", "tasks/suites/compositional.jsonl")
DEV_FOLDS = ("mawps_dev", "asdiv-a_dev", "gsm8k_dev")
MAKE_DEV = "python -m graphmodel.mix --dev-fold 0 --out-dir {dir}"
QUICK = {"per_family": 1, "train_per_family": 8, "epochs": 15}  # --quick's slices, unless given


def parse_seeds(value: str) -> list[int]:
    """'0,1,2' -> [0, 1, 2]; a clear error for anything else."""
    try:
        seeds = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise typer.BadParameter(f"{value!r}: expected a comma list of integer seeds, e.g. 0,1,2",
                                 param_hint="--seeds") from None
    if not seeds or any(s < 0 for s in seeds) or len(set(seeds)) != len(seeds):
        raise typer.BadParameter(f"{value!r}: expected distinct non-negative seeds, e.g. 0,1,2", param_hint="--seeds")
    return seeds


def choose_suites(suites: list[Path] | None, dev_dir: Path | None) -> tuple[list[str], dict[str, str]]:
    """The suites to run, and the dev folds skipped (absent) with why and how to make them."""
    chosen = [str(s) for s in suites] if suites else list(SUITES)
    for path in chosen:
        if not Path(path).is_file():
            raise typer.BadParameter(f"{path}: no such suite file", param_hint="--suite")
    skipped: dict[str, str] = {}
    if dev_dir is not None:
        for fold in DEV_FOLDS:
            path = dev_dir / f"{fold}.jsonl"
            if path.is_file():
                chosen.append(str(path))
            else:
                skipped[fold] = f"{path} is absent (make the dev folds with `{MAKE_DEV.format(dir=dev_dir)}`)"
    return chosen, skipped


def evidence_command(
    seeds: Annotated[str, typer.Option(help="Comma list of training seeds.")] = "0,1,2",
    quick: Annotated[bool, typer.Option(help="Tiny models (ladder train --quick) on slices: the same shape in minutes.")] = False,
    checkpoint_dir: Annotated[
        Path | None, typer.Option(help="Load the seeds from DIR/seed{S}/NAME.pt or DIR/NAME.pt (recorded seed S) "
                                       "instead of training; graphmodel/checkpoints holds seed 0.")] = None,
    out: Annotated[Path | None, typer.Option(help="Run directory (default runs/evidence, runs/evidence-quick).")] = None,
    suite: Annotated[list[Path] | None, typer.Option(help="Suites to compare (repeatable; default test and compositional).")] = None,
    dev_dir: Annotated[Path, typer.Option(help="Where the real-problem dev folds are (mawps_dev.jsonl, ...).")] = Path("runs/mix0"),
    dev: Annotated[bool, typer.Option(help="Also run the dev folds found in --dev-dir.")] = True,
    per_family: Annotated[int | None, typer.Option(min=1, help="First N problems of each family of each suite.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="First N problems of each suite (after --per-family).")] = None,
    max_repairs: Annotated[int, typer.Option(min=1, help="Repair budget of both repair arms.")] = 3,
    workers: Annotated[int, typer.Option(min=1, help="Eval worker processes.")] = 1,
    timeout: Annotated[float, typer.Option(min=0.1, help="Wall-clock limit per attempt, in s.")] = 120.0,
    train_suite: Annotated[Path, typer.Option(help="Training suite of the seeds.")] = Path("tasks/suites/train.jsonl"),
    valid_suite: Annotated[Path, typer.Option(help="Validation suite (the best epoch is kept).")] = Path("tasks/suites/valid.jsonl"),
    train_per_family: Annotated[int | None, typer.Option(min=1, help="Train on the first N problems per family.")] = None,
    epochs: Annotated[int | None, typer.Option(min=1, help="Training epochs (default: the recipe's).")] = None,
    max_steps: Annotated[int | None, typer.Option(min=1, help="Stop each training after N optimizer steps.")] = None,
    bootstrap: Annotated[int, typer.Option(min=100, help="Bootstrap resamples of the problems.")] = 2000,
    device: Annotated[str, typer.Option(help="Training device: auto, cpu, cuda.")] = "auto",
    sandbox_runs: Annotated[int, typer.Option(min=0, help="Trivial sandbox runs timed beside problems/s (0: none).")] = 200,
    threads: Annotated[int, typer.Option(min=1, help="torch threads of this process (training, and solving with 1 worker).")] = 1,
) -> None:
    """Train or load N seeds of graph and seq; print accuracy, repair and speed with intervals."""
    from evals.evidence_records import EvidenceError, TrainingFailed, write_spec
    from evals.executors import ExecutorError
    from evals.records import RecordsError
    from evals.runner import EvalError

    chosen, skipped = choose_suites(suite, dev_dir if dev else None)
    if quick:
        per_family = per_family if per_family is not None or limit is not None else QUICK["per_family"]
        train_per_family = train_per_family or QUICK["train_per_family"]
        epochs = epochs or QUICK["epochs"]
    out = out or Path("runs/evidence-quick" if quick else "runs/evidence")
    spec = EvidenceSpec(
        seeds=parse_seeds(seeds), quick=quick, checkpoint_dir=str(checkpoint_dir) if checkpoint_dir else None,
        train_suite=str(train_suite), valid_suite=str(valid_suite), train_per_family=train_per_family,
        epochs=epochs, max_steps=max_steps, suites=chosen, skipped_suites=skipped,
        dev_dir=str(dev_dir) if dev else None, limit=limit, per_family=per_family, max_repairs=max_repairs,
        timeout_s=timeout, workers=workers, bootstrap=bootstrap, device=device,
    )
    for name, why in skipped.items():
        err_console.print(f"[yellow]skipping {name}:[/] {escape(why)}")
    _set_threads(threads)
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)  # kill -TERM stops like Ctrl-C
    try:
        write_spec(out, spec)
        result = run(spec, out, sandbox_runs)
    except (TrainingFailed, ExecutorError) as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}; rerun the same command to continue")
        raise typer.Exit(code=ExitCode.failed) from None
    except (EvidenceError, EvalError, RecordsError) as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(code=ExitCode.bad_input) from None
    except KeyboardInterrupt:
        err_console.print(f"interrupted: finished trainings and recorded attempts are kept in {out}; "
                          "rerun the same command to continue")
        raise typer.Exit(code=ExitCode.interrupted) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    from evals.commands import print_uncut
    from evals.evidence_report import table, write_markdown

    print_uncut(out_console, table(result))
    path = write_markdown(result, out, command_line(spec, out, sandbox_runs, threads))
    err_console.print(f"report: {path}")


def run(spec: EvidenceSpec, out: Path, sandbox_runs: int) -> EvidenceResult:
    """Models, then every seed's runs, then the figures; the result is written before it is returned."""
    from evals.evidence_figures import figures
    from evals.evidence_models import seed_models
    from evals.evidence_records import write_result
    from evals.evidence_runs import run_seed

    models = seed_models(spec, out, err_console)
    runs = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console) as progress:
        current: list[int] = []

        def on_start(name: str, todo: int) -> None:
            current[:] = [progress.add_task(name, total=todo)]

        def on_record(record: object) -> None:
            progress.advance(current[0])

        for seed in spec.seeds:
            runs.append(run_seed(spec, out, seed, models, on_start, on_record))
    result = EvidenceResult(spec=spec, models=models, figures=figures(spec, runs),
                            sandbox_runs_per_s=_sandbox_rate(sandbox_runs))
    write_result(out, result)
    return result


def _set_threads(threads: int) -> None:
    """torch's intra-op threads here: with --workers 1 the attempts run in this process, and on a
    shared 2-core machine 2 spinning threads decoded up to 10x slower than 1 (agent/cpus.py);
    worker processes take their own share (agent.pool_workers)."""
    import torch

    torch.set_num_threads(threads)


def _sandbox_rate(runs: int) -> float | None:
    """The sandbox's trivial-run rate now (evals/bench_speed.py), or None when not asked or it fails."""
    if runs <= 0:
        return None
    from agent import SandboxUnavailable
    from evals.bench_speed import sandbox_rate

    try:
        return sandbox_rate(runs)
    except (SandboxUnavailable, AssertionError) as exc:
        err_console.print(f"[yellow]sandbox rate not measured:[/] {escape(str(exc))}")
        return None


def command_line(spec: EvidenceSpec, out: Path, sandbox_runs: int, threads: int = 1) -> str:
    """The command that reproduces (or resumes) this run."""
    parts = ["ladder evidence", f"--seeds {','.join(map(str, spec.seeds))}"]
    if spec.quick:
        parts.append("--quick")
    if spec.checkpoint_dir:
        parts.append(f"--checkpoint-dir {spec.checkpoint_dir}")
    for name in spec.suites:
        if not name.endswith(tuple(f"{fold}.jsonl" for fold in DEV_FOLDS)):
            parts.append(f"--suite {name}")
    defaults = {"per_family": None, "limit": None, "max_repairs": 3, "workers": 1, "timeout_s": 120.0,
                "train_per_family": None, "epochs": None, "max_steps": None, "bootstrap": 2000,
                "train_suite": "tasks/suites/train.jsonl", "valid_suite": "tasks/suites/valid.jsonl", "device": "auto"}
    flags = {"timeout_s": "timeout"}
    for key, default in defaults.items():
        value = getattr(spec, key)
        if value != default:
            parts.append(f"--{flags.get(key, key).replace('_', '-')} {value}")
    if spec.dev_dir is None:
        parts.append("--no-dev")
    elif spec.dev_dir != "runs/mix0":
        parts.append(f"--dev-dir {spec.dev_dir}")
    parts.append(f"--out {out}")
    if sandbox_runs != 200:
        parts.append(f"--sandbox-runs {sandbox_runs}")
    if threads != 1:
        parts.append(f"--threads {threads}")
    return " ".join(parts)
