"""How much of a suite the rule rewriter gets right: graph equality with the canonical ACE.

A prompt counts as rewritten when `canonical_meaning(parse_ace(rewrite))` equals
`canonical_meaning(parse_ace(problem.ace))`: the same meaning, not merely some ACE. Run it as
`python -m agent.rewrite.coverage tasks/suites/test.jsonl` for the figure and the failures
by family.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from agent.rewrite.rules import rewrite_rules
from agent.rewrite.validate import load_parser


class Outcome(BaseModel):
    """One prompt: whether its rewrite parsed, and whether it means what the canonical ACE means."""

    id: str
    family: str
    prompt: str
    expected: str
    ace: str | None
    parsed: bool
    equal: bool
    reason: str
    passthrough: bool = False  # the prompt is already ACE, so it was kept as written


class CoverageReport(BaseModel):
    """All outcomes of one suite and the figures derived from them."""

    suite: str
    outcomes: list[Outcome]
    skipped: int = 0  # problems whose canonical ACE does not parse (an ACE-layer gap)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def equal(self) -> int:
        return sum(o.equal for o in self.outcomes)

    @property
    def rate(self) -> float:
        return self.equal / self.total if self.total else 0.0

    def by_family(self) -> dict[str, tuple[int, int]]:
        """family -> (equal, total)."""
        totals = Counter(o.family for o in self.outcomes)
        hits = Counter(o.family for o in self.outcomes if o.equal)
        return {family: (hits[family], totals[family]) for family in sorted(totals)}


def measure(suite: Path) -> CoverageReport:
    """Rewrite every prompt of `suite` that has a canonical ACE and compare the graphs."""
    from tasks import load_suite
    from tasks.ace.compare import canonical_meaning

    parse_ace, ace_error = load_parser()
    outcomes = []
    skipped = 0
    for problem in load_suite(suite):
        if problem.ace is None:
            continue
        try:
            expected = canonical_meaning(parse_ace(problem.ace))
        except ace_error:  # the canonical ACE itself is outside the fragment: not ours to score
            skipped += 1
            continue
        result = rewrite_rules(problem.prompt)
        equal, reason = False, "; ".join(i.reason for i in result.issues) or "not rewritten"
        if result.ok and result.ace is not None:
            try:
                equal = canonical_meaning(parse_ace(result.ace)) == expected
            except ace_error as exc:  # ok results parse; kept for a clear report if that breaks
                reason = str(exc)
            else:
                reason = "" if equal else "parses, but to a different graph"
        passthrough = result.ok and not result.steps and result.ace == problem.prompt
        outcomes.append(
            Outcome(id=problem.id, family=problem.family, prompt=problem.prompt, expected=problem.ace,
                    ace=result.ace, parsed=result.ok, equal=equal, reason=reason, passthrough=passthrough)
        )
    return CoverageReport(suite=str(suite), outcomes=outcomes, skipped=skipped)


def format_report(report: CoverageReport, failures: int = 0) -> str:
    """The figure, a line per family, and up to `failures` failed prompts per family."""
    lines = [f"{report.suite}: {report.equal}/{report.total} = {report.rate:.1%} rewritten to the canonical graph"
             f" ({report.skipped} problems skipped: their canonical ACE does not parse)",
             f"  {sum(o.passthrough and not o.equal for o in report.outcomes)} prompts are already ACE as written"
             " (kept unchanged) but mean another graph than the canonical ACE"]
    for family, (hits, total) in report.by_family().items():
        parsed = sum(o.parsed for o in report.outcomes if o.family == family)
        lines.append(f"  {family:<22} {hits:>4}/{total:<4} equal, {parsed:>4} parse")
        shown = [o for o in report.outcomes if o.family == family and not o.equal][:failures]
        for o in shown:
            lines.append(f"      - {o.prompt}\n        got:  {o.ace}\n        want: {o.expected}\n        why:  {o.reason}")
    return "\n".join(lines)


_USAGE = "usage: python -m agent.rewrite.coverage SUITE.jsonl [FAILURES_PER_FAMILY]"


def main(argv: list[str] | None = None) -> int:
    """Print the report; bad arguments get the usage line on stderr and exit code 2."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help"):
        print(f"{_USAGE}\n\n{__doc__.strip()}")
        return 0
    problem = _argument_problem(args)
    if problem is not None:
        print(f"{_USAGE}\nerror: {problem}", file=sys.stderr)
        return 2
    from tasks import SuiteError

    try:
        report = measure(Path(args[0]))
    except SuiteError as exc:
        print(f"{_USAGE}\nerror: {args[0]} is not a suite: {exc}", file=sys.stderr)
        return 2
    print(format_report(report, int(args[1]) if len(args) > 1 else 0))
    return 0


def _argument_problem(args: list[str]) -> str | None:
    """What is wrong with the command line, or None."""
    if not args or len(args) > 2:
        return f"expected 1 or 2 arguments, got {len(args)}"
    if not Path(args[0]).is_file():
        return f"no suite file at {args[0]!r}"
    if len(args) == 2 and not (args[1].isdigit()):
        return f"FAILURES_PER_FAMILY must be a whole number >= 0, got {args[1]!r}"
    return None


if __name__ == "__main__":
    raise SystemExit(main())
