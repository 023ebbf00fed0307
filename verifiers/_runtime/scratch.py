"""Removing a run's scratch directory whatever the program left in it.

``shutil.rmtree`` recurses once per directory level, so a program that nests a few thousand
directories made it raise RecursionError inside the fork server and took the server down.
This remover walks the tree with one open directory at a time and an explicit list of
names, so neither the depth, the path length nor the permissions a program set bound it.
"""

from __future__ import annotations

import contextlib
import os
import stat

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
MAX_FAILURES = 1000  # entries that would not go before the remover gives up on the tree


def _open_dir(name: str, dir_fd: int | None) -> int:
    """Open a directory below ``dir_fd``; make it readable first if the program locked it."""
    try:
        return os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
    except PermissionError:
        os.chmod(name, 0o700, dir_fd=dir_fd, follow_symlinks=False)
        return os.open(name, _DIR_FLAGS, dir_fd=dir_fd)


def _first_subdirectory(fd: int) -> tuple[str | None, int]:
    """Unlink every non-directory in ``fd``; return one subdirectory's name (None when
    the directory is empty of them) and how many entries could not be removed."""
    failures = 0
    with os.scandir(fd) as entries:
        names = [(e.name, e.is_dir(follow_symlinks=False)) for e in entries]
    for name, is_dir in names:
        if is_dir:
            return name, failures
        try:
            os.unlink(name, dir_fd=fd)
        except FileNotFoundError:
            pass
        except PermissionError:
            os.fchmod(fd, stat.S_IRWXU)  # a directory the program made read-only
            try:
                os.unlink(name, dir_fd=fd)
            except OSError:
                failures += 1
        except OSError:
            failures += 1
    return None, failures


def remove_tree(path: str) -> None:
    """Remove ``path`` and everything beneath it, iteratively and without following links.
    Raises OSError if the tree cannot be removed (the caller reports it; it never
    recurses)."""
    fd = _open_dir(path, None)
    names: list[str] = []  # the way down from ``path`` to the directory ``fd`` is open on
    failures = 0
    try:
        while True:
            child, failed = _first_subdirectory(fd)
            failures += failed
            if failures > MAX_FAILURES:
                raise OSError(f"{path}: {failures} entries could not be removed")
            if child is not None:
                with contextlib.suppress(PermissionError):
                    os.fchmod(fd, stat.S_IRWXU)
                inner = _open_dir(child, fd)
                os.close(fd)
                fd = inner
                names.append(child)
                continue
            if not names:
                break
            parent = os.open("..", _DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = parent
            name = names.pop()
            try:
                os.rmdir(name, dir_fd=fd)
            except PermissionError:
                os.fchmod(fd, stat.S_IRWXU)
                os.rmdir(name, dir_fd=fd)
    finally:
        os.close(fd)
    os.rmdir(path)
