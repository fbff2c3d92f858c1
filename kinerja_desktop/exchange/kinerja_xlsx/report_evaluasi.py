"""The Evaluasi terhadap Hasil Renja (E.81) as a workbook, its columns from
`core.kinerja.evaluasi_kolom` like the PDF.

Inputs are figures (targets, realisasi per triwulan, realisasi up to last
year, pagu and realisasi anggaran); the derived columns are formulas: 13 by
the indicator's rule over the four triwulans (a sum only for jumlah), 14 by
the rule over 7 and 13, 15 the capaian by the rule against 6; Rp 13 = sum,
14 = 7 + 13, 15 = 14/6 × 100. The footer's means and predikat are formulas
too; hidden helper columns hold each row's Renja capaian for the mean.
"""

from __future__ import annotations

from openpyxl import Workbook

from kinerja_desktop.core.kinerja import evaluasi_kolom as ek
from kinerja_desktop.core.kinerja.laporan import KR, Aturan, EvaluasiBaris, EvaluasiLaporan, Stamp

from .report_cells import (
    NUMBER_FILL,
    PERCENT,
    RUPIAH,
    TOTAL_FILL,
    aggregate_formula,
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

TW = ("tw1", "tw2", "tw3", "tw4")
TEXTS = ek.TEKS  # the footer texts (core: one list)


class _Columns:
    """Spreadsheet column of each key's K (and Rp), plus the hidden helper columns."""

    def __init__(self, r: EvaluasiLaporan) -> None:
        self.cols = ek.columns(r.varian)
        self.rp = any(b.ada_rp for b in r.baris)
        self.k: dict[str, int] = {}
        self.rp_at: dict[str, int] = {}
        n = 1
        for k in self.cols:
            self.k[k.key] = n
            n += 1
            if k.ganda and self.rp:
                self.rp_at[k.key] = n
                n += 1
        self.last = n - 1
        self.help_k, self.help_rp = n, n + 1  # capaian Renja per row, for the footer mean

    def ref(self, key: str, row: int, rp: bool = False) -> str:
        return f"{col(self.rp_at[key] if rp else self.k[key])}{row}"


def _head(ws, c: _Columns, r: EvaluasiLaporan, start: int) -> int:
    akhir = int(r.renstra.rsplit("–", 1)[-1]) if "–" in r.renstra else r.tahun
    depth = 3 if c.rp else 2
    seen: set[str] = set()
    for k in c.cols:
        at, width = c.k[k.key], (2 if k.key in c.rp_at else 1)
        title = ek.title_of(k, r.tahun, akhir)
        split = k.key in c.rp_at
        if k.grup:
            if k.grup not in seen:
                seen.add(k.grup)
                span = sum(2 if m.key in c.rp_at else 1 for m in c.cols if m.grup == k.grup)
                head(ws, start, at, k.grup, cols=span)
            head(ws, start + 1, at, title, cols=width, rows=depth - 1 - (1 if split else 0))
        else:
            head(ws, start, at, title, cols=width, rows=depth - (1 if split else 0))
        if split:
            head(ws, start + depth - 1, at, "K")
            head(ws, start + depth - 1, at + 1, "Rp")
        head(ws, start + depth, at, ek.formula_of(r.varian, k), cols=width, fill=NUMBER_FILL)
    text(ws, start, c.help_k, "Capaian Renja K (%) — bantu", bold=True)
    text(ws, start, c.help_rp, "Capaian Renja Rp (%) — bantu", bold=True)
    return start + depth + 1


def _k_cells(ws, c: _Columns, row: int, b: EvaluasiBaris, a: Aturan) -> None:
    def put(key: str, value) -> None:
        number(
            ws,
            row,
            c.k[key],
            value,
            PERCENT if key in ("tingkat_capaian", "capaian_renja") else "General",
        )

    for key in ("target_renstra", "realisasi_lalu", "target_renja", *TW):
        v = b.nilai.get(key, KR())
        put(key, v.k_teks or v.k)
    tw = [c.ref(t, row) for t in TW]
    renja = aggregate_formula(a, tw)
    put(
        "realisasi_renja",
        renja if renja else (b.nilai["realisasi_renja"].k_teks or b.nilai["realisasi_renja"].k),
    )
    put(
        "realisasi_renstra",
        _renstra_formula(a, c.ref("realisasi_lalu", row), c.ref("realisasi_renja", row), b),
    )
    put(
        "tingkat_capaian",
        capaian_formula(a, c.ref("target_renstra", row), c.ref("realisasi_renstra", row)),
    )
    renja_cap = capaian_formula(a, c.ref("target_renja", row), c.ref("realisasi_renja", row))
    if "capaian_renja" in c.k:
        put("capaian_renja", renja_cap)
    number(ws, row, c.help_k, renja_cap, PERCENT)


def _renstra_formula(a: Aturan, lalu: str, renja: str, b: EvaluasiBaris):
    """Column 14: the rule over "up to last year" (7) and this year (13)."""
    if a.agregasi == "jumlah" and a.jenis_nilai != "skala":
        return f'=IF(AND({lalu}="",{renja}=""),"",SUM({lalu},{renja}))'
    if a.agregasi == "nilai_terakhir":
        return f'=IF({renja}<>"",{renja},IF({lalu}<>"",{lalu},""))'
    if a.agregasi == "nilai_tertinggi" and a.jenis_nilai != "skala":
        return f'=IF(COUNT({lalu},{renja})=0,"",MAX({lalu},{renja}))'
    v = b.nilai.get("realisasi_renstra", KR())
    return v.k_teks or v.k  # the mean over years, or a scale: the app's figure


def _rp_cells(ws, c: _Columns, row: int, b: EvaluasiBaris) -> None:
    if not c.rp:
        return
    for key in ("target_renstra", "realisasi_lalu", "target_renja", *TW):
        number(ws, row, c.rp_at[key], b.nilai.get(key, KR()).rp if b.ada_rp else None, RUPIAH)
    if not b.ada_rp:
        for key in ("realisasi_renja", "realisasi_renstra", "tingkat_capaian", "capaian_renja"):
            if key in c.rp_at:
                number(ws, row, c.rp_at[key], None, RUPIAH)
        number(ws, row, c.help_rp, None)
        return
    tw = ",".join(c.ref(t, row, True) for t in TW)
    number(ws, row, c.rp_at["realisasi_renja"], f'=IF(COUNT({tw})=0,"",SUM({tw}))', RUPIAH)
    lalu, now = c.ref("realisasi_lalu", row, True), c.ref("realisasi_renja", row, True)
    number(
        ws,
        row,
        c.rp_at["realisasi_renstra"],
        f'=IF(COUNT({lalu},{now})=0,"",SUM({lalu},{now}))',
        RUPIAH,
    )
    ratio = '=IF(OR({a}="",{b}="",{b}=0),"",{a}/{b}*100)'
    number(
        ws,
        row,
        c.rp_at["tingkat_capaian"],
        ratio.format(a=c.ref("realisasi_renstra", row, True), b=c.ref("target_renstra", row, True)),
        PERCENT,
    )
    renja_rp = ratio.format(a=now, b=c.ref("target_renja", row, True))
    if "capaian_renja" in c.rp_at:
        number(ws, row, c.rp_at["capaian_renja"], renja_rp, PERCENT)
    number(ws, row, c.help_rp, renja_rp, PERCENT)


def _row(ws, c: _Columns, row: int, b: EvaluasiBaris) -> None:
    texts = {
        "no": b.no,
        "sasaran": b.sasaran,
        "kode": b.kode,
        "uraian": b.uraian,
        "indikator": b.indikator,
        "unit": b.unit,
        "keterangan": b.keterangan,
    }
    for k in c.cols:
        if not k.angka:
            text(
                ws,
                row,
                c.k[k.key],
                texts[k.key],
                bold=k.key == "uraian" and b.tingkat == "program",
                small=k.key == "keterangan",
            )
    if b.aturan is not None:
        _k_cells(ws, c, row, b, b.aturan)
    else:
        for k in c.cols:
            if k.angka:
                number(ws, row, c.k[k.key], None)
        number(ws, row, c.help_k, None)
    _rp_cells(ws, c, row, b)


def _footer(
    ws, c: _Columns, r: EvaluasiLaporan, row: int, *, k_rows: list[int], rp_rows: list[int]
) -> dict[str, int]:
    where = {}
    lines = [
        ("renja", "Renja tahun berjalan", col(c.help_k), col(c.help_rp)),
        (
            "renstra",
            "Renstra s/d tahun berjalan",
            col(c.k["tingkat_capaian"]),
            col(c.rp_at["tingkat_capaian"]) if c.rp else "",
        ),
    ]
    target_k = c.k["tingkat_capaian"]
    for which, label, k_col, rp_col in lines:
        text(ws, row, 1, f"Rata-rata capaian kinerja {label} (%)", bold=True, fill=TOTAL_FILL)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=target_k - 1)
        number(
            ws,
            row,
            target_k,
            mean_formula(ranges(k_col, k_rows)),
            PERCENT,
            fill=TOTAL_FILL,
            bold=True,
        )
        text(ws, row + 1, 1, f"Predikat kinerja {label}", bold=True, fill=TOTAL_FILL)
        ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=target_k - 1)
        number(
            ws,
            row + 1,
            target_k,
            predikat_formula(r.predikat, f"{col(target_k)}{row}"),
            fill=TOTAL_FILL,
            bold=True,
        )
        if c.rp and rp_col:
            rp_at = c.rp_at["tingkat_capaian"]
            number(
                ws,
                row,
                rp_at,
                mean_formula(ranges(rp_col, rp_rows)),
                PERCENT,
                fill=TOTAL_FILL,
                bold=True,
            )
            number(
                ws,
                row + 1,
                rp_at,
                predikat_formula(r.predikat, f"{col(rp_at)}{row}"),
                fill=TOTAL_FILL,
                bold=True,
            )
        where[which] = row
        row += 2
    for key, label in TEXTS:
        text(ws, row, 1, f"{label}:\n{r.teks.get(key, '').strip() or '—'}")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=c.last)
        ws.row_dimensions[row].height = 42
        row += 1
    text(ws, row + 1, 1, " ".join(r.catatan), border=False, small=True)
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=c.last)
    return where


def write_evaluasi(wb: Workbook, r: EvaluasiLaporan, stamp: Stamp, digest: str) -> dict[str, int]:
    """The workbook's sheet; the row of each indicator ("kode|indikator") and of the footer."""
    ws = wb.active
    ws.title = "Evaluasi Renja"
    c = _Columns(r)
    start = title_rows(
        ws,
        [
            "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
            f"{r.kop.nama_kantor.upper()} — PERIODE PELAKSANAAN {r.periode_label.upper()}",
            f"Renstra: {r.renstra}",
        ],
        c.last,
    )
    row = _head(ws, c, r, start)
    first = row
    where: dict[str, int] = {}
    k_rows, rp_rows = [], []
    kode = ""
    for b in r.baris:
        kode = b.kode or kode
        _row(ws, c, row, b)
        if b.aturan is not None:
            k_rows.append(row)
            where[f"{kode}|{b.indikator}"] = row
        if b.ada_rp:
            rp_rows.append(row)
            where[f"rp|{kode}"] = row
        row += 1
    where.update(_footer(ws, c, r, row, k_rows=k_rows, rp_rows=rp_rows))
    widths = {
        "no": 5,
        "sasaran": 20,
        "kode": 14,
        "uraian": 28,
        "indikator": 28,
        "unit": 16,
        "keterangan": 30,
    }
    for k in c.cols:
        ws.column_dimensions[col(c.k[k.key])].width = widths.get(k.key, 9)
        if k.key in c.rp_at:
            ws.column_dimensions[col(c.rp_at[k.key])].width = 14
    ws.column_dimensions[col(c.help_k)].hidden = True
    ws.column_dimensions[col(c.help_rp)].hidden = True
    ws.freeze_panes = f"{col(c.k['indikator'] + 1)}{first}"
    landscape_page(ws, f"{start}:{first - 1}")
    version_sheet(wb, r.jenis, r.periode, stamp, digest)
    return where
