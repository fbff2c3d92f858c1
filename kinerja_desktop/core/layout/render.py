"""From the layout's primitives to the display list both painters interpret.

`display_page(page, measure)` inks one `LayoutPage` in the order the sheet is
printed: cell fills, cell borders and the table frame, grid lines, connectors
(each line pulled back for its filled arrowhead, bridged where it crosses
another (`bridges.py`); joins of multi-lane steps dotted), symbols (capsule,
rectangle, diamond), off-page connectors (pentagons pointing down), then every
text run, placed by its left end and baseline with
the width `measure` gives it. Widths, dashes and colours come from `style.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .bridges import bridged_points
from .display import DisplayPage, Op, Pen, PolygonOp, PolylineOp, RectOp, RoundRectOp, TextOp
from .offpage import SHOULDER, letter_run
from .primitives import (
    Anchor,
    Box,
    Connector,
    ConnectorKind,
    LayoutPage,
    Measure,
    OffPage,
    Point,
    Rect,
    Symbol,
    SymbolKind,
    TextRun,
)
from .style import (
    ARROW_HALF_WIDTH,
    ARROW_LENGTH,
    ARROW_PULL,
    CONNECTOR_WIDTH,
    DASHED,
    INK,
    JOIN_DASH,
    PAPER,
    SYMBOL_LINE,
)

CONNECTOR_PEN = Pen(CONNECTOR_WIDTH)
JOIN_PEN = Pen(CONNECTOR_WIDTH, dash=JOIN_DASH)
DASHED_PEN = Pen(CONNECTOR_WIDTH, dash=DASHED)
SYMBOL_PEN = Pen(SYMBOL_LINE)
_PENS: dict[float, Pen] = {}


def _pen(width: float) -> Pen:
    pen = _PENS.get(width)
    if pen is None:
        pen = _PENS.setdefault(width, Pen(width))
    return pen


def display_page(page: LayoutPage, measure: Measure) -> DisplayPage:
    """The display list of one flowchart page, with its step regions."""
    ops: list[Op] = []
    ops += box_ops(page.boxes)
    ops += [PolylineOp((ln.a, ln.b), _pen(ln.line_width)) for ln in page.lines]
    for conn, points in zip(page.connectors, bridged_points(page.connectors), strict=True):
        ops += connector_ops(conn, points)
    ops += [symbol_op(sym) for sym in page.symbols]
    ops += [PolygonOp(pentagon_points(off.rect), PAPER, SYMBOL_PEN) for off in page.offpages]
    labels = [conn.label for conn in page.connectors if conn.label is not None]
    runs = [*page.texts, *labels, *_missing_letters(page)]
    ops += [text_op(run, measure) for run in runs]
    return DisplayPage(
        page.width,
        page.height,
        ops,
        step_regions=_step_regions(page.symbols),
        row_regions=_row_regions(page),
    )


def box_ops(boxes: Sequence[Box]) -> list[Op]:
    """Every fill first, then every border: a neighbour's fill never covers a border."""
    fills: list[Op] = [RectOp(b.rect, fill=b.fill) for b in boxes if b.fill]
    borders: list[Op] = [RectOp(b.rect, pen=_pen(b.line_width)) for b in boxes if b.stroke]
    return fills + borders


def connector_ops(conn: Connector, points: Sequence[Point] | None = None) -> list[Op]:
    """The line of a connector (along `points`, its bridges put in, when given)
    and, where it has one, its arrowhead."""
    pts = dedupe(conn.points if points is None else points)
    if len(pts) < 2:
        return []
    if conn.kind is ConnectorKind.JOIN:
        pen = JOIN_PEN
    else:
        pen = DASHED_PEN if conn.dashed else CONNECTOR_PEN
    if not conn.arrow or conn.kind is ConnectorKind.JOIN:
        return [PolylineOp(tuple(pts), pen)]
    line = (*pts[:-1], pull_back(pts[-2], pts[-1], ARROW_PULL))
    return [PolylineOp(line, pen), PolygonOp(arrowhead(pts[-2], pts[-1]), fill=INK)]


def dedupe(points: Iterable[Point]) -> list[Point]:
    """`points` without repeats of the point before."""
    out: list[Point] = []
    for p in points:
        if not out or abs(out[-1][0] - p[0]) > 1e-6 or abs(out[-1][1] - p[1]) > 1e-6:
            out.append(p)
    return out


def _unit(a: Point, b: Point) -> tuple[float, float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    return dx / length, dy / length, length


def pull_back(a: Point, b: Point, by: float) -> Point:
    """The point `by` before `b` on the segment from `a` (never past `a`)."""
    ux, uy, length = _unit(a, b)
    by = min(by, length)
    return (b[0] - ux * by, b[1] - uy * by)


def arrowhead(a: Point, tip: Point) -> tuple[Point, Point, Point]:
    """The triangle of an arrowhead at `tip`, pointing the way from `a`."""
    ux, uy, _ = _unit(a, tip)
    bx, by = tip[0] - ux * ARROW_LENGTH, tip[1] - uy * ARROW_LENGTH
    nx, ny = -uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH
    return (tip, (bx + nx, by + ny), (bx - nx, by - ny))


def symbol_op(sym: Symbol) -> Op:
    """Capsule (mulai/selesai), diamond (keputusan) or rectangle (proses)."""
    r = sym.rect
    if sym.kind is SymbolKind.TERMINATOR:
        return RoundRectOp(r, min(r.h, r.w) / 2, PAPER, SYMBOL_PEN)
    if sym.kind is SymbolKind.DECISION:
        return PolygonOp(diamond_points(r), PAPER, SYMBOL_PEN)
    return RectOp(r, PAPER, SYMBOL_PEN)


def diamond_points(r: Rect) -> tuple[Point, ...]:
    """The diamond inscribed in `r`, from its top corner clockwise (y down)."""
    return ((r.cx, r.y), (r.right, r.cy), (r.cx, r.bottom), (r.x, r.cy))


def pentagon_points(r: Rect) -> tuple[Point, ...]:
    """The home-plate outline of an off-page connector (y down), pointing down."""
    shoulder = r.y + r.h * SHOULDER
    return ((r.x, r.y), (r.right, r.y), (r.right, shoulder), (r.cx, r.bottom), (r.x, shoulder))


def text_op(run: TextRun, measure: Measure) -> TextOp:
    """A text run by its left end, with the width it is set at."""
    width = measure(run.text, run.font, run.size)
    x = run.x
    if run.anchor is Anchor.MIDDLE:
        x -= width / 2
    elif run.anchor is Anchor.END:
        x -= width
    return TextOp(x, run.y, run.text, run.font, run.size, width)


def _missing_letters(page: LayoutPage) -> list[TextRun]:
    """Letters for the off-page connectors the layout left without a text run."""
    runs = [t for t in page.texts if t.role == "offpage-letter"]
    return [
        letter_run(off.rect, off.letter)
        for off in page.offpages
        if not any(_letters(t, off) for t in runs)
    ]


def _letters(run: TextRun, off: OffPage) -> bool:
    return run.text == off.letter and off.rect.x - 1 <= run.x <= off.rect.right + 1


def _step_regions(symbols: Iterable[Symbol]) -> dict[str, tuple[Rect, ...]]:
    out: dict[str, tuple[Rect, ...]] = {}
    for sym in symbols:
        out[sym.step_id] = (*out.get(sym.step_id, ()), sym.rect)
    return out


def _row_regions(page: LayoutPage) -> dict[str, Rect]:
    if not page.columns:
        return {}
    left = page.columns[0].x
    right = page.columns[-1].x + page.columns[-1].w
    return {row.step_id: Rect(left, row.y, right - left, row.h) for row in page.rows}
