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
    assert log.results.scores[0].metrics["accuracy"].value == pytest.approx(0.5)
    scores = {s.id: s.scores["ladder_answer"] for s in log.samples}
    assert scores["right"].value == "C" and scores["exact"].value == "C"
    assert scores["wrong"].value == "I" and "differs from 6" in scores["wrong"].explanation
    assert scores["none"].value == "I" and scores["none"].explanation == "no answer"
