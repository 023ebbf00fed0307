"""Bring your own suite: the common shapes of question/answer files, read as Problem records.

A line already in Problem's shape passes unchanged. Otherwise the usual field names are
mapped and what a user's file rarely has is defaulted, each default listed in
`meta["defaulted"]` so nothing is guessed silently:

* the question: `prompt`, `question`, `problem` or `input`;
* the answer: `answer` (GSM8K-style `... #### 42` keeps what follows the last `####`; numbers
  lose their thousands commas), else the last `\\boxed{...}` of a MATH-style `solution`
  (LaTeX read by latex2sympy, the parser math-verify uses); the worked text goes to
  `meta["solution"]`;
* `id`: `id`, `idx` or `unique_id`, else `<file stem>-<line>`; `family`: `family`, `type`,
  `subject` or `category`, else the file's stem; `split`: `test`; `answer_kind`: read off the
  answer (integer, rational, set, tuple, boolean, else expression).

What cannot be found is a `ShapeError` naming the field and the names that were looked for.
"""

from __future__ import annotations

import re
from typing import Any

PROMPT_KEYS = ("prompt", "question", "problem", "input")
ANSWER_KEYS = ("answer", "final_answer", "target")
ID_KEYS = ("id", "idx", "unique_id")
FAMILY_KEYS = ("family", "type", "subject", "category")
_GSM_MARK = "####"
_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_BOXED = re.compile(r"\\(?:boxed|fbox)\s*\{")


class ShapeError(ValueError):
    """A user's record lacks something a Problem needs; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def from_user_record(record: dict[str, Any], stem: str, lineno: int) -> dict[str, Any]:
    """The record with Problem's field names and defaults filled in (a Problem-shaped one unchanged)."""
    if all(k in record for k in _REQUIRED) and isinstance(record.get("answer"), str) and _GSM_MARK not in record["answer"]:
        return record  # ladder's own shape: validated as it is, nothing defaulted
    meta = dict(record.get("meta") or {})
    out: dict[str, Any] = {k: v for k, v in record.items() if k in _PROBLEM_FIELDS}
    out["prompt"] = _first(record, PROMPT_KEYS, "prompt")
    out["answer"], solution = _answer(record)
    if solution is not None:
        meta["solution"] = solution
    defaulted: list[str] = []
    out["id"] = _pick(record, ID_KEYS) or f"{stem}-{lineno:05d}"
    out["family"] = _pick(record, FAMILY_KEYS) or stem
    defaulted += [k for k, keys in (("id", ID_KEYS), ("family", FAMILY_KEYS)) if not _pick(record, keys)]
    if "split" not in out:
        out["split"], defaulted = "test", [*defaulted, "split"]
    if "answer_kind" not in out:
        out["answer_kind"], defaulted = answer_kind(out["answer"]), [*defaulted, "answer_kind"]
    used = {*PROMPT_KEYS, *ANSWER_KEYS, *ID_KEYS, *FAMILY_KEYS, "solution", *_PROBLEM_FIELDS}
    extra = {k: v for k, v in record.items() if k not in used}
    if extra:
        meta["extra"] = extra  # kept, not dropped: a user's own fields stay with the problem
    if defaulted:
        meta["defaulted"] = defaulted
    if meta:
        out["meta"] = meta
    return out


def _pick(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    found = next((record[k] for k in keys if record.get(k) not in (None, "")), None)
    return None if found is None else str(found)


_REQUIRED = ("id", "prompt", "answer", "answer_kind", "family", "split")
_PROBLEM_FIELDS = (
    "id", "prompt", "answer", "answer_kind", "verifier", "ace", "program", "family", "split", "difficulty", "meta",
)  # fmt: skip


def _first(record: dict[str, Any], keys: tuple[str, ...], field: str) -> str:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    names = ", ".join(keys)
    raise ShapeError(field, f"missing: expected a non-empty string in one of {names}")


def _answer(record: dict[str, Any]) -> tuple[str, str | None]:
    """(exact answer, worked solution or None) from the usual answer fields."""
    for key in ANSWER_KEYS:
        value = record.get(key)
        if isinstance(value, bool):
            return str(value), None
        if isinstance(value, int | float):
            return _number(repr(value)), None
        if isinstance(value, str) and value.strip():
            if _GSM_MARK in value:
                final = value.rsplit(_GSM_MARK, 1)[1].strip()
                if not final:
                    raise ShapeError("answer", f"nothing after the last {_GSM_MARK!r} in {key}")
                return _number(final), value
            if _BOXED.search(value):
                return _boxed(value), value
            return _number(value.strip()), None
    solution = record.get("solution")
    if isinstance(solution, str) and _BOXED.search(solution):
        return _boxed(solution), solution
    if isinstance(solution, str):
        raise ShapeError("answer", "no answer field, and the solution has no \\boxed{...} final answer")
    raise ShapeError("answer", f"missing: expected one of {', '.join(ANSWER_KEYS)}, or a solution with \\boxed{{...}}")


def _number(text: str) -> str:
    return text.replace(",", "") if _THOUSANDS.match(text) else text


def _boxed(text: str) -> str:
    """The last \\boxed{...} of a solution (braces balanced), as a sympy-parsable string."""
    start = [m.end() for m in _BOXED.finditer(text)][-1]
    depth, end = 1, start
    while end < len(text) and depth:
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        end += 1
    if depth:
        raise ShapeError("answer", "the solution's last \\boxed{ is never closed")
    latex = text[start : end - 1].strip()
    return _from_latex(latex)


def _from_latex(latex: str) -> str:
    plain = _number(latex.replace("$", "").strip())
    if re.fullmatch(r"-?\d+(\.\d+)?(/\d+)?", plain):
        return plain
    try:
        from latex2sympy2_extended import latex2sympy

        return str(latex2sympy(latex))
    except Exception as exc:  # noqa: BLE001 - the parser raises many kinds; each means "not readable"
        raise ShapeError("answer", f"cannot read \\boxed{{{latex}}} as an exact answer ({type(exc).__name__})") from None


def answer_kind(answer: str) -> str:
    """The AnswerKind an answer string reads as: integer, rational, set, tuple, boolean or expression."""
    text = answer.strip()
    if text.lower() in ("true", "false", "yes", "no"):
        return "boolean"
    if text.startswith("{") and text.endswith("}"):
        return "set"
    if text.startswith("(") and text.endswith(")") and "," in text:
        return "tuple"
    if re.fullmatch(r"-?\d+", text):
        return "integer"
    if re.fullmatch(r"-?\d+/\d+|-?\d*\.\d+", text):
        return "rational"
    return "expression"
