"""DIR/run.json (issue 14): written atomically, and a damaged one is a clear error naming the
file, not a raw pydantic traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.attempt import AttemptSettings, RetryPolicy
from evals.runner import SPEC_FILE, EvalError, make_spec, run_eval
from evals.solvers import SolverConfig


def _spec(suite: Path):
    settings = AttemptSettings(solver=SolverConfig(solver="reference"), timeout_s=30.0,
                               retry=RetryPolicy(max_retries=0))
    return make_spec([suite], ["reference"], ["tool"], settings=settings)


@pytest.mark.parametrize("damage", [b"", b'{"suites": [', b"\xff\xfe not json"],
                         ids=["empty", "torn", "garbage"])
def test_a_damaged_run_json_is_a_clear_error(quarters_suite: Path, tmp_path: Path,
                                             damage: bytes) -> None:
    out = tmp_path / "run"
    run_eval(_spec(quarters_suite), out)
    (out / SPEC_FILE).write_bytes(damage)
    with pytest.raises(EvalError) as caught:
        run_eval(_spec(quarters_suite), out, resume=True)
    message = str(caught.value)
    assert str(out / SPEC_FILE) in message and "damaged or empty" in message, message
    assert "validation error" not in message.split("(")[0], message


def test_run_json_is_replaced_not_rewritten_in_place(quarters_suite: Path, tmp_path: Path) -> None:
    """A new inode each time (temp file + rename): a reader, or a kill mid-write, sees the
    old spec or the new one whole; no temporary file is left behind."""
    out = tmp_path / "run"
    run_eval(_spec(quarters_suite), out)
    path = out / SPEC_FILE
    before = path.stat().st_ino
    with path.open("rb") as held:  # a reader holding the old file keeps reading it whole
        old_text = held.read()
        run_eval(_spec(quarters_suite), out, resume=True)
        held.seek(0)
        assert held.read() == old_text
    assert path.stat().st_ino != before
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp")) == []
    assert path.read_text(encoding="utf-8").strip().startswith("{")
