"""`ladder external ...`: write suites from public generators and datasets as Problem JSONL."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from evals.external.champ import load_champ
from evals.external.mathematics import (
    DEFAULT_MODULES,
    MathematicsDatasetError,
    MathematicsSpec,
    generate_mathematics_suite,
)
from evals.external.real import register_real_commands
from tasks import dump_suite
from tasks.exit_codes import ExitCode

external_app = typer.Typer(help="Import public suites (mathematics-dataset, CHAMP) as Problem JSONL.", no_args_is_help=True)
out_console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # paths in messages must not be broken


@external_app.command("mathematics-dataset")
def mathematics_dataset(
    out: Annotated[Path, typer.Option("--out", help="Suite file to write (JSONL).")],
    modules: Annotated[str, typer.Option(help="Comma list of modules, e.g. algebra__linear_1d.")] = ",".join(DEFAULT_MODULES),
    per_module: Annotated[int, typer.Option(min=1, help="Questions per module.")] = 20,
    seed: Annotated[int, typer.Option(help="Seed of the generator (same seed, same questions).")] = 0,
    regime: Annotated[str, typer.Option(help="train, interpolate or extrapolate.")] = "interpolate",
    venv: Annotated[Path | None, typer.Option(help="The generator's own venv (numpy<2); made on first use.")] = None,
) -> None:
    """Draw questions from DeepMind's mathematics_dataset generator (run in its own venv)."""
    names = tuple(m.strip() for m in modules.split(",") if m.strip())
    try:
        spec = MathematicsSpec(modules=names, per_module=per_module, seed=seed, regime=regime)
    except ValueError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(code=ExitCode.bad_input) from None
    try:
        problems = generate_mathematics_suite(spec, venv)
    except MathematicsDatasetError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(code=ExitCode.failed) from None
    dump_suite(problems, out)
    table = Table(title=f"mathematics-dataset -> {out}")
    table.add_column("module")
    table.add_column("questions", justify="right")
    table.add_column("answer kinds")
    by_module: dict[str, Counter[str]] = {}
    for p in problems:
        by_module.setdefault(p.family, Counter())[p.answer_kind.value] += 1
    for module, kinds in by_module.items():
        table.add_row(module, str(sum(kinds.values())), ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    out_console.print(table)


@external_app.command("champ")
def champ(out: Annotated[Path, typer.Option("--out", help="Suite file to write (JSONL).")]) -> None:
    """CHAMP's competition problems whose answers map to exact answers."""
    try:
        imported = load_champ()
    except RuntimeError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(code=ExitCode.failed) from None
    dump_suite(imported.problems, out)
    families = Counter(p.family for p in imported.problems)
    out_console.print(f"{len(imported.problems)} problems -> {out} ({', '.join(f'{f} {n}' for f, n in sorted(families.items()))})")
    err_console.print(f"{len(imported.skipped)} skipped: their answers are not exact math, e.g. "
                      + "; ".join(f"{k}: {v!r}" for k, v in list(imported.skipped.items())[:3]))


register_real_commands(external_app)  # mawps, asdiv-a, gsm8k (tasks.real)
