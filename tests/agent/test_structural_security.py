"""Structural mode must be exactly as safe as tool mode (issue 14): a string in a generated
tree never becomes code, however it reaches sympy, and the reduction runs in the sandbox.

Each vector carries a payload that, were it ever sympified in this process, would run a
shell command or write a file here; the tests assert the reduction is refused and that the
side effect did not happen."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.structural import Irreducible, reduce_tree
from graphmodel.trees import parse_program
from verifiers import Limits


def _payloads(marker: Path) -> dict[str, str]:
    return {
        "shell": f"__import__('os').system('touch {marker}')",
        "file": f"open('{marker}', 'w').write('x')",
    }


# vector class -> program; PAYLOAD is replaced by a quoted payload string
VECTORS = {
    "list": "from sympy import simplify\nanswer = simplify([PAYLOAD])\n",
    "tuple": "from sympy import expand\nanswer = expand((PAYLOAD, 1))\n",
    "dict": "from sympy import simplify\nanswer = simplify({1: PAYLOAD})\n",
    "nested": "from sympy import Max\nanswer = Max(1, [[(PAYLOAD,)]])\n",
    "map": "from sympy import nsimplify\nanswer = list(map(nsimplify, [PAYLOAD]))\n",
    "sorted_key": "from sympy import simplify\nanswer = sorted([PAYLOAD], key=simplify)\n",
    "subs_dict": "from sympy import symbols\nx = symbols('x')\nanswer = (x + 1).subs({x: PAYLOAD})\n",
    "solve_list": "from sympy import solve, symbols\nx = symbols('x')\nanswer = solve([PAYLOAD], x)\n",
    "sum_limit": "from sympy import Sum, symbols\nk = symbols('k')\nanswer = Sum(k, (k, 1, PAYLOAD))\n",
    "keyword": "from sympy import Rational\nanswer = Rational(p=PAYLOAD)\n",
    "operator": "from sympy import Integer\nanswer = Integer(1) + PAYLOAD\n",
    "rebound": "from sympy import nsimplify\nf = nsimplify\nanswer = f(PAYLOAD)\n",
}


@pytest.mark.parametrize("kind", ["shell", "file"])
@pytest.mark.parametrize("vector", sorted(VECTORS))
def test_strings_never_become_code(tmp_path: Path, vector: str, kind: str) -> None:
    marker = tmp_path / "ran"
    source = VECTORS[vector].replace("PAYLOAD", repr(_payloads(marker)[kind]))
    with pytest.raises(Irreducible) as caught:
        reduce_tree(parse_program(source))
    assert not marker.exists(), f"{vector}: the payload ran in the parent ({caught.value})"
    assert "string" in str(caught.value), f"{vector}: refused for another reason: {caught.value}"


def test_allowed_strings_still_reduce() -> None:
    """Symbol names, decimal text and digits stay usable."""
    source = ("from sympy import symbols, Rational, solve, Eq\nx, y = symbols('x y')\n"
              "s = solve([Eq(x + y, Rational('2.5')), Eq(x - y, 1)], [x, y])\n"
              "answer = s[x] + sum(map(int, str(123)))\n")
    assert reduce_tree(parse_program(source)) == 6 + __import__("sympy").Rational(7, 4)


def test_boolean_assumptions_are_allowed_and_any_other_keyword_is_not() -> None:
    """`symbols('x', positive=True)` is how the generators write a length's unknown; a keyword
    holding a string (or anything but a bool) stays irreducible."""
    source = ("from sympy import symbols, Eq, solve\nx = symbols('x', positive=True)\n"
              "answer = solve(Eq(x * (x + 3), 648), x)[0] + 3\n")
    assert reduce_tree(parse_program(source)) == 27
    for keyword in ("cls='__import__(\"os\")'", "seq=[\"1\"]"):
        with pytest.raises(Irreducible):
            reduce_tree(parse_program(f"from sympy import symbols\nanswer = symbols('x', {keyword})\n"))


def test_the_reduction_runs_under_the_sandboxs_limits() -> None:
    """The second wall: the reduction is a sandboxed program, so what it costs is bounded by
    the sandbox's limits, not paid by the parent."""
    source = "from sympy import factorint\nanswer = len(factorint(2 ** 512 + 1))\n"
    with pytest.raises(Irreducible) as caught:
        reduce_tree(parse_program(source), Limits(wall_seconds=2, cpu_seconds=1))
    assert "timeout" in str(caught.value), caught.value
