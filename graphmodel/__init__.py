"""graphmodel: programs as trees. A graph transformer over the ACE semantic graph writes
Python ASTs node by node under a grammar mask; `seq` is its flat-token baseline.

    from graphmodel import Tree, parse_program, print_tree, Candidate, Generator, load_generator
"""

from graphmodel.generation import Candidate, Generator, GeneratorError
from graphmodel.generators import load_generator
from graphmodel.trees import (
    HOLE,
    Path,
    Tree,
    TreeError,
    cut,
    find_hole,
    iter_paths,
    parse_program,
    print_tree,
    replace_at,
    subtree_at,
)

__all__ = [
    "HOLE",
    "Candidate",
    "Generator",
    "GeneratorError",
    "Path",
    "Tree",
    "TreeError",
    "cut",
    "find_hole",
    "iter_paths",
    "load_generator",
    "parse_program",
    "print_tree",
    "replace_at",
    "subtree_at",
]
