"""The one way ladder gets a chat model, and calls it through a server's bad moments.

Every command and the eval harness describe the model with one `LLMConfig`: a model
string for LangChain's `init_chat_model` ("openai:gpt-4o-mini", "ollama:llama3.1", any
provider whose package is installed; with `base_url` a bare name means an OpenAI-compatible
server such as vLLM, llama.cpp or Ollama), or `module:function` / `module:attribute` naming
any LangChain chat model (resolved with `pkgutil.resolve_name`).

A server that is down, rate-limits or times out is not the agent's failure: `ResilientChat`
retries those calls with exponential backoff (tenacity; the client's own retries are off so
one number bounds them) and then raises `LLMUnavailable`, which the agent reports as its own
status (`Status.llm_unavailable`) and the harness never scores.

`ask` is the one place a chat model is called for a reply: whatever else the provider's
client raises comes out as `ChatModelError`, naming the original type and keeping it as the
cause, so the LLM rewriter and generator catch only that and a bug in their own code surfaces.
"""

from __future__ import annotations

import os
import pkgutil
from collections.abc import Sequence
from typing import Any

from langchain_core.exceptions import (
    ModelAPIError,
    ModelAuthenticationError,
    ModelConnectionError,
    ModelNotFoundError,
    ModelPermissionDeniedError,
    ModelRateLimitError,
    ModelTimeoutError,
)
from langchain_core.messages import BaseMessage
from pydantic import BaseModel, ConfigDict, Field
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

# by name, for clients whose errors do not derive from the builtins (requests, httpx, openai)
_TIMEOUT_NAMES = frozenset({"APITimeoutError", "TimeoutException", "Timeout", "ReadTimeout", "ConnectTimeout"})
_CONNECTION_NAMES = frozenset({"APIConnectionError", "TransportError", "ConnectionError", "ConnectError"})
_REFUSED = (ModelAuthenticationError, ModelPermissionDeniedError, ModelNotFoundError)
_REFUSED_NAMES = frozenset({"AuthenticationError", "PermissionDeniedError", "NotFoundError"})


class LLMSetupError(ValueError):
    """The chat model could not be built: a missing extra, an unknown provider or factory."""

    def __init__(self, message: str, missing_extra: bool = False) -> None:
        super().__init__(message)
        self.missing_extra = missing_extra  # True: `pip install` fixes it (exit 4), else the option is wrong


class LLMUnavailable(RuntimeError):
    """The model server failed (down, rate-limited, timed out, refused the key) after the retries.

    Attributes:
        kind (str): "rate_limit", "timeout", "connection", "server" or "refused".
        attempts (int): calls made, the first one included.
    """

    def __init__(self, message: str, kind: str, attempts: int) -> None:
        super().__init__(message)
        self.kind = kind
        self.attempts = attempts


class LLMConfig(BaseModel):
    """Which chat model to use and how patiently; picklable, saved in an eval's run.json."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str = Field(
        description="'provider:name' for init_chat_model (a bare name with base_url: an OpenAI-compatible "
        "server), or 'module:function' / 'module:attribute' giving a LangChain chat model."
    )
    base_url: str | None = Field(default=None, description="Server URL, e.g. http://127.0.0.1:8000/v1 for vLLM.")
    api_key_env: str = Field(
        default="OPENAI_API_KEY", description="Environment variable holding the API key; local servers ignore it."
    )
    max_retries: int = Field(default=3, ge=0, le=20, description="Retries of an outage, rate limit or timeout.")
    backoff_s: float = Field(default=1.0, ge=0, description="First backoff delay, in s; doubles each retry (jittered).")
    max_backoff_s: float = Field(default=30.0, ge=0, description="Cap on one backoff delay, in s.")
    timeout_s: float = Field(default=60.0, gt=0, description="Limit on one request to the server, in s.")
    temperature: float = Field(default=0.0, ge=0, description="0: the same question gets the same program.")


def outage_kind(exc: BaseException) -> str | None:
    """'rate_limit', 'timeout', 'connection', 'server', 'refused' for a server's failure; None otherwise."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    if isinstance(exc, ModelRateLimitError) or "RateLimitError" in names:
        return "rate_limit"
    if isinstance(exc, ModelTimeoutError | TimeoutError) or names & _TIMEOUT_NAMES:
        return "timeout"
    if isinstance(exc, ModelConnectionError | ConnectionError) or names & _CONNECTION_NAMES:
        return "connection"
    if isinstance(exc, ModelAPIError) or names & {"InternalServerError", "ServiceUnavailableError"}:
        return "server"
    if isinstance(exc, _REFUSED) or names & _REFUSED_NAMES:
        return "refused"
    return None


def _retryable(exc: BaseException) -> bool:
    return outage_kind(exc) not in (None, "refused")  # a wrong key or model name will not heal


class ResilientChat:
    """A chat model whose `invoke` retries outages with backoff, then raises `LLMUnavailable`."""

    def __init__(self, model: Any, config: LLMConfig | None = None, where: str = "") -> None:
        self.model = model
        self.config = config or LLMConfig(model=type(model).__name__)
        self.where = where or describe(self.config)
        self.last_outage: LLMUnavailable | None = None  # the last call's failure, if it failed
        self.retried = 0  # retries made over this object's life; a caller resets it to count one solve's

    def invoke(self, messages: Any, **kwargs: Any) -> Any:
        """The model's reply; `LLMUnavailable` once the server has failed max_retries + 1 times."""
        c = self.config
        retrying = Retrying(
            stop=stop_after_attempt(c.max_retries + 1),
            wait=wait_exponential_jitter(multiplier=c.backoff_s, max=c.max_backoff_s, jitter=c.backoff_s / 4),
            retry=retry_if_exception(_retryable),
            reraise=True,
        )
        try:
            reply = retrying(self.model.invoke, messages, **kwargs)
        except Exception as exc:
            kind = outage_kind(exc)
            self.retried += retrying.statistics.get("attempt_number", 1) - 1
            if kind is None:
                raise
            attempts = retrying.statistics.get("attempt_number", 1)
            self.last_outage = LLMUnavailable(
                f"the LLM server {self.where} failed ({kind}) after {attempts} call(s): {type(exc).__name__}: {exc}",
                kind=kind,
                attempts=attempts,
            )
            raise self.last_outage from exc
        self.retried += retrying.statistics.get("attempt_number", 1) - 1
        return reply

    def __getattr__(self, name: str) -> Any:  # model_name, bind, ...: the wrapped model's own
        if name.startswith("__") or name == "model":  # copy/pickle probe before __init__ ran
            raise AttributeError(name)
        return getattr(self.model, name)


def describe(config: LLMConfig) -> str:
    """How messages name the model: 'openai:x at http://127.0.0.1:9/v1'."""
    return config.model + (f" at {config.base_url}" if config.base_url else "")


def make_chat_model(config: LLMConfig) -> ResilientChat:
    """The configured chat model, wrapped for retries; `LLMSetupError` says what to fix."""
    factory_error = None
    module, sep, attr = config.model.partition(":")
    if sep and module and attr.replace(".", "_").isidentifier():
        try:
            target = pkgutil.resolve_name(config.model)
        except (ImportError, AttributeError, ValueError) as exc:
            factory_error = f"{type(exc).__name__}: {exc}"
        else:
            return ResilientChat(_from_target(target, config.model), config)
    return ResilientChat(_init(config, factory_error), config)


def _from_target(target: Any, spec: str) -> Any:
    model = target() if callable(target) and not hasattr(target, "invoke") else target
    if not hasattr(model, "invoke"):
        raise LLMSetupError(f"--llm-model {spec!r}: gave a {type(model).__name__}, not a LangChain chat model")
    return model


def _init(config: LLMConfig, factory_error: str | None) -> Any:
    try:
        from langchain.chat_models import init_chat_model
    except ImportError:
        if factory_error:  # it looked like module:function, and that is what failed
            raise LLMSetupError(f"--llm-model {config.model!r}: not a chat model factory ({factory_error})") from None
        raise LLMSetupError(
            f"--llm-model {config.model!r}: a model string needs LangChain's init_chat_model: pip install 'ladder[llm]'"
            " (or give 'module:function' returning a chat model)",
            missing_extra=True,
        ) from None
    openai_style = bool(config.base_url) or config.model.startswith(("openai:", "azure_openai:"))
    options: dict[str, Any] = {"temperature": config.temperature}
    if openai_style:  # the OpenAI client's own retries off (ours are the one loop); other providers keep theirs
        options |= {"max_retries": 0, "timeout": config.timeout_s}
    key = os.environ.get(config.api_key_env)
    if config.base_url:
        options["base_url"] = config.base_url
        key = key or "not-needed-for-local-servers"
    if key:
        options["api_key"] = key
    try:
        try:
            return init_chat_model(config.model, **options)
        except ValueError:
            if not config.base_url:
                raise
            # a served name such as 'Qwen/Qwen2.5-7B' or Ollama's 'qwen2.5:7b': the server speaks OpenAI's API
            return init_chat_model(config.model, model_provider="openai", **options)
    except ImportError as exc:  # the provider's package, e.g. langchain-ollama
        raise LLMSetupError(f"--llm-model {config.model!r}: {exc}", missing_extra=True) from None
    except ValueError as exc:
        also = f"; as module:function: {factory_error}" if factory_error else ""
        raise LLMSetupError(f"--llm-model {config.model!r}: {exc}{also}") from None


class ChatModelError(RuntimeError):
    """The chat model's call failed for a reason other than an outage (a bad reply, a client bug)."""


def ask(model: Any, messages: Sequence[BaseMessage]) -> str:
    """The model's reply to `messages`, as plain text; `LLMUnavailable` passes through as it is."""
    try:
        reply = model.invoke(list(messages))
    except LLMUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - the provider's types are open-ended; wrapped with the cause
        raise ChatModelError(f"the chat model failed: {type(exc).__name__}: {exc}") from exc
    return reply_text(reply)


def reply_text(message: BaseMessage) -> str:
    """A message's text: its string content, or the text parts of a list content joined."""
    content = message.content
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
