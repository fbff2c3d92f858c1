"""The footer of every page: nomor SOP, revision, "Hal. x dari y" and a QR code.

The QR code holds `SOP|<nomor>|rev <n>|<short hash>` so a signed paper can be
matched later to the exact record (`core.sop.serialize.short_hash`). It is drawn
once per SOP as a PDF form and placed on each of its pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.layout.page import MM, PageSettings
from kinerja_desktop.core.sop import SopDocument, serialize

from .fonts import SANS, SANS_BOLD
from .text import Style, width_of

QR_SIZE = 13 * MM
FOOTER_GAP = 3 * MM
QR_QUIET = 3 * MM  # clear space right of the QR code (a scanner needs 4 modules)
FOOTER_HEIGHT = QR_SIZE + FOOTER_GAP
"""The band kept free above the bottom margin (`PageSettings.reserve_bottom`)."""

_LABEL = Style(SANS_BOLD, 7.5, 9)
_SMALL = Style(SANS, 6.5, 8)
_PAGE = Style(SANS, 8, 10)


@dataclass(frozen=True)
class FooterInfo:
    """What one SOP's footers print; `form_name` names its QR form in the PDF."""

    nomor: str
    revisi_ke: int
    judul: str
    payload: str
    form_name: str


def qr_payload(doc: SopDocument) -> str:
    """The text inside the QR code: 'SOP|<nomor>|rev <n>|<short hash>'."""
    return f"SOP|{doc.nomor.strip()}|rev {doc.revisi_ke}|{serialize.short_hash(doc)}"


def footer_info(doc: SopDocument, key: str) -> FooterInfo:
    return FooterInfo(
        nomor=doc.nomor.strip() or "-",
        revisi_ke=doc.revisi_ke,
        judul=doc.judul.strip(),
        payload=qr_payload(doc),
        form_name=f"qr-{key}",
    )


def qr_modules(payload: str) -> list[list[bool]]:
    """The dark/light module matrix of `payload` (error correction M)."""
    widget = QrCodeWidget(payload, barLevel="M")
    widget.qr.make()
    return [[bool(m) for m in row] for row in widget.qr.modules]


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

    `page` / `pages` count the SOP's own pages; in a book, `book_page` (the
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
    c.drawString(x, y0 + QR_SIZE - 8, _fit(f"SOP Nomor {info.nomor}", _LABEL, avail))
    c.setFont(_SMALL.font, _SMALL.size)
    c.drawString(
        x, y0 + QR_SIZE - 17, _fit(f"Revisi ke-{info.revisi_ke} · {info.judul}", _SMALL, avail)
    )
    code = info.payload.rsplit("|", 1)[-1]
    c.drawString(x, y0 + QR_SIZE - 25, f"Kode isi {code}")
    c.setFont(_PAGE.font, _PAGE.size)
    c.drawRightString(right, y0 + QR_SIZE - 8, f"Hal. {page} dari {pages}")
    if book_page is not None:
        c.setFont(_SMALL.font, _SMALL.size)
        c.drawRightString(right, y0 + QR_SIZE - 17, f"Buku SOP hlm. {book_page}")


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
