"""`python -m ladder ...` runs the `ladder` command."""

from ladder.cli import app

app(prog_name="ladder")
