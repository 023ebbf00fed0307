"""Agreement checks the parser does not enforce: `a`/`an`, and a numeral with its noun.

The grammar reads `a apple` and `1 apples` like their correct forms (the graph uses lemmas), so
generators and rewriters can slip. `agreement_issues(text)` lists such slips with positions;
it never rejects text.
"""

from __future__ import annotations

from pydantic import BaseModel

from tasks.ace.lexicon import MASS_NOUNS, pluralize
from tasks.ace.parser import parse_words
from tasks.ace.tokens import Word

# Words whose spelling and first sound disagree (`an hour`, `a unit`).
VOWEL_SOUND_CONSONANT = ("hour", "honest", "honor", "heir")
CONSONANT_SOUND_VOWEL = ("unit", "uni", "use", "euro", "one", "once", "ewe", "user", "usual")


class AgreementIssue(BaseModel):
    """One slip: where, which word, and the correct form."""

    line: int
    column: int
    word: str
    message: str


def _wants_an(word: str) -> bool:
    w = word.lower()
    if w.startswith(VOWEL_SOUND_CONSONANT):
        return True
    if w.startswith(CONSONANT_SOUND_VOWEL):
        return False
    return w[:1] in "aeiou"


def _issue(word: Word, message: str) -> AgreementIssue:
    return AgreementIssue(line=word.line, column=word.column, word=str(word), message=message)


def agreement_issues(text: str) -> list[AgreementIssue]:
    """Article and numeral agreement slips in an ACE text (AceError if it is not ACE)."""
    _tree, words = parse_words(text)
    issues: list[AgreementIssue] = []
    for i, (word, nxt) in enumerate(zip(words, words[1:], strict=False)):
        if word.type == "DET" and word.lemma == "a":
            if str(word).lower() == "a" and _wants_an(str(nxt)):
                issues.append(_issue(word, f"write 'an {nxt}'"))
            elif str(word).lower() == "an" and not _wants_an(str(nxt)):
                issues.append(_issue(word, f"write 'a {nxt}'"))
        if word.type == "NUMBER":
            noun = next((w for w in words[i + 1:] if w.type != "ADJ"), None)
            if noun is None or noun.type != "NOUN":
                continue
            one = word.lemma in ("1", "-1")
            if one and noun.number == "pl":
                issues.append(_issue(noun, f"after {word} write the singular '{noun.lemma}'"))
            elif not one and noun.number == "sg" and noun.lemma not in MASS_NOUNS:
                issues.append(_issue(noun, f"after {word} write the plural "
                                           f"'{pluralize(noun.lemma)}'"))
    return issues
