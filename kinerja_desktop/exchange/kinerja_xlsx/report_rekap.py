"""The Rekap Data Kinerja as a workbook: sheet "Rekap" (per unit every
indicator: target and realisasi as figures, capaian and predikat as
formulas of the indicator's rule, the unit's and the Kecamatan's mean as
AVERAGE formulas) and sheet "Ringkasan" (mean per sasaran and program by
AVERAGEIFS over the Rekap rows). Texts are never formulas.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from kinerja_desktop.core.kinerja.laporan import RekapBaris, RekapLaporan

from .report_cells import (
    NUMBER_FILL,
    PERCENT,
    TOTAL_FILL,
    capaian_formula,
    head,
    landscape_page,
    mean_formula,
    number,
    predikat_formula,
    ranges,
    text,
    title_rows,
)

HEADERS = (
    ("No", 5),
    ("Unit", 24),
    ("Kode", 16),
    ("Indikator Kinerja", 48),
    ("Satuan", 11),
    ("Target", 11),
    ("Realisasi", 11),
    ("Capaian (%)", 12),
    ("Predikat", 14),
    ("Rumus capaian", 20),
    ("Keterangan", 36),
    ("Kunci sasaran", 9),
    ("Kunci program", 9),
)
T, R, C, P = "F", "G", "H", "I"


def _fill(colour: str) -> PatternFill | None:
    return PatternFill("solid", fgColor=colour.lstrip("#")) if colour else None


class _Keys:
    """Short keys ("S1", "P2") naming sasaran and program for AVERAGEIFS (never numbers)."""

    def __init__(self, r: RekapLaporan) -> None:
        self.sasaran = {g.nama: f"S{i}" for i, g in enumerate(r.ringkas_of("sasaran"), 1)}
        self.program = {g.nama: f"P{i}" for i, g in enumerate(r.ringkas_of("program"), 1)}


def _indicator_row(ws, row: int, n: int, b: RekapBaris, r: RekapLaporan, *, keys: dict) -> None:
    values = [str(n), b.unit, b.kode, b.indikator, b.satuan]
    for i, v in enumerate(values, 1):
        text(ws, row, i, v, center=i == 1)
    number(ws, row, 6, b.target_teks or b.target)
    number(ws, row, 7, b.realisasi_teks or b.realisasi)
    number(ws, row, 8, capaian_formula(b.aturan, f"{T}{row}", f"{R}{row}"), PERCENT)
    number(ws, row, 9, predikat_formula(r.predikat, f"{C}{row}"), fill=_fill(b.warna))
    text(ws, row, 10, b.rumus, small=True)
    source = f"target: {b.target_sumber}; " if b.target_sumber else ""
    text(ws, row, 11, (source + b.catatan).strip("; "), small=True)
    text(ws, row, 12, keys.get("sasaran", ""), small=True)
    text(ws, row, 13, keys.get("program", ""), small=True)


def _mean_row(ws, row: int, label: str, refs: list[str], r: RekapLaporan) -> None:
    text(ws, row, 1, label, bold=True, fill=TOTAL_FILL)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    for c in range(2, 8):
        ws.cell(row=row, column=c).fill = TOTAL_FILL
    number(ws, row, 8, mean_formula(refs), PERCENT, fill=TOTAL_FILL, bold=True)
    number(ws, row, 9, predikat_formula(r.predikat, f"{C}{row}"), fill=TOTAL_FILL, bold=True)
    counted = ",".join(refs)
    number(
        ws, row, 10, f'=COUNT({counted})&" dari "&{len(_cells(refs))}&" dihitung"', fill=TOTAL_FILL
    )


def _cells(refs: list[str]) -> list[int]:
    out: list[int] = []
    for ref in refs:
        a, _, b = ref.partition(":")
        first = int(a[1:])
        last = int(b[1:]) if b else first
        out.extend(range(first, last + 1))
    return out


def rekap_sheet(wb: Workbook, r: RekapLaporan) -> dict[str, int]:
    """The Rekap sheet; the row of each indicator × unit ("kode|unit") for tests."""
    ws = wb.active
    ws.title = "Rekap"
    start = title_rows(
        ws, ["REKAP DATA KINERJA", f"{r.kop.nama_kantor.upper()} — {r.periode_label.upper()}"], 11
    )
    for i, (title, width) in enumerate(HEADERS, 1):
        head(ws, start, i, title)
        head(ws, start + 1, i, f"({i})", fill=NUMBER_FILL)
        ws.column_dimensions[chr(64 + i)].width = width
    row = start + 2
    keys = _Keys(r)
    where: dict[str, int] = {}
    all_rows: list[int] = []
    n = 0
    for g in r.ringkas_of("unit"):
        mine = [b for b in r.baris if (b.unit or "(tanpa unit)") == g.nama]
        if not mine:
            continue
        text(ws, row, 1, g.nama, bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=13)
        row += 1
        rows = []
        for b in mine:
            n += 1
            k = {
                "sasaran": keys.sasaran.get(b.sasaran, "") if b.sasaran else "",
                "program": keys.program.get(b.program, "") if b.program else "",
            }
            _indicator_row(ws, row, n, b, r, keys=k)
            where[f"{b.kode}|{b.unit}"] = row
            rows.append(row)
            row += 1
        all_rows += rows
        _mean_row(ws, row, f"Rata-rata capaian {g.nama}", ranges(C, rows), r)
        where[f"unit|{g.nama}"] = row
        row += 1
    kec = r.ringkas_of("kecamatan")[0]
    _mean_row(ws, row, f"Rata-rata capaian {kec.nama}", ranges(C, all_rows), r)
    where["kecamatan"] = row
    if r.catatan.strip():
        text(ws, row + 2, 1, f"Catatan: {r.catatan.strip()}", border=False)
        ws.merge_cells(start_row=row + 2, start_column=1, end_row=row + 2, end_column=11)
    ws.freeze_panes = f"E{start + 2}"
    landscape_page(ws, f"{start}:{start + 1}")
    ws.column_dimensions["L"].hidden = True
    ws.column_dimensions["M"].hidden = True
    return where


def summary_sheet(wb: Workbook, r: RekapLaporan) -> dict[str, int]:
    ws = wb.create_sheet("Ringkasan")
    keys = _Keys(r)
    row = title_rows(ws, ["RATA-RATA CAPAIAN PER SASARAN DAN PROGRAM", r.periode_label], 6)
    where: dict[str, int] = {}
    for tingkat, names, column in (("sasaran", keys.sasaran, "L"), ("program", keys.program, "M")):
        for i, title in enumerate(
            [
                "Kunci",
                tingkat.capitalize(),
                "Indikator",
                "Dihitung",
                "Rata-rata capaian (%)",
                "Predikat",
            ],
            1,
        ):
            head(ws, row, i, title)
        row += 1
        for g in r.ringkas_of(tingkat):
            key = names[g.nama]
            text(ws, row, 1, key)
            text(ws, row, 2, f"{g.kode} {g.nama}".strip())
            number(ws, row, 3, f"=COUNTIF(Rekap!{column}:{column},A{row})")
            number(ws, row, 4, f'=COUNTIFS(Rekap!{column}:{column},A{row},Rekap!H:H,">-1E+300")')
            number(
                ws,
                row,
                5,
                f'=IFERROR(AVERAGEIFS(Rekap!H:H,Rekap!{column}:{column},A{row}),"")',
                PERCENT,
            )
            number(ws, row, 6, predikat_formula(r.predikat, f"E{row}"), fill=_fill(g.warna))
            where[f"{tingkat}|{g.nama}"] = row
            row += 1
        row += 1
    for c, width in zip("ABCDEF", (8, 60, 11, 11, 14, 16), strict=True):
        ws.column_dimensions[c].width = width
    return where
