"""The Buku SOP: every SOP of the office (or a chosen set) in one PDF.

A cover (office heading, "STANDAR OPERASIONAL PROSEDUR", year), a daftar isi
with dotted leaders and page numbers, then each SOP exactly as printed alone
(its own "Hal. x dari y" footers, plus the book page number). Each SOP gets a
bookmark in the PDF outline, with its parts below it.

The daftar isi comes first but its numbers are known only once the SOPs are
laid out; each number is therefore drawn as a small PDF form that is filled
in after the last SOP (the daftar isi's own length is known in advance). Each
SOP is laid out once and drawn straight away, so memory stays flat however
many SOPs the book holds.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.page import MM, PageSettings, page_settings, verso_shift
from kinerja_desktop.core.sop import SopDocument

from ..fonts import SANS, SANS_BOLD
from ..frame import Frame, frame_of
from ..heading import logo_image, office_heading_lines
from ..output import PdfCancelledError, new_canvas, write_atomically
from ..text import CENTER, Style, TextLine, draw_lines, height_of, paragraph, width_of
from .document import DEFAULT_OPTIONS, PdfOptions, plan_sop, render_plan

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

TOC_TITLE = Style(SANS_BOLD, 13, 18, CENTER)
TOC_HEAD = Style(SANS_BOLD, 9.5, 12)
TOC_BODY = Style(SANS, 9.5, 12)
TOC_GAP = 3.0
NUMBER_BOX = 40.0
NOMOR_GAP = 10.0  # between the Nomor SOP and the Judul SOP columns
TOC_MAX_WIDTH = 190 * MM  # room kept for a page number at the right of each entry


@dataclass(frozen=True)
class _Entry:
    index: int
    no: TextLine
    nomor: tuple[TextLine, ...]
    judul: tuple[TextLine, ...]

    @property
    def height(self) -> float:
        return max(height_of(self.nomor), height_of(self.judul)) + TOC_GAP


@dataclass(frozen=True)
class _Columns:
    no: float
    nomor: float
    judul: float
    judul_w: float
    right: float


def write_book_pdf(
    docs: Sequence[SopDocument],
    office: OfficeProfile,
    path: Path,
    options: PdfOptions = DEFAULT_OPTIONS,
    *,
    tahun: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    notices: list[str] | None = None,
    drafts: Collection[int] = (),
) -> int:
    """Write the Buku SOP of `docs` at `path` (atomically); returns its page count.

    The pages of the SOPs whose indexes are in `drafts` (printed despite
    kesalahan) carry the DRAF mark.

    `tahun` is printed on the cover (default: the signature date's year).
    `progress(done, total)` is called after each SOP; when `cancelled()` turns
    true the work stops with PdfCancelledError and nothing is written. The
    layout's notices, each prefixed with the SOP's nomor, are appended to
    `notices` when a list is given.
    """
    if not docs:
        raise ValidationError("Tidak ada SOP yang dipilih untuk Buku SOP.")
    book = _Book(list(docs), office, options, progress, cancelled)
    book.notices = notices
    book.drafts = frozenset(drafts)
    year = tahun or (options.tanggal_ttd or date.today()).year
    total = 0

    def produce(filename: str) -> None:
        nonlocal total
        title = "Buku Standar Operasional Prosedur"
        c = new_canvas(filename, book.settings.size, title, office.nama_kantor)
        total = book.draw(c, year)
        c.showOutline()
        c.save()

    write_atomically(Path(path), produce)
    return total


class _Book:
    """One Buku SOP being drawn: its geometry, daftar isi and SOPs."""

    def __init__(
        self,
        docs: list[SopDocument],
        office: OfficeProfile,
        options: PdfOptions,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.docs, self.office, self.options = docs, office, options
        self.progress, self.cancelled = progress, cancelled
        self.notices: list[str] | None = None
        self.drafts: frozenset[int] = frozenset()
        self.settings = page_settings(options.kertas, options.tegak, options.jilid)
        self.frame = frame_of(self.settings)
        self.toc_frame = toc_frame_of(self.frame)
        self.cols = _columns(self.toc_frame, [d.nomor.strip() or "-" for d in docs])
        entries = [_entry(i, d, self.cols) for i, d in enumerate(docs)]
        self.toc_pages = _paginate_toc(entries, self.toc_frame)

    def draw(self, c: Canvas, year: int) -> int:
        """Cover, daftar isi, every SOP, then the daftar isi's numbers; returns pages."""
        _outline(c, "sampul", "Sampul")
        _draw_cover(c, self.office, cover_frame(self.settings), year, len(self.docs))
        c.showPage()
        for n, entries in enumerate(self.toc_pages):
            if n == 0:
                _outline(c, "daftar-isi", "Daftar Isi")
            c.saveState()
            c.translate(verso_shift(self.settings, self.options.jilid, 2 + n), 0)
            _draw_toc_page(c, entries, self.toc_frame, self.cols, n)
            c.restoreState()
            c.showPage()
        starts = self._draw_sops(c, 2 + len(self.toc_pages))
        for i, start in enumerate(starts[:-1]):
            _define_number(c, i, start)
        return starts[-1] - 1

    def _check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise PdfCancelledError()

    def _draw_sops(self, c: Canvas, first_page: int) -> list[int]:
        """Draw every SOP; returns each one's first book page, plus the page after the last."""
        starts = [first_page]
        for i, doc in enumerate(self.docs):
            self._check_cancel()
            options = replace(self.options, draf=True) if i in self.drafts else self.options
            plan = plan_sop(doc, self.office, options, key=f"s{i}")
            if self.notices is not None:
                self.notices.extend(f"SOP {doc.nomor.strip() or i + 1}: {n}" for n in plan.notices)
            _outline(c, plan.key, _title(doc))
            render_plan(c, plan, book_page=starts[-1], outline_level=1)
            starts.append(starts[-1] + plan.page_count)
            if self.progress is not None:
                self.progress(i + 1, len(self.docs))
        self._check_cancel()
        return starts


def _title(doc: SopDocument) -> str:
    judul = doc.judul.strip() or "(tanpa judul)"
    return f"{doc.nomor.strip()} — {judul}" if doc.nomor.strip() else judul


def _outline(c: Canvas, key: str, title: str) -> None:
    c.bookmarkPage(key)
    c.addOutlineEntry(title, key, 0, closed=True)


# -- cover ------------------------------------------------------------------------------


def cover_frame(settings: PageSettings) -> Frame:
    """The cover has no footer: its frame keeps the same margin at the foot of the
    page as at its top, so that it sits in the middle of the sheet."""
    width, height = settings.size
    return Frame(
        left=settings.margin_left,
        right=width - settings.margin_right,
        top=height - settings.margin_top,
        bottom=settings.margin_top,
    )


def _draw_cover(c: Canvas, office: OfficeProfile, frame: Frame, year: int, count: int) -> None:
    """Double frame; logo and office; the title; the year; the address."""
    c.setLineWidth(2.2)
    c.rect(frame.left, frame.bottom, frame.width, frame.height)
    c.setLineWidth(0.6)
    inset = 2.2 * MM
    c.rect(
        frame.left + inset, frame.bottom + inset, frame.width - 2 * inset, frame.height - 2 * inset
    )
    inner = frame.width - 30 * MM
    x = frame.left + 15 * MM
    top = frame.top - 12 * MM
    logo = logo_image(office.logo_png)
    if logo is not None:
        iw, ih = logo.getSize()
        lh = 30 * MM
        lw = lh * iw / max(ih, 1)
        c.drawImage(logo, frame.left + frame.width / 2 - lw / 2, top - lh, lw, lh, mask="auto")
        top -= lh + 6 * MM
    office_style = Style(SANS_BOLD, 16, 21, CENTER)
    lines = [ln for t in office_heading_lines(office) for ln in paragraph(t, office_style, inner)]
    top = draw_lines(c, lines, x, top, inner)
    title = paragraph("STANDAR OPERASIONAL PROSEDUR", Style(SANS_BOLD, 26, 33, CENTER), inner)
    sub = paragraph("ADMINISTRASI PEMERINTAHAN", Style(SANS, 15, 20, CENTER), inner)
    block = height_of(title) + height_of(sub)
    middle = (top + frame.bottom) / 2 + block / 2
    y = draw_lines(c, title + sub, x, middle, inner)
    draw_lines(
        c, paragraph(f"TAHUN {year}", Style(SANS_BOLD, 16, 21, CENTER), inner), x, y - 8 * MM, inner
    )
    foot = [f"Memuat {count} SOP"] + ([office.alamat.strip()] if office.alamat.strip() else [])
    foot_lines = [ln for t in foot for ln in paragraph(t, Style(SANS, 10, 13, CENTER), inner)]
    draw_lines(c, foot_lines, x, frame.bottom + 10 * MM + height_of(foot_lines), inner)


# -- daftar isi -------------------------------------------------------------------------


def toc_frame_of(frame: Frame) -> Frame:
    """The daftar isi is set at most 190 mm wide, centred: long dotted leaders
    across a landscape page are hard to follow."""
    width = min(frame.width, TOC_MAX_WIDTH)
    left = frame.left + (frame.width - width) / 2
    return Frame(left, left + width, frame.top, frame.bottom)


def _columns(frame: Frame, nomors: list[str]) -> _Columns:
    """The daftar isi's columns; the Nomor SOP column as wide as the longest nomor
    (so that no nomor is broken), within a fifth and a third of the width."""
    no_w = width_of("000.", TOC_HEAD) + 6
    widest = max((width_of(n, TOC_BODY) for n in nomors), default=0.0) + NOMOR_GAP
    least = max(frame.width * 0.2, width_of("Nomor SOP", TOC_HEAD) + NOMOR_GAP)
    nomor_w = min(max(least, widest), frame.width * 0.34)
    judul_x = frame.left + no_w + nomor_w
    return _Columns(
        no=frame.left,
        nomor=frame.left + no_w,
        judul=judul_x,
        judul_w=frame.right - NUMBER_BOX - judul_x,
        right=frame.right,
    )


def _entry(index: int, doc: SopDocument, cols: _Columns) -> _Entry:
    return _Entry(
        index=index,
        no=TextLine(f"{index + 1}.", TOC_BODY),
        nomor=tuple(
            paragraph(doc.nomor.strip() or "-", TOC_BODY, cols.judul - cols.nomor - NOMOR_GAP)
        ),
        judul=tuple(paragraph(doc.judul.strip() or "(tanpa judul)", TOC_BODY, cols.judul_w - 12)),
    )


def _header_height() -> float:
    return TOC_TITLE.leading + 4 * MM + TOC_HEAD.leading + TOC_GAP * 2


def _paginate_toc(entries: list[_Entry], frame: Frame) -> list[list[_Entry]]:
    pages: list[list[_Entry]] = [[]]
    room = frame.height - _header_height()
    for entry in entries:
        if entry.height > room and pages[-1]:
            pages.append([])
            room = frame.height - _header_height()
        pages[-1].append(entry)
        room -= entry.height
    return pages


def _draw_toc_page(c: Canvas, entries: list[_Entry], frame: Frame, cols: _Columns, n: int) -> None:
    title = "DAFTAR ISI" if n == 0 else "DAFTAR ISI (lanjutan)"
    top = draw_lines(c, [TextLine(title, TOC_TITLE)], frame.left, frame.top, frame.width) - 4 * MM
    c.setFont(TOC_HEAD.font, TOC_HEAD.size)
    base = top - TOC_HEAD.size
    c.drawString(cols.no, base, "No.")
    c.drawString(cols.nomor, base, "Nomor SOP")
    c.drawString(cols.judul, base, "Judul SOP")
    c.drawRightString(cols.right, base, "Halaman")
    top -= TOC_HEAD.leading + TOC_GAP
    c.setLineWidth(0.6)
    c.line(frame.left, top, frame.right, top)
    top -= TOC_GAP
    for entry in entries:
        _draw_entry(c, entry, cols, top)
        top -= entry.height


def _draw_entry(c: Canvas, entry: _Entry, cols: _Columns, top: float) -> None:
    draw_lines(c, [entry.no], cols.no, top, cols.nomor - cols.no)
    draw_lines(c, entry.nomor, cols.nomor, top, cols.judul - cols.nomor)
    draw_lines(c, entry.judul, cols.judul, top, cols.judul_w)
    last = entry.judul[-1]
    last_top = top - height_of(entry.judul[:-1])
    base = last_top - (last.style.leading - last.style.size) / 2 - 0.8 * last.style.size
    start = cols.judul + width_of(last.text, last.style) + 4
    end = cols.right - NUMBER_BOX + 8
    if end > start:
        c.saveState()
        c.setLineCap(1)
        c.setLineWidth(0.9)
        c.setDash(0.01, 3)
        c.line(start, base + 1, end, base + 1)
        c.restoreState()
    c.saveState()
    c.translate(cols.right, base)
    c.doForm(_number_form(entry.index))
    c.restoreState()
    c.linkAbsolute(
        "", f"s{entry.index}", (cols.no, top - entry.height, cols.right, top), thickness=0
    )


def _number_form(index: int) -> str:
    return f"toc-{index}"


def _define_number(c: Canvas, index: int, page: int) -> None:
    """The page number of daftar isi entry `index`, right-aligned at the form origin."""
    c.beginForm(_number_form(index), -NUMBER_BOX, -4, 0, 14)
    c.setFont(TOC_BODY.font, TOC_BODY.size)
    c.drawRightString(0, 0, str(page))
    c.endForm()
