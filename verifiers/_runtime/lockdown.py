"""The layers a sandboxed child puts between a program and the machine.

Runs inside the fork server (a separate, isolated interpreter started by
``verifiers.sandbox``), so it imports only the standard library and pyseccomp.
Each function applies one layer; ``lock_down`` applies them in the only order
that works: rlimits and the uid drop need privileges that no_new_privs,
Landlock and seccomp then take away.
"""

from __future__ import annotations

import ctypes
import errno
import os
import resource

_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long

# prctl options (linux/prctl.h)
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38
PR_SET_CHILD_SUBREAPER = 36

# unshare flags (linux/sched.h)
CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
CLONE_NEWCGROUP = 0x02000000
CLONE_NEWTIME = 0x00000080
CLONE_NEW_ANY = (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID
                 | CLONE_NEWNET | CLONE_NEWCGROUP | CLONE_NEWTIME)

# Landlock (linux/landlock.h); the syscall numbers are shared by all architectures.
_SYS_LANDLOCK_CREATE_RULESET = 444
_SYS_LANDLOCK_ADD_RULE = 445
_SYS_LANDLOCK_RESTRICT_SELF = 446
_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1
FS_EXECUTE = 1 << 0
FS_WRITE_FILE = 1 << 1
FS_READ_FILE = 1 << 2
FS_READ_DIR = 1 << 3
_FS_ALL_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1,
                  5: (1 << 16) - 1}
_NET_BIND_TCP = 1 << 0
_NET_CONNECT_TCP = 1 << 1
_SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0
_SCOPE_SIGNAL = 1 << 1
_READ_ONLY = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR

_TIOCSTI = 0x5412
_TIOCLINUX = 0x541C

# Syscalls no program of ours needs and every sandbox escape likes (cf. bubblewrap's and
# flatpak's seccomp lists). All fail with EPERM; none is needed to compute an answer.
DENIED_SYSCALLS = (
    # debugging other processes
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
    # kernel attack surface
    "bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter",
    "io_uring_register", "keyctl", "add_key", "request_key",
    # namespaces and mounts
    "unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "move_mount",
    "open_tree", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
    # leaving the process group the server kills
    "setsid", "setpgid",
    # running other binaries
    "execve", "execveat",
    # machine administration
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "reboot", "swapon", "swapoff", "acct", "quotactl", "syslog", "settimeofday",
    "clock_settime", "adjtimex", "clock_adjtime", "iopl", "ioperm", "uselib",
    "open_by_handle_at", "name_to_handle_at", "vhangup", "fanotify_init",
    "lookup_dcookie", "nfsservctl",
    # System V IPC: its objects outlive the process in the server's IPC namespace (the next
    # run would see them) and its memory is counted by no rlimit; memfd likewise holds
    # memory no RLIMIT_AS sees. No program of ours needs them.
    "shmget", "shmat", "shmdt", "shmctl", "semget", "semop", "semtimedop", "semctl",
    "msgget", "msgsnd", "msgrcv", "msgctl", "memfd_create", "memfd_secret",
    # acting on other processes' resources (same uid as a non-root server)
    "process_madvise", "process_mrelease", "ioprio_set",
)

# Syscalls allowed only on the calling process itself: each is refused (EPERM) when the
# listed argument is not 0 (0 means "this process"). A non-root sandbox shares its uid with
# its server, so without these rules a program could lower the server's rlimits or
# priority and break the next run.
SELF_ONLY_SYSCALLS = (
    ("prlimit64", 0), ("setpriority", 0), ("setpriority", 1), ("sched_setaffinity", 0),
    ("sched_setscheduler", 0), ("sched_setparam", 0), ("sched_setattr", 0), ("migrate_pages", 0), ("move_pages", 0),
)


def _check(rc: int, what: str) -> int:
    if rc < 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")
    return rc


def prctl(option: int, arg: int = 0) -> None:
    _check(_libc.prctl(option, ctypes.c_ulong(arg), 0, 0, 0), f"prctl({option})")


def unshare(flags: int) -> None:
    _check(_libc.unshare(flags), "unshare")


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is missing or disabled."""
    rc = _libc.syscall(_SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0),
                       ctypes.c_uint32(_LANDLOCK_CREATE_RULESET_VERSION))
    return max(int(rc), 0)


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64),
                ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def landlock_ruleset(abi: int, read_paths: list[str], write_paths: list[str]) -> int:
    """A ruleset fd that confines the filesystem: read (and map/execute) beneath
    ``read_paths``, everything beneath ``write_paths``, nothing elsewhere; with ABI >= 4 no
    TCP bind/connect, with ABI >= 6 no signals and no abstract unix sockets to processes
    outside the sandbox. Built before the uid drop (opening the paths may need it)."""
    fs_all = _FS_ALL_BY_ABI.get(abi, (1 << 16) - 1)
    attr = _RulesetAttr(handled_access_fs=fs_all)
    size = 8
    if abi >= 4:
        attr.handled_access_net = _NET_BIND_TCP | _NET_CONNECT_TCP
        size = 16
    if abi >= 6:
        attr.scoped = _SCOPE_ABSTRACT_UNIX_SOCKET | _SCOPE_SIGNAL
        size = 24
    ruleset = _check(_libc.syscall(_SYS_LANDLOCK_CREATE_RULESET, ctypes.byref(attr),
                                   ctypes.c_size_t(size), ctypes.c_uint32(0)),
                     "landlock_create_ruleset")
    try:
        for paths, access in ((read_paths, _READ_ONLY), (write_paths, fs_all)):
            for path in paths:
                _add_path_rule(ruleset, path, access)
    except BaseException:
        os.close(ruleset)
        raise
    return ruleset


def landlock_restrict(ruleset: int) -> None:
    """Enforce the ruleset on this process and all it forks (needs no_new_privs)."""
    try:
        _check(_libc.syscall(_SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(ruleset),
                             ctypes.c_uint32(0)), "landlock_restrict_self")
    finally:
        os.close(ruleset)


def _add_path_rule(ruleset: int, path: str, access: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except FileNotFoundError:
        return
    try:
        if not os.path.isdir(path):
            # rules on files may only carry file rights
            access &= FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | (1 << 14) | (1 << 15)
        rule = _PathBeneathAttr(allowed_access=access, parent_fd=fd)
        _check(_libc.syscall(_SYS_LANDLOCK_ADD_RULE, ctypes.c_int(ruleset),
                             ctypes.c_int(_LANDLOCK_RULE_PATH_BENEATH), ctypes.byref(rule),
                             ctypes.c_uint32(0)), f"landlock_add_rule({path})")
    finally:
        os.close(fd)


def build_seccomp_filter():
    """A deny-list filter: EPERM for DENIED_SYSCALLS, for SELF_ONLY_SYSCALLS aimed at another
    process (setpriority's PRIO_PGRP/PRIO_USER too), for clone() into new namespaces and
    for the TIOCSTI/TIOCLINUX ioctls; ENOSYS for clone3 (its flags live in memory, which a
    filter cannot inspect, so libc falls back to clone) and for any foreign-architecture
    entry such as the 32-bit int 0x80 path."""
    import pyseccomp as sc

    filt = sc.SyscallFilter(defaction=sc.ALLOW)
    filt.set_attr(sc.Attr.ACT_BADARCH, sc.ERRNO(errno.ENOSYS))
    for name in DENIED_SYSCALLS:
        try:
            filt.add_rule(sc.ERRNO(errno.EPERM), name)
        except (OSError, ValueError):
            continue  # unknown on this architecture
    for name, arg in SELF_ONLY_SYSCALLS:
        filt.add_rule(sc.ERRNO(errno.EPERM), name, sc.Arg(arg, sc.NE, 0))
    filt.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    filt.add_rule(sc.ERRNO(errno.EPERM), "clone",
                  sc.Arg(0, sc.MASKED_EQ, CLONE_NEWUSER, CLONE_NEWUSER))
    for flag in (CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWPID, CLONE_NEWNET,
                 CLONE_NEWCGROUP):
        filt.add_rule(sc.ERRNO(errno.EPERM), "clone", sc.Arg(0, sc.MASKED_EQ, flag, flag))
    for request in (_TIOCSTI, _TIOCLINUX):
        filt.add_rule(sc.ERRNO(errno.EPERM), "ioctl",
                      sc.Arg(1, sc.MASKED_EQ, 0xFFFFFFFF, request))
    return filt


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                ("inheritable", ctypes.c_uint32)]


def drop_capabilities() -> None:
    """Empty every capability set (needed in a user namespace, where the creator holds all
    capabilities over it even as a non-root uid)."""
    header = _CapHeader(version=0x20080522, pid=0)
    data = (_CapData * 2)()
    _check(_libc.capset(ctypes.byref(header), ctypes.byref(data)), "capset")


def drop_privileges(uid: int, gid: int) -> None:
    """Root: become ``uid``/``gid`` with no supplementary groups (which also empties the
    capability sets and makes RLIMIT_NPROC apply). Non-root: drop the capabilities the user
    namespace granted."""
    if os.getuid() == 0:
        os.setgroups([])
        os.setresgid(gid, gid, gid)
        os.setresuid(uid, uid, uid)
    else:
        drop_capabilities()


def set_rlimits(*, memory_bytes: int, cpu_seconds: int, processes: int, file_bytes: int,
                open_files: int) -> None:
    """Hard limits the kernel enforces: soft == hard except CPU, whose soft limit sends
    SIGXCPU one second before the hard SIGKILL."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2


def compile_seccomp_bpf() -> bytes:
    """The filter of build_seccomp_filter as a raw BPF program, compiled once by the server
    (libseccomp takes milliseconds; loading the compiled program takes microseconds)."""
    import tempfile

    with tempfile.TemporaryFile() as fh:
        build_seccomp_filter().export_bpf(fh)
        fh.seek(0)
        program = fh.read()
    if not program or len(program) % 8:
        raise OSError(errno.EINVAL, f"libseccomp exported {len(program)} bytes of BPF")
    return program


def load_seccomp_bpf(program: bytes) -> None:
    """Install a compiled filter on this process and everything it forks (needs
    no_new_privs)."""
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len=len(program) // 8, filter=ctypes.addressof(buffer))
    _check(_libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0),
           "prctl(PR_SET_SECCOMP)")


_MADV_HUGEPAGE = 14
_MADV_COLLAPSE = 25  # Linux >= 6.1
_HUGE = 2 << 20


def collapse_heap() -> int:
    """Back the server's warm heap with transparent huge pages (best effort; returns how many
    2 MiB-aligned regions collapsed). fork() copies one entry per huge page instead of 512,
    and that copy is most of a run's cost."""
    _libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    collapsed = 0
    with open("/proc/self/maps") as maps:
        regions = [line.split() for line in maps]
    for fields in regions:
        perms, name = fields[1], fields[5] if len(fields) > 5 else ""
        if perms[:2] != "rw" or perms[3] != "p" or name not in ("", "[heap]"):
            continue
        low, high = (int(v, 16) for v in fields[0].split("-"))
        start, end = -(-low // _HUGE) * _HUGE, high // _HUGE * _HUGE
        if end > start:
            _libc.madvise(start, end - start, _MADV_HUGEPAGE)
            collapsed += _libc.madvise(start, end - start, _MADV_COLLAPSE) == 0
    return collapsed
