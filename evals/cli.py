"""The `ladder` command: each package's Typer commands, joined in one thin place.

`ladder --help` must not pay for torch, sympy, z3 or LangGraph, so no package is imported
here: `COMMANDS` names where each command lives and its one-line help, and a command's
module is imported only when that command runs (or its own `--help` is asked for).
`tests/foundation/test_cli_root.py` checks that every line below matches the command's docstring.
"""

from __future__ import annotations

import pkgutil
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import click
import typer
from typer.core import TyperGroup

# name -> (where the Typer app or command function lives, its one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "tasks": ("tasks.cli:app", "Problem families and suites: list, generate, validate."),
    "parse": ("tasks.ace.cli:parse_command", "Parse ACE text into ladder's semantic graph and print it."),
    "rewrite": ("agent.rewrite.cli:rewrite_command", "Rewrite an English question into ladder's ACE fragment."),
    "solve": ("agent.cli:solve", "Solve one question and show how: ACE, program, checks, repairs, trace, answer."),
    "compare": (
        "agent.compare:compare_command",
        "Print tool vs structural accuracy, and subtree repair vs regeneration at equal budget.",
    ),
    "train": ("agent.training:train_command", "Train a generator; the best epoch (validation answer accuracy) is kept."),
    "eval": ("evals.commands:eval_command", "Run suites over every generator x mode cell and write one record per attempt."),
    "report": (
        "evals.commands:report_command",
        "Rebuild DIR/report.md and its plots from DIR/records.jsonl, and print the summary table.",
    ),
    "evidence": (
        "evals.evidence:evidence_command",
        "Train or load N seeds of graph and seq; print accuracy, repair and speed with intervals.",
    ),
    "external": ("evals.external.cli:external_app", "Import public suites (mathematics-dataset, CHAMP) as Problem JSONL."),
    "sandbox": ("verifiers.cli:app", "The program sandbox: check it, run a program in it."),
}


def load_command(name: str) -> click.Command:
    """The click command behind `ladder NAME`, importing its module now."""
    target = pkgutil.resolve_name(COMMANDS[name][0])
    if isinstance(target, typer.Typer):
        group = typer.main.get_group(target)
        group.name = name
        return group
    single = typer.Typer()
    single.command(name)(target)
    return typer.main.get_group(single).commands[name]


class _Listed(click.Command):
    """A command as `ladder --help` lists it: name and help, nothing imported."""


class LazyGroup(TyperGroup):
    """The root group: lists commands from `COMMANDS`, imports one only to run it."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        return _Listed(cmd_name, help=COMMANDS[cmd_name][1])

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if isinstance(command, _Listed):
            command = load_command(command.name or "")
        return name, command, rest


def ladder_version() -> str:
    """The installed distribution's version ('unknown' when run from a bare checkout)."""
    try:
        return version("ladder")
    except PackageNotFoundError:
        return "unknown"


app = typer.Typer(
    cls=LazyGroup,
    help="ladder: English question -> controlled English -> program tree -> verified answer.",
    no_args_is_help=True,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"ladder {ladder_version()}")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print ladder's version and exit.")
    ] = False,
) -> None:
    """ladder: English question -> controlled English -> program tree -> verified answer."""

