"""The `ladder` command: one Typer app that joins each package's sub-commands."""

import typer

from agent.cli import app as agent_app
from agent.rewrite.cli import rewrite_command
from evals.commands import register as register_eval_commands
from graphmodel.cli import train_command
from tasks.ace.cli import parse_command
from tasks.cli import app as tasks_app
from verifiers.cli import app as sandbox_app

app = typer.Typer(help="ladder: English question -> controlled English -> program tree -> verified answer.")

app.add_typer(tasks_app, name="tasks")  # ladder tasks list|generate|validate
app.command("rewrite")(rewrite_command)  # ladder rewrite
register_eval_commands(app)  # ladder eval, ladder report, ladder external
app.add_typer(agent_app)  # ladder solve, ladder compare
app.command("train")(train_command)  # ladder train
app.command("parse")(parse_command)  # ladder parse
app.add_typer(sandbox_app, name="sandbox")  # ladder sandbox check|run
