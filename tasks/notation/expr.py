"""Formula trees: plain (ASCII/Unicode) and LaTeX notation read into one small expression tree.

Why a tree of our own: sympy's parsers evaluate as they build (`\\frac{3}{4}+\\frac{1}{6}`
comes back as `11/12`, which would hand the answer to the generator), and `sympify` /
`parse_expr` run Python. So plain formulas go through a Lark grammar of our own and LaTeX
through the Lark grammar of sympy's LaTeX parser (its `lark` backend) with transformation
off; both parse trees are turned into `Expr` here, exactly as written. Errors say where.
sympy's grammar is an Earley grammar (about a second a formula), so the common LaTeX subset
(`\\frac`, `\\binom`, `\\sqrt`, `\\cdot`, `^{...}`, `\\left(`) goes through our LALR grammar first
and only what it cannot read (integrals, sums, trigonometry, ...) reaches sympy's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput

from tasks.frontends import FrontEndError

RELATIONS = ("=", "<", ">", "<=", ">=", "!=")
FUNCTIONS = ("sqrt", "gcd", "lcm", "abs", "exp", "log", "ln", "sin", "cos", "tan", "max", "min", "binomial")


@dataclass(frozen=True)
class Expr:
    """One node of a formula: `op` is `num`, `var`, an operator (`+ - * / ^ neg ! sqrt root binom
    abs apply ...`) or a relation; `text` is a number's or a name's exact spelling."""

    op: str
    args: tuple[Expr, ...] = ()
    text: str | None = None

    def walk(self):
        """Pre-order traversal."""
        yield self
        for a in self.args:
            yield from a.walk()

    def is_numeric(self) -> bool:
        """No variable anywhere below: the formula is a number to evaluate."""
        return all(n.op != "var" for n in self.walk())


def num(text: str) -> Expr:
    return Expr("num", (), text)


def var(name: str) -> Expr:
    return Expr("var", (), name)


class FormulaError(FrontEndError):
    """A formula that does not parse; `position` is the character offset in the formula."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


# ---------------------------------------------------------------------------------------------
# plain notation

PLAIN_GRAMMAR = r"""
?start: relation
?relation: sum | sum REL sum -> rel | sum REL sum (REL sum)+ -> chain
?sum: product | sum PLUS product -> add | sum MINUS product -> sub
?product: unary | product TIMES unary -> mul | product DIVIDE unary -> div | product implicit -> mul
?implicit: power
?unary: power | MINUS unary -> neg | PLUS unary
?power: postfix | postfix POW unary -> pow
?postfix: atom | postfix "!" -> fact | postfix SUPER -> sup
?atom: NUMBER -> number
     | NUMERAL -> numeral
     | VAR -> variable
     | "(" relation ")"
     | "(" relation ("," relation)+ ")" -> tuple
     | "[" relation "]"
     | ELLIPSIS -> ellipsis
     | NAME "(" args ")" -> call
     | VAR "(" args ")" -> call
     | ROOT atom -> root_sign
     | "|" sum "|" -> absolute
     | "{" relation "}"
     | FRAC "{" relation "}" "{" relation "}" -> frac
     | BINOM "{" relation "}" "{" relation "}" -> binom
     | SQRT "{" relation "}" -> tex_sqrt
     | SQRT "[" relation "]" "{" relation "}" -> tex_root
     | CONST -> constant
args: relation ("," relation)*
FRAC.2: "\\frac" | "\\dfrac" | "\\tfrac"
BINOM.2: "\\binom" | "\\dbinom" | "\\tbinom"
SQRT.2: "\\sqrt"
CONST.2: "\\pi"
REL: "<=" | ">=" | "!=" | "==" | "=" | "<" | ">" | "≤" | "≥" | "≠" | /\\(le|leq|ge|geq|ne|neq|lt|gt)(?![a-zA-Z])/
ELLIPSIS.3: "..." | "…" | /\\[lc]dots(?![a-zA-Z])/
PLUS: "+"
MINUS: "-" | "−" | "–"
TIMES: "*" | "×" | "·" | "⋅" | "∗" | /\\(cdot|times|ast)(?![a-zA-Z])/
DIVIDE: "/" | "÷" | "∕" | /\\div(?![a-zA-Z])/
POW.3: "**" | "^"
SUPER: /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/
ROOT: "√" | "∛" | "∜"
NUMBER: /\d+\.\d+|\.\d+|\d+/
NUMERAL.2: /\d+[a-z]+\d[0-9a-z]*/
NAME.3: /(sqrt|gcd|lcm|abs|exp|log|ln|sin|cos|tan|max|min|binomial)(?=\()/
VAR: /[A-Za-zα-ωπ](_?\d+)?/
%ignore /[ \t]+/
"""

_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_REL = {"==": "=", "≤": "<=", "≥": ">=", "≠": "!=", "le": "<=", "leq": "<=", "ge": ">=", "geq": ">=",
        "ne": "!=", "neq": "!=", "lt": "<", "gt": ">"}
_SPACING = re.compile(r"\\(left|right|displaystyle|[,;:! ])(?![a-zA-Z])|\\(left|right)(?=[a-zA-Z])")


# in a question about bases, a run of letters and digits is one numeral (`-dde`, `ab + 37`)
_BASE_NUMERAL = "NUMERAL.4: /[0-9a-z]*[a-z][0-9a-z]*[0-9a-z]*(?<=[0-9a-z]{2})|\\d+[a-z]+\\d[0-9a-z]*/"


@lru_cache(maxsize=2)
def _plain_parser(numerals: bool = False) -> Lark:
    grammar = PLAIN_GRAMMAR
    if numerals:
        grammar = "\n".join(_BASE_NUMERAL if line.startswith("NUMERAL") else line for line in grammar.splitlines())
    return Lark(grammar, parser="lalr", maybe_placeholders=False)


def parse_plain(text: str, numerals: bool = False) -> Expr:
    """A plain formula (`7y - 4 = 2y + 21`, `x²`, `√2`, `7!/5!`) as an Expr tree; with
    `numerals`, letter runs of two or more are base-b numerals rather than products."""
    try:
        tree = _plain_parser(numerals).parse(text)
    except UnexpectedInput as err:
        pos = len(text) if isinstance(err, UnexpectedEOF) else int(getattr(err, "pos_in_stream", 0) or 0)
        shown = text[pos] if pos < len(text) else "end of formula"
        raise FormulaError(f"cannot read the formula {text!r} at character {pos} ({shown!r})", pos) from None
    except LarkError as err:
        raise FormulaError(f"cannot read the formula {text!r}: {err}", 0) from None
    return _from_plain(tree)


def _from_plain(t: Any) -> Expr:
    if isinstance(t, Token):
        raise FormulaError(f"unexpected token {t!s}", t.start_pos or 0)
    kids = [c for c in t.children]
    d = t.data
    if d == "number":
        return num(str(kids[0]))
    if d == "numeral":
        return num(str(kids[0]))
    if d == "variable":
        return var(str(kids[0]))
    if d in ("add", "sub", "mul", "div"):
        ops = {"add": "+", "sub": "-", "mul": "*", "div": "/"}
        operands = [k for k in kids if not (isinstance(k, Token) and k.type in ("PLUS", "MINUS", "TIMES", "DIVIDE"))]
        return Expr(ops[d], tuple(_from_plain(k) for k in operands))
    if d == "neg":
        return Expr("neg", (_from_plain(kids[-1]),))
    if d == "unary":  # unary plus
        return _from_plain(kids[-1])
    if d == "pow":
        return Expr("^", (_from_plain(kids[0]), _from_plain(kids[2])))
    if d == "sup":
        return Expr("^", (_from_plain(kids[0]), num(str(kids[1]).translate(_SUPER))))
    if d == "fact":
        return Expr("!", (_from_plain(kids[0]),))
    if d == "rel":
        rel = _REL.get(str(kids[1]).lstrip("\\"), str(kids[1]).lstrip("\\"))
        return Expr(rel, (_from_plain(kids[0]), _from_plain(kids[2])))
    if d == "root_sign":
        degree = {"√": None, "∛": "3", "∜": "4"}[str(kids[0])]
        inner = _from_plain(kids[1])
        return Expr("sqrt", (inner,)) if degree is None else Expr("root", (inner, num(degree)))
    if d == "absolute":
        return Expr("abs", (_from_plain(kids[0]),))
    if d == "chain":  # `1 ≤ r ≤ n`: each neighbouring pair, joined by `and`
        terms, rels = kids[0::2], kids[1::2]
        pairs = [Expr(_REL.get(str(r).lstrip("\\"), str(r).lstrip("\\")), (_from_plain(a), _from_plain(c)))
                 for a, r, c in zip(terms, rels, terms[1:], strict=False)]
        return Expr("and", tuple(pairs))
    if d == "tuple":
        return Expr("tuple", tuple(_from_plain(k) for k in kids))
    if d == "ellipsis":
        return Expr("ellipsis")
    if d == "frac":
        return Expr("/", (_from_plain(kids[1]), _from_plain(kids[2])))
    if d == "binom":
        return Expr("binom", (_from_plain(kids[1]), _from_plain(kids[2])))
    if d == "tex_sqrt":
        return Expr("sqrt", (_from_plain(kids[1]),))
    if d == "tex_root":
        return Expr("root", (_from_plain(kids[2]), _from_plain(kids[1])))
    if d == "constant":
        return var("pi")
    if d == "call":
        name = str(kids[0])
        args = tuple(_from_plain(a) for a in kids[1].children)
        return _call(name, args)
    if d in ("start", "relation", "sum", "product", "unary", "power", "postfix", "atom", "implicit"):
        return _from_plain(kids[0])
    raise FormulaError(f"unsupported construct {d!r}", 0)


def _call(name: str, args: tuple[Expr, ...]) -> Expr:
    if name == "sqrt" and len(args) == 1:
        return Expr("sqrt", args)
    if name == "binomial" and len(args) == 2:
        return Expr("binom", args)
    if name in FUNCTIONS:
        return Expr(name, args)
    return Expr("apply", (var(name), *args))


# ---------------------------------------------------------------------------------------------
# LaTeX notation, through sympy's lark grammar with transformation off


@lru_cache(maxsize=1)
def _latex_parser() -> Any:
    from sympy.parsing.latex.lark import LarkLaTeXParser

    return LarkLaTeXParser(transform=False)


def parse_latex_formula(text: str) -> Expr:
    """A LaTeX formula (`\\frac{3}{4} + \\frac{1}{6}`, `\\binom{10}{3}`) as an Expr tree."""
    _check_braces(text)
    fast = _SPACING.sub(lambda m: " " * len(m.group(0)), text)  # same length: positions stay
    try:  # the common subset through our LALR grammar (milliseconds); the rest through sympy's
        return _from_plain(_plain_parser().parse(fast))
    except (LarkError, FormulaError):
        pass
    try:
        tree = _latex_parser().doparse(text)
    except UnexpectedCharacters as err:
        pos = int(err.pos_in_stream or 0)
        raise FormulaError(f"cannot read the LaTeX {text!r} at character {pos} ({text[pos]!r}): "
                           f"{_unknown_command(text, pos)}", pos) from None
    except UnexpectedEOF:
        raise FormulaError(f"the LaTeX {text!r} ends too early (at character {len(text)})", len(text)) from None
    except UnexpectedInput as err:
        pos = int(getattr(err, "pos_in_stream", 0) or 0)
        raise FormulaError(f"cannot read the LaTeX {text!r} at character {pos}", pos) from None
    except LarkError as err:
        raise FormulaError(f"cannot read the LaTeX {text!r}: {err}", 0) from None
    return _from_latex(tree)


def _unknown_command(text: str, pos: int) -> str:
    if text[pos] == "\\":
        end = pos + 1
        while end < len(text) and text[end].isalpha():
            end += 1
        return f"unknown command {text[pos:end]!r}"
    return "unexpected character"


def _check_braces(text: str) -> None:
    """Unbalanced braces, with the position of the culprit (the grammar would only say 'EOF')."""
    stack: list[int] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in "{}":
            i += 2
            continue
        if c == "{":
            stack.append(i)
        elif c == "}":
            if not stack:
                raise FormulaError(f"unbalanced brace: '}}' at character {i} closes nothing", i)
            stack.pop()
        i += 1
    if stack:
        raise FormulaError(f"unbalanced brace: '{{' at character {stack[-1]} is never closed", stack[-1])


_LATEX_BIN = {"add": "+", "sub": "-", "mul": "*", "div": "/"}
_LATEX_REL = {"eq": "=", "ne": "!=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}
_LATEX_FUNC = {"exponential": "exp", "log": "log", "sin": "sin", "cos": "cos", "tan": "tan", "min": "min", "max": "max"}


def _trees(kids: list[Any]) -> list[Any]:
    """Children that carry meaning (subtrees and symbol/number tokens, not punctuation)."""
    out = []
    for k in kids:
        if isinstance(k, Tree) or k.type in ("SYMBOL", "DIGIT", "GREEK_SYMBOL", "LATIN_SYMBOL_WITH_LATIN_SUBSCRIPT") or k.type.startswith("GREEK"):
            out.append(k)
    return out


def _from_latex(t: Any) -> Expr:
    if isinstance(t, Token):
        if t.type == "DIGIT":
            return num(str(t))
        name = str(t).lstrip("\\")
        return var({"pi": "pi"}.get(name, name))
    d = t.data
    if d == "_ambig":  # f(5): a function applied, or f times (5); the reader decides by definitions
        applied = [c for c in t.children if _first_data(c) == "function_applied"]
        return _from_latex(applied[0] if applied else t.children[0])
    kids = _trees(t.children)
    if d in ("latex_string", "group_curly_parentheses", "group_round_parentheses", "group_square_brackets"):
        return _from_latex(kids[0])
    if d == "number":
        return num(str(t.children[0]))
    if d in _LATEX_BIN:
        if d == "sub" and len(kids) == 1:
            return Expr("neg", (_from_latex(kids[0]),))
        if d == "add" and len(kids) == 1:
            return _from_latex(kids[0])
        return Expr(_LATEX_BIN[d], (_from_latex(kids[0]), _from_latex(kids[1])))
    if d in _LATEX_REL:
        return Expr(_LATEX_REL[d], (_from_latex(kids[0]), _from_latex(kids[1])))
    if d == "adjacent_expressions":
        return Expr("*", (_from_latex(kids[0]), _from_latex(kids[1])))
    if d == "fraction":
        return Expr("/", (_from_latex(kids[0]), _from_latex(kids[1])))
    if d == "binomial":
        return Expr("binom", (_from_latex(kids[0]), _from_latex(kids[1])))
    if d == "superscript":
        return Expr("^", (_from_latex(kids[0]), _from_latex(kids[1])))
    if d == "factorial":
        return Expr("!", (_from_latex(kids[0]),))
    if d == "square_root":
        if len(kids) == 2:
            return Expr("root", (_from_latex(kids[1]), _from_latex(kids[0])))
        return Expr("sqrt", (_from_latex(kids[0]),))
    if d == "function_applied":
        name = str(t.children[0])
        args = tuple(_from_latex(a) for a in kids[-1].children if isinstance(a, Tree) or a.type != "COMMA")
        return Expr("apply", (var(name), *args))
    if d == "list_of_expressions":
        return _from_latex(kids[0])
    if d == "abs":
        return Expr("abs", (_from_latex(kids[0]),))
    if d in _LATEX_FUNC:
        return Expr(_LATEX_FUNC[d], tuple(_from_latex(k) for k in kids))
    if d == "mathit" or d == "multi_letter_symbol":
        return var("".join(str(c) for c in t.children if isinstance(c, Token) and c.type == "MULTI_LETTER_SYMBOL"))
    raise FormulaError(f"the LaTeX construct {d!r} is not supported", 0)


def _first_data(t: Any) -> str | None:
    while isinstance(t, Tree) and t.data == "latex_string" and t.children:
        t = t.children[0]
    return t.data if isinstance(t, Tree) else None


# ---------------------------------------------------------------------------------------------
# writing a tree back: plain text, LaTeX, Python source (for reference programs), sympy

_PREC = {"=": 0, "<": 0, ">": 0, "<=": 0, ">=": 0, "!=": 0, "+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "^": 4, "!": 5}


def _prec(e: Expr) -> int:
    if e.op == "num" and e.text and e.text.startswith("-"):
        return 3
    return _PREC.get(e.op, 9)


def to_plain(e: Expr, power: str = "^", times: str = "*", implicit: bool = False) -> str:
    """The formula in plain notation; `power="**"` gives the mathematics_dataset style and
    `implicit` writes `7y`, `3x^2` as people do."""

    def w(x: Expr, floor: int, right: bool = False) -> str:
        s = to_plain(x, power, times, implicit)
        p = _prec(x)
        return f"({s})" if p < floor or (right and p == floor) else s

    op = e.op
    if op in ("num", "var"):
        return e.text or ""
    if op in RELATIONS:
        return f"{to_plain(e.args[0], power, times, implicit)} {op} {to_plain(e.args[1], power, times, implicit)}"
    if op in ("+", "-"):
        return f"{w(e.args[0], 1)} {op} {w(e.args[1], 1, right=True)}"
    if op in ("*", "/"):
        a, b = e.args
        # `-10*z` as mathematics_dataset writes a term (unary minus binds tighter than `*`, so it
        # reads back to the same tree); `(-60)/(-5)` as it writes a quotient of numbers
        bare = op == "*" and a.op == "neg" and not b.is_numeric() and _prec(a.args[0]) >= 5
        left = f"({to_plain(a, power, times, implicit)})" if a.op == "neg" and not bare else w(a, 2)
        right = f"({to_plain(b, power, times, implicit)})" if b.op == "neg" else w(b, 2, right=True)
        if op == "/":
            return f"{left}/{right}"
        if implicit and a.op == "num" and (b.op == "var" or (b.op == "^" and b.args[0].op == "var")):
            return f"{left}{right}"
        return f"{left}{times}{right}"
    if op == "neg":
        return f"-{w(e.args[0], 3)}"
    if op == "^":
        return f"{w(e.args[0], 5)}{power}{w(e.args[1], 5)}"
    if op == "!":
        return f"{w(e.args[0], 6)}!"
    inner = [to_plain(a, power, times, implicit) for a in e.args]
    if op == "sqrt":
        return f"sqrt({inner[0]})"
    if op == "binom":
        return f"binomial({', '.join(inner)})"
    if op == "apply":
        return f"{e.args[0].text}({', '.join(inner[1:])})"
    return f"{op}({', '.join(inner)})"


def to_latex(e: Expr) -> str:
    """The formula in LaTeX (as a person would type it between `$...$`)."""

    def w(x: Expr, floor: int, right: bool = False) -> str:
        s = to_latex(x)
        p = _prec(x)
        if p < floor or (right and p == floor) or (x.op == "neg" and floor >= 1):  # `3 - (-5)`: the grammar wants brackets
            return f"\\left({s}\\right)"
        return s

    op = e.op
    if op in ("num", "var"):
        return {"pi": "\\pi"}.get(e.text or "", e.text or "")
    if op in RELATIONS:
        rel = {"<=": "\\le", ">=": "\\ge", "!=": "\\ne"}.get(op, op)
        return f"{to_latex(e.args[0])} {rel} {to_latex(e.args[1])}"
    if op in ("+", "-"):
        return f"{w(e.args[0], 1)} {op} {w(e.args[1], 1, right=True)}"
    if op == "*":
        a, b = e.args
        if a.op == "num" and b.op in ("var", "^") and (b.op == "var" or b.args[0].op == "var"):
            return f"{to_latex(a)}{w(b, 2)}"
        if a.op == "neg" and _prec(a.args[0]) >= 5 and not b.is_numeric():  # `-4m`, not `\left(-4\right) \cdot m`
            glue = "" if a.args[0].op == "num" and b.op in ("var", "^") and (b.op == "var" or b.args[0].op == "var") else " \\cdot "
            return f"-{w(a.args[0], 5)}{glue}{w(b, 2, right=True)}"
        return f"{w(a, 2)} \\cdot {w(b, 2, right=True)}"
    if op == "/":
        return f"\\frac{{{to_latex(e.args[0])}}}{{{to_latex(e.args[1])}}}"
    if op == "neg":
        return f"-{w(e.args[0], 3)}"
    if op == "^":
        return f"{w(e.args[0], 5)}^{{{to_latex(e.args[1])}}}"
    if op == "!":
        return f"{w(e.args[0], 6)}!"
    if op == "sqrt":
        return f"\\sqrt{{{to_latex(e.args[0])}}}"
    if op == "root":
        return f"\\sqrt[{to_latex(e.args[1])}]{{{to_latex(e.args[0])}}}"
    if op == "binom":
        return f"\\binom{{{to_latex(e.args[0])}}}{{{to_latex(e.args[1])}}}"
    if op == "apply":
        return f"{e.args[0].text}({', '.join(to_latex(a) for a in e.args[1:])})"
    return f"\\{op}({', '.join(to_latex(a) for a in e.args)})"


def to_source(e: Expr) -> str:
    """Python source with sympy names, exact: `3/4` becomes `Rational(3, 4)`, `0.3` `Rational('0.3')`.

    Every number of the formula appears in the source as written, so the generator can copy
    it from the graph; the reference programs are built from this.
    """

    def w(x: Expr, floor: int, right: bool = False) -> str:
        s = to_source(x)
        p = _prec(x)
        return f"({s})" if p < floor or (right and p == floor) else s

    op = e.op
    if op == "num":
        t = e.text or "0"
        return f"Rational('{t}')" if "." in t else t
    if op == "var":
        return e.text or ""
    if op in RELATIONS:
        if op == "=":
            return f"Eq({to_source(e.args[0])}, {to_source(e.args[1])})"
        return f"{w(e.args[0], 1)} {op} {w(e.args[1], 1)}"
    if op in ("+", "-"):
        return f"{w(e.args[0], 1)} {op} {w(e.args[1], 1, right=True)}"
    if op == "*":
        return f"{w(e.args[0], 2)} * {w(e.args[1], 2, right=True)}"
    if op == "/":
        a, b = e.args
        if _int_literal(a) and _int_literal(b):
            return f"Rational({to_source(a)}, {to_source(b)})"
        if _python_int(a):  # Python would divide two ints into a float
            return f"Integer({to_source(a)}) / {w(b, 2, right=True)}"
        return f"{w(a, 2)} / {w(b, 2, right=True)}"
    if op == "neg":
        return f"-{w(e.args[0], 3)}"
    if op == "^":
        base, exp = e.args
        b = f"Integer({base.text})" if base.op == "num" and "." not in (base.text or "") else w(base, 5)
        return f"{b}**{w(exp, 5)}"
    if op == "!":
        return f"factorial({to_source(e.args[0])})"
    if op == "sqrt":
        return f"sqrt({to_source(e.args[0])})"
    if op == "root":
        return f"root({to_source(e.args[0])}, {to_source(e.args[1])})"
    if op == "binom":
        return f"binomial({to_source(e.args[0])}, {to_source(e.args[1])})"
    if op == "apply":
        return f"{e.args[0].text}({', '.join(to_source(a) for a in e.args[1:])})"
    if op == "abs":
        return f"Abs({to_source(e.args[0])})"
    return f"{op}({', '.join(to_source(a) for a in e.args)})"


def _int_literal(e: Expr) -> bool:
    return (e.op == "num" and (e.text or "").isdigit()) or (e.op == "neg" and _int_literal(e.args[0]))


def _python_int(e: Expr) -> bool:
    """Evaluates to a Python int in a program (no sympy object anywhere inside)."""
    if e.op == "num":
        return (e.text or "").isdigit()
    if e.op in ("neg", "+", "-", "*"):
        return all(_python_int(a) for a in e.args)
    if e.op == "^":
        return _python_int(e.args[0]) and e.args[1].op == "num"
    return False


def to_sympy(e: Expr, functions: dict[str, Any] | None = None) -> Any:
    """The sympy value of a tree, built node by node (no parsing, no eval): the families use it
    to compute gold answers independently of the reference program."""
    import sympy

    functions = functions or {}
    op = e.op
    rec = [to_sympy(a, functions) for a in e.args] if op != "apply" else []
    if op == "num":
        return sympy.Rational(e.text)
    if op == "var":
        return sympy.pi if e.text == "pi" else sympy.Symbol(e.text or "x")
    table = {
        "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
        "^": lambda a, b: a**b, "neg": lambda a: -a, "!": sympy.factorial, "sqrt": sympy.sqrt,
        "root": lambda a, n: sympy.root(a, n), "binom": sympy.binomial, "abs": sympy.Abs,
        "gcd": sympy.gcd, "lcm": sympy.lcm, "=": sympy.Eq, "<": sympy.Lt, ">": sympy.Gt,
        "<=": sympy.Le, ">=": sympy.Ge, "!=": sympy.Ne, "exp": sympy.exp, "log": sympy.log,
    }
    if op == "apply":
        fn = functions[e.args[0].text or ""]
        return fn(*[to_sympy(a, functions) for a in e.args[1:]])
    if op not in table:
        raise FormulaError(f"no sympy value for {op!r}", 0)
    return table[op](*rec)
