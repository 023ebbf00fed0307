"""The exit codes every `ladder` command uses, and what each asks the user to do.

One table for every command (README.md, "Exit codes"): a script can tell "try again later"
(an LLM server was down) from "change the input" from "install something", whichever
command it ran. Typer's own usage errors (an unknown option, a bad value) exit with 2 too.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a `ladder` command's exit status means."""

    ok = 0  # it did what was asked: an answer, a suite written, a check passed
    failed = 1  # it ran and the outcome is negative: no answer, texts differ, a run or a sandboxed program failed
    bad_input = 2  # the input or the options must change: text outside the fragment, a suite with bad lines, a bad value
    unavailable = 3  # an LLM server was unreachable, rate-limited or timed out after the retries: try again later
    setup = 4  # ladder is not installed for this: an optional extra, a checkpoint or the sandbox's isolation is missing
    interrupted = 130  # Ctrl-C or SIGTERM: the work in flight was stopped, what was finished is kept (eval: --resume)


TABLE = {
    ExitCode.ok: "done: an answer, a file written, a check passed",
    ExitCode.failed: "ran, outcome negative: no answer, texts differ, a run, a program or training failed",
    ExitCode.bad_input: "change the input or options: text outside the ACE fragment, a suite with bad lines, a bad value",
    ExitCode.unavailable: "an LLM server was unreachable, rate-limited or timed out after retries: try again later",
    ExitCode.setup: "install what is missing: an optional extra (ladder[llm], ladder[ray]), the sandbox's isolation",
    ExitCode.interrupted: "stopped by Ctrl-C or SIGTERM; finished work is kept (`ladder eval --resume` continues)",
}
