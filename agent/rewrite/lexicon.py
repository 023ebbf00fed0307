"""The rewriter's word knowledge: verbs, function words, attribute and shape vocabulary.

Rules over English need to know which word is a verb (to split `A ladder leans ... and
reaches ...`), which adjective names which attribute (`12 feet long` -> `length`), and
which object is which solid (`a ball` -> `a sphere`). The lists are small on purpose:
an unknown word stays as it is and the parser reports it.
"""

from __future__ import annotations


def _ace_verbs() -> list[str]:
    from tasks.ace.lexicon import VERBS as ACE_VERBS

    return ACE_VERBS.split() if isinstance(ACE_VERBS, str) else list(ACE_VERBS)


# Verb lemmas used in word problems; inflections are derived by `third_person`.
VERBS = {
    "be", "have", "do", "lean", "rest", "reach", "touch", "stand", "travel", "drive", "walk",
    "run", "ride", "fly", "swim", "go", "move", "cover", "leave", "arrive", "meet", "head",
    "start", "buy", "sell", "give", "get", "take", "cost", "pay", "spend", "earn", "save",
    "lose", "find", "receive", "send", "share", "split", "fill", "empty", "drain", "contain",
    "hold", "weigh", "measure", "make", "read", "eat", "need", "use", "paint", "clean", "build",
    "mow", "pack", "work", "produce", "increase", "decrease", "grow", "fall", "rise", "keep",
    "cast", "pour", "cut", "divide", "multiply", "add", "subtract", "sit", "lie", "hang",
    "place", "put", "set", "mix", "plant", "bake", "collect", "pick", "win", "score", "owe",
    "borrow", "lend", "invest", "deposit", "charge", "type", "print", "write", "choose",
    "draw", "roll", "flip", "toss", "throw", "own", "bring", "carry", "load", "jog", "cycle",
    "row", "sail", "climb", "descend", "ship", "deliver", "serve", "cook", "plan",
    "pass", "equal", "exceed", "remain", "become", "sleep", "study", "play", "watch",
}  # fmt: skip
VERBS |= set(_ace_verbs())  # every verb the ACE fragment knows is a verb here too
_IRREGULAR_3SG = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_IRREGULAR_PAST = {
    "be": "was", "have": "had", "do": "did", "go": "went", "run": "ran", "ride": "rode",
    "drive": "drove", "fly": "flew", "swim": "swam", "leave": "left", "meet": "met",
    "buy": "bought", "sell": "sold", "give": "gave", "get": "got", "take": "took",
    "cost": "cost", "pay": "paid", "spend": "spent", "lose": "lost", "find": "found",
    "send": "sent", "split": "split", "hold": "held", "make": "made", "read": "read",
    "eat": "ate", "build": "built", "keep": "kept", "cast": "cast", "cut": "cut", "sit": "sat",
    "lie": "lay", "hang": "hung", "put": "put", "set": "set", "win": "won", "lend": "lent",
    "write": "wrote", "choose": "chose", "draw": "drew", "throw": "threw", "bring": "brought",
    "stand": "stood", "fall": "fell", "grow": "grew", "rise": "rose", "become": "became",
    "sleep": "slept",
}  # fmt: skip


def third_person(lemma: str) -> str:
    """`reach` -> `reaches`, `carry` -> `carries`, `have` -> `has`."""
    if lemma in _IRREGULAR_3SG:
        return _IRREGULAR_3SG[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _past(lemma: str) -> str:
    if lemma in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _gerund(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and lemma not in ("be", "see"):
        return lemma[:-1] + "ing"
    if lemma in ("run", "swim", "sit", "cut", "put", "set", "win", "plan", "jog", "ship", "get"):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


LEMMA_OF_3SG = {third_person(v): v for v in VERBS}
LEMMA_OF_PAST = {_past(v): v for v in VERBS}
LEMMA_OF_GERUND = {_gerund(v): v for v in VERBS}
LEMMA_OF_GERUND["travelling"] = "travel"


def verb_lemma(word: str) -> str | None:
    """The lemma of a finite or base verb form (`reaches`, `reached`, `reach`), or None."""
    lower = word.lower()
    for table in (LEMMA_OF_3SG, LEMMA_OF_PAST):
        if lower in table:
            return table[lower]
    return lower if lower in VERBS else None


DETERMINERS = {"a", "an", "the", "every", "each", "no", "some", "this", "that", "these", "those"}
POSSESSIVES = {"its": "it", "his": "he", "her": "she", "their": "they"}
PRONOUNS = {"it", "he", "she", "they", "him", "them"}
PREPOSITIONS = {
    "of", "in", "on", "at", "to", "from", "for", "with", "by", "against", "into", "onto",
    "toward", "towards", "up", "down", "over", "under", "above", "below", "between", "per",
    "after", "before", "during", "about", "around", "through", "across", "along", "inside",
}  # fmt: skip
CONJUNCTIONS = {"and", "or", "but", "so", "then", "if", "while", "when", "because", "that", "which", "who"}

# `12 feet long` / `How long ...` -> the attribute the adjective measures.
ATTRIBUTE_OF_ADJECTIVE = {
    "long": "length", "wide": "width", "broad": "width", "high": "height", "tall": "height",
    "deep": "depth", "thick": "thickness", "heavy": "weight", "old": "age", "far": "distance",
    "fast": "speed", "away": "distance",
}  # fmt: skip
# Attribute synonyms: `side length` and `edge` are the `side` of a square or cube.
ATTRIBUTE_SYNONYMS = {"side length": "side", "edge": "side", "edges": "side", "sides": "side", "edge length": "side", "length of a side": "side", "legs": "leg"}  # fmt: skip
# Shape adjectives and everyday objects that are a named solid or figure.
SHAPE_OF_ADJECTIVE = {
    "rectangular": "rectangle", "circular": "circle", "round": "circle", "triangular": "triangle",
    "cylindrical": "cylinder", "spherical": "sphere", "cubic": "cube", "cubical": "cube",
    "square": "square",
}  # fmt: skip
SHAPE_OF_NOUN = {"ball": "sphere", "globe": "sphere", "crate": "box", "cuboid": "box",
                 "right-angled triangle": "right triangle", "right angled triangle": "right triangle"}  # fmt: skip
# Parts whose length is the part itself: `the length of the hypotenuse` is `the hypotenuse`.
SEGMENTS = {"hypotenuse", "leg", "side", "edge", "radius", "diameter"}
# Nouns for people: `he`/`she` may refer to `the cyclist` as to `John`.
HUMAN_NOUNS = {
    "man", "woman", "boy", "girl", "person", "child", "kid", "student", "pupil", "teacher",
    "worker", "farmer", "driver", "cyclist", "rider", "runner", "jogger", "hiker", "walker",
    "swimmer", "rower", "skater", "skier", "pilot", "sailor", "baker", "cook", "chef", "painter",
    "builder", "gardener", "player", "athlete", "customer", "shopper", "buyer", "seller",
    "shopkeeper", "clerk", "friend", "mother", "father", "parent", "brother", "sister", "son",
    "daughter", "grandmother", "grandfather", "uncle", "aunt", "doctor", "nurse", "author", "writer",
}  # fmt: skip
# Other words for the base of an object standing on the ground.
BASE_SYNONYMS = {"foot", "bottom"}
SHAPES = {"rectangle", "square", "circle", "triangle", "right triangle", "cylinder", "sphere", "cube", "box", "cone"}


def is_plural_noun(word: str) -> bool:
    """Whether `word` is a plural noun: the ACE lexicon decides for the nouns it knows (`bus`,
    `glass`, `series` and `sheep` are not taken as plurals though they end in `s`); other words ending in a
    plain `s` are taken as plurals."""
    from tasks.ace.lexicon import WordClass, lexicon

    lower = word.lower()
    readings = [e for e in lexicon().get(lower, ()) if e.word_class == WordClass.NOUN]
    if readings:
        return all(e.number == "pl" for e in readings)  # `sheep`, `series`: singular unless counted
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
