"""The meaning of an ACE question as declarative constraints over its quantities.

The program computes an answer imperatively; this module reads the semantic graph a second
time, declaratively (as SatLM does with Z3 beside PAL's programs), without looking at the
program. Each construct of the fragment becomes equations over symbols:

* facts: a stated measure or possession (`The ladder has a length of 13 feet.`) is `length = 13`;
* figures: the sizes of a named shape or solid obey its formulas (right triangle: leg² + leg² =
  hypotenuse²; rectangle: area = length x width; circle: circumference = 2 pi radius; ...);
* leaning: a thing leaning against a wall is the hypotenuse of a right triangle whose legs are
  its height on the wall and the distance of its base from the wall;
* rates: amount = rate x time, where the rate's unit is amount-unit per time-unit (`km/hour`);
* transfers: `A gives Q things to B` makes A's things before - Q = after and B's before + Q = after;
* gains and losses: `A buys Q things` / `A eats Q things` makes A's before +- Q = after, the
  verb's sign learned from the training stories (tasks/english/verb_polarity.py);
* changes: `X increases/decreases by P percent` makes after = before x (1 +- P/100);
* comparisons: `B has Q more things than A` is B's = A's + Q;
* unit conversions stated in the text (`1 pound is 16 ounces`);
* formulas stated in the text (`3 * X + 5 = 20`), through agent.constraints.

The asked quantity is the unknown. A construct the compiler does not know leaves its
constraint out and says so in `notes`: a relation it cannot read makes every quantity it
touches unknown from then on (a possession after `Liam eats 3 apples` is not the one before),
so a missing rule lowers what is verified, never what is accepted. `decide` (agent.checks)
then asks Z3 and sympy whether the answer satisfies the constraints and is the only value
that does, and whether the constraints contradict each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

import sympy
from pydantic import BaseModel, Field

from agent.constraints import ConstraintError, expression, formulas
from agent.meaning_counts import CountingConstructs
from agent.meaning_stories import StoryConstructs
from tasks.ace import EdgeKind, NodeKind, SemanticGraph
from tasks.english.verb_polarity import verb_polarity
from verifiers import CheckStatus, Domain, answers_equivalent, check_constraints, consistency

# Verbs that state or relate quantities without changing any: a possession or a size read
# before them is the same after them.
STATIC_VERBS = frozenset(
    ["have", "be", "lean", "reach", "measure", "weigh", "last", "cover", "cost", "contain", "hold", "own",
     "stand", "rest", "touch", "need", "want"]
)
# Verbs that change what their agent has, and how (each handled only in its plain form).
TRANSFER_VERBS = frozenset(["give"])
CHANGE_VERBS = {"increase": 1, "decrease": -1, "grow": 1, "rise": 1, "fall": -1, "drop": -1}
# Adjectives that name a state in time, not a different thing: `the new price` is the price
# after the last change.
STATE_ADJECTIVES = frozenset(["new", "final", "current"])
COMPARATIVES = {"more": 1, "fewer": -1, "less": -1}
LENGTHS = ("length", "width", "height", "side", "edge", "radius", "diameter", "base", "depth")

PI = sympy.pi


def _figure(*pairs: tuple[str, str]) -> tuple[tuple[str, sympy.Expr], ...]:
    """(attribute, its formula over the figure's other attributes), parsed once."""
    return tuple((name, sympy.sympify(text, locals={"pi": PI, "S": sympy.Symbol("S")})) for name, text in pairs)


# The formulas of named figures, by the entity's noun; each holds of every such figure.
FIGURES: dict[str, tuple[tuple[str, sympy.Expr], ...]] = {
    "rectangle": _figure(("area", "length*width"), ("perimeter", "2*(length + width)")),
    "square": _figure(("area", "side**2"), ("perimeter", "4*side")),
    "circle": _figure(("diameter", "2*radius"), ("area", "pi*radius**2"), ("circumference", "2*pi*radius")),
    "triangle": _figure(("area", "base*height/2")),
    "box": _figure(("volume", "length*width*height")),
    "cuboid": _figure(("volume", "length*width*height")),
    "cube": _figure(("volume", "side**3")),
    "sphere": _figure(("diameter", "2*radius"), ("volume", "4*pi*radius**3/3")),
    "cylinder": _figure(("diameter", "2*radius"), ("volume", "pi*radius**2*height")),
    "cone": _figure(("diameter", "2*radius"), ("volume", "pi*radius**2*height/3")),
}


@dataclass(frozen=True)
class Constraint:
    """One relation over the question's quantities, the construct that gave it and the
    sentences (0-based) it was read from."""

    relation: sympy.Basic
    construct: str
    sources: tuple[int, ...]

    @property
    def is_fact(self) -> bool:
        return self.construct == "fact"


@dataclass
class Meaning:
    """What the question says, declaratively: constraints, the unknown, domains, and notes on
    what was left out."""

    sentences: list[str]
    unknown: sympy.Symbol | None = None
    constraints: list[Constraint] = field(default_factory=list)
    domains: dict[sympy.Symbol, Domain] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def relations(self) -> list[sympy.Basic]:
        return [c.relation for c in self.constraints]

    def constructs(self) -> list[str]:
        """The constructs that contributed, facts and stated formulas aside."""
        return sorted({c.construct for c in self.constraints if c.construct not in ("fact", "stated formula")})

    def facts_of(self, constraint: Constraint) -> list[str]:
        return [self.sentences[i] for i in constraint.sources if 0 <= i < len(self.sentences)]


def sentences_of(text: str) -> list[str]:
    """The sentences of an ACE text, in order (sentence indices of the graph's nodes)."""
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s.strip()]


class _Compiler(CountingConstructs, StoryConstructs):
    """One pass over one graph; `symbol_of` gives each referent a sympy symbol."""

    def __init__(self, graph: SemanticGraph) -> None:
        self.g = graph
        self.meaning = Meaning(sentences=sentences_of(graph.text))
        self.names: dict[str, int] = {}
        self.symbols: dict[object, sympy.Symbol] = {}
        self.asked = self._asked()
        self.conditional = self._conditional_nodes()
        self.referent = self._referents()
        self.states: dict[tuple, int] = {}  # possession/attribute key -> current state index
        self.timeline: dict[tuple, list[tuple[int, int]]] = {}  # key -> [(sentence, state)]
        self._opaque: set[tuple[int, int]] = set()  # (entity, sentence) of verbs not read
        self._pending_transfers: list[tuple[int, int, int, int]] = []
        self._pending_own: list[tuple[int, int, int, int]] = []  # (verb, owner, quantity, sign)
        self._pending_changes: list[tuple[int, int, int, int]] = []  # (verb, attribute, amount, sign)
        self._changed: dict[tuple, tuple[int, sympy.Symbol]] = {}
        self.asked_symbol: sympy.Symbol | None = None

    # ------------------------------------------------------------------ graph reading

    def out(self, node: int, kind: EdgeKind | None = None, label: str | None = None) -> list[int]:
        return [e.dst for e in self.g.out_edges(node, kind) if label is None or e.label == label]

    def into(self, node: int, kind: EdgeKind | None = None) -> list[int]:
        """Sources of edges into `node` (of one kind; any kind but the query's `asks`)."""
        return [e.src for e in self.g.edges if e.dst == node and (e.kind == kind if kind else e.kind != EdgeKind.ASKS)]

    def label(self, node: int) -> str:
        return self.g.nodes[node].label

    def kind(self, node: int) -> NodeKind:
        return self.g.nodes[node].kind

    def sentence(self, node: int) -> int:
        return self.g.nodes[node].sentence

    def _asked(self) -> int | None:
        if self.g.query is None:
            return None
        asked = self.out(self.g.query, EdgeKind.ASKS)
        return asked[0] if len(asked) == 1 else None

    def _conditional_nodes(self) -> set[int]:
        """Nodes inside an if-clause or under a quantifier: not facts."""
        inside: set[int] = set()
        stack = [d for c in self.g.nodes_of(NodeKind.CONDITION) for d in self.out(c.id)]
        while stack:
            node = stack.pop()
            if node in inside:
                continue
            inside.add(node)
            stack += [d for d in self.out(node) if self.kind(d) not in (NodeKind.UNIT,)]
            stack += [r for r in self.into(node, EdgeKind.AGENT) if self.kind(r) == NodeKind.RELATION]
        return inside

    def adjectives(self, node: int) -> frozenset[str]:
        return frozenset(self.label(a) for a in self.out(node, EdgeKind.HAS))

    def owner(self, node: int) -> int | None:
        """Whose attribute this is: the `of` owner, or the agent of the verb it is the object of."""
        owners = self.out(node, EdgeKind.OF)
        if len(owners) == 1:
            return self.referent.get(owners[0], owners[0])
        if owners:
            return None
        for rel in self.into(node, EdgeKind.OBJECT):
            agents = self.out(rel, EdgeKind.AGENT)
            if len(agents) == 1 and self.kind(agents[0]) == NodeKind.ENTITY:
                return agents[0]
        return None

    def value(self, node: int) -> sympy.Basic | None:
        """The exact number a quantity or a valued attribute stands for, if stated."""
        n = self.g.nodes[node]
        if n.kind in (NodeKind.QUANTITY, NodeKind.NUMBER) and n.value is not None:
            return sympy.Rational(n.value)
        return None

    def values_of(self, node: int) -> list[int]:
        return [v for v in self.out(node, EdgeKind.VALUE) if self.value(v) is not None]

    def variable_of(self, node: int) -> sympy.Symbol | None:
        for v in self.out(node, EdgeKind.VALUE) + self.out(node, EdgeKind.EQUALS) + self.into(node, EdgeKind.EQUALS):
            if self.kind(v) == NodeKind.VARIABLE:
                return sympy.Symbol(self.label(v))
        return None

    def in_unit(self, node: int) -> bool:
        """`the area of the rectangle in square centimeters`: a measure asked in a unit of its
        own, which no construct of the text's units relates."""
        return any(self.kind(u) == NodeKind.UNIT for u in self.out(node, EdgeKind.RELATION, "in"))

    def same_units(self, nodes: list[int] | set[int]) -> bool:
        """Whether the stated values of these measures share one unit (`meter` and `meter^2`
        agree): formulas of a figure hold only in one system of units."""
        bases = {(self.g.nodes[v].unit or "").split("/")[0].split("^")[0]
                 for n in nodes for v in self.values_of(self.referent.get(n, n))}
        return len(bases) <= 1

    def _attribute_key(self, node: int) -> tuple:
        return ("attr", self.label(node), self.owner(node), self.adjectives(node) - STATE_ADJECTIVES)

    def _referents(self) -> dict[int, int]:
        """A definite attribute (`the hypotenuse of the triangle`) is the one stated before with
        the same noun, owner and adjectives, when exactly one was; two stated legs stay two."""
        ref: dict[int, int] = {}
        by_key: dict[tuple, list[int]] = {}
        attributes = [n.id for n in self.g.nodes_of(NodeKind.ATTRIBUTE) if (self.out(n.id, EdgeKind.OF)
                      or self.into(n.id, EdgeKind.OBJECT)) and not self.in_unit(n.id)]
        for node in attributes:
            by_key.setdefault(("attr", self.label(node), self._raw_owner(node), self.adjectives(node) - STATE_ADJECTIVES), []).append(node)
        for nodes in by_key.values():
            valued = [n for n in nodes if self.values_of(n) or self.variable_of(n) is not None]
            plain = [n for n in nodes if n not in valued]
            if len(valued) <= 1 and nodes:
                head = valued[0] if valued else plain[0]
                for n in nodes:
                    ref[n] = head
        return ref

    def _raw_owner(self, node: int) -> int | None:
        owners = self.out(node, EdgeKind.OF)
        if len(owners) == 1:
            return owners[0]
        for rel in self.into(node, EdgeKind.OBJECT):
            agents = self.out(rel, EdgeKind.AGENT)
            if len(agents) == 1 and self.kind(agents[0]) == NodeKind.ENTITY:
                return agents[0]
        return None

    # ------------------------------------------------------------------ symbols

    def fresh(self, base: str, domain: Domain) -> sympy.Symbol:
        base = re.sub(r"\W+", "_", base).strip("_") or "q"
        count = self.names.get(base, 0)
        self.names[base] = count + 1
        symbol = sympy.Symbol(base if count == 0 else f"{base}_{count + 1}")
        self.meaning.domains[symbol] = domain
        return symbol

    def attr_symbol(self, node: int) -> sympy.Symbol:
        """The symbol of an attribute referent (a figure's size, a price, a speed)."""
        head = self.referent.get(node, node)
        variable = self.variable_of(head)
        if variable is not None:
            return variable
        key = ("node", head)
        if key not in self.symbols:
            label = self.label(head)
            adjectives = sorted(self.adjectives(head) - STATE_ADJECTIVES)
            self.symbols[key] = self.fresh("_".join([*adjectives, label]), Domain.positive if label in LENGTHS else Domain.real)
        return self.symbols[key]

    def state_symbol(self, key: tuple, sentence: int, name: str) -> sympy.Symbol:
        """The symbol of a possession or a changing attribute at the state current in `sentence`."""
        state = 0
        for at, s in self.timeline.get(key, []):
            if at <= sentence:
                state = s
        skey = ("state", key, state)
        if skey not in self.symbols:
            self.symbols[skey] = self.fresh(name if state == 0 else f"{name}_after_{state}", Domain.nonnegative)
        return self.symbols[skey]

    def advance(self, key: tuple, sentence: int) -> None:
        """A change in `sentence`: from the next sentence on, `key` is in a new state."""
        states = self.timeline.setdefault(key, [])
        states.append((sentence + 1, len(states) + 1))

    def add(self, relation: sympy.Basic, construct: str, *nodes: int) -> None:
        sources = tuple(sorted({self.sentence(n) for n in nodes}))
        if relation is sympy.true:
            return
        self.meaning.constraints.append(Constraint(relation, construct, sources))

    def note(self, text: str) -> None:
        if text not in self.meaning.notes:
            self.meaning.notes.append(text)

    # ------------------------------------------------------------------ constructs

    def compile(self) -> Meaning:
        self._stated_formulas()
        self._signs()
        self._events()
        self._possessions()
        self._attribute_facts()
        self._figures()
        self._leaning()
        self._rates()
        self._conversions()
        self._sequences()
        self._interest()
        self._shares()
        self._percent_of()
        self._percentages()
        self._groups()
        self._totals()
        self._proportions()
        self._work_rates()
        self._ratio_shares()
        self._sharing()
        self._remainders()
        self._counting()
        self._stories()
        self._unknown()
        return self.meaning

    def _stated_formulas(self) -> None:
        found, notes = formulas(self.g)
        for note in notes:
            self.note(note)
        operands = {e.dst for e in self.g.edges if e.kind == EdgeKind.ARG}
        roots = [n.id for n in self.g.nodes_of(NodeKind.OPERATION) if n.id not in operands]
        for root in roots:
            if root in self.conditional or self.label(root) not in ("=", "==", "<", "<=", ">", ">=", "!=", "/="):
                continue
            sides = self.out(root, EdgeKind.ARG)
            if any(self.kind(s) == NodeKind.QUANTITY and self.g.nodes[s].unit for s in sides):
                continue  # `1 pound is 16 ounces`: a conversion, read by _conversions
            try:
                relation = expression(self.g, root)
            except (ConstraintError, ValueError, TypeError) as err:
                self.note(str(err))
                continue
            self.add(relation, "stated formula", root)

    def _signs(self) -> None:
        """`A number X is positive.` (negative): X > 0 (X < 0), a bound of the stated formulas."""
        signs = {"positive": (sympy.StrictGreaterThan, Domain.positive), "negative": (sympy.StrictLessThan, Domain.real)}
        for number in self.g.nodes_of(NodeKind.ENTITY):
            variables = [v for v in self.out(number.id, EdgeKind.EQUALS) if self.kind(v) == NodeKind.VARIABLE]
            stated = self.adjectives(number.id)
            if number.label != "number" or len(variables) != 1 or number.id in self.conditional:
                continue
            if len(stated) != 1 or next(iter(stated)) not in signs or self.into(number.id):
                continue
            relation, domain = signs[next(iter(stated))]
            symbol = sympy.Symbol(self.label(variables[0]))
            self.meaning.domains[symbol] = domain
            self.add(relation(symbol, 0), "stated sign", number.id)

    def _touches(self, rel: int) -> set[int]:
        """The entities a verb involves: agent, object, prepositional objects, and owners of
        attributes among them."""
        involved: set[int] = set()
        for dst in self.out(rel):
            if self.kind(dst) == NodeKind.ENTITY:
                involved.add(dst)
            elif self.kind(dst) == NodeKind.ATTRIBUTE:
                owner = self.owner(dst)
                if owner is not None:
                    involved.add(owner)
        return involved

    def _events(self) -> None:
        """Transfers and changes advance states; any other verb that is not static makes the
        quantities of whatever it touches unknown from then on."""
        for rel in sorted((n.id for n in self.g.nodes_of(NodeKind.RELATION)), key=lambda r: (self.sentence(r), r)):
            lemma = self.label(rel)
            if lemma in STATIC_VERBS and rel not in self.conditional:
                continue
            if lemma in TRANSFER_VERBS and rel not in self.conditional and (self._transfer(rel) or self._discount(rel)):
                continue
            if lemma in CHANGE_VERBS and rel not in self.conditional and self._change(rel):
                continue
            if lemma in verb_polarity() and rel not in self.conditional and self._own_change(rel, verb_polarity()[lemma]):
                continue
            touched = self._touches(rel)
            if touched:
                self.note(f"'{lemma}' (sentence {self.sentence(rel) + 1}) is not a construct the compiler reads; "
                          "what it touches is left unconstrained after it")
            for entity in touched:
                self._opaque.add((entity, self.sentence(rel)))

    def _after_opaque(self, entity: int | None, sentence: int, since: int = -1) -> bool:
        return any(e == entity and since <= s < sentence for e, s in self._opaque)

    def opaque(self, entity: int | None) -> bool:
        """Whether a verb the compiler does not read touches the entity anywhere: its sizes
        and measures may change, so no construct relates them."""
        return any(e == entity for e, _ in self._opaque)

    def _plain(self, rel: int, allowed: set[str]) -> bool:
        return all(e.kind.value in allowed or (e.kind == EdgeKind.RELATION and e.label in allowed)
                   for e in self.g.out_edges(rel))

    def _transfer(self, rel: int) -> bool:
        agents, objects, targets = self.out(rel, EdgeKind.AGENT), self.out(rel, EdgeKind.OBJECT), self.out(rel, EdgeKind.RELATION, "to")
        if not (len(agents) == len(objects) == len(targets) == 1 and self._plain(rel, {"agent", "object", "to"})):
            return False
        giver, given, taker = agents[0], objects[0], targets[0]
        if not (self.kind(giver) == self.kind(taker) == NodeKind.ENTITY and self.value(given) is not None
                and self.g.nodes[given].unit and not self.out(given, EdgeKind.HAS)):
            return False
        self._pending_transfers.append((rel, giver, given, taker))
        return True

    def _own_change(self, rel: int, sign: int) -> bool:
        """`Tom buys 8 apples` / `Paco eats 14 cookies`: the agent's things of that unit change by
        +-8, the sign learned from data (tasks/english/verb_polarity.py). Only the plain form:
        a `from`, `for` or `to` means someone else's things change too, which is not read."""
        agents, objects = self.out(rel, EdgeKind.AGENT), self.out(rel, EdgeKind.OBJECT)
        if not (len(agents) == len(objects) == 1 and self._plain(rel, {"agent", "object"})):
            return False
        owner, quantity = agents[0], objects[0]
        if not (self.kind(owner) == NodeKind.ENTITY and self.kind(quantity) == NodeKind.QUANTITY
                and self.value(quantity) is not None and self.g.nodes[quantity].unit
                and not self.out(quantity, EdgeKind.HAS)):
            return False
        self._pending_own.append((rel, owner, quantity, sign))
        return True

    def _change(self, rel: int) -> bool:
        agents, amounts = self.out(rel, EdgeKind.AGENT), self.out(rel, EdgeKind.RELATION, "by")
        if not (len(agents) == len(amounts) == 1 and self._plain(rel, {"agent", "by"})):
            return False
        subject, amount = agents[0], amounts[0]
        if self.kind(subject) != NodeKind.ATTRIBUTE or self.value(amount) is None:
            return False
        self._pending_changes.append((rel, subject, amount, CHANGE_VERBS[self.label(rel)]))
        return True

    def _discount(self, rel: int) -> bool:
        """`A shop gives a discount of 35 percent on the desk`: the desk's price changes by -35 percent."""
        discounts, targets = self.out(rel, EdgeKind.OBJECT), self.out(rel, EdgeKind.RELATION, "on")
        if len(discounts) != 1 or len(targets) != 1 or self.label(discounts[0]) != "discount":
            return False
        values = self.values_of(discounts[0])
        prices = [n for n in self._owned(targets[0], "price") if self.values_of(n)]
        if len(values) != 1 or self.g.nodes[values[0]].unit != "percent" or len(prices) != 1:
            return False
        if not self._plain(rel, {"agent", "object", "on"}):
            return False
        self._pending_changes.append((rel, prices[0], values[0], -1))
        return True

    def _possession_key(self, owner: int, quantity: int) -> tuple:
        n = self.g.nodes[quantity]
        return ("have", owner, n.unit, self.adjectives(quantity) - set(COMPARATIVES))

    def _possessions(self) -> None:
        """`A has 5 apples`: a fact about A's apples now; `B has 3 more apples than A`: a
        comparison; `How many apples does A have?`: A's apples at the question."""
        for rel, giver, given, taker in self._pending_transfers:
            for owner, sign in ((giver, -1), (taker, 1)):
                self._change_possession(rel, owner, given, sign, "transfer")
        for rel, owner, quantity, sign in self._pending_own:
            self._change_possession(rel, owner, quantity, sign, "gain" if sign > 0 else "loss")
        for rel in self.g.nodes_of(NodeKind.RELATION):
            if rel.label != "have" or rel.id in self.conditional:
                continue
            agents = self.out(rel.id, EdgeKind.AGENT)
            if len(agents) != 1 or self.kind(agents[0]) != NodeKind.ENTITY:
                continue
            owner = agents[0]
            than = self.out(rel.id, EdgeKind.RELATION, "than")
            if not self._plain(rel.id, {"agent", "object", "than"}) or len(than) > 1:
                continue
            for quantity in self.out(rel.id, EdgeKind.OBJECT):
                self._possession(rel.id, owner, quantity, than[0] if than else None)

    def _change_possession(self, rel: int, owner: int, quantity: int, sign: int, construct: str) -> None:
        """`rel` moves the quantity's amount into (+1) or out of (-1) what `owner` has: the
        state after it is the state before it +- the amount."""
        s = self.sentence(rel)
        key = self._possession_key(owner, quantity)
        name = f"{self.g.nodes[quantity].unit}_of_{self.label(owner)}"
        before = self._held(key, owner, s, name)
        self.advance(key, s)
        after = self._held(key, owner, s + 1, name)
        self.add(sympy.Eq(after, before + sign * self.value(quantity)), construct, rel)

    def _held(self, key: tuple, owner: int, sentence: int, name: str) -> sympy.Symbol:
        if self._after_opaque(owner, sentence):
            # a verb the compiler does not read touched the owner before: a state of its own
            last = max(s for e, s in self._opaque if e == owner and s < sentence)
            return self.state_symbol((*key, "after", last), sentence, name)
        return self.state_symbol(key, sentence, name)

    def _possession(self, rel: int, owner: int, quantity: int, than: int | None) -> None:
        node = self.g.nodes[quantity]
        if node.kind != NodeKind.QUANTITY or not node.unit:
            return
        s = self.sentence(rel)
        key = self._possession_key(owner, quantity)
        name = f"{node.unit}_of_{self.label(owner)}"
        held = self._held(key, owner, s, name)
        comparatives = [COMPARATIVES[a] for a in self.adjectives(quantity) if a in COMPARATIVES]
        if quantity == self.asked:
            if than is None and not comparatives:
                self.asked_symbol = held
            elif than is not None and len(comparatives) == 1 and self.kind(than) == NodeKind.ENTITY:
                other = self._held(self._possession_key(than, quantity), than, s, f"{node.unit}_of_{self.label(than)}")
                diff = self.fresh(f"difference_{node.unit}", Domain.nonnegative)
                self.add(sympy.Eq(diff, comparatives[0] * (held - other)), "comparison", rel)
                self.asked_symbol = diff
            return
        q = self.value(quantity)
        if q is None:
            return
        if than is None and not comparatives and not (self.adjectives(quantity) & set(COMPARATIVES)):
            self.add(sympy.Eq(held, q), "fact", rel)
        elif than is not None and len(comparatives) == 1 and self.kind(than) == NodeKind.ENTITY:
            other = self._held(self._possession_key(than, quantity), than, s, f"{node.unit}_of_{self.label(than)}")
            self.add(sympy.Eq(held, other + comparatives[0] * q), "comparison", rel)

    def _attribute_facts(self) -> None:
        """`The length of the ladder is 13 feet` / `A ladder has a length of 13 feet`, and
        `X decreases by 25 percent` (after = before x 0.75)."""
        for node in self.g.nodes_of(NodeKind.ATTRIBUTE):
            if node.id in self.conditional:
                continue
            for v in self.values_of(node.id):
                if self._ratio(node.id, v):
                    continue  # `the share is 25 percent`: a ratio to a whole, not the share's amount
                self.add(sympy.Eq(self.attr_symbol(node.id), self.value(v)), "fact", node.id)
        for rel, subject, amount, sign in self._pending_changes:
            unit = self.g.nodes[amount].unit
            stated = {self.g.nodes[v].unit for v in self.values_of(self.referent.get(subject, subject))}
            if unit != "percent" and stated != {unit}:
                self.note(f"a change by {self.label(amount)} {unit} of a {self.label(subject)} in {stated or 'no unit'}: not read")
                continue
            before = self.attr_symbol(subject)
            key = ("attr-state", self.referent.get(subject, subject))
            after = self.fresh(f"{self.label(subject)}_after", Domain.real)
            q = self.value(amount)
            with sympy.evaluate(False):
                if unit == "percent":
                    relation = sympy.Eq(after, sympy.Mul(before, sympy.Add(1, sympy.Mul(sign, q, sympy.Pow(100, -1)))))
                    self.add(relation, "percent change", rel, amount, subject)
                else:
                    self.add(sympy.Eq(after, sympy.Add(before, sympy.Mul(sign, q))), "change", rel, amount, subject)
            self._changed[key] = (self.sentence(rel), after)

    def _ratio(self, attribute: int, value: int) -> bool:
        """A value that states a proportion, not an amount: in percent, or a bare number for a
        share, part or fraction."""
        unit = self.g.nodes[value].unit or ""
        if unit.split("/")[0] == "percent":
            return True
        return not unit and self.label(attribute) in ("share", "part", "fraction", "portion")

    def _figures(self) -> None:
        """The formulas of each named figure over the sizes it has (given or asked)."""
        for entity in self.g.nodes_of(NodeKind.ENTITY):
            if self.opaque(entity.id):
                continue
            sizes = self._sizes_of(entity.id)
            rules = list(FIGURES.get(entity.label, ()))
            right = entity.label == "triangle" and "right" in self.adjectives(entity.id)
            if right:
                self._pythagoras(entity.id, sizes)
            if not self.same_units([n for nodes in sizes.values() for n in nodes]):
                self.note(f"the sizes of the {entity.label} are in different units: no formulas")
                continue
            if not rules or not sizes:
                continue
            named: dict[str, sympy.Symbol] = {}
            for name, nodes in sizes.items():
                heads = {self.referent.get(n, n) for n in nodes}
                if len(heads) == 1:
                    named[name] = self.attr_symbol(next(iter(heads)))
            involved = [n for nodes in sizes.values() for n in nodes]
            present = set(named)
            for symbol in named.values():
                self.meaning.domains[symbol] = Domain.positive  # the sizes of a figure that exists
            for name, formula in rules:
                attrs = {name} | {s.name for s in formula.free_symbols}
                if not attrs & present:
                    continue
                for attr in attrs - named.keys():
                    named[attr] = self.fresh(f"{attr}_of_{entity.label}", Domain.positive)
                lhs = named[name]
                rhs = formula.xreplace({s: named[s.name] for s in formula.free_symbols})
                self.add(sympy.Eq(lhs, rhs), entity.label, entity.id, *involved)

    def _sizes_of(self, entity: int) -> dict[str, list[int]]:
        sizes: dict[str, list[int]] = {}
        for node in self.g.nodes_of(NodeKind.ATTRIBUTE):
            if self.owner(node.id) == entity and not (self.adjectives(node.id) - {"other"}) and not self.in_unit(node.id):
                sizes.setdefault(node.label, []).append(node.id)
        return sizes

    def _pythagoras(self, triangle: int, sizes: dict[str, list[int]]) -> None:
        legs = sorted({self.referent.get(n, n) for n in sizes.get("leg", [])}
                      | {n.id for n in self.g.nodes_of(NodeKind.ATTRIBUTE)
                         if n.label == "leg" and self.owner(n.id) == triangle and self.adjectives(n.id) == {"other"}})
        hyps = {self.referent.get(n, n) for n in sizes.get("hypotenuse", [])}
        if len(legs) != 2 or len(hyps) != 1 or not self.same_units({*legs, *hyps}):
            if legs or hyps:
                self.note(f"a right triangle with {len(legs)} leg(s) and {len(hyps)} hypotenuse(s): no Pythagoras")
            return
        a, b, c = (self.attr_symbol(n) for n in (*legs, *hyps))
        for symbol in (a, b, c):
            self.meaning.domains[symbol] = Domain.positive
        self.add(sympy.Eq(sympy.Add(a**2, b**2, evaluate=False), c**2), "right triangle", triangle, *legs, *hyps)

    def _leaning(self) -> None:
        """A thing leaning against a wall: length² = height on the wall² + distance of its base
        from the wall² (the wall is upright, the ground level)."""
        for rel in self.g.nodes_of(NodeKind.RELATION):
            if rel.label != "lean" or rel.id in self.conditional:
                continue
            agents, walls = self.out(rel.id, EdgeKind.AGENT), self.out(rel.id, EdgeKind.RELATION, "against")
            if len(agents) != 1 or len(walls) != 1:
                continue
            thing, wall = agents[0], walls[0]
            if self.opaque(thing):
                continue
            lengths = {self.referent.get(n.id, n.id) for n in self.g.nodes_of(NodeKind.ATTRIBUTE)
                       if n.label == "length" and self.owner(n.id) == thing and not self.adjectives(n.id)
                       and not self.in_unit(n.id)}
            heights = {self.referent.get(n, n) for n in self._on(thing, wall, "height", "on")}
            bases = [n.id for n in self.g.nodes_of(NodeKind.ATTRIBUTE) if n.label == "base" and self.owner(n.id) == thing]
            distances = set()
            for base in bases:
                if wall in self.out(base, EdgeKind.RELATION, "from") and self.values_of(base):
                    distances.add(base)  # `The base of the ladder is 5 meters from the wall.`
                distances |= {d for d in self._on(base, wall, "distance", "from")}
            if len(lengths) == len(heights) == len(distances) == 1 and self.same_units(lengths | heights | distances):
                (length,), (height,), (distance,) = lengths, heights, distances
                d, h, ell = self.attr_symbol(distance), self.attr_symbol(height), self.attr_symbol(length)
                for symbol in (d, h, ell):
                    self.meaning.domains[symbol] = Domain.positive
                self.add(sympy.Eq(sympy.Add(d**2, h**2, evaluate=False), ell**2), "leaning against a wall",
                         rel.id, length, height, distance)
            else:
                self.note(f"'{self.label(thing)} leans against {self.label(wall)}' without one length, one height "
                          "on it and one distance of its base from it: no right triangle")

    def _on(self, owner: int, wall: int, noun: str, preposition: str) -> set[int]:
        """Attributes `noun` of `owner` placed with `preposition` at the wall: `the height of
        the ladder on the wall`, `the ladder reaches a height of 12 feet on the wall`."""
        found = set()
        for node in self.g.nodes_of(NodeKind.ATTRIBUTE):
            if node.label != noun or self.adjectives(node.id) or self.in_unit(node.id):
                continue
            if self.owner(node.id) == owner and wall in self.out(node.id, EdgeKind.RELATION, preposition):
                found.add(node.id)
            for rel in self.into(node.id, EdgeKind.OBJECT):
                if self.out(rel, EdgeKind.AGENT) == [owner] and wall in self.out(rel, EdgeKind.RELATION, preposition):
                    found.add(node.id)
        return found

    def _rates(self) -> None:
        """amount = rate x time, for one agent: the rate's unit is `a/b`; the amount is the one
        quantity in `a` of a verb of the rate's lemma, the time the one quantity in `b` of any of
        the agent's verbs (given or asked)."""
        for entity in self.g.nodes_of(NodeKind.ENTITY):
            verbs = [r for r in self.into(entity.id, EdgeKind.AGENT)
                     if self.kind(r) == NodeKind.RELATION and r not in self.conditional]
            rates = []
            for rel in verbs:
                for q in self._quantities_of(rel):
                    unit = self.g.nodes[q].unit or ""
                    if unit.count("/") == 1:
                        rates.append((rel, q, *unit.split("/")))
            speeds = [n.id for n in self.g.nodes_of(NodeKind.ATTRIBUTE)
                      if n.label in ("speed", "rate") and self.owner(n.id) == entity.id and n.id == self.asked
                      and not self.in_unit(n.id)]
            if len(rates) + len(speeds) != 1:
                continue
            changed = {head for kind, head in self._changed}
            holders = {self.referent.get(n.id, n.id) for n in self.g.nodes_of(NodeKind.ATTRIBUTE)
                       if self.owner(n.id) == entity.id}
            if holders & changed:
                self.note(f"a rate of '{entity.label}' that changes: no amount = rate x time")
                continue
            if rates:
                rel, q, num, den = rates[0]
                lemma = self.label(rel)
                amounts = [a for r in verbs if self.label(r) == lemma for a in self._quantities_of(r)
                           if self.g.nodes[a].unit == num]
                times = [t for r in verbs for t in self._quantities_of(r) if self.g.nodes[t].unit == den]
                rate = self.value(q)
            else:
                lemma, rel = None, None
                amounts = [a for r in verbs for a in self._quantities_of(r) if "/" not in (self.g.nodes[a].unit or "")
                           and a in self.out(r, EdgeKind.OBJECT)]
                times = [t for r in verbs for t in self.out(r, EdgeKind.RELATION, "in") if self.value(t) is not None
                         and self.g.nodes[t].unit == "hour"]  # a speed asked without a unit is per hour
                rate = self.attr_symbol(speeds[0])
                self.asked_symbol = rate  # the asked speed is the rate, whatever else touches its owner
            if len(amounts) != 1 or len(times) != 1:
                continue
            amount, time = (self._measure_symbol(n) for n in (amounts[0], times[0]))
            nodes = [n for n in (rel, amounts[0], times[0], *(speeds or [])) if n is not None]
            self.add(sympy.Eq(amount, sympy.Mul(rate, time, evaluate=False)), "rate x time", *nodes)

    def _quantities_of(self, rel: int) -> list[int]:
        """Quantities a verb is about: objects, prepositional objects, values of its measurement nouns."""
        found = []
        for dst in self.out(rel, EdgeKind.OBJECT) + self.out(rel, EdgeKind.RELATION):
            node = self.g.nodes[dst]
            if node.kind == NodeKind.QUANTITY and node.unit:
                found.append(dst)
            elif node.kind == NodeKind.ATTRIBUTE:
                found += [v for v in self.out(dst, EdgeKind.VALUE) if self.g.nodes[v].unit]
        return found

    def _measure_symbol(self, quantity: int) -> sympy.Basic:
        """A quantity in a rate construct: its number, or the unknown when it is asked."""
        value = self.value(quantity)
        if value is not None:
            return value
        if quantity == self.asked:
            if self.asked_symbol is None:
                self.asked_symbol = self.fresh(self.g.nodes[quantity].unit or "answer", Domain.nonnegative)
            return self.asked_symbol
        return self.fresh(self.g.nodes[quantity].unit or "q", Domain.nonnegative)

    def _conversions(self) -> None:
        """`1 pound is 16 ounces` and a thing measured in one of the units, asked in the other."""
        if self.asked is None or self.g.nodes[self.asked].kind != NodeKind.QUANTITY or self.value(self.asked) is not None:
            return
        asked_unit = self.g.nodes[self.asked].unit
        pairs = [(op.id, self.out(op.id, EdgeKind.ARG)) for op in self.g.nodes_of(NodeKind.OPERATION) if op.label == "="]
        pairs += [(q.id, [q.id, v]) for q in self.g.nodes_of(NodeKind.QUANTITY) for v in self.out(q.id, EdgeKind.VALUE)
                  if self.kind(v) == NodeKind.QUANTITY]  # `1 pound is 16 ounces` as parsed
        for op, sides in pairs:
            if op in self.conditional or len(sides) != 2 or not all(
                    self.value(s) is not None and self.g.nodes[s].unit for s in sides):
                continue
            (x, ux), (y, uy) = ((self.value(s), self.g.nodes[s].unit) for s in sides)
            if asked_unit not in (ux, uy) or ux == uy:
                continue
            per_asked, other = (x, uy) if ux == asked_unit else (y, ux)
            factor = (y if ux == asked_unit else x)  # per_asked [asked] = factor [other]
            owners = {e for r in self.into(self.asked, EdgeKind.OBJECT) for e in self.out(r, EdgeKind.AGENT)}
            measured = [(node.id, v) for node in self.g.nodes_of(NodeKind.ATTRIBUTE) if self.owner(node.id) in owners
                        for v in self.values_of(node.id) if self.g.nodes[v].unit == other]
            if len(owners) != 1 or len(measured) != 1 or self.opaque(next(iter(owners))):
                continue
            answer = self._measure_symbol(self.asked)
            attribute, quantity = measured[0]
            with sympy.evaluate(False):
                relation = sympy.Eq(sympy.Mul(answer, factor), sympy.Mul(self.attr_symbol(attribute), per_asked))
            self.add(relation, "unit conversion", op, quantity, self.asked)
            return

    def _owned(self, owner: int, noun: str, adjectives: frozenset[str] = frozenset()) -> list[int]:
        return [n.id for n in self.g.nodes_of(NodeKind.ATTRIBUTE)
                if n.label == noun and self.owner(n.id) == owner and self.adjectives(n.id) == adjectives
                and not self.in_unit(n.id)]

    def _one_symbol(self, nodes: list[int]) -> sympy.Symbol | None:
        heads = {self.referent.get(n, n) for n in nodes}
        return self.attr_symbol(next(iter(heads))) if len(heads) == 1 else None

    def _sequences(self) -> None:
        """An arithmetic or geometric sequence of n terms: last = first + (n-1) d, sum = n (first
        + last)/2; last = first r^(n-1), sum (r - 1) = first (r^n - 1)."""
        for seq in self.g.nodes_of(NodeKind.ENTITY):
            kinds = self.adjectives(seq.id) & {"arithmetic", "geometric"}
            if seq.label != "sequence" or len(kinds) != 1 or self.opaque(seq.id):
                continue
            counts = [q for r in self.into(seq.id, EdgeKind.AGENT) if self.label(r) == "have" and r not in self.conditional
                      for q in self.out(r, EdgeKind.OBJECT) if self.g.nodes[q].unit == "term" and self.value(q) is not None]
            if len(counts) != 1:
                continue
            n = self.value(counts[0])
            first = self._one_symbol(self._owned(seq.id, "term", frozenset(["first"])))
            last_nodes = self._owned(seq.id, "term", frozenset(["last"]))
            terms = self._owned(seq.id, "term")
            sums = [a.id for a in self.g.nodes_of(NodeKind.ATTRIBUTE) if a.label == "sum"
                    and any(o in terms for o in self.out(a.id, EdgeKind.OF))]
            step_noun = "difference" if "arithmetic" in kinds else "ratio"
            step = self._one_symbol(self._owned(seq.id, step_noun))
            if first is None or step is None or not (last_nodes or sums):
                continue
            nodes = [counts[0], *last_nodes, *sums, *self._owned(seq.id, "term", frozenset(["first"])),
                     *self._owned(seq.id, step_noun)]
            last = self._one_symbol(last_nodes) if last_nodes else self.fresh("last_term", Domain.real)
            if "arithmetic" in kinds:
                self.add(sympy.Eq(last, first + (n - 1) * step), "arithmetic sequence", *nodes)
                if sums:
                    self.add(sympy.Eq(self._one_symbol(sums), n * (first + last) / 2), "arithmetic sequence", *nodes)
            else:
                self.add(sympy.Eq(last, first * step ** (n - 1)), "geometric sequence", *nodes)
                if sums:
                    self.add(sympy.Eq(self._one_symbol(sums) * (step - 1), first * (step**n - 1)),
                             "geometric sequence", *nodes)
                    self.add(sympy.Ne(step, 1), "geometric sequence", *nodes)

    def _interest(self) -> None:
        """X deposits P in a bank that pays a simple (compound) interest of r percent per year
        for t years: interest = P r t / 100 (total = P (1 + r/100)^t); total = P + interest."""
        for pay in self.g.nodes_of(NodeKind.RELATION):
            if pay.label != "pay" or pay.id in self.conditional:
                continue
            rates = [(a, v) for a in self.out(pay.id, EdgeKind.OBJECT) if self.label(a) == "interest"
                     for v in self.values_of(a) if self.g.nodes[v].unit == "percent/year"]
            banks = self.out(pay.id, EdgeKind.AGENT)
            if len(rates) != 1 or len(banks) != 1:
                continue
            interest_node, rate_node = rates[0]
            kind = self.adjectives(interest_node) & {"simple", "compound"}
            deposits = [(self.out(r.id, EdgeKind.AGENT), q) for r in self.g.nodes_of(NodeKind.RELATION)
                        if r.label == "deposit" and banks[0] in self.out(r.id, EdgeKind.RELATION, "in")
                        for q in self.out(r.id, EdgeKind.OBJECT) if self.value(q) is not None]
            if len(kind) != 1 or len(deposits) != 1 or len(deposits[0][0]) != 1:
                continue
            (depositor,), principal = deposits[0]
            years = [q for r in self.into(depositor, EdgeKind.AGENT) for q in self.out(r, EdgeKind.RELATION, "for")
                     if self.g.nodes[q].unit == "year" and self.value(q) is not None]
            asked = self.g.nodes[self.asked] if self.asked is not None else None
            verbs = [self.label(r) for r in self.into(self.asked, EdgeKind.OBJECT)] if asked else []
            if len(years) != 1 or asked is None or asked.unit != self.g.nodes[principal].unit or len(verbs) != 1:
                continue
            p, r, t = self.value(principal), self.value(rate_node), self.value(years[0])
            total = self.fresh("total", Domain.nonnegative)
            earned = self.fresh("interest", Domain.nonnegative)
            nodes = (pay.id, principal, years[0], self.asked)
            with sympy.evaluate(False):
                if "simple" in kind:
                    self.add(sympy.Eq(earned, sympy.Mul(p, r, t) / 100), "simple interest", *nodes)
                else:
                    self.add(sympy.Eq(total, sympy.Mul(p, sympy.Pow(1 + r / 100, int(t)))), "compound interest", *nodes)
                self.add(sympy.Eq(total, sympy.Add(p, earned)), f"{next(iter(kind))} interest", *nodes)
            if verbs[0] in ("earn", "gain"):
                self.asked_symbol = earned
            elif verbs[0] == "have":
                self.asked_symbol = total  # what the depositor has at the end
            return

    def _shares(self) -> None:
        """`A takes a share of the 100 coins. The share is 40 percent.` and `How many coins does A
        take?`: part = 40/100 x 100 (a share given as a fraction: part = fraction x whole)."""
        if self.asked is None or self.value(self.asked) is not None or not self.g.nodes[self.asked].unit:
            return
        unit = self.g.nodes[self.asked].unit
        for verb in self.into(self.asked, EdgeKind.OBJECT):
            agents = self.out(verb, EdgeKind.AGENT)
            for share in self.g.nodes_of(NodeKind.ATTRIBUTE):
                wholes = self.out(share.id, EdgeKind.OF)
                values = self.values_of(share.id)
                if share.label != "share" or len(wholes) != 1 or len(values) != 1 or self.value(wholes[0]) is None:
                    continue
                if self.g.nodes[wholes[0]].unit != unit:
                    continue
                takers = [r for r in self.into(share.id, EdgeKind.OBJECT) if self.label(r) == self.label(verb)
                          and self.out(r, EdgeKind.AGENT) == agents and self._plain(r, {"agent", "object"})]
                if len(takers) != 1 or not self._plain(verb, {"agent", "object"}):
                    continue
                fraction = self.value(values[0])
                if self.g.nodes[values[0]].unit == "percent":
                    fraction = fraction / 100
                elif self.g.nodes[values[0]].unit:
                    continue
                part = self._measure_symbol(self.asked)
                with sympy.evaluate(False):
                    relation = sympy.Eq(part, sympy.Mul(fraction, self.value(wholes[0])))
                self.add(relation, "share of a whole",
                         share.id, values[0], wholes[0], self.asked)
                return

    def _percent_of(self) -> None:
        """`What is 15 percent of 80?` (or of 80 dollars, or of the area of a figure): the asked
        part = 15/100 x the whole, the whole a stated number or the symbol of a measure that
        other constructs relate."""
        asked = self.asked
        if asked is None or self.asked_symbol is not None or self.into(asked, EdgeKind.OBJECT):
            return
        node = self.g.nodes[asked]
        wholes = self.out(asked, EdgeKind.OF)
        if node.kind != NodeKind.QUANTITY or node.unit != "percent" or self.value(asked) is None or len(wholes) != 1:
            return
        whole = wholes[0]
        if self.value(whole) is not None:
            amount: sympy.Basic = self.value(whole)
        elif self.kind(whole) == NodeKind.ATTRIBUTE and self.owner(whole) is not None and not self.opaque(self.owner(whole)):
            amount = self.attr_symbol(whole)
        else:
            return
        part = self.fresh("part", Domain.real)
        with sympy.evaluate(False):
            relation = sympy.Eq(part, sympy.Mul(sympy.Mul(self.value(asked), sympy.Pow(100, -1)), amount))
        self.add(relation, "percent of a whole", asked, whole)
        self.asked_symbol = part

    def _percentages(self) -> None:
        """`What is the percentage of the 47 questions that Mary answers?` of a text with one
        other amount of questions (the 80 of the test): percentage = 47/80 x 100."""
        if self.asked is None or self.label(self.asked) not in ("percentage", "percent"):
            return
        parts = self.out(self.asked, EdgeKind.OF)
        if len(parts) != 1 or self.value(parts[0]) is None or not self.g.nodes[parts[0]].unit:
            return
        unit = self.g.nodes[parts[0]].unit
        wholes = [q.id for q in self.g.nodes_of(NodeKind.QUANTITY) if q.unit == unit and q.id != parts[0]
                  and self.value(q.id) is not None]
        if len(wholes) != 1 or wholes[0] in self.conditional:
            return
        holders = [r for r in self.into(wholes[0], EdgeKind.OBJECT) if self.label(r) == "have"]
        if len(holders) != 1:
            return
        symbol = self.attr_symbol(self.asked)
        whole, part = self.value(wholes[0]), self.value(parts[0])
        with sympy.evaluate(False):
            relation = sympy.Eq(symbol, sympy.Mul(sympy.Mul(part, 100), sympy.Pow(whole, -1)))
        self.add(relation, "percentage of a whole",
                 self.asked, parts[0], wholes[0])

    def _loose(self, unit: str) -> list[int]:
        """Stated amounts of `unit` that no verb is about: `There are 16 boxes.`"""
        return [q.id for q in self.g.nodes_of(NodeKind.QUANTITY) if q.unit == unit and self.value(q.id) is not None
                and not self.into(q.id) and q.id not in self.conditional]

    def _groups(self) -> None:
        """`There are 16 boxes. Every box has 9 marbles.`: marbles = 16 x 9, whichever is asked."""
        for condition in self.g.nodes_of(NodeKind.CONDITION):
            if condition.label not in ("every", "each"):
                continue
            nouns = self.out(condition.id, EdgeKind.CONDITION)
            if len(nouns) != 1:
                continue
            group = nouns[0]
            have = [r for r in self.into(group, EdgeKind.AGENT) if self.label(r) == "have" and r in self.conditional
                    and self.sentence(r) == self.sentence(condition.id)]
            members = [q for r in have for q in self.out(r, EdgeKind.OBJECT) if self.value(q) is not None
                       and self.g.nodes[q].unit and not self.out(q, EdgeKind.HAS)]
            if len(have) != 1 or len(members) != 1 or len(self.g.out_edges(have[0])) != 2:
                continue
            per, unit = self.value(members[0]), self.g.nodes[members[0]].unit
            group_unit = self.label(group)
            counts = self._loose(group_unit)
            totals = self._loose(unit)
            asked = self.asked
            asked_node = self.g.nodes[asked] if asked is not None else None
            if asked_node is None or asked_node.kind != NodeKind.QUANTITY or asked_node.value is not None:
                continue
            if asked_node.unit == group_unit and len(counts) == 0 and len(totals) == 1 and not self.into(asked):
                count, total = self._measure_symbol(asked), self.value(totals[0])
                nodes = (members[0], totals[0], asked)
            elif asked_node.unit == unit and len(counts) == 1 and len(totals) == 0 and self._asked_of_group(group):
                count, total = self.value(counts[0]), self._measure_symbol(asked)
                nodes = (members[0], counts[0], asked)
            else:
                continue
            self.add(sympy.Eq(total, sympy.Mul(count, per, evaluate=False)), "equal groups", *nodes)
            return
        self._owned_groups()

    def _owned_groups(self) -> None:
        """`Lucy has 11 shelves. Every shelf has 15 marbles.`: Lucy's marbles are 11 x 15, when
        nothing else is said of what Lucy has of them."""
        for condition in self.g.nodes_of(NodeKind.CONDITION):
            nouns = self.out(condition.id, EdgeKind.CONDITION)
            if condition.label not in ("every", "each") or len(nouns) != 1:
                continue
            group = nouns[0]
            have = [r for r in self.into(group, EdgeKind.AGENT) if self.label(r) == "have"
                    and self.sentence(r) == self.sentence(condition.id) and len(self.g.out_edges(r)) == 2]
            members = [q for r in have for q in self.out(r, EdgeKind.OBJECT) if self.value(q) is not None
                       and self.g.nodes[q].unit and not self.out(q, EdgeKind.HAS)]
            if len(have) != 1 or len(members) != 1:
                continue
            unit = self.g.nodes[members[0]].unit
            holders = [(r.id, q) for r in self.g.nodes_of(NodeKind.RELATION) if r.label == "have"
                       and r.id not in self.conditional and len(self.g.out_edges(r.id)) == 2
                       for q in self.out(r.id, EdgeKind.OBJECT)
                       if self.g.nodes[q].unit == self.label(group) and self.value(q) is not None]
            if len(holders) != 1:
                continue
            rel, count = holders[0]
            owner = self.out(rel, EdgeKind.AGENT)[0]
            stated = [q.id for q in self.g.nodes_of(NodeKind.QUANTITY) if q.unit == unit and self.value(q.id) is not None
                      and any(self.out(r, EdgeKind.AGENT) == [owner] and self.label(r) == "have"
                              for r in self.into(q.id, EdgeKind.OBJECT))]
            if stated or self.kind(owner) != NodeKind.ENTITY:
                continue
            key = ("have", owner, unit, frozenset())
            held = self._held(key, owner, self.sentence(rel), f"{unit}_of_{self.label(owner)}")
            with sympy.evaluate(False):
                relation = sympy.Eq(held, sympy.Mul(self.value(count), self.value(members[0])))
            self.add(relation, "equal groups", rel, members[0])
            return

    def _asked_of_group(self, group: int) -> bool:
        """`How many marbles do the boxes have?` (or `are there`)."""
        verbs = self.into(self.asked, EdgeKind.OBJECT)
        if not verbs:
            return not self.into(self.asked)
        return len(verbs) == 1 and self.label(verbs[0]) == "have" and self.out(verbs[0], EdgeKind.AGENT) == [group] \
            and len(self.g.out_edges(verbs[0])) == 2

    def _totals(self) -> None:
        """`How many coins are there?`: the sum of what each one has, when every amount of coins
        in the text is a plain possession stated before anything changed."""
        asked = self.asked
        if asked is None or self.asked_symbol is not None or self.into(asked) or self.value(asked) is not None:
            return
        node = self.g.nodes[asked]
        if node.kind != NodeKind.QUANTITY or not node.unit or self.out(asked, EdgeKind.HAS):
            return
        amounts = [q.id for q in self.g.nodes_of(NodeKind.QUANTITY) if q.unit == node.unit and q.id != asked]
        owners = []
        for q in amounts:
            verbs = self.into(q, EdgeKind.OBJECT)
            if len(verbs) != 1 or self.label(verbs[0]) != "have" or verbs[0] in self.conditional or self.out(q, EdgeKind.HAS):
                return
            agents = self.out(verbs[0], EdgeKind.AGENT)
            if len(agents) != 1 or self.kind(agents[0]) != NodeKind.ENTITY or len(self.g.out_edges(verbs[0])) != 2:
                return
            owners.append((agents[0], q))
        if len(owners) < 2 or len({o for o, _ in owners}) != len(owners) or self._opaque or self._pending_transfers or self._pending_own:
            return
        held = [self._held(self._possession_key(o, q), o, self.sentence(q), f"{node.unit}_of_{self.label(o)}")
                for o, q in owners]
        total = self.fresh(f"total_{node.unit}", Domain.nonnegative)
        self.add(sympy.Eq(total, sympy.Add(*held, evaluate=False)), "sum of possessions", asked, *(q for _, q in owners))
        self.asked_symbol = total

    def _proportions(self) -> None:
        """`16 tickets cost 320 dollars. How many dollars do 22 tickets cost?`: the same verb
        between two amounts, twice: 320/16 = answer/22."""
        asked = self.asked
        if asked is None or self.value(asked) is not None or self.asked_symbol is not None:
            return
        verbs = self.into(asked, EdgeKind.OBJECT)
        if len(verbs) != 1:
            return
        lemma = self.label(verbs[0])

        def pair(rel: int) -> tuple[int, int] | None:
            agents, objects = self.out(rel, EdgeKind.AGENT), self.out(rel, EdgeKind.OBJECT)
            if len(agents) != 1 or len(objects) != 1 or len(self.g.out_edges(rel)) != 2:
                return None
            a, o = agents[0], objects[0]
            if self.kind(a) != NodeKind.QUANTITY or self.value(a) is None or not self.g.nodes[o].unit:
                return None
            return a, o

        mine = pair(verbs[0])
        others = [pair(r.id) for r in self.g.nodes_of(NodeKind.RELATION) if r.label == lemma and r.id != verbs[0]]
        if mine is None or len(others) != 1 or others[0] is None:
            return
        (a1, o1), (a2, _) = others[0], mine
        if self.g.nodes[a1].unit != self.g.nodes[a2].unit or self.g.nodes[o1].unit != self.g.nodes[asked].unit:
            return
        if self.value(o1) is None or verbs[0] in self.conditional:
            return
        answer = self._measure_symbol(asked)
        with sympy.evaluate(False):
            relation = sympy.Eq(sympy.Mul(answer, self.value(a1)), sympy.Mul(self.value(o1), self.value(a2)))
        self.add(relation, "proportion", a1, o1, a2, asked)

    def _work_rates(self) -> None:
        """Each one alone does the job in t_i; together (`A fills the tank with B`, `A fills the
        tank and B empties it`) their rates add, an emptier's counting against: sum(+-T/t_i) = 1."""
        asked = self.asked
        if asked is None or self.value(asked) is not None or not self.g.nodes[asked].unit:
            return
        unit = self.g.nodes[asked].unit
        solo: dict[int, list[tuple[int, int, int]]] = {}  # agent -> [(verb, job, time)]
        joint: dict[int, list[int]] = {}  # sentence -> verbs without a time
        for rel in self.g.nodes_of(NodeKind.RELATION):
            agents, jobs = self.out(rel.id, EdgeKind.AGENT), self.out(rel.id, EdgeKind.OBJECT)
            if len(agents) != 1 or len(jobs) != 1 or self.kind(jobs[0]) != NodeKind.ENTITY or rel.id in self.conditional:
                continue
            times = self.out(rel.id, EdgeKind.RELATION, "in")
            if len(times) == 1 and self.g.nodes[times[0]].unit == unit and self.value(times[0]) is not None \
                    and self._plain(rel.id, {"agent", "object", "in"}):
                solo.setdefault(agents[0], []).append((rel.id, jobs[0], times[0]))
            elif not times and self._plain(rel.id, {"agent", "object", "with"}):
                joint.setdefault(rel.sentence, []).append(rel.id)
        askers = [r for r in self.into(asked, EdgeKind.OBJECT) if self.label(r) in ("need", "take")]
        if len(askers) != 1 or len(joint) != 1:
            return
        together = next(iter(joint.values()))
        members = {a for r in together for a in self.out(r, EdgeKind.AGENT) + self.out(r, EdgeKind.RELATION, "with")}
        job = {j for r in together for j in self.out(r, EdgeKind.OBJECT)}
        if len(members) < 2 or len(job) != 1 or self.out(askers[0], EdgeKind.AGENT)[0] not in members:
            return
        terms, nodes = [], [asked, *together]
        total = self._measure_symbol(asked)
        for member in sorted(members):
            alone = [(r, t) for r, j, t in solo.get(member, []) if j in job]
            if len(alone) != 1:
                return
            verb, time = alone[0]
            if self.label(verb) not in [self.label(r) for r in together if member in self.out(r, EdgeKind.AGENT)] + [
                    self.label(r) for r in together if member in self.out(r, EdgeKind.RELATION, "with")]:
                return
            sign = -1 if self.label(verb) in ("empty", "drain", "leak") else 1
            with sympy.evaluate(False):
                terms.append(sympy.Mul(sign, total, sympy.Pow(self.value(time), -1)) if sign < 0
                             else sympy.Mul(total, sympy.Pow(self.value(time), -1)))
            nodes += [verb, time]
        with sympy.evaluate(False):
            relation = sympy.Eq(sympy.Add(*terms), 1)
        self.add(relation, "work rates add", *nodes)

    def _ratio_shares(self) -> None:
        """`A shares 340 dollars with B. The share of A is 9 parts. The share of B is 8 parts.`
        and `How many dollars does B get?`: B's = 340 x 8 / (9 + 8)."""
        asked = self.asked
        if asked is None or self.value(asked) is not None:
            return
        getters = [a for r in self.into(asked, EdgeKind.OBJECT) if self.label(r) == "get" for a in self.out(r, EdgeKind.AGENT)]
        for rel in self.g.nodes_of(NodeKind.RELATION):
            if rel.label != "share" or rel.id in self.conditional or len(getters) != 1:
                continue
            agents, amounts, partners = (self.out(rel.id, EdgeKind.AGENT), self.out(rel.id, EdgeKind.OBJECT),
                                         self.out(rel.id, EdgeKind.RELATION, "with"))
            if not (len(agents) == len(amounts) == len(partners) == 1 and self.value(amounts[0]) is not None):
                continue
            if self.g.nodes[amounts[0]].unit != self.g.nodes[asked].unit:
                continue
            parts = {}
            for person in (agents[0], partners[0]):
                shares = [v for n in self._owned(person, "share") for v in self.values_of(n)
                          if self.g.nodes[v].unit == "part"]
                if len(shares) != 1:
                    return
                parts[person] = shares[0]
            if getters[0] not in parts:
                return
            answer = self._measure_symbol(asked)
            whole = self.value(amounts[0])
            with sympy.evaluate(False):
                relation = sympy.Eq(sympy.Mul(answer, sympy.Add(*(self.value(v) for v in parts.values()))),
                                    sympy.Mul(whole, self.value(parts[getters[0]])))
            self.add(relation, "shares in a ratio", rel.id, amounts[0], *parts.values(), asked)
            return

    def _sharing(self) -> None:
        """`A shares the 30 toys among 10 children. How many toys does every child get?`: 30 = 10 x answer."""
        asked = self.asked
        if asked is None or self.value(asked) is not None:
            return
        getters = [r for r in self.into(asked, EdgeKind.OBJECT) if self.label(r) == "get"]
        if len(getters) != 1 or len(self.out(getters[0], EdgeKind.AGENT)) != 1:
            return
        child = self.out(getters[0], EdgeKind.AGENT)[0]
        if not any(self.label(c) in ("every", "each") for c in self.into(child, EdgeKind.CONDITION)):
            return
        for rel in self.g.nodes_of(NodeKind.RELATION):
            amounts, among = self.out(rel.id, EdgeKind.OBJECT), self.out(rel.id, EdgeKind.RELATION, "among")
            if rel.label != "share" or len(amounts) != 1 or len(among) != 1 or rel.id in self.conditional:
                continue
            if not self._plain(rel.id, {"agent", "object", "among"}):
                continue
            total, count = self.value(amounts[0]), self.value(among[0])
            if total is None or count is None or self.g.nodes[among[0]].unit != self.label(child):
                continue
            if self.g.nodes[amounts[0]].unit != self.g.nodes[asked].unit:
                continue
            answer = self._measure_symbol(asked)
            with sympy.evaluate(False):
                relation = sympy.Eq(sympy.Mul(count, answer), total)
            self.add(relation, "equal sharing", rel.id, amounts[0], among[0], asked)
            return

    def _remainders(self) -> None:
        """`the remainder of the division of X by Y`: remainder = X mod Y, for whole X and Y."""
        for rem in self.g.nodes_of(NodeKind.ATTRIBUTE):
            divisions = [d for d in self.out(rem.id, EdgeKind.OF) if self.label(d) == "division"]
            if rem.label != "remainder" or len(divisions) != 1:
                continue
            dividends = self.out(divisions[0], EdgeKind.OF)
            divisors = self.out(rem.id, EdgeKind.RELATION, "by") + self.out(divisions[0], EdgeKind.RELATION, "by")
            if len(dividends) != 1 or len(divisors) != 1:
                continue
            terms = []
            for node, least in ((dividends[0], 0), (divisors[0], 1)):  # where every convention of mod agrees
                stated = self._whole(sympy.Symbol(self.label(node))) if self.kind(node) == NodeKind.VARIABLE \
                    else self.value(node)
                if stated is None or not stated.is_integer or stated < least:
                    break
                terms.append(sympy.Symbol(self.label(node)) if self.kind(node) == NodeKind.VARIABLE else stated)
            else:
                for term in terms:
                    if isinstance(term, sympy.Symbol):
                        self.meaning.domains[term] = Domain.integer
                symbol = self.attr_symbol(rem.id)
                self.meaning.domains[symbol] = Domain.nonnegative_integer
                self.add(sympy.Eq(symbol, sympy.Mod(*terms, evaluate=False)), "remainder of a division",
                         rem.id, dividends[0], divisors[0])
                self.add(sympy.Ne(terms[1], 0), "remainder of a division", rem.id)

    def _whole(self, variable: sympy.Symbol) -> sympy.Basic | None:
        """The whole number a stated formula gives the variable (`X = 470`), if one does."""
        for c in self.meaning.constraints:
            r = c.relation
            if c.construct == "stated formula" and isinstance(r, sympy.Eq) and r.lhs == variable and r.rhs.is_integer:
                return r.rhs
        return None

    def _unknown(self) -> None:
        """The asked quantity becomes the unknown: a variable, an attribute, a possession."""
        asked = self.asked
        if asked is None:
            self.note("the question asks for nothing the compiler can name")
            return
        node = self.g.nodes[asked]
        if self.asked_symbol is not None:
            self.meaning.unknown = self.asked_symbol
        elif node.kind == NodeKind.VARIABLE:
            self.meaning.unknown = sympy.Symbol(node.label)
        elif node.kind == NodeKind.ATTRIBUTE and self.owner(asked) is not None:
            symbol = self.attr_symbol(asked)
            head = self.referent.get(asked, asked)
            changed = self._changed.get(("attr-state", head))
            if changed is not None and self.sentence(self.g.query) > changed[0]:
                symbol = changed[1]
            elif self.adjectives(asked) & STATE_ADJECTIVES:
                symbol = self.fresh(f"new_{node.label}", Domain.real)  # `the new price` after nothing read
            elif self.opaque(self.owner(asked)):
                symbol = self.fresh(f"{node.label}_later", Domain.real)  # after a verb not read
            self.meaning.unknown = symbol
        else:
            variable = self.variable_of(asked)
            if variable is not None:
                self.meaning.unknown = variable
            else:
                self.note(f"the asked {node.kind.value} '{node.label}' is no quantity the compiler reads")



def compile_meaning(graph: SemanticGraph) -> Meaning:
    """The constraints the question states over its quantities, with the asked one as unknown."""
    return _Compiler(graph).compile()


# --------------------------------------------------------------------------- deciding

Verdict = Literal["unique", "sat", "violated", "unsat", "undetermined", "unknown", "none"]


class ProvedConstraint(BaseModel):
    """One constraint as the certificate shows it: the relation, with the facts' numbers and
    the answer put in, the construct it came from and the sentences it was read from."""

    relation: str
    instance: str = Field(default="", description="The relation with the given numbers and the answer substituted.")
    rule: str = Field(description="The construct it came from: fact, right triangle, transfer, rate x time, ...")
    facts: list[str] = Field(default_factory=list)


class Proof(BaseModel):
    """What the question's own constraints say about one answer (the certificate's core).

    verdict: unique (the answer satisfies them and no other value in the domain does), sat
    (it satisfies them, others too), violated (it does not), unsat (the question contradicts
    itself: `conflicting` names the facts), undetermined (they do not pin the unknown down,
    or it is not in them), unknown (a solver could not decide), none (nothing to check)."""

    verdict: Verdict
    unknown: str | None = None
    domain: str | None = None
    answer: str | None = None
    constraints: list[ProvedConstraint] = Field(default_factory=list)
    independent: str | None = Field(default=None, description="The unknown's value from the constraints alone.")
    agrees: bool | None = Field(default=None, description="Whether the independent value is the program's answer.")
    alternative: str | None = Field(default=None, description="Another value that satisfies them, when not unique.")
    violated: list[str] = Field(default_factory=list, description="Constraints the answer breaks.")
    conflicting: list[str] = Field(default_factory=list, description="Facts that cannot all hold (unsat).")
    solver: str = ""
    notes: list[str] = Field(default_factory=list)

    @property
    def decided(self) -> bool:
        """Verified: the answer is the constraints' only solution, and their own answer agrees."""
        return self.verdict == "unique" and self.agrees is not False


def _show(relation: sympy.Basic) -> str:
    if isinstance(relation, sympy.Eq):
        return f"{sympy.sstr(relation.lhs, order='none')} = {sympy.sstr(relation.rhs, order='none')}"
    return sympy.sstr(relation, order="none")


def connected_constraints(meaning: Meaning, unknown: sympy.Symbol) -> list[Constraint]:
    """The constraints linked to the unknown through shared symbols (the rest say nothing of it)."""
    reached, chosen, changed = {unknown}, [], True
    pending = list(meaning.constraints)
    while changed:
        changed = False
        for c in list(pending):
            if c.relation.free_symbols & reached:
                reached |= c.relation.free_symbols
                chosen.append(c)
                pending.remove(c)
                changed = True
    return [c for c in meaning.constraints if c in chosen]


def _given(constraints: list[Constraint]) -> dict[sympy.Symbol, sympy.Basic]:
    """symbol -> number for each fact `symbol = number`."""
    values = {}
    for c in constraints:
        r = c.relation
        if c.is_fact and isinstance(r, sympy.Eq) and isinstance(r.lhs, sympy.Symbol) and r.rhs.is_number:
            values.setdefault(r.lhs, r.rhs)
    return values


def _instance(relation: sympy.Basic, values: dict[sympy.Symbol, sympy.Basic]) -> str:
    with sympy.evaluate(False):
        return _show(relation.xreplace(values))


def _admissible(value: sympy.Basic, domain: Domain) -> bool:
    if value.is_real is False:
        return False
    if domain in (Domain.positive, Domain.positive_integer) and value.is_positive is False:
        return False
    if domain in (Domain.nonnegative, Domain.nonnegative_integer) and value.is_nonnegative is False:
        return False
    return not (domain.is_integer and value.is_integer is False)


def _narrower(asked: Domain, read: Domain) -> Domain:
    """The asked kind's domain, narrowed by what the construct itself says of the unknown (the
    least whole number of weeks is whole, however the question names it)."""
    integer = asked.is_integer or read.is_integer
    positive = Domain.positive in (asked, read) or Domain.positive_integer in (asked, read)
    nonnegative = positive or bool({asked, read} & {Domain.nonnegative, Domain.nonnegative_integer})
    if integer:
        return Domain.positive_integer if positive else Domain.nonnegative_integer if nonnegative else Domain.integer
    return Domain.positive if positive else Domain.nonnegative if nonnegative else Domain.real


def _solvable(relation: sympy.Basic) -> sympy.Basic:
    """The relation with its stated numbers worked out (`binomial(54, 2)` is 1431): the
    certificate shows the definition, the solvers get numbers they can state."""
    return relation.doit() if relation.has(sympy.binomial, sympy.factorial) else relation


def solve_alone(meaning: Meaning, constraints: list[Constraint], unknown: sympy.Symbol,
                domains: dict[sympy.Symbol, Domain]) -> list[sympy.Basic] | None:
    """The unknown's values from the constraints alone (sympy, exact), within the domains;
    None when sympy cannot solve them or they leave the unknown free."""
    equations = [_solvable(c.relation) for c in constraints if isinstance(c.relation, sympy.Eq)]
    others = [_solvable(c.relation) for c in constraints if not isinstance(c.relation, sympy.Eq)]
    symbols = sorted(set().union(*(e.free_symbols for e in equations)), key=str) if equations else []
    if unknown not in symbols:
        return None
    try:
        solutions = sympy.solve(equations, symbols, dict=True)
    except (NotImplementedError, ValueError, TypeError, ZeroDivisionError, sympy.PolynomialError):
        return None
    found: list[sympy.Basic] = []
    for solution in solutions:
        value = solution.get(unknown)
        if value is None or value.free_symbols:
            return None
        value = sympy.nsimplify(sympy.simplify(value)) if value.has(sympy.Float) else sympy.simplify(value)
        fixed = {s: v for s, v in solution.items() if not v.free_symbols}
        if not all(_admissible(v, domains.get(s, Domain.real)) for s, v in fixed.items()):
            continue
        if any(o.xreplace(fixed) is sympy.false for o in others):
            continue
        if not any(answers_equivalent(value, f) for f in found):
            found.append(value)
    return found


def decide(meaning: Meaning, answer: sympy.Basic, domain: Domain) -> Proof:
    """Whether the constraints hold at the answer and pin the unknown down (Z3 where it can
    state them, sympy otherwise and as the independent solver), or contradict each other."""
    base = Proof(verdict="none", notes=list(meaning.notes), answer=sympy.sstr(answer))
    if meaning.constraints:
        contradiction = consistency([_solvable(r) for r in meaning.relations], meaning.domains)
        if contradiction.status is CheckStatus.failed:
            core = [meaning.constraints[i] for i in contradiction.evidence.get("core", [])]
            facts = [f for c in core for f in meaning.facts_of(c)]
            return base.model_copy(update={
                "verdict": "unsat", "solver": "z3", "conflicting": list(dict.fromkeys(facts)),
                "constraints": [ProvedConstraint(relation=_show(c.relation), rule=c.construct,
                                                 facts=meaning.facts_of(c)) for c in core]})
    unknown = meaning.unknown
    if unknown is None:
        return base
    constraints = connected_constraints(meaning, unknown)
    if not constraints or all(c.construct == "stated formula" for c in constraints):
        return base.model_copy(update={"unknown": str(unknown)})
    domains = dict(meaning.domains)
    domains[unknown] = _narrower(domain, meaning.domains.get(unknown, Domain.real))
    values = _given(constraints) | {unknown: answer}
    shown = [ProvedConstraint(relation=_show(c.relation), instance=_instance(c.relation, values),
                              rule=c.construct, facts=meaning.facts_of(c)) for c in constraints
             if not c.is_fact]
    shown += [ProvedConstraint(relation=_show(c.relation), rule=c.construct, facts=meaning.facts_of(c))
              for c in constraints if c.is_fact]
    proof = base.model_copy(update={"unknown": str(unknown), "domain": domain.value, "constraints": shown})
    alone = solve_alone(meaning, constraints, unknown, domains)
    if alone is not None and len(alone) == 1:
        same = answers_equivalent(alone[0], answer) if isinstance(answer, sympy.Expr) else False
        proof = proof.model_copy(update={"independent": sympy.sstr(alone[0]), "agrees": bool(same)})
    relations = [_solvable(c.relation) for c in constraints]
    unknowns = sorted(set().union(*(r.free_symbols for r in relations)), key=str)
    z3_results = check_constraints(relations, {unknown: answer}, unknowns=unknowns, domain=domains)
    satisfies, unique = z3_results
    if satisfies.status is CheckStatus.failed:
        return proof.model_copy(update={"verdict": "violated", "solver": "z3",
                                        "violated": satisfies.evidence.get("violated", [])})
    if satisfies.status is CheckStatus.passed:
        if unique.status is CheckStatus.passed:
            return proof.model_copy(update={"verdict": "unique", "solver": "z3"})
        if unique.status is CheckStatus.failed:
            other = unique.evidence.get("alternative", {}).get(str(unknown))
            return proof.model_copy(update={"verdict": "sat", "solver": "z3", "alternative": other})
    # Z3 cannot state them (pi, ...) or gave up: sympy's exact solution set decides alone
    if alone is None:
        return proof.model_copy(update={"verdict": "unknown" if satisfies.status is CheckStatus.unknown
                                        else "undetermined", "solver": "sympy"})
    matching = [v for v in alone if isinstance(answer, sympy.Expr) and answers_equivalent(v, answer)]
    if not matching:
        listed = ", ".join(sympy.sstr(v) for v in alone) or "nothing in the domain"
        return proof.model_copy(update={"verdict": "violated", "solver": "sympy",
                                        "violated": [f"{unknown} = {listed}"]})
    if len(alone) == 1:
        return proof.model_copy(update={"verdict": "unique", "solver": "sympy"})
    others = [v for v in alone if v not in matching]
    return proof.model_copy(update={"verdict": "sat", "solver": "sympy", "alternative": sympy.sstr(others[0])})
