"""`ladder external mawps|asdiv-a|gsm8k`: real word problems as Problem JSONL (tasks.real).

`--fold K --part train|dev` writes one side of MAWPS/ASDiv-A's grouped 5-fold split;
for GSM8K `--part` picks its fixed dev tenth or the rest. Bad data ends in one line
naming the file and row, never a traceback.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tasks import dump_suite
from tasks.exit_codes import ExitCode
from tasks.real import RealDataError, data_file, import_dataset, train_dev
from tasks.real.folds import K
from tasks.real.paths import ENV

DATASETS = {"mawps": "MAWPS (one or two operations)", "asdiv-a": "ASDiv-A (grades 1-6)",
            "gsm8k": "GSM8K (2-8 steps; calculator steps become named statements)"}
out_console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


class Part(StrEnum):
    train = "train"
    dev = "dev"


def write_dataset(dataset: str, out: Path, fold: int | None, part: Part | None, data_dir: Path | None) -> None:
    """Import one dataset, keep the asked part, write it, and say what was left out."""
    if dataset == "gsm8k" and fold is not None:
        raise typer.BadParameter("GSM8K has one fixed dev split: use --part dev|train without --fold", param_hint="--fold")
    if dataset != "gsm8k" and (fold is None) != (part is None):
        raise typer.BadParameter("give --fold and --part together", param_hint="--fold/--part")
    if fold is not None and not 0 <= fold < K:
        raise typer.BadParameter(f"folds are 0..{K - 1}", param_hint="--fold")
    try:
        imported = import_dataset(dataset, data_file(dataset, data_dir))
    except RealDataError as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(code=ExitCode.failed) from None
    problems = imported.problems
    if part is not None:
        train, dev = train_dev(problems, "dev" if dataset == "gsm8k" else fold)  # type: ignore[arg-type]
        problems = dev if part is Part.dev else train
    dump_suite(problems, out)
    folds = Counter(str(p.meta["fold"]) for p in imported.problems)
    out_console.print(f"{len(problems)} {dataset} problems -> {out} (of {len(imported.problems)}; "
                      f"folds {', '.join(f'{k}: {n}' for k, n in sorted(folds.items()))})", markup=False)
    if imported.skipped:
        reasons = "; ".join(f"{r} {n}" for r, n in imported.reasons().most_common())
        err_console.print(f"{len(imported.skipped)} rows skipped (their program does not reproduce the answer): {reasons}",
                          markup=False)


def _command(dataset: str):  # noqa: ANN202 - a typer command made per dataset
    def command(
        out: Annotated[Path, typer.Option("--out", help="Suite file to write (JSONL).")],
        fold: Annotated[int | None, typer.Option(help=f"Fold 0..{K - 1} (MAWPS, ASDiv-A).")] = None,
        part: Annotated[Part | None, typer.Option(help="train or dev side of the fold (GSM8K: its fixed dev tenth).")] = None,
        data_dir: Annotated[Path | None, typer.Option(help=f"Data directory (default ${ENV}, else ../shared/data).")] = None,
    ) -> None:
        write_dataset(dataset, out, fold, part, data_dir)

    command.__doc__ = f"{DATASETS[dataset]}: English restored, verified reference programs."
    return command


def register_real_commands(app: typer.Typer) -> None:
    """Add `mawps`, `asdiv-a` and `gsm8k` to `ladder external`."""
    for dataset in DATASETS:
        app.command(dataset)(_command(dataset))
