"""The warm fork server: one isolated interpreter that has imported sympy and forks a fresh
child per program.

Started by ``verifiers.sandbox`` inside bubblewrap (new network, PID, IPC, UTS and mount
namespaces, plus a user namespace for non-root users; a root filesystem of read-only
binds of the interpreter and system libraries and a tmpfs /tmp) as ``python -I -c ...``
with a minimal environment. At start-up it detects Landlock and seccomp and says what it
found in a hello message. Protocol on
stdin/stdout: 4-byte big-endian length + JSON, one request, one response, in turn.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import select
import signal
import struct
import sys
import tempfile
import time

import lockdown
from scratch import remove_tree

_HEADER = struct.Struct(">I")
_MAX_REQUEST = 16 << 20  # bytes; programs are small, this only guards the server


def _read_exact(fd: int, size: int) -> bytes:
    chunks = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _recv(fd: int) -> dict:
    (size,) = _HEADER.unpack(_read_exact(fd, _HEADER.size))
    if size > _MAX_REQUEST:
        raise EOFError
    return json.loads(_read_exact(fd, size))


def _send(fd: int, message: dict) -> None:
    data = json.dumps(message).encode()
    data = _HEADER.pack(len(data)) + data
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _warm_imports() -> None:
    """Import what programs use, and exercise sympy's printer once, so children start hot."""
    import fractions  # noqa: F401
    import math  # noqa: F401

    import sympy

    x = sympy.Symbol("x")
    sympy.sstr((sympy.sqrt(2) / 3 + sympy.pi, sympy.FiniteSet(1, 2), sympy.Rational(1, 3) * x))
    sympy.solve(sympy.Eq(2 * x + 1, 5), x)
    import answers
    import child  # noqa: F401

    answers.canonical_answer(answers.parse_answer("sqrt(8)/4 + 1/3"))


def _seccomp_program() -> bytes | None:
    """The compiled filter, or None when libseccomp is missing or fails here."""
    try:
        return lockdown.compile_seccomp_bpf()
    except Exception:  # noqa: BLE001 - any failure means: not available
        return None


def _read_paths() -> list[str]:
    """What a program may read: the interpreter and its libraries, system libraries, and the
    few device files Python touches. Not /etc, /home, /tmp, /proc or the repository."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             os.path.dirname(os.path.realpath(sys.executable))}
    paths |= {p for p in sys.path if p and os.path.isdir(p) and "site-packages" in p}
    paths |= {os.path.realpath(p) for p in list(paths)}
    paths |= {"/usr/lib", "/usr/lib64", "/usr/local/lib", "/lib", "/lib64",
              "/dev/null", "/dev/zero", "/dev/urandom"}
    return sorted(p for p in paths if os.path.exists(p))


_SECCOMP: dict[str, bytes | None] = {"program": None}  # compiled once, loaded by each child


def _setup(config: dict) -> dict:
    if config["seccomp"]:
        _SECCOMP["program"] = _seccomp_program()
    lockdown.prctl(lockdown.PR_SET_CHILD_SUBREAPER, 1)
    abi = lockdown.landlock_abi() if config["landlock"] else 0
    root = os.getuid() == 0
    return {
        "root": root,
        "uid": config["uid"] if root else os.getuid(),
        "gid": config["gid"] if root else os.getgid(),
        "landlock_abi": abi,
        "seccomp": bool(config["seccomp"]) and _SECCOMP["program"] is not None,
        "read_paths": _read_paths(),
        "pid": os.getpid(),
        "scratch_root": config["scratch_root"],
    }


def _make_scratch(setup: dict) -> str:
    scratch = tempfile.mkdtemp(prefix="ladder-run-", dir=setup["scratch_root"])
    if setup["root"]:
        os.chown(scratch, setup["uid"], setup["gid"])
    return scratch


def _remove_scratch(path: str) -> None:
    """Remove a run's scratch directory; never raises (a tree that will not go is left,
    and the next health report counts it), so no program can take the server down."""
    with contextlib.suppress(Exception):
        remove_tree(path)


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _reap_group(pgid: int) -> None:
    """Wait for every process left in the group (orphans come back to us as subreaper)."""
    while True:
        try:
            os.waitpid(-pgid, 0)
        except ChildProcessError:
            return
        except InterruptedError:
            continue


def _collect(read_fd: int, pidfd: int, deadline: float, cap: int):
    """Read the report until EOF (the child closes it once the report is whole), the child
    exits, the cap is passed or the deadline comes. Returns (data, stop, eof)."""
    data = bytearray()
    poller = select.poll()
    poller.register(read_fd, select.POLLIN)
    poller.register(pidfd, select.POLLIN)
    exited = False
    while not exited:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return bytes(data), "timeout", False
        for fd, _event in poller.poll(remaining * 1000):
            if fd == pidfd:
                exited = True
                continue
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                return bytes(data), None, True
            data += chunk
            if len(data) > cap:
                return bytes(data[:cap]), "overflow", False
    # the child is gone: drain what it wrote without blocking on processes it forked
    os.set_blocking(read_fd, False)
    with contextlib.suppress(BlockingIOError):
        while len(data) <= cap and (chunk := os.read(read_fd, 1 << 16)):
            data += chunk
    return bytes(data[:cap]), None, False


def _read_ready(fd: int, deadline: float) -> bytes:
    """The child's lockdown outcome: b"R", or the error text, or b"" if it died first."""
    data = b""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            return data or b"timed out while locking down"
        chunk = os.read(fd, 4096)
        if not chunk:
            return data
        data += chunk


class Spare:
    """A child forked ahead of its request, so a run does not wait for fork() and for the
    first copy-on-write faults; its scratch directory is made in advance too."""

    def __init__(self, setup: dict) -> None:
        import child

        self.scratch = _make_scratch(setup)
        request_r, self.request_w = os.pipe()
        self.report_r, report_w = os.pipe()
        self.ready_r, ready_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            try:
                for fd in (self.request_w, self.report_r, self.ready_r):
                    os.close(fd)
                child.spare_main(request_r, report_w, ready_w, self.scratch, setup,
                                 _SECCOMP["program"])
            finally:
                os._exit(111)
        for fd in (request_r, report_w, ready_w):
            os.close(fd)
        with contextlib.suppress(OSError):  # the child did it first
            os.setpgid(self.pid, self.pid)
        self.pidfd = os.pidfd_open(self.pid)

    def server_fds(self) -> int:
        return 4  # request_w, report_r, ready_r, pidfd

    def hand_over(self, request: dict) -> None:
        data = json.dumps(request).encode()
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.request_w, view):]
        finally:
            os.close(self.request_w)
            self.request_w = -1

    def finish(self) -> tuple[int, object]:
        """Kill what is left of the run, wait for it, remove its scratch directory."""
        _kill_group(self.pid)
        for fd in (self.request_w, self.report_r, self.ready_r, self.pidfd):
            if fd >= 0:
                os.close(fd)
        _, status, usage = os.wait4(self.pid, 0)
        _reap_group(self.pid)
        _remove_scratch(self.scratch)
        return status, usage


def _complete(data: bytes) -> bool:
    """Whether the report is one whole JSON object (else the child died mid-way, and its
    wait status is needed to say how)."""
    try:
        return isinstance(json.loads(data), dict)
    except ValueError:
        return False


def _run_one(request: dict, setup: dict, spare: Spare):
    """Run one request on the spare. Returns the response and, when the report came whole,
    the spare's cleanup to do after replying (its exit and teardown are off the clock)."""
    limits = request["limits"]
    started = time.monotonic()
    deadline = started + limits["wall_seconds"]
    # JSON with ensure_ascii spends up to 12 bytes on a character (a surrogate pair)
    cap = (limits["output_chars"] + limits["answer_chars"]) * 12 + 65536
    with contextlib.suppress(BrokenPipeError):  # a spare that died: the ready pipe says how
        spare.hand_over(request)
    ready = _read_ready(spare.ready_r, deadline)
    locked = time.monotonic()
    if ready != b"R":
        spare.finish()
        return {"error": "sandbox lockdown failed in the child: "
                + (ready.decode("utf-8", "replace") or "it died")}, None
    data, stop, eof = _collect(spare.report_r, spare.pidfd, deadline, cap)
    reported = time.monotonic()
    response = {"report": data.decode("utf-8", "replace"), "stop": stop,
                "exit_code": None, "signal": None, "usage_from": "child",
                "phases_ms": {"lockdown": (locked - started) * 1000,
                              "program": (reported - locked) * 1000}}
    if eof and stop is None and _complete(data):
        _kill_group(spare.pid)  # nothing of the program runs on after the reply
        response["wall_ms"] = (reported - started) * 1000
        return response, spare.finish
    status, usage = spare.finish()
    response.update(
        exit_code=os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else None,
        signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        wall_ms=(reported - started) * 1000, usage_from="kernel",
        cpu_ms=(usage.ru_utime + usage.ru_stime) * 1000, max_rss_kb=usage.ru_maxrss)
    return response, None


def _health(setup: dict, spare: Spare) -> dict:
    """What the server holds between runs (the spare's own process, descriptors and
    scratch directory not counted), so that leaks show."""
    pids = [p for p in os.listdir("/proc") if p.isdigit() and int(p) != spare.pid] \
        if os.path.isdir("/proc/1") else []
    fds = len(os.listdir(f"/proc/{os.getpid()}/fd")) - spare.server_fds() if pids else -1
    entries = [e for e in os.listdir(setup["scratch_root"])
               if os.path.join(setup["scratch_root"], e) != spare.scratch]
    return {"fds": fds, "processes": len(pids), "scratch_entries": len(entries)}


def main() -> None:
    lockdown.prctl(lockdown.PR_SET_PDEATHSIG, signal.SIGKILL)
    inp, out = sys.stdin.fileno(), sys.stdout.fileno()
    config = _recv(inp)
    try:
        _warm_imports()
        setup = _setup(config)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which refuses to run
        _send(out, {"ok": False, "error": f"{type(exc).__name__}: {exc}"})
        return
    import gc

    gc.collect()
    gc.freeze()  # keep the warm heap out of the children's copy-on-write faults
    setup["huge_regions"] = lockdown.collapse_heap()
    _send(out, {"ok": True, "setup": setup, "pid": os.getpid()})
    spare = Spare(setup)
    while True:
        try:
            request = _recv(inp)
        except (EOFError, OSError):
            return
        health = _health(setup, spare)
        cleanup = None
        try:
            response, cleanup = _run_one(request, setup, spare)
        except OSError as exc:
            response = {"error": f"{type(exc).__name__}: {exc}",
                        "errno": errno.errorcode.get(exc.errno or 0, "")}
        response.update(id=request.get("id"), health=health)
        _send(out, response)
        if cleanup is not None:
            cleanup()
        spare = Spare(setup)


if __name__ == "__main__":
    main()
