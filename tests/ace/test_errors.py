"""Text outside the fragment is rejected with line, column, the word and what would fit."""

from __future__ import annotations

import pytest

from tasks.ace import AceError, parse_ace


def rejection(text: str) -> AceError:
    with pytest.raises(AceError) as info:
        parse_ace(text)
    return info.value


def test_unknown_word_names_the_word_and_the_prefix_fix():
    err = rejection("John has 5 widgets.")
    assert (err.line, err.column, err.word, err.reason) == (1, 12, "widgets", "unknown word")
    assert "a noun" in err.expected
    assert "n:widgets" in str(err), str(err)


def test_prefixed_unknown_word_is_accepted():
    g = parse_ace("John has 5 n:widgets. A n:gizmo costs 3 dollars.")
    assert [n.unit for n in g.nodes if n.kind.value == "quantity"] == ["widget", "dollar"]
    assert "gizmo" in [n.label for n in g.nodes]


def test_word_in_the_wrong_place():
    err = rejection("The ladder is against is.")
    assert (err.line, err.column, err.word) == (1, 23, "is")
    assert err.reason == "unexpected word"
    assert "a determiner (a, the, every, each, no, ...)" in err.expected


def test_unexpected_content_word_says_its_class():
    err = rejection("John apples.")
    assert (err.column, err.word, err.reason) == (6, "apples", "unexpected noun")
    assert "a verb" in err.expected


def test_error_position_on_a_later_line():
    err = rejection("John has 5 apples.\nMary has 3 apples\nand Bob has the.")
    assert (err.line, err.column, err.word) == (3, 16, ".")


def test_unfinished_text_points_after_the_last_word():
    err = rejection("What is the length of the ladder")
    assert err.word == "" and err.reason == "unfinished sentence"
    assert (err.line, err.column) == (1, 33)
    assert "'?'" in err.expected
    assert "at the end of the text" in str(err)


def test_character_outside_ace():
    err = rejection("John has 5% of the apples.")
    assert (err.column, err.word, err.reason) == (11, "%", "character outside ACE")


def test_past_tense_is_not_ace():
    err = rejection("John gave 3 apples to Mary.")
    assert err.word == "gave" and err.reason == "unknown word"


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text(text):
    err = rejection(text)
    assert err.reason == "empty text" and err.expected == ["a sentence"]


def test_message_is_one_line_a_person_can_act_on():
    message = str(rejection("The ladder leans against."))
    assert "\n" not in message
    assert message.startswith("line 1, column 25: unexpected word '.'; expected ")


def test_the_article_a_is_never_a_variable():
    err = rejection("A = 3.")
    assert err.word == "=", "`A` at the start is the article, so '=' is unexpected"


def test_non_string_input_is_a_type_error():
    with pytest.raises(TypeError, match="expects a str"):
        parse_ace(None)  # type: ignore[arg-type]


def test_error_survives_pickling_across_processes():
    import pickle

    err = rejection("John has 5 widgets.")
    again = pickle.loads(pickle.dumps(err))
    assert (again.line, again.column, again.word, again.expected, str(again)) == (
        err.line, err.column, err.word, err.expected, str(err))


def test_absurd_nesting_is_an_ace_error():
    err = rejection("What is " + "the length of " * 3000 + "the ladder?")
    assert err.reason == "text nested too deeply"


@pytest.mark.parametrize("text", ["A kite flies over a hill. It reaches a height of 30 meters.",
                                  "Ravi has 4 pens. He gives 2 pens to Lea.",
                                  "What is its width?", "Lea sells their bikes."])
def test_pronouns_are_rejected_not_read_as_names(text):
    with pytest.raises(AceError) as info:
        parse_ace(text)
    assert info.value.reason == "pronoun", str(info.value)
    assert "name the referent again" in info.value.hint
