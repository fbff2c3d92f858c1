"""One SOP as a printed PDF: identity sheet, flowchart, optional Lembar Kerja.

Every page of an SOP is planned before anything is drawn (the swimlane layout,
the identity sheet's lists, the signature block, the Lembar Kerja), so the page
count is known and each footer can say "Hal. x dari y" in one pass. The same
plan is drawn into single-SOP files and into the Buku SOP (`book.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.layout import layout_sop
from kinerja_desktop.core.layout.primitives import LayoutPage, SwimlaneLayout
from kinerja_desktop.core.layout.render import display_page
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.page import PageSettings
from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.lembar_kerja import derive_lembar_kerja

from ..fonts import measure
from ..footer import FooterInfo, define_qr_form, draw_footer
from ..frame import Frame, PageDraw, frame_of, settings_for
from ..output import new_canvas, write_atomically
from ..signature import SignatureBlock, signature_block
from .footer import footer_info
from .identity import plan_identity
from .painter import draw_display_page
from .worksheet import plan_worksheet

IDENTITAS = "Bagian Identitas"
FLOWCHART = "Bagian Flowchart"
LEMBAR_KERJA = "Lembar Kerja Identifikasi Kegiatan"


@dataclass(frozen=True)
class PdfOptions:
    """How to print.

    `kertas`: "A4" or "F4" (215 × 330 mm); landscape unless `tegak`.
    `lembar_kerja`: add the Lembar Kerja Identifikasi Kegiatan to every SOP
    (an SOP whose `lembar_kerja.cetak` is set gets it anyway).
    `tanggal_ttd`: the date in the signature blocks (None = the date the SOP
    was ratified, see `signing_date`).
    """

    kertas: str = "F4"
    tegak: bool = False
    lembar_kerja: bool = False
    tanggal_ttd: date | None = None


DEFAULT_OPTIONS = PdfOptions()


@dataclass(frozen=True)
class SopPlan:
    """Every page of one SOP, ready to draw; `sections` are (title, first page index)."""

    key: str
    settings: PageSettings
    pages: tuple[PageDraw, ...]
    sections: tuple[tuple[str, int], ...]
    footer: FooterInfo
    notices: tuple[str, ...]

    @property
    def page_count(self) -> int:
        return len(self.pages)


def plan_sop(
    doc: SopDocument, office: OfficeProfile, options: PdfOptions, key: str = "sop"
) -> SopPlan:
    """Lay out every page of `doc`; `key` keeps PDF names unique within one file."""
    settings = settings_for(options.kertas, options.tegak)
    tanggal = signing_date(doc, options)
    frame = frame_of(settings)
    pages = list(plan_identity(doc, office, settings))
    sections = [(IDENTITAS, 0)]
    kota = signing_town(doc, office)
    sig, layout = _signed_layout(doc, settings, kota, tanggal)
    sections.append((FLOWCHART, len(pages)))
    pages += _flow_pages(layout.pages, sig, frame)
    if options.lembar_kerja or doc.lembar_kerja.cetak:
        sections.append((LEMBAR_KERJA, len(pages)))
        lk = derive_lembar_kerja(doc, _office_name(doc, office))
        pages += plan_worksheet(doc, lk, kota, settings, tanggal)
    return SopPlan(
        key=key,
        settings=settings,
        pages=tuple(pages),
        sections=tuple(sections),
        footer=footer_info(doc, key),
        notices=tuple(layout.notices),
    )


def _signed_layout(
    doc: SopDocument, settings: PageSettings, kota: str, tanggal: date
) -> tuple[SignatureBlock, SwimlaneLayout]:
    """The flowchart laid out with room for the signature under its last page; a
    compact signature block when that saves a page."""
    width = frame_of(settings).width
    sig = signature_block(doc.pengesahan, kota, tanggal, width)
    layout = layout_sop(doc, settings, measure, last_page_reserve=sig.height)
    if len(layout.pages) > 1:
        tight = signature_block(doc.pengesahan, kota, tanggal, width, compact=True)
        shorter = layout_sop(doc, settings, measure, last_page_reserve=tight.height)
        if len(shorter.pages) < len(layout.pages):
            return tight, shorter
    return sig, layout


def signing_date(doc: SopDocument, options: PdfOptions) -> date:
    """The date under the signature: the one asked for, else the day the SOP was
    ratified (tanggal efektif, else revisi, else pembuatan), else today."""
    for value in (
        options.tanggal_ttd,
        doc.tanggal_efektif,
        doc.tanggal_revisi,
        doc.tanggal_pembuatan,
    ):
        if value is not None:
            return value
    return date.today()


def signing_town(doc: SopDocument, office: OfficeProfile) -> str:
    """The town before the date: the office's own, but none for an SOP printed
    under another office's heading (`doc.kop`), whose town is not known."""
    if any(line.strip() for line in doc.kop):
        return ""
    return office.kota_ttd.strip()


def _office_name(doc: SopDocument, office: OfficeProfile) -> str:
    """The office an SOP belongs to: its own kop below the government line, else ours."""
    kop = [line.strip() for line in doc.kop if line.strip()]
    if kop:
        return " ".join(kop[1:]) or kop[0]
    return office.nama_kantor


def _flow_pages(
    layout_pages: list[LayoutPage], sig: SignatureBlock, frame: Frame
) -> list[PageDraw]:
    """One drawing per layout page; the signature block under the table on the
    last page (the layout kept room for it there), or on a page of its own in
    the one case the layout cannot help: a last row that fills a page alone."""
    out: list[PageDraw] = [_flow_draw(page, None, frame, 0.0) for page in layout_pages[:-1]]
    if layout_pages:
        last = layout_pages[-1]
        below = last.height - _lowest_point(last)
        fits = below - sig.height >= frame.bottom
        out.append(_flow_draw(last, sig if fits else None, frame, below))
        if fits:
            return out
    out.append(_signature_page(sig, frame))
    return out


def _lowest_point(page: LayoutPage) -> float:
    """The lowest point the layout drew on (y down)."""
    bottoms = [off.rect.bottom for off in page.offpages]
    bottoms += [box.rect.bottom for box in page.boxes]
    bottoms += [ln.a[1] for ln in page.lines] + [ln.b[1] for ln in page.lines]
    bottoms += [p[1] for conn in page.connectors for p in conn.points]
    bottoms += [t.y + t.size * 0.3 for t in page.texts]
    if page.table_rect is not None:
        bottoms.append(page.table_rect.bottom)
    return max(bottoms, default=0.0)


def _flow_draw(
    page: LayoutPage, sig: SignatureBlock | None, frame: Frame, below: float
) -> PageDraw:
    def draw(c: Canvas) -> None:
        draw_display_page(c, display_page(page, measure))
        if sig is not None:
            sig.draw(c, frame.right, below)

    return draw


def _signature_page(sig: SignatureBlock, frame: Frame) -> PageDraw:
    def draw(c: Canvas) -> None:
        sig.draw(c, frame.right, frame.top)

    return draw


def render_plan(
    c: Canvas,
    plan: SopPlan,
    *,
    book_page: int | None = None,
    outline_level: int = 0,
) -> None:
    """Draw every page of `plan` with its footer, bookmarks and outline entries.

    `book_page` is the book's number of the plan's first page (None outside a
    book); outline entries for the sections go at `outline_level`.
    """
    c.setPageSize(plan.settings.size)
    define_qr_form(c, plan.footer)
    starts = {index: title for title, index in plan.sections}
    total = plan.page_count
    for i, draw in enumerate(plan.pages):
        if i in starts:
            key = f"{plan.key}-p{i}"
            c.bookmarkPage(key)
            c.addOutlineEntry(starts[i], key, outline_level, closed=True)
        draw(c)
        number = None if book_page is None else book_page + i
        draw_footer(c, plan.settings, plan.footer, i + 1, total, book_page=number)
        c.showPage()


def write_sop_pdf(
    doc: SopDocument,
    office: OfficeProfile,
    path: Path,
    options: PdfOptions = DEFAULT_OPTIONS,
    *,
    notices: list[str] | None = None,
) -> int:
    """Write `doc` as a PDF at `path` (atomically); returns the number of pages.

    When a list is given as `notices`, what the layout had to tell the user
    (text shrunk to fit many lanes, …; Indonesian) is appended to it.
    """
    plan = plan_sop(doc, office, options)
    if notices is not None:
        notices.extend(plan.notices)

    def produce(filename: str) -> None:
        title = f"SOP {doc.nomor} {doc.judul}".strip()
        c = new_canvas(filename, plan.settings.size, title, office.nama_kantor)
        render_plan(c, plan)
        c.showOutline()
        c.save()

    write_atomically(Path(path), produce)
    return plan.page_count
