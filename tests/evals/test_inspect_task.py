"""The inspect_ai adapter: a ladder suite as an inspect task, scored by ladder's checker."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_suites import write_suite

inspect_ai = pytest.importorskip("inspect_ai", reason="inspect-ai is an optional extra: pip install 'ladder[inspect]'")


def test_suite_runs_as_an_inspect_task(tmp_path: Path) -> None:
    from evals.inspect_task import ladder_suite

    rows = [
        {"id": "right", "prompt": "2 + 3?", "answer": "5", "program": "answer = 2 + 3\n"},
        {"id": "exact", "prompt": "sqrt 8?", "answer": "2*sqrt(2)", "answer_kind": "real", "program": "from sympy import sqrt\nanswer = sqrt(8)\n"},
        {"id": "wrong", "prompt": "6?", "answer": "6", "program": "answer = 7\n"},
        {"id": "none", "prompt": "1?", "answer": "1", "program": "x = 1\n"},
    ]
    suite = write_suite(tmp_path / "mini.jsonl", rows)
    logs = inspect_ai.eval(
        ladder_suite(suite=str(suite), reference=True), model="mockllm/model", log_dir=str(tmp_path / "logs"), display="none"
    )
    log = logs[0]
    assert log.status == "success", log.error
    metrics = log.results.scores[0].metrics
    assert metrics["all"].value == pytest.approx(0.5), metrics
    assert metrics["f"].value == pytest.approx(0.5), "scored per family too (write_suite's family is 'f')"
    scores = {s.id: s.scores["ladder_answer"] for s in log.samples}
    assert scores["right"].value == "C" and scores["exact"].value == "C"
    assert scores["wrong"].value == "I" and "differs from 6" in scores["wrong"].explanation
    assert scores["none"].value == "I" and scores["none"].explanation == "no answer"


def test_inspect_model_is_ladders_llm_generator(tmp_path: Path) -> None:
    from inspect_ai.model import ModelOutput, ModelUsage, get_model
    from scripted_models import HYPOTENUSE_PROGRAM

    from evals.inspect_task import ladder_suite

    question = "A right triangle has a first leg of 15 yards and a second leg of 36 yards. What is the hypotenuse of the right triangle?"
    suite = write_suite(tmp_path / "one.jsonl", [{"id": "hyp", "prompt": question, "answer": "39"}])
    replies = [ModelOutput.from_content(model="mockllm/model", content=HYPOTENUSE_PROGRAM) for _ in range(8)]
    for reply in replies:  # usage given, so mockllm does not count tokens with tiktoken (a download)
        reply.usage = ModelUsage(input_tokens=1, output_tokens=1, total_tokens=2)
    model = get_model("mockllm/model", custom_outputs=replies)
    (log,) = inspect_ai.eval(
        ladder_suite(suite=str(suite), generator="llm", max_repairs=1), model=model, log_dir=str(tmp_path / "logs"), display="none"
    )
    assert log.status == "success", log.error
    (sample,) = log.samples
    assert sample.scores["ladder_answer"].value == "C", sample.scores["ladder_answer"].explanation
    meta = sample.metadata["ladder"]
    assert "sqrt(a**2 + b**2)" in meta["program"], "the program inspect's model wrote"
    assert meta["ace"] == question and meta["status"] in ("verified", "answered")
    assert meta["verdict"]["checks"] and [step["node"] for step in meta["trace"]][0] == "rewrite"
    model_events = [e for e in sample.events if e.event == "model"]
    assert model_events, "the call went through inspect's model API and is in its log"


def test_graph_generator_samples_keep_the_trace_and_verdict(tmp_path: Path) -> None:
    from evals.inspect_task import ladder_suite

    question = "A right triangle has a first leg of 15 yards and a second leg of 36 yards. What is the hypotenuse of the right triangle?"
    suite = write_suite(tmp_path / "one.jsonl", [{"id": "hyp", "prompt": question, "answer": "39"}])
    (log,) = inspect_ai.eval(ladder_suite(suite=str(suite)), model="mockllm/model", log_dir=str(tmp_path / "logs"), display="none")
    assert log.status == "success", log.error
    meta = log.samples[0].metadata["ladder"]
    assert meta["ace"] == question and meta["program"] and meta["trace"][0]["node"] == "rewrite"
    assert "verdict" in meta and "status" in meta
