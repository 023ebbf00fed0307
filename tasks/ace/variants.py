"""Equivalent rewordings of an ACE text, for a reader that knows only one of them.

The normal form (normalize.py) makes equivalent texts compare equal, but a trained model reads the
parsed graph, and it may have seen one form of a fact in training and not the other: the shipped
graph model answers `A box has a length of 14 inches. The box has a width of ...` and fails on
`A box has a length of 14 inches and a width of ...`. `equivalent_variants(text)` gives the text
and its rewordings in the other forms of the fragment, each checked to parse to the same normal
form, so a caller can generate from every variant and keep the answer that verifies (test-time),
or train on all of them (augmentation).

Rewordings, each an equivalence of docs/ace.md ("Equivalent forms"):
- split: `X has A and B.` -> `X has A. The X has B.` (a possession or containment verb, an
  indefinite or definite singular subject or a name, objects without their own modifiers);
- merge: consecutive `X has A. The X has B.` -> `X has A and B.` (the same verb and referent);
- coefficients: `X ^ 2 - X - 12 = 0` -> `X ^ 2 - 1 * X - 12 = 0` (a variable standing alone as a
  term of a sum gets its coefficient 1 written out; `drop_unit_factors` in reverse).
"""

from __future__ import annotations

from lark import Token, Tree

from tasks.ace.errors import AceError
from tasks.ace.normalize import DISTRIBUTIVE_VERBS
from tasks.ace.parser import parse_words
from tasks.ace.tokens import Word

SENTENCE_ENDS = ("_DOT", "_QMARK")


def _words_of(tree: Tree | Token) -> list[Token]:
    if isinstance(tree, Token):
        return [tree]
    return [w for child in tree.children if child is not None for w in _words_of(child)]


class _Sentence:
    """One sentence: its text, and, when it is a simple possession statement, its parts."""

    def __init__(self, text: str, tree: Tree, words: list[Word]):
        self.source = text
        self.text = text[words[0].start_pos:words[-1].end_pos]
        self.subject: str | None = None  # as written (`A box`)
        self.referent: str | None = None  # how a later sentence names it (`the box`, `Ravi`)
        self.verb: Token | None = None
        self.objects: list[str] = []
        self._read(tree)

    def span(self, tree: Tree | Token) -> str:
        words = _words_of(tree)
        return self.source[words[0].start_pos:words[-1].end_pos]

    def _read(self, tree: Tree) -> None:
        if tree.data != "clauses" or len(tree.children) != 3:
            return
        subject, vp, more = tree.children
        if subject.data != "subjects" or len(subject.children) != 1 or vp.data != "vp_verb":
            return
        np = subject.children[0]
        verb, obj, mods = (list(vp.children) + [None])[:3]
        if verb.lemma not in DISTRIBUTIVE_VERBS or mods is not None or not isinstance(obj, Tree):
            return
        objects = [obj]
        while more is not None:
            if more.data != "more_object":
                return
            parts = list(more.children)
            nxt, mod, more = parts if len(parts) == 3 else (parts[0], None, parts[1])
            if mod is not None:
                return
            objects.append(nxt)
        referent = self._referent(np)
        if referent is None:
            return
        self.subject, self.referent, self.verb = self.span(np), referent, verb
        self.objects = [self.span(o) for o in objects]

    def _referent(self, np: Tree) -> str | None:
        if np.data == "np_proper":
            return self.span(np)
        if np.data != "np_det" or np.children[0].lemma not in ("a", "the"):
            return None
        nbar = np.children[1]
        if nbar.children[-1] is not None:  # an apposition (`a number X`) names its own referent
            return None
        return "the " + self.span(nbar)

    def same_referent(self, other: _Sentence) -> bool:
        """`other`'s subject is the definite (or the same name) for this sentence's subject."""
        return (other.subject is not None and self.referent is not None
                and other.subject.lower() == self.referent.lower()
                and other.verb is not None and self.verb is not None
                and other.verb.lemma == self.verb.lemma)


def sentences_of(text: str) -> list[_Sentence]:
    tree, words = parse_words(text)
    groups: list[list[Word]] = [[]]
    for w in words:
        groups[-1].append(w)
        if w.type in SENTENCE_ENDS:
            groups.append([])
    groups = [g for g in groups if g]
    return [_Sentence(text, t, g) for t, g in zip(tree.children, groups, strict=True)]


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def split_objects(text: str) -> str:
    """Every `X has A and B.` as `X has A. The X has B.`"""
    out: list[str] = []
    for s in sentences_of(text):
        if s.verb is None or len(s.objects) < 2:
            out.append(s.text)
            continue
        out.append(f"{s.subject} {s.verb} {s.objects[0]}.")
        out += [f"{_capital(s.referent or '')} {s.verb} {o}." for o in s.objects[1:]]
    return " ".join(out)


def merge_objects(text: str) -> str:
    """Consecutive `X has A. The X has B.` as `X has A and B.`"""
    out: list[str] = []
    sentences = sentences_of(text)
    i = 0
    while i < len(sentences):
        s = sentences[i]
        objects = list(s.objects)
        j = i + 1
        while s.verb is not None and j < len(sentences) and s.same_referent(sentences[j]):
            objects += sentences[j].objects
            j += 1
        if j == i + 1:
            out.append(s.text)
        else:
            out.append(f"{s.subject} {s.verb} {' and '.join(objects)}.")
        i = j
    return " ".join(out)


TERM_EDGES = frozenset({"_PLUS", "_MINUS", "RELOP", "_LPAR", "_RPAR", "_DOT", "_QMARK", "_AND",
                        "_THAT"})  # what may stand on either side of a term of a sum


def explicit_coefficients(text: str) -> str:
    """Every variable that stands alone as a term of a sum with its coefficient 1 written out."""
    _tree, words = parse_words(text)
    inserts: list[int] = []
    for k, w in enumerate(words):
        if w.type != "VARIABLE" or k == 0 or k + 1 == len(words):
            continue
        before, after = words[k - 1].type, words[k + 1].type
        in_sum = before in ("_PLUS", "_MINUS") or after in ("_PLUS", "_MINUS")
        if in_sum and before in TERM_EDGES and after in TERM_EDGES:
            inserts.append(w.start_pos)
    for pos in reversed(inserts):
        text = text[:pos] + "1 * " + text[pos:]
    return text


REWORDINGS = (split_objects, merge_objects, explicit_coefficients)


def equivalent_variants(text: str) -> list[str]:
    """The text, then each distinct rewording that parses to the same normal form.

    Raises AceError when `text` itself is not ACE. A rewording that does not parse or means
    something else (an anaphor that would now resolve elsewhere) is left out, never returned.
    """
    from tasks.ace import parse_ace
    from tasks.ace.compare import canonical_meaning

    meaning = canonical_meaning(parse_ace(text))
    variants = [text]
    for reword in REWORDINGS:
        candidate = reword(text)
        if candidate in variants:
            continue
        try:
            same = canonical_meaning(parse_ace(candidate)) == meaning
        except AceError:
            same = False
        if same:
            variants.append(candidate)
    return variants
