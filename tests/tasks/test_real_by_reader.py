"""tasks.real.by_reader: a run's answers split by mode and by the reader that took each problem."""

from __future__ import annotations

import json

import pytest

from tasks.real.by_reader import main, summarize


def _line(pid: str, mode: str, correct: bool, ace: str | None, verified: bool = False) -> str:
    return json.dumps({"problem_id": pid, "mode": mode, "correct": correct, "verified": verified,
                       "meta": {"ace": ace, "program": "answer = 1\n"}, "status": "correct" if correct else "wrong"})


def test_counts_per_mode_and_reader() -> None:
    lines = [
        _line("a", "tool", True, None), _line("b", "tool", False, None), _line("c", "tool", True, "Tom has 3 apples."),
        _line("a", "structural", False, None, verified=True), "",
    ]
    table = summarize(lines)
    assert table["tool/other"] == {"took": 2, "correct": 1, "verified": 0, "verified_wrong": 0}
    assert table["tool/ace"]["took"] == 1 and table["tool/ace"]["correct"] == 1
    assert table["structural/other"]["verified_wrong"] == 1
    split = summarize(lines, notation=frozenset({"b"}))
    assert split["tool/english"]["took"] == 1 and split["tool/notation"] == {"took": 1, "correct": 0, "verified": 0, "verified_wrong": 0}


def test_a_line_that_is_not_a_record_is_named(tmp_path, capsys) -> None:
    with pytest.raises(ValueError, match="line 2"):
        summarize([_line("a", "tool", True, None), '{"mode": "tool"}'])
    bad = tmp_path / "records.jsonl"
    bad.write_text("not json\n")
    assert main([str(bad)]) == 1
    assert "line 1 is not a ladder eval record" in capsys.readouterr().out
