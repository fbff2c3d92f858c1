"""Draws one page of the swimlane layout on a reportlab canvas, exactly as given.

The layout (`core.layout`) has already decided every position in points with
the origin at the top-left and y growing downwards; this painter only flips y
and draws: cell boxes and fills, grid lines, connectors (arrowheads where
`arrow` is set, JOIN connectors dotted), symbols (capsule, rectangle, diamond),
off-page connectors (pentagon pointing down) and text runs anchored on their
baseline. It never measures, wraps or moves anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.layout import clearance
from kinerja_desktop.core.layout.offpage import letter_run
from kinerja_desktop.core.layout.primitives import (
    Anchor,
    Box,
    Connector,
    ConnectorKind,
    LayoutPage,
    OffPage,
    Point,
    Rect,
    Symbol,
    SymbolKind,
    TextRun,
)

from ..fonts import LAYOUT_FONTS, text_width

SYMBOL_LINE = clearance.SYMBOL_LINE  # the widths the layout kept labels clear of
CONNECTOR_LINE = clearance.CONNECTOR_WIDTH
ARROW_LENGTH = 5.0
ARROW_HALF_WIDTH = 2.2
JOIN_DASH = (1.0, 1.6)
DASHED = (3.0, 2.0)
OFFPAGE_SHOULDER = 0.55  # the straight sides end at this fraction of the height


@lru_cache(maxsize=64)
def _color(hex_text: str) -> Color:
    return HexColor(hex_text)


def draw_layout_page(c: Canvas, page: LayoutPage) -> None:
    """Draw every primitive of `page` on the current canvas page."""
    flip = page.height
    _draw_boxes(c, page.boxes, flip)
    for ln in page.lines:
        c.setLineWidth(ln.line_width)
        c.line(ln.a[0], flip - ln.a[1], ln.b[0], flip - ln.b[1])
    for conn in page.connectors:
        _draw_connector(c, conn, flip)
    c.setLineWidth(SYMBOL_LINE)
    c.setStrokeColor(black)
    c.setFillColor(white)
    for sym in page.symbols:
        _draw_symbol(c, sym, flip)
    for off in page.offpages:
        _draw_offpage(c, off, flip)
    c.setFillColor(black)
    labels = [conn.label for conn in page.connectors if conn.label is not None]
    draw_runs(c, [*page.texts, *labels], flip)
    _draw_missing_letters(c, page, flip)


def _draw_boxes(c: Canvas, boxes: Sequence[Box], flip: float) -> None:
    for box in boxes:
        r = box.rect
        if box.fill:
            c.setFillColor(_color(box.fill))
            c.rect(r.x, flip - r.bottom, r.w, r.h, stroke=0, fill=1)
    c.setFillColor(black)
    for box in boxes:
        if box.stroke:
            r = box.rect
            c.setLineWidth(box.line_width)
            c.rect(r.x, flip - r.bottom, r.w, r.h, stroke=1, fill=0)


def draw_runs(c: Canvas, runs: Sequence[TextRun], flip: float) -> None:
    """Text runs in one PDF text object: `x` is each run's start, middle or end
    (measured with the same embedded faces as the layout); `y` its baseline."""
    if not runs:
        return
    text = c.beginText()
    current: tuple[str, float] | None = None
    for run in runs:
        face = LAYOUT_FONTS[run.font]
        if current != (face, run.size):
            text.setFont(face, run.size)
            current = (face, run.size)
        x = run.x
        if run.anchor is not Anchor.START:
            width = text_width(run.text, face, run.size)
            x -= width / 2 if run.anchor is Anchor.MIDDLE else width
        text.setTextOrigin(x, flip - run.y)
        text.textOut(run.text)
    c.drawText(text)


def _draw_connector(c: Canvas, conn: Connector, flip: float) -> None:
    pts = _dedupe(conn.points)
    if len(pts) < 2:
        return
    c.setLineWidth(CONNECTOR_LINE)
    c.setStrokeColor(black)
    if conn.kind is ConnectorKind.JOIN:
        c.setDash(*JOIN_DASH)
    elif conn.dashed:
        c.setDash(*DASHED)
    draw_arrow = conn.arrow and conn.kind is not ConnectorKind.JOIN
    line_pts = list(pts)
    if draw_arrow:
        line_pts[-1] = _pull_back(pts[-2], pts[-1], ARROW_LENGTH * 0.8)
    path = c.beginPath()
    path.moveTo(line_pts[0][0], flip - line_pts[0][1])
    for x, y in line_pts[1:]:
        path.lineTo(x, flip - y)
    c.drawPath(path, stroke=1, fill=0)
    c.setDash()
    if draw_arrow:
        _draw_arrowhead(c, pts[-2], pts[-1], flip)


def _dedupe(points: Sequence[Point]) -> list[Point]:
    out: list[Point] = []
    for p in points:
        if not out or abs(out[-1][0] - p[0]) > 1e-6 or abs(out[-1][1] - p[1]) > 1e-6:
            out.append(p)
    return out


def _unit(a: Point, b: Point) -> tuple[float, float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    return dx / length, dy / length, length


def _pull_back(a: Point, b: Point, by: float) -> Point:
    ux, uy, length = _unit(a, b)
    by = min(by, length)
    return (b[0] - ux * by, b[1] - uy * by)


def _draw_arrowhead(c: Canvas, a: Point, tip: Point, flip: float) -> None:
    ux, uy, _ = _unit(a, tip)
    bx, by = tip[0] - ux * ARROW_LENGTH, tip[1] - uy * ARROW_LENGTH
    nx, ny = -uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH
    path = c.beginPath()
    path.moveTo(tip[0], flip - tip[1])
    path.lineTo(bx + nx, flip - (by + ny))
    path.lineTo(bx - nx, flip - (by - ny))
    path.close()
    c.setFillColor(black)
    c.drawPath(path, stroke=0, fill=1)


def _draw_symbol(c: Canvas, sym: Symbol, flip: float) -> None:
    r = sym.rect
    bottom = flip - r.bottom
    if sym.kind is SymbolKind.TERMINATOR:
        c.roundRect(r.x, bottom, r.w, r.h, radius=min(r.h, r.w) / 2, stroke=1, fill=1)
    elif sym.kind is SymbolKind.DECISION:
        _polygon(c, [(r.cx, r.y), (r.right, r.cy), (r.cx, r.bottom), (r.x, r.cy)], flip)
    else:
        c.rect(r.x, bottom, r.w, r.h, stroke=1, fill=1)


def pentagon_points(r: Rect) -> list[Point]:
    """The home-plate outline of an off-page connector (y down), pointing down."""
    shoulder = r.y + r.h * OFFPAGE_SHOULDER
    return [(r.x, r.y), (r.right, r.y), (r.right, shoulder), (r.cx, r.bottom), (r.x, shoulder)]


def _draw_offpage(c: Canvas, off: OffPage, flip: float) -> None:
    c.setFillColor(white)
    _polygon(c, pentagon_points(off.rect), flip)


def _polygon(c: Canvas, points: Sequence[Point], flip: float) -> None:
    path = c.beginPath()
    path.moveTo(points[0][0], flip - points[0][1])
    for x, y in points[1:]:
        path.lineTo(x, flip - y)
    path.close()
    c.drawPath(path, stroke=1, fill=1)


def _draw_missing_letters(c: Canvas, page: LayoutPage, flip: float) -> None:
    """Letter the off-page connectors the layout left without a text run."""
    runs = [t for t in page.texts if t.role == "offpage-letter"]
    missing = [
        letter_run(off.rect, off.letter)
        for off in page.offpages
        if not any(
            t.text == off.letter and off.rect.x - 1 <= t.x <= off.rect.right + 1 for t in runs
        )
    ]
    draw_runs(c, missing, flip)
