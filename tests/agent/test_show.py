"""--show pictures: the semantic graph and the program tree, with repaired subtrees marked."""

from __future__ import annotations

from pathlib import Path

from agent_fakes import LADDER, LADDER_PROGRAM, fenced, scripted

from agent import Agent
from agent.show import repaired_paths, write_pictures

PNG = b"\x89PNG\r\n\x1a\n"


def test_pictures_of_a_repaired_solve(tmp_path: Path) -> None:
    broken = LADDER_PROGRAM.replace("height**2", "hieght**2")
    solution = Agent(generator="llm", llm=scripted(fenced(broken), fenced("height")), infill_k=1).solve(LADDER)
    assert solution.answer == "5"
    paths = repaired_paths(solution)
    assert paths == [tuple(solution.repairs[0].path)], "the repaired subtree is the one highlighted"
    written = write_pictures(solution, tmp_path / "show")
    assert [p.name for p in written] == ["semantic_graph.png", "program_tree.png", "certificate.png"]
    for path in written:
        data = path.read_bytes()
        assert data[:8] == PNG and len(data) > 5_000, f"{path} is not a drawn PNG"
    proved = (tmp_path / "show" / "certificate.txt").read_text()
    assert "5**2 + 12**2 = 13**2" in proved and ": unique (" in proved, proved
    assert "the constraints alone give" in proved


def test_a_regenerated_program_is_marked_whole_and_named_in_the_title(tmp_path: Path) -> None:
    from agent.show import marks

    broken = LADDER_PROGRAM.replace("height**2", "hieght**2")
    chat = scripted(fenced(broken), fenced(LADDER_PROGRAM))
    solution = Agent(generator="llm", llm=chat, repair="regenerate", max_repairs=2).solve(LADDER)
    assert solution.answer == "5", solution.failure
    rounds = [r.strategy.value for r in solution.repairs]
    assert rounds and rounds[-1] == "regenerate", rounds
    assert marks(solution) == ([], solution.repairs[-1].round), "the whole program is new; no stale subtree paths"
    write_pictures(solution, tmp_path / "show")
    dot = (tmp_path / "show" / "program_tree.dot").read_text()
    assert f"regenerated whole in repair round {solution.repairs[-1].round}" in dot
    assert 'fillcolor="#ef476f"' not in dot and 'fillcolor="#95d5b2"' in dot


def test_program_tree_dot_is_a_tree_in_source_order() -> None:
    from agent.show import REPAIRED_COLOR, program_tree_dot

    dot = program_tree_dot('x = "a\\"b"\nanswer = x\n', highlight=[(1,)])
    nodes = [line for line in dot.splitlines() if "[label=" in line]
    edges = [line for line in dot.splitlines() if "->" in line]
    assert len(edges) == len(nodes) - 1, "a tree: one edge into every node but the root"
    assert "ordering=out" in dot, "children drawn left to right in source order"
    assert '\\"' in dot, "quotes in a string literal are escaped for dot"
    assert sum(f'fillcolor="{REPAIRED_COLOR}"' in line for line in nodes) >= 3, "the second statement's subtree is red"


def test_dot_renders_the_tree_when_graphviz_is_installed(tmp_path: Path) -> None:
    import shutil

    import pytest

    from agent.show import draw_program_tree

    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed (apt-get install graphviz); the matplotlib layout is used")
    out = draw_program_tree(LADDER_PROGRAM, [], tmp_path / "tree.png")
    assert out.read_bytes()[:8] == PNG and (tmp_path / "tree.dot").exists()
