"""One SOP as a printed PDF: identity sheet, flowchart, optional Lembar Kerja.

Every page of an SOP is planned before anything is drawn (the identity sheet's
lists, the flowchart pages as display lists with their signature block
(`flowchart.py`, the same pages the screen shows), the Lembar Kerja), so the
page count is known and each footer can say "Hal. x dari y" in one pass. The
same plan is drawn into single-SOP files and into the Buku SOP (`book.py`).
The date, town and office of the signatures follow `core.sop.signing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.layout.display import DisplayPage
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.page import PageSettings, page_settings, verso_shift
from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.lembar_kerja import derive_lembar_kerja
from kinerja_desktop.core.sop.signing import (
    draft_reasons,
    office_name,
    signing_date,
    signing_town,
)

from ..footer import FooterInfo, define_qr_form, draw_footer
from ..frame import PageDraw
from ..mark import draw_draft_tag, draw_draft_watermark
from ..output import new_canvas, write_atomically
from .flowchart import flowchart
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
    was ratified, see `core.sop.signing.signing_date`).
    `draf`: mark every page "DRAF" (a draft print, or printed despite
    kesalahan); an SOP lacking its nomor or its signer's name is marked anyway
    (`core.sop.signing.draft_reasons`).
    `jilid`: binding margin, "" none, "kiri" (inner margin at left on every
    page) or "cermin" (mirrored on facing pages; see `core.page`).
    """

    kertas: str = "F4"
    tegak: bool = False
    lembar_kerja: bool = False
    tanggal_ttd: date | None = None
    draf: bool = False
    jilid: str = ""


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
    draf: bool = False
    jilid: str = ""

    @property
    def page_count(self) -> int:
        return len(self.pages)


def plan_sop(
    doc: SopDocument, office: OfficeProfile, options: PdfOptions, key: str = "sop"
) -> SopPlan:
    """Lay out every page of `doc`; `key` keeps PDF names unique within one file."""
    settings = page_settings(options.kertas, options.tegak, options.jilid)
    tanggal = signing_date(doc, options.tanggal_ttd)
    pages = list(plan_identity(doc, office, settings))
    sections = [(IDENTITAS, 0)]
    flow, _sig = flowchart(doc, office, settings, tanggal)
    sections.append((FLOWCHART, len(pages)))
    pages += [_display_draw(page) for page in flow.pages]
    if options.lembar_kerja or doc.lembar_kerja.cetak:
        sections.append((LEMBAR_KERJA, len(pages)))
        lk = derive_lembar_kerja(doc, office_name(doc, office))
        kota = signing_town(doc, office)
        pages += plan_worksheet(doc, lk, kota, settings, tanggal)
    draf = options.draf or bool(draft_reasons(doc))
    return SopPlan(
        key=key,
        settings=settings,
        pages=tuple(pages),
        sections=tuple(sections),
        footer=footer_info(doc, key, draf=draf),
        notices=tuple(flow.notices),
        draf=draf,
        jilid=options.jilid,
    )


def _display_draw(page: DisplayPage) -> PageDraw:
    def draw(c: Canvas) -> None:
        draw_display_page(c, page)

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
        number = None if book_page is None else book_page + i
        c.saveState()
        c.translate(verso_shift(plan.settings, plan.jilid, number or i + 1), 0)
        if plan.draf:
            draw_draft_watermark(c, plan.settings)
        draw(c)
        draw_footer(c, plan.settings, plan.footer, i + 1, total, book_page=number)
        if plan.draf:
            draw_draft_tag(c, plan.settings)
        c.restoreState()
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
        c = new_canvas(filename, plan.settings.size, pdf_title(doc), pdf_author(doc, office))
        render_plan(c, plan)
        c.showOutline()
        c.save()

    write_atomically(Path(path), produce)
    return plan.page_count


def pdf_title(doc: SopDocument) -> str:
    """The PDF's Title: "SOP <nomor> – <judul>" (a draft without nomor says so)."""
    nomor, judul = " ".join(doc.nomor.split()), " ".join(doc.judul.split())
    head = f"SOP {nomor}" if nomor else "SOP (draf, tanpa nomor)"
    return f"{head} – {judul}" if judul else head


def pdf_author(doc: SopDocument, office: OfficeProfile) -> str:
    """The PDF's Author: the SOP's own office (another office's kop names it)."""
    return " ".join(office_name(doc, office).split()) or office.nama_kantor
