"""Front ends: the readers that turn a question into a semantic graph without the ACE rewriter.

The ACE path (rewrite -> parse) comes first because it restates the question exactly; where it
refuses, the agent asks these in order. Each reads the text itself with a real grammar or
parser and returns a `SemanticGraph` whose `front_end` names it, so nothing downstream claims
an ACE restatement that did not happen.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from tasks.ace.graph import SemanticGraph

FrontEnd = Callable[[str], SemanticGraph]

# name -> "module:function"; imported when first used (spaCy and Lark are not free to load)
REGISTRY: dict[str, str] = {
    "notation": "tasks.notation:parse_notation",
    "english": "tasks.english:parse_english",
}
DEFAULT_ORDER = ("notation", "english")


class FrontEndError(ValueError):
    """The front end cannot read this text; the message says what and where."""


def load_front_end(name: str) -> FrontEnd:
    """The function registered under `name`; a clear error for an unknown or missing one."""
    if name not in REGISTRY:
        raise FrontEndError(f"unknown front end {name!r}; known: {', '.join(sorted(REGISTRY))}")
    module_name, _, attr = REGISTRY[name].partition(":")
    try:
        module = import_module(module_name)
    except ImportError as err:
        raise FrontEndError(f"front end {name!r} is not available: {err}") from err
    return getattr(module, attr)
