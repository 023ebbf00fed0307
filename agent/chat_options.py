"""The LLM options every `ladder` command that can use a chat model takes, spelled once.

`ladder solve`, `ladder rewrite` and `ladder eval` declare their parameters with these
annotations and build the model with `llm_config`, so the same four options mean the same
thing everywhere (README.md, "LLM backends").
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from agent.chat import LLMConfig, LLMSetupError, ResilientChat, make_chat_model
from tasks.exit_codes import ExitCode

_err = Console(stderr=True, highlight=False, soft_wrap=True)

LLMModel = Annotated[
    str | None,
    typer.Option(
        "--llm-model",
        help="Chat model: 'provider:name' for LangChain's init_chat_model (openai:gpt-4o-mini, ollama:llama3.1); "
        "a bare name with --llm-base-url (an OpenAI-compatible server); or 'module:function' returning a chat model.",
    ),
]
LLMBaseURL = Annotated[
    str | None, typer.Option("--llm-base-url", help="Server URL, e.g. http://127.0.0.1:8000/v1 (vLLM, llama.cpp, Ollama).")
]
LLMKeyEnv = Annotated[
    str, typer.Option("--llm-api-key-env", help="Environment variable holding the API key; local servers ignore it.")
]
LLMRetries = Annotated[
    int, typer.Option("--llm-retries", min=0, max=20, help="Retries of an LLM outage, rate limit or timeout, with backoff.")
]
LLMTimeout = Annotated[float, typer.Option("--llm-timeout", min=0.1, help="Limit on one request to the LLM server, in s.")]


def llm_config(
    model: str | None, base_url: str | None, api_key_env: str = "OPENAI_API_KEY", retries: int = 3, timeout_s: float = 60.0
) -> LLMConfig | None:
    """The LLMConfig the options describe; None when no model was named."""
    if model is None:
        if base_url is not None:
            raise typer.BadParameter("--llm-base-url needs --llm-model: the name of the model that server serves", param_hint="--llm-model")
        return None
    return LLMConfig(model=model, base_url=base_url, api_key_env=api_key_env, max_retries=retries, timeout_s=timeout_s)


def build_llm(config: LLMConfig | None) -> ResilientChat | None:
    """The chat model a config names; else exit 4 (a missing extra) or 2 (an unknown model), saying why."""
    if config is None:
        return None
    try:
        return make_chat_model(config)
    except LLMSetupError as error:
        _err.print(f"cannot use the chat model: {escape(str(error))}")  # escape: keeps the [llm] of ladder[llm]
        raise typer.Exit(ExitCode.setup if error.missing_extra else ExitCode.bad_input) from error
