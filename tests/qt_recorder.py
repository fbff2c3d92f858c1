"""What QPainter drew, recorded by a paint engine, for `paint_recorders.compare`.

`qt_record(paint, width, height)` runs `paint(painter)` on a QPainter whose
paint engine (a Python `QPaintEngine` with every feature, so QPainter hands it
everything untransformed) records each drawPath / drawPolygon / drawRects /
drawLines / drawTextItem with the pen, brush and transform in force, in page
coordinates (points, y down), as `paint_recorders.Drawing`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from paint_recorders import Drawing, Point, Shape, Text, bezier
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QPaintDevice, QPaintEngine, QPainter, QPainterPath

_CAPS = {Qt.PenCapStyle.FlatCap: 0, Qt.PenCapStyle.RoundCap: 1, Qt.PenCapStyle.SquareCap: 2}
_JOINS = {Qt.PenJoinStyle.MiterJoin: 0, Qt.PenJoinStyle.RoundJoin: 1,
          Qt.PenJoinStyle.BevelJoin: 2}  # fmt: skip


def qt_record(paint: Callable[[QPainter], None], width: float, height: float) -> Drawing:
    """What `paint(painter)` draws on a recording device of width × height points."""
    device = _Device(width, height)
    painter = QPainter(device)
    try:
        paint(painter)
    finally:
        painter.end()
    return device.engine.drawing


def _pen_of(painter: QPainter) -> tuple | None:
    pen = painter.pen()
    if pen.style() == Qt.PenStyle.NoPen:
        return None
    w = pen.widthF()
    solid = pen.style() == Qt.PenStyle.SolidLine
    dash = () if solid else tuple(d * w for d in pen.dashPattern())
    return (w, pen.color().name(), dash, _CAPS[pen.capStyle()], _JOINS[pen.joinStyle()])


def _fill_of(painter: QPainter) -> str | None:
    brush = painter.brush()
    return None if brush.style() == Qt.BrushStyle.NoBrush else brush.color().name()


def _path_points(path: QPainterPath) -> list[list[Point]]:
    """The subpaths of `path`, curves flattened as the PDF side flattens them."""
    subpaths: list[list[Point]] = []
    i, n = 0, path.elementCount()
    while i < n:
        e = path.elementAt(i)
        if e.type == QPainterPath.ElementType.MoveToElement:
            subpaths.append([(e.x, e.y)])
            i += 1
        elif e.type == QPainterPath.ElementType.LineToElement:
            subpaths[-1].append((e.x, e.y))
            i += 1
        else:  # CurveTo + 2 CurveToData
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            subpaths[-1] += bezier(subpaths[-1][-1], (e.x, e.y), (c2.x, c2.y), (end.x, end.y))
            i += 3
    return subpaths


class _Engine(QPaintEngine):
    """Records what it is asked to draw, with the painter's pen, brush and transform."""

    def __init__(self) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.drawing = Drawing()

    def begin(self, _device: object) -> bool:
        return True

    def end(self) -> bool:
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def updateState(self, _state: object) -> None:
        pass

    def _add(self, subpaths: list[list[Point]], closed: bool) -> None:
        p = self.painter()
        t = p.transform()
        mapped = [[t.map(x, y) for x, y in sub] for sub in subpaths]
        if closed:
            mapped = [sub if sub[-1] == sub[0] else [*sub, sub[0]] for sub in mapped]
        self.drawing.shapes.append(Shape(mapped, _pen_of(p), _fill_of(p) if closed else None))

    def drawRects(self, rects: list) -> None:
        for r in rects:
            x, y, w, h = r.x(), r.y(), r.width(), r.height()
            self._add([[(x, y), (x + w, y), (x + w, y + h), (x, y + h)]], True)

    def drawLines(self, lines: list) -> None:
        for ln in lines:
            self._add([[(ln.x1(), ln.y1()), (ln.x2(), ln.y2())]], False)

    def drawPolygon(self, points: list, mode: QPaintEngine.PolygonDrawMode) -> None:
        pts = [(p.x(), p.y()) for p in points]
        self._add([pts], mode != QPaintEngine.PolygonDrawMode.PolylineMode)

    def drawPath(self, path: QPainterPath) -> None:
        self._add(_path_points(path), closed=True)

    def drawPixmap(self, *_args: object) -> None:
        raise AssertionError("the swimlane painter draws no pixmaps")

    def drawTextItem(self, p: object, item: object) -> None:
        painter = self.painter()
        t = painter.transform()
        x, y = t.map(p.x(), p.y())  # type: ignore[attr-defined]
        font, text = item.font(), item.text()  # type: ignore[attr-defined]
        size = font.pixelSize() * t.m22()
        width = QFontMetricsF(font).horizontalAdvance(text) * t.m11()
        face = (font.bold(), font.italic())
        color = painter.pen().color().name()
        self.drawing.texts.append(Text(text, x, y, face, size, width, color))


class _Device(QPaintDevice):
    """A paint device of width × height points (72 dpi) that only records."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.engine = _Engine()
        self.size = (math.ceil(width), math.ceil(height))

    def paintEngine(self) -> QPaintEngine:
        return self.engine

    def metric(self, m: QPaintDevice.PaintDeviceMetric) -> int:
        metrics = QPaintDevice.PaintDeviceMetric
        w, h = self.size
        values = {
            metrics.PdmWidth: w,
            metrics.PdmHeight: h,
            metrics.PdmWidthMM: math.ceil(w / 72 * 25.4),
            metrics.PdmHeightMM: math.ceil(h / 72 * 25.4),
            metrics.PdmNumColors: 1 << 24,
            metrics.PdmDepth: 32,
            metrics.PdmDpiX: 72,
            metrics.PdmDpiY: 72,
            metrics.PdmPhysicalDpiX: 72,
            metrics.PdmPhysicalDpiY: 72,
            metrics.PdmDevicePixelRatio: 1,
            metrics.PdmDevicePixelRatioScaled: int(QPaintDevice.devicePixelRatioFScale()),
        }
        return values.get(m, 0)
