"""`ladder rewrite`: ACE on stdout and exit 0, or the issues on stderr and exit 2."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from evals.cli import app

runner = CliRunner()


def test_rewrite_prints_ace() -> None:
    result = runner.invoke(app, ["rewrite", "A 13-ft ladder leans against a wall. How long is it?"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "A ladder has a length of 13 feet. The ladder leans against a wall. What is the length of the ladder?"


def test_unrewritable_text_prints_issues_and_exits_2() -> None:
    result = runner.invoke(app, ["rewrite", "Why is the sky blue?"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "cannot rewrite into ACE" in result.stderr
    assert "0-10 'Why is the'" in result.stderr


def test_json_output_is_the_whole_result() -> None:
    result = runner.invoke(app, ["rewrite", "--json", "John has a dozen apples. How many apples does he have?"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["ok"] is True
    assert record["ace"] == "John has 12 apples. How many apples does John have?"
    assert [step["name"] for step in record["steps"]] == ["numbers", "references"]


def test_a_base_url_without_a_model_is_a_usage_error() -> None:
    result = runner.invoke(app, ["rewrite", "--llm-base-url", "http://127.0.0.1:9/v1", "John has 5 apples."])
    assert result.exit_code == 2, "the same exit code as every other command's bad option (tasks.exit_codes)"
    assert "--llm-base-url needs --llm-model" in result.output


def test_help_names_the_llm_options() -> None:
    result = runner.invoke(app, ["rewrite", "--help"])
    assert result.exit_code == 0
    assert "--llm-base-url" in result.stdout and "--llm-model" in result.stdout
