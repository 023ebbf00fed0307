"""equivalent_variants: rewordings in the fragment's other forms, each meaning the same."""

from __future__ import annotations

import pytest

from tasks.ace import AceError, parse_ace, same_meaning
from tasks.ace.canonical import canonical_string
from tasks.ace.variants import equivalent_variants, merge_objects, split_objects


def test_split_coordinated_measurements():
    text = "A crate has a depth of 6 feet and a width of 2 feet. What is the volume of the crate?"
    assert split_objects(text) == ("A crate has a depth of 6 feet. The crate has a width of 2 feet. "
                                   "What is the volume of the crate?")


def test_merge_consecutive_facts_about_one_referent():
    text = "Lea owns 4 kites. Lea owns 1 lamp. Ravi owns 2 kites."
    assert merge_objects(text) == "Lea owns 4 kites and 1 lamp. Ravi owns 2 kites."


def test_variants_are_the_text_first_then_each_rewording_that_means_the_same():
    text = "A tent has a length of 5 yards and a width of 3 yards. What is the area of the tent?"
    variants = equivalent_variants(text)
    assert variants[0] == text
    assert variants[1] == ("A tent has a length of 5 yards. The tent has a width of 3 yards. "
                           "What is the area of the tent?")
    assert len(variants) == 2, variants
    for v in variants:
        assert same_meaning(parse_ace(v), parse_ace(text)), v
    assert canonical_string(parse_ace(variants[1])) != canonical_string(parse_ace(text)), \
        "a variant is a different graph for the model: that is its point"


@pytest.mark.parametrize("text", [
    "Every shelf holds 8 books and 3 cups.",               # `every`: not one shelf
    "Lea and Ravi own 4 kites and 1 lamp.",                # a collective subject
    "Lena delivers 3 parcels and 2 letters.",               # a verb of action
    "Ken owns 3 bikes in a garage and 1 car in a house.",    # objects with their own phrases
    "Lea owns 4 kites. Ravi owns 1 lamp.",                 # two referents
    "A number X has 3 digits and 2 factors.",               # a subject named by a variable
])
def test_no_rewording_where_the_equivalence_does_not_hold(text):
    assert equivalent_variants(text) == [text]


def test_a_rewording_that_would_resolve_an_anaphor_elsewhere_is_left_out():
    # Split, `The box has 3 pens` would name the 2 boxes, not the first box.
    text = "A box has 2 boxes and 3 pens."
    assert split_objects(text) != text
    assert equivalent_variants(text) == [text]


def test_text_outside_ace_is_an_ace_error():
    with pytest.raises(AceError):
        equivalent_variants("A box is big and")


def test_explicit_coefficients_of_lone_variables_in_sums():
    from tasks.ace.variants import explicit_coefficients

    assert explicit_coefficients("Calculate the number V such that V ^ 2 - V - 20 = 0.") == \
        "Calculate the number V such that V ^ 2 - 1 * V - 20 = 0."
    # products, powers and appositions keep their variables as written
    assert explicit_coefficients("W = 4 * V ^ 2.") == "W = 4 * V ^ 2."
    assert explicit_coefficients("A number V is unknown.") == "A number V is unknown."
    text = "W = (V + 5) * 2."
    assert equivalent_variants(text) == [text, "W = (1 * V + 5) * 2."]
