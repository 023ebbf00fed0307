"""English -> ACE rewriters: the rule-based default and an LLM rewriter checked by the parser.

`rewrite_rules(text)` runs the deterministic passes; `LLMRewriter(chat_model).rewrite(text)`
asks any LangChain chat model and feeds parse errors back. Both return a `RewriteResult`.
This package imports nothing else from agent/, so the agent (and anyone) can import it.
The passes and the measured coverage are described in agent/rewrite/README.md.
"""

from agent.rewrite.llm import LLMRewriter
from agent.rewrite.result import LLMRound, RewriteIssue, RewriteResult, RewriteStep
from agent.rewrite.rules import rewrite_rules

__all__ = ["LLMRewriter", "LLMRound", "RewriteIssue", "RewriteResult", "RewriteStep", "rewrite_rules"]
