"""Writing a file whole or not at all, for every file the exchange layer produces.

The content is written to a temporary file beside the target, flushed to the
disk (fsync) and only then moved over the target with `os.replace`. A failure
or a cancel half way leaves no partial file and keeps an older file of the
same name intact. Used by the PDF writers and the Excel export alike.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..core.errors import KinerjaError

Produce = Callable[[str], None]
"""Writes the whole file at the (temporary) file name it is given."""


@contextlib.contextmanager
def _temp_beside(path: Path) -> Iterator[str]:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _fsync_file(name: str) -> None:
    with open(name, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | flag)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(path: Path, produce: Produce, *, program: str = "program lain") -> None:
    """Let `produce` write the whole file at a temporary name, then move it over `path`.

    `program` names what may hold the file open ("penampil PDF", "Excel"), for
    the message shown when the target cannot be replaced. An OSError becomes a
    KinerjaError with an Indonesian message; every other exception (a cancel,
    a bug) passes through. Either way the temporary file is removed and `path`
    keeps what it had before.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise KinerjaError(f"Folder tujuan tidak ada: {path.parent}")
    try:
        with _temp_beside(path) as tmp:
            produce(tmp)
            _fsync_file(tmp)
            os.replace(tmp, path)
    except PermissionError as exc:
        raise KinerjaError(
            f'Tidak dapat menyimpan "{path.name}": berkas itu mungkin sedang dibuka di '
            f"{program} (tutup dulu, lalu coba lagi) atau folder tidak boleh ditulis.",
            repr(exc),
        ) from exc
    except OSError as exc:
        raise KinerjaError(
            f'Tidak dapat menyimpan "{path.name}": berkas tidak dapat ditulis.', repr(exc)
        ) from exc
    _fsync_folder(path.parent)
