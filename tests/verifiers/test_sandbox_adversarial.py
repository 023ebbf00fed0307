"""Hostile programs. Each test names, in its docstring, the layer that stops the program,
asserts that the result says what happened, and that the trusted side is unharmed."""

from __future__ import annotations

import json
import socket
import threading

import pytest

from verifiers import ExecStatus, Limits

SHORT = Limits(wall_seconds=3, cpu_seconds=2, memory_mb=512)
QUICK = Limits(wall_seconds=5, cpu_seconds=1, memory_mb=512)  # wall slack for loaded machines


@pytest.fixture
def run(run_checked):
    def checked(_server, code: str, limits: Limits = SHORT):
        return run_checked(code, limits)
    return checked


def test_infinite_loop_is_stopped_by_the_cpu_rlimit(run, server):
    """Layer: rlimit (RLIMIT_CPU sends SIGXCPU/SIGKILL)."""
    result = run(server, "while True:\n    pass\n", Limits(wall_seconds=10, cpu_seconds=1))
    assert result.status is ExecStatus.timeout, result
    assert "CPU-time" in result.exception.message


def test_sleeping_forever_is_stopped_by_the_wall_clock(run, server):
    """Layer: timeout (the server SIGKILLs the process group at the deadline)."""
    result = run(server, "import time\ntime.sleep(100)\n", Limits(wall_seconds=2))
    assert result.status is ExecStatus.timeout, result
    assert "wall-clock" in result.exception.message
    assert result.duration_ms < 2000 + 1000, f"killed late: {result.duration_ms} ms"


def test_fork_bomb_is_stopped_by_the_process_rlimit(run, server):
    """Layer: rlimit (RLIMIT_NPROC, enforced because the child runs as an unprivileged uid)."""
    result = run(server, "import os\nwhile True:\n    os.fork()\n", QUICK)
    assert result.status is ExecStatus.error, result
    assert result.exception.type == "BlockingIOError", result.exception


def test_forked_processes_are_killed_with_the_group(run, server):
    """Layer: timeout (process-group kill; setsid/setpgid are refused by seccomp, so no
    process can leave the group)."""
    code = ("import os, time\nif os.fork() == 0:\n    time.sleep(100)\n"
            "answer = 1\n")
    result = run(server, code, QUICK)
    assert result.status is ExecStatus.ok and result.answer == "1", result


def test_memory_hog_is_stopped_by_the_address_space_rlimit(run, server):
    """Layer: rlimit (RLIMIT_AS)."""
    result = run(server, "x = bytearray(10 ** 10)\n", QUICK)
    assert result.status is ExecStatus.memory, result
    assert result.exception.type == "MemoryError"


def test_growing_memory_is_stopped_by_the_address_space_rlimit(run, server):
    """Layer: rlimit (RLIMIT_AS), for memory taken a little at a time."""
    result = run(server, "x = []\nwhile True:\n    x.append(bytearray(10 ** 7))\n",
                 Limits(wall_seconds=10, cpu_seconds=5, memory_mb=512))
    assert result.status is ExecStatus.memory, result


def test_deep_recursion_is_a_recursion_error(run, server):
    """Layer: the interpreter's recursion limit (the program's own frame stack)."""
    result = run(server, "def f(n):\n    return f(n + 1)\nanswer = f(0)\n")
    assert result.status is ExecStatus.error, result
    assert result.exception.type == "RecursionError"
    assert result.exception.line == 2, result.exception


def test_unbounded_recursion_limit_is_stopped_by_rlimits(run, server):
    """Layer: rlimit (RLIMIT_CPU or RLIMIT_AS, whichever the runaway stack meets first)."""
    code = ("import sys\nsys.setrecursionlimit(10 ** 8)\n"
            "def f(n):\n    return f(n + 1)\nanswer = f(0)\n")
    result = run(server, code, QUICK)
    assert result.status in {ExecStatus.timeout, ExecStatus.memory, ExecStatus.killed}, result


def test_billion_line_print_is_cut_at_the_output_cap(run, server):
    """Layer: output cap (the child's stdout stops at Limits.output_chars)."""
    limits = Limits(wall_seconds=3, cpu_seconds=2, output_chars=1000)
    result = run(server, "for i in range(10 ** 9):\n    print(i)\n", limits)
    assert result.status is ExecStatus.output_limit, result
    assert result.stdout_truncated and len(result.stdout) == 1000
    assert result.stdout.startswith("0\n1\n2\n")


def test_catching_the_output_limit_does_not_help(run, server):
    """Layer: output cap (the report is sent from inside print; nothing to catch)."""
    code = ("while True:\n    try:\n        print('x' * 100)\n"
            "    except BaseException:\n        pass\n")
    result = run(server, code, Limits(wall_seconds=3, cpu_seconds=2, output_chars=500))
    assert result.status is ExecStatus.output_limit, result


def test_writing_straight_to_fd_1_fails(run, server):
    """Layer: descriptors (fd 1 is /dev/null opened read-only; the report pipe is the only
    writable descriptor)."""
    result = run(server, "import os\nos.write(1, b'hello')\n")
    assert result.exception.type == "OSError" and "Bad file descriptor" in \
        result.exception.message, result


class _Listener:
    """A TCP server on the host's 127.0.0.1 that records every connection it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    server = _Listener()
    yield server
    server.close()


def test_host_loopback_listener_is_unreachable(run, server, listener):
    """Layers: Landlock (TCP connect refused, ABI >= 4) and the network namespace (the
    sandbox's loopback is its own: the host's listener is not on it)."""
    check = socket.create_connection(("127.0.0.1", listener.port), timeout=2)
    check.close()  # the listener works from outside
    code = (f"import socket\ns = socket.socket()\ns.settimeout(1)\n"
            f"s.connect(('127.0.0.1', {listener.port}))\nanswer = 1\n")
    result = run(server, code)
    assert result.status is ExecStatus.error, result
    assert result.exception.type in {"PermissionError", "ConnectionRefusedError"}, result
    assert listener.accepted == 1, f"the sandbox reached the host: {listener.accepted}"


def test_network_namespace_alone_keeps_the_host_listener_out(listener):
    """Layer: network namespace (with Landlock off, the connection is refused by the
    sandbox's own empty loopback, never reaching the host)."""
    from verifiers import ForkServer, Isolation

    weak = ForkServer(Isolation(landlock=False))
    try:
        code = (f"import socket\ns = socket.socket()\ns.settimeout(1)\n"
                f"s.connect(('127.0.0.1', {listener.port}))\nanswer = 1\n")
        result = weak.run(code, SHORT)
    finally:
        weak.close()
    assert result.exception and result.exception.type == "ConnectionRefusedError", result
    assert listener.accepted == 0, "the sandbox reached the host's loopback"


def test_sandbox_sees_only_its_loopback_and_no_route_out(run, server):
    """Layer: network namespace (one interface, lo; no route to any outside address;
    connecting a UDP socket sends nothing)."""
    code = ("import socket\nnames = sorted(n for _, n in socket.if_nameindex())\n"
            "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
            "try:\n    s.connect(('192.0.2.1', 53))\n    route = 'route'\n"
            "except OSError as e:\n    route = e.strerror\n"
            "answer = (len(names), 1)\nprint(names, route)\n")
    result = run(server, code)
    assert result.status is ExecStatus.ok, result
    assert result.stdout.strip() == "['lo'] Network is unreachable", result.stdout


def _try_each(targets: list, statement: str, outcome: str, imports: str = "") -> str:
    """A program that runs `statement` on each `target` and prints, per target, `outcome` or
    the name of the OSError it raised (what the sandbox refused, and how)."""
    return (f"{imports}found = []\nfor target in {targets!r}:\n    try:\n        {statement}\n"
            f"        found.append({outcome})\n    except OSError as e:\n        found.append(type(e).__name__)\n"
            f"answer = len(found)\nprint(found)\n")


def test_writing_outside_scratch_is_refused(run, server, tmp_path):
    """Layers: Landlock (writes only beneath the scratch directory), then the mount
    namespace (the host path does not exist inside; the interpreter is bound read-only)."""
    import sys

    target = tmp_path / "evil.txt"
    site = next(p for p in sys.path if p.endswith("site-packages"))
    code = _try_each([str(target), "/tmp/evil", site + "/evil.py", "/evil"], "open(target, 'w').write('x')", "'written'")
    result = run(server, code)
    assert result.status is ExecStatus.ok, result
    assert "written" not in result.stdout, result.stdout
    assert not target.exists(), "the sandbox wrote to the host"


def test_scratch_directory_is_writable_and_private(run, server):
    """Layer: Landlock (the scratch directory is the one writable place; it is removed
    after the run)."""
    code = ("import os\nopen('notes.txt', 'w').write('12')\n"
            "answer = int(open('notes.txt').read())\nprint(os.getcwd())\n")
    result = run(server, code)
    assert result.status is ExecStatus.ok and result.answer == "12", result


def test_reading_host_files_is_refused(run, server, tmp_path):
    """Layers: mount namespace (only the interpreter, system libraries and /usr are bound
    in) and Landlock (reads only beneath those); uid for root-only files."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    secret.chmod(0o644)
    paths = [str(secret), "/etc/shadow", "/etc/passwd", "/proc/1/environ", __file__, "/root"]
    code = _try_each(paths, "text = open(target).read()[:20]", "text")
    result = run(server, code)
    assert result.status is ExecStatus.ok, result
    assert "TOPSECRET" not in result.stdout and "root:" not in result.stdout, result.stdout
    assert set(json.loads(result.stdout.replace("'", '"'))) <= {
        "PermissionError", "FileNotFoundError", "IsADirectoryError"}, result.stdout


def test_killing_the_parent_is_refused(run, server):
    """Layers: uid (the server runs as another uid) and Landlock signal scoping (ABI >= 6);
    the PID namespace hides every host process."""
    code = ("import os, signal\nresults = []\nfor pid in (os.getppid(), 1, -1):\n"
            "    try:\n        os.kill(pid, signal.SIGKILL)\n        results.append('sent')\n"
            "    except OSError as e:\n        results.append(type(e).__name__)\n"
            "answer = os.getppid()\nprint(results)\n")
    result = run(server, code)
    assert result.status is ExecStatus.ok, result
    assert result.stdout.strip().startswith("['PermissionError', 'PermissionError'"), \
        result.stdout


def test_ctypes_crash_kills_only_the_child(run, server):
    """Layer: process isolation (the segfault ends the forked child, not the server)."""
    result = run(server, "import ctypes\nctypes.string_at(0)\n")
    assert result.status is ExecStatus.killed, result
    assert "SIGSEGV" in result.exception.message


def test_ctypes_setuid_root_is_refused(run, server):
    """Layer: uid (the child has dropped to an unprivileged uid with no capabilities)."""
    code = ("import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
            "answer = (libc.setuid(0), ctypes.get_errno())\n")
    result = run(server, code)
    assert result.answer == "(-1, 1)", result  # EPERM


def test_sys_exit_is_reported(run, server):
    """Layer: the child's runner (SystemExit is caught and reported as an error)."""
    result = run(server, "import sys\nanswer = 1\nsys.exit(3)\n")
    assert result.status is ExecStatus.error, result
    assert result.exception.type == "SystemExit" and result.exception.message == "3"


def test_os_exit_without_report_is_killed(run, server):
    """Layer: the parent's interpretation (no report means no answer)."""
    result = run(server, "import os\nanswer = 1\nos._exit(0)\n")
    assert result.status is ExecStatus.killed and result.answer is None, result


def test_raising_from_del_does_not_break_the_run(run, server):
    """Layer: the child's runner (an exception in __del__ is only printed)."""
    code = ("class A:\n    def __del__(self):\n        raise ValueError('boom')\n"
            "a = A()\ndel a\nanswer = 2\n")
    result = run(server, code)
    assert result.status is ExecStatus.ok and result.answer == "2", result
    assert "ValueError: boom" in result.stdout


@pytest.mark.parametrize(("code", "status", "signal_name"), [
    ("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n", ExecStatus.killed, "SIGSEGV"),
    ("import signal, time\nsignal.alarm(1)\ntime.sleep(5)\n", ExecStatus.killed, "SIGALRM"),
    ("import os, signal\nos.kill(os.getpid(), signal.SIGSTOP)\n", ExecStatus.timeout, None),
])
def test_signals_to_itself_end_only_the_child(run, server, code, status, signal_name):
    """Layers: process isolation and timeout (a stopped child is killed at the deadline)."""
    result = run(server, code, QUICK)
    assert result.status is status, result
    if signal_name:
        assert signal_name in result.exception.message


def test_threads_run_and_a_thread_bomb_hits_the_process_rlimit(run, server):
    """Layer: rlimit (RLIMIT_NPROC counts threads)."""
    ok = run(server, "import threading\nts = [threading.Thread(target=len, args=((),)) "
                     "for _ in range(4)]\nfor t in ts:\n    t.start()\nfor t in ts:\n"
                     "    t.join()\nanswer = len(ts)\n")
    assert ok.status is ExecStatus.ok and ok.answer == "4", ok
    bomb = run(server, "import threading, time\nwhile True:\n    threading.Thread("
                       "target=time.sleep, args=(10,)).start()\n", QUICK)
    assert bomb.status is ExecStatus.error and bomb.exception.type == "RuntimeError", bomb


def test_huge_integer_is_stopped_by_rlimits(run, server):
    """Layer: rlimit (RLIMIT_CPU, or RLIMIT_AS for the digits)."""
    result = run(server, "answer = 10 ** 10 ** 8\n", QUICK)
    assert result.status in {ExecStatus.timeout, ExecStatus.memory}, result


def test_syntax_error_has_its_place(run, server):
    """Layer: the child's runner (compile errors are results with line and column)."""
    result = run(server, "x = 1\nanswer = (x +\n")
    assert result.status is ExecStatus.error, result
    assert result.exception.type == "SyntaxError" and result.exception.line == 2


def test_program_that_never_binds_answer(run, server):
    """Layer: the child's runner (a finished program without `answer` is an error)."""
    result = run(server, "x = 1\n")
    assert result.status is ExecStatus.error and result.exception.type == "MissingAnswer"


@pytest.mark.parametrize("code", [
    "answer = \"__import__('os').system('touch /tmp/pwned')\"",
    "class Evil:\n    def _sympystr(self, printer):\n        return \"__import__('os')\"\n"
    "answer = Evil()\n",
    "answer = '(' * 5000 + '1' + ')' * 5000\n",
])
def test_answers_crafted_against_the_parent_are_rejected(run, server, code):
    """Layer: the parent's whitelist parser (answer text never reaches eval/sympify)."""
    result = run(server, code, Limits(answer_chars=20_000))
    assert result.status is ExecStatus.error and result.answer is None, result
    assert result.exception.type == "AnswerRejected", result.exception


def test_million_digit_answer_is_refused(run, server):
    """Layer: the answer cap (the child refuses to print it, the parent would refuse it)."""
    result = run(server, "answer = 10 ** 999999\n", QUICK)
    assert result.status is ExecStatus.error and result.answer is None, result


def test_forged_report_cannot_smuggle_code(run, server):
    """Layer: the parent's validation (the report is parsed as data, the answer with the
    whitelist parser; a program that writes its own report gains nothing)."""
    forged = json.dumps({"kind": "ok", "answer": "__import__('os').getpid()", "stdout": "",
                         "truncated": False, "exception": None, "layers": ["landlock"]})
    code = f"import os\nos.write(3, {forged.encode()!r})\nos._exit(0)\n"
    result = run(server, code)
    assert result.status is ExecStatus.error and result.exception.type == "AnswerRejected", \
        result


def test_poisoned_module_does_not_reach_the_next_run(run, server):
    """Layer: fork from a clean parent (each run is a fresh copy of the warm server)."""
    poison = ("import sympy, math\nsympy.Rational = lambda *a: 0\nmath.isqrt = lambda n: -1\n"
              "sympy.core.cache.clear_cache()\nopen('sympy.py', 'w').write('x = 1')\n"
              "answer = 0\n")
    assert run(server, poison).status is ExecStatus.ok
    result = run(server, "from sympy import Rational\nimport math\n"
                         "answer = Rational(1, 2) + math.isqrt(16)\n")
    assert result.status is ExecStatus.ok and result.answer == "9/2", result


def test_the_report_pipe_is_the_only_writable_descriptor(run, server):
    """Layer: descriptors (every other inherited descriptor is closed or read-only)."""
    code = ("import fcntl, os\nopen_fds, writable = [], []\nfor fd in range(1024):\n"
            "    try:\n        flags = fcntl.fcntl(fd, fcntl.F_GETFL)\n    except OSError:\n"
            "        continue\n    open_fds.append(fd)\n"
            "    if flags & os.O_ACCMODE != os.O_RDONLY:\n        writable.append(fd)\n"
            "answer = (tuple(open_fds), tuple(writable))\n")
    result = run(server, code)
    assert result.answer == "((0, 1, 2, 3), (3,))", result
