"""What training needs from each generator: data preparation, batches, a model, greedy decoding.

A recipe is built from the training problems (it fixes the vocabularies) or from a
checkpoint (it restores them), so the training loop in train.py is the same for both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import torch

from graphmodel.trained import GraphKind, TrainedRecipe
from graphmodel.trees import Tree, TreeError, parse_program

if TYPE_CHECKING:
    from graphmodel.data import GraphBatch


class PrepareError(ValueError):
    """A problem that cannot be used for training or evaluation."""


@dataclass
class Item:
    """One problem with its semantic graph and reference tree."""

    pid: str
    ace: str
    graph: Any
    tree: Tree
    answer: str
    family: str


def prepare(problems: list, need_program: bool = True) -> tuple[list[Item], list[str]]:
    """Parse each problem's ACE (tasks.ace) and reference program; list the ones skipped and why."""
    from tasks.ace import AceError, parse_ace

    items, skipped = [], []
    for p in problems:
        reader = (p.meta or {}).get("front_end")
        if not p.ace and reader:
            item, why = _read_with_front_end(p, reader, need_program)
            if item is None:
                skipped.append(why)
            else:
                items.append(item)
            continue
        if not p.ace:
            skipped.append(f"{p.id}: no canonical ACE")
            continue
        if need_program and not p.program:
            skipped.append(f"{p.id}: no reference program")
            continue
        try:
            graph = parse_ace(p.ace)
            tree = parse_program(p.program) if p.program else None
        except AceError as exc:
            skipped.append(f"{p.id}: ACE does not parse: {exc}")
            continue
        except TreeError as exc:
            skipped.append(f"{p.id}: program does not parse: {exc}")
            continue
        except Exception as exc:  # a parser bug must not stop training: it is counted and reported
            skipped.append(f"{p.id}: ACE parser failed ({type(exc).__name__}: {exc})")
            continue
        items.append(Item(p.id, p.ace, graph, tree, p.answer, p.family))
    return items, skipped


def _read_with_front_end(p: Any, reader: str, need_program: bool) -> tuple[Item | None, str]:
    """A problem without ACE whose `meta.front_end` names the reader that builds its graph
    (tasks/frontends.py: notation, english) from its prompt."""
    from tasks.frontends import FrontEndError, load_front_end

    if need_program and not p.program:
        return None, f"{p.id}: no reference program"
    try:
        graph = load_front_end(reader)(p.prompt)
        tree = parse_program(p.program) if p.program else None
    except FrontEndError as exc:
        return None, f"{p.id}: the {reader} front end cannot read it: {exc}"
    except TreeError as exc:
        return None, f"{p.id}: program does not parse: {exc}"
    return Item(p.id, graph.text, graph, tree, p.answer, p.family), ""


def english_views(problems: list, share: float, seed: int) -> tuple[list[Item], list[str]]:
    """A `share` of the problems that have canonical ACE, read again from their English prompt
    by the English front end (tasks.english), with the same program.

    Why: the agent pools the English reading's programs with the ACE reading's (agent/nodes.py),
    and real questions reach the generator only through the English front end; seeing the
    families through that reader too ties the two graph vocabularies to the same programs.
    """
    rng = random.Random(seed)
    items, skipped = [], []
    for p in problems:
        if not p.ace or not p.program or rng.random() >= share:
            continue
        item, why = _read_with_front_end(p, "english", need_program=True)
        if item is None:
            skipped.append(f"English view of {why}")
        else:
            items.append(item)
    return items, skipped


def with_variants(items: list[Item]) -> list[Item]:
    """The items plus one item per equivalent rewording of each ACE text (tasks.ace.variants).

    Why: a model trained on one phrasing of a fact fails on its equivalent ("X has A and B."
    vs "X has A. The X has B."), which the rewriter and users produce; the program and the
    answer do not change with the wording, so each rewording is a free training example.
    """
    from tasks.ace import parse_ace
    from tasks.ace.variants import equivalent_variants

    out = list(items)
    for item in items:
        if getattr(item.graph, "front_end", "ace") != "ace":  # read by a front end: `ace` holds the prompt, not ACE
            continue
        for text in equivalent_variants(item.ace)[1:]:
            out.append(Item(item.pid, text, parse_ace(text), item.tree, item.answer, item.family))
    return out


class GraphRecipe(GraphKind, TrainedRecipe):
    """What training needs from the graph model (codec, model arguments and checkpoint form: trained.py)."""

    name = "graph"

    @classmethod
    def fit(cls, items: list[Item], size: dict, lexical: bool = False) -> GraphRecipe:
        from graphmodel.data import TreeCodec
        from graphmodel.lexicon import DIM
        from graphmodel.model import GraphModelConfig

        codec = TreeCodec.build([i.tree for i in items], [i.graph for i in items])
        codec.graph_vocab.lexical = lexical
        cfg = GraphModelConfig(
            **size,
            n_kinds=len(codec.graph_vocab.kinds),
            n_labels=len(codec.graph_vocab.labels),
            n_units=len(codec.graph_vocab.units),
            n_edge_kinds=len(codec.graph_vocab.edge_kinds),
            n_edge_labels=len(codec.graph_vocab.edge_labels),
            n_node_tokens=len(codec.vocab.node_tokens),
            n_values=len(codec.vocab.values),
            n_frames=len(codec.frames),
            n_value_types=len(codec.value_types),
            lexical_dim=DIM if lexical else 0,
        )
        return cls(codec, cfg.to_dict())

    def new_model(self) -> torch.nn.Module:
        model = self._model(self.cfg)
        model.vocab_ok.copy_(self.codec.vocab_ok())  # the values each node type may take, fixed by the codec
        return model

    def examples(self, items: list[Item]) -> tuple[list, list[str]]:
        from graphmodel.data import make_examples

        class _P:  # make_examples reads id and answer
            def __init__(self, it: Item) -> None:
                self.id, self.answer = it.pid, it.answer

        return make_examples(self.codec, [_P(i) for i in items], [i.graph for i in items], [i.tree for i in items])

    def length(self, example) -> int:
        """Decoder positions of an example (forced steps take none)."""
        return sum(not s.forced for s in example.steps)

    def batch(self, examples: list, rng: random.Random, infill_prob: float) -> GraphBatch:
        from graphmodel.data import collate, infill_steps

        steps = [infill_steps(self.codec, e, rng) if rng.random() < infill_prob else e.steps for e in examples]
        return collate(self.codec, examples, steps)

    def generator(self, model: torch.nn.Module, device: torch.device):
        from graphmodel.graph_generator import GraphGenerator

        gen = GraphGenerator(model, self.codec, device)
        return gen

    def decode(self, model: torch.nn.Module, items: list[Item], device: torch.device, batch: int = 64) -> list[Tree | None]:
        """Greedy trees for items (None where no valid tree came out)."""
        gen = self.generator(model, device)
        out: list[Tree | None] = []
        for i in range(0, len(items), batch):
            chunk = items[i : i + batch]
            for cands in gen.generate_batch([it.graph for it in chunk], k=1):
                out.append(cands[0].tree if cands else None)
        return out


def recipe_class(name: str) -> type:
    if name == "graph":
        return GraphRecipe
    if name == "seq":
        from graphmodel.seq_recipe import SeqRecipe

        return SeqRecipe
    raise PrepareError(f"unknown generator {name!r}; expected 'graph' or 'seq'")
