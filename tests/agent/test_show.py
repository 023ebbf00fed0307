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
    assert [p.name for p in written] == ["semantic_graph.png", "program_tree.png"]
    for path in written:
        data = path.read_bytes()
        assert data[:8] == PNG and len(data) > 5_000, f"{path} is not a drawn PNG"
