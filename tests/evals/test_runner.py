"""The harness end to end with the reference-program solver: statuses, pass@k, resume, executors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from eval_suites import STATUS_CASES, quarters_rows, write_suite

from evals.attempt import AttemptSettings, RetryPolicy, solve_with_retries
from evals.records import Status, comparable, read_records
from evals.runner import EvalError, make_spec, run_eval
from evals.solvers import SolveOutcome, SolverConfig
from evals.summary import summarize
from tasks import Problem

REFERENCE = SolverConfig(solver="reference")


def reference_spec(suite: Path, *, attempts: int = 1, modes: tuple[str, ...] = ("tool",), timeout_s: float = 30.0):
    settings = AttemptSettings(solver=REFERENCE, timeout_s=timeout_s, retry=RetryPolicy(max_retries=0))
    return make_spec([suite], ["reference"], list(modes), attempts=attempts, settings=settings)


def by_key(records):
    return sorted((comparable(r) for r in records), key=lambda d: (d["suite"], d["problem_id"], d["generator"], d["mode"], d["attempt"]))


def test_every_record_ends_in_exactly_one_expected_status(status_suite: Path, tmp_path: Path) -> None:
    result = run_eval(reference_spec(status_suite, timeout_s=4.0), tmp_path / "run")
    statuses = {r.problem_id: r.status.value for r in result.records}
    assert statuses == {pid: expected for pid, (_, _, expected) in STATUS_CASES.items()}
    for record in result.records:
        assert record.correct is (record.status is Status.correct), record.problem_id
        assert record.why, f"{record.problem_id} has no reason"
        if record.status is Status.no_answer:
            assert record.answer is None, "nothing is scored from a placeholder"
    bad_gold = next(r for r in result.records if r.problem_id == "bad-gold")
    assert "GoldAnswerError" in (bad_gold.error or ""), bad_gold.error
    loops = next(r for r in result.records if r.problem_id == "loops")
    assert loops.error and "limit" in loops.error, loops.error


def test_sandbox_still_right_after_a_timeout(tmp_path: Path) -> None:
    # a timeout interrupts a sandbox request; the next attempt must not read its stale reply
    rows = [
        {"id": "a-loops", "prompt": "q", "answer": "1", "program": "import time\ntime.sleep(9)\nanswer = 99\n"},
        {"id": "b-seven", "prompt": "q", "answer": "7", "program": "answer = 7\n"},
    ]
    suite = write_suite(tmp_path / "t.jsonl", rows)
    result = run_eval(reference_spec(suite, timeout_s=4.0), tmp_path / "run")  # > a cold sandbox start
    got = {r.problem_id: (r.status.value, r.answer) for r in result.records}
    assert got == {"a-loops": ("timeout", None), "b-seven": ("correct", "7")}


def test_pass_at_k_per_cell(quarters_suite: Path, tmp_path: Path) -> None:
    result = run_eval(reference_spec(quarters_suite, attempts=3, modes=("tool", "structural")), tmp_path / "run")
    assert len(result.records) == 6 * 3 * 2
    summaries = {s.cell.name: s for s in summarize(result.records)}
    assert set(summaries) == {"reference/tool", "reference/structural"}
    for s in summaries.values():
        assert s.pass_at == {1: 1.0, 3: 1.0}, [r.why for r in result.records if not r.correct][:3]
        assert s.problems == 6 and s.attempts == 18


def test_resume_skips_recorded_and_refuses_a_changed_spec(quarters_suite: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    first = run_eval(reference_spec(quarters_suite), out)
    assert first.written == 6
    again = run_eval(reference_spec(quarters_suite), out, resume=True)
    assert (again.written, again.skipped, len(again.records)) == (0, 6, 6)
    with pytest.raises(EvalError, match="attempts"):
        run_eval(reference_spec(quarters_suite, attempts=2), out, resume=True)
    with pytest.raises(EvalError, match="--resume"):
        run_eval(reference_spec(quarters_suite), out)


def test_torn_last_line_is_cut_and_redone(quarters_suite: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    run_eval(reference_spec(quarters_suite), out)
    path = out / "records.jsonl"
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:3]) + lines[3][:40])  # killed in the middle of line 4
    assert len(read_records(path)) == 3
    resumed = run_eval(reference_spec(quarters_suite), out, resume=True)
    assert resumed.written == 3
    assert len(read_records(path)) == 6
    assert len({r.key for r in read_records(path)}) == 6, "no duplicates"


def test_corrupt_middle_line_is_an_error_not_a_silent_loss(quarters_suite: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    run_eval(reference_spec(quarters_suite), out)
    path = out / "records.jsonl"
    lines = path.read_text().splitlines()
    lines[1] = "{not json"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ValueError, match=r"records.jsonl:2"):
        read_records(path)


def _ladder(*args: str) -> list[str]:
    return [sys.executable, "-c", "from evals.cli import app; app()", *args]


def test_sigkilled_run_resumes_to_the_same_records(tmp_path: Path) -> None:
    suite = write_suite(tmp_path / "slow.jsonl", quarters_rows(16, sleep_s=0.1))
    total = 16 * 2  # 16 problems x 2 attempts, one cell
    out = tmp_path / "killed"
    args = ["eval", str(suite), "--solver", "reference", "--generator", "reference", "--mode", "tool"]
    args += ["--attempts", "2", "--workers", "2", "--out", str(out), "--max-retries", "0"]
    proc = subprocess.Popen(_ladder(*args), start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    records_path = out / "records.jsonl"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if records_path.exists() and records_path.read_bytes().count(b"\n") >= 6:
                break
            assert proc.poll() is None, "the run finished before it could be killed"
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its worker processes, mid-run
    finally:
        proc.wait(timeout=30)
    killed_at = len(read_records(records_path))
    assert 6 <= killed_at < total, f"killed after {killed_at} of {total} records"

    resumed = subprocess.run(_ladder(*args, "--resume"), capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    after = read_records(records_path)
    assert len(after) == total and len({r.key for r in after}) == total, "nothing lost, nothing duplicated"

    spec = make_spec(
        [suite],
        ["reference"],
        ["tool"],
        attempts=2,
        settings=AttemptSettings(solver=REFERENCE, retry=RetryPolicy(max_retries=0)),
    )
    straight = run_eval(spec, tmp_path / "straight")
    assert by_key(after) == by_key(straight.records)


def test_ray_executor_gives_the_same_records_as_local(quarters_suite: Path, tmp_path: Path) -> None:
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'ladder[ray]'")
    spec = reference_spec(quarters_suite, modes=("tool", "structural"))
    local = run_eval(spec, tmp_path / "local", workers=2)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        remote = run_eval(spec, tmp_path / "ray", executor="ray")
    finally:
        ray.shutdown()
    assert len(remote.records) == 12
    assert by_key(remote.records) == by_key(local.records)


# --- retries of transient failures ---------------------------------------------------------


class RateLimitError(Exception):
    """Named like the OpenAI client's error, which is what the harness recognises."""


def _problem() -> Problem:
    return Problem(id="p", prompt="q", answer="1", answer_kind="integer", family="f", split="test")


def test_transient_failures_are_retried_up_to_the_cap() -> None:
    calls = []

    def flaky(problem: Problem, attempt: int) -> SolveOutcome:
        calls.append(attempt)
        if len(calls) < 3:
            raise RateLimitError("429")
        return SolveOutcome(answer="1")

    outcome, retries = solve_with_retries(flaky, _problem(), 0, RetryPolicy(max_retries=3, base_delay_s=0.0))
    assert (outcome.answer, retries, len(calls)) == ("1", 2, 3)

    calls.clear()
    with pytest.raises(RateLimitError) as caught:
        solve_with_retries(flaky, _problem(), 0, RetryPolicy(max_retries=1, base_delay_s=0.0))
    assert len(calls) == 2 and "after 1 retry" in caught.value.__notes__[0]


def test_other_errors_are_not_retried() -> None:
    calls = []

    def broken(problem: Problem, attempt: int) -> SolveOutcome:
        calls.append(attempt)
        raise KeyError("bug")

    with pytest.raises(KeyError):
        solve_with_retries(broken, _problem(), 0, RetryPolicy(max_retries=5, base_delay_s=0.0))
    assert len(calls) == 1


def test_backoff_doubles_and_is_capped() -> None:
    policy = RetryPolicy(base_delay_s=1.0, max_delay_s=5.0)
    delays = [policy.delay(i) for i in range(5)]
    assert 1.0 <= delays[0] <= 1.25 and 2.0 <= delays[1] <= 2.5 and 4.0 <= delays[2] <= 5.0
    assert all(5.0 <= d <= 6.25 for d in delays[3:])


def test_records_are_json_lines_with_the_schema(quarters_suite: Path, tmp_path: Path) -> None:
    run_eval(reference_spec(quarters_suite), tmp_path / "run")
    first = json.loads((tmp_path / "run" / "records.jsonl").read_text().splitlines()[0])
    assert first["status"] == "correct", first["why"]
    assert first["status"] == "correct" and first["gold"] == "0" and first["stage_ms"]["execute"] >= 0
    assert set(first) >= {"answer", "correct", "why", "verdict", "repairs", "stage_ms", "status", "attempt"}


def test_per_family_keeps_the_first_problems_of_every_family(quarters_suite: Path) -> None:
    from evals.runner import plan

    spec = make_spec([quarters_suite], ["reference"], ["tool"], per_family=1, settings=AttemptSettings(solver=REFERENCE))
    assert [item.problem.id for item in plan(spec)] == ["q000", "q001", "q002"]  # fam0, fam1, fam2
    limited = spec.model_copy(update={"limit": 2})
    assert [item.problem.id for item in plan(limited)] == ["q000", "q001"]


def test_a_second_writer_is_refused(quarters_suite: Path, tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "run"
    out.mkdir()
    with (out / ".lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running `ladder eval` holds it
        with pytest.raises(EvalError, match="another"):
            run_eval(reference_spec(quarters_suite), out)
    assert run_eval(reference_spec(quarters_suite), out).written == 6


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_terminated_run_stops_its_workers_and_keeps_its_records(tmp_path: Path, signum: int) -> None:
    psutil = pytest.importorskip("psutil")
    suite = write_suite(tmp_path / "slow.jsonl", quarters_rows(40, sleep_s=0.2))
    out = tmp_path / "stopped"
    args = ["eval", str(suite), "--solver", "reference", "--generator", "reference", "--mode", "tool"]
    args += ["--workers", "2", "--out", str(out), "--max-retries", "0"]
    proc = subprocess.Popen(_ladder(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    records_path = out / "records.jsonl"
    deadline = time.monotonic() + 120
    try:
        while not (records_path.exists() and records_path.read_bytes().count(b"\n") >= 4):
            assert time.monotonic() < deadline and proc.poll() is None, "the run ended before it could be stopped"
            time.sleep(0.05)
        workers = psutil.Process(proc.pid).children(recursive=True)
        assert len(workers) >= 2, f"expected the 2 worker processes, found {workers}"
        os.kill(proc.pid, signum)  # the CLI alone, as `kill -TERM PID` does; not its process group
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr[-2000:]
    assert "--resume continues" in stderr, stderr[-2000:]
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, f"workers still running after the CLI exited: {alive}"
    kept = read_records(records_path)
    assert 4 <= len(kept) < 40 and len({r.key for r in kept}) == len(kept), "the finished records are kept, once each"
    resumed = subprocess.run(_ladder(*args, "--resume"), capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert len(read_records(records_path)) == 40
