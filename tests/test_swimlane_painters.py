"""One geometry, two painters: the printed flowchart pages and the Qt painter draw the same.

Each SOP is printed as the user prints it (`write_sop_pdf`); its flowchart pages
are read back from the file (every path with its pen and fill, every text
show with its face, origin and width) and compared, within 0.05 pt, with what
the Qt painter draws for the display lists the screen gets. Footers (below
the content frame) are the PDF's own and are left out of the comparison.
"""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import date
from pathlib import Path

import pytest
from layout_fixtures import bps_012
from paint_recorders import Drawing, compare, pdf_pages
from qt_recorder import qt_record
from sop_factory import random_sop
from test_pdf_support import office

from kinerja_desktop import paths
from kinerja_desktop.core.layout.display import DisplayPage, Pen, PolylineOp, TextOp
from kinerja_desktop.core.layout.primitives import Font
from kinerja_desktop.core.page import page_settings
from kinerja_desktop.core.sop import SopDocument, serialize
from kinerja_desktop.exchange.pdf.sop import PdfOptions, write_sop_pdf
from kinerja_desktop.exchange.pdf.sop.document import FLOWCHART, plan_sop
from kinerja_desktop.exchange.pdf.sop.flowchart import flowchart
from kinerja_desktop.ui.swimlane.painter import paint_page

TTD = date(2026, 2, 16)
TOL = 0.05
DEMO = sorted((paths.resource("demo") / "sop").glob("*.json"))
PAPERS = [("F4", False), ("A4", True)]


def _demo(path: Path) -> SopDocument:
    return serialize.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _printed_flowchart(doc: SopDocument, kertas: str, tegak: bool, tmp: Path) -> list[Drawing]:
    """The flowchart pages of the printed PDF, footers left out (and the DRAF mark:
    the sheet is made signable, the mark is the PDF's own, like the footer)."""
    doc.nomor = doc.nomor.strip() or "UJI/1"
    doc.pengesahan.nama = doc.pengesahan.nama.strip() or "Penanda Tangan"
    options = PdfOptions(kertas=kertas, tegak=tegak, tanggal_ttd=TTD)
    write_sop_pdf(doc, office(), tmp / "sop.pdf", options)
    plan = plan_sop(doc, office(), options)
    first = dict(plan.sections)[FLOWCHART]
    ends = [index for _title, index in plan.sections if index > first] + [plan.page_count]
    content_bottom = plan.settings.content_bottom
    drawn = pdf_pages(tmp / "sop.pdf")[first : min(ends)]
    for d in drawn:
        d.texts = [t for t in d.texts if t.baseline < content_bottom]
    return drawn


def _screen(doc: SopDocument, kertas: str, tegak: bool) -> list[DisplayPage]:
    return flowchart(doc, office(), page_settings(kertas, tegak), TTD)[0].pages


def _qt(page: DisplayPage) -> Drawing:
    return qt_record(lambda p: paint_page(p, page), page.width, page.height)


def _assert_alike(doc: SopDocument, kertas: str, tegak: bool, tmp: Path) -> None:
    printed = _printed_flowchart(doc, kertas, tegak, tmp)
    screen = _screen(doc, kertas, tegak)
    assert len(printed) == len(screen)
    for k, (paper, page) in enumerate(zip(printed, screen, strict=True)):
        qt = _qt(page)
        assert compare(paper, qt, TOL) == [], f"halaman flowchart {k + 1}"
        # and both drew the whole display list, not just the same subset of it
        texts = [op for op in page.ops if isinstance(op, TextOp)]
        assert [t.text for t in qt.texts] == [t.text for t in texts]
        assert len(qt.shapes) == len(page.ops) - len(texts)


@pytest.mark.parametrize(("kertas", "tegak"), PAPERS, ids=["F4", "A4-tegak"])
@pytest.mark.parametrize("path", DEMO, ids=[p.stem[:24] for p in DEMO])
def test_demo_sop_on_screen_is_the_printed_sheet(
    qapp, tmp_path: Path, path: Path, kertas: str, tegak: bool
) -> None:
    _assert_alike(_demo(path), kertas, tegak, tmp_path)


@pytest.mark.parametrize(
    "case",
    [(7, 8, 40, "F4", False), (3, 5, 25, "A4", False), (11, 2, 12, "A4", True)],
    ids=["8-lajur-40-langkah", "5-lajur", "A4-tegak"],
)
def test_generated_sop_on_screen_is_the_printed_sheet(qapp, tmp_path: Path, case: tuple) -> None:
    seed, lanes, steps, kertas, tegak = case
    doc = random_sop(random.Random(seed), n_lanes=lanes, n_steps=steps)
    _assert_alike(doc, kertas, tegak, tmp_path)


def test_reference_sop_on_screen_is_the_printed_sheet(qapp, tmp_path: Path) -> None:
    _assert_alike(bps_012(), "A4", False, tmp_path)


def test_the_comparison_sees_a_drift(qapp) -> None:
    """A run moved by 0.1 pt, a dash changed or a line dropped is reported."""
    page = _screen(bps_012(), "A4", False)[0]
    base = _qt(page)
    k = next(i for i, op in enumerate(page.ops) if isinstance(op, TextOp))
    moved = dataclasses.replace(page, ops=list(page.ops))
    moved.ops[k] = dataclasses.replace(page.ops[k], x=page.ops[k].x + 0.1)  # type: ignore[type-var]
    assert any(d.startswith("text 0") for d in compare(base, _qt(moved), TOL))
    j = next(i for i, op in enumerate(page.ops) if isinstance(op, PolylineOp))
    dashed = dataclasses.replace(page, ops=list(page.ops))
    dashed.ops[j] = PolylineOp(page.ops[j].points, Pen(0.5, dash=(2.0, 1.0)))  # type: ignore[union-attr]
    assert any("stroke" in d for d in compare(base, _qt(dashed), TOL))
    fewer = dataclasses.replace(page, ops=page.ops[:j] + page.ops[j + 1 :])
    assert compare(base, _qt(fewer), TOL)
    assert compare(base, _qt(page), TOL) == []


def test_text_is_fitted_to_the_measured_width(qapp) -> None:
    """Qt's own advance differs a little from reportlab's; the painter stretches
    each run so it ends exactly where the layout measured it to end."""
    run = TextOp(10.0, 20.0, "Memverifikasi laporan data kinerja", Font.REGULAR, 8.0, 200.0)
    drawn = _qt(DisplayPage(300, 100, [run])).texts
    assert len(drawn) == 1
    assert drawn[0].width == pytest.approx(200.0, abs=1e-3)
    assert (drawn[0].x, drawn[0].baseline, drawn[0].size) == pytest.approx((10.0, 20.0, 8.0))


def test_crisp_screen_rules_keep_every_position(qapp) -> None:
    """On screen thin rules are set on whole pixels: the same outlines, texts and
    dashes (in points), widths rounded to whole device pixels, at least one."""
    page = _screen(bps_012(), "A4", False)[0]
    scale = 1.6

    def draw(crisp: bool) -> Drawing:
        def paint(painter) -> None:
            painter.scale(scale, scale)
            paint_page(painter, page, crisp=crisp)

        return qt_record(paint, page.width * scale, page.height * scale)

    exact, crisp = draw(False), draw(True)
    for drawing in (exact, crisp):
        for shape in drawing.shapes:
            if shape.stroke:
                width, color, dash, cap, join = shape.stroke
                shape.stroke = (width * scale, color, tuple(d * scale for d in dash), cap, join)
    differences = compare(exact, crisp, TOL)
    assert differences and all(": stroke (" in d for d in differences), differences[:3]
    for s, t in zip(exact.shapes, crisp.shapes, strict=True):
        if s.stroke != t.stroke:
            assert t.stroke[0] == max(1, round(s.stroke[0]))  # whole pixels
            (_w, *rest), (_v, *same) = t.stroke, s.stroke
            assert rest[0] == same[0] and rest[2:] == same[2:]  # colour, cap, join
            assert rest[1] == pytest.approx(same[1])  # the dash, in points
