"""The rule-based rewriter: a fixed sequence of small named passes from English to ACE.

Each pass does one kind of change (numbers, units, measures, clauses, references, facts,
questions, discourse) and every change is recorded as a step, so a user can see which rule
produced which word. The result is checked with the ACE parser; whatever did not become
ACE is reported as an issue with the span of the input it came from. Nothing is guessed
silently: no issue and `ok=True` only when the parser accepts the whole rewrite.
"""

from __future__ import annotations

from collections.abc import Callable

from agent.rewrite.ages import define_ages
from agent.rewrite.algebra import define_algebra
from agent.rewrite.answer_form import drop_answer_form
from agent.rewrite.clauses import split_clauses
from agent.rewrite.concepts import define_concepts
from agent.rewrite.counting import count_nouns
from agent.rewrite.counting_problems import define_counting
from agent.rewrite.discourse import fix_discourse, merge_measures
from agent.rewrite.draft import CannotRewrite, Draft, Sentence, split_sentences
from agent.rewrite.enumeration import enumerate_pairs
from agent.rewrite.facts import implicit_owners, normalize_fact, supports
from agent.rewrite.formulas import normalize_formulas, solve_question
from agent.rewrite.interest import define_deposit
from agent.rewrite.measures import extract_measures
from agent.rewrite.meetings import define_meeting
from agent.rewrite.mixtures import define_mixture
from agent.rewrite.motion import normalize_motion
from agent.rewrite.normalize import normalize
from agent.rewrite.numbers import numbers_to_digits
from agent.rewrite.phrases import normalize_phrases
from agent.rewrite.quantities import changes, conversions, share_of_amount, stated_changes
from agent.rewrite.question_facts import extract_question_facts
from agent.rewrite.questions import rewrite_question
from agent.rewrite.references import Unresolved, expand_possessives, resolve_pronouns
from agent.rewrite.result import RewriteResult, RewriteStep
from agent.rewrite.sequences import define_sequence
from agent.rewrite.shapes import to_shapes
from agent.rewrite.stories import define_story
from agent.rewrite.together import join_work
from agent.rewrite.units import expand_units
from agent.rewrite.validate import check_draft, check_numbers, parse_error
from agent.rewrite.verbal import define_equation

Pass = Callable[[Draft], None]


def rewrite_rules(text: str) -> RewriteResult:
    """Rewrite English `text` into ACE with the rule passes; ACE the passes cannot improve on
    passes through unchanged."""
    if not text or not text.strip():
        draft = Draft(source=text, sentences=[])
        draft.issues.append(_empty_issue(text))
        return RewriteResult(source=text, issues=draft.issues)
    result = _run_passes(text)
    if not result.ok and parse_error(text) is None:
        # ACE as written: the passes could not bring it to the canonical patterns, but it
        # already has exactly one reading, so it is kept unchanged.
        return RewriteResult(source=text, ace=text, ok=True)
    return result


def _run_passes(text: str) -> RewriteResult:
    """Every pass in order; ACE input goes through them too, so that ACE written in another
    of its forms (`Calculate the area of X.`, `Each side of a square is 5 feet.`) reaches the
    canonical patterns the model reads; the passes leave canonical ACE's graph as it is."""
    draft = Draft(source=text, sentences=split_sentences(text))
    steps: list[RewriteStep] = []
    reference = draft.sentences
    for name, run in PASSES:
        if draft.final:
            break
        before = draft.text()
        run(draft)
        after = draft.text()
        if after != before:
            steps.append(RewriteStep(name=name, before=before, after=after))
        if name == "units":  # numbers as digits, units as words: what every later pass must keep
            reference = list(draft.sentences)
    ok = not draft.issues and check_draft(draft) and check_numbers(draft, reference)
    return RewriteResult(source=text, ace=draft.text() if ok else None, ok=ok, steps=steps, issues=draft.issues)


def _each_text(edit: Callable[[str], str], stage: str) -> Pass:
    """A pass that edits every sentence's text on its own."""

    def run(draft: Draft) -> None:
        draft.sentences = [_guarded(draft, s, stage, lambda s: [s.with_text(edit(s.text))]) for s in draft.sentences]
        draft.sentences = [s for group in draft.sentences for s in group]

    return run


def _each_sentence(split: Callable[[Sentence], list[Sentence]], stage: str) -> Pass:
    """A pass that may turn each sentence into several."""

    def run(draft: Draft) -> None:
        groups = [_guarded(draft, s, stage, split) for s in draft.sentences]
        draft.sentences = [s for group in groups for s in group]

    return run


def _guarded(draft: Draft, sentence: Sentence, stage: str, work: Callable[[Sentence], list[Sentence]]) -> list[Sentence]:
    """Run `work`; a CannotRewrite becomes an issue on this sentence, which stays as it was."""
    try:
        return work(sentence)
    except CannotRewrite as exc:
        draft.issue(sentence, str(exc), stage, exc.words)
        return [sentence]


def _whole_text(edit: Callable[[list[str]], list[str]]) -> Pass:
    """A pass that reads all sentences at once but keeps their number and order."""

    def run(draft: Draft) -> None:
        texts = edit([s.text for s in draft.sentences])
        draft.sentences = [s.with_text(t) for s, t in zip(draft.sentences, texts, strict=True)]

    return run


def _concepts(draft: Draft) -> None:
    """A text that names one number-theory concept becomes the concept's ACE definition."""
    text = draft.text()
    solved = next((q for q in map(solve_question, (s.text for s in draft.sentences)) if q), None)
    definition = solved or define_concepts(text) or define_sequence(text) or define_equation(text) or define_deposit(text) or define_algebra(text) or define_ages(text) or define_mixture(text) or define_counting(text) or define_story(text) or define_meeting(text)
    if definition is None or not draft.sentences:
        return
    whole = Sentence(text="", start=draft.sentences[0].start, end=draft.sentences[-1].end)
    draft.sentences = [whole.with_text(s.text) for s in split_sentences(definition)]
    draft.final = True


def _references(draft: Draft) -> None:
    texts = [s.text for s in draft.sentences]
    try:
        texts = resolve_pronouns(texts)
    except Unresolved as exc:
        pronoun = str(exc).split("'")[1]
        culprit = next((s for s in draft.sentences if f" {pronoun.lower()} " in f" {s.text.lower()} "), draft.sentences[0])
        draft.issue(culprit, str(exc), "references", pronoun)
        return
    draft.sentences = [s.with_text(expand_possessives(t)) for s, t in zip(draft.sentences, texts, strict=True)]


def _with_context(split: Callable[[Sentence, str], list[Sentence]], stage: str) -> Pass:
    """A pass that may split each sentence, reading the whole text (for units, subjects)."""

    def run(draft: Draft) -> None:
        context = draft.text()
        groups = [_guarded(draft, s, stage, lambda s: split(s, context)) for s in draft.sentences]
        draft.sentences = [s for group in groups for s in group]

    return run


def _rewrite_question(sentence: Sentence, context: str) -> list[Sentence]:
    return [sentence.with_text(rewrite_question(sentence.text, context))]


def _empty_issue(text: str):  # noqa: ANN202
    from agent.rewrite.result import RewriteIssue

    return RewriteIssue(start=0, end=len(text), text=text, reason="the text is empty", stage="input")


PASSES: list[tuple[str, Pass]] = [
    ("normalize", _each_text(normalize, "normalize")),
    ("enumeration", _whole_text(enumerate_pairs)),
    ("numbers", _each_text(numbers_to_digits, "numbers")),
    ("units", _each_text(expand_units, "units")),
    ("answer_form", _each_sentence(drop_answer_form, "answer_form")),
    ("concepts", _concepts),
    ("shapes", _whole_text(to_shapes)),
    ("phrases", _each_text(normalize_phrases, "phrases")),
    ("formulas", _each_text(normalize_formulas, "formulas")),
    ("measures", _each_sentence(extract_measures, "measures")),
    ("clauses", _each_sentence(split_clauses, "clauses")),
    ("references", _references),
    ("together", join_work),
    ("counting", _with_context(lambda s, c: [s.with_text(t) for t in count_nouns(s.text, c)], "counting")),
    ("question_facts", _with_context(extract_question_facts, "question_facts")),
    ("facts", _each_sentence(normalize_fact, "facts")),
    ("motion", _each_sentence(normalize_motion, "motion")),
    ("stated_changes", _each_sentence(lambda s: [s.with_text(t) for t in stated_changes(s.text)], "stated_changes")),
    ("shares", _each_sentence(lambda s: [s.with_text(t) for t in share_of_amount(s.text)], "shares")),
    ("changes", _whole_text(changes)),
    ("conversions", _with_context(lambda s, c: [s.with_text(t) for t in conversions(s.text, c)], "conversions")),
    ("supports", _whole_text(supports)),
    ("owners", _whole_text(implicit_owners)),
    ("questions", _with_context(_rewrite_question, "questions")),
    ("merge", merge_measures),
    ("discourse", fix_discourse),
]
