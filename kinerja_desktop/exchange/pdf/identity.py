"""The identity sheet (Bagian Identitas) of an SOP, as in the official format.

One framed table. Top: at left the logo and the heading of the government and
office in bold capitals; at right the boxed identity list — Nomor SOP, the
three dates, Disahkan Oleh (jabatan, room to sign, name bold and underlined,
pangkat, NIP) and Judul SOP. Below, two columns of numbered lists: Dasar Hukum
| Kualifikasi Pelaksana; Keterkaitan | Peralatan/Perlengkapan; Peringatan |
Pencatatan dan Pendataan; then Identifikasi Risiko across both columns when it
has entries. Lists too long for one page continue on the next, their headings
repeated with "(lanjutan)".
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.core.layout.page import MM, PageSettings
from kinerja_desktop.core.nip import format_nip
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.sop import SopDocument

from .fonts import SANS, SANS_BOLD, SANS_ITALIC
from .frame import Frame, PageDraw, frame_of
from .table import (
    MIDDLE,
    PAD_X,
    PAD_Y,
    Cell,
    Row,
    draw_rows,
    make_row,
    split_lines,
    text_cell,
)
from .text import CENTER, Style, TextLine, draw_lines, height_of, numbered, paragraph, width_of

BODY = Style(SANS, 9, 11.2)
BOLD = Style(SANS_BOLD, 9, 11.2)
JUDUL = Style(SANS_BOLD, 10, 12.5)
HEADING = Style(SANS_BOLD, 14, 17.5, CENTER)
CENTERED = Style(SANS, 9, 11.2, CENTER)
NAME = Style(SANS_BOLD, 9, 11.2, CENTER, underline=True)
NOTE = Style(SANS_ITALIC, 8.5, 11)
SIGN_ROOM = 17 * MM
LOGO_HEIGHT = 24 * MM
MIN_LINES = 2  # a list continues on the next page rather than leave fewer lines here

PAIRS = (
    ("dasar_hukum", "kualifikasi_pelaksana"),
    ("keterkaitan", "peralatan_perlengkapan"),
    ("peringatan", "pencatatan_pendataan"),
)


@dataclass
class _Section:
    """One band of lists: headings and lines for one or two columns."""

    headings: list[str]
    lines: list[list[TextLine]]
    cells: list[tuple[float, float]]  # (x, w) per column


def heading_lines(doc: SopDocument, office: OfficeProfile) -> list[str]:
    """The heading at left: the SOP's own kop, else the office profile's."""
    lines = [t.strip() for t in doc.kop if t.strip()]
    if not lines:
        lines = [t.strip() for t in (office.pemerintah, office.nama_kantor) if t.strip()]
    return [t.upper() for t in lines]


def heading_logo(doc: SopDocument, office: OfficeProfile) -> bytes | None:
    """The office's logo, only under the office's own heading: an SOP carrying
    another office's kop is never printed with this office's emblem."""
    if any(t.strip() for t in doc.kop):
        return None
    return office.logo_png


def plan_identity(
    doc: SopDocument, office: OfficeProfile, settings: PageSettings
) -> list[PageDraw]:
    """The identity sheet as one or more planned pages."""
    frame = frame_of(settings)
    split = frame.left + frame.width / 2
    top_rows = _identity_rows(doc, split, frame)
    left_cell = _LeftCell(heading_lines(doc, office), heading_logo(doc, office), frame.left, split)
    top_height = sum(r.height for r in top_rows)
    sections = _sections(doc, frame, split)
    pages = _paginate(sections, frame.height - top_height, frame.height - NOTE.leading)
    first_rows = pages[0]
    _stretch(first_rows, frame.height - top_height - sum(r.height for r in first_rows))

    def first(c: Canvas) -> None:
        left_cell.draw(c, frame.top, top_height)
        bottom = draw_rows(c, top_rows, frame.top)
        draw_rows(c, first_rows, bottom)

    draws: list[PageDraw] = [first]
    for rows in pages[1:]:
        draws.append(_continuation(doc, frame, rows))
    return draws


def _continuation(doc: SopDocument, frame: Frame, rows: list[Row]) -> PageDraw:
    note = paragraph(f"Bagian Identitas (lanjutan) — {doc.judul.strip()}", NOTE, frame.width)[:1]

    def draw(c: Canvas) -> None:
        top = draw_lines(c, note, frame.left, frame.top, frame.width)
        draw_rows(c, rows, top)

    return draw


# -- the boxed identity list --------------------------------------------------


def _identity_rows(doc: SopDocument, split: float, frame: Frame) -> list[Row]:
    label_w = max(width_of("Tanggal Pembuatan", BODY) + 2 * PAD_X + 4, (frame.right - split) * 0.3)
    vx, vw = split + label_w, frame.right - split - label_w

    def row(label: str, value: Cell, min_h: float = 0.0) -> Row:
        return make_row([text_cell(split, label_w, label, BODY, value.valign), value], min_h)

    return [
        row("Nomor SOP", text_cell(vx, vw, doc.nomor.strip() or "-", BODY)),
        row("Tanggal Pembuatan", text_cell(vx, vw, format_tanggal(doc.tanggal_pembuatan), BODY)),
        row("Tanggal Revisi", text_cell(vx, vw, format_tanggal(doc.tanggal_revisi), BODY)),
        row("Tanggal Efektif", text_cell(vx, vw, format_tanggal(doc.tanggal_efektif), BODY)),
        row("Disahkan Oleh", Cell(vx, vw, tuple(_pengesahan_lines(doc, vw - 2 * PAD_X)))),
        row("Judul SOP", text_cell(vx, vw, doc.judul.strip() or "-", JUDUL, MIDDLE), 30.0),
    ]


def _pengesahan_lines(doc: SopDocument, width: float) -> list[TextLine]:
    p = doc.pengesahan
    lines = paragraph(p.jabatan.strip() or "-", CENTERED, width)
    lines.append(TextLine("", CENTERED.with_(leading=SIGN_ROOM)))
    lines += paragraph(p.nama.strip() or "(.......................................)", NAME, width)
    if p.pangkat.strip():
        lines += paragraph(p.pangkat.strip(), CENTERED, width)
    if p.nip.strip():
        lines += paragraph(f"NIP. {format_nip(p.nip)}", CENTERED, width)
    return lines


@dataclass
class _LeftCell:
    """The logo and the heading, centred in the cell left of the identity list."""

    heading: list[str]
    logo_png: bytes | None
    left: float
    right: float

    def draw(self, c: Canvas, top: float, height: float) -> None:
        width = self.right - self.left
        c.setLineWidth(0.6)
        c.rect(self.left, top - height, width, height, stroke=1, fill=0)
        lines = [ln for t in self.heading for ln in paragraph(t, HEADING, width - 12 * MM)]
        logo = logo_image(self.logo_png)
        logo_h = LOGO_HEIGHT if logo else 0.0
        gap = 4 * MM if logo and lines else 0.0
        block = logo_h + gap + height_of(lines)
        y = top - max((height - block) / 2, PAD_Y)
        if logo:
            iw, ih = logo.getSize()
            lw = min(LOGO_HEIGHT * iw / max(ih, 1), width - 2 * PAD_X)
            lh = lw * ih / max(iw, 1)
            cx = self.left + width / 2
            c.drawImage(logo, cx - lw / 2, y - lh, lw, lh, mask="auto")
            y -= logo_h + gap
        draw_lines(c, lines, self.left + 6 * MM, y, width - 12 * MM)


@lru_cache(maxsize=8)
def _logo_cached(digest: str, data: bytes) -> ImageReader | None:
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
    except Exception:  # a damaged logo must not stop printing: draw without it
        return None
    return reader


def logo_image(data: bytes | None) -> ImageReader | None:
    """The office logo ready to draw; None when there is none or it is unreadable."""
    if not data:
        return None
    return _logo_cached(hashlib.sha1(data).hexdigest(), data)


# -- the lists ------------------------------------------------------------------


def _sections(doc: SopDocument, frame: Frame, split: float) -> list[_Section]:
    headings = {attr: heading for attr, heading, _items in doc.lists()}
    cols = [(frame.left, split - frame.left), (split, frame.right - split)]
    out: list[_Section] = []
    for pair in PAIRS:
        lines = [
            numbered(getattr(doc, a), BODY, w - 2 * PAD_X)
            for a, (_x, w) in zip(pair, cols, strict=True)
        ]
        out.append(_Section([headings[a] for a in pair], lines, cols))
    if doc.identifikasi_risiko:
        full = [(frame.left, frame.width)]
        lines = [numbered(doc.identifikasi_risiko, BODY, frame.width - 2 * PAD_X)]
        out.append(_Section([headings["identifikasi_risiko"]], lines, full))
    return out


def _header_row(section: _Section, suffix: str, remaining: list[list[TextLine]]) -> Row:
    """The headings; on a continuation only over the columns that go on."""
    columns = zip(section.headings, section.cells, remaining, strict=True)
    cells = [
        text_cell(x, w, f"{h}{suffix} :" if lines or not suffix else "", BOLD)
        for h, (x, w), lines in columns
    ]
    return make_row(cells)


def _body_row(section: _Section, lines: list[list[TextLine]]) -> Row:
    cells = [Cell(x, w, tuple(ls)) for ls, (x, w) in zip(lines, section.cells, strict=True)]
    return make_row(cells)


def _paginate(sections: list[_Section], first_room: float, room: float) -> list[list[Row]]:
    """Rows per page; a list that does not fit continues on the next page."""
    pages: list[list[Row]] = [[]]
    left = first_room
    for section in sections:
        remaining = [list(ls) for ls in section.lines]
        suffix = ""
        while True:
            header = _header_row(section, suffix, remaining)
            fit = left - header.height - 2 * PAD_Y
            line_h = max((ls[0].height for ls in remaining if ls), default=BODY.leading)
            if fit < line_h * min(MIN_LINES, max(map(len, remaining))) and pages[-1]:
                pages.append([])
                left = room
                continue
            parts = [split_lines(ls, fit) for ls in remaining]
            if not any(head for head, _tail in parts):  # not even one line fits: force one
                parts = [(ls[:1], ls[1:]) for ls in remaining]
            body = _body_row(section, [head for head, _tail in parts])
            pages[-1] += [header, body]
            left -= header.height + body.height
            remaining = [tail for _head, tail in parts]
            if not any(remaining):
                break
            pages.append([])
            left, suffix = room, " (lanjutan)"
    return pages


def _stretch(rows: list[Row], extra: float) -> None:
    """Share the unused height of the first page among its list rows (in place)."""
    bodies = list(range(1, len(rows), 2))
    if extra <= 0 or not bodies:
        return
    for i in bodies:
        rows[i] = rows[i].taller(extra / len(bodies))
