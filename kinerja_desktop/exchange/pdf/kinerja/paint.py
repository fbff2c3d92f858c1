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
same formulas as `text.draw_line` (underlines too), and what does not change
from row to row (a line's x and operators, a row's border pattern) is made
once per document.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from ..table import GRID_LINE, PAD_X, PAD_Y
from ..text import CENTER, RIGHT, TextLine, baseline_offset, height_of, width_of
from .grid import MIDDLE, Grid, Row

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


_Face = tuple[str, float]  # (PDF font name of a subset, size)


class _Page:
    """What one page's rows draw, gathered before it is written."""

    def __init__(self, c: Canvas, grid: Grid) -> None:
        self.enc = _encoder(c)
        self.grid = grid
        frames = c.__dict__.setdefault("_kinerja_frames", {})  # per grid: border patterns
        self.frames: dict[tuple, tuple] = frames.setdefault(grid.edges, {})
        self.shown: dict[tuple, tuple] = c.__dict__.setdefault("_kinerja_shown", {})
        self.fills: dict[str, list[str]] = {}
        self.across: dict[float, list[tuple[float, float]]] = {}  # y -> (x0, x1)
        self.down: dict[float, list[list[float]]] = {}  # x -> [top, bottom] runs
        self.last: tuple | None = None  # the frame of the row above, and its open runs
        self.open: list[list[float]] = []
        self.text: list[str] = []
        self.under: dict[str, list[str]] = {}  # pen width -> underlines
        self.face: _Face | None = None
        self.ys: dict[float, str] = {}  # baselines as written

    def row(self, row: Row, top: float) -> float:
        bottom = top - row.height
        edges = self.grid.edges
        self._frame(row, top, bottom)
        for cell in row.cells:
            s = cell.span
            x0, x1 = edges[s.col], edges[s.col + s.cols]
            if s.fill:
                box = f"{fp_str(x0, bottom, x1 - x0, row.height)} re"
                self.fills.setdefault(s.fill, []).append(box)
            if cell.lines:
                text_top = top - PAD_Y
                if s.valign == MIDDLE:
                    text_top = top - (row.height - height_of(cell.lines)) / 2
                self._lines(cell.lines, x0, x1, text_top)
        return bottom

    def _frame(self, row: Row, top: float, bottom: float) -> None:
        """The row's borders: its top and bottom over its cells, its column edges as
        runs down the page (a run goes on while the rows below share the edge)."""
        key = tuple((c.span.col, c.span.cols) for c in row.cells)
        frame = self.frames.get(key)
        if frame is None:
            frame = self.frames[key] = _frame_of(self.grid.edges, key)
        xs, spans = frame
        for y in (top, bottom):
            self.across.setdefault(y, []).extend(spans)
        if frame is self.last:  # the same edges as the row above: its runs go on
            for run in self.open:
                run[1] = bottom
            return
        self.last, self.open = frame, []
        down = self.down
        for x in xs:
            runs = down.get(x)
            if runs is None:
                runs = down[x] = [[top, bottom]]
            elif runs[-1][1] == top:  # continues the run from the rows above
                runs[-1][1] = bottom
            else:
                runs.append([top, bottom])
            self.open.append(runs[-1])

    def _lines(self, lines: Sequence[TextLine], x0: float, x1: float, top: float) -> None:
        key = (id(lines), x0, x1)
        found = self.shown.get(key)
        if found is None:  # (the value holds `lines`: its id is not reused meanwhile)
            ops = _cell_ops(self.enc, lines, x0 + PAD_X, x1 - x0 - 2 * PAD_X)
            found = self.shown[key] = (lines, *ops)
        _lines, first, last, items = found
        out, ys = self.text, self.ys
        if first is not None and first != self.face:
            out.append(_tf(first))
        for base, leading, segments, under in items:
            y = top - base
            top -= leading
            at = ys.get(y)
            if at is None:
                at = ys[y] = fp_str(y)
            if segments is not None:
                out.append(at.join(segments))
            if under is not None:
                pen, a, b, drop = under
                uy = fp_str(y - drop)
                self.under.setdefault(pen, []).append(f"{a} {uy} m {b} {uy} l")
        if last is not None:
            self.face = last

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
        if self.under:
            out.append("0 J")
            for pen, lines in self.under.items():
                out += [f"{pen} w", *lines, "S"]
        if self.text:
            out += ["BT", *self.text, "ET"]
        out.append("Q")
        return "\n".join(out)


def _tf(face: _Face) -> str:
    return f"{face[0]} {fp_str(face[1])} Tf"


def _cell_ops(enc: _Encoder, lines: Sequence[TextLine], x: float, width: float) -> tuple:
    """A cell's text as operators with the baseline's y left open: per line its
    baseline drop, leading, the segments to join with y, and its underline; the
    faces the cell starts and ends with (Tf between its own parts is included)."""
    first: _Face | None = None
    face: _Face | None = None
    items = []
    for line in lines:
        st = line.style
        segments: list[str] | None = None  # joined with the baseline's y
        for at, words in _pieces(line, x, width):
            start = f"1 0 0 1 {fp_str(at)} "
            if segments is None:
                segments = [start]
            else:
                segments[-1] += "\n" + start
            ops: list[str] = []
            for name, code in enc.parts(st.font, words):
                if face is None:
                    first = face = (name, st.size)
                elif face != (name, st.size):
                    face = (name, st.size)
                    ops.append(_tf(face))
                ops.append(f"({code}) Tj")
            segments.append(" Tm\n" + "\n".join(ops))
        items.append((baseline_offset(st), st.leading, segments, _underline(line, x, width)))
    return first, face, tuple(items)


def _pieces(line: TextLine, x: float, width: float) -> list[tuple[float, str]]:
    """Where a line's label and text start: the formulas of `text.draw_line`."""
    st = line.style
    out = [(x, line.label)] if line.label else []
    if line.text:
        left, avail = x + line.indent, width - line.indent
        if st.align == CENTER:
            at = left + avail / 2 - 0.5 * width_of(line.text, st)
        elif st.align == RIGHT:
            at = left + avail - width_of(line.text, st)
        else:
            at = left
        out.append((at, line.text))
    return out


def _underline(line: TextLine, x: float, width: float) -> tuple[str, str, str, float] | None:
    st = line.style
    if not (st.underline and line.text):
        return None
    left, avail, w = x + line.indent, width - line.indent, width_of(line.text, st)
    start = left
    if st.align == CENTER:
        start = left + (avail - w) / 2
    elif st.align == RIGHT:
        start = left + avail - w
    return fp_str(max(st.size / 14, 0.5)), fp_str(start), fp_str(start + w), st.size * 0.14


def _frame_of(edges: Sequence[float], key: tuple) -> tuple:
    xs = sorted({edges[col] for col, _ in key} | {edges[col + cols] for col, cols in key})
    spans = _merged([(edges[col], edges[col + cols]) for col, cols in key])
    return tuple(xs), tuple(spans)


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
    return top
