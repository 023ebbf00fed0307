"""Which verbs add to what their subject has and which take from it, learned from data.

`Tom buys 8 apples` adds 8 to Tom's apples and `Paco ate 14 cookies` takes 14 from his: the
meaning compiler (agent/meaning.py) needs a verb's polarity to turn such a sentence into
`after = before +- 8`. Rather than a hand-written list, the polarity is counted from the
training folds of MAWPS and ASDiv-A, whose prefix equations say the sign each number takes
(Hosseini et al. 2014 learned the same verb categories from labelled stories):

* a story qualifies when its equation only adds and subtracts numbers of the text and its
  first number is stated by a verb of possession (`had`, `has`, `there are`);
* every later number of that story whose verb has the same subject (the owner's name, or a
  pronoun) votes, for that verb, the sign it takes relative to the first one (`26 - 14`:
  `eat` votes -1); spaCy's dependency parse gives each number's verb and subject;
* a verb is kept when it has at least MIN_VOTES votes and MIN_AGREEMENT of them agree.

The dev fold is never read. `python -m tasks.english.verb_polarity --dev-fold 0` rewrites
tasks/english/verb_polarity.json (deterministic: same data, same file).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from tasks.english.numbers import number_value
from tasks.schema import Problem

LEXICON = Path(__file__).with_name("verb_polarity.json")
MIN_VOTES = 3
MIN_AGREEMENT = 0.8
POSSESSION_VERBS = frozenset(["have", "be", "contain", "hold", "own"])
DATASETS = ("mawps", "asdiv-a")


def prefix_signs(equation: str) -> dict[int, int] | None:
    """numberK -> +1/-1 in a prefix equation of + and - only (None for anything else or a
    number used twice)."""
    tokens = equation.split()
    signs: dict[int, int] = {}
    position = 0

    def walk(sign: int) -> bool:
        nonlocal position
        if position >= len(tokens):
            return False
        token = tokens[position]
        position += 1
        if token in "+-" and len(token) == 1:
            return walk(sign) and walk(sign if token == "+" else -sign)
        if token.startswith("number") and token[6:].isdigit() and int(token[6:]) not in signs:
            signs[int(token[6:])] = sign
            return True
        return False

    return signs if walk(1) and position == len(tokens) else None


PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you"])


def _clause(token: Any) -> tuple[str | None, str | None]:
    """(verb lemma, subject text) of the clause a number token belongs to."""
    head = token
    for _ in range(8):  # number -> noun -> verb, through prepositions and lists
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "amod":
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
            return head.lemma_.lower(), (subjects[0].text.lower() if subjects else None)
        if head.head is head:
            break
        head = head.head
    return None, None


def _numbers(doc: Any, numbers: list[str]) -> list[Any] | None:
    """The token of each number of the text, in order (None when they do not line up)."""
    tokens = [t for t in doc if t.like_num]
    found: list[Any] = []
    start = 0
    for text in numbers:
        match = next((i for i in range(start, len(tokens)) if _same_number(tokens[i].text, text)), None)
        if match is None:
            return None
        found.append(tokens[match])
        start = match + 1
    return found


def _same_number(token: str, text: str) -> bool:
    """The token and the dataset's number are the same value, read as the English front end reads numbers."""
    value = number_value(token)
    return value is not None and value == number_value(text)


def votes(problems: Iterable[Problem], nlp: Any) -> Counter[tuple[str, int]]:
    """(verb, sign) counts over the qualifying stories; `nlp` is a spaCy pipeline."""
    counts: Counter[tuple[str, int]] = Counter()
    for problem in problems:
        signs = prefix_signs(str(problem.meta.get("equation", "")))
        numbers = [str(n) for n in problem.meta.get("numbers", [])]
        if not signs or len(signs) < 2 or set(signs) != set(range(len(signs))) or len(numbers) < len(signs):
            continue
        tokens = _numbers(nlp(problem.prompt), numbers)
        if tokens is None:
            continue
        first_verb, owner = _clause(tokens[0])
        if first_verb not in POSSESSION_VERBS or owner is None or owner in PRONOUNS:
            continue
        for k in range(1, len(signs)):
            verb, subject = _clause(tokens[k])
            # the verb must act on the first owner's things: the same name, or a pronoun for it
            if verb and verb not in POSSESSION_VERBS and subject in (owner, *PRONOUNS):
                counts[(verb, signs[k] * signs[0])] += 1
    return counts


def lexicon_from(counts: Counter[tuple[str, int]]) -> dict[str, dict[str, int]]:
    """Verbs with enough agreeing votes: {verb: {"sign": +-1, "for": n, "against": m}}."""
    kept: dict[str, dict[str, int]] = {}
    for verb in sorted({v for v, _ in counts}):
        plus, minus = counts[(verb, 1)], counts[(verb, -1)]
        total = plus + minus
        if total >= MIN_VOTES and max(plus, minus) / total >= MIN_AGREEMENT:
            sign = 1 if plus > minus else -1
            kept[verb] = {"sign": sign, "for": max(plus, minus), "against": min(plus, minus)}
    return kept


@lru_cache(maxsize=1)
def verb_polarity() -> dict[str, int]:
    """The shipped lexicon: verb lemma -> +1 (adds to its subject's) or -1 (takes from it)."""
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    return {verb: int(entry["sign"]) for verb, entry in data["verbs"].items()}


def main() -> None:
    from tasks.english.pipeline import nlp
    from tasks.real import import_dataset, train_dev

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev-fold", type=int, default=0, help="the MAWPS/ASDiv-A fold never read (0-4)")
    ap.add_argument("--out", type=Path, default=LEXICON)
    args = ap.parse_args()
    counts: Counter[tuple[str, int]] = Counter()
    stories = 0
    for name in DATASETS:
        train, _ = train_dev(import_dataset(name).problems, args.dev_fold)
        stories += len(train)
        counts += votes(train, nlp())
    verbs = lexicon_from(counts)
    payload = {"source": f"MAWPS + ASDiv-A training folds (dev fold {args.dev_fold} never read), {stories} stories",
               "min_votes": MIN_VOTES, "min_agreement": MIN_AGREEMENT, "votes": sum(counts.values()), "verbs": verbs}
    args.out.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(verbs)} verbs from {sum(counts.values())} votes -> {args.out}")
    for verb, entry in verbs.items():
        print(f"  {verb:>12} {entry['sign']:+d}  ({entry['for']} for, {entry['against']} against)")


if __name__ == "__main__":
    main()
