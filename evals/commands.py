"""`ladder eval` and `ladder report`: run suites over cells, then derive the report from the records."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.measure import Measurement
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from agent.chat_options import LLMBaseURL, LLMKeyEnv, LLMModel, LLMRetries, LLMTimeout, llm_config
from tasks.exit_codes import ExitCode

RECORDS_FILE = "records.jsonl"  # evals.runner.RECORDS_FILE; the heavy modules load only when a command runs
out_console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # paths in messages must not be broken

GENERATORS = ("graph", "seq", "llm")
MODES = ("tool", "structural")


def _split(value: str, allowed: tuple[str, ...], option: str) -> list[str]:
    items = [v.strip() for v in value.split(",") if v.strip()]
    bad = [v for v in items if v not in allowed]
    if bad or not items:
        raise typer.BadParameter(f"{bad[0] if bad else value!r}: expected a comma list of {', '.join(allowed)}", param_hint=option)
    return list(dict.fromkeys(items))


def _checkpoints(value: str | None) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for part in (value or "").split(","):
        if not part.strip():
            continue
        name, sep, path = part.partition("=")
        if not sep or name.strip() not in ("graph", "seq") or not path.strip():
            raise typer.BadParameter(f"{part!r}: expected graph=PATH or seq=PATH", param_hint="--checkpoint")
        if not Path(path.strip()).is_file():
            raise typer.BadParameter(f"{path.strip()}: no such checkpoint file", param_hint="--checkpoint")
        pairs[name.strip()] = str(Path(path.strip()).resolve())
    return pairs


def eval_command(
    suites: Annotated[list[Path], typer.Argument(help="Suite files (JSONL of Problem records).")],
    out: Annotated[Path, typer.Option("--out", help="Run directory: records.jsonl, run.json, report.md.")],
    generator: Annotated[str, typer.Option(help="Comma list of generators: graph, seq, llm.")] = "graph",
    mode: Annotated[str, typer.Option(help="Comma list of modes: tool, structural.")] = "tool",
    attempts: Annotated[int, typer.Option(min=1, help="Attempts per problem and cell (pass@k).")] = 1,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (or Ray CPUs).")] = 1,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N problems of each suite.")] = None,
    per_family: Annotated[
        int | None, typer.Option(min=1, help="Only the first N problems of each family (a quick run over all families).")
    ] = None,
    resume: Annotated[bool, typer.Option(help="Continue the run in --out, skipping recorded attempts.")] = False,
    executor: Annotated[str, typer.Option(help="local (worker processes) or ray.")] = "local",
    ray_address: Annotated[str | None, typer.Option(help="Ray cluster address (e.g. 'auto'); local Ray when unset.")] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Wall-clock limit per attempt, in s.")] = 120.0,
    solver: Annotated[str, typer.Option(help="agent, or reference (runs each problem's reference program).")] = "agent",
    max_repairs: Annotated[int, typer.Option(min=0, help="Agent repair rounds per attempt.")] = 3,
    parts: Annotated[
        bool, typer.Option("--parts", help="Tool mode: solve a question whose graph chains steps by its sub-questions.")
    ] = False,
    checkpoint: Annotated[
        str | None, typer.Option(help="Checkpoints other than the shipped ones: 'graph=PATH,seq=PATH'.")
    ] = None,
    max_retries: Annotated[
        int, typer.Option(min=0, help="Retries of a solver's transient failure (a connection error), with backoff.")
    ] = 3,
    llm_model: LLMModel = None,
    llm_base_url: LLMBaseURL = None,
    llm_api_key_env: LLMKeyEnv = "OPENAI_API_KEY",
    llm_retries: LLMRetries = 3,
    llm_timeout: LLMTimeout = 60.0,
) -> None:
    """Run suites over every generator x mode cell and write one record per attempt."""
    from evals.attempt import AttemptSettings, RetryPolicy
    from evals.executors import ExecutorError
    from evals.records import RecordsError
    from evals.runner import EvalError, make_spec, run_eval
    from evals.solvers import SolverConfig

    generators = _split(generator, GENERATORS + ("reference",), "--generator")
    modes = _split(mode, MODES, "--mode")
    if executor not in ("local", "ray"):
        raise typer.BadParameter(f"{executor!r}: expected local or ray", param_hint="--executor")
    if solver not in ("agent", "reference"):
        raise typer.BadParameter(f"{solver!r}: expected agent or reference", param_hint="--solver")
    llm = llm_config(llm_model, llm_base_url, llm_api_key_env, llm_retries, llm_timeout)
    if "llm" in generators and solver == "agent" and llm is None:
        raise typer.BadParameter(
            "the llm generator needs a model: --llm-model provider:NAME, NAME with --llm-base-url URL, or module:function",
            param_hint="--generator",
        )
    settings = AttemptSettings(
        solver=SolverConfig(
            solver=solver,
            checkpoints=_checkpoints(checkpoint),
            max_repairs=max_repairs,
            agent={"parts": parts},
            llm=llm,
        ),
        timeout_s=timeout,
        retry=RetryPolicy(max_retries=max_retries),
    )
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)  # kill -TERM stops like Ctrl-C
    try:
        spec = make_spec(suites, generators, modes, attempts=attempts, limit=limit, per_family=per_family, settings=settings)
        with _progress() as progress:
            tasks: dict[str, int] = {}

            def on_start(todo: list) -> None:
                for item in todo:
                    name = item.cell.name
                    if name not in tasks:
                        tasks[name] = progress.add_task(name, total=0)
                    progress.update(tasks[name], total=progress.tasks[tasks[name]].total + 1)

            def on_record(record) -> None:
                progress.advance(tasks[record.cell.name])

            result = run_eval(
                spec,
                out,
                workers=workers,
                executor=executor,  # type: ignore[arg-type]
                resume=resume,
                ray_address=ray_address,
                on_record=on_record,
                on_start=on_start,
            )
    except (EvalError, RecordsError) as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(code=ExitCode.bad_input) from None
    except ExecutorError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(code=ExitCode.failed) from None
    except KeyboardInterrupt:
        kept = _count_lines(out / RECORDS_FILE)
        err_console.print(f"interrupted: the workers were stopped; {kept} record(s) kept in {out / RECORDS_FILE}; --resume continues")
        raise typer.Exit(code=ExitCode.interrupted) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    err_console.print(f"{result.written} attempt(s) run, {result.skipped} already recorded -> {out / RECORDS_FILE}")
    _show(out)
    down = sum(r.status.value == "unavailable" for r in result.records[len(result.records) - result.written :])
    if down:
        err_console.print(f"{down} attempt(s) found the LLM server unavailable (not scored); `--resume` runs them again")
        raise typer.Exit(code=ExitCode.unavailable)


def report_command(
    run_dir: Annotated[Path, typer.Argument(help="A run directory written by `ladder eval`.")],
) -> None:
    """Rebuild DIR/report.md and its plots from DIR/records.jsonl, and print the summary table."""
    from evals.records import RecordsError

    if not (run_dir / RECORDS_FILE).exists():
        err_console.print(f"[red]error:[/red] {run_dir}: no {RECORDS_FILE} here; is it a `ladder eval --out` directory?")
        raise typer.Exit(code=ExitCode.bad_input)
    try:
        _show(run_dir)
    except (RecordsError, ValueError) as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(code=ExitCode.bad_input) from None


def _show(run_dir: Path) -> None:
    from evals.records import read_records
    from evals.report import summary_table, write_report
    from evals.summary import summarize

    records = read_records(run_dir / RECORDS_FILE)
    print_uncut(out_console, summary_table(summarize(records), title=f"ladder eval: {run_dir}"))
    path = write_report(run_dir)
    err_console.print(f"report: {path}")


def print_uncut(console: Console, table: Table) -> None:
    """A terminal's table fits its width; into a pipe or a file it is printed whole, never cut to 'a...'."""
    if console.is_terminal:
        console.print(table)
        return
    needed = Measurement.get(console, console.options.update_width(1000), table).maximum  # its natural width
    wide = Console(file=console.file, width=max(console.width, needed), highlight=False)  # print(width=) caps at console.width
    wide.print(table, crop=False)


def _count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    )

