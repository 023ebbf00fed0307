"""One answer out of k executed programs: verification first, then agreement, then score.

A beam of k programs is a small sample of what the generator believes. Executing them all
and checking each answer against the semantic graph turns that sample into evidence:

1. a candidate whose answer a decisive check pinned down (`verified`) wins outright;
2. otherwise the answers that passed every check are grouped by exact equivalence, and
   the group with the most model probability wins (self-consistency weighted by score:
   two programs that compute the same number by different trees are more credible than
   one that computes another number, unless the one is much more probable). A program
   that leaves a number of the question unused (agent/grounding.py) counts with its
   probability times UNGROUNDED_WEIGHT: a prior, not a verdict, because a number may be
   a distractor or be written by the program's structure ("draws 2 marbles" is two
   factors);
3. ties (equal weight) go to the group holding the best-scored candidate.

Programs pooled from a second reader's graph (agent/nodes.py `_pooled_graph`) come from
another model, whose log-probabilities are not on the same scale: each reader's candidates
share out their own probability (a softmax per reader), and the second reader's shares count
POOLED_WEIGHT times. Its programs then decide only where the first reader's answers are all
refuted or split; on `test`, where the ACE reading is the one the model was trained on, the
English model's confident programs otherwise outvoted it (91.3% instead of 97.9%).

Refuted candidates and candidates that raised take no part. The function here is pure
(records in, an index out), so the rule is tested without a model or a sandbox.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from agent.state import CandidateOutcome, CandidateRecord

Equivalent = Callable[[str, str], bool]

# How much less likely a program that leaves a given number unused is than its score says.
# Measured on tasks/suites/valid.jsonl with canonical ACE, k=4 (evals/bench_samples.py --replay):
# first-search accuracy 99.1% at 1 (no prior), 99.4% at 0.3, 99.6% at 0.1 and at 0.03.
UNGROUNDED_WEIGHT = 0.1
# How much a program of the pooled (second) reader counts beside the first reader's: a vote
# in reserve, the same order as UNGROUNDED_WEIGHT, not tuned.
POOLED_WEIGHT = 0.1


def probability_weights(scores: Sequence[float]) -> list[float]:
    """Each log-probability as a share of the candidates' total probability (softmax)."""
    if not scores:
        return []
    top = max(scores)
    raw = [math.exp(s - top) for s in scores]  # shifted by the best score: no underflow to all zeros
    total = sum(raw)
    return [r / total for r in raw]


def accepted(candidate: CandidateRecord) -> bool:
    return candidate.outcome in (CandidateOutcome.verified, CandidateOutcome.passed)


def answer_groups(candidates: Sequence[CandidateRecord], equivalent: Equivalent) -> list[list[int]]:
    """Indices of the accepted candidates (verified or passed), grouped by equivalent
    answers, each group in candidate order."""
    groups: list[list[int]] = []
    for i, candidate in enumerate(candidates):
        if not accepted(candidate):
            continue
        assert candidate.answer is not None, "an accepted candidate has an answer"
        home = next((g for g in groups if equivalent(candidates[g[0]].answer or "", candidate.answer)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return groups


def reader_weights(candidates: Sequence[CandidateRecord], primary: str | None) -> list[float]:
    """Each candidate's probability share within its own reader's candidates, the pooled
    readers' times POOLED_WEIGHT (all one reader when `primary` is None)."""
    readers = [c.front_end if primary is not None and c.front_end not in (None, primary) else primary
               for c in candidates]
    weights = [0.0] * len(candidates)
    for reader in dict.fromkeys(readers):
        members = [i for i, r in enumerate(readers) if r == reader]
        shares = probability_weights([candidates[i].score for i in members])
        factor = 1.0 if reader == primary else POOLED_WEIGHT
        for i, share in zip(members, shares, strict=True):
            weights[i] = share * factor
    return weights


def choose(candidates: Sequence[CandidateRecord], equivalent: Equivalent, primary: str | None = None) -> int | None:
    """The index of the candidate whose answer is reported, or None when none was accepted.
    `primary`: the reader whose graph the solve is about; others' candidates were pooled.

    The returned candidate is the best-scored member of the winning answer group, so the
    program shown with the answer is the one the model believed most among those agreeing.
    """
    verified = [i for i, c in enumerate(candidates) if c.outcome is CandidateOutcome.verified]
    if verified:
        return max(verified, key=lambda i: candidates[i].score)
    groups = answer_groups(candidates, equivalent)
    if not groups:
        return None
    prior = [UNGROUNDED_WEIGHT if c.unused else 1.0 for c in candidates]
    shares = reader_weights(candidates, primary)
    weights = [w * p for w, p in zip(shares, prior, strict=True)]

    def rank(group: list[int]) -> tuple[float, float]:
        return (sum(weights[i] for i in group), max(shares[i] for i in group))

    best = max(groups, key=rank)
    return max(best, key=lambda i: (shares[i], candidates[i].score))
