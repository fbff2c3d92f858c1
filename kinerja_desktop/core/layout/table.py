"""The flowchart table's text: the header block and each step's wrapped cells.

The header has a group row ("Pelaksana" over the lanes, "Mutu Baku" over
Kelengkapan/Waktu/Output; No, Uraian and Keterangan span both rows), the row of
titles, and optionally the column numbers (1)…(n). A step row is as tall as its
tallest wrapped cell plus padding, and never shorter than its symbol needs. A
row that would not fit on an empty page has its text set smaller and, as a last
resort, cut with an ellipsis (and the user is told).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..sop import Step
from .columns import ColumnPlan
from .primitives import Anchor, Column, Font, Measure, Rect
from .style import HEADER_FILL, NUMBER_FILL
from .text import CellText, fit_with_ellipsis, line_height, wrap_cell, wrap_text

SHORT_TITLES = {"Keterangan": "Ket.", "Uraian Prosedur": "Uraian"}
MAX_HEADER_LINES = 6

# step cell key -> (how its lines are anchored, how the text is taken from the step)
CELL_KEYS: tuple[tuple[str, Anchor], ...] = (
    ("no", Anchor.MIDDLE),
    ("uraian", Anchor.START),
    ("kelengkapan", Anchor.MIDDLE),
    ("waktu", Anchor.MIDDLE),
    ("output", Anchor.MIDDLE),
    ("keterangan", Anchor.START),
)


@dataclass(frozen=True)
class HeaderCell:
    rect: Rect  # y relative to the header's top
    text: CellText
    fill: str
    role: str = "header"


@dataclass(frozen=True)
class Header:
    height: float
    cells: tuple[HeaderCell, ...]


@dataclass
class RowText:
    """The wrapped cells of one step and the height they need."""

    cells: dict[str, CellText]
    height: float
    notices: list[str] = field(default_factory=list)


def _fits_words(text: str, width: float, font: Font, size: float, measure: Measure) -> bool:
    return all(measure(word, font, size) <= width for word in text.split())


def fit_title(
    text: str, width: float, plan: ColumnPlan, floor: float, measure: Measure
) -> CellText:
    """A bold title in `width`: shortened ("Ket."), then smaller (down to `floor`),
    before any word is broken (with a hyphen)."""
    size = plan.metrics.head
    short = [SHORT_TITLES[text]] if text in SHORT_TITLES else []
    tries = [(t, size) for t in [text, *short]]
    steps = int(max(0.0, size - floor) / 0.25)
    tries += [(t, size - 0.25 * k) for t in [text, *short] for k in range(1, steps + 1)]
    for candidate, s in tries:
        if _fits_words(candidate, width, Font.BOLD, s, measure):
            return _capped(wrap_cell(candidate, width, Font.BOLD, s, measure), width, measure)
    last = short[0] if short else text
    lines = wrap_text(last, width, Font.BOLD, floor, measure, hyphen=True)
    return _capped(CellText(tuple(lines), Font.BOLD, floor), width, measure)


def _capped(cell: CellText, width: float, measure: Measure) -> CellText:
    if len(cell.lines) <= MAX_HEADER_LINES:
        return cell
    kept = list(cell.lines[:MAX_HEADER_LINES])
    kept[-1] = fit_with_ellipsis(kept[-1], width, cell.font, cell.size, measure)
    return CellText(tuple(kept), cell.font, cell.size)


def build_header(plan: ColumnPlan, floor: float, numbers: bool, measure: Measure) -> Header:
    """The header block (group row, title row, optional number row) for `plan`."""
    m = plan.metrics
    pad_x, pad_y = m.pad_x, m.pad_y
    cols = plan.columns

    def title(col: Column, text: str | None = None) -> CellText:
        return fit_title(
            text or col.title, max(col.w - 2 * _pad(col, pad_x), 1.0), plan, floor, measure
        )

    lanes = [c for c in cols if c.key == "lane"]
    mutu = [c for c in cols if c.key in ("kelengkapan", "waktu", "output")]
    spans = [("Pelaksana", lanes), ("Mutu Baku", mutu)]
    groups = [(text, cs, _span_title(text, cs, plan, floor, measure)) for text, cs in spans if cs]
    h1 = max((g[2].height for g in groups), default=line_height(m.head)) + 2 * pad_y
    grouped = {id(c) for _, cs, _ in groups for c in cs}
    titles = {id(c): title(c) for c in cols}
    h2 = max((titles[id(c)].height for c in cols if id(c) in grouped), default=0.0) + 2 * pad_y
    whole = max(
        [h1 + h2] + [titles[id(c)].height + 2 * pad_y for c in cols if id(c) not in grouped]
    )
    h2 = whole - h1
    cells: list[HeaderCell] = []
    for _, cs, cell in groups:
        cells.append(
            HeaderCell(Rect(cs[0].x, 0.0, cs[-1].x + cs[-1].w - cs[0].x, h1), cell, HEADER_FILL)
        )
    for c in cols:
        top = h1 if id(c) in grouped else 0.0
        cells.append(HeaderCell(Rect(c.x, top, c.w, whole - top), titles[id(c)], HEADER_FILL))
    if numbers:
        size = max(floor, min(m.body * 0.9, m.body))
        h3 = line_height(size) + pad_y
        for i, c in enumerate(cols, start=1):
            label = _number_label(i, c, size, floor, measure, pad_x=pad_x)
            cells.append(HeaderCell(Rect(c.x, whole, c.w, h3), label, NUMBER_FILL, "colnum"))
        whole += h3
    return Header(whole, tuple(cells))


def _span_title(
    text: str, cols: list[Column], plan: ColumnPlan, floor: float, measure: Measure
) -> CellText:
    width = cols[-1].x + cols[-1].w - cols[0].x - 2 * plan.metrics.pad_x
    return fit_title(text, max(width, 1.0), plan, floor, measure)


def _pad(col: Column, pad_x: float) -> float:
    """Cell padding, smaller in very narrow columns so that a character still fits."""
    return min(pad_x, col.w * 0.1)


def _number_label(
    i: int, col: Column, size: float, floor: float, measure: Measure, *, pad_x: float
) -> CellText:
    width = max(col.w - 2 * _pad(col, pad_x), 1.0)
    for text in (f"({i})", str(i)):
        if measure(text, Font.REGULAR, size) <= width:
            return CellText((text,), Font.REGULAR, size)
    return wrap_cell(str(i), width, Font.REGULAR, floor, measure)


def cell_texts(step: Step, number: int) -> dict[str, str]:
    mb = step.mutu_baku
    return {
        "no": str(number),
        "uraian": step.uraian,
        "kelengkapan": mb.kelengkapan,
        "waktu": mb.waktu,
        "output": mb.output,
        "keterangan": step.keterangan,
    }


def wrap_row(
    texts: dict[str, str], plan: ColumnPlan, size: float, measure: Measure
) -> dict[str, CellText]:
    out: dict[str, CellText] = {}
    for key, _ in CELL_KEYS:
        col = plan.column(key)
        width = max(col.w - 2 * _pad(col, plan.metrics.pad_x), 1.0)
        out[key] = wrap_cell(texts[key], width, Font.REGULAR, size, measure)
    return out


def row_text(
    step: Step,
    number: int,
    plan: ColumnPlan,
    *,
    min_h: float,
    max_h: float,
    floor: float,
    measure: Measure,
) -> RowText:
    """The wrapped cells of a step, shrunk or cut so that the row is at most `max_h` tall."""
    texts = cell_texts(step, number)
    pad_y = plan.metrics.pad_y
    cells = wrap_row(texts, plan, plan.metrics.body, measure)
    need = max(c.height for c in cells.values()) + 2 * pad_y
    notices: list[str] = []
    if need > max_h and plan.metrics.body > floor:
        cells = wrap_row(texts, plan, floor, measure)
        need = max(c.height for c in cells.values()) + 2 * pad_y
        notices.append(f"Teks langkah {number} diperkecil agar barisnya muat dalam satu halaman.")
    if need > max_h:
        cells = {k: _cut(c, max_h - 2 * pad_y, plan, k, measure) for k, c in cells.items()}
        need = max(c.height for c in cells.values()) + 2 * pad_y
        notices.append(
            f"Teks langkah {number} terlalu panjang untuk satu halaman dan dipotong (…) di lembar "
            "alur; pendekkan uraiannya atau pindahkan rinciannya ke dokumen lain."
        )
    return RowText(cells, max(need, min_h), notices)


def _cut(cell: CellText, room: float, plan: ColumnPlan, key: str, measure: Measure) -> CellText:
    keep = max(1, int(room // line_height(cell.size)))
    if len(cell.lines) <= keep:
        return cell
    col = plan.column(key)
    width = max(col.w - 2 * _pad(col, plan.metrics.pad_x), 1.0)
    lines = list(cell.lines[:keep])
    lines[-1] = fit_with_ellipsis(lines[-1], width, cell.font, cell.size, measure)
    return CellText(tuple(lines), cell.font, cell.size)


def cell_padding(col: Column, plan: ColumnPlan) -> float:
    return _pad(col, plan.metrics.pad_x)
