"""The Problem schema and suite IO: bad lines are reported as file:line: field: what."""

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from tasks import AnswerKind, Problem, Split, SuiteError, dump_suite, load_suite, validate_suite


def _problem(i: int = 0, **overrides) -> Problem:
    fields = dict(
        id=f"demo-{i}",
        prompt="What is 2 plus 3?",
        answer="5",
        answer_kind=AnswerKind.integer,
        family="demo",
        split=Split.test,
        program="answer = 2 + 3\n",
    )
    fields.update(overrides)
    return Problem(**fields)


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    problems = [_problem(i, meta={"template": i}) for i in range(3)]
    path = tmp_path / "suite.jsonl"
    assert dump_suite(problems, path) == 3
    assert load_suite(path) == problems, "a dumped suite must load back unchanged"


def test_dump_is_byte_stable(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    dump_suite([_problem(1, meta={"z": 1, "a": 2})], a)
    dump_suite([_problem(1, meta={"a": 2, "z": 1})], b)
    assert a.read_bytes() == b.read_bytes(), "key order must not change the bytes"


def test_bad_lines_are_reported_with_file_line_and_field(tmp_path: Path) -> None:
    good = json.dumps(_problem(0).model_dump(mode="json"))
    missing_answer = _problem(1).model_dump(mode="json")
    del missing_answer["answer"]
    bad_kind = _problem(2).model_dump(mode="json") | {"answer_kind": "complex"}
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([good, "{not json", json.dumps(missing_answer), json.dumps(bad_kind), "[1, 2]"]) + "\n")

    problems, errors = validate_suite(path)

    assert [p.id for p in problems] == ["demo-0"], "the good line must still load"
    assert errors[0].startswith(f"{path}:2: <json>:"), errors
    assert errors[1].startswith(f"{path}:3: answer:"), errors
    assert errors[2].startswith(f"{path}:4: answer_kind:"), errors
    assert errors[3] == f"{path}:5: <record>: expected a JSON object, got list", errors
    with pytest.raises(SuiteError) as info:
        load_suite(path)
    assert len(info.value.errors) == 4


def test_duplicate_ids_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    dump_suite([_problem(7), _problem(7)], path)
    _, errors = validate_suite(path)
    assert errors == [f"{path}:2: id: duplicate id 'demo-7' (first on line 1)"]


def test_unreadable_and_binary_files_are_errors_not_tracebacks(tmp_path: Path) -> None:
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert validate_suite(binary)[1][0].startswith(f"{binary}:0: <file>: not UTF-8")
    missing = tmp_path / "nope.jsonl"
    assert validate_suite(missing)[1][0].startswith(f"{missing}:0: <file>: cannot read")


def test_schema_rejects_unknown_fields_and_padded_answers() -> None:
    with pytest.raises(ValidationError, match="extra"):
        Problem.model_validate(_problem().model_dump() | {"surprise": 1})
    with pytest.raises(ValidationError, match="whitespace"):
        _problem(answer=" 5")
