"""SwimlaneView: pages stacked as on paper, zoom, clicks on steps, highlight (pytest-qt)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from test_pdf_support import office

from kinerja_desktop import paths
from kinerja_desktop.core.layout.display import DisplayPage
from kinerja_desktop.core.page import page_settings
from kinerja_desktop.core.sop import SopDocument, serialize
from kinerja_desktop.exchange.pdf.sop.flowchart import flowchart
from kinerja_desktop.ui.swimlane.view import PAGE_GAP, PageItem, SwimlaneView

DEMO = sorted((paths.resource("demo") / "sop").glob("*.json"))


def _doc(index: int) -> SopDocument:
    return serialize.from_dict(json.loads(DEMO[index].read_text(encoding="utf-8")))


def _pages(doc: SopDocument, kertas: str = "F4") -> list[DisplayPage]:
    return flowchart(doc, office(), page_settings(kertas, False), date(2026, 2, 16))[0].pages


@pytest.fixture()
def view(qtbot) -> SwimlaneView:
    v = SwimlaneView()
    qtbot.addWidget(v)
    v.resize(900, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture()
def two_pages() -> list[DisplayPage]:
    pages = _pages(_doc(1))  # Monitoring RENSTRA: 10 steps on two F4 pages
    assert len(pages) == 2
    return pages


def _viewport_point(view: SwimlaneView, scene: QPointF) -> QPoint:
    return view.mapFromScene(scene)


def test_pages_stack_with_a_gap_and_fit_the_width(view: SwimlaneView, two_pages) -> None:
    view.set_pages(two_pages)
    first, second = view.page_origin(0), view.page_origin(1)
    assert first.x() == second.x()
    assert second.y() - first.y() == pytest.approx(two_pages[0].height + PAGE_GAP)
    scene_w = view.scene().sceneRect().width()
    assert scene_w * view.zoom() == pytest.approx(view.viewport().width() - 2, abs=1)


def test_click_on_a_symbol_emits_its_step(view: SwimlaneView, qtbot, two_pages) -> None:
    view.set_pages(two_pages)
    step_id, (rect, *_rest) = next(iter(two_pages[0].step_regions.items()))
    origin = view.page_origin(0)
    at = _viewport_point(view, origin + QPointF(rect.cx, rect.cy))
    with qtbot.waitSignal(view.step_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert blocker.args == [step_id]
    margin = _viewport_point(view, origin + QPointF(3, 3))
    with qtbot.assertNotEmitted(view.step_clicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=margin)


def test_step_on_the_second_page_is_found_and_highlighted(view, qtbot, two_pages) -> None:
    view.set_pages(two_pages)
    view.zoom_in()
    view.zoom_in()
    step_id = list(two_pages[1].step_regions)[-1]
    view.highlight_step(step_id)
    (rect,) = view.step_scene_rects(step_id)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(rect), "the highlighted step was not scrolled into view"
    assert view.step_at(rect.center()) == step_id
    assert view.highlighted_step() == step_id
    view.highlight_step(None)
    assert view.highlighted_step() is None


def test_replacing_pages_keeps_zoom_scroll_and_items(view, two_pages) -> None:
    view.set_pages(two_pages)
    view.zoom_in()
    zoom = view.zoom()
    view.verticalScrollBar().setValue(300)
    items = set(view.scene().items())
    edited = _doc(1)
    edited.steps[0].uraian = "Memerintahkan melakukan monitoring RENSTRA tahunan"
    view.set_pages(_pages(edited))
    assert view.zoom() == zoom
    assert view.verticalScrollBar().value() == 300
    assert set(view.scene().items()) == items  # the page items were reused
    assert "tahunan" in " ".join(view.pages()[0].texts())
    view.set_pages(two_pages[:1])
    assert len(view.pages()) == 1
    view.set_pages([])
    assert view.pages() == []


def test_zoom_keys_and_ctrl_wheel(view: SwimlaneView, qtbot, two_pages) -> None:
    view.set_pages(two_pages)
    fitted = view.zoom()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    view.zoom_out()
    assert view.zoom() == pytest.approx(fitted / 1.25)
    view.resize(1200, 700)  # not fitting any more: a resize keeps the zoom
    qtbot.wait(10)
    assert view.zoom() == pytest.approx(fitted / 1.25)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() > fitted  # fitted again, to the wider view
    before = view.zoom()
    at = QPointF(view.viewport().width() * 0.7, view.viewport().height() * 0.6)
    under = view.mapToScene(at.toPoint())
    event = QWheelEvent(
        at,
        view.viewport().mapToGlobal(at),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.wheelEvent(event)
    assert view.zoom() == pytest.approx(before * 1.25)
    still = view.mapFromScene(under)  # the point under the cursor stayed under it
    assert abs(still.x() - at.x()) <= 1.5 and abs(still.y() - at.y()) <= 1.5


def test_screenshot_shows_the_sheets(view: SwimlaneView, two_pages, tmp_path: Path) -> None:
    view.set_pages(two_pages)
    view.highlight_step(next(iter(two_pages[0].step_regions)))
    shot = tmp_path / "swimlane.png"
    assert view.grab().save(str(shot))
    image = QImage(str(shot))
    origin = view.mapFromScene(view.page_origin(0) + QPointF(5, 5))
    assert QColor(image.pixel(origin)).name() == "#ffffff"  # the paper
    assert QColor(image.pixel(2, 2)).name() != "#ffffff"  # the desk around it
    table = view.mapFromScene(view.page_origin(0) + QPointF(50, 40))
    row = [QColor(image.pixel(x, table.y())).lightness() for x in range(image.width())]
    assert min(row) < 100, "no ink across the table's header"


def test_an_edit_redraws_only_the_pages_it_changed(view: SwimlaneView, two_pages) -> None:
    view.set_pages(two_pages)
    view.grab()  # paint both pages once
    first, second = sorted(
        (item for item in view.scene().items() if isinstance(item, PageItem)),
        key=lambda item: item.pos().y(),
    )
    painted = (first._qt_page, second._qt_page)
    assert all(painted)
    edited = _doc(1)
    edited.steps[-1].uraian += " dan arsip"  # a step on the second page
    view.set_pages(_pages(edited))
    assert first._qt_page is painted[0]  # kept: draws the same
    assert second._qt_page is None  # converted again when next painted
    view.grab()
    assert second._qt_page is not None
