"""The sandbox as a non-root user: bubblewrap builds an unprivileged user namespace, the
child empties its capabilities, and the same hostile programs are still stopped.

Run as root, the test drops a subprocess to uid/gid 65534 with no capabilities (setpriv).
If the interpreter lives under a directory that uid cannot enter (pyenv under /root), a
private mount namespace of the test re-exposes just the interpreter first; the sandbox
itself is not touched."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534

_PROGRAM = r"""
import json, os
from verifiers import run_program, Limits
limits = Limits(wall_seconds=5, cpu_seconds=2)
HOME = "__HOME__"
cases = {
    "uid": "import os\nanswer = os.getuid()\n",
    "kill_server": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nanswer = 1\n",
    "fork_bomb": "import os\nwhile True:\n    os.fork()\n",
    "userns": "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
              "answer = (libc.unshare(0x10000000), ctypes.get_errno())\n",
    "write_home": "open(" + repr(os.path.join(HOME, "evil")) + ", 'w').write('x')\nanswer = 1\n",
    # the server has the child's uid: its rlimits and priority must still be out of reach
    "prlimit_server": "import os, resource\n"
                      "resource.prlimit(os.getppid(), resource.RLIMIT_NOFILE, (5, 5))\n"
                      "answer = 1\n",
    "after_prlimit": "answer = 6 * 7\n",
    "renice_server": "import os\nos.setpriority(os.PRIO_PROCESS, os.getppid(), 19)\n"
                     "answer = 1\n",
    "renice_user": "import os\nos.setpriority(os.PRIO_USER, 0, 19)\nanswer = 1\n",
    "after_renice": "import os\nanswer = os.getpriority(os.PRIO_PROCESS, 0)\n",
}
out = {"caller_uid": os.getuid()}
for name, code in cases.items():
    try:
        r = run_program(code, limits)
    except Exception as exc:  # the sandbox broke: record it, keep going
        out[name] = {"status": "sandbox_failure", "answer": None, "layers": [],
                     "exception": f"{type(exc).__name__}: {exc}"}
        continue
    out[name] = {"status": r.status.value, "answer": r.answer, "layers": r.layers,
                 "exception": r.exception.type if r.exception else None}
print(json.dumps(out))
"""


def _blocked_ancestor(path: str, uid: int) -> str | None:
    """The top-most ancestor of ``path`` that ``uid`` cannot traverse (no o+x), if any."""
    if uid == 0:
        return None
    for parent in reversed(Path(path).parents):
        if str(parent) != "/" and not os.stat(parent).st_mode & 0o001:
            return str(parent)
    return None


def _expose_script(paths: list[str], stash: str) -> list[str]:
    """Shell lines that, in a private mount namespace, make ``paths`` reachable for others:
    bind each aside, mount a tmpfs over the blocked ancestor, bind it back."""
    lines = []
    blocked = {}
    for path in paths:
        ancestor = _blocked_ancestor(path, NOBODY)
        if ancestor:
            blocked.setdefault(ancestor, []).append(path)
    for ancestor, inner in blocked.items():
        for i, path in enumerate(inner):
            lines += [f"mkdir -p {stash}/{i}", f"mount --bind {shlex.quote(path)} {stash}/{i}"]
        lines.append(f"mount -t tmpfs -o mode=0755 tmpfs {shlex.quote(ancestor)}")
        for i, path in enumerate(inner):
            lines += [f"mkdir -p {shlex.quote(path)}",
                      f"mount --bind {stash}/{i} {shlex.quote(path)}"]
    return lines


@pytest.fixture(scope="module")
def unprivileged_results(tmp_path_factory):
    home = tmp_path_factory.mktemp("nobody-home")
    home.chmod(0o777)
    program = _PROGRAM.replace("__HOME__", str(home))
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "LANG": "C.UTF-8"}
    python = [sys.executable, "-c", program]
    if os.getuid() != 0:
        command = python
    else:
        if not (shutil.which("unshare") and shutil.which("setpriv")):
            pytest.skip("needs util-linux's unshare and setpriv to drop to an unprivileged uid")
        stash = str(tmp_path_factory.mktemp("stash"))
        paths = sorted({sys.base_prefix, sys.prefix, str(REPO)})
        lines = ["set -e", *_expose_script(paths, stash), "cd /tmp",
                 f"exec setpriv --reuid {NOBODY} --regid {NOBODY} --clear-groups "
                 "--inh-caps=-all --bounding-set=-all -- " + shlex.join(python)]
        command = ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                   "\n".join(lines)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, f"unprivileged run failed: {done.stderr[-2000:]}"
    results = json.loads(done.stdout.strip().splitlines()[-1])
    results["home"] = str(home)
    return results


def test_runs_as_a_non_root_user_in_a_user_namespace(unprivileged_results):
    """Layers: user namespace (bubblewrap, unprivileged) and emptied capabilities."""
    r = unprivileged_results
    assert r["caller_uid"] != 0
    assert r["uid"]["status"] == "ok" and r["uid"]["answer"] == str(r["caller_uid"]), r["uid"]
    assert {"userns", "netns", "capabilities", "landlock", "seccomp"} <= set(r["uid"]["layers"])


def test_unprivileged_child_cannot_kill_its_server(unprivileged_results):
    """Layer: Landlock signal scoping (same uid as the server, yet the signal is refused)."""
    assert unprivileged_results["kill_server"]["exception"] == "PermissionError", \
        unprivileged_results["kill_server"]


def test_unprivileged_fork_bomb_hits_the_process_rlimit(unprivileged_results):
    """Layer: rlimit (RLIMIT_NPROC applies to a non-root uid)."""
    assert unprivileged_results["fork_bomb"]["exception"] == "BlockingIOError", \
        unprivileged_results["fork_bomb"]


def test_unprivileged_child_cannot_nest_user_namespaces(unprivileged_results):
    """Layer: seccomp (unshare refused) behind bubblewrap's --disable-userns."""
    assert unprivileged_results["userns"]["answer"] == "(-1, 1)", unprivileged_results["userns"]


def test_unprivileged_child_cannot_write_the_users_files(unprivileged_results):
    """Layers: mount namespace and Landlock (a directory the user may write is still out
    of reach)."""
    assert unprivileged_results["write_home"]["status"] == "error"
    assert not os.path.exists(os.path.join(unprivileged_results["home"], "evil"))


@pytest.mark.parametrize("case", ["prlimit_server", "renice_server", "renice_user"])
def test_unprivileged_child_cannot_touch_its_servers_limits(unprivileged_results, case):
    """Layer: seccomp (prlimit64/setpriority aimed at any process but the caller are
    refused: the server shares the child's uid, so nothing else would stop them)."""
    assert unprivileged_results[case]["exception"] == "PermissionError", \
        unprivileged_results[case]


def test_unprivileged_server_keeps_working_after_the_attempts(unprivileged_results):
    """The runs after the attempts get a server with its own limits and priority."""
    assert unprivileged_results["after_prlimit"]["answer"] == "42", \
        unprivileged_results["after_prlimit"]
    assert unprivileged_results["after_renice"]["answer"] == "0", \
        unprivileged_results["after_renice"]
