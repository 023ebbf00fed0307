"""Tokenizer: ACE text -> words with their possible terminals (word classes or keywords).

A word may have several readings (`costs` is a plural noun and a verb); the parser picks the one
its current state accepts. Multiword units are merged here: number words (`one hundred twenty`),
`square`/`cubic` units (`square meters` -> `meter^2`), and negative numerals after an operator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token

from tasks.ace.errors import AceError
from tasks.ace.lexicon import MASS_NOUNS, UNIT_POWERS, WordClass, is_unit, lexicon, singularize
from tasks.ace.numbers import DIGITS, digits_value, is_number_word, words_value

KEYWORDS = {
    "a": "DET", "an": "DET", "the": "DET", "every": "DET", "no": "DET", "each": "DET",
    "both": "DET", "all": "DET",
    "is": "COP", "are": "COP", "do": "DO", "does": "DO",
    "of": "_OF", "that": "_THAT", "if": "_IF", "then": "_THEN",
    "there": "_THERE", "what": "_WHAT", "how": "_HOW", "many": "_MANY", "much": "_MUCH",
    "calculate": "_CALCULATE", "such": "_SUCH", "per": "_PER",
}
SYMBOLS = {
    "=": "RELOP", "<": "RELOP", ">": "RELOP", "<=": "RELOP", ">=": "RELOP",
    "+": "_PLUS", "-": "_MINUS", "*": "_STAR", "/": "_SLASH", "^": "_CARET",
    "(": "_LPAR", ")": "_RPAR", ".": "_DOT", "?": "_QMARK", ",": "_COMMA",
}
# Words with two keyword readings, in preference order (docs/ace.md, "Interpretation rules"):
# `and` joins of-arguments first, then objects and clauses, then objects of a preposition.
MULTI_KEYWORDS: dict[str, tuple[str, ...]] = {"and": ("_ANDOF", "_AND", "_ANDNP")}
# Readings a content word may also have, after its lexicon readings.
EXTRA_READINGS = {"times": "_TIMES"}
# Preference among a word's lexicon readings (`second pipe`: adjective before compound noun).
CLASS_ORDER = ("ADJ", "NOUN", "VERB", "ADV", "PREP")
# Predeterminers merged with the article that follows (`all the pencils` is one determiner).
PREDETERMINERS = {"all", "both"}
PREFIXES = {"n": WordClass.NOUN, "v": WordClass.VERB, "a": WordClass.ADJ, "p": "PROPER"}
VARIABLE_RE = re.compile(r"[B-Z][0-9]*")  # `A` is always the article
# Personal and possessive pronouns are outside the fragment (docs/ace.md, section 6): without this
# list a capitalized `It` or `She` would be read as a proper name, silently a new referent.
PRONOUNS = frozenset({
    "it", "its", "itself", "he", "him", "his", "himself", "she", "her", "hers", "herself",
    "they", "them", "their", "theirs", "themselves", "we", "us", "our", "ours", "you", "your",
    "yours", "me", "my", "mine"})

_SCAN = re.compile(
    r"(?P<ws>\s+)"
    rf"|(?P<num>(?:{DIGITS.pattern})(?![A-Za-z0-9]))"
    r"|(?P<var>[A-Z][0-9]+(?![A-Za-z0-9]))"
    r"|(?P<word>(?:[nvap]:)?[A-Za-z]+(?:-[A-Za-z]+)*)"
    r"|(?P<poss>['\u2019]s(?![A-Za-z]))"
    r"|(?P<sym><=|>=|[=<>+\-*/^(),.?])"
)
_OPERANDS = {"NUMBER", "VARIABLE", "_RPAR"}

Reading = tuple[str, str]  # (lemma, grammatical number or verb form)


class Word(Token):
    """A lark Token with the word's readings: terminal name -> (lemma, number/form)."""

    __slots__ = ("readings", "lemma", "number")

    def choose(self, terminal: str) -> Word:
        """Fix the reading the parser picked, so semantics see one lemma."""
        self.type = terminal
        self.lemma, self.number = self.readings[terminal]
        return self


def make_word(readings: dict[str, Reading], text: str, pos: int, line: int, col: int) -> Word:
    """A Word whose type is its first reading until the parser chooses."""
    first = next(iter(readings), "UNKNOWN")
    word = Word(first, text, pos, line, col, line, col + len(text), pos + len(text))
    word.readings = readings
    word.lemma, word.number = readings.get(first, (text, ""))
    return word


def make_number(value: str, text: str, pos: int, line: int, col: int) -> Word:
    """A numeral: an amount, or (second reading) an apposition as in `the number 1780`."""
    return make_word({"NUMBER": (value, ""), "NUMAPP": (value, "")}, text, pos, line, col)


@dataclass(slots=True)
class _Piece:
    kind: str
    text: str
    pos: int
    line: int
    col: int


def _scan(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    line, line_start, pos = 1, 0, 0
    while pos < len(text):
        m = _SCAN.match(text, pos)
        if m is None:
            raise AceError(line, pos - line_start + 1, text[pos], ["a word, a number or punctuation"],
                           "character outside ACE")
        kind = m.lastgroup or ""
        if kind == "ws":
            for i, ch in enumerate(m.group(), start=pos):
                if ch == "\n":
                    line, line_start = line + 1, i + 1
        else:
            pieces.append(_Piece(kind, m.group(), pos, line, pos - line_start + 1))
        pos = m.end()
    return pieces


def _prefixed(text: str) -> dict[str, Reading]:
    prefix, word = text.split(":", 1)
    word_class = PREFIXES[prefix]
    if word_class == "PROPER":
        return {"PROPER": (word, "sg")}
    if word_class == WordClass.NOUN:
        lemma = singularize(word.lower())
        return {"NOUN": (lemma, "sg" if lemma == word.lower() else "pl")}
    if word_class == WordClass.VERB:
        lemma = singularize(word.lower())
        return {"VERB": (lemma, "base" if lemma == word.lower() else "3sg")}
    return {"ADJ": (word.lower(), "")}


def _readings(text: str, initial: bool) -> dict[str, Reading]:
    """Every terminal this word could be; empty for a word outside the lexicon."""
    if ":" in text:
        return _prefixed(text)
    lower = text.lower()
    if lower in MULTI_KEYWORDS:
        return {t: (lower, "") for t in MULTI_KEYWORDS[lower]}
    if lower in KEYWORDS:
        return {KEYWORDS[lower]: ("a" if lower == "an" else lower, "")}
    if lower in PRONOUNS:
        return {}
    if VARIABLE_RE.fullmatch(text):
        return {"VARIABLE": (text, "")}
    if text[0].isupper() and not initial:
        return {"PROPER": (text, "sg")}
    entries = lexicon().get(lower, ()) if (text[0].isupper() or text.islower()) else ()
    found = {e.word_class.value: (e.lemma, e.number) for e in entries}
    readings = {c: found[c] for c in CLASS_ORDER if c in found}
    if lower in EXTRA_READINGS:
        readings[EXTRA_READINGS[lower]] = (lower, "")
    if text[0].isupper() and len(text) > 1:
        # A capitalized first word is a name, unless it is a mass noun or a plural
        # (`Carpet costs ...`, `Apples cost ...`), which may stand without a determiner.
        noun = readings.get("NOUN")
        if noun is not None and (noun[1] == "pl" or noun[0] in MASS_NOUNS):
            readings["PROPER"] = (text, "sg")
        else:
            readings = {"PROPER": (text, "sg"), **readings}
    return readings


def tokenize(text: str) -> list[Word]:
    """Split ACE text into Words with their readings; a character outside ACE raises AceError."""
    pieces = _scan(text)
    words: list[Word] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        initial = not words or words[-1].type in ("_DOT", "_QMARK")
        if p.kind == "word" and is_number_word(p.text.lower()):
            j = i
            while j < len(pieces) and pieces[j].kind == "word" and is_number_word(pieces[j].text.lower()):
                j += 1
            run = pieces[i:j]
            value = words_value([q.text.lower() for q in run])
            surface = text[p.pos:run[-1].pos + len(run[-1].text)]
            if value is None:
                raise AceError(p.line, p.col, surface, ["a number like 'twenty-five'"], "malformed number")
            words.append(make_number(str(value), surface, p.pos, p.line, p.col))
            i = j
            continue
        if p.kind == "word" and p.text.lower() in UNIT_POWERS and i + 1 < len(pieces):
            unit = _unit_reading(pieces[i + 1].text)
            if unit is not None:
                nxt = pieces[i + 1]
                surface = text[p.pos:nxt.pos + len(nxt.text)]
                lemma = f"{unit[0]}^{UNIT_POWERS[p.text.lower()]}"
                words.append(make_word({"NOUN": (lemma, unit[1])}, surface, p.pos, p.line, p.col))
                i += 2
                continue
        if (p.kind == "word" and p.text.lower() in PREDETERMINERS and i + 1 < len(pieces)
                and pieces[i + 1].text.lower() == "the"):
            nxt = pieces[i + 1]
            surface = text[p.pos:nxt.pos + len(nxt.text)]
            words.append(make_word({"DET": (p.text.lower(), "")}, surface, p.pos, p.line, p.col))
            i += 2
            continue
        words.append(_piece_word(p, initial, words))
        i += 1
    return words


def _unit_reading(text: str) -> Reading | None:
    for entry in lexicon().get(text.lower(), ()):
        if entry.word_class == WordClass.NOUN and is_unit(entry.lemma):
            return entry.lemma, entry.number
    return None


def _piece_word(p: _Piece, initial: bool, words: list[Word]) -> Word:
    if p.kind == "num":
        return make_number(digits_value(p.text), p.text, p.pos, p.line, p.col)
    if p.kind == "var":
        return make_word({"VARIABLE": (p.text, "")}, p.text, p.pos, p.line, p.col)
    if p.kind == "poss":
        return make_word({"_POSS": ("'s", "")}, p.text, p.pos, p.line, p.col)
    if p.kind == "sym":
        return make_word({SYMBOLS[p.text]: (p.text, "")}, p.text, p.pos, p.line, p.col)
    return make_word(_readings(p.text, initial), p.text, p.pos, p.line, p.col)


def merge_negative_numbers(words: list[Word]) -> list[Word]:
    """`3 * -2`: a minus right before a numeral, after no operand, is the numeral's sign."""
    out: list[Word] = []
    for w in words:
        prev = out[-1] if out else None
        if (w.type == "NUMBER" and prev is not None and prev.type == "_MINUS"
                and prev.end_pos == w.start_pos and w.value[0].isdigit()
                and (len(out) < 2 or out[-2].type not in _OPERANDS)):
            out.pop()
            merged = make_number("-" + w.lemma, "-" + w.value, prev.start_pos, prev.line,
                                 prev.column)
            out.append(merged)
            continue
        out.append(w)
    return out
