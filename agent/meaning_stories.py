"""Constructs of money, time and mixtures for the meaning compiler (agent/meaning.py).

* mixtures of two kinds: `A theater sells 188 tickets. The theater earns 3012 dollars. An adult
  ticket costs 24 dollars. A junior ticket costs 14 dollars.` is adult + junior = 188 and 24 adult
  + 14 junior = 3012; `The animals of a farm have 94 heads. The animals have 302 legs. A chicken
  has 2 legs. A cow has 4 legs.` is chickens + cows = 94 (one head each) and 2 chickens + 4 cows = 302;
* meeting: `A is 630 miles from B. A travels towards B at a speed of 72 miles per hour. B travels
  towards A at a speed of 33 miles per hour. A meets B.` is hours x (72 + 33) = 630;
* purchases and change: `X buys 2 books. A book costs 40 dollars. ... X pays 100 dollars. A shop
  gives the change to X.` is change = 100 - (2 x 40 + ...);
* saving for a price: `X has 100 dollars. X saves 35 dollars per week. A desk costs 1290 dollars.
  How many weeks does X need?` is the least whole w with 100 + 35 w >= 1290;
* durations: `A day has 7 lessons. Every lesson lasts 40 minutes. ... The day has a lunch of 60
  minutes.` is the day's minutes = 7 x 40 + ... + 60;
* budgets: what X earns per period less what X spends (amounts, and shares in percent of the
  money) is what X saves;
* scaled recipes bought in packs: `A recipe needs 200 grams for 2 people. X cooks the recipe for 19
  people. A bag has 500 grams.` is the least whole b with 500 b >= 200 x 19 / 2.

Like meaning_counts, each fires only on exactly its shape: the verbs of the text are the
construct's own, every stated amount of the units involved has its place in the equations.
"""

from __future__ import annotations

import sympy

from tasks.ace import EdgeKind, NodeKind
from verifiers import Domain


class StoryConstructs:
    """Mixin of `_Compiler` (see meaning_counts.CountingConstructs for what it relies on)."""

    def _stories(self) -> None:
        self._heads_and_legs()  # binds the possession `How many cows does the farm have?` names
        for construct in (self._mixture, self._meeting, self._change_owed, self._savings_goal,
                          self._durations, self._budget, self._packs):
            if self.asked_symbol is not None:
                return
            construct()

    # ------------------------------------------------------------------ helpers

    def _verbs_of(self, entity: int, lemma: str | None = None) -> list[int]:
        return [r for r in self.into(entity, EdgeKind.AGENT) if self.kind(r) == NodeKind.RELATION
                and (lemma is None or self.label(r) == lemma)]

    def _asked_amount(self, lemma: str | None = None) -> tuple[int, int, str] | None:
        """(verb, agent, unit) of an asked `How many U does A <verb>?` (one plain verb)."""
        asked = self.asked
        if asked is None or self.kind(asked) != NodeKind.QUANTITY or self.value(asked) is not None:
            return None
        verbs = self.into(asked, EdgeKind.OBJECT)
        if len(verbs) != 1 or (lemma is not None and self.label(verbs[0]) != lemma):
            return None
        agents = self.out(verbs[0], EdgeKind.AGENT)
        unit = self.g.nodes[asked].unit
        if len(agents) != 1 or not unit:
            return None
        return verbs[0], agents[0], unit

    def _stated(self, rel: int, unit: str) -> list[int]:
        """The stated objects of a verb in `unit`."""
        return [q for q in self.out(rel, EdgeKind.OBJECT) if self.kind(q) == NodeKind.QUANTITY
                and self.g.nodes[q].unit == unit and self.value(q) is not None]

    def _amounts(self, unit: str) -> list[int]:
        return [q.id for q in self.g.nodes_of(NodeKind.QUANTITY) if q.unit == unit and self.value(q.id) is not None]

    def _prices(self, unit: str) -> dict[tuple[str, frozenset[str]], int] | None:
        """(noun, adjectives) -> the stated price in `unit` of `A <noun> costs P <unit>`; None if a
        noun is priced twice."""
        prices: dict[tuple[str, frozenset[str]], int] = {}
        for rel in self.g.nodes_of(NodeKind.RELATION):
            if rel.label != "cost":
                continue
            agents, paid = self.out(rel.id, EdgeKind.AGENT), self._stated(rel.id, unit)
            if len(agents) != 1 or len(paid) != 1 or len(self.g.out_edges(rel.id)) != 2:
                return None
            key = (self.label(agents[0]), self.adjectives(agents[0]))
            if key in prices:
                return None
            prices[key] = paid[0]
        return prices

    def _least_whole(self, name: str, per: sympy.Basic, start: sympy.Basic, goal: sympy.Basic,
                     construct: str, *nodes: int) -> None:
        """The least whole n with start + per x n >= goal (start < goal, per > 0)."""
        n = self.fresh(name, Domain.nonnegative_integer)
        with sympy.evaluate(False):
            reached = sympy.Ge(sympy.Add(start, sympy.Mul(per, n)), goal)
            short = sympy.Lt(sympy.Add(start, sympy.Mul(per, sympy.Add(n, -1))), goal)
        self.add(reached, construct, *nodes)
        self.add(short, construct, *nodes)
        self.asked_symbol = n

    # ------------------------------------------------------------------ mixtures

    def _mixture(self) -> None:
        """Two kinds of one thing, how many in all and what they cost (earn) in all."""
        found = self._asked_amount()
        if found is None:
            return
        verb, owner, unit = found
        kind = self.adjectives(self.asked)
        kinds = [e.id for e in self.g.nodes_of(NodeKind.ENTITY) if e.label == unit]
        if len(kind) != 1 or len(kinds) != 2 or any(len(self.adjectives(k)) != 1 for k in kinds):
            return
        names = [self.adjectives(k) for k in kinds]
        if names[0] == names[1] or kind not in names:
            return
        counts = [q for r in self._verbs_of(owner, self.label(verb)) for q in self._stated(r, unit)
                  if not self.adjectives(q)]
        if len(counts) != 1 or self._amounts(unit) != counts:
            return
        priced = [self.out(r, EdgeKind.OBJECT) for k in kinds for r in self._verbs_of(k, "cost")]
        if len(priced) != 2 or any(len(p) != 1 for p in priced):
            return
        money_unit = self.g.nodes[priced[0][0]].unit
        prices = self._prices(money_unit) if money_unit else None
        totals = [q for r in self._verbs_of(owner) if r != verb and self.label(r) != self.label(verb)
                  for q in self._stated(r, money_unit)]
        if prices is None or len(prices) != 2 or len(totals) != 1 or len(self._amounts(money_unit)) != 3:
            return
        if not self._only_verbs({self.label(verb), "cost", *(self.label(r) for r in self.into(totals[0], EdgeKind.OBJECT))}):
            return
        symbols = {k: self.fresh("_".join([*sorted(self.adjectives(k)), unit]), Domain.nonnegative_integer) for k in kinds}
        nodes = (*counts, *totals, *(prices.values()), self.asked)
        self.add(sympy.Eq(sympy.Add(*symbols.values(), evaluate=False), self.value(counts[0])), "mixture of two kinds", *nodes)
        with sympy.evaluate(False):
            spent = sympy.Add(*(sympy.Mul(self.value(prices[(unit, self.adjectives(k))]), symbols[k]) for k in kinds))
        self.add(sympy.Eq(spent, self.value(totals[0])), "mixture of two kinds", *nodes)
        self.asked_symbol = next(s for k, s in symbols.items() if self.adjectives(k) == kind)

    def _heads_and_legs(self) -> None:
        """`The animals of a farm have 94 heads. The animals have 302 legs. A chicken has 2 legs.
        A cow has 4 legs. How many cows does the farm have?`"""
        found = self._asked_amount("have")
        if found is None or self.adjectives(self.asked) or not self._only_verbs({"have"}):
            return
        _, farm, kind = found
        groups = [a for a in self.g.nodes_of(NodeKind.ATTRIBUTE) if self.out(a.id, EdgeKind.OF) == [farm]]
        if len(groups) != 1:
            return
        group = groups[0].id
        heads = [q for r in self._verbs_of(group, "have") for q in self._stated(r, "head")]
        legs = [q for r in self._verbs_of(group, "have") for q in self._stated(r, "leg")]
        animals = [e.id for e in self.g.nodes_of(NodeKind.ENTITY) if e.id != farm]
        per = {a: [q for r in self._verbs_of(a, "have") for q in self._stated(r, "leg")] for a in animals}
        if len(heads) != 1 or len(legs) != 1 or len(animals) != 2 or any(len(p) != 1 for p in per.values()):
            return
        labels = [self.label(a) for a in animals]
        if kind not in labels or len(set(labels)) != 2 or any(self.adjectives(a) for a in animals):
            return
        if len(self._amounts("head")) != 1 or len(self._amounts("leg")) != 3 or self._amounts(kind):
            return
        if self.asked_symbol is not None and any(self.asked_symbol in c.relation.free_symbols
                                                 for c in self.meaning.constraints):
            return
        symbols = {a: self.fresh(self.label(a), Domain.nonnegative_integer) for a in animals}
        if self.asked_symbol is not None:
            symbols[animals[labels.index(kind)]] = self.asked_symbol  # the farm's cows, as possessions name them
        nodes = (*heads, *legs, *(p[0] for p in per.values()), self.asked)
        self.add(sympy.Eq(sympy.Add(*symbols.values(), evaluate=False), self.value(heads[0])),
                 "heads and legs (one head each)", *nodes)
        with sympy.evaluate(False):
            total = sympy.Add(*(sympy.Mul(self.value(per[a][0]), symbols[a]) for a in animals))
        self.add(sympy.Eq(total, self.value(legs[0])), "heads and legs (one head each)", *nodes)
        self.asked_symbol = symbols[animals[labels.index(kind)]]

    # ------------------------------------------------------------------ money and time

    def _meeting(self) -> None:
        """Two movers a stated distance apart travel towards each other until they meet: the time
        either travels x the sum of their speeds = the distance."""
        found = self._asked_amount("travel")
        if found is None or not self._only_verbs({"travel", "meet"}):
            return
        asked_verb, mover, time_unit = found
        apart = [(e.id, v, other) for e in self.g.nodes_of(NodeKind.ENTITY) for v in self.values_of(e.id)
                 for other in self.out(e.id, EdgeKind.RELATION, "from") if self.kind(other) == NodeKind.ENTITY]
        if len(apart) != 1 or mover not in (apart[0][0], apart[0][2]) or self._plain(asked_verb, {"agent", "object"}) is False:
            return
        first, distance, second = apart[0]
        length = self.g.nodes[distance].unit
        speeds = []
        for a, b in ((first, second), (second, first)):
            found_speeds = [v for r in self._verbs_of(a, "travel") if r != asked_verb
                            and self.out(r, EdgeKind.RELATION, "towards") == [b]
                            for s in self.out(r, EdgeKind.RELATION, "at") if self.label(s) == "speed"
                            for v in self.values_of(s) if self.g.nodes[v].unit == f"{length}/{time_unit}"]
            if len(found_speeds) != 1:
                return
            speeds.append(found_speeds[0])
        meets = [r for r in self.g.nodes_of(NodeKind.RELATION) if r.label == "meet"
                 and {*self.out(r.id, EdgeKind.AGENT), *self.out(r.id, EdgeKind.OBJECT)} == {first, second}]
        if len(meets) != 1 or len(self._amounts(length)) != 1:
            return
        hours = self.fresh(f"{time_unit}s", Domain.positive)
        with sympy.evaluate(False):
            relation = sympy.Eq(sympy.Mul(hours, sympy.Add(*(self.value(v) for v in speeds))), self.value(distance))
        self.add(relation, "meeting: time x sum of speeds = distance", distance, *speeds, meets[0].id, self.asked)
        self.asked_symbol = hours

    def _change_owed(self) -> None:
        """`X buys 2 books. A book costs 40 dollars. X pays 100 dollars. A shop gives the change to
        X. How many dollars does the shop give to X?`: change = 100 - 2 x 40."""
        found = self._asked_amount("give")
        if found is None or not self._only_verbs({"buy", "cost", "pay", "give"}):
            return
        give, shop, money = found
        buyers = self.out(give, EdgeKind.RELATION, "to")
        change = [r for r in self._verbs_of(shop, "give") if r != give
                  and any(self.label(o) == "change" for o in self.out(r, EdgeKind.OBJECT))
                  and self.out(r, EdgeKind.RELATION, "to") == buyers]
        if len(buyers) != 1 or len(change) != 1:
            return
        buyer = buyers[0]
        paid = [q for r in self._verbs_of(buyer, "pay") for q in self._stated(r, money)]
        prices = self._prices(money)
        bought = [q for r in self._verbs_of(buyer, "buy") for q in self.out(r, EdgeKind.OBJECT)]
        if len(paid) != 1 or not prices or not bought:
            return
        items = []
        for q in bought:
            key = (self.g.nodes[q].unit, self.adjectives(q))
            if self.kind(q) != NodeKind.QUANTITY or self.value(q) is None or key not in prices:
                return
            items.append((q, prices[key]))
        if len({p for _, p in items}) != len(prices) or len(items) != len(prices):
            return  # every priced thing bought once, nothing bought unpriced
        cost = sum(self.value(q) * self.value(p) for q, p in items)
        if cost > self.value(paid[0]):
            return
        symbol = self.fresh(f"change_{money}", Domain.nonnegative)
        with sympy.evaluate(False):
            spent = sympy.Add(*(sympy.Mul(self.value(q), self.value(p)) for q, p in items))
            relation = sympy.Eq(symbol, sympy.Add(self.value(paid[0]), sympy.Mul(-1, spent)))
        self.add(relation, "change of a purchase", give, *change, *paid, *(n for pair in items for n in pair))
        self.asked_symbol = symbol

    def _savings_goal(self) -> None:
        """`X has 100 dollars. X saves 35 dollars per week. A desk costs 1290 dollars. How many
        weeks does X need?`: the least whole w with 100 + 35 w >= 1290."""
        found = self._asked_amount("need")
        if found is None or not self._only_verbs({"have", "save", "cost", "need"}):
            return
        _, saver, period = found
        rates = [q for r in self._verbs_of(saver, "save") for q in self.out(r, EdgeKind.OBJECT)
                 if (self.g.nodes[q].unit or "").endswith(f"/{period}") and self.value(q)]
        if len(rates) != 1 or len(self._verbs_of(saver, "save")) != 1:
            return
        money = self.g.nodes[rates[0]].unit.split("/")[0]
        held = [q for r in self._verbs_of(saver, "have") for q in self._stated(r, money)]
        prices = [q for r in self.g.nodes_of(NodeKind.RELATION) if r.label == "cost" for q in self._stated(r.id, money)]
        if len(held) > 1 or len(prices) != 1 or len(self._amounts(money)) != len(held) + 1:
            return
        start = self.value(held[0]) if held else sympy.Integer(0)
        rate, goal = self.value(rates[0]), self.value(prices[0])
        if rate <= 0 or start >= goal:
            return
        self._least_whole(f"{period}s", rate, start, goal, "saving for a price", rates[0], *held, prices[0], self.asked)

    def _durations(self) -> None:
        """`A day has 7 lessons. Every lesson lasts 40 minutes. ... The day has a lunch of 60
        minutes. How many minutes does the day last?`: 7 x 40 + ... + 60."""
        found = self._asked_amount("last")
        if found is None or not self._only_verbs({"have", "last"}):
            return
        _, whole, unit = found
        terms, nodes = [], []
        for rel in self._verbs_of(whole, "have"):
            for part in self.out(rel, EdgeKind.OBJECT):
                if self.kind(part) == NodeKind.ATTRIBUTE:
                    values = [v for v in self.values_of(part) if self.g.nodes[v].unit == unit]
                    if len(values) != 1:
                        return
                    terms.append(self.value(values[0]))
                    nodes.append(values[0])
                    continue
                count, each = self.value(part), self._each_lasts(self.g.nodes[part].unit, unit)
                if count is None or each is None:
                    return
                terms.append(sympy.Mul(count, self.value(each), evaluate=False))
                nodes += [part, each]
        if len(terms) < 2 or len(self._amounts(unit)) != sum(1 for n in nodes if self.g.nodes[n].unit == unit):
            return
        symbol = self.fresh(f"{unit}_of_{self.label(whole)}", Domain.nonnegative)
        self.add(sympy.Eq(symbol, sympy.Add(*terms, evaluate=False)), "sum of durations", *nodes, self.asked)
        self.asked_symbol = symbol

    def _each_lasts(self, noun: str | None, unit: str) -> int | None:
        """The stated duration of `Every <noun> lasts D <unit>`, if exactly one."""
        found = [q for c in self.g.nodes_of(NodeKind.CONDITION) if c.label in ("every", "each")
                 for e in self.out(c.id, EdgeKind.CONDITION) if self.label(e) == noun
                 for r in self._verbs_of(e, "last") for q in self._stated(r, unit)]
        return found[0] if len(found) == 1 else None

    def _budget(self) -> None:
        """`X earns 5600 dollars per month (X has 40 dollars). X spends a share of the money on the
        rent. The share is 35 percent (3/8). X spends 150 dollars on the food. How many dollars
        does X save (keep)?`: what X earns (has) less what X spends."""
        found = self._asked_amount()
        if found is None or self.label(found[0]) not in ("save", "keep"):
            return
        if not self._only_verbs({"earn", "have", "spend", "save", "keep"}):
            return
        _, earner, money = found
        sources = [q for r in self._verbs_of(earner) if self.label(r) in ("earn", "have") for q in self.out(r, EdgeKind.OBJECT)
                   if (self.g.nodes[q].unit or "").split("/")[0] == money and self.value(q) is not None]
        if len(sources) != 1 or len([r for r in self._verbs_of(earner) if self.label(r) in ("earn", "have")]) != 1:
            return
        income = self.value(sources[0])
        spent, nodes = [], [sources[0]]
        for rel in self._verbs_of(earner, "spend"):
            objects = self.out(rel, EdgeKind.OBJECT)
            if len(objects) != 1:
                return
            part = objects[0]
            if self.kind(part) == NodeKind.QUANTITY and self.g.nodes[part].unit == money and self.value(part) is not None:
                spent.append(self.value(part))
                nodes.append(part)
            elif self.label(part) == "share" and [self.label(o) for o in self.out(part, EdgeKind.OF)] == ["money"]:
                values = [v for v in self.values_of(part) if self.g.nodes[v].unit in ("percent", None)]
                if len(values) != 1:
                    return
                fraction = self.value(values[0])
                if self.g.nodes[values[0]].unit == "percent":
                    fraction = sympy.Mul(fraction, sympy.Pow(100, -1), evaluate=False)
                spent.append(sympy.Mul(fraction, income, evaluate=False))
                nodes.append(values[0])
            else:
                return
        if not spent or set(self._amounts(money)) != {n for n in nodes if self.g.nodes[n].unit == money}:
            return
        symbol = self.fresh(f"{money}_{self.label(found[0])}", Domain.real)
        with sympy.evaluate(False):
            relation = sympy.Eq(symbol, sympy.Add(income, *(sympy.Mul(-1, s) for s in spent)))
        self.add(relation, "budget: earned (held) less spent", *nodes, self.asked)
        self.asked_symbol = symbol

    def _packs(self) -> None:
        """`A recipe needs 200 grams for 2 people. X cooks the recipe for 19 people. A bag has 500
        grams. How many bags does X need?`: the least whole b with 500 b >= 200 x 19 / 2."""
        found = self._asked_amount("need")
        if found is None or not self._only_verbs({"need", "cook", "have"}):
            return
        _, cook, pack = found
        cooks = self._verbs_of(cook, "cook")
        if len(cooks) != 1 or len(self.out(cooks[0], EdgeKind.OBJECT)) != 1:
            return
        recipe = self.out(cooks[0], EdgeKind.OBJECT)[0]
        needs = self._verbs_of(recipe, "need")
        if len(needs) != 1:
            return
        amounts, serves = self.out(needs[0], EdgeKind.OBJECT), self.out(needs[0], EdgeKind.RELATION, "for")
        served = self.out(cooks[0], EdgeKind.RELATION, "for")
        if len(amounts) != 1 or len(serves) != 1 or len(served) != 1:
            return
        amount, base, people = amounts[0], serves[0], served[0]
        unit = self.g.nodes[amount].unit
        if not all(self.value(n) for n in (amount, base, people)) or self.g.nodes[base].unit != self.g.nodes[people].unit:
            return
        packs = [e.id for e in self.g.nodes_of(NodeKind.ENTITY) if e.label == pack]
        sizes = [q for p in packs for r in self._verbs_of(p, "have") for q in self._stated(r, unit)]
        if len(packs) != 1 or len(sizes) != 1 or len(self._amounts(unit)) != 2 or not self.value(sizes[0]):
            return
        with sympy.evaluate(False):
            goal = sympy.Mul(self.value(amount), self.value(people), sympy.Pow(self.value(base), -1))
        self._least_whole(f"{pack}s", self.value(sizes[0]), sympy.Integer(0), goal, "scaled recipe in packs",
                          amount, base, people, sizes[0], self.asked)
