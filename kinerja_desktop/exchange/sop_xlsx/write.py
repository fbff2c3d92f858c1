"""Writing the Langkah sheet: the step table laid out like the printed SOP.

    No. | Uraian Prosedur | Pelaksana: one column per lane | Mutu Baku: Kelengkapan,
    Waktu, Output | Keterangan | Simbol | Cabang Keputusan: Jawaban 1, Menuju
    langkah, Jawaban 2, Menuju langkah

The lane cell of a step names its symbol ("Mulai", "Proses", "Keputusan",
"Selesai"), tinted by kind, so a person sees the flow at a glance. The
Simbol column repeats the symbol (it carries it for a step that has no lane
yet), and the Cabang Keputusan columns hold each exit's label and the number
of the step it leads to ("berikutnya" = the next step). A row under the
header numbers the columns (1), (2), … as on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_desktop.core.sop import SopDocument, Step, StepKind

from ..xlsx.style import (
    FONT_TITLE,
    HEADER_FILL,
    fit_row,
    footer_text,
    landscape,
    put_text,
    style,
)
from .labels import (
    HEAD_CABANG,
    HEAD_EXIT_LABEL,
    HEAD_EXIT_TARGET,
    HEAD_KETERANGAN,
    HEAD_MUTU_BAKU,
    HEAD_NO,
    HEAD_PELAKSANA,
    HEAD_SIMBOL,
    HEAD_URAIAN,
    TARGET_NEXT,
)

TITLE_ROW = 1
SUBTITLE_ROW = 2
HEAD_ROW = 4  # group headings; the names are on the next row
NUMBER_ROW = HEAD_ROW + 2
FIRST_STEP_ROW = NUMBER_ROW + 1
KIND_FILL = {
    StepKind.MULAI: PatternFill("solid", fgColor="E2EFDA"),
    StepKind.SELESAI: PatternFill("solid", fgColor="E2EFDA"),
    StepKind.PROSES: PatternFill("solid", fgColor="DDEBF7"),
    StepKind.KEPUTUSAN: PatternFill("solid", fgColor="FFF2CC"),
}
"""The tint of a step's lane cell, by its symbol."""


@dataclass(frozen=True)
class Columns:
    """1-based column numbers of the Langkah sheet for a document."""

    lanes: int
    exit_pairs: int

    no: int = 1
    uraian: int = 2

    @property
    def first_lane(self) -> int:
        return 3

    @property
    def kelengkapan(self) -> int:
        return 3 + self.lanes

    @property
    def waktu(self) -> int:
        return self.kelengkapan + 1

    @property
    def output(self) -> int:
        return self.kelengkapan + 2

    @property
    def keterangan(self) -> int:
        return self.kelengkapan + 3

    @property
    def simbol(self) -> int:
        return self.kelengkapan + 4

    def exit_label(self, n: int) -> int:
        return self.simbol + 1 + 2 * n

    @property
    def last(self) -> int:
        return self.simbol + 2 * self.exit_pairs

    def widths(self) -> dict[int, float]:
        out = {self.no: 5.0, self.uraian: 42.0}
        out.update({self.first_lane + i: 13.0 for i in range(self.lanes)})
        out.update({self.kelengkapan: 20.0, self.waktu: 11.0, self.output: 20.0})
        out.update({self.keterangan: 18.0, self.simbol: 11.0})
        for n in range(self.exit_pairs):
            out[self.exit_label(n)] = 12.0
            out[self.exit_label(n) + 1] = 9.0
        return out


def _head(
    ws: Worksheet, row: int, col: int, text: str, *, to_col: int = 0, to_row: int = 0
) -> None:
    cell = style(put_text(ws, row, col, text), bold=True, center=True)
    cell.fill = HEADER_FILL
    last_col, last_row = max(col, to_col), max(row, to_row)
    for r in range(row, last_row + 1):
        for c in range(col, last_col + 1):
            style(ws.cell(row=r, column=c), bold=True, center=True).fill = HEADER_FILL
    if (last_col, last_row) != (col, row):
        ws.merge_cells(start_row=row, start_column=col, end_row=last_row, end_column=last_col)


def _write_header(ws: Worksheet, doc: SopDocument, cols: Columns) -> None:
    top, sub = HEAD_ROW, HEAD_ROW + 1
    _head(ws, top, cols.no, HEAD_NO, to_row=sub)
    _head(ws, top, cols.uraian, HEAD_URAIAN, to_row=sub)
    if cols.lanes:
        _head(ws, top, cols.first_lane, HEAD_PELAKSANA, to_col=cols.kelengkapan - 1)
        for i, lane in enumerate(doc.lanes):
            _head(ws, sub, cols.first_lane + i, lane.nama)
    _head(ws, top, cols.kelengkapan, HEAD_MUTU_BAKU, to_col=cols.output)
    kelengkapan, waktu, output = doc.mutu_baku_heads.titles()  # the office's own words
    _head(ws, sub, cols.kelengkapan, kelengkapan)
    _head(ws, sub, cols.waktu, waktu)
    _head(ws, sub, cols.output, output)
    _head(ws, top, cols.keterangan, HEAD_KETERANGAN, to_row=sub)
    _head(ws, top, cols.simbol, HEAD_SIMBOL, to_row=sub)
    _head(ws, top, cols.exit_label(0), HEAD_CABANG, to_col=cols.last)
    for n in range(cols.exit_pairs):
        _head(ws, sub, cols.exit_label(n), HEAD_EXIT_LABEL.format(n=n + 1))
        _head(ws, sub, cols.exit_label(n) + 1, HEAD_EXIT_TARGET)
    for c in range(1, cols.last + 1):
        _head(ws, NUMBER_ROW, c, f"({c})")
    fit_row(ws, sub, [(lane.nama, 13.0) for lane in doc.lanes])


def _target_index(doc: SopDocument, target: str | None) -> int | None:
    """Position of an exit's target; None for "the next step" (or an unknown id)."""
    if target is None:
        return None
    try:
        return doc.step_index(target)
    except ValueError:
        return None


def _write_exits(ws: Worksheet, doc: SopDocument, cols: Columns, index: int, step: Step) -> None:
    """Each exit as its label and the number of the step it leads to ("berikutnya" = next)."""
    row = FIRST_STEP_ROW + index
    for n in range(cols.exit_pairs):
        label_cell = style(ws.cell(row=row, column=cols.exit_label(n)), center=True)
        target_cell = style(ws.cell(row=row, column=cols.exit_label(n) + 1), center=True)
        if n >= len(step.exits):
            continue
        ex = step.exits[n]
        put_text(ws, row, label_cell.column, ex.label, what=f"cabang langkah {index + 1}")
        target = _target_index(doc, ex.target)
        if target is None:
            put_text(ws, row, target_cell.column, TARGET_NEXT)
        else:
            target_cell.value = target + 1


def _write_step(ws: Worksheet, doc: SopDocument, cols: Columns, index: int, step: Step) -> None:
    row = FIRST_STEP_ROW + index
    what = f"langkah {index + 1}"
    style(ws.cell(row=row, column=cols.no, value=index + 1), center=True)
    marked = set(doc.lane_indices(step))
    for i in range(cols.lanes):
        cell = style(ws.cell(row=row, column=cols.first_lane + i), bold=True, center=True)
        if i in marked:
            put_text(ws, row, cols.first_lane + i, step.jenis.label)
            cell.fill = KIND_FILL[step.jenis]
    mb = step.mutu_baku
    texts = {
        cols.uraian: step.uraian,
        cols.kelengkapan: mb.kelengkapan,
        cols.waktu: mb.waktu,
        cols.output: mb.output,
        cols.keterangan: step.keterangan,
    }
    for col, text in texts.items():
        style(put_text(ws, row, col, text, what=what))
    style(put_text(ws, row, cols.simbol, step.jenis.label), center=True)
    _write_exits(ws, doc, cols, index, step)
    widths = cols.widths()
    # At least two lines high: room for the symbol, as on paper.
    fit_row(ws, row, [(text, widths[col]) for col, text in texts.items()], min_lines=2)


def write_langkah_sheet(ws: Worksheet, doc: SopDocument) -> None:
    """Fill `ws` with the step table of `doc`, ready to read and to print."""
    exit_pairs = max([2, *(len(s.exits) for s in doc.steps)])
    cols = Columns(lanes=len(doc.lanes), exit_pairs=exit_pairs)
    title = ws.cell(row=TITLE_ROW, column=1)
    put_text(ws, TITLE_ROW, 1, f"Langkah SOP: {doc.judul}" if doc.judul else "Langkah SOP")
    title.font = FONT_TITLE
    put_text(ws, SUBTITLE_ROW, 1, f"Nomor SOP: {doc.nomor or '-'}   ·   Revisi ke-{doc.revisi_ke}")
    _write_header(ws, doc, cols)
    for index, step in enumerate(doc.steps):
        _write_step(ws, doc, cols, index, step)
    for col, width in cols.widths().items():
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=FIRST_STEP_ROW, column=cols.first_lane)
    landscape(ws, f"{HEAD_ROW}:{NUMBER_ROW}")
    ws.print_area = f"A1:{get_column_letter(cols.last)}{max(FIRST_STEP_ROW, ws.max_row)}"
    ws.oddFooter.left.text = footer_text(doc.nomor or doc.judul)
    ws.oddFooter.right.text = "Hal. &P dari &N"
