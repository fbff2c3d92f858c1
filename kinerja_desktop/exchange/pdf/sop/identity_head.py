"""The top block of the identity sheet: heading and logo at left, the boxed list at right.

At left, the logo (only under the office's own heading) above the name of the
government and the office in bold capitals (`exchange.pdf.heading`), or the
SOP's own kop when it belongs to another office. At right, the boxed identity
list: Nomor SOP, the three dates, Disahkan Oleh (jabatan, room to sign, name
bold and underlined, pangkat, NIP) and Judul SOP. Both halves share one height:
the taller decides, and when the heading needs more room than the list, the
Judul row grows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.core.nip import format_nip
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.page import MM
from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.signing import kop_is_own

from ..fonts import SANS, SANS_BOLD
from ..frame import Frame
from ..heading import fit_heading, logo_image, office_heading_lines
from ..table import MIDDLE, PAD_X, PAD_Y, Cell, Row, draw_rows, make_row, text_cell
from ..text import CENTER, Style, TextLine, draw_lines, height_of, paragraph, width_of

BODY = Style(SANS, 9, 11.2)
JUDUL = Style(SANS_BOLD, 10, 12.5)
CENTERED = BODY.with_(align=CENTER)
NAME = Style(SANS_BOLD, 9, 11.2, CENTER, underline=True)
HEADING_INSET = 6 * MM  # the heading keeps this far from the cell's sides
LOGO_GAP = 3 * MM
MAX_SHARE = 0.7  # of the page's height: a very long judul or jabatan is cut (…) to this
MIN_KEPT = 2  # lines of judul and jabatan always kept


@dataclass(frozen=True)
class HeadFit:
    """How roomy the top block is set."""

    sign_room: float  # blank height between jabatan and name, to sign in
    judul_min: float  # least height of the Judul SOP row
    logo: float  # logo height
    heading_size: float  # size of the office heading


def heading_lines(doc: SopDocument, office: OfficeProfile) -> list[str]:
    """The heading at left: the SOP's own kop, else the office profile's."""
    return [t.strip().upper() for t in doc.kop if t.strip()] or office_heading_lines(office)


def heading_logo(doc: SopDocument, office: OfficeProfile) -> bytes | None:
    """The office's logo, only under the office's own heading (no kop, or a kop
    equal to the office's heading): another office's kop never gets our emblem."""
    return office.logo_png if kop_is_own(doc, office) else None


@dataclass(frozen=True)
class TopBlock:
    """The planned top block: the rows of the boxed list and the heading cell."""

    rows: tuple[Row, ...]
    heading: tuple[TextLine, ...]
    logo: ImageReader | None
    logo_h: float
    left: float
    split: float

    @property
    def height(self) -> float:
        return sum(r.height for r in self.rows)

    def draw(self, c: Canvas, top: float) -> float:
        """Draw the block from `top` down (y up); returns its bottom edge."""
        width = self.split - self.left
        c.setLineWidth(0.6)
        c.rect(self.left, top - self.height, width, self.height, stroke=1, fill=0)
        gap = LOGO_GAP if self.logo and self.heading else 0.0
        block = (self.logo_h if self.logo else 0.0) + gap + height_of(self.heading)
        y = top - max((self.height - block) / 2, PAD_Y)
        if self.logo:
            iw, ih = self.logo.getSize()
            lw = min(self.logo_h * iw / max(ih, 1), width - 2 * PAD_X)
            lh = lw * ih / max(iw, 1)
            c.drawImage(self.logo, self.left + width / 2 - lw / 2, y - lh, lw, lh, mask="auto")
            y -= self.logo_h + gap
        draw_lines(c, self.heading, self.left + HEADING_INSET, y, width - 2 * HEADING_INSET)
        return draw_rows(c, self.rows, top)


def top_block(doc: SopDocument, office: OfficeProfile, frame: Frame, fit: HeadFit) -> TopBlock:
    """Plan the top block across the frame's width, split in the middle."""
    split = frame.left + frame.width / 2
    heading = fit_heading(
        heading_lines(doc, office), split - frame.left - 2 * HEADING_INSET, fit.heading_size
    )
    logo = logo_image(heading_logo(doc, office))
    need = height_of(heading) + 2 * PAD_Y + (fit.logo + LOGO_GAP if logo else 0.0)
    rows = _fitting_rows(doc, split, frame, fit)
    short = need - sum(r.height for r in rows)
    if short > 0:
        rows[-1] = rows[-1].taller(short)
    return TopBlock(tuple(rows), tuple(heading), logo, fit.logo, frame.left, split)


def _fitting_rows(doc: SopDocument, split: float, frame: Frame, fit: HeadFit) -> list[Row]:
    """The identity rows, the longer of judul and jabatan cut with "…" line by
    line while the block would take more than MAX_SHARE of the page: the block
    never runs into the lists, the footer or its QR code."""
    limit = frame.height * MAX_SHARE
    keep_judul = keep_jabatan = None
    rows = _identity_rows(doc, split, frame, fit)
    while (excess := sum(r.height for r in rows) - limit) > 0:
        judul_n = len(rows[-1].cells[1].lines)
        jabatan_n = _jabatan_count(rows)
        if judul_n > MIN_KEPT and (judul_n >= jabatan_n or jabatan_n <= MIN_KEPT):
            # the longer of the two is cut first, by as many lines as are too many
            cut = min(max(1, math.ceil(excess / JUDUL.leading)), judul_n - jabatan_n or 1)
            keep_judul = max(MIN_KEPT, judul_n - cut)
        elif jabatan_n > MIN_KEPT:
            cut = min(max(1, math.ceil(excess / CENTERED.leading)), jabatan_n - judul_n or 1)
            keep_jabatan = max(MIN_KEPT, jabatan_n - cut)
        else:
            break
        rows = _identity_rows(
            doc, split, frame, fit, keep_judul=keep_judul, keep_jabatan=keep_jabatan
        )
    return rows


def _jabatan_count(rows: list[Row]) -> int:
    lines = rows[4].cells[1].lines
    return next((i for i, line in enumerate(lines) if not line.text), len(lines))


def _clipped(lines: list[TextLine], keep: int | None, width: float) -> list[TextLine]:
    """The first `keep` lines, the last ending in "…" (all when None or enough)."""
    if keep is None or len(lines) <= keep:
        return lines
    last = lines[keep - 1]
    words = last.text.split()
    while words and width_of(" ".join(words) + " …", last.style) > width:
        words.pop()
    return [*lines[: keep - 1], TextLine(" ".join([*words, "…"]), last.style, last.indent)]


def _identity_rows(
    doc: SopDocument,
    split: float,
    frame: Frame,
    fit: HeadFit,
    *,
    keep_judul: int | None = None,
    keep_jabatan: int | None = None,
) -> list[Row]:
    label_w = max(width_of("Tanggal Pembuatan", BODY) + 2 * PAD_X + 4, (frame.right - split) * 0.3)
    vx, vw = split + label_w, frame.right - split - label_w

    def row(label: str, value: Cell, min_h: float = 0.0) -> Row:
        return make_row([text_cell(split, label_w, label, BODY, value.valign), value], min_h)

    sign = _pengesahan_lines(doc, vw - 2 * PAD_X, fit.sign_room, keep_jabatan)
    judul = _clipped(
        paragraph(doc.judul.strip() or "-", JUDUL, vw - 2 * PAD_X), keep_judul, vw - 2 * PAD_X
    )
    return [
        row("Nomor SOP", text_cell(vx, vw, doc.nomor.strip() or "-", BODY)),
        row("Tanggal Pembuatan", text_cell(vx, vw, format_tanggal(doc.tanggal_pembuatan), BODY)),
        row("Tanggal Revisi", text_cell(vx, vw, format_tanggal(doc.tanggal_revisi), BODY)),
        row("Tanggal Efektif", text_cell(vx, vw, format_tanggal(doc.tanggal_efektif), BODY)),
        row("Disahkan Oleh", Cell(vx, vw, tuple(sign))),
        row("Judul SOP", Cell(vx, vw, tuple(judul), MIDDLE), fit.judul_min),
    ]


def _pengesahan_lines(
    doc: SopDocument, width: float, room: float, keep: int | None = None
) -> list[TextLine]:
    p = doc.pengesahan
    lines = _clipped(paragraph(p.jabatan.strip() or "-", CENTERED, width), keep, width)
    lines.append(TextLine("", CENTERED.with_(leading=room)))
    lines += paragraph(p.nama.strip() or "(.......................................)", NAME, width)
    if p.pangkat.strip():
        lines += paragraph(p.pangkat.strip(), CENTERED, width)
    if p.nip.strip():
        lines += paragraph(f"NIP. {format_nip(p.nip)}", CENTERED, width)
    return lines
