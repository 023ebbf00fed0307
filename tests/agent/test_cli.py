"""`ladder solve` through the root app: the headline, exit codes, explanations, --json, --show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from agent_fakes import LADDER
from typer.testing import CliRunner

from evals.cli import app
from graphmodel.generators import CHECKPOINT_DIR

runner = CliRunner()
needs_graph_checkpoint = pytest.mark.skipif(
    not (CHECKPOINT_DIR / "graph.pt").is_file(), reason="the shipped graph checkpoint has not been trained yet"
)


def test_help_at_every_level() -> None:
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0 and "solve" in top.output
    sub = runner.invoke(app, ["solve", "--help"])
    assert sub.exit_code == 0
    for option in ("--mode", "--generator", "--json", "--show", "--repair", "--llm-base-url"):
        assert option in sub.output, f"{option} missing from solve --help"


@needs_graph_checkpoint
def test_the_headline_prints_5_with_its_trace() -> None:
    result = runner.invoke(app, ["solve", LADDER])
    assert result.exit_code == 0, result.output
    assert "Trace" in result.output and "rewrite" in result.output and "select" in result.output
    answer_line = next(line for line in result.output.splitlines() if line.startswith("Answer"))
    assert answer_line.split()[1] == "5", answer_line


@needs_graph_checkpoint
def test_json_prints_the_solution_and_show_draws_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["solve", LADDER, "--json", "--mode", "structural", "--show", str(tmp_path)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["answer"] == "5" and payload["mode"] == "structural"
    for name in ("semantic_graph.png", "program_tree.png"):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    mermaid = (tmp_path / "agent_graph.mmd").read_text()
    assert "rewrite" in mermaid and "repair" in mermaid, "LangGraph's drawing of the state machine"


@pytest.mark.parametrize(
    ("args", "stdin", "says"),
    [
        (["solve", ""], None, "empty"),
        (["solve", "x" * 10_000], None, "characters"),
        (["solve", "-"], b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "binary"),
        (["solve", "colorless green ideas sleep furiously"], None, "controlled English"),
    ],
)
def test_input_it_cannot_handle_exits_2_with_a_paragraph(args: list[str], stdin: bytes | None, says: str) -> None:
    result = runner.invoke(app, args, input=stdin)
    assert result.exit_code == 2, result.output
    assert says in result.output, result.output
    assert "Traceback" not in result.output


def test_llm_generator_without_a_server_exits_2() -> None:
    result = runner.invoke(app, ["solve", LADDER, "--generator", "llm"])
    assert result.exit_code == 2
    assert "--llm-base-url" in result.output


def test_half_an_llm_server_spec_exits_2() -> None:
    result = runner.invoke(app, ["solve", LADDER, "--llm-base-url", "http://127.0.0.1:9/v1"])
    assert result.exit_code == 2
    assert "--llm-base-url needs --llm-model" in result.output


def test_bad_mode_is_a_usage_error() -> None:
    result = runner.invoke(app, ["solve", LADDER, "--mode", "dream"])
    assert result.exit_code == 2
    assert "dream" in result.output
