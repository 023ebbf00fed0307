"""ladder's ACE layer: a fragment of Attempto Controlled English, its parser and semantic graph.

`parse_ace(text)` turns ACE into a `SemanticGraph`; text outside the fragment raises `AceError`
with the line, column, offending word and what was expected. `same_meaning(a, b)` says whether
two graphs say the same thing (their `normal_form`s have one `canonical_meaning`). See docs/ace.md.
"""

from tasks.ace.compare import canonical_meaning, same_meaning
from tasks.ace.errors import AceError
from tasks.ace.graph import EdgeKind, GraphEdge, GraphNode, NodeKind, SemanticGraph
from tasks.ace.normalize import normal_form
from tasks.ace.parser import parse_tree
from tasks.ace.semantics import build_graph


def parse_ace(text: str) -> SemanticGraph:
    """Parse ACE text into its semantic graph; raises AceError outside the fragment."""
    if not isinstance(text, str):
        raise TypeError(f"parse_ace expects a str, got {type(text).__name__}")
    try:
        return build_graph(text, parse_tree(text))
    except RecursionError:  # e.g. thousands of nested of-phrases: the walk is recursive
        raise AceError(1, 1, "", ["fewer nested phrases"], "text nested too deeply") from None


__all__ = ["AceError", "EdgeKind", "GraphEdge", "GraphNode", "NodeKind", "SemanticGraph",
           "canonical_meaning", "normal_form", "parse_ace", "same_meaning"]
