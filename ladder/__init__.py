"""ladder's command line: the thin root that joins each package's Typer commands.

Nothing here is imported by the packages except `ladder.exit_codes`, a leaf that imports
nothing of ours, so the packages keep their own layering (DESIGN.md) and the root alone
knows all of them.
"""
