"""Writing a Format Permintaan Data: one protected, printable workbook per unit.

Locked: everything but Realisasi, Keterangan and Bukti in the indicator rows.
Realisasi has number validation (a warning, so odd input still reaches the
import, which explains it) or, for a text scale, a list of its labels; the
Capaian column is a formula applying the indicator's own rule
(`capaian_formula`, mirroring `core.kinerja.rules.CalculationRule.capaian`).
The sheet is protected without a password; the metadata sheet is hidden and
protected, and carries the checksum of the locked content, which is what the
import trusts (hiding is a courtesy only).
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...core.dates import format_tanggal
from ...core.kinerja.forms import APP_MARK, IssuedForm
from ...core.kinerja.periods import parse_period
from ...core.kinerja.rules import CalculationRule, NegativeFormula, Polarity, ValueKind
from ..atomic import write_atomically
from ..xlsx.style import (
    BORDER,
    CENTER,
    FONT,
    FONT_BOLD,
    FONT_TITLE,
    WRAP_TOP,
    footer_text,
    put_text,
)
from . import layout

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
UNLOCKED = Protection(locked=False)
NUMBER_FORMAT = "#,##0.##;-#,##0.##;0"
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


@dataclass(frozen=True)
class FormContext:
    """What the form prints beyond the issued rows."""

    kota: str
    jabatan_ttd: str  # "Kepala Seksi Pemerintahan"
    rules: dict[int, CalculationRule]  # indicator id -> rule
    tenggat: date | None = None


def file_name_for(form: IssuedForm) -> str:
    """'Formulir 2026-TW3 - Seksi Pemerintahan.xlsx' (safe on every system)."""
    unit = _UNSAFE.sub(" ", form.identity.unit).strip(" .") or f"unit {form.identity.unit_id}"
    return f"Formulir {form.identity.periode} - {unit[:80]}.xlsx"


def _ref(col: str, row: int) -> str:
    return f"{col}{row}"


def _scale_lookup(rule: CalculationRule, ref: str) -> str:
    labels = ",".join('"' + s.label.replace('"', '""') + '"' for s in rule.skala)
    values = ",".join(repr(float(s.nilai)) for s in rule.skala)
    return f"INDEX({{{values}}},MATCH({ref},{{{labels}}},0))"


def capaian_formula(rule: CalculationRule, row: int) -> str:
    """The Capaian (%) cell formula for a data row (empty text while Realisasi is empty)."""
    t, r = _ref("E", row), _ref("F", row)
    if rule.jenis_nilai is ValueKind.SKALA:
        t, r = _scale_lookup(rule, t), _scale_lookup(rule, r)
    if rule.polaritas is Polarity.POSITIF:
        body = f"{r}/{t}*100"
    elif rule.rumus_negatif is NegativeFormula.SELISIH:
        body = f"MAX(0,(2*{t}-{r})/{t}*100)"
    else:
        body = f"{t}/{r}*100"
    return f'=IF(OR(F{row}="",E{row}=""),"",IFERROR({body},"periksa"))'


def _styled(cell, template):
    """Copy a prepared cell's whole style (one StyleArray copy instead of five lookups)."""
    cell._style = copy(template._style)  # openpyxl's own way of copying a style
    return cell


class _Styles:
    """Template cells carrying each look once, on a scratch sheet removed afterwards."""

    def __init__(self, wb: Workbook) -> None:
        self._ws = wb.create_sheet("_styles")
        specs = {
            "locked": (FONT, WRAP_TOP, None, None, None),
            "locked_center": (FONT, CENTER, None, None, None),
            "target": (FONT, CENTER, None, NUMBER_FORMAT, None),
            "input_number": (FONT, CENTER, INPUT_FILL, "General", UNLOCKED),
            "input_text": (FONT, WRAP_TOP, INPUT_FILL, "@", UNLOCKED),
            "capaian": (FONT_BOLD, CENTER, None, "0.00", None),
            "header": (FONT_BOLD, CENTER, HEADER_FILL, None, None),
        }
        self.cells = {}
        for i, (name, (font, align, fill, fmt, prot)) in enumerate(specs.items(), 1):
            c = self._ws.cell(row=i, column=1)
            c.font, c.alignment, c.border = font, align, BORDER
            if fill is not None:
                c.fill = fill
            if fmt is not None:
                c.number_format = fmt
            if prot is not None:
                c.protection = prot
            self.cells[name] = c

    def remove(self, wb: Workbook) -> None:
        wb.remove(self._ws)


def _title_block(ws: Worksheet, form: IssuedForm, ctx: FormContext) -> None:
    period = parse_period(form.identity.periode)
    lines = [
        ("FORMAT PERMINTAAN DATA KINERJA", FONT_TITLE),
        (form.identity.kecamatan.upper(), FONT_BOLD),
        (f"Unit: {form.identity.unit}", FONT_BOLD),
        (
            f"Periode: {period.label}"
            + (f"   ·   Batas pengembalian: {format_tanggal(ctx.tenggat)}" if ctx.tenggat else ""),
            FONT,
        ),
    ]
    for row, (text, font) in enumerate(lines, 1):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=layout.LAST_COL)
        cell = put_text(ws, row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center")
    put_text(ws, 6, 1, "Petunjuk pengisian:").font = FONT_BOLD
    for i, text in enumerate(layout.INSTRUCTIONS, 7):
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=layout.LAST_COL)
        cell = put_text(ws, i, 1, f"{i - 6}. {text}")
        cell.font, cell.alignment = FONT, WRAP_TOP
        ws.row_dimensions[i].height = 27 if len(text) > 150 else 14


def _header(ws: Worksheet, styles: _Styles) -> None:
    for col, (label, width) in enumerate(layout.HEADERS, 1):
        _styled(put_text(ws, layout.HEADER_ROW, col, label), styles.cells["header"])
        ws.column_dimensions[chr(64 + col)].width = width
    ws.row_dimensions[layout.HEADER_ROW].height = 30


def _validations(ws: Worksheet, form: IssuedForm, ctx: FormContext) -> None:
    numeric = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000000000",
        formula2="1000000000000",
        allow_blank=True,
        errorStyle="warning",
        showErrorMessage=True,
        errorTitle="Bukan angka",
        error="Realisasi harus berupa angka (mis. 12,5). Kosongkan bila belum ada.",
        promptTitle="Realisasi",
        prompt="Ketik angkanya saja; kosong = belum diisi.",
        showInputMessage=True,
    )
    ws.add_data_validation(numeric)
    by_scale: dict[str, DataValidation] = {}
    for r in form.rows:
        rule = ctx.rules.get(r.indicator_id, CalculationRule())
        ref = f"F{r.row}"
        if rule.jenis_nilai is ValueKind.SKALA:
            key = ",".join(s.label for s in rule.skala)
            dv = by_scale.get(key)
            if dv is None:
                dv = DataValidation(
                    type="list",
                    formula1=f'"{key}"',
                    allow_blank=True,
                    errorStyle="warning",
                    showErrorMessage=True,
                    error=f"Pilih salah satu: {key}.",
                )
                ws.add_data_validation(dv)
                by_scale[key] = dv
            dv.add(ref)
        else:
            numeric.add(ref)


def _rows(ws: Worksheet, form: IssuedForm, ctx: FormContext, styles: _Styles) -> None:
    s = styles.cells
    for n, r in enumerate(form.rows, 1):
        row = r.row
        rule = ctx.rules.get(r.indicator_id, CalculationRule())
        _styled(ws.cell(row=row, column=layout.COL_NO, value=n), s["locked_center"])
        _styled(put_text(ws, row, layout.COL_KODE, r.kode), s["locked"])
        _styled(put_text(ws, row, layout.COL_NAMA, r.nama), s["locked"])
        _styled(put_text(ws, row, layout.COL_SATUAN, r.satuan), s["locked_center"])
        target = ws.cell(row=row, column=layout.COL_TARGET)
        if r.target_teks:
            put_text(ws, row, layout.COL_TARGET, r.target_teks)
        elif r.target_nilai is not None:
            target.value = r.target_nilai
        _styled(target, s["target"])
        kind = "input_text" if rule.jenis_nilai is ValueKind.SKALA else "input_number"
        _styled(ws.cell(row=row, column=layout.COL_REALISASI), s[kind])
        _styled(
            ws.cell(row=row, column=layout.COL_CAPAIAN, value=capaian_formula(rule, row)),
            s["capaian"],
        )
        _styled(ws.cell(row=row, column=layout.COL_KETERANGAN), s["input_text"])
        _styled(ws.cell(row=row, column=layout.COL_BUKTI), s["input_text"])
        ws.row_dimensions[row].height = 13.5 * max(1, -(-len(r.nama) // 50)) + 4


def _signature(ws: Worksheet, form: IssuedForm, ctx: FormContext) -> int:
    start = (form.rows[-1].row if form.rows else layout.HEADER_ROW) + layout.TRAILING_BLANK_ROWS + 1
    year = parse_period(form.identity.periode).tahun
    lines = [
        f"{ctx.kota}, ............................ {year}" if ctx.kota else f"........ {year}",
        f"{ctx.jabatan_ttd},",
        "",
        "",
        "",
        "( ........................................ )",
        "NIP. ........................................",
    ]
    for i, text in enumerate(lines):
        row = start + i
        ws.merge_cells(start_row=row, start_column=7, end_row=row, end_column=9)
        if text:
            cell = put_text(ws, row, 7, text)
            cell.font, cell.alignment = FONT, Alignment(horizontal="center")
    return start + len(lines) - 1


def _print_setup(ws: Worksheet, form: IssuedForm, last_row: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_ROW}"
    ws.print_area = f"A1:I{last_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    period = parse_period(form.identity.periode)
    ws.oddHeader.center.text = footer_text(f"{form.identity.unit} — {period.label}")
    ws.oddHeader.center.size = 9
    ws.oddFooter.left.text = footer_text(f"Format Permintaan Data · {form.identity.kecamatan}")
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Hal. &P dari &N"
    ws.oddFooter.right.size = 8
    ws.freeze_panes = f"A{layout.FIRST_ROW}"


def _meta(wb: Workbook, form: IssuedForm, ctx: FormContext) -> None:
    ws = wb.create_sheet(layout.META_SHEET)
    ident = form.identity
    values = {
        "aplikasi": APP_MARK,
        "versi_formulir": str(ident.form_version),
        "kecamatan_id": ident.kecamatan_id,
        "kecamatan": ident.kecamatan,
        "putaran_id": str(ident.round_id),
        "periode": ident.periode,
        "unit_id": str(ident.unit_id),
        "unit": ident.unit,
        "dibuat": form.dibuat.isoformat(timespec="seconds") if form.dibuat else "",
        "tenggat": ctx.tenggat.isoformat() if ctx.tenggat else "",
        "baris_header": str(layout.HEADER_ROW),
        "jumlah_indikator": str(len(form.rows)),
        "checksum": form.checksum,
    }
    for row, key in enumerate(layout.META_KEYS, 1):
        put_text(ws, row, 1, key)
        put_text(ws, row, 2, values[key])
    put_text(ws, layout.META_ROWS_HEADER, 1, "baris")
    put_text(ws, layout.META_ROWS_HEADER, 2, "indikator_id")
    for i, r in enumerate(form.rows, layout.META_ROWS_HEADER + 1):
        ws.cell(row=i, column=1, value=r.row)
        ws.cell(row=i, column=2, value=r.indicator_id)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 70
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def build_form(form: IssuedForm, ctx: FormContext) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = layout.FORM_SHEET
    styles = _Styles(wb)
    _title_block(ws, form, ctx)
    _header(ws, styles)
    _rows(ws, form, ctx, styles)
    _validations(ws, form, ctx)
    last = _signature(ws, form, ctx)
    _print_setup(ws, form, last)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    styles.remove(wb)
    _meta(wb, form, ctx)
    wb.properties.creator = "Kinerja Desktop"
    wb.properties.title = f"Format Permintaan Data {form.identity.periode} {form.identity.unit}"
    return wb


def write_form(form: IssuedForm, ctx: FormContext, path: Path) -> None:
    """Write the form whole or not at all (see `exchange.atomic`)."""
    wb = build_form(form, ctx)
    write_atomically(Path(path), wb.save, program="Excel")
