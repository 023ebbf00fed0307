"""Syscall probes in the style of bubblewrap's tests/try-syscall.c: each call gets harmless
arguments (a call that runs fails with EFAULT, EBADF, EINVAL...; a blocked one with EPERM
or ENOSYS), so nothing is mounted or traced on the host. Inside the sandbox each must give
its expected error; the same probe run outside must give something else, which shows the
test can tell the two apart."""

from __future__ import annotations

import errno
import platform
import subprocess
import sys

import pyseccomp
import pytest

from verifiers import ExecStatus

CLONE_NEWUSER = 0x10000000
CLONE_FS = 0x00000200
TIOCSTI = 0x5412
PTRACE_PEEKDATA = 2


def _nr(name: str) -> int:
    return pyseccomp.resolve_syscall(pyseccomp.Arch.NATIVE, name)


# name -> (syscall, arguments, errno expected inside the sandbox, layer that stops it)
PROBES = {
    "io_uring_setup": ("io_uring_setup", (0, 0), errno.EPERM, "seccomp"),
    "ptrace": ("ptrace", (PTRACE_PEEKDATA, -1, 0, 0), errno.EPERM, "seccomp"),
    "bpf": ("bpf", (0, 0, 0), errno.EPERM, "seccomp"),
    "userfaultfd": ("userfaultfd", (0xFFFFFFFF,), errno.EPERM, "seccomp"),
    "keyctl": ("keyctl", (0xFFFF, 0, 0, 0, 0), errno.EPERM, "seccomp"),
    "mount": ("mount", (0, 0, 0, 0, 0), errno.EPERM, "seccomp"),
    "unshare_user": ("unshare", (0xFFFFFFFF,), errno.EPERM, "seccomp"),
    "clone_newuser": ("clone", (CLONE_NEWUSER | CLONE_FS, 0, 0, 0, 0), errno.EPERM, "seccomp"),
    "clone3": ("clone3", (0, 0), errno.ENOSYS, "seccomp"),
    "setns": ("setns", (-1, 0), errno.EPERM, "seccomp"),
    "perf_event_open": ("perf_event_open", (0, 0, -1, -1, 0), errno.EPERM, "seccomp"),
    "tiocsti": ("ioctl", (-1, TIOCSTI, 0), errno.EPERM, "seccomp"),
    "execve": ("execve", (0, 0, 0), errno.EPERM, "seccomp"),
    "setsid": ("setsid", (), errno.EPERM, "seccomp"),
    "kexec_load": ("kexec_load", (0, 0, 0, 0), errno.EPERM, "seccomp"),
}

_SYSCALL_PROBE = """\
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
rc = libc.syscall({nr}, *[ctypes.c_long(a) for a in {args!r}])
answer = 0 if rc >= 0 else ctypes.get_errno()
print(answer)
"""

# i386 getpid through `int 0x80`: mov eax, 20; int 0x80; ret. Returns the pid, or -errno.
_INT80_PROBE = """\
import ctypes, mmap
code = bytes([0xB8, 20, 0, 0, 0, 0xCD, 0x80, 0xC3])
buf = mmap.mmap(-1, mmap.PAGESIZE, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
buf.write(code)
address = ctypes.addressof(ctypes.c_char.from_buffer(buf))
rc = ctypes.CFUNCTYPE(ctypes.c_int)(address)()
answer = -rc if rc < 0 else 0
print(answer)
"""


def _outside(code: str) -> int:
    """Run the probe in a plain interpreter outside the sandbox (the test's own rights)."""
    out = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    return int(out.stdout.strip())


def _inside(run_checked, code: str) -> int:
    result = run_checked(code)
    assert result.status is ExecStatus.ok, f"probe did not run: {result}"
    return int(result.answer)


@pytest.mark.parametrize("probe", sorted(PROBES))
def test_syscall_probe(run_checked, probe):
    """Each probe is refused inside (layer in PROBES) and behaves differently outside."""
    name, args, expected, layer = PROBES[probe]
    code = _SYSCALL_PROBE.format(nr=_nr(name), args=args)
    inside = _inside(run_checked, code)
    assert inside == expected, (f"{probe}: expected {errno.errorcode[expected]} from {layer}, "
                                f"got {errno.errorcode.get(inside, inside)}")
    outside = _outside(code)
    assert outside != inside, f"{probe}: outside gives the same result; the probe proves nothing"


@pytest.mark.skipif(platform.machine() != "x86_64", reason="the int 0x80 entry is x86-64's")
def test_32bit_syscall_entry_is_refused(run_checked):
    """Layer: seccomp (foreign-architecture syscalls get ENOSYS; outside, int 0x80 getpid
    runs and returns the pid)."""
    inside = _inside(run_checked, _INT80_PROBE)
    assert inside == errno.ENOSYS, f"int 0x80 inside gave {inside}"
    outside = _outside(_INT80_PROBE)
    if outside == errno.ENOSYS:
        pytest.skip("this kernel has no 32-bit syscall entry at all (ia32 emulation off)")
    assert outside == 0, f"int 0x80 outside gave errno {outside}"
