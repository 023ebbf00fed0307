"""ACE text -> parse tree: an LALR(1) parser (Lark, strict mode) fed by a contextual lexer.

Lark is built without its own lexer: tokens.py proposes every reading of a word and this module
feeds the one that the current parser state accepts, so `costs` is a verb after a subject and a
noun after a number. Errors become AceError with the position, the word and what would fit.
"""

from __future__ import annotations

from copy import copy
from functools import cache
from importlib.resources import files

from lark import Lark, Tree
from lark.exceptions import UnexpectedToken
from lark.lexer import Lexer

from tasks.ace.errors import AceError
from tasks.ace.tokens import PRONOUNS, Word, merge_negative_numbers, tokenize

# What each terminal is called in error messages.
TERMINAL_NAMES = {
    "DET": "a determiner (a, the, every, each, no, ...)", "COP": "'is' or 'are'", "DO": "'do' or 'does'",
    "RELOP": "'=' (or <, >, <=, >=)", "NOUN": "a noun", "VERB": "a verb", "ADJ": "an adjective",
    "PREP": "a preposition", "PROPER": "a proper name", "VARIABLE": "a variable like X",
    "NUMBER": "a number", "_OF": "'of'", "_POSS": "possessive 's", "_THAT": "'that'", "_AND": "'and'",
    "_IF": "'if'", "_THEN": "'then'", "_THERE": "'there'", "_WHAT": "'what'", "_HOW": "'how'",
    "_MANY": "'many'", "_MUCH": "'much'", "_CALCULATE": "'calculate'", "_SUCH": "'such'",
    "_PER": "'per'", "_PLUS": "'+'", "_MINUS": "'-'", "_STAR": "'*'", "_SLASH": "'/'",
    "_CARET": "'^'", "_LPAR": "'('", "_RPAR": "')'", "_DOT": "'.'", "_QMARK": "'?'",
    "_ANDOF": "'and'", "_ANDNP": "'and'", "_TIMES": "'times'", "ADV": "an adverb", "NUMAPP": "a number",
    "_COMMA": "','", "$END": "the end of the text",
}

WORD_CLASS_NAMES = {"NOUN": "noun", "VERB": "verb", "ADJ": "adjective", "ADV": "adverb",
                    "PREP": "preposition",
                    "PROPER": "proper name", "VARIABLE": "variable", "NUMBER": "number"}


class _NoLexer(Lexer):
    """Placeholder: tokens come from tokens.py, never from Lark's lexer."""

    def __init__(self, conf: object) -> None:
        pass

    def lex(self, data: object):  # pragma: no cover - never called
        raise NotImplementedError


def grammar_text() -> str:
    """The fragment's grammar (tasks/ace/grammar.lark)."""
    return files("tasks.ace").joinpath("grammar.lark").read_text(encoding="utf-8")


@cache
def lalr() -> Lark:
    """The production parser; strict mode proves the grammar has no LALR conflicts."""
    return Lark(grammar_text(), parser="lalr", lexer=_NoLexer, strict=True,
                maybe_placeholders=True)


FORMULA_SYMBOLS = frozenset({"RELOP", "_PLUS", "_MINUS", "_STAR", "_SLASH", "_CARET", "_LPAR",
                             "_RPAR"})


def describe(terminals: set[str], word: str = "") -> list[str]:
    """Human names of terminals, in a stable order. Where the offending token is a word, formula
    symbols are left out (they are rarely what a writer meant), unless nothing else fits."""
    if word[:1].isalpha() and terminals - FORMULA_SYMBOLS:
        terminals = terminals - FORMULA_SYMBOLS
    names = [TERMINAL_NAMES.get(t, t) for t in terminals if t in TERMINAL_NAMES]
    return sorted(set(names))


SENTENCE_ENDS = frozenset({"_DOT", "_QMARK"})


def parse_tree(text: str, choices: list[tuple[Word, list[str]]] | None = None) -> Tree:
    """Parse ACE text into a Lark tree whose leaves are `Word`s with their chosen reading.

    A word with several readings that fit the parser state gets the first (in the preference
    order of tokens.py) with which its sentence parses to the end. If `choices` is a list, every
    such word is appended with all the readings that would have parsed, for diagnostics.
    """
    return parse_words(text, choices)[0]


def parse_words(text: str, choices: list | None = None) -> tuple[Tree, list[Word]]:
    """The parse tree and every word of the text, each with the reading the parse chose."""
    words = merge_negative_numbers(tokenize(text))
    if not words:
        raise AceError(1, 1, "", ["a sentence"], "empty text")
    ip = lalr().parse_interactive("")
    memo: dict = {}
    for i, word in enumerate(words):
        terminal = _choose(ip, words, i, choices, memo)
        try:
            ip.feed_token(word.choose(terminal))
        except UnexpectedToken as err:
            raise _unexpected(ip, word, err) from None
    last = words[-1]
    before_end = ip.copy(deepcopy_values=False)  # only read if the end is unexpected
    try:
        return ip.feed_eof(last), words
    except UnexpectedToken:
        expected = describe(_accepts(before_end) - {"$END"})
        raise AceError(last.end_line or last.line, last.end_column or last.column, "", expected,
                       "unfinished sentence") from None


def _fitting(ip, word: Word) -> list[str]:
    accepted = ip.parser_state.parse_conf.parse_table.states[ip.parser_state.position]
    return [t for t in word.readings if t in accepted]


def _choose(ip, words: list[Word], i: int, choices: list | None, memo: dict) -> str:
    """The reading of words[i] to feed; AceError for a word outside the lexicon.

    `memo` remembers how far each (word, reading, parser stack) got, so a sentence with many
    two-way words (`and`, numbers) costs time linear in their number, not exponential.
    """
    word = words[i]
    readings = list(word.readings)
    if not readings:
        expected = describe(_accepts(ip), str(word))
        if str(word).lower() in PRONOUNS:
            raise AceError(word.line, word.column, str(word), expected, "pronoun",
                           "the fragment has no pronouns: name the referent again, "
                           "e.g. 'the ladder' or 'John'")
        raise AceError(word.line, word.column, str(word), expected, "unknown word",
                       f"not in ladder's lexicon; declare it as n:{word}, v:{word}, a:{word} or "
                       f"p:{word.capitalize()}")
    if len(readings) == 1:
        return readings[0]
    fits = _fitting(ip, word)
    if len(fits) <= 1:
        return fits[0] if fits else readings[0]  # no fit: feeding it raises the usual error
    progress = {}
    for t in fits:
        key = (i, t, tuple(ip.parser_state.state_stack))
        if key not in memo:
            memo[key] = _progress(ip, words, i, t, memo)
        progress[t] = memo[key]
        if progress[t] == COMPLETE and choices is None:
            return t
    if choices is not None:
        choices.append((word, [t for t in fits if progress[t] == COMPLETE]))
    # The first complete reading; else the one that got furthest, so the error is reported
    # where the sentence really leaves the fragment.
    return max(fits, key=lambda t: (progress[t], -fits.index(t)))


COMPLETE = 1 << 30  # progress of a reading with which the sentence parses to its end


def _progress(ip, words: list[Word], i: int, terminal: str, memo: dict) -> int:
    """How far the sentence parses when words[i] is read as `terminal` (COMPLETE: to its end)."""
    trial = ip.copy(deepcopy_values=False)
    trial.parser_state.parse_conf = copy(trial.parser_state.parse_conf)
    trial.parser_state.parse_conf.callbacks = {}  # no trees while trying
    j = i
    try:
        trial.feed_token(words[i].choose(terminal))
        if terminal in SENTENCE_ENDS:
            return COMPLETE
        for j in range(i + 1, len(words)):
            t = _choose(trial, words, j, None, memo)
            trial.feed_token(words[j].choose(t))
            if t in SENTENCE_ENDS:
                return COMPLETE
        j = len(words)
        trial.feed_eof(words[-1])
    except (UnexpectedToken, AceError):
        return j
    return COMPLETE


def _accepts(ip) -> set[str]:
    try:
        return ip.accepts()
    except Exception:  # noqa: BLE001 - only used to phrase a message
        return set(ip.choices())


def _unexpected(ip, word: Word, err: UnexpectedToken) -> AceError:
    expected = describe(_accepts(ip), str(word)) or describe(err.expected)
    content = [WORD_CLASS_NAMES[t] for t in word.readings if t in WORD_CLASS_NAMES]
    reason = f"unexpected {' or '.join(content)}" if content else "unexpected word"
    return AceError(word.line, word.column, str(word), expected, reason)
