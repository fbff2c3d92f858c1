"""Draws a display list (`core.layout.display`) with QPainter, op by op, as the PDF does.

Nothing is decided here: outlines, arrowheads, widths, dashes, colours and text
positions all come from the display list; coordinates are points, origin
top-left, y down — the painter's own coordinates (scale it to zoom).

Text is set in the bundled Liberation Sans (`resources/fonts`, loaded into
QFontDatabase once), at its baseline, and stretched horizontally to the width
the layout measured (with reportlab's metrics), so a run never ends further
right on screen than on paper. Fonts are used at a fixed pixel size and the
painter is scaled for each run, so what is drawn does not depend on the
screen's DPI.

`QtPage(page)` converts a page into Qt objects once (pens, brushes, polygons,
per-run transforms); painting it again (scrolling, zooming) only replays them.
`paint_page(painter, page)` does both for a single paint. On screen the view
paints `crisp`: thin rules on whole pixels, as a PDF viewer shows them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPen,
    QPolygonF,
    QTransform,
)

from kinerja_desktop import paths
from kinerja_desktop.core.layout.display import (
    Cap,
    DisplayPage,
    Join,
    Op,
    Pen,
    PolygonOp,
    PolylineOp,
    RectOp,
    RoundRectOp,
    TextOp,
)
from kinerja_desktop.core.layout.primitives import Font

FONT_FILES = {
    Font.REGULAR: "LiberationSans-Regular.ttf",
    Font.BOLD: "LiberationSans-Bold.ttf",
    Font.ITALIC: "LiberationSans-Italic.ttf",
}
FALLBACK_FAMILY = "Liberation Sans"
REF_PIXELS = 100  # fonts are set at this pixel size, then scaled to each run's size
MITER_LIMIT = 10.0  # as PDF has it

_CAPS = {Cap.BUTT: Qt.PenCapStyle.FlatCap, Cap.ROUND: Qt.PenCapStyle.RoundCap,
         Cap.SQUARE: Qt.PenCapStyle.SquareCap}  # fmt: skip
_JOINS = {Join.MITER: Qt.PenJoinStyle.MiterJoin, Join.ROUND: Qt.PenJoinStyle.RoundJoin,
          Join.BEVEL: Qt.PenJoinStyle.BevelJoin}  # fmt: skip
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
_ORIGIN = QPointF(0.0, 0.0)


@lru_cache(maxsize=1)
def font_family() -> str:
    """Load the bundled Liberation Sans faces once (a QGuiApplication must exist);
    the family name to ask for (the system's Liberation Sans if a file is missing)."""
    family = FALLBACK_FAMILY
    for name in FONT_FILES.values():
        font_id = QFontDatabase.addApplicationFont(str(paths.resource("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family


@lru_cache(maxsize=8)
def qt_font(font: Font) -> QFont:
    """The face of `font` at REF_PIXELS, unhinted and without kerning (as reportlab
    measures: glyph advances only)."""
    qf = QFont(font_family())
    qf.setPixelSize(REF_PIXELS)
    qf.setBold(font is Font.BOLD)
    qf.setItalic(font is Font.ITALIC)
    qf.setKerning(False)
    qf.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    qf.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    return qf


@lru_cache(maxsize=8)
def _metrics(font: Font) -> QFontMetricsF:
    return QFontMetricsF(qt_font(font))


@lru_cache(maxsize=65536)
def ref_advance(text: str, font: Font) -> float:
    """How wide Qt sets `text` at REF_PIXELS."""
    return _metrics(font).horizontalAdvance(text)


@lru_cache(maxsize=256)
def _color(hex_text: str) -> QColor:
    return QColor(hex_text)


@lru_cache(maxsize=256)
def _brush(hex_text: str | None) -> QBrush:
    return _NO_BRUSH if hex_text is None else QBrush(_color(hex_text))


@lru_cache(maxsize=256)
def qt_pen(pen: Pen | None) -> QPen:
    """The QPen of a display-list pen (Qt counts dashes in line widths, PDF in points)."""
    if pen is None:
        return _NO_PEN
    qp = QPen(_color(pen.color), pen.width)
    qp.setCapStyle(_CAPS[pen.cap])
    qp.setJoinStyle(_JOINS[pen.join])
    qp.setMiterLimit(MITER_LIMIT)
    if pen.dash:
        qp.setDashPattern([d / pen.width for d in pen.dash])
    return qp


def run_transform(op: TextOp) -> QTransform:
    """Scale REF_PIXELS glyphs to the run's size and stretch them to its measured
    width, with the origin on the run's baseline at its left end."""
    sy = op.size / REF_PIXELS
    advance = ref_advance(op.text, op.font)
    sx = op.width / advance if advance > 0 and op.width > 0 else sy
    return QTransform(sx, 0.0, 0.0, sy, op.x, op.baseline)


class QtPage:
    """One display page converted into Qt objects, ready to paint many times."""

    def __init__(self, page: DisplayPage) -> None:
        self.page = page
        self.width = page.width
        self.height = page.height
        self._steps: list[tuple[int, object, object, object]] = [_convert(op) for op in page.ops]
        self._crisp: tuple[float, list[tuple[int, object, object, object]]] | None = None

    def paint(self, painter: QPainter, *, crisp: bool = False) -> None:
        """Draw the page in the painter's current coordinates (points, y down).

        `crisp` (for the screen) draws rectangles and lines of horizontal and
        vertical segments without antialiasing, their widths rounded to whole
        device pixels (at least one), as PDF viewers set thin rules; positions
        and shapes are the same, only the rasterisation differs.
        """
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        base = painter.transform()
        steps = self._crisp_steps(_scale_of(base)) if crisp else self._steps
        pen = brush = font = None
        smooth = True
        for kind, a, b, shape in steps:
            if crisp and (kind not in _CRISP) != smooth:
                smooth = not smooth
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
            if pen is not a:
                painter.setPen(a)  # type: ignore[arg-type]
                pen = a
            if kind == _TEXT:
                if font is not b:
                    painter.setFont(b)  # type: ignore[arg-type]
                    font = b
                text, local = shape  # type: ignore[misc]
                painter.setTransform(local * base)
                painter.drawText(_ORIGIN, text)
                continue
            if font is not None:
                painter.setTransform(base)
                font = None
            if brush is not b:
                painter.setBrush(b)  # type: ignore[arg-type]
                brush = b
            _DRAW[kind](painter, shape)
        painter.restore()

    def _crisp_steps(self, scale: float) -> list[tuple[int, object, object, object]]:
        """The steps with the pens of crisp shapes widened to whole pixels at `scale`
        (kept for the last scale asked: zooming is rarer than painting)."""
        if self._crisp is None or self._crisp[0] != scale:
            pens: dict[int, QPen] = {}
            steps = []
            for kind, pen, other, shape in self._steps:
                if kind in _CRISP:
                    pen = _whole_pixels(pen, scale, pens)  # noqa: PLW2901 - the crisp pen
                steps.append((kind, pen, other, shape))
            self._crisp = (scale, steps)
        return self._crisp[1]


def _scale_of(t: QTransform) -> float:
    return abs(t.m11() * t.m22() - t.m12() * t.m21()) ** 0.5 or 1.0


def _whole_pixels(pen: object, scale: float, pens: dict[int, QPen]) -> QPen:
    """`pen` with its width rounded to whole device pixels, at least one."""
    key = id(pen)
    if key not in pens:
        adjusted = QPen(pen)  # type: ignore[call-overload]
        if adjusted.style() != Qt.PenStyle.NoPen:
            pixels = max(1, round(adjusted.widthF() * scale))
            adjusted.setWidthF(pixels / scale)
            if adjusted.style() == Qt.PenStyle.CustomDashLine:  # keep the dash lengths in points
                ratio = pen.widthF() / adjusted.widthF()  # type: ignore[attr-defined]
                adjusted.setDashPattern([d * ratio for d in pen.dashPattern()])  # type: ignore[attr-defined]
        pens[key] = adjusted
    return pens[key]


_RECT, _ROUND, _LINE, _POLY, _TEXT, _ORTHO = range(6)
_CRISP = frozenset({_RECT, _ORTHO})
"""Drawn without antialiasing: rectangles and lines of only horizontal and vertical
segments land on whole pixels, crisp as a PDF viewer draws thin rules."""


def _round_rect(painter: QPainter, shape: object) -> None:
    rect, radius = shape  # type: ignore[misc]
    painter.drawRoundedRect(rect, radius, radius)


_DRAW: dict[int, Callable[[QPainter, object], None]] = {
    _RECT: lambda p, s: p.drawRect(s),  # type: ignore[arg-type]
    _ROUND: _round_rect,
    _LINE: lambda p, s: p.drawPolyline(s),  # type: ignore[arg-type]
    _ORTHO: lambda p, s: p.drawPolyline(s),  # type: ignore[arg-type]
    _POLY: lambda p, s: p.drawPolygon(s),  # type: ignore[arg-type]
}


def _rectf(op: RectOp | RoundRectOp) -> QRectF:
    r = op.rect
    return QRectF(r.x, r.y, r.w, r.h)


def _polygon(points: tuple[tuple[float, float], ...]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def _orthogonal(points: tuple[tuple[float, float], ...]) -> bool:
    return all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(points))


def _convert(op: Op) -> tuple[int, object, object, object]:
    if isinstance(op, TextOp):
        return (_TEXT, qt_pen(Pen(0.0, op.color)), qt_font(op.font), (op.text, run_transform(op)))
    if isinstance(op, PolylineOp):
        kind = _ORTHO if _orthogonal(op.points) else _LINE
        return (kind, qt_pen(op.pen), _NO_BRUSH, _polygon(op.points))
    pen, brush = qt_pen(op.pen), _brush(op.fill)
    if isinstance(op, RectOp):
        return (_RECT, pen, brush, _rectf(op))
    if isinstance(op, RoundRectOp):
        return (_ROUND, pen, brush, (_rectf(op), op.radius))
    if isinstance(op, PolygonOp):
        return (_POLY, pen, brush, _polygon(op.points))
    raise TypeError(f"unknown display op {op!r}")


def paint_page(painter: QPainter, page: DisplayPage, *, crisp: bool = False) -> None:
    """Draw `page` once in the painter's current coordinates (points, y down)."""
    QtPage(page).paint(painter, crisp=crisp)
