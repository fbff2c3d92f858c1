"""The swimlane pages on screen, as they print: stacked, zoomable, clickable.

`SwimlaneView` shows a document's flowchart pages (display lists from
`services.layout_service`) one under the other with a gap and a page shadow,
so page breaks and off-page connectors read as on paper. One graphics item per
page interprets that page's display list (`painter.QtPage`); items are reused
when the pages are replaced (no scene churn: PySide6 6.11 leaks a reference
per addItem/removeItem), and each caches its picture at the current zoom.

Zoom: Ctrl+wheel (around the cursor), Ctrl++ / Ctrl+- and Ctrl+0 (fit the
width); until the user zooms, the view keeps fitting the width as it resizes.
A click on a step's symbol (or elsewhere in its table row) emits
`step_clicked(step_id)`; `highlight_step` outlines a step's symbols on an
overlay above the pages and scrolls to them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from kinerja_desktop.core.layout.display import DisplayPage
from kinerja_desktop.core.layout.primitives import Rect

from .painter import QtPage

PAGE_GAP = 24.0  # points between stacked pages
MARGIN = 18.0  # around the stack
SHADOW = 3.0
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.1, 8.0
BACKGROUND = "#d9dcdf"
HIGHLIGHT = "#1565c0"
ROW_TINT = QColor(21, 101, 192, 28)


class PageItem(QGraphicsItem):
    """One page: its shadow, the white sheet and its display list (converted to
    Qt objects when first painted, so pages scrolled out of sight cost nothing)."""

    def __init__(self, page: DisplayPage) -> None:
        super().__init__()
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.page = page
        self._qt_page: QtPage | None = None

    def set_page(self, page: DisplayPage) -> None:
        """Show `page` instead; nothing is redrawn when it draws the same."""
        if page == self.page:
            self.page = page
            return
        if (page.width, page.height) != (self.page.width, self.page.height):
            self.prepareGeometryChange()
        self.page = page
        self._qt_page = None
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-1.0, -1.0, self.page.width + SHADOW + 2, self.page.height + SHADOW + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        w, h = self.page.width, self.page.height
        painter.fillRect(QRectF(SHADOW, SHADOW, w, h), QColor(0, 0, 0, 60))
        painter.fillRect(QRectF(0, 0, w, h), QColor("white"))
        if self._qt_page is None:
            self._qt_page = QtPage(self.page)
        self._qt_page.paint(painter, crisp=True)
        painter.setPen(QPen(QColor("#9aa0a6"), 0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0, 0, w, h))


class HighlightItem(QGraphicsItem):
    """The outlines of the highlighted step (scene coordinates), above the pages."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(10)
        self.symbols: list[QRectF] = []
        self.rows: list[QRectF] = []
        self._bounds = QRectF()

    def show_rects(self, symbols: list[QRectF], rows: list[QRectF]) -> None:
        self.prepareGeometryChange()
        self.symbols, self.rows = symbols, rows
        bounds = QRectF()
        for r in symbols + rows:
            bounds = bounds.united(r.adjusted(-4, -4, 4, 4))
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(ROW_TINT))
        for r in self.rows:
            painter.drawRect(r)
        pen = QPen(QColor(HIGHLIGHT), 2.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for r in self.symbols:
            painter.drawRoundedRect(r.adjusted(-2.5, -2.5, 2.5, 2.5), 2.5, 2.5)


class SwimlaneView(QGraphicsView):
    """The flowchart pages of one document, for the SOP editor and previews."""

    step_clicked = Signal(str)  # a step id, when the user clicks its symbol (or row)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._items: list[PageItem] = []
        self._highlight = HighlightItem()
        self._scene.addItem(self._highlight)
        self._highlighted: str | None = None
        self._zoom = 1.0
        self._fit = True  # keep fitting the width until the user zooms
        self._pointing = False  # the cursor is a pointing hand over a step
        self.setBackgroundBrush(QColor(BACKGROUND))
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- what is shown ---------------------------------------------------------
    def pages(self) -> list[DisplayPage]:
        return [item.page for item in self._items]

    def set_pages(self, pages: Sequence[DisplayPage]) -> None:
        """Replace the pages shown; zoom, scroll position and highlight are kept."""
        h_scroll, v_scroll = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        while len(self._items) > len(pages):
            self._scene.removeItem(self._items.pop())
        for item, page in zip(self._items, pages, strict=False):
            item.set_page(page)
        for page in pages[len(self._items) :]:
            item = PageItem(page)
            self._scene.addItem(item)
            self._items.append(item)
        self._stack()
        if self._fit:
            self.fit_width()
        self.horizontalScrollBar().setValue(h_scroll)
        self.verticalScrollBar().setValue(v_scroll)
        self._show_highlight(scroll=False)

    def _stack(self) -> None:
        y, widest = MARGIN, 0.0
        for item in self._items:
            item.setPos(MARGIN, y)
            y += item.page.height + PAGE_GAP
            widest = max(widest, item.page.width)
        bottom = y - PAGE_GAP + MARGIN if self._items else 2 * MARGIN
        self._scene.setSceneRect(QRectF(0, 0, widest + 2 * MARGIN + SHADOW, bottom + SHADOW))

    def page_origin(self, index: int) -> QPointF:
        """Where page `index`'s top-left corner is in the scene."""
        return self._items[index].pos()

    # -- steps -------------------------------------------------------------------
    def step_at(self, scene_pos: QPointF) -> str | None:
        """The step whose symbol (else whose table row) is at `scene_pos`."""
        for item in self._items:
            local = item.mapFromScene(scene_pos)
            page = item.page
            if 0 <= local.x() <= page.width and 0 <= local.y() <= page.height:
                return page.step_at(local.x(), local.y())
        return None

    def highlight_step(self, step_id: str | None) -> None:
        """Outline the step's symbols (on every page it appears on) and scroll to
        them; None clears the highlight."""
        self._highlighted = step_id
        self._show_highlight(scroll=True)

    def highlighted_step(self) -> str | None:
        return self._highlighted

    def step_scene_rects(self, step_id: str) -> list[QRectF]:
        """The scene rectangles of the step's symbols, page by page."""
        out = []
        for item in self._items:
            for r in item.page.step_regions.get(step_id, ()):
                out.append(_scene_rect(item, r))
        return out

    def _show_highlight(self, *, scroll: bool) -> None:
        step_id = self._highlighted
        if step_id is None:
            self._highlight.show_rects([], [])
            return
        symbols = self.step_scene_rects(step_id)
        rows = [
            _scene_rect(item, item.page.row_regions[step_id])
            for item in self._items
            if step_id in item.page.row_regions
        ]
        self._highlight.show_rects(symbols, rows)
        target = (symbols or rows)[:1]
        if scroll and target:
            self.ensureVisible(target[0], 60, 60)

    # -- zoom ----------------------------------------------------------------------
    def zoom(self) -> float:
        """The scale from points to screen pixels."""
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        self._zoom = min(ZOOM_MAX, max(ZOOM_MIN, zoom))
        self.setTransform(QTransform.fromScale(self._zoom, self._zoom))

    def zoom_in(self) -> None:
        self._fit = False
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._fit = False
        self.set_zoom(self._zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        """Zoom so that the widest page fills the width; kept while resizing."""
        self._fit = True
        width = self._scene.sceneRect().width()
        room = self.viewport().width() - 2
        if width > 0 and room > 0:
            self.set_zoom(room / width)

    # -- events ----------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self._zoom_around(event.position().toPoint(), ZOOM_STEP ** (delta / 120))
            event.accept()
            return
        super().wheelEvent(event)

    def _zoom_around(self, at: QPoint, factor: float) -> None:
        """Zoom by `factor` keeping the scene point under viewport point `at` there."""
        self._fit = False
        fixed = self.mapToScene(at)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.set_zoom(self._zoom * factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        moved = self.mapFromScene(fixed) - at
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            key = event.key()
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.zoom_in()
                return
            if key == Qt.Key.Key_Minus:
                self.zoom_out()
                return
            if key == Qt.Key.Key_0:
                self.fit_width()
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            step_id = self.step_at(self.mapToScene(event.position().toPoint()))
            if step_id is not None:
                self.step_clicked.emit(step_id)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.step_at(self.mapToScene(event.position().toPoint())) is not None
        if over != self._pointing:
            self._pointing = over
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
            self.viewport().setCursor(shape)
        super().mouseMoveEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.fit_width()


def _scene_rect(item: PageItem, r: Rect) -> QRectF:
    return item.mapRectToScene(QRectF(r.x, r.y, r.w, r.h))
