"""The Perjanjian Kinerja, the Monitoring Renstra and the Dokumen Perbaikan as
workbooks. The PK's anggaran total is a SUM; the Renstra's capaian per year
are formulas of each indicator's rule and the yearly means AVERAGE formulas.
"""

from __future__ import annotations

from openpyxl import Workbook

from kinerja_desktop.core.kinerja.laporan import (
    PerbaikanLaporan,
    PkLaporan,
    RenstraLaporan,
    Stamp,
)

from .report_cells import (
    NUMBER_FILL,
    PERCENT,
    RUPIAH,
    TOTAL_FILL,
    capaian_formula,
    col,
    head,
    landscape_page,
    mean_formula,
    number,
    predikat_formula,
    ranges,
    text,
    title_rows,
    version_sheet,
)

# -- Perjanjian Kinerja -----------------------------------------------------------------


def write_pk(wb: Workbook, r: PkLaporan, stamp: Stamp, digest: str) -> dict[str, int]:
    ws = wb.active
    ws.title = "Pernyataan"
    row = title_rows(ws, [r.judul, r.pihak_pertama.jabatan_ttd.upper()], 2)
    for line in r.pernyataan:
        label, _, value = line.partition("\t")
        if value:
            text(ws, row, 1, label, border=False)
            text(ws, row, 2, f": {value}", border=False)
        else:
            text(ws, row, 1, line, border=False)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            ws.row_dimensions[row].height = 30 if len(line) > 90 else 15
        row += 1
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 80

    lampiran = wb.create_sheet("Lampiran")
    row = title_rows(lampiran, [f"LAMPIRAN {r.judul}"], 5)
    for i, (title, width) in enumerate(
        (("No", 5), ("Sasaran", 40), ("Indikator Kinerja", 45), ("Target", 10), ("Satuan", 12)), 1
    ):
        head(lampiran, row, i, title)
        lampiran.column_dimensions[col(i)].width = width
    row += 1
    for s in r.sasaran:
        for i, value in enumerate((s.no, s.sasaran, s.indikator, s.target, s.satuan), 1):
            text(lampiran, row, i, value, center=i == 1)
        row += 1
    row += 1
    where = {}
    if r.program:
        for i, title in enumerate(("No", "Program / Kegiatan", "Anggaran (Rp)"), 1):
            head(lampiran, row, i, title)
        row += 1
        first = row
        for p in r.program:
            text(lampiran, row, 1, p.no, center=True)
            text(lampiran, row, 2, p.program)
            number(lampiran, row, 3, p.anggaran, RUPIAH)
            row += 1
        text(lampiran, row, 2, "Jumlah", bold=True, fill=TOTAL_FILL)
        number(lampiran, row, 3, f"=SUM(C{first}:C{row - 1})", RUPIAH, fill=TOTAL_FILL, bold=True)
        where["jumlah_anggaran"] = row

    aksi = wb.create_sheet("Rencana Aksi")
    row = title_rows(aksi, [f"RENCANA AKSI {r.judul}"], 8)
    titles = (
        "No",
        "Indikator Kinerja",
        "Satuan",
        "Target Tahun",
        "TW I",
        "TW II",
        "TW III",
        "TW IV",
    )
    for i, title in enumerate(titles, 1):
        head(aksi, row, i, title)
        aksi.column_dimensions[col(i)].width = (5, 50, 12, 12, 10, 10, 10, 10)[i - 1]
    row += 1
    for n, a in enumerate(r.aksi, 1):
        for i, value in enumerate((str(n), a.indikator, a.satuan, a.target, *a.triwulan), 1):
            text(aksi, row, i, value, center=i == 1)
        row += 1
    version_sheet(wb, r.jenis, r.periode, stamp, digest)
    return where


# -- Monitoring Renstra ------------------------------------------------------------------------


def write_renstra(wb: Workbook, r: RenstraLaporan, stamp: Stamp, digest: str) -> dict[str, int]:
    ws = wb.active
    ws.title = "Monitoring Renstra"
    fixed = ("No", "Kode", "Indikator Kinerja", "Satuan", "Baseline")
    width = len(fixed) + 3 * len(r.tahun) + 3
    start = title_rows(
        ws, ["MONITORING RENSTRA", f"{r.kop.nama_kantor.upper()} — {r.renstra.upper()}"], width
    )
    for i, title in enumerate(fixed, 1):
        head(ws, start, i, title, rows=2)
    for n, year in enumerate(r.tahun):
        at = len(fixed) + 1 + 3 * n
        head(ws, start, at, str(year), cols=3)
        for j, sub in enumerate(("Target", "Realisasi", "Capaian (%)")):
            head(ws, start + 1, at + j, sub)
    head(ws, start, width - 2, "Unit penanggung jawab", rows=2)
    head(ws, start, width - 1, "Rumus capaian", rows=2)
    head(ws, start, width, "Keterangan", rows=2)
    row = start + 2
    first = row
    where = {}
    for i, b in enumerate(r.baris, 1):
        for j, value in enumerate((str(i), b.kode, b.indikator, b.satuan, b.baseline), 1):
            text(ws, row, j, value, center=j == 1)
        for n, y in enumerate(b.tahun):
            at = len(fixed) + 1 + 3 * n
            number(ws, row, at, y.target_teks or y.target)
            number(ws, row, at + 1, y.realisasi_teks or y.realisasi)
            number(
                ws,
                row,
                at + 2,
                capaian_formula(b.aturan, f"{col(at)}{row}", f"{col(at + 1)}{row}"),
                PERCENT,
            )
        text(ws, row, width - 2, b.unit)
        text(ws, row, width - 1, b.rumus, small=True)
        notes = "; ".join(f"{y.tahun}: {y.catatan}" for y in b.tahun if y.catatan)
        text(ws, row, width, notes, small=True)
        where[b.kode] = row
        row += 1
    text(ws, row, 1, "Rata-rata capaian (%)", bold=True, fill=TOTAL_FILL)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(fixed))
    for n, _year in enumerate(r.tahun):
        at = len(fixed) + 3 + 3 * n
        number(
            ws,
            row,
            at,
            mean_formula(ranges(col(at), list(range(first, row)))),
            PERCENT,
            fill=TOTAL_FILL,
            bold=True,
        )
        number(ws, row + 1, at, predikat_formula(r.predikat, f"{col(at)}{row}"), fill=NUMBER_FILL)
    text(ws, row + 1, 1, "Predikat", bold=True, fill=NUMBER_FILL)
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=len(fixed))
    where["rata_rata"] = row
    row += 3
    for key, label in (
        ("analisis", "Analisis capaian"),
        ("permasalahan", "Permasalahan dan kendala"),
        ("rekomendasi", "Rekomendasi dan tindak lanjut"),
    ):
        text(ws, row, 1, f"{label}:\n{r.teks.get(key, '').strip() or '—'}")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        ws.row_dimensions[row].height = 45
        row += 1
    for c, w in zip("ABCDE", (5, 14, 45, 11, 12), strict=True):
        ws.column_dimensions[c].width = w
    landscape_page(ws, f"{start}:{start + 1}")
    version_sheet(wb, r.jenis, r.periode, stamp, digest)
    return where


# -- Dokumen Perbaikan ----------------------------------------------------------------------------


def write_perbaikan(wb: Workbook, r: PerbaikanLaporan, stamp: Stamp, digest: str) -> dict[str, int]:
    ws = wb.active
    ws.title = "Perbaikan"
    titles = (
        "No",
        "Unit",
        "Kode",
        "Indikator Kinerja",
        "Satuan",
        "Nilai semula",
        "Nilai perbaikan",
        "Alasan",
        "Rujukan bukti",
        "Sumber nilai semula",
        "Status",
        "Nomor perbaikan",
    )
    row = title_rows(
        ws,
        [
            "DOKUMEN PERBAIKAN DATA KINERJA",
            f"{r.kop.nama_kantor.upper()} — {r.periode_label.upper()}",
        ],
        len(titles),
    )
    for i, title in enumerate(titles, 1):
        head(ws, row, i, title)
        ws.column_dimensions[col(i)].width = (5, 22, 14, 40, 10, 11, 11, 36, 22, 30, 18, 10)[i - 1]
    row += 1
    for b in r.baris:
        values = (
            b.no,
            b.unit,
            b.kode,
            b.indikator,
            b.satuan,
            b.lama,
            b.baru,
            b.alasan,
            b.bukti,
            b.sumber,
            b.status,
            str(b.nomor),
        )
        for i, value in enumerate(values, 1):
            text(ws, row, i, value)
        row += 1
    landscape_page(ws, f"{row - len(r.baris) - 1}:{row - len(r.baris) - 1}")
    version_sheet(wb, r.jenis, r.periode, stamp, digest)
    return {}
