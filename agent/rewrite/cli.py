"""`ladder rewrite "TEXT"`: English -> ACE on the command line.

Prints the ACE on stdout (exit 0). When the text cannot be rewritten, prints each issue
(span, words, reason) on stderr and exits with 2. `--llm-model` (the options of
agent/chat_options.py, the same on every command) uses a chat model instead of the rules;
an LLM server that stays down exits with 3, a missing extra with 4 (tasks.exit_codes).
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from agent.chat import LLMConfig
from agent.chat_options import (
    LLMBaseURL,
    LLMKeyEnv,
    LLMModel,
    LLMRetries,
    LLMTimeout,
    build_llm,
    llm_config,
)
from agent.rewrite.result import RewriteResult
from tasks.exit_codes import ExitCode

EXIT_UNREWRITABLE = ExitCode.bad_input  # the text was read but is not ACE and no rule could make it so

_err = Console(stderr=True, highlight=False, soft_wrap=True)
_out = Console(highlight=False, soft_wrap=True)


def rewrite_command(
    text: Annotated[str, typer.Argument(help="The English question (or ACE, which passes through).")],
    llm_model: LLMModel = None,
    llm_base_url: LLMBaseURL = None,
    llm_api_key_env: LLMKeyEnv = "OPENAI_API_KEY",
    llm_retries: LLMRetries = 3,
    llm_timeout: LLMTimeout = 60.0,
    max_rounds: Annotated[int, typer.Option(min=1, help="LLM rewriter: most parser checks before giving up.")] = 3,
    steps: Annotated[bool, typer.Option("--steps", help="Also show each pass that changed the text (on stderr).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole RewriteResult as JSON.")] = False,
) -> None:
    """Rewrite an English question into ladder's ACE fragment."""
    result = _run(text, llm_config(llm_model, llm_base_url, llm_api_key_env, llm_retries, llm_timeout), max_rounds)
    if as_json:
        _out.print(result.model_dump_json(indent=2), markup=False)
    elif result.ok:
        _out.print(result.ace, markup=False)
    if steps:
        for step in result.steps:
            _err.print(f"[bold]{step.name}[/bold]: {step.after}", markup=True)
        for number, llm_round in enumerate(result.rounds, 1):
            _err.print(f"round {number}: {llm_round.reply!r} -> {llm_round.error or 'accepted'}", markup=False)
    if not result.ok:
        _err.print("cannot rewrite into ACE:", markup=False)
        for issue in result.issues:
            _err.print(f"  {issue.describe()}", markup=False)
        raise typer.Exit(code=EXIT_UNREWRITABLE)


def _run(text: str, config: LLMConfig | None, max_rounds: int) -> RewriteResult:
    if config is None:
        from agent.rewrite.rules import rewrite_rules

        return rewrite_rules(text)
    from agent.chat import LLMUnavailable
    from agent.rewrite.llm import LLMRewriter

    try:
        return LLMRewriter(build_llm(config), max_rounds=max_rounds).rewrite(text)
    except LLMUnavailable as error:
        _err.print(f"LLM unavailable: {error}; try again later", markup=False)
        raise typer.Exit(code=ExitCode.unavailable) from None
