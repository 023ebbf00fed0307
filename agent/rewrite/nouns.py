"""Singular and plural of the nouns a text counts, from the ACE lexicon first.

Spelling rules alone get English plurals wrong (`horses` is not `hors`, `buses` is `bus`);
the lexicon knows the nouns it declares, so it is asked first and the rules only guess for
words it lacks.
"""

from __future__ import annotations

from functools import cache


def singular(word: str) -> str:
    """`horses` -> `horse`, `children` -> `child`, `sheep` -> `sheep`; unknown words by rule."""
    from tasks.ace.lexicon import WordClass, lexicon, singularize

    lower = word.lower()
    lemmas = {e.lemma for e in lexicon().get(lower, ()) if e.word_class == WordClass.NOUN}
    if len(lemmas) == 1:
        return lemmas.pop()
    return _by_rule(lower) if lower.endswith("ses") else singularize(lower)


def plural(noun: str) -> str:
    """`horse` -> `horses`, `child` -> `children`."""
    from tasks.ace.lexicon import pluralize

    return pluralize(noun.lower())


@cache
def _by_rule(word: str) -> str:
    """`-ses` plurals the lexicon lacks: `vases` -> `vase`, `classes` -> `class`."""
    return word[:-2] if word.endswith("sses") else word[:-1]
