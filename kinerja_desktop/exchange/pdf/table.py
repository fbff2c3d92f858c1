"""Framed table rows of wrapped text, for the sheets set directly on the canvas.

A `Row` is a band of framed cells of one height; its cells hold lines already
wrapped to the cell's inner width. Pages are planned as lists of rows (heights
known), then drawn top-down. Used by the identity sheet, the Lembar Kerja and
the daftar isi.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.lib.colors import HexColor, black
from reportlab.pdfgen.canvas import Canvas

from .text import Style, TextLine, draw_lines, height_of, numbered, paragraph

PAD_X = 4.0
PAD_Y = 3.0
GRID_LINE = 0.6
TOP, MIDDLE = "top", "middle"


@dataclass(frozen=True)
class Cell:
    """One framed cell at `x` (page coordinates), `w` wide."""

    x: float
    w: float
    lines: tuple[TextLine, ...] = ()
    valign: str = TOP
    fill: str | None = None

    @property
    def inner_width(self) -> float:
        return self.w - 2 * PAD_X

    @property
    def needed(self) -> float:
        """Height the cell needs for its lines and padding."""
        return height_of(self.lines) + 2 * PAD_Y


@dataclass(frozen=True)
class Row:
    """A band of cells, all `height` tall."""

    cells: tuple[Cell, ...]
    height: float

    def taller(self, extra: float) -> Row:
        return replace(self, height=self.height + extra)


def text_cell(
    x: float, w: float, text: str, style: Style, valign: str = TOP, *, fill: str | None = None
) -> Cell:
    """A cell holding `text` wrapped to the cell."""
    return Cell(x, w, tuple(paragraph(text, style, w - 2 * PAD_X)), valign, fill)


def list_cell(x: float, w: float, items: Sequence[str], style: Style) -> Cell:
    """A cell holding a numbered list (see `text.numbered`)."""
    return Cell(x, w, tuple(numbered(items, style, w - 2 * PAD_X)))


def make_row(cells: Sequence[Cell], min_height: float = 0.0) -> Row:
    """A row as tall as its tallest cell (at least `min_height`)."""
    return Row(tuple(cells), max([min_height, *(cell.needed for cell in cells)]))


def draw_row(c: Canvas, row: Row, top: float) -> float:
    """Draw `row` with its top edge at `top` (y up); returns its bottom edge."""
    bottom = top - row.height
    for cell in row.cells:
        if cell.fill:
            c.setFillColor(HexColor(cell.fill))
            c.rect(cell.x, bottom, cell.w, row.height, stroke=0, fill=1)
    c.setFillColor(black)
    c.setStrokeColor(black)
    c.setLineWidth(GRID_LINE)
    for cell in row.cells:
        c.rect(cell.x, bottom, cell.w, row.height, stroke=1, fill=0)
        text_top = top - PAD_Y
        if cell.valign == MIDDLE:
            text_top = top - (row.height - height_of(cell.lines)) / 2
        draw_lines(c, cell.lines, cell.x + PAD_X, text_top, cell.inner_width)
    return bottom


def draw_rows(c: Canvas, rows: Sequence[Row], top: float) -> float:
    for row in rows:
        top = draw_row(c, row, top)
    return top


def split_lines(lines: Sequence[TextLine], room: float) -> tuple[list[TextLine], list[TextLine]]:
    """The lines that fit in `room` points, and the rest.

    In a numbered list the cut moves back to the start of an item, so an item
    is not torn across pages (unless it alone is longer than the room).
    """
    used = 0.0
    cut = len(lines)
    for i, line in enumerate(lines):
        if used + line.height > room + 1e-6:
            cut = i
            break
        used += line.height
    if 0 < cut < len(lines) and not lines[cut].label:
        starts = [i for i in range(1, cut) if lines[i].label]
        if starts:
            cut = starts[-1]
    return list(lines[:cut]), list(lines[cut:])
