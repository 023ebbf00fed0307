"""Every reference program, run, reproduces its problem's answer (compared exactly with sympy)."""

from __future__ import annotations

import ast
import re

import pytest
import sympy

from tasks.families.text import PEOPLE
from tasks.schema import AnswerKind, Problem

# Constants a program may use without the ACE stating them: exponents, halves, the 4 of a
# square's perimeter and a sphere's 4/3, the 100 of a percentage, loop bounds.
SMALL_CONSTANTS = {0, 1, 2, 3, 4, 100}


def run_program(problem: Problem) -> object:
    """Execute a trusted reference program in a fresh namespace; return its `answer`."""
    namespace: dict[str, object] = {}
    exec(compile(problem.program, f"<{problem.id}>", "exec"), namespace)  # noqa: S102 - our own programs
    assert "answer" in namespace, f"{problem.id}: program does not bind `answer`"
    return namespace["answer"]


def test_every_reference_program_reproduces_its_answer(suites, same_value):
    wrong = []
    for name, problems in suites.items():
        for problem in problems:
            got = run_program(problem)
            if not same_value(got, problem.answer):
                wrong.append(f"{name}:{problem.id}: program gives {got}, answer is {problem.answer}")
    assert not wrong, "\n".join(wrong[:20])


def test_answer_kind_matches_the_answer(suites):
    for problem in suites["test"] + suites["compositional"]:
        value = sympy.sympify(problem.answer)
        if problem.answer_kind == AnswerKind.integer:
            assert value.is_Integer, f"{problem.id}: {problem.answer} is not an integer"
        elif problem.answer_kind == AnswerKind.rational:
            assert value.is_Rational and not value.is_Integer, f"{problem.id}: {problem.answer}"
        elif problem.answer_kind == AnswerKind.real:
            assert value.is_real and not value.is_Rational, f"{problem.id}: {problem.answer}"
        elif problem.answer_kind == AnswerKind.set:
            assert isinstance(value, set) and len(value) >= 2, f"{problem.id}: {problem.answer}"


def _literals(program: str) -> list[str]:
    """Numeric literals of a program: int constants and the strings given to Rational()."""
    out = []
    tree = ast.parse(program)
    negated = {id(n.operand) for n in ast.walk(tree) if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and type(node.value) is int:
            out.append(f"-{node.value}" if id(node) in negated else str(node.value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Rational":
            out.extend(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return out


def test_program_literals_are_the_numbers_of_the_ace(suites):
    """A model copying numbers from the ACE graph can write every literal the program needs."""
    missing = []
    for problem in suites["train"] + suites["compositional"]:
        ace_numbers = set(re.findall(r"-?\d+(?:\.\d+)?(?:/\d+)?", problem.ace))
        for literal in _literals(problem.program):
            if literal not in ace_numbers and int(float(literal)) not in SMALL_CONSTANTS:
                missing.append(f"{problem.id}: literal {literal} not in ACE {problem.ace!r}")
    assert not missing, "\n".join(missing[:10])


def test_programs_are_exact_and_self_contained(suites):
    for problem in suites["train"]:
        tree = ast.parse(problem.program)
        floats = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, float)]
        assert not floats, f"{problem.id}: float literal(s) {floats}"
        imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        assert all(isinstance(n, ast.ImportFrom) and n.module == "sympy" for n in imports), problem.id
        assert 2 <= len(tree.body) <= 10, f"{problem.id}: {len(tree.body)} statements"


@pytest.mark.parametrize("name", ["train", "test", "compositional"])
def test_ace_writes_numbers_as_digits_and_ends_with_the_question(suites, name):
    number_words = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)\b", re.I)
    for problem in suites[name]:
        assert not number_words.search(problem.ace), f"{problem.id}: number word in ACE {problem.ace!r}"
        last = re.split(r"(?<=[.?])\s+", problem.ace.strip())[-1]
        assert last.endswith("?") or last.startswith("Calculate"), f"{problem.id}: {problem.ace!r}"
        sentences = re.split(r"(?<=[.?])\s+", problem.ace.strip())
        assert 1 <= len(sentences) <= 7, f"{problem.id}: {len(sentences)} sentences"


_NAMES = re.compile(r"\b(" + "|".join(PEOPLE) + r")\b")
_NUMBER_FORMS = [
    (re.compile(r"(?<![\w.])\d+/\d+(?![\w.])"), "<frac>"),
    (re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])"), "<dec>"),
    (re.compile(r"(?<![\w.])\d+(?![\w.])"), "<int>"),
]


def _skeletons(ace: str, program: str) -> tuple[str, str]:
    """ACE and program with numbers replaced by their form (integer, decimal, fraction) and
    people's names by their order of appearance in the ACE (<p0>, <p1>), in both texts."""
    order = list(dict.fromkeys(_NAMES.findall(ace)))
    for i, name in enumerate(order):
        ace = re.sub(rf"\b{name}\b", f"<p{i}>", ace)
        program = re.sub(rf"(?<![a-z]){name.lower()}(?![a-z])", f"<p{i}>", program)
    for pattern, form in _NUMBER_FORMS:
        ace, program = pattern.sub(form, ace), pattern.sub(form, program)
    return ace, program


def test_program_structure_is_determined_by_the_ace(suites):
    """Two problems whose ACE differs only in its numbers have programs that differ only in theirs."""
    programs: dict[str, tuple[str, str]] = {}
    clashes = []
    for problem in suites["train"] + suites["test"] + suites["compositional"]:
        ace, code = _skeletons(problem.ace, problem.program)
        first = programs.setdefault(ace, (code, problem.id))
        if first[0] != code:
            clashes.append(f"{first[1]} and {problem.id}: one ACE shape, two program shapes\n{first[0]}\n{code}")
    assert not clashes, "\n".join(clashes[:5])
    shared = len(suites["train"]) + len(suites["test"]) + len(suites["compositional"]) - len(programs)
    assert shared > 3000, f"only {shared} problems share an ACE shape with another: the check is too weak"
