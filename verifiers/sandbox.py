"""Run an untrusted Python program in real isolation and say what happened.

A warm fork server (``verifiers/_runtime``) is started once per process: a separate
interpreter inside bubblewrap (its own mount, network, PID, IPC and UTS namespaces, and for
non-root users a user namespace; a root filesystem of read-only binds) that has imported
math, fractions and sympy. Each program runs in a fresh child forked from it (a spare
forked ahead of the request), which before running a line of the program

* sets rlimits: address space, CPU seconds, processes, file size, open files, no core;
* drops to an unprivileged uid/gid (root) or empties its capabilities (user namespace),
  then sets no_new_privs and makes itself non-dumpable;
* confines the filesystem with Landlock: read-only interpreter and libraries, a fresh
  scratch directory as the only writable place; no TCP (ABI >= 4); no signals or abstract
  sockets to processes outside the sandbox (ABI >= 6);
* loads a seccomp filter (ptrace, bpf, io_uring, userfaultfd, keyctl, mount, namespaces,
  execve, setsid/setpgid, TIOCSTI, foreign-architecture entry, System V IPC, memfd, and
  prlimit/setpriority/sched_* aimed at another process... are refused);
* keeps exactly one writable descriptor: the pipe its JSON report goes to.

The server kills the child's whole process group at the wall-clock deadline, reaps what
is left and removes the scratch directory (a sized tmpfs). The report is untrusted: this
module validates it and decides the status; answers, canonicalized by the child under its
limits, are re-parsed with the whitelist parser of ``verifiers.symbolic`` and never
simplified here. What each layer does not cover: verifiers/SANDBOX.md.
"""

from __future__ import annotations

import atexit
import enum
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Literal

import sympy
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from verifiers.symbolic import AnswerParseError, check_canonicalizable, parse_answer

_RUNTIME_DIR = Path(__file__).resolve().parent / "_runtime"
_OWN_ID_BASE = 1 << 20  # sandbox uids/gids start here; no real account lives this high
_HEADER = struct.Struct(">I")


class SandboxUnavailable(RuntimeError):
    """The isolation that was asked for cannot be had on this machine (the message says which
    layer is missing and how to get it, or how to ask for a weaker mode)."""


class ExecStatus(enum.StrEnum):
    """How a run ended."""

    ok = "ok"  # finished and bound `answer` to a value the parent could parse
    error = "error"  # raised, never bound `answer`, or bound something that is not an answer
    timeout = "timeout"  # passed its wall-clock or CPU-time limit
    memory = "memory"  # ran out of its address-space limit
    output_limit = "output_limit"  # printed or reported more than allowed
    killed = "killed"  # died from a signal or exited without a report


class Limits(BaseModel):
    """Per-run limits. Every one is enforced by the kernel or the fork server, not by the
    program's good will. Defaults fit the programs ladder generates (a few sympy calls)."""

    model_config = ConfigDict(frozen=True)
    wall_seconds: float = Field(10.0, gt=0, le=600)  # s; the process group is SIGKILLed
    cpu_seconds: int = Field(5, ge=1, le=600)  # s of CPU; RLIMIT_CPU (SIGXCPU, then SIGKILL)
    memory_mb: int = Field(1024, ge=256, le=65536)  # MiB of address space; RLIMIT_AS (the
    #                                                 warm interpreter takes ~60 of them)
    processes: int = Field(16, ge=1, le=4096)  # RLIMIT_NPROC: processes+threads of the uid
    file_mb: int = Field(16, ge=0, le=4096)  # MiB per written file; RLIMIT_FSIZE
    open_files: int = Field(32, ge=8, le=4096)  # descriptors; RLIMIT_NOFILE
    output_chars: int = Field(65_536, ge=0, le=16 << 20)  # characters of stdout kept
    answer_chars: int = Field(10_000, ge=16, le=1 << 20)  # characters of answer text


class Isolation(BaseModel):
    """Which layers the sandbox needs. Everything is on by default; switching a layer off
    is the documented weaker mode, for machines that lack it (results record the layers
    that were really active)."""

    model_config = ConfigDict(frozen=True)
    namespaces: bool = True  # network (+IPC, UTS) namespace; user namespace for non-root
    landlock: bool = True  # filesystem confinement; caveat: without it any file the uid
    #                        can read or write is reachable
    seccomp: bool = True  # syscall filter
    # uid/gid a root server drops its children to. None: one of its own, 2**20 + the
    # caller's pid (no such user exists), so that concurrent servers share no RLIMIT_NPROC
    # budget and cannot signal each other's children.
    sandbox_uid: int | None = Field(None, ge=1, lt=2**31)
    sandbox_gid: int | None = Field(None, ge=1, lt=2**31)
    # MiB of the tmpfs that holds scratch directories (one run at a time, emptied after
    # each): what a run may keep in files on top of its address space. Writing past it is
    # ENOSPC. Only with namespaces (without them scratch is the host's temporary directory).
    scratch_mb: int = Field(256, ge=1, le=65536)


class ExceptionInfo(BaseModel):
    """A failure inside the program: line is 1-based, column a 0-based UTF-8 byte offset
    (tree-sitter's convention), both None when the failure has no place in the source."""

    type: str = Field(max_length=200)
    message: str = Field(max_length=4000)
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


class ExecResult(BaseModel):
    """What running a program gave. ``answer`` is the canonical exact string of the value
    bound to ``answer`` (see verifiers.symbolic.canonical_answer), or None."""

    status: ExecStatus
    answer: str | None = None
    answer_type: str | None = None  # Python type name of the value the program bound
    stdout: str = ""
    stdout_truncated: bool = False
    exception: ExceptionInfo | None = None
    duration_ms: float = 0.0  # wall clock of the child, fork to reap
    cpu_ms: float = 0.0
    max_rss_kb: int = 0
    layers: list[str] = []  # isolation layers that were active for this run


class _Usage(BaseModel):
    """CPU time and peak memory as the child measured them (informational only)."""

    model_config = ConfigDict(extra="forbid")
    cpu_ms: float = Field(ge=0)
    max_rss_kb: int = Field(ge=0)


class _ChildReport(BaseModel):
    """The child's JSON report, validated field by field (it may have been forged)."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["ok", "error", "memory", "output_limit"]
    answer: str | None = None
    answer_type: str | None = Field(None, max_length=200)
    stdout: str = ""
    truncated: bool = False
    exception: ExceptionInfo | None = None
    layers: list[str] = Field(default_factory=list, max_length=10)  # ignored: see _child_layers
    usage: _Usage | None = None


class ForkServer:
    """A client for one warm fork server process. Thread-safe (one run at a time); restarts
    the server if it died; refuses with SandboxUnavailable when isolation is missing."""

    def __init__(self, isolation: Isolation | None = None,
                 scratch_root: str | None = None) -> None:
        self.isolation = isolation or Isolation()
        self.scratch_root = scratch_root or tempfile.gettempdir()
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._owner_pid = 0
        self.setup: dict = {}
        self.server_layers: list[str] = []
        self._request_id = 0
        self.last_health: dict = {}
        self.last_phases_ms: dict = {}

    # -- lifecycle ----------------------------------------------------------------------
    def start(self) -> None:
        with self._lock:
            self._ensure_started()

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or self._owner_pid != os.getpid():
            return
        # The server keeps no state worth a graceful exit, and may be mid-run: kill it.
        # Its PID namespace, with every child and scratch directory in it, goes with it.
        proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream:
                stream.close()

    @property
    def server_pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def _ensure_started(self) -> None:
        if self._proc is not None and self._owner_pid == os.getpid() \
                and self._proc.poll() is None:
            return
        if self._owner_pid != os.getpid():
            self._proc = None  # inherited across fork: that server belongs to our parent
        else:
            self._stop()
        iso = self.isolation
        command, self.server_layers, scratch_root = _server_command(iso, self.scratch_root)
        # stderr goes to a file, not a pipe: it is read only if start-up fails, and a pipe no
        # one reads would block (or SIGPIPE) a server that writes to it later
        with tempfile.TemporaryFile() as errors:
            hello = self._launch(command, errors, {
                "landlock": iso.landlock, "seccomp": iso.seccomp,
                "uid": iso.sandbox_uid or _OWN_ID_BASE + os.getpid(),
                "gid": iso.sandbox_gid or _OWN_ID_BASE + os.getpid(),
                "scratch_root": scratch_root})
            if hello is None:
                self._stop()
                errors.seek(0)
                stderr = errors.read().decode("utf-8", "replace")[-2000:].strip()
                raise SandboxUnavailable(_explain(stderr or "it exited at start-up", iso))
        if not hello.get("ok"):
            self._stop()
            raise SandboxUnavailable(_explain(str(hello.get("error")), iso))
        self.setup = hello["setup"]
        missing = self._missing_layers()
        if missing:
            self._stop()
            raise SandboxUnavailable(
                f"isolation layer(s) {', '.join(missing)} not available on this machine; "
                "install/enable them (see Makefile: system-packages) or pass "
                "Isolation(" + ", ".join(f"{m}=False" for m in missing) + ") to run with "
                "the documented weaker isolation")

    def _launch(self, command: list[str], errors, config: dict) -> dict | None:
        """Start the server process and read its hello (None if it died first)."""
        try:
            self._proc = subprocess.Popen(command, stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=errors, env=_SERVER_ENV,
                                          close_fds=True, cwd="/")
        except OSError as exc:
            raise SandboxUnavailable(f"cannot start the fork server: {exc}") from None
        self._owner_pid = os.getpid()
        try:
            self._send(config)
            return self._recv()
        except OSError:
            return None

    def _missing_layers(self) -> list[str]:
        missing = []
        if self.isolation.landlock and not self.setup.get("landlock_abi"):
            missing.append("landlock")
        if self.isolation.seccomp and not self.setup.get("seccomp"):
            missing.append("seccomp")
        return missing

    def _send(self, message: dict) -> None:
        data = json.dumps(message).encode()
        assert self._proc and self._proc.stdin
        self._proc.stdin.write(_HEADER.pack(len(data)) + data)
        self._proc.stdin.flush()

    def _recv(self) -> dict | None:
        assert self._proc and self._proc.stdout
        header = self._proc.stdout.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return None
        (size,) = _HEADER.unpack(header)
        return json.loads(self._proc.stdout.read(size))

    # -- running ------------------------------------------------------------------------
    def run(self, code: str, limits: Limits | None = None) -> ExecResult:
        if not isinstance(code, str):
            raise TypeError(f"run_program expects source text, got {type(code).__name__}")
        limits = limits or Limits()
        with self._lock:
            self._ensure_started()
            self._request_id += 1
            try:
                self._send({"id": self._request_id, "code": code,
                            "limits": limits.model_dump()})
                response = self._recv()
            except (BrokenPipeError, ConnectionResetError):
                response = None  # the server died
            except BaseException:
                # interrupted between request and reply (a timeout, ^C): the reply would be
                # read as the next program's, so this server is dropped
                self._stop()
                raise
            if response is not None and response.get("id") != self._request_id:
                response = {"error": "the fork server answered another request"}
            if response is None or "error" in response:
                self._stop()
                detail = response["error"] if response else "the fork server died"
                raise SandboxUnavailable(f"sandbox failure: {detail}")
        self.last_health = response.get("health", {})
        self.last_phases_ms = response.get("phases_ms", {})
        return _interpret(response, limits, self.server_layers + self._child_layers())

    def _child_layers(self) -> list[str]:
        """The layers every child applied: known from the server's set-up and confirmed by
        the child's ready signal (closed before the program starts), never taken from the
        report, which the program could have written."""
        setup = self.setup
        layers = ["rlimits", "uid" if setup.get("root") else "capabilities"]
        if setup.get("landlock_abi"):
            layers.append("landlock")
        if setup.get("seccomp"):
            layers.append("seccomp")
        return layers


def _explain(reason: str, iso: Isolation) -> str:
    hint = ""
    if iso.namespaces and ("bwrap" in reason or "namespace" in reason
                           or "not permitted" in reason):
        hint = (" (bubblewrap could not create the namespaces: install Debian's bubblewrap "
                "package (make system-packages); as a non-root user this needs unprivileged "
                "user namespaces (sysctl user.max_user_namespaces > 0, and on Debian/Ubuntu "
                "kernel.unprivileged_userns_clone=1 / no AppArmor userns restriction); or "
                "pass Isolation(namespaces=False) for the documented weaker mode without "
                "network, PID and mount isolation)")
    return f"cannot start the sandbox: {reason}{hint}"


# The server's whole environment. The heap goes to glibc malloc with transparent huge pages
# (instead of pymalloc's 1 MiB arenas): fork() then copies a few hundred page-table entries
# for the warm sympy heap instead of ~12,000, which halves the cost of each run.
_SERVER_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONMALLOC": "malloc",
               "GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"}
_BOOTSTRAP = "import sys; sys.path.insert(0, {!r}); import forkserver; forkserver.main()"
# Capabilities a root server keeps inside bubblewrap: to drop children to the sandbox uid,
# hand them their scratch directory, clean it up and kill their process group.
_ROOT_SERVER_CAPS = ("CAP_SETUID", "CAP_SETGID", "CAP_CHOWN", "CAP_FOWNER",
                     "CAP_DAC_OVERRIDE", "CAP_KILL")


def _interpreter_paths() -> list[str]:
    """Directories the interpreter and its packages live in (bound read-only)."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             os.path.dirname(os.path.realpath(sys.executable))}
    paths |= {os.path.realpath(p) for p in list(paths)}
    paths = {p for p in paths if not p.startswith("/usr/")}
    # drop paths nested in another one
    return sorted(p for p in paths if not any(p != q and p.startswith(q + "/") for q in paths))


_SANDBOX_SCRATCH_ROOT = "/ladder-scratch"  # inside the server's mount namespace only


def _server_command(iso: Isolation, scratch_root: str) -> tuple[list[str], list[str], str]:
    """The command that starts the fork server, the namespace layers it gets, and where the
    scratch directories go (a tmpfs inside bubblewrap)."""
    # -s -P rather than -I: the environment is ours entirely (see _SERVER_ENV), and -I would
    # ignore PYTHONMALLOC
    python = [sys.executable, "-s", "-P", "-c", _BOOTSTRAP.format(str(_RUNTIME_DIR))]
    if not iso.namespaces:
        return python, [], scratch_root
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable(_explain("bwrap (bubblewrap) is not installed", iso))
    args = [bwrap, "--die-with-parent", "--new-session", "--unshare-net", "--unshare-pid",
            "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--hostname", "sandbox",
            "--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev",
            "--size", str(iso.scratch_mb << 20), "--tmpfs", "/tmp",
            "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    binds = _interpreter_paths() + [str(_RUNTIME_DIR)]
    for parent in sorted({str(a) for p in binds for a in Path(p).parents if str(a) != "/"}):
        # bubblewrap's own (tmpfs) directories leading to the binds: traversable by the
        # sandbox uid even where the host's (e.g. /root, 0700) are not
        args += ["--perms", "0755", "--dir", parent]
    for path in binds:
        args += ["--ro-bind", path, path]
    layers = ["mountns", "netns", "pidns", "ipcns", "utsns"]
    if os.getuid() == 0:
        args += ["--cap-drop", "ALL"]
        for cap in _ROOT_SERVER_CAPS:
            args += ["--cap-add", cap]
    else:
        args += ["--unshare-user", "--disable-userns"]
        layers.insert(0, "userns")
    # Scratch directories live in a tmpfs of their own, not in /tmp: a checkout under /tmp
    # (CI clones there) puts the interpreter's bind points in /tmp, which are not scratch.
    # Sized: RLIMIT_FSIZE bounds one file, not how many a program writes.
    args += ["--size", str(iso.scratch_mb << 20), "--tmpfs", _SANDBOX_SCRATCH_ROOT,
             "--chdir", "/", "--"]
    return args + python, layers, _SANDBOX_SCRATCH_ROOT


def _interpret(response: dict, limits: Limits, layers: list[str]) -> ExecResult:
    """Decide what a run means from facts the parent observed plus the validated report.
    CPU time and peak memory come from the kernel (wait4) when the server waited for the
    child, else from the child's own report (informational: no decision rests on them)."""
    report = _parse_report(response["report"])
    usage = (response if response.get("usage_from") == "kernel"
             else (report.usage.model_dump() if report and report.usage else {}))
    common = {"duration_ms": float(response["wall_ms"]),
              "cpu_ms": float(usage.get("cpu_ms", 0.0)),
              "max_rss_kb": int(usage.get("max_rss_kb", 0))}
    sig = response.get("signal")
    cpu_exhausted = common["cpu_ms"] >= limits.cpu_seconds * 1000
    if response["stop"] == "timeout" or sig == signal.SIGXCPU or \
            (sig == signal.SIGKILL and cpu_exhausted):
        which = "wall-clock" if response["stop"] == "timeout" else "CPU-time"
        return ExecResult(status=ExecStatus.timeout, layers=layers, exception=ExceptionInfo(
            type="Timeout", message=f"the program passed its {which} limit"), **common)
    if response["stop"] == "overflow":
        return ExecResult(status=ExecStatus.output_limit, layers=layers,
                          stdout_truncated=True, **common)
    if report is None:
        what = (f"killed by signal {signal.Signals(sig).name}" if sig
                else f"exited with code {response.get('exit_code')} without a report")
        return ExecResult(status=ExecStatus.killed, layers=layers,
                          exception=ExceptionInfo(type="Killed", message=f"the program {what}"),
                          **common)
    base = {"stdout": report.stdout[:limits.output_chars], "layers": layers,
            "stdout_truncated": report.truncated or len(report.stdout) > limits.output_chars,
            "exception": report.exception, "answer_type": report.answer_type, **common}
    if report.kind != "ok":
        return ExecResult(status=ExecStatus(report.kind), **base)
    return _with_answer(report, limits, base)


def _with_answer(report: _ChildReport, limits: Limits, base: dict) -> ExecResult:
    text = report.answer or ""
    if len(text) > limits.answer_chars:
        info = ExceptionInfo(type="AnswerRejected",
                             message=f"the answer is longer than {limits.answer_chars} characters")
        return ExecResult(status=ExecStatus.error, **{**base, "exception": info})
    try:
        # the child canonicalized it under its limits; here it is only re-parsed (bounded
        # work) and refused if simplifying it could be unbounded, never simplified again
        value = parse_answer(text)
        check_canonicalizable(value)
        answer = sympy.sstr(value, order="lex")
    except (AnswerParseError, TypeError, ValueError, RecursionError) as exc:
        info = ExceptionInfo(type="AnswerRejected", message=str(exc)[:4000])
        return ExecResult(status=ExecStatus.error, **{**base, "exception": info})
    return ExecResult(status=ExecStatus.ok, answer=answer, **base)


def _parse_report(text: str) -> _ChildReport | None:
    if not text:
        return None
    try:
        return _ChildReport.model_validate_json(text)
    except ValidationError:
        return None


_default: ForkServer | None = None
_default_lock = threading.Lock()


def default_server() -> ForkServer:
    """The process-wide fork server with full isolation, started on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = ForkServer()
            atexit.register(_default.close)
        return _default


def run_program(code: str, limits: Limits | None = None) -> ExecResult:
    """Run ``code`` in the sandbox (full isolation or SandboxUnavailable) and return what
    happened; a failing program is a result, never an exception."""
    return default_server().run(code, limits)
