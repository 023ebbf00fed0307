"""pass@k, summaries, the markdown report with its plots, and the eval/report commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from evals.cli import app
from evals.passk import mean_pass_at_k, pass_at_k
from evals.records import EvalRecord, RecordWriter, RepairRound, Status
from evals.report import PLOTS, write_report
from evals.summary import accuracy_by_family, repair_figures, summarize

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("n", "c", "k", "expected"),
    [(5, 2, 1, 0.4), (5, 2, 5, 1.0), (5, 0, 3, 0.0), (4, 1, 2, 0.5), (10, 3, 2, 1 - 21 / 45), (1, 1, 1, 1.0)],
)
def test_pass_at_k_unbiased_estimator(n: int, c: int, k: int, expected: float) -> None:
    assert pass_at_k(n, c, k) == pytest.approx(expected)


def test_pass_at_k_refuses_k_above_n() -> None:
    with pytest.raises(ValueError, match="k=3"):
        pass_at_k(2, 1, 3)
    assert mean_pass_at_k([(3, 1), (1, 1)], 2) == pytest.approx(2 / 3)  # only the n>=2 problem counts
    assert mean_pass_at_k([(1, 1)], 2) is None


def record(gen: str, mode: str, pid: str, family: str, status: Status, **more) -> EvalRecord:
    return EvalRecord(
        suite="s",
        problem_id=pid,
        family=family,
        generator=gen,
        mode=mode,
        attempt=more.pop("attempt", 0),
        status=status,
        gold="1",
        answer="1" if status in (Status.correct, Status.wrong) else None,
        correct=status is Status.correct,
        why="test",
        **more,
    )


def fixture_records() -> list[EvalRecord]:
    ok, bad, none = Status.correct, Status.wrong, Status.no_answer
    fixed = [RepairRound(round=1, reason="ZeroDivisionError"), RepairRound(round=2, reason="x", fixed=True)]
    rs = [
        record("graph", "tool", "a", "geo", ok, stage_ms={"generate": 10.0, "execute": 5.0}),
        record("graph", "tool", "b", "geo", ok, repairs=fixed, stage_ms={"generate": 20.0, "execute": 5.0}),
        record("graph", "tool", "c", "alg", bad, verified=True, stage_ms={"generate": 30.0}),
        record("graph", "tool", "d", "alg", ok, stage_ms={"generate": 20.0}),
        record("graph", "structural", "a", "geo", ok),
        record("graph", "structural", "b", "geo", none),
        record("graph", "structural", "c", "alg", none),
        record("graph", "structural", "d", "alg", bad),
        record("seq", "tool", "a", "geo", ok),
        record("seq", "tool", "b", "geo", bad, repairs=[RepairRound(round=1, reason="y")]),
        record("seq", "tool", "c", "alg", Status.timeout),
        record("seq", "tool", "d", "alg", Status.error),
    ]
    return rs


def test_summary_figures() -> None:
    summaries = {s.cell.name: s for s in summarize(fixture_records())}
    assert summaries["graph/tool"].pass_at == {1: 0.75}
    assert summaries["graph/structural"].pass_at == {1: 0.25}
    assert summaries["seq/tool"].statuses == {"correct": 1, "wrong": 1, "no_answer": 0, "timeout": 1, "error": 1, "unavailable": 0}
    assert summaries["graph/tool"].verified_wrong == 1
    assert summaries["graph/tool"].stage_ms == {"generate": 20.0, "execute": 5.0}
    assert accuracy_by_family(fixture_records())[summaries["graph/tool"].cell] == {"alg": 0.5, "geo": 1.0}
    repairs = {f.cell.name: f for f in repair_figures(fixture_records())}
    assert (repairs["graph/tool"].needed, repairs["graph/tool"].fixed_by_round) == (1, {2: 1})
    assert (repairs["seq/tool"].needed, repairs["seq/tool"].fixed_by_round) == (1, {})


def test_report_has_every_section_and_plot(tmp_path: Path) -> None:
    with RecordWriter(tmp_path / "records.jsonl") as writer:
        for r in fixture_records():
            writer.write(r)
    path = write_report(tmp_path)
    text = path.read_text()
    for heading in ("## Summary", "## Accuracy by family", "## Tool use vs structural", "## Graph vs flat-token", "## Repair", "## Latency per stage"):
        assert heading in text, heading
    for name in PLOTS.values():
        assert (tmp_path / name).read_bytes().startswith(PNG), name
        assert f"({name})" in text, f"{name} not linked"
    assert "| graph/tool | 4 | 4 | 75.0% |" in text


def test_report_says_what_it_cannot_compare(tmp_path: Path) -> None:
    with RecordWriter(tmp_path / "records.jsonl") as writer:
        for r in fixture_records():
            if r.generator == "graph" and r.mode == "tool":
                writer.write(r)
    text = write_report(tmp_path).read_text()
    assert "Only one generator was run" in text and "Only one mode was run" in text
    assert not (tmp_path / PLOTS["generators"]).exists()


runner = CliRunner()


def test_eval_and_report_commands(quarters_suite: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    args = ["eval", str(quarters_suite), "--solver", "reference", "--generator", "reference", "--mode", "tool,structural"]
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "reference/structural" in result.output and "100.0%" in result.output
    assert (out / "report.md").exists()
    (out / "report.md").unlink()
    again = runner.invoke(app, ["report", str(out)])
    assert again.exit_code == 0, again.output
    assert (out / "report.md").exists()
    # stdout is not a terminal here: the table is printed whole, no column cut to 'a…'
    assert "…" not in again.stdout and "reference/structural" in again.stdout, again.stdout
    for header in ("pass@1", "95% CI", "llm-down", "p50 ms"):
        assert header in again.stdout, f"{header!r} cut from the table:\n{again.stdout}"
    refused = runner.invoke(app, [*args, "--out", str(out)])
    assert refused.exit_code == 2 and "--resume" in refused.output


def test_bad_input_gets_a_message_not_a_traceback(tmp_path: Path) -> None:
    bad_gen = runner.invoke(app, ["eval", "x.jsonl", "--generator", "gpt", "--out", str(tmp_path / "o")])
    assert bad_gen.exit_code == 2 and "gpt" in bad_gen.output
    no_model = runner.invoke(app, ["eval", "x.jsonl", "--generator", "llm", "--out", str(tmp_path / "o")])
    assert no_model.exit_code == 2 and "--llm-model" in no_model.output
    missing = runner.invoke(app, ["eval", str(tmp_path / "nope.jsonl"), "--solver", "reference", "--out", str(tmp_path / "o")])
    assert missing.exit_code == 2 and "cannot read" in missing.output
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x"}\n')
    invalid = runner.invoke(app, ["eval", str(broken), "--solver", "reference", "--out", str(tmp_path / "o2")])
    assert invalid.exit_code == 2 and "broken.jsonl:1" in invalid.output
    empty = runner.invoke(app, ["report", str(tmp_path)])
    assert empty.exit_code == 2 and "records.jsonl" in empty.output
    for level in (["--help"], ["eval", "--help"], ["report", "--help"], ["external", "--help"]):
        assert runner.invoke(app, level).exit_code == 0, level


@pytest.mark.parametrize("status", [Status.wrong, Status.correct])
def test_report_draws_cells_at_zero_and_full_accuracy(tmp_path: Path, status: Status) -> None:
    """A cell where every answer is wrong (or right) has its Wilson bound at the bar itself; in
    floats it can land a hair past it (at 100 problems it did, and matplotlib refused the bar)."""
    with RecordWriter(tmp_path / "records.jsonl") as writer:
        for gen in ("graph", "seq"):
            for mode in ("tool", "structural"):
                for pid in range(100):
                    writer.write(record(gen, mode, f"p{pid}", "geo", status))
    text = write_report(tmp_path).read_text()
    share = "0.0%" if status is Status.wrong else "100.0%"
    assert f"| graph/tool | 100 | 100 | {share} |" in text
    for plot in ("family", "modes", "generators"):  # the bars with intervals
        assert (tmp_path / PLOTS[plot]).read_bytes().startswith(PNG), plot
