"""`python -m evals ...` runs the `ladder` command."""

from evals.cli import app

app(prog_name="ladder")
