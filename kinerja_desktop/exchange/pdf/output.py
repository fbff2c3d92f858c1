"""Writing a PDF file safely: a fresh canvas with embedded fonts, written atomically.

The canvas is drawn into a temporary file beside the target and moved over it
only when it is complete (`exchange.atomic`), so a failure or a cancel half way
leaves no partial file and keeps an older file of the same name intact.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop import __version__
from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.exchange import atomic
from kinerja_desktop.gcpause import collector_paused

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


collection_paused = collector_paused  # the PDF writers' name for it


def write_atomically(path: Path, produce: Callable[[str], None]) -> None:
    """Let `produce` draw the whole PDF at a temporary name, then move it over `path`
    (see `exchange.atomic`): a failure or a cancel leaves `path` as it was."""
    with binary_streams():
        atomic.write_atomically(Path(path), produce, program="penampil PDF")
