"""Benchmark: how fast ladder's ACE parser turns sentences into semantic graphs.

    .venv/bin/python evals/bench_ace.py [--suite tasks/suites/test.jsonl] [--sentences 1000] [--repeat 3]

Takes the first N sentences of the suite's canonical ACE (each parsed on its own), parses them
`--repeat` times after one warm-up pass (grammar build, lexicon), and prints the best
sentences/s for parsing to a tree and for the whole parse_ace (tree + graph), plus the same for
whole problem texts, and problems/s for the meaning normal form and canonical() (what graph
comparisons cost). Target: 1,000 sentences in under a second.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

_SENTENCE = re.compile(r".+?[.?](?=\s|$)", re.S)


def sentences_of(texts: list[str], limit: int) -> list[str]:
    """The first `limit` sentences (a sentence ends at '.' or '?' before a space or the end)."""
    out: list[str] = []
    for text in texts:
        out += [s.strip() for s in _SENTENCE.findall(text)]
        if len(out) >= limit:
            break
    return out[:limit]


def best_rate(fn, items: list[str], repeat: int) -> tuple[float, float]:
    """(items per second, seconds) of the fastest of `repeat` passes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            fn(item)
        best = min(best, time.perf_counter() - start)
    return len(items) / best, best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="tasks/suites/test.jsonl")
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from tasks import load_suite
    from tasks.ace import canonical_meaning, normal_form, parse_ace
    from tasks.ace.parser import parse_tree

    if not Path(args.suite).exists():
        print(f"bench_ace: no suite at {args.suite}", file=sys.stderr)
        return 1
    texts = [p.ace for p in load_suite(args.suite) if p.ace]
    sentences = sentences_of(texts, args.sentences)
    for s in sentences:  # warm-up: builds the LALR tables and the lexicon once
        parse_ace(s)

    tree_rate, tree_s = best_rate(parse_tree, sentences, args.repeat)
    graph_rate, graph_s = best_rate(parse_ace, sentences, args.repeat)
    words = sum(len(s.split()) for s in sentences)
    text_sample = texts[: max(1, args.sentences // 4)]
    text_rate, text_s = best_rate(parse_ace, text_sample, args.repeat)
    print(f"bench_ace: {len(sentences)} sentences ({words} words) from {args.suite}")
    print(f"  parse_tree: {tree_rate:8.0f} sentences/s  ({tree_s:.3f} s for {len(sentences)})")
    print(f"  parse_ace:  {graph_rate:8.0f} sentences/s  ({graph_s:.3f} s for {len(sentences)}; "
          f"target < 1 s per 1,000)")
    print(f"  parse_ace on whole problems: {text_rate:6.0f} problems/s ({len(text_sample)} problems)")
    graphs = [parse_ace(t) for t in text_sample]
    normal_rate, _ = best_rate(normal_form, graphs, args.repeat)
    canon_rate, _ = best_rate(canonical_meaning, graphs, args.repeat)
    print(f"  normal_form:  {normal_rate:6.0f} problems/s; canonical_meaning (normal form + canonical "
          f"string): {canon_rate:6.0f} problems/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
