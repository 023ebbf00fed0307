"""Discourse referents and anaphora, as ACE resolves them; equal meanings give equal graphs."""

from __future__ import annotations

from ace_views import triples

from tasks.ace import EdgeKind, NodeKind, parse_ace, same_meaning


def labels(graph, kind):
    return [n.label for n in graph.nodes_of(kind)]


def test_definite_refers_to_the_last_introduced():
    g = parse_ace("A ladder leans against a wall. The ladder reaches a height of 12 feet.")
    assert labels(g, NodeKind.ENTITY) == ["ladder", "wall"], "`the ladder` is the first ladder"
    agents = {g.nodes[e.dst].label for e in g.edges if e.kind == EdgeKind.AGENT}
    assert agents == {"ladder"}


def test_definite_picks_the_most_recent_of_several():
    g = parse_ace("A box has 3 apples. A box has 4 apples. The box has a length of 2 meters.")
    boxes = [n.id for n in g.nodes if n.label == "box"]
    owner_of_length = next(e.dst for e in g.edges if e.kind == EdgeKind.AGENT
                           and any(x.src == e.src and g.nodes[x.dst].label == "length"
                                   for x in g.edges))
    assert len(boxes) == 2 and owner_of_length == boxes[1]


def test_indefinite_always_introduces():
    g = parse_ace("A ladder leans against a wall. A ladder leans against a wall.")
    assert labels(g, NodeKind.ENTITY).count("ladder") == 2


def test_definite_without_antecedent_introduces_one():
    g = parse_ace("The ladder leans against the wall.")
    assert sorted(labels(g, NodeKind.ENTITY)) == ["ladder", "wall"]


def test_attribute_of_the_same_owner_is_one_node():
    g = parse_ace("The length of the ladder is 13 feet. What is the length of the ladder?")
    assert labels(g, NodeKind.ATTRIBUTE) == ["length"]
    assert g.nodes[g.out_edges(g.query, EdgeKind.ASKS)[0].dst].label == "length"


def test_adjectives_select_the_antecedent():
    g = parse_ace("A first pipe fills a tank in 5 hours. A second pipe fills the tank in 3 hours. "
                  "The first pipe and the second pipe fill the tank together.")
    pipes = [n.id for n in g.nodes if n.label == "pipe"]
    last_fill = [n.id for n in g.nodes if n.label == "fill"][-1]
    assert sorted(e.dst for e in g.out_edges(last_fill, EdgeKind.AGENT)) == pipes
    assert len(labels(g, NodeKind.ENTITY)) == 3, "two pipes and one tank"


def test_names_and_variables_are_one_node_each():
    g = parse_ace("John has X apples. X = 3. Mary gives 2 apples to John.")
    assert labels(g, NodeKind.ENTITY) == ["John", "Mary"]
    assert labels(g, NodeKind.VARIABLE) == ["X"]


def test_plural_definite_refers_to_a_quantity():
    g = parse_ace("John has 12 apples. John shares the apples equally among 3 children.")
    share = next(n.id for n in g.nodes if n.label == "share")
    (obj,) = g.out_edges(share, EdgeKind.OBJECT)
    assert g.nodes[obj.dst].value == "12", "`the apples` are John's 12 apples"


def test_possessive_equals_of_phrase_in_any_position():
    a = parse_ace("A ladder leans against a wall. What is the ladder's length?")
    b = parse_ace("A ladder leans against a wall. What is the length of the ladder?")
    assert same_meaning(a, b)
    nested = parse_ace("What is the length of the base of the ladder?")
    assert same_meaning(nested, parse_ace("What is the ladder's base's length?"))


def test_different_meanings_differ():
    assert not same_meaning(parse_ace("John has 5 apples."), parse_ace("John has 6 apples."))
    assert not same_meaning(parse_ace("John gives 3 apples to Mary."),
                            parse_ace("Mary gives 3 apples to John."))
    assert not same_meaning(parse_ace("X = 5 - Y."), parse_ace("X = Y - 5.")), "operand order matters"


def test_number_words_and_digits_mean_the_same():
    assert same_meaning(parse_ace("John has twelve apples."), parse_ace("John has 12 apples."))


def test_of_arguments_coordinate_like_with_like():
    g = parse_ace("The sum of the age of Sara and the age of Omar is 120 years.")
    assert {("sum", "of:1", "age"), ("sum", "of:2", "age"), ("age", "of", "Sara"),
            ("age", "of", "Omar")} <= triples(g)
    meeting = parse_ace("What is the time of the meeting of the boat and the truck?")
    assert {("meeting", "of:1", "boat"), ("meeting", "of:2", "truck"),
            ("time", "of", "meeting")} <= triples(meeting)


def test_and_before_a_verb_starts_a_new_clause():
    g = parse_ace("John has 5 apples and Mary has 3 apples.")
    haves = [n.id for n in g.nodes if n.label == "have"]
    assert len(haves) == 2
    assert {g.nodes[g.out_edges(h, EdgeKind.AGENT)[0].dst].label for h in haves} == {"John", "Mary"}


def test_quantifiers_are_conditions_over_their_noun():
    g = parse_ace("Every box has 3 apples. No box is empty.")
    assert sorted(labels(g, NodeKind.CONDITION)) == ["every", "no"]
    assert all(g.nodes[e.dst].label == "box" for e in g.edges if e.kind == EdgeKind.CONDITION)


def test_long_coordinations_parse_with_every_conjunct():
    # Each `and` has two readings; the parser's memo keeps this linear (exponential without it).
    names = ["Sara", "Omar", "Lucy", "Leo", "Maya", "Noah", "Emma", "Alice", "Liam", "Ivan",
             "Rosa", "Tom", "Ben", "Bob", "Mary", "John", "Nina", "Paul", "Grace", "Olivia"]
    text = ("The sum of " + " and ".join(f"the age of {n}" for n in names) + " is 5. John has "
            + " and ".join(f"{i} apples" for i in range(1, 21)) + ".")
    g = parse_ace(text)
    total = next(n.id for n in g.nodes if n.label == "sum")
    assert len(g.out_edges(total, EdgeKind.OF)) == 20
    have = next(n.id for n in g.nodes if n.label == "have")
    assert len(g.out_edges(have, EdgeKind.OBJECT)) == 20


def test_gapping_makes_a_second_event_but_a_shared_phrase_does_not():
    gapped = parse_ace("Tom gives 3 apples to Mary and 2 apples to Sue.")
    gives = [n.id for n in gapped.nodes if n.label == "give"]
    assert len(gives) == 2
    pairs = {(gapped.nodes[gapped.out_edges(g, EdgeKind.OBJECT)[0].dst].value,
              gapped.nodes[gapped.out_edges(g, EdgeKind.RELATION)[0].dst].label) for g in gives}
    assert pairs == {("3", "Mary"), ("2", "Sue")}
    shared = parse_ace("Rosa puts all the pencils and all the erasers into equal packs.")
    (put,) = [n.id for n in shared.nodes if n.label == "put"]
    assert len(shared.out_edges(put, EdgeKind.OBJECT)) == 2


def test_coordinated_object_of_a_preposition():
    g = parse_ace("What is the area of a rectangle with a length of 5 meters and a width of 3 meters?")
    assert {("area", "relation:with", "length"), ("area", "relation:with", "width")} <= triples(g)
