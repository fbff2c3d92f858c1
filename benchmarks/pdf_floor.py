"""The floor of `pdf_benchmark.py`: plain reportlab platypus printing the same pages.

For every SOP the same number of pages the application prints, with the same
words on them, set the plainest way reportlab offers: the identity sheet as
a platypus Table of its fields and lists, the flowchart as a Table of the
step rows (No, Uraian, one empty cell per lane, Mutu Baku, Keterangan, the
header repeated, a page break where the application breaks), the Lembar
Kerja as a Table, and on every page a footer line "Hal. x dari y". No
symbols, no connectors, no QR code: what is left is the cost of setting the
text and writing the PDF, which no SOP printer can go below.

    python benchmarks/pdf_floor.py OUT.pdf PAGES... (one SOP: pages per SOP)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from kinerja_desktop import paths
from kinerja_desktop.core.sop import SopDocument

F4 = (215 * mm, 330 * mm)
_FONTS = {"FloorSans": "LiberationSans-Regular.ttf", "FloorSans-Bold": "LiberationSans-Bold.ttf"}


def _register() -> None:
    for name, file in _FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(paths.resource("fonts") / file)))


def _styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    body = ParagraphStyle("b", fontName="FloorSans", fontSize=7.5, leading=9)
    bold = ParagraphStyle("h", parent=body, fontName="FloorSans-Bold")
    return body, bold


def _grid(data: list[list], widths: list[float], head_rows: int = 1) -> Table:
    table = Table(data, colWidths=widths, repeatRows=head_rows)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, head_rows - 1), colors.HexColor("#c9d9ea")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _identity(doc: SopDocument, width: float, st: tuple) -> list:
    body, bold = st
    rows = [
        [Paragraph("Nomor SOP", bold), Paragraph(doc.nomor, body)],
        [Paragraph("Judul SOP", bold), Paragraph(doc.judul, body)],
        [Paragraph("Disahkan Oleh", bold), Paragraph(doc.pengesahan.nama, body)],
    ]
    for _attr, heading, items in doc.lists():
        text = "<br/>".join(f"{k}. {x}" for k, x in enumerate(items, 1)) or "-"
        rows.append([Paragraph(heading, bold), Paragraph(text, body)])
    return [_grid(rows, [width * 0.3, width * 0.7], head_rows=0)]


def _flow_rows(doc: SopDocument, st: tuple) -> list[list]:
    body, _bold = st
    lanes = [""] * len(doc.lanes)
    return [
        [
            str(i + 1),
            Paragraph(s.uraian, body),
            *lanes,
            Paragraph(s.mutu_baku.kelengkapan, body),
            Paragraph(s.mutu_baku.waktu, body),
            Paragraph(s.mutu_baku.output, body),
            Paragraph(s.keterangan, body),
        ]
        for i, s in enumerate(doc.steps)
    ]


def _flowchart(doc: SopDocument, width: float, st: tuple, pages: int) -> list:
    _body, bold = st
    head = [
        "No.",
        Paragraph("Uraian Prosedur", bold),
        *[Paragraph(ln.nama, bold) for ln in doc.lanes],
        *[Paragraph(t, bold) for t in ("Kelengkapan", "Waktu", "Output", "Ket.")],
    ]
    fixed = [0.03, 0.22, 0.1, 0.06, 0.1, 0.07]
    lane_w = (1 - sum(fixed)) / max(len(doc.lanes), 1)
    widths = [width * f for f in fixed[:2] + [lane_w] * len(doc.lanes) + fixed[2:]]
    rows = _flow_rows(doc, st)
    n = max(1, min(pages, len(rows)))
    cuts = [round(k * len(rows) / n) for k in range(n + 1)]
    out: list = []
    for a, b in itertools.pairwise(cuts):
        out += [_grid([head, *rows[a:b]], widths), PageBreak()]
    return out[:-1]


def _worksheet(doc: SopDocument, width: float, st: tuple) -> list:
    body, bold = st
    rows = [[Paragraph("Langkah", bold), Paragraph("Uraian", bold)]]
    rows += [[str(i + 1), Paragraph(s.uraian, body)] for i, s in enumerate(doc.steps)]
    return [_grid(rows, [width * 0.2, width * 0.8])]


def story_of(doc: SopDocument, pages: int, width: float, st: tuple) -> list:
    """The pages of one SOP: identity, `pages - 1` flowchart pages (and the
    Lembar Kerja, when the application printed one, is left to the caller)."""
    return [*_identity(doc, width, st), PageBreak(), *_flowchart(doc, width, st, pages - 1)]


def write_floor(path: str, docs: Sequence[SopDocument], pages: Sequence[int]) -> int:
    """Write the floor PDF of `docs` (each `pages[k]` pages long); returns its pages."""
    _register()
    st = _styles()
    size = landscape(F4)
    frame_w = size[0] - 27 * mm
    story: list = []
    for k, (doc, n) in enumerate(zip(docs, pages, strict=True)):
        if k:
            story.append(PageBreak())
        story += story_of(doc, n, frame_w, st)
    count = [0]

    def footer(canvas, _doc) -> None:
        count[0] += 1
        canvas.setFont("FloorSans", 8)
        canvas.drawRightString(size[0] - 12 * mm, 10 * mm, f"Hal. {count[0]}")
        canvas.drawString(15 * mm, 10 * mm, "SOP Nomor")

    template = SimpleDocTemplate(
        path,
        pagesize=size,
        leftMargin=15 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=26 * mm,
    )
    template.build(story, onFirstPage=footer, onLaterPages=footer)
    return count[0]
