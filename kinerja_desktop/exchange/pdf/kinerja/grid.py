"""Framed report tables whose cells span columns (and, in the head, rows).

A `Grid` is the leaf-column edges and the head rows; a body row is a tuple
of `Span`s. Rows are wrapped and measured before drawing (`measure_row`),
so pages can be planned; numbers are never wrapped: a figure too wide for
its cell is set smaller (down to `MIN_SIZE`) instead. The head is repeated
on every page the table goes on to (see `blocks.TableBlock`); the body rows
are drawn by `paint.paint_rows`, the head (once per document, as a form) by
`draw_head` here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor, black
from reportlab.pdfgen.canvas import Canvas

from ..table import GRID_LINE, PAD_X, PAD_Y
from ..text import CENTER, RIGHT, Style, TextLine, draw_lines, height_of, paragraph, width_of

MIN_SIZE = 4.3  # the smallest a figure is set to fit its cell
TOP, MIDDLE = "top", "middle"


@dataclass(slots=True)
class Span:
    """A cell over leaf columns [col, col + cols) and, in a head, `rows` rows.

    Span, Placed and Row are plain (not frozen) dataclasses and never changed
    after they are made: a big report makes ~110,000 of each, and a frozen
    dataclass's `__init__` costs four times as much."""

    col: int
    text: str
    style: Style
    cols: int = 1
    rows: int = 1
    fill: str | None = None
    figure: bool = False  # one line, shrunk to fit rather than wrapped
    valign: str = TOP


@dataclass(frozen=True)
class Grid:
    """Leaf-column edges (x of each left edge, then the right edge) and the head rows."""

    edges: tuple[float, ...]
    head: tuple[tuple[Span, ...], ...] = ()

    @property
    def left(self) -> float:
        return self.edges[0]

    @property
    def width(self) -> float:
        return self.edges[-1] - self.edges[0]

    def span_width(self, s: Span) -> float:
        return self.edges[s.col + s.cols] - self.edges[s.col]


@dataclass(slots=True)
class Placed:
    """A span with its wrapped lines."""

    span: Span
    lines: tuple[TextLine, ...]

    @property
    def needed(self) -> float:
        return height_of(self.lines) + 2 * PAD_Y


@dataclass(slots=True)
class Row:
    cells: tuple[Placed, ...]
    height: float


def edges_of(left: float, width: float, weights: Sequence[float]) -> tuple[float, ...]:
    """Column edges dividing `width` from `left` in proportion to `weights`."""
    total = sum(weights)
    out, x = [left], left
    for w in weights:
        x += width * w / total
        out.append(x)
    return tuple(out)


def _figure_line(text: str, style: Style, width: float) -> TextLine:
    size = style.size
    if width_of(text, style) <= width:  # most figures fit as they are
        return TextLine(text, style)
    while size > MIN_SIZE and width_of(text, style.with_(size=size)) > width:
        size -= 0.25
    return TextLine(text, style.with_(size=size))


_Lines = tuple[tuple[TextLine, ...], float]
_MEASURED: dict[tuple[int, str, float, bool], tuple[Style, _Lines]] = {}


def _lines_of(text: str, style: Style, inner: float, figure: bool) -> _Lines:
    """A cell's lines and the height they need, cached (a big report repeats its texts
    and figures many times). Keyed by the style's id, not its (slow) hash: the
    cache holds the style, so its id cannot be reused by another while cached."""
    key = (id(style), text, inner, figure)
    found = _MEASURED.get(key)
    if found is not None and found[0] is style:
        return found[1]
    if not text:
        lines: tuple[TextLine, ...] = ()
    elif figure:
        lines = (_figure_line(text, style, inner),)
    else:
        lines = tuple(paragraph(text, style, inner))
    if len(_MEASURED) > 65536:  # a bound
        _MEASURED.clear()
    measured = lines, height_of(lines) + 2 * PAD_Y
    _MEASURED[key] = (style, measured)
    return measured


def place(grid: Grid, span: Span) -> Placed:
    inner = grid.span_width(span) - 2 * PAD_X
    return Placed(span, _lines_of(span.text, span.style, inner, span.figure)[0])


def measure_row(grid: Grid, spans: Sequence[Span], min_height: float = 0.0) -> Row:
    edges, cells, tallest = grid.edges, [], max(min_height, 10.0)
    for s in spans:
        inner = edges[s.col + s.cols] - edges[s.col] - 2 * PAD_X  # as span_width
        lines, needed = _lines_of(s.text, s.style, inner, s.figure)
        cells.append(Placed(s, lines))
        tallest = max(tallest, needed)
    return Row(tuple(cells), tallest)


def measure_head(grid: Grid) -> list[Row]:
    """The head rows; a span over several rows makes the last of them taller if it must."""
    rows = [
        measure_row(grid, [s for s in spans if s.rows == 1]) if spans else Row((), 10.0)
        for spans in grid.head
    ]
    heights = [r.height for r in rows]
    for i, spans in enumerate(grid.head):
        for s in spans:
            if s.rows > 1:
                need = place(grid, s).needed
                have = sum(heights[i : i + s.rows])
                if need > have:
                    heights[i + s.rows - 1] += need - have
    return [
        Row(tuple(place(grid, s) for s in spans), h)
        for spans, h in zip(grid.head, heights, strict=True)
    ]


def draw_cell(c: Canvas, grid: Grid, cell: Placed, top: float, height: float) -> None:
    s = cell.span
    x, w = grid.edges[s.col], grid.span_width(s)
    bottom = top - height
    if s.fill:
        c.setFillColor(HexColor(s.fill))
        c.rect(x, bottom, w, height, stroke=0, fill=1)
        c.setFillColor(black)
    c.rect(x, bottom, w, height, stroke=1, fill=0)  # stroke set once per row (_pen)
    text_top = top - PAD_Y
    if s.valign == MIDDLE:
        text_top = top - (height - height_of(cell.lines)) / 2
    draw_lines(c, cell.lines, x + PAD_X, text_top, w - 2 * PAD_X)
    if any(line.style.underline for line in cell.lines):
        pen(c)  # an underline changed the line width


def pen(c: Canvas) -> None:
    c.setStrokeColor(black)
    c.setLineWidth(GRID_LINE)


def draw_head(c: Canvas, grid: Grid, rows: list[Row], top: float) -> float:
    pen(c)
    heights = [r.height for r in rows]
    for i, row in enumerate(rows):
        y = top - sum(heights[:i])
        for cell in row.cells:
            draw_cell(c, grid, cell, y, sum(heights[i : i + cell.span.rows]))
    return top - sum(heights)


def draw_row(c: Canvas, grid: Grid, row: Row, top: float) -> float:
    pen(c)
    for cell in row.cells:
        draw_cell(c, grid, cell, top, row.height)
    return top - row.height


def split_row(row: Row, room: float) -> tuple[Row | None, Row | None]:
    """The lines of a text row that fit in `room`, and the rest (figures stay on top)."""
    avail = room - 2 * PAD_Y
    heads, tails = [], []
    for cell in row.cells:
        used, cut = 0.0, len(cell.lines)
        for i, line in enumerate(cell.lines):
            if used + line.height > avail + 1e-6:
                cut = i
                break
            used += line.height
        heads.append(Placed(cell.span, cell.lines[:cut]))
        tails.append(Placed(cell.span, cell.lines[cut:]))
    if not any(p.lines for p in heads) or not any(p.lines for p in tails):
        return None, row
    head = Row(tuple(heads), max(10.0, *(p.needed for p in heads)))
    tail = Row(tuple(tails), max(10.0, *(p.needed for p in tails)))
    return head, tail


def number_style(style: Style) -> Style:
    return style.with_(align=RIGHT)


def center_style(style: Style) -> Style:
    return style.with_(align=CENTER)
