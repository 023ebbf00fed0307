"""`ladder train`: train the graph or seq generator on task suites and write a checkpoint.

`train_command_with(checker)` builds the command around the AnswerChecker that judges the
validation programs (graphmodel.execution); agent.training builds it with the sandbox's.
`train_command` here uses graphmodel's fallback checker, for callers without an agent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from tasks.exit_codes import ExitCode

if TYPE_CHECKING:
    from graphmodel.execution import AnswerChecker

err = Console(stderr=True)
out = Console()


def train_command_with(checker: AnswerChecker | None) -> Callable[..., None]:
    """The `ladder train` command whose validation runs and judges programs with `checker`."""

    def train_command(
        generator: Annotated[str, typer.Option(help="Which model: graph (tree decoder) or seq (flat tokens).")] = "graph",
        suite: Annotated[list[Path] | None, typer.Option(help="Training suite JSONL (repeatable).")] = None,
        valid: Annotated[list[Path] | None, typer.Option(help="Validation suite, decoded and executed each epoch (repeatable; pooled).")] = None,
        out_path: Annotated[Path | None, typer.Option("--out", help="Checkpoint path (metrics JSON is written beside it).")] = None,
        quick: Annotated[bool, typer.Option(help="A tiny model for CI: trains in under a minute.")] = False,
        epochs: Annotated[int | None, typer.Option(help="Maximum epochs (early stopping may end sooner).")] = None,
        seed: Annotated[int, typer.Option(help="Seed for initialization, shuffling and infilling holes.")] = 0,
        time_budget: Annotated[float | None, typer.Option(help="Stop training after this many seconds.")] = None,
        device: Annotated[str, typer.Option(help="auto, cpu, cuda or cuda:N.")] = "auto",
        match_params: Annotated[int | None, typer.Option(help="seq only: parameter count to match (default: the graph model's on the same data).")] = None,
        max_steps: Annotated[int | None, typer.Option(help="Stop after this many optimizer steps.")] = None,
        batch_size: Annotated[int | None, typer.Option(help="Sequences per optimizer step (per process).")] = None,
        save_optimizer: Annotated[bool, typer.Option(help="Keep the optimizer state in the checkpoint (to resume).")] = False,
        resume: Annotated[Path | None, typer.Option(help="Continue from a checkpoint written with --save-optimizer (its weights, optimizer, step and best score).")] = None,
        variants: Annotated[bool, typer.Option(help="Also train on equivalent rewordings of each ACE text (tasks.ace.variants).")] = False,
        shuffle_facts: Annotated[float, typer.Option(help="Share of examples shown each epoch with their facts in a random order (graph: node order; seq: sentence order).")] = 0.0,
        lexical: Annotated[bool, typer.Option(help="graph: add pretrained WordLlama label vectors to node embeddings (graphmodel/lexicon.py).")] = False,
        english_views: Annotated[float, typer.Option(help="Share of ACE problems also trained on as read by the English front end (tasks.english).")] = 0.0,
    ) -> None:
        """Train a generator; the best epoch (validation answer accuracy) is kept."""
        from graphmodel.recipes import PrepareError
        from graphmodel.train import TrainConfig, TrainError, train

        if generator not in ("graph", "seq"):
            err.print(f"[red]error:[/] --generator must be 'graph' or 'seq', got {generator!r}")
            raise typer.Exit(code=ExitCode.bad_input)
        suites = [str(s) for s in (suite or [Path("tasks/suites/train.jsonl")])]
        valids = [str(v) for v in (valid or [Path("tasks/suites/valid.jsonl")])]
        if not 0.0 <= english_views <= 1.0:
            err.print(f"[red]error:[/] --english-views is a share between 0 and 1, got {english_views}")
            raise typer.Exit(code=ExitCode.bad_input)
        for s in suites + valids:
            if not Path(s).is_file():
                err.print(f"[red]error:[/] suite {s} does not exist (generate suites with `ladder tasks generate`)")
                raise typer.Exit(code=ExitCode.bad_input)
        over: dict = {"generator": generator, "suite": suites, "valid": ",".join(valids), "seed": seed, "device": device,
                      "out": str(out_path or Path("graphmodel/checkpoints") / f"{generator}.pt"), "save_optimizer": save_optimizer or resume is not None, "variants": variants,
                      "resume": str(resume) if resume is not None else None,
                "shuffle_facts": shuffle_facts, "english_views": english_views, "lexical": lexical}
        for key, value in (("epochs", epochs), ("time_budget_s", time_budget), ("match_params", match_params), ("max_steps", max_steps), ("batch_size", batch_size)):
            if value is not None:
                over[key] = value
        cfg = TrainConfig.quick_config(**over) if quick else TrainConfig(**over)
        _probe(checker)
        try:
            result = train(cfg, err, checker=checker)
        except (TrainError, PrepareError) as exc:
            err.print(f"[red]error:[/] {exc}")
            raise typer.Exit(code=ExitCode.failed) from exc
        table = Table(title=f"{generator} training")
        table.add_column("metric")
        table.add_column("value", justify="right")
        last = result["history"][-1] if result["history"] else {}
        table.add_row("parameters", f"{result['parameters']:,}")
        table.add_row("optimizer steps", str(result["steps"]))
        table.add_row("train seconds", f"{result['train_seconds']:.0f}")
        table.add_row("examples/s", f"{last.get('examples_per_s', 0):.1f}")
        best = max((h.get("valid", {}).get("answer", 0.0) for h in result["history"]), default=0.0)
        table.add_row("best valid answer accuracy", f"{best:.3f}")
        table.add_row("checkpoint", cfg.out)
        out.print(table)

    train_command.checker = checker  # type: ignore[attr-defined]  # which checker this command validates with
    return train_command


def _probe(checker: AnswerChecker | None) -> None:
    """Run one program through the checker before training, so a missing sandbox costs no epoch."""
    from graphmodel.execution import CheckerUnavailable

    if checker is None:
        return
    try:
        checker(["answer = 1\n"], ["1"])
    except CheckerUnavailable as exc:
        err.print(f"[red]error:[/] validation cannot run programs: {exc}")
        raise typer.Exit(code=ExitCode.failed) from exc


train_command = train_command_with(None)  # graphmodel's fallback checker (graphmodel/execution.py)

app = typer.Typer(help="Train the graph/seq generators.")
app.command("train")(train_command)
