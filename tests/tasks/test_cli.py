"""`ladder tasks ...` through typer's CliRunner: exit codes and output."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from evals.cli import app
from tasks.families import COMPOSITIONAL, FAMILIES

runner = CliRunner()


def test_list_shows_every_family_with_counts_and_an_example():
    result = runner.invoke(app, ["tasks", "list"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    for name in [*FAMILIES, *COMPOSITIONAL]:
        assert name in result.output, f"{name} missing from `tasks list`"
    assert "train 250" in result.output and "test 50" in result.output
    assert "answer:" in result.output


def test_generate_twice_with_one_seed_gives_identical_files(tmp_path):
    outs = [tmp_path / "one.jsonl", tmp_path / "two.jsonl"]
    for out in outs:
        args = ["tasks", "generate", "--families", "motion,series", "--per-family", "7", "--seed", "9",
                "--split", "valid", "--out", str(out)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "wrote 14 problems" in result.output
    assert outs[0].read_bytes() == outs[1].read_bytes()
    records = [json.loads(line) for line in outs[0].read_text().splitlines()]
    assert {r["family"] for r in records} == {"motion", "series"}
    assert {r["split"] for r in records} == {"valid"}


def test_generate_unknown_family_exits_2_with_a_message(tmp_path):
    out = tmp_path / "x.jsonl"
    result = runner.invoke(app, ["tasks", "generate", "--families", "alchemy", "--out", str(out)])
    assert result.exit_code == 2
    assert "unknown family 'alchemy'" in result.output
    assert not out.exists()


def test_generate_bad_split_is_rejected_by_typer(tmp_path):
    result = runner.invoke(app, ["tasks", "generate", "--split", "holdout", "--out", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2
    assert "holdout" in result.output


def test_validate_accepts_a_good_suite(tmp_path, suites_dir):
    result = runner.invoke(app, ["tasks", "validate", str(suites_dir / "smoke.jsonl")])
    assert result.exit_code == 0, result.output
    assert "36 problems, all valid" in result.output.replace("\n", "")


def test_validate_prints_every_bad_line_and_exits_2(tmp_path, suites_dir):
    good = (suites_dir / "smoke.jsonl").read_text().splitlines()
    broken = json.loads(good[1])
    broken["answer_kind"] = "fraction"
    missing = json.loads(good[2])
    del missing["prompt"]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([good[0], json.dumps(broken), json.dumps(missing), "{not json", good[0]]) + "\n")
    result = runner.invoke(app, ["tasks", "validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2: answer_kind:" in result.output
    assert f"{path}:3: prompt: missing: expected a non-empty string in one of prompt, question" in result.output
    assert f"{path}:4: <json>:" in result.output
    assert f"{path}:5: id: duplicate id" in result.output
    assert "Traceback" not in result.output


def test_validate_missing_file_exits_2(tmp_path):
    result = runner.invoke(app, ["tasks", "validate", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert "cannot read" in result.output


def test_help_at_every_level():
    for args in (["tasks", "--help"], ["tasks", "list", "--help"], ["tasks", "generate", "--help"],
                 ["tasks", "validate", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, args
        assert "Usage" in result.output


def test_generate_negative_count_and_unwritable_path_exit_2(tmp_path):
    result = runner.invoke(app, ["tasks", "generate", "--per-family", "-1", "--out", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2 and "per_family must be >= 0" in result.output
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = runner.invoke(app, ["tasks", "generate", "--per-family", "1", "--out", str(blocker / "x.jsonl")])
    assert result.exit_code == 2 and "cannot write" in result.output
    assert "Traceback" not in result.output
