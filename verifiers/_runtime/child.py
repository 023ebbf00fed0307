"""What a freshly forked sandbox child does: lock itself down, run the program, report.

The report is JSON written to the one writable descriptor the child keeps. It is a claim,
not a verdict: the program could have written it itself, so the parent validates every
field and decides what the run means.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import json
import os
import signal
import sys
import traceback

import lockdown

REPORT_FD = 3
PROGRAM_NAME = "<program>"


class _OutputLimit(BaseException):
    """Raised by the capped stdout once the program printed more than allowed."""


class CappedOutput(io.TextIOBase):
    """stdout/stderr for the program: keeps the first ``cap`` characters, then ends the run
    with an output_limit report (the report is sent from here, so catching the exception
    does not let a program keep printing)."""

    def __init__(self, cap: int, on_overflow) -> None:
        self.cap = cap
        self.parts: list[str] = []
        self.size = 0
        self.on_overflow = on_overflow

    def writable(self) -> bool:
        return True

    def write(self, text) -> int:
        text = str(text)
        room = self.cap - self.size
        if len(text) > room:
            self.parts.append(text[:max(room, 0)])
            self.size = self.cap
            self.on_overflow()
        self.parts.append(text)
        self.size += len(text)
        return len(text)

    def getvalue(self) -> str:
        return "".join(self.parts)


def _send(report: dict) -> None:
    data = json.dumps(report, ensure_ascii=True, default=str).encode()
    view = memoryview(data)
    while view:
        written = os.write(REPORT_FD, view)
        view = view[written:]


def _byte_column(source: str, line: int | None, char_col: int | None) -> int | None:
    if line is None or char_col is None:
        return None
    lines = source.splitlines()
    if not 1 <= line <= len(lines):
        return char_col
    return len(lines[line - 1][:char_col].encode())


def _exception_info(exc: BaseException, source: str) -> dict:
    line = col = end_line = end_col = None
    if isinstance(exc, SyntaxError) and exc.filename == PROGRAM_NAME:
        line = exc.lineno
        col = _byte_column(source, line, (exc.offset or 1) - 1)
        end_line = getattr(exc, "end_lineno", None)
        end_offset = getattr(exc, "end_offset", None)
        if end_line is not None and end_offset is not None:
            end_col = _byte_column(source, end_line, end_offset - 1)
    else:
        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if f.filename == PROGRAM_NAME]
        if frames:
            last = frames[-1]
            line, col = last.lineno, last.colno
            end_line, end_col = last.end_lineno, last.end_colno
    try:
        message = str(exc)
    except BaseException:  # noqa: BLE001 - a hostile __str__ must not break the report
        message = "<unprintable>"
    return {"type": type(exc).__name__, "message": message[:2000], "line": line,
            "column": col, "end_line": end_line, "end_column": end_col}


def describe_answer(value, cap: int) -> tuple[str, str]:
    """(text, type name) of the answer: sympy's str printer for numbers, sympy objects and
    containers (the parent re-parses it with a whitelist parser)."""
    import sympy

    kind = type(value).__name__
    if isinstance(value, str):
        return repr(value)[:cap + 1], kind
    if isinstance(value, bool):
        return str(value), kind
    if isinstance(value, int):
        if value.bit_length() > cap * 4:  # more decimal digits than the cap allows
            raise OverflowError(f"the answer has about {int(value.bit_length() * 0.30103)} digits")
        return str(value), kind
    return sympy.sstr(value)[:cap + 1], kind


def _silence_signals() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(sig, signal.SIG_DFL)


def _rewire_fds(report_fd: int, ready_fd: int) -> tuple[int, int]:
    """Keep only the report pipe (fd 3) and the ready pipe (fd 4, closed before the program
    runs); 0-2 read /dev/null."""
    report_fd, ready_fd = os.dup(report_fd), os.dup(ready_fd)  # above 0-4 whatever they were
    null = os.open(os.devnull, os.O_RDONLY)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.dup2(report_fd, REPORT_FD)
    os.dup2(ready_fd, REPORT_FD + 1)
    os.closerange(REPORT_FD + 2, 1 << 16)
    return REPORT_FD, REPORT_FD + 1


def run_child(request: dict, report_fd: int, ready_fd: int, scratch: str,
              setup: dict) -> None:
    """Never returns: the child ends with os._exit so no finalizer of the program runs.

    ``ready_fd`` gets b"R" once every layer is in place (or the reason why not) and is
    closed before the program starts, so a program cannot fake a broken sandbox."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    try:
        _silence_signals()
        report_fd, ready_fd = _rewire_fds(report_fd, ready_fd)
        os.chdir(scratch)
        os.environ.clear()
        os.environ.update({"HOME": scratch, "TMPDIR": scratch, "PATH": "/usr/bin:/bin",
                           "LANG": "C.UTF-8"})
        limits = request["limits"]
        layers = _lock_down(limits, scratch, setup)
    except BaseException as exc:  # noqa: BLE001 - tell the server, then die
        os.write(ready_fd, f"{type(exc).__name__}: {exc}".encode()[:4000])
        os._exit(112)
    os.write(ready_fd, b"R")
    os.close(ready_fd)
    _execute(request["code"], limits, layers)
    os._exit(0)


def _lock_down(limits: dict, scratch: str, setup: dict) -> list[str]:
    layers = ["rlimits"]
    lockdown.set_rlimits(memory_bytes=limits["memory_mb"] << 20,
                         cpu_seconds=limits["cpu_seconds"],
                         processes=limits["processes"],
                         file_bytes=limits["file_mb"] << 20,
                         open_files=limits["open_files"])
    ruleset = (lockdown.landlock_ruleset(setup["landlock_abi"], setup["read_paths"], [scratch])
               if setup["landlock_abi"] else None)
    lockdown.drop_privileges(setup["uid"], setup["gid"])
    layers.append("uid" if setup["root"] else "capabilities")
    lockdown.prctl(lockdown.PR_SET_NO_NEW_PRIVS, 1)
    lockdown.prctl(lockdown.PR_SET_DUMPABLE, 0)
    if ruleset is not None:
        lockdown.landlock_restrict(ruleset)
        layers.append("landlock")
    if setup["seccomp"]:
        lockdown.build_seccomp_filter().load()
        layers.append("seccomp")
    return layers


def _execute(code: str, limits: dict, layers: list[str]) -> None:
    cap = limits["output_chars"]
    answer_cap = limits["answer_chars"]
    report: dict = {"kind": "error", "answer": None, "answer_type": None,
                    "stdout": "", "truncated": False, "exception": None, "layers": layers}

    def overflow() -> None:
        if os.getpid() != reporter:  # a process the program forked: it reports nothing
            os._exit(0)
        report.update(kind="output_limit", stdout=out.getvalue()[:cap], truncated=True)
        _send(report)
        os._exit(0)

    reporter = os.getpid()
    out = CappedOutput(cap, overflow)
    sys.stdout = sys.stderr = out
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    try:
        exec(compile(code, PROGRAM_NAME, "exec", dont_inherit=True), namespace)
        if "answer" not in namespace:
            report["exception"] = {"type": "MissingAnswer", "message":
                                   "the program finished without binding `answer`",
                                   "line": None, "column": None}
        else:
            report["answer"], report["answer_type"] = describe_answer(namespace["answer"],
                                                                      answer_cap)
            report["kind"] = "ok"
    except MemoryError as exc:
        report.update(kind="memory", exception=_exception_info(exc, code))
    except _OutputLimit:
        overflow()
    except BaseException as exc:  # noqa: BLE001 - every failure is a result here
        report["exception"] = _exception_info(exc, code)
    if os.getpid() != reporter:
        os._exit(0)
    sys.stdout = sys.stderr = sys.__stdout__
    report["stdout"] = out.getvalue()[:cap]
    _send(report)
