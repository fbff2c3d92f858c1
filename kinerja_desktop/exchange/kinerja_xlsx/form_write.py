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

import io
import re
import zipfile
from copy import copy
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, PatternFill, Protection
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from ...core.dates import format_tanggal
from ...core.errors import KinerjaError
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
    MAX_CELL_CHARS,
    WRAP_TOP,
    clean_text,
    footer_text,
)
from . import layout
from . import rawrows as raw

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
UNLOCKED = Protection(locked=False)
MIDDLE_LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")
TITLE_ALIGN = Alignment(horizontal="center", vertical="center")
SIGN_ALIGN = Alignment(horizontal="center")
PAPERSIZE_A4 = "9"
PAGE_CHARS = 190  # characters of 10 pt text across the printed table (measured in LibreOffice)
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
    elif rule.jenis_nilai is ValueKind.PERSEN:
        # "85%" typed into the cell is stored as 0.85 with a percent format ("P…")
        r = f'IF(LEFT(CELL("format",{r}),1)="P",{r}*100,{r})'
    if rule.polaritas is Polarity.POSITIF:
        body = f"{r}/{t}*100"
    elif rule.rumus_negatif is NegativeFormula.SELISIH:
        body = f"MAX(0,(2*{t}-{r})/{t}*100)"
    else:
        body = f"{t}/{r}*100"
    return f'=IF(OR(F{row}="",E{row}=""),"",IFERROR({body},"periksa"))'


class _Cells:
    """Cells for a streaming (write-only) sheet: each look is built once and its
    style copied (one StyleArray copy instead of five lookups per cell)."""

    SPECS: ClassVar[dict[str, tuple]] = {
        "locked": (FONT, MIDDLE_LEFT, None, None, None, True),
        "locked_center": (FONT, CENTER, None, None, None, True),
        "target": (FONT, CENTER, None, NUMBER_FORMAT, None, True),
        "input_number": (FONT, CENTER, INPUT_FILL, "General", UNLOCKED, True),
        "input_text": (FONT, MIDDLE_LEFT, INPUT_FILL, "@", UNLOCKED, True),
        "capaian": (FONT_BOLD, CENTER, None, "0.00", None, True),
        "header": (FONT_BOLD, CENTER, HEADER_FILL, None, None, True),
        "title": (FONT_TITLE, TITLE_ALIGN, None, None, None, False),
        "heading": (FONT_BOLD, TITLE_ALIGN, None, None, None, False),
        "plain_center": (FONT, TITLE_ALIGN, None, None, None, False),
        "bold": (FONT_BOLD, None, None, None, None, False),
        "note": (FONT, WRAP_TOP, None, None, None, False),
        "sign": (FONT, SIGN_ALIGN, None, None, None, False),
    }

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self.looks = {}
        for name, (font, align, fill, fmt, prot, border) in self.SPECS.items():
            c = WriteOnlyCell(ws)
            c.font = font
            if align is not None:
                c.alignment = align
            if border:
                c.border = BORDER
            if fill is not None:
                c.fill = fill
            if fmt is not None:
                c.number_format = fmt
            if prot is not None:
                c.protection = prot
            self.looks[name] = c._style

    def sid(self, look: str) -> int:
        """The style id openpyxl writes for a look (its index in the styles part)."""
        c = WriteOnlyCell(self.ws)
        c._style = copy(self.looks[look])
        return c.style_id

    def cell(self, value: object, look: str) -> WriteOnlyCell:
        c = WriteOnlyCell(self.ws, value=value)
        c._style = copy(self.looks[look])  # openpyxl's own way of copying a style
        return c

    def text(self, text: str, look: str) -> WriteOnlyCell:
        """Text as a string cell, never a formula (see `exchange.xlsx.style.put_text`)."""
        if len(text) > MAX_CELL_CHARS:
            raise KinerjaError(f"Teks terlalu panjang untuk satu sel Excel ({len(text)} karakter).")
        plain = text.isprintable() and "_x" not in text  # nothing for clean_text to do
        c = self.cell((text if plain else clean_text(text)) if text else None, look)
        if text:
            c.data_type = "s"
        return c


def _title_rows(cells: _Cells, form: IssuedForm, ctx: FormContext) -> list[list]:
    ws = cells.ws
    period = parse_period(form.identity.periode)
    deadline = f"   ·   Batas pengembalian: {format_tanggal(ctx.tenggat)}" if ctx.tenggat else ""
    lines = [
        ("FORMAT PERMINTAAN DATA KINERJA", "title"),
        (form.identity.kecamatan.upper(), "heading"),
        (f"Unit: {form.identity.unit}", "heading"),
        (f"Periode: {period.label}{deadline}", "plain_center"),
    ]
    rows: list[list] = []
    for row, (text, look) in enumerate(lines, 1):
        ws.merged_cells.add(f"A{row}:I{row}")
        rows.append([cells.text(text, look)])
    rows.append([])
    rows.append([cells.text("Petunjuk pengisian:", "bold")])
    for i, text in enumerate(layout.INSTRUCTIONS, 7):
        ws.merged_cells.add(f"A{i}:I{i}")
        ws.row_dimensions[i].height = 13.5 * -(-(len(text) + 3) // PAGE_CHARS) + 1
        rows.append([cells.text(f"{i - 6}. {text}", "note")])
    rows.extend([] for _ in range(len(rows) + 1, layout.HEADER_ROW))
    rows.append([cells.text(label, "header") for label, _w in layout.HEADERS])
    ws.row_dimensions[layout.HEADER_ROW].height = 30
    return rows


def _ranges(rows: list[int], col: str = "F") -> str:
    """'F13:F20 F22' for rows 13-20 and 22 (one sqref instead of one cell at a time)."""
    parts: list[str] = []
    for row in sorted(rows):
        if parts and parts[-1][1] == row - 1:
            parts[-1][1] = row
        else:
            parts.append([row, row])
    return " ".join(f"{col}{a}:{col}{b}" if a != b else f"{col}{a}" for a, b in parts)


def _validations(ws: WriteOnlyWorksheet, form: IssuedForm, ctx: FormContext) -> None:
    numeric_rows: list[int] = []
    by_scale: dict[str, list[int]] = {}
    for r in form.rows:
        rule = ctx.rules.get(r.indicator_id, CalculationRule())
        if rule.jenis_nilai is ValueKind.SKALA:
            by_scale.setdefault(",".join(s.label for s in rule.skala), []).append(r.row)
        else:
            numeric_rows.append(r.row)
    if numeric_rows:
        ws.data_validations.append(
            DataValidation(
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
                sqref=_ranges(numeric_rows),
            )
        )
    for key, rows in by_scale.items():
        ws.data_validations.append(
            DataValidation(
                type="list",
                formula1=f'"{key}"',
                allow_blank=True,
                errorStyle="warning",
                showErrorMessage=True,
                error=f"Pilih salah satu: {key}.",
                sqref=_ranges(rows),
            )
        )


def _data_rows(cells: _Cells, form: IssuedForm, ctx: FormContext) -> list[str]:
    sid = {look: cells.sid(look) for look in _Cells.SPECS}
    rows = []
    for n, r in enumerate(form.rows, 1):
        rule = ctx.rules.get(r.indicator_id, CalculationRule())
        i = r.row
        target = (
            raw.text(f"E{i}", sid["target"], r.target_teks)
            if r.target_teks
            else raw.number(f"E{i}", sid["target"], r.target_nilai)
        )
        kind = "input_text" if rule.jenis_nilai is ValueKind.SKALA else "input_number"
        lines = max(-(-len(r.nama) // 48), -(-len(r.kode) // 16), 1)
        cells_xml = [
            raw.number(f"A{i}", sid["locked_center"], n),
            raw.text(f"B{i}", sid["locked"], r.kode),
            raw.text(f"C{i}", sid["locked"], r.nama),
            raw.text(f"D{i}", sid["locked_center"], r.satuan),
            target,
            raw.empty(f"F{i}", sid[kind]),
            raw.formula(f"G{i}", sid["capaian"], capaian_formula(rule, i)),
            raw.empty(f"H{i}", sid["input_text"]),
            raw.empty(f"I{i}", sid["input_text"]),
        ]
        rows.append(raw.row(i, cells_xml, 13.5 * lines + 5))
    return rows


def _signature_rows(cells: _Cells, form: IssuedForm, ctx: FormContext, start: int) -> list[str]:
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
    sign = cells.sid("sign")
    rows = []
    for i, text in enumerate(lines):
        cells.ws.merged_cells.add(f"G{start + i}:I{start + i}")
        if text:
            rows.append(raw.row(start + i, [raw.text(f"G{start + i}", sign, text)]))
    return rows


def _page(ws: WriteOnlyWorksheet, form: IssuedForm, last_row: int) -> None:
    """Print settings and protection (the sheet is written after this)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_ROW}"
    ws.print_area = f"A1:I{last_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    period = parse_period(form.identity.periode)
    ws.oddHeader.center.text = footer_text(f"{form.identity.unit} — {period.label}")
    ws.oddHeader.center.size = 9
    ws.oddFooter.left.text = footer_text(f"Format Permintaan Data · {form.identity.kecamatan}")
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Hal. &P dari &N"
    ws.oddFooter.right.size = 8
    ws.freeze_panes = f"A{layout.FIRST_ROW}"
    for col, (_label, width) in enumerate(layout.HEADERS, 1):
        ws.column_dimensions[chr(64 + col)].width = width
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _form_sheet(wb: Workbook, form: IssuedForm, ctx: FormContext) -> tuple[str, str]:
    """The Formulir sheet: title rows through openpyxl; (rows text, dimension) for the rest."""
    ws = wb.create_sheet(layout.FORM_SHEET)
    cells = _Cells(ws)
    last_data = form.rows[-1].row if form.rows else layout.HEADER_ROW
    start = last_data + layout.TRAILING_BLANK_ROWS + 1
    _page(ws, form, start + 6)
    for row in _title_rows(cells, form, ctx):
        ws.append(row)
    _validations(ws, form, ctx)
    rows = _data_rows(cells, form, ctx) + _signature_rows(cells, form, ctx, start)
    return "".join(rows), f"A1:I{start + 6}"


def _meta(wb: Workbook, form: IssuedForm, ctx: FormContext) -> tuple[str, str]:
    ws = wb.create_sheet(layout.META_SHEET)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 70
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
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

    def text(value: str) -> WriteOnlyCell | None:
        if not value:
            return None
        c = WriteOnlyCell(ws, value=clean_text(value))
        c.data_type = "s"
        return c

    for key in layout.META_KEYS:
        ws.append([text(key), text(values[key])])
    ws.append([])
    ws.append([text("baris"), text("indikator_id")])
    first = layout.META_ROWS_HEADER + 1
    rows = [
        raw.row(n, [raw.number(f"A{n}", 0, r.row), raw.number(f"B{n}", 0, r.indicator_id)])
        for n, r in enumerate(form.rows, first)
    ]
    return "".join(rows), f"A1:B{max(first + len(form.rows) - 1, layout.META_ROWS_HEADER)}"


@dataclass
class BuiltForm:
    """The workbook openpyxl writes, and the rows each sheet still gets (see `rawrows`)."""

    workbook: Workbook
    rows: dict[str, tuple[str, str]]  # sheet part -> (rows text, dimension)


def build_form(form: IssuedForm, ctx: FormContext) -> BuiltForm:
    """The form, ready to save once."""
    wb = Workbook(write_only=True)
    rows = {
        "xl/worksheets/sheet1.xml": _form_sheet(wb, form, ctx),
        "xl/worksheets/sheet2.xml": _meta(wb, form, ctx),
    }
    wb.properties.creator = "Kinerja Desktop"
    wb.properties.title = f"Format Permintaan Data {form.identity.periode} {form.identity.unit}"
    return BuiltForm(wb, rows)


def _save(built: BuiltForm, name: str) -> None:
    """openpyxl writes the workbook into memory; the rows are added to their sheets while
    copying it to `name`, lightly compressed (a form is small either way, and zlib's
    default level costs a fifth of the writing time for 40 forms)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        ExcelWriter(built.workbook, zf).save()
    with (
        zipfile.ZipFile(buffer) as src,
        zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename in built.rows:
                data = raw.insert_rows(data, *built.rows[info.filename])
            dst.writestr(info.filename, data)


def write_form(form: IssuedForm, ctx: FormContext, path: Path) -> None:
    """Write the form whole or not at all (see `exchange.atomic`)."""
    built = build_form(form, ctx)
    write_atomically(Path(path), lambda name: _save(built, name), program="Excel")
