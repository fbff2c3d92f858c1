"""Writing a file whole or not at all, for every file the exchange layer produces.

The content is written to a held temporary file beside the target
(`.kinerja-<name>-….tmp`, see `tempfiles`), flushed to the disk (fsync) and
only then moved over the target with `os.replace`. A failure or a cancel half
way leaves no partial file and keeps an older file of the same name intact;
one left by a killed run is removed by the next write into that folder. Used by
the PDF writers and the Excel export alike.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from .. import tempfiles
from ..core.errors import KinerjaError

Produce = Callable[[str], None]
"""Writes the whole file at the (temporary) file name it is given."""


@contextlib.contextmanager
def _temp_beside(path: Path) -> Iterator[tempfiles.HeldTemp]:
    """A held temporary file beside `path` (`tempfiles`), after removing the
    ones that killed runs left in that folder."""
    tempfiles.sweep(path.parent)
    with tempfiles.held_temp(path.parent, f"{tempfiles.PREFIX}{path.stem}-") as held:
        yield held


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
        with _temp_beside(path) as held:
            produce(str(held.path))
            _fsync_file(str(held.path))
            held.release()
            os.replace(held.path, path)
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
