"""The `ladder` command: one Typer app that joins each package's sub-commands."""

import typer

app = typer.Typer(help="ladder: English question -> controlled English -> program tree -> verified answer.")

from tasks.cli import app as tasks_app  # noqa: E402

app.add_typer(tasks_app, name="tasks")

from agent.rewrite.cli import rewrite_command  # noqa: E402

app.command("rewrite")(rewrite_command)

from evals.commands import register as register_eval_commands  # noqa: E402

register_eval_commands(app)  # ladder eval, ladder report, ladder external

from agent.cli import app as agent_app  # noqa: E402

app.add_typer(agent_app)  # ladder solve

from graphmodel.cli import train_command  # noqa: E402

app.command("train")(train_command)  # ladder train

from tasks.ace.cli import parse_command  # noqa: E402

app.command("parse")(parse_command)  # ladder parse

from verifiers.cli import app as sandbox_app  # noqa: E402

app.add_typer(sandbox_app, name="sandbox")  # ladder sandbox check|run
