"""The footer of every printed page: what the document is, "Hal. x dari y" and a QR code.

Generic: the caller says what its footers print (`FooterInfo`: a bold title
line, a small line under it, the QR payload, and the name of the book the
page may belong to). The payload's last `|` field is printed as "Kode isi",
so that a signed paper can be matched later to the exact record (the SOP's
footer is made in `exchange.pdf.sop.footer`). The QR code is drawn once per
document as a PDF form and placed on each of its pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.page import FOOTER_QR, MM, PageSettings

from .fonts import SANS, SANS_BOLD
from .text import Style, width_of

QR_SIZE = FOOTER_QR  # the footer fills core.page's FOOTER_BAND: the QR code and a gap above
QR_QUIET = 3 * MM  # clear space right of the QR code (a scanner needs 4 modules)

_LABEL = Style(SANS_BOLD, 7.5, 9)
_SMALL = Style(SANS, 6.5, 8)
_PAGE = Style(SANS, 8, 10)


@dataclass(frozen=True)
class FooterInfo:
    """What one document's footers print; `form_name` names its QR form in the PDF.

    `title` is the bold first line ("SOP Nomor …"), `subtitle` the small line
    under it; `payload` is the text in the QR code, its last `|` field printed
    as "Kode isi"; `book` names the book whose page number a page in a book
    also prints ("Buku SOP hlm. 12").
    """

    title: str
    subtitle: str
    payload: str
    form_name: str
    book: str


@lru_cache(maxsize=512)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light module matrix of `payload` (error correction M, the version
    and mask the standard picks), by segno: pure Python, several times quicker
    to import than reportlab's barcode package and quicker to encode."""
    code = segno.make_qr(payload, error="m", boost_error=False)
    return tuple(tuple(bool(m) for m in row) for row in code.matrix)


def define_qr_form(c: Canvas, info: FooterInfo) -> None:
    """Draw the QR code once as a form: modules in a QR_SIZE square at the origin."""
    modules = qr_modules(info.payload)
    count = len(modules)
    cell = QR_SIZE / count
    c.beginForm(info.form_name, 0, 0, QR_SIZE, QR_SIZE)
    c.setFillColor(black)
    for r, row in enumerate(modules):
        col = 0
        while col < count:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < count and row[col]:
                col += 1
            y = QR_SIZE - (r + 1) * cell
            c.rect(start * cell, y, (col - start) * cell, cell * 1.02, stroke=0, fill=1)
    c.endForm()


def draw_footer(
    c: Canvas,
    settings: PageSettings,
    info: FooterInfo,
    page: int,
    pages: int,
    *,
    book_page: int | None = None,
) -> None:
    """The footer band of one page (reportlab coordinates, y up).

    `page` / `pages` count the document's own pages; in a book, `book_page` (the
    page's number in the whole book, as the daftar isi cites it) is printed
    as well.
    """
    width, _height = settings.size
    left, right = settings.margin_left, width - settings.margin_right
    y0 = settings.margin_bottom
    c.saveState()
    c.translate(left, y0)
    c.doForm(info.form_name)
    c.restoreState()
    x = left + QR_SIZE + QR_QUIET
    avail = right - x - width_of("Hal. 999 dari 999", _PAGE) - 6 * MM
    c.setFillColor(black)
    c.setFont(_LABEL.font, _LABEL.size)
    c.drawString(x, y0 + QR_SIZE - 8, _fit(info.title, _LABEL, avail))
    c.setFont(_SMALL.font, _SMALL.size)
    c.drawString(x, y0 + QR_SIZE - 17, _fit(info.subtitle, _SMALL, avail))
    code = info.payload.rsplit("|", 1)[-1]
    c.drawString(x, y0 + QR_SIZE - 25, f"Kode isi {code}")
    c.setFont(_PAGE.font, _PAGE.size)
    c.drawRightString(right, y0 + QR_SIZE - 8, f"Hal. {page} dari {pages}")
    if book_page is not None:
        c.setFont(_SMALL.font, _SMALL.size)
        c.drawRightString(right, y0 + QR_SIZE - 17, f"{info.book} hlm. {book_page}")


def _fit(text: str, style: Style, width: float) -> str:
    """`text` cut with an ellipsis so it fits on one line of `width`."""
    if width_of(text, style) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if width_of(text[:mid].rstrip() + "…", style) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"
