"""Hostile programs of the second security round (issue 14): what one run leaves for the
next (System V IPC, a scratch tree built to break its cleanup), memory held outside the
address space (scratch files), a report field a program could falsify (truncation), and
an answer that costs the parent more than the program cost the child.
Each test names the layer that stops the program; the trusted side must come through
unharmed (``run_checked``)."""

from __future__ import annotations

import errno
import subprocess
import sys
import time

import pytest

from verifiers import (
    AnswerTooComplex,
    ExecStatus,
    ForkServer,
    Isolation,
    Limits,
    answers_equivalent,
    canonical_answer,
    parse_answer,
)

SHORT = Limits(wall_seconds=10, cpu_seconds=5, memory_mb=512)

_SHM = """\
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
KEY = 0x1ADD3
"""
_CREATE_SHM = _SHM + """\
shmid = libc.shmget(KEY, 64 << 20, 0o1666)  # IPC_CREAT | 0666: 64 MiB nobody attaches
answer = ctypes.get_errno() if shmid < 0 else 0
"""
_FIND_SHM = _SHM + """\
shmid = libc.shmget(KEY, 0, 0o666)
answer = ctypes.get_errno() if shmid < 0 else -1  # -1: found what an earlier run left
"""


def test_sysv_shared_memory_does_not_reach_the_next_run(run_checked):
    """Layer: seccomp (System V IPC is refused: its objects would outlive the run in the
    server's IPC namespace, and no rlimit counts their memory)."""
    first = run_checked(_CREATE_SHM, SHORT)
    assert first.status is ExecStatus.ok and first.answer == str(errno.EPERM), first
    second = run_checked(_FIND_SHM, SHORT)
    assert second.status is ExecStatus.ok and second.answer != "-1", \
        f"run 2 found run 1's segment: {second}"


def test_sysv_probe_can_tell_outside():
    """The shmget probe works outside the sandbox (so the test above proves something)."""
    code = (_SHM + "shmid = libc.shmget(0, 4096, 0o1600)\n"  # IPC_PRIVATE: removed below
            "print(0 if shmid >= 0 else ctypes.get_errno())\n"
            "libc.shmctl(shmid, 0, None)\n")  # IPC_RMID
    out = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "0", out


def test_memfd_is_refused(run_checked):
    """Layer: seccomp (memfd_create: memory that no RLIMIT_AS counts)."""
    code = "import os\ntry:\n    os.memfd_create('x')\n    answer = 0\nexcept OSError as e:\n" \
           "    answer = e.errno\n"
    result = run_checked(code, SHORT)
    assert result.answer == str(errno.EPERM), result


def test_a_deep_scratch_tree_does_not_kill_the_server(run_checked):
    """Layer: the fork server's iterative scratch remover (no recursion, one directory open
    at a time, so neither depth, path length nor permissions stop it)."""
    code = ("import os\nfor i in range(1500):\n    os.mkdir('d' * 200)\n"
            "    if i % 100 == 0:\n        open('f', 'w').write('x')\n"
            "        os.chmod('.', 0o500)\n"  # a read-only directory with a file in it
            "    os.chdir('d' * 200)\n"
            "answer = 1\n")
    result = run_checked(code, SHORT)
    assert result.status is ExecStatus.ok, result
    # run_checked asserted: same server pid, the next run works, no scratch entry left


def test_a_locked_scratch_directory_is_removed(run_checked):
    """Layer: the scratch remover unlocks directories the program made unreadable."""
    code = ("import os\nos.makedirs('a/b/c')\nopen('a/b/c/f', 'w').write('x')\n"
            "os.chmod('a/b/c', 0)\nos.chmod('a/b', 0)\nos.chmod('a', 0)\nanswer = 1\n")
    assert run_checked(code, SHORT).status is ExecStatus.ok


def test_raising_its_own_output_cap_does_not_hide_the_truncation(run_checked):
    """Layer: the child decides `truncated` from the text and the run's limit, not from the
    output object the program can reach."""
    code = ("import sys\ntry:\n    sys.stdout.cap = 10 ** 9\nexcept AttributeError:\n"
            "    sys.stdout._cap = 10 ** 9\nprint('x' * 5000)\nanswer = 1\n")
    result = run_checked(code, Limits(wall_seconds=10, cpu_seconds=5, output_chars=1000))
    assert len(result.stdout) <= 1000, result
    assert result.stdout_truncated, result


@pytest.fixture(scope="module")
def small_scratch_server():
    server = ForkServer(Isolation(scratch_mb=32))
    server.start()
    yield server
    server.close()


def test_scratch_files_are_bounded_in_total(small_scratch_server):
    """Layer: the scratch tmpfs has a size (Isolation.scratch_mb); RLIMIT_FSIZE bounds one
    file only, so without it many files held memory past every limit."""
    code = ("import os\nwritten = 0\nblock = b'x' * (1 << 20)\n"
            "try:\n    for n in range(12):\n        with open(f'f{n}', 'wb') as fh:\n"
            "            for _ in range(8):\n                fh.write(block)\n"
            "                fh.flush()\n                written += 1\n"
            "except OSError as exc:\n    print(exc.errno)\nanswer = written\n")
    result = small_scratch_server.run(code, Limits(wall_seconds=20, cpu_seconds=10,
                                                   file_mb=16))
    assert result.status is ExecStatus.ok, result
    assert int(result.answer) <= 32, f"wrote {result.answer} MiB into a 32 MiB scratch"
    assert result.stdout.strip() == str(errno.ENOSPC), result
    after = small_scratch_server.run("open('f', 'wb').write(b'x' * (20 << 20))\nanswer = 1\n",
                                     Limits(file_mb=32))
    assert after.status is ExecStatus.ok, f"the next run found the scratch still full: {after}"


_HUGE_POWER = "from sympy import symbols\nx = symbols('x')\nanswer = (x + 1) ** 3000\n"
_FORGED_HUGE_POWER = ("import os\nos.write(3, b'{\"kind\": \"ok\", \"answer\": \"(x + 1)**3000\"}')\n"
                      "os._exit(0)\n")


@pytest.mark.parametrize("code", [_HUGE_POWER, _FORGED_HUGE_POWER], ids=["bound", "forged"])
def test_an_answer_too_costly_to_canonicalize_fails_quickly(run_checked, code):
    """Layers: the child canonicalizes under its own limits, and the parent only re-parses
    (never simplifies) and refuses by name a value whose simplification is unbounded
    ((x + 1)**3000 cost the parent 20 s)."""
    started = time.monotonic()
    result = run_checked(code, SHORT)
    elapsed = time.monotonic() - started
    assert result.status is ExecStatus.error, result
    assert result.exception.type == "AnswerRejected", result.exception
    assert "too complex to canonicalize" in result.exception.message, result.exception
    assert elapsed < 5, f"took {elapsed:.1f} s"


def test_the_parent_refuses_costly_canonical_forms_quickly():
    """The same bound for the parent's own calls (structural answers, equivalence)."""
    started = time.monotonic()
    with pytest.raises(AnswerTooComplex, match="too complex"):
        canonical_answer(parse_answer("(x + y + z + 1)**40"))
    assert not answers_equivalent("(x + 1)**3000", "y")
    assert canonical_answer(parse_answer("(x + 1)**2")) == "(x + 1)**2"
    assert time.monotonic() - started < 3
