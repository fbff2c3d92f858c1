"""The signature block of a printed sheet (under the SOP flowchart, the Lembar Kerja).

    Masama, 16 Februari 2026
    CAMAT MASAMA,
    (room to sign)
    Drs. NAMA LENGKAP, M.Si      (bold, underlined)
    Pembina Tk. I, IV/b
    NIP. 19750428 200012 1 003

The block is planned as one unit (its height is known before drawing) and is
never split across pages. Who signs is any record with a jabatan, nama, NIP and
pangkat (`Signer`): the SOP's `core.sop.Pengesahan` is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.dates import format_tempat_tanggal
from kinerja_desktop.core.nip import format_nip
from kinerja_desktop.core.page import MM

from .fonts import SANS, SANS_BOLD
from .text import CENTER, Style, TextLine, draw_lines, height_of, paragraph

SIGN_SPACE = 20 * MM
SIGN_SPACE_COMPACT = 18 * MM  # still room for a signature and a stamp
BLOCK_WIDTH = 85 * MM
GAP_ABOVE = 5 * MM
GAP_ABOVE_COMPACT = 3 * MM
_BODY = Style(SANS, 9.5, 12, CENTER)
_NAME = Style(SANS_BOLD, 9.5, 12, CENTER, underline=True)
_BLANK_NAME = "(.............................................)"


class Signer(Protocol):
    """Who signs: the jabatan (e.g. "Camat Masama") and the person."""

    @property
    def jabatan(self) -> str: ...
    @property
    def nama(self) -> str: ...
    @property
    def nip(self) -> str: ...
    @property
    def pangkat(self) -> str: ...


@dataclass(frozen=True)
class SignatureBlock:
    """The wrapped lines of one signature block and the width they were set in."""

    lines: tuple[TextLine, ...]
    width: float
    gap: float = GAP_ABOVE

    @property
    def height(self) -> float:
        """Height including the gap kept above the block."""
        return self.gap + height_of(self.lines)

    def draw(self, c: Canvas, right: float, top: float) -> None:
        """Draw against the right edge `right`, `gap` under `top` (y up)."""
        draw_lines(c, self.lines, right - self.width, top - self.gap, self.width)


def signature_block(
    signer: Signer,
    kota: str,
    tanggal: date,
    content_width: float,
    *,
    compact: bool = False,
) -> SignatureBlock:
    """The block for `signer`, 85 mm wide (less on narrow pages); `compact`
    keeps less room above it and to sign (18 mm), to finish a page with it."""
    width = min(BLOCK_WIDTH, content_width * 0.45)
    lines = paragraph(format_tempat_tanggal(kota.strip(), tanggal), _BODY, width)
    jabatan = signer.jabatan.strip().upper()
    if jabatan:
        lines += paragraph(f"{jabatan},", _BODY, width)
    space = SIGN_SPACE_COMPACT if compact else SIGN_SPACE
    lines.append(TextLine("", _BODY.with_(leading=space)))
    nama = signer.nama.strip()
    if nama:
        lines += paragraph(nama, _NAME, width)
    else:
        lines.append(TextLine(_BLANK_NAME, _BODY))
    if signer.pangkat.strip():
        lines += paragraph(signer.pangkat.strip(), _BODY, width)
    if signer.nip.strip():
        lines += paragraph(f"NIP. {format_nip(signer.nip)}", _BODY, width)
    return SignatureBlock(tuple(lines), width, GAP_ABOVE_COMPACT if compact else GAP_ABOVE)
