"""What the report workbooks share: cell writing, looks, and the formulas that
repeat the app's calculation so the user can keep working in a spreadsheet.

* every text goes through `exchange.xlsx.style.put_text` (a string cell,
  never a formula, even when it begins with "=");
* `capaian_formula` is the indicator's rule as a spreadsheet formula (R/T,
  (2T − R)/T floored at 0, T/R; scale labels looked up to their numbers),
  empty text where the app prints "—";
* `aggregate_formula` combines periods by the rule (jumlah, nilai terakhir,
  rata-rata, nilai tertinggi) over the cells that are filled;
* `predikat_formula` the bands, compared after ROUND(…, 2) like the app;
* the "Versi" sheet says which frozen version (and data hash) the file is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_desktop.core.kinerja.laporan import JUDUL, Aturan, Predikat, Stamp
from kinerja_desktop.core.kinerja.predikat import PredikatScale
from kinerja_desktop.exchange import atomic
from kinerja_desktop.exchange.xlsx.style import (
    BORDER,
    CENTER,
    FONT,
    FONT_BOLD,
    FONT_TITLE,
    HEADER_FILL,
    WRAP_TOP,
    put_text,
)

PERCENT = "0.00"
RUPIAH = "#,##0"
NUMBER = "General"
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
NUMBER_FILL = PatternFill("solid", fgColor="EDEDED")
SMALL = Font(name="Arial", size=8)
RIGHT = Alignment(horizontal="right", vertical="top")


def col(n: int) -> str:
    return get_column_letter(n)


def text(
    ws: Worksheet,
    row: int,
    column: int,
    value: str,
    *,
    bold: bool = False,
    center: bool = False,
    border: bool = True,
    fill: PatternFill | None = None,
    small: bool = False,
):
    cell = put_text(ws, row, column, value)
    cell.font = FONT_BOLD if bold else (SMALL if small else FONT)
    cell.alignment = CENTER if center else WRAP_TOP
    if border:
        cell.border = BORDER
    if fill is not None:
        cell.fill = fill
    return cell


def number(
    ws: Worksheet,
    row: int,
    column: int,
    value: float | str | None,
    fmt: str = NUMBER,
    *,
    fill: PatternFill | None = None,
    bold: bool = False,
):
    """A figure (None leaves the cell empty); a str here is a formula ("=…") or a scale label."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str) and value.startswith("="):
        cell.value = value
    elif isinstance(value, str):
        put_text(ws, row, column, value)
    elif value is not None:
        cell.value = float(value)
    cell.number_format = fmt
    cell.font = FONT_BOLD if bold else FONT
    cell.alignment = RIGHT
    cell.border = BORDER
    if fill is not None:
        cell.fill = fill
    return cell


def head(
    ws: Worksheet,
    row: int,
    column: int,
    value: str,
    *,
    rows: int = 1,
    cols: int = 1,
    fill: PatternFill = HEADER_FILL,
) -> None:
    text(ws, row, column, value, bold=True, center=True, fill=fill)
    for r in range(row, row + rows):
        for c in range(column, column + cols):
            cell = ws.cell(row=r, column=c)
            cell.border = BORDER
            cell.fill = fill
    if rows > 1 or cols > 1:
        ws.merge_cells(
            start_row=row, start_column=column, end_row=row + rows - 1, end_column=column + cols - 1
        )


def title_rows(ws: Worksheet, lines: Sequence[str], width: int) -> int:
    """Centred title lines over `width` columns; the next free row."""
    for i, line in enumerate(lines, 1):
        put_text(ws, i, 1, line)
        cell = ws.cell(row=i, column=1)
        cell.font = FONT_TITLE if i == 1 else FONT_BOLD
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
    return len(lines) + 2


# -- formulas -------------------------------------------------------------------------------


def _scale(aturan: Aturan, ref: str) -> str:
    labels = ",".join('"' + label.replace('"', '""') + '"' for label, _n in aturan.skala)
    values = ",".join(repr(float(n)) for _l, n in aturan.skala)
    return f"INDEX({{{values}}},MATCH({ref},{{{labels}}},0))"


def capaian_formula(aturan: Aturan, t: str, r: str) -> str:
    """Capaian (%) of realisasi cell `r` against target cell `t`; "" while either is empty
    or the formula is undefined (T = 0, R = 0 by T/R) — the app's "—"."""
    tv, rv = (_scale(aturan, t), _scale(aturan, r)) if aturan.jenis_nilai == "skala" else (t, r)
    if aturan.polaritas == "positif":
        body = f"{rv}/{tv}*100"
    elif aturan.rumus_negatif == "2t_kurang_r":
        body = f"MAX(0,(2*{tv}-{rv})/{tv}*100)"
    else:
        body = f"{tv}/{rv}*100"
    return f'=IF(OR({t}="",{r}=""),"",IFERROR({body},""))'


def aggregate_formula(aturan: Aturan, refs: Sequence[str]) -> str | None:
    """Periods combined by the rule over the filled cells; None when no formula can
    (a scale combined other than by nilai terakhir: the app's figure is written)."""
    joined = ",".join(refs)
    if aturan.agregasi == "nilai_terakhir":
        expr = '""'
        for ref in refs:
            expr = f'IF({ref}<>"",{ref},{expr})'
        return "=" + expr
    if aturan.jenis_nilai == "skala":
        return None
    function = {"jumlah": "SUM", "rata_rata": "AVERAGE", "nilai_tertinggi": "MAX"}[aturan.agregasi]
    return f'=IF(COUNT({joined})=0,"",{function}({joined}))'


def predikat_formula(predikat: Predikat | PredikatScale, ref: str) -> str:
    scale = predikat.scale() if isinstance(predikat, Predikat) else predikat
    expr = '"' + scale.bawah.replace('"', '""') + '"'
    for band in reversed(scale.bands):
        label = band.label.replace('"', '""')
        expr = f'IF(ROUND({ref},2)>{band.batas},"{label}",{expr})'
    return f'=IF({ref}="","",{expr})'


def mean_formula(refs: Sequence[str]) -> str:
    return f'=IFERROR(AVERAGE({",".join(refs)}),"")'


def ranges(column: str, rows: Sequence[int]) -> list[str]:
    """Contiguous runs of `rows` as ranges of one column: ["H5:H9", "H12"]."""
    out, run = [], []
    for r in sorted(rows):
        if run and r != run[-1] + 1:
            out.append(_range(column, run))
            run = []
        run.append(r)
    if run:
        out.append(_range(column, run))
    return out


def _range(column: str, run: list[int]) -> str:
    return f"{column}{run[0]}" if len(run) == 1 else f"{column}{run[0]}:{column}{run[-1]}"


# -- workbook ------------------------------------------------------------------------------------


def version_sheet(wb: Workbook, jenis: str, periode: str, stamp: Stamp, digest: str) -> None:
    ws = wb.create_sheet("Versi")
    rows = [
        ("Laporan", JUDUL[jenis]),
        ("Periode", periode),
        ("Versi", str(stamp.versi) if stamp.versi else "draf (belum dibekukan)"),
        ("Kode data (SHA-256)", digest),
        ("Dibekukan", stamp.dibuat or "-"),
        (
            "Catatan",
            "Dibuat oleh Kinerja Desktop. Angka dan rumus di lembar laporan boleh diolah; "
            "yang ditandatangani adalah PDF versi yang sama (kode data di kaki halamannya).",
        ),
    ]
    for i, (label, value) in enumerate(rows, 1):
        text(ws, i, 1, label, bold=True)
        text(ws, i, 2, value)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90


def landscape_page(ws: Worksheet, title_rows_: str, fit_width: bool = True) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows_
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def save(wb: Workbook, path: Path) -> None:
    atomic.write_atomically(Path(path), wb.save, program="Excel")
