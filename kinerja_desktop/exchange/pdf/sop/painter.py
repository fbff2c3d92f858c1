"""Draws a display list (`core.layout.display`) on a reportlab canvas, op by op.

Everything was decided in `core.layout` (outlines, arrowheads, widths, dashes,
colours, where each text run starts and how wide it is); this painter flips y
(the display list has y down, PDF y up), sets the pen and fill each op asks
for (only when they change) and draws. It never measures or moves anything.
Consecutive text runs share one PDF text object.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

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
from kinerja_desktop.core.layout.primitives import Point

from ..fonts import LAYOUT_FONTS

_CAPS = {Cap.BUTT: 0, Cap.ROUND: 1, Cap.SQUARE: 2}
_JOINS = {Join.MITER: 0, Join.ROUND: 1, Join.BEVEL: 2}


@lru_cache(maxsize=64)
def _color(hex_text: str) -> Color:
    return HexColor(hex_text)


def draw_display_page(c: Canvas, page: DisplayPage) -> None:
    """Draw every op of `page` on the current canvas page (inside q … Q)."""
    c.saveState()
    _Painter(c, page.height).draw(page.ops)
    c.restoreState()


class _Painter:
    """The canvas and the pen and fill in force, so each is set only when it changes."""

    def __init__(self, c: Canvas, flip: float) -> None:
        self.c = c
        self.flip = flip
        self.pen: Pen | None = None
        self.fill: str | None = None

    def draw(self, ops: Sequence[Op]) -> None:
        i, n = 0, len(ops)
        while i < n:
            op = ops[i]
            if isinstance(op, TextOp):
                j = i
                while j < n and isinstance(ops[j], TextOp) and ops[j].color == op.color:
                    j += 1
                self.texts(ops[i:j])  # type: ignore[arg-type]
                i = j
                continue
            self.shape(op)
            i += 1

    def shape(self, op: Op) -> None:
        c, flip = self.c, self.flip
        if isinstance(op, PolylineOp):
            self.use(op.pen, None)
            c.drawPath(self.path(op.points, close=False), stroke=1, fill=0)
            return
        self.use(op.pen, op.fill)  # type: ignore[union-attr]
        stroke, fill = int(op.pen is not None), int(op.fill is not None)  # type: ignore[union-attr]
        if isinstance(op, RectOp):
            r = op.rect
            c.rect(r.x, flip - r.bottom, r.w, r.h, stroke=stroke, fill=fill)
        elif isinstance(op, RoundRectOp):
            r = op.rect
            c.roundRect(r.x, flip - r.bottom, r.w, r.h, op.radius, stroke=stroke, fill=fill)
        elif isinstance(op, PolygonOp):
            c.drawPath(self.path(op.points, close=True), stroke=stroke, fill=fill)

    def path(self, points: Sequence[Point], *, close: bool):
        flip = self.flip
        path = self.c.beginPath()
        path.moveTo(points[0][0], flip - points[0][1])
        for x, y in points[1:]:
            path.lineTo(x, flip - y)
        if close:
            path.close()
        return path

    def use(self, pen: Pen | None, fill: str | None) -> None:
        c = self.c
        if fill is not None and fill != self.fill:
            c.setFillColor(_color(fill))
            self.fill = fill
        if pen is None or pen == self.pen:
            return
        old = self.pen
        if old is None or pen.width != old.width:
            c.setLineWidth(pen.width)
        if old is None or pen.color != old.color:
            c.setStrokeColor(_color(pen.color))
        if old is None or pen.dash != old.dash:
            c.setDash(list(pen.dash), 0)
        if old is None or pen.cap != old.cap:
            c.setLineCap(_CAPS[pen.cap])
        if old is None or pen.join != old.join:
            c.setLineJoin(_JOINS[pen.join])
        self.pen = pen

    def texts(self, runs: Sequence[TextOp]) -> None:
        """Runs of one colour in one text object, each at its left end and baseline."""
        self.use(None, runs[0].color)
        text = self.c.beginText()
        current: tuple[str, float] | None = None
        for run in runs:
            face = LAYOUT_FONTS[run.font]
            if current != (face, run.size):
                text.setFont(face, run.size)
                current = (face, run.size)
            text.setTextOrigin(run.x, self.flip - run.baseline)
            text.textOut(run.text)
        self.c.drawText(text)
