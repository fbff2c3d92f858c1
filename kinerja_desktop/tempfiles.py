"""Temporary files that the next run can tell from live ones, and remove.

Everything the program writes "whole or not at all" (a backup, a restore's
prepared copy, a new database, an exported workbook or PDF, the anchor file)
is first written under a hidden temporary name beside its target and renamed
into place at the end. A run killed half way (power cut, kill -9, Task
Manager) leaves that temporary file behind. So that the next run can remove it
without ever touching a temporary file another running process is still
writing, every temporary file is *held* while it is in use:

* on POSIX an exclusive `flock` on the file, which the system drops the moment
  the owning process dies, however it dies;
* on Windows an open handle (a file open in another process cannot be
  deleted there), and only files older than `WINDOWS_MIN_AGE_S` are swept, so
  the short moment between creating the file and opening it is covered too.

`held_temp(folder, prefix, suffix)` makes and holds one; `sweep(folder,
prefix, suffix)` removes the ones nobody holds (and their SQLite companions:
-journal, -wal, -shm). Standard library only: the store and the exchange
layer both use it.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

PREFIX = ".kinerja-"  # every temporary file of the program starts so …
SUFFIX = ".tmp"  # … and ends so: one pattern to sweep, never another program's file
WINDOWS_MIN_AGE_S = 60.0
COMPANIONS = ("-journal", "-wal", "-shm")

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def _try_lock(fd: int) -> bool:
    """An exclusive, non-blocking lock on `fd` (always True where there is no flock)."""
    if fcntl is None:  # pragma: no cover - Windows: the open handle is the lock
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class HeldTemp:
    """A temporary file and the handle that holds it (see module docstring)."""

    def __init__(self, fd: int, path: Path) -> None:
        self.path = path
        self._fd: int | None = fd

    def open(self, mode: str, **kwargs: object):
        """The file opened by name (a second handle; the hold stays)."""
        return open(self.path, mode, **kwargs)

    def release(self) -> None:
        """Let go of the hold before renaming the file (Windows cannot rename an
        open file; on POSIX the lock stays until the end, harmlessly)."""
        if fcntl is None and self._fd is not None:  # pragma: no cover - Windows
            os.close(self._fd)
            self._fd = None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@contextmanager
def held_temp(folder: Path, prefix: str = PREFIX, suffix: str = SUFFIX) -> Iterator[HeldTemp]:
    """A new empty temporary file in `folder`, held (see module docstring) for
    as long as the block runs; removed afterwards (with its SQLite companions)
    unless the block renamed it away. The caller writes it through its own
    handles (SQLite, reportlab, `HeldTemp.open`). The name starts with
    `prefix` (normally `PREFIX`, so that `sweep` knows it as ours)."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    held = HeldTemp(fd, Path(name))
    try:
        _try_lock(fd)
        yield held
    finally:
        held.close()
        remove_with_companions(held.path)


def remove_with_companions(path: Path) -> None:
    """Remove `path` and its SQLite companions, ignoring what is not there."""
    for name in (path, *(path.with_name(path.name + s) for s in COMPANIONS)):
        with suppress(OSError):
            name.unlink(missing_ok=True)


def is_abandoned(path: Path) -> bool:
    """True when no running process holds the temporary file `path`."""
    if fcntl is None:  # pragma: no cover - Windows
        try:
            age = time.time() - path.stat().st_mtime
        except OSError:
            return False
        return age >= WINDOWS_MIN_AGE_S
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        if not _try_lock(fd):
            return False
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)


def sweep(folder: Path, prefix: str = PREFIX, suffix: str = SUFFIX) -> list[Path]:
    """Remove the abandoned temporary files `prefix*suffix` in `folder` (and
    their companions); the ones removed. Files held by a live process, and
    anything that cannot be removed, are left alone."""
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if _matches(p.name, prefix, suffix)]
    except OSError:
        return removed
    for path in candidates:
        if not path.is_file() or path.is_symlink() or not is_abandoned(path):
            continue
        try:
            path.unlink()
        except OSError:  # pragma: no cover - Windows: still open somewhere
            continue
        remove_with_companions(path)
        removed.append(path)
    return removed


def _matches(name: str, prefix: str, suffix: str) -> bool:
    return name.startswith(prefix) and name.endswith(suffix) and len(name) > len(prefix + suffix)
