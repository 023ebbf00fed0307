"""The English front end: a word problem as people write it -> a semantic graph, by spaCy.

Where the ACE rewriter cannot restate a question exactly, this reads the English itself
(tokens, lemmas, dependencies, numbers with what they count) and builds a quantity graph in
the spirit of Graph2Tree's quantity-cell graph: numbers are nodes tied to the noun they
count, their verb and its owner; the asked quantity is marked; same-unit and magnitude
comparisons link quantities. It decides no program: the generator reads the graph.
"""

from tasks.english.graph import parse_english

__all__ = ["parse_english"]
