"""`ladder parse`: the table, JSON, canonical string, PNG drawing, and the error exit."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ladder.cli import app
from tasks.ace import parse_ace

runner = CliRunner()
TEXT = "A ladder leans against a wall. The length of the ladder is 13 feet. What is the length of the ladder?"


def test_parse_prints_a_table_of_nodes_and_edges():
    result = runner.invoke(app, ["parse", TEXT])
    assert result.exit_code == 0, result.output
    for expected in ("ladder", "lean", "relation:against", "13 foot", "what", "asks"):
        assert expected in result.stdout, expected


def test_parse_json_is_the_graph():
    result = runner.invoke(app, ["parse", TEXT, "--json"])
    assert result.exit_code == 0, result.output
    graph = json.loads(result.stdout)
    assert graph == json.loads(parse_ace(TEXT).model_dump_json())


def test_parse_canonical():
    result = runner.invoke(app, ["parse", "John has 5 apples.", "--canonical"])
    assert result.exit_code == 0
    assert result.stdout.strip() == parse_ace("John has 5 apples.").canonical()


def test_parse_png_draws_a_file(tmp_path):
    out = tmp_path / "graph.png"
    result = runner.invoke(app, ["parse", TEXT, "--png", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "a PNG file"
    assert out.stat().st_size > 5_000


def test_parse_rejects_with_position_and_exit_code_2():
    result = runner.invoke(app, ["parse", "John has 5 widgets."])
    assert result.exit_code == 2
    assert "line 1, column 12: unknown word 'widgets'" in result.stderr
    assert result.stdout == ""


def test_parse_help():
    result = runner.invoke(app, ["parse", "--help"])
    assert result.exit_code == 0 and "--png" in result.stdout


def test_parse_reads_stdin_and_reports_agreement():
    result = runner.invoke(app, ["parse", "-", "--agreement"], input="A apple costs 1 dollars.\n")
    assert result.exit_code == 0, result.output
    assert "write 'an apple'" in result.stderr
    assert "after 1 write the singular 'dollar'" in result.stderr


def test_parse_normal_form():
    result = runner.invoke(app, ["parse", "John  has twenty-five apples .", "--normal"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "John has 25 apples."


def test_parse_same_as_reports_equal_meanings():
    result = runner.invoke(app, ["parse", "A kite has a length of 2 meters.",
                                 "--same-as", "The kite's length is 2 meters."])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "same meaning"


def test_parse_same_as_names_the_differing_facts():
    result = runner.invoke(app, ["parse", "A kite has a length of 2 meters.",
                                 "--same-as", "A kite has a length of 3 meters."])
    assert result.exit_code == 1, result.output
    assert "different meaning" in result.stdout
    assert "only in the text:    length -value-> 2 meter" in result.stdout
    assert "only in --same-as:   length -value-> 3 meter" in result.stdout


def test_parse_same_as_rejects_other_text_outside_ace():
    result = runner.invoke(app, ["parse", "A kite has a length of 2 meters.", "--same-as", "A kite is long"])
    assert result.exit_code == 2
    assert "not ACE (--same-as)" in result.output
