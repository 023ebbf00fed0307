"""`python -m tasks.real.by_reader RUN/records.jsonl`: a `ladder eval` run's answers split by
the reader that took each problem (the ACE path, which restated it, or a second front end)
and by mode: how many problems each took and answered correctly.

Why apart from the run's own report: the issue asks for figures per front end, and the
records say which path read a problem only through `meta.ace` (the ACE restatement, set
when and only when the ACE path took the problem). The records do not name the second
front end, so `other` is the English or the notation reader; `--notation-ids FILE` (a JSON
list of problem ids that tasks.notation reads) splits it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ValidationError


class Record(BaseModel):
    """The fields of a `ladder eval` record this summary reads."""

    problem_id: str
    mode: str
    correct: bool = False
    verified: bool = False
    meta: dict = {}


def reader_of(record: Record, notation: frozenset[str] = frozenset()) -> str:
    if record.meta.get("ace"):
        return "ace"
    if not notation:
        return "other"
    return "notation" if record.problem_id in notation else "english"


def summarize(lines: list[str], source: str = "records", notation: frozenset[str] = frozenset()) -> dict[str, dict[str, int]]:
    """`{mode/reader: {took, correct, verified, verified_wrong}}`; ValueError naming the bad line."""
    table: dict[str, Counter] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = Record.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise ValueError(f"{source} line {number} is not a ladder eval record: {exc}") from None
        cell = table.setdefault(f"{rec.mode}/{reader_of(rec, notation)}", Counter())
        cell["took"] += 1
        cell["correct"] += rec.correct
        cell["verified"] += rec.verified
        cell["verified_wrong"] += rec.verified and not rec.correct
    return {k: dict(v) for k, v in sorted(table.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", type=Path, nargs="+")
    ap.add_argument("--notation-ids", type=Path, help="JSON list of the problem ids the notation reader takes")
    args = ap.parse_args(argv)
    try:
        notation = frozenset(json.loads(args.notation_ids.read_text())) if args.notation_ids else frozenset()
    except (OSError, ValueError, TypeError) as exc:
        print(f"error: --notation-ids {args.notation_ids}: {exc}")
        return 1
    for path in args.records:
        try:
            table = summarize(path.read_text().splitlines(), str(path), notation)
        except (OSError, ValueError) as exc:
            print(f"error: {exc}")
            return 1
        print(path)
        for cell, c in table.items():
            print(f"  {cell:<20} took {c['took']:>4}  correct {c['correct']:>4}  verified {c['verified']:>3} (wrong {c['verified_wrong']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
