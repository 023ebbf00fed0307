"""The llm generator: code blocks into Trees, bounded retries, subtree infill by splicing."""

from __future__ import annotations

import pytest
from agent_fakes import LADDER_PROGRAM, fenced, scripted

from agent.llm_generator import LLMGenerator, LLMGeneratorError, extract_code
from graphmodel.trees import cut, parse_program, print_tree, subtree_at
from tasks.ace import parse_ace

ACE = "Calculate the number X such that 3 * X + 5 = 20."


@pytest.fixture(scope="module")
def graph():
    return parse_ace(ACE)


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        ("```python\nanswer = 1\n```", "answer = 1\n"),
        ("Sure!\n```py\nanswer = 2\n```\nDone.", "answer = 2\n"),
        ("```\nanswer = 3\n```", "answer = 3\n"),
        ("answer = 4", "answer = 4\n"),
        ("```python\nanswer = 5\n```\n```python\nanswer = 6\n```", "answer = 5\n"),
    ],
)
def test_extract_code_takes_the_first_block(reply: str, code: str) -> None:
    assert extract_code(reply) == code


def test_generate_parses_the_reply_into_the_shared_tree(graph) -> None:
    [candidate] = LLMGenerator(scripted(fenced(LADDER_PROGRAM))).generate(graph, k=1)
    assert candidate.tree == parse_program(LADDER_PROGRAM)
    assert candidate.source == LADDER_PROGRAM


def test_the_prompt_carries_the_ace_and_its_numbers(graph) -> None:
    from agent.llm_generator import _problem_text

    text = _problem_text(graph)
    assert ACE in text and "3" in text and "20" in text


def test_an_unparsable_reply_is_sent_back_and_retried(graph) -> None:
    llm = scripted("```python\nanswer = (\n```", fenced("answer = 5\n"))
    [candidate] = LLMGenerator(llm, max_retries=1).generate(graph)
    assert candidate.source == "answer = 5\n"


def test_a_program_without_answer_is_not_a_candidate(graph) -> None:
    with pytest.raises(LLMGeneratorError, match="does not bind `answer`"):
        LLMGenerator(scripted(fenced("x = 5\n")), max_retries=1).generate(graph)


def test_k_distinct_candidates_ranked_by_order(graph) -> None:
    llm = scripted(fenced("answer = 5\n"), fenced("answer = 5\n"), fenced("answer = 15 / 3\n"))
    candidates = LLMGenerator(llm).generate(graph, k=3)
    assert [c.source for c in candidates] == ["answer = 5\n", "answer = 15 / 3\n"]
    assert [c.score for c in candidates] == [0.0, -1.0]


def test_infill_replaces_only_the_hole(graph) -> None:
    program = "a = 3\nb = 5\nc = 20\nanswer = (c + b) / a\n"
    tree = parse_program(program)
    hole = (3, 0, 1, 0)  # the parenthesized `(c + b)`
    assert print_tree(subtree_at(tree, hole)).strip() == "(c + b)"
    [candidate] = LLMGenerator(scripted(fenced("(c - b)"))).infill(graph, cut(tree, hole), hole, k=1)
    assert candidate.source == "a = 3\nb = 5\nc = 20\nanswer = (c - b) / a\n"
    for i in range(3):
        assert candidate.tree.children[i] == tree.children[i], "the rest of the tree is unchanged"


def test_infill_of_a_statement_keeps_the_indentation(graph) -> None:
    program = "total = 0\nfor i in range(3):\n    total += i\nanswer = total\n"
    tree = parse_program(program)
    hole = (1, 2, 0)  # the loop body's statement
    [candidate] = LLMGenerator(scripted(fenced("total += i * 2"))).infill(graph, tree, hole, k=1)
    assert candidate.source == "total = 0\nfor i in range(3):\n    total += i * 2\nanswer = total\n"

