"""The rule rewriter on the built-in test suite: graph equality with each problem's canonical ACE.

Prints the figure and the failures by family (run with `-s` to see them). The issue's target
is 95%; the assertion is a regression floor at the figure measured when this was written,
so a change that loses ground fails here. `python -m agent.rewrite.coverage
tasks/suites/test.jsonl 3` prints the same report with example failures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.rewrite.coverage import CoverageReport, format_report, measure

SUITE = Path(__file__).resolve().parents[2] / "tasks" / "suites" / "test.jsonl"
TARGET = 0.95  # issue 4's "done when"
FLOOR = 0.97  # measured 99.7% (valid 99.4%, train 99.4%) at the last raise; the margin leaves room for suite regeneration


@pytest.fixture(scope="module")
def report() -> CoverageReport:
    if not SUITE.exists():
        pytest.skip(f"{SUITE} is not generated yet")
    return measure(SUITE)


def test_figure_is_printed_and_does_not_regress(report: CoverageReport) -> None:
    print()
    print(format_report(report, failures=1))
    print(f"target {TARGET:.0%}, floor {FLOOR:.0%}")
    assert report.total > 0, "no problem of the suite has a parsable canonical ACE"
    assert report.rate >= FLOOR, f"coverage fell to {report.rate:.1%} (floor {FLOOR:.0%})"


def test_every_failure_is_reported_with_a_span_of_the_prompt(report: CoverageReport) -> None:
    from agent.rewrite import rewrite_rules

    for outcome in report.outcomes:
        if outcome.parsed:
            continue
        result = rewrite_rules(outcome.prompt)
        assert result.issues, f"{outcome.id}: failed without an issue"
        for issue in result.issues:
            assert 0 <= issue.start < issue.end <= len(outcome.prompt), f"{outcome.id}: bad span {issue}"
            assert outcome.prompt[issue.start : issue.end] == issue.text, f"{outcome.id}: span text differs"


def test_rewrites_that_claim_success_parse(report: CoverageReport) -> None:
    from tasks.ace import parse_ace

    for outcome in report.outcomes:
        if outcome.parsed:
            parse_ace(outcome.ace)
