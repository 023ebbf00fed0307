"""The notation front end: questions whose mathematics is written in formulas or LaTeX.

`parse_notation(text)` finds the formulas (plain `7y - 4 = 2y + 21`, `x²`, `7!`, or LaTeX),
reads each into an expression subgraph and the words around them into the query, and returns
a `SemanticGraph` with `front_end="notation"`. See reader.py and expr.py.
"""

from tasks.notation.expr import Expr, FormulaError, parse_latex_formula, parse_plain
from tasks.notation.reader import Formula, find_formulas, parse_notation, written_in_notation

__all__ = ["Expr", "Formula", "FormulaError", "find_formulas", "parse_latex_formula", "parse_notation", "parse_plain",
           "written_in_notation"]
