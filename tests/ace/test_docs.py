"""docs/ace.md stays true: its accepted examples parse and its rejected ones are rejected as
the page says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tasks.ace import AceError, parse_ace, same_meaning

DOC = Path(__file__).resolve().parents[2] / "docs" / "ace.md"


def section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(title)
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def accepted_examples() -> list[str]:
    rows = [line for line in section("## 2. Sentences").splitlines() if line.startswith("| ")]
    return [s for row in rows for s in re.findall(r"`([A-Z][^`]*[.?])`", row.split("|")[3])]


def rejected_examples() -> list[tuple[str, str]]:
    rows = [line.split("|") for line in section("## 5. Rejected").splitlines()
            if line.startswith("| `")]
    return [(cells[1].strip().strip("`"), cells[2].strip()) for cells in rows]


def test_the_page_has_twenty_examples_or_more():
    assert len(accepted_examples()) + len(rejected_examples()) >= 20


@pytest.mark.parametrize("text", accepted_examples())
def test_accepted_example_parses(text):
    assert parse_ace(text).nodes


@pytest.mark.parametrize(("text", "message"), rejected_examples())
def test_rejected_example_is_rejected_as_documented(text, message):
    if "..." in text:
        pytest.skip("abridged example")
    with pytest.raises(AceError) as info:
        parse_ace(text)
    quoted = re.findall(r"'([^']*)'", message)
    assert quoted and quoted[0] in str(info.value), f"{info.value} vs documented {message!r}"
    assert message.split(" '")[0] in str(info.value)


def _table_rows(title: str) -> list[list[str]]:
    text = section("### " + title) if "### " + title in DOC.read_text(encoding="utf-8") else ""
    end = text.find("\n\n", text.find("|"))
    table = text[text.find("|"):end if end > 0 else None]
    return [row.split(" | ") for row in table.splitlines()[2:]]


def _texts(cell: str) -> list[str]:
    return re.findall(r"`([^`]*[.?])`", cell)


def equivalent_form_rows() -> list[list[str]]:
    return _table_rows("Equivalent forms")


def test_every_normalization_rule_is_documented():
    from tasks.ace.normalize import RULES

    rows = equivalent_form_rows()
    assert len(rows) >= 10, "the table of equivalent forms is missing"
    named = {name for row in rows for name in re.findall(r"`(\w+)`", row[2])}
    missing = {rule.__name__ for rule in RULES} - named
    assert not missing, f"rules without a row in docs/ace.md's equivalent forms: {missing}"


@pytest.mark.parametrize("row", equivalent_form_rows(), ids=lambda r: r[0].strip("| `")[:40])
def test_documented_equivalent_forms_compare_equal(row):
    forms, normal = _texts(row[0]), _texts(row[1])
    assert forms and len(normal) == 1, f"a row needs forms and one normal form: {row}"
    for form in forms:
        assert same_meaning(parse_ace(form), parse_ace(normal[0])), f"{form!r} should equal {normal[0]!r}"


def test_documented_look_alikes_stay_different():
    text = section("### Equivalent forms")
    table = text[text.index("| text | is not |"):]
    rows = [r.split(" | ") for r in table.split("\n\n")[0].splitlines()[2:]]
    assert len(rows) >= 5
    for row in rows:
        (a,), (b,) = _texts(row[0]), _texts(row[1])
        assert not same_meaning(parse_ace(a), parse_ace(b)), \
            f"{a!r} and {b!r} are documented as different"
