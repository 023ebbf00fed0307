"""`ladder sandbox ...`: see what isolation this machine gives, and run a program in it."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from verifiers.sandbox import ExecStatus, ForkServer, Isolation, Limits, SandboxUnavailable


class ExitCode(IntEnum):
    """The values of `tasks.exit_codes.ExitCode` this command uses (verifiers imports no other
    package of ours, DESIGN.md; tests/foundation/test_exit_codes.py checks they agree)."""

    ok = 0
    failed = 1
    bad_input = 2
    setup = 4


app = typer.Typer(name="sandbox", help="The program sandbox: check it, run a program in it.",
                  no_args_is_help=True)
_err = Console(stderr=True)


def _server(weak: list[str]) -> ForkServer:
    allowed = {"namespaces", "landlock", "seccomp"}
    unknown = set(weak) - allowed
    if unknown:
        _err.print(f"[red]--without takes {', '.join(sorted(allowed))}; "
                   f"got {', '.join(sorted(unknown))}[/red]")
        raise typer.Exit(code=ExitCode.bad_input)
    return ForkServer(Isolation(**{layer: False for layer in weak}))


@app.command("check")
def check_command(
    without: Annotated[list[str] | None, typer.Option(
        "--without", help="Run without a layer (namespaces, landlock, seccomp): the "
                          "documented weaker mode.")] = None,
) -> None:
    """Start the sandbox, run one program, and list the isolation layers that were active."""
    server = _server(without or [])
    try:
        server.start()
        result = server.run("from sympy import sqrt\nanswer = sqrt(8)\n", Limits())
    except SandboxUnavailable as exc:
        _err.print(f"[red]sandbox unavailable:[/red] {exc}")
        raise typer.Exit(code=ExitCode.setup) from None
    finally:
        server.close()
    table = Table("layer", "active")
    for layer in ("userns", "mountns", "netns", "pidns", "ipcns", "utsns", "rlimits", "uid",
                  "capabilities", "landlock", "seccomp"):
        table.add_row(layer, "yes" if layer in result.layers else "-")
    Console().print(table)
    print(f"landlock ABI {server.setup.get('landlock_abi')}; test program: "
          f"{result.status.value}, answer {result.answer}, {result.duration_ms:.1f} ms")
    if result.status is not ExecStatus.ok:
        raise typer.Exit(code=ExitCode.failed)


@app.command("run")
def run_command(
    program: Annotated[Path, typer.Argument(help="A Python file that binds `answer`.",
                                            exists=True, dir_okay=False, readable=True)],
    wall_seconds: Annotated[float, typer.Option(help="Wall-clock limit (s).")] = 10.0,
    cpu_seconds: Annotated[int, typer.Option(help="CPU-time limit (s).")] = 5,
    memory_mb: Annotated[int, typer.Option(help="Address-space limit (MiB).")] = 1024,
) -> None:
    """Run PROGRAM in the sandbox and print the result as JSON."""
    try:
        limits = Limits(wall_seconds=wall_seconds, cpu_seconds=cpu_seconds, memory_mb=memory_mb)
    except ValueError as exc:
        _err.print(f"[red]bad limits:[/red] {exc}")
        raise typer.Exit(code=ExitCode.bad_input) from None
    server = ForkServer()
    try:
        result = server.run(program.read_text(encoding="utf-8"), limits)
    except SandboxUnavailable as exc:
        _err.print(f"[red]sandbox unavailable:[/red] {exc}")
        raise typer.Exit(code=ExitCode.setup) from None
    finally:
        server.close()
    print(result.model_dump_json(indent=2))
    if result.status is not ExecStatus.ok:
        raise typer.Exit(code=ExitCode.failed)
