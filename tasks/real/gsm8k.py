"""GSM8K worked solutions -> multi-statement programs, one statement per calculator step.

`Natalia sold 48/2 = <<48/2=24>>24 clips in May.` becomes `clips = Rational(48, 2)`: the
name is the word after the re-typed result (else the noun before the expression, else
`step_k`), and a later step that re-types 24 refers to `clips` instead. Numbers that are
neither in an earlier result nor named are literals (the question's numbers, and the
constants solutions use: 2, 60, 100, 0.5, ...). The program must evaluate exactly to the
`#### N` answer, else the row is skipped with the reason.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import json
import keyword
import re
from fractions import Fraction
from pathlib import Path

from pydantic import BaseModel, ValidationError

from tasks.real.evaluate import ProgramError, evaluate_program
from tasks.real.folds import gsm8k_fold
from tasks.real.numbers import Number, answer_string, exact_number, parse_decimal
from tasks.real.programs import Expr, Num, Op, Ref, program, value_of
from tasks.real.records import Imported, RealDataError, Skipped, source_name
from tasks.real.text import normalise
from tasks.schema import AnswerKind, Problem, Split

_ANNOTATION = re.compile(r"<<([^<>=]*)=([^<>]*)>>")
_NUM = r"(?:\d[\d,]*(?:\.\d+)?|\.\d+)"
_BARE = re.compile(  # `20/4 = $5`: a step the writer did not annotate
    rf"(?<![\w.,/])\$?{_NUM}(?:\s*[-+*/x×−–]\s*\$?{_NUM})+\s*=\s*\$?({_NUM})(?![\d/])")
_TOKEN = re.compile(r"\s*(?:(\d*\.\d+|\d+\.?)|([-+*/()]))")
_RETYPED = re.compile(r"^\s*\$?\s*-?[\d,]*\.?\d*\s*%?")
_WORD = re.compile(r"[A-Za-z]+(?='s\b)|[A-Za-z][A-Za-z]*")
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_QUESTION_NUMBER = re.compile(
    r"(?<![\w.])\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)(?![\w])|\b(" + "|".join(_NUMBER_WORDS) + r")\b",
    re.IGNORECASE)
STOP = frozenset({  # function words: never a step's name
    "a", "about", "additional", "after", "all", "also", "altogether", "am", "an", "and", "another", "are", "as",
    "at", "be", "because", "been", "before", "being", "both", "but", "by", "can", "could", "did", "divided", "do",
    "does", "each", "equal", "equals", "every", "extra", "fewer", "for", "from", "get", "gets", "had", "has", "have",
    "he", "hence", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "just",
    "left", "less", "make", "makes", "may", "me", "meaning", "means", "might", "minus", "more", "multiplied", "must",
    "my", "now", "of", "on", "only", "onto", "or", "other", "our", "over", "per", "plus", "she", "should", "since",
    "so", "still", "than", "that", "that's", "the", "their", "them", "then", "there", "there's", "therefore",
    "these", "they", "this", "those", "thus", "times", "to", "total", "under", "us", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "will", "with", "would", "x", "you", "your",
})
RESERVED = frozenset({"answer", "rational", "sympy", "step"}) | frozenset(dir(builtins))
MAX_NAME = 24


class _Row(BaseModel):
    question: str
    answer: str


class _Skip(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def annotation_number(token: str) -> Number:
    """A number typed in an annotation: `5` -> 5, `.5` -> Rational('0.5'), spelled exactly."""
    value = Fraction(token)
    if value.denominator == 1:
        return exact_number(value)
    digits = token.rstrip("0") if "." in token else token
    digits = ("0" + digits) if digits.startswith(".") else digits
    return Number(value, digits, f"Rational('{digits}')")


def parse_annotation(expression: str) -> tuple[ast.expr, list[Number]]:
    """`48/2` -> a Python expression tree over placeholders `_n0`, `_n1` and their numbers."""
    numbers: list[Number] = []
    parts: list[str] = []
    pos = 0
    text = expression.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise _Skip("unreadable annotation", expression)
        if m.group(1):
            parts.append(f"_n{len(numbers)}")
            numbers.append(annotation_number(m.group(1)))
        else:
            parts.append(m.group(2))
        pos = m.end()
    try:
        tree = ast.parse(" ".join(parts), mode="eval").body
    except SyntaxError:
        raise _Skip("unreadable annotation", expression) from None
    return tree, numbers


def identifier(word: str) -> str | None:
    """A word as a Python name: lowercase letters, digits, underscores; None if unusable."""
    name = re.sub(r"[^a-z0-9_]+", "_", word.lower()).strip("_")[:MAX_NAME].strip("_")
    if not name or not name[0].isalpha() or keyword.iskeyword(name) or name in RESERVED:
        return None
    return name


def name_from_text(before: str, after: str) -> str | None:
    """The step's name: the word after its re-typed result, else the noun before its expression."""
    clause = re.split(r"[.?!;:](?=\s|$)|\n|<<", after[_RETYPED.match(after).end():], maxsplit=1)[0]  # type: ignore[union-attr]
    words = [w.lower() for w in _WORD.findall(clause)][:3]
    if words and words[0] == "per" and len(words) > 1 and words[1] not in STOP:
        return identifier(f"per_{words[1]}")
    for w in words[:2]:
        if w not in STOP:
            return identifier(w)
        if w not in {"more", "less", "fewer", "extra", "additional", "total", "each", "other"}:
            break
    sentence = re.split(r"[.?!;](?=\s)|\n", before)[-1]
    head = re.sub(r"[\d\s.,$+\-*/x×()=%]+$", "", sentence)  # the re-typed expression before `=`
    for w in reversed([w.lower() for w in _WORD.findall(head)][-6:]):
        if w not in STOP:
            return identifier(w)
    return None


def _to_expr(node: ast.expr, numbers: list[Number], refer: dict[Fraction, str], given: frozenset[Fraction] = frozenset(),
             seen: set[str] | None = None) -> Expr:
    """Placeholders -> earlier results by name, else literals. Within one step a result is
    named once: `1500 + 1500` after a step that gave 1500 is `cans + 1500` when the question
    states 1500 (`given`)."""
    seen = set() if seen is None else seen
    if isinstance(node, ast.Name) and node.id.startswith("_n"):
        number = numbers[int(node.id[2:])]
        name = refer.get(number.value)
        if name and name in seen and number.value in given:
            name = None
        if name:
            seen.add(name)
        return Ref(name) if name else Num(number)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.UAdd):
        return _to_expr(node.operand, numbers, refer, given, seen)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Name):
        number = numbers[int(node.operand.id[2:])]
        return Num(exact_number(-number.value)) if number.value.denominator == 1 else Num(
            Number(-number.value, f"-{number.text}", f"Rational('-{number.text}')"))
    if isinstance(node, ast.BinOp):
        ops = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
        op = ops.get(type(node.op))
        if op:
            left = _to_expr(node.left, numbers, refer, given, seen)
            return Op(op, left, _to_expr(node.right, numbers, refer, given, seen))
    raise _Skip("unreadable annotation", ast.unparse(node))


class Calc(BaseModel):
    """One calculation in a worked solution: annotated `<<48/2=24>>` or bare `20/4 = $5`."""

    start: int
    after: int  # where the text after it begins (at the re-typed result)
    expression: str
    written: str
    annotated: bool


def calculations(solution: str) -> list[Calc]:
    """The solution's calculations in text order; bare ones only outside annotations."""
    calcs = [Calc(start=m.start(), after=m.end(), expression=m.group(1), written=m.group(2), annotated=True)
             for m in _ANNOTATION.finditer(solution)]
    masked = _ANNOTATION.sub(lambda m: "\x00" * len(m.group(0)), solution)
    for m in _BARE.finditer(masked):
        text = m.group(0)
        expression = text[: text.rindex("=")]
        for a, b in (("$", ""), (",", ""), ("×", "*"), ("x", "*"), ("−", "-"), ("–", "-")):
            expression = expression.replace(a, b)
        calcs.append(Calc(start=m.start(), after=m.start(1), expression=expression, written=m.group(1).replace(",", ""),
                          annotated=False))
    return sorted(calcs, key=lambda c: c.start)


def steps_program(solution: str, final: Fraction, by_written: bool,
                  given: frozenset[Fraction] = frozenset()) -> tuple[str, list[str]]:
    """The solution's calculator steps as a program whose `answer` is the final result.

    `by_written`: a re-typed number also refers to an earlier step whose *written* result
    it equals (`3.33` for 10/3), not only to one whose exact value it equals. `given`: the
    values the question states.
    """
    matches = calculations(solution)
    if not matches:
        raise _Skip("no calculations in the solution")
    refer: dict[Fraction, str] = {}
    env: dict[str, Fraction] = {}
    statements: list[tuple[str, Expr]] = []
    used: set[str] = set()
    for m in matches:
        try:
            tree, numbers = parse_annotation(m.expression)
        except _Skip:
            if not m.annotated:
                continue
            raise
        expr = _to_expr(tree, numbers, refer, given)
        try:
            value = value_of(expr, env)
        except (ZeroDivisionError, ValueError) as exc:
            if not m.annotated:
                continue
            raise _Skip("annotation does not compute", f"{m.expression}: {exc}") from None
        if not m.annotated and value != parse_decimal(m.written):
            continue  # a bare `a op b = c` that is not one calculation (`1 1/2 = 12`)
        base = name_from_text(solution[: m.start], solution[m.after:]) or "step"
        name = base if base != "step" else f"step_{len(statements) + 1}"
        suffix = 2
        while name in used:
            name = f"{base}_{suffix}"
            suffix += 1
        used.add(name)
        statements.append((name, expr))
        env[name] = value
        refer[value] = name
        if by_written:
            with contextlib.suppress(ValueError):
                refer.setdefault(parse_decimal(m.written), name)
    last = max((i for i, (n, _) in enumerate(statements) if env[n] == final), default=None)
    if last is None:
        raise _Skip("no step gives the final answer", f"steps {[answer_string(v) for v in env.values()]} vs {answer_string(final)}")
    statements = statements[: last + 1]
    return program(statements, result=statements[-1][0]), [n for n, _ in statements]


def question_numbers(question: str) -> list[str]:
    """The numbers typed in the question (digits, or words up to twelve), as a decoder copies them."""
    out = []
    for m in _QUESTION_NUMBER.finditer(question):
        if m.group(1):
            out.append(exact_number(parse_decimal(m.group(1))).text)
        else:
            out.append(str(_NUMBER_WORDS.index(m.group(2).lower())))
    return out


def _problem(row: _Row, i: int, source: str) -> Problem:
    solution, sep, final_text = row.answer.rpartition("####")
    if not sep:
        raise _Skip("no #### final answer")
    try:
        final = parse_decimal(final_text)
    except ValueError:
        raise _Skip("final answer is not a number", final_text.strip()) from None
    numbers = question_numbers(row.question)
    given = frozenset(parse_decimal(n) if "/" not in n else Fraction(n) for n in numbers)
    code, names, value = "", [], Fraction(0)
    failure = _Skip("no step gives the final answer")
    for by_written in (True, False):  # re-typed rounded results refer back only if that reproduces the answer
        try:
            code, names = steps_program(solution, final, by_written, given)
            value = evaluate_program(code)
        except _Skip as skip:
            failure = skip
            continue
        except ProgramError as exc:
            raise _Skip("program fails", str(exc)) from None
        if value == final:
            break
        failure = _Skip("program does not give the answer", f"{answer_string(value)} != {final_text.strip()}")
    else:
        raise failure
    literals = sorted(set(re.findall(r"Rational\('([^']*)'\)", code)) | set(re.findall(r"(?<![\w'/.])(\d+)(?![\w'/.])", code)))
    key = normalise(row.question)
    return Problem(
        id=f"gsm8k-{i:05d}",
        prompt=row.question.strip(),
        answer=answer_string(value),
        answer_kind=AnswerKind.integer if value.denominator == 1 else AnswerKind.rational,
        program=code,
        family="gsm8k",
        split=Split.external,
        difficulty=max(1, min(10, len(names))),
        meta={
            "source": source,
            "row": i,
            "fold": gsm8k_fold(key),
            "group": key,
            "numbers": numbers,
            "equation": [f"{c.expression}={c.written}" for c in calculations(solution)],
            "solution": row.answer,
            "names": names,
            "constants": [c for c in literals if c not in numbers],
            "front_end": "english",
        },
    )


def import_gsm8k(path: Path | str) -> Imported:
    """GSM8K JSONL -> problems and skipped rows; a malformed line is an error naming it."""
    path = Path(path)
    if not path.is_file():
        raise RealDataError(path, "no such file (set --data-dir or LADDER_DATA_DIR)")
    problems: list[Problem] = []
    skipped: list[Skipped] = []
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if not line.strip():
                continue
            try:
                row = _Row.model_validate(json.loads(line))
            except (json.JSONDecodeError, ValidationError) as exc:
                first = str(exc).splitlines()[0] if isinstance(exc, json.JSONDecodeError) else "; ".join(
                    f"{'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in exc.errors())
                raise RealDataError(path, f"not a GSM8K row {{question, answer}}: {first}", row=i) from None
            try:
                problems.append(_problem(row, i, source_name(path)))
            except _Skip as skip:
                skipped.append(Skipped(row=i, reason=skip.reason, detail=skip.detail))
    return Imported(dataset="gsm8k", path=str(path), problems=problems, skipped=skipped)


def load_gsm8k(path: Path | str) -> list[Problem]:
    """GSM8K problems (rows whose program does not reproduce `#### N` are left out)."""
    return import_gsm8k(path).problems
