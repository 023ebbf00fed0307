"""`ladder solve`: one question in, a short account of how its answer was found out.

Exit codes (tasks.exit_codes, the same for every command): 0 an answer; 1 no answer (the
programs failed, or a generator or sandbox could not run); 2 input ladder cannot handle
(empty, huge, binary, outside the fragment, contradictory) or options that do not fit
together; 3 the LLM server failed after its retries; 4 a missing extra (ladder[llm]).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from agent.chat_options import (
    LLMBaseURL,
    LLMKeyEnv,
    LLMModel,
    LLMRetries,
    LLMTimeout,
    build_llm,
    llm_config,
)
from agent.state import Solution, Status
from tasks.exit_codes import ExitCode

app = typer.Typer(help="Solve questions with the agent.", no_args_is_help=True)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_NO_ANSWER, EXIT_BAD_INPUT = ExitCode.failed, ExitCode.bad_input


class ModeChoice(StrEnum):
    tool = "tool"
    structural = "structural"


class GeneratorChoice(StrEnum):
    graph = "graph"
    seq = "seq"
    llm = "llm"


class RepairChoice(StrEnum):
    subtree = "subtree"
    regenerate = "regenerate"


def _read_text(text: str) -> str:
    if text != "-":
        return text
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    return data.decode("utf-8", errors="replace")


@app.command("solve")
def solve(
    text: Annotated[str, typer.Argument(help="The question in English (or ACE); '-' reads it from stdin.")],
    mode: Annotated[ModeChoice, typer.Option(help="tool: execute, verify, repair; structural: reduce the tree.")] = ModeChoice.tool,
    generator: Annotated[GeneratorChoice, typer.Option(help="Which generator writes the program.")] = GeneratorChoice.graph,
    repair: Annotated[RepairChoice, typer.Option(help="subtree: infill the failing subtree; regenerate: next whole program.")] = RepairChoice.subtree,
    max_repairs: Annotated[int, typer.Option(min=0, max=50, help="Repair rounds after the first program.")] = 3,
    samples: Annotated[
        int | None, typer.Option(min=1, max=32, help="Tool mode: programs run and checked before one is chosen.")
    ] = None,
    checkpoint: Annotated[str | None, typer.Option(help="Generator checkpoint (default: the shipped one).")] = None,
    parts: Annotated[
        bool, typer.Option("--parts", help="Tool mode: solve a question whose graph chains steps by its sub-questions.")
    ] = False,
    llm_model: LLMModel = None,
    llm_base_url: LLMBaseURL = None,
    llm_api_key_env: LLMKeyEnv = "OPENAI_API_KEY",
    llm_retries: LLMRetries = 3,
    llm_timeout: LLMTimeout = 60.0,
    json_output: Annotated[bool, typer.Option("--json", help="Print the Solution as JSON.")] = False,
    show: Annotated[Path | None, typer.Option(help="Write semantic_graph.png and program_tree.png here.")] = None,
) -> None:
    """Solve one question and show how: ACE, program, checks, repairs, trace, answer."""
    from agent.api import Agent, AgentError
    from graphmodel.generators import GeneratorError

    llm = build_llm(llm_config(llm_model, llm_base_url, llm_api_key_env, llm_retries, llm_timeout))
    if generator is GeneratorChoice.llm and llm is None:
        err.print("--generator llm needs a chat model: pass --llm-model (and --llm-base-url for a local server).")
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        agent = Agent(
            generator=generator.value, mode=mode.value, llm=llm, max_repairs=max_repairs,
            repair=repair.value, checkpoint=checkpoint, samples=samples, parts=parts,
        )
        solution = agent.solve(_read_text(text))
    except AgentError as error:
        err.print(f"cannot build the agent: {escape(str(error))}")
        raise typer.Exit(EXIT_BAD_INPUT) from error
    except (GeneratorError, OSError) as error:  # e.g. a checkpoint path that does not exist
        err.print(f"cannot load generator {generator.value!r}: {escape(str(error))}")
        raise typer.Exit(EXIT_NO_ANSWER) from error
    if json_output:
        out.print_json(solution.model_dump_json())
    else:
        print_account(solution)
    if show is not None and solution.status not in (Status.rejected, Status.llm_unavailable):
        from agent.show import write_pictures

        for path in write_pictures(solution, show, agent.graph):
            err.print(f"wrote {path}")
    if solution.status is Status.rejected:
        raise typer.Exit(EXIT_BAD_INPUT)
    if solution.status is Status.llm_unavailable:
        raise typer.Exit(ExitCode.unavailable)
    if solution.answer is None:
        raise typer.Exit(EXIT_NO_ANSWER)


def print_account(solution: Solution) -> None:
    """The short human account: ACE, program, checks, repairs, trace, answer."""
    if solution.status is Status.rejected:
        err.print(escape(solution.error or "the input was rejected"))
        return
    if solution.status is Status.llm_unavailable:
        err.print(f"LLM unavailable: {escape(solution.error or 'the LLM server failed')}; try again later")
        return
    out.print(f"[bold]ACE[/bold]      {escape(solution.ace or '-')}")
    if solution.program:
        rounds = len(solution.repairs)
        out.print("[bold]Program[/bold]" + (f" (after {rounds} repair round{'s' * (rounds > 1)})" if rounds else ""))
        for line in solution.program.rstrip().splitlines():
            out.print(f"  {escape(line)}")
    for repair in solution.repairs:
        where = f"path {repair.path} ({repair.node_type})" if repair.path is not None else "the whole program"
        fixed = {True: "fixed", False: "not fixed", None: "?"}[repair.fixed]
        out.print(
            f"[bold]Repair {repair.round}[/bold] {repair.strategy.value} at {where}: "
            f"{escape(repair.removed)!s} -> {escape(repair.replacement)!s} ({fixed}; {escape(repair.reason)})"
        )
    if solution.verdict is not None:
        for check in solution.verdict.checks:
            mark = {"passed": "[green]passed[/green]", "failed": "[red]failed[/red]"}.get(check.status.value, "skipped")
            out.print(f"[bold]Check[/bold]    {escape(check.name)}: {mark}" + (f" ({escape(check.detail)})" if check.detail else ""))
    table = Table(title="Trace", show_lines=False)
    for column in ("node", "ms", "output"):
        table.add_column(column)
    for step in solution.trace:
        table.add_row(step.node, f"{step.duration_ms:.1f}", escape(step.output))
    out.print(table)
    if solution.answer is not None:
        out.print(f"[bold]Answer[/bold]   {solution.answer}  ({solution.status.value})")
    else:
        reason = solution.failure.message if solution.failure else ""
        out.print(f"[bold]Answer[/bold]   none ({solution.status.value}{': ' + escape(reason) if reason else ''})")


from agent.compare import compare_command  # noqa: E402

app.command("compare")(compare_command)
