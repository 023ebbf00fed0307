"""The grammar admits exactly one parse per sentence: by construction (LALR strict) and by proof
(Earley with ambiguity='explicit' over the terminal sequences the parser reads)."""

from __future__ import annotations

import pytest
from lark import Lark
from lark.exceptions import GrammarError

from tasks.ace.ambiguity import _codes, count_ambiguities, earley, sentence_terminals
from tasks.ace.lexicon import WordClass, forms_of, lexicon
from tasks.ace.parser import _NoLexer, grammar_text, lalr

CORPUS = [
    "The length of the ladder is 13 feet.", "The ladder's length is 13 feet.",
    "John has 5 apples.", "A car travels 120 miles.", "John gives 3 apples to Mary.",
    "A ladder leans against a wall.", "There are 12 marbles in a bag.",
    "The ladder reaches a height of 12 feet on the wall.",
    "A car travels at a speed of 60 miles per hour.", "A number X is unknown.", "3 * X + 5 = 20.",
    "Y = 2 * X.", "A train that travels at a speed of 80 kilometers per hour leaves a station.",
    "If John gives 3 apples to Mary then Mary has 8 apples.",
    "A box has a length of 3 meters and a width of 2 meters.",
    "What is the distance of the base of the ladder from the wall?",
    "How many apples does John have?", "Calculate the number X such that 3 * X + 5 = 20.",
    "The sum of the age of Sara and the age of Omar is 120 years.",
    "After 8 years the age of Sara is 3 times the age of Omar.",
    "Lucy and Leo pack the truck together.", "Lucy tosses a coin 12 times.",
    "What is the probability that Sara gets 2 heads?", "Carpet costs 28 dollars per square meter.",
    "Rosa puts all the pencils and all the erasers into equal packs.",
    "A first bus leaves a station every 40 minutes.", "How many divisors does the number 1780 have?",
    "Nina spends 20 percent of the money on rent.", "The age of Sara is X + 38 years.",
]


def test_lalr_grammar_is_conflict_free():
    parser = lalr()
    assert parser.options.strict and parser.options.parser == "lalr"


def test_strict_mode_would_reject_an_ambiguous_rule():
    ambiguous = grammar_text().replace("pps: pp_norel+", "pps: pp_norel+ | pp_norel pp_norel")
    with pytest.raises(GrammarError, match="conflict|collision"):
        Lark(ambiguous, parser="lalr", lexer=_NoLexer, strict=True)


@pytest.mark.parametrize("text", CORPUS)
def test_each_corpus_sentence_has_exactly_one_earley_parse(text):
    for sentence in sentence_terminals(text):
        assert count_ambiguities(sentence) == 0, f"{text!r}: {sentence}"


def test_earley_check_detects_ambiguity():
    # The same check on a grammar with a deliberately ambiguous rule must find `_ambig` nodes.
    rules = earley().source_grammar.replace("mods: mod+", "mods: mod+ | mod mod")
    parser = Lark(rules, parser="earley", lexer="basic", ambiguity="explicit", start="sentence")
    (sentence,) = sentence_terminals("John gives 3 apples to Mary on a table.")
    tree = parser.parse(" ".join(_codes()[t] for t in sentence))
    assert any(sub.data == "_ambig" for sub in tree.iter_subtrees())


def test_lexicon_is_broad():
    assert len(forms_of(WordClass.NOUN)) >= 1000, "hundreds of nouns, singular and plural"
    assert len(forms_of(WordClass.VERB)) >= 600, "hundreds of verbs, base and 3rd person"
    assert len(forms_of(WordClass.ADJ)) >= 100 and len(forms_of(WordClass.PREP)) >= 40


def test_no_lexicon_word_is_a_keyword():
    from tasks.ace.tokens import KEYWORDS, MULTI_KEYWORDS

    clash = set(lexicon()) & (set(KEYWORDS) | set(MULTI_KEYWORDS))
    assert not clash, f"keywords in the lexicon: {sorted(clash)}"


@pytest.mark.parametrize(("form", "lemma", "number"), [
    ("feet", "foot", "pl"), ("children", "child", "pl"), ("boxes", "box", "pl"),
    ("cherries", "cherry", "pl"), ("days", "day", "pl"), ("knives", "knife", "pl"),
    ("sheep", "sheep", "both"), ("metres", "meter", "pl"),
])
def test_noun_inflection(form, lemma, number):
    (entry,) = [e for e in lexicon()[form] if e.word_class == WordClass.NOUN]
    assert (entry.lemma, entry.number) == (lemma, number)


@pytest.mark.parametrize(("form", "lemma"), [
    ("has", "have"), ("goes", "go"), ("carries", "carry"), ("watches", "watch"), ("pays", "pay"),
])
def test_verb_inflection(form, lemma):
    (entry,) = [e for e in lexicon()[form] if e.word_class == WordClass.VERB]
    assert (entry.lemma, entry.number) == (lemma, "3sg")


def test_no_listed_noun_is_the_plural_of_another():
    nouns = {e.lemma for es in lexicon().values() for e in es if e.word_class == WordClass.NOUN}
    from tasks.ace.lexicon import pluralize

    plurals = {pluralize(n) for n in nouns} - nouns
    assert not (nouns & plurals), sorted(nouns & plurals)
    doubled = sorted(n for n in nouns if pluralize(n) != n and pluralize(n) in nouns)
    assert not doubled, f"nouns listed with their plural as another noun: {doubled}"


def test_units_of_measurement_versus_counted_things():
    from tasks.ace.lexicon import is_unit

    assert [is_unit(u) for u in ("foot", "meter^2", "mile/hour", "dollar/kilogram")] == [True] * 4
    assert [is_unit(u) for u in ("apple", "apple/day", "toy car")] == [False] * 3
