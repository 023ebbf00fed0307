"""Dependency parse -> quantity graph (see the package docstring for why this shape).

Nodes, in text order: every content token (nouns, verbs, adjectives, adverbs, numbers,
pronouns, and the determiners that quantify: each, every, some, all, no); the question gets
one QUERY node placed at its wh-word. Edges: the dependency arcs between kept tokens, with
prepositions folded into the edge label (`put -in-> drawer`); each number -> the unit it
counts; pronoun -> its antecedent; and between quantities, same-unit and greater-than
edges (Graph2Tree's quantity comparison graph), which tell a model the order of a
subtraction without its reading magnitudes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from tasks.ace.graph import EdgeKind, GraphEdge, GraphNode, NodeKind, SemanticGraph
from tasks.english.numbers import number_value
from tasks.english.pipeline import nlp
from tasks.frontends import FrontEndError

MAX_CHARS = 4_000
KEPT_DETERMINERS = frozenset({"each", "every", "all", "some", "no", "another", "both", "half", "any"})
WH_WORDS = frozenset({"how", "what", "which", "who", "when", "where", "whom", "whose"})
QUESTION_VERBS = frozenset({"find", "calculate", "compute", "determine", "work", "figure", "give", "tell"})
_PRONOUN_PEOPLE = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_PRONOUN_GROUP = frozenset({"they", "them", "their", "theirs", "themselves"})
_UNIT_SYMBOLS = {"$": "dollar", "%": "percent", "¢": "cent", "£": "pound", "€": "euro"}
_SPACE = re.compile(r"\s+")

_DEP_KIND = {
    "nsubj": EdgeKind.AGENT, "nsubjpass": EdgeKind.AGENT, "csubj": EdgeKind.AGENT, "expl": EdgeKind.AGENT,
    "agent": EdgeKind.AGENT,
    "dobj": EdgeKind.OBJECT, "attr": EdgeKind.OBJECT, "dative": EdgeKind.OBJECT, "oprd": EdgeKind.OBJECT,
    "nummod": EdgeKind.VALUE, "quantmod": EdgeKind.VALUE,
    "amod": EdgeKind.HAS, "compound": EdgeKind.HAS, "advmod": EdgeKind.HAS, "acomp": EdgeKind.HAS,
    "npadvmod": EdgeKind.HAS, "det": EdgeKind.HAS, "predet": EdgeKind.HAS, "neg": EdgeKind.HAS,
    "poss": EdgeKind.OF,
}


@dataclass
class _Builder:
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)

    def node(self, kind: NodeKind, label: str, sentence: int, value: str | None = None, unit: str | None = None) -> int:
        self.nodes.append(GraphNode(id=len(self.nodes), kind=kind, label=label, value=value, unit=unit, sentence=sentence))
        return len(self.nodes) - 1

    def edge(self, src: int, dst: int, kind: EdgeKind, label: str | None = None) -> None:
        if src != dst:
            self.edges.append(GraphEdge(src=src, dst=dst, kind=kind, label=label))


def clean_text(text: str) -> str:
    """One space between words; `$ 3` and `$3` read alike."""
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def _value_of(tok: Any) -> str | None:
    if tok.pos_ in ("NUM", "X", "ADJ", "NOUN", "PROPN", "SYM") or tok.like_num:
        return number_value(tok.text)
    return None


def _unit_of(tok: Any) -> str | None:
    """What a number counts: a currency sign before it, `%`/`percent` after it, the noun it
    modifies, or the noun right after it."""
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].text in _UNIT_SYMBOLS:
        return _UNIT_SYMBOLS[doc[tok.i - 1].text]
    if tok.i + 1 < len(doc):
        nxt = doc[tok.i + 1]
        if nxt.text in _UNIT_SYMBOLS:
            return _UNIT_SYMBOLS[nxt.text]
        if nxt.lower_ in ("percent", "per cent"):
            return "percent"
    if tok.dep_ in ("nummod", "quantmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.lemma_.lower()
    for nxt in doc[tok.i + 1 : tok.i + 3]:
        if nxt.pos_ == "NOUN":
            return nxt.lemma_.lower()
        if nxt.pos_ not in ("ADJ", "NOUN"):
            break
    return None


def number_label(value: str) -> str:
    """A number node's label: its value, except that a decimal is labelled `decimal` and a
    fraction `fraction` (the value stays on the node, where programs copy it from).

    Why: the generator embeds every number above 12 as one symbol, so a label `0.75` looked
    like `139`; but a decimal is written `Rational('0.75')`, a different tree, and the model
    wrote integer trees for it (fold 0 MAWPS: 3 of 25 decimal problems right)."""
    if "." in value:
        return "decimal"
    if "/" in value:
        return "fraction"
    return value


def _kind_of(tok: Any) -> NodeKind | None:
    if tok.pos_ in ("NOUN", "PROPN", "PRON"):
        return NodeKind.ENTITY
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
        return NodeKind.RELATION
    if tok.pos_ in ("ADJ", "ADV") or (tok.pos_ == "DET" and tok.lower_ in KEPT_DETERMINERS):
        return NodeKind.ATTRIBUTE
    if tok.pos_ == "PART" and tok.dep_ == "neg":
        return NodeKind.ATTRIBUTE
    return None


def _label_of(tok: Any) -> str:
    """Names become `person` (word problems name people; the name itself says nothing), except
    what the tagger knows is a date, a place or an organisation."""
    if tok.pos_ == "PROPN" and tok.ent_type_ in ("DATE", "TIME", "EVENT"):
        return tok.ent_type_.lower()
    if tok.pos_ == "PROPN":
        return "person"
    return tok.lemma_.lower()


def _is_question(sent: Any) -> bool:
    first = next((t for t in sent if not t.is_punct), None)
    return sent.text.rstrip().endswith("?") or (first is not None and first.lemma_.lower() in QUESTION_VERBS)


def _asks(sent: Any) -> bool:
    return any(t.lower_ in WH_WORDS for t in sent)


def parse_english(text: str) -> SemanticGraph:
    """The quantity graph of an English word problem; FrontEndError when it states no number
    or asks nothing."""
    text = clean_text(text)
    if not text:
        raise FrontEndError("the question is empty")
    if len(text) > MAX_CHARS:
        raise FrontEndError(f"the question is {len(text)} characters long; the English front end reads at most {MAX_CHARS}")
    doc = nlp()(text)
    sentences = list(doc.sents)
    questions = [i for i, s in enumerate(sentences) if _is_question(s)]
    if not questions and len(sentences) > 1 and _asks(sentences[-1]):
        questions = [len(sentences) - 1]  # `How much did she earn.`: a question without its mark
    if not questions:
        raise FrontEndError("no sentence asks anything (end the question with '?', or start it with 'Find' or 'Calculate')")
    asked = questions[-1]
    b = _Builder()
    index: dict[int, int] = {}  # token index -> node id
    units: dict[str, int] = {}
    quantities: list[tuple[int, str, str | None]] = []  # (node, value, unit)
    query: int | None = None
    for si, sent in enumerate(sentences):
        for tok in sent:
            if si == asked and query is None and (tok.lower_ in WH_WORDS or tok.i == sent.start and tok.lemma_.lower() in QUESTION_VERBS):
                wh = tok.lower_
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                if wh == "how" and nxt is not None and nxt.lower_ in ("many", "much", "far", "long", "old", "tall", "fast", "often", "big"):
                    wh = f"how {nxt.lower_}"
                query = b.node(NodeKind.QUERY, wh, si)
                index[tok.i] = query
                if " " in wh:
                    index[tok.i + 1] = query  # `how many` is one node
                continue
            if tok.i in index:
                continue
            value = _value_of(tok)
            if value is not None:
                unit = _unit_of(tok)
                nid = b.node(NodeKind.QUANTITY if unit else NodeKind.NUMBER, number_label(value), si, value=value, unit=unit)
                index[tok.i] = nid
                quantities.append((nid, value, unit))
                if unit:
                    if unit not in units:
                        units[unit] = b.node(NodeKind.UNIT, unit, si)
                    b.edge(nid, units[unit], EdgeKind.UNIT)
                continue
            kind = _kind_of(tok)
            if kind is not None:
                index[tok.i] = b.node(kind, _label_of(tok), si)
    if not quantities:
        raise FrontEndError("the question states no number to compute with")
    if query is None:
        query = b.node(NodeKind.QUERY, "what", asked)
    _dependency_edges(doc, index, b)
    _question_edges(sentences[asked], index, query, b)
    _coreference_edges(doc, index, b)
    _quantity_edges(quantities, b)
    _asked_unit_edges(b, query, quantities)
    return SemanticGraph(text=text, nodes=b.nodes, edges=b.edges, query=query, front_end="english")


def _dependency_edges(doc: Any, index: dict[int, int], b: _Builder) -> None:
    """Each kept token -> its nearest kept ancestor, labelled by the preposition crossed."""
    for tok in doc:
        if tok.i not in index or tok.head.i == tok.i:
            continue
        head, via = tok.head, None
        while head.i not in index and head.head.i != head.i:
            if head.pos_ == "ADP" or head.dep_ in ("prep", "agent"):
                via = head.lower_
            head = head.head
        if head.i not in index:
            if head.pos_ == "ADP":
                via = head.lower_
            continue
        if tok.dep_ == "pobj" or via is not None:
            b.edge(index[head.i], index[tok.i], EdgeKind.RELATION, via or tok.dep_)
            continue
        kind = _DEP_KIND.get(tok.dep_, EdgeKind.RELATION)
        if kind is EdgeKind.OF:
            b.edge(index[head.i], index[tok.i], kind, tok.dep_)
        else:
            b.edge(index[head.i], index[tok.i], kind, None if kind is not EdgeKind.RELATION else tok.dep_)


def _question_edges(sent: Any, index: dict[int, int], query: int, b: _Builder) -> None:
    """query -> the asked thing (`how many X`: X) and -> the question's main verb."""
    root = sent.root
    target = None
    for tok in sent:
        if tok.lower_ in ("many", "much") and tok.i > sent.start and tok.doc[tok.i - 1].lower_ == "how":
            target = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else None
            break
    if target is not None and target.i in index:
        b.edge(query, index[target.i], EdgeKind.ASKS)
    if root.i in index and index[root.i] != query:
        b.edge(query, index[root.i], EdgeKind.CONDITION, "root")


def _coreference_edges(doc: Any, index: dict[int, int], b: _Builder) -> None:
    """he/she -> the last person named as a subject before (else the last named); they -> the
    last plural noun."""
    last_person: int | None = None
    last_subject: int | None = None
    last_plural: int | None = None
    for tok in doc:
        if tok.i not in index:
            continue
        low = tok.lower_
        if tok.pos_ == "PRON":
            person = last_subject if last_subject is not None else last_person
            target = person if low in _PRONOUN_PEOPLE else last_plural if low in _PRONOUN_GROUP else None
            if target is not None:
                b.edge(index[tok.i], target, EdgeKind.EQUALS, "coref")
            continue
        if tok.pos_ == "PROPN":
            last_person = index[tok.i]
            if tok.dep_ in ("nsubj", "nsubjpass"):
                last_subject = index[tok.i]
        if tok.tag_ in ("NNS", "NNPS"):
            last_plural = index[tok.i]


def _asked_unit_edges(b: _Builder, query: int, quantities: list[tuple[int, str, str | None]]) -> None:
    """query -> each quantity that counts what is asked (`How many erasers`: the numbers of
    erasers, not of scissors): the asked thing is the ASKS target's lemma, read back as a unit.

    Why: quantity -> unit and query -> noun are separate nodes, so without this edge the
    encoder needs three hops to tell the asked count from a distractor beside it."""
    asked = {b.nodes[e.dst].label for e in b.edges if e.src == query and e.kind == EdgeKind.ASKS}
    for nid, _, unit in quantities:
        if unit is not None and unit in asked:
            b.edge(query, nid, EdgeKind.EQUALS, "asked-unit")


def _quantity_edges(quantities: list[tuple[int, str, str | None]], b: _Builder) -> None:
    values = [Fraction(v) for _, v, _ in quantities]
    for i, (a, _, ua) in enumerate(quantities):
        for j in range(i + 1, len(quantities)):
            c, _, uc = quantities[j]
            if ua is not None and ua == uc:
                b.edge(a, c, EdgeKind.EQUALS, "same-unit")
            if values[i] != values[j]:
                b.edge(a, c, EdgeKind.RELATION, "greater" if values[i] > values[j] else "less")
