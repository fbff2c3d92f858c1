"""The body rows of a report table drawn as PDF operators, batched per page.

A big report has ~110,000 cells; drawn one by one through reportlab's
`rect` and `drawString` each cell costs a path, a text object and a font
lookup. Here one page's rows become one literal (`Canvas.addLiteral`) inside
q/Q: the fills grouped by colour, the borders as one path of lines (a row
boundary and a column edge drawn once, square caps closing the corners), and
the text as one BT…ET with `Tf` only where font or size changes. The text
is encoded by the TrueType font's own `splitString` and subset names (as
reportlab's text object does), cached per document and (font, text), so
subsetting and embedding stay reportlab's. Positions are computed with the
same formulas as `text.draw_line`; a cell with an underlined line is drawn the
plain way (`grid.draw_cell`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from ..table import GRID_LINE, PAD_X, PAD_Y
from ..text import CENTER, RIGHT, TextLine, baseline_offset, height_of, width_of
from .grid import MIDDLE, Grid, Placed, Row, draw_cell, pen

Parts = tuple[tuple[str, str], ...]  # (PDF font name of the subset, escaped bytes)


class _Encoder:
    """Text as PDF string operands, per document: the subset of each run of
    characters and its escaped codes, made once per (font, text)."""

    def __init__(self, c: Canvas) -> None:
        self._doc = c._doc  # the document whose font subsets the codes belong to
        self._cache: dict[tuple[str, str], Parts] = {}

    def parts(self, font_name: str, text: str) -> Parts:
        key = (font_name, text)
        found = self._cache.get(key)
        if found is None:
            font, doc = getFont(font_name), self._doc
            found = tuple(
                (font.getSubsetInternalName(subset, doc), escapePDF(chunk))
                for subset, chunk in font.splitString(text, doc)
            )
            self._cache[key] = found
        return found


def _encoder(c: Canvas) -> _Encoder:
    found = c.__dict__.get("_kinerja_encoder")
    if found is None:
        found = c.__dict__["_kinerja_encoder"] = _Encoder(c)
    return found


def _rgb(fill: str) -> str:
    colour = HexColor(fill)
    return f"{fp_str(colour.red, colour.green, colour.blue)} rg"


class _Page:
    """What one page's rows draw, gathered before it is written."""

    def __init__(self, c: Canvas, grid: Grid) -> None:
        self.enc = _encoder(c)
        self.grid = grid
        self.fills: dict[str, list[str]] = {}
        self.across: dict[float, list[tuple[float, float]]] = {}  # y -> (x0, x1)
        self.down: dict[float, list[list[float]]] = {}  # x -> [top, bottom] runs
        self.text: list[str] = []
        self.face: tuple[str, float] | None = None
        self.plain: list[tuple[Placed, float, float]] = []

    def row(self, row: Row, top: float) -> float:
        bottom = top - row.height
        edges = self.grid.edges
        for cell in row.cells:
            s = cell.span
            x0, x1 = edges[s.col], edges[s.col + s.cols]
            self._frame(x0, x1, top, bottom)
            if s.fill:
                box = f"{fp_str(x0, bottom, x1 - x0, row.height)} re"
                self.fills.setdefault(s.fill, []).append(box)
            if not cell.lines:
                continue
            if any(line.style.underline for line in cell.lines):
                self.plain.append((cell, top, row.height))
                continue
            text_top = top - PAD_Y
            if s.valign == MIDDLE:
                text_top = top - (row.height - height_of(cell.lines)) / 2
            self._lines(cell.lines, x0 + PAD_X, text_top, x1 - x0 - 2 * PAD_X)
        return bottom

    def _frame(self, x0: float, x1: float, top: float, bottom: float) -> None:
        across = self.across
        for y in (top, bottom):
            spans = across.get(y)
            if spans is None:
                across[y] = [(x0, x1)]
            else:
                spans.append((x0, x1))
        down = self.down
        for x in (x0, x1):
            runs = down.get(x)
            if runs is None:
                down[x] = [[top, bottom]]
            elif runs[-1][1] == top:  # continues the run from the rows above
                runs[-1][1] = bottom
            elif runs[-1][1] != bottom:  # (== bottom: this row's edge is there already)
                runs.append([top, bottom])

    def _lines(self, lines: Sequence[TextLine], x: float, top: float, width: float) -> None:
        for line in lines:
            st = line.style
            y = top - baseline_offset(st)
            top -= line.height
            if line.label:
                self._show(line.label, st.font, st.size, x, y)
            if not line.text:
                continue
            left, avail = x + line.indent, width - line.indent
            if st.align == CENTER:
                at = left + avail / 2 - 0.5 * width_of(line.text, st)
            elif st.align == RIGHT:
                at = left + avail - width_of(line.text, st)
            else:
                at = left
            self._show(line.text, st.font, st.size, at, y)

    def _show(self, text: str, font: str, size: float, x: float, y: float) -> None:
        out = self.text
        out.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        for name, code in self.enc.parts(font, text):
            if self.face != (name, size):
                self.face = (name, size)
                out.append(f"{name} {fp_str(size)} Tf")
            out.append(f"({code}) Tj")

    def operators(self) -> str:
        out = ["q"]
        for fill, boxes in self.fills.items():
            out += [_rgb(fill), *boxes, "f"]
        out.append(f"0 0 0 RG {fp_str(GRID_LINE)} w 2 J 0 0 0 rg")
        for y, spans in self.across.items():
            out += [f"{fp_str(a, y)} m {fp_str(b, y)} l" for a, b in _merged(spans)]
        for x, runs in self.down.items():
            out += [f"{fp_str(x, top)} m {fp_str(x, bottom)} l" for top, bottom in runs]
        out.append("S")
        if self.text:
            out += ["BT", *self.text, "ET"]
        out.append("Q")
        return "\n".join(out)


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Touching or overlapping [x0, x1] spans joined."""
    spans.sort()
    out = [spans[0]]
    for a, b in spans[1:]:
        last_a, last_b = out[-1]
        if a <= last_b + 1e-6:
            out[-1] = (last_a, max(last_b, b))
        else:
            out.append((a, b))
    return out


def paint_rows(c: Canvas, grid: Grid, rows: Sequence[Row], top: float) -> float:
    """Draw `rows` of `grid` from `top` down (one page's worth); the y under the last."""
    page = _Page(c, grid)
    for row in rows:
        top = page.row(row, top)
    if rows:
        c.addLiteral(page.operators())
    if page.plain:
        pen(c)
        for cell, cell_top, height in page.plain:
            draw_cell(c, grid, cell, cell_top, height)
    return top
