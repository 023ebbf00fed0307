"""load_suite on damaged copies of a built-in suite: every bad line named as file:line: field: what."""

from __future__ import annotations

import json

import pytest

from tasks import SuiteError, load_suite


def test_load_suite_names_each_bad_line(tmp_path, suites_dir):
    lines = (suites_dir / "smoke.jsonl").read_text().splitlines()
    wrong_kind = json.loads(lines[3])
    wrong_kind["answer_kind"] = "fraction"
    padded = json.loads(lines[4])
    padded["answer"] = " 5 "
    extra = json.loads(lines[5])
    extra["hint"] = "use sympy"
    path = tmp_path / "damaged.jsonl"
    path.write_text("\n".join([*lines[:3], json.dumps(wrong_kind), json.dumps(padded), json.dumps(extra), "[1, 2]"]) + "\n")
    with pytest.raises(SuiteError) as info:
        load_suite(path)
    errors = info.value.errors
    assert errors[0].startswith(f"{path}:4: answer_kind: ")
    assert errors[1] == f"{path}:5: answer: Value error, answer has leading or trailing whitespace"
    assert errors[2].startswith(f"{path}:6: hint: Extra inputs are not permitted")
    assert errors[3] == f"{path}:7: <record>: expected a JSON object, got list"
    assert len(errors) == 4


def test_load_suite_round_trips_the_built_in_suites(suites):
    assert all(problem.split.value == name for name, problems in suites.items() for problem in problems)
