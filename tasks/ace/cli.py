"""`ladder parse "ACE"`: print the semantic graph of an ACE text, or draw it with --png.

Exit codes: 0 parsed (with --same-as: the same meaning); 1 with --same-as: a different meaning
(the differing facts are printed); 2 the text is outside the fragment (the error, with line,
column, word and what was expected, goes to stderr).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tasks.ace.draw import draw_png, node_text
from tasks.ace.errors import AceError
from tasks.ace.graph import SemanticGraph
from tasks.exit_codes import ExitCode

EXIT_NOT_ACE = ExitCode.bad_input  # the text is outside ladder's ACE fragment
EXIT_DIFFERENT = ExitCode.failed  # --same-as: the two texts mean different things

_out = Console(highlight=False, soft_wrap=True)
_err = Console(stderr=True, highlight=False)


def graph_table(graph: SemanticGraph) -> Table:
    """One row per node: id, kind, label, value/unit, sentence, and its outgoing edges."""
    table = Table(title=graph.text, title_justify="left", show_lines=False)
    for column in ("id", "kind", "label", "value", "sentence", "edges"):
        table.add_column(column, no_wrap=column != "edges")
    for node in graph.nodes:
        edges = ", ".join(
            f"{e.kind.value}{':' + e.label if e.label else ''} -> {e.dst} ({node_text(graph, e.dst)})"
            for e in graph.edges if e.src == node.id)
        value = node_text(graph, node.id) if node.value is not None or node.unit else ""
        table.add_row(str(node.id), node.kind.value, node.label, value,
                      str(node.sentence), edges)
    return table


def parse_command(
    text: Annotated[str, typer.Argument(help="ACE text, e.g. \"John has 5 apples. How many apples does John have?\" ('-' reads stdin)")],
    png: Annotated[Path | None, typer.Option(help="Also draw the graph into this PNG file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the graph as JSON instead of a table.")] = False,
    canonical: Annotated[bool, typer.Option("--canonical", help="Print the canonical string instead of a table.")] = False,
    agreement: Annotated[bool, typer.Option("--agreement", help="Also report a/an and numeral-noun slips (stderr).")] = False,
    normal: Annotated[bool, typer.Option("--normal", help="Print the text's normal form (digits, spacing) instead of a table.")] = False,
    same_as: Annotated[str | None, typer.Option("--same-as", help="Compare the meaning with this ACE text instead: exit 0 if the same, 1 with the differing facts if not.")] = None,
) -> None:
    """Parse ACE text into ladder's semantic graph and print it."""
    from tasks.ace import parse_ace
    from tasks.ace.agreement import agreement_issues
    from tasks.ace.compare import canonical_meaning

    if text == "-":
        text = sys.stdin.read()
    try:
        graph = parse_ace(text)
    except AceError as err:
        _err.print(f"not ACE: {err}", markup=False)
        raise typer.Exit(code=EXIT_NOT_ACE) from None
    if same_as is not None:
        _compare(graph, same_as)
        return
    if normal:
        from tasks.ace.render import normalize

        _out.print(normalize(text), markup=False)
    elif as_json:
        _out.print(graph.model_dump_json(indent=2), markup=False)
    elif canonical:
        _out.print(canonical_meaning(graph), markup=False)
    else:
        _out.print(graph_table(graph))
    if agreement:
        for issue in agreement_issues(text):
            _err.print(f"line {issue.line}, column {issue.column}: '{issue.word}': {issue.message}",
                       markup=False)
    if png is not None:
        draw_png(graph, png)
        _err.print(f"drew {len(graph.nodes)} nodes, {len(graph.edges)} edges -> {png}", markup=False)


def _compare(graph: SemanticGraph, other_text: str) -> None:
    """Print whether `graph` means what `other_text` means; exit 1 (with the differing facts)
    when it does not, EXIT_NOT_ACE when the other text is not ACE."""
    from tasks.ace import parse_ace
    from tasks.ace.compare import compare_meanings

    try:
        other = parse_ace(other_text)
    except AceError as err:
        _err.print(f"not ACE (--same-as): {err}", markup=False)
        raise typer.Exit(code=EXIT_NOT_ACE) from None
    diff = compare_meanings(graph, other)
    if diff.same:
        _out.print("same meaning", markup=False)
        return
    _out.print("different meaning", markup=False)
    for fact in diff.only_first:
        _out.print(f"  only in the text:    {fact}", markup=False)
    for fact in diff.only_second:
        _out.print(f"  only in --same-as:   {fact}", markup=False)
    if not diff.only_first and not diff.only_second:
        _out.print("  the same facts, connected differently (e.g. about two referents, not one)",
                   markup=False)
    raise typer.Exit(code=EXIT_DIFFERENT)


app = typer.Typer(help="ACE: parse controlled English into ladder's semantic graph.")
app.command("parse")(parse_command)
