"""Real word problems (tasks.real): English restored, reference programs that reproduce the
dataset's answers, folds that keep near-duplicates together, and clear errors on bad data.

The core tests run on small hand-written fixtures; the tests on the real files skip when
the data directory (../shared/data beside the repository, or $LADDER_DATA_DIR) is absent.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tasks import load_suite
from tasks.real import (
    ProgramError,
    RealDataError,
    data_file,
    evaluate_program,
    fold_of,
    gsm8k_fold,
    import_dataset,
    import_gsm8k,
    import_mwp,
    load_mawps,
    split_folds,
    train_dev,
)
from tasks.real.numbers import dataset_number
from tasks.real.programs import parse_prefix, program
from tasks.real.text import restore
from tasks.schema import AnswerKind, Split

HEADER = "Question,Numbers,Equation,Answer,group_nums,Body,Ques_Statement\n"
MAWPS_ROWS = [
    # a story and its near-duplicate (same masked text, other numbers): one fold
    ('Mary is baking a cake . The recipe wants number0 cups of flour . She already put in number1 cups . '
     'How many cups does she need to add ?', "8.0 2.0", "- number0 number1", "6"),
    ('Mary is baking a cake . The recipe wants number0 cups of flour . She already put in number1 cups . '
     'How many cups does she need to add ?', "12.0 5.0", "- number0 number1", "7"),
    # the same story asked another way (same Body): one fold with it
    ('Mary is baking a cake . The recipe wants number0 cups of flour . She already put in number1 cups . '
     'How many more cups are needed ?', "9.0 4.0", "- number0 number1", "5"),
    ("Scarlett 's cup holds number0 cup of oil . If Scarlett adds number1 cup more , how much oil is there ?",
     "0.16666666666666666 0.6666666666666666", "+ number0 number1", "0.8333333333333334"),
    ("Ezra drew a line that was number0 inches long . Then he drew one number1 inches long . How much longer was the first ?",
     "7.666666666666667 3.3333333333333335", "- number0 number1", "4.333333333333333"),
    ("A pencil weighs number0 grams . How much do number1 pencils weigh ?", "28.3 5.0", "* number0 number1", "141.5"),
    ("Dan had $ number0 . He spent $ number1 on lemon - lime soda . How much is left ?", "4.0 3.0", "- number0 number1", "1"),
    ("Tom has number0 apples and number1 pears . How many apples does he have ?", "3.0 4.0", "+ number0 number1", "99"),
    ("A recipe needs number0 eggs per cake . How many eggs for number1 cakes ?", "2.0 3.0", "* number0 number3", "6"),
]


def _body(question: str) -> str:
    return question.rsplit(" . ", 1)[0] + " ." if " . " in question else question


def write_mwp(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    lines = [HEADER]
    for q, nums, eq, ans in rows:
        body, ques = _body(q), q.rsplit(" . ", 1)[-1]
        lines.append(",".join(json.dumps(x) if "," in x or '"' in x else x for x in (q, nums, eq, ans, "[]", body, ques)) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


GSM8K_ROWS = [
    {"question": "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. "
                 "How many clips did Natalia sell altogether in April and May?",
     "answer": "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\n"
               "Natalia sold 48+24 = <<48+24=72>>72 clips altogether in April and May.\n#### 72"},
    {"question": "Weng earns $12 an hour for babysitting. Yesterday, she just did 50 minutes of babysitting. How much did she earn?",
     "answer": "Weng earns 12/60 = $<<12/60=0.2>>0.2 per minute.\n"
               "Working 50 minutes, she earned 0.2 x 50 = $<<0.2*50=10>>10.\n#### 10"},
    {"question": "Sam buys 5 shorts at $7 each and 4 tops for $20 in all. How much is one top?",
     "answer": "She bought 5 shorts at $7 each so 5*7=$<<5*7=35>>35\n"
               "She bought 4 tops for a total of $20 so 20/4 = $5\n#### 5"},
    {"question": "Jo has 3 cats. How many cats?", "answer": "She has 3 cats.\n#### 3"},
]


@pytest.fixture
def mawps_csv(tmp_path: Path) -> Path:
    """The fixture rows as `<data dir>/mwp/mawps_train.csv`."""
    (tmp_path / "mwp").mkdir()
    return write_mwp(tmp_path / "mwp" / "mawps_train.csv", MAWPS_ROWS)


@pytest.fixture
def gsm8k_jsonl(tmp_path: Path) -> Path:
    (tmp_path / "gsm8k").mkdir()
    path = tmp_path / "gsm8k" / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GSM8K_ROWS), encoding="utf-8")
    return path


# --- numbers and English ------------------------------------------------------------------


@pytest.mark.parametrize(("stored", "text", "literal"), [
    ("8.0", "8", "8"),
    ("0.5", "0.5", "Rational('0.5')"),
    ("28.30", "28.3", "Rational('28.3')"),
    ("0.6666666666666666", "2/3", "Rational('2/3')"),
    ("7.666666666666667", "7 2/3", "7 + Rational('2/3')"),
    ("1,200", "1200", "1200"),
])
def test_dataset_numbers_are_written_as_a_user_types_them(stored: str, text: str, literal: str) -> None:
    n = dataset_number(stored)
    assert (n.text, n.literal) == (text, literal)


def test_restored_english_of_fixture_rows(mawps_csv: Path) -> None:
    by_row = {p.meta["row"]: p for p in load_mawps(mawps_csv)}
    assert by_row[0].prompt == ("Mary is baking a cake. The recipe wants 8 cups of flour. She already put in 2 cups. "
                                "How many cups does she need to add?")
    assert by_row[3].prompt == "Scarlett's cup holds 1/6 cup of oil. If Scarlett adds 2/3 cup more, how much oil is there?"
    assert by_row[4].prompt.startswith("Ezra drew a line that was 7 2/3 inches long.")
    assert by_row[6].prompt == "Dan had $4. He spent $3 on lemon-lime soda. How much is left?"
    assert by_row[0].meta["numbers"] == ["8", "2"]


def test_lowercased_text_gets_sentence_capitals_and_pronoun_i() -> None:
    numbers = [dataset_number("63"), dataset_number("50")]
    assert restore("gino has number0 sticks . i have number1 sticks . what is the sum ?", numbers) == (
        "Gino has 63 sticks. I have 50 sticks. What is the sum?")


# --- prefix equations -> programs -> values -------------------------------------------------


@pytest.mark.parametrize(("equation", "numbers", "source", "value"), [
    ("- number0 number1", "8.0 2.0", "answer = 8 - 2\n", 6),
    ("- number0 - number1 number2", "10.0 4.0 1.0", "answer = 10 - (4 - 1)\n", 7),
    ("/ + number0 number1 2.0", "50.0 60.0", "from sympy import Rational\nanswer = Rational(50 + 60, 2)\n", 55),
    ("* number0 number1", "28.3 5.0", "from sympy import Rational\nanswer = Rational('28.3') * 5\n", Fraction(283, 2)),
    ("* - number0 number1 number2", "7.666666666666667 1.0 3.0",
     "from sympy import Rational\nanswer = (7 + Rational('2/3') - 1) * 3\n", 20),
    ("* number0 0.01", "40.0", "from sympy import Rational\nanswer = 40 * Rational('0.01')\n", Fraction(2, 5)),
])
def test_prefix_equation_becomes_a_program_with_the_value(equation: str, numbers: str, source: str, value: Fraction) -> None:
    code = program([("answer", parse_prefix(equation, [dataset_number(t) for t in numbers.split()]))])
    assert code == source
    assert evaluate_program(code) == value


def test_fixture_programs_reproduce_answers_and_misfits_are_skipped(mawps_csv: Path) -> None:
    imported = import_mwp(mawps_csv, "mawps")
    skipped = {s.row: s.reason for s in imported.skipped}
    assert skipped == {7: "program does not give the answer", 8: "unreadable equation"}
    for p in imported.problems:
        assert evaluate_program(p.program) == Fraction(p.answer)
        assert p.family == "mawps" and p.split is Split.external
        assert {"source", "row", "fold", "numbers", "equation"} <= set(p.meta)
    by_row = {p.meta["row"]: p for p in imported.problems}
    assert (by_row[3].answer, by_row[3].answer_kind) == ("5/6", AnswerKind.rational)  # exact, not 0.8333
    assert (by_row[0].answer, by_row[0].answer_kind) == ("6", AnswerKind.integer)
    assert by_row[0].meta["source"] == "mwp/mawps_train.csv" and by_row[0].meta["constants"] == []


@pytest.mark.parametrize("source", [
    "import os\nanswer = 1\n",
    "answer = __import__('os').getcwd()\n",
    "answer = (1).real\n",
    "answer = [1][0]\n",
    "answer = Rational(1, 2)\n",  # used without its import
    "from sympy import sympify\nanswer = sympify('1')\n",
    "answer = 2 ** 100000\n",
    "answer = 1 / 0\n",
    "x = 1\n",
    "answer = y\n",
    "answer = 1.5\n",  # floats are never exact
])
def test_safe_evaluator_refuses_anything_outside_exact_arithmetic(source: str) -> None:
    with pytest.raises(ProgramError):
        evaluate_program(source)


# --- GSM8K --------------------------------------------------------------------------------


def test_gsm8k_steps_become_named_statements_that_refer_back(gsm8k_jsonl: Path) -> None:
    imported = import_gsm8k(gsm8k_jsonl)
    by_row = {p.meta["row"]: p for p in imported.problems}
    natalia = by_row[0]
    assert natalia.program == ("from sympy import Rational\nclips = Rational(48, 2)\nclips_2 = 48 + clips\n"
                               "answer = clips_2\n")
    assert evaluate_program(natalia.program) == 72 and natalia.answer == "72"
    assert natalia.meta["names"] == ["clips", "clips_2"] and natalia.meta["constants"] == ["2"]
    weng = by_row[1]
    assert weng.program == ("from sympy import Rational\nper_minute = Rational(12, 60)\nearned = per_minute * 50\n"
                            "answer = earned\n")  # 0.2 re-typed is the name, not a literal
    assert weng.meta["numbers"] == ["12", "50"] and weng.meta["fold"] in {"dev", "train"}
    bare = by_row[2]  # the last step was not annotated: `20/4 = $5`
    assert bare.program.endswith("= Rational(20, 4)\nanswer = tops\n") and bare.answer == "5"
    assert {s.row: s.reason for s in imported.skipped} == {3: "no calculations in the solution"}


def test_gsm8k_dev_tenth_is_a_function_of_the_question() -> None:
    keys = [f"question number {i}" for i in range(2000)]
    folds = [gsm8k_fold(k) for k in keys]
    assert folds == [gsm8k_fold(k) for k in keys]
    assert 0.08 < folds.count("dev") / len(folds) < 0.12


# --- folds --------------------------------------------------------------------------------


def test_folds_are_deterministic_and_keep_near_duplicates_together(tmp_path: Path, mawps_csv: Path) -> None:
    first = import_mwp(mawps_csv, "mawps").problems
    (tmp_path / "shuffled").mkdir()
    shuffled = import_mwp(write_mwp(tmp_path / "shuffled" / "m.csv", list(reversed(MAWPS_ROWS))), "mawps").problems
    fold_by_text = {p.meta["masked"] + p.meta["equation"] + str(p.meta["numbers"]): p.meta["fold"] for p in first}
    assert fold_by_text == {p.meta["masked"] + p.meta["equation"] + str(p.meta["numbers"]): p.meta["fold"] for p in shuffled}
    by_row = {p.meta["row"]: p for p in first}
    assert by_row[0].meta["fold"] == by_row[1].meta["fold"] == by_row[2].meta["fold"]  # same text; same story
    assert len({by_row[r].meta["group"] for r in (0, 1, 2)}) == 1
    assert all(0 <= p.meta["fold"] < 5 for p in first)


def test_split_folds_and_train_dev_partition_the_problems(mawps_csv: Path) -> None:
    problems = load_mawps(mawps_csv)
    folds = split_folds(problems, 5)
    assert sorted(p.id for f in folds for p in f) == sorted(p.id for p in problems)
    for k, fold in enumerate(folds):
        train, dev = train_dev(problems, k)
        assert {p.id for p in dev} == {p.id for p in fold}
        assert not {p.id for p in train} & {p.id for p in dev} and len(train) + len(dev) == len(problems)
    assert fold_of("some group", 5) == fold_of("some group", 5)


# --- bad input ----------------------------------------------------------------------------


def test_malformed_csv_names_the_file_and_row(tmp_path: Path) -> None:
    missing = tmp_path / "no_answer.csv"
    missing.write_text("Question,Numbers,Equation\nA q ?,1.0,number0\n")
    with pytest.raises(RealDataError, match=r"no_answer\.csv: missing column\(s\) Answer"):
        import_mwp(missing, "mawps")
    ragged = tmp_path / "ragged.csv"
    ragged.write_text(HEADER + "Has number0 ?,1.0,number0,1,[],b,q\nHas number0 ?,1.0,number0,1,[],b,q,extra\n")
    with pytest.raises(RealDataError, match=r"ragged\.csv, row 1: expected 7 fields"):
        import_mwp(ragged, "mawps")
    with pytest.raises(RealDataError, match=r"nowhere\.csv: no such file"):
        import_mwp(tmp_path / "nowhere.csv", "mawps")


def test_malformed_jsonl_names_the_file_and_row(tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    path.write_text(json.dumps(GSM8K_ROWS[0]) + "\n" + '{"question": "no answer"}\n')
    with pytest.raises(RealDataError, match=r"train\.jsonl, row 1: .*answer"):
        import_gsm8k(path)
    path.write_text("{not json\n")
    with pytest.raises(RealDataError, match=r"train\.jsonl, row 0: not a GSM8K row"):
        import_gsm8k(path)


# --- the CLI ------------------------------------------------------------------------------


def test_cli_writes_a_fold_part_and_reports_bad_data_in_one_line(tmp_path: Path, mawps_csv: Path) -> None:
    from evals.external.cli import external_app

    runner = CliRunner()
    out = tmp_path / "dev.jsonl"
    result = runner.invoke(external_app, ["mawps", "--out", str(out), "--fold", "0", "--part", "dev",
                                          "--data-dir", str(mawps_csv.parents[1])])
    assert result.exit_code == 0, result.output
    written = load_suite(out)
    assert {p.meta["fold"] for p in written} <= {0}
    assert len(written) == sum(p.meta["fold"] == 0 for p in load_mawps(mawps_csv))
    (tmp_path / "bad" / "mwp").mkdir(parents=True)
    (tmp_path / "bad" / "mwp" / "asdiv-a_train.csv").write_text(HEADER + "q,1.0,number0,1,[],b,q,extra\n")
    result = runner.invoke(external_app, ["asdiv-a", "--out", str(out), "--data-dir", str(tmp_path / "bad")])
    assert result.exit_code == 1
    assert "asdiv-a_train.csv, row 0" in result.output and "Traceback" not in result.output


# --- the real files (skipped without ../shared/data) ----------------------------------------


def _real(dataset: str) -> Path:
    path = data_file(dataset)
    if not path.is_file():
        pytest.skip(f"real data not present at {path} (set LADDER_DATA_DIR)")
    return path


def test_real_mawps_restores_english_and_reproduces_answers() -> None:
    imported = import_dataset("mawps", _real("mawps"))
    assert len(imported.problems) >= 1500 and len(imported.skipped) <= 15
    by_row = {p.meta["row"]: p for p in imported.problems}
    assert by_row[0].prompt == ("Mary is baking a cake. The recipe wants 8 cups of flour. She already put in 2 cups. "
                                "How many cups does she need to add?")
    assert by_row[0].program == "answer = 8 - 2\n"
    assert sum(bool(p.meta["constants"]) for p in imported.problems) >= 50  # 12, 100, 0.01 ... stay literals
    assert "7 2/3 inches" in by_row[8].prompt and by_row[8].answer == "13/3"
    sizes = [len(f) for f in split_folds(imported.problems, 5)]
    assert all(0.15 < s / len(imported.problems) < 0.25 for s in sizes)
    groups: dict[str, set[int]] = {}
    for p in imported.problems:
        groups.setdefault(p.meta["masked"].lower(), set()).add(p.meta["fold"])
    assert all(len(f) == 1 for f in groups.values())


def test_real_asdiv_restores_english() -> None:
    imported = import_dataset("asdiv-a", _real("asdiv-a"))
    assert len(imported.problems) >= 970
    first = imported.problems[0]
    assert first.prompt == "Gino has 63 popsicle sticks. I have 50 popsicle sticks. What is the sum of our popsicle sticks?"
    assert (first.program, first.answer) == ("answer = 63 + 50\n", "113")


def test_real_gsm8k_programs_and_dev_tenth() -> None:
    imported = import_dataset("gsm8k", _real("gsm8k"))
    assert len(imported.problems) >= 7000
    dev = [p for p in imported.problems if p.meta["fold"] == "dev"]
    assert 0.09 < len(dev) / len(imported.problems) < 0.11
    assert imported.problems[0].program.endswith("clips = Rational(48, 2)\nclips_2 = 48 + clips\nanswer = clips_2\n")
