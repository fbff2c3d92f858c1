"""The display list: what `core.layout.render` makes of a layout page, and the
composition of the printed flowchart pages (`core.layout.compose`)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from layout_fixtures import bps_012
from paint_recorders import compare, pdf_pages
from sop_factory import random_sop
from test_pdf_support import office, sop

from kinerja_desktop.core.layout import Reuse, build, layout_sop, style
from kinerja_desktop.core.layout.compose import compose_flowchart, lowest_point, place_block
from kinerja_desktop.core.layout.display import (
    DisplayPage,
    PolygonOp,
    PolylineOp,
    RectOp,
    RoundRectOp,
    TextOp,
)
from kinerja_desktop.core.layout.primitives import (
    Connector,
    ConnectorKind,
    LayoutPage,
    OffPage,
    OffPageDirection,
    Rect,
    SymbolKind,
)
from kinerja_desktop.core.layout.render import connector_ops, display_page
from kinerja_desktop.core.page import page_settings
from kinerja_desktop.exchange.pdf.fonts import measure
from kinerja_desktop.exchange.pdf.output import new_canvas
from kinerja_desktop.exchange.pdf.sop.flowchart import signature_forms, signature_ops
from kinerja_desktop.exchange.pdf.sop.painter import draw_display_page

A4 = page_settings("A4", tegak=False)


@pytest.fixture(scope="module")
def pages() -> tuple[list[LayoutPage], list[DisplayPage]]:
    layout = layout_sop(bps_012(), A4, measure)
    return layout.pages, [display_page(p, measure) for p in layout.pages]


def test_every_primitive_is_inked_in_printing_order(pages) -> None:
    layout_pages, display = pages
    for page, shown in zip(layout_pages, display, strict=True):
        kinds = [type(op).__name__ for op in shown.ops]
        fills = sum(1 for b in page.boxes if b.fill)
        # fills, borders, grid lines, connectors, symbols, pentagons, then text
        assert kinds[:fills] == ["RectOp"] * fills
        texts = [op for op in shown.ops if isinstance(op, TextOp)]
        labels = [c.label for c in page.connectors if c.label]
        assert [t.text for t in texts] == [t.text for t in page.texts + labels]
        assert kinds[kinds.index("TextOp") :] == ["TextOp"] * len(texts)
        symbols = [op for op in shown.ops if isinstance(op, RoundRectOp)]
        terminators = [s for s in page.symbols if s.kind is SymbolKind.TERMINATOR]
        assert len(symbols) == len(terminators)
        assert all(op.radius == pytest.approx(op.rect.h / 2) for op in symbols)


def test_text_runs_carry_their_left_end_and_measured_width(pages) -> None:
    layout_pages, display = pages
    runs = layout_pages[0].texts
    ops = [op for op in display[0].ops if isinstance(op, TextOp)]
    for run, op in zip(runs, ops, strict=False):
        width = measure(run.text, run.font, run.size)
        assert op.width == pytest.approx(width)
        assert op.baseline == run.y
        shift = {"start": 0.0, "middle": width / 2, "end": width}[run.anchor.value]
        assert op.x == pytest.approx(run.x - shift)


def test_arrowheads_and_pulled_back_lines() -> None:
    conn = Connector(((10, 10), (10, 50), (60, 50)), ConnectorKind.FLOW, "a", "b")
    line, head = connector_ops(conn)
    assert isinstance(line, PolylineOp) and isinstance(head, PolygonOp)
    assert line.points[-1] == pytest.approx((60 - style.ARROW_PULL, 50))
    assert line.pen.width == style.CONNECTOR_WIDTH and line.pen.dash == ()
    tip, left, right = head.points
    assert tip == (60, 50) and head.fill == style.INK and head.pen is None
    assert left == pytest.approx((60 - style.ARROW_LENGTH, 50 + style.ARROW_HALF_WIDTH))
    assert right == pytest.approx((60 - style.ARROW_LENGTH, 50 - style.ARROW_HALF_WIDTH))
    join = Connector(((0, 0), (0, 0), (20, 0)), ConnectorKind.JOIN, "a", "a", arrow=False)
    (dotted,) = connector_ops(join)
    assert dotted.points == ((0, 0), (20, 0)) and dotted.pen.dash == style.JOIN_DASH
    dashed = Connector(((0, 0), (0, 20)), ConnectorKind.FLOW, "a", "b", arrow=False, dashed=True)
    assert connector_ops(dashed)[0].pen.dash == style.DASHED
    assert connector_ops(Connector(((5, 5), (5, 5)), ConnectorKind.FLOW, "a", "b")) == []


def test_offpage_connector_gets_its_letter_once() -> None:
    page = LayoutPage(200, 200)
    page.offpages.append(OffPage(Rect(50, 50, 16, 16), "C", OffPageDirection.OUT, 0))
    (pentagon, letter) = display_page(page, measure).ops
    assert isinstance(pentagon, PolygonOp) and len(pentagon.points) == 5
    assert pentagon.fill == style.PAPER and pentagon.pen.width == style.SYMBOL_LINE
    assert pentagon.points[3] == (58, 66)  # the tip, pointing down
    assert isinstance(letter, TextOp) and letter.text == "C"
    assert letter.x + letter.width / 2 == pytest.approx(58)


def test_step_regions_map_clicks_to_steps(pages) -> None:
    layout_pages, display = pages
    joint = [s for s in layout_pages[0].symbols if s.step_id == "s7"]
    assert len(joint) == 4  # the meeting of all four roles
    shown = display[0]
    assert list(shown.step_regions["s7"]) == [s.rect for s in joint]
    for sym in layout_pages[0].symbols:
        assert shown.step_at(sym.rect.cx, sym.rect.cy) == sym.step_id
    row = layout_pages[0].rows[2]
    assert shown.step_at(shown.row_regions[row.step_id].x + 3, row.y + row.h / 2) == row.step_id
    assert shown.step_at(1, 1) is None  # the margin
    assert shown.step_at(20, row.y + 1, rows=False) is None


def test_signature_block_goes_under_the_table_or_on_its_own_page() -> None:
    page = LayoutPage(*A4.size, table_rect=Rect(40, 30, 700, 300))
    assert lowest_point(page) == 330
    room = A4.content_bottom - 330
    fits = place_block([page], room - 1, A4)
    assert (fits.page, fits.top, fits.right) == (0, 330, A4.content_right)
    alone = place_block([page], room + 1, A4)
    assert (alone.page, alone.top) == (1, A4.margin_top)
    flow = compose_flowchart(bps_012(), A4, measure, [A4.content_bottom - A4.content_top])
    assert flow.block.page == len(flow.layout.pages) == len(flow.pages) - 1
    assert flow.pages[-1].ops == [] and flow.form == 0


def test_signature_ops_print_as_the_block_draws_itself(tmp_path: Path) -> None:
    """The flowchart's signature (display ops) and the Lembar Kerja's (drawn by
    `SignatureBlock.draw`) are one block on paper."""
    doc = sop()
    for sig in signature_forms(doc, office(), A4, date(2026, 2, 16)):
        path = tmp_path / "ttd.pdf"
        c = new_canvas(str(path), A4.size, "uji", "uji")
        sig.draw(c, A4.content_right, A4.size[1] - 100)
        c.showPage()
        ops = signature_ops(sig, A4.content_right, 100)
        draw_display_page(c, DisplayPage(*A4.size, ops))
        c.showPage()
        c.save()
        drawn, painted = pdf_pages(path)
        assert len(drawn.texts) >= 4 and len(drawn.shapes) == 1  # the name's underline
        assert compare(drawn, painted, 0.01) == []
        assert all(isinstance(op, TextOp | PolylineOp) for op in ops)


def test_display_pages_use_the_style_module_only(pages) -> None:
    _layout, display = pages
    widths = {op.pen.width for d in display for op in d.ops if hasattr(op, "pen") and op.pen}
    assert widths <= {style.GRID, style.FRAME, style.SYMBOL_LINE, style.CONNECTOR_WIDTH}
    fills = {op.fill for d in display for op in d.ops if isinstance(op, RectOp) and op.fill}
    assert fills == {style.HEADER_FILL, style.NUMBER_FILL, style.PAPER}


@pytest.mark.parametrize("seed", [1, 4, 7, 12])
def test_shared_work_between_reserves_changes_nothing(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Reuse` only skips work: each layout equals the one made on its own."""
    doc = random_sop(random.Random(seed), n_lanes=6, n_steps=30)
    made = []
    page = build._page
    monkeypatch.setattr(build, "_page", lambda *a: made.append(1) or page(*a))
    reuse = Reuse()
    shared = [layout_sop(doc, A4, measure, last_page_reserve=r, reuse=reuse) for r in (160, 90)]
    with_reuse = len(made)
    alone = [layout_sop(doc, A4, measure, last_page_reserve=r) for r in (160, 90)]
    assert shared == alone
    assert with_reuse < len(made) - with_reuse, "nothing was shared"
