"""Property tests: ACE generated from the grammar parses and renders back to the same graph;
junk and damaged ACE raise AceError and nothing else."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark

from tasks.ace import AceError, normal_form, parse_ace, same_meaning
from tasks.ace.lexicon import WordClass, lexicon
from tasks.ace.parser import TERMINAL_NAMES, _NoLexer, grammar_text
from tasks.ace.render import normalize

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@cache
def sentence_grammar() -> Lark:
    return Lark(grammar_text(), parser="lalr", lexer=_NoLexer, start="sentence")


def unambiguous(word_class: WordClass, limit: int = 60) -> list[str]:
    """Words with exactly one reading, so the test exercises the grammar, not preferences."""
    words = sorted(form for form, entries in lexicon().items()
                   if len(entries) == 1 and entries[0].word_class == word_class
                   and form not in ("square", "cubic", "times"))
    return words[:: max(1, len(words) // limit)]


def word(options: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(options).map(lambda w: w + " ")


def terminal_strategies() -> dict[str, st.SearchStrategy[str]]:
    numbers = st.integers(min_value=0, max_value=999).map(lambda n: f"{n} ")
    explicit = {
        "DET": word(["a", "an", "the", "every", "no", "each"]), "COP": word(["is", "are"]),
        "DO": word(["do", "does"]), "RELOP": word(["=", "<", ">", "<=", ">="]),
        "NOUN": word(unambiguous(WordClass.NOUN)), "VERB": word(unambiguous(WordClass.VERB)),
        "ADJ": word(unambiguous(WordClass.ADJ)), "ADV": word(unambiguous(WordClass.ADV)),
        "PREP": word(unambiguous(WordClass.PREP)), "PROPER": word(["John", "Mary", "Sara"]),
        "VARIABLE": word(["X", "Y", "Z1"]), "NUMBER": numbers, "NUMAPP": numbers,
        "_POSS": word(["'s"]), "_ANDOF": word(["and"]),
    }
    for name, text in TERMINAL_NAMES.items():
        if name.startswith("_") and name not in explicit and text.count("'") == 2:
            explicit[name] = word([text.strip("'")])
    return explicit


@SETTINGS
@given(text=from_lark(sentence_grammar(), start="sentence", explicit=terminal_strategies()))
def test_generated_ace_parses_and_renders_back(text):
    graph = parse_ace(text)
    again = normalize(text)
    assert same_meaning(parse_ace(again), graph), f"{text!r} -> {again!r}"
    assert normalize(again) == again, "the normal form is a fixed point"


@SETTINGS
@given(text=st.text(max_size=80))
def test_junk_raises_only_ace_error(text):
    try:
        parse_ace(text)
    except AceError as err:
        assert err.line >= 1 and err.column >= 1 and "\n" not in str(err)


WORDS = ["the", "a", "ladder", "wall", "is", "are", "of", "and", "'s", "13", "feet", "X", "=", "+", "(", ")", ".", "?", "that", "if", "then", "what", "how", "many", "does", "have", "calculate", "such", "there", "John", "leans", "against", "every", "3/8", "-2", "times", "per"]


@SETTINGS
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=20))
def test_word_salad_raises_only_ace_error(words):
    try:
        parse_ace(" ".join(words))
    except AceError as err:
        assert err.expected or err.reason in ("empty text", "unknown word")


@settings(SETTINGS, max_examples=50)  # generating from the grammar is the slow part
@given(text=from_lark(sentence_grammar(), start="sentence", explicit=terminal_strategies()))
def test_normal_form_is_a_fixed_point_and_keeps_the_numbers(text):
    from fractions import Fraction

    from tasks.ace.canonical import canonical_string

    graph = parse_ace(text)
    normal = normal_form(graph)
    assert canonical_string(normal_form(normal)) == canonical_string(normal), \
        f"{text!r}: normalizing twice changes the graph"

    def amounts(g):
        return sorted((n.kind.value, Fraction(n.value)) for n in g.nodes
                      if n.value is not None and n.kind.value in ("number", "quantity"))

    kept, before = amounts(normal), amounts(graph)
    for item in kept:  # nothing new; only coefficients 1 may go
        before.remove(item)
    assert all(v == 1 for _, v in before), f"{text!r}: the normal form lost {before}"
