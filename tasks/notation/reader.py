"""Find the formulas in a question, read the words around them, and build the semantic graph.

Formulas: LaTeX between `$...$`, `$$...$$`, `\\(...\\)`, `\\[...\\]` or bare (`\\binom{10}{3}`),
and plain spans of numbers, one-letter variables, operators and brackets (`7y - 4 = 2y + 21`,
`x²`, `√2`, `7!`). Each becomes a subgraph (expr.py). The words between them are tokenized
and lemmatized by spaCy; the first content word of the asking sentence is the QUERY node,
the others are nodes the query points to, labelled with the preposition before them. The
front end decides no program: the generator reads the graph and writes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tasks.ace.graph import EdgeKind, GraphEdge, GraphNode, NodeKind, SemanticGraph
from tasks.frontends import FrontEndError
from tasks.notation.expr import Expr, FormulaError, parse_latex_formula, parse_plain

DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"
MAX_TEXT = 5_000  # a question longer than this is not one question
BARE_WORDS = 14  # a text whose only formulas are bare numbers is notation only when this short
_PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?|\.\d+")
# Inline `$...$` as pandoc's tex_math_dollars reads it: no space just inside either `$`, and no
# digit right after the closing one, so `$10.22 on a toy and $11.73` is two prices, not a formula.
_LATEX_DELIMS = re.compile(r"\$\$(.+?)\$\$|\$(?!\s)(.+?)(?<!\s)\$(?!\d)|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)
# `$5 each`, `$.75.`: a price when no formula closes it; `$3 + 4` is a formula left open
_CURRENCY = re.compile(r"\$(\d[\d,]*(\.\d+)?|\.\d+)(?![\d,]|\s*[-+*/^=<>()\\])")
_BARE_LATEX = re.compile(r"\\[A-Za-z]+")
_OPTION = re.compile(r"(?<![A-Za-z0-9])\(([a-z])\)\s")
# plain-formula characters; letters are decided token by token below
_MATHCH = set("0123456789.+-−–*/×·⋅∗÷^!()[]|=<>≤≥≠√∛∜⁰¹²³⁴⁵⁶⁷⁸⁹,…")
_ABBREVIATION = re.compile(r"\b(i\.e\.|e\.g\.|etc\.|cf\.|vs\.)", re.IGNORECASE)
_FUNC_CALL = re.compile(r"(sqrt|gcd|lcm|abs|exp|log|ln|sin|cos|tan|max|min|binomial)\(")
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019\u02bc][A-Za-z]+)?")  # `Tom's`, `Mary’s`: one word
_GLUED_UNIT = re.compile(r"^(\d+(?:\.\d+)?)([a-zA-Z]{2,})$")
_NTH = re.compile(r"^([a-z])'th$")
_PREPOSITIONS = {"of", "to", "for", "by", "in", "from", "with", "wrt", "than", "into", "as", "at", "on", "between", "after", "before"}
_SKIP_POS = {"PUNCT", "DET", "SPACE", "SYM"}
_SKIP_LEMMA = {"be", "do", "let", "suppose", "assume", "give", "a", "an", "the"}


@dataclass
class Formula:
    """One formula found in the text: where it is, what it said, its tree."""

    start: int
    end: int
    source: str
    notation: str  # plain | latex
    tree: Expr
    option: str | None = None  # `(b) 2/5`: the label of a multiple-choice option


@dataclass
class _Builder:
    text: str
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    variables: dict[str, int] = field(default_factory=dict)

    def add(self, kind: NodeKind, label: str, value: str | None = None, sentence: int = 0) -> int:
        self.nodes.append(GraphNode(id=len(self.nodes), kind=kind, label=label, value=value, sentence=sentence))
        return len(self.nodes) - 1

    def edge(self, src: int, dst: int, kind: EdgeKind, label: str | None = None) -> None:
        self.edges.append(GraphEdge(src=src, dst=dst, kind=kind, label=label))

    def expr(self, e: Expr, sentence: int) -> int:
        """The subgraph of one formula tree; returns its root. One node per variable name."""
        if e.op == "var":
            name = e.text or "x"
            if name not in self.variables:
                self.variables[name] = self.add(NodeKind.VARIABLE, name, name, sentence)
            return self.variables[name]
        if e.op == "num":
            return self.add(NodeKind.NUMBER, e.text or "0", e.text, sentence)
        root = self.add(NodeKind.OPERATION, e.op, None, sentence)
        for i, arg in enumerate(e.args):
            child = self.expr(arg, sentence)
            self.edge(root, child, EdgeKind.ARG, _position(e, i))
        return root


def _position(e: Expr, i: int) -> str:
    if e.op == "apply":
        return "function" if i == 0 else f"arg{i}"
    if len(e.args) == 1:
        return "operand"
    if len(e.args) == 2:
        return ("left", "right")[i]
    return f"arg{i + 1}"


# ---------------------------------------------------------------------------------------------
# finding formulas


def find_formulas(text: str) -> list[Formula]:
    """Every formula in the text, in order; FormulaError (position in `text`) where one is malformed."""
    found: list[Formula] = []
    taken = [False] * len(text)
    for m in _LATEX_DELIMS.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        start = m.start(group)
        for piece_start, piece in _split_top_commas(m.group(group), start):
            found.append(_latex(piece, piece_start))
        for i in range(m.start(), m.end()):
            taken[i] = True
    _unclosed_dollar(text, taken)
    for m in _OPTION.finditer(text):  # `(a)` labels an option; it is not a formula
        for i in range(m.start(), m.end() - 1):
            taken[i] = True
    found.extend(_clock_times(text, taken))
    found.extend(_multisets(text, taken))
    for start, end in _bare_latex_spans(text, taken):
        found.append(_latex(text[start:end], start))
        for i in range(start, end):
            taken[i] = True
    found.extend(_plain_formulas(text, taken, numerals=bool(_BASE.search(text))))
    found.sort(key=lambda f: f.start)
    _label_options(text, found)
    return found


_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d)\s*([AaPp])\.?[Mm]\.?(?![A-Za-z])")


def _clock_times(text: str, taken: list[bool]) -> list[Formula]:
    """`4:03 PM`: a time of day, read as `clock_pm(4, 3)` (hour and minute as numbers, the
    half of the day in the operator) so that no `03` reaches a program as a literal."""
    out: list[Formula] = []
    for m in _CLOCK.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        hour, minute = int(m.group(1)), int(m.group(2))
        if not 1 <= hour <= 12:
            raise FormulaError(f"the hour {hour} of {m.group(0)!r} at character {m.start()} is not 1 to 12", m.start())
        half = "am" if m.group(3).lower() == "a" else "pm"
        tree = Expr(f"clock_{half}", (Expr("num", (), str(hour)), Expr("num", (), str(minute))))
        out.append(Formula(m.start(), m.end(), m.group(0), "plain", tree))
        for i in range(m.start(), m.end()):
            taken[i] = True
    return out


_MULTISET = re.compile(r"\{\s*[a-z]\s*:\s*\d+(?:\s*,\s*[a-z]\s*:\s*\d+)*\s*\}")
_PAIR = re.compile(r"([a-z])\s*:\s*(\d+)")


def _multisets(text: str, taken: list[bool]) -> list[Formula]:
    """`{a: 3, b: 2}`: a bag of letters with counts; then words spelled only in its letters
    (`the sequence ab`) are formulas too, since they name draws from it."""
    out: list[Formula] = []
    letters: set[str] = set()
    for m in _MULTISET.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        pairs = tuple(Expr("count", (Expr("var", (), p.group(1)), Expr("num", (), p.group(2)))) for p in _PAIR.finditer(m.group(0)))
        letters |= {p.group(1) for p in _PAIR.finditer(m.group(0))}
        out.append(Formula(m.start(), m.end(), m.group(0), "plain", Expr("multiset", pairs)))
        for i in range(m.start(), m.end()):
            taken[i] = True
    if re.search(r"\breplacement\b", text):  # `... without replacement from gdjttjjd`: the bag spelled out
        for m in re.finditer(r"\bfrom ([a-z]{2,})\b", text):
            if not any(taken[m.start(1):m.end(1)]):
                out.append(Formula(m.start(1), m.end(1), m.group(1), "plain", Expr("var", (), m.group(1))))
                letters |= set(m.group(1))
                for i in range(m.start(1), m.end(1)):
                    taken[i] = True
    if letters:
        for m in re.finditer(r"(?<![A-Za-z'])[a-z]+(?![A-Za-z'])", text):
            if not any(taken[m.start():m.end()]) and set(m.group(0)) <= letters and (len(m.group(0)) > 1 or m.group(0) != "a"):
                out.append(Formula(m.start(), m.end(), m.group(0), "plain", Expr("var", (), m.group(0))))
                for i in range(m.start(), m.end()):
                    taken[i] = True
    return out


def _unclosed_dollar(text: str, taken: list[bool]) -> None:
    for i, c in enumerate(text):
        if c == "$" and not taken[i] and not _CURRENCY.match(text, i):
            raise FormulaError(f"unbalanced '$' at character {i}: the formula is never closed", i)


def _latex(piece: str, offset: int) -> Formula:
    stripped = piece.strip()
    lead = len(piece) - len(piece.lstrip())
    try:
        tree = parse_latex_formula(stripped)
    except FormulaError as err:
        pos = offset + lead + err.position
        raise FormulaError(f"{err} (character {pos} of the text)", pos) from None
    return Formula(offset + lead, offset + lead + len(stripped), stripped, "latex", tree)


def _split_top_commas(body: str, offset: int) -> list[tuple[int, str]]:
    """`$a, b$` is two formulas; commas inside brackets or braces are not separators."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(body):
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
        elif c == "," and depth == 0:
            out.append((offset + start, body[start:i]))
            start = i + 1
    out.append((offset + start, body[start:]))
    return [(s, p) for s, p in out if p.strip()]


def _bare_latex_spans(text: str, taken: list[bool]) -> list[tuple[int, int]]:
    """`Compute \\binom{10}{3}.`: from a backslash command over braces and formula characters."""
    spans = []
    i = 0
    while i < len(text):
        m = _BARE_LATEX.match(text, i)
        if not m or taken[i]:
            i += 1
            continue
        start = i
        while start > 0 and not taken[start - 1] and (text[start - 1] in _MATHCH or text[start - 1].isalnum() and not _is_word_before(text, start - 1)):
            start -= 1
        end, depth = i, 0
        while end < len(text):
            c = text[end]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            elif depth == 0 and c == "\\" and _BARE_LATEX.match(text, end):
                end = _BARE_LATEX.match(text, end).end()
                continue
            elif depth == 0 and not (c in _MATHCH or c in " _" or (c.isalpha() and _single_letter_at(text, end))):
                break
            end += 1
        while end > start and text[end - 1] in " .,?;:":
            end -= 1
        while start < end and text[start] == " ":
            start += 1
        spans.append((start, end))
        i = max(end, i + 1)
    return spans


def _is_word_before(text: str, i: int) -> bool:
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return i - j >= 1


def _single_letter_at(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalpha() and not after.isalpha()


@dataclass
class _Tok:
    kind: str  # math | word | letter | comma | space | stop
    start: int
    end: int
    text: str


def _tokens(text: str, taken: list[bool]) -> list[_Tok]:
    out: list[_Tok] = []
    taken = list(taken)
    for m in _ABBREVIATION.finditer(text):  # `i.e.` is words, not the variables i and e
        for k in range(m.start(), m.end()):
            taken[k] = True
    i = 0
    while i < len(text):
        c = text[i]
        if taken[i]:
            j = i
            while j < len(text) and taken[j]:
                j += 1
            out.append(_Tok("stop", i, j, text[i:j]))
            i = j
            continue
        if c.isspace():
            out.append(_Tok("space", i, i + 1, c))
            i += 1
            continue
        m = _FUNC_CALL.match(text, i)
        if m and (i == 0 or not text[i - 1].isalpha()):
            out.append(_Tok("math", i, m.end(), m.group(0)))
            i = m.end()
            continue
        if c.isdigit():
            j = i
            while j < len(text) and (text[j].isalnum() or (text[j] == "." and j + 1 < len(text) and text[j + 1].isdigit())):
                j += 1
            glued = _GLUED_UNIT.match(text[i:j])
            if glued and not _BASE.search(text):  # `673.076ms`: a number and its unit
                out.append(_Tok("math", i, i + glued.end(1), glued.group(1)))
                out.append(_Tok("word", i + glued.end(1), j, glued.group(2)))
            else:
                out.append(_Tok("math", i, j, text[i:j]))
            i = j
            continue
        if c.isalpha():
            m = _WORD.match(text, i)
            j = m.end() if m else i + 1
            word = text[i:j]
            kind = "letter" if len(word) == 1 or (len(word) == 2 and word[1].isdigit()) else "word"
            if kind == "word" and _numeral_word(text, i, j):
                kind = "math"
            while j < len(text) and text[j].isdigit() and kind == "letter":
                j += 1
            out.append(_Tok(kind, i, j, text[i:j]))
            i = j
            continue
        if c == ",":
            out.append(_Tok("comma", i, i + 1, c))
            i += 1
            continue
        if c == "." and i + 1 < len(text) and text[i + 1].isdigit() and (i == 0 or not text[i - 1].isdigit()):
            j = i + 1
            while j < len(text) and text[j].isdigit():
                j += 1
            out.append(_Tok("math", i, j, text[i:j]))
            i = j
            continue
        if c == "(" and re.match(r"\(\s*([A-Za-z]{2,}|[a-z]\.[a-z]\.)", text[i:]) and not _FUNC_CALL.match(text, i + 1):
            out.append(_Tok("stop", i, i + 1, c))  # `(with leading zeros ...)`, `(i.e., ...)`: words in brackets
            i += 1
            continue
        if c == ")" and i > 1 and text[i - 2 : i].isalpha():
            out.append(_Tok("stop", i, i + 1, c))
            i += 1
            continue
        if text.startswith("...", i):
            out.append(_Tok("math", i, i + 3, "..."))
            i += 3
            continue
        if c == "-" and i > 1 and text[i - 2 : i].isalpha() and text[i + 1 : i + 2].isalpha():
            out.append(_Tok("stop", i, i + 1, c))  # `non-equal`, `base-2`: a hyphen, not a minus
            i += 1
            continue
        if c in _MATCH_ONLY:
            out.append(_Tok("math", i, i + 1, c))
            i += 1
            continue
        out.append(_Tok("stop", i, i + 1, c))
        i += 1
    return out


def _numeral_word(text: str, i: int, j: int) -> bool:
    """`-dde (base 15)`, `In base 13, what is ab + 37?`: lowercase digits of a base above ten."""
    word = text[i:j]
    if not word.isalnum() or not word.islower() or not _BASE.search(text) or len(set(word) - set(DIGITS36[:16])) > 0:
        return False
    after, before = text[j:].lstrip(), text[:i].rstrip()
    return after.startswith("(base") or after[:1] in "+-" or before[-1:] in "+-"


_MATCH_ONLY = _MATHCH
_OPERATOR = set("+-−–*/×·⋅∗÷^=<>≤≥≠√∛∜!⁰¹²³⁴⁵⁶⁷⁸⁹")


_BASE = re.compile(r"\bbase\b|\bbase-\d", re.IGNORECASE)


def _plain_formulas(text: str, taken: list[bool], numerals: bool = False) -> list[Formula]:
    """Maximal runs of formula tokens; a lone `a`/`A`/`I` is a word unless an operator touches it."""
    toks = _tokens(text, taken)
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []

    def close() -> None:
        nonlocal current
        while current and current[-1].kind == "space":
            current.pop()
        if current:
            runs.append(current)
        current = []

    depth = 0
    for k, tok in enumerate(toks):
        if tok.kind == "math" or (tok.kind == "letter" and _is_variable(toks, k)):
            current.append(tok)
            depth += tok.text.count("(") + tok.text.count("[") - tok.text.count(")") - tok.text.count("]")
        elif (tok.kind == "space" and current) or (tok.kind == "comma" and depth > 0):  # `gcd(12, 18)`
            current.append(tok)
        else:
            close()
            depth = 0
    close()
    formulas = []
    for run in runs:
        for piece in _split_run(run, text):
            formulas.extend(_plain_piece(text, *piece, numerals=numerals))
    return formulas


def _is_variable(toks: list[_Tok], k: int) -> bool:
    """A one-letter token is a variable unless it is the article `a` or the pronoun `I` standing alone."""
    word = toks[k].text
    if word not in ("a", "A", "I"):
        return True
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(toks) and toks[j].kind == "space":
            j += step
        if 0 <= j < len(toks) and toks[j].kind == "math" and any(ch in _OPERATOR or ch in "()" for ch in toks[j].text):
            return True
    return False


def _split_run(run: list[_Tok], text: str) -> list[tuple[int, int]]:
    """Split a run at top-level commas and where two operands meet across a space (`15 a`)."""
    pieces: list[tuple[int, int]] = []
    depth = 0
    start = run[0].start
    prev: _Tok | None = None
    for tok in run:
        if tok.kind == "space":
            continue
        if tok.text in "([" and tok.kind == "math":
            depth += 1
        if tok.text in ")]" and tok.kind == "math":
            depth -= 1
        if prev is not None and depth <= 0 and tok.start > prev.end and _operand_end(prev) and _operand_start(tok):
            pieces.append((start, prev.end))
            start = tok.start
        prev = tok
        if tok.kind == "comma" and depth <= 0:
            pass
    pieces.append((start, run[-1].end))
    out = []
    for s, e in pieces:
        depth, cut = 0, s
        for i in range(s, e):
            c = text[i]
            depth += c in "([" and 1 or 0
            depth -= c in ")]" and 1 or 0
            if c == "," and depth <= 0:
                out.append((cut, i))
                cut = i + 1
        out.append((cut, e))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _operand_end(tok: _Tok) -> bool:
    return tok.kind == "letter" or (tok.kind == "math" and (tok.text[-1].isalnum() or tok.text[-1] in ")]!²³"))


def _operand_start(tok: _Tok) -> bool:
    return tok.kind == "letter" or (tok.kind == "math" and (tok.text[0].isalnum() or tok.text[0] in "(√."))


def _plain_piece(text: str, start: int, end: int, numerals: bool = False) -> list[Formula]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" ,"))
    s = start + lead
    e = end
    while e > s and text[e - 1] in " .,?;:":
        if text[e - 1] == "." and e - 2 >= s and text[e - 2].isdigit() and e < len(text) and text[e].isdigit():
            break
        e -= 1
    while e > s and text[e - 1] in "([":  # a bracket that opens an option label `(a)` is not the formula's
        e -= 1
    if e <= s:
        return []
    source = text[s:e]
    if source.count("(") != source.count(")"):
        stripped = _balance(source, text[:s])
        if stripped is None:
            pos = s + _unbalanced_at(source)
            raise FormulaError(f"unbalanced parenthesis in {source!r} at character {pos} of the text", pos)
        s += source.index(stripped)
        source = stripped
        e = s + len(source)
    if source in "()[]" or all(ch in "()[]|,!" for ch in source):
        return []
    try:
        tree = parse_plain(source, numerals)
    except FormulaError as err:
        pos = s + err.position
        raise FormulaError(f"{err} (character {pos} of the text)", pos) from None
    return [Formula(s, e, source, "plain", tree)]


def _balance(source: str, before: str) -> str | None:
    """`-1010 (base 2)`: words cut the bracket's pair off the formula, so a closing bracket
    whose opener stands before the words is dropped; any other unmatched bracket is an error."""
    if source.endswith(")") and source.count(")") == source.count("(") + 1 and before.count("(") > before.count(")"):
        return source[:-1].strip()
    return None


def _unbalanced_at(source: str) -> int:
    depth, opened = 0, []
    for i, c in enumerate(source):
        if c == "(":
            opened.append(i)
        elif c == ")":
            if not opened:
                return i
            opened.pop()
    return opened[-1] if opened else depth


def _label_options(text: str, formulas: list[Formula]) -> None:
    """`(a) 5 (b) 2/5`: each option's formula carries its letter (the answer is the letter)."""
    for m in _OPTION.finditer(text):
        after = m.end()
        for f in formulas:
            if f.start >= after and not text[after:f.start].strip():
                f.option = m.group(1)
                break
    letters = {m.start(1) for m in _OPTION.finditer(text)}
    formulas[:] = [f for f in formulas if not (f.tree.op == "var" and f.start in letters)]


# ---------------------------------------------------------------------------------------------
# words


@lru_cache(maxsize=1)
def _nlp() -> Any:
    """spaCy's small English pipeline, tagger and lemmatizer only (the parser is not needed)."""
    from importlib import import_module

    from tasks.english.pipeline import MODEL_PACKAGE

    try:
        return import_module(MODEL_PACKAGE).load(exclude=["parser", "ner"])
    except ImportError as err:
        raise FrontEndError(f"the notation front end needs spaCy's model package {MODEL_PACKAGE}: {err}") from err


_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}


def number_word(word: str) -> int | None:
    """The number a single English number word (or its plural, `tens`, `thousands`) names."""
    w = word.lower()
    for form in (w, w[:-1] if w.endswith("s") else None):
        if form in _UNITS:
            return _UNITS[form]
        if form in _SCALES:
            return _SCALES[form]
    return _ORDINALS.get(w)


@dataclass
class _Word:
    start: int
    lemma: str
    pos: str
    sentence: int
    number: int | None = None
    variable: str | None = None
    prep: str | None = None


def _words(text: str, formulas: list[Formula]) -> tuple[list[_Word], list[int]]:
    """Content words outside formulas, with lemma, sentence and the preposition before each; and
    the sentence index of each formula."""
    masked = list(text)
    for f in formulas:
        for i in range(f.start, f.end):
            masked[i] = " "
        masked[f.start] = "1"  # a number keeps the sentence grammatical for the tagger
    for m in _OPTION.finditer(text):
        for i in range(m.start(), m.end()):
            masked[i] = " "
    doc = _nlp()("".join(masked))
    sentence, words = 0, []
    prep: str | None = None
    inside = {i for f in formulas for i in range(f.start, f.end)}
    fresh = True
    for tok in doc:
        if tok.idx in inside:
            prep, fresh = None, False
            continue
        if tok.text in (".", "?", "!", ";") and not text[tok.idx + 1 : tok.idx + 2].isdigit():
            sentence += 1
            prep, fresh = None, True
            continue
        if tok.is_space:
            continue
        low = tok.text.lower()
        if low in _PREPOSITIONS:
            prep = low
            continue
        if tok.pos_ == "AUX" and fresh:  # `Is 15 a factor ...?`, `Does 7 divide 56?`: a yes/no question
            words.append(_Word(tok.idx, tok.lemma_.lower(), tok.pos_, sentence))
            fresh = False
            continue
        fresh = False
        if tok.pos_ in _SKIP_POS or tok.lemma_.lower() in _SKIP_LEMMA or not any(ch.isalpha() for ch in tok.text):
            continue
        if low == "(" or low == ")":
            continue
        w = _Word(tok.idx, tok.lemma_.lower(), tok.pos_, sentence, prep=prep)
        nth = _NTH.match(low)
        if nth:
            w.variable, w.lemma = nth.group(1), "th"
        elif (n := number_word(low)) is not None:
            w.number = n
        words.append(w)
        prep = None
    # sentence of a formula: count sentence ends before it
    ends = [t.idx for t in doc if t.text in (".", "?", "!", ";") and t.idx not in inside
            and not text[t.idx + 1 : t.idx + 2].isdigit()]  # the same sentence ends as above
    formula_sentences = [sum(1 for e in ends if e < f.start) for f in formulas]
    return _merge_numbers(words), formula_sentences


def _merge_numbers(words: list[_Word]) -> list[_Word]:
    """`ten thousands` -> 10000, `two hundred` -> 200: consecutive number words make one number."""
    out: list[_Word] = []
    for w in words:
        prev = out[-1] if out else None
        if (w.number is not None and prev is not None and prev.number is not None and w.lemma in _SCALES_LEMMAS
                and prev.lemma not in _ORDINALS):
            prev.number *= w.number
            prev.lemma = f"{prev.lemma} {w.lemma}"
            continue
        out.append(w)
    return out


_SCALES_LEMMAS = {"hundred", "thousand", "million", "billion"}


# ---------------------------------------------------------------------------------------------
# the graph


def _is_quantity(tree: Expr) -> bool:
    """A number as stories write them: `139`, `10.2`, `.75`, `2/3` (the fraction of `7 2/3`)."""
    if tree.op == "num":
        return bool(_PLAIN_NUMBER.fullmatch(tree.text or ""))
    return tree.op == "/" and all(a.op == "num" and (a.text or "").isdigit() for a in tree.args)


def _has_notation(formulas: list[Formula], text: str) -> bool:
    """Real notation, or a short question about bare numbers (a story goes to the English reader).

    A formula with an operator, LaTeX or an option label is notation. Numbers alone, whole,
    decimal or a fraction (`10.2 pages`, `1/3 cup`), are a story's quantities unless the text is
    one short sentence;
    a lone letter (`x`) is notation unless it stands in a story of several sentences longer than that,
    where it is a word the reader split (`M & M’s`)."""
    letters = False
    for f in formulas:
        if f.notation == "latex" or f.option is not None:
            return True
        if f.tree.op == "var" and len(f.tree.text or "") == 1:
            letters = True
        elif not _is_quantity(f.tree):
            return True
    words = len(_WORD.findall(text))
    sentences = len([s for s in re.split(r"[.?!;]\s", text.strip()) if s.strip()])
    if not formulas:
        return False
    if sentences <= 1 and words <= BARE_WORDS:
        return True
    return letters and (sentences <= 1 or words <= BARE_WORDS)


def parse_notation(text: str) -> SemanticGraph:
    """The semantic graph of a question in mathematical notation (front_end="notation")."""
    if len(text) > MAX_TEXT:
        raise FrontEndError(f"the text is {len(text)} characters; the notation reader takes at most {MAX_TEXT}")
    formulas = find_formulas(text)
    if not formulas:
        raise FrontEndError("no formula found in the text (no LaTeX, operator, variable or number)")
    if not _has_notation(formulas, text):
        raise FrontEndError("no formula found: only plain whole numbers in a story; the English reader reads those")
    words, formula_sentences = _words(text, formulas)
    query_at = _query_word(words)
    b = _Builder(text)
    items: list[tuple[int, str, Any]] = [(f.start, "formula", (f, s)) for f, s in zip(formulas, formula_sentences, strict=True)]
    items += [(w.start, "word", w) for w in words]
    items.sort(key=lambda it: it[0])
    query = None
    if query_at is None:  # nothing but formulas: `17*23 = ?`, `What is 2^10?` (`what` is a pronoun)
        query = b.add(NodeKind.QUERY, "what", None, 0)
    roots: list[tuple[int, str | None]] = []
    order: list[int] = []
    for _, kind, item in items:
        if kind == "word":
            w: _Word = item
            if words.index(w) == query_at:
                query = b.add(NodeKind.QUERY, w.lemma, None, w.sentence)
                order.append(query)
                continue
            if w.variable is not None:
                node = b.expr(Expr("var", (), w.variable), w.sentence)
                b.add_label = None
            elif w.number is not None:
                node = b.add(NodeKind.NUMBER, str(w.number), str(w.number), w.sentence)
            else:
                node = b.add(_word_kind(w.pos), w.lemma, None, w.sentence)
            roots.append((node, w.prep))
            order.append(node)
        else:
            f, sentence = item
            root = b.expr(f.tree, sentence)
            if f.option is not None:
                opt = b.add(NodeKind.ENTITY, "option", f.option, sentence)
                b.edge(opt, root, EdgeKind.VALUE)
                root = opt
            roots.append((root, _prep_before(text, f.start)))
            order.append(root)
    assert query is not None
    for node, p in roots:
        kind = EdgeKind.ASKS if b.nodes[node].kind in (NodeKind.OPERATION, NodeKind.NUMBER, NodeKind.VARIABLE, NodeKind.ENTITY) else EdgeKind.RELATION
        b.edge(query, node, kind, p)
    for a, c in zip(order, order[1:], strict=False):
        if a != c:
            b.edge(a, c, EdgeKind.NEXT)
    return SemanticGraph(text=text, nodes=b.nodes, edges=b.edges, query=query, front_end="notation")


def _prep_before(text: str, start: int) -> str | None:
    m = re.search(r"([A-Za-z]+)[\s:]*$", text[:start])
    if m and m.group(1).lower() in _PREPOSITIONS:
        return m.group(1).lower()
    return None


def _word_kind(pos: str) -> NodeKind:
    if pos in ("VERB",):
        return NodeKind.RELATION
    if pos in ("ADJ", "ADV"):
        return NodeKind.ATTRIBUTE
    return NodeKind.ENTITY


_WH = {"what", "which", "how", "when", "who", "where", "whether", "why", "be", "do", "can", "will",
       "and", "or", "but", "non"}  # question words and connectives: never the task itself


def _query_word(words: list[_Word]) -> int | None:
    """Which word is the task: the first content word of the last sentence that has words
    (`Solve`, `Round`, `remainder`, `prime`, `small`), else its question word (`what`, `is`).

    The tagger's part of speech is not trusted here: a sentence-initial imperative (`Sort`,
    `Factor`) is often tagged as an adjective or noun."""
    if not words:
        return None
    for sentence in range(max(w.sentence for w in words), -1, -1):
        idx = [i for i, w in enumerate(words) if w.sentence == sentence and w.number is None and w.variable is None]
        if not idx:
            continue
        content = [i for i in idx if words[i].lemma not in _WH]
        return content[0] if content else idx[0]
    return None


__all__ = ["Formula", "find_formulas", "number_word", "parse_notation", "written_in_notation"]


STORY_WORDS = 6  # a sentence with no formula and more words than this is a story's, not notation's
NOTATION_WORDS = 16  # and a question with more words than this around its formulas tells a story


def _bare_number(tree: Any) -> bool:
    """A number, a name or a signed number (`-19`): words a story uses, not a formula."""
    if tree.op == "neg" and len(tree.args) == 1:
        tree = tree.args[0]
    return tree.op in ("num", "var")


def written_in_notation(text: str) -> bool:
    """Whether the question states its mathematics in formulas (an operator, a relation, a
    function or LaTeX) rather than in a story. Cheap (no tagger): the agent asks it before the
    ACE rewriter, whose restatement of a bare formula (`What is 17*23?`) no model reads well.
    A story with a formula in it (`John buys 3*4 apples. ...`) stays with the rewriter."""
    try:
        formulas = find_formulas(text)
    except FrontEndError:
        return False
    if not any(f.notation == "latex" or not _bare_number(f.tree) for f in formulas):
        return False
    masked = list(text)
    for f in formulas:
        masked[f.start:f.end] = [" "] * (f.end - f.start)
        masked[f.start] = "\x00"
    if len(_WORD.findall("".join(masked))) > NOTATION_WORDS:
        return False
    for sentence in re.split(r"(?<=[.?!;])\s+", "".join(masked)):
        if "\x00" not in sentence and len(_WORD.findall(sentence)) > STORY_WORDS:
            return False
    return True
