"""Parsed ACE -> ACE text in canonical spelling: the normal form of what a person wrote.

Numbers become digits (`twenty-five` -> `25`), sentences start with a capital, spacing is
canonical; everything else is kept. Parsing the normal form gives the same graph (a property
test checks this over text generated from the grammar).
"""

from __future__ import annotations

from tasks.ace.parser import parse_words
from tasks.ace.tokens import Word

_NO_SPACE_BEFORE = frozenset({".", "?", ",", "'s"})
_SENTENCE_ENDS = frozenset({".", "?"})


def word_text(word: Word) -> str:
    """A word's canonical spelling: numbers as digits, keywords lowercase, the rest as written."""
    if word.type in ("NUMBER", "NUMAPP"):
        return word.lemma
    if word.type in ("PROPER", "VARIABLE") or ":" in word:
        return str(word)
    if word.type == "_POSS":
        return "'s"
    return str(word).lower()


def render_words(words: list[str], keep_case: frozenset[int] = frozenset()) -> str:
    """Join words with ACE spacing and capitalize each sentence's first word (except the
    positions in `keep_case`: a capital would turn a bare noun into a name)."""
    out: list[str] = []
    start = True
    for i, word in enumerate(words):
        text = word[:1].upper() + word[1:] if start and i not in keep_case else word
        out.append(text if not out or word in _NO_SPACE_BEFORE else " " + text)
        start = word in _SENTENCE_ENDS
    return "".join(out)


def normalize(text: str) -> str:
    """The canonical spelling of an ACE text; raises AceError like parse_ace."""
    _tree, words = parse_words(text)
    bare = frozenset(i for i, w in enumerate(words) if w.type in ("NOUN", "ADJ"))
    return render_words([word_text(w) for w in words], keep_case=bare)
