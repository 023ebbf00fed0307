"""Proof of single parses: the fragment's grammar run by Earley with ambiguity='explicit'.

The production parser is LALR(1) (strict: no conflicts, so it can only find one tree). This
module checks the same claim independently: the grammar, run by a general parser that keeps every
derivation, is asked for all parses of a sentence's terminal sequence (the readings the contextual
lexer chose) and must find exactly one. Lark marks alternatives with `_ambig` nodes.
"""

from __future__ import annotations

import re
from functools import cache

from lark import Lark, Tree

from tasks.ace.parser import SENTENCE_ENDS, grammar_text, parse_words


@cache
def _codes() -> dict[str, str]:
    names: list[str] = []
    for line in grammar_text().splitlines():
        if line.startswith("%declare"):
            names += line.split()[1:]
    return {name: f"t{i:03d}" for i, name in enumerate(names)}


@cache
def earley() -> Lark:
    """The fragment's grammar as an Earley parser over coded terminal names."""
    rules = re.sub(r"^%declare.*$", "", grammar_text(), flags=re.M)
    terminals = "\n".join(f'{name}: "{code}"' for name, code in _codes().items())
    return Lark(rules + "\n" + terminals + "\n%ignore \" \"\n", parser="earley",
                lexer="basic", ambiguity="explicit", start="sentence", maybe_placeholders=True)


def sentence_terminals(text: str) -> list[tuple[str, ...]]:
    """Each sentence of `text` as the terminal sequence the production parser read."""
    _tree, words = parse_words(text)
    sentences: list[tuple[str, ...]] = []
    current: list[str] = []
    for word in words:
        current.append(word.type)
        if word.type in SENTENCE_ENDS:
            sentences.append(tuple(current))
            current = []
    return sentences


def count_ambiguities(terminals: tuple[str, ...]) -> int:
    """How many `_ambig` nodes Earley finds for one sentence (0: exactly one parse)."""
    codes = _codes()
    tree = earley().parse(" ".join(codes[t] for t in terminals))
    return sum(1 for sub in tree.iter_subtrees() if isinstance(sub, Tree) and sub.data == "_ambig")
