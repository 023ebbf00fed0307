"""Constructs of counting, chance and divisibility for the meaning compiler (agent/meaning.py).

Each reads one construct of the fragment off the semantic graph and states what the asked
count or chance is, from the stated numbers, by its definition:

* divisibility: `the least positive number Z such that X divides Z and Y divides Z` is the least
  common multiple, `the largest number Z such that Z divides X and Z divides Y` the greatest
  common divisor; equal shares of several stated amounts among the most people are their gcd;
  things that leave together with stated intervals next leave together after the lcm;
* arranging: the orders of n things are n!; different prizes given to k of n people, n!/(n-k)!;
* choosing: choosing k of the n stated things is C(n, k), several choices multiply; every one
  of n people shaking the hand of every other one makes C(n, 2) handshakes;
* digits and divisors: `the sum of the digits of X` and `How many divisors does X have?` of a
  stated whole X;
* chance: k heads (tails) of n tossed coins, C(n, k)/2^n; a sum s of n dice of f faces, the
  coefficient of x^s in (x + ... + x^f)^n over f^n; k marbles of one colour drawn from a bag,
  C(n_colour, k)/C(n, k).

A construct fires only when the graph has exactly its shape (one such verb, one pool of the
counted unit, verbs that change nothing else); otherwise it adds nothing, so a reading it is
unsure of lowers what is verified, never what is accepted.
"""

from __future__ import annotations

import math

import sympy

from tasks.ace import EdgeKind, NodeKind
from verifiers import Domain


class CountingConstructs:
    """Mixin of `_Compiler`: it relies on the compiler's graph readers (`out`, `into`, `label`,
    `value`, `adjectives`, `_whole`, `fresh`, `add`, `asked`, `asked_symbol`, `conditional`)."""

    def _counting(self) -> None:
        """Run each construct until one names the asked count or chance."""
        for construct in (self._divisibility, self._common_share, self._departures, self._arrangements,
                          self._handshakes, self._choices, self._coin_tosses, self._dice_sums, self._draws,
                          self._digit_sum, self._divisor_count):
            if self.asked_symbol is not None:
                return
            construct()

    # ------------------------------------------------------------------ helpers

    def _verbs(self) -> list[int]:
        return [n.id for n in self.g.nodes_of(NodeKind.RELATION)]

    def _only_verbs(self, allowed: set[str]) -> bool:
        """No verb outside `allowed` (one that could change the stated amounts) in the text."""
        return all(self.label(r) in allowed for r in self._verbs())

    def _count(self, node: int) -> int | None:
        """The whole, non-negative number a quantity or number node states."""
        value = self.value(node)
        return int(value) if value is not None and value.is_integer and value >= 0 else None

    def _pool(self, unit: str, besides: set[int]) -> list[int]:
        """The stated amounts of `unit` other than `besides` (a pool something is taken from)."""
        return [q.id for q in self.g.nodes_of(NodeKind.QUANTITY) if q.unit == unit and q.id not in besides
                and self._count(q.id) is not None]

    def _number_of(self, noun_test) -> int | None:
        """The asked `number of the N` (an attribute `number` of one node whose label passes)."""
        asked = self.asked
        if asked is None or self.kind(asked) != NodeKind.ATTRIBUTE or self.label(asked) != "number":
            return None
        of = self.out(asked, EdgeKind.OF)
        return of[0] if len(of) == 1 and noun_test(of[0]) else None

    def _answer(self, name: str, domain: Domain, value: sympy.Basic, construct: str, *nodes: int) -> None:
        symbol = self.fresh(name, domain)
        self.add(sympy.Eq(symbol, value, evaluate=False), construct, *nodes)
        self.asked_symbol = symbol

    # ------------------------------------------------------------------ divisibility

    def _divisibility(self) -> None:
        """`Calculate the least positive number Z such that X divides Z and Y divides Z` (lcm) /
        `the largest number Z such that Z divides X and Z divides Y` (gcd), X and Y stated wholes."""
        query, asked = self.g.query, self.asked
        if query is None or asked is None or self.label(asked) != "number":
            return
        z = self.variable_of(asked)
        conditions = self.out(query, EdgeKind.CONDITION)
        if z is None or len(conditions) < 2 or any(self.label(c) != "divide" for c in conditions):
            return
        sides = []
        for rel in conditions:
            agents, objects = self.out(rel, EdgeKind.AGENT), self.out(rel, EdgeKind.OBJECT)
            if len(agents) != 1 or len(objects) != 1 or len(self.g.out_edges(rel)) != 2:
                return
            if not all(self.kind(n) == NodeKind.VARIABLE for n in (*agents, *objects)):
                return
            sides.append((sympy.Symbol(self.label(agents[0])), sympy.Symbol(self.label(objects[0]))))
        adjectives = {self.label(a) for a in self.out(asked, EdgeKind.HAS)}
        if all(obj == z for _, obj in sides) and adjectives == {"least", "positive"}:
            others, combine, construct = [a for a, _ in sides], math.lcm, "least common multiple"
        elif all(agent == z for agent, _ in sides) and adjectives in ({"largest"}, {"greatest"}):
            others, combine, construct = [o for _, o in sides], math.gcd, "greatest common divisor"
        else:
            return
        wholes = [self._whole(v) for v in others]
        if z in others or any(w is None or w <= 0 for w in wholes):
            return
        self.meaning.domains[z] = Domain.positive_integer
        self.add(sympy.Eq(z, combine(*(int(w) for w in wholes))), construct, asked, *conditions)
        self.asked_symbol = z

    def _common_share(self) -> None:
        """`A has 96 pencils and 64 erasers. A shares the pencils among the children ... Every
        child gets an equal share. What is the largest number of the children?`: their gcd."""
        target = self._number_of(lambda n: self.kind(n) == NodeKind.ENTITY)
        if target is None or self.adjectives(self.asked) not in ({"largest"}, {"greatest"}):
            return
        group = self.label(target)
        if not self._only_verbs({"have", "share", "get"}):
            return
        equal = [r for r in self.into(target, EdgeKind.AGENT) if self.label(r) == "get"
                 and any(self.label(c) in ("every", "each") for c in self.into(target, EdgeKind.CONDITION))
                 and any(self.label(o) == "share" and self.adjectives(o) == {"equal"} for o in self.out(r, EdgeKind.OBJECT))]
        shares = [r for r in self._verbs() if self.label(r) == "share"]
        amounts = []
        for rel in shares:
            objects, among = self.out(rel, EdgeKind.OBJECT), self.out(rel, EdgeKind.RELATION, "among")
            if len(objects) != 1 or len(among) != 1 or self.label(among[0]) != group or self._count(objects[0]) is None:
                return
            amounts.append(objects[0])
        if len(equal) != 1 or len(amounts) < 2 or len(set(amounts)) != len(amounts):
            return
        if len({tuple(self.out(r, EdgeKind.AGENT)) for r in shares}) != 1:
            return
        value = math.gcd(*(self._count(a) for a in amounts))
        if value == 0:
            return
        self._answer(f"number_of_{group}", Domain.positive_integer, sympy.Integer(value),
                     "greatest common divisor", *shares, *amounts, self.asked)

    def _departures(self) -> None:
        """`A leaves ... with an interval of 12 minutes. B leaves ... with an interval of 4
        minutes. A leaves the station with B. What is the time of the next departure of A with
        B?`: the least common multiple of the intervals."""
        asked = self.asked
        if asked is None or self.label(asked) != "time" or self.adjectives(asked):
            return
        departures, partners = self.out(asked, EdgeKind.OF), self.out(asked, EdgeKind.RELATION, "with")
        if len(departures) != 1 or len(partners) != 1 or self.label(departures[0]) != "departure":
            return
        if self.adjectives(departures[0]) != {"next"} or not self._only_verbs({"leave"}):
            return
        firsts = self.out(departures[0], EdgeKind.OF)
        if len(firsts) != 1:
            return
        movers = (firsts[0], partners[0])
        together = [r for r in self.into(movers[0], EdgeKind.AGENT)
                    if self.out(r, EdgeKind.RELATION, "with") == [movers[1]] and self.label(r) == "leave"]
        intervals = []
        for mover in movers:
            stated = [(v, self.g.nodes[v].unit) for r in self.into(mover, EdgeKind.AGENT)
                      for a in self.out(r, EdgeKind.RELATION, "with") if self.label(a) == "interval"
                      for v in self.values_of(a)]
            if len(stated) != 1:
                return
            intervals.append(stated[0])
        counts = [self._count(v) for v, _ in intervals]
        if len(together) != 1 or len({u for _, u in intervals}) != 1 or any(not c for c in counts):
            return
        self._answer(f"next_departure_{intervals[0][1]}", Domain.positive, sympy.Integer(math.lcm(*counts)),
                     "least common multiple", together[0], *(v for v, _ in intervals), asked)

    # ------------------------------------------------------------------ arranging and choosing

    def _arrangements(self) -> None:
        """`What is the number of the possible orders of the 10 books?`: 10!; `The race gives 5
        different medals to 5 runners` of 11: orders of the medals, 11!/6!."""
        orders = self._number_of(lambda n: self.label(n) == "order" and self.kind(n) == NodeKind.ATTRIBUTE)
        if orders is None:
            return
        things = self.out(orders, EdgeKind.OF)
        if len(things) != 1 or self.kind(things[0]) != NodeKind.QUANTITY or self._count(things[0]) is None:
            return
        thing, n = things[0], self._count(things[0])
        verbs = self.into(thing, EdgeKind.OBJECT)
        if len(verbs) != 1:
            return
        if self.label(verbs[0]) == "have" and self._only_verbs({"have"}):
            self._answer("orders", Domain.positive_integer, sympy.factorial(n, evaluate=False),
                         "arrangements", thing, orders)
            return
        receivers = self.out(verbs[0], EdgeKind.RELATION, "to")
        if self.label(verbs[0]) != "give" or "different" not in self.adjectives(thing) or len(receivers) != 1:
            return
        if not self._only_verbs({"have", "give"}) or self._count(receivers[0]) != n:
            return
        pool = self._pool(self.g.nodes[receivers[0]].unit, {receivers[0]})
        if len(pool) != 1 or self._count(pool[0]) < n:
            return
        total = self._count(pool[0])
        with sympy.evaluate(False):
            value = sympy.Mul(sympy.factorial(total), sympy.Pow(sympy.factorial(total - n), -1))
        self._answer("orders", Domain.positive_integer, value, "arrangements", verbs[0], thing, pool[0], orders)

    def _handshakes(self) -> None:
        """`A party has 54 guests. Every guest shakes the hand of every other guest. What is the
        number of the handshakes?`: C(54, 2)."""
        if self._number_of(lambda n: self.label(n) == "handshake") is None or not self._only_verbs({"have", "shake"}):
            return
        shakes = [r for r in self._verbs() if self.label(r) == "shake"]
        if len(shakes) != 1:
            return
        agents, hands = self.out(shakes[0], EdgeKind.AGENT), self.out(shakes[0], EdgeKind.OBJECT)
        if len(agents) != 1 or len(hands) != 1 or self.label(hands[0]) != "hand":
            return
        others = self.out(hands[0], EdgeKind.OF)
        if len(others) != 1 or self.label(others[0]) != self.label(agents[0]) or self.adjectives(others[0]) != {"other"}:
            return
        if not all(any(self.label(c) in ("every", "each") for c in self.into(n, EdgeKind.CONDITION))
                   for n in (agents[0], others[0])):
            return
        pool = self._pool(self.label(agents[0]), set())
        if len(pool) != 1:
            return
        self._answer("handshakes", Domain.nonnegative_integer, sympy.binomial(self._count(pool[0]), 2, evaluate=False),
                     "handshakes", shakes[0], pool[0], self.asked)

    def _choices(self) -> None:
        """`A class has 12 boys and 8 girls. The teacher chooses 2 boys and 2 girls.` (C(12, 2) x
        C(8, 2) choices); `The club chooses a committee of 3 members` of 31 (C(31, 3) committees)."""
        chooses = [r for r in self._verbs() if self.label(r) == "choose"]
        if len(chooses) != 1 or not self._only_verbs({"have", "choose"}) or not self._plain(chooses[0], {"agent", "object"}):
            return
        picked, nouns = [], {"choice"}
        for obj in self.out(chooses[0], EdgeKind.OBJECT):
            if self.kind(obj) == NodeKind.QUANTITY:
                picked.append(obj)
            elif self.kind(obj) == NodeKind.ATTRIBUTE and len(self.values_of(obj)) == 1 and not self.adjectives(obj):
                picked.append(self.values_of(obj)[0])
                nouns = {self.label(obj)}
            else:
                return
        if not picked or self._number_of(lambda n: self.label(n) in nouns) is None:
            return
        if len(nouns - {"choice"}) and len(picked) != 1:
            return
        factors = []
        for k_node in picked:
            unit = self.g.nodes[k_node].unit
            pool = self._pool(unit, set(picked))
            if not unit or len(pool) != 1 or self._count(k_node) is None:
                return
            factors.append(sympy.binomial(self._count(pool[0]), self._count(k_node), evaluate=False))
        value = factors[0] if len(factors) == 1 else sympy.Mul(*factors, evaluate=False)
        self._answer("choices", Domain.nonnegative_integer, value, "choosing", chooses[0], *picked, self.asked)

    # ------------------------------------------------------------------ chance

    def _chance_of(self) -> int | None:
        """What `the probability of ...` is of, when the probability is asked."""
        asked = self.asked
        if asked is None or self.label(asked) != "probability" or self.kind(asked) != NodeKind.ATTRIBUTE:
            return None
        of = self.out(asked, EdgeKind.OF)
        return of[0] if len(of) == 1 else None

    def _coin_tosses(self) -> None:
        """`Mary tosses 6 coins. What is the probability of 2 heads?`: C(6, 2)/2^6."""
        outcome = self._chance_of()
        if outcome is None or self.g.nodes[outcome].unit not in ("head", "tail") or self.adjectives(outcome):
            return
        tosses = [r for r in self._verbs() if self.label(r) == "toss"]
        if len(tosses) != 1 or not self._only_verbs({"toss"}) or not self._plain(tosses[0], {"agent", "object"}):
            return
        coins = [q for q in self.out(tosses[0], EdgeKind.OBJECT) if self.g.nodes[q].unit == "coin"]
        if len(coins) != 1 or self._count(coins[0]) is None or self._count(outcome) is None:
            return
        n, k = self._count(coins[0]), self._count(outcome)
        if k > n:
            return
        with sympy.evaluate(False):
            value = sympy.Mul(sympy.binomial(n, k), sympy.Pow(sympy.Pow(2, n), -1))
        self._answer("probability", Domain.nonnegative, value, "independent tosses", tosses[0], coins[0], outcome)

    def _dice_sums(self) -> None:
        """`Mary rolls 2 dice. Every die has 12 faces. What is the probability of a sum of 6?`:
        the ways to roll 6 (the coefficient of x^6 in (x + ... + x^12)^2) over 12^2."""
        outcome = self._chance_of()
        if outcome is None or self.label(outcome) != "sum" or self.adjectives(outcome):
            return
        sums = [v for v in self.out(outcome, EdgeKind.VALUE) if self._count(v) is not None]
        rolls = [r for r in self._verbs() if self.label(r) == "roll"]
        if len(sums) != 1 or len(rolls) != 1 or not self._only_verbs({"roll", "have"}):
            return
        dice = [q for q in self.out(rolls[0], EdgeKind.OBJECT) if self._count(q)]
        if len(dice) != 1 or not self._plain(rolls[0], {"agent", "object"}):
            return
        unit = self.g.nodes[dice[0]].unit
        faces = [q for c in self.g.nodes_of(NodeKind.CONDITION) if c.label in ("every", "each")
                 for die in self.out(c.id, EdgeKind.CONDITION) if self.label(die) == unit
                 for r in self.into(die, EdgeKind.AGENT) if self.label(r) == "have"
                 for q in self.out(r, EdgeKind.OBJECT) if self.g.nodes[q].unit == "face" and self._count(q)]
        if len(faces) != 1 or self._count(dice[0]) > 20:
            return
        n, f, s = self._count(dice[0]), self._count(faces[0]), self._count(sums[0])
        x = sympy.Symbol("x")
        ways = sympy.Poly(sum(x**i for i in range(1, f + 1)) ** n, x).coeff_monomial(x**s)
        with sympy.evaluate(False):
            value = sympy.Mul(ways, sympy.Pow(sympy.Pow(f, n), -1))
        self._answer("probability", Domain.nonnegative, value, "sum of dice", rolls[0], dice[0], faces[0], outcome)

    def _draws(self) -> None:
        """`A bag has 5 red marbles and 4 white marbles. Olivia draws 2 marbles from the bag.
        What is the probability of 2 red marbles?`: C(5, 2)/C(9, 2)."""
        outcome = self._chance_of()
        if outcome is None or self.kind(outcome) != NodeKind.QUANTITY or len(self.adjectives(outcome)) != 1:
            return
        draws = [r for r in self._verbs() if self.label(r) == "draw"]
        if len(draws) != 1 or not self._only_verbs({"have", "draw"}) or not self._plain(draws[0], {"agent", "object", "from"}):
            return
        drawn, bags = self.out(draws[0], EdgeKind.OBJECT), self.out(draws[0], EdgeKind.RELATION, "from")
        unit = self.g.nodes[outcome].unit
        if len(drawn) != 1 or len(bags) != 1 or self.g.nodes[drawn[0]].unit != unit:
            return
        k = self._count(drawn[0])
        if not k or self._count(outcome) != k:
            return  # `2 red marbles` of 2 drawn: every drawn one is red (no `exactly`/`at least` to read)
        contents = [q for r in self.into(bags[0], EdgeKind.AGENT) if self.label(r) == "have" for q in self.out(r, EdgeKind.OBJECT)]
        if not contents or any(self.g.nodes[q].unit != unit or self._count(q) is None or len(self.adjectives(q)) != 1
                               for q in contents):
            return
        if set(self._pool(unit, {drawn[0], outcome})) != set(contents):
            return
        matching = [q for q in contents if self.adjectives(q) == self.adjectives(outcome)]
        if len(matching) != 1 or len({self.adjectives(q) for q in contents}) != len(contents):
            return
        total = sum(self._count(q) for q in contents)
        if total < k:
            return
        with sympy.evaluate(False):
            value = sympy.Mul(sympy.binomial(self._count(matching[0]), k), sympy.Pow(sympy.binomial(total, k), -1))
        self._answer("probability", Domain.nonnegative, value, "drawing without replacement", draws[0], *contents, outcome)

    # ------------------------------------------------------------------ digits and divisors

    def _stated_whole(self, node: int) -> int | None:
        """The whole number >= 0 a variable is stated to be (`X = 3 ^ 30`), below 10^60."""
        if self.kind(node) != NodeKind.VARIABLE:
            return None
        whole = self._whole(sympy.Symbol(self.label(node)))
        if whole is None:
            return None
        whole = sympy.Integer(whole.doit())
        return int(whole) if 0 <= whole < 10**60 else None

    def _digit_sum(self) -> None:
        """`X = 3 ^ 30. What is the sum of the digits of X?`: the sum of X's decimal digits."""
        asked = self.asked
        if asked is None or self.label(asked) != "sum" or self.adjectives(asked):
            return
        digits = self.out(asked, EdgeKind.OF)
        if len(digits) != 1 or self.label(digits[0]) != "digit" or self.adjectives(digits[0]):
            return
        numbers = self.out(digits[0], EdgeKind.OF)
        whole = self._stated_whole(numbers[0]) if len(numbers) == 1 else None
        if whole is None or self._verbs():
            return
        self._answer("digit_sum", Domain.nonnegative_integer, sympy.Integer(sum(int(d) for d in str(whole))),
                     "sum of the digits", asked, numbers[0])

    def _divisor_count(self) -> None:
        """`X = 769. How many divisors does X have?`: the number of X's positive divisors."""
        asked = self.asked
        if asked is None or self.kind(asked) != NodeKind.QUANTITY or self.g.nodes[asked].unit != "divisor":
            return
        verbs = self.into(asked, EdgeKind.OBJECT)
        if len(verbs) != 1 or self.label(verbs[0]) != "have" or self.adjectives(asked) or len(self._verbs()) != 1:
            return
        owners = self.out(verbs[0], EdgeKind.AGENT)
        whole = self._stated_whole(owners[0]) if len(owners) == 1 else None
        if not whole or whole >= 10**18:  # factoring stays quick below 10^18
            return
        self._answer("divisors", Domain.positive_integer, sympy.divisor_count(whole), "number of divisors",
                     asked, owners[0])
