"""`ladder rewrite "TEXT"`: English -> ACE on the command line.

Prints the ACE on stdout (exit 0). When the text cannot be rewritten, prints each issue
(span, words, reason) on stderr and exits with 2. `--llm-base-url` and `--llm-model` use an
OpenAI-compatible server (vLLM, llama.cpp, Ollama) through LangChain instead of the rules.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from agent.rewrite.result import RewriteResult

EXIT_UNREWRITABLE = 2  # the text was read but is not ACE and no rule could make it so
EXIT_SETUP = 1  # the backend could not be set up (missing package, bad options)

_err = Console(stderr=True, highlight=False, soft_wrap=True)
_out = Console(highlight=False, soft_wrap=True)


def rewrite_command(
    text: Annotated[str, typer.Argument(help="The English question (or ACE, which passes through).")],
    llm_base_url: Annotated[
        str | None, typer.Option(help="Base URL of an OpenAI-compatible server; uses the LLM rewriter.")
    ] = None,
    llm_model: Annotated[str | None, typer.Option(help="Model name on that server (needed with --llm-base-url).")] = None,
    llm_api_key: Annotated[str, typer.Option(help="API key for the server; local servers ignore it.")] = "none",
    max_rounds: Annotated[int, typer.Option(min=1, help="LLM rewriter: most parser checks before giving up.")] = 3,
    steps: Annotated[bool, typer.Option("--steps", help="Also show each pass that changed the text (on stderr).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole RewriteResult as JSON.")] = False,
) -> None:
    """Rewrite an English question into ladder's ACE fragment."""
    result = _run(text, llm_base_url, llm_model, llm_api_key, max_rounds)
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


def _run(text: str, base_url: str | None, model: str | None, api_key: str, max_rounds: int) -> RewriteResult:
    if base_url is None and model is None:
        from agent.rewrite.rules import rewrite_rules

        return rewrite_rules(text)
    if base_url is None or model is None:
        _err.print("--llm-base-url and --llm-model go together", markup=False)
        raise typer.Exit(code=EXIT_SETUP)
    try:
        from langchain_openai import ChatOpenAI
    except ImportError:
        _err.print("the LLM rewriter needs langchain-openai: pip install 'ladder[llm]'", markup=False)
        raise typer.Exit(code=EXIT_SETUP) from None
    from agent.rewrite.llm import LLMRewriter

    chat = ChatOpenAI(base_url=base_url, model=model, api_key=api_key, temperature=0, max_retries=1)
    return LLMRewriter(chat, max_rounds=max_rounds).rewrite(text)
