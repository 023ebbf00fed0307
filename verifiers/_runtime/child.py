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
import resource
import signal
import sys
import traceback

import answers
import lockdown

REPORT_FD = 3
PROGRAM_NAME = "<program>"


class CappedOutput(io.TextIOBase):
    """stdout/stderr for the program: keeps the first ``cap`` characters, then ends the run
    with an output_limit report (the report is sent from here, so catching the exception
    does not let a program keep printing)."""

    def __init__(self, cap: int, on_overflow) -> None:
        self._cap = cap
        self.parts: list[str] = []
        self.size = 0
        self.on_overflow = on_overflow

    @property
    def cap(self) -> int:
        """Read-only (a program can still reach ``_cap``: the report's truncation flag is
        therefore decided from the run's limit and the text, not from this object)."""
        return self._cap

    def writable(self) -> bool:
        return True

    def write(self, text) -> int:
        text = str(text)
        room = self._cap - self.size
        if len(text) > room:
            self.parts.append(text[:max(room, 0)])
            self.size = self._cap
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
    return {"type": type(exc).__name__[:200], "message": message[:2000], "line": line,
            "column": col, "end_line": end_line, "end_column": end_col}


def describe_answer(value, cap: int) -> tuple[str, str]:
    """(text, type name) of the answer: sympy's str printer for numbers, sympy objects and
    containers, canonicalized here (simplify can take minutes on a crafted value: here that
    is the program's time, under its limits); the parent re-parses it with the same
    whitelist parser and does not simplify again."""
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
    text = sympy.sstr(value)
    if len(text) > cap:
        return text[:cap + 1], kind  # the parent refuses it by length
    try:
        return answers.canonical_answer(answers.parse_answer(text)), kind
    except (ValueError, TypeError, RecursionError):
        return text, kind  # the parent's parser says what is wrong with it


def _silence_signals() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(sig, signal.SIG_DFL)


READY_FD = REPORT_FD + 1
RULESET_FD = REPORT_FD + 2


def _rewire_fds(report_fd: int, ready_fd: int, ruleset_fd: int | None) -> None:
    """Keep only the report pipe (fd 3), the ready pipe (fd 4, closed before the program
    runs) and the Landlock ruleset (fd 5, closed when enforced); 0-2 read /dev/null."""
    moved = [os.dup(fd) for fd in (report_fd, ready_fd)]  # out of the way of 0-5
    ruleset_copy = os.dup(ruleset_fd) if ruleset_fd is not None else None
    null = os.open(os.devnull, os.O_RDONLY)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.dup2(moved[0], REPORT_FD)
    os.dup2(moved[1], READY_FD)
    if ruleset_copy is not None:
        os.dup2(ruleset_copy, RULESET_FD)
        os.closerange(RULESET_FD + 1, 1 << 16)
    else:
        os.closerange(READY_FD + 1, 1 << 16)


def _read_request(fd: int) -> dict:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    os.close(fd)
    if not chunks:  # the server closed without a request: it is shutting down
        os._exit(0)
    return json.loads(b"".join(chunks))


def _fail(ready_fd: int, exc: BaseException) -> None:
    with contextlib.suppress(OSError):
        os.write(ready_fd, f"{type(exc).__name__}: {exc}".encode()[:4000])
    os._exit(112)


def spare_main(request_fd: int, report_fd: int, ready_fd: int, scratch: str,
               setup: dict, seccomp_program: bytes | None) -> None:
    """A pre-forked child. It prepares what does not depend on the program (the Landlock
    ruleset, the seccomp filter), waits for its one request, locks itself down, runs the
    program and reports. Never returns: it ends with os._exit, so no finalizer of the
    program runs after the report.

    ``ready_fd`` gets b"R" once every layer is in place (or the reason why not) and is
    closed before the program starts, so a program cannot fake a broken sandbox."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    try:
        _silence_signals()
        ruleset = (lockdown.landlock_ruleset(setup["landlock_abi"], setup["read_paths"],
                                             [scratch]) if setup["landlock_abi"] else None)
        seccomp_filter = seccomp_program if setup["seccomp"] else None
    except BaseException as exc:  # noqa: BLE001 - tell the server, then die
        _fail(ready_fd, exc)
    request = _read_request(request_fd)
    try:
        _rewire_fds(report_fd, ready_fd, ruleset)
        os.chdir(scratch)
        os.environ.clear()
        os.environ.update({"HOME": scratch, "TMPDIR": scratch, "PATH": "/usr/bin:/bin",
                           "LANG": "C.UTF-8",
                           # one thread per numeric library: threads count in RLIMIT_NPROC
                           "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
                           "MKL_NUM_THREADS": "1"})
        limits = request["limits"]
        layers = _lock_down(limits, setup, ruleset is not None, seccomp_filter)
    except BaseException as exc:  # noqa: BLE001
        _fail(READY_FD, exc)
    os.write(READY_FD, b"R")
    os.close(READY_FD)
    _execute(request["code"], limits, layers)
    os._exit(0)


def _lock_down(limits: dict, setup: dict, landlock: bool,
               seccomp_filter: bytes | None) -> list[str]:
    layers = ["rlimits"]
    lockdown.set_rlimits(memory_bytes=limits["memory_mb"] << 20,
                         cpu_seconds=limits["cpu_seconds"],
                         processes=limits["processes"],
                         file_bytes=limits["file_mb"] << 20,
                         open_files=limits["open_files"])
    lockdown.drop_privileges(setup["uid"], setup["gid"])
    layers.append("uid" if setup["root"] else "capabilities")
    lockdown.prctl(lockdown.PR_SET_NO_NEW_PRIVS, 1)
    lockdown.prctl(lockdown.PR_SET_DUMPABLE, 0)
    if landlock:
        lockdown.landlock_restrict(RULESET_FD)
        layers.append("landlock")
    if seccomp_filter is not None:
        lockdown.load_seccomp_bpf(seccomp_filter)
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
    except BaseException as exc:  # noqa: BLE001 - every failure is a result here
        report["exception"] = _exception_info(exc, code)
    if os.getpid() != reporter:
        os._exit(0)
    sys.stdout = sys.stderr = sys.__stdout__
    text = out.getvalue()
    # from the text itself, not from the object's counters a program can reach
    report["stdout"], report["truncated"] = text[:cap], len(text) > cap
    usage = resource.getrusage(resource.RUSAGE_SELF)
    report["usage"] = {"cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000,
                       "max_rss_kb": usage.ru_maxrss}
    _send(report)
    os.close(REPORT_FD)  # EOF now: the server need not wait for this process to be torn down
