"""The agent as the harness's solver, with a scripted chat model in place of an LLM server."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_suites import write_suite

from agent.chat import LLMConfig
from evals.attempt import AttemptSettings, RetryPolicy
from evals.records import Status
from evals.runner import make_spec, run_eval
from evals.solvers import SolverConfig

# already ACE (canonical pattern P5 + Q1), so the test does not hang on the English rewriter's coverage
QUESTION = "A right triangle has a first leg of 15 yards and a second leg of 36 yards. What is the hypotenuse of the right triangle?"


def run_llm_cell(tmp_path: Path, factory: str, max_retries: int):
    suite = write_suite(tmp_path / "one.jsonl", [{"id": "hyp", "prompt": QUESTION, "answer": "39"}])
    settings = AttemptSettings(
        solver=SolverConfig(
            solver="agent", llm=LLMConfig(model=f"scripted_models:{factory}", max_retries=max_retries, backoff_s=0.0), max_repairs=1
        ),
        retry=RetryPolicy(max_retries=max_retries, base_delay_s=0.0),
    )
    spec = make_spec([suite], ["llm"], ["tool"], settings=settings)
    (record,) = run_eval(spec, tmp_path / "run").records
    return record


def test_agent_answer_is_checked_and_recorded(tmp_path: Path) -> None:
    record = run_llm_cell(tmp_path, "hypotenuse_model", max_retries=0)
    assert (record.status, record.answer, record.cell.name) == (Status.correct, "39", "llm/tool"), record.why
    # tool mode runs and checks its programs in the select node (execute + verify in one step)
    assert {"rewrite", "parse", "generate", "select"} <= set(record.stage_ms)
    assert record.meta["agent_status"] in ("verified", "answered")
    assert "sqrt" in record.meta["program"]


def test_rate_limited_model_is_retried_then_answers(tmp_path: Path) -> None:
    record = run_llm_cell(tmp_path, "flaky_hypotenuse_model", max_retries=2)
    assert (record.status, record.retries) == (Status.correct, 1), record.why


def test_rate_limit_past_the_cap_is_unavailable_not_scored(tmp_path: Path) -> None:
    record = run_llm_cell(tmp_path, "always_limited_model", max_retries=2)
    assert (record.status, record.retries) == (Status.unavailable, 2), record.why
    assert "rate_limit" in record.error and "after 3 call(s)" in record.error, record.error
    assert not record.correct


def test_unreachable_server_is_unavailable_and_left_out_of_pass_at_1(tmp_path: Path) -> None:
    from evals.summary import summarize

    record = run_llm_cell(tmp_path, "always_down_model", max_retries=1)
    assert (record.status, record.retries) == (Status.unavailable, 1), record.why
    (summary,) = summarize([record])
    assert summary.pass_at == {} and summary.statuses["unavailable"] == 1, "an outage is not scored as a failure"


def test_bad_factory_is_an_error_record_naming_it(tmp_path: Path) -> None:
    record = run_llm_cell(tmp_path, "no_such_factory", max_retries=0)
    assert record.status is Status.error and "no_such_factory" in record.why


@pytest.mark.parametrize("mode", ["tool", "structural"])
def test_graph_generator_cell_runs(tmp_path: Path, mode: str) -> None:
    suite = write_suite(tmp_path / "one.jsonl", [{"id": "hyp", "prompt": QUESTION, "answer": "39"}])
    spec = make_spec([suite], ["graph"], [mode], settings=AttemptSettings(retry=RetryPolicy(max_retries=0)))
    (record,) = run_eval(spec, tmp_path / "run").records
    assert record.status in (Status.correct, Status.wrong, Status.no_answer), record.why
    assert record.meta.get("agent_status"), "the agent's own status is kept"


def test_resume_runs_the_unavailable_attempts_again(tmp_path: Path) -> None:
    import scripted_models

    from evals.summary import summarize

    suite = write_suite(tmp_path / "one.jsonl", [{"id": "hyp", "prompt": QUESTION, "answer": "39"}])
    config = LLMConfig(model="scripted_models:switched_hypotenuse_model", max_retries=0, backoff_s=0.0)
    settings = AttemptSettings(solver=SolverConfig(solver="agent", llm=config, max_repairs=1), retry=RetryPolicy(max_retries=0))
    spec = make_spec([suite], ["llm"], ["tool"], settings=settings)
    scripted_models.SERVER["up"] = False
    try:
        (down,) = run_eval(spec, tmp_path / "run").records
        scripted_models.SERVER["up"] = True
        resumed = run_eval(spec, tmp_path / "run", resume=True)
    finally:
        scripted_models.SERVER["up"] = False
    assert down.status is Status.unavailable and resumed.written == 1
    assert [r.status for r in resumed.records] == [Status.unavailable, Status.correct], "the outage stays as history"
    (summary,) = summarize(resumed.records)
    assert summary.pass_at == {1: 1.0}, "only the attempt that reached the model is scored"


def test_eval_exits_3_when_attempts_found_the_server_down(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from evals.cli import app

    suite = write_suite(tmp_path / "one.jsonl", [{"id": "hyp", "prompt": QUESTION, "answer": "39"}])
    args = ["eval", str(suite), "--generator", "llm", "--llm-model", "scripted_models:always_down_model"]
    result = CliRunner().invoke(app, [*args, "--llm-retries", "0", "--out", str(tmp_path / "run")])
    assert result.exit_code == 3, result.output
    assert "1 attempt(s) found the LLM server unavailable" in result.stderr and "--resume" in result.stderr
