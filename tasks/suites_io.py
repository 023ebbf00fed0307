"""Reading and writing suites (JSONL files of Problem records) with line-exact errors."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from tasks.schema import Problem
from tasks.user_suites import ShapeError, from_user_record


class SuiteError(ValueError):
    """A suite file has bad lines; `errors` holds one 'file:line: field: what' string each."""

    def __init__(self, path: Path, errors: list[str]) -> None:
        self.path = path
        self.errors = errors
        shown = "\n".join(errors[:20])
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"{path}: {len(errors)} bad line(s)\n{shown}{more}")


def _describe(path: Path, lineno: int, exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "<record>"
        out.append(f"{path}:{lineno}: {field}: {err['msg']}")
    return out


def validate_suite(path: str | Path) -> tuple[list[Problem], list[str]]:
    """Parse every line; return the good problems and one message per bad line (never raises on content)."""
    path = Path(path)
    problems: list[Problem] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [f"{path}:0: <file>: cannot read: {exc.strerror or exc}"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], [f"{path}:0: <file>: not UTF-8 text (byte {exc.start})"]
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{path}:{lineno}: <json>: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(record, dict):
            errors.append(f"{path}:{lineno}: <record>: expected a JSON object, got {type(record).__name__}")
            continue
        try:
            record = from_user_record(record, path.stem, lineno)  # question/answer, problem/solution shapes
        except ShapeError as exc:
            errors.append(f"{path}:{lineno}: {exc.field}: {exc}")
            continue
        try:
            problem = Problem.model_validate(record)
        except ValidationError as exc:
            errors.extend(_describe(path, lineno, exc))
            continue
        if problem.id in seen:
            errors.append(f"{path}:{lineno}: id: duplicate id {problem.id!r} (first on line {seen[problem.id]})")
            continue
        seen[problem.id] = lineno
        problems.append(problem)
    return problems, errors


def load_suite(path: str | Path) -> list[Problem]:
    """Load a suite, raising SuiteError listing every bad line as 'file:line: field: what is wrong'."""
    problems, errors = validate_suite(path)
    if errors:
        raise SuiteError(Path(path), errors)
    return problems


def dump_suite(problems: Iterable[Problem], path: str | Path) -> int:
    """Write problems as JSONL with stable key order, so one seed gives identical bytes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for problem in problems:
            fh.write(json.dumps(problem.model_dump(mode="json"), ensure_ascii=False, sort_keys=True))
            fh.write("\n")
            n += 1
    return n
