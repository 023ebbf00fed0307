"""The comparison's figures are derived from its records, never typed in."""

from __future__ import annotations

from agent.compare import ProblemRecord, RunRecord, summarize
from agent.state import Status


def run(correct: bool, status: Status = Status.answered, first_failed: bool = False) -> RunRecord:
    return RunRecord(answer="5" if status in (Status.verified, Status.answered) else None, status=status,
                     correct=correct, repairs=1 if first_failed else 0, first_failed=first_failed)


def test_summary_counts_each_comparison() -> None:
    records = [
        ProblemRecord(id="a", family="f", expected="5", structural=run(True), tool=run(True, Status.verified)),
        ProblemRecord(id="b", family="f", expected="5", structural=run(False, Status.no_answer),
                      tool=run(True, first_failed=True), regenerate=run(False, Status.no_answer, True)),
        ProblemRecord(id="c", family="f", expected="5", structural=run(False), tool=run(False, first_failed=True),
                      regenerate=run(True, first_failed=True)),
    ]
    s = summarize(records)
    assert (s.problems, s.tool_correct, s.structural_correct) == (3, 2, 1)
    assert (s.tool_verified, s.tool_verified_wrong, s.tool_answered_wrong) == (1, 0, 1)
    assert (s.first_failed, s.subtree_fixed, s.regenerate_fixed) == (2, 1, 1)


def test_limit_and_per_family_mean_what_they_mean_in_eval() -> None:
    from tasks import Problem
    from tasks.subsets import subset

    problems = [Problem(id=f"p{i}", prompt="What is 1?", answer="1", answer_kind="integer", family=f"f{i // 3}",
                        split="test") for i in range(9)]  # f0 f0 f0 f1 f1 f1 f2 f2 f2
    assert [p.id for p in subset(problems, limit=2)] == ["p0", "p1"], "--limit N: the first N, as in eval"
    assert [p.id for p in subset(problems, per_family=1)] == ["p0", "p3", "p6"]
    assert [p.id for p in subset(problems, limit=2, per_family=1)] == ["p0", "p3"]


def test_an_unfinished_records_file_still_summarizes(tmp_path) -> None:
    import json

    from agent.compare import CompareSpec, read_records

    path = tmp_path / "records.jsonl"
    record = ProblemRecord(id="a", family="f", expected="5", structural=run(True), tool=run(True))
    path.write_text(json.dumps({"spec": CompareSpec(suite="s.jsonl").model_dump()}) + "\n" + record.model_dump_json() + "\n")
    spec, records = read_records(path)
    assert spec.suite == "s.jsonl" and summarize(records).tool_correct == 1


def test_a_run_records_the_first_search_and_the_choice() -> None:
    from agent.compare import _run
    from agent.state import CandidateOutcome, CandidateRecord, Solution

    candidates = [CandidateRecord(source="answer = 4\n", score=-0.1, answer="4", outcome=CandidateOutcome.refuted),
                  CandidateRecord(source="answer = 5\n", score=-2.0, answer="5", outcome=CandidateOutcome.passed)]
    solution = Solution(question="q", answer="5", status=Status.answered, program="answer = 5\n",
                        candidates=candidates, chosen=1)
    record = _run(solution, "5")
    assert (record.candidates, record.chosen, record.first_correct, record.correct) == (2, 1, False, True)
    assert summarize([ProblemRecord(id="a", family="f", expected="5", structural=run(False), tool=record)]
                     ).selection_fixed == 1


def test_the_input_is_the_prompt_or_the_canonical_ace() -> None:
    import pytest

    from agent.compare import CompareSpec, question_text
    from tasks import Problem

    problem = Problem.model_validate({
        "id": "p", "prompt": "Two pens cost 6 dollars. What does one cost?", "answer": "3", "answer_kind": "integer",
        "family": "f", "split": "test", "ace": "2 pens cost 6 dollars. How many dollars does 1 pen cost?",
    })
    assert question_text(CompareSpec(suite="s"), problem) == problem.prompt
    assert question_text(CompareSpec(suite="s", input="ace"), problem) == problem.ace
    with pytest.raises(ValueError, match="no canonical ACE"):
        question_text(CompareSpec(suite="s", input="ace"), problem.model_copy(update={"ace": None}))


def test_compare_refuses_to_overwrite_its_out_file(tmp_path) -> None:
    from typer.testing import CliRunner

    from evals.cli import app

    out = tmp_path / "records.jsonl"
    out.write_text('{"spec": "an earlier run"}\n', encoding="utf-8")
    suite = tmp_path / "suite.jsonl"
    suite.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(suite), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "already holds records" in result.stderr
    assert out.read_text(encoding="utf-8") == '{"spec": "an earlier run"}\n', "the earlier records are untouched"
