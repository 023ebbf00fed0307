"""Figures for the ACE layer's equivalent forms: what the normal form and the variants buy.

    .venv/bin/python evals/bench_ace_variants.py [SUITE.jsonl ...] [--model]

For each suite (default: test, valid, train): how many English prompts the rule rewriter turns
into ACE whose graph equals the canonical ACE's graph exactly (isomorphic as parsed), and how
many once both are brought to their normal form (`canonical()`, what
`python -m agent.rewrite.coverage` reports). Also how many canonical texts with different answers
share a normal form (must be 0: a merge that loses meaning would show here).

With --model: for the rewrites equal to the canonical ACE only in normal form, whether the
shipped graph model answers correctly from the rewrite's graph, and from any of its
`equivalent_variants` (one candidate each, run in the sandbox).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

DEFAULT_SUITES = ["tasks/suites/test.jsonl", "tasks/suites/valid.jsonl", "tasks/suites/train.jsonl"]


def coverage(suite: Path) -> tuple[int, int, int, int, list]:
    """(exact, normal form, total, answer collisions, [(problem, rewrite) equal only in normal form])."""
    from agent.rewrite.rules import rewrite_rules
    from tasks import load_suite
    from tasks.ace import AceError, canonical_meaning, parse_ace
    from tasks.ace.canonical import canonical_string

    exact = normal = total = 0
    answers: dict[str, set[str]] = defaultdict(set)
    only_normal = []
    for problem in load_suite(suite):
        if not problem.ace:
            continue
        total += 1
        want = parse_ace(problem.ace)
        answers[canonical_meaning(want)].add(problem.answer)
        result = rewrite_rules(problem.prompt)
        if not (result.ok and result.ace):
            continue
        try:
            got = parse_ace(result.ace)
        except AceError:
            continue
        same_graph = canonical_string(got) == canonical_string(want)
        same_meaning = canonical_meaning(got) == canonical_meaning(want)
        exact += same_graph
        normal += same_meaning
        if same_meaning and not same_graph:
            only_normal.append((problem, result.ace))
    collisions = sum(len(a) > 1 for a in answers.values())
    return exact, normal, total, collisions, only_normal


def model_probe(cases: list) -> tuple[int, int]:
    """(correct from the rewrite's graph, correct from some variant) with one candidate each."""
    from graphmodel import load_generator
    from tasks.ace import parse_ace
    from tasks.ace.variants import equivalent_variants
    from verifiers import answers_equivalent, run_program

    generator = load_generator("graph")

    def correct(text: str, answer: str) -> bool:
        candidate = generator.generate(parse_ace(text), k=1)[0]
        result = run_program(candidate.source)
        return result.answer is not None and answers_equivalent(result.answer, answer)

    plain = any_variant = 0
    for problem, ace in cases:
        outcomes = [correct(v, problem.answer) for v in equivalent_variants(ace)]
        plain += outcomes[0]
        any_variant += any(outcomes)
    return plain, any_variant


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suites", nargs="*", default=DEFAULT_SUITES)
    parser.add_argument("--model", action="store_true", help="also run the graph model probe")
    args = parser.parse_args()
    cases = []
    for name in args.suites:
        exact, normal, total, collisions, only_normal = coverage(Path(name))
        cases += only_normal
        print(f"{name}: exact graph {exact}/{total} = {exact / total:.1%}; normal form "
              f"{normal}/{total} = {normal / total:.1%}; canonical texts with different answers "
              f"sharing a normal form: {collisions}")
    if args.model and cases:
        plain, any_variant = model_probe(cases)
        print(f"graph model on the {len(cases)} rewrites equal only in normal form: correct from the "
              f"rewrite's graph {plain}/{len(cases)}, from some equivalent variant {any_variant}/{len(cases)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
