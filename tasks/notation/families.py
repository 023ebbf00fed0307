"""Notation families: questions written in formulas (plain or LaTeX) with sympy reference programs.

They cover the non-composed modules of DeepMind's mathematics_dataset (arithmetic, algebra,
calculus, comparison, numbers, polynomials, probability, measurement) and competition-style
statements. Every problem's surface varies in wording, in symbol names and in notation
(mathematics_dataset's `2*x**2`, people's `2x^2`, LaTeX `$2x^{2}$`), so that no family
teaches one phrasing. The program is written from the formula's tree (expr.to_source), so
every number in it is a number of the question; the answer is computed separately with sympy.
These families never feed the ACE suites (tasks/families); they have their own suites.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import sympy

from tasks.families.base import Draft, Family
from tasks.notation.expr import Expr, num, to_latex, to_plain, to_source, to_sympy, var

LETTERS = "abcdfghjkmnpqrstuvwxyz"
DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"


# ---------------------------------------------------------------------------------------------
# building and writing formulas


def lit(value: int | Fraction | str) -> Expr:
    """A number as a tree: negative numbers are `neg` of the magnitude (as the parser reads them)."""
    if isinstance(value, str):
        return Expr("neg", (num(value[1:]),)) if value.startswith("-") else num(value)
    if isinstance(value, Fraction) and value.denominator != 1:
        body = Expr("/", (num(str(abs(value.numerator))), num(str(value.denominator))))
        return Expr("neg", (body,)) if value < 0 else body
    v = int(value)
    return Expr("neg", (num(str(-v)),)) if v < 0 else num(str(v))


def dec(rng: random.Random, whole: int, places: int, signed: bool = True) -> str:
    """A decimal literal such as `-0.0478` or `12.5` (never ending in 0)."""
    w = rng.randint(0, whole)
    frac = rng.randint(1, 10**places - 1)
    while frac % 10 == 0:
        frac = rng.randint(1, 10**places - 1)
    s = f"{w}.{frac:0{places}d}"
    return f"-{s}" if signed and rng.random() < 0.4 else s


def b(op: str, *args: Expr) -> Expr:
    return Expr(op, args)


def add_terms(terms: list[Expr]) -> Expr:
    """`a + b - c`: a negative term is written as a subtraction."""
    out = terms[0]
    for t in terms[1:]:
        out = b("-", out, t.args[0]) if t.op == "neg" else b("+", out, t)
    return out


def term(coef: int, v: Expr | None, power: int = 1) -> Expr:
    """`coef*v**power` with signs on the outside; coefficient 1 is left out."""
    if v is None:
        return lit(coef)
    body: Expr = v if power == 1 else b("^", v, num(str(power)))
    if abs(coef) != 1:
        body = b("*", num(str(abs(coef))), body)
    return b("neg", body) if coef < 0 else body


def poly(coefs: list[int], v: Expr) -> Expr:
    """Sum of coef*v**k for k from the highest degree down, zero terms dropped."""
    n = len(coefs) - 1
    terms = [term(c, v if n - i else None, n - i) for i, c in enumerate(coefs) if c]
    return add_terms(terms or [num("0")])


def as_read(e: Expr) -> Expr:
    """The tree as the readers build it from the written formula: unary minus binds tighter
    than `*` and `/`, so `-(10*z)` is written `-10*z` and read `(-10)*z`. Prompt and program
    are both made from this tree, so the program copies the graph's structure as it stands."""
    if e.op == "neg" and e.args[0].op in ("*", "/"):
        inner = e.args[0]
        return Expr(inner.op, (as_read(Expr("neg", (inner.args[0],))), as_read(inner.args[1])))
    if not e.args:
        return e
    return Expr(e.op, tuple(as_read(a) for a in e.args), e.text)


def src(e: Expr) -> str:
    """Program source of a formula, from the tree as it is read (see as_read)."""
    return to_source(as_read(e))


STYLES = ("dm", "plain", "latex", "latex", "paren", "display")


def render(e: Expr, style: str) -> str:
    """One formula in a notation: mathematics_dataset, people's plain text, or LaTeX forms."""
    e = as_read(e)
    if style == "dm":
        return to_plain(e, power="**", times="*")
    if style == "plain":
        return to_plain(e, power="^", times="*", implicit=True)
    tex = to_latex(e)
    if style == "paren":
        return f"\\({tex}\\)"
    if style == "display":
        return f"$${tex}$$"
    return f"${tex}$"


NUMBER_CONSTRUCTORS = ("Integer", "Rational")  # what `src` may print inside a formula


def symbol_line(names: list[str], **assumptions: bool) -> str:
    """One `x = symbols('x')` line per name: the generator copies each name from its variable
    node, while a joined `symbols('q g')` is a string no graph node holds."""
    extra = "".join(f", {k}={v}" for k, v in assumptions.items())
    return "\n".join(f"{n} = symbols('{n}'{extra})" for n in names)


def program(imports: str, *lines: str) -> str:
    """The program text; a number constructor a formula printed (`Rational(108, 4)`) is imported too."""
    names = [n.strip() for n in imports.split(",")]
    used = [n for n in NUMBER_CONSTRUCTORS if n not in names and any(f"{n}(" in line for line in lines)]
    return "\n".join([f"from sympy import {', '.join(names + used)}", *lines]) + "\n"


def value(e: Expr, functions: dict[str, Any] | None = None) -> Any:
    return to_sympy(e, functions)


def pick(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


def draft(subtype: str, params: dict, prompts: list[str], code: str, answer: Any, steps: int = 2) -> Draft:
    """A Draft with no ACE (these questions are read by the notation front end)."""
    return Draft(subtype, params, prompts, "", code, answer, steps)


def styles(rng: random.Random, k: int = 3) -> list[str]:
    return rng.sample(STYLES, k)


# ---------------------------------------------------------------------------------------------
# arithmetic


def _arith_expr(rng: random.Random, depth: int, decimals: bool) -> Expr:
    if depth == 0 or rng.random() < 0.25:
        if decimals and rng.random() < 0.3:
            return lit(dec(rng, 20, rng.randint(1, 3)))
        return lit(rng.randint(-30, 30) or 1)
    op = rng.choice(["+", "-", "*", "/", "+", "-"] if not decimals else ["+", "-", "*"])
    left, right = _arith_expr(rng, depth - 1, decimals), _arith_expr(rng, depth - 1, decimals)
    if op == "/" and value(right) == 0:
        right = num(str(rng.randint(1, 9)))
    return b(op, left, right)


def _signed(rng: random.Random, lo: int, hi: int) -> Expr:
    return lit(rng.randint(lo, hi) or 1)


def _sum_chain(rng: random.Random, depth: int = 2) -> Expr:
    """`-31 - (-8 + -1 + -24) + 5`: terms, some negative literals after `+`, some groups."""
    out: Expr | None = None
    for _ in range(rng.randint(2, 4)):
        t = _sum_chain(rng, depth - 1) if depth > 0 and rng.random() < 0.3 else _signed(rng, -40, 40)
        out = t if out is None else b(rng.choice(["+", "-"]), out, t)
    assert out is not None
    return out


def _product_chain(rng: random.Random, depth: int = 2) -> Expr:
    """`16/(-32)*(-2340)/(-45)`, `(12/((45/(-10))/(-1)))/(13*(-6)/9)`: exact quotients mostly."""
    out: Expr | None = None
    for _ in range(rng.randint(2, 4)):
        t = _product_chain(rng, depth - 1) if depth > 0 and rng.random() < 0.3 else _signed(rng, -60, 60)
        out = t if out is None else b(rng.choice(["*", "/", "/"]), out, t)
    assert out is not None
    return out


def arithmetic(rng: random.Random) -> Draft:
    """add_or_sub, mul, div, add_sub_multiple, mixed, mul_div_multiple; factorials, powers, binomials."""
    kind = rng.choice(["words2", "words2", "expr", "sums", "sums", "products", "products", "mixed", "special", "fractions"])
    if kind in ("sums", "products", "mixed"):
        if kind == "sums":
            e = _sum_chain(rng)
        elif kind == "products":
            e = _product_chain(rng)
        else:
            e = b(rng.choice(["*", "/", "+", "-"]), _sum_chain(rng, 1), _product_chain(rng, 1))
        f = render(e, rng.choice(["dm", "dm", "dm", "plain", "latex"]))
        prompts = [f"What is {f}?", f"Evaluate {f}.", f"Calculate {f}.", f"What is the value of {f}?", f"Work out {f}."]
        code = program("Integer, Rational", f"answer = {src(e)}")
        return draft(f"arith_{kind}", {"e": to_plain(e)}, prompts, code, value(e), 3)
    if kind == "words2":
        op = rng.choice(["+", "-", "*", "/", "less", "from"])
        if op in ("*", "/"):
            a = lit(dec(rng, 50, rng.randint(1, 4))) if rng.random() < 0.5 else lit(rng.randint(-999999, 999999))
            c = lit(rng.randint(-12, 12) or 3) if op == "/" or rng.random() < 0.5 else lit(dec(rng, 9, 1))
        else:
            a = lit(dec(rng, 10**rng.randint(1, 9), rng.randint(1, 5))) if rng.random() < 0.6 else lit(rng.randint(-10**6, 10**6))
            c = lit(dec(rng, 30, rng.randint(1, 4))) if rng.random() < 0.6 else lit(rng.randint(-999, 999))
        if op == "/":
            # mathematics_dataset divides exactly: a = quotient * divisor
            q = rng.randint(-9999, 9999)
            a = lit(q * int(value(c)))
        x, y = to_plain(a), to_plain(c)
        if op == "+":
            e = b("+", a, c)
            prompts = [f"Add {x} and {y}.", f"Sum {x} and {y}.", f"What is {x} plus {y}?", f"Total of {x} and {y}.",
                       f"Put together {x} and {y}.", f"What is {x} + {y}?"]
        elif op == "-":
            e = b("-", a, c)
            prompts = [f"What is {x} minus {y}?", f"Subtract {y} from {x}.", f"{x} - {y}", f"Calculate {x} - {y}.",
                       f"What is {x} take away {y}?"]
        elif op == "less":
            e = b("-", c, a)
            prompts = [f"What is {x} less than {y}?", f"Take {x} from {y}.", f"Subtract {x} from {y}."]
        elif op == "from":
            e = b("-", a, c)
            prompts = [f"What is {y} less than {x}?", f"Take away {y} from {x}.", f"What is the difference between {x} and {y}?"]
        elif op == "*":
            e = b("*", a, c)
            prompts = [f"Multiply {x} and {y}.", f"{x} times {y}", f"What is the product of {x} and {y}?",
                       f"Product of {x} and {y}.", f"Work out {x} * {y}.", f"Calculate {x}*{y}."]
        else:
            e = b("/", a, c)
            prompts = [f"Divide {x} by {y}.", f"What is {x} divided by {y}?", f"{x} divided by {y}",
                       f"Calculate {x} divided by {y}.", f"What is {x}/{y}?"]
        code = program("Integer, Rational", f"answer = {src(e)}")
        return draft(f"arith_{op}", {"e": to_plain(e)}, prompts, code, value(e), 1)
    if kind == "special":
        n = rng.randint(3, 12)
        k = rng.randint(1, n - 1)
        form = rng.choice(["fact_ratio", "binom", "power", "mul", "fact"])
        if form == "fact_ratio":
            e = b("/", b("!", num(str(n))), b("!", num(str(k))))
        elif form == "binom":
            e = b("binom", num(str(n + 3)), num(str(k)))
        elif form == "power":
            e = b("^", num(str(rng.randint(2, 9))), num(str(rng.randint(2, 12))))
        elif form == "mul":
            e = b("*", num(str(rng.randint(11, 99))), num(str(rng.randint(11, 99))))
        else:
            e = b("!", num(str(n)))
        st = rng.choice(["plain", "latex", "paren", "dm"])
        f = render(e, st) if st != "dm" else to_plain(e)
        prompts = [f"What is {f}?", f"Compute {f}.", f"Evaluate {f}.", f"Calculate {f}.", f"Find the value of {f}."]
        code = program("Integer, Rational, binomial, factorial", f"answer = {src(e)}")
        return draft(f"special_{form}", {"e": to_plain(e)}, prompts, code, value(e), 1)
    if kind == "fractions":
        terms = [lit(Fraction(rng.randint(-9, 9) or 1, rng.randint(2, 12))) for _ in range(rng.randint(2, 3))]
        e = terms[0]
        for t in terms[1:]:
            e = b(rng.choice(["+", "-", "*"]), e, t)
    else:
        e = _arith_expr(rng, rng.randint(1, 3), decimals=False)
    st = rng.choice(STYLES)
    f = render(e, st)
    prompts = [f"What is {f}?", f"Evaluate {f}.", f"Calculate {f}.", f"What is the value of {f}?",
               f"Work out {f}.", f"Compute {f}.", f"Simplify {f}."]
    code = program("Integer, Rational", f"answer = {src(e)}")
    return draft(f"arith_{kind}", {"e": to_plain(e)}, prompts, code, value(e), 2)


# ---------------------------------------------------------------------------------------------
# algebra


def _linear_side(rng: random.Random, v: Expr, n_terms: int) -> tuple[Expr, int, int]:
    """A side with some v-terms and maybe a constant; returns (tree, total coefficient, constant)."""
    terms, coef, const = [], 0, 0
    for _ in range(n_terms):
        c = rng.randint(-60, 60) or 2
        terms.append(term(c, v))
        coef += c
    if rng.random() < 0.6:
        k = rng.randint(-200, 200) or 7
        terms.append(lit(k))
        const += k
    rng.shuffle(terms)
    return add_terms(terms or [num("0")]), coef, const


def linear_1d(rng: random.Random) -> Draft:
    name = rng.choice(LETTERS)
    v = var(name)
    x = rng.randint(-20, 20)
    for _ in range(50):
        left, lc, lk = _linear_side(rng, v, rng.randint(1, 3))
        right, rc, rk = (num("0"), 0, 0) if rng.random() < 0.3 else _linear_side(rng, v, rng.randint(0, 2))
        if lc != rc:
            break
    # fix the constant so that x solves it: lc*x + lk + extra = rc*x + rk
    extra = (rc - lc) * x + rk - lk
    if extra:
        left = add_terms([left, lit(extra)])
    eq = b("=", left, right) if rng.random() < 0.7 else b("=", right, left)
    st = rng.choice(STYLES)
    f = render(eq, st)
    prompts = [f"Solve {f} for {name}.", f"Solve for {name}: {f}.", f"Find {name} if {f}.",
               f"What is {name} in {f}?", f"Solve {f}.", f"Determine {name} such that {f}.",
               f"If {f}, what is {name}?"]
    code = program("Eq, Integer, Rational, solve, symbols", symbol_line([name]),
                   f"answer = solve({src(eq)}, {name})[0]")
    return draft("linear_1d", {"eq": to_plain(eq)}, prompts, code, sympy.Integer(x), 3)


def _spread(rng: random.Random, coefs: list[tuple[int, Expr | None]]) -> Expr:
    """`sum(c*v) = 0` written as mathematics_dataset does: a coefficient sometimes split in two
    (`-1199*a ... = -1198*a`), each term on either side (its sign flipped), sides shuffled."""
    left: list[Expr] = []
    right: list[Expr] = []
    for c, v in coefs:
        parts = [c]
        if c and rng.random() < 0.25:
            k = rng.choice([rng.randint(-9, 9), rng.randint(-2000, 2000)]) or 2
            parts = [k, c - k] if c - k else [c]
        for part in parts:
            if part == 0:
                continue
            (left if rng.random() < 0.55 else right).append((part, v))
    side_l = [term(c, v) for c, v in left]
    side_r = [term(-c, v) for c, v in right]
    rng.shuffle(side_l)
    rng.shuffle(side_r)
    return b("=", add_terms(side_l or [num("0")]), add_terms(side_r or [num("0")]))


def linear_2d(rng: random.Random) -> Draft:
    n1, n2 = rng.sample(LETTERS, 2)
    v1, v2 = var(n1), var(n2)
    s1, s2 = rng.randint(-10, 10), rng.randint(-10, 10)
    while True:
        a, bb, c, d = (rng.randint(-9, 9) or 1 for _ in range(4))
        if a * d - bb * c:
            break
    if rng.random() < 0.3:
        e1 = b("=", add_terms([term(a, v1), term(bb, v2)]), lit(a * s1 + bb * s2))
        e2 = b("=", add_terms([term(c, v1), term(d, v2)]), lit(c * s1 + d * s2))
    else:  # `-5*h = 2*a + 3*a - 35, -1199*a + 2*h = -1198*a - 13`
        e1 = _spread(rng, [(a, v1), (bb, v2), (-(a * s1 + bb * s2), None)])
        e2 = _spread(rng, [(c, v1), (d, v2), (-(c * s1 + d * s2), None)])
    ask = rng.choice([n1, n2])
    st = rng.choice(STYLES)
    f1, f2 = render(e1, st), render(e2, st)
    prompts = [f"Solve {f1}, {f2} for {ask}.", f"Suppose {f1} and {f2}. What is {ask}?",
               f"Given {f1} and {f2}, find {ask}.", f"Solve the system {f1}, {f2} for {ask}."]
    code = program("Eq, solve, symbols", symbol_line([n1, n2]),
                   f"answer = solve([{src(e1)}, {src(e2)}], [{n1}, {n2}])[{ask}]")
    return draft("linear_2d", {"e1": to_plain(e1), "e2": to_plain(e2), "ask": ask}, prompts, code,
                 sympy.Integer(s1 if ask == n1 else s2), 4)


def polynomial_roots(rng: random.Random) -> Draft:
    name = rng.choice(LETTERS)
    v = var(name)
    roots = rng.sample(range(-9, 10), rng.randint(1, 3))
    if rng.random() < 0.3:  # `-5*o**2 - 8640*o + 1489940 = 0`: one root far out
        roots[0] = rng.randint(-3000, 3000) or 11
    roots = sorted(set(roots))
    lead = rng.choice([1, 1, -1, 2, -2, 3])
    coefs = [int(c) for c in sympy.Poly(lead * sympy.prod([sympy.Symbol("t") - r for r in roots]), sympy.Symbol("t")).all_coeffs()]
    p = poly(coefs, v)
    st = rng.choice(STYLES)
    if rng.random() < 0.3:
        f = render(p, st)
        prompts = [f"Factor {f}.", f"Factorize {f}.", f"Write {f} as a product of factors.", f"Factor the polynomial {f}."]
        if rng.random() < 0.3:  # `-u**3/5 - 11253*u**2/5`: every term over one denominator
            d = rng.choice([2, 3, 4, 5, 7])
            terms = [t for t in _terms(p)]
            p = add_terms([b("neg", b("/", t.args[0], num(str(d)))) if t.op == "neg" else b("/", t, num(str(d))) for t in terms])
            f = render(p, st)
            prompts = [f"Factor {f}.", f"Factorize {f}.", f"Write {f} as a product of factors.", f"Factor the polynomial {f}."]
        code = program("Integer, Rational, factor, symbols", symbol_line([name]), f"answer = factor({src(p)})")
        answer = sympy.factor(value(p))
        return draft("factor", {"p": to_plain(p)}, prompts, code, answer, 2)
    if rng.random() < 0.3:  # `-3*w**2/7 + 10505538*w/7 + 10505541/7 = 0`: every term over one denominator
        d = rng.choice([2, 3, 4, 5, 7])
        p = add_terms([b("neg", b("/", t.args[0], num(str(d)))) if t.op == "neg" else b("/", t, num(str(d))) for t in _terms(p)])
    eq = b("=", p, num("0"))
    f = render(eq, st)
    prompts = [f"Solve {f} for {name}.", f"Find {name} such that {f}.", f"Determine {name} so that {f}.",
               f"Suppose {f}. What is {name}?", f"What are the roots of {f}?", f"Let {f}. Calculate {name}.",
               f"Find all {name} with {f}.", f"Let {f}. What is {name}?", f"Suppose {f}. Calculate {name}."]
    code = program("Eq, solve, symbols", symbol_line([name]), f"answer = sorted(solve({src(eq)}, {name}))")
    return draft("roots", {"p": to_plain(p)}, prompts, code, tuple(sympy.Integer(r) for r in roots), 3)


def _terms(e: Expr) -> list[Expr]:
    """The terms of a sum built by add_terms, subtractions as `neg` terms."""
    if e.op == "+":
        return [*_terms(e.args[0]), e.args[1]]
    if e.op == "-":
        return [*_terms(e.args[0]), b("neg", e.args[1])]
    return [e]


def sequences(rng: random.Random) -> Draft:
    degree = rng.randint(1, 3)
    coefs = [rng.randint(-9, 9) or 1 for _ in range(degree + 1)]
    n = sympy.Symbol("n")
    f = sum(c * n**i for i, c in enumerate(coefs))
    count = rng.randint(degree + 2, 6)
    seq = [int(f.subs(n, i)) for i in range(1, count + 1)]
    shown = ", ".join(str(t) for t in seq)
    if rng.random() < 0.5:
        prompts = [f"What is next in {shown}?", f"What comes next: {shown}?", f"What is the next term in {shown}?",
                   f"Find the next number in the sequence {shown}."]
        code = program("interpolate, symbols", "n = symbols('n')", f"seq = [{shown}]",
                       "answer = interpolate(seq, n).subs(n, len(seq) + 1)")
        return draft("next_term", {"seq": seq}, prompts, code, sympy.Integer(f.subs(n, count + 1)), 2)
    name = rng.choice(LETTERS)
    prompts = [f"What is the {name}'th term of {shown}?", f"What is the {name}th term of the sequence {shown}?",
               f"Find the {name}'th term of {shown}."]
    code = program("expand, interpolate, symbols", symbol_line([name]), f"seq = [{shown}]",
                   f"answer = expand(interpolate(seq, {name}))")
    return draft("nth_term", {"seq": seq}, prompts, code, sympy.expand(f.subs(n, sympy.Symbol(name))), 3)


# ---------------------------------------------------------------------------------------------
# calculus and polynomials


def _random_poly(rng: random.Random, v: Expr, max_degree: int = 4) -> Expr:
    degree = rng.randint(1, max_degree)
    top = 30 if rng.random() < 0.6 else 10 ** rng.randint(3, 7)  # `-1796834*n**4 - 935083`
    coefs = [rng.randint(-top, top) if rng.random() < 0.7 else 0 for _ in range(degree + 1)]
    coefs[0] = coefs[0] or rng.randint(1, 9)
    return poly(coefs, v)


_ORD = {1: "first", 2: "second", 3: "third"}


def _multivariate(rng: random.Random, names: list[str]) -> Expr:
    """`k**2*s - 20*k**2*x**2 + 45*k*s`: monomials in several variables."""
    terms = []
    for _ in range(rng.randint(2, 5)):
        c = rng.randint(-90, 90) or 1
        factors = [var(n) if k == 1 else b("^", var(n), num(str(k))) for n in names if (k := rng.randint(0, 3))]
        if not factors:
            terms.append(lit(c))
            continue
        body = factors[0] if abs(c) == 1 else b("*", num(str(abs(c))), factors[0])
        for fct in factors[1:]:
            body = b("*", body, fct)  # left to right: `72*j**3*w*z`
        terms.append(b("neg", body) if c < 0 else body)
    return add_terms(terms)


def differentiate(rng: random.Random) -> Draft:
    name = rng.choice(LETTERS)
    v = var(name)
    p = _random_poly(rng, v, 6)
    others: list[str] = []
    if rng.random() < 0.3:
        others = rng.sample([c for c in LETTERS if c != name], rng.randint(1, 2))
        p = _multivariate(rng, sorted([name, *others]))
        if name not in {n.text for n in p.walk() if n.op == "var"}:
            p = add_terms([p, term(rng.randint(2, 9), v, 2)])
    order = rng.choice([1, 1, 2, 3])
    f = render(p, rng.choice(STYLES))
    wrt = pick(rng, "wrt", "with respect to")
    if order == 1:
        prompts = [f"Differentiate {f} {wrt} {name}.", f"What is the derivative of {f}?",
                   f"Find the first derivative of {f} {wrt} {name}.", f"Differentiate {f}.",
                   f"What is the derivative of {f} {wrt} {name}?"]
    else:
        o = _ORD[order]
        prompts = [f"What is the {o} derivative of {f} {wrt} {name}?", f"Find the {o} derivative of {f}.",
                   f"Differentiate {f} {order} times {wrt} {name}.", f"Calculate the {o} derivative of {f} {wrt} {name}."]
    if others:  # with several variables the question must say which one
        prompts = [q for q in prompts if f"{wrt} {name}" in q]
    code = program("diff, symbols", symbol_line(sorted([name, *others])), f"answer = diff({src(p)}, {name}, {order})")
    return draft(f"diff_{order}", {"p": to_plain(p), "order": order}, prompts, code,
                 sympy.diff(value(p), sympy.Symbol(name), order), 2)


def integrate_poly(rng: random.Random) -> Draft:
    name = rng.choice(LETTERS)
    v = var(name)
    p = _random_poly(rng, v, 3)
    f = render(p, rng.choice(STYLES))
    lo, hi = sorted(rng.sample(range(-3, 6), 2))
    if rng.random() < 0.5:
        prompts = [f"Integrate {f} from {lo} to {hi} with respect to {name}.",
                   f"Compute the definite integral of {f} from {name} = {lo} to {name} = {hi}.",
                   f"Evaluate the integral of {f} d{name} between {lo} and {hi}."]
        code = program("integrate, symbols", symbol_line([name]), f"answer = integrate({src(p)}, ({name}, {src(lit(lo))}, {hi}))")
        return draft("definite_integral", {"p": to_plain(p), "lo": lo, "hi": hi}, prompts, code,
                     sympy.integrate(value(p), (sympy.Symbol(name), lo, hi)), 2)
    prompts = [f"Integrate {f} with respect to {name}.", f"Find an antiderivative of {f}.",
               f"What is the integral of {f} d{name}?", f"Integrate {f}."]
    code = program("integrate, symbols", symbol_line([name]), f"answer = integrate({src(p)}, {name})")
    return draft("integral", {"p": to_plain(p)}, prompts, code, sympy.integrate(value(p), sympy.Symbol(name)), 2)


def polynomial_ops(rng: random.Random) -> Draft:
    """expand, collect, evaluate, add, compose, coefficient_named, simplify_power."""
    kind = rng.choice(["expand", "collect", "evaluate", "evaluate", "add", "compose", "coefficient", "power"])
    name = rng.choice(LETTERS)
    v = var(name)
    st = rng.choice(STYLES)
    if kind == "expand":
        factors = [poly([rng.randint(-6, 6) or 1, rng.randint(-9, 9)], v) for _ in range(rng.randint(2, 3))]
        if rng.random() < 0.6:  # `(-2*k + 3*k - 2*k)*(-13 - 150 + 23)`: factors that collect first
            pool = [add_terms([term(rng.randint(-9, 9) or 1, v, rng.choice([1, 1, 2])) for _ in range(rng.randint(1, 4))]),
                    _sum_chain(rng, 0), poly([rng.randint(-6, 6) or 1, rng.randint(-9, 9)], v),
                    add_terms([term(rng.randint(-9, 9) or 1, v), lit(k := rng.randint(-2000, 2000) or 3), lit(-k + rng.randint(-3, 3))]),
                    _sum_chain(rng, 0)]
            factors = rng.sample(pool, rng.randint(2, 4))
        e = factors[0]
        for fct in factors[1:]:
            e = b("*", e, fct)
        if rng.random() < 0.25:  # `9*h**3 - 12*h + (3 - 2 + 2)*(-h**2 + h**2) + 2*h**3`: a product among terms
            e = add_terms([term(rng.randint(-9, 9) or 1, v, rng.randint(1, 3)), e, term(rng.randint(-9, 9) or 1, v, rng.randint(1, 3))])
        f = render(e, st)
        prompts = [f"Expand {f}.", f"Multiply out {f}.", f"Expand and simplify {f}.", f"Write {f} as a polynomial."]
        code = program("expand, symbols", symbol_line([name]), f"answer = expand({src(e)})")
        return draft("expand", {"e": to_plain(e)}, prompts, code, sympy.expand(value(e)), 2)
    if kind == "collect":
        power = rng.randint(1, 3)
        terms = [term(rng.randint(-40, 40) or 1, v, power) for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.5:  # `483*n + 817 + 811 + 4*n**3 - 1628`: other terms, constants that cancel
            k1, k2 = rng.randint(-900, 900) or 3, rng.randint(-900, 900) or 5
            terms += [lit(k1), lit(k2), lit(-(k1 + k2))] if rng.random() < 0.5 else [term(rng.randint(-99, 99) or 1, v, rng.randint(1, 3))]
            rng.shuffle(terms)
        e = add_terms(terms)
        f = render(e, st)
        prompts = [f"Collect the terms in {f}.", f"Simplify {f}.", f"Combine like terms in {f}."]
        code = program("simplify, symbols", symbol_line([name]), f"answer = simplify({src(e)})")
        return draft("collect", {"e": to_plain(e)}, prompts, code, sympy.simplify(value(e)), 1)
    fname = rng.choice([c for c in "fghpqrstuvw" if c != name])
    p = _random_poly(rng, v, 3)
    define = b("=", b("apply", var(fname), v), p)
    if kind == "evaluate":
        at = rng.randint(-9, 9)
        call = b("apply", var(fname), lit(at))
        d, c = render(define, st), render(call, st)
        prompts = [f"Let {d}. What is {c}?", f"Let {d}. Calculate {c}.", f"Let {d}. Give {c}.",
                   f"Suppose {d}. Determine {c}.", f"If {d}, find {c}.", f"Given {d}, evaluate {c}."]
        code = program("Lambda, symbols", symbol_line([name]), f"{fname} = Lambda({name}, {src(p)})",
                       f"answer = {src(call)}")
        return draft("evaluate", {"p": to_plain(p), "at": at}, prompts, code, value(p).subs(sympy.Symbol(name), at), 2)
    if kind == "add":
        gname = rng.choice([c for c in "fghpqrstuvw" if c not in (name, fname)])
        q = _random_poly(rng, v, 3)
        define2 = b("=", b("apply", var(gname), v), q)
        m, k = rng.randint(-6, 6) or 1, rng.randint(-6, 6) or 1
        combo = add_terms([term(m, b("apply", var(fname), v)), term(k, b("apply", var(gname), v))])
        d1, d2, c = render(define, st), render(define2, st), render(combo, st)
        prompts = [f"Let {d1}. Let {d2}. Calculate {c}.", f"Let {d1} and {d2}. What is {c}?",
                   f"Suppose {d1} and {d2}. Determine {c}.", f"Let {d1}. Let {d2}. Give {c}."]
        code = program("Lambda, expand, symbols", symbol_line([name]), f"{fname} = Lambda({name}, {src(p)})",
                       f"{gname} = Lambda({name}, {src(q)})", f"answer = expand({src(combo)})")
        ans = sympy.expand(m * value(p) + k * value(q))
        return draft("add", {"p": to_plain(p), "q": to_plain(q), "m": m, "k": k}, prompts, code, ans, 3)
    if kind == "compose":
        gname = rng.choice([c for c in "fghpqrstuvw" if c not in (name, fname)])
        inner = rng.choice([c for c in LETTERS if c not in (name, fname, gname)])
        outer_p = _random_poly(rng, v, 2)
        inner_name = rng.choice([c for c in LETTERS if c not in (name, fname, gname, inner)])
        u = var(inner_name)
        q = _random_poly(rng, u, 2)
        d1 = render(b("=", b("apply", var(fname), v), outer_p), st)
        d2 = render(b("=", b("apply", var(gname), u), q), st)
        call = b("apply", var(fname), b("apply", var(gname), var(inner)))
        c = render(call, st)
        prompts = [f"Let {d1}. Let {d2}. What is {c}?", f"Let {d1} and {d2}. Calculate {c}.",
                   f"Suppose {d1} and {d2}. Give {c}.", f"Let {d1}. Let {d2}. Determine {c}."]
        code = program("Lambda, expand, symbols", symbol_line(sorted({name, inner_name, inner})),
                       f"{fname} = Lambda({name}, {src(outer_p)})", f"{gname} = Lambda({inner_name}, {src(q)})",
                       f"answer = expand({src(call)})")
        ans = sympy.expand(value(outer_p).subs(sympy.Symbol(name), value(q).subs(sympy.Symbol(inner_name), sympy.Symbol(inner))))
        return draft("compose", {"p": to_plain(outer_p), "q": to_plain(q), "x": inner}, prompts, code, ans, 3)
    if kind == "coefficient":
        top = rng.randint(1, 4)
        if rng.random() < 0.4:
            factors = [poly([rng.randint(-5, 5) or 1, rng.randint(-9, 9)], v) for _ in range(2)]
            e, top = b("*", factors[0], factors[1]), 2
        else:  # unsorted terms, some of one degree twice (`799*u**2 - 2715*u**2 + 3`)
            e = add_terms([term(rng.randint(-99, 99) or 1, v if (k := rng.randint(0, top)) else None, k or 1)
                           for _ in range(rng.randint(3, 6))])
        pool = [c for c in "abcdfghjklmoqrtuwxyz" if c != name]
        labels = rng.sample(pool, top + 1)
        form = [f"{labels[k]}*{name}**{k}" if k > 1 else (f"{labels[k]}*{name}" if k == 1 else labels[k]) for k in range(top + 1)]
        order = rng.sample(range(top + 1), top + 1)
        degree = rng.randint(0, top)
        f = render(e, st)
        shown = " + ".join(form[i] for i in order)
        prompts = [f"Express {f} as {shown} and give {labels[degree]}.",
                   f"Rearrange {f} to {shown} and give {labels[degree]}.",
                   f"Express {f} in the form {shown} and give {labels[degree]}.",
                   f"Write {f} in the form {shown}. What is {labels[degree]}?"]
        target = degree
        code = program("Poly, expand, symbols", symbol_line([name]),
                       f"answer = Poly(expand({src(e)}), {name}).coeff_monomial({name}**{degree})")
        ans = sympy.Poly(sympy.expand(value(e)), sympy.Symbol(name)).coeff_monomial(sympy.Symbol(name) ** degree)
        return draft("coefficient", {"e": to_plain(e), "target": target, "form": order}, prompts, code, ans, 3)
    # simplify_power: powers with rational exponents of a positive symbol
    e: Expr = v
    for _ in range(rng.randint(2, 5)):
        p_ = Fraction(rng.randint(-5, 5) or 1, rng.choice([1, 2, 3, 5, 7, 11]))
        step = rng.choice(["pow", "mul", "div", "mul", "div"])
        if step == "pow":
            e = b("^", e, lit(p_))
        else:  # `u*u/(u**(-2/17)*u)`: bare factors of the symbol too
            other = v if rng.random() < 0.3 else b("^", v, lit(p_))
            e = b("*" if step == "mul" else "/", e, other) if rng.random() < 0.7 else b("*" if step == "mul" else "/", other, e)
    f = render(e, rng.choice(["dm", "plain", "latex"]))
    prompts = [f"Simplify {f} assuming {name} is positive.", f"Simplify {f}, where {name} > 0.",
               f"Assuming {name} is positive, simplify {f}."]
    code = program("Integer, Rational, simplify, symbols", symbol_line([name], positive=True), f"answer = simplify({src(e)})")
    pos = sympy.Symbol(name, positive=True)
    ans = sympy.simplify(value(e).subs(sympy.Symbol(name), pos))
    return draft("simplify_power", {"e": to_plain(e)}, prompts, code, ans.subs(pos, sympy.Symbol(name)), 2)


def surds(rng: random.Random) -> Draft:
    """simplify_surd and nearest_integer_root."""
    if rng.random() < 0.45:
        n = rng.randint(2, 10**rng.randint(3, 6))
        k = rng.choice([2, 2, 3, 4, 5])
        if k == 2:
            prompts = [f"What is the square root of {n} to the nearest integer?", f"Round sqrt({n}) to the nearest integer.",
                       f"What is {n} to the power of 1/2, to the nearest integer?"]
        elif k == 3:
            prompts = [f"What is the cube root of {n} to the nearest integer?", f"What is {n} to the power of 1/3, to the nearest integer?"]
        else:
            prompts = [f"What is {n} to the power of 1/{k}, to the nearest integer?", f"What is the {_th(k)} root of {n} to the nearest integer?"]
        code = program("root", f"answer = round(root({n}, {k}))")
        return draft("nearest_root", {"n": n, "k": k}, prompts, code, sympy.Integer(round(sympy.root(n, k))), 2)
    base = rng.choice([2, 3, 5, 6, 7, 10, 11])
    sq = rng.choice([1, 4, 9, 16, 25, 36, 49])
    r = b("sqrt", num(str(base * sq)))
    form = rng.choice(["square", "sum", "mul", "div"])
    c = rng.randint(-6, 6) or 1
    if form == "square":
        e = b("+", b("^", b("+", r, lit(c)), num("2")), lit(rng.randint(-9, 9) or 2))
    elif form == "sum":
        e = add_terms([term(c, r), term(rng.randint(-6, 6) or 1, b("sqrt", num(str(base * rng.choice([1, 4, 9])))))])
    elif form == "mul":
        e = b("*", term(c, r), b("+", r, lit(rng.randint(-5, 5) or 1)))
    else:
        e = b("/", b("sqrt", num(str(base * sq))), b("*", b("sqrt", num(str(base))), lit(c)))
    f = render(e, rng.choice(["dm", "dm", "plain", "latex"]))
    prompts = [f"Simplify {f}.", f"Simplify {f} as far as possible.", f"Write {f} in simplest form."]
    code = program("simplify, sqrt, Integer", f"answer = simplify({src(e)})")
    return draft(f"surd_{form}", {"e": to_plain(e)}, prompts, code, sympy.radsimp(sympy.simplify(value(e))), 2)


def _th(k: int) -> str:
    return {4: "fourth", 5: "fifth", 6: "sixth"}.get(k, f"{k}th")


# ---------------------------------------------------------------------------------------------
# numbers


def _bigint(rng: random.Random, lo: int = 2, digits: int = 6) -> int:
    return rng.randint(lo, 10 ** rng.randint(2, digits))


def numbers(rng: random.Random) -> Draft:
    """gcd, lcm, remainder, is_factor, is_prime, prime factors, place value, rounding."""
    kind = rng.choice(["gcd", "lcm", "lcd", "remainder", "is_factor", "is_prime", "factors", "place", "round_dp", "round_near"])
    if kind in ("gcd", "lcm"):
        g = rng.randint(1, 500)
        a, c = g * rng.randint(1, 3000), g * rng.randint(1, 60)
        if kind == "gcd":
            prompts = [f"Calculate the greatest common divisor of {a} and {c}.", f"What is the highest common factor of {a} and {c}?",
                       f"What is the greatest common factor of {a} and {c}?", f"Calculate the highest common divisor of {a} and {c}.",
                       f"What is gcd({a}, {c})?"]
        else:
            a, c = rng.randint(2, 5000), rng.randint(2, 500)
            prompts = [f"Calculate the least common multiple of {a} and {c}.", f"What is the lowest common multiple of {a} and {c}?",
                       f"Calculate the smallest common multiple of {a} and {c}.", f"What is lcm({a}, {c})?",
                       f"Find the least common multiple of {a} and {c}."]
        code = program(kind, f"answer = {kind}({a}, {c})")
        return draft(kind, {"a": a, "c": c}, prompts, code, sympy.Integer(getattr(sympy, kind)(a, c)), 1)
    if kind == "lcd":
        f1 = Fraction(-(rng.randint(1, 200)), rng.randint(2, 10**rng.randint(2, 5)))
        f2 = Fraction(rng.choice([-1, 1]) * rng.randint(1, 200), rng.randint(2, 10**rng.randint(2, 4)))
        x, y = f"{f1.numerator}/{f1.denominator}", f"{f2.numerator}/{f2.denominator}"
        if f1.denominator == 1 or f2.denominator == 1:
            f1, f2 = Fraction(1, 6), Fraction(5, 8)
            x, y = "1/6", "5/8"
        prompts = [f"Find the common denominator of {x} and {y}.", f"Calculate the common denominator of {x} and {y}.",
                   f"What is the lowest common denominator of {x} and {y}?", f"What is the least common denominator of {x} and {y}?"]
        code = program("Rational, lcm", f"answer = lcm(({src(lit(f1))}).q, ({src(lit(f2))}).q)")
        return draft("lcd", {"a": x, "c": y}, prompts, code, sympy.Integer(sympy.lcm(f1.denominator, f2.denominator)), 2)
    if kind == "remainder":
        d = rng.randint(2, 10**rng.randint(1, 4))
        n = d * rng.randint(1, 800) + rng.randint(0, d - 1)
        prompts = [f"What is the remainder when {n} is divided by {d}?", f"Calculate the remainder when {n} is divided by {d}.",
                   f"What is {n} mod {d}?", f"Find {n} modulo {d}.", f"What is the remainder of {n} divided by {d}?",
                   f"Compute {n} mod {d}."]
        code = program("Mod", f"answer = Mod({n}, {d})")
        return draft("remainder", {"n": n, "d": d}, prompts, code, sympy.Integer(n % d), 1)
    if kind == "is_factor":
        d = rng.randint(2, 99)
        n = d * rng.randint(2, 3000) + (0 if rng.random() < 0.5 else rng.randint(1, d - 1))
        prompts = [f"Is {d} a factor of {n}?", f"Does {d} divide {n}?", f"Is {n} a multiple of {d}?",
                   f"Is {n} divisible by {d}?", f"Is {d} a divisor of {n}?"]
        code = program("Mod", f"answer = Mod({n}, {d}) == 0")
        return draft("is_factor", {"n": n, "d": d}, prompts, code, n % d == 0, 1)
    if kind == "is_prime":
        n = rng.randint(10, 10**rng.randint(2, 6)) | 1
        if rng.random() < 0.5:
            n = int(sympy.nextprime(n))  # deterministic, unlike sympy.randprime (global random state)
        if rng.random() < 0.3:
            prompts = [f"Is {n} composite?", f"Is {n} a composite number?"]
            code = program("isprime", f"answer = not isprime({n})")
            return draft("is_composite", {"n": n}, prompts, code, not sympy.isprime(n), 1)
        prompts = [f"Is {n} a prime number?", f"Is {n} prime?", f"Is {n} a prime?", f"Determine whether {n} is prime."]
        code = program("isprime", f"answer = isprime({n})")
        return draft("is_prime", {"n": n}, prompts, code, bool(sympy.isprime(n)), 1)
    if kind == "factors":
        n = rng.randint(4, 10**rng.randint(2, 5))
        while len(sympy.factorint(n)) < 2:
            n = rng.randint(4, 10**rng.randint(2, 5))
        prompts = [f"What are the prime factors of {n}?", f"List the prime factors of {n}.", f"Find the prime factors of {n}."]
        code = program("factorint", f"answer = sorted(factorint({n}))")
        return draft("prime_factors", {"n": n}, prompts, code, tuple(sympy.Integer(p) for p in sorted(sympy.factorint(n))), 2)
    if kind == "place":
        n = rng.randint(10, 10**rng.randint(2, 7))
        places = [("units", 1), ("tens", 10), ("hundreds", 100), ("thousands", 1000), ("ten thousands", 10**4),
                  ("hundred thousands", 10**5), ("millions", 10**6)]
        valid = [p for p in places if p[1] <= n]
        word, size = rng.choice(valid)
        prompts = [f"What is the {word} digit of {n}?", f"What is the {word} digit in {n}?", f"Give the {word} digit of {n}."]
        code = program("floor", f"answer = {n} // {size} % 10")
        return draft("place_value", {"n": n, "place": size}, prompts, code, sympy.Integer(n // size % 10), 1)
    if kind == "round_dp":
        places = rng.randint(0, 4)
        x = dec(rng, 10**rng.randint(0, 4), places + rng.randint(1, 3))
        words = {0: "the nearest integer", 1: "one decimal place", 2: "two decimal places", 3: "three decimal places", 4: "four decimal places"}
        short = {0: "0 dps", 1: "1 dp", 2: "2 dps", 3: "3 dps", 4: "4 dps"}
        prompts = [f"Round {x} to {words[places]}.", f"What is {x} rounded to {short[places]}?",
                   f"Round {x} to {short[places]}.", f"What is {x} rounded to {words[places]}?"]
        scale = f"10**{places}"
        code = program("Rational", f"answer = Rational(round(Rational('{x}') * {scale}), {scale})")
        exact = sympy.Rational(x)
        ans = sympy.Rational(round(exact * 10**places), 10**places)
        return draft("round_dp", {"x": x, "places": places}, prompts, code, ans, 2)
    size = rng.choice([10, 100, 1000, 10**4, 10**5, 10**6])
    n = rng.randint(size, size * 1000) * (1 if rng.random() < 0.7 else -1)
    if rng.random() < 0.3:
        n = f"{n}.{rng.choice(['25', '75', '5', '1', '9'])}"  # a decimal to round to the nearest 100
    names = {10: "ten", 100: "one hundred", 1000: "one thousand", 10**4: "ten thousand", 10**5: "one hundred thousand", 10**6: "one million"}
    shown = str(size) if rng.random() < 0.5 else names[size]
    prompts = [f"Round {n} to the nearest {shown}.", f"What is {n} rounded to the nearest {shown}?",
               f"Round {n} to the nearest multiple of {size}."]
    code = program("Rational", f"answer = round(Rational('{n}') / {size}) * {size}")
    exact = sympy.Rational(str(n)) / size
    return draft("round_near", {"n": n, "size": size}, prompts, code, sympy.Integer(round(exact) * size), 2)


def _to_base(n: int, base: int) -> str:
    if n == 0:
        return "0"
    out, m = "", abs(n)
    while m:
        m, r = divmod(m, base)
        out = DIGITS36[r] + out
    return ("-" if n < 0 else "") + out


BASE_LINES = (
    "digits = '0123456789abcdefghijklmnopqrstuvwxyz'",
    "m, text = abs(n), ''",
    "while m:",
    "    m, r = divmod(m, base)",
    "    text = digits[r] + text",
    "if n < 0:",
    "    text = '-' + text",
    "answer = Symbol(text or '0')",
)  # no `a if c else b`: the tree printer cannot print every decoded conditional expression


def bases(rng: random.Random) -> Draft:
    """base_conversion and add_or_sub_in_base: numerals read with int(text, base), written back by divmod."""
    src, dst = rng.sample([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], 2)
    if rng.random() < 0.6:
        n = rng.randint(-5000, 5000) or 7
        shown = _to_base(n, src)
        read = f"-int('{shown[1:]}', {src})" if n < 0 else f"int('{shown}', {src})"
        if src == 10:
            prompts = [f"Convert {shown} to base {dst}.", f"What is {shown} in base {dst}?", f"Write {shown} in base {dst}."]
        else:
            prompts = [f"What is {shown} (base {src}) in base {dst}?", f"Convert {shown} (base {src}) to base {dst}.",
                       f"Express the base-{src} number {shown} in base {dst}."]
        code = "\n".join(["from sympy import Symbol", f"n = {read}", f"base = {dst}", *BASE_LINES]) + "\n"
        return draft("base_conversion", {"n": n, "src": src, "dst": dst}, prompts, code, _to_base(n, dst), 2)
    base = rng.choice([2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16])
    a, c = rng.randint(-3000, 3000) or 5, rng.randint(1, 3000)
    op = rng.choice(["+", "-"])
    x, y = _to_base(a, base), _to_base(c, base)
    prompts = [f"In base {base}, what is {x} {op} {y}?", f"Calculate {x} {op} {y} in base {base}.",
               f"What is {x} {op} {y} in base {base}?", f"Work out {x} {op} {y} in base {base}."]
    ra = f"-int('{x[1:]}', {base})" if a < 0 else f"int('{x}', {base})"
    code = "\n".join(["from sympy import Symbol", f"n = {ra} {op} int('{y}', {base})", f"base = {base}", *BASE_LINES]) + "\n"
    result = a + c if op == "+" else a - c
    return draft("base_arith", {"a": a, "c": c, "base": base, "op": op}, prompts, code, _to_base(result, base), 2)


# ---------------------------------------------------------------------------------------------
# comparison


def _number_literal(rng: random.Random) -> tuple[str, Expr]:
    form = rng.choice(["int", "int", "dec", "frac"])
    if form == "int":
        v = rng.randint(-50, 50)
        return str(v), lit(v)
    if form == "dec":
        s = dec(rng, 5, rng.randint(1, 3))
        return s, lit(s)
    f = Fraction(rng.randint(-20, 20) or 1, rng.randint(2, 30))
    if f.denominator == 1:
        f = Fraction(1, 3)
    return f"{f.numerator}/{f.denominator}", lit(f)


def comparison(rng: random.Random) -> Draft:
    """pair, sort, kth_biggest, closest (with and without lettered options)."""
    kind = rng.choice(["pair_which", "pair_is", "sort", "kth", "closest", "closest_options"])
    if kind in ("pair_which", "pair_is"):
        (x, ex), (y, ey) = _number_literal(rng), _number_literal(rng)
        if value(ex) == value(ey):
            y, ey = "0", num("0")
        if kind == "pair_which":
            big = rng.random() < 0.5
            word = pick(rng, "bigger", "greater", "larger") if big else pick(rng, "smaller", "less")
            prompts = [f"Which is {word}: {x} or {y}?", f"Which is {word}, {x} or {y}?"]
            fn = "max" if big else "min"
            code = program("Rational", f"answer = {fn}({src(ex)}, {src(ey)})")
            ans = max(value(ex), value(ey)) if big else min(value(ex), value(ey))
            return draft(f"pair_{fn}", {"x": x, "y": y}, prompts, code, ans, 1)
        rel = rng.choice([">", "<", ">=", "<=", "!="])
        symbolic = {">": [f"Is {x} > {y}?", f"Is {x} greater than {y}?", f"Is {x} bigger than {y}?"],
                    "<": [f"Is {x} < {y}?", f"Is {x} less than {y}?", f"Is {x} smaller than {y}?"],
                    ">=": [f"Is {x} >= {y}?", f"Is {x} greater than or equal to {y}?", f"Is {x} at least {y}?"],
                    "<=": [f"Is {x} <= {y}?", f"Is {x} less than or equal to {y}?", f"Is {x} at most {y}?"],
                    "!=": [f"Is {x} != {y}?", f"Are {x} and {y} unequal?", f"Is {x} not equal to {y}?"]}
        code = program("Rational", f"answer = {src(ex)} {rel} {src(ey)}")
        truth = bool(value(b(rel, ex, ey)))
        return draft(f"pair_{rel}", {"x": x, "y": y, "rel": rel}, symbolic[rel], code, truth, 1)
    items: list[tuple[str, Expr]] = []
    size = rng.randint(3, 6)
    while len(items) < size:
        s, e = _number_literal(rng)
        if all(value(e) != value(o) for _, o in items):
            items.append((s, e))
    shown = ", ".join(s for s, _ in items)
    vals = [value(e) for _, e in items]
    listing = ", ".join(src(e) for _, e in items)
    if kind == "sort":
        desc = rng.random() < 0.5
        word = pick(rng, "decreasing", "descending") if desc else pick(rng, "increasing", "ascending")
        prompts = [f"Sort {shown} in {word} order.", f"Put {shown} in {word} order.", f"Arrange {shown} in {word} order."]
        code = program("Rational", f"answer = sorted([{listing}]{', reverse=True' if desc else ''})")
        return draft(f"sort_{'desc' if desc else 'asc'}", {"items": shown}, prompts, code,
                     tuple(sorted(vals, reverse=desc)), 2)
    if kind == "kth":
        k = rng.randint(1, len(items))
        big = rng.random() < 0.5
        word = pick(rng, "biggest", "largest") if big else "smallest"
        ordinal = {1: "", 2: "second ", 3: "third ", 4: "fourth ", 5: "fifth ", 6: "sixth "}[k]
        rev = ", reverse=True" if big else ""
        if rng.random() < 0.4:
            letters = "abcdef"[: len(items)]
            opts = "  ".join(f"({letter}) {s}" for letter, (s, _) in zip(letters, items, strict=True))
            table = ", ".join(f"'{letter}': {src(e)}" for letter, (_, e) in zip(letters, items, strict=True))
            prompts = [f"Which is the {ordinal}{word} value?  {opts}", f"What is the {ordinal}{word} value?  {opts}"]
            # the letter as a Symbol: an answer is an expression, a bare str is refused
            code = program("Rational, Symbol", f"options = {{{table}}}",
                           f"answer = Symbol(sorted(options, key=lambda k: options[k]{rev})[{k - 1}])")
            best = sorted(range(len(items)), key=lambda i: vals[i], reverse=big)[k - 1]
            return draft("kth_options", {"items": shown, "k": k, "big": big}, prompts, code, letters[best], 2)
        prompts = [f"What is the {ordinal}{word} value in {shown}?", f"Which is the {ordinal}{word} value in {shown}?",
                   f"Find the {ordinal}{word} of {shown}."]
        code = program("Rational", f"answer = sorted([{listing}]{rev})[{k - 1}]")
        return draft("kth", {"items": shown, "k": k, "big": big}, prompts, code, sorted(vals, reverse=big)[k - 1], 2)
    ts, te = _number_literal(rng)
    tv = value(te)
    dists = [abs(v - tv) for v in vals]
    if dists.count(min(dists)) > 1:
        return comparison(rng)
    best = dists.index(min(dists))
    word = pick(rng, "closest", "nearest")
    if kind == "closest":
        prompts = [f"What is the {word} to {ts} in {shown}?", f"Which is the {word} to {ts} in {shown}?",
                   f"Find the number {word} to {ts} among {shown}."]
        code = program("Rational", f"target = {src(te)}", f"answer = min([{listing}], key=lambda v: abs(v - target))")
        return draft("closest", {"items": shown, "t": ts}, prompts, code, vals[best], 2)
    letters = "abcdef"[: len(items)]
    opts = "  ".join(f"({letter}) {s}" for letter, (s, _) in zip(letters, items, strict=True))
    prompts = [f"Which is the {word} to {ts}?  {opts}", f"What is the {word} to {ts}?  {opts}"]
    table = ", ".join(f"'{letter}': {src(e)}" for letter, (_, e) in zip(letters, items, strict=True))
    code = program("Rational, Symbol", f"target = {src(te)}", f"options = {{{table}}}",
                   "answer = Symbol(min(options, key=lambda k: abs(options[k] - target)))")
    return draft("closest_options", {"items": shown, "t": ts}, prompts, code, letters[best], 2)


# ---------------------------------------------------------------------------------------------
# probability and combinatorics in notation


def probability(rng: random.Random) -> Draft:
    """swr_p_level_set / swr_p_sequence, the bag as `{a: 3, b: 2}` or spelled out (`aaabb`); binomials."""
    letters = sorted(rng.sample("abcdefghijklmnopqrstuvwxyz", rng.randint(1, 4)))
    counts = {c: rng.randint(1, 8) for c in letters}
    total = sum(counts.values())
    if total < 2:
        counts[letters[0]] += 2
        total += 2
    spelled = rng.random() < 0.5
    if spelled:
        chars = [c for c, n in counts.items() for _ in range(n)]
        rng.shuffle(chars)
        bag = "".join(chars)
        setup = f"bag = '{bag}'"
    else:
        bag = "{" + ", ".join(f"{c}: {n}" for c, n in counts.items()) + "}"
        setup = "bag = ''.join(c * n for c, n in {" + ", ".join(f"'{c}': {n}" for c, n in counts.items()) + "}.items())"
    draws = rng.randint(2, min(4, total))
    n_words = {2: "two", 3: "three", 4: "four"}[draws]
    prob = pick(rng, "probability", "prob")
    if rng.random() < 0.5:
        pool = [c for c, n in counts.items() for _ in range(n)]
        rng.shuffle(pool)
        seq = "".join(pool[:draws])
        p = sympy.Integer(1)
        left = dict(counts)
        for i, c in enumerate(seq):
            p *= sympy.Rational(left[c], total - i)
            left[c] -= 1
        prompts = [f"What is {prob} of sequence {seq} when {n_words} letters picked without replacement from {bag}?",
                   f"Calculate {prob} of sequence {seq} when {n_words} letters picked without replacement from {bag}.",
                   f"{n_words.capitalize()} letters picked without replacement from {bag}. What is {prob} of sequence {seq}?",
                   f"{n_words.capitalize()} letters are picked without replacement from {bag}. Give the {prob} of the sequence {seq}."]
        code = program("Rational", setup, f"seq = '{seq}'", "answer = Rational(1)", "for c in seq:",
                       "    answer *= Rational(bag.count(c), len(bag))", "    bag = bag.replace(c, '', 1)")
        return draft("p_sequence", {"counts": counts, "seq": seq, "spelled": spelled}, prompts, code, p, 3)
    pool = [c for c, n in counts.items() for _ in range(n)]
    rng.shuffle(pool)
    want: dict[str, int] = {}
    for c in pool[:draws]:
        want[c] = want.get(c, 0) + 1
    wanted = " and ".join(f"{k} {c}" for c, k in want.items())
    p = sympy.prod([sympy.binomial(counts[c], k) for c, k in want.items()]) / sympy.binomial(total, draws)
    prompts = [f"What is {prob} of picking {wanted} when {n_words} letters picked without replacement from {bag}?",
               f"{n_words.capitalize()} letters picked without replacement from {bag}. Give {prob} of picking {wanted}.",
               f"Calculate {prob} of picking {wanted} when {n_words} letters picked without replacement from {bag}.",
               f"{n_words.capitalize()} letters picked without replacement from {bag}. What is {prob} of picking {wanted}?"]
    table = ", ".join(f"'{c}': {k}" for c, k in want.items())
    code = program("binomial, prod", setup, f"want = {{{table}}}",
                   "answer = prod([binomial(bag.count(c), k) for c, k in want.items()]) / binomial(len(bag), sum(want.values()))")
    return draft("p_level_set", {"counts": counts, "want": want, "spelled": spelled}, prompts, code, p, 3)


# unit -> (its names, its size in the dimension's base unit as program source, exact size)
UNITS: dict[str, list[tuple[tuple[str, ...], str, Fraction]]] = {
    "length": [(("kilometers", "kilometres", "km"), "1000", Fraction(1000)), (("meters", "metres", "m"), "1", Fraction(1)),
               (("centimeters", "centimetres", "cm"), "Rational(1, 100)", Fraction(1, 100)),
               (("millimeters", "millimetres", "mm"), "Rational(1, 1000)", Fraction(1, 1000)),
               (("micrometers", "micrometres"), "Rational(1, 10**6)", Fraction(1, 10**6)),
               (("nanometers", "nanometres", "nm"), "Rational(1, 10**9)", Fraction(1, 10**9))],
    "mass": [(("tonnes", "t"), "10**6", Fraction(10**6)), (("kilograms", "kg"), "1000", Fraction(1000)),
             (("grams", "g"), "1", Fraction(1)), (("milligrams", "mg"), "Rational(1, 1000)", Fraction(1, 1000)),
             (("micrograms",), "Rational(1, 10**6)", Fraction(1, 10**6)),
             (("nanograms", "ng"), "Rational(1, 10**9)", Fraction(1, 10**9))],
    "volume": [(("litres", "liters", "l"), "1", Fraction(1)), (("millilitres", "milliliters", "ml"), "Rational(1, 1000)", Fraction(1, 1000))],
    "time": [(("weeks",), "7*24*60*60", Fraction(7 * 24 * 3600)), (("days",), "24*60*60", Fraction(24 * 3600)),
             (("hours",), "60*60", Fraction(3600)), (("minutes",), "60", Fraction(60)), (("seconds", "s"), "1", Fraction(1)),
             (("milliseconds", "ms"), "Rational(1, 1000)", Fraction(1, 1000)),
             (("microseconds",), "Rational(1, 10**6)", Fraction(1, 10**6)),
             (("nanoseconds", "ns"), "Rational(1, 10**9)", Fraction(1, 10**9))],
    "calendar": [(("millennia", "millenniums"), "12000", Fraction(12000)), (("centuries",), "1200", Fraction(1200)),
                 (("decades",), "120", Fraction(120)), (("years",), "12", Fraction(12)), (("months",), "1", Fraction(1))],
}
_SINGULAR = {"centuries": "century", "millennia": "millennium", "millenniums": "millennium", "litres": "litre", "liters": "liter"}


def _singular(name: str) -> str:
    return _SINGULAR.get(name, name[:-1] if name.endswith("s") and len(name) > 3 else name)


def measurement(rng: random.Random) -> Draft:
    """measurement__conversion: a quantity from one unit to another, exactly."""
    dim = rng.choice(["length", "length", "mass", "mass", "volume", "time", "time", "calendar"])
    (names_a, src_a, size_a), (names_b, src_b, size_b) = rng.sample(UNITS[dim], 2)
    a, bname = rng.choice(names_a), rng.choice(names_b)
    if len(bname) <= 2:
        bname = names_b[0]
    if rng.random() < 0.3:  # `1/4 of a litre`, `2/5 of a day`
        q = Fraction(rng.randint(1, 9), rng.choice([2, 4, 5, 8, 10, 20, 25, 50]))
        if q.denominator == 1:
            q = Fraction(1, 4)
        amount, tree = f"{q.numerator}/{q.denominator}", lit(q)
        unit_a = _singular(names_a[0])
        article = "an" if unit_a[0] in "aeiou" else "a"
        prompts = [f"How many {bname} are there in {amount} of {article} {unit_a}?",
                   f"What is {amount} of {article} {unit_a} in {bname}?", f"Convert {amount} of {article} {unit_a} to {bname}."]
    else:
        amount = dec(rng, 10 ** rng.randint(0, 4), rng.randint(1, 5), signed=False) if rng.random() < 0.7 else str(rng.randint(1, 999))
        tree = lit(amount)
        glued = f"{amount}{a}" if len(a) <= 2 else f"{amount} {a}"
        prompts = [f"Convert {glued} to {bname}.", f"What is {glued} in {bname}?", f"How many {bname} are there in {glued}?",
                   f"How many {bname} are in {glued}?"]
    quantity = f"Integer({src(tree)})" if tree.op == "num" and tree.text.isdigit() else src(tree)
    code = program("Integer, Rational", f"answer = {quantity} * {src_a} / ({src_b})")
    answer = value(tree) * sympy.Rational(size_a.numerator, size_a.denominator) / sympy.Rational(size_b.numerator, size_b.denominator)
    return draft("conversion", {"amount": amount, "a": names_a[0], "b": names_b[0]}, prompts, code, answer, 2)


def _clock(rng: random.Random) -> tuple[str, str, int]:
    """A time of day as text (`4:03 PM`), as program source (minutes after midnight) and value."""
    hour, minute, pm = rng.randint(1, 12), rng.randint(0, 59), rng.random() < 0.5
    half = pick(rng, "PM", "pm") if pm else pick(rng, "AM", "am")
    source = f"({hour} % 12 + 12) * 60 + {minute}" if pm else f"({hour} % 12) * 60 + {minute}"
    return f"{hour}:{minute:02d} {half}", source, (hour % 12 + (12 if pm else 0)) * 60 + minute


def clock_time(rng: random.Random) -> Draft:
    """measurement__time's intervals: minutes between two times of day (the program reads each
    time as minutes after midnight; the later one may be past midnight)."""
    (a, src_a, va), (c, src_c, vc) = _clock(rng), _clock(rng)
    if va == vc:
        return clock_time(rng)
    unit = pick(rng, "minutes", "minutes", "mins")
    prompts = [f"How many {unit} are there between {a} and {c}?", f"How many {unit} are between {a} and {c}?",
               f"How many {unit} pass from {a} to {c}?", f"What is the number of {unit} between {a} and {c}?",
               f"How many {unit} are there from {a} until {c}?"]
    code = program("Integer", f"start = {src_a}", f"end = {src_c}", "answer = Integer((end - start) % (24 * 60))")
    return draft("minutes_between", {"a": a, "c": c}, prompts, code, sympy.Integer((vc - va) % (24 * 60)), 2)


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family("notation_arithmetic", "Arithmetic in formulas: sums, products, quotients, mixed, factorials, binomials", arithmetic),
        Family("notation_linear_1d", "Linear equations in one unknown, written as formulas", linear_1d),
        Family("notation_linear_2d", "Two linear equations in two unknowns", linear_2d),
        Family("notation_polynomial_roots", "Roots and factorizations of polynomials", polynomial_roots),
        Family("notation_sequences", "Next and n'th terms of polynomial sequences", sequences),
        Family("notation_differentiate", "Derivatives of polynomials", differentiate),
        Family("notation_integrate", "Integrals of polynomials", integrate_poly),
        Family("notation_polynomials", "Expanding, collecting, evaluating, adding and composing polynomials", polynomial_ops),
        Family("notation_surds", "Surds and nearest integer roots", surds),
        Family("notation_numbers", "gcd, lcm, remainders, factors, primes, place value, rounding", numbers),
        Family("notation_bases", "Base conversion and arithmetic in a base", bases),
        Family("notation_comparison", "Comparing, sorting and choosing numbers", comparison),
        Family("notation_measurement", "Converting quantities between units of length, mass, volume and time", measurement),
        Family("notation_clock", "Minutes between two times of day", clock_time),
        Family("notation_probability", "Probabilities of draws without replacement and of coin tosses", probability),
    )
}

SAMPLERS: dict[str, Callable[[random.Random], Draft]] = {name: f.sample for name, f in FAMILIES.items()}
