"""`ladder tasks ...`: list the families, generate suites, validate suite files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tasks.exit_codes import ExitCode
from tasks.families import COMPOSITIONAL, FAMILIES
from tasks.families.base import FamilyError
from tasks.generate import generate
from tasks.schema import Split
from tasks.suites_io import dump_suite, validate_suite

app = typer.Typer(help="Problem families and suites: list, generate, validate.", no_args_is_help=True)


def _out() -> Console:
    """A stdout console made per command, so its width follows the terminal (and COLUMNS)."""
    return Console()


def _err() -> Console:
    return Console(stderr=True)

SUITES_DIR = Path(__file__).parent / "suites"


def _suite_counts() -> dict[str, dict[str, int]]:
    """Problems per family in each built-in suite (train, valid, test, ...)."""
    counts: dict[str, dict[str, int]] = {}
    for path in sorted(SUITES_DIR.glob("*.jsonl")):
        problems, _ = validate_suite(path)
        for p in problems:
            counts.setdefault(p.family, {}).setdefault(path.stem, 0)
            counts[p.family][path.stem] += 1
    return counts


@app.command("list")
def list_families(
    seed: Annotated[int, typer.Option(help="Seed of the example problem shown for each family.")] = 0,
) -> None:
    """Show every family with its problem counts in the built-in suites and one example."""
    counts = _suite_counts()
    table = Table(title=f"{len(FAMILIES)} families + {len(COMPOSITIONAL)} compositional", show_lines=True)
    table.add_column("family", style="bold", no_wrap=True)
    table.add_column("split")
    table.add_column("built-in suites")
    table.add_column("example", overflow="fold")
    for pool, split in ((FAMILIES, Split.test), (COMPOSITIONAL, Split.compositional)):
        for name, family in pool.items():
            example = generate([name], 1, seed, split)[0]
            per_suite = ", ".join(f"{k} {v}" for k, v in sorted(counts.get(name, {}).items())) or "-"
            table.add_row(name, "compositional" if family.compositional else "random",
                          per_suite, f"{example.prompt}\n[dim]answer: {example.answer}[/dim]")
    _out().print(table)


@app.command("generate")
def generate_suite(
    out_path: Annotated[Path, typer.Option("--out", help="JSONL file to write.")],
    families: Annotated[
        str | None, typer.Option(help="Comma-separated family names (default: every family of the split).")
    ] = None,
    per_family: Annotated[int, typer.Option(help="Problems per family.")] = 10,
    seed: Annotated[int, typer.Option(help="Seed; the same seed gives identical bytes.")] = 0,
    split: Annotated[Split, typer.Option(help="train, valid, test, smoke or compositional.")] = Split.train,
) -> None:
    """Generate a suite deterministically and write it as JSONL."""
    names = [n.strip() for n in families.split(",") if n.strip()] if families else None
    try:
        problems = generate(names, per_family, seed, split)
    except FamilyError as exc:
        _err().print(f"[red]error:[/red] {exc}")
        raise typer.Exit(code=ExitCode.bad_input) from None
    try:
        n = dump_suite(problems, out_path)
    except OSError as exc:
        _err().print(f"[red]error:[/red] cannot write {out_path}: {exc.strerror or exc}")
        raise typer.Exit(code=ExitCode.bad_input) from None
    _out().print(f"wrote {n} problems to {out_path}")


@app.command("validate")
def validate(path: Annotated[Path, typer.Argument(help="Suite file (JSONL) to check.")]) -> None:
    """Check every line of a suite; print each bad line as file:line: field: what is wrong (exit 2)."""
    problems, errors = validate_suite(path)
    out = _out()
    for line in errors:
        out.print(line, markup=False, highlight=False, soft_wrap=True)
    if errors:
        bad_lines = {e.removeprefix(f"{path}:").split(":", 1)[0] for e in errors}
        _err().print(
            f"{path}: {len(errors)} error(s) on {len(bad_lines)} line(s), {len(problems)} good record(s)", soft_wrap=True
        )
        raise typer.Exit(code=ExitCode.bad_input)
    out.print(f"{path}: {len(problems)} problems, all valid", soft_wrap=True)
