"""Pass `together`: two agents doing one job together, in the canonical shape.

`A can paint a fence in 5 hours, B in 7. How long together?` is a work-rate problem
whatever its wording: two facts `X VERBs the JOB in T UNITs` about the same job, and a
question that says the agents work at once (`together`, `both`, `at the same time`). The
canonical form states the joint work and asks how long the first agent needs:
`A paints the fence with B. How many hours does A need?` (or `A fills the tank and B
empties the tank.` when the two verbs differ, as with a pipe and a drain).
"""

from __future__ import annotations

import re

from agent.rewrite.draft import Draft
from agent.rewrite.lexicon import third_person, verb_lemma

_JOB = re.compile(
    r"^(?:working\s+alone,\s+|alone,\s+)?((?:A|An|The)\s+[a-z]+|[A-Z][a-z]+)\s+(?:alone\s+)?(?:(?:can|could|will)\s+)?([a-z]+)\s+(?:a|an|the)\s+(?:same\s+|full\s+)?([a-z]+)(?:\s+alone)?\s+in\s+\d+(?:\.\d+)?\s+([a-z]+)\.$",
    re.I,
)
_JOINT = re.compile(r"\b(?:together|both|at once|at the same time|simultaneously)\b", re.I)
_NUMBER = re.compile(r"\d")
_ASKING = re.compile(r"^(?:find|calculate|compute|determine|work out|give)\b", re.I)


def join_work(draft: Draft) -> None:
    """Rewrite the draft's question (and drop `both are open` remarks) for a joint job."""
    jobs = [m for m in (_JOB.match(s.text) for s in draft.sentences) if m is not None and verb_lemma(m.group(2))]
    if len(jobs) != 2 or jobs[0].group(3) != jobs[1].group(3):
        return
    if not any(_JOINT.search(s.text) for s in draft.sentences):
        return
    first, second = jobs
    job, unit = first.group(3), first.group(4)
    a, b = _definite(first.group(1)), _definite(second.group(1))
    verb_a, verb_b = third_person(verb_lemma(first.group(2))), third_person(verb_lemma(second.group(2)))
    if verb_a == verb_b:
        joint = f"{a} {verb_a} the {job} with {_lower(b)}."
    else:
        joint = f"{a} {verb_a} the {job} and {_lower(b)} {verb_b} the {job}."
    question = f"How many {unit} does {_lower(a)} need?"
    kept = [
        s for s in draft.sentences
        if not s.is_question and not _ASKING.match(s.text) and (_NUMBER.search(s.text) or not _JOINT.search(s.text))
    ]
    last = draft.sentences[-1]
    draft.sentences = [*kept, last.with_text(joint), last.with_text(question)]


def _definite(subject: str) -> str:
    return re.sub(r"^(?:A|An)\s+", "The ", subject)


def _lower(subject: str) -> str:
    return "the" + subject[3:] if subject.startswith("The ") else subject
