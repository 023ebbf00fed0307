"""The same semantic graph with its facts in another order, for training and test-time augmentation.

The order of independent facts does not change a question's meaning ("A bus travels 891 km.
It goes at 99 km/h." is "It goes at 99 km/h. It travels 891 km."), but a generator that reads
node order can answer the two differently. `reordered(graph, facts, conjuncts)` writes the
graph with its fact sentences, and the coordinated objects of a sentence ("a height of 18
inches and a width of 20 inches and a length of 14 inches"), in any order; `reorderings`
gives the reversed ones (the agent pools programs over them), `shuffled` a random one (the
trainer shows the model each problem in a random fact order, so node order stops mattering).

Nodes keep their kinds, labels, values and edges; only their ids (positions) and sentence
indices change. A thing or person is placed before the first node that refers to it (it
is introduced first, as in the text); any other node shared between blocks (a unit) right
after its first user. The question stays last.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from tasks.ace import EdgeKind, NodeKind, SemanticGraph

Block = list[int]  # node ids, in their order in the graph


@dataclass(frozen=True)
class _Layout:
    """A graph cut into what may move: its fact sentences in order, the question's nodes, and,
    for each fact that coordinates two or more objects, [head part, object 1, object 2, ...]."""

    facts: list[Block]
    asked: Block
    slices: dict[int, list[Block]]  # fact index -> slices


def _layout(graph: SemanticGraph) -> _Layout:
    question = graph.nodes[graph.query].sentence if graph.query is not None else max(n.sentence for n in graph.nodes)
    by_sentence: dict[int, Block] = {}
    asked: Block = []
    for node in graph.nodes:
        (asked if node.sentence >= question else by_sentence.setdefault(node.sentence, [])).append(node.id)
    facts = [by_sentence[s] for s in sorted(by_sentence)]
    slices: dict[int, list[Block]] = {}
    for k, ids in enumerate(facts):
        members = set(ids)
        objects: dict[int, list[int]] = {}
        for edge in graph.edges:
            if edge.kind is EdgeKind.OBJECT and edge.src in members and edge.dst in members:
                objects.setdefault(edge.src, []).append(edge.dst)
        many = [sorted(v) for v in objects.values() if len(v) >= 2]
        if len(many) == 1:
            slices[k] = _conjunct_slices(graph, ids, many[0])
    return _Layout(facts, asked, slices)


def _conjunct_slices(graph: SemanticGraph, ids: Block, heads: list[int]) -> list[Block]:
    """A sentence split before each coordinated object's first node: [head part, conjunct 1, ...]."""
    owner: dict[int, int] = {}
    for head in heads:
        owner[head] = head
    changed = True
    while changed:  # the nodes hanging off each object (its value, its unit) belong to it
        changed = False
        for edge in graph.edges:
            for a, b in ((edge.src, edge.dst), (edge.dst, edge.src)):
                kind = graph.nodes[b].kind
                if a in owner and b in ids and b not in owner and kind not in (NodeKind.RELATION, NodeKind.ENTITY):
                    owner[b] = owner[a]
                    changed = True
    firsts = sorted(min(i for i in ids if owner.get(i) == head) for head in heads)
    cuts = [0, *[ids.index(f) for f in firsts], len(ids)]
    return [ids[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _place(graph: SemanticGraph, blocks: list[Block], sentence_of: dict[int, int]) -> list[int]:
    """Concatenate blocks; a thing or person moves to just before its first user (taking the
    user's sentence), a unit shared by blocks to just after its first user."""
    order = [i for block in blocks for i in block]
    position = {node: i for i, node in enumerate(order)}
    neighbours: dict[int, set[int]] = {n.id: set() for n in graph.nodes}
    for edge in graph.edges:
        neighbours[edge.src].add(edge.dst)
        neighbours[edge.dst].add(edge.src)
    placed: list[int] = []
    pending = set(order)
    for node in order:
        if node not in pending:
            continue
        later = [o for o in sorted(neighbours[node]) if o in pending and position[o] > position[node]]
        for other in later:
            if graph.nodes[other].kind is NodeKind.ENTITY:
                placed.append(other)
                pending.discard(other)
                sentence_of[other] = sentence_of[node]
        placed.append(node)
        pending.discard(node)
        for other in later:
            if other in pending and graph.nodes[other].kind is NodeKind.UNIT:
                placed.append(other)
                pending.discard(other)
                sentence_of[other] = sentence_of[node]
    return placed


def _renumber(graph: SemanticGraph, order: list[int], sentence_of: dict[int, int]) -> SemanticGraph:
    new_id = {old: new for new, old in enumerate(order)}
    nodes = [graph.nodes[old].model_copy(update={"id": new_id[old], "sentence": sentence_of[old]}) for old in order]
    edges = [e.model_copy(update={"src": new_id[e.src], "dst": new_id[e.dst]}) for e in graph.edges]
    query = new_id[graph.query] if graph.query is not None else None
    return graph.model_copy(update={"nodes": nodes, "edges": edges, "query": query})


def reordered(graph: SemanticGraph, facts: list[int], conjuncts: dict[int, list[int]] | None = None) -> SemanticGraph | None:
    """`graph` with its k-th fact sentence written at position `facts.index(k)`, and the
    coordinated objects of fact k in the order `conjuncts[k]`; None when that is `graph` itself.

    `facts` is a permutation of range(fact_count(graph)); a `conjuncts[k]` that is not a
    permutation of that sentence's objects (or a sentence without coordination) is ignored.
    """
    return _write(graph, _layout(graph), facts, conjuncts or {})


def _write(graph: SemanticGraph, layout: _Layout, facts: list[int], conjuncts: dict[int, list[int]]) -> SemanticGraph | None:
    if sorted(facts) != list(range(len(layout.facts))):
        raise ValueError(f"facts must be a permutation of 0..{len(layout.facts) - 1}, got {facts}")
    pieces: list[tuple[int, Block]] = []  # (new sentence index, block)
    for new_index, k in enumerate(facts):
        slices = layout.slices.get(k)
        order = conjuncts.get(k)
        if slices and order is not None and sorted(order) == list(range(len(slices) - 1)):
            slices = [slices[0], *(slices[1 + j] for j in order)]
        for block in slices or [layout.facts[k]]:
            pieces.append((new_index, block))
    pieces.append((len(layout.facts), layout.asked))
    sentence_of = {i: s for s, block in pieces for i in block}
    order = _place(graph, [b for _, b in pieces], sentence_of)
    if order == [n.id for n in graph.nodes] and all(sentence_of[n.id] == n.sentence for n in graph.nodes):
        return None
    return _renumber(graph, order, sentence_of)


def fact_count(graph: SemanticGraph) -> int:
    """How many fact sentences (all but the question) `graph` has."""
    return len(_layout(graph).facts) if graph.nodes else 0


def conjunct_counts(graph: SemanticGraph) -> dict[int, int]:
    """Fact index -> number of coordinated objects, for the facts that coordinate two or more."""
    return _conjunct_counts(_layout(graph))


def _conjunct_counts(layout: _Layout) -> dict[int, int]:
    return {k: len(slices) - 1 for k, slices in layout.slices.items() if len(slices) >= 3}


def reorderings(graph: SemanticGraph) -> list[SemanticGraph]:
    """Up to three reorderings of `graph` (facts reversed, coordinated objects reversed, both),
    distinct from it and from each other; [] when the graph has one fact and no coordination."""
    if graph.query is None or not graph.nodes:
        return []
    layout = _layout(graph)
    forward = list(range(len(layout.facts)))
    backwards = {k: list(range(c))[::-1] for k, c in _conjunct_counts(layout).items()}
    seen = {_key(graph)}
    out: list[SemanticGraph] = []
    for facts, conj in ((forward[::-1], {}), (forward, backwards), (forward[::-1], backwards)):
        variant = _write(graph, layout, facts, conj)
        if variant is not None and _key(variant) not in seen:
            seen.add(_key(variant))
            out.append(variant)
    return out


def shuffled(graph: SemanticGraph, rng: random.Random) -> SemanticGraph:
    """`graph` with its facts and coordinated objects in a random order (possibly the same)."""
    if graph.query is None or not graph.nodes:
        return graph
    layout = _layout(graph)
    facts = list(range(len(layout.facts)))
    rng.shuffle(facts)
    conjuncts = {}
    for k, c in _conjunct_counts(layout).items():
        conjuncts[k] = list(range(c))
        rng.shuffle(conjuncts[k])
    return _write(graph, layout, facts, conjuncts) or graph


def _key(graph: SemanticGraph) -> tuple:
    return tuple((n.kind, n.label, n.value, n.sentence) for n in graph.nodes)


_INDEFINITE = re.compile(r"\b([Aa]n?) ([a-z]+(?: [a-z]+)?)\b")


def shuffled_text(text: str, rng: random.Random) -> str:
    """ACE `text` with its fact sentences and coordinated objects in a random order: the text
    counterpart of `shuffled`, for a reader of words (the seq model).

    A thing is introduced (`a truck`) by whichever sentence now mentions it first and named
    (`the truck`) after; the result is kept only when it parses to the same normal form,
    otherwise `text` itself is returned (never a text that means something else).
    """
    from tasks.ace import AceError, parse_ace
    from tasks.ace.compare import canonical_meaning
    from tasks.ace.variants import sentences_of

    try:
        meaning = canonical_meaning(parse_ace(text))
        sentences = sentences_of(text)
    except AceError:
        return text
    if len(sentences) < 2:
        return text
    facts, question = sentences[:-1], sentences[-1].text
    written = []
    for s in facts:
        if s.verb is not None and len(s.objects) >= 2:
            objects = list(s.objects)
            rng.shuffle(objects)
            written.append(f"{s.subject} {s.verb} {' and '.join(objects)}.")
        else:
            written.append(s.text)
    order = list(range(len(facts)))
    rng.shuffle(order)
    candidate = " ".join(_introduce_first([written[k] for k in order] + [question], written + [question]))
    try:
        return candidate if canonical_meaning(parse_ace(candidate)) == meaning else text
    except AceError:
        return text


def _introduce_first(sentences: list[str], original: list[str]) -> list[str]:
    """Give each thing introduced in `original` (`a truck` ... `the truck`) its indefinite
    article in the first of `sentences` that mentions it and the definite one after."""
    whole = " ".join(original)
    out = list(sentences)
    for article, phrase in _introductions(original, whole):
        first = next((i for i, s in enumerate(out) if _mentions(s, phrase)), None)
        for i, s in enumerate(out):
            if not _mentions(s, phrase):
                continue
            wanted = article.lower() if i == first else "the"
            out[i] = re.sub(rf"\b(?:[Aa]n?|[Tt]he) {re.escape(phrase)}\b",
                            lambda m, w=wanted, p=phrase: (w.capitalize() if m.start() == 0 else w) + " " + p, s, count=1)
    return out


def _introductions(original: list[str], whole: str) -> list[tuple[str, str]]:
    found = []
    for s in original:
        for m in _INDEFINITE.finditer(s):
            words = m.group(2).split()
            for size in (2, 1):
                phrase = " ".join(words[:size])
                if len(words) >= size and re.search(rf"\b[Tt]he {re.escape(phrase)}\b", whole):
                    found.append((m.group(1), phrase))
                    break
    return found


def _mentions(sentence: str, phrase: str) -> bool:
    return re.search(rf"\b(?:[Aa]n?|[Tt]he) {re.escape(phrase)}\b", sentence) is not None
