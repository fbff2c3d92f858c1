"""Writing a PDF file safely: a fresh canvas with embedded fonts, written atomically.

The canvas is drawn into a temporary file beside the target and moved over it
with `os.replace` only when it is complete, so a failure or a cancel half way
leaves no partial file and keeps an older file of the same name intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop import __version__
from kinerja_desktop.core.errors import KinerjaError

from .fonts import SANS, register_fonts


class PdfCancelledError(KinerjaError):
    """The user cancelled while a PDF was being made; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Pembuatan PDF dibatalkan; tidak ada berkas yang ditulis.")


def new_canvas(filename: str, pagesize: tuple[float, float], title: str, author: str) -> Canvas:
    """A canvas whose initial font is embedded (so no Helvetica ever appears)."""
    register_fonts()
    c = Canvas(
        filename,
        pagesize=pagesize,
        initialFontName=SANS,
        initialFontSize=9,
        pageCompression=1,
    )
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject("Standar Operasional Prosedur Administrasi Pemerintahan")
    c.setCreator(f"Kinerja Desktop {__version__}")
    c.setFont(SANS, 9)
    return c


@contextlib.contextmanager
def binary_streams() -> Iterator[None]:
    """Write PDF streams Flate-compressed only, without reportlab's default
    ASCII85 wrapping: a quarter smaller and markedly faster to write. The
    setting is process-wide in reportlab, so it is restored afterwards."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


@contextlib.contextmanager
def _temp_beside(path: Path) -> Iterator[str]:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_atomically(path: Path, produce: Callable[[str], None]) -> None:
    """Let `produce` write the whole file at a temporary name, then move it over `path`.

    OSError becomes a KinerjaError with an Indonesian message; every other
    exception (a cancel, a bug) passes through. Either way the temporary file
    is removed and `path` keeps what it had before.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise KinerjaError(f"Folder tujuan tidak ada: {path.parent}")
    try:
        with _temp_beside(path) as tmp, binary_streams():
            produce(tmp)
            os.replace(tmp, path)
    except PermissionError as exc:
        raise KinerjaError(
            f"Berkas {path.name} tidak dapat ditulis. Jika berkas itu sedang dibuka di "
            "penampil PDF, tutup dulu lalu coba lagi.",
            str(exc),
        ) from exc
    except OSError as exc:
        raise KinerjaError(f"Berkas {path.name} tidak dapat ditulis.", str(exc)) from exc
