"""The `llm` generator: any LangChain chat model writes the program, tree-sitter makes it a Tree.

It speaks the same protocol as the graph and seq generators (`generate`, `infill`), so the
agent's repair loop is the same for all three: a failing subtree is cut out, the model is
shown the program with `<hole>` in its place and asked for only what goes there. Every
reply is parsed into the generator's Tree; a reply that does not parse, or does not bind
`answer`, is sent back with the error for a bounded number of retries.
"""

from __future__ import annotations

import re
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from agent.chat import ask
from graphmodel.generation import Candidate, GeneratorError
from graphmodel.trees import (
    HOLE,
    Path,
    Tree,
    TreeError,
    cut,
    find_hole,
    iter_paths,
    parse_program,
    print_tree,
    subtree_at,
)

DIALECT = """You write short Python 3 programs that compute the exact answer to a math word problem.
Rules:
- The program is self-contained and binds the module-level name `answer`.
- Exact arithmetic only, never a float: import what you need from sympy explicitly
  (e.g. `from sympy import Rational, sqrt, pi`); write the division of integers as
  `Rational(a, b)` and decimals as `Rational('2.5')`.
- Straight-line code: one assignment per quantity of the problem (snake_case names taken
  from the problem), then the steps, then `answer = ...`. `if`, `for ... in range(...)`
  and sympy `symbols`/`Eq`/`solve` are allowed; no input(), no files, no printing needed.
Reply with the program in one ```python code block and nothing else."""

INFILL = """The program below solves the problem but one part of it failed and was cut out;
`<hole>` marks where it was. Reply with only the code that replaces `<hole>` (a single
{what}), in one ```python code block, keeping every other line as it is."""

_CODE_BLOCK = re.compile(r"```[ \t]*(?:python3?|py)?[ \t]*\n(.*?)```", re.DOTALL | re.IGNORECASE)


class LLMGeneratorError(GeneratorError):
    """The chat model gave no usable program within the allowed retries."""


def extract_code(reply: str) -> str:
    """The first fenced code block of a reply, or the whole reply when it has none."""
    match = _CODE_BLOCK.search(reply)
    code = match.group(1) if match else reply
    return code.strip("\n") + "\n"


def _binds_answer(tree: Tree) -> bool:
    for _, node in iter_paths(tree):
        if node.type in ("assignment", "augmented_assignment"):
            left = next((c for c in node.children if c.field == "left"), None)
            if left is not None and any(n.text == "answer" for _, n in iter_paths(left)):
                return True
    return False


def _problem_text(graph: Any) -> str:
    """The problem as the model sees it: the ACE text and the numbers it states."""
    numbers = [
        f"{node.value}{' ' + node.unit if node.unit else ''}"
        for node in graph.nodes
        if str(getattr(node.kind, "value", node.kind)) in ("number", "quantity") and node.value
    ]
    facts = f"\nNumbers stated: {', '.join(numbers)}." if numbers else ""
    return f"Problem (Attempto Controlled English):\n{graph.text}{facts}"



class LLMGenerator:
    """A Generator backed by a LangChain chat model (agent.chat.make_chat_model, a fake in tests)."""

    name = "llm"

    def __init__(self, llm: BaseChatModel, max_retries: int = 2) -> None:
        self.llm = llm
        self.max_retries = max_retries  # re-asks after a reply that does not parse

    def generate(self, graph: Any, k: int = 1) -> list[Candidate]:
        """Up to k distinct programs, in the order the model gave them (score: -rank)."""
        messages: list[BaseMessage] = [SystemMessage(DIALECT), HumanMessage(_problem_text(graph))]
        return self._sample(messages, k, self._whole_program)

    def infill(self, graph: Any, tree: Tree, hole: Path, k: int = 1) -> list[Candidate]:
        """Programs equal to `tree` except at `hole`, where the model's replacement goes."""
        holed = _with_hole(tree, hole)
        template = print_tree(holed)
        parent = subtree_at(holed, tuple(hole)[:-1])
        what = "statement" if parent.type in ("module", "block") else "expression"
        prompt = (
            f"{_problem_text(graph)}\n\n{INFILL.format(what=what)}\n\n```python\n{template}```"
        )
        messages: list[BaseMessage] = [SystemMessage(DIALECT), HumanMessage(prompt)]
        return self._sample(messages, k, lambda reply: self._splice(template, reply))

    def _sample(self, messages: list[BaseMessage], k: int, build: Any) -> list[Candidate]:
        found: list[Candidate] = []
        errors: list[str] = []
        for _ in range(k):
            candidate = self._ask(list(messages), build, errors)
            if candidate is not None and all(c.source != candidate.source for c in found):
                found.append(candidate.model_copy(update={"score": -float(len(found))}))
        if not found:
            raise LLMGeneratorError(f"no usable program from the chat model: {'; '.join(errors[-3:])}")
        return found

    def _ask(self, messages: list[BaseMessage], build: Any, errors: list[str]) -> Candidate | None:
        for _ in range(1 + self.max_retries):
            reply = ask(self.llm, messages)
            try:
                return build(reply)
            except (TreeError, ValueError) as err:
                errors.append(str(err))
                messages += [AIMessage(reply), HumanMessage(f"That reply was not usable: {err}. Try again.")]
        return None

    @staticmethod
    def _whole_program(reply: str) -> Candidate:
        source = extract_code(reply)
        tree = parse_program(source)
        if not _binds_answer(tree):
            raise ValueError("the program does not bind `answer`")
        return Candidate(tree=tree, source=source, score=0.0)

    @staticmethod
    def _splice(template: str, reply: str) -> Candidate:
        code = extract_code(reply).strip()
        if not code:
            raise ValueError("the reply is empty")
        at = template.index(HOLE)
        line_start = template.rfind("\n", 0, at) + 1
        indent = template[line_start:at] if not template[line_start:at].strip() else ""
        code = ("\n" + indent).join(code.splitlines())
        source = template[:at] + code + template[at + len(HOLE):]
        tree = parse_program(source)
        if not _binds_answer(tree):
            raise ValueError("the program does not bind `answer`")
        return Candidate(tree=tree, source=source, score=0.0)


def _with_hole(tree: Tree, hole: Path) -> Tree:
    """The tree with a HOLE at `hole` (the agent passes it already cut; cut it if not)."""
    if find_hole(tree) is not None:
        return tree
    return cut(tree, hole)

