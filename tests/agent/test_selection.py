"""Choosing among k programs: verification first, then score-weighted agreement, then score."""

from __future__ import annotations

import math

from agent_fakes import LADDER

from agent import Agent, Status
from agent.selection import answer_groups, choose, probability_weights
from agent.state import CandidateOutcome, CandidateRecord
from graphmodel.generators import Candidate
from graphmodel.trees import parse_program
from verifiers import answers_equivalent

EQUATION = "Calculate the number X such that 4 * X - 6 = 18."  # X = 6


def rec(score: float, answer: str | None, outcome: CandidateOutcome) -> CandidateRecord:
    return CandidateRecord(source=f"answer = {answer}\n", score=score, answer=answer, outcome=outcome)


def test_weights_are_shares_of_the_total_probability() -> None:
    weights = probability_weights([math.log(0.5), math.log(0.3), math.log(0.2)])
    assert [round(w, 6) for w in weights] == [0.5, 0.3, 0.2]
    assert probability_weights([-1000.0, -1001.0])[0] > 0.7, "very low log-probabilities do not underflow"


def test_equivalent_answers_share_a_group() -> None:
    records = [rec(-1, "1/2", CandidateOutcome.passed), rec(-2, "2", CandidateOutcome.passed),
               rec(-3, "0.5", CandidateOutcome.passed), rec(-4, "7", CandidateOutcome.refuted)]
    assert answer_groups(records, answers_equivalent) == [[0, 2], [1]]


def test_a_verified_candidate_beats_a_better_scored_one() -> None:
    records = [rec(-0.1, "5", CandidateOutcome.passed), rec(-3.0, "6", CandidateOutcome.verified)]
    assert choose(records, answers_equivalent) == 1


def test_agreement_of_lower_candidates_outweighs_a_lone_top_one() -> None:
    # 0.4 for "7" against 0.35 + 0.25 for "5": the two agreeing programs win
    records = [rec(math.log(0.4), "7", CandidateOutcome.passed), rec(math.log(0.35), "5", CandidateOutcome.passed),
               rec(math.log(0.25), "5", CandidateOutcome.passed)]
    assert choose(records, answers_equivalent) == 1, "the best-scored member of the winning group is shown"


def test_a_probable_top_candidate_is_not_outvoted_by_improbable_ones() -> None:
    records = [rec(math.log(0.7), "7", CandidateOutcome.passed), rec(math.log(0.2), "5", CandidateOutcome.passed),
               rec(math.log(0.1), "5", CandidateOutcome.passed)]
    assert choose(records, answers_equivalent) == 0


def test_refuted_and_failed_candidates_take_no_part() -> None:
    records = [rec(-0.1, "-5", CandidateOutcome.refuted), rec(-0.2, None, CandidateOutcome.failed),
               rec(-5.0, "5", CandidateOutcome.passed)]
    assert choose(records, answers_equivalent) == 2
    assert choose(records[:2], answers_equivalent) is None


class Ranked:
    """A plug-in generator that returns fixed programs, best score first (a beam stand-in)."""

    name = "ranked"

    def __init__(self, *programs: tuple[str, float]) -> None:
        self.programs = programs

    def generate(self, graph, k: int = 1):
        return [Candidate(tree=parse_program(src), source=src, score=score) for src, score in self.programs[:k]]

    def infill(self, graph, tree, hole, k: int = 1):
        return []


def test_the_checks_pick_a_lower_ranked_right_program_over_a_wrong_top_one() -> None:
    generator = Ranked(("answer = (18 - 6) / 4\n", -0.2), ("x = (18 + 6) / 4\nanswer = x\n", -2.5))
    solution = Agent(generator=generator, samples=2, max_repairs=0).solve(EQUATION)
    assert solution.answer == "6" and solution.status is Status.verified, solution.trace
    assert solution.chosen == 1
    top, second = solution.candidates
    assert (top.outcome, top.answer) == (CandidateOutcome.refuted, "3"), top
    assert "X = 6" in top.detail, top.detail
    assert second.outcome is CandidateOutcome.verified
    assert solution.repairs == [], "choosing among the first search's programs is not a repair"


def test_agreement_picks_the_answer_two_programs_reach() -> None:
    generator = Ranked(
        ("answer = 13 - 12\n", math.log(0.4)),  # passes every check that runs (none is decisive): wrong
        ("from sympy import sqrt\nanswer = sqrt(13**2 - 12**2)\n", math.log(0.35)),
        ("from sympy import sqrt\nlength = 13\nheight = 12\nanswer = sqrt(length**2 - height**2)\n", math.log(0.25)),
    )
    solution = Agent(generator=generator, samples=3).solve(LADDER)
    assert solution.answer == "5", [c.model_dump() for c in solution.candidates]
    # the constraints read from the question (5**2 + 12**2 = 13**2) now refute the top program
    # and verify the others: agreement alone would have chosen the same
    assert solution.status is Status.verified
    assert solution.candidates[0].outcome is CandidateOutcome.refuted


def test_a_verified_program_ends_the_search() -> None:
    generator = Ranked(("answer = 6\n", -0.1), ("answer = 1 / 0\n", -1.0))
    solution = Agent(generator=generator, samples=2).solve(EQUATION)
    assert solution.answer == "6" and solution.chosen == 0
    assert solution.candidates[1].outcome is CandidateOutcome.skipped, "nothing beats a decisive check"


def test_when_none_is_accepted_the_top_program_goes_to_repair() -> None:
    generator = Ranked(("answer = 1 / 0\n", -0.1), ("answer = -2\n", -1.0))
    solution = Agent(generator=generator, samples=2, max_repairs=1, repair="regenerate").solve(EQUATION)
    assert solution.answer is None and solution.status is Status.no_answer
    assert solution.chosen is None
    assert [c.outcome for c in solution.candidates][:2] == [CandidateOutcome.failed, CandidateOutcome.refuted]
    nodes = [step.node for step in solution.trace]
    assert nodes[3:5] == ["select", "repair"], nodes
    assert "ZeroDivisionError" in solution.repairs[0].reason, "the top program's failure is the one repaired"


def test_structural_mode_takes_the_first_tree_only() -> None:
    generator = Ranked(("answer = (18 - 6) / 4\n", -0.2), ("answer = (18 + 6) / 4\n", -2.5))
    solution = Agent(generator=generator, mode="structural", samples=2).solve(EQUATION)
    assert solution.answer is None, "the first tree's 3 is refuted, and structural mode gets no second try"
    assert len(solution.candidates) == 1


def test_a_grounded_program_is_preferred_to_a_better_scored_one_that_drops_a_number() -> None:
    records = [rec(math.log(0.6), "300", CandidateOutcome.passed), rec(math.log(0.4), "750", CandidateOutcome.passed)]
    records[0] = records[0].model_copy(update={"unused": ["15/2"]})
    assert choose(records, answers_equivalent) == 1
    everyone_drops = [r.model_copy(update={"unused": ["15/2"]}) for r in records]
    assert choose(everyone_drops, answers_equivalent) == 0, "with no grounded candidate, the vote decides"


def test_an_ungrounded_program_the_model_is_sure_of_still_wins() -> None:
    """"Draws 2 marbles" is written as two factors, not as a 2: a prior, not a verdict."""
    records = [rec(math.log(0.97), "5/18", CandidateOutcome.passed), rec(math.log(0.03), "20/63", CandidateOutcome.passed)]
    records[0] = records[0].model_copy(update={"unused": ["2"]})
    assert choose(records, answers_equivalent) == 0


def test_the_agent_records_which_numbers_a_candidate_left_out() -> None:
    rope = "A rope has a length of 7.5 meters. 1 meter is 100 centimeters. How many centimeters does the rope measure?"
    generator = Ranked(("length = 3\nanswer = length * 100\n", -0.3),
                       ("from sympy import Rational\nanswer = Rational('7.5') * 100\n", -1.5))
    solution = Agent(generator=generator, samples=2).solve(rope)
    assert [c.unused for c in solution.candidates] == [["15/2"], []]
    assert solution.answer == "750" and solution.chosen == 1, solution.candidates


def test_a_program_that_uses_none_of_the_stated_numbers_is_refuted() -> None:
    generator = Ranked(("from sympy import Rational\nanswer = Rational(9, 4)\n", -0.1),
                       ("answer = 15 * 80\n", -3.0))
    solution = Agent(generator=generator, samples=2, max_repairs=0).solve("What is 15 times 80?")
    assert solution.answer == "1200", [c.model_dump() for c in solution.candidates]
    top = solution.candidates[0]
    assert top.outcome is CandidateOutcome.refuted and "none of the numbers" in top.detail


def test_a_story_the_rewriter_refuses_is_read_by_the_english_front_end() -> None:
    story = ("43 children were riding on the bus. At the bus stop some children got off the bus. "
             "Then there were 21 children left on the bus. How many children got off the bus at the bus stop?")
    solution = Agent(generator=Ranked(("answer = 43 - 21\n", -0.1)), samples=1).solve(story)
    assert solution.front_end == "english" and solution.ace is None, solution.trace
    assert solution.answer == "22"
    assert solution.semantic_graph is not None and solution.semantic_graph["front_end"] == "english"
    assert any("english front end" in step.output for step in solution.trace if step.node == "rewrite")


def test_a_pooled_reader_s_confident_program_does_not_outvote_the_first_reader() -> None:
    """Two models, two scales: the English model's -0.2 is no stronger evidence than the ACE
    model's -1.5, so each reader shares out its own probability and the pooled one counts less."""
    ace = [rec(-1.5, "1/4", CandidateOutcome.passed), rec(-2.5, "1/2", CandidateOutcome.passed)]
    english = [rec(-0.2, "2", CandidateOutcome.passed).model_copy(update={"front_end": "english"}),
               rec(-0.4, "2", CandidateOutcome.passed).model_copy(update={"front_end": "english"})]
    pooled = sorted([*ace, *english], key=lambda r: -r.score)
    chosen = choose(pooled, answers_equivalent, primary="ace")
    assert pooled[chosen].answer == "1/4"
    # without a primary reader every candidate is one sample: the two confident programs win
    assert pooled[choose(pooled, answers_equivalent)].answer == "2"
    # and when the first reader's programs are all refuted, the pooled reader's answer stands
    refuted = [r.model_copy(update={"outcome": CandidateOutcome.refuted}) for r in ace]
    assert [*english, *refuted][choose([*english, *refuted], answers_equivalent, primary="ace")].answer == "2"
