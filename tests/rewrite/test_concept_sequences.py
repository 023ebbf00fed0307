"""Arithmetic and geometric sequences, in wordings written for these tests."""

from __future__ import annotations

import pytest
from rewrite_checks import assert_rewrites_to

from agent.rewrite.sequences import define_sequence


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        ("Add up the first 6 terms of 5, 15, 45, 135, ...", "A geometric sequence has 6 terms. The sequence has a first term"
         " of 5 and a ratio of 3. What is the sum of the terms of the sequence?"),
        ("What is the 12th term of the list 40, 37, 34, ...?", "An arithmetic sequence has 12 terms. The sequence has a first"
         " term of 40 and a difference of -3. What is the last term of the sequence?"),
        ("A geometric progression has first term 7 and common ratio 2. Find its 6th term.", "A geometric sequence has 6 terms."
         " The sequence has a first term of 7 and a ratio of 2. What is the last term of the sequence?"),
    ],
)
def test_sequences(text: str, ace: str) -> None:
    assert_rewrites_to(text, ace)


@pytest.mark.parametrize(
    "text",
    [
        "What is the 10th term of the arithmetic sequence 2, 4, 8, ...?",  # the terms are not arithmetic
        "What is the 10th term of 1, 2, 4, 7, ...?",  # neither kind
    ],
)
def test_a_listing_that_is_not_the_named_kind_is_refused(text: str) -> None:
    assert define_sequence(text) is None
