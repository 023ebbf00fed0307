"""Agreement slips are reported with positions, never rejected."""

from __future__ import annotations

from tasks.ace import parse_ace
from tasks.ace.agreement import agreement_issues


def test_article_and_numeral_slips_are_reported():
    text = "A apple costs 1 dollars. An box has 3 red apple. The teacher chooses 1 boys."
    issues = [(i.column, i.word, i.message) for i in agreement_issues(text)]
    assert issues == [
        (1, "A", "write 'an apple'"),
        (17, "dollars", "after 1 write the singular 'dollar'"),
        (26, "An", "write 'a box'"),
        (43, "apple", "after 3 write the plural 'apples'"),
        (72, "boys", "after 1 write the singular 'boy'"),
    ]
    assert parse_ace(text).nodes, "slips are reported, not rejected"


def test_correct_text_has_no_issues():
    text = ("An hour has 60 minutes. A unit costs 1 dollar. An apple costs 2.5 dollars. "
            "A tank holds 500 liters of water. John has 2 sheep.")
    assert agreement_issues(text) == []
